//! `Display` in TLC's print format: `{1, 2}`, `<<1, "a">>`, `[a |-> 1]`, `(1 :> "a" @@ 2 :> "b")`.

use std::fmt::{self, Display, Formatter, Write};

use super::{LazySet, Value};

/// Writes a string literal as TLC prints it: quoted, with `"`, `\` and control characters escaped.
pub(crate) fn write_quoted(f: &mut impl Write, s: &str) -> fmt::Result {
    f.write_char('"')?;
    for c in s.chars() {
        match c {
            '"' => f.write_str("\\\"")?,
            '\\' => f.write_str("\\\\")?,
            '\n' => f.write_str("\\n")?,
            '\t' => f.write_str("\\t")?,
            '\r' => f.write_str("\\r")?,
            '\u{c}' => f.write_str("\\f")?,
            c => f.write_char(c)?,
        }
    }
    f.write_char('"')
}

/// TLC prints a record as `[a |-> …]` only when every field is a name (letters, digits and `_`,
/// at least one letter, not starting with `WF_`/`SF_`); otherwise as a function.
pub(crate) fn is_name(s: &str) -> bool {
    let ok_chars = s.chars().all(|c| c == '_' || c.is_alphanumeric());
    let has_letter = s.chars().any(char::is_alphabetic);
    ok_chars && has_letter && (s.len() < 4 || !(s.starts_with("WF_") || s.starts_with("SF_")))
}

fn write_list<'a>(f: &mut Formatter<'_>, items: impl Iterator<Item = &'a Value>, sep: &str) -> fmt::Result {
    for (i, v) in items.enumerate() {
        if i > 0 {
            f.write_str(sep)?;
        }
        write!(f, "{v}")?;
    }
    Ok(())
}

fn write_pairs(f: &mut Formatter<'_>, pairs: impl Iterator<Item = (Value, Value)>) -> fmt::Result {
    f.write_char('(')?;
    for (i, (k, v)) in pairs.enumerate() {
        if i > 0 {
            f.write_str(" @@ ")?;
        }
        write!(f, "{k} :> {v}")?;
    }
    f.write_char(')')
}

impl Display for Value {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(true) => f.write_str("TRUE"),
            Value::Bool(false) => f.write_str("FALSE"),
            Value::Int(i) => write!(f, "{i}"),
            Value::Str(s) => write_quoted(f, s),
            Value::ModelValue(s) => f.write_str(s),
            Value::Set(elems) => {
                f.write_char('{')?;
                write_list(f, elems.iter(), ", ")?;
                f.write_char('}')
            }
            Value::Interval(lo, hi) if hi < lo => f.write_str("{}"),
            Value::Interval(lo, hi) => write!(f, "{lo}..{hi}"),
            Value::Tuple(elems) => {
                f.write_str("<<")?;
                write_list(f, elems.iter(), ", ")?;
                f.write_str(">>")
            }
            Value::Record(fields) if fields.iter().all(|(k, _)| is_name(k)) => {
                f.write_char('[')?;
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k} |-> {v}")?;
                }
                f.write_char(']')
            }
            Value::Record(fields) => write_pairs(f, fields.iter().map(|(k, v)| (Value::Str(k.clone()), v.clone()))),
            Value::Fun(fun) => write_pairs(f, fun.keys.iter().cloned().zip(fun.vals.iter().cloned())),
            Value::Lazy(set) => match expanded(self) {
                Some(elems) => write!(f, "{}", Value::Set(elems)),
                None => write!(f, "{set}"),
            },
            Value::LazyFun(fun) => f.write_str(&fun.describe()),
        }
    }
}

/// TLC prints a finite lazy set (`SUBSET S`, `[S -> T]`, …) with fewer elements than its
/// enumeration bound as its elements (`TLCGlobals.expand`); only larger or infinite ones stay
/// symbolic.
const ENUM_BOUND: i64 = 2_000_000;

fn expanded(v: &Value) -> Option<std::sync::Arc<[Value]>> {
    if let Value::Lazy(l) = v {
        if matches!(**l, LazySet::Custom(_)) {
            return None;
        }
    }
    // Errors raised while sizing the set are formatted with `Display` again; the guard makes
    // those nested prints symbolic instead of recursing.
    thread_local!(static SIZING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
    if SIZING.with(|s| s.replace(true)) {
        return None;
    }
    let small = matches!(v.is_finite_set(), Ok(true)) && matches!(v.cardinality(), Ok(n) if n < ENUM_BOUND);
    let elems = if small { v.enumerate().ok() } else { None };
    SIZING.with(|s| s.set(false));
    elems
}

impl Display for LazySet {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            LazySet::Nat => f.write_str("Nat"),
            LazySet::Int => f.write_str("Int"),
            LazySet::Real => f.write_str("Real"),
            LazySet::Strings => f.write_str("STRING"),
            LazySet::Subset(s) => write!(f, "SUBSET {s}"),
            LazySet::FunSet(s, t) => write!(f, "[{s} -> {t}]"),
            LazySet::RecordSet(fields) => {
                f.write_char('[')?;
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{k} : {v}")?;
                }
                f.write_char(']')
            }
            LazySet::Seq(s) => write!(f, "Seq({s})"),
            LazySet::Product(sets) => {
                f.write_char('(')?;
                write_list(f, sets.iter(), " \\X ")?;
                f.write_char(')')
            }
            LazySet::Union(s) => write!(f, "UNION {s}"),
            LazySet::Custom(c) => f.write_str(&c.describe()),
        }
    }
}
