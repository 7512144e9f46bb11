//! Set operations on every set form: membership without enumeration, enumeration in TLC's
//! (sorted) order, cardinality, inclusion, union, intersection and difference.

use std::sync::Arc;

use super::order::FnView;
use super::{CustomSet, EvalError, LazySet, Value};

/// Sets larger than this are not enumerated (TLC would run out of memory long before).
const MAX_ENUMERATION: u128 = 1 << 31;

fn not_a_set(v: &Value, what: &str) -> EvalError {
    EvalError::type_mismatch(format!("Attempted to {what} of the non-set value\n{v}"))
}

fn membership_error(elem: &Value, set: &str) -> EvalError {
    EvalError::type_mismatch(format!("Attempted to check if the value:\n{elem}\nis an element of {set}."))
}

/// A typed model value (`a_x`) may not be tested for membership in a set of other values; an
/// untyped one simply is not a member.
fn model_value_member(elem: &Value, set: &Value) -> Result<bool, EvalError> {
    match elem {
        Value::ModelValue(name) if name.len() > 2 && name.as_bytes()[1] == b'_' => Err(EvalError::type_mismatch(
            format!("Attempted to check if the typed model value {elem} is an element of\n{set}"),
        )),
        _ => Ok(false),
    }
}

impl Value {
    /// `v \in self`.
    pub fn contains(&self, v: &Value) -> Result<bool, EvalError> {
        match self {
            Value::Set(elems) => {
                if elems.binary_search(v).is_ok() {
                    return Ok(true);
                }
                // TLC compares the element with the set's elements; a kind clash is its error.
                if let (Some(first), false) = (elems.first(), matches!(v, Value::ModelValue(_))) {
                    Value::tlc_eq(v, first)?;
                }
                Ok(false)
            }
            Value::Interval(lo, hi) => match v {
                Value::Int(i) => Ok(lo <= i && i <= hi),
                Value::ModelValue(_) => model_value_member(v, self),
                _ => Err(membership_error(v, &format!("the integer interval {self}"))),
            },
            Value::Lazy(l) => lazy_contains(l, self, v),
            _ => Err(EvalError::type_mismatch(format!(
                "Attempted to check if the value:\n{v}\nis an element of the non-set value\n{self}"
            ))),
        }
    }

    /// The elements in TLC's order (sorted), or `NotEnumerable` for an infinite or too large set.
    pub fn enumerate(&self) -> Result<Arc<[Value]>, EvalError> {
        match self {
            Value::Set(elems) => Ok(elems.clone()),
            Value::Interval(lo, hi) if hi < lo => Ok(Arc::from(Vec::new())),
            Value::Interval(lo, hi) => {
                if (*hi as i128 - *lo as i128) as u128 >= MAX_ENUMERATION {
                    return Err(too_large(self));
                }
                Ok((*lo..=*hi).map(Value::Int).collect())
            }
            Value::Lazy(l) => enumerate_lazy(l, self).map(Arc::from),
            _ => Err(not_a_set(self, "enumerate the elements")),
        }
    }

    /// `Cardinality(self)`.
    pub fn cardinality(&self) -> Result<i64, EvalError> {
        let n = match self {
            Value::Set(elems) => elems.len() as u128,
            Value::Interval(lo, hi) if hi < lo => 0,
            Value::Interval(lo, hi) => (*hi as i128 - *lo as i128 + 1) as u128,
            Value::Lazy(l) => lazy_cardinality(l, self)?,
            _ => return Err(not_a_set(self, "compute the number of elements")),
        };
        i64::try_from(n).map_err(|_| EvalError::overflow(format!("The cardinality of {self} is too large.")))
    }

    /// `IsFiniteSet(self)`.
    pub fn is_finite_set(&self) -> Result<bool, EvalError> {
        match self {
            Value::Set(_) | Value::Interval(..) => Ok(true),
            Value::Lazy(l) => lazy_is_finite(l),
            _ => Err(not_a_set(self, "check finiteness")),
        }
    }

    /// `self \subseteq other`.
    pub fn subseteq(&self, other: &Value) -> Result<bool, EvalError> {
        match (self, other) {
            (Value::Interval(l1, h1), Value::Interval(l2, h2)) => Ok(h1 < l1 || (l2 <= l1 && h1 <= h2)),
            (Value::Interval(..), Value::Lazy(l)) if matches!(**l, LazySet::Int | LazySet::Real) => Ok(true),
            (Value::Interval(lo, hi), Value::Lazy(l)) if matches!(**l, LazySet::Nat) => Ok(hi < lo || *lo >= 0),
            (Value::Lazy(a), Value::Lazy(b)) => match (&**a, &**b) {
                (LazySet::Nat, LazySet::Nat | LazySet::Int | LazySet::Real) => Ok(true),
                (LazySet::Int, LazySet::Int | LazySet::Real) | (LazySet::Real, LazySet::Real) => Ok(true),
                (LazySet::Strings, LazySet::Strings) => Ok(true),
                (LazySet::Int | LazySet::Real, LazySet::Nat) | (LazySet::Real, LazySet::Int) => Ok(false),
                (LazySet::Seq(s), LazySet::Seq(t)) if !self.is_finite_set()? => s.subseteq(t),
                (LazySet::Subset(s), LazySet::Subset(t)) if !self.is_finite_set()? => s.subseteq(t),
                _ => subseteq_by_enumeration(self, other),
            },
            _ => subseteq_by_enumeration(self, other),
        }
    }

    /// `self \cup other`.
    pub fn union(&self, other: &Value) -> Result<Value, EvalError> {
        if let (Value::Interval(l1, h1), Value::Interval(l2, h2)) = (self, other) {
            if *l2 <= h1.saturating_add(1) && *l1 <= h2.saturating_add(1) {
                return Ok(Value::interval(*l1.min(l2), *h1.max(h2)));
            }
        }
        match (finite_elems(self)?, finite_elems(other)?) {
            (Some(a), Some(b)) => Ok(merge_sorted(&a, &b)),
            _ => Ok(Value::lazy(LazySet::Union(Value::set(vec![self.clone(), other.clone()])))),
        }
    }

    /// `self \cap other`.
    pub fn intersect(&self, other: &Value) -> Result<Value, EvalError> {
        if let (Value::Interval(l1, h1), Value::Interval(l2, h2)) = (self, other) {
            return Ok(Value::interval(*l1.max(l2), *h1.min(h2)));
        }
        if let Some(a) = finite_elems(self)? {
            return filter(&a, |e| other.contains(e));
        }
        if let Some(b) = finite_elems(other)? {
            return filter(&b, |e| self.contains(e));
        }
        Ok(Value::lazy(LazySet::Custom(Arc::new(Combined { a: self.clone(), b: other.clone(), diff: false }))))
    }

    /// `self \ other`.
    pub fn difference(&self, other: &Value) -> Result<Value, EvalError> {
        if !other.is_set() {
            return Err(not_a_set(other, "compute the set difference"));
        }
        match finite_elems(self)? {
            Some(a) => filter(&a, |e| other.contains(e).map(|b| !b)),
            None => {
                Ok(Value::lazy(LazySet::Custom(Arc::new(Combined { a: self.clone(), b: other.clone(), diff: true }))))
            }
        }
    }
}

/// The elements of a finite set, `None` for an infinite one, an error for a non-set.
fn finite_elems(v: &Value) -> Result<Option<Arc<[Value]>>, EvalError> {
    match v {
        Value::Set(s) => Ok(Some(s.clone())),
        Value::Interval(..) => v.enumerate().map(Some),
        Value::Lazy(_) => match v.is_finite_set()? {
            true => v.enumerate().map(Some),
            false => Ok(None),
        },
        _ => Err(not_a_set(v, "apply a set operator to a set")),
    }
}

fn merge_sorted(a: &[Value], b: &[Value]) -> Value {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => {
                out.push(a[i].clone());
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                out.push(b[j].clone());
                j += 1;
            }
            std::cmp::Ordering::Equal => {
                out.push(a[i].clone());
                i += 1;
                j += 1;
            }
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    Value::set_from_sorted(out)
}

fn filter(elems: &[Value], mut keep: impl FnMut(&Value) -> Result<bool, EvalError>) -> Result<Value, EvalError> {
    let mut out = Vec::with_capacity(elems.len());
    for e in elems {
        if keep(e)? {
            out.push(e.clone());
        }
    }
    Ok(Value::set_from_sorted(out))
}

fn subseteq_by_enumeration(a: &Value, b: &Value) -> Result<bool, EvalError> {
    if !b.is_set() {
        return Err(not_a_set(b, "check inclusion"));
    }
    for e in a.enumerate()?.iter() {
        if !b.contains(e)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `a \cap b` or `a \ b` over sets that cannot both be enumerated.
struct Combined {
    a: Value,
    b: Value,
    diff: bool,
}

impl CustomSet for Combined {
    fn contains(&self, v: &Value) -> Result<bool, EvalError> {
        Ok(self.a.contains(v)? && (self.b.contains(v)? != self.diff))
    }
    fn enumerate(&self) -> Result<Vec<Value>, EvalError> {
        Err(EvalError::not_enumerable(format!("Attempted to enumerate the infinite set {}.", self.describe())))
    }
    fn describe(&self) -> String {
        format!("{} {} {}", self.a, if self.diff { "\\" } else { "\\cap" }, self.b)
    }
}

fn too_large(v: &Value) -> EvalError {
    EvalError::not_enumerable(format!("Attempted to enumerate a set that is too large: {v}"))
}

fn infinite(v: &Value) -> EvalError {
    EvalError::not_enumerable(format!("Attempted to enumerate the infinite set {v}."))
}

fn lazy_contains(l: &LazySet, set: &Value, v: &Value) -> Result<bool, EvalError> {
    match l {
        LazySet::Nat | LazySet::Int | LazySet::Real => match v {
            Value::Int(i) => Ok(!matches!(l, LazySet::Nat) || *i >= 0),
            Value::ModelValue(_) => model_value_member(v, set),
            _ => Err(membership_error(v, &set.to_string())),
        },
        LazySet::Strings => match v {
            Value::Str(_) => Ok(true),
            Value::ModelValue(_) => model_value_member(v, set),
            _ => Ok(false),
        },
        LazySet::Subset(s) => match v {
            _ if v.is_set() => v.subseteq(s),
            Value::ModelValue(_) => model_value_member(v, set),
            _ => Err(membership_error(v, &set.to_string())),
        },
        LazySet::FunSet(s, t) => fun_set_contains(s, t, set, v),
        LazySet::RecordSet(fields) => record_set_contains(fields, set, v),
        // As in TLC, only a sequence may be tested for membership in `Seq(S)`.
        LazySet::Seq(s) => match v {
            Value::Tuple(t) => all_in(t.iter(), s),
            Value::ModelValue(_) => model_value_member(v, set),
            _ => Err(membership_error(v, &set.to_string())),
        },
        LazySet::Product(sets) => product_contains(sets, set, v),
        LazySet::Union(s) => {
            for inner in s.enumerate()?.iter() {
                if inner.contains(v)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        LazySet::Custom(c) => c.contains(v),
    }
}

fn record_set_contains(fields: &[(Arc<str>, Value)], set: &Value, v: &Value) -> Result<bool, EvalError> {
    match v {
        Value::Record(r) => {
            if r.len() != fields.len() || r.iter().zip(fields).any(|(a, b)| a.0 != b.0) {
                return Ok(false);
            }
            for ((_, x), (_, s)) in r.iter().zip(fields) {
                if !s.contains(x)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Value::ModelValue(_) => model_value_member(v, set),
        _ if v.is_function() => Ok(false),
        _ => Err(membership_error(v, &set.to_string())),
    }
}

fn product_contains(sets: &[Value], set: &Value, v: &Value) -> Result<bool, EvalError> {
    match v {
        Value::Tuple(t) if t.len() == sets.len() => {
            for (x, s) in t.iter().zip(sets) {
                if !s.contains(x)? {
                    return Ok(false);
                }
            }
            Ok(true)
        }
        Value::ModelValue(_) => model_value_member(v, set),
        _ if v.is_function() => Ok(false),
        _ => Err(membership_error(v, &set.to_string())),
    }
}

fn all_in<'a>(mut elems: impl Iterator<Item = &'a Value>, s: &Value) -> Result<bool, EvalError> {
    elems.try_fold(true, |acc, e| Ok(acc && s.contains(e)?))
}

fn fun_set_contains(s: &Value, t: &Value, set: &Value, v: &Value) -> Result<bool, EvalError> {
    let Some(view) = FnView::of(v) else {
        return match v {
            Value::ModelValue(_) => model_value_member(v, set),
            _ => Err(membership_error(v, &set.to_string())),
        };
    };
    if let (Value::Tuple(elems), Value::Interval(1, hi)) = (v, s) {
        return if elems.len() as i64 == *hi { all_in(elems.iter(), t) } else { Ok(false) };
    }
    if let FnView::Opaque(f) = view {
        return Ok(f.domain() == *s && matches!(t.is_finite_set(), Ok(false)));
    }
    if v.domain()? != *s {
        return Ok(false);
    }
    for i in 0..view.len() {
        if !t.contains(view.val(i))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn lazy_is_finite(l: &LazySet) -> Result<bool, EvalError> {
    match l {
        LazySet::Nat | LazySet::Int | LazySet::Real | LazySet::Strings => Ok(false),
        LazySet::Subset(s) => s.is_finite_set(),
        LazySet::FunSet(s, t) => {
            let empty = |v: &Value| -> Result<bool, EvalError> { Ok(v.is_finite_set()? && v.cardinality()? == 0) };
            Ok((s.is_finite_set()? && t.is_finite_set()?) || empty(s)? || empty(t)?)
        }
        LazySet::RecordSet(fields) => product_is_finite(fields.iter().map(|(_, s)| s)),
        LazySet::Product(sets) => product_is_finite(sets.iter()),
        LazySet::Seq(s) => Ok(s.is_finite_set()? && s.cardinality()? == 0),
        LazySet::Union(s) => {
            if !s.is_finite_set()? {
                return Ok(false);
            }
            s.enumerate()?.iter().try_fold(true, |acc, e| Ok(acc && e.is_finite_set()?))
        }
        LazySet::Custom(c) => Ok(c.enumerate().is_ok()),
    }
}

fn product_is_finite<'a>(sets: impl Iterator<Item = &'a Value> + Clone) -> Result<bool, EvalError> {
    for s in sets.clone() {
        if s.is_finite_set()? && s.cardinality()? == 0 {
            return Ok(true);
        }
    }
    sets.map(|s| s.is_finite_set()).try_fold(true, |acc, f| Ok(acc && f?))
}

fn lazy_cardinality(l: &LazySet, set: &Value) -> Result<u128, EvalError> {
    if !lazy_is_finite(l)? {
        return Err(EvalError::not_enumerable(format!(
            "Attempted to compute the cardinality of the infinite set {set}."
        )));
    }
    let card = |v: &Value| v.cardinality().map(|n| n as u128);
    let overflow = || EvalError::overflow(format!("The cardinality of {set} is too large."));
    match l {
        LazySet::Subset(s) => {
            let n = card(s)?;
            if n >= 127 {
                return Err(overflow());
            }
            Ok(1u128 << n)
        }
        LazySet::FunSet(s, t) => {
            let n = u32::try_from(card(s)?).map_err(|_| overflow())?;
            card(t)?.checked_pow(n).ok_or_else(overflow)
        }
        LazySet::RecordSet(fields) => {
            fields.iter().try_fold(1u128, |acc, (_, s)| acc.checked_mul(card(s)?).ok_or_else(overflow))
        }
        LazySet::Product(sets) => sets.iter().try_fold(1u128, |acc, s| acc.checked_mul(card(s)?).ok_or_else(overflow)),
        _ => Ok(enumerate_lazy(l, set)?.len() as u128),
    }
}

fn enumerate_lazy(l: &LazySet, set: &Value) -> Result<Vec<Value>, EvalError> {
    if !lazy_is_finite(l)? {
        return Err(infinite(set));
    }
    if !matches!(l, LazySet::Union(_) | LazySet::Custom(_) | LazySet::Seq(_))
        && lazy_cardinality(l, set)? >= MAX_ENUMERATION
    {
        return Err(too_large(set));
    }
    match l {
        LazySet::Subset(s) => Ok(enumerate_subsets(&s.enumerate()?)),
        LazySet::FunSet(s, t) => {
            let dom = s.enumerate()?;
            let rows = odometer(&vec![t.enumerate()?; dom.len()]);
            Ok(rows.into_iter().map(|vals| Value::fun_from_sorted(dom.iter().cloned().zip(vals).collect())).collect())
        }
        LazySet::RecordSet(fields) => {
            let sets = fields.iter().map(|(_, s)| s.enumerate()).collect::<Result<Vec<_>, _>>()?;
            Ok(odometer(&sets)
                .into_iter()
                .map(|vals| Value::Record(fields.iter().map(|(k, _)| k.clone()).zip(vals).collect()))
                .collect())
        }
        LazySet::Product(sets) => {
            let sets = sets.iter().map(|s| s.enumerate()).collect::<Result<Vec<_>, _>>()?;
            Ok(odometer(&sets).into_iter().map(Value::tuple).collect())
        }
        LazySet::Seq(_) => Ok(vec![Value::empty_tuple()]),
        LazySet::Union(s) => {
            let mut all = Vec::new();
            for inner in s.enumerate()?.iter() {
                all.extend(inner.enumerate()?.iter().cloned());
            }
            Ok(sorted(all))
        }
        LazySet::Custom(c) => Ok(sorted(c.enumerate()?)),
        LazySet::Nat | LazySet::Int | LazySet::Real | LazySet::Strings => Err(infinite(set)),
    }
}

fn sorted(mut v: Vec<Value>) -> Vec<Value> {
    v.sort_unstable();
    v.dedup();
    v
}

/// Every choice of one element per set, the last set varying fastest: with sorted sets this is
/// the sorted order of the resulting tuples, functions and records.
fn odometer(sets: &[Arc<[Value]>]) -> Vec<Vec<Value>> {
    if sets.iter().any(|s| s.is_empty()) {
        return Vec::new();
    }
    let total: usize = sets.iter().map(|s| s.len()).product();
    let mut out = Vec::with_capacity(total);
    let mut idx = vec![0usize; sets.len()];
    loop {
        out.push(idx.iter().zip(sets).map(|(&i, s)| s[i].clone()).collect());
        let mut k = sets.len();
        loop {
            if k == 0 {
                return out;
            }
            k -= 1;
            idx[k] += 1;
            if idx[k] < sets[k].len() {
                break;
            }
            idx[k] = 0;
        }
    }
}

/// `SUBSET S` in TLC's normalized order: by size, then lexicographically by elements.
fn enumerate_subsets(elems: &[Value]) -> Vec<Value> {
    let mut out = Vec::with_capacity(1usize << elems.len().min(30));
    for k in 0..=elems.len() {
        push_k_subsets(elems, k, &mut out);
    }
    out
}

/// The subsets of `elems` (sorted) with `k` elements, in sorted order.
pub fn k_subsets(elems: &[Value], k: usize) -> Vec<Value> {
    let mut out = Vec::new();
    if k <= elems.len() {
        push_k_subsets(elems, k, &mut out);
    }
    out
}

fn push_k_subsets(elems: &[Value], k: usize, out: &mut Vec<Value>) {
    let n = elems.len();
    let mut comb: Vec<usize> = (0..k).collect();
    loop {
        out.push(Value::set_from_sorted(comb.iter().map(|&i| elems[i].clone()).collect()));
        // Advance to the next k-combination in lexicographic order of indices.
        let mut i = k;
        while i > 0 && comb[i - 1] == n - k + i - 1 {
            i -= 1;
        }
        if i == 0 {
            return;
        }
        comb[i - 1] += 1;
        for j in i..k {
            comb[j] = comb[j - 1] + 1;
        }
    }
}
