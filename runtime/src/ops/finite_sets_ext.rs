//! Module `"FiniteSetsExt"`: folds over sets (in TLC's `CHOOSE` order: ascending), `Sum`,
//! `Product`, `Max`, `Min`, `Quantify`, `kSubset`, `SymDiff`, `FlattenSet`, `ReduceSet`.

use super::folds::fold_right;
use super::{builtin, call_pred, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, EvalErrorKind, Value};

pub(crate) const OPS: ModuleOps = &[
    ("FoldSet", fold_set),
    ("ReduceSet", reduce_set),
    builtin!("SumSet", |s| sum(s)),
    builtin!("Sum", |s| sum(s)),
    builtin!("ProductSet", |s| product(s)),
    builtin!("Product", |s| product(s)),
    builtin!("Max", |s| extreme(s, "Max", true)),
    builtin!("Min", |s| extreme(s, "Min", false)),
    ("Quantify", quantify),
    builtin!("kSubset", |k, s| k_subset(k, s)),
    builtin!("SymDiff", |a, b| a.difference(b)?.union(&b.difference(a)?)),
    builtin!("FlattenSet", |s| super::core::union_of(s)),
];

/// `FoldSet(op, base, S)`: `op(x1, op(x2, … op(xn, base)))` with `x1 < x2 < … < xn`.
fn fold_set(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldSet takes 3 arguments.")) };
    fold_right(op.op()?, s.value()?.enumerate()?.iter().cloned().map(Ok), base.value()?.clone())
}

/// `ReduceSet(op, S, acc)`: `FoldSet` with the set before the base.
fn reduce_set(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, s, acc] = args else { return Err(EvalError::other("ReduceSet takes 3 arguments.")) };
    fold_right(op.op()?, s.value()?.enumerate()?.iter().cloned().map(Ok), acc.value()?.clone())
}

fn sum(s: &Value) -> Result<Value, EvalError> {
    s.enumerate()?.iter().try_fold(Value::Int(0), |acc, x| super::naturals::add(&acc, x))
}

fn product(s: &Value) -> Result<Value, EvalError> {
    s.enumerate()?.iter().try_fold(Value::Int(1), |acc, x| super::naturals::mul(&acc, x))
}

/// `Max(S)`/`Min(S)`: `CHOOSE x \in S : \A y \in S : x >= y` (resp. `<=`).
fn extreme(s: &Value, name: &str, max: bool) -> Result<Value, EvalError> {
    let elems = s.enumerate()?;
    for e in elems.iter() {
        e.as_int().map_err(|_| super::arg_error("first", name, "a set of integers", s))?;
    }
    let pick = if max { elems.last() } else { elems.first() };
    pick.cloned().ok_or_else(|| {
        EvalError::new(EvalErrorKind::NoWitness, format!("Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.\n({name} of the empty set)"))
    })
}

fn quantify(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, p] = args else { return Err(EvalError::other("Quantify takes 2 arguments.")) };
    let p = p.op()?;
    let mut n = 0;
    for e in s.value()?.enumerate()?.iter() {
        if call_pred(p, std::slice::from_ref(e), "Quantify")? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `kSubset(k, S)`: the subsets of `S` with `k` elements, in sorted order.
pub fn k_subset(k: &Value, s: &Value) -> Result<Value, EvalError> {
    let k = k.as_int()?;
    let elems = s.enumerate()?;
    match usize::try_from(k) {
        Ok(k) if k <= elems.len() => {
            // C(n, k) computed incrementally: every prefix product is itself a binomial coefficient.
            let count = (0..k)
                .try_fold(1u128, |acc, i| acc.checked_mul((elems.len() - i) as u128).map(|x| x / (i as u128 + 1)));
            if !matches!(count, Some(c) if c <= 1 << 26) {
                return Err(EvalError::not_enumerable(format!("kSubset({k}, {s}) is too large to enumerate.")));
            }
            Ok(Value::set_from_sorted(crate::value::k_subsets(&elems, k)))
        }
        _ => Ok(Value::empty_set()),
    }
}
