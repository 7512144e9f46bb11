//! Trace-validation diagnosis: for a trace spec (a zero-arity `TraceLog` sequence, walked by a
//! cursor variable `l` or by `TLCGet("level")`), how far the log was matched, the first line no
//! action consumed and, per action named like that line's event, its first false conjunct.
//!
//! The exploration that finds the longest matched prefix works on any `runtime::Model`; only
//! the per-conjunct explanation evaluates the interpreter's IR.

use std::cell::RefCell;
use std::collections::HashSet;

use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId};
use tla2_runtime::model::{ActionId, EngineSnapshot, Model, ModelError};
use tla2_runtime::report::json::{Note, RunInfo};
use tla2_runtime::report::trace_validation::{
    CandidateAction, FailedConjunct, TraceDiagnosis, TRACE_DEPTH_EXCEEDS, TRACE_NOT_CONSUMED,
};
use tla2_runtime::report::{CheckResult, Status};
use tla2_runtime::value::Value;

use crate::action::Walker;
use crate::actions::SplitAction;
use crate::eval::Ev;
use crate::model::InterpModel;

/// The cursor variable of the trace-spec pattern (seeds/000): the next log line to match.
const CURSOR: &str = "l";
/// The definition holding the log.
const LOG: &str = "TraceLog";
/// The exploration gives up (and says so) beyond this many states.
const STATE_LIMIT: usize = 200_000;
/// States at the longest prefix in which each candidate action is explained.
const EXPLAINED_STATES: usize = 16;
/// A behaviour longer than this factor times the log (plus a margin) is suspicious.
const DEPTH_FACTOR: u64 = 2;
const DEPTH_MARGIN: u64 = 10;

/// Runs the diagnosis after a check and records it: in `info` (JSON outputs, warnings) and, for
/// human output, as text lines. Does nothing for specs that are not trace specs.
pub fn report(model: &InterpModel, result: &CheckResult, info: &mut RunInfo, human: bool) {
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
pub fn diagnose(model: &InterpModel, result: &CheckResult) -> Option<TraceDiagnosis> {
    let log = trace_log(model)?;
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
        let json = tla2_runtime::ops::json::to_json(line).unwrap_or_else(|_| line.to_json());
        diag.event = event_name(line);
        diag.first_unmatched = Some((index, json));
        if let Some(event) = &diag.event {
            diag.candidates = explain_candidates(model, &frontier, event);
        }
    }
    Some(diag)
}

/// The value of `TraceLog`, if the spec defines it as a sequence.
/// True for a trace-validation spec (it reads a trace log): only the actions the log asks for
/// fire, so actions that never fire are no modelling bug.
pub fn is_trace_spec(model: &InterpModel) -> bool {
    trace_log(model).is_some()
}

fn trace_log(model: &InterpModel) -> Option<Vec<Value>> {
    let sh = model.shared();
    let (_, def) = sh.prog.defs.iter().find(|(_, d)| d.name == LOG && d.params.is_empty())?;
    let worker = RefCell::new(model.worker_data(0));
    let v = Ev::new(sh, &[], &worker).eval(def.body).ok()?;
    v.as_seq().ok().map(|s| s.to_vec())
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

/// For each action whose name mentions `event`, the deepest failing conjunct over `states`.
fn explain_candidates(model: &InterpModel, states: &[Box<[Value]>], event: &str) -> Vec<CandidateAction> {
    let wanted = normalize(event);
    let mut out = Vec::new();
    for (i, a) in model.split_actions_list().iter().enumerate() {
        if wanted.is_empty() || !normalize(&a.name).contains(&wanted) {
            continue;
        }
        if out.iter().any(|c: &CandidateAction| c.name == a.name) {
            continue;
        }
        let mut best: Option<(usize, Option<FailedConjunct>)> = None;
        for s in states {
            let (depth, failed) = explain(model, s, a);
            if best.as_ref().map_or(true, |(d, _)| depth > *d) {
                best = Some((depth, failed));
            }
        }
        let failed = best.and_then(|(_, f)| f);
        out.push(CandidateAction { name: a.name.clone(), location: model.actions()[i].location.clone(), failed });
    }
    out
}

fn normalize(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The number of conjuncts of `a` that hold in `state` before the first false one, and that
/// one; descends into called definitions to name the innermost false conjunct.
fn explain(model: &InterpModel, state: &[Value], a: &SplitAction) -> (usize, Option<FailedConjunct>) {
    let sh = model.shared();
    let worker = RefCell::new(model.worker_data(0));
    let ev = Ev::new(sh, state, &worker);
    ev.push_all(&a.env);
    let mut prefix: Vec<ExprId> = Vec::new();
    let mut level = conjuncts(model, a.expr);
    // The partial next state after the conjuncts that hold, to show primed operands.
    let mut partial: Vec<Option<Value>> = Vec::new();
    let mut depth = 0;
    for _ in 0..32 {
        let mut descended = false;
        for (i, &c) in level.iter().enumerate() {
            let mut items = prefix.clone();
            items.extend_from_slice(&level[..=i]);
            let error = match has_successor(&ev, &items) {
                Ok(Some(next)) => {
                    depth += 1;
                    partial = next;
                    continue;
                }
                Ok(None) => None,
                Err(e) => Some(e),
            };
            if error.is_none() {
                if let Some(inner) = descend(model, &ev, c) {
                    prefix.extend_from_slice(&level[..i]);
                    level = inner;
                    descended = true;
                    break;
                }
            }
            return (depth, Some(failed_conjunct(model, &ev, c, error, partial)));
        }
        if !descended {
            return (depth, None);
        }
    }
    (depth, None)
}

/// The conjuncts of `e`, through LET bodies.
fn conjuncts(model: &InterpModel, e: ExprId) -> Vec<ExprId> {
    match model.program().expr(e) {
        Expr::And(xs) => xs.iter().flat_map(|x| conjuncts(model, *x)).collect(),
        Expr::Let { body, .. } => conjuncts(model, *body),
        _ => vec![e],
    }
}

/// The conjuncts of the body of the operator `c` calls, with its parameters bound.
fn descend(model: &InterpModel, ev: &Ev<'_>, c: ExprId) -> Option<Vec<ExprId>> {
    let prog = model.program();
    let Expr::Call { callee: Callee::Def(d), args } = prog.expr(c) else { return None };
    let def = prog.def(*d);
    if !matches!(def.kind, DefKind::Operator) || def.recursive {
        return None;
    }
    let slots = ev.arg_slots(Some(&def.params), args).ok()?;
    for (param, s) in def.params.iter().zip(slots) {
        ev.push(param.local, s);
    }
    Some(conjuncts(model, def.body))
}

/// The first (possibly partial) successor of the conjunction of `items`, if it has one.
fn has_successor(ev: &Ev<'_>, items: &[ExprId]) -> Result<Option<Vec<Option<Value>>>, tla2_runtime::value::EvalError> {
    ev.next.borrow_mut().iter_mut().for_each(|v| *v = None);
    let mut found = None;
    let mut emit = |next: &[Option<Value>]| {
        found = Some(next.to_vec());
        Ok(false)
    };
    Walker::new(ev, &mut emit).run_conjuncts(items)?;
    Ok(found)
}

/// The failing conjunct with its location and the values of its operands in the state.
fn failed_conjunct(
    model: &InterpModel,
    ev: &Ev<'_>,
    c: ExprId,
    error: Option<tla2_runtime::value::EvalError>,
    partial: Vec<Option<Value>>,
) -> FailedConjunct {
    let prog = model.program();
    let sh = model.shared();
    let text_of = |e: ExprId| sh.sources.text(prog.span(e)).to_string();
    let operands: Vec<ExprId> = match prog.expr(c) {
        Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
        Expr::Not(x) => match prog.expr(*x) {
            Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
            _ => vec![*x],
        },
        Expr::Call { callee: Callee::Builtin(_), args } if args.len() <= 3 => args.clone(),
        _ => Vec::new(),
    };
    {
        let mut next = ev.next.borrow_mut();
        next.iter_mut().for_each(|v| *v = None);
        for (slot, v) in next.iter_mut().zip(partial) {
            *slot = v;
        }
    }
    let values = operands
        .into_iter()
        .filter(|e| !matches!(prog.expr(*e), Expr::Bool(_) | Expr::Int(_) | Expr::Str(_)))
        .filter_map(|e| ev.eval(e).ok().map(|v| (text_of(e), v)))
        .collect();
    FailedConjunct { text: text_of(c), location: model.location(prog.span(c)), values, error: error.map(|e| e.message) }
}
