//! Module `"Core"`: the language's own set operators that lowering maps to builtins
//! (`\cup`, `\cap`, `\`, `\subseteq`, `SUBSET`, `UNION`, `DOMAIN`, `\X`, `STRING`).

use super::{builtin, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("\\cup", |a, b| a.union(b)),
    builtin!("\\cap", |a, b| a.intersect(b)),
    builtin!("\\", |a, b| a.difference(b)),
    builtin!("\\subseteq", |a, b| a.subseteq(b).map(Value::Bool)),
    builtin!("SUBSET", |s| subset(s)),
    builtin!("UNION", |s| union_of(s)),
    builtin!("DOMAIN", |f| f.domain()),
    ("\\X", product_op),
    builtin!("STRING", || Ok(Value::lazy(LazySet::Strings))),
];

fn require_set(v: &Value, op: &str) -> Result<(), EvalError> {
    if v.is_set() {
        Ok(())
    } else {
        Err(EvalError::type_mismatch(format!("The argument of {op} should be a set, but instead it is:\n{v}")))
    }
}

/// `SUBSET s`, kept lazy so that membership needs no enumeration.
pub fn subset(s: &Value) -> Result<Value, EvalError> {
    require_set(s, "SUBSET")?;
    Ok(Value::lazy(LazySet::Subset(s.clone())))
}

/// `UNION s`: enumerated when `s` and its elements are finite, lazy otherwise.
pub fn union_of(s: &Value) -> Result<Value, EvalError> {
    require_set(s, "UNION")?;
    if s.is_finite_set()? {
        let sets = s.enumerate()?;
        if sets.iter().all(|e| matches!(e.is_finite_set(), Ok(true))) {
            let mut all = Vec::new();
            for e in sets.iter() {
                all.extend(e.enumerate()?.iter().cloned());
            }
            return Ok(Value::set(all));
        }
    }
    Ok(Value::lazy(LazySet::Union(s.clone())))
}

/// `S1 \X S2 \X …` (n-ary), kept lazy.
pub fn product(sets: Vec<Value>) -> Result<Value, EvalError> {
    for s in &sets {
        require_set(s, "\\X")?;
    }
    Ok(Value::lazy(LazySet::Product(sets)))
}

fn product_op(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    product(args.iter().map(|a| a.value().cloned()).collect::<Result<_, _>>()?)
}

/// `[S -> T]`, kept lazy.
pub fn fun_set(s: &Value, t: &Value) -> Result<Value, EvalError> {
    require_set(s, "[S -> T]")?;
    require_set(t, "[S -> T]")?;
    Ok(Value::lazy(LazySet::FunSet(s.clone(), t.clone())))
}

/// `[a : S, b : T]`, kept lazy.
pub fn record_set(fields: Vec<(std::sync::Arc<str>, Value)>) -> Result<Value, EvalError> {
    let mut fields = fields;
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, s) in &fields {
        require_set(s, "[a : S]")?;
    }
    Ok(Value::lazy(LazySet::RecordSet(fields)))
}
