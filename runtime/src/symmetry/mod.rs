//! SYMMETRY for both engines: symmetric states (one is the other with model values permuted
//! by the group the symmetry set generates) share one fingerprint.
//!
//! Two canonical forms of an orbit, both independent of which member is given:
//! - [`Symmetry::fingerprint`] (no VIEW): the least *orbit hash* over the group, a hash of
//!   the permuted state computed without building it (`orbit_hash.rs`). Cost per permutation:
//!   one pass over the state, no sorting, no allocation.
//! - [`Symmetry::canonical`] (with a VIEW, which TLC evaluates on the representative): the least
//!   image in TLC's value order, as TLC computes it.
//!
//! Either way, states are identified exactly when they are in one orbit (up to 64-bit hash
//! collisions, as with any fingerprint), so distinct-state counts are TLC's.

mod orbit_hash;

use crate::value::{EvalError, Value};

/// The permutations of a symmetry set, as sorted (from, to) pairs; the identity is dropped.
pub struct Symmetry {
    perms: Vec<Vec<(Value, Value)>>,
    /// The atoms some permutation moves, sorted; `images[p][i]` is the index in `atoms` of the
    /// image of `atoms[i]` under `perms[p]`.
    atoms: Vec<Value>,
    images: Vec<Vec<u16>>,
}

impl Symmetry {
    /// From the value of the SYMMETRY definition: a set of permutation functions. As TLC
    /// does, the permutations used are the group they generate, so that
    /// `Permutations(S) \union Permutations(T)` also permutes S and T together.
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
        if atoms.len() > u16::MAX as usize {
            return Err(EvalError::other("The SYMMETRY set permutes too many values."));
        }
        let group = closure(&gens, atoms.len())?;
        let identity: Vec<usize> = (0..atoms.len()).collect();
        let group: Vec<Vec<usize>> = group.into_iter().filter(|p| *p != identity).collect();
        let images = group.iter().map(|p| p.iter().map(|&j| j as u16).collect()).collect();
        let perms = group
            .iter()
            .map(|p| {
                p.iter()
                    .enumerate()
                    .filter(|(i, j)| i != *j)
                    .map(|(i, &j)| (atoms[i].clone(), atoms[j].clone()))
                    .collect()
            })
            .collect();
        Ok(Symmetry { perms, atoms, images })
    }

    /// The number of permutations other than the identity.
    pub fn len(&self) -> usize {
        self.perms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.perms.is_empty()
    }

    /// The fingerprint of the state's orbit: the least orbit hash of its images (never 0).
    pub fn fingerprint(&self, state: &[Value]) -> u64 {
        orbit_hash::least_image_hash(state, &self.atoms, &self.images)
    }

    /// The least (in value order) image of `state` under the permutations.
    ///
    /// Images are compared variable by variable while they are built: a permutation whose image
    /// is already greater at some variable is dropped there, and values a permutation leaves
    /// unchanged are not rebuilt.
    pub fn canonical(&self, state: &[Value]) -> Vec<Value> {
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
pub fn permute(v: &Value, perm: &[(Value, Value)]) -> Value {
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
fn permute_fun_over_orbit(f: &crate::value::FunValue, perm: &[(Value, Value)]) -> Option<Option<Value>> {
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
    Some(Some(Value::Fun(std::sync::Arc::new(crate::value::FunValue { keys: f.keys.clone(), vals }))))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mv(n: &str) -> Value {
        Value::model_value(n)
    }

    /// `Permutations({p1, p2, p3})` as a set of functions.
    fn perms_of(names: &[&str]) -> Value {
        let atoms: Vec<Value> = names.iter().map(|n| mv(n)).collect();
        let mut out = Vec::new();
        let mut idx: Vec<usize> = (0..atoms.len()).collect();
        permute_indexes(&mut idx, 0, &mut |p| {
            out.push(Value::fun(atoms.iter().cloned().zip(p.iter().map(|&j| atoms[j].clone())).collect()))
        });
        Value::set(out)
    }

    fn permute_indexes(idx: &mut Vec<usize>, k: usize, f: &mut dyn FnMut(&[usize])) {
        if k == idx.len() {
            return f(idx);
        }
        for i in k..idx.len() {
            idx.swap(k, i);
            permute_indexes(idx, k + 1, f);
            idx.swap(k, i);
        }
    }

    /// A state holding the model values in a function, a set of records and a tuple.
    fn state(owner: [&str; 2], sent: &[(&str, i64)], log: &[&str]) -> Vec<Value> {
        let owner = Value::fun(vec![(Value::Int(1), mv(owner[0])), (Value::Int(5), mv(owner[1]))]);
        let sent =
            Value::set(sent.iter().map(|(p, n)| Value::record([("from", mv(p)), ("n", Value::Int(*n))])).collect());
        let log = Value::tuple(log.iter().map(|p| mv(p)).collect());
        vec![owner, sent, log]
    }

    #[test]
    fn symmetric_states_share_a_fingerprint_and_others_do_not() {
        let sym = Symmetry::new(&perms_of(&["p1", "p2", "p3"])).unwrap();
        assert_eq!(sym.len(), 5);
        let a = state(["p1", "p2"], &[("p1", 1), ("p3", 2)], &["p3"]);
        // p1 -> p2 -> p3 -> p1.
        let b = state(["p2", "p3"], &[("p2", 1), ("p1", 2)], &["p1"]);
        assert_eq!(sym.fingerprint(&a), sym.fingerprint(&b));
        assert_eq!(sym.canonical(&a), sym.canonical(&b));
        // Not an image of `a`: p1 sent 2 there, and p3 did here.
        let c = state(["p1", "p2"], &[("p1", 2), ("p3", 1)], &["p3"]);
        assert_ne!(sym.fingerprint(&a), sym.fingerprint(&c));
        assert_ne!(sym.canonical(&a), sym.canonical(&c));
    }

    #[test]
    fn fingerprints_do_not_depend_on_a_set_representation() {
        let sym = Symmetry::new(&perms_of(&["p1", "p2"])).unwrap();
        let interval = vec![Value::Interval(1, 3), mv("p1")];
        let explicit = vec![Value::set(vec![Value::Int(1), Value::Int(2), Value::Int(3)]), mv("p2")];
        assert_eq!(sym.fingerprint(&interval), sym.fingerprint(&explicit));
    }

    #[test]
    fn two_symmetry_sets_generate_their_product() {
        let set = match (perms_of(&["p1", "p2"]), perms_of(&["v1", "v2"])) {
            (Value::Set(a), Value::Set(b)) => Value::set(a.iter().chain(b.iter()).cloned().collect()),
            _ => unreachable!(),
        };
        let sym = Symmetry::new(&set).unwrap();
        // Identity, the two swaps and both swaps at once.
        assert_eq!(sym.len(), 3);
        let a = vec![Value::tuple(vec![mv("p1"), mv("v1")])];
        let b = vec![Value::tuple(vec![mv("p2"), mv("v2")])];
        assert_eq!(sym.fingerprint(&a), sym.fingerprint(&b));
    }
}
