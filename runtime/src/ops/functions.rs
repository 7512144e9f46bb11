//! Module `"Functions"`: `Range`, `Restrict`, `Inverse`, `IsInjective`, `IsSurjective`,
//! `IsBijection`, `AntiFunction`, `FoldFunction`, `FoldFunctionOnSet`, and the sets and
//! existence tests of injections, surjections and bijections.

use super::{builtin, call_op, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("Range", |f| range(f)),
    builtin!("Restrict", |f, s| restrict(f, s)),
    builtin!("Inverse", |f, s, t| inverse(f, s, t)),
    builtin!("IsInjective", |f| is_injective(f).map(Value::Bool)),
    builtin!("IsSurjective", |f, s, t| is_surjective(f, s, t).map(Value::Bool)),
    builtin!("IsBijection", |f, s, t| Ok(Value::Bool(is_injective(f)? && is_surjective(f, s, t)?))),
    builtin!("AntiFunction", |f| Ok(Value::fun(f.fun_pairs()?.into_iter().map(|(k, v)| (v, k)).collect()))),
    ("FoldFunction", fold_function),
    ("FoldFunctionOnSet", fold_function_on_set),
    builtin!("Injection", |s, t| filter_funs(s, t, |f, _, _| is_injective(f))),
    builtin!("Surjection", |s, t| filter_funs(s, t, is_surjective)),
    builtin!("Bijection", |s, t| filter_funs(s, t, |f, s, t| Ok(is_injective(f)? && is_surjective(f, s, t)?))),
    builtin!("ExistsInjection", |s, t| Ok(Value::Bool(s.cardinality()? <= t.cardinality()?))),
    builtin!("ExistsSurjection", |s, t| Ok(Value::Bool(
        s.cardinality()? >= t.cardinality()? && (t.cardinality()? > 0 || s.cardinality()? == 0)
    ))),
    builtin!("ExistsBijection", |s, t| Ok(Value::Bool(s.cardinality()? == t.cardinality()?))),
];

/// `Range(f)`: `{f[x] : x \in DOMAIN f}`.
pub fn range(f: &Value) -> Result<Value, EvalError> {
    match f {
        Value::Tuple(t) => Ok(Value::set(t.to_vec())),
        _ => Ok(Value::set(f.fun_pairs()?.into_iter().map(|(_, v)| v).collect())),
    }
}

/// `Restrict(f, S)`: `[x \in S |-> f[x]]`.
pub fn restrict(f: &Value, s: &Value) -> Result<Value, EvalError> {
    let keys = s.enumerate()?;
    Ok(Value::fun_from_sorted(keys.iter().map(|k| Ok((k.clone(), f.apply(k)?))).collect::<Result<_, EvalError>>()?))
}

/// `Inverse(f, S, T)`: `[t \in T |-> CHOOSE s \in S : t \in Range(f) => f[s] = t]`.
pub fn inverse(f: &Value, s: &Value, t: &Value) -> Result<Value, EvalError> {
    let dom = s.enumerate()?;
    let rng = range(f)?;
    let mut pairs = Vec::new();
    for y in t.enumerate()?.iter() {
        let in_range = rng.contains(y)?;
        let mut pick = None;
        for x in dom.iter() {
            if !in_range || f.apply(x)? == *y {
                pick = Some(x.clone());
                break;
            }
        }
        let Some(x) = pick else {
            return Err(EvalError::new(crate::value::EvalErrorKind::NoWitness, "Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P (in Inverse)."));
        };
        pairs.push((y.clone(), x));
    }
    Ok(Value::fun_from_sorted(pairs))
}

pub fn is_injective(f: &Value) -> Result<bool, EvalError> {
    let mut vals: Vec<Value> = match f {
        Value::Tuple(t) => t.to_vec(),
        _ if f.is_function() => f.fun_pairs()?.into_iter().map(|(_, v)| v).collect(),
        _ => return Err(super::arg_error("first", "IsInjective", "a function", f)),
    };
    let n = vals.len();
    vals.sort_unstable();
    vals.dedup();
    Ok(vals.len() == n)
}

/// `IsSurjective(f, S, T)`: every element of `T` is the image of some element of `S`.
pub fn is_surjective(f: &Value, s: &Value, t: &Value) -> Result<bool, EvalError> {
    let images = Value::set(s.enumerate()?.iter().map(|x| f.apply(x)).collect::<Result<_, _>>()?);
    for y in t.enumerate()?.iter() {
        if !images.contains(y)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn filter_funs(
    s: &Value,
    t: &Value,
    keep: fn(&Value, &Value, &Value) -> Result<bool, EvalError>,
) -> Result<Value, EvalError> {
    let all = Value::lazy(LazySet::FunSet(s.clone(), t.clone())).enumerate()?;
    let mut out = Vec::new();
    for f in all.iter() {
        if keep(f, s, t)? {
            out.push(f.clone());
        }
    }
    Ok(Value::set_from_sorted(out))
}

/// `FoldFunction(op, base, f)` as TLC's override computes it: `op(f[xn], … op(f[x1], base))`
/// with `x1 < … < xn` the domain in order (the TLA+ definition nests the other way round).
fn fold_function(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, f] = args else { return Err(EvalError::other("FoldFunction takes 3 arguments.")) };
    let op = op.op()?;
    let pairs = f.value()?.fun_pairs()?;
    pairs.into_iter().try_fold(base.value()?.clone(), |acc, (_, v)| call_op(op, &[v, acc], "FoldFunction"))
}

/// `FoldFunctionOnSet(op, base, f, S)`: `FoldFunction` over the arguments in `S`, in order.
fn fold_function_on_set(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, f, s] = args else { return Err(EvalError::other("FoldFunctionOnSet takes 4 arguments.")) };
    let (op, f) = (op.op()?, f.value()?);
    let keys = s.value()?.enumerate()?;
    keys.iter().try_fold(base.value()?.clone(), |acc, k| call_op(op, &[f.apply(k)?, acc], "FoldFunctionOnSet"))
}
