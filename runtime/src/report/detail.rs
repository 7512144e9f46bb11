//! Seed 003's "detailed error schema" for the verdicts of a run: a stable code, a location with
//! its source line, what was expected and found, the operands of a failed operator, and a
//! suggestion (`action`, `example`, `options`) for the cases where the fix is known.
//!
//! Shared by the JSON document, the json-lines `error` event and SARIF results, so that all
//! three describe an error with the same words and codes.

use super::json::RunInfo;
use super::{ErrorContext, Status, TraceStep};
use crate::model::{ModelError, PropertyInfo, SourceLocation};
use crate::value::{EvalErrorKind, Operands, Value};
use serde_json::{json, Map, Value as Json};

/// What a verdict is called: the seed's `status`, `error_type`, `error_code` and message.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// `ok`, `error`, `timeout` or `interrupted`.
    pub status: &'static str,
    pub error_type: Option<&'static str>,
    pub error_code: Option<&'static str>,
    pub message: Option<String>,
}

/// The verdict names of a run's status: an interrupted run that reached the caller's time
/// limit is a `timeout`.
pub fn verdict(info: &RunInfo, status: &Status) -> Verdict {
    match (status, info.time_limit) {
        (Status::Interrupted, Some(limit)) if info.timed_out => Verdict {
            status: "timeout",
            error_type: Some("timeout"),
            error_code: Some("TLA2_TIMEOUT"),
            message: Some(format!(
                "The time limit of {} s was reached before the state space was explored",
                limit.as_secs_f64()
            )),
        },
        _ => status_verdict(status),
    }
}

/// The verdict names of a status on its own.
pub fn status_verdict(status: &Status) -> Verdict {
    let v = |error_type, code, message: String| Verdict {
        status: "error",
        error_type: Some(error_type),
        error_code: Some(code),
        message: Some(message),
    };
    match status {
        Status::Success => Verdict { status: "ok", error_type: None, error_code: None, message: None },
        Status::InvariantViolation { property, .. } => {
            v("invariant_violation", "TLC_INVARIANT_VIOLATED", format!("Invariant '{}' violated", property.name))
        }
        Status::ActionPropertyViolation { property, .. } => {
            v("liveness_violation", "TLC_LIVENESS_VIOLATED", format!("Action property '{}' violated", property.name))
        }
        Status::TemporalViolation { property, .. } => {
            v("liveness_violation", "TLC_LIVENESS_VIOLATED", format!("Temporal property '{}' violated", property.name))
        }
        Status::Deadlock => v("deadlock", "TLC_DEADLOCK", "Deadlock reached".into()),
        Status::EvalError { error, context } => v(
            eval_error_type(error.error.kind),
            eval_error_code(error.error.kind),
            format!("{} (while evaluating the {})", error.error.message, context_name(context)),
        ),
        Status::AssumptionFailure { message } => v("assumption_failure", "TLC_ASSUMPTION_FALSE", message.clone()),
        Status::PostconditionFailure { message } => {
            v("postcondition_failure", "TLC_POSTCONDITION_FALSE", message.clone())
        }
        Status::Interrupted => Verdict {
            status: "interrupted",
            error_type: None,
            error_code: None,
            message: Some("the run was interrupted".into()),
        },
        Status::TraceReplayFailed { message } => v("internal_error", "TLA2_INTERNAL_TRACE_REPLAY", message.clone()),
        Status::ResourceExhausted { message } => v("resource_exhausted", "TLA2_SPILL_IO", message.clone()),
    }
}

/// The seed's `error_type` for an evaluation error.
pub fn eval_error_type(kind: EvalErrorKind) -> &'static str {
    match kind {
        EvalErrorKind::AssertionFailed => "assertion_failure",
        EvalErrorKind::TypeMismatch => "type_error",
        EvalErrorKind::NotInDomain | EvalErrorKind::NoWitness | EvalErrorKind::UnassignedVariable => "undefined_value",
        EvalErrorKind::Unsupported => "unsupported",
        EvalErrorKind::NotEnumerable
        | EvalErrorKind::Overflow
        | EvalErrorKind::DivisionByZero
        | EvalErrorKind::Other => "evaluation_error",
    }
}

/// The hierarchical code of an evaluation error (`TLC_TYPE_*`, `TLC_EVAL_*`).
pub fn eval_error_code(kind: EvalErrorKind) -> &'static str {
    match kind {
        EvalErrorKind::AssertionFailed => "TLC_EVAL_ASSERTION_FAILED",
        EvalErrorKind::TypeMismatch => "TLC_TYPE_MISMATCH",
        EvalErrorKind::NotInDomain => "TLC_EVAL_NOT_IN_DOMAIN",
        EvalErrorKind::NoWitness => "TLC_EVAL_UNDEFINED",
        EvalErrorKind::UnassignedVariable => "TLC_EVAL_UNASSIGNED_VARIABLE",
        EvalErrorKind::Unsupported => "TLC_EVAL_UNSUPPORTED",
        EvalErrorKind::NotEnumerable => "TLC_EVAL_NOT_ENUMERABLE",
        EvalErrorKind::Overflow => "TLC_EVAL_OVERFLOW",
        EvalErrorKind::DivisionByZero => "TLC_EVAL_DIVISION_BY_ZERO",
        EvalErrorKind::Other => "TLC_EVAL_ERROR",
    }
}

fn context_name(c: &ErrorContext) -> &'static str {
    match c {
        ErrorContext::Init => "initial states",
        ErrorContext::Next => "next-state relation",
        ErrorContext::Constraint => "constraint",
        ErrorContext::Invariant => "invariant",
        ErrorContext::ActionProperty => "action property",
    }
}

/// A source range as the seed writes it, without the module name.
pub fn location_json(l: &SourceLocation) -> Json {
    json!({
        "file": l.file, "line": l.line, "column": l.column,
        "end_line": l.end_line, "end_column": l.end_column,
    })
}

/// A location with the text of its first line (`context`), when the source is known.
pub fn located(info: &RunInfo, l: &SourceLocation) -> Json {
    let mut obj = location_json(l);
    if let Some(text) = info.line_text(&l.file, l.line) {
        obj["context"] = Json::String(text);
    }
    obj
}

/// The detailed error object of a verdict, `None` for success and interruption.
pub fn detailed_error(info: &RunInfo, status: &Status, variables: &[String], trace: &[TraceStep]) -> Option<Json> {
    let names = verdict(info, status);
    let code = names.error_code?;
    let mut obj = json!({
        "error_code": code,
        "severity": "error",
        "location": null,
        "message": names.message,
    });
    match status {
        Status::InvariantViolation { property, .. }
        | Status::ActionPropertyViolation { property, .. }
        | Status::TemporalViolation { property, .. } => {
            property_detail(info, &mut obj, property, trace.len());
        }
        Status::Deadlock => deadlock_detail(info, &mut obj, variables, trace),
        Status::EvalError { error, context } => eval_detail(info, &mut obj, error, context),
        Status::AssumptionFailure { .. } => {
            if let Some(a) = &info.failed_assumption {
                property_detail(info, &mut obj, a, 0);
                obj["suggestion"] = json!({
                    "action": "fix_assumption",
                    "message": "The ASSUME is false for the constants of the cfg: change the constants or the assumption",
                });
            }
        }
        Status::PostconditionFailure { .. } => {
            obj["suggestion"] = json!({
                "action": "fix_postcondition",
                "message": "The POSTCONDITION is evaluated once, after the whole state space was explored",
            });
        }
        Status::Interrupted => {
            obj["suggestion"] = json!({
                "action": "bound_the_run",
                "message": "The run was stopped before it explored every reachable state",
                "options": [
                    "Run again with a larger --timeout",
                    "Make the model smaller: smaller constants, a CONSTRAINT, or SYMMETRY",
                ],
            });
        }
        Status::Success | Status::TraceReplayFailed { .. } | Status::ResourceExhausted { .. } => {}
    }
    Some(obj)
}

/// The formula of a property without its `Name ==` head, when the model gives the whole
/// definition as its text.
pub fn expression_text(property: &PropertyInfo) -> String {
    let text = property.expression.trim();
    match text.strip_prefix(property.name.as_str()).map(str::trim_start) {
        Some(rest) if rest.starts_with("==") => rest[2..].trim().to_string(),
        _ => text.to_string(),
    }
}

fn property_detail(info: &RunInfo, obj: &mut Json, property: &PropertyInfo, state_num: usize) {
    obj["location"] = property.location.as_ref().map_or(Json::Null, |l| located(info, l));
    obj["expression"] = Json::String(expression_text(property));
    if state_num > 0 {
        obj["state_num"] = json!(state_num);
    }
}

/// The deadlocked state, where the action that reached it is, and the two usual fixes.
fn deadlock_detail(info: &RunInfo, obj: &mut Json, variables: &[String], trace: &[TraceStep]) {
    obj["message"] = json!("No enabled actions from this state");
    let Some(last) = trace.last() else { return };
    let action = last.action.as_ref();
    let mut location = match action.and_then(|a| a.location.as_ref()) {
        Some(l) => located(info, l),
        None => json!({}),
    };
    location["state_num"] = json!(trace.len());
    location["action"] = json!(action.map_or("Init", |a| a.name.as_str()));
    obj["location"] = location;
    let state: Map<String, Json> =
        variables.iter().zip(&last.values).map(|(n, v)| (n.clone(), v.to_plain_json())).collect();
    obj["state"] = Json::Object(state);
    obj["suggestion"] = deadlock_suggestion(variables, &last.values);
}

fn deadlock_suggestion(variables: &[String], values: &[Value]) -> Json {
    let condition: Vec<String> = variables.iter().zip(values).map(|(n, v)| format!("{n} = {v}")).collect();
    let unchanged = match variables {
        [one] => one.clone(),
        _ => format!("<<{}>>", variables.join(", ")),
    };
    let condition = if condition.is_empty() { "TRUE".to_string() } else { condition.join(" /\\ ") };
    let done = format!("Done == {condition} /\\ UNCHANGED {unchanged}");
    json!({
        "action": "if_intentional",
        "message": "If the run is meant to stop here, say so; otherwise an action is missing or too strong",
        "example": format!("{done}\nNext == ... \\/ Done"),
        "options": [
            "Add CHECK_DEADLOCK FALSE to the cfg (or run with -deadlock)",
            format!("Add a stuttering step for the final state: {done}, and add \\/ Done to Next"),
        ],
    })
}

fn eval_detail(info: &RunInfo, obj: &mut Json, error: &ModelError, context: &ErrorContext) {
    obj["message"] = Json::String(error.error.message.clone());
    obj["while_evaluating"] = json!(context_name(context));
    if let Some(l) = &error.location {
        obj["location"] = located(info, l);
    }
    if let Some(ops) = &error.error.operands {
        operands_detail(obj, ops);
    }
    if let Some(hint) = &error.error.hint {
        obj["suggestion"] = json!({"action": "use_integer_order", "message": hint});
    }
}

/// `operator`, `lhs`/`rhs` with TLC's text and kind, and the two ways to make the kinds agree.
fn operands_detail(obj: &mut Json, ops: &Operands) {
    let side = |v: &Value| json!({"value": v.to_string(), "type": v.kind_name()});
    obj["operator"] = ops.operator.map_or(Json::Null, |o| Json::String(o.into()));
    obj["lhs"] = side(&ops.lhs);
    obj["rhs"] = side(&ops.rhs);
    obj["expected"] = json!(format!("two values of the same kind ({} on the left)", ops.lhs.kind_name()));
    obj["found"] = json!(format!("{} {} and {} {}", ops.lhs.kind_name(), ops.lhs, ops.rhs.kind_name(), ops.rhs));
    let (l, r) = (&ops.lhs, &ops.rhs);
    obj["suggestion"] = json!({
        "action": "use_consistent_types",
        "message": "TLC cannot compare values of different kinds; make both sides the same kind",
        "options": [
            format!("Change {l} to a {}", r.kind_name()),
            format!("Change {r} to a {} sentinel", l.kind_name()),
        ],
    });
}
