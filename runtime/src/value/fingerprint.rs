//! State fingerprints: a fixed-seed 64-bit hash over the canonical encoding of values.
//!
//! The canonical encoding (`Value::walk`) is the same whatever representation a value has
//! (`1..3` and `{1, 2, 3}`; a lazy function and the tuple it equals), so equal values have equal
//! fingerprints and equal `Hash`es. It is stable across runs and platforms (no random seed, no
//! pointer values, integers encoded as little-endian words). 0 is never a fingerprint: the seen
//! set uses it as the empty slot.

use super::order::{FnView, SetView};
use super::{LazySet, Value};

/// Receives the canonical encoding of a value.
pub trait Sink {
    fn word(&mut self, w: u64);
    fn bytes(&mut self, b: &[u8]);
}

const TAG_BOOL: u64 = 1;
const TAG_INT: u64 = 2;
const TAG_STR: u64 = 3;
const TAG_MODEL_VALUE: u64 = 4;
const TAG_SET: u64 = 5;
const TAG_FUN: u64 = 6;
const TAG_OPAQUE_SET: u64 = 7;
const TAG_OPAQUE_FUN: u64 = 8;
const TAG_TUPLE: u64 = 9;
const TAG_RECORD: u64 = 10;

const SEED: u64 = 0x243F_6A88_85A3_08D3;
const K0: u64 = 0x9E37_79B9_7F4A_7C15;
const K1: u64 = 0xC2B2_AE3D_27D4_EB4F;

/// A streaming fingerprint hasher (a 64×64→128-bit multiply-fold mixer with a fixed seed).
#[derive(Clone, Debug)]
pub struct Fp {
    state: u64,
}

impl Default for Fp {
    fn default() -> Fp {
        Fp::new()
    }
}

#[inline]
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

impl Fp {
    pub fn new() -> Fp {
        Fp { state: SEED }
    }

    #[inline]
    pub fn write_u64(&mut self, w: u64) {
        self.state = fold_mul(self.state ^ w ^ K1, K0).wrapping_add(w.rotate_left(29));
    }

    pub fn write_bytes(&mut self, b: &[u8]) {
        let mut chunks = b.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.write_u64(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 56));
        }
    }

    /// The fingerprint of everything written so far; never 0.
    pub fn finish(&self) -> u64 {
        let mut h = self.state;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
        h ^= h >> 33;
        if h == 0 {
            1
        } else {
            h
        }
    }
}

impl Sink for Fp {
    #[inline]
    fn word(&mut self, w: u64) {
        self.write_u64(w);
    }
    fn bytes(&mut self, b: &[u8]) {
        self.write_bytes(b);
    }
}

/// The fingerprint of a state (one value per variable, in declaration order), or of a `VIEW`.
pub fn fingerprint_values(values: &[Value]) -> u64 {
    let mut fp = Fp::new();
    fp.write_u64(values.len() as u64);
    for v in values {
        v.fingerprint_into(&mut fp);
    }
    fp.finish()
}

fn walk_str(s: &str, tag: u64, sink: &mut impl Sink) {
    sink.word(tag);
    sink.word(s.len() as u64);
    sink.bytes(s.as_bytes());
}

impl Value {
    /// Streams this value's canonical encoding into a fingerprint.
    pub fn fingerprint_into(&self, h: &mut Fp) {
        self.walk(h);
    }

    /// The fingerprint of this value alone.
    pub fn fingerprint(&self) -> u64 {
        let mut fp = Fp::new();
        self.walk(&mut fp);
        fp.finish()
    }

    /// Emits the canonical encoding: a kind tag, then the content in canonical order.
    pub(crate) fn walk(&self, sink: &mut impl Sink) {
        match self {
            Value::Bool(b) => {
                sink.word(TAG_BOOL);
                sink.word(*b as u64);
            }
            Value::Int(i) => {
                sink.word(TAG_INT);
                sink.word(*i as u64);
            }
            Value::Str(s) => walk_str(s, TAG_STR, sink),
            Value::ModelValue(s) => walk_str(s, TAG_MODEL_VALUE, sink),
            Value::Set(elems) => {
                sink.word(TAG_SET);
                sink.word(elems.len() as u64);
                elems.iter().for_each(|e| e.walk(sink));
            }
            Value::Interval(lo, hi) => {
                sink.word(TAG_SET);
                sink.word(if hi < lo { 0 } else { (*hi as i128 - *lo as i128 + 1) as u64 });
                for i in *lo..=*hi {
                    sink.word(TAG_INT);
                    sink.word(i as u64);
                }
            }
            // Canonical form makes every function over `1..n` a tuple and every function over
            // strings a record, so each of the three forms can be encoded on its own terms.
            Value::Tuple(elems) => {
                sink.word(TAG_TUPLE);
                sink.word(elems.len() as u64);
                elems.iter().for_each(|e| e.walk(sink));
            }
            Value::Record(fields) => {
                sink.word(TAG_RECORD);
                sink.word(fields.len() as u64);
                for (k, v) in fields.iter() {
                    sink.word(k.len() as u64);
                    sink.bytes(k.as_bytes());
                    v.walk(sink);
                }
            }
            Value::Fun(f) => {
                sink.word(TAG_FUN);
                sink.word(f.keys.len() as u64);
                for (k, v) in f.keys.iter().zip(&f.vals) {
                    k.walk(sink);
                    v.walk(sink);
                }
            }
            Value::Lazy(_) => walk_lazy_set(self, sink),
            Value::LazyFun(_) => walk_lazy_fun(self, sink),
        }
    }
}

fn walk_lazy_set(v: &Value, sink: &mut impl Sink) {
    match SetView::of(v) {
        Some(SetView::Owned(elems)) => {
            sink.word(TAG_SET);
            sink.word(elems.len() as u64);
            elems.iter().for_each(|e| e.walk(sink));
        }
        _ => {
            sink.word(TAG_OPAQUE_SET);
            if let Value::Lazy(l) = v {
                if matches!(**l, LazySet::Custom(_)) {
                    sink.bytes(b"custom");
                }
            }
            sink.bytes(v.to_string().as_bytes());
        }
    }
}

fn walk_lazy_fun(v: &Value, sink: &mut impl Sink) {
    match FnView::of(v) {
        // Canonicalized first, so that it encodes as the tuple, record or function it equals.
        Some(FnView::Owned(pairs)) => Value::fun_from_sorted(pairs).walk(sink),
        _ => {
            sink.word(TAG_OPAQUE_FUN);
            sink.bytes(v.to_string().as_bytes());
        }
    }
}
