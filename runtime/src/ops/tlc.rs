//! Module `"TLC"`: `Print`, `PrintT`, `Assert`, `JavaTime`, `TLCGet`, `TLCSet`, `:>`, `@@`,
//! `Permutations`, `SortSeq`, `RandomElement`, `Any`, `ToString`, `TLCEval`.

use std::sync::Arc;

use super::{call_pred, values, Arg, BuiltinContext, ModuleOps};
use crate::value::{CustomSet, EvalError, EvalErrorKind, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    ("Print", print),
    ("PrintT", print_t),
    ("Assert", assert),
    ("JavaTime", java_time),
    ("TLCGet", tlc_get),
    ("TLCSet", tlc_set),
    super::builtin!(":>", |d, e| Ok(single(d, e))),
    super::builtin!("@@", |f, g| merge(f, g)),
    super::builtin!("Permutations", |s| permutations(s)),
    ("SortSeq", sort_seq),
    ("RandomElement", random_element),
    super::builtin!("Any", || Ok(any())),
    super::builtin!("ToString", |v| Ok(Value::Str(Arc::from(v.to_string())))),
    super::builtin!("TLCEval", |v| Ok(v.clone())),
];

fn print(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [out, val] = values(args, "Print")?;
    let width = crate::value::TLC_PRINT_WIDTH;
    ctx.print(&format!("{}  {}", out.pretty(width), val.pretty(width)));
    Ok(val.clone())
}

fn print_t(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [out] = values(args, "PrintT")?;
    ctx.print(&out.pretty(crate::value::TLC_PRINT_WIDTH));
    Ok(Value::Bool(true))
}

fn assert(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [cond, out] = values(args, "Assert")?;
    match cond {
        Value::Bool(true) => Ok(Value::Bool(true)),
        Value::Bool(false) => Err(EvalError::new(
            EvalErrorKind::AssertionFailed,
            format!(
                "The first argument of Assert evaluated to FALSE; the second argument was:\n{}",
                out.pretty(crate::value::TLC_PRINT_WIDTH)
            ),
        )),
        _ => Err(super::arg_error("first", "Assert", "a boolean", cond)),
    }
}

fn java_time(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    values::<0>(args, "JavaTime")?;
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    // TLC returns a Java int: the seconds masked to 31 bits.
    Ok(Value::Int((secs & 0x7FFF_FFFF) as i64))
}

fn tlc_get(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [key] = values(args, "TLCGet")?;
    ctx.tlc_get(key)
}

fn tlc_set(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [key, val] = values(args, "TLCSet")?;
    ctx.tlc_set(key, val.clone())?;
    Ok(Value::Bool(true))
}

/// `d :> e`: the function with domain `{d}` mapping `d` to `e`.
pub fn single(d: &Value, e: &Value) -> Value {
    Value::fun_from_sorted(vec![(d.clone(), e.clone())])
}

/// `f @@ g`: `f` extended by `g` on arguments outside `DOMAIN f`.
pub fn merge(f: &Value, g: &Value) -> Result<Value, EvalError> {
    let mut pairs = f.fun_pairs()?;
    let more = g.fun_pairs()?;
    if more.is_empty() {
        return Ok(f.clone());
    }
    pairs.extend(more);
    // `Value::fun` keeps the first pair for a repeated argument, so `f` wins, as in TLC.
    pairs.sort_by(|a, b| a.0.cmp(&b.0));
    pairs.dedup_by(|later, earlier| later.0 == earlier.0);
    Ok(Value::fun_from_sorted(pairs))
}

/// `Permutations(S)`: every bijection from `S` to itself.
pub fn permutations(s: &Value) -> Result<Value, EvalError> {
    let elems = s.enumerate()?;
    if elems.len() > 12 {
        return Err(EvalError::not_enumerable(format!(
            "Permutations of a set of {} elements is too large.",
            elems.len()
        )));
    }
    let mut out = Vec::new();
    let mut perm: Vec<usize> = (0..elems.len()).collect();
    loop {
        out.push(Value::fun_from_sorted(elems.iter().cloned().zip(perm.iter().map(|&i| elems[i].clone())).collect()));
        if !next_permutation(&mut perm) {
            break;
        }
    }
    Ok(Value::set(out))
}

fn next_permutation(p: &mut [usize]) -> bool {
    let Some(i) = (1..p.len()).rev().find(|&i| p[i - 1] < p[i]) else { return false };
    let j = (i..p.len()).rev().find(|&j| p[j] > p[i - 1]).unwrap_or(i);
    p.swap(i - 1, j);
    p[i..].reverse();
    true
}

fn sort_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, op] = args else { return Err(EvalError::other("SortSeq takes 2 arguments.")) };
    let mut elems = super::sequences::seq(s.value()?, "first", "SortSeq")?.to_vec();
    let op = op.op()?;
    // A stable insertion of each element after every element that is not greater, so that
    // errors from the comparator surface instead of being swallowed by `sort_by`.
    let mut out: Vec<Value> = Vec::with_capacity(elems.len());
    for e in elems.drain(..) {
        let mut pos = out.len();
        while pos > 0 && call_pred(op, &[e.clone(), out[pos - 1].clone()], "SortSeq")? {
            pos -= 1;
        }
        out.insert(pos, e);
    }
    Ok(Value::tuple(out))
}

fn random_element(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s] = values(args, "RandomElement")?;
    let elems = s.enumerate()?;
    if elems.is_empty() {
        return Err(EvalError::new(EvalErrorKind::NoWitness, "Attempted to apply RandomElement to the empty set."));
    }
    Ok(elems[(ctx.random_u64() % elems.len() as u64) as usize].clone())
}

/// `Any`: the set that contains every value.
struct AnySet;

impl CustomSet for AnySet {
    fn contains(&self, _: &Value) -> Result<bool, EvalError> {
        Ok(true)
    }
    fn enumerate(&self) -> Result<Vec<Value>, EvalError> {
        Err(EvalError::not_enumerable("Attempted to enumerate the set Any."))
    }
    fn describe(&self) -> String {
        "Any".to_string()
    }
}

pub fn any() -> Value {
    Value::lazy(LazySet::Custom(Arc::new(AnySet)))
}
