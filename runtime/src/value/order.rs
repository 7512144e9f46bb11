//! Equality, TLC's total order on values, `Hash`, and TLC's partial (erroring) compare/equals.
//!
//! TLC orders values of one kind as follows, and `Ord` follows it: integers numerically; FALSE <
//! TRUE; strings and model values by their text; sets by cardinality, then element by element in
//! sorted order; functions (tuples, records) by the size of their domain, then the domains element
//! by element, then the images in domain order. A model value is below every other value (TLC's
//! `ModelValue.compareTo` answers -1 for a non-model value).
//!
//! Where TLC's `compareTo` throws (an integer against a string, say), `Ord` still needs an answer
//! to keep sets canonical: values of different kinds are ranked model value < boolean < integer
//! < string < set < function. [`Value::tlc_compare`] and [`Value::tlc_eq`] give TLC's errors for
//! the operators that must report them.
//!
//! Known difference: TLC compares strings by the order in which they were first interned (parse
//! order of the spec), which is not reproducible outside TLC; tla2 orders them by their UTF-8
//! bytes, which agrees with TLC on the printed order of most specs but not all.

use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use super::fingerprint::Sink;
use super::{EvalError, FunValue, LazyFunction, LazySet, Value};

/// The rank of a value's kind in the total order across kinds.
fn rank(v: &Value) -> u8 {
    match v {
        Value::ModelValue(_) => 0,
        Value::Bool(_) => 1,
        Value::Int(_) => 2,
        Value::Str(_) => 3,
        Value::Set(_) | Value::Interval(..) | Value::Lazy(_) => 4,
        Value::Tuple(_) | Value::Record(_) | Value::Fun(_) | Value::LazyFun(_) => 5,
    }
}

/// A set seen as sorted elements, whatever its representation.
pub(crate) enum SetView<'a> {
    Slice(&'a [Value]),
    Interval(i64, i64),
    Owned(Arc<[Value]>),
    /// An infinite (or not enumerable) lazy set.
    Opaque(&'a LazySet),
}

impl SetView<'_> {
    pub(crate) fn of(v: &Value) -> Option<SetView<'_>> {
        match v {
            Value::Set(s) => Some(SetView::Slice(s)),
            Value::Interval(lo, hi) if hi < lo => Some(SetView::Slice(&[])),
            Value::Interval(lo, hi) => Some(SetView::Interval(*lo, *hi)),
            Value::Lazy(l) => Some(match v.enumerate() {
                Ok(elems) => SetView::Owned(elems),
                Err(_) => SetView::Opaque(l),
            }),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            SetView::Slice(s) => s.len(),
            SetView::Owned(s) => s.len(),
            SetView::Interval(lo, hi) => (*hi as i128 - *lo as i128 + 1).min(usize::MAX as i128) as usize,
            SetView::Opaque(_) => usize::MAX,
        }
    }

    /// The `i`th element (cheap: a clone of a reference-counted value or an integer).
    pub(crate) fn get(&self, i: usize) -> Value {
        match self {
            SetView::Slice(s) => s[i].clone(),
            SetView::Owned(s) => s[i].clone(),
            SetView::Interval(lo, _) => Value::Int(lo + i as i64),
            SetView::Opaque(_) => Value::Bool(false),
        }
    }
}

fn cmp_sets(a: &Value, b: &Value) -> Ordering {
    let (Some(x), Some(y)) = (SetView::of(a), SetView::of(b)) else { return Ordering::Equal };
    match (&x, &y) {
        (SetView::Opaque(p), SetView::Opaque(q)) => {
            return lazy_rank(p).cmp(&lazy_rank(q)).then_with(|| a.to_string().cmp(&b.to_string()))
        }
        (SetView::Opaque(_), _) => return Ordering::Greater,
        (_, SetView::Opaque(_)) => return Ordering::Less,
        (SetView::Interval(l1, h1), SetView::Interval(l2, h2)) => {
            return (*h1 as i128 - *l1 as i128).cmp(&(*h2 as i128 - *l2 as i128)).then(l1.cmp(l2))
        }
        _ => {}
    }
    let n = x.len();
    n.cmp(&y.len()).then_with(|| (0..n).map(|i| x.get(i).cmp(&y.get(i))).find(|o| o.is_ne()).unwrap_or(Ordering::Equal))
}

fn lazy_rank(l: &LazySet) -> u8 {
    match l {
        LazySet::Nat => 0,
        LazySet::Int => 1,
        LazySet::Real => 2,
        LazySet::Strings => 3,
        LazySet::Subset(_) => 4,
        LazySet::FunSet(..) => 5,
        LazySet::RecordSet(_) => 6,
        LazySet::Seq(_) => 7,
        LazySet::Product(_) => 8,
        LazySet::Union(_) => 9,
        LazySet::Custom(_) => 10,
    }
}

/// A function seen as (argument, image) pairs in argument order.
pub(crate) enum FnView<'a> {
    Tuple(&'a [Value]),
    Record(&'a [(Arc<str>, Value)]),
    Fun(&'a FunValue),
    Owned(Vec<(Value, Value)>),
    /// A lazy function whose domain cannot be enumerated.
    Opaque(&'a dyn LazyFunction),
}

impl FnView<'_> {
    pub(crate) fn of(v: &Value) -> Option<FnView<'_>> {
        match v {
            Value::Tuple(t) => Some(FnView::Tuple(t)),
            Value::Record(r) => Some(FnView::Record(r)),
            Value::Fun(f) => Some(FnView::Fun(f)),
            Value::LazyFun(f) => Some(match super::funs::materialize(&**f) {
                Ok(pairs) => FnView::Owned(pairs),
                Err(_) => FnView::Opaque(&**f),
            }),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        match self {
            FnView::Tuple(t) => t.len(),
            FnView::Record(r) => r.len(),
            FnView::Fun(f) => f.keys.len(),
            FnView::Owned(p) => p.len(),
            FnView::Opaque(_) => usize::MAX,
        }
    }

    pub(crate) fn key(&self, i: usize) -> Value {
        match self {
            FnView::Tuple(_) => Value::Int(i as i64 + 1),
            FnView::Record(r) => Value::Str(r[i].0.clone()),
            FnView::Fun(f) => f.keys[i].clone(),
            FnView::Owned(p) => p[i].0.clone(),
            FnView::Opaque(_) => Value::Bool(false),
        }
    }

    pub(crate) fn val(&self, i: usize) -> &Value {
        match self {
            FnView::Tuple(t) => &t[i],
            FnView::Record(r) => &r[i].1,
            FnView::Fun(f) => &f.vals[i],
            FnView::Owned(p) => &p[i].1,
            FnView::Opaque(_) => &super::FALSE,
        }
    }
}

fn cmp_funs(a: &Value, b: &Value) -> Ordering {
    let (Some(x), Some(y)) = (FnView::of(a), FnView::of(b)) else { return Ordering::Equal };
    match (&x, &y) {
        (FnView::Opaque(p), FnView::Opaque(q)) => return p.describe().cmp(&q.describe()),
        (FnView::Opaque(_), _) => return Ordering::Greater,
        (_, FnView::Opaque(_)) => return Ordering::Less,
        _ => {}
    }
    let n = x.len();
    n.cmp(&y.len())
        .then_with(|| (0..n).map(|i| x.key(i).cmp(&y.key(i))).find(|o| o.is_ne()).unwrap_or(Ordering::Equal))
        .then_with(|| (0..n).map(|i| x.val(i).cmp(y.val(i))).find(|o| o.is_ne()).unwrap_or(Ordering::Equal))
}

fn cmp_slices(a: &[Value], b: &[Value]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| a.iter().zip(b).map(|(x, y)| x.cmp(y)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal))
}

fn cmp_records(a: &[(Arc<str>, Value)], b: &[(Arc<str>, Value)]) -> Ordering {
    a.len()
        .cmp(&b.len())
        .then_with(|| {
            a.iter()
                .zip(b)
                .map(|(x, y)| if Arc::ptr_eq(&x.0, &y.0) { Ordering::Equal } else { x.0.cmp(&y.0) })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        })
        .then_with(|| a.iter().zip(b).map(|(x, y)| x.1.cmp(&y.1)).find(|o| o.is_ne()).unwrap_or(Ordering::Equal))
}

impl Ord for Value {
    fn cmp(&self, other: &Value) -> Ordering {
        use Value::*;
        match (self, other) {
            (Int(a), Int(b)) => a.cmp(b),
            (Bool(a), Bool(b)) => a.cmp(b),
            // Shared (reference-equal) values are common: unchanged parts of states, interned
            // field names and literals.
            (Str(a), Str(b)) | (ModelValue(a), ModelValue(b)) => {
                if Arc::ptr_eq(a, b) {
                    Ordering::Equal
                } else {
                    a.cmp(b)
                }
            }
            (Set(a), Set(b)) | (Tuple(a), Tuple(b)) if Arc::ptr_eq(a, b) => Ordering::Equal,
            (Set(a), Set(b)) => cmp_slices(a, b),
            (Tuple(a), Tuple(b)) => cmp_slices(a, b),
            (Record(a), Record(b)) if Arc::ptr_eq(a, b) => Ordering::Equal,
            (Record(a), Record(b)) => cmp_records(a, b),
            _ => match rank(self).cmp(&rank(other)) {
                Ordering::Equal if rank(self) == 4 => cmp_sets(self, other),
                Ordering::Equal => cmp_funs(self, other),
                o => o,
            },
        }
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Value) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (Int(a), Int(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Str(a), Str(b)) | (ModelValue(a), ModelValue(b)) => Arc::ptr_eq(a, b) || a == b,
            (Set(a), Set(b)) | (Tuple(a), Tuple(b)) => Arc::ptr_eq(a, b) || a[..] == b[..],
            (Record(a), Record(b)) => Arc::ptr_eq(a, b) || a[..] == b[..],
            (Interval(l1, h1), Interval(l2, h2)) => (l1 == l2 && h1 == h2) || (h1 < l1 && h2 < l2),
            (Fun(a), Fun(b)) => Arc::ptr_eq(a, b) || (a.keys == b.keys && a.vals == b.vals),
            _ if rank(self) != rank(other) => false,
            _ => self.cmp(other) == Ordering::Equal,
        }
    }
}

impl Eq for Value {}

/// Feeds the canonical encoding into a `std::hash::Hasher`.
struct HashSink<'a, H: Hasher>(&'a mut H);

impl<H: Hasher> Sink for HashSink<'_, H> {
    fn word(&mut self, w: u64) {
        self.0.write_u64(w);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.0.write(b);
    }
}

impl Hash for Value {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.walk(&mut HashSink(state));
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A model value whose name is `x_rest` has type `x` in TLC; others are untyped.
fn model_value_type(name: &str) -> Option<u8> {
    let b = name.as_bytes();
    (b.len() > 2 && b[1] == b'_').then(|| b[0])
}

impl Value {
    /// TLC's `compareTo`: the order of [`Ord`], or TLC's error when TLC cannot compare the two
    /// values (values of different kinds, other than model values).
    pub fn tlc_compare(a: &Value, b: &Value) -> Result<Ordering, EvalError> {
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => Ok(x.cmp(y)),
            (ModelValue(_), _) | (_, ModelValue(_)) => Ok(a.cmp(b)),
            _ if rank(a) != rank(b) => Err(compare_error(a, b)),
            (Bool(_), _) | (Str(_), _) => Ok(a.cmp(b)),
            _ if rank(a) == 4 => {
                let ord = a.cmp(b);
                if ord.is_ne() {
                    // TLC's normalization compares elements pairwise; a kind clash surfaces there.
                    check_set_elements_comparable(a, b)?;
                }
                Ok(ord)
            }
            _ => {
                let (Some(x), Some(y)) = (FnView::of(a), FnView::of(b)) else { return Ok(a.cmp(b)) };
                let n = x.len();
                if n != y.len() || matches!(x, FnView::Opaque(_)) || matches!(y, FnView::Opaque(_)) {
                    return Ok(a.cmp(b));
                }
                for i in 0..n {
                    let o = Value::tlc_compare(&x.key(i), &y.key(i))?;
                    if o.is_ne() {
                        return Ok(o);
                    }
                }
                for i in 0..n {
                    let o = Value::tlc_compare(x.val(i), y.val(i))?;
                    if o.is_ne() {
                        return Ok(o);
                    }
                }
                Ok(Ordering::Equal)
            }
        }
    }

    /// TLC's `equals` as the `=` operator evaluates it (`a.equals(b)`): `1 = "a"` is an error,
    /// a set equals no non-set, an untyped model value equals only itself, and a typed model value
    /// (`a_1`) compared with a non-model value is an error.
    pub fn tlc_eq(a: &Value, b: &Value) -> Result<bool, EvalError> {
        use Value::*;
        match (a, b) {
            (Int(x), Int(y)) => Ok(x == y),
            (Str(x), Str(y)) => Ok(x == y),
            (Bool(x), Bool(y)) => Ok(x == y),
            (ModelValue(x), ModelValue(y)) => match (model_value_type(x), model_value_type(y)) {
                (Some(p), Some(q)) if p != q => Err(EvalError::type_mismatch(format!(
                    "Attempted to check equality of the differently-typed model values {a} and {b}"
                ))
                .with_operands(Some("="), a, b)),
                _ => Ok(x == y),
            },
            (ModelValue(x), _) | (_, ModelValue(x)) => match model_value_type(x) {
                Some(_) => Err(EvalError::type_mismatch(format!(
                    "Attempted to check equality of typed model value {} and non-model value\n{}",
                    x,
                    if matches!(a, ModelValue(_)) { b } else { a }
                ))
                .with_operands(Some("="), a, b)),
                None => Ok(false),
            },
            _ if rank(a) == 4 => Ok(rank(b) == 4 && a == b),
            _ if rank(a) != rank(b) => Err(eq_error(a, b)),
            _ if rank(a) == 5 => fun_tlc_eq(a, b),
            _ => Ok(a == b),
        }
    }
}

/// Whether two sequences of images are equal under TLC's `equals` (which may fail).
fn all_tlc_eq<'a>(mut pairs: impl Iterator<Item = (&'a Value, &'a Value)>) -> Result<bool, EvalError> {
    pairs.try_fold(true, |acc, (x, y)| Ok(acc && Value::tlc_eq(x, y)?))
}

fn fun_tlc_eq(a: &Value, b: &Value) -> Result<bool, EvalError> {
    // Same representations compare without building views (the common case).
    match (a, b) {
        (Value::Tuple(x), Value::Tuple(y)) if Arc::ptr_eq(x, y) => return Ok(true),
        (Value::Tuple(x), Value::Tuple(y)) => return Ok(x.len() == y.len() && all_tlc_eq(x.iter().zip(y.iter()))?),
        (Value::Record(x), Value::Record(y)) if Arc::ptr_eq(x, y) => return Ok(true),
        (Value::Record(x), Value::Record(y)) => {
            let same_fields = x.len() == y.len() && x.iter().zip(y.iter()).all(|(p, q)| p.0 == q.0);
            return Ok(same_fields && all_tlc_eq(x.iter().zip(y.iter()).map(|(p, q)| (&p.1, &q.1)))?);
        }
        (Value::Fun(x), Value::Fun(y)) => {
            return Ok(x.keys == y.keys && all_tlc_eq(x.vals.iter().zip(y.vals.iter()))?);
        }
        _ => {}
    }
    let (Some(x), Some(y)) = (FnView::of(a), FnView::of(b)) else { return Ok(a == b) };
    if x.len() != y.len() || matches!(x, FnView::Opaque(_)) || matches!(y, FnView::Opaque(_)) {
        return Ok(a == b);
    }
    for i in 0..x.len() {
        if x.key(i) != y.key(i) {
            return Ok(false);
        }
    }
    for i in 0..x.len() {
        if !Value::tlc_eq(x.val(i), y.val(i))? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn check_set_elements_comparable(a: &Value, b: &Value) -> Result<(), EvalError> {
    let (Some(x), Some(y)) = (SetView::of(a), SetView::of(b)) else { return Ok(()) };
    if x.len() != y.len() || matches!(x, SetView::Opaque(_)) || matches!(y, SetView::Opaque(_)) {
        return Ok(());
    }
    for i in 0..x.len() {
        if Value::tlc_compare(&x.get(i), &y.get(i))?.is_ne() {
            return Ok(());
        }
    }
    Ok(())
}

fn compare_error(a: &Value, b: &Value) -> EvalError {
    let msg = match a {
        Value::Int(_) => format!("Attempted to compare integer {a} with non-integer:\n{b}"),
        Value::Bool(_) => format!("Attempted to compare boolean {a} with non-boolean:\n{b}"),
        Value::Str(_) => format!("Attempted to compare string {a} with non-string:\n{b}"),
        Value::Record(_) => format!("Attempted to compare record:\n{a}\nwith non-record\n{b}"),
        _ if a.is_set() => format!("Attempted to compare the set {a} with the value:\n{b}"),
        _ => format!("Attempted to compare the function {a} with the value:\n{b}"),
    };
    EvalError::type_mismatch(msg).with_operands(None, a, b)
}

fn eq_error(a: &Value, b: &Value) -> EvalError {
    let msg = match a {
        Value::Int(_) => format!("Attempted to check equality of integer {a} with non-integer:\n{b}"),
        Value::Bool(_) => format!("Attempted to check equality of boolean {a} with non-boolean:\n{b}"),
        Value::Str(_) => format!("Attempted to check equality of string {a} with non-string:\n{b}"),
        Value::Record(_) => format!("Attempted to check equality of record:\n{a}\nwith non-record\n{b}"),
        _ => format!("Attempted to check equality of the function {a} with the value:\n{b}"),
    };
    EvalError::type_mismatch(msg).with_operands(Some("="), a, b)
}
