//! tla2-interp: evaluates the IR of `tla2-frontend` on `tla2-runtime` values and implements
//! `runtime::Model` for `tla2 check`.
//!
//! Code map: [`eval`] evaluates expressions (with [`eval::Shared`], the program prepared once:
//! builtins resolved, constant definitions cached); [`action`] generates initial states and
//! successors with TLC's semantics; [`actions`] splits Next into TLC's actions; [`model`] is
//! [`InterpModel`], the `runtime::Model` implementation; [`worker`] is per-thread scratch.

pub mod action;
pub mod actions;
mod analysis;
mod compose;
pub mod eval;
pub mod liveness;
pub mod model;
mod properties;
mod spec_model;
mod state_cache;
pub mod trace_diag;
pub mod worker;

pub use model::{InterpModel, ModelBuildError};
