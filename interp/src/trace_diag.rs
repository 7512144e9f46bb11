//! The interpreter's part of the trace-validation diagnosis (`runtime::checker::trace_diag`
//! does the rest for both engines): the value of `TraceLog`, and why an action of Next refuses
//! a line — its first false conjunct, through called definitions, with the values of its
//! operands, evaluated on the IR.

use std::cell::RefCell;

use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId};
use tla2_runtime::checker::trace_diag::{ActionExplanation, LOG};
use tla2_runtime::report::trace_validation::FailedConjunct;
use tla2_runtime::value::Value;

use crate::action::Walker;
use crate::actions::SplitAction;
use crate::eval::Ev;
use crate::model::InterpModel;

/// The value of `TraceLog`, if the spec defines it as a sequence (a trace-validation spec).
pub fn trace_log(model: &InterpModel) -> Option<Vec<Value>> {
    let sh = model.shared();
    let (_, def) = sh.prog.defs.iter().find(|(_, d)| d.name == LOG && d.params.is_empty())?;
    let worker = RefCell::new(model.worker_data(0));
    let v = Ev::new(sh, &[], &worker).eval(def.body).ok()?;
    v.as_seq().ok().map(|s| s.to_vec())
}

/// Why split action `action` has no successor from `state` (see `SpecModel::explain_action`).
pub fn explain_action(model: &InterpModel, action: usize, state: &[Value]) -> Option<ActionExplanation> {
    model.split_actions_list().get(action).map(|a| explain(model, state, a))
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
