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

use std::sync::Arc;

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

/// Categories of run-time failure, each mapping to a stable code and a TLC exit code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EvalErrorKind {
    /// Values of kinds that the operator cannot take (`1 + "a"`, `1 < "a"`, `x \in 3`).
    TypeMismatch,
    /// `f[x]` with `x` outside `DOMAIN f`, or `r.a` with no field `a`.
    NotInDomain,
    /// `CHOOSE x \in S : P` with no witness, `CASE` with no true arm.
    NoWitness,
    Overflow,
    DivisionByZero,
    /// `Assert(FALSE, msg)`.
    AssertionFailed,
    /// An attempt to enumerate an infinite or too large set.
    NotEnumerable,
    /// A primed variable used before the action assigned it, or left unassigned.
    UnassignedVariable,
    /// An operator of a module that tla2 does not implement (yet).
    Unsupported,
    /// Anything else TLC reports as an evaluation error.
    Other,
}

/// A run-time evaluation error. `location` is opaque to the runtime: the [`crate::model::Model`]
/// that raised it renders it (the interpreter stores a source span index there).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EvalError {
    pub kind: EvalErrorKind,
    pub message: String,
    pub location: Option<u32>,
}

impl EvalError {
    pub fn new(kind: EvalErrorKind, message: impl Into<String>) -> EvalError {
        EvalError { kind, message: message.into(), location: None }
    }
    pub fn type_mismatch(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::TypeMismatch, message)
    }
    pub fn at(mut self, location: u32) -> EvalError {
        if self.location.is_none() {
            self.location = Some(location);
        }
        self
    }
}

impl std::fmt::Display for EvalError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EvalError {}
