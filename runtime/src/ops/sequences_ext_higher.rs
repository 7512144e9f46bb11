//! Module `"SequencesExt"`, operators that take an operator argument: the folds, the searches
//! and `SetToSortSeq`, with the semantics of TLC's Java overrides (which differ from the TLA+
//! definitions in fold order and in the indices `SelectInSubSeq` returns).

use super::sequences::seq;
use super::{call_op, call_pred, Arg, BuiltinContext, ModuleOps, OpArg};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    ("SetToSortSeq", set_to_sort_seq),
    ("FoldLeft", fold_left),
    ("FoldRight", fold_right),
    ("FoldSeq", fold_seq),
    ("FoldLeftDomain", fold_left_domain),
    ("FoldRightDomain", fold_right_domain),
    ("SelectInSeq", select_in_seq),
    ("SelectLastInSeq", select_last_in_seq),
    ("SelectInSubSeq", select_in_subseq),
    ("SelectLastInSubSeq", select_last_in_subseq),
    ("RemoveFirstMatch", remove_first_match),
];

fn set_to_sort_seq(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, op] = args else { return Err(EvalError::other("SetToSortSeq takes 2 arguments.")) };
    let as_seq = Value::tuple(s.value()?.enumerate()?.to_vec());
    let sort_seq = super::lookup("TLC", "SortSeq").ok_or_else(|| EvalError::other("SortSeq is missing."))?;
    sort_seq(&[Arg::Value(as_seq), Arg::Op(op.op()?)], ctx)
}

/// `op(…op(op(base, x1), x2)…, xn)`.
fn left(op: &dyn OpArg, base: Value, xs: impl Iterator<Item = Value>, name: &str) -> Result<Value, EvalError> {
    xs.into_iter().try_fold(base, |acc, x| call_op(op, &[acc, x], name))
}

/// `op(x1, op(x2, … op(xn, base)))`.
fn right(
    op: &dyn OpArg,
    base: Value,
    xs: impl DoubleEndedIterator<Item = Value>,
    name: &str,
) -> Result<Value, EvalError> {
    xs.rev().try_fold(base, |acc, x| call_op(op, &[x, acc], name))
}

fn fold_left(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldLeft takes 3 arguments.")) };
    let t = seq(s.value()?, "third", "FoldLeft")?;
    left(op.op()?, base.value()?.clone(), t.iter().cloned(), "FoldLeft")
}

fn fold_right(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, s, base] = args else { return Err(EvalError::other("FoldRight takes 3 arguments.")) };
    let t = seq(s.value()?, "second", "FoldRight")?;
    right(op.op()?, base.value()?.clone(), t.iter().cloned(), "FoldRight")
}

/// `FoldSeq(op, base, s)` is TLC's `FoldFunction`: `op(s[n], … op(s[2], op(s[1], base)))`.
fn fold_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldSeq takes 3 arguments.")) };
    let t = seq(s.value()?, "third", "FoldSeq")?;
    let op = op.op()?;
    t.iter().try_fold(base.value()?.clone(), |acc, x| call_op(op, &[x.clone(), acc], "FoldSeq"))
}

fn fold_left_domain(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldLeftDomain takes 3 arguments.")) };
    let n = seq(s.value()?, "third", "FoldLeftDomain")?.len() as i64;
    left(op.op()?, base.value()?.clone(), (1..=n).map(Value::Int), "FoldLeftDomain")
}

fn fold_right_domain(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, s, base] = args else { return Err(EvalError::other("FoldRightDomain takes 3 arguments.")) };
    let n = seq(s.value()?, "second", "FoldRightDomain")?.len() as i64;
    right(op.op()?, base.value()?.clone(), (1..=n).map(Value::Int), "FoldRightDomain")
}

/// The first (or last) index in `from..to` whose element passes `test`, else 0.
fn find(t: &[Value], from: usize, to: usize, test: &dyn OpArg, last: bool, name: &str) -> Result<Value, EvalError> {
    let mut idx: Box<dyn Iterator<Item = usize>> = if last { Box::new((from..=to).rev()) } else { Box::new(from..=to) };
    idx.try_fold(Value::Int(0), |found, i| {
        if found != Value::Int(0) {
            return Ok(found);
        }
        Ok(if call_pred(test, std::slice::from_ref(&t[i - 1]), name)? { Value::Int(i as i64) } else { found })
    })
}

fn select(args: &[Arg<'_>], last: bool, name: &str) -> Result<Value, EvalError> {
    let [s, test] = args else { return Err(EvalError::other(format!("{name} takes 2 arguments."))) };
    let t = seq(s.value()?, "first", name)?;
    if t.is_empty() {
        return Ok(Value::Int(0));
    }
    find(&t, 1, t.len(), test.op()?, last, name)
}

fn select_in_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    select(args, false, "SelectInSeq")
}

fn select_last_in_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    select(args, true, "SelectLastInSeq")
}

/// `SelectInSubSeq(s, from, to, Test)`: as TLC, the index returned is an index of `s`.
fn select_sub(args: &[Arg<'_>], last: bool, name: &str) -> Result<Value, EvalError> {
    let [s, from, to, test] = args else { return Err(EvalError::other(format!("{name} takes 4 arguments."))) };
    let sv = s.value()?;
    let t = seq(sv, "first", name)?;
    let (f, l) = super::naturals::ints(from.value()?, to.value()?, name)?;
    if f > l {
        return Ok(Value::Int(0));
    }
    let in_domain = |nth: &str, v: i64| {
        if v < 1 || v > t.len() as i64 {
            Err(EvalError::not_in_domain(format!(
                "The {nth} argument of {name} must be in the domain of its first argument:\n{sv}\n, but instead it is\n{v}"
            )))
        } else {
            Ok(v as usize)
        }
    };
    let (f, l) = (in_domain("second", f)?, in_domain("third", l)?);
    find(&t, f, l, test.op()?, last, name)
}

fn select_in_subseq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    select_sub(args, false, "SelectInSubSeq")
}

fn select_last_in_subseq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    select_sub(args, true, "SelectLastInSubSeq")
}

/// `RemoveFirstMatch(s, Test)`: `s` without its first element that passes `Test`.
fn remove_first_match(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, test] = args else { return Err(EvalError::other("RemoveFirstMatch takes 2 arguments.")) };
    let t = seq(s.value()?, "first", "RemoveFirstMatch")?;
    let test = test.op()?;
    for (k, x) in t.iter().enumerate() {
        if call_pred(test, std::slice::from_ref(x), "RemoveFirstMatch")? {
            return Ok(Value::tuple(t[..k].iter().chain(&t[k + 1..]).cloned().collect()));
        }
    }
    Ok(s.value()?.clone())
}
