//! What generated checkers of trace-validation specs call to explain why an action refuses the
//! next log line (`SpecModel::explain_action`), as the interpreter's `trace_diag.rs` does: the
//! action's conjuncts (through called definitions) are generated as walk steps, the conjunction
//! of the first ones is walked until it has no successor, and the failing conjunct is reported
//! with the values of its operands.

use crate::model::SourceLocation;
use crate::report::trace_validation::FailedConjunct;
use crate::value::{EvalError, Value};

use super::cx::{Cx, R};

/// One conjunct as a walk: it calls its continuation once per way it holds.
pub type Step<'s> = &'s dyn Fn(&dyn Fn() -> R<()>) -> R<()>;

/// Walks the conjunction of `steps`, then `k`.
pub fn walk_steps(steps: &[Step<'_>], k: &dyn Fn() -> R<()>) -> R<()> {
    match steps.split_first() {
        None => k(),
        Some((first, rest)) => first(&|| walk_steps(rest, k)),
    }
}

/// The (partial) next state of the first successor of the conjunction of `steps` from the
/// current state of `cx`, `None` if it has none.
pub fn explain_probe(cx: &Cx<'_>, steps: &[Step<'_>]) -> R<Option<Vec<Option<Value>>>> {
    cx.restart_walk();
    let found: std::cell::RefCell<Option<Vec<Option<Value>>>> = Default::default();
    let k = || -> R<()> {
        if found.borrow().is_none() {
            *found.borrow_mut() = Some(cx.next.borrow().clone());
        }
        cx.stop();
        Ok(())
    };
    let r = walk_steps(steps, &k);
    cx.restart_walk();
    r.map(|_| found.into_inner())
}

/// The failing conjunct `text` at `location`, with the values of its `operands` (source text,
/// value) in the current state and the partial next state `partial`; operands that cannot be
/// evaluated are left out.
pub fn explain_failed(
    cx: &Cx<'_>,
    text: &str,
    location: Option<SourceLocation>,
    error: Option<EvalError>,
    partial: &[Option<Value>],
    operands: &[(&str, &dyn Fn() -> R<Value>)],
) -> FailedConjunct {
    cx.restart_walk();
    for (slot, v) in cx.next.borrow_mut().iter_mut().zip(partial) {
        *slot = v.clone();
    }
    let values = operands.iter().filter_map(|(t, f)| f().ok().map(|v| (t.to_string(), v))).collect();
    cx.restart_walk();
    FailedConjunct { text: text.to_string(), location, values, error: error.map(|e| e.message) }
}
