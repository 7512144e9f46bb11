//! `EvalError`: the run-time evaluation errors that values and builtins raise.

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
    /// The two values an operator could not take together, when the error is such a clash
    /// (reports show them as `lhs`/`rhs` with their types).
    pub operands: Option<Box<Operands>>,
    /// True for errors a standard or community module reports about its arguments (TLC's
    /// `TLC_MODULE_*` errors, e.g. `Head(<<>>)`, `"a" < "b"`, overflow, division by zero): TLC
    /// exits with 255 for these and with 75 for other evaluation errors.
    pub module_error: bool,
    /// What the user can do about it, when the cause is a known pitfall (reports show it as
    /// the error's suggestion).
    pub hint: Option<String>,
}

/// The operands of a failed binary operation, kept for reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Operands {
    /// The operator as written (`=`), or `None` when several operators share the failing code
    /// (TLC's ordering comparisons).
    pub operator: Option<&'static str>,
    pub lhs: super::Value,
    pub rhs: super::Value,
}

impl EvalError {
    pub fn new(kind: EvalErrorKind, message: impl Into<String>) -> EvalError {
        EvalError { kind, message: message.into(), location: None, operands: None, module_error: false, hint: None }
    }
    pub fn type_mismatch(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::TypeMismatch, message)
    }
    pub fn not_in_domain(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::NotInDomain, message)
    }
    pub fn overflow(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::Overflow, message)
    }
    pub fn not_enumerable(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::NotEnumerable, message)
    }
    pub fn other(message: impl Into<String>) -> EvalError {
        EvalError::new(EvalErrorKind::Other, message)
    }
    /// Records the operands of a failed binary operation.
    pub fn with_operands(
        mut self,
        operator: Option<&'static str>,
        lhs: &super::Value,
        rhs: &super::Value,
    ) -> EvalError {
        self.operands = Some(Box::new(Operands { operator, lhs: lhs.clone(), rhs: rhs.clone() }));
        self
    }
    /// Marks the error as a module's complaint about its arguments (see `module_error`).
    pub fn from_module(mut self) -> EvalError {
        self.module_error = true;
        self
    }
    pub fn with_hint(mut self, hint: impl Into<String>) -> EvalError {
        self.hint = Some(hint.into());
        self
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
