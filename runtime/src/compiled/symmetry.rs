//! SYMMETRY for generated checkers: a state is replaced by the least member of its orbit under
//! the group the symmetry set generates (the interpreter's `symmetry.rs`, same order and result).

use crate::value::{EvalError, Value};

/// The permutations of a symmetry set, as sorted (from, to) pairs; the identity is dropped.
pub struct Symmetry {
    perms: Vec<Vec<(Value, Value)>>,
}

/// Groups larger than this are refused rather than computed.
const MAX_GROUP: usize = 1 << 20;

impl Symmetry {
    pub fn new(set: &Value) -> Result<Symmetry, EvalError> {
        let mut gens = Vec::new();
        for f in set.enumerate()?.iter() {
            gens.push(f.fun_pairs()?);
        }
        let mut atoms: Vec<Value> = gens.iter().flatten().flat_map(|(a, b)| [a.clone(), b.clone()]).collect();
        atoms.sort();
        atoms.dedup();
        let index = |v: &Value| atoms.binary_search(v).unwrap_or(0);
        let gens: Vec<Vec<usize>> = gens
            .iter()
            .map(|pairs| {
                let mut p: Vec<usize> = (0..atoms.len()).collect();
                for (a, b) in pairs {
                    p[index(a)] = index(b);
                }
                p
            })
            .collect();
        let group = group_closure(&gens, atoms.len())?;
        let identity: Vec<usize> = (0..atoms.len()).collect();
        let perms = group
            .into_iter()
            .filter(|p| *p != identity)
            .map(|p| {
                p.iter()
                    .enumerate()
                    .filter(|(i, j)| i != *j)
                    .map(|(i, &j)| (atoms[i].clone(), atoms[j].clone()))
                    .collect()
            })
            .collect();
        Ok(Symmetry { perms })
    }

    /// The least (in value order) image of `state` under the permutations.
    pub fn canonical(&self, state: &[Value]) -> Vec<Value> {
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

fn permute(v: &Value, perm: &[(Value, Value)]) -> Value {
    match v {
        Value::ModelValue(_) | Value::Int(_) | Value::Str(_) | Value::Bool(_) => {
            map_atom(v, perm).unwrap_or_else(|| v.clone())
        }
        Value::Set(elems) => Value::set(elems.iter().map(|e| permute(e, perm)).collect()),
        Value::Tuple(elems) => Value::tuple(elems.iter().map(|e| permute(e, perm)).collect()),
        Value::Record(fields) => Value::record(fields.iter().map(|(k, x)| (k.clone(), permute(x, perm)))),
        Value::Fun(f) => {
            Value::fun(f.keys.iter().zip(&f.vals).map(|(k, x)| (permute(k, perm), permute(x, perm))).collect())
        }
        Value::Interval(..) | Value::Lazy(_) | Value::LazyFun(_) => v.clone(),
    }
}

fn group_closure(gens: &[Vec<usize>], n: usize) -> Result<Vec<Vec<usize>>, EvalError> {
    let identity: Vec<usize> = (0..n).collect();
    let mut seen = std::collections::BTreeSet::new();
    seen.insert(identity.clone());
    let mut queue = vec![identity];
    while let Some(g) = queue.pop() {
        for h in gens {
            let gh: Vec<usize> = g.iter().map(|&i| h[i]).collect();
            if seen.insert(gh.clone()) {
                if seen.len() > MAX_GROUP {
                    return Err(EvalError::other("The SYMMETRY set generates too many permutations."));
                }
                queue.push(gh);
            }
        }
    }
    Ok(seen.into_iter().collect())
}
