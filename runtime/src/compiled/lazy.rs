//! Lazy values of generated code: a filter of an infinite set and a function over an infinite
//! domain, evaluated later in the context they were built in (see [`Detached`]).

use std::sync::Arc;

use super::cx::{as_bool, Cx, Detached, R};
use crate::value::{CustomSet, EvalError, LazyFunction, LazySet, Value};

/// A body of a lazy value: the element or argument in, a value out.
pub type LazyBody = Arc<dyn Fn(&Cx<'_>, &Value) -> R<Value> + Send + Sync>;

struct Filter {
    cap: Arc<Detached>,
    domain: Value,
    pred: LazyBody,
    index: u32,
}

impl CustomSet for Filter {
    fn contains(&self, v: &Value) -> R<bool> {
        if !self.domain.contains(v)? {
            return Ok(false);
        }
        self.cap.run(|cx| as_bool((self.pred)(cx, v)?, self.index))
    }
    fn enumerate(&self) -> R<Vec<Value>> {
        let elems = self.domain.enumerate()?;
        self.cap.run(|cx| {
            let mut out = Vec::new();
            for v in elems.iter() {
                if as_bool((self.pred)(cx, v)?, self.index)? {
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

/// `{x \in S : P}` for an infinite `S`; `index` is the predicate's expression.
pub fn lazy_filter(cx: &Cx<'_>, domain: Value, index: u32, pred: LazyBody) -> Value {
    Value::lazy(LazySet::Custom(Arc::new(Filter { cap: cx.detach(), domain, pred, index })))
}

struct Fun {
    cap: Arc<Detached>,
    domain: Value,
    body: LazyBody,
    /// `None`: a function constructor (domain checked here); `Some(name)`: a recursive
    /// function definition (its body checks the domain).
    name: Option<String>,
}

impl LazyFunction for Fun {
    fn domain(&self) -> Value {
        self.domain.clone()
    }
    fn apply(&self, arg: &Value) -> R<Value> {
        if self.name.is_none() && !self.domain.contains(arg)? {
            return Err(EvalError::not_in_domain(format!(
                "Attempted to apply function:\n{}\nto argument {arg}, which is not in the domain of the function.",
                self.describe()
            )));
        }
        self.cap.run(|cx| (self.body)(cx, arg))
    }
    fn describe(&self) -> String {
        match &self.name {
            Some(n) => n.clone(),
            None => format!("[x \\in {} |-> …]", self.domain),
        }
    }
}

/// `[x \in S |-> e]` for an infinite `S` (`name: None`), or the recursive function `name`.
pub fn lazy_fun(cx: &Cx<'_>, domain: Value, name: Option<String>, body: LazyBody) -> Value {
    Value::lazy_fun(Arc::new(Fun { cap: cx.detach(), domain, body, name }))
}
