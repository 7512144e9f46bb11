//! Trace-validation diagnosis: how far an implementation log was matched by the spec, the first
//! line no action could consume, and why each candidate action refused it (human and JSON).

use crate::model::SourceLocation;
use crate::value::Value;
use serde_json::{json, Value as Json};

/// Warning code: the run ended with the cursor short of the end of the log.
pub const TRACE_NOT_CONSUMED: &str = "TLA2_TRACE_NOT_CONSUMED";
/// Warning code: the behaviours are much longer than the log (silent actions loop).
pub const TRACE_DEPTH_EXCEEDS: &str = "TLA2_TRACE_DEPTH_EXCEEDS_LOG";

/// What the diagnosis found about a trace-validation run.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TraceDiagnosis {
    /// `Len(TraceLog)`.
    pub trace_length: u64,
    /// The longest prefix of the log that some behaviour matched (lines 1..=matched).
    pub matched: u64,
    /// The first line no behaviour consumed: its 1-based index and its JSON text.
    pub first_unmatched: Option<(u64, Json)>,
    /// The event name of that line (its `event`, `name`, `type` or `action` field).
    pub event: Option<String>,
    /// Actions whose name matches the event, with why each refused the line.
    pub candidates: Vec<CandidateAction>,
    /// Actions that fired without consuming a line, with how often (silent actions).
    pub silent_steps: Vec<(String, u64)>,
    /// False when the exploration stopped at its state limit (the numbers are then a bound).
    pub complete: bool,
}

/// One action that could have consumed the unmatched line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CandidateAction {
    pub name: String,
    pub location: Option<SourceLocation>,
    /// The first conjunct that was false (`None` if the action was enabled).
    pub failed: Option<FailedConjunct>,
}

/// A conjunct of an action that was false in every state where the line was next.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FailedConjunct {
    /// Its source text.
    pub text: String,
    pub location: Option<SourceLocation>,
    /// Sub-expressions of the conjunct and their values in that state.
    pub values: Vec<(String, Value)>,
    /// An evaluation error raised by the conjunct, if that is why it failed.
    pub error: Option<String>,
}

impl TraceDiagnosis {
    /// True if the log was not matched to its end.
    pub fn short(&self) -> bool {
        self.matched < self.trace_length
    }

    /// The diagnosis as TLC-style text lines, printed after the run's verdict.
    pub fn human(&self) -> String {
        let mut out = String::new();
        let bound = if self.complete { "" } else { " (exploration stopped at its state limit)" };
        out.push_str(&format!(
            "Trace validation: {} of {} trace lines matched{bound}.\n",
            self.matched, self.trace_length
        ));
        if let Some((index, line)) = &self.first_unmatched {
            out.push_str(&format!("No action could consume trace line {index}: {line}\n"));
        }
        for c in &self.candidates {
            let at = c.location.as_ref().map(|l| format!(" ({})", short_location(l))).unwrap_or_default();
            match &c.failed {
                None => out.push_str(&format!("  {}{at}: enabled, but its successor was excluded\n", c.name)),
                Some(f) => {
                    let fat = f.location.as_ref().map(|l| format!(" at {}", short_location(l))).unwrap_or_default();
                    out.push_str(&format!("  {}{at}: conjunct {}{fat} is false\n", c.name, f.text));
                    if let Some(e) = &f.error {
                        out.push_str(&format!("      error: {e}\n"));
                    }
                    for (expr, v) in &f.values {
                        out.push_str(&format!("      {expr} = {v}\n"));
                    }
                }
            }
        }
        if self.first_unmatched.is_some() && self.candidates.is_empty() {
            let event = self.event.as_deref().unwrap_or("?");
            out.push_str(&format!("  No action's name matches the event \"{event}\".\n"));
        }
        out
    }

    /// The `trace_validation` object of the JSON report.
    pub fn to_json(&self) -> Json {
        let loc = |l: &Option<SourceLocation>| serde_json::to_value(l).unwrap_or(Json::Null);
        let candidates: Vec<Json> = self
            .candidates
            .iter()
            .map(|c| {
                let failed = c.failed.as_ref().map(|f| {
                    let values: Vec<Json> =
                        f.values.iter().map(|(e, v)| json!({"expression": e, "value": v.to_string()})).collect();
                    json!({"conjunct": f.text, "location": loc(&f.location), "values": values, "error": f.error})
                });
                json!({"action": c.name, "location": loc(&c.location), "failed_conjunct": failed})
            })
            .collect();
        let silent: Vec<Json> = self.silent_steps.iter().map(|(a, n)| json!({"action": a, "steps": n})).collect();
        json!({
            "trace_length": self.trace_length,
            "matched_lines": self.matched,
            "complete": self.complete,
            "first_unmatched_line": self.first_unmatched.as_ref().map(|(i, _)| *i),
            "first_unmatched_event": self.first_unmatched.as_ref().map(|(_, l)| l.clone()),
            "event_name": self.event,
            "candidate_actions": candidates,
            "silent_actions": silent,
        })
    }
}

fn short_location(l: &SourceLocation) -> String {
    format!("line {}, col {} of module {}", l.line, l.column, l.module)
}
