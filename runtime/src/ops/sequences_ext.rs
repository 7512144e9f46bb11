//! Module `"SequencesExt"`: the community extensions of `Sequences` that specs use most.

use super::folds::{fold_left, fold_right};
use super::sequences::seq;
use super::{arg_error, builtin, call_pred, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("SetToSeq", |s| Ok(Value::tuple(s.enumerate()?.to_vec()))),
    ("SetToSortSeq", set_to_sort_seq),
    builtin!("SetToSeqs", |s| super::tlc::permutations(s).and_then(|p| perms_to_seqs(&p, s))),
    builtin!("ToSet", |s| Ok(Value::set(seq(s, "first", "ToSet")?.to_vec()))),
    builtin!("Cons", |e, s| Ok(Value::tuple(
        std::iter::once(e.clone()).chain(seq(s, "second", "Cons")?.iter().cloned()).collect()
    ))),
    builtin!("Front", |s| nonempty(s, "Front").map(|t| Value::tuple(t[..t.len() - 1].to_vec()))),
    builtin!("Last", |s| nonempty(s, "Last").map(|t| t[t.len() - 1].clone())),
    builtin!("Reverse", |s| Ok(Value::tuple(seq(s, "first", "Reverse")?.iter().rev().cloned().collect()))),
    builtin!("Remove", |s, e| Ok(Value::tuple(
        seq(s, "first", "Remove")?.iter().filter(|x| *x != e).cloned().collect()
    ))),
    builtin!("RemoveAt", |s, i| remove_at(s, i)),
    builtin!("InsertAt", |s, i, e| insert_at(s, i, e)),
    builtin!("ReplaceAt", |s, i, e| replace_at(s, i, e)),
    builtin!("ReplaceAll", |s, old, new| Ok(Value::tuple(
        seq(s, "first", "ReplaceAll")?.iter().map(|x| if x == old { new.clone() } else { x.clone() }).collect()
    ))),
    builtin!("IsPrefix", |s, t| Ok(Value::Bool(
        seq(t, "second", "IsPrefix")?.starts_with(seq(s, "first", "IsPrefix")?)
    ))),
    builtin!("IsStrictPrefix", |s, t| Ok(Value::Bool(
        s != t && seq(t, "second", "IsStrictPrefix")?.starts_with(seq(s, "first", "IsStrictPrefix")?)
    ))),
    builtin!("IsSuffix", |s, t| Ok(Value::Bool(seq(t, "second", "IsSuffix")?.ends_with(seq(s, "first", "IsSuffix")?)))),
    builtin!("IsStrictSuffix", |s, t| Ok(Value::Bool(
        s != t && seq(t, "second", "IsStrictSuffix")?.ends_with(seq(s, "first", "IsStrictSuffix")?)
    ))),
    builtin!("Contains", |s, e| Ok(Value::Bool(seq(s, "first", "Contains")?.contains(e)))),
    builtin!("IsInjective", |s| super::functions::is_injective(s).map(Value::Bool)),
    builtin!("Indices", |s| Ok(Value::interval(1, seq(s, "first", "Indices")?.len() as i64))),
    builtin!("SeqOf", |s, n| bounded_seq(s, n)),
    builtin!("BoundedSeq", |s, n| bounded_seq(s, n)),
    builtin!("FlattenSeq", |ss| flatten(ss)),
    builtin!("Zip", |s, t| zip(s, t)),
    builtin!("Interleave", |s, t| zip(s, t)),
    builtin!("Prefixes", |s| {
        let t = seq(s, "first", "Prefixes")?;
        Ok(Value::set((0..=t.len()).map(|i| Value::tuple(t[..i].to_vec())).collect()))
    }),
    builtin!("Suffixes", |s| {
        let t = seq(s, "first", "Suffixes")?;
        Ok(Value::set((0..=t.len()).map(|i| Value::tuple(t[i..].to_vec())).collect()))
    }),
    builtin!("LongestCommonPrefix", |s| longest_common_prefix(s)),
    ("FoldLeft", fold_left_op),
    ("FoldRight", fold_right_op),
    ("FoldSeq", fold_seq_op),
    ("SelectInSeq", select_in_seq),
    ("SelectLastInSeq", select_last_in_seq),
];

fn nonempty<'a>(s: &'a Value, op: &str) -> Result<&'a [Value], EvalError> {
    let t = seq(s, "first", op)?;
    if t.is_empty() {
        return Err(EvalError::not_in_domain(format!("Attempted to apply {op} to the empty sequence.")));
    }
    Ok(t)
}

fn index(i: &Value, len: usize, op: &str) -> Result<usize, EvalError> {
    match i {
        Value::Int(k) if *k >= 1 && (*k as u64) <= len as u64 => Ok(*k as usize - 1),
        _ => Err(arg_error("second", op, &format!("an index in 1..{len}"), i)),
    }
}

fn remove_at(s: &Value, i: &Value) -> Result<Value, EvalError> {
    let t = seq(s, "first", "RemoveAt")?;
    let k = index(i, t.len(), "RemoveAt")?;
    Ok(Value::tuple(t[..k].iter().chain(&t[k + 1..]).cloned().collect()))
}

fn insert_at(s: &Value, i: &Value, e: &Value) -> Result<Value, EvalError> {
    let t = seq(s, "first", "InsertAt")?;
    let k = index(i, t.len() + 1, "InsertAt")?;
    let mut v = t.to_vec();
    v.insert(k, e.clone());
    Ok(Value::tuple(v))
}

fn replace_at(s: &Value, i: &Value, e: &Value) -> Result<Value, EvalError> {
    let t = seq(s, "first", "ReplaceAt")?;
    let k = index(i, t.len(), "ReplaceAt")?;
    let mut v = t.to_vec();
    v[k] = e.clone();
    Ok(Value::tuple(v))
}

/// `BoundedSeq(S, n)`: the sequences over `S` of length at most `n`, enumerated.
fn bounded_seq(s: &Value, n: &Value) -> Result<Value, EvalError> {
    let n = n.as_int()?;
    let mut all = Vec::new();
    for len in 0..=n.max(-1) {
        let funs = Value::lazy(LazySet::FunSet(Value::interval(1, len), s.clone())).enumerate()?;
        all.extend(funs.iter().cloned());
    }
    Ok(Value::set(all))
}

fn flatten(ss: &Value) -> Result<Value, EvalError> {
    let mut out = Vec::new();
    for s in seq(ss, "first", "FlattenSeq")? {
        out.extend_from_slice(seq(s, "first", "FlattenSeq")?);
    }
    Ok(Value::tuple(out))
}

fn zip(s: &Value, t: &Value) -> Result<Value, EvalError> {
    let (a, b) = (seq(s, "first", "Zip")?, seq(t, "second", "Zip")?);
    if a.len() != b.len() {
        return Err(EvalError::type_mismatch(format!(
            "Zip requires sequences of equal length, but got\n{s}\nand\n{t}"
        )));
    }
    Ok(Value::tuple(a.iter().zip(b).map(|(x, y)| Value::tuple(vec![x.clone(), y.clone()])).collect()))
}

fn longest_common_prefix(s: &Value) -> Result<Value, EvalError> {
    let seqs = s.enumerate()?;
    let Some(first) = seqs.first() else { return Ok(Value::empty_tuple()) };
    let mut prefix = seq(first, "first", "LongestCommonPrefix")?.to_vec();
    for other in seqs.iter() {
        let t = seq(other, "first", "LongestCommonPrefix")?;
        let common = prefix.iter().zip(t).take_while(|(a, b)| a == b).count();
        prefix.truncate(common);
    }
    Ok(Value::tuple(prefix))
}

fn perms_to_seqs(perms: &Value, s: &Value) -> Result<Value, EvalError> {
    let elems = s.enumerate()?;
    let seqs = perms
        .enumerate()?
        .iter()
        .map(|p| elems.iter().map(|e| p.apply(e)).collect::<Result<Vec<_>, _>>().map(Value::tuple))
        .collect::<Result<_, _>>()?;
    Ok(Value::set(seqs))
}

fn set_to_sort_seq(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, op] = args else { return Err(EvalError::other("SetToSortSeq takes 2 arguments.")) };
    let as_seq = Value::tuple(s.value()?.enumerate()?.to_vec());
    let sort_seq = super::lookup("TLC", "SortSeq").ok_or_else(|| EvalError::other("SortSeq is missing."))?;
    sort_seq(&[Arg::Value(as_seq), Arg::Op(op.op()?)], ctx)
}

fn fold_left_op(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldLeft takes 3 arguments.")) };
    fold_left(op.op()?, seq(s.value()?, "third", "FoldLeft")?.iter().cloned(), base.value()?.clone())
}

fn fold_right_op(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, s, base] = args else { return Err(EvalError::other("FoldRight takes 3 arguments.")) };
    fold_right(op.op()?, seq(s.value()?, "second", "FoldRight")?.iter().cloned().map(Ok), base.value()?.clone())
}

/// `FoldSeq(op, base, s)`: `op(s[1], op(s[2], … op(s[n], base)))`.
fn fold_seq_op(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [op, base, s] = args else { return Err(EvalError::other("FoldSeq takes 3 arguments.")) };
    fold_right(op.op()?, seq(s.value()?, "third", "FoldSeq")?.iter().cloned().map(Ok), base.value()?.clone())
}

fn select_in_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, test] = args else { return Err(EvalError::other("SelectInSeq takes 2 arguments.")) };
    let (t, test) = (seq(s.value()?, "first", "SelectInSeq")?, test.op()?);
    for (i, e) in t.iter().enumerate() {
        if call_pred(test, std::slice::from_ref(e), "SelectInSeq")? {
            return Ok(Value::Int(i as i64 + 1));
        }
    }
    Ok(Value::Int(0))
}

fn select_last_in_seq(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s, test] = args else { return Err(EvalError::other("SelectLastInSeq takes 2 arguments.")) };
    let (t, test) = (seq(s.value()?, "first", "SelectLastInSeq")?, test.op()?);
    for (i, e) in t.iter().enumerate().rev() {
        if call_pred(test, std::slice::from_ref(e), "SelectLastInSeq")? {
            return Ok(Value::Int(i as i64 + 1));
        }
    }
    Ok(Value::Int(0))
}
