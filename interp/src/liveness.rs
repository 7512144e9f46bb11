//! Temporal properties for the interpreter: the translation of PROPERTY and the
//! specification's fairness from the IR into `runtime::liveness` formulas over atoms (state
//! predicates, step predicates, `ENABLED <<A>>_v`), the [`LiveModel`] that evaluates those atoms,
//! and [`check_properties`], the entry point the CLI calls.
//!
//! Definitions are unfolded, `\A`/`\E` over constant sets with temporal bodies are expanded,
//! and operator arguments that are not constants are passed by name, so that an atom is an IR
//! expression with the locals bound around it. A form that cannot be translated is reported as
//! unsupported, naming the property.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use tla2_frontend::ir::{
    Binding, Callee, DefId, DefKind, ExceptKey, Expr, ExprId, FairnessKind as IrFairness, LocalId,
};
use tla2_runtime::liveness::{
    check_liveness, check_liveness_on_trace, AtomId, Fairness, FairnessConstraint, FairnessKind, Formula, LiveProperty,
    LivenessError, LivenessModel, LivenessOptions, LivenessResult,
};
use tla2_runtime::model::{ActionId, ActionInfo, EngineSnapshot, Model, ModelError, PropertyInfo};
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

use crate::action::Walker;
use crate::eval::{Ev, Shared, Slot};
use crate::model::{InterpModel, InterpWorker};
use crate::worker::WorkerData;

/// An IR expression with the locals bound around it.
#[derive(Clone)]
struct Atom {
    expr: ExprId,
    env: Vec<(LocalId, Slot)>,
}

/// A step predicate: an expression, or `<<A>>_v` of a fairness condition.
#[derive(Clone)]
enum StepAtom {
    Expr(Atom),
    Angle { action: Atom, sub: ExprId },
}

/// `ENABLED <<A>>_v`.
#[derive(Clone)]
struct EnabledAtom {
    action: Atom,
    sub: ExprId,
}

#[derive(Default, Clone)]
struct Atoms {
    state: Vec<Atom>,
    step: Vec<StepAtom>,
    enabled: Vec<EnabledAtom>,
}

/// The level of an expression (TLA+'s constant, state, action and temporal levels).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Constant,
    State,
    Action,
    Temporal,
}

/// The translator: an evaluator whose locals stack holds the bindings of the formula being
/// translated.
struct Tr<'a> {
    ev: Ev<'a>,
    atoms: Atoms,
    def_levels: HashMap<DefId, Level>,
    depth: u32,
}

/// Deeper unfolding than this is reported as unsupported (a recursive temporal definition).
const MAX_UNFOLD: u32 = 200;

impl<'a> Tr<'a> {
    fn new(sh: &'a Arc<Shared>, worker: &'a RefCell<WorkerData>) -> Tr<'a> {
        Tr { ev: Ev::new(sh, &[], worker), atoms: Atoms::default(), def_levels: HashMap::new(), depth: 0 }
    }

    fn atom(&self, e: ExprId) -> Atom {
        Atom { expr: e, env: self.ev.env_snapshot() }
    }

    fn level(&mut self, e: ExprId) -> Level {
        let p = self.ev.prog();
        match p.expr(e) {
            Expr::Var(_) | Expr::Enabled(_) => Level::State,
            Expr::Prime(_) | Expr::Unchanged(_) | Expr::BoxAction { .. } | Expr::AngleAction { .. } => Level::Action,
            Expr::Compose(..) => Level::Action,
            Expr::Always(_) | Expr::Eventually(_) | Expr::LeadsTo(..) | Expr::Fairness { .. } => Level::Temporal,
            Expr::TemporalForall { .. } | Expr::TemporalExists { .. } | Expr::WhilePlus(..) => Level::Temporal,
            Expr::Local(l) => match self.ev.lookup_opt(*l) {
                Some(Slot::Target(x)) => self.level(x),
                _ => Level::Constant,
            },
            Expr::Call { callee, args } => {
                let args_level = args.iter().map(|a| self.level(*a)).max().unwrap_or(Level::Constant);
                let body = match callee {
                    Callee::Def(d) => self.def_level(*d),
                    Callee::Builtin(_) => Level::Constant,
                    Callee::Local(_) => Level::State,
                };
                args_level.max(body)
            }
            _ => children(p.expr(e)).into_iter().map(|c| self.level(c)).max().unwrap_or(Level::Constant),
        }
    }

    fn def_level(&mut self, d: DefId) -> Level {
        let def = self.ev.prog().def(d);
        let memo = def.params.is_empty() && !def.in_let;
        if let Some(l) = self.def_levels.get(&d) {
            return *l;
        }
        if self.depth > MAX_UNFOLD {
            return Level::State;
        }
        // A recursive definition sees itself as state-level while its level is computed.
        self.def_levels.insert(d, Level::State);
        self.depth += 1;
        let mut l = self.level(def.body);
        if let DefKind::RecursiveFunction { bounds } = &def.kind {
            l = l.max(Level::State).max(bounds_level(self, bounds));
        }
        self.depth -= 1;
        if memo {
            self.def_levels.insert(d, l);
        } else {
            self.def_levels.remove(&d);
        }
        l
    }

    fn state(&mut self, e: ExprId) -> Formula {
        self.atoms.state.push(self.atom(e));
        Formula::StatePred(self.atoms.state.len() as AtomId - 1)
    }

    fn step(&mut self, a: StepAtom) -> Formula {
        self.atoms.step.push(a);
        Formula::ActionPred(self.atoms.step.len() as AtomId - 1)
    }

    /// The formula `e` denotes.
    fn tr(&mut self, e: ExprId) -> Result<Formula, String> {
        match self.level(e) {
            Level::Constant | Level::State => return Ok(self.state(e)),
            Level::Action => return Ok(self.step(StepAtom::Expr(self.atom(e)))),
            Level::Temporal => {}
        }
        let p = self.ev.prog();
        let both =
            |t: &mut Self, a: ExprId, b: ExprId| -> Result<(Formula, Formula), String> { Ok((t.tr(a)?, t.tr(b)?)) };
        Ok(match p.expr(e) {
            Expr::Always(x) => Formula::always(self.tr(*x)?),
            Expr::Eventually(x) => Formula::eventually(self.tr(*x)?),
            Expr::LeadsTo(a, b) => {
                let (a, b) = both(self, *a, *b)?;
                Formula::LeadsTo(Box::new(a), Box::new(b))
            }
            Expr::Not(x) => Formula::negate(self.tr(*x)?),
            Expr::And(xs) => Formula::And(xs.iter().map(|x| self.tr(*x)).collect::<Result<_, _>>()?),
            Expr::Or(xs) => Formula::Or(xs.iter().map(|x| self.tr(*x)).collect::<Result<_, _>>()?),
            Expr::Implies(a, b) => {
                let (a, b) = both(self, *a, *b)?;
                Formula::Or(vec![Formula::negate(a), b])
            }
            Expr::Equiv(a, b) => {
                let (a, b) = both(self, *a, *b)?;
                let (na, nb) = (Formula::negate(a.clone()), Formula::negate(b.clone()));
                Formula::Or(vec![Formula::And(vec![a, b]), Formula::And(vec![na, nb])])
            }
            Expr::If { cond, then, els } => {
                let c = self.tr(*cond)?;
                let (t, f) = both(self, *then, *els)?;
                Formula::Or(vec![Formula::And(vec![c.clone(), t]), Formula::And(vec![Formula::negate(c), f])])
            }
            Expr::Fairness { kind, sub, action } => self.fairness_formula(*kind, *sub, *action),
            Expr::Let { body, .. } => self.tr(*body)?,
            Expr::Local(l) => match self.ev.lookup_opt(*l) {
                Some(Slot::Target(x)) => self.tr(x)?,
                _ => return Err("a temporal formula bound to a local name".into()),
            },
            Expr::Call { callee: Callee::Def(d), args } => self.unfold(*d, args, &mut |t, body| t.tr(body))?,
            Expr::Forall { bounds, body } => Formula::And(self.expand(bounds, *body, &mut |t, b| t.tr(b))?),
            Expr::Exists { bounds, body } => Formula::Or(self.expand(bounds, *body, &mut |t, b| t.tr(b))?),
            other => return Err(format!("the temporal form {} is not supported", form_name(other))),
        })
    }

    fn fairness_formula(&mut self, kind: IrFairness, sub: ExprId, action: ExprId) -> Formula {
        let c = self.fairness(kind, sub, action);
        tla2_runtime::liveness::lasso::fairness_formula(&c)
    }

    fn fairness(&mut self, kind: IrFairness, sub: ExprId, action: ExprId) -> FairnessConstraint {
        let a = self.atom(action);
        self.atoms.enabled.push(EnabledAtom { action: a.clone(), sub });
        self.atoms.step.push(StepAtom::Angle { action: a, sub });
        FairnessConstraint {
            kind: match kind {
                IrFairness::Weak => FairnessKind::Weak,
                IrFairness::Strong => FairnessKind::Strong,
            },
            enabled: self.atoms.enabled.len() as AtomId - 1,
            step: self.atoms.step.len() as AtomId - 1,
        }
    }

    /// Translates the body of the definition `d` applied to `args`: constant arguments are
    /// bound by value, operators as closures, anything else by name.
    fn unfold<T>(
        &mut self,
        d: DefId,
        args: &[ExprId],
        f: &mut dyn FnMut(&mut Self, ExprId) -> Result<T, String>,
    ) -> Result<T, String> {
        let def = self.ev.prog().def(d);
        if !matches!(def.kind, DefKind::Operator) || self.depth > MAX_UNFOLD {
            return Err(format!("the definition {} cannot be unfolded here", def.name));
        }
        let mut slots = Vec::new();
        for (param, arg) in def.params.iter().zip(args) {
            let by_name = param.arity == 0
                && !matches!(self.ev.prog().expr(*arg), Expr::OpValue(_) | Expr::Lambda { .. })
                && self.level(*arg) != Level::Constant;
            let slot = match by_name {
                true => Slot::Target(*arg),
                false => {
                    let s = self.ev.arg_slots(Some(std::slice::from_ref(param)), &[*arg]).map_err(|e| e.message)?;
                    s.into_iter().next().ok_or("an argument could not be bound")?
                }
            };
            slots.push((param.local, slot));
        }
        let base = self.ev.env_len();
        self.ev.push_all(&slots);
        self.depth += 1;
        let r = f(self, def.body);
        self.depth -= 1;
        self.ev.truncate(base);
        r
    }

    /// Runs `f` on `body` for every binding of `bounds` (constant domains).
    fn expand<T>(
        &mut self,
        bounds: &[Binding],
        body: ExprId,
        f: &mut dyn FnMut(&mut Self, ExprId) -> Result<T, String>,
    ) -> Result<Vec<T>, String> {
        let doms = self.ev.domain_values(bounds).map_err(|e| format!("a quantifier domain: {}", e.message))?;
        let doms = doms.iter().map(|d| d.enumerate()).collect::<Result<Vec<_>, _>>().map_err(|e| e.message)?;
        let combos = combinations(&doms);
        let mut out = Vec::new();
        for combo in combos {
            let base = self.ev.env_len();
            for (b, v) in bounds.iter().zip(&combo) {
                self.ev.bind_vars(&b.vars, v).map_err(|e| e.message)?;
            }
            let r = f(self, body);
            self.ev.truncate(base);
            out.push(r?);
        }
        Ok(out)
    }

    /// The WF/SF constraints of a fairness conjunct of the specification; another temporal
    /// conjunct becomes a formula assumed by every property.
    fn constraints(&mut self, e: ExprId, out: &mut Fairness) -> Result<(), String> {
        let p = self.ev.prog();
        match p.expr(e) {
            Expr::Fairness { kind, sub, action } => {
                let c = self.fairness(*kind, *sub, *action);
                out.constraints.push(c);
                Ok(())
            }
            Expr::And(xs) => xs.iter().try_for_each(|x| self.constraints(*x, out)),
            Expr::Let { body, .. } => self.constraints(*body, out),
            Expr::Forall { bounds, body } => {
                let lists = self.expand(bounds, *body, &mut |t, b| {
                    let mut v = Fairness::default();
                    t.constraints(b, &mut v)?;
                    Ok(v)
                })?;
                for l in lists {
                    out.constraints.extend(l.constraints);
                    out.formulas.extend(l.formulas);
                }
                Ok(())
            }
            Expr::Call { callee: Callee::Def(d), args } => {
                let v = self.unfold(*d, args, &mut |t, b| {
                    let mut v = Fairness::default();
                    t.constraints(b, &mut v)?;
                    Ok(v)
                })?;
                out.constraints.extend(v.constraints);
                out.formulas.extend(v.formulas);
                Ok(())
            }
            _ => {
                let f = self.tr(e)?;
                out.formulas.push(f);
                Ok(())
            }
        }
    }
}

fn bounds_level(t: &mut Tr<'_>, bounds: &[Binding]) -> Level {
    bounds.iter().filter_map(|b| b.domain).map(|d| t.level(d)).max().unwrap_or(Level::Constant)
}

/// Every choice of one element per domain, the first varying fastest (TLC's order).
fn combinations(doms: &[Arc<[Value]>]) -> Vec<Vec<Value>> {
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for d in doms.iter().rev() {
        out = d
            .iter()
            .flat_map(|x| out.iter().map(move |rest| std::iter::once(x.clone()).chain(rest.iter().cloned()).collect()))
            .collect();
    }
    out
}

fn form_name(e: &Expr) -> &'static str {
    match e {
        Expr::TemporalForall { .. } | Expr::TemporalExists { .. } => "\\AA/\\EE",
        Expr::WhilePlus(..) => "-+->",
        Expr::Compose(..) => "\\cdot",
        Expr::Case { .. } => "CASE with temporal arms",
        Expr::Choose { .. } => "CHOOSE",
        Expr::Call { .. } => "an operator parameter applied to temporal arguments",
        _ => "of this expression",
    }
}

/// The direct subexpressions of `e` (binder domains included, LET definitions excluded: they
/// are reached through the calls that use them).
fn children(e: &Expr) -> Vec<ExprId> {
    let doms = |bs: &[Binding]| bs.iter().filter_map(|b| b.domain).collect::<Vec<_>>();
    match e {
        Expr::Call { args, .. } => args.clone(),
        Expr::Lambda { body, .. } => vec![*body],
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => xs.clone(),
        Expr::Not(a) | Expr::Prime(a) | Expr::Unchanged(a) | Expr::Enabled(a) => vec![*a],
        Expr::Always(a) | Expr::Eventually(a) => vec![*a],
        Expr::Implies(a, b) | Expr::Equiv(a, b) | Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
        Expr::LeadsTo(a, b) | Expr::WhilePlus(a, b) | Expr::Compose(a, b) => vec![*a, *b],
        Expr::If { cond, then, els } => vec![*cond, *then, *els],
        Expr::Case { arms, other } => arms.iter().flat_map(|(g, b)| [*g, *b]).chain(*other).collect(),
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            doms(bounds).into_iter().chain([*body]).collect()
        }
        Expr::SetMap { body, bounds } => doms(bounds).into_iter().chain([*body]).collect(),
        Expr::Choose { binding, body } => binding.domain.into_iter().chain([*body]).collect(),
        Expr::SetFilter { binding, pred } => binding.domain.into_iter().chain([*pred]).collect(),
        Expr::Let { body, .. } => vec![*body],
        Expr::FunSet { domain, range } => vec![*domain, *range],
        Expr::Record(fs) | Expr::RecordSet(fs) => fs.iter().map(|(_, x)| *x).collect(),
        Expr::Except { base, updates } => {
            let mut v = vec![*base];
            for (path, x) in updates {
                v.extend(path.iter().filter_map(|k| match k {
                    ExceptKey::Index(i) => Some(*i),
                    ExceptKey::Field(_) => None,
                }));
                v.push(*x);
            }
            v
        }
        Expr::Apply { fun, arg } => vec![*fun, *arg],
        Expr::Field { record, .. } => vec![*record],
        Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } => vec![*action, *sub],
        Expr::Fairness { sub, action, .. } => vec![*sub, *action],
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => vec![*body],
        _ => Vec::new(),
    }
}

/// The interpreter's model with the atoms of the properties being checked.
pub struct LiveModel<'m> {
    model: &'m InterpModel,
    atoms: Atoms,
}

/// Per-thread scratch: the interpreter's worker, and one for evaluating atoms.
pub struct LiveWorker {
    inner: InterpWorker,
    data: RefCell<WorkerData>,
}

impl LiveModel<'_> {
    fn sh(&self) -> &Arc<Shared> {
        self.model.shared()
    }

    fn with_env<T>(
        &self,
        ev: &Ev<'_>,
        a: &Atom,
        f: impl FnOnce(&Ev<'_>) -> Result<T, EvalError>,
    ) -> Result<T, ModelError> {
        ev.push_all(&a.env);
        let r = f(ev);
        ev.truncate(0);
        r.map_err(|e| self.model.model_error(e))
    }

    /// Whether the step `s -> t` changes `sub`.
    fn changes(
        &self,
        w: &RefCell<WorkerData>,
        env: &Atom,
        sub: ExprId,
        s: &[Value],
        t: &[Value],
    ) -> Result<bool, ModelError> {
        let ev = Ev::for_step(self.sh(), s, t, w);
        self.with_env(&ev, env, |ev| Ok(ev.eval(sub)? != ev.primed(|| ev.eval(sub))?))
    }
}

impl Model for LiveModel<'_> {
    type State = Box<[Value]>;
    type Worker = LiveWorker;

    fn new_worker(&self, index: usize) -> LiveWorker {
        LiveWorker {
            inner: self.model.new_worker(index),
            data: RefCell::new(WorkerData::new(index, Default::default())),
        }
    }
    fn set_snapshot(&self, w: &mut LiveWorker, snapshot: &EngineSnapshot) {
        self.model.set_snapshot(&mut w.inner, snapshot);
        w.data.get_mut().snapshot = snapshot.clone();
    }
    fn variables(&self) -> &[String] {
        self.model.variables()
    }
    fn actions(&self) -> &[ActionInfo] {
        self.model.actions()
    }
    fn invariants(&self) -> &[PropertyInfo] {
        self.model.invariants()
    }
    fn init_states(&self, w: &mut LiveWorker, emit: &mut dyn FnMut(Self::State)) -> Result<(), ModelError> {
        self.model.init_states(&mut w.inner, emit)
    }
    fn next_states(
        &self,
        w: &mut LiveWorker,
        s: &Self::State,
        emit: &mut dyn FnMut(ActionId, Self::State),
    ) -> Result<(), ModelError> {
        self.model.next_states(&mut w.inner, s, emit)
    }
    fn check_invariants(&self, w: &mut LiveWorker, s: &Self::State) -> Result<Option<usize>, ModelError> {
        self.model.check_invariants(&mut w.inner, s)
    }
    fn satisfies_constraints(&self, w: &mut LiveWorker, s: &Self::State) -> Result<bool, ModelError> {
        self.model.satisfies_constraints(&mut w.inner, s)
    }
    fn satisfies_action_constraints(
        &self,
        w: &mut LiveWorker,
        s: &Self::State,
        t: &Self::State,
    ) -> Result<bool, ModelError> {
        self.model.satisfies_action_constraints(&mut w.inner, s, t)
    }
    fn fingerprint(&self, w: &mut LiveWorker, s: &Self::State) -> u64 {
        self.model.fingerprint(&mut w.inner, s)
    }
    fn state_values(&self, s: &Self::State) -> Vec<Value> {
        self.model.state_values(s)
    }
}

impl LivenessModel for LiveModel<'_> {
    fn fingerprint_merges_states(&self) -> bool {
        let m = &self.sh().prog.model;
        m.view.is_some() || m.symmetry.is_some()
    }

    fn eval_state_atom(&self, w: &mut LiveWorker, atom: AtomId, s: &Self::State) -> Result<bool, ModelError> {
        let a = &self.atoms.state[atom as usize];
        let ev = Ev::new(self.sh(), s, &w.data);
        self.with_env(&ev, a, |ev| ev.eval_bool(a.expr))
    }

    fn eval_action_atom(
        &self,
        w: &mut LiveWorker,
        atom: AtomId,
        s: &Self::State,
        t: &Self::State,
    ) -> Result<bool, ModelError> {
        match &self.atoms.step[atom as usize] {
            StepAtom::Expr(a) => {
                let ev = Ev::for_step(self.sh(), s, t, &w.data);
                self.with_env(&ev, a, |ev| ev.eval_bool(a.expr))
            }
            StepAtom::Angle { action, sub } => {
                let ev = Ev::for_step(self.sh(), s, t, &w.data);
                if !self.with_env(&ev, action, |ev| ev.eval_bool(action.expr))? {
                    return Ok(false);
                }
                self.changes(&w.data, action, *sub, s, t)
            }
        }
    }

    /// `ENABLED <<A>>_v`: some successor under `A` changes `v`.
    fn eval_enabled(&self, w: &mut LiveWorker, atom: AtomId, s: &Self::State) -> Result<bool, ModelError> {
        let EnabledAtom { action, sub } = &self.atoms.enabled[atom as usize];
        let ev = Ev::new(self.sh(), s, &w.data);
        let mut found = false;
        let mut failure = None;
        let r = {
            let mut emit = |st: &[Option<Value>]| {
                // A variable the action leaves unassigned may take any value; keeping its
                // current one decides whether `v` can change through the assigned ones.
                let t: Vec<Value> =
                    st.iter().zip(s.iter()).map(|(n, c)| n.clone().unwrap_or_else(|| c.clone())).collect();
                match self.changes(&w.data, action, *sub, s, &t) {
                    Ok(true) => found = true,
                    Ok(false) => {}
                    Err(e) => failure = Some(e),
                }
                Ok(!found && failure.is_none())
            };
            ev.push_all(&action.env);
            let r = Walker::new(&ev, &mut emit).run(action.expr);
            ev.truncate(0);
            r
        };
        if let Some(e) = failure {
            return Err(e);
        }
        match r {
            Ok(()) => Ok(found),
            // A primed expression that is not a variable (an instance substitution such as
            // `hr <- t \div 2`) cannot be solved for; ENABLED is then decided over the
            // specification's own successors, the steps the behaviour graph has.
            Err(e) if e.kind == EvalErrorKind::UnassignedVariable => self.enabled_by_successors(w, atom, s),
            Err(e) => Err(self.model.model_error(e)),
        }
    }
}

impl LiveModel<'_> {
    fn enabled_by_successors(&self, w: &mut LiveWorker, atom: AtomId, s: &[Value]) -> Result<bool, ModelError> {
        let EnabledAtom { action, sub } = &self.atoms.enabled[atom as usize];
        let mut succs = Vec::new();
        let state: Box<[Value]> = s.into();
        self.model.next_states(&mut w.inner, &state, &mut |_, t| succs.push(t))?;
        for t in succs {
            let ev = Ev::for_step(self.sh(), s, &t, &w.data);
            if self.with_env(&ev, action, |ev| ev.eval_bool(action.expr))?
                && self.changes(&w.data, action, *sub, s, &t)?
            {
                return Ok(true);
            }
        }
        Ok(false)
    }
}

/// The result of [`check_properties`]: `properties[i]` describes the PROPERTY a violation's
/// `property` index refers to.
pub struct LivenessOutcome {
    pub properties: Vec<PropertyInfo>,
    pub result: LivenessResult<Box<[Value]>>,
}

/// Checks every PROPERTY of the model (temporal properties under the specification's WF/SF,
/// and their safety conjuncts) on the whole reachable state graph.
pub fn check_properties(model: &InterpModel, opts: &LivenessOptions) -> LivenessOutcome {
    check_with(model, |lm, live, fairness| check_liveness(lm, live, fairness, opts))
}

/// Checks every PROPERTY on one finite behaviour (simulation), as TLC does: each state of the
/// behaviour may stutter forever unless the specification's fairness forbids it.
pub fn check_properties_on_trace(model: &InterpModel, trace: &[(Option<u32>, Box<[Value]>)]) -> LivenessOutcome {
    check_with(model, |lm, live, fairness| check_liveness_on_trace(lm, live, fairness, trace))
}

fn check_with(
    model: &InterpModel,
    check: impl FnOnce(&LiveModel<'_>, &[LiveProperty], &Fairness) -> LivenessResult<Box<[Value]>>,
) -> LivenessOutcome {
    let sh = model.shared();
    let prog = &sh.prog;
    let properties: Vec<PropertyInfo> = prog
        .model
        .properties
        .iter()
        .map(|n| {
            let span = n.def.map_or(prog.span(n.expr), |d| prog.def(d).span);
            PropertyInfo {
                name: n.name.clone(),
                location: model.location(span),
                expression: sh.sources.text(prog.span(n.expr)).to_string(),
            }
        })
        .collect();
    let fail = |property: String, message: String| LivenessOutcome {
        properties: properties.clone(),
        result: LivenessResult {
            verdict: Err(LivenessError::Unsupported { property, message }),
            stats: Default::default(),
        },
    };
    let worker = RefCell::new(WorkerData::default());
    let mut tr = Tr::new(sh, &worker);
    let mut fairness = Fairness::default();
    for f in &prog.model.fairness {
        if let Err(m) = tr.constraints(*f, &mut fairness) {
            return fail("the specification's fairness".into(), m);
        }
    }
    let mut live = Vec::new();
    for n in &prog.model.properties {
        match tr.tr(n.expr) {
            Ok(formula) => live.push(LiveProperty { name: n.name.clone(), formula }),
            Err(m) => return fail(n.name.clone(), m),
        }
    }
    let lm = LiveModel { model, atoms: tr.atoms };
    let result = check(&lm, &live, &fairness);
    LivenessOutcome { properties, result }
}
