//! Module `"Bags"`: bags as functions from elements to positive counts, as TLC's `Bags.java`.

use super::{arg_error, builtin, call_op, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("EmptyBag", || Ok(Value::empty_tuple())),
    builtin!("IsABag", |b| is_a_bag(b).map(Value::Bool)),
    builtin!("BagToSet", |b| b.domain()),
    builtin!("SetToBag", |s| set_to_bag(s)),
    builtin!("BagIn", |e, b| Ok(Value::Bool(copies_in(e, b)? > 0))),
    builtin!("CopiesIn", |e, b| copies_in(e, b).map(Value::Int)),
    builtin!("\\oplus", |a, b| combine(a, b, "(+)", |x, y| x.checked_add(y))),
    builtin!("\\ominus", |a, b| combine(a, b, "(-)", |x, y| x.checked_sub(y))),
    builtin!("BagUnion", |s| bag_union(s)),
    builtin!("\\sqsubseteq", |a, b| sqsubseteq(a, b).map(Value::Bool)),
    builtin!("BagCardinality", |b| bag_pairs(b, "BagCardinality")?
        .iter()
        .try_fold(0i64, |acc, (_, n)| {
            acc.checked_add(*n).ok_or_else(|| EvalError::overflow("Overflow in BagCardinality."))
        })
        .map(Value::Int)),
    ("BagOfAll", bag_of_all),
];

/// The (element, count) pairs of a bag.
fn bag_pairs(b: &Value, op: &str) -> Result<Vec<(Value, i64)>, EvalError> {
    if !b.is_function() {
        return Err(arg_error("first", op, "a bag", b));
    }
    b.fun_pairs()?
        .into_iter()
        .map(|(k, v)| Ok((k, v.as_int().map_err(|_| arg_error("first", op, "a bag", b))?)))
        .collect()
}

fn from_pairs(pairs: Vec<(Value, i64)>) -> Value {
    Value::fun(pairs.into_iter().filter(|(_, n)| *n > 0).map(|(k, n)| (k, Value::Int(n))).collect())
}

pub fn is_a_bag(b: &Value) -> Result<bool, EvalError> {
    if !b.is_function() {
        return Ok(false);
    }
    Ok(b.fun_pairs()?.iter().all(|(_, v)| matches!(v, Value::Int(n) if *n > 0)))
}

pub fn set_to_bag(s: &Value) -> Result<Value, EvalError> {
    Ok(Value::fun(s.enumerate()?.iter().map(|e| (e.clone(), Value::Int(1))).collect()))
}

pub fn copies_in(e: &Value, b: &Value) -> Result<i64, EvalError> {
    Ok(bag_pairs(b, "CopiesIn")?.into_iter().find(|(k, _)| k == e).map_or(0, |(_, n)| n))
}

fn combine(a: &Value, b: &Value, op: &str, f: fn(i64, i64) -> Option<i64>) -> Result<Value, EvalError> {
    let mut out = bag_pairs(a, op)?;
    for (k, n) in bag_pairs(b, op)? {
        match out.iter_mut().find(|(x, _)| *x == k) {
            Some(slot) => slot.1 = f(slot.1, n).ok_or_else(|| EvalError::overflow(format!("Overflow in {op}.")))?,
            None => out.push((k, f(0, n).unwrap_or(0))),
        }
    }
    Ok(from_pairs(out))
}

fn bag_union(s: &Value) -> Result<Value, EvalError> {
    let mut acc = Value::empty_tuple();
    for b in s.enumerate()?.iter() {
        acc = combine(&acc, b, "BagUnion", |x, y| x.checked_add(y))?;
    }
    Ok(acc)
}

fn sqsubseteq(a: &Value, b: &Value) -> Result<bool, EvalError> {
    let big = bag_pairs(b, "\\sqsubseteq")?;
    Ok(bag_pairs(a, "\\sqsubseteq")?.iter().all(|(k, n)| big.iter().any(|(x, m)| x == k && n <= m)))
}

fn bag_of_all(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [f, b] = args else { return Err(EvalError::other("BagOfAll takes 2 arguments.")) };
    let f = f.op()?;
    let mut out: Vec<(Value, i64)> = Vec::new();
    for (k, n) in bag_pairs(b.value()?, "BagOfAll")? {
        let img = call_op(f, &[k], "BagOfAll")?;
        match out.iter_mut().find(|(x, _)| *x == img) {
            Some(slot) => slot.1 += n,
            None => out.push((img, n)),
        }
    }
    Ok(from_pairs(out))
}
