//! Module `"Sequences"`: `Seq`, `Len`, `\o`, `Append`, `Head`, `Tail`, `SubSeq`, `SelectSeq`.
//! As in TLC, `Len`, `\o`, `Head`, `Tail`, `Append` and `SubSeq` also take strings, and a lazy
//! function over `1..n` is a sequence.

use std::borrow::Cow;
use std::sync::Arc;

use super::{arg_error, builtin, call_pred, one_arg_error, values, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("Seq", |s| seq_set(s)),
    builtin!("Len", |s| len(s)),
    builtin!("\\o", |a, b| concat(a, b)),
    builtin!("Append", |s, e| append(s, e)),
    builtin!("Head", |s| head(s)),
    builtin!("Tail", |s| tail(s)),
    builtin!("SubSeq", |s, m, n| subseq(s, m, n)),
    ("SelectSeq", select_seq_op),
];

/// The elements of a sequence argument, or TLC's error for a non-sequence. A lazy function over
/// `1..n` (a recursively defined sequence) is a sequence too.
pub fn seq<'a>(v: &'a Value, nth: &str, op: &str) -> Result<Cow<'a, [Value]>, EvalError> {
    match v {
        Value::Tuple(t) => Ok(Cow::Borrowed(t)),
        Value::LazyFun(_) => match v.fun_pairs().map(Value::fun_from_sorted) {
            Ok(Value::Tuple(t)) => Ok(Cow::Owned(t.to_vec())),
            _ => Err(arg_error(nth, op, "a sequence", v)),
        },
        _ => Err(arg_error(nth, op, "a sequence", v)),
    }
}

pub fn seq_set(s: &Value) -> Result<Value, EvalError> {
    if !s.is_set() {
        return Err(arg_error("first", "Seq", "a set", s));
    }
    Ok(Value::lazy(LazySet::Seq(s.clone())))
}

pub fn len(s: &Value) -> Result<Value, EvalError> {
    match s {
        Value::Tuple(t) => Ok(Value::Int(t.len() as i64)),
        Value::Str(st) => Ok(Value::Int(st.chars().count() as i64)),
        _ => seq(s, "first", "Len")
            .map(|t| Value::Int(t.len() as i64))
            .map_err(|_| one_arg_error("Len", "a sequence", s)),
    }
}

pub fn concat(a: &Value, b: &Value) -> Result<Value, EvalError> {
    match (a, b) {
        (Value::Str(x), Value::Str(y)) => Ok(Value::Str(Arc::from(format!("{x}{y}")))),
        _ => {
            let (x, y) = (seq(a, "first", "\\o")?, seq(b, "second", "\\o")?);
            if y.is_empty() {
                return Ok(a.clone());
            }
            if x.is_empty() {
                return Ok(b.clone());
            }
            Ok(Value::Tuple(x.iter().chain(y.iter()).cloned().collect()))
        }
    }
}

/// `Append(s, e)`; as in TLC, appending a string to a string concatenates them.
pub fn append(s: &Value, e: &Value) -> Result<Value, EvalError> {
    if let (Value::Str(x), Value::Str(y)) = (s, e) {
        return Ok(Value::Str(Arc::from(format!("{x}{y}"))));
    }
    let x = seq(s, "first", "Append")?;
    Ok(Value::Tuple(x.iter().cloned().chain(std::iter::once(e.clone())).collect()))
}

fn empty(op: &str) -> EvalError {
    EvalError::not_in_domain(format!("Attempted to apply {op} to the empty sequence.")).from_module()
}

/// `Head(s)`; the head of a string is its first character, as a string.
pub fn head(s: &Value) -> Result<Value, EvalError> {
    match s {
        Value::Tuple(t) => t.first().cloned().ok_or_else(|| empty("Head")),
        Value::Str(st) => {
            st.chars().next().map(|c| Value::str(c.encode_utf8(&mut [0; 4]))).ok_or_else(|| empty("Head"))
        }
        _ => match seq(s, "first", "Head") {
            Ok(t) => t.first().cloned().ok_or_else(|| empty("Head")),
            Err(_) => Err(one_arg_error("Head", "a sequence", s)),
        },
    }
}

/// `Tail(s)`; the tail of a string is a string.
pub fn tail(s: &Value) -> Result<Value, EvalError> {
    match s {
        Value::Tuple(t) if t.is_empty() => Err(empty("Tail")),
        Value::Tuple(t) => Ok(Value::Tuple(t[1..].iter().cloned().collect())),
        Value::Str(st) => {
            let mut chars = st.chars();
            chars.next().ok_or_else(|| empty("Tail"))?;
            Ok(Value::str(chars.as_str()))
        }
        _ => match seq(s, "first", "Tail") {
            Ok(t) if t.is_empty() => Err(empty("Tail")),
            Ok(t) => Ok(Value::Tuple(t[1..].iter().cloned().collect())),
            Err(_) => Err(one_arg_error("Tail", "a sequence", s)),
        },
    }
}

/// `SubSeq(s, m, n)`: `<<s[m], …, s[n]>>`, empty when `m > n`.
pub fn subseq(s: &Value, m: &Value, n: &Value) -> Result<Value, EvalError> {
    let (m, n) = super::naturals::ints(m, n, "SubSeq")?;
    if let Value::Str(st) = s {
        let chars: Vec<char> = st.chars().collect();
        return bounds(m, n, chars.len(), s)
            .map(|(lo, hi)| Value::Str(Arc::from(chars[lo..hi].iter().collect::<String>())));
    }
    let x = seq(s, "first", "SubSeq")?;
    bounds(m, n, x.len(), s).map(|(lo, hi)| Value::tuple(x[lo..hi].to_vec()))
}

fn bounds(m: i64, n: i64, len: usize, s: &Value) -> Result<(usize, usize), EvalError> {
    if m > n {
        return Ok((0, 0));
    }
    let not_in_domain = |nth: &str, bad: i64| {
        EvalError::not_in_domain(format!(
            "The {nth} argument of SubSeq must be in the domain of its first argument:\n{s}\n, but instead it is\n{bad}"
        ))
    };
    if m < 1 || m > len as i64 {
        return Err(not_in_domain("second", m));
    }
    if n < 1 || n > len as i64 {
        return Err(not_in_domain("third", n));
    }
    Ok((m as usize - 1, n as usize))
}

fn select_seq_op(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    if args.len() != 2 {
        return values::<2>(args, "SelectSeq").map(|_| Value::Bool(false));
    }
    let s = seq(args[0].value()?, "first", "SelectSeq")?;
    let test = args[1].op()?;
    let mut out = Vec::new();
    for e in s.iter() {
        if call_pred(test, std::slice::from_ref(e), "SelectSeq")? {
            out.push(e.clone());
        }
    }
    Ok(Value::tuple(out))
}
