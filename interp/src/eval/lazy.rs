//! Lazy values built by the evaluator: a filter of an infinite set, a function over an
//! infinite domain, and a recursive function definition mentioned unapplied. Each captures
//! the locals and states it was built in, so it can be evaluated later anywhere.

use std::cell::RefCell;
use std::sync::Arc;

use tla2_frontend::ir::{Binding, DefId, ExprId, LocalId};
use tla2_runtime::value::{CustomSet, EvalError, LazyFunction, Value};

use super::{Ev, Reading, Shared, Slot};
use crate::worker::WorkerData;

/// The evaluation context of a lazy value.
pub(crate) struct Captured {
    sh: Arc<Shared>,
    cur: Vec<Value>,
    next: Vec<Option<Value>>,
    reading: Reading,
    env: Vec<(LocalId, Slot)>,
}

impl Captured {
    pub(crate) fn new(ev: &Ev<'_>) -> Captured {
        Captured {
            sh: ev.sh.clone(),
            cur: ev.cur.to_vec(),
            next: ev.next.borrow().clone(),
            reading: ev.reading(),
            env: ev.env_snapshot(),
        }
    }

    /// Runs `f` in an evaluator restored to the captured context. Builtins called from here
    /// see a fresh worker: a lazy value may be evaluated by any thread.
    fn run<T>(&self, f: impl FnOnce(&Ev<'_>) -> Result<T, EvalError>) -> Result<T, EvalError> {
        let worker = RefCell::new(WorkerData::default());
        let ev = Ev::new(&self.sh, &self.cur, &worker);
        *ev.next.borrow_mut() = self.next.clone();
        ev.restore(self.reading, &self.env);
        f(&ev)
    }
}

impl Ev<'_> {
    fn restore(&self, reading: Reading, env: &[(LocalId, Slot)]) {
        self.reading.set(reading);
        self.push_all(env);
    }
}

/// `{x \in S : P}` for an infinite `S`.
pub(crate) struct LazyFilter {
    pub cap: Captured,
    pub binding: Binding,
    pub domain: Value,
    pub pred: ExprId,
}

impl CustomSet for LazyFilter {
    fn contains(&self, v: &Value) -> Result<bool, EvalError> {
        if !self.domain.contains(v)? {
            return Ok(false);
        }
        self.cap.run(|ev| {
            ev.bind_vars(&self.binding.vars, v)?;
            ev.eval_bool(self.pred)
        })
    }
    fn enumerate(&self) -> Result<Vec<Value>, EvalError> {
        let elems = self.domain.enumerate()?;
        self.cap.run(|ev| {
            let base = ev.env_len();
            let mut out = Vec::new();
            for v in elems.iter() {
                ev.bind_vars(&self.binding.vars, v)?;
                let keep = ev.eval_bool(self.pred);
                ev.truncate(base);
                if keep? {
                    out.push(v.clone());
                }
            }
            Ok(out)
        })
    }
    fn describe(&self) -> String {
        format!("{{x \\in {} : …}}", self.domain)
    }
}

/// `[x \in S |-> e]` for an infinite `S`.
pub(crate) struct LazyFunCons {
    pub cap: Captured,
    pub bounds: Vec<Binding>,
    pub domain: Value,
    pub body: ExprId,
}

impl LazyFunction for LazyFunCons {
    fn domain(&self) -> Value {
        self.domain.clone()
    }
    fn apply(&self, arg: &Value) -> Result<Value, EvalError> {
        if !self.domain.contains(arg)? {
            return Err(EvalError::not_in_domain(format!(
                "Attempted to apply function:\n{}\nto argument {arg}, which is not in the domain of the function.",
                self.describe()
            )));
        }
        self.cap.run(|ev| {
            ev.bind_key(&self.bounds, arg)?;
            ev.eval(self.body)
        })
    }
    fn describe(&self) -> String {
        format!("[x \\in {} |-> …]", self.domain)
    }
}

/// A recursive function definition over an infinite domain, mentioned unapplied.
pub(crate) struct RecFun {
    pub cap: Captured,
    pub def: DefId,
    pub domain: Value,
}

impl LazyFunction for RecFun {
    fn domain(&self) -> Value {
        self.domain.clone()
    }
    fn apply(&self, arg: &Value) -> Result<Value, EvalError> {
        self.cap.run(|ev| ev.apply_rec_fun(self.def, arg))
    }
    fn describe(&self) -> String {
        self.cap.sh.prog.def(self.def).name.clone()
    }
}
