//! Module `"Folds"`: `MapThenFoldSet`, the fold that the CommunityModules folds are built on,
//! plus the shared fold helpers of FiniteSetsExt, Functions and SequencesExt.

use super::{call_op, Arg, BuiltinContext, ModuleOps, OpArg};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[("MapThenFoldSet", map_then_fold_set)];

/// `MapThenFoldSet(op, base, f, choose, S)`: with `x1 = choose(S)`, `x2 = choose(S \ {x1})`, …
/// the value `op(f(x1), op(f(x2), … op(f(xn), base)))`.
fn map_then_fold_set(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, f, choose, s] = args else { return Err(EvalError::other("MapThenFoldSet takes 5 arguments.")) };
    let (op, f, choose) = (op.op()?, f.op()?, choose.op()?);
    let mut rest: Vec<Value> = s.value()?.enumerate()?.to_vec();
    let mut order = Vec::with_capacity(rest.len());
    while !rest.is_empty() {
        let x = call_op(choose, &[Value::set_from_sorted(rest.clone())], "MapThenFoldSet")?;
        let Ok(i) = rest.binary_search(&x) else {
            return Err(EvalError::other(format!(
                "The choose argument of MapThenFoldSet returned {x}, which is not in the set."
            )));
        };
        order.push(rest.remove(i));
    }
    fold_right(op, order.iter().map(|x| call_op(f, std::slice::from_ref(x), "MapThenFoldSet")), base.value()?.clone())
}

/// `op(x1, op(x2, … op(xn, base)))` over the given elements.
pub(crate) fn fold_right(
    op: &dyn OpArg,
    elems: impl DoubleEndedIterator<Item = Result<Value, EvalError>>,
    base: Value,
) -> Result<Value, EvalError> {
    let items: Vec<Value> = elems.collect::<Result<_, _>>()?;
    items.into_iter().rev().try_fold(base, |acc, x| call_op(op, &[x, acc], "a fold"))
}
