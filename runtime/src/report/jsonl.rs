//! `--output json-lines`: the run as a stream of events, one JSON object per line, each line
//! flushed as soon as it is written so that a reader sees the run as it happens.
//!
//! Events, in order: `start`; then any number of `warning`, `print` and `progress` (once when
//! the initial states are computed, about 3 s after the start as TLC does, then every
//! [`PROGRESS_INTERVAL`]); for each violation an
//! `error` followed by one `state` per counterexample state (with the `diff` to the previous
//! one); and a final `done`. `schema/tla2-jsonl.schema.json` pins the shape of each event.

use super::detail;
use super::human::ProgressInfo;
use super::json::{self, Note, PrintOutput, RunInfo};
use super::{CheckResult, Status, TraceStep};
use serde_json::{json, Map, Value as Json};
use std::io::Write;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a json-lines run reports progress. Shorter than TLC's minute: a program reading
/// the stream wants to know that the run is alive.
pub const PROGRESS_INTERVAL: Duration = Duration::from_secs(5);

/// Writes events to `out`, one flushed line each. Safe to share between threads.
pub struct JsonLines<W: Write + Send> {
    out: Mutex<W>,
    started: Instant,
}

impl<W: Write + Send> JsonLines<W> {
    pub fn new(out: W) -> JsonLines<W> {
        JsonLines { out: Mutex::new(out), started: Instant::now() }
    }

    /// Seconds since this writer was made.
    pub fn elapsed(&self) -> f64 {
        json::round3(self.started.elapsed().as_secs_f64())
    }

    /// Writes one event. Output errors (a closed pipe) are ignored: the run goes on and its
    /// exit code still tells the verdict.
    pub fn emit(&self, event: &Json) {
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        let _ = writeln!(out, "{event}");
        let _ = out.flush();
    }

    pub fn start(&self, info: &RunInfo) {
        self.emit(&start_event(info));
    }

    /// The warnings of `info`, one event each.
    pub fn warnings(&self, info: &RunInfo) {
        for n in &info.warnings {
            self.emit(&warning_event(info, n));
        }
    }

    pub fn print(&self, p: &PrintOutput) {
        self.emit(&print_event(p));
    }

    pub fn progress(&self, p: &ProgressInfo) {
        self.emit(&progress_event(p, self.elapsed()));
    }

    /// A violation that did not stop the run (`-continue`): its `error` and `state` events.
    pub fn violation(&self, info: &RunInfo, variables: &[String], status: &Status, trace: &[TraceStep]) {
        self.emit(&error_event(info, status, variables, trace));
        for e in state_events(variables, trace) {
            self.emit(&e);
        }
    }

    /// The end of a run: the verdict's `error` and `state` events if it failed, then `done`.
    pub fn finish(&self, info: &RunInfo, result: &CheckResult) {
        if detail::verdict(info, &result.status).error_type.is_some() {
            self.violation(info, &result.variables, &result.status, &result.trace);
        }
        self.emit(&done_event(info, result, self.elapsed()));
    }

    /// The end of a run that stopped before checking: `error` with the detailed `errors`, then
    /// `done`.
    pub fn setup_error(&self, error_type: &str, message: &str, errors: Vec<Json>, exit_code: i32) {
        let first = errors.first().cloned().unwrap_or(Json::Null);
        self.emit(&json!({
            "type": "error",
            "error_type": error_type,
            "error_code": first.get("error_code").cloned().unwrap_or(Json::Null),
            "message": message,
            "state_index": null,
            "error": first,
            "errors": errors,
        }));
        self.emit(&json!({
            "type": "done", "status": "error", "error_type": error_type, "exit_code": exit_code,
            "time": self.elapsed(), "statistics": null,
        }));
    }
}

/// `{"type":"start", …}`: what is checked, with what.
pub fn start_event(info: &RunInfo) -> Json {
    json!({
        "type": "start",
        "version": json::FORMAT_VERSION,
        "tool": "tla2",
        "tool_version": env!("CARGO_PKG_VERSION"),
        "timestamp": json::iso_timestamp(std::time::SystemTime::now()),
        "spec": info.spec_file,
        "config": info.config_file,
        "module": info.module,
        "workers": info.workers,
    })
}

pub fn warning_event(info: &RunInfo, n: &Note) -> Json {
    let mut e = json::note_json(info, n);
    e["type"] = json!("warning");
    e
}

pub fn print_event(p: &PrintOutput) -> Json {
    let mut e = json::print_json(p);
    e["type"] = json!("print");
    e
}

pub fn progress_event(p: &ProgressInfo, time: f64) -> Json {
    json!({
        "type": "progress",
        "states": p.generated,
        "distinct": p.distinct,
        "depth": p.depth,
        "queue": p.queue,
        "states_per_minute": p.states_per_minute,
        "time": time,
    })
}

/// `{"type":"error", …}` for a failed verdict; `state_index` is the last counterexample state.
pub fn error_event(info: &RunInfo, status: &Status, variables: &[String], trace: &[TraceStep]) -> Json {
    let v = detail::verdict(info, status);
    json!({
        "type": "error",
        "error_type": v.error_type,
        "error_code": v.error_code,
        "message": v.message,
        "state_index": if trace.is_empty() { Json::Null } else { json!(trace.len()) },
        "violated_property": json::violated_property(info, status),
        "error": detail::detailed_error(info, status, variables, trace),
    })
}

/// One `state` event per counterexample state: plain values, and `diff` as `[from, to]` pairs
/// of the changed variables (absent for the first state).
pub fn state_events(variables: &[String], trace: &[TraceStep]) -> Vec<Json> {
    let mut events = Vec::with_capacity(trace.len());
    for (i, step) in trace.iter().enumerate() {
        let vars: Map<String, Json> =
            variables.iter().zip(&step.values).map(|(n, v)| (n.clone(), v.to_plain_json())).collect();
        let mut e = json!({
            "type": "state",
            "index": i + 1,
            "fingerprint": format!("{:016x}", step.fingerprint),
            "action": step.action.as_ref().map_or("Init", |a| a.name.as_str()),
            "action_location": step.action.as_ref().and_then(|a| a.location.as_ref()).map(detail::location_json),
            "variables": vars,
        });
        if let Some(prev) = i.checked_sub(1).map(|p| &trace[p]) {
            let diff: Map<String, Json> = variables
                .iter()
                .zip(&prev.values)
                .zip(&step.values)
                .filter(|((_, o), v)| o != v)
                .map(|((n, o), v)| (n.clone(), json!([o.to_plain_json(), v.to_plain_json()])))
                .collect();
            e["diff"] = Json::Object(diff);
        }
        events.push(e);
    }
    events
}

/// `{"type":"done", …}`: the verdict, the exit code and the statistics.
pub fn done_event(info: &RunInfo, result: &CheckResult, time: f64) -> Json {
    let v = detail::verdict(info, &result.status);
    json!({
        "type": "done",
        "status": v.status,
        "error_type": v.error_type,
        "exit_code": result.exit_code(),
        "time": time,
        "statistics": json::statistics(result),
        "trace_validation": info.trace_validation.as_ref().map(|d| d.to_json()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::Value;

    fn step(x: i64, y: i64) -> TraceStep {
        TraceStep { values: vec![Value::int(x), Value::int(y)], action: None, fingerprint: 1 }
    }

    #[test]
    fn state_events_carry_only_the_changed_variables_in_their_diff() {
        let vars = vec!["x".to_string(), "y".to_string()];
        let events = state_events(&vars, &[step(0, 0), step(1, 0)]);
        assert_eq!(events.len(), 2);
        assert!(events[0].get("diff").is_none());
        assert_eq!(events[1]["diff"], json!({"x": [0, 1]}));
        assert_eq!(events[1]["variables"], json!({"x": 1, "y": 0}));
    }

    #[test]
    fn every_event_is_written_as_one_line() {
        let lines = JsonLines::new(Vec::new());
        lines.emit(&json!({"type": "print", "value": "a\nb"}));
        lines.emit(&json!({"type": "done"}));
        let out = lines.out.into_inner().unwrap_or_default();
        let text = String::from_utf8(out).unwrap_or_default();
        assert_eq!(text.lines().count(), 2);
    }
}
