//! Binders: quantifiers, CHOOSE, set filters and maps, function constructors and recursive
//! function definitions. Tuples of bounds are enumerated with the first bound varying fastest,
//! as TLC's `ContextEnumerator` does.

use std::sync::Arc;

use tla2_frontend::ir::{Binding, BoundVars, DefId, DefKind, ExprId};
use tla2_runtime::ops;
use tla2_runtime::value::{EvalError, EvalErrorKind, LazySet, Value};

use super::lazy::{Captured, LazyFilter, LazyFunCons, RecFun};
use super::{err, Ev, Slot};

impl<'a> Ev<'a> {
    /// The value of each binding's domain.
    pub(crate) fn domain_values(&self, bounds: &[Binding]) -> Result<Vec<Value>, EvalError> {
        bounds
            .iter()
            .map(|b| match b.domain {
                Some(d) => self.eval(d),
                None => Err(err(EvalErrorKind::Unsupported, "TLC cannot evaluate an unbounded quantifier or CHOOSE.")),
            })
            .collect()
    }

    /// Binds `vars` to `v` on the locals stack.
    pub(crate) fn bind_vars(&self, vars: &BoundVars, v: &Value) -> Result<(), EvalError> {
        match vars {
            BoundVars::Single(l) => self.push(*l, Slot::Val(v.clone())),
            BoundVars::Tuple(ls) => match v {
                Value::Tuple(t) if t.len() == ls.len() => {
                    for (l, x) in ls.iter().zip(t.iter()) {
                        self.push(*l, Slot::Val(x.clone()));
                    }
                }
                _ => {
                    return Err(EvalError::type_mismatch(format!(
                        "A tuple of {} names was bound to the value {v}, which is not a tuple of that length.",
                        ls.len()
                    )))
                }
            },
        }
        Ok(())
    }

    /// Calls `f` with every combination of bound values pushed; `f` returns `false` to stop.
    /// Returns `false` if stopped early.
    pub(crate) fn for_each_binding(
        &self,
        bounds: &[Binding],
        f: &mut dyn FnMut() -> Result<bool, EvalError>,
    ) -> Result<bool, EvalError> {
        let doms = self.domain_values(bounds)?.iter().map(|d| d.enumerate()).collect::<Result<Vec<_>, _>>()?;
        self.for_each_in(bounds, &doms, f)
    }

    /// [`Ev::for_each_binding`] over already enumerated domains.
    pub(crate) fn for_each_in(
        &self,
        bounds: &[Binding],
        doms: &[Arc<[Value]>],
        f: &mut dyn FnMut() -> Result<bool, EvalError>,
    ) -> Result<bool, EvalError> {
        if doms.iter().any(|d| d.is_empty()) {
            return Ok(true);
        }
        let base = self.env_len();
        let mut idx = vec![0usize; doms.len()];
        loop {
            let mut r = Ok(true);
            for (i, b) in bounds.iter().enumerate() {
                if let Err(e) = self.bind_vars(&b.vars, &doms[i][idx[i]]) {
                    r = Err(e);
                    break;
                }
            }
            if matches!(r, Ok(true)) {
                r = f();
            }
            self.truncate(base);
            if !r? {
                return Ok(false);
            }
            let mut k = 0;
            loop {
                if k == doms.len() {
                    return Ok(true);
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

    pub(crate) fn quantify(&self, bounds: &[Binding], body: ExprId, forall: bool) -> Result<Value, EvalError> {
        let mut found = false;
        self.for_each_binding(bounds, &mut || {
            let b = self.eval_bool(body)?;
            if b != forall {
                found = true;
                return Ok(false);
            }
            Ok(true)
        })?;
        Ok(Value::Bool(if forall { !found } else { found }))
    }

    pub(crate) fn choose(&self, binding: &Binding, body: ExprId) -> Result<Value, EvalError> {
        let dom = self.domain_values(std::slice::from_ref(binding))?.remove(0);
        let base = self.env_len();
        for v in dom.enumerate()?.iter() {
            self.bind_vars(&binding.vars, v)?;
            let r = self.eval_bool(body);
            self.truncate(base);
            if r? {
                return Ok(v.clone());
            }
        }
        Err(err(
            EvalErrorKind::NoWitness,
            format!("Attempted to compute the value of an expression of form\nCHOOSE x \\in S: P, but no element of S satisfied P.\nS = {dom}"),
        ))
    }

    pub(crate) fn set_filter(&self, binding: &Binding, pred: ExprId) -> Result<Value, EvalError> {
        let dom = self.domain_values(std::slice::from_ref(binding))?.remove(0);
        if !dom.is_set() {
            return Err(EvalError::type_mismatch(format!("Attempted to filter the non-set value\n{dom}")));
        }
        if !dom.is_finite_set()? {
            let filter = LazyFilter { cap: Captured::new(self), binding: binding.clone(), domain: dom, pred };
            return Ok(Value::lazy(LazySet::Custom(Arc::new(filter))));
        }
        let mut out = Vec::new();
        let base = self.env_len();
        for v in dom.enumerate()?.iter() {
            self.bind_vars(&binding.vars, v)?;
            let r = self.eval_bool(pred);
            self.truncate(base);
            if r? {
                out.push(v.clone());
            }
        }
        Ok(Value::set_from_sorted(out))
    }

    pub(crate) fn set_map(&self, bounds: &[Binding], body: ExprId) -> Result<Value, EvalError> {
        let mut out = Vec::new();
        self.for_each_binding(bounds, &mut || {
            out.push(self.eval(body)?);
            Ok(true)
        })?;
        Ok(Value::set(out))
    }

    /// The domain of `[bounds |-> …]`: the single domain, or the product of several.
    fn fun_domain(&self, bounds: &[Binding]) -> Result<Value, EvalError> {
        let mut doms = self.domain_values(bounds)?;
        match doms.len() {
            1 => Ok(doms.remove(0)),
            _ => ops::core::product(doms),
        }
    }

    pub(crate) fn fun_cons(&self, bounds: &[Binding], body: ExprId) -> Result<Value, EvalError> {
        let dom = self.fun_domain(bounds)?;
        if !dom.is_finite_set()? {
            let f = LazyFunCons { cap: Captured::new(self), bounds: bounds.to_vec(), domain: dom, body };
            return Ok(Value::lazy_fun(Arc::new(f)));
        }
        let mut pairs = Vec::new();
        let base = self.env_len();
        for key in dom.enumerate()?.iter() {
            self.bind_key(bounds, key)?;
            let r = self.eval(body);
            self.truncate(base);
            pairs.push((key.clone(), r?));
        }
        Ok(Value::fun_from_sorted(pairs))
    }

    /// Binds the bounds of a function constructor to one argument of the function.
    pub(crate) fn bind_key(&self, bounds: &[Binding], key: &Value) -> Result<(), EvalError> {
        if bounds.len() == 1 {
            return self.bind_vars(&bounds[0].vars, key);
        }
        match key {
            Value::Tuple(t) if t.len() == bounds.len() => {
                for (b, x) in bounds.iter().zip(t.iter()) {
                    self.bind_vars(&b.vars, x)?;
                }
                Ok(())
            }
            _ => Err(EvalError::type_mismatch(format!(
                "The function argument {key} is not a tuple of {} elements.",
                bounds.len()
            ))),
        }
    }

    fn rec_bounds(&self, d: DefId) -> &'a [Binding] {
        match &self.prog().def(d).kind {
            DefKind::RecursiveFunction { bounds } => bounds,
            DefKind::Operator => &[],
        }
    }

    /// The recursive function `f[x \in S] == body` mentioned unapplied.
    pub(crate) fn rec_fun_value(&self, d: DefId) -> Result<Value, EvalError> {
        let bounds = self.rec_bounds(d);
        let dom = self.fun_domain(bounds)?;
        if !dom.is_finite_set()? {
            return Ok(Value::lazy_fun(Arc::new(RecFun { cap: Captured::new(self), def: d, domain: dom })));
        }
        let mut pairs = Vec::new();
        for key in dom.enumerate()?.iter() {
            pairs.push((key.clone(), self.rec_fun_body(d, key)?));
        }
        Ok(Value::fun_from_sorted(pairs))
    }

    /// `f[a]` for a recursive function definition: a domain check, then the body.
    pub(crate) fn apply_rec_fun(&self, d: DefId, a: &Value) -> Result<Value, EvalError> {
        // A materialized (finite) cached function answers directly; a lazy one would call
        // back here.
        if let Some(v) = self.cached(d).and_then(|c| c.get()).filter(|v| !matches!(v, Value::LazyFun(_))) {
            return v.apply(a);
        }
        let dom = self.fun_domain(self.rec_bounds(d))?;
        if !dom.contains(a)? {
            let name = &self.prog().def(d).name;
            return Err(EvalError::not_in_domain(format!(
                "Attempted to apply function:\n{name}\nto argument {a}, which is not in the domain of the function."
            )));
        }
        self.rec_fun_body(d, a)
    }

    pub(crate) fn rec_fun_body(&self, d: DefId, a: &Value) -> Result<Value, EvalError> {
        let base = self.env_len();
        self.enter()?;
        let r = self.bind_key(self.rec_bounds(d), a).and_then(|_| self.eval(self.prog().def(d).body));
        self.leave();
        self.truncate(base);
        r
    }
}
