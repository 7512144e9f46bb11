//! Initial states and successors with TLC's semantics (`Tool.getInitStates`/`getNextStates`):
//! the action is walked with a partial next state and a continuation of pending conjuncts.
//! `x' = e` on an unassigned `x'` assigns, `x' \in S` branches over `S`, later occurrences are
//! tests; `\/`, `\E`, IF and CASE branch; definitions are expanded; UNCHANGED assigns.
//! In Init the same walk runs on unprimed variables.

use std::sync::Arc;

use tla2_frontend::ir::{Binding, Callee, DefKind, Expr, ExprId, LocalId, VarId};
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

use crate::analysis::expr_index;
use crate::eval::{err, Ev, Slot};

/// The conjuncts still to be satisfied after the current one.
pub(crate) enum Cont<'c> {
    Done,
    /// The rest of a conjunction, with the height of the locals stack it was written under.
    Conj {
        items: &'c [ExprId],
        depth: usize,
        next: &'c Cont<'c>,
    },
    /// `\A` over the remaining bindings `combos[idx..]` (TLC walks it as a conjunction).
    Forall {
        bounds: &'c [Binding],
        combos: &'c [Vec<Value>],
        idx: usize,
        body: ExprId,
        next: &'c Cont<'c>,
    },
    /// `<<A>>_e`: after `A`, the step must change `e`.
    Changed {
        sub: ExprId,
        depth: usize,
        next: &'c Cont<'c>,
    },
}

/// Receives each complete state; returns `false` to stop the walk. It must not evaluate with
/// the walker's evaluator (the next state is borrowed while it runs).
pub type Emit<'e> = dyn FnMut(&[Option<Value>]) -> Result<bool, EvalError> + 'e;

/// One walk of an action (or of Init) from the evaluator's current state.
pub struct Walker<'e, 'a> {
    pub(crate) ev: &'e Ev<'a>,
    pub(crate) emit: &'e mut Emit<'e>,
    pub(crate) stopped: bool,
}

impl<'e, 'a> Walker<'e, 'a> {
    pub fn new(ev: &'e Ev<'a>, emit: &'e mut Emit<'e>) -> Walker<'e, 'a> {
        let n = ev.prog().vars.len();
        let mut next = ev.next.borrow_mut();
        if next.len() != n {
            next.clear();
            next.resize(n, None);
        }
        drop(next);
        Walker { ev, emit, stopped: false }
    }

    /// Walks `e` to the end; every complete state is emitted.
    pub fn run(&mut self, e: ExprId) -> Result<(), EvalError> {
        self.walk(e, &Cont::Done)
    }

    /// Walks `items` as one conjunction under the current locals (the trace diagnosis asks
    /// which prefix of an action's conjuncts still has a successor).
    pub(crate) fn run_conjuncts(&mut self, items: &[ExprId]) -> Result<(), EvalError> {
        self.cont(&Cont::Conj { items, depth: self.ev.env_len(), next: &Cont::Done })
    }

    pub(crate) fn walk(&mut self, e: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        if self.stopped {
            return Ok(());
        }
        let ev = self.ev;
        let p = ev.prog();
        match p.expr(e) {
            Expr::And(xs) => match xs.split_first() {
                None => self.cont(k),
                Some((first, rest)) => self.walk(*first, &Cont::Conj { items: rest, depth: ev.env_len(), next: k }),
            },
            Expr::Or(xs) => {
                for x in xs {
                    self.walk(*x, k)?;
                }
                Ok(())
            }
            Expr::Exists { bounds, body } => {
                ev.for_each_binding(bounds, &mut || {
                    self.walk(*body, k)?;
                    Ok(!self.stopped)
                })?;
                Ok(())
            }
            Expr::Forall { bounds, body } => {
                let doms = ev.domain_values(bounds)?.iter().map(|d| d.enumerate()).collect::<Result<Vec<_>, _>>()?;
                let combos = combinations(&doms);
                self.forall(bounds, &combos, 0, *body, k)
            }
            Expr::If { cond, then, els } => {
                let branch = if ev.eval_bool(*cond)? { *then } else { *els };
                self.walk(branch, k)
            }
            Expr::Case { arms, other } => {
                let arm = ev.case_arm(arms, *other).map_err(|er| er.at(expr_index(e)))?;
                self.walk(arm, k)
            }
            Expr::Let { body, .. } => self.walk(*body, k),
            Expr::Implies(a, b) => match ev.eval_bool(*a)? {
                true => self.walk(*b, k),
                false => self.cont(k),
            },
            Expr::Bool(true) => self.cont(k),
            Expr::Bool(false) => Ok(()),
            Expr::Call { callee, args } => self.walk_call(e, *callee, args, k),
            Expr::Compose(a, b) => self.compose(*a, *b, k),
            _ => self.walk_atom(e, k),
        }
    }

    /// Assignments, UNCHANGED, `[A]_v`, `<<A>>_v`, and conditions.
    fn walk_atom(&mut self, e: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        let ev = self.ev;
        match ev.prog().expr(e) {
            Expr::Eq(lhs, rhs) => match self.target_var(*lhs) {
                Some(v) if self.unassigned(v) => {
                    let val = ev.eval(*rhs)?;
                    self.assign(v, val, k)
                }
                _ => self.test(e, k),
            },
            Expr::In(lhs, set) => match self.target_var(*lhs) {
                Some(v) if self.unassigned(v) => self.assign_each(e, v, *set, k),
                _ => self.test(e, k),
            },
            Expr::Unchanged(sub) if !ev.is_init() => self.unchanged(*sub, k),
            Expr::BoxAction { action, sub } if !ev.is_init() => {
                self.walk(*action, k)?;
                self.unchanged(*sub, k)
            }
            Expr::AngleAction { action, sub } if !ev.is_init() => {
                self.walk(*action, &Cont::Changed { sub: *sub, depth: ev.env_len(), next: k })
            }
            _ => self.test(e, k),
        }
    }

    /// The variable that `lhs` assigns: `x'` in an action, `x` in Init.
    /// Parameters bound to `x` or `x'` (see [`Slot::Target`]) are followed.
    fn target_var(&self, lhs: ExprId) -> Option<VarId> {
        let p = self.ev.prog();
        match (p.expr(lhs), self.ev.is_init()) {
            (Expr::Var(v), true) => Some(*v),
            (Expr::Prime(inner), false) => match p.expr(*inner) {
                Expr::Var(v) => Some(*v),
                Expr::Local(l) => match self.target_of(*l).map(|e| p.expr(e)) {
                    Some(Expr::Var(v)) => Some(*v),
                    _ => None,
                },
                _ => None,
            },
            (Expr::Local(l), _) => self.target_of(*l).and_then(|e| self.target_var(e)),
            _ => None,
        }
    }

    fn target_of(&self, l: LocalId) -> Option<ExprId> {
        match self.ev.lookup_opt(l) {
            Some(Slot::Target(e)) => Some(e),
            _ => None,
        }
    }

    fn unassigned(&self, v: VarId) -> bool {
        self.ev.next.borrow().get(v.0 as usize).is_some_and(|x| x.is_none())
    }

    /// Evaluates `e` as a condition and continues if it holds.
    fn test(&mut self, e: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        if self.ev.eval_bool(e)? {
            self.cont(k)?;
        }
        Ok(())
    }

    /// Binds `v` (known to be an unassigned slot) for the rest of the walk, then unbinds it.
    fn assign(&mut self, v: VarId, val: Value, k: &Cont<'_>) -> Result<(), EvalError> {
        let i = v.0 as usize;
        if let Some(slot) = self.ev.next.borrow_mut().get_mut(i) {
            *slot = Some(val);
        }
        let r = self.cont(k);
        if let Some(slot) = self.ev.next.borrow_mut().get_mut(i) {
            *slot = None;
        }
        r
    }

    fn assign_each(&mut self, e: ExprId, v: VarId, set: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        let s = self.ev.eval(set)?;
        let elems = s.enumerate().map_err(|er| {
            let what = if self.ev.is_init() { "initial" } else { "next" };
            EvalError::new(
                er.kind,
                format!("In computing {what} states, the right side of \\IN is not enumerable.\n{}", er.message),
            )
            .at(expr_index(e))
        })?;
        for x in elems.iter() {
            self.assign(v, x.clone(), k)?;
            if self.stopped {
                break;
            }
        }
        Ok(())
    }

    /// Expands calls of definitions and operator values, as TLC does in actions.
    fn walk_call(&mut self, e: ExprId, callee: Callee, args: &[ExprId], k: &Cont<'_>) -> Result<(), EvalError> {
        let ev = self.ev;
        let p = ev.prog();
        let Callee::Def(d) = callee else { return self.test(e, k) };
        let def = p.def(d);
        let native = !args.is_empty() && ev.native_fn(d).is_some();
        if !matches!(def.kind, DefKind::Operator) || native || (args.is_empty() && ev.cached(d).is_some()) {
            return self.test(e, k);
        }
        let slots = ev.arg_slots(Some(&def.params), args)?;
        let base = ev.env_len();
        for (param, s) in def.params.iter().zip(slots) {
            ev.push(param.local, s);
        }
        ev.enter()?;
        let r = self.walk(def.body, k);
        ev.leave();
        ev.truncate(base);
        r
    }

    /// `UNCHANGED e`: assigns each unassigned variable of `e` its current value, tests the rest.
    fn unchanged(&mut self, sub: ExprId, k: &Cont<'_>) -> Result<(), EvalError> {
        let mut vars = Vec::new();
        if !self.unchanged_vars(sub, &mut vars) {
            let ev = self.ev;
            let now = ev.eval(sub)?;
            if now == ev.primed(|| ev.eval(sub))? {
                self.cont(k)?;
            }
            return Ok(());
        }
        let mut assigned = Vec::new();
        let mut ok = true;
        {
            let mut next = self.ev.next.borrow_mut();
            for v in &vars {
                let i = v.0 as usize;
                let (Some(slot), Some(c)) = (next.get_mut(i), self.ev.cur.get(i)) else {
                    ok = false;
                    break;
                };
                match slot {
                    None => {
                        *slot = Some(c.clone());
                        assigned.push(i);
                    }
                    Some(n) if n == c => {}
                    Some(_) => {
                        ok = false;
                        break;
                    }
                }
            }
        }
        let r = if ok { self.cont(k) } else { Ok(()) };
        let mut next = self.ev.next.borrow_mut();
        for i in assigned {
            next[i] = None;
        }
        drop(next);
        r
    }

    /// The variables of `UNCHANGED <<x, vars>>`, through nullary definitions; `false` if `e`
    /// is not made of variables only.
    fn unchanged_vars(&self, e: ExprId, out: &mut Vec<VarId>) -> bool {
        let p = self.ev.prog();
        match p.expr(e) {
            Expr::Var(v) => {
                out.push(*v);
                true
            }
            Expr::Tuple(xs) => xs.iter().all(|x| self.unchanged_vars(*x, out)),
            Expr::Local(l) => match self.target_of(*l).map(|e| p.expr(e)) {
                Some(Expr::Var(v)) => {
                    out.push(*v);
                    true
                }
                _ => false,
            },
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                matches!(def.kind, DefKind::Operator) && def.params.is_empty() && self.unchanged_vars(def.body, out)
            }
            _ => false,
        }
    }

    fn cont(&mut self, k: &Cont<'_>) -> Result<(), EvalError> {
        if self.stopped {
            return Ok(());
        }
        match k {
            Cont::Done => {
                // `emit` only reads the state; the walk resumes after it returns.
                let next = self.ev.next.borrow();
                if !(self.emit)(&next)? {
                    self.stopped = true;
                }
                Ok(())
            }
            Cont::Conj { items, depth, next } => match items.split_first() {
                None => self.cont(next),
                Some((first, rest)) => {
                    let k2 = Cont::Conj { items: rest, depth: *depth, next };
                    self.in_scope(*depth, |w| w.walk(*first, &k2))
                }
            },
            Cont::Forall { bounds, combos, idx, body, next } => self.forall(bounds, combos, *idx, *body, next),
            Cont::Changed { sub, depth, next } => {
                let ev = self.ev;
                let changed = self.in_scope(*depth, |_| {
                    let now = ev.eval(*sub)?;
                    Ok(now != ev.primed(|| ev.eval(*sub))?)
                })?;
                match changed {
                    true => self.cont(next),
                    false => Ok(()),
                }
            }
        }
    }

    /// Walks the body of `\A` for `combos[idx]`, continuing with the next combination.
    fn forall(
        &mut self,
        bounds: &[Binding],
        combos: &[Vec<Value>],
        idx: usize,
        body: ExprId,
        k: &Cont<'_>,
    ) -> Result<(), EvalError> {
        let Some(combo) = combos.get(idx) else { return self.cont(k) };
        let ev = self.ev;
        let base = ev.env_len();
        let mut r = Ok(());
        for (b, v) in bounds.iter().zip(combo) {
            if let Err(e) = ev.bind_vars(&b.vars, v) {
                r = Err(e);
                break;
            }
        }
        if r.is_ok() {
            r = self.walk(body, &Cont::Forall { bounds, combos, idx: idx + 1, body, next: k });
        }
        ev.truncate(base);
        r
    }

    /// Runs `f` with the locals as they were when a continuation was made. Only recursive
    /// programs can have rebound a local since, and only then is the scope restored.
    fn in_scope<T>(&mut self, depth: usize, f: impl FnOnce(&mut Self) -> Result<T, EvalError>) -> Result<T, EvalError> {
        let ev = self.ev;
        let len = ev.env_len();
        if !ev.sh.has_recursion || len == depth || !ev.rebound_since(depth) {
            return f(self);
        }
        ev.push_all(&ev.env_prefix(depth));
        let r = f(self);
        ev.truncate(len);
        r
    }
}

/// Names of the variables a partial state leaves unassigned.
pub(crate) fn unassigned_names(ev: &Ev<'_>, state: &[Option<Value>]) -> Vec<String> {
    state
        .iter()
        .enumerate()
        .filter(|(_, v)| v.is_none())
        .map(|(i, _)| ev.var_name(VarId(i as u32)).to_string())
        .collect()
}

/// `ENABLED a`: whether the action has a successor from the current state.
pub(crate) fn enabled(ev: &Ev<'_>, a: ExprId) -> Result<bool, EvalError> {
    if ev.is_init() {
        return Err(err(EvalErrorKind::Other, "ENABLED was used in the initial predicate."));
    }
    let saved = std::mem::replace(&mut *ev.next.borrow_mut(), vec![None; ev.prog().vars.len()]);
    let mut found = false;
    let r = {
        let mut emit = |_: &[Option<Value>]| {
            found = true;
            Ok(false)
        };
        Walker::new(ev, &mut emit).run(a)
    };
    *ev.next.borrow_mut() = saved;
    r.map(|_| found)
}

/// Every choice of one element per domain, the first varying fastest (TLC's order).
fn combinations(doms: &[Arc<[Value]>]) -> Vec<Vec<Value>> {
    if doms.iter().any(|d| d.is_empty()) {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut idx = vec![0usize; doms.len()];
    loop {
        out.push(idx.iter().zip(doms).map(|(&i, d)| d[i].clone()).collect());
        let mut k = 0;
        loop {
            if k == doms.len() {
                return out;
            }
            idx[k] += 1;
            if idx[k] < doms[k].len() {
                break;
            }
            idx[k] = 0;
            k += 1;
        }
    }
}
