//! The `--output json` rendering of a run (seed 003): one object with input, specification,
//! result, counterexample with per-state diffs, statistics, diagnostics and per-action counts.
//!
//! The shape is pinned by `schema/tla2-output.schema.json` at the repository root; the tests
//! validate real outputs against it. Errors use the detailed error schema of [`super::detail`].

use super::detail::{self, location_json};
use super::{CheckResult, TraceStep, Violation};
use crate::model::{ActionInfo, PropertyInfo, SourceLocation};
use crate::value::Value;
use serde_json::{json, Map, Value as Json};

/// The version of the output format (the `version` field).
pub const FORMAT_VERSION: &str = "1.0";

/// What the caller knows about the run that the engine does not: files, names, constants,
/// diagnostics and the source texts (for the `context` line of error locations).
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
    /// The cfg's constants with their values (`None` when the value could not be computed).
    pub constants: Vec<(String, Option<Value>)>,
    pub variables: Vec<String>,
    pub warnings: Vec<Note>,
    pub info: Vec<Note>,
    /// `Print`/`PrintT` output, in the order it was produced.
    pub print_outputs: Vec<PrintOutput>,
    /// Names of the actions, indexed like the result's per-action statistics.
    pub actions: Vec<ActionInfo>,
    /// The ASSUME that a [`super::Status::AssumptionFailure`] is about.
    pub failed_assumption: Option<PropertyInfo>,
    /// `(path, text)` of every loaded file.
    pub sources: Vec<(String, String)>,
    /// The run's time limit (`--timeout`), if any.
    pub time_limit: Option<std::time::Duration>,
    /// True when the run was stopped because it reached `time_limit`.
    pub timed_out: bool,
    /// For a trace-validation spec: how far its log was matched, and why not further.
    pub trace_validation: Option<super::trace_validation::TraceDiagnosis>,
}

impl RunInfo {
    /// The text of line `line` (1-based) of `file`, if that file was loaded.
    pub fn line_text(&self, file: &str, line: u32) -> Option<String> {
        let (_, text) = self.sources.iter().find(|(path, _)| path == file)?;
        let index = usize::try_from(line).ok()?.checked_sub(1)?;
        text.lines().nth(index).map(|l| l.trim_end_matches('\r').to_string())
    }
}

/// A coded warning or info of the `diagnostics` section.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Note {
    pub code: String,
    pub message: String,
    pub location: Option<SourceLocation>,
    /// A seed-003 suggestion object (`action`, `message`, `example`, `options`).
    pub suggestion: Option<Json>,
}

impl Note {
    pub fn new(code: impl Into<String>, message: impl Into<String>) -> Note {
        Note { code: code.into(), message: message.into(), ..Note::default() }
    }
}

/// One line of `Print`/`PrintT` output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PrintOutput {
    pub value: String,
    /// Where the `Print` is; `None` when the evaluator does not say.
    pub location: Option<SourceLocation>,
}

/// The whole seed-003 object for a finished run.
pub fn render(info: &RunInfo, result: &CheckResult) -> Json {
    json!({
        "version": FORMAT_VERSION,
        "tool": "tla2",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "timestamp": iso_timestamp(std::time::SystemTime::now()),
        "input": input(info),
        "specification": specification(info),
        "result": result_object(info, result),
        "counterexample": with_loop_start(counterexample(&result.variables, &result.trace), &result.status),
        "violations": violations(info, &result.variables, &result.violations),
        "statistics": statistics(result),
        "diagnostics": diagnostics(info),
        "trace_validation": info.trace_validation.as_ref().map(|d| d.to_json()),
        "actions_detected": actions_detected(info, result),
        "exit_code": result.exit_code(),
    })
}

/// The seed-003 object for a run that stopped before checking (parse, config or setup errors):
/// `errors` holds detailed error objects, the first of which is also `result.error`.
pub fn render_error(info: &RunInfo, error_type: &str, message: &str, errors: Vec<Json>, exit_code: i32) -> Json {
    let first = errors.first().cloned().unwrap_or(Json::Null);
    let code = first.get("error_code").cloned().unwrap_or(Json::Null);
    json!({
        "version": FORMAT_VERSION,
        "tool": "tla2",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "timestamp": iso_timestamp(std::time::SystemTime::now()),
        "input": input(info),
        "specification": specification(info),
        "result": {
            "status": "error", "error_type": error_type, "error_code": code, "error_message": message,
            "violated_property": null, "error": first,
        },
        "errors": errors,
        "counterexample": null,
        "violations": [],
        "statistics": null,
        "diagnostics": diagnostics(info),
        "actions_detected": [],
        "exit_code": exit_code,
    })
}

/// A detailed error object for an error found before checking started.
pub fn setup_error(error_code: &str, message: &str) -> Json {
    json!({"error_code": error_code, "severity": "error", "location": null, "message": message})
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
    let constants: Map<String, Json> =
        info.constants.iter().map(|(n, v)| (n.clone(), v.as_ref().map_or(Json::Null, Value::to_json))).collect();
    json!({
        "init": info.init,
        "next": info.next,
        "invariants": info.invariants,
        "properties": info.properties,
        "constants": constants,
        "variables": info.variables,
    })
}

/// The `violated_property` object of a safety or action-property violation.
pub fn violated_property(info: &RunInfo, status: &super::Status) -> Json {
    let (property, kind) = match status {
        super::Status::InvariantViolation { property, .. } => (property, "invariant"),
        super::Status::ActionPropertyViolation { property, .. } => (property, "action_property"),
        _ => return Json::Null,
    };
    json!({
        "name": property.name,
        "type": kind,
        "location": property.location.as_ref().map_or(Json::Null, |l| detail::located(info, l)),
        "expression": detail::expression_text(property),
    })
}

fn result_object(info: &RunInfo, result: &CheckResult) -> Json {
    let v = detail::verdict(info, &result.status);
    json!({
        "status": v.status,
        "error_type": v.error_type,
        "error_code": v.error_code,
        "error_message": v.message,
        "violated_property": violated_property(info, &result.status),
        "error": detail::detailed_error(info, &result.status, &result.variables, &result.trace),
    })
}

/// The violations a `-continue` run went past, each with its counterexample.
fn violations(info: &RunInfo, variables: &[String], list: &[Violation]) -> Json {
    let items: Vec<Json> = list
        .iter()
        .map(|v| {
            let names = detail::status_verdict(&v.status);
            json!({
                "error_type": names.error_type,
                "error_code": names.error_code,
                "error_message": names.message,
                "violated_property": violated_property(info, &v.status),
                "counterexample": counterexample(variables, &v.trace),
            })
        })
        .collect();
    Json::Array(items)
}

/// The counterexample with typed variables and diffs, or `null` when there is none.
/// Sets `loop_start` (1-based, as TLC's "Back to state N") for a lasso counterexample.
fn with_loop_start(mut cex: Json, status: &super::Status) -> Json {
    if let (Some(obj), super::Status::TemporalViolation { loop_start, initial: false, .. }) =
        (cex.as_object_mut(), status)
    {
        obj.insert("loop_start".into(), loop_start.map_or(Json::Null, |i| Json::from(i + 1)));
        obj.insert("stuttering".into(), Json::Bool(loop_start.is_none()));
    }
    cex
}

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

/// The action object of a trace step.
pub fn action_json(action: Option<&ActionInfo>) -> Json {
    match action {
        None => json!({"name": "Init", "type": "initial", "location": null}),
        Some(a) => json!({"name": a.name, "type": "next", "location": a.location.as_ref().map(location_json)}),
    }
}

/// `changed` (plain `from`/`to`) and `unchanged` variables between two states.
pub fn diff_json(variables: &[String], old: &[Value], new: &[Value]) -> Json {
    let mut changed = Map::new();
    let mut unchanged = Vec::new();
    for ((n, o), v) in variables.iter().zip(old).zip(new) {
        if o == v {
            unchanged.push(Json::String(n.clone()));
        } else {
            changed.insert(n.clone(), json!({"from": o.to_plain_json(), "to": v.to_plain_json()}));
        }
    }
    json!({"changed": changed, "unchanged": unchanged})
}

fn state_json(variables: &[String], i: usize, step: &TraceStep, prev: Option<&TraceStep>) -> Json {
    let vars: Map<String, Json> = variables.iter().zip(&step.values).map(|(n, v)| (n.clone(), v.to_json())).collect();
    json!({
        "index": i + 1,
        "fingerprint": format!("{:016x}", step.fingerprint),
        "action": action_json(step.action.as_ref()),
        "variables": vars,
        "diff_from_previous": prev.map(|p| diff_json(variables, &p.values, &step.values)),
    })
}

/// The `statistics` object.
pub fn statistics(result: &CheckResult) -> Json {
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
        "time_seconds": round3(secs),
        "states_per_second": if secs > 0.0 { (s.generated as f64 / secs).round() as u64 } else { 0 },
        "memory_mb": peak_memory_mb(),
        "bytes_per_state": s.bytes_per_state().map(|b| (b * 10.0).round() / 10.0),
        "fingerprints_on_disk": s.memory.fingerprints_on_disk,
        "states_spilled": s.memory.states_spilled,
        "cpu_seconds": cpu_seconds().map(round3),
        "liveness_graph": s.liveness_graph.map(|g| json!({
            "states": g.states,
            "edges": g.edges,
            "peak_bytes": g.peak_bytes,
        })),
    })
}

/// User plus system CPU time of this process so far (all threads; Linux), `None` where unknown.
pub fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at state (field 3).
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Linux reports clock ticks of 1/100 s (USER_HZ) on every architecture it runs on.
    Some((utime + stime) / 100.0)
}

/// Seconds rounded to milliseconds.
pub fn round3(secs: f64) -> f64 {
    (secs * 1000.0).round() / 1000.0
}

/// A warning or info as the `diagnostics` section and json-lines `warning` events write it.
pub fn note_json(info: &RunInfo, n: &Note) -> Json {
    let mut obj = json!({"code": n.code, "message": n.message});
    if let Some(l) = &n.location {
        obj["location"] = detail::located(info, l);
    }
    if let Some(s) = &n.suggestion {
        obj["suggestion"] = s.clone();
    }
    obj
}

/// A `Print` output as the `diagnostics` section writes it.
pub fn print_json(p: &PrintOutput) -> Json {
    json!({"value": p.value, "location": p.location.as_ref().map(location_json)})
}

fn diagnostics(info: &RunInfo) -> Json {
    let notes = |list: &[Note]| -> Vec<Json> { list.iter().map(|n| note_json(info, n)).collect() };
    let prints: Vec<Json> = info.print_outputs.iter().map(print_json).collect();
    json!({"warnings": notes(&info.warnings), "info": notes(&info.info), "print_outputs": prints})
}

fn actions_detected(info: &RunInfo, result: &CheckResult) -> Json {
    let total: u64 = result.stats.per_action.iter().map(|a| a.generated).sum();
    let list: Vec<Json> = info
        .actions
        .iter()
        .zip(&result.stats.per_action)
        .map(|(a, st)| {
            let pct = if total > 0 { (st.generated as f64 * 1000.0 / total as f64).round() / 10.0 } else { 0.0 };
            json!({
                "name": a.name, "occurrences": st.generated, "distinct": st.distinct, "percentage": pct,
                "location": a.location.as_ref().map(location_json),
            })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_iso_8601_in_utc() {
        let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_767_031_477);
        assert_eq!(iso_timestamp(t), "2025-12-29T18:04:37Z");
    }

    #[test]
    fn line_text_finds_the_line_of_a_loaded_file_and_nothing_else() {
        let info = RunInfo { sources: vec![("S.tla".into(), "a\r\nb\nc".into())], ..RunInfo::default() };
        assert_eq!(info.line_text("S.tla", 1).as_deref(), Some("a"));
        assert_eq!(info.line_text("S.tla", 3).as_deref(), Some("c"));
        assert_eq!(info.line_text("S.tla", 0), None);
        assert_eq!(info.line_text("S.tla", 4), None);
        assert_eq!(info.line_text("T.tla", 1), None);
    }

    #[test]
    fn diffs_list_changed_variables_with_plain_values_and_the_rest_as_unchanged() {
        let vars = vec!["x".to_string(), "y".to_string()];
        let d = diff_json(&vars, &[Value::int(0), Value::str("a")], &[Value::int(1), Value::str("a")]);
        assert_eq!(d, json!({"changed": {"x": {"from": 0, "to": 1}}, "unchanged": ["y"]}));
    }
}
