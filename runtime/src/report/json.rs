//! The `--output json` rendering of a run (seed 003): one object with input, specification,
//! result, counterexample with per-state diffs, statistics, diagnostics and per-action counts.

use super::{CheckResult, ErrorContext, Status, TraceStep};
use crate::model::{ActionInfo, SourceLocation};
use crate::value::{EvalErrorKind, Value};
use serde_json::{json, Map, Value as Json};

/// What the caller knows about the run that the engine does not: files, names, constants.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub spec_file: String,
    pub config_file: Option<String>,
    pub module: String,
    pub workers: usize,
    pub init: Option<String>,
    pub next: Option<String>,
    pub invariants: Vec<String>,
    pub properties: Vec<String>,
    pub constants: Vec<(String, Value)>,
    pub variables: Vec<String>,
    /// Coded warnings and infos (code, message).
    pub warnings: Vec<(String, String)>,
    pub info: Vec<(String, String)>,
    /// Names of the actions, indexed like the result's per-action statistics.
    pub actions: Vec<ActionInfo>,
}

/// The whole seed-003 object for a finished run.
pub fn render(info: &RunInfo, result: &CheckResult) -> Json {
    json!({
        "version": "1.0",
        "tool": "tla2",
        "timestamp": iso_timestamp(std::time::SystemTime::now()),
        "input": input(info),
        "specification": specification(info),
        "result": result_object(result),
        "counterexample": counterexample(&result.variables, &result.trace),
        "statistics": statistics(result),
        "diagnostics": diagnostics(info),
        "actions_detected": actions_detected(info, result),
    })
}

/// The seed-003 object for a run that stopped before checking (parse, config or setup errors):
/// `errors` holds detailed error objects.
pub fn render_error(info: &RunInfo, error_type: &str, message: &str, errors: Vec<Json>) -> Json {
    json!({
        "version": "1.0",
        "tool": "tla2",
        "timestamp": iso_timestamp(std::time::SystemTime::now()),
        "input": input(info),
        "specification": specification(info),
        "result": {"status": "error", "error_type": error_type, "error_message": message, "violated_property": null},
        "errors": errors,
        "counterexample": null,
        "statistics": null,
        "diagnostics": diagnostics(info),
        "actions_detected": [],
    })
}

fn input(info: &RunInfo) -> Json {
    json!({
        "spec_file": info.spec_file,
        "config_file": info.config_file,
        "module": info.module,
        "workers": info.workers,
    })
}

fn specification(info: &RunInfo) -> Json {
    let constants: Map<String, Json> = info.constants.iter().map(|(n, v)| (n.clone(), v.to_json())).collect();
    json!({
        "init": info.init,
        "next": info.next,
        "invariants": info.invariants,
        "properties": info.properties,
        "constants": constants,
        "variables": info.variables,
    })
}

pub fn location_json(l: &SourceLocation) -> Json {
    json!({
        "file": l.file, "line": l.line, "column": l.column,
        "end_line": l.end_line, "end_column": l.end_column,
    })
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

fn eval_error_code(kind: EvalErrorKind) -> &'static str {
    match kind {
        EvalErrorKind::AssertionFailed => "TLC_EVAL_ASSERTION_FAILED",
        EvalErrorKind::TypeMismatch => "TLC_TYPE_MISMATCH",
        EvalErrorKind::NotInDomain => "TLC_EVAL_NOT_IN_DOMAIN",
        EvalErrorKind::NoWitness => "TLC_EVAL_NO_WITNESS",
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

fn result_object(result: &CheckResult) -> Json {
    let (status, error_type, message, violated): (&str, Option<&str>, Option<String>, Json) = match &result.status {
        Status::Success => ("ok", None, None, Json::Null),
        Status::InvariantViolation { property, .. } => (
            "error",
            Some("invariant_violation"),
            Some(format!("Invariant '{}' violated", property.name)),
            json!({"name": property.name, "type": "invariant",
                   "location": property.location.as_ref().map(location_json),
                   "expression": property.expression}),
        ),
        Status::ActionPropertyViolation { property, .. } => (
            "error",
            Some("liveness_violation"),
            Some(format!("Action property '{}' violated", property.name)),
            json!({"name": property.name, "type": "action_property",
                   "location": property.location.as_ref().map(location_json),
                   "expression": property.expression}),
        ),
        Status::Deadlock => ("error", Some("deadlock"), Some("Deadlock reached".into()), Json::Null),
        Status::EvalError { error, context } => (
            "error",
            Some(eval_error_type(error.error.kind)),
            Some(format!("{} (while evaluating the {})", error.error.message, context_name(context))),
            Json::Null,
        ),
        Status::AssumptionFailure { message } => {
            ("error", Some("assumption_failure"), Some(message.clone()), Json::Null)
        }
        Status::Interrupted => ("interrupted", None, Some("the run was interrupted".into()), Json::Null),
        Status::TraceReplayFailed { message } => ("error", Some("internal_error"), Some(message.clone()), Json::Null),
    };
    let mut obj = json!({
        "status": status,
        "error_type": error_type,
        "error_message": message,
        "violated_property": violated,
    });
    if let Status::EvalError { error, .. } = &result.status {
        obj["error"] = json!({
            "error_code": eval_error_code(error.error.kind),
            "severity": "error",
            "location": error.location.as_ref().map(location_json),
            "message": error.error.message,
        });
    }
    obj
}

/// The counterexample with typed variables and diffs, or `null` when there is none.
pub fn counterexample(variables: &[String], trace: &[TraceStep]) -> Json {
    if trace.is_empty() {
        return Json::Null;
    }
    let states: Vec<Json> = trace
        .iter()
        .enumerate()
        .map(|(i, step)| state_json(variables, i, step, i.checked_sub(1).map(|p| &trace[p])))
        .collect();
    json!({"length": trace.len(), "states": states, "loop_start": null})
}

fn state_json(variables: &[String], i: usize, step: &TraceStep, prev: Option<&TraceStep>) -> Json {
    let vars: Map<String, Json> = variables.iter().zip(&step.values).map(|(n, v)| (n.clone(), v.to_json())).collect();
    let action = match &step.action {
        None => json!({"name": "Init", "type": "initial", "location": null}),
        Some(a) => json!({"name": a.name, "type": "next", "location": a.location.as_ref().map(location_json)}),
    };
    let diff = prev.map(|p| {
        let mut changed = Map::new();
        let mut unchanged = Vec::new();
        for ((n, old), new) in variables.iter().zip(&p.values).zip(&step.values) {
            if old == new {
                unchanged.push(Json::String(n.clone()));
            } else {
                changed.insert(n.clone(), json!({"from": old.to_plain_json(), "to": new.to_plain_json()}));
            }
        }
        json!({"changed": changed, "unchanged": unchanged})
    });
    json!({
        "index": i + 1,
        "fingerprint": format!("{:016x}", step.fingerprint),
        "action": action,
        "variables": vars,
        "diff_from_previous": diff,
    })
}

fn statistics(result: &CheckResult) -> Json {
    let s = &result.stats;
    let secs = s.duration.as_secs_f64();
    json!({
        "states_found": s.generated,
        "states_initial": s.initial_distinct,
        "states_distinct": s.distinct,
        "states_left_on_queue": s.left_on_queue,
        "transitions": s.generated.saturating_sub(s.initial_generated),
        "max_depth": s.depth,
        "max_queue_depth": s.max_queue,
        "time_seconds": (secs * 1000.0).round() / 1000.0,
        "states_per_second": if secs > 0.0 { (s.generated as f64 / secs).round() } else { 0.0 },
        "memory_mb": peak_memory_mb(),
    })
}

fn diagnostics(info: &RunInfo) -> Json {
    let coded = |list: &[(String, String)]| -> Vec<Json> {
        list.iter().map(|(c, m)| json!({"code": c, "message": m})).collect()
    };
    json!({"warnings": coded(&info.warnings), "info": coded(&info.info), "print_outputs": []})
}

fn actions_detected(info: &RunInfo, result: &CheckResult) -> Json {
    let total: u64 = result.stats.per_action.iter().map(|a| a.generated).sum();
    let list: Vec<Json> = info
        .actions
        .iter()
        .zip(&result.stats.per_action)
        .map(|(a, st)| {
            let pct = if total > 0 { (st.generated as f64 * 1000.0 / total as f64).round() / 10.0 } else { 0.0 };
            json!({"name": a.name, "occurrences": st.generated, "distinct": st.distinct, "percentage": pct})
        })
        .collect();
    Json::Array(list)
}

/// Peak resident memory of this process in MiB (Linux `VmHWM`), 0 where unknown.
pub fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|kb| kb.parse::<u64>().ok()))
        })
        .map_or(0, |kb| kb / 1024)
}

/// `2025-12-29T18:04:37Z` for `now` (UTC).
pub fn iso_timestamp(now: std::time::SystemTime) -> String {
    let secs = now.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs()) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem / 60 % 60, rem % 60)
}
