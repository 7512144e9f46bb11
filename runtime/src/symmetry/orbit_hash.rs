//! The orbit hash: a 64-bit hash of a state under a permutation of atoms, computed without
//! building the permuted state.
//!
//! The state is first reduced to a [`Shape`]: its structure with every moved atom replaced by
//! its index and every part that holds no moved atom folded into its hash. Each permutation
//! then costs one pass over the shape. Sets and functions combine their members' hashes with
//! a commutative sum, so that the permuted value's hash does not depend on the order its
//! members would be sorted into; equal values hash equally whatever their representation
//! (`1..3` and `{1, 2, 3}`, a lazy set and its elements). This hash is tla2's own: it is not
//! the fingerprint of `fingerprint.rs` and never compared with one.

use crate::value::Value;

const TAG_ATOM: u64 = 0x51;
const TAG_SET: u64 = 0x52;
const TAG_TUPLE: u64 = 0x53;
const TAG_RECORD: u64 = 0x54;
const TAG_FUN: u64 = 0x55;
const TAG_OPAQUE: u64 = 0x56;
const TAG_STATE: u64 = 0x57;

const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;

#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Ordered combination: `step(step(seed, a), b)` differs from `step(step(seed, b), a)`.
#[inline]
fn step(h: u64, w: u64) -> u64 {
    fold_mul(h ^ w ^ K1, K0).wrapping_add(w.rotate_left(29))
}

/// A nonlinear scramble of one member's hash before it enters a commutative sum.
#[inline]
fn scramble(h: u64) -> u64 {
    fold_mul(h ^ K0, K1) ^ h.rotate_left(17)
}

/// A state or value with its moved atoms left symbolic.
enum Shape {
    /// A part without moved atoms, already hashed.
    Fixed(u64),
    /// A moved atom: its index among the symmetry's atoms.
    Atom(u16),
    /// A set: the commutative sum of its members.
    Set(Vec<Shape>),
    /// A tuple or a record (its field names are in `seed`): members in order.
    Ordered(u64, Vec<Shape>),
    /// A function: the commutative sum of its (key, value) pairs.
    Fun(Vec<(Shape, Shape)>),
}

fn set_hash(len: usize, sum: u64) -> u64 {
    step(step(TAG_SET, len as u64), sum)
}

fn fun_hash(len: usize, sum: u64) -> u64 {
    step(step(TAG_FUN, len as u64), sum)
}

fn pair_hash(k: u64, v: u64) -> u64 {
    scramble(step(step(TAG_FUN, k), v))
}

fn atom_hash(v: &Value) -> u64 {
    step(TAG_ATOM, v.fingerprint())
}

fn opaque_hash(v: &Value) -> u64 {
    step(TAG_OPAQUE, v.fingerprint())
}

fn record_seed(names: impl Iterator<Item = u64>) -> u64 {
    names.fold(TAG_RECORD, step)
}

fn name_hash(name: &str) -> u64 {
    Value::Str(name.into()).fingerprint()
}

impl Shape {
    fn of(v: &Value, atoms: &[Value]) -> Shape {
        match v {
            Value::Bool(_) | Value::Int(_) | Value::Str(_) | Value::ModelValue(_) => match atoms.binary_search(v) {
                Ok(i) => Shape::Atom(i as u16),
                Err(_) => Shape::Fixed(atom_hash(v)),
            },
            Value::Set(elems) => Shape::set(elems.iter().map(|e| Shape::of(e, atoms)).collect()),
            Value::Interval(lo, hi) => Shape::set((*lo..=*hi).map(|i| Shape::of(&Value::Int(i), atoms)).collect()),
            Value::Lazy(_) => match v.enumerate() {
                Ok(elems) => Shape::set(elems.iter().map(|e| Shape::of(e, atoms)).collect()),
                Err(_) => Shape::Fixed(opaque_hash(v)),
            },
            Value::Tuple(elems) => {
                let seed = step(TAG_TUPLE, elems.len() as u64);
                Shape::ordered(seed, elems.iter().map(|e| Shape::of(e, atoms)).collect())
            }
            Value::Record(fields) => {
                let seed = record_seed(fields.iter().map(|(k, _)| name_hash(k)));
                Shape::ordered(seed, fields.iter().map(|(_, x)| Shape::of(x, atoms)).collect())
            }
            Value::Fun(f) => Shape::fun(
                f.keys.iter().zip(&f.vals).map(|(k, x)| (Shape::of(k, atoms), Shape::of(x, atoms))).collect(),
            ),
            // A lazy function is hashed as the tuple, record or function it equals.
            Value::LazyFun(f) => match crate::value::funs::materialize(&**f) {
                Ok(pairs) => Shape::of(&Value::fun_from_sorted(pairs), atoms),
                Err(_) => Shape::Fixed(opaque_hash(v)),
            },
        }
    }

    fn fixed(&self) -> Option<u64> {
        match self {
            Shape::Fixed(h) => Some(*h),
            _ => None,
        }
    }

    fn set(members: Vec<Shape>) -> Shape {
        match members.iter().map(Shape::fixed).collect::<Option<Vec<u64>>>() {
            Some(hs) => Shape::Fixed(set_hash(hs.len(), hs.into_iter().map(scramble).fold(0, u64::wrapping_add))),
            None => Shape::Set(members),
        }
    }

    fn ordered(seed: u64, members: Vec<Shape>) -> Shape {
        match members.iter().map(Shape::fixed).collect::<Option<Vec<u64>>>() {
            Some(hs) => Shape::Fixed(hs.into_iter().fold(seed, step)),
            None => Shape::Ordered(seed, members),
        }
    }

    fn fun(pairs: Vec<(Shape, Shape)>) -> Shape {
        let fixed: Option<Vec<u64>> = pairs.iter().map(|(k, v)| Some(pair_hash(k.fixed()?, v.fixed()?))).collect();
        match fixed {
            Some(hs) => Shape::Fixed(fun_hash(hs.len(), hs.into_iter().fold(0, u64::wrapping_add))),
            None => Shape::Fun(pairs),
        }
    }

    /// The hash of the value this shape was made from, with atom `i` replaced by the atom whose
    /// hash is `atom_hashes[i]`.
    fn hash(&self, atom_hashes: &[u64]) -> u64 {
        match self {
            Shape::Fixed(h) => *h,
            Shape::Atom(i) => atom_hashes[*i as usize],
            Shape::Set(members) => set_hash(
                members.len(),
                members.iter().map(|m| scramble(m.hash(atom_hashes))).fold(0, u64::wrapping_add),
            ),
            Shape::Ordered(seed, members) => members.iter().fold(*seed, |h, m| step(h, m.hash(atom_hashes))),
            Shape::Fun(pairs) => fun_hash(
                pairs.len(),
                pairs
                    .iter()
                    .map(|(k, v)| pair_hash(k.hash(atom_hashes), v.hash(atom_hashes)))
                    .fold(0, u64::wrapping_add),
            ),
        }
    }
}

/// The fingerprint of the orbit of `state`: over the identity and every permutation in
/// `images` (each maps atom indexes to atom indexes), the least tuple of the variables' hashes,
/// in lexicographic order, folded into one nonzero hash.
///
/// Lexicographic order lets permutations drop out early: after the first variable whose hash
/// depends on the permutation, usually only the few that reach its least hash remain.
pub(super) fn least_image_hash(state: &[Value], atoms: &[Value], images: &[Vec<u16>]) -> u64 {
    let shapes: Vec<Shape> = state.iter().map(|v| Shape::of(v, atoms)).collect();
    let base: Vec<u64> = atoms.iter().map(atom_hash).collect();
    // The atom hashes of each candidate permutation; the identity first.
    let mut candidates: Vec<Vec<u64>> = Vec::new();
    let mut started = false;
    let mut fp = step(TAG_STATE, state.len() as u64);
    for shape in &shapes {
        let h = match shape.fixed() {
            Some(h) => h,
            None => {
                if !started {
                    started = true;
                    candidates.push(base.clone());
                    candidates.extend(images.iter().map(|image| image.iter().map(|&j| base[j as usize]).collect()));
                }
                let hashes: Vec<u64> = candidates.iter().map(|c| shape.hash(c)).collect();
                let least = *hashes.iter().min().expect("the identity is a candidate");
                if candidates.len() > 1 {
                    let mut keep = hashes.iter().map(|&h| h == least);
                    candidates.retain(|_| keep.next().unwrap_or(false));
                }
                least
            }
        };
        fp = step(fp, h);
    }
    finish(fp)
}

fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^= h >> 33;
    h.max(1)
}
