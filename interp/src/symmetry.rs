//! SYMMETRY: a state is replaced by the least member of its orbit under the permutations of
//! the symmetry set, so that symmetric states share one fingerprint.

use tla2_runtime::value::{EvalError, Value};

/// The permutations of a symmetry set, as sorted (from, to) pairs; the identity is dropped.
pub(crate) struct Symmetry {
    perms: Vec<Vec<(Value, Value)>>,
}

impl Symmetry {
    /// From the value of the SYMMETRY definition: a set of permutation functions. As TLC
    /// does, the permutations used are the group they generate, so that
    /// `Permutations(S) \union Permutations(T)` also permutes S and T together.
    pub(crate) fn new(set: &Value) -> Result<Symmetry, EvalError> {
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
        let group = closure(&gens, atoms.len())?;
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
    ///
    /// Images are compared variable by variable while they are built: a permutation whose image
    /// is already greater at some variable is dropped there, and values a permutation leaves
    /// unchanged are not rebuilt.
    pub(crate) fn canonical(&self, state: &[Value]) -> Vec<Value> {
        let mut best = state.to_vec();
        let mut image: Vec<Value> = Vec::with_capacity(state.len());
        for perm in &self.perms {
            image.clear();
            let mut order = std::cmp::Ordering::Equal;
            for (i, v) in state.iter().enumerate() {
                let pv = permute_opt(v, perm).unwrap_or_else(|| v.clone());
                if order == std::cmp::Ordering::Equal {
                    order = pv.cmp(&best[i]);
                    if order == std::cmp::Ordering::Greater {
                        break;
                    }
                }
                image.push(pv);
            }
            if order == std::cmp::Ordering::Less {
                std::mem::swap(&mut best, &mut image);
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
    permute_opt(v, perm).unwrap_or_else(|| v.clone())
}

/// The elements of `xs` permuted, or `None` if the permutation changes none of them.
fn permute_all(xs: &[Value], perm: &[(Value, Value)]) -> Option<Vec<Value>> {
    let (first, changed) = xs.iter().enumerate().find_map(|(i, x)| permute_opt(x, perm).map(|y| (i, y)))?;
    let mut out = Vec::with_capacity(xs.len());
    out.extend_from_slice(&xs[..first]);
    out.push(changed);
    out.extend(xs[first + 1..].iter().map(|x| permute(x, perm)));
    Some(out)
}

/// [`permute`], or `None` when the value contains no atom the permutation moves.
fn permute_opt(v: &Value, perm: &[(Value, Value)]) -> Option<Value> {
    match v {
        Value::ModelValue(_) | Value::Int(_) | Value::Str(_) | Value::Bool(_) => map_atom(v, perm),
        Value::Set(elems) => permute_all(elems, perm).map(Value::set),
        Value::Tuple(elems) => permute_all(elems, perm).map(Value::tuple),
        Value::Record(fields) => {
            let i = fields.iter().position(|(_, x)| permute_opt(x, perm).is_some())?;
            let mut out: Vec<(std::sync::Arc<str>, Value)> = fields[..i].to_vec();
            out.extend(fields[i..].iter().map(|(k, x)| (k.clone(), permute(x, perm))));
            Some(Value::Record(out.into()))
        }
        Value::Fun(f) => {
            if let Some(v) = permute_fun_over_orbit(f, perm) {
                return v;
            }
            let keys = permute_all(&f.keys, perm);
            let vals = permute_all(&f.vals, perm);
            if keys.is_none() && vals.is_none() {
                return None;
            }
            let keys = keys.unwrap_or_else(|| f.keys.clone());
            let vals = vals.unwrap_or_else(|| f.vals.clone());
            Some(Value::fun(keys.into_iter().zip(vals).collect()))
        }
        Value::Interval(..) | Value::Lazy(_) | Value::LazyFun(_) => None,
    }
}

/// A function whose domain the permutation maps onto itself (`[Node -> …]`): the keys stay,
/// each image moves to the slot of its permuted key, and nothing needs sorting. `None` when
/// the domain is not closed under the permutation; `Some(None)` when nothing changes.
fn permute_fun_over_orbit(f: &tla2_runtime::value::FunValue, perm: &[(Value, Value)]) -> Option<Option<Value>> {
    let mut slots: Vec<Option<Value>> = vec![None; f.keys.len()];
    let mut changed = false;
    for (k, v) in f.keys.iter().zip(&f.vals) {
        let (j, moved) = match map_atom(k, perm) {
            Some(pk) => (f.keys.binary_search(&pk).ok()?, true),
            None if matches!(k, Value::ModelValue(_) | Value::Int(_) | Value::Str(_) | Value::Bool(_)) => {
                (f.keys.binary_search(k).ok()?, false)
            }
            None => return None,
        };
        let pv = permute_opt(v, perm);
        changed |= moved || pv.is_some();
        slots[j] = Some(pv.unwrap_or_else(|| v.clone()));
    }
    if !changed {
        return Some(None);
    }
    let vals = slots.into_iter().collect::<Option<Vec<Value>>>()?;
    Some(Some(Value::Fun(std::sync::Arc::new(tla2_runtime::value::FunValue { keys: f.keys.clone(), vals }))))
}

/// Groups larger than this are refused rather than computed (TLC would not finish either).
const MAX_GROUP: usize = 1 << 20;

/// Every composition of the generators, in a deterministic (sorted) order.
fn closure(gens: &[Vec<usize>], n: usize) -> Result<Vec<Vec<usize>>, EvalError> {
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
