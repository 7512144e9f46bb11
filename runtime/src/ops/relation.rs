//! Module `"Relation"`: properties and closures of a relation given, as in Relation.tla, as a
//! Boolean-valued function `R` on `S \X S` (so `R[x, y]` is `R[<<x, y>>]`).

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("IsReflexive", |r, s| all(s, |x| holds(r, x, x)).map(Value::Bool)),
    builtin!("IsIrreflexive", |r, s| all(s, |x| holds(r, x, x).map(|b| !b)).map(Value::Bool)),
    builtin!("IsSymmetric", |r, s| all2(s, |x, y| Ok(holds(r, x, y)? == holds(r, y, x)?)).map(Value::Bool)),
    builtin!("IsAntiSymmetric", |r, s| all2(s, |x, y| Ok(!(holds(r, x, y)? && holds(r, y, x)?) || x == y))
        .map(Value::Bool)),
    builtin!("IsAsymmetric", |r, s| all2(s, |x, y| Ok(!(holds(r, x, y)? && holds(r, y, x)?))).map(Value::Bool)),
    builtin!("IsTransitive", |r, s| is_transitive(r, s).map(Value::Bool)),
    builtin!("TransitiveClosure", |r, s| closure(r, s, false)),
    builtin!("ReflexiveTransitiveClosure", |r, s| closure(r, s, true)),
];

fn holds(r: &Value, x: &Value, y: &Value) -> Result<bool, EvalError> {
    r.apply(&Value::tuple(vec![x.clone(), y.clone()]))?.as_bool()
}

fn all(s: &Value, mut p: impl FnMut(&Value) -> Result<bool, EvalError>) -> Result<bool, EvalError> {
    for x in s.enumerate()?.iter() {
        if !p(x)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn all2(s: &Value, mut p: impl FnMut(&Value, &Value) -> Result<bool, EvalError>) -> Result<bool, EvalError> {
    let elems = s.enumerate()?;
    for x in elems.iter() {
        for y in elems.iter() {
            if !p(x, y)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

fn is_transitive(r: &Value, s: &Value) -> Result<bool, EvalError> {
    let elems = s.enumerate()?;
    for x in elems.iter() {
        for y in elems.iter() {
            if holds(r, x, y)? && !all(s, |z| Ok(!holds(r, y, z)? || holds(r, x, z)?))? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}

/// The (reflexive) transitive closure as a function on `S \X S`, by Warshall's algorithm.
fn closure(r: &Value, s: &Value, reflexive: bool) -> Result<Value, EvalError> {
    let elems = s.enumerate()?;
    let n = elems.len();
    let mut m = vec![false; n * n];
    for i in 0..n {
        for j in 0..n {
            m[i * n + j] = (reflexive && i == j) || holds(r, &elems[i], &elems[j])?;
        }
    }
    for k in 0..n {
        for i in 0..n {
            if m[i * n + k] {
                for j in 0..n {
                    m[i * n + j] |= m[k * n + j];
                }
            }
        }
    }
    let mut pairs = Vec::with_capacity(n * n);
    for i in 0..n {
        for j in 0..n {
            pairs.push((Value::tuple(vec![elems[i].clone(), elems[j].clone()]), Value::Bool(m[i * n + j])));
        }
    }
    Ok(Value::fun(pairs))
}
