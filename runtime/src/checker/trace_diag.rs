//! Trace-validation diagnosis for any [`SpecModel`]: for a trace spec (one whose model gives a
//! [`SpecModel::trace_log`], walked by a cursor variable `l` or by `TLCGet("level")`), how far
//! the log was matched, the first line no action consumed and, per action named like that
//! line's event, its first false conjunct ([`SpecModel::explain_action`], the engine's part).
//!
//! Everything here works from the [`Model`] interface: the exploration that finds the longest
//! matched prefix, the choice of candidate actions and the report, so both engines give the same
//! diagnosis.

use std::collections::HashSet;

use super::SpecModel;
use crate::model::{ActionId, EngineSnapshot, Model, ModelError};
use crate::report::json::{Note, RunInfo};
use crate::report::trace_validation::{
    CandidateAction, FailedConjunct, TraceDiagnosis, TRACE_DEPTH_EXCEEDS, TRACE_NOT_CONSUMED,
};
use crate::report::{CheckResult, Status};
use crate::value::Value;

/// The cursor variable of the trace-spec pattern (seeds/000): the next log line to match.
pub const CURSOR: &str = "l";
/// The zero-arity definition holding the log.
pub const LOG: &str = "TraceLog";
/// The exploration gives up (and says so) beyond this many states.
const STATE_LIMIT: usize = 200_000;
/// States at the longest prefix in which each candidate action is explained.
const EXPLAINED_STATES: usize = 16;
/// A behaviour longer than this factor times the log (plus a margin) is suspicious.
const DEPTH_FACTOR: u64 = 2;
const DEPTH_MARGIN: u64 = 10;

/// Why one action could not fire from one state: how many of its conjuncts held before the
/// first false one, and that one (`None` if the action has a successor).
pub type ActionExplanation = (usize, Option<FailedConjunct>);

/// Runs the diagnosis after a check and records it: in `info` (JSON outputs, warnings) and, for
/// human output, as text lines. Does nothing for specs that are not trace specs.
pub fn report<M: SpecModel>(model: &M, result: &CheckResult, info: &mut RunInfo, human: bool) {
    let Some(diag) = diagnose(model, result) else { return };
    let failed = !result.status.is_success() && result.status != Status::Interrupted;
    let mut notes = Vec::new();
    if diag.short() {
        let (index, len) = (diag.matched + 1, diag.trace_length);
        let mut note = Note::new(
            TRACE_NOT_CONSUMED,
            format!(
                "the run ended with the cursor at {index} of {len} trace lines (lines 1..{} matched)",
                diag.matched
            ),
        );
        // SARIF and JSON readers get the first explanation with the note itself.
        if let Some((c, f)) = diag.candidates.iter().find_map(|c| c.failed.as_ref().map(|f| (c, f))) {
            note.message.push_str(&format!("; {} refuses line {index}: {} is false", c.name, f.text));
            note.location = f.location.clone();
        }
        notes.push(note);
    }
    let longest = result.stats.depth as u64;
    if longest > DEPTH_FACTOR * diag.trace_length + DEPTH_MARGIN && !diag.silent_steps.is_empty() {
        let names: Vec<String> = diag.silent_steps.iter().map(|(a, n)| format!("{a} ({n} steps)")).collect();
        notes.push(Note::new(
            TRACE_DEPTH_EXCEEDS,
            format!(
                "behaviours reach depth {longest} for a trace of {} lines; actions that fired without \
                 consuming a line: {}",
                diag.trace_length,
                names.join(", ")
            ),
        ));
    }
    if human && (failed || diag.short()) {
        print!("{}", diag.human());
    }
    if human {
        for n in &notes {
            println!("Warning ({}): {}.", n.code, n.message);
        }
    }
    info.warnings.extend(notes);
    info.trace_validation = Some(diag);
}

/// The diagnosis of a trace spec, or `None` if the spec is not one.
pub fn diagnose<M: SpecModel>(model: &M, result: &CheckResult) -> Option<TraceDiagnosis> {
    let log = model.trace_log()?;
    let cursor = model.variables().iter().position(|v| v == CURSOR);
    let mut diag = TraceDiagnosis { trace_length: log.len() as u64, complete: true, ..Default::default() };
    let mut frontier = Vec::new();
    match cursor {
        Some(c) => {
            let explored = explore(model, c, STATE_LIMIT).ok()?;
            diag.complete = explored.complete;
            diag.matched = (explored.max_cursor - 1).clamp(0, log.len() as i64) as u64;
            let actions = model.actions();
            diag.silent_steps = explored
                .silent
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(a, n)| (actions.get(a).map_or(format!("action {a}"), |i| i.name.clone()), *n))
                .collect();
            frontier = explored.at_max;
        }
        // The level style (EWD998ChanTrace): line i is consumed by the step from level i.
        None => diag.matched = (result.stats.depth as u64).saturating_sub(1).min(log.len() as u64),
    }
    if diag.matched < diag.trace_length {
        let index = diag.matched + 1;
        let line = &log[diag.matched as usize];
        let json = crate::ops::json::to_json(line).unwrap_or_else(|_| line.to_json());
        diag.event = event_name(line);
        diag.first_unmatched = Some((index, json));
        if let Some(event) = &diag.event {
            diag.candidates = explain_candidates(model, &frontier, event);
        }
    }
    Some(diag)
}

/// The event name of a log line: its `event`, `name`, `type`, `action` or `op` string field.
fn event_name(line: &Value) -> Option<String> {
    for key in ["event", "name", "type", "action", "op"] {
        if let Ok(Value::Str(s)) = line.field(key) {
            return Some(s.to_string());
        }
    }
    None
}

/// What a breadth-first exploration of a cursor-style trace spec found.
struct Explored<S> {
    /// The largest cursor value of any reachable state.
    max_cursor: i64,
    /// Some states with that cursor value, in BFS order.
    at_max: Vec<S>,
    /// Per action, the steps that left the cursor unchanged.
    silent: Vec<u64>,
    complete: bool,
}

/// Explores the state graph as the BFS engine does (constraints, levels for `TLCGet`), tracking
/// the cursor variable `cursor`.
fn explore<M: Model>(model: &M, cursor: usize, limit: usize) -> Result<Explored<M::State>, ModelError> {
    let mut w = model.new_worker(0);
    let cursor_of = |s: &M::State| model.state_values(s).get(cursor).and_then(|v| v.as_int().ok()).unwrap_or(0);
    let mut out =
        Explored { max_cursor: i64::MIN, at_max: Vec::new(), silent: vec![0; model.actions().len()], complete: true };
    let note = |s: &M::State, out: &mut Explored<M::State>| {
        let c = cursor_of(s);
        if c > out.max_cursor {
            out.max_cursor = c;
            out.at_max.clear();
        }
        if c == out.max_cursor && out.at_max.len() < EXPLAINED_STATES {
            out.at_max.push(s.clone());
        }
    };
    let mut seen = HashSet::new();
    model.set_snapshot(&mut w, &EngineSnapshot::default());
    let mut inits = Vec::new();
    model.init_states(&mut w, &mut |s| inits.push(s))?;
    model.set_snapshot(&mut w, &EngineSnapshot { level: 1, ..Default::default() });
    let mut level = Vec::new();
    for s in inits {
        if model.satisfies_constraints(&mut w, &s)? && seen.insert(model.fingerprint(&mut w, &s)) {
            note(&s, &mut out);
            level.push(s);
        }
    }
    let mut depth = 1u32;
    while !level.is_empty() {
        let mut next = Vec::new();
        for s in &level {
            model.set_snapshot(&mut w, &EngineSnapshot { level: depth, ..Default::default() });
            let mut succs: Vec<(ActionId, M::State)> = Vec::new();
            model.next_states(&mut w, s, &mut |a, t| succs.push((a, t)))?;
            model.set_snapshot(&mut w, &EngineSnapshot { level: depth + 1, ..Default::default() });
            let from = cursor_of(s);
            for (a, t) in succs {
                if !model.satisfies_constraints(&mut w, &t)? || !model.satisfies_action_constraints(&mut w, s, &t)? {
                    continue;
                }
                if cursor_of(&t) == from && t != *s {
                    if let Some(n) = out.silent.get_mut(a as usize) {
                        *n += 1;
                    }
                }
                if seen.insert(model.fingerprint(&mut w, &t)) {
                    note(&t, &mut out);
                    next.push(t);
                }
            }
            if seen.len() > limit {
                out.complete = false;
                return Ok(out);
            }
        }
        level = next;
        depth += 1;
    }
    Ok(out)
}

/// For each action whose name mentions `event` (the first instance of each name), the deepest
/// failing conjunct over `states`. Actions the model cannot explain are left out.
fn explain_candidates<M: SpecModel>(model: &M, states: &[M::State], event: &str) -> Vec<CandidateAction> {
    let wanted = normalize(event);
    let mut out: Vec<CandidateAction> = Vec::new();
    for (i, a) in model.actions().iter().enumerate() {
        if wanted.is_empty() || !normalize(&a.name).contains(&wanted) {
            continue;
        }
        if out.iter().any(|c| c.name == a.name) {
            continue;
        }
        let mut best: Option<ActionExplanation> = None;
        let mut explained = true;
        for s in states {
            let Some((depth, failed)) = model.explain_action(i as ActionId, s) else {
                explained = false;
                break;
            };
            if best.as_ref().is_none_or(|(d, _)| depth > *d) {
                best = Some((depth, failed));
            }
        }
        if !explained {
            continue;
        }
        let failed = best.and_then(|(_, f)| f);
        out.push(CandidateAction { name: a.name.clone(), location: a.location.clone(), failed });
    }
    out
}

fn normalize(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}
