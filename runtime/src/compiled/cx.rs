//! [`Cx`]: what generated code evaluates against — the current state, the (partial) next state
//! with TLC's primed-variable semantics, the worker's scratch, the EXCEPT `@` stack — and the
//! helpers generated expressions call for binders, builtins and TLC's error messages.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use crate::model::SourceLocation;
use crate::ops::{Arg, BuiltinContext, BuiltinFn, OpArg};
use crate::value::{EvalError, EvalErrorKind, Value};
use crate::worker::WorkerData;

pub type R<T> = Result<T, EvalError>;

/// Deeper nesting of operator calls than this is reported instead of overflowing the stack.
pub const MAX_CALL_DEPTH: u32 = 2_000;

/// One evaluation: of a state predicate, an action from a state, Init, or a step.
pub struct Cx<'a> {
    pub cur: &'a [Value],
    pub next: RefCell<Vec<Option<Value>>>,
    reading_next: Cell<bool>,
    /// In Init, unprimed variables are read from the state being built and primes are errors.
    pub init: bool,
    pub worker: &'a RefCell<WorkerData>,
    at: RefCell<Vec<Option<Value>>>,
    depth: Cell<u32>,
    stopped: Cell<bool>,
    pub var_names: &'static [&'static str],
}

impl<'a> Cx<'a> {
    /// Over the current state `cur` (empty for constant expressions).
    pub fn new(cur: &'a [Value], worker: &'a RefCell<WorkerData>, var_names: &'static [&'static str]) -> Cx<'a> {
        Cx {
            cur,
            next: RefCell::new(vec![None; var_names.len()]),
            reading_next: Cell::new(false),
            init: false,
            worker,
            at: RefCell::new(Vec::new()),
            depth: Cell::new(0),
            stopped: Cell::new(false),
            var_names,
        }
    }

    /// For Init: variables are read from the state being built.
    pub fn for_init(worker: &'a RefCell<WorkerData>, var_names: &'static [&'static str]) -> Cx<'a> {
        let mut cx = Cx::new(&[], worker, var_names);
        cx.init = true;
        cx.reading_next.set(true);
        cx
    }

    /// Over the step `cur -> next` (action constraints and properties).
    pub fn for_step(
        cur: &'a [Value],
        next: &[Value],
        worker: &'a RefCell<WorkerData>,
        var_names: &'static [&'static str],
    ) -> Cx<'a> {
        let cx = Cx::new(cur, worker, var_names);
        *cx.next.borrow_mut() = next.iter().cloned().map(Some).collect();
        cx
    }

    /// The state variable `i`, from the current or the next state as the reading mode says.
    pub fn var(&self, i: usize) -> R<Value> {
        if !self.reading_next.get() {
            return self.cur.get(i).cloned().ok_or_else(|| self.unassigned_error(i, false));
        }
        self.next.borrow().get(i).cloned().flatten().ok_or_else(|| self.unassigned_error(i, !self.init))
    }

    fn unassigned_error(&self, i: usize, primed: bool) -> EvalError {
        let name = self.var_names.get(i).copied().unwrap_or("?");
        let msg = match primed {
            true => format!("The variable {name}' was read before the action assigned it a value."),
            false => format!("The variable {name} was read before the initial predicate assigned it a value."),
        };
        EvalError::new(EvalErrorKind::UnassignedVariable, msg)
    }

    /// True while variables are read from the current state (LET values are cached only then).
    pub fn reading_current(&self) -> bool {
        !self.reading_next.get()
    }

    /// Runs `f` reading variables from the next state.
    pub fn primed<T>(&self, f: impl FnOnce() -> R<T>) -> R<T> {
        if self.reading_next.get() {
            let msg = match self.init {
                true => "A primed expression was used in the initial predicate or a state predicate.",
                false => "A primed expression was primed again.",
            };
            return Err(EvalError::other(msg));
        }
        self.reading_next.set(true);
        let r = f();
        self.reading_next.set(false);
        r
    }

    // ---- action walks

    pub fn stopped(&self) -> bool {
        self.stopped.get()
    }
    pub fn stop(&self) {
        self.stopped.set(true);
    }
    /// The location of the `Print`/`PrintT` about to be called (its arguments are evaluated),
    /// for the report's print outputs.
    pub fn print_at(&self, location: Option<SourceLocation>) {
        self.worker.borrow_mut().print_site = location;
    }
    /// Starts a new walk from the current state: no primed variable assigned, not stopped
    /// (the trace diagnosis walks one action many times with one context).
    pub fn restart_walk(&self) {
        self.next.borrow_mut().iter_mut().for_each(|v| *v = None);
        self.stopped.set(false);
    }

    pub fn unassigned(&self, i: usize) -> bool {
        self.next.borrow().get(i).is_some_and(|x| x.is_none())
    }

    /// Binds the unassigned variable `i` for the rest of the walk `k`, then unbinds it.
    pub fn assign(&self, i: usize, v: Value, k: &dyn Fn() -> R<()>) -> R<()> {
        if let Some(slot) = self.next.borrow_mut().get_mut(i) {
            *slot = Some(v);
        }
        let r = k();
        if let Some(slot) = self.next.borrow_mut().get_mut(i) {
            *slot = None;
        }
        r
    }

    /// `x' \in S` on an unassigned `x'`: one branch per element.
    pub fn assign_each(&self, i: usize, set: Value, index: u32, k: &dyn Fn() -> R<()>) -> R<()> {
        let elems = set.enumerate().map_err(|er| {
            let what = if self.init { "initial" } else { "next" };
            EvalError::new(
                er.kind,
                format!("In computing {what} states, the right side of \\IN is not enumerable.\n{}", er.message),
            )
            .at(index)
        })?;
        for x in elems.iter() {
            self.assign(i, x.clone(), k)?;
            if self.stopped() {
                break;
            }
        }
        Ok(())
    }

    /// `UNCHANGED <<vars>>`: assigns each unassigned variable its current value, tests the rest.
    pub fn unchanged_vars(&self, vars: &[usize], k: &dyn Fn() -> R<()>) -> R<()> {
        let mut assigned = Vec::new();
        let mut ok = true;
        {
            let mut next = self.next.borrow_mut();
            for &i in vars {
                let (Some(slot), Some(c)) = (next.get_mut(i), self.cur.get(i)) else {
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
        let r = if ok { k() } else { Ok(()) };
        let mut next = self.next.borrow_mut();
        for i in assigned {
            next[i] = None;
        }
        r
    }

    /// The next state once complete, or TLC's error naming the unassigned variables.
    pub fn complete(&self, what: &str) -> R<Box<[Value]>> {
        let next = self.next.borrow();
        if next.iter().all(|v| v.is_some()) {
            return Ok(next.iter().flatten().cloned().collect());
        }
        let names: Vec<&str> =
            next.iter().enumerate().filter(|(_, v)| v.is_none()).map(|(i, _)| self.var_names[i]).collect();
        Err(EvalError::new(
            EvalErrorKind::UnassignedVariable,
            format!("{what} The following variable(s) are not assigned: {}.", names.join(", ")),
        ))
    }

    /// `ENABLED`: whether the walk `f` reaches a complete successor (its continuation calls
    /// [`Cx::stop`]).
    pub fn enabled(&self, f: impl FnOnce() -> R<()>) -> R<bool> {
        if self.init {
            return Err(EvalError::new(EvalErrorKind::Other, "ENABLED was used in the initial predicate."));
        }
        let saved = std::mem::replace(&mut *self.next.borrow_mut(), vec![None; self.var_names.len()]);
        let was_stopped = self.stopped.replace(false);
        let r = f();
        let found = self.stopped.replace(was_stopped);
        *self.next.borrow_mut() = saved;
        r.map(|_| found)
    }

    // ---- EXCEPT and calls

    /// Evaluates an EXCEPT update with `@` bound to `old`.
    pub fn with_at<T>(&self, old: Option<Value>, f: impl FnOnce() -> R<T>) -> R<T> {
        self.at.borrow_mut().push(old);
        let r = f();
        self.at.borrow_mut().pop();
        r
    }
    pub fn at_value(&self) -> R<Value> {
        match self.at.borrow().last() {
            Some(Some(v)) => Ok(v.clone()),
            _ => {
                Err(EvalError::not_in_domain("@ was used where the EXCEPT path is not in the domain of the function."))
            }
        }
    }

    /// Runs a definition's body one call deeper.
    pub fn call<T>(&self, f: impl FnOnce() -> R<T>) -> R<T> {
        let d = self.depth.get() + 1;
        if d > MAX_CALL_DEPTH {
            return Err(EvalError::other("The operator calls nest too deeply (infinite recursion?)."));
        }
        self.depth.set(d);
        let r = f();
        self.depth.set(d - 1);
        r
    }

    /// Runs `f`, whose error is caught by the caller (`AssertError`): the context is left as it
    /// was before, whatever `f` did before failing.
    pub fn catching<T>(&self, f: impl FnOnce() -> R<T>) -> R<T> {
        let (at, reading, depth) = (self.at.borrow().len(), self.reading_next.get(), self.depth.get());
        let r = f();
        self.at.borrow_mut().truncate(at);
        self.reading_next.set(reading);
        self.depth.set(depth);
        r
    }

    /// A copy of the evaluation context for a lazy value evaluated later.
    pub fn detach(&self) -> Arc<Detached> {
        Arc::new(Detached {
            cur: self.cur.to_vec(),
            next: self.next.borrow().clone(),
            reading_next: self.reading_next.get(),
            init: self.init,
            var_names: self.var_names,
        })
    }
}

/// The context a lazy value was built in.
pub struct Detached {
    cur: Vec<Value>,
    next: Vec<Option<Value>>,
    reading_next: bool,
    init: bool,
    var_names: &'static [&'static str],
}

impl Detached {
    /// Runs `f` in a context restored from this one, with a fresh worker (any thread may run it).
    pub fn run<T>(&self, f: impl FnOnce(&Cx<'_>) -> R<T>) -> R<T> {
        let worker = RefCell::new(WorkerData::default());
        let mut cx = Cx::new(&self.cur, &worker, self.var_names);
        cx.init = self.init;
        cx.reading_next.set(self.reading_next);
        *cx.next.borrow_mut() = self.next.clone();
        f(&cx)
    }
}

/// An operator value (operator parameter, LAMBDA, definition or builtin passed as argument).
#[derive(Clone, Copy)]
pub struct Op<'a> {
    pub arity: usize,
    pub f: &'a dyn Fn(&[Value]) -> R<Value>,
    /// Builtins take any number of arguments here, as in the interpreter.
    pub check_arity: bool,
}

impl<'a> Op<'a> {
    pub fn new(arity: usize, f: &'a dyn Fn(&[Value]) -> R<Value>) -> Op<'a> {
        Op { arity, f, check_arity: true }
    }
    pub fn builtin(arity: usize, f: &'a dyn Fn(&[Value]) -> R<Value>) -> Op<'a> {
        Op { arity, f, check_arity: false }
    }
    pub fn call(&self, args: &[Value]) -> R<Value> {
        if self.check_arity && self.arity != args.len() {
            return Err(EvalError::type_mismatch(format!(
                "An operator of {} arguments was called with {}.",
                self.arity,
                args.len()
            )));
        }
        (self.f)(args)
    }
}

impl OpArg for Op<'_> {
    fn arity(&self) -> usize {
        self.arity
    }
    fn call(&self, args: &[Value]) -> R<Value> {
        Op::call(self, args)
    }
}

/// Lends the worker to a builtin one call at a time (an operator argument called back by the
/// builtin may call builtins itself).
struct CtxRef<'a>(&'a RefCell<WorkerData>);

impl BuiltinContext for CtxRef<'_> {
    fn print(&mut self, text: &str) {
        self.0.borrow_mut().print(text)
    }
    fn tlc_get(&mut self, key: &Value) -> R<Value> {
        self.0.borrow_mut().tlc_get(key)
    }
    fn tlc_set(&mut self, key: &Value, value: Value) -> R<()> {
        self.0.borrow_mut().tlc_set(key, value)
    }
    fn random_u64(&mut self) -> u64 {
        self.0.borrow_mut().random_u64()
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.0.borrow().env_var(name)
    }
}

/// Calls a builtin resolved by `ops::lookup` (`None`: not implemented by tla2).
pub fn call_builtin(cx: &Cx<'_>, f: Option<BuiltinFn>, module: &str, name: &str, args: &[Arg<'_>]) -> R<Value> {
    match f {
        Some(f) => f(args, &mut CtxRef(cx.worker)),
        None => Err(builtin_missing(module, name)),
    }
}

pub fn builtin_missing(module: &str, name: &str) -> EvalError {
    crate::ops::unsupported(module, name)
}

/// A formula's value as a boolean, or TLC's error tagged at the formula.
pub fn as_bool(v: Value, index: u32) -> R<bool> {
    match v {
        Value::Bool(b) => Ok(b),
        v => Err(EvalError::type_mismatch(format!(
            "A non-boolean expression ({}) was used as a formula: {v}",
            v.kind_name()
        ))
        .at(index)),
    }
}

pub fn unbounded() -> EvalError {
    EvalError::new(EvalErrorKind::Unsupported, "TLC cannot evaluate an unbounded quantifier or CHOOSE.")
}

/// A binder's domain: `None` is an unbounded quantifier.
pub fn domain_of(v: Option<Value>) -> R<Value> {
    v.ok_or_else(unbounded)
}

pub fn enumerate_domains(doms: &[Value]) -> R<Vec<Arc<[Value]>>> {
    doms.iter().map(|d| d.enumerate()).collect()
}

/// Calls `f` with every combination of one element per domain, the first varying fastest (TLC's
/// order); `f` returns `false` to stop. Returns `false` if stopped early.
pub fn for_each_combo(doms: &[Arc<[Value]>], mut f: impl FnMut(&[Value]) -> R<bool>) -> R<bool> {
    if doms.iter().any(|d| d.is_empty()) {
        return Ok(true);
    }
    let mut idx = vec![0usize; doms.len()];
    let mut vals: Vec<Value> = doms.iter().map(|d| d[0].clone()).collect();
    loop {
        if !f(&vals)? {
            return Ok(false);
        }
        let mut k = 0;
        loop {
            if k == doms.len() {
                return Ok(true);
            }
            idx[k] += 1;
            if idx[k] < doms[k].len() {
                vals[k] = doms[k][idx[k]].clone();
                break;
            }
            idx[k] = 0;
            vals[k] = doms[k][0].clone();
            k += 1;
        }
    }
}

/// `<<a, b>> \in S`: the components of `v`, or TLC's error.
pub fn bind_tuple(v: &Value, n: usize) -> R<&[Value]> {
    match v {
        Value::Tuple(t) if t.len() == n => Ok(t),
        _ => Err(EvalError::type_mismatch(format!(
            "A tuple of {n} names was bound to the value {v}, which is not a tuple of that length."
        ))),
    }
}

/// The components of a function argument for `n > 1` bounds.
pub fn key_parts(key: &Value, n: usize) -> R<&[Value]> {
    match key {
        Value::Tuple(t) if t.len() == n => Ok(t),
        _ => Err(EvalError::type_mismatch(format!("The function argument {key} is not a tuple of {n} elements."))),
    }
}

/// The domain of `[bounds |-> …]`: the single domain, or the product of several.
pub fn fun_domain(mut doms: Vec<Value>) -> R<Value> {
    match doms.len() {
        1 => Ok(doms.remove(0)),
        _ => crate::ops::core::product(doms),
    }
}

/// `\A` in an action, walked as a conjunction over `combos[i..]` (TLC's order).
pub fn walk_forall(
    combos: &[Vec<Value>],
    i: usize,
    body: &dyn Fn(&[Value], &dyn Fn() -> R<()>) -> R<()>,
    k: &dyn Fn() -> R<()>,
) -> R<()> {
    match combos.get(i) {
        None => k(),
        Some(vals) => body(vals, &|| walk_forall(combos, i + 1, body, k)),
    }
}

pub fn case_none() -> EvalError {
    EvalError::new(
        EvalErrorKind::NoWitness,
        "Attempted to evaluate a CASE expression, and none of the conditions were true.",
    )
}

pub fn choose_none(dom: &Value) -> EvalError {
    EvalError::new(
        EvalErrorKind::NoWitness,
        format!("Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.\nS = {dom}"),
    )
}

/// Kept for symmetry with the interpreter's message on a non-enumerable `\IN` (see
/// [`Cx::assign_each`]).
pub fn non_enumerable_in(er: EvalError, init: bool) -> EvalError {
    let what = if init { "initial" } else { "next" };
    EvalError::new(
        er.kind,
        format!("In computing {what} states, the right side of \\IN is not enumerable.\n{}", er.message),
    )
}

/// Source locations of a generated spec: files `(path, module)` and, sorted by expression
/// index, `(expr, file, line, column, end_line, end_column)`.
pub struct Locations {
    pub files: &'static [(&'static str, &'static str)],
    pub spans: &'static [(u32, u32, u32, u32, u32, u32)],
}

impl Locations {
    pub fn of_expr(&self, index: u32) -> Option<SourceLocation> {
        let i = self.spans.binary_search_by_key(&index, |s| s.0).ok()?;
        let (_, file, line, column, end_line, end_column) = self.spans[i];
        self.location(file, line, column, end_line, end_column)
    }
    pub fn location(
        &self,
        file: u32,
        line: u32,
        column: u32,
        end_line: u32,
        end_column: u32,
    ) -> Option<SourceLocation> {
        let (path, module) = self.files.get(file as usize)?;
        Some(SourceLocation { file: path.to_string(), module: module.to_string(), line, column, end_line, end_column })
    }
}

/// Every choice of one element per domain, the first domain varying slowest (the order the
/// interpreter expands quantified temporal formulas in).
pub fn combos_first_slowest(doms: &[Arc<[Value]>]) -> Vec<Vec<Value>> {
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for d in doms.iter().rev() {
        out = d
            .iter()
            .flat_map(|x| out.iter().map(move |rest| std::iter::once(x.clone()).chain(rest.iter().cloned()).collect()))
            .collect();
    }
    out
}
