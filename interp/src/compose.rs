//! Action composition `A \cdot B` (`s -A-> t -B-> u`), as TLC runs it behind
//! `-Dtlc2.tool.impl.Tool.cdot=true` (`Tool.getNextStates`, `eval`, `enabled`): successors are
//! found by walking A from the current state to intermediate states `t`, then B from each `t`.
//! In a walk the pending conjuncts run after A (from `s` to `t`) and again after B (from `t` to
//! `u`), as in TLC. Differences: an intermediate state that A leaves incomplete is an error here
//! (TLC fails only if B reads the missing variable), and intermediate states are not counted as
//! generated states.

use tla2_frontend::ir::ExprId;
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

use crate::action::{unassigned_names, Cont, Walker};
use crate::eval::{err, Ev};

impl<'e, 'a> Walker<'e, 'a> {
    /// Walks `A \cdot B` with the continuation `k`.
    pub(crate) fn compose(&mut self, a: ExprId, b: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        let ev = self.ev;
        if ev.is_init() {
            return Err(err(EvalErrorKind::Other, "Action composition (\\cdot) was used in the initial predicate."));
        }
        let partial = ev.next.borrow().clone();
        // TLC's `s0.copyWith(s1)`: variables the step already assigned start at their current value.
        let start = partial.iter().enumerate().map(|(i, x)| x.as_ref().and_then(|_| ev.cur.get(i).cloned())).collect();
        let mids = intermediate_states(ev, a, start, k)?;
        let env = ev.env_snapshot();
        for t in mids {
            let t = complete_intermediate(ev, &t)?;
            let ev2 = Ev::new(ev.sh, &t, ev.worker);
            ev2.push_all(&env);
            *ev2.next.borrow_mut() = partial.clone();
            let emit = &mut *self.emit;
            let mut forward = |st: &[Option<Value>]| emit(st);
            let mut w = Walker::new(&ev2, &mut forward);
            w.walk(b, k)?;
            if w.stopped {
                self.stopped = true;
                break;
            }
        }
        Ok(())
    }
}

/// The states `t` with `s -A-> t` (then `k`), from the partial state `start`.
fn intermediate_states(
    ev: &Ev<'_>,
    a: ExprId,
    start: Vec<Option<Value>>,
    k: &Cont<'_>,
) -> Result<Vec<Vec<Option<Value>>>, EvalError> {
    let saved = std::mem::replace(&mut *ev.next.borrow_mut(), start);
    let mut mids = Vec::new();
    let r = {
        let mut collect = |st: &[Option<Value>]| {
            mids.push(st.to_vec());
            Ok(true)
        };
        let mut w = Walker::new(ev, &mut collect);
        w.walk(a, k)
    };
    *ev.next.borrow_mut() = saved;
    r.map(|_| mids)
}

fn complete_intermediate(ev: &Ev<'_>, t: &[Option<Value>]) -> Result<Vec<Value>, EvalError> {
    if t.iter().all(Option::is_some) {
        return Ok(t.iter().flatten().cloned().collect());
    }
    Err(err(
        EvalErrorKind::UnassignedVariable,
        format!(
            "In A \\cdot B, the action A does not assign the variable(s) {}; tla2 needs a complete intermediate state.",
            unassigned_names(ev, t).join(", ")
        ),
    ))
}

/// `A \cdot B` as a formula over the step from the evaluator's current state to its next state.
pub(crate) fn holds(ev: &Ev<'_>, a: ExprId, b: ExprId) -> Result<bool, EvalError> {
    if ev.is_init() {
        return Err(err(EvalErrorKind::Other, "Action composition (\\cdot) was used in a state predicate."));
    }
    // TLC starts from an empty intermediate state here (not from the partial next state).
    let mids = intermediate_states(ev, a, vec![None; ev.prog().vars.len()], &Cont::Done)?;
    let next = ev.next.borrow().clone();
    let env = ev.env_snapshot();
    for t in mids {
        let t = complete_intermediate(ev, &t)?;
        let ev2 = Ev::new(ev.sh, &t, ev.worker);
        ev2.push_all(&env);
        *ev2.next.borrow_mut() = next.clone();
        if ev2.eval_bool(b)? {
            return Ok(true);
        }
    }
    Ok(false)
}
