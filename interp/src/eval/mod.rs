//! The expression evaluator. [`Shared`] is the program prepared once (builtins resolved,
//! literal values built, constant-level definitions marked for caching); [`Ev`] evaluates IR
//! expressions against a current state, a (partial) next state and a stack of locals.
//!
//! Locals live on one stack searched from the top: every `LocalId` is bound by one binder, so
//! the topmost binding is the right one, except for escaping operator values (LAMBDA, LET
//! definitions passed as arguments, lazy sets and functions), which capture the stack.

mod bind;
mod call;
mod lazy;
mod native;
mod special;

use std::cell::{Cell, RefCell};
use std::sync::{Arc, OnceLock};

use tla2_frontend::ir::{Callee, DefId, Expr, ExprId, LocalId, Program, VarId};
use tla2_frontend::SourceMap;
use tla2_runtime::ops::{self, BuiltinFn};
use tla2_runtime::value::{EvalError, EvalErrorKind, Value};

use crate::analysis::{constant_defs, def_index, expr_index};
use crate::worker::WorkerData;

pub(crate) use call::Slot;

/// The program with everything resolved that evaluation would otherwise look up repeatedly.
pub struct Shared {
    pub prog: Program,
    pub sources: SourceMap,
    builtins: Vec<Option<BuiltinFn>>,
    /// Per builtin: whether the evaluator implements it itself (see [`special`]).
    pub(crate) special: Vec<special::Special>,
    /// Values of literal strings and model values, by expression index.
    literals: Vec<Option<Value>>,
    /// Interned field names of record constructors, record sets and EXCEPT paths (in the order
    /// they appear), by expression index: equal names share one `Arc`, which speeds up compares.
    names: Vec<Option<Box<[Arc<str>]>>>,
    cache: Vec<OnceLock<Value>>,
    cacheable: Vec<bool>,
    /// Closed constant-level sub-expressions: evaluated once (see [`crate::analysis`]).
    expr_cacheable: Vec<bool>,
    expr_cache: Vec<OnceLock<Value>>,
    /// Closed state-level sub-expressions of binder bodies: evaluated once per state (see
    /// [`crate::state_cache`]).
    state_cacheable: Vec<bool>,
    /// Per definition: constant-level (see [`crate::analysis`]).
    pub(crate) constant: Vec<bool>,
    pub(crate) impure: Vec<bool>,
    /// Per definition: the builtin that overrides it (see [`native`]).
    pub(crate) native: Vec<Option<BuiltinFn>>,
    /// Whether the program has recursive definitions (then continuations restore their scope).
    pub(crate) has_recursion: bool,
}

impl Shared {
    pub fn new(prog: Program, sources: SourceMap) -> Shared {
        let builtins = prog.builtins.iter().map(|b| ops::lookup(&b.module, &b.name)).collect();
        let special_builtins = prog.builtins.iter().map(|b| special::Special::of(&b.module, &b.name)).collect();
        let mut literals = vec![None; prog.exprs.len()];
        let mut names = vec![None; prog.exprs.len()];
        let mut interned: std::collections::HashMap<String, Arc<str>> = std::collections::HashMap::new();
        let mut intern = |s: &str| interned.entry(s.to_string()).or_insert_with(|| Arc::from(s)).clone();
        for (id, e) in prog.exprs.iter() {
            let i = expr_index(id) as usize;
            match e {
                Expr::Str(s) => literals[i] = Some(Value::Str(intern(s))),
                Expr::ModelValue(s) => literals[i] = Some(Value::model_value(s)),
                Expr::Record(fs) | Expr::RecordSet(fs) => {
                    names[i] = Some(fs.iter().map(|(k, _)| intern(k)).collect());
                }
                Expr::Except { updates, .. } => {
                    let keys = updates.iter().flat_map(|(path, _)| path).filter_map(|k| match k {
                        tla2_frontend::ir::ExceptKey::Field(s) => Some(intern(s)),
                        tla2_frontend::ir::ExceptKey::Index(_) => None,
                    });
                    names[i] = Some(keys.collect());
                }
                _ => {}
            }
        }
        let constant = constant_defs(&prog);
        let cacheable =
            prog.defs.iter().map(|(id, d)| constant[def_index(id)] && d.params.is_empty() && !d.in_let).collect();
        let cache = (0..prog.defs.len()).map(|_| OnceLock::new()).collect();
        let has_recursion = prog.defs.iter().any(|(_, d)| d.recursive);
        let impure = crate::analysis::impure_builtins(&prog);
        let expr_cacheable = crate::analysis::cacheable_exprs(&prog, &constant);
        let expr_cache = (0..prog.exprs.len()).map(|_| OnceLock::new()).collect();
        let state_cacheable = crate::state_cache::state_cacheable_exprs(&prog, &expr_cacheable);
        let native = native::native_overrides(&prog);
        Shared {
            prog,
            sources,
            builtins,
            special: special_builtins,
            literals,
            names,
            cache,
            cacheable,
            expr_cacheable,
            expr_cache,
            state_cacheable,
            constant,
            impure,
            native,
            has_recursion,
        }
    }

    /// The stack key of a nullary LET definition's cached value: past every real local.
    pub(crate) fn let_key(&self, d: DefId) -> LocalId {
        LocalId(self.prog.local_count.saturating_add(def_index(d) as u32))
    }

    /// Whether `e` is constant-level: evaluable once, without a state.
    pub(crate) fn is_constant(&self, e: ExprId) -> bool {
        crate::analysis::expr_is_constant(&self.prog, e, &self.constant, &self.impure)
    }

    /// The expression whose index an [`EvalError`] carries.
    pub fn expr_id(&self, index: u32) -> Option<ExprId> {
        ((index as usize) < self.prog.exprs.len()).then(|| ExprId::from_raw(la_arena::RawIdx::from(index)))
    }
}

/// How `Var` is read: from the current state, or from the next (partial) state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reading {
    Current,
    Next,
}

/// An evaluation in progress: states, locals and the worker's scratch.
pub struct Ev<'a> {
    pub sh: &'a Arc<Shared>,
    pub cur: &'a [Value],
    /// The next state being built (successors) or the initial state being built (Init).
    pub next: RefCell<Vec<Option<Value>>>,
    reading: Cell<Reading>,
    /// In Init, unprimed variables are read from `next` and primes are errors.
    init_mode: bool,
    env: RefCell<Vec<(LocalId, Slot)>>,
    at: RefCell<Vec<Option<Value>>>,
    depth: Cell<u32>,
    pub worker: &'a RefCell<WorkerData>,
    /// Values of state-cacheable expressions in `cur`, by expression index.
    state_cache: RefCell<Vec<(u32, Value)>>,
}

/// Deeper nesting of operator calls than this is reported instead of overflowing the stack.
const MAX_CALL_DEPTH: u32 = 2_000;

pub(crate) fn err(kind: EvalErrorKind, msg: impl Into<String>) -> EvalError {
    EvalError::new(kind, msg)
}

impl<'a> Ev<'a> {
    /// An evaluator over `cur` (the empty slice for constant expressions).
    /// The next state starts empty (no allocation); a walk sizes it.
    pub fn new(sh: &'a Arc<Shared>, cur: &'a [Value], worker: &'a RefCell<WorkerData>) -> Ev<'a> {
        Ev {
            sh,
            cur,
            next: RefCell::new(Vec::new()),
            reading: Cell::new(Reading::Current),
            init_mode: false,
            env: RefCell::new(Vec::new()),
            at: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            worker,
            state_cache: RefCell::new(Vec::new()),
        }
    }

    /// An evaluator for Init: variables are read from the state being built.
    pub fn for_init(sh: &'a Arc<Shared>, worker: &'a RefCell<WorkerData>) -> Ev<'a> {
        let mut ev = Ev::new(sh, &[], worker);
        ev.init_mode = true;
        ev.reading.set(Reading::Next);
        ev
    }

    /// An evaluator over the step `cur` → `next` (action constraints, action properties).
    pub fn for_step(sh: &'a Arc<Shared>, cur: &'a [Value], next: &[Value], worker: &'a RefCell<WorkerData>) -> Ev<'a> {
        let ev = Ev::new(sh, cur, worker);
        *ev.next.borrow_mut() = next.iter().cloned().map(Some).collect();
        ev
    }

    pub fn prog(&self) -> &'a Program {
        &self.sh.prog
    }

    pub fn is_init(&self) -> bool {
        self.init_mode
    }

    // ---- the locals stack

    pub(crate) fn env_len(&self) -> usize {
        self.env.borrow().len()
    }
    pub(crate) fn push(&self, l: LocalId, s: Slot) {
        self.env.borrow_mut().push((l, s));
    }
    pub(crate) fn push_all(&self, entries: &[(LocalId, Slot)]) {
        self.env.borrow_mut().extend_from_slice(entries);
    }
    pub(crate) fn truncate(&self, n: usize) {
        self.env.borrow_mut().truncate(n);
    }
    pub(crate) fn env_snapshot(&self) -> Vec<(LocalId, Slot)> {
        self.env.borrow().clone()
    }
    /// Whether a local bound below height `depth` has been bound again above it.
    pub(crate) fn rebound_since(&self, depth: usize) -> bool {
        let env = self.env.borrow();
        let (below, above) = env.split_at(depth.min(env.len()));
        above.iter().any(|(l, _)| below.iter().any(|(m, _)| m == l))
    }
    pub(crate) fn env_prefix(&self, n: usize) -> Vec<(LocalId, Slot)> {
        self.env.borrow()[..n].to_vec()
    }
    pub(crate) fn lookup_opt(&self, l: LocalId) -> Option<Slot> {
        self.env.borrow().iter().rev().find(|(id, _)| *id == l).map(|(_, s)| s.clone())
    }
    pub(crate) fn lookup(&self, l: LocalId) -> Result<Slot, EvalError> {
        let env = self.env.borrow();
        match env.iter().rev().find(|(id, _)| *id == l) {
            Some((_, s)) => Ok(s.clone()),
            None => {
                let name = self.sh.prog.local_names.get(l.0 as usize).map_or("?", |s| s.as_str());
                Err(EvalError::other(format!("The identifier {name} is not bound in this context.")))
            }
        }
    }

    // ---- evaluation

    /// Evaluates `e`; an error is tagged with the innermost failing expression.
    pub fn eval(&self, e: ExprId) -> Result<Value, EvalError> {
        let i = expr_index(e) as usize;
        if self.sh.expr_cacheable[i] {
            if let Some(v) = self.sh.expr_cache[i].get() {
                return Ok(v.clone());
            }
            let v = self.eval_inner(e).map_err(|er| er.at(i as u32))?;
            let _ = self.sh.expr_cache[i].set(v.clone());
            return Ok(v);
        }
        // The cache belongs to `cur`: only unprimed reads of it may use it (never in Init, whose
        // variables are read from the state being built).
        if self.sh.state_cacheable[i] && self.reading.get() == Reading::Current && !self.init_mode {
            let hit = self.state_cache.borrow().iter().find(|(j, _)| *j == i as u32).map(|(_, v)| v.clone());
            if let Some(v) = hit {
                return Ok(v);
            }
            let v = self.eval_inner(e).map_err(|er| er.at(i as u32))?;
            self.state_cache.borrow_mut().push((i as u32, v.clone()));
            return Ok(v);
        }
        self.eval_inner(e).map_err(|er| er.at(i as u32))
    }

    pub fn eval_bool(&self, e: ExprId) -> Result<bool, EvalError> {
        match self.eval(e)? {
            Value::Bool(b) => Ok(b),
            v => Err(EvalError::type_mismatch(format!(
                "A non-boolean expression ({}) was used as a formula: {v}",
                v.kind_name()
            ))
            .at(expr_index(e))),
        }
    }

    fn var(&self, v: VarId) -> Result<Value, EvalError> {
        let i = v.0 as usize;
        if self.reading.get() == Reading::Current {
            return self.cur.get(i).cloned().ok_or_else(|| self.unassigned(v, false));
        }
        self.next.borrow().get(i).cloned().flatten().ok_or_else(|| self.unassigned(v, !self.init_mode))
    }

    pub(crate) fn var_name(&self, v: VarId) -> &str {
        self.sh.prog.vars.get(v.0 as usize).map_or("?", |d| d.name.as_str())
    }

    fn unassigned(&self, v: VarId, primed: bool) -> EvalError {
        let name = self.var_name(v);
        let msg = match primed {
            true => format!("The variable {name}' was read before the action assigned it a value."),
            false => format!("The variable {name} was read before the initial predicate assigned it a value."),
        };
        err(EvalErrorKind::UnassignedVariable, msg)
    }

    fn eval_inner(&self, e: ExprId) -> Result<Value, EvalError> {
        let p = self.prog();
        match p.expr(e) {
            Expr::Bool(b) => Ok(Value::Bool(*b)),
            Expr::Int(i) => Ok(Value::Int(*i)),
            Expr::Str(_) | Expr::ModelValue(_) => {
                self.sh.literals[expr_index(e) as usize].clone().ok_or_else(|| EvalError::other("missing literal"))
            }
            Expr::Var(v) => self.var(*v),
            Expr::Local(l) => match self.lookup(*l)? {
                Slot::Val(v) => Ok(v),
                Slot::Op(c) => self.call_closure(&c, Vec::new()),
                Slot::Target(x) => self.eval(x),
                Slot::Lazy(_) => Err(EvalError::other("internal: a LET slot was read as a local")),
            },
            Expr::Call { callee: Callee::Builtin(b), args } if self.sh.special[b.0 as usize].is_some() => {
                self.call_special(e, *b, args)
            }
            Expr::Call { callee, args } => self.eval_call(*callee, args),
            Expr::OpValue(_) | Expr::Lambda { .. } => {
                Err(EvalError::type_mismatch("An operator was used where a value was expected."))
            }
            Expr::And(xs) => self.eval_and(xs),
            Expr::Or(xs) => self.eval_or(xs),
            Expr::Not(a) => Ok(Value::Bool(!self.eval_bool(*a)?)),
            Expr::Implies(a, b) => Ok(Value::Bool(!self.eval_bool(*a)? || self.eval_bool(*b)?)),
            Expr::Equiv(a, b) => Ok(Value::Bool(self.eval_bool(*a)? == self.eval_bool(*b)?)),
            Expr::If { cond, then, els } => self.eval(if self.eval_bool(*cond)? { *then } else { *els }),
            Expr::Case { arms, other } => self.eval(self.case_arm(arms, *other)?),
            Expr::Forall { bounds, body } => self.quantify(bounds, *body, true),
            Expr::Exists { bounds, body } => self.quantify(bounds, *body, false),
            Expr::Choose { binding, body } => self.choose(binding, *body),
            Expr::Let { defs, body } => self.eval_let(defs, *body),
            Expr::Eq(a, b) => Ok(Value::Bool(Value::tlc_eq(&self.eval(*a)?, &self.eval(*b)?)?)),
            Expr::In(a, s) => {
                let a = self.eval(*a)?;
                Ok(Value::Bool(self.eval(*s)?.contains(&a)?))
            }
            _ => self.eval_data(e),
        }
    }

    fn eval_data(&self, e: ExprId) -> Result<Value, EvalError> {
        match self.prog().expr(e) {
            Expr::SetEnum(xs) => Ok(Value::set(self.eval_all(xs)?)),
            Expr::Tuple(xs) => Ok(Value::tuple(self.eval_all(xs)?)),
            Expr::SetFilter { binding, pred } => self.set_filter(binding, *pred),
            Expr::SetMap { body, bounds } => self.set_map(bounds, *body),
            Expr::FunCons { bounds, body } => self.fun_cons(bounds, *body),
            Expr::FunSet { domain, range } => ops::core::fun_set(&self.eval(*domain)?, &self.eval(*range)?),
            Expr::Record(fields) => {
                let names = self.field_names(e, fields.len())?;
                let vals = fields
                    .iter()
                    .zip(names)
                    .map(|((_, x), k)| Ok((k.clone(), self.eval(*x)?)))
                    .collect::<Result<Vec<_>, EvalError>>()?;
                Ok(Value::record(vals))
            }
            Expr::RecordSet(fields) => {
                let names = self.field_names(e, fields.len())?;
                let vals = fields
                    .iter()
                    .zip(names)
                    .map(|((_, x), k)| Ok((k.clone(), self.eval(*x)?)))
                    .collect::<Result<Vec<_>, EvalError>>()?;
                ops::core::record_set(vals)
            }
            Expr::Except { base, updates } => self.except(e, *base, updates),
            Expr::ExceptAt => match self.at.borrow().last() {
                Some(Some(v)) => Ok(v.clone()),
                _ => Err(EvalError::not_in_domain(
                    "@ was used where the EXCEPT path is not in the domain of the function.",
                )),
            },
            Expr::Apply { fun, arg } => self.apply(*fun, *arg),
            Expr::Field { record, field } => self.eval(*record)?.field(field),
            _ => self.eval_action_level(e),
        }
    }

    fn eval_action_level(&self, e: ExprId) -> Result<Value, EvalError> {
        match self.prog().expr(e) {
            // `x'` reads the next state directly, so that an unassigned `x'` is reported at `x'`.
            Expr::Prime(a) => match self.prog().expr(*a) {
                Expr::Var(v) => self.primed(|| self.var(*v)),
                _ => self.primed(|| self.eval(*a)),
            },
            Expr::Unchanged(a) => {
                let now = self.eval(*a)?;
                let then = self.primed(|| self.eval(*a))?;
                Ok(Value::Bool(now == then))
            }
            Expr::Enabled(a) => crate::action::enabled(self, *a).map(Value::Bool),
            Expr::Compose(a, b) => crate::compose::holds(self, *a, *b).map(Value::Bool),
            Expr::BoxAction { action, sub } => {
                if self.eval_bool(*action)? {
                    return Ok(Value::Bool(true));
                }
                let now = self.eval(*sub)?;
                Ok(Value::Bool(now == self.primed(|| self.eval(*sub))?))
            }
            Expr::AngleAction { action, sub } => {
                if !self.eval_bool(*action)? {
                    return Ok(Value::Bool(false));
                }
                let now = self.eval(*sub)?;
                Ok(Value::Bool(now != self.primed(|| self.eval(*sub))?))
            }
            Expr::Unsupported { message } => Err(err(EvalErrorKind::Unsupported, message.clone())),
            other => Err(err(
                EvalErrorKind::Unsupported,
                format!("TLC cannot evaluate this expression here ({}).", kind_of(other)),
            )),
        }
    }

    /// Runs `f` reading variables from the next state.
    pub(crate) fn primed<T>(&self, f: impl FnOnce() -> Result<T, EvalError>) -> Result<T, EvalError> {
        if self.reading.get() == Reading::Next {
            let msg = match self.init_mode {
                true => "A primed expression was used in the initial predicate or a state predicate.",
                false => "A primed expression was primed again.",
            };
            return Err(EvalError::other(msg));
        }
        self.reading.set(Reading::Next);
        let r = f();
        self.reading.set(Reading::Current);
        r
    }

    pub(crate) fn eval_all(&self, xs: &[ExprId]) -> Result<Vec<Value>, EvalError> {
        xs.iter().map(|x| self.eval(*x)).collect()
    }

    fn eval_and(&self, xs: &[ExprId]) -> Result<Value, EvalError> {
        for x in xs {
            if !self.eval_bool(*x)? {
                return Ok(Value::Bool(false));
            }
        }
        Ok(Value::Bool(true))
    }

    fn eval_or(&self, xs: &[ExprId]) -> Result<Value, EvalError> {
        for x in xs {
            if self.eval_bool(*x)? {
                return Ok(Value::Bool(true));
            }
        }
        Ok(Value::Bool(false))
    }

    /// The body of the first CASE arm whose guard holds, or OTHER; TLC's error if none.
    pub(crate) fn case_arm(&self, arms: &[(ExprId, ExprId)], other: Option<ExprId>) -> Result<ExprId, EvalError> {
        for (g, b) in arms {
            if self.eval_bool(*g)? {
                return Ok(*b);
            }
        }
        other.ok_or_else(|| {
            err(
                EvalErrorKind::NoWitness,
                "Attempted to evaluate a CASE expression, and none of the conditions were true.",
            )
        })
    }

    /// The interned names of a record constructor, record set or EXCEPT (see [`Shared`]).
    fn field_names(&self, e: ExprId, n: usize) -> Result<&'a [Arc<str>], EvalError> {
        match &self.sh.names[expr_index(e) as usize] {
            Some(names) if names.len() == n || n == usize::MAX => Ok(names),
            _ => Err(EvalError::other("internal: field names were not interned")),
        }
    }

    fn except(
        &self,
        e: ExprId,
        base: ExprId,
        updates: &[(Vec<tla2_frontend::ir::ExceptKey>, ExprId)],
    ) -> Result<Value, EvalError> {
        use tla2_frontend::ir::ExceptKey;
        let mut names = self.field_names(e, usize::MAX)?.iter();
        let mut f = self.eval(base)?;
        for (path, val) in updates {
            let keys = path
                .iter()
                .map(|k| match k {
                    ExceptKey::Index(i) => self.eval(*i),
                    ExceptKey::Field(_) => match names.next() {
                        Some(s) => Ok(Value::Str(s.clone())),
                        None => Err(EvalError::other("internal: EXCEPT field names were not interned")),
                    },
                })
                .collect::<Result<Vec<_>, _>>()?;
            self.at.borrow_mut().push(f.get_path(&keys).ok());
            let new = self.eval(*val);
            self.at.borrow_mut().pop();
            f = f.except(&keys, new?)?;
        }
        Ok(f)
    }

    fn apply(&self, fun: ExprId, arg: ExprId) -> Result<Value, EvalError> {
        if let Expr::Call { callee: tla2_frontend::ir::Callee::Def(d), args } = self.prog().expr(fun) {
            if args.is_empty() && self.is_recursive_function(*d) {
                let a = self.eval(arg)?;
                return self.apply_rec_fun(*d, &a);
            }
        }
        let f = self.eval(fun)?;
        let a = self.eval(arg)?;
        f.apply(&a)
    }

    pub(crate) fn cached(&self, d: DefId) -> Option<&'a OnceLock<Value>> {
        let i = def_index(d);
        self.sh.cacheable[i].then(|| &self.sh.cache[i])
    }

    /// The builtin that overrides definition `d`, if any.
    pub(crate) fn native_fn(&self, d: DefId) -> Option<BuiltinFn> {
        self.sh.native[def_index(d)]
    }

    pub(crate) fn builtin_fn(&self, i: usize) -> Option<BuiltinFn> {
        self.sh.builtins.get(i).copied().flatten()
    }

    pub(crate) fn enter(&self) -> Result<(), EvalError> {
        let d = self.depth.get() + 1;
        if d > MAX_CALL_DEPTH {
            return Err(EvalError::other("The operator calls nest too deeply (infinite recursion?)."));
        }
        self.depth.set(d);
        Ok(())
    }
    pub(crate) fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }
    pub(crate) fn reading(&self) -> Reading {
        self.reading.get()
    }
}

fn kind_of(e: &Expr) -> &'static str {
    match e {
        Expr::Compose(..) => "action composition \\cdot",
        Expr::Always(_) | Expr::Eventually(_) | Expr::LeadsTo(..) | Expr::WhilePlus(..) => "a temporal formula",
        Expr::Fairness { .. } => "a fairness condition",
        Expr::TemporalForall { .. } | Expr::TemporalExists { .. } => "a temporal quantifier",
        _ => "an unexpected expression",
    }
}
