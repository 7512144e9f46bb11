//! What follows the search, before the verdict is printed: the PROPERTYs on the whole state
//! graph, the POSTCONDITION, and the ALIAS that trace states are shown through.

use super::{SpecModel, TemporalOutcome};
use crate::cli::RunOptions;
use crate::liveness::{LivenessError, LivenessOptions, LivenessVerdict, ViolationKind};
use crate::model::{ActionId, EngineSnapshot, ModelError};
use crate::report::{human, CheckResult, ErrorContext, Status, TraceStep, Violation};
use crate::value::{EvalError, EvalErrorKind, Value};
use std::time::Instant;

/// After a search that found nothing: POSTCONDITION, then ALIAS on the trace (if any).
/// The run's duration then covers the temporal properties too, as TLC's "Finished in" does.
pub(super) fn after_search<M: SpecModel>(model: &M, result: &mut CheckResult, started: Instant) {
    check_postcondition(model, result, started);
    apply_alias(model, result);
    result.stats.duration = result.stats.duration.max(started.elapsed());
}

/// Shows each trace state through the cfg's ALIAS, as TLC prints traces; a state whose ALIAS
/// cannot be evaluated keeps its variables (TLC does the same).
fn apply_alias<M: SpecModel>(model: &M, result: &mut CheckResult) {
    if result.trace.is_empty() || !model.has_alias() {
        return;
    }
    let aliased: Vec<Option<Vec<(String, Value)>>> =
        result.trace.iter().map(|step| model.alias_values(&step.values)).collect();
    let Some(Some(first)) = aliased.first() else { return };
    let names: Vec<String> = first.iter().map(|(n, _)| n.clone()).collect();
    let same_shape =
        aliased.iter().all(|a| a.as_ref().is_some_and(|fields| fields.iter().map(|(n, _)| n).eq(names.iter())));
    if !same_shape {
        return;
    }
    for (step, fields) in result.trace.iter_mut().zip(aliased) {
        step.values = fields.into_iter().flatten().map(|(_, v)| v).collect();
    }
    result.variables = names;
}

/// After a complete search, a false (or failing) POSTCONDITION turns the verdict into TLC's
/// postcondition failure.
fn check_postcondition<M: SpecModel>(model: &M, result: &mut CheckResult, started: Instant) {
    if !result.status.is_success() {
        return;
    }
    let Some(post) = model.postcondition() else { return };
    let snapshot = EngineSnapshot {
        distinct: result.stats.distinct,
        generated: result.stats.generated,
        diameter: result.stats.depth,
        duration_secs: started.elapsed().as_secs(),
        ..EngineSnapshot::default()
    };
    let failure = match model.check_postcondition(&snapshot) {
        Ok(Some(false)) => "is false.".to_string(),
        Err(e) => format!("failed.\n{}", e.error.message),
        _ => return,
    };
    let at = post.location.as_ref().map(human::location_text).unwrap_or_default();
    result.status = Status::PostconditionFailure { message: format!("Postcondition {} at {at} {failure}", post.name) };
}

/// After a safety search that found nothing, checks the PROPERTYs on the whole state graph
/// (TLC's `-lncheck final`; the verdict is the same as with periodic checks) and turns a
/// violation into the result's verdict and lasso.
pub(super) fn check_temporal_properties<M: SpecModel>(model: &M, result: &mut CheckResult) {
    if !result.status.is_success() || !model.has_temporal_properties() {
        return;
    }
    let outcome = model.check_temporal_properties(&LivenessOptions::default());
    result.stats.liveness_graph = Some(outcome.result.stats);
    if let Some((status, trace)) = temporal_verdict(model, outcome) {
        result.status = status;
        if !trace.is_empty() {
            result.trace = trace;
        }
    }
}

/// Checks the PROPERTYs on one simulated behaviour (TLC checks each in simulation).
pub(super) fn check_behaviour<M: SpecModel>(
    model: &M,
    behaviour: &[(Option<ActionId>, M::State)],
) -> Option<Box<Violation>> {
    let outcome = model.check_temporal_on_trace(behaviour);
    temporal_verdict(model, outcome).map(|(status, trace)| Box::new(Violation { status, trace }))
}

/// The verdict and lasso of a temporal check; `None` when the properties hold.
fn temporal_verdict<M: SpecModel>(model: &M, outcome: TemporalOutcome<M::State>) -> Option<(Status, Vec<TraceStep>)> {
    let action = |a: Option<u32>| a.and_then(|a| model.actions().get(a as usize).cloned());
    let mut worker = model.new_worker(0);
    let status = match outcome.result.verdict {
        Ok(LivenessVerdict::Holds) => return None,
        Ok(LivenessVerdict::Violated(v)) => {
            let property = outcome.properties[v.property].clone();
            let trace = v
                .states
                .iter()
                .zip(&v.actions)
                .map(|(s, a)| TraceStep {
                    values: model.state_values(s),
                    action: action(*a),
                    fingerprint: model.fingerprint(&mut worker, s),
                })
                .collect();
            let status = match v.kind {
                ViolationKind::InitialPredicate => {
                    Status::TemporalViolation { property, initial: true, loop_start: None, loop_action: None }
                }
                ViolationKind::Invariant => Status::InvariantViolation { index: usize::MAX, property, initial: false },
                ViolationKind::ActionProperty => Status::ActionPropertyViolation { index: usize::MAX, property },
                ViolationKind::Temporal => Status::TemporalViolation {
                    property,
                    initial: false,
                    loop_start: if v.stuttering { None } else { v.cycle_start },
                    loop_action: action(v.cycle_action),
                },
            };
            return Some((status, trace));
        }
        Err(LivenessError::Model(error)) => Status::EvalError { error, context: ErrorContext::Next },
        Err(LivenessError::Unsupported { property, message }) => {
            let error = ModelError::new(
                EvalError::new(
                    EvalErrorKind::Unsupported,
                    format!("tla2 cannot check the property {property} yet: {message}"),
                ),
                None,
            );
            Status::EvalError { error, context: ErrorContext::Next }
        }
        Err(LivenessError::Internal(message)) => Status::TraceReplayFailed { message },
        Err(LivenessError::TooManyStates(n)) => {
            Status::TraceReplayFailed { message: format!("the state graph for liveness checking exceeded {n} states") }
        }
    };
    Some((status, Vec::new()))
}

/// The record `TLCGet("config")` gives, with TLC's fields for the mode of this run.
pub(super) fn tlc_config(opts: &RunOptions, cfg_check_deadlock: Option<bool>) -> Value {
    let deadlock = opts.check_deadlock && cfg_check_deadlock != Some(false);
    let mode = if opts.generate {
        "generate"
    } else if opts.simulate.is_some() {
        "simulate"
    } else {
        "bfs"
    };
    let install = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let mut fields = vec![
        ("mode", Value::str(mode)),
        ("deadlock", Value::Bool(deadlock)),
        ("worker", Value::Int(opts.workers.resolve() as i64)),
        ("seed", Value::str(&opts.seed.unwrap_or(0).to_string())),
        ("fingerprint", Value::str("0")),
        ("install", Value::str(&install)),
    ];
    if mode != "bfs" {
        let depth = opts.depth.map_or(100, i64::from);
        let traces = opts.simulate.as_ref().and_then(|s| s.num).map_or(-1, |n| n as i64);
        fields.extend([("depth", Value::Int(depth)), ("traces", Value::Int(traces)), ("aril", Value::str("0"))]);
    }
    Value::record(fields)
}
