//! Module `"SequencesExt"`: the community extensions of `Sequences` that specs use most.

use super::sequences::seq;
use super::{arg_error, builtin, one_arg_error, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("SetToSeq", |s| Ok(Value::tuple(s.enumerate()?.to_vec()))),
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
    builtin!("IsPrefix", |s, t| is_prefix(s, t).map(Value::Bool)),
    builtin!("IsStrictPrefix", |s, t| Ok(Value::Bool(s != t && is_prefix(s, t)?))),
    builtin!("IsSuffix", |s, t| Ok(Value::Bool(
        seq(t, "second", "IsSuffix")?.ends_with(&seq(s, "first", "IsSuffix")?)
    ))),
    builtin!("IsStrictSuffix", |s, t| Ok(Value::Bool(
        s != t && seq(t, "second", "IsStrictSuffix")?.ends_with(&seq(s, "first", "IsStrictSuffix")?)
    ))),
    builtin!("Contains", |s, e| Ok(Value::Bool(seq(s, "first", "Contains")?.contains(e)))),
    builtin!("IsInjective", |s| super::functions::is_injective(s).map(Value::Bool)),
    builtin!("Indices", |s| Ok(Value::interval(1, seq(s, "first", "Indices")?.len() as i64))),
    builtin!("SeqOf", |s, n| bounded_seq(s, n)),
    builtin!("BoundedSeq", |s, n| bounded_seq(s, n)),
    builtin!("FlattenSeq", |ss| flatten(ss)),
    builtin!("Zip", |s, t| zip(s, t)),
    builtin!("Interleave", |s, t| interleave(s, t)),
    builtin!("RemoveFirst", |s, e| remove_first(s, e)),
    builtin!("AllSubSeqs", |s| all_subseqs(s)),
    builtin!("ReplaceFirstSubSeq", |r, s, t| replace_subseqs(r, s, t, false)),
    builtin!("ReplaceAllSubSeqs", |r, s, t| replace_subseqs(r, s, t, true)),
    builtin!("Prefixes", |s| {
        let t = seq(s, "first", "Prefixes")?;
        Ok(Value::set((0..=t.len()).map(|i| Value::tuple(t[..i].to_vec())).collect()))
    }),
    builtin!("Suffixes", |s| {
        let t = seq(s, "first", "Suffixes")?;
        Ok(Value::set((0..=t.len()).map(|i| Value::tuple(t[i..].to_vec())).collect()))
    }),
    builtin!("LongestCommonPrefix", |s| longest_common_prefix(s)),
];

fn nonempty<'a>(s: &'a Value, op: &str) -> Result<std::borrow::Cow<'a, [Value]>, EvalError> {
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
        if funs.is_empty() {
            // No sequence of this length, so none longer either (`S` is empty).
            break;
        }
        all.extend(funs.iter().cloned());
        if all.len() > 1 << 24 {
            return Err(EvalError::not_enumerable(format!("BoundedSeq({s}, {n}) is too large to enumerate.")));
        }
    }
    Ok(Value::set(all))
}

/// `FlattenSeq(seqs)`: the concatenation of the sequences (or strings) of `seqs`.
fn flatten(ss: &Value) -> Result<Value, EvalError> {
    let parts = seq(ss, "first", "FlattenSeq")?;
    let Some((first, rest)) = parts.split_first() else { return Ok(ss.clone()) };
    rest.iter().try_fold(first.clone(), |acc, x| super::sequences::concat(&acc, x))
}

/// `Zip(s, t)`: the pairs of elements at the same index, as long as the shorter sequence.
fn zip(s: &Value, t: &Value) -> Result<Value, EvalError> {
    let (a, b) = (seq(s, "first", "Zip")?, seq(t, "second", "Zip")?);
    Ok(Value::tuple(a.iter().zip(b.iter()).map(|(x, y)| Value::tuple(vec![x.clone(), y.clone()])).collect()))
}

/// `Interleave(s, t)`: `<< <<s[1]>>, <<t[1]>>, <<s[2]>>, … >>` for sequences of equal length.
fn interleave(s: &Value, t: &Value) -> Result<Value, EvalError> {
    let (a, b) = (seq(s, "first", "Interleave")?, seq(t, "second", "Interleave")?);
    if a.len() != b.len() {
        return Err(EvalError::new(
            crate::value::EvalErrorKind::NoWitness,
            "Attempted to evaluate a CASE with no true guard (Interleave of sequences of different lengths).",
        ));
    }
    if a.is_empty() {
        return Ok(Value::tuple(vec![Value::empty_tuple(), Value::empty_tuple()]));
    }
    let one = |x: &Value| Value::tuple(vec![x.clone()]);
    Ok(Value::tuple(a.iter().zip(b.iter()).flat_map(|(x, y)| [one(x), one(y)]).collect()))
}

/// `IsPrefix(s, t)` on sequences, and on strings as TLC does.
fn is_prefix(s: &Value, t: &Value) -> Result<bool, EvalError> {
    if let (Value::Str(a), Value::Str(b)) = (s, t) {
        return Ok(b.starts_with(&**a));
    }
    Ok(seq(t, "second", "IsPrefix")?.starts_with(&seq(s, "first", "IsPrefix")?))
}

/// `LongestCommonPrefix(S)` of a non-empty set of sequences or of strings.
fn longest_common_prefix(s: &Value) -> Result<Value, EvalError> {
    let seqs = s.enumerate()?;
    let Some(first) = seqs.first() else { return Err(one_arg_error("LongestCommonPrefix", "a non-empty set", s)) };
    if let Value::Str(_) = first {
        let strs: Vec<&str> = seqs.iter().map(Value::as_str).collect::<Result<_, _>>()?;
        let mut prefix: &str = strs[0];
        for other in &strs[1..] {
            let common = prefix.char_indices().zip(other.chars()).take_while(|((_, a), b)| a == b).count();
            prefix = &prefix[..prefix.char_indices().nth(common).map_or(prefix.len(), |(i, _)| i)];
        }
        return Ok(Value::str(prefix));
    }
    let mut prefix = seq(first, "first", "LongestCommonPrefix")?.to_vec();
    for other in seqs.iter() {
        let t = seq(other, "first", "LongestCommonPrefix")?;
        let common = prefix.iter().zip(t.iter()).take_while(|(a, b)| a == b).count();
        prefix.truncate(common);
    }
    Ok(Value::tuple(prefix))
}

/// `RemoveFirst(s, e)`: `s` without its first occurrence of `e`.
fn remove_first(s: &Value, e: &Value) -> Result<Value, EvalError> {
    let t = seq(s, "first", "RemoveFirst")?;
    Ok(match t.iter().position(|x| x == e) {
        Some(k) => Value::tuple(t[..k].iter().chain(&t[k + 1..]).cloned().collect()),
        None => s.clone(),
    })
}

/// `AllSubSeqs(s)`: the sequences of elements of `s` at increasing indices (any subset of them).
fn all_subseqs(s: &Value) -> Result<Value, EvalError> {
    let t = seq(s, "first", "AllSubSeqs")?;
    if t.len() > 24 {
        return Err(EvalError::not_enumerable(format!("AllSubSeqs of a sequence of length {} is too large.", t.len())));
    }
    let subs = (0u32..1 << t.len())
        .map(|mask| Value::tuple((0..t.len()).filter(|j| mask & (1 << j) != 0).map(|j| t[j].clone()).collect()))
        .collect();
    Ok(Value::set(subs))
}

/// `ReplaceFirstSubSeq(r, s, t)` / `ReplaceAllSubSeqs(r, s, t)`: `t` with its first (every,
/// leftmost non-overlapping) occurrence of `s` replaced by `r`; on strings as on sequences.
fn replace_subseqs(r: &Value, s: &Value, t: &Value, all: bool) -> Result<Value, EvalError> {
    if let (Value::Str(r), Value::Str(s), Value::Str(t)) = (r, s, t) {
        let out = match (s.is_empty(), all) {
            (true, false) => format!("{r}{t}"),
            (true, true) if t.is_empty() => r.to_string(),
            (true, true) => t.chars().map(|c| format!("{r}{c}")).collect(),
            (false, false) => t.replacen(&**s, r, 1),
            (false, true) => t.replace(&**s, r),
        };
        return Ok(Value::str(&out));
    }
    let op = if all { "ReplaceAllSubSeqs" } else { "ReplaceFirstSubSeq" };
    let (rv, sv, tv) = (seq(r, "first", op)?, seq(s, "second", op)?, seq(t, "third", op)?);
    if sv.is_empty() {
        let mut out = Vec::new();
        if !all || tv.is_empty() {
            out.extend_from_slice(&rv);
            out.extend_from_slice(&tv);
        } else {
            tv.iter().for_each(|x| {
                out.extend_from_slice(&rv);
                out.push(x.clone());
            });
        }
        return Ok(Value::tuple(out));
    }
    let mut out = Vec::with_capacity(tv.len());
    let (mut i, mut replaced) = (0, false);
    while i < tv.len() {
        if (all || !replaced) && tv[i..].starts_with(&sv) {
            out.extend_from_slice(&rv);
            i += sv.len();
            replaced = true;
        } else {
            out.push(tv[i].clone());
            i += 1;
        }
    }
    Ok(Value::tuple(out))
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
