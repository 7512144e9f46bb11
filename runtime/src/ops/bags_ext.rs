//! Module `"BagsExt"`: `BagAdd`, `BagRemove`, `BagRemoveAll`, `FoldBag` (TLC's left fold over
//! every copy of every element, in element order), `SumBag`, `ProductBag`.

use super::{builtin, call_op, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("BagAdd", |b, x| adjust(b, x, 1)),
    builtin!("BagRemove", |b, x| adjust(b, x, -1)),
    builtin!("BagRemoveAll", |b, x| Ok(Value::fun(b.fun_pairs()?.into_iter().filter(|(k, _)| k != x).collect()))),
    ("FoldBag", fold_bag),
    builtin!("SumBag", |b| fold_copies(b, Value::Int(0), |acc, x| super::naturals::add(&acc, x))),
    builtin!("ProductBag", |b| fold_copies(b, Value::Int(1), |acc, x| super::naturals::mul(&acc, x))),
];

/// Adds `delta` copies of `x` (removing `x` when no copy is left).
fn adjust(b: &Value, x: &Value, delta: i64) -> Result<Value, EvalError> {
    let mut pairs = b.fun_pairs()?;
    match pairs.iter().position(|(k, _)| k == x) {
        Some(i) => {
            let n = pairs[i].1.as_int()? + delta;
            if n <= 0 {
                pairs.remove(i);
            } else {
                pairs[i].1 = Value::Int(n);
            }
        }
        None if delta > 0 => pairs.push((x.clone(), Value::Int(delta))),
        None => {}
    }
    Ok(Value::fun(pairs))
}

fn fold_copies(
    b: &Value,
    base: Value,
    mut op: impl FnMut(Value, &Value) -> Result<Value, EvalError>,
) -> Result<Value, EvalError> {
    let mut acc = base;
    for (x, n) in b.fun_pairs()? {
        let n = n.as_int().map_err(|_| super::arg_error("third", "FoldBag", "a bag", b))?;
        if n <= 0 {
            return Err(super::arg_error("third", "FoldBag", "a bag", b));
        }
        for _ in 0..n {
            acc = op(acc, &x)?;
        }
    }
    Ok(acc)
}

fn fold_bag(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, b] = args else { return Err(EvalError::other("FoldBag takes 3 arguments.")) };
    let op = op.op()?;
    fold_copies(b.value()?, base.value()?.clone(), |acc, x| call_op(op, &[acc, x.clone()], "FoldBag"))
}
