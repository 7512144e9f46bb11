//! Calls: of definitions (with operator parameters, RECURSIVE, the constant cache), of
//! builtins (resolved once, operator arguments as [`OpArg`]), and of operator values.

use std::sync::{Arc, OnceLock};

use tla2_frontend::ir::{BuiltinId, Callee, DefId, DefKind, Expr, ExprId, LocalId, Param};
use tla2_runtime::ops::{Arg, OpArg};
use tla2_runtime::value::{EvalError, Value};

use super::Ev;
use crate::worker::CtxRef;

/// What a local name is bound to: a value, an operator (parameter `Op(_)`, LAMBDA), or the
/// value of a nullary LET definition, computed on first use (TLC caches it the same way).
#[derive(Clone)]
pub(crate) enum Slot {
    Val(Value),
    Op(Arc<Closure>),
    Lazy(Arc<OnceLock<Value>>),
    /// An argument that is a state variable, `x` or `x'`, bound by name rather than value (as
    /// TLC's lazy arguments): read where it is used, and an assignment target in actions, so
    /// that `Send(p, d, memInt, memInt')` can assign `memInt'`.
    Target(ExprId),
}

/// An operator value with the locals it captured.
pub(crate) struct Closure {
    pub target: Target,
    pub captured: Vec<(LocalId, Slot)>,
}

#[derive(Clone, Copy)]
pub(crate) enum Target {
    Def(DefId),
    /// The `Expr::Lambda` node.
    Lambda(ExprId),
    Builtin(BuiltinId),
}

impl<'a> Ev<'a> {
    pub(crate) fn eval_call(&self, callee: Callee, args: &[ExprId]) -> Result<Value, EvalError> {
        match callee {
            Callee::Builtin(b) => self.call_builtin(b, args),
            Callee::Def(d) => self.call_def(d, args),
            Callee::Local(l) => match self.lookup(l)? {
                Slot::Op(c) => {
                    let slots = self.arg_slots(self.closure_params(&c), args)?;
                    self.call_closure(&c, slots)
                }
                Slot::Val(v) if args.is_empty() => Ok(v),
                Slot::Target(e) if args.is_empty() => self.eval(e),
                Slot::Lazy(_) | Slot::Target(_) => Err(EvalError::type_mismatch("A value was applied as an operator.")),
                Slot::Val(v) => Err(EvalError::type_mismatch(format!("The value {v} was applied as an operator."))),
            },
        }
    }

    pub(crate) fn is_recursive_function(&self, d: DefId) -> bool {
        matches!(self.prog().def(d).kind, DefKind::RecursiveFunction { .. })
    }

    fn call_def(&self, d: DefId, args: &[ExprId]) -> Result<Value, EvalError> {
        if args.is_empty() && self.prog().def(d).in_let {
            return self.let_value(d);
        }
        if args.is_empty() {
            if let Some(cell) = self.cached(d) {
                if let Some(v) = cell.get() {
                    return Ok(v.clone());
                }
                let v = self.def_value(d)?;
                let _ = cell.set(v.clone());
                return Ok(v);
            }
            return self.def_value(d);
        }
        let def = self.prog().def(d);
        let slots = self.arg_slots(Some(&def.params), args)?;
        if let Some(f) = self.native_fn(d) {
            return self.call_native(f, slots);
        }
        let base = self.env_len();
        for (p, s) in def.params.iter().zip(slots) {
            self.push(p.local, s);
        }
        let r = self.def_value(d);
        self.truncate(base);
        r
    }

    /// A nullary LET definition: its cached value when the enclosing LET made a slot for it.
    fn let_value(&self, d: DefId) -> Result<Value, EvalError> {
        // Only values of the current state are cached: the next state changes while a walk
        // runs, and a LET value read both primed and unprimed differs.
        if self.reading() != super::Reading::Current {
            return self.def_value(d);
        }
        let Some(Slot::Lazy(cell)) = self.lookup_opt(self.sh.let_key(d)) else { return self.def_value(d) };
        if let Some(v) = cell.get() {
            return Ok(v.clone());
        }
        let v = self.def_value(d)?;
        let _ = cell.set(v.clone());
        Ok(v)
    }

    /// Evaluates `LET defs IN body`, with a lazily filled slot for each nullary definition.
    pub(crate) fn eval_let(&self, defs: &[DefId], body: ExprId) -> Result<Value, EvalError> {
        let base = self.env_len();
        for d in defs {
            if self.prog().def(*d).params.is_empty() {
                self.push(self.sh.let_key(*d), Slot::Lazy(Arc::new(OnceLock::new())));
            }
        }
        let r = self.eval(body);
        self.truncate(base);
        r
    }

    /// The value of a definition whose parameters are bound.
    fn def_value(&self, d: DefId) -> Result<Value, EvalError> {
        self.enter()?;
        let r = match &self.prog().def(d).kind {
            DefKind::Operator => self.eval(self.prog().def(d).body),
            DefKind::RecursiveFunction { .. } => self.rec_fun_value(d),
        };
        self.leave();
        r
    }

    /// Evaluates call arguments in the caller's scope (all before any parameter is bound).
    pub(crate) fn arg_slots(&self, params: Option<&[Param]>, args: &[ExprId]) -> Result<Vec<Slot>, EvalError> {
        args.iter()
            .enumerate()
            .map(|(i, a)| {
                let arity = params.and_then(|ps| ps.get(i)).map_or(0, |p| p.arity);
                if arity > 0 || self.is_op_expr(*a) {
                    self.make_closure(*a).map(Slot::Op)
                } else if let Some(t) = self.target_arg(*a) {
                    Ok(t)
                } else {
                    self.eval(*a).map(Slot::Val)
                }
            })
            .collect()
    }

    /// `x`, `x'`, or a parameter bound to one of them, as a [`Slot::Target`].
    fn target_arg(&self, a: ExprId) -> Option<Slot> {
        let p = self.prog();
        match p.expr(a) {
            Expr::Var(_) => Some(Slot::Target(a)),
            Expr::Prime(x) if matches!(p.expr(*x), Expr::Var(_)) => Some(Slot::Target(a)),
            Expr::Local(l) => match self.lookup_opt(*l) {
                Some(t @ Slot::Target(_)) => Some(t),
                _ => None,
            },
            _ => None,
        }
    }

    fn is_op_expr(&self, a: ExprId) -> bool {
        matches!(self.prog().expr(a), Expr::OpValue(_) | Expr::Lambda { .. })
    }

    /// The operator an argument expression denotes.
    pub(crate) fn make_closure(&self, a: ExprId) -> Result<Arc<Closure>, EvalError> {
        let p = self.prog();
        let (target, capture) = match p.expr(a) {
            Expr::OpValue(Callee::Def(d)) => (Target::Def(*d), p.def(*d).in_let),
            Expr::OpValue(Callee::Builtin(b)) => (Target::Builtin(*b), false),
            Expr::OpValue(Callee::Local(l)) => {
                return match self.lookup(*l)? {
                    Slot::Op(c) => Ok(c),
                    Slot::Val(v) => Err(EvalError::type_mismatch(format!(
                        "The value {v} was passed where an operator was expected."
                    ))),
                    Slot::Lazy(_) | Slot::Target(_) => {
                        Err(EvalError::type_mismatch("A value was passed where an operator was expected."))
                    }
                }
            }
            Expr::Lambda { .. } => (Target::Lambda(a), true),
            _ => {
                return Err(EvalError::type_mismatch("An expression was passed where an operator was expected.")
                    .at(crate::analysis::expr_index(a)))
            }
        };
        let captured = if capture { self.env_snapshot() } else { Vec::new() };
        Ok(Arc::new(Closure { target, captured }))
    }

    fn closure_params(&self, c: &Closure) -> Option<&'a [Param]> {
        match c.target {
            Target::Def(d) => Some(&self.prog().def(d).params),
            Target::Lambda(e) => match self.prog().expr(e) {
                Expr::Lambda { params, .. } => Some(params),
                _ => None,
            },
            Target::Builtin(_) => None,
        }
    }

    pub(crate) fn closure_arity(&self, c: &Closure) -> usize {
        match c.target {
            Target::Builtin(b) => self.prog().builtin(b).arity,
            _ => self.closure_params(c).map_or(0, |p| p.len()),
        }
    }

    /// Calls an operator value with already evaluated arguments.
    pub(crate) fn call_closure(&self, c: &Closure, args: Vec<Slot>) -> Result<Value, EvalError> {
        if let Target::Builtin(b) = c.target {
            let vals = args.into_iter().map(|s| match s {
                Slot::Val(v) => Ok(v),
                Slot::Target(e) => self.eval(e),
                _ => Err(EvalError::type_mismatch("An operator was passed to a builtin where a value was expected.")),
            });
            let vals = vals.collect::<Result<Vec<_>, _>>()?;
            return self.call_builtin_values(b, vals);
        }
        let params = self.closure_params(c).unwrap_or(&[]);
        if params.len() != args.len() {
            return Err(EvalError::type_mismatch(format!(
                "An operator of {} arguments was called with {}.",
                params.len(),
                args.len()
            )));
        }
        if let Target::Def(d) = c.target {
            if let Some(f) = self.native_fn(d).filter(|_| !args.is_empty()) {
                return self.call_native(f, args);
            }
        }
        let base = self.env_len();
        self.push_all(&c.captured);
        for (p, s) in params.iter().zip(args) {
            self.push(p.local, s);
        }
        let r = match c.target {
            Target::Def(d) => self.def_value(d),
            Target::Lambda(e) => match self.prog().expr(e) {
                Expr::Lambda { body, .. } => self.eval(*body),
                _ => Err(EvalError::other("internal: a LAMBDA closure points at a non-LAMBDA expression")),
            },
            Target::Builtin(_) => Ok(Value::Bool(false)),
        };
        self.truncate(base);
        r
    }

    pub(crate) fn missing_builtin(&self, b: BuiltinId) -> EvalError {
        let bi = self.prog().builtin(b);
        tla2_runtime::ops::unsupported(&bi.module, &bi.name)
    }

    fn call_builtin(&self, b: BuiltinId, args: &[ExprId]) -> Result<Value, EvalError> {
        let f = self.builtin_fn(b.0 as usize).ok_or_else(|| self.missing_builtin(b))?;
        let mut ctx = CtxRef(self.worker);
        if !args.iter().any(|a| self.is_op_expr(*a)) {
            // The common case, without allocating: every argument is a value.
            return match args {
                [] => f(&[], &mut ctx),
                [a] => f(&[Arg::Value(self.eval(*a)?)], &mut ctx),
                [a, b] => {
                    let x = self.eval(*a)?;
                    f(&[Arg::Value(x), Arg::Value(self.eval(*b)?)], &mut ctx)
                }
                _ => {
                    let vals: Vec<Arg> =
                        args.iter().map(|a| self.eval(*a).map(Arg::Value)).collect::<Result<_, _>>()?;
                    f(&vals, &mut ctx)
                }
            };
        }
        let mut vals = Vec::with_capacity(args.len());
        let mut ops = Vec::new();
        for a in args {
            match self.is_op_expr(*a) {
                true => ops.push(OpAdapter { ev: self, clo: self.make_closure(*a)? }),
                false => vals.push(self.eval(*a)?),
            }
        }
        let (mut vi, mut oi) = (vals.into_iter(), ops.iter());
        let mut call_args = Vec::with_capacity(args.len());
        for a in args {
            match self.is_op_expr(*a) {
                true => {
                    call_args.push(Arg::Op(oi.next().ok_or_else(|| EvalError::other("internal: argument mismatch"))?))
                }
                false => call_args
                    .push(Arg::Value(vi.next().ok_or_else(|| EvalError::other("internal: argument mismatch"))?)),
            }
        }
        f(&call_args, &mut ctx)
    }

    fn call_builtin_values(&self, b: BuiltinId, vals: Vec<Value>) -> Result<Value, EvalError> {
        let f = self.builtin_fn(b.0 as usize).ok_or_else(|| self.missing_builtin(b))?;
        let args: Vec<Arg> = vals.into_iter().map(Arg::Value).collect();
        f(&args, &mut CtxRef(self.worker))
    }
}

/// An operator argument handed to a builtin, calling back into the evaluator.
pub(crate) struct OpAdapter<'e, 'a> {
    pub(crate) ev: &'e Ev<'a>,
    pub(crate) clo: Arc<Closure>,
}

impl OpArg for OpAdapter<'_, '_> {
    fn arity(&self) -> usize {
        self.ev.closure_arity(&self.clo)
    }
    fn call(&self, args: &[Value]) -> Result<Value, EvalError> {
        self.ev.call_closure(&self.clo, args.iter().cloned().map(Slot::Val).collect())
    }
}
