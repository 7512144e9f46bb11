//! `Value`: a TLA+ value in canonical form, ordered and compared as TLC does.
//!
//! Invariants (every constructor keeps them, so `==`, `Hash` and fingerprints are semantic):
//! - A finite set is a `Set` of elements sorted by [`Value::cmp`] without duplicates, or an
//!   `Interval`; a lazy set (`Nat`, `SUBSET S`, `[S -> T]`, …) is a `Lazy` that is enumerated only
//!   when it must be. Comparing/hashing two sets gives the same answer whatever their form.
//! - A function whose domain is `1..n` (n ≥ 0) is a `Tuple`; one whose domain is a non-empty set
//!   of strings is a `Record`; every other function is a `Fun` with sorted keys. So
//!   `<<a, b>> = [i \in 1..2 |-> …]` and `[a |-> 1] = ("a" :> 1)` hold structurally.
//! - Integers are `i64`; arithmetic that overflows is an [`EvalError`], never a wrap.
//!
//! - A `Fun` never has a domain `1..n` or a domain of strings (those are `Tuple`/`Record`): code
//!   that builds `Value::Fun` directly must keep this, or equality and fingerprints break.
//!
//! The submodules own one concern each: `order` (Eq/Ord/Hash and TLC's erroring
//! [`Value::tlc_compare`]/[`Value::tlc_eq`]), `display` (TLC's print format), `pretty` (TLC's
//! line breaking of long values, [`Value::pretty`]), [`fingerprint`], [`json`] (the report
//! encoding), `sets` (membership, enumeration, set algebra), `iter` ([`Value::iter_set`]),
//! `funs` (application, `DOMAIN`, `EXCEPT`).
//!
//! Known differences from TLC: strings are ordered by their bytes (TLC orders them by when they
//! were interned, which depends on the spec's text), and sets mixing kinds of values are ordered
//! by kind (TLC leaves them unnormalized). `Value` is 24 bytes, not 16: strings and slices are
//! fat `Arc`s.

use std::sync::Arc;

pub mod codec;
mod display;
mod error;
pub mod fingerprint;
pub(crate) mod funs;
mod iter;
pub mod json;
mod order;
mod pretty;
mod sets;

pub use sets::k_subsets;

pub use error::{EvalError, EvalErrorKind, Operands};
pub use fingerprint::{fingerprint_values, Fp};
pub use iter::SetIter;
pub use pretty::TLC_PRINT_WIDTH;

/// A TLA+ value. Cloning is cheap (reference-counted).
#[derive(Clone)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Str(Arc<str>),
    /// A model value declared in the cfg (`p1`), compared only by name/equality as TLC does.
    ModelValue(Arc<str>),
    /// A finite set: elements sorted and distinct.
    Set(Arc<[Value]>),
    /// The integer interval `lo..hi` (empty when `hi < lo`).
    Interval(i64, i64),
    /// A function with domain `1..len`: tuples and sequences.
    Tuple(Arc<[Value]>),
    /// A function whose domain is a non-empty set of strings; fields sorted by name.
    Record(Arc<[(Arc<str>, Value)]>),
    /// Any other function: keys sorted and distinct, `vals[i]` is the image of `keys[i]`.
    Fun(Arc<FunValue>),
    /// A set that is not enumerated unless it must be.
    Lazy(Arc<LazySet>),
    /// A function defined by a rule over a domain that need not be enumerated (`[n \in Nat |-> …]`,
    /// recursive function definitions); applying it evaluates the rule.
    LazyFun(Arc<dyn LazyFunction>),
}

/// Invariant: `keys` sorted by `Value::cmp` and distinct; `keys.len() == vals.len()`.
#[derive(Clone)]
pub struct FunValue {
    pub keys: Vec<Value>,
    pub vals: Vec<Value>,
}

/// Sets whose membership is decided without enumeration.
pub enum LazySet {
    Nat,
    Int,
    Real,
    /// `STRING`
    Strings,
    /// `SUBSET S`
    Subset(Value),
    /// `[S -> T]`
    FunSet(Value, Value),
    /// `[a : S, b : T]`, fields sorted by name.
    RecordSet(Vec<(Arc<str>, Value)>),
    /// `Seq(S)`
    Seq(Value),
    /// `S \X T \X …`
    Product(Vec<Value>),
    /// `UNION S`
    Union(Value),
    /// A set given by a membership rule and, if finite, an enumeration (`{x \in S : P}` over a
    /// lazy `S`, `{e : x \in S}`…): implemented by the engine that builds it.
    Custom(Arc<dyn CustomSet>),
}

/// A set defined by the interpreter or generated code (e.g. a filter over an infinite set).
pub trait CustomSet: Send + Sync {
    fn contains(&self, v: &Value) -> Result<bool, EvalError>;
    /// The elements, if the set is finite and can be enumerated.
    fn enumerate(&self) -> Result<Vec<Value>, EvalError>;
    fn describe(&self) -> String;
}

/// A function defined by a rule (see [`Value::LazyFun`]).
pub trait LazyFunction: Send + Sync {
    fn domain(&self) -> Value;
    fn apply(&self, arg: &Value) -> Result<Value, EvalError>;
    fn describe(&self) -> String;
}

pub const TRUE: Value = Value::Bool(true);
pub const FALSE: Value = Value::Bool(false);

/// Constructors: each returns a value in canonical form.
impl Value {
    pub fn bool(b: bool) -> Value {
        Value::Bool(b)
    }

    pub fn int(i: i64) -> Value {
        Value::Int(i)
    }

    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn model_value(name: &str) -> Value {
        Value::ModelValue(Arc::from(name))
    }

    /// The empty set `{}`.
    pub fn empty_set() -> Value {
        Value::Set(Arc::from(Vec::new()))
    }

    /// The empty sequence `<<>>` (also the empty function).
    pub fn empty_tuple() -> Value {
        Value::Tuple(Arc::from(Vec::new()))
    }

    /// A finite set of the given elements (sorted, duplicates removed).
    pub fn set(mut elems: Vec<Value>) -> Value {
        if !elems.windows(2).all(|w| w[0] < w[1]) {
            elems.sort_unstable();
            elems.dedup();
        }
        Value::Set(Arc::from(elems))
    }

    /// A set from elements already sorted by [`Value::cmp`] and distinct (not checked in release).
    pub fn set_from_sorted(elems: Vec<Value>) -> Value {
        debug_assert!(elems.windows(2).all(|w| w[0] < w[1]));
        Value::Set(Arc::from(elems))
    }

    /// `lo..hi`; the empty interval is the empty set.
    pub fn interval(lo: i64, hi: i64) -> Value {
        if hi < lo {
            Value::empty_set()
        } else {
            Value::Interval(lo, hi)
        }
    }

    pub fn tuple(elems: Vec<Value>) -> Value {
        Value::Tuple(Arc::from(elems))
    }

    /// A record `[a |-> 1, b |-> 2]`; later duplicates of a field name are dropped. With no
    /// fields it is the empty function `<<>>`.
    pub fn record<K: Into<Arc<str>>>(fields: impl IntoIterator<Item = (K, Value)>) -> Value {
        let mut fields: Vec<(Arc<str>, Value)> = fields.into_iter().map(|(k, v)| (k.into(), v)).collect();
        if fields.is_empty() {
            return Value::empty_tuple();
        }
        fields.sort_by(|a, b| a.0.cmp(&b.0));
        fields.dedup_by(|later, earlier| later.0 == earlier.0);
        Value::Record(Arc::from(fields))
    }

    /// A function from (argument, image) pairs, canonicalized to a `Tuple` when the domain is
    /// `1..n` and to a `Record` when it is a non-empty set of strings. For a repeated argument
    /// the first pair wins.
    pub fn fun(mut pairs: Vec<(Value, Value)>) -> Value {
        if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            pairs.dedup_by(|later, earlier| later.0 == earlier.0);
        }
        Value::fun_from_sorted(pairs)
    }

    /// [`Value::fun`] for pairs whose keys are already sorted and distinct.
    pub fn fun_from_sorted(pairs: Vec<(Value, Value)>) -> Value {
        let is_tuple = pairs.iter().enumerate().all(|(i, (k, _))| matches!(k, Value::Int(n) if *n == i as i64 + 1));
        if is_tuple {
            return Value::Tuple(pairs.into_iter().map(|(_, v)| v).collect());
        }
        if pairs.iter().all(|(k, _)| matches!(k, Value::Str(_))) {
            let fields: Vec<(Arc<str>, Value)> = pairs
                .into_iter()
                .filter_map(|(k, v)| match k {
                    Value::Str(s) => Some((s, v)),
                    _ => None,
                })
                .collect();
            return Value::Record(Arc::from(fields));
        }
        let (keys, vals) = pairs.into_iter().unzip();
        Value::Fun(Arc::new(FunValue { keys, vals }))
    }

    pub fn lazy(set: LazySet) -> Value {
        Value::Lazy(Arc::new(set))
    }

    pub fn lazy_fun(f: Arc<dyn LazyFunction>) -> Value {
        Value::LazyFun(f)
    }
}

/// Accessors with TLC-like error messages.
impl Value {
    pub fn as_int(&self) -> Result<i64, EvalError> {
        match self {
            Value::Int(i) => Ok(*i),
            _ => Err(EvalError::type_mismatch(format!("Attempted to use the value\n{self}\nas an integer."))),
        }
    }

    pub fn as_bool(&self) -> Result<bool, EvalError> {
        match self {
            Value::Bool(b) => Ok(*b),
            _ => Err(EvalError::type_mismatch(format!(
                "A non-boolean expression ({}) was used as a boolean: {self}",
                self.kind_name()
            ))),
        }
    }

    pub fn as_str(&self) -> Result<&str, EvalError> {
        match self {
            Value::Str(s) => Ok(s),
            _ => Err(EvalError::type_mismatch(format!("Attempted to use the value\n{self}\nas a string."))),
        }
    }

    /// The elements of a sequence (a function with domain `1..n`).
    pub fn as_seq(&self) -> Result<&[Value], EvalError> {
        match self {
            Value::Tuple(t) => Ok(t),
            _ => Err(EvalError::type_mismatch(format!("Attempted to use the value\n{self}\nas a sequence."))),
        }
    }

    /// The fields of a record.
    pub fn as_record(&self) -> Result<&[(Arc<str>, Value)], EvalError> {
        match self {
            Value::Record(r) => Ok(r),
            _ => Err(EvalError::type_mismatch(format!("Attempted to use the value\n{self}\nas a record."))),
        }
    }

    pub fn is_set(&self) -> bool {
        matches!(self, Value::Set(_) | Value::Interval(..) | Value::Lazy(_))
    }

    pub fn is_function(&self) -> bool {
        matches!(self, Value::Tuple(_) | Value::Record(_) | Value::Fun(_) | Value::LazyFun(_))
    }

    /// A short name of the value's kind for messages ("integer", "set", …).
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Bool(_) => "boolean",
            Value::Int(_) => "integer",
            Value::Str(_) => "string",
            Value::ModelValue(_) => "model value",
            Value::Set(_) | Value::Interval(..) | Value::Lazy(_) => "set",
            Value::Tuple(_) => "tuple",
            Value::Record(_) => "record",
            Value::Fun(_) | Value::LazyFun(_) => "function",
        }
    }
}

impl From<i64> for Value {
    fn from(i: i64) -> Value {
        Value::Int(i)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::str(s)
    }
}
