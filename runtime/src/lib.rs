//! tla2-runtime: everything a model checker needs that is not TLA+ syntax.
//!
//! [`value`] holds `Value` with TLC's canonical order; [`ops`] the builtin operators of the
//! standard and community modules on values; [`engine`] the checking engines, generic over the
//! [`model::Model`] trait, which the interpreter and every compiled checker implement
//! (architecture invariant 2); [`report`] the results and their renderings; [`cli`] the run
//! flags. Knows nothing of TLA+ syntax or the IR (architecture invariant 1).

pub mod checker;
pub mod cli;
pub mod compiled;
pub mod engine;
pub mod liveness;
pub mod model;
pub mod ops;
pub mod report;
pub mod symmetry;
pub mod value;
pub mod worker;

pub use value::{EvalError, EvalErrorKind, Value};

/// Compiled checkers allocate with mimalloc, as `tla2` does (much faster than the system
/// allocator for the many small values of a search).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
