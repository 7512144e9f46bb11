//! tla2-runtime: everything a model checker needs that is not TLA+ syntax.
//!
//! [`value`] holds `Value` with TLC's canonical order; `ops` the builtin operators of the
//! standard and community modules on values; `fingerprint`, `seen`, `engine` the checking
//! engines generic over the [`model::Model`] trait, which the interpreter and every compiled
//! checker implement (architecture invariant 2). Knows nothing of TLA+ syntax or the IR.

pub mod model;
pub mod value;

pub use value::{EvalError, EvalErrorKind, Value};
