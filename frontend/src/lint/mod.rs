//! Static warnings for the pitfalls that make a run look green while it checks little or
//! nothing (issue 9): they never change a verdict, they say why it may mean less than it seems.
//!
//! Codes: `TLC_*` where TLC has the same warning (same meaning, our wording and location),
//! `TLA2_*` for tla2's own. Each warning has the span of what it is about and a suggestion.
//! - `TLA2_LIVENESS_NO_FAIRNESS` ([`liveness`]): a liveness PROPERTY on a spec without fairness.
//! - `TLA2_TRACE_VACUOUS` ([`trace`]): trace validation whose cfg never requires the whole trace.
//! - `TLC_INVARIANT_CONSTANT`, `TLA2_PROPERTY_CONSTANT` ([`constant`]): checks of no variable.
//!
//! Cfg mistakes that TLC rejects or silently misreads are errors of the cfg stages instead
//! (`CFG_*`: SYMMETRY/VIEW expressions, `Op <- MCOp` arity mismatches); run-time pitfalls
//! (dead actions, deadlock checking off) are reported by the command after the run.

pub mod constant;
pub mod liveness;
pub mod trace;
pub mod walk;

use crate::diagnostics::Diagnostic;
use crate::ir::Program;
use crate::span::SourceMap;

/// Every static warning for the model of `program`, in a stable order.
pub fn lint(program: &Program, sources: &SourceMap) -> Vec<Diagnostic> {
    let mut out = liveness::no_fairness(program, sources);
    out.extend(trace::vacuous_trace(program));
    out.extend(constant::constant_checks(program));
    out
}

#[cfg(test)]
mod tests;
