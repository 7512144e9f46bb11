//! SYMMETRY: a state is replaced by the least member of its orbit under the permutations of
//! the symmetry set, so that symmetric states share one fingerprint.

use tla2_runtime::value::{EvalError, Value};

/// The permutations of a symmetry set, as sorted (from, to) pairs; the identity is dropped.
pub(crate) struct Symmetry {
    perms: Vec<Vec<(Value, Value)>>,
}

impl Symmetry {
    /// From the value of the SYMMETRY definition: a set of permutation functions.
    pub(crate) fn new(set: &Value) -> Result<Symmetry, EvalError> {
        let mut perms = Vec::new();
        for f in set.enumerate()?.iter() {
            let pairs = f.fun_pairs()?;
            if pairs.iter().any(|(a, b)| a != b) {
                perms.push(pairs);
            }
        }
        Ok(Symmetry { perms })
    }

    /// The least (in value order) image of `state` under the permutations.
    pub(crate) fn canonical(&self, state: &[Value]) -> Vec<Value> {
        let mut best = state.to_vec();
        for perm in &self.perms {
            let image: Vec<Value> = state.iter().map(|v| permute(v, perm)).collect();
            if image < best {
                best = image;
            }
        }
        best
    }
}

fn map_atom(v: &Value, perm: &[(Value, Value)]) -> Option<Value> {
    perm.binary_search_by(|(k, _)| k.cmp(v)).ok().map(|i| perm[i].1.clone())
}

/// Applies a permutation of atoms (model values, usually) everywhere inside a value.
pub(crate) fn permute(v: &Value, perm: &[(Value, Value)]) -> Value {
    match v {
        Value::ModelValue(_) | Value::Int(_) | Value::Str(_) | Value::Bool(_) => map_atom(v, perm).unwrap_or_else(|| v.clone()),
        Value::Set(elems) => Value::set(elems.iter().map(|e| permute(e, perm)).collect()),
        Value::Tuple(elems) => Value::tuple(elems.iter().map(|e| permute(e, perm)).collect()),
        Value::Record(fields) => Value::record(fields.iter().map(|(k, x)| (k.clone(), permute(x, perm)))),
        Value::Fun(f) => Value::fun(f.keys.iter().zip(&f.vals).map(|(k, x)| (permute(k, perm), permute(x, perm))).collect()),
        Value::Interval(..) | Value::Lazy(_) | Value::LazyFun(_) => v.clone(),
    }
}
