//! A compact binary encoding of [`Value`]s, for states written to disk (the BFS queue spill).
//!
//! Each value is a tag byte and its contents; integers and lengths are LEB128 varints
//! (integers zigzagged). Containers are written in their canonical order and read back as is,
//! so a decoded value is equal to the original, fingerprint included. Values defined by code
//! (custom lazy sets, lazy functions) have no encoding: [`encode`] returns false for them.

use super::{FunValue, LazySet, Value};
use std::sync::Arc;

const FALSE: u8 = 0;
const TRUE: u8 = 1;
const INT: u8 = 2;
const STR: u8 = 3;
const MODEL_VALUE: u8 = 4;
const SET: u8 = 5;
const INTERVAL: u8 = 6;
const TUPLE: u8 = 7;
const RECORD: u8 = 8;
const FUN: u8 = 9;
const NAT: u8 = 10;
const INT_SET: u8 = 11;
const REAL: u8 = 12;
const STRINGS: u8 = 13;
const SUBSET: u8 = 14;
const FUN_SET: u8 = 15;
const RECORD_SET: u8 = 16;
const SEQ: u8 = 17;
const PRODUCT: u8 = 18;
const UNION: u8 = 19;

/// Appends `v` to `out`; false (with `out` partly written) if `v` holds a value without an
/// encoding.
pub fn encode(v: &Value, out: &mut Vec<u8>) -> bool {
    match v {
        Value::Bool(b) => out.push(if *b { TRUE } else { FALSE }),
        Value::Int(i) => {
            out.push(INT);
            put_int(*i, out);
        }
        Value::Str(s) => {
            out.push(STR);
            put_str(s, out);
        }
        Value::ModelValue(s) => {
            out.push(MODEL_VALUE);
            put_str(s, out);
        }
        Value::Set(xs) => return put_list(SET, xs, out),
        Value::Interval(lo, hi) => {
            out.push(INTERVAL);
            put_int(*lo, out);
            put_int(*hi, out);
        }
        Value::Tuple(xs) => return put_list(TUPLE, xs, out),
        Value::Record(fields) => {
            out.push(RECORD);
            put_len(fields.len(), out);
            for (name, value) in fields.iter() {
                put_str(name, out);
                if !encode(value, out) {
                    return false;
                }
            }
        }
        Value::Fun(f) => {
            out.push(FUN);
            put_len(f.keys.len(), out);
            return f.keys.iter().chain(&f.vals).all(|x| encode(x, out));
        }
        Value::Lazy(set) => return encode_lazy(set, out),
        Value::LazyFun(_) => return false,
    }
    true
}

fn encode_lazy(set: &LazySet, out: &mut Vec<u8>) -> bool {
    match set {
        LazySet::Nat => out.push(NAT),
        LazySet::Int => out.push(INT_SET),
        LazySet::Real => out.push(REAL),
        LazySet::Strings => out.push(STRINGS),
        LazySet::Subset(s) => {
            out.push(SUBSET);
            return encode(s, out);
        }
        LazySet::FunSet(s, t) => {
            out.push(FUN_SET);
            return encode(s, out) && encode(t, out);
        }
        LazySet::RecordSet(fields) => {
            out.push(RECORD_SET);
            put_len(fields.len(), out);
            for (name, value) in fields {
                put_str(name, out);
                if !encode(value, out) {
                    return false;
                }
            }
        }
        LazySet::Seq(s) => {
            out.push(SEQ);
            return encode(s, out);
        }
        LazySet::Product(xs) => return put_list(PRODUCT, xs, out),
        LazySet::Union(s) => {
            out.push(UNION);
            return encode(s, out);
        }
        LazySet::Custom(_) => return false,
    }
    true
}

fn put_list(tag: u8, xs: &[Value], out: &mut Vec<u8>) -> bool {
    out.push(tag);
    put_len(xs.len(), out);
    xs.iter().all(|x| encode(x, out))
}

fn put_varint(mut n: u64, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn put_int(i: i64, out: &mut Vec<u8>) {
    put_varint(((i << 1) ^ (i >> 63)) as u64, out);
}

fn put_len(n: usize, out: &mut Vec<u8>) {
    put_varint(n as u64, out);
}

fn put_str(s: &str, out: &mut Vec<u8>) {
    put_len(s.len(), out);
    out.extend_from_slice(s.as_bytes());
}

/// Reads values written by [`encode`] from a byte slice.
pub struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Decoder<'a> {
    pub fn new(bytes: &'a [u8]) -> Decoder<'a> {
        Decoder { bytes, at: 0 }
    }

    /// True when every byte has been read.
    pub fn is_done(&self) -> bool {
        self.at == self.bytes.len()
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn varint(&mut self) -> Option<u64> {
        let mut n = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Some(n);
            }
        }
        None
    }

    fn int(&mut self) -> Option<i64> {
        let z = self.varint()?;
        Some(((z >> 1) as i64) ^ -((z & 1) as i64))
    }

    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.varint()?).ok()?;
        // Every element takes at least a byte: a longer length is corrupt input.
        (n <= self.bytes.len() - self.at).then_some(n)
    }

    fn str(&mut self) -> Option<Arc<str>> {
        let n = self.len()?;
        let s = std::str::from_utf8(self.bytes.get(self.at..self.at + n)?).ok()?;
        self.at += n;
        Some(Arc::from(s))
    }

    fn list(&mut self) -> Option<Vec<Value>> {
        let n = self.len()?;
        (0..n).map(|_| self.value()).collect()
    }

    /// The next value; `None` on malformed input.
    pub fn value(&mut self) -> Option<Value> {
        Some(match self.byte()? {
            FALSE => Value::Bool(false),
            TRUE => Value::Bool(true),
            INT => Value::Int(self.int()?),
            STR => Value::Str(self.str()?),
            MODEL_VALUE => Value::ModelValue(self.str()?),
            SET => Value::Set(Arc::from(self.list()?)),
            INTERVAL => Value::Interval(self.int()?, self.int()?),
            TUPLE => Value::Tuple(Arc::from(self.list()?)),
            RECORD => {
                let n = self.len()?;
                let fields: Option<Vec<(Arc<str>, Value)>> =
                    (0..n).map(|_| Some((self.str()?, self.value()?))).collect();
                Value::Record(Arc::from(fields?))
            }
            FUN => {
                let n = self.len()?;
                let keys: Option<Vec<Value>> = (0..n).map(|_| self.value()).collect();
                let keys = keys?;
                let vals: Option<Vec<Value>> = (0..n).map(|_| self.value()).collect();
                Value::Fun(Arc::new(FunValue { keys, vals: vals? }))
            }
            NAT => Value::Lazy(Arc::new(LazySet::Nat)),
            INT_SET => Value::Lazy(Arc::new(LazySet::Int)),
            REAL => Value::Lazy(Arc::new(LazySet::Real)),
            STRINGS => Value::Lazy(Arc::new(LazySet::Strings)),
            SUBSET => Value::Lazy(Arc::new(LazySet::Subset(self.value()?))),
            FUN_SET => {
                let s = self.value()?;
                Value::Lazy(Arc::new(LazySet::FunSet(s, self.value()?)))
            }
            RECORD_SET => {
                let n = self.len()?;
                let fields: Option<Vec<(Arc<str>, Value)>> =
                    (0..n).map(|_| Some((self.str()?, self.value()?))).collect();
                Value::Lazy(Arc::new(LazySet::RecordSet(fields?)))
            }
            SEQ => Value::Lazy(Arc::new(LazySet::Seq(self.value()?))),
            PRODUCT => Value::Lazy(Arc::new(LazySet::Product(self.list()?))),
            UNION => Value::Lazy(Arc::new(LazySet::Union(self.value()?))),
            _ => return None,
        })
    }
}

/// Encodes a state (its variables' values in order); false if a value has no encoding.
pub fn encode_state(values: &[Value], out: &mut Vec<u8>) -> bool {
    put_len(values.len(), out);
    values.iter().all(|v| encode(v, out))
}

/// Decodes a state written by [`encode_state`].
pub fn decode_state(bytes: &[u8]) -> Option<Box<[Value]>> {
    let mut d = Decoder::new(bytes);
    let values = d.list()?;
    d.is_done().then(|| values.into_boxed_slice())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(v: &Value) -> Value {
        let mut out = Vec::new();
        assert!(encode(v, &mut out), "{v:?} has an encoding");
        let mut d = Decoder::new(&out);
        let back = d.value().expect("decodes");
        assert!(d.is_done());
        back
    }

    #[test]
    fn every_encodable_kind_round_trips_with_its_fingerprint() {
        let ints = Value::Set(Arc::from(vec![Value::int(-3), Value::int(0), Value::int(1 << 40)]));
        let record = Value::Record(Arc::from(vec![
            (Arc::from("a"), Value::str("x")),
            (Arc::from("b"), Value::Tuple(Arc::from(vec![Value::bool(true), Value::model_value("p1")]))),
        ]));
        let fun = Value::Fun(Arc::new(FunValue {
            keys: vec![Value::model_value("p1"), Value::model_value("p2")],
            vals: vec![ints.clone(), Value::empty_set()],
        }));
        let values = vec![
            Value::bool(false),
            Value::bool(true),
            Value::int(i64::MIN),
            Value::int(i64::MAX),
            Value::int(-1),
            Value::str(""),
            Value::str("héllo"),
            Value::model_value("m"),
            ints.clone(),
            Value::Interval(-2, 5),
            Value::Interval(3, 1),
            Value::Tuple(Arc::from(Vec::new())),
            record.clone(),
            fun.clone(),
            Value::Lazy(Arc::new(LazySet::Nat)),
            Value::Lazy(Arc::new(LazySet::Int)),
            Value::Lazy(Arc::new(LazySet::Real)),
            Value::Lazy(Arc::new(LazySet::Strings)),
            Value::Lazy(Arc::new(LazySet::Subset(ints.clone()))),
            Value::Lazy(Arc::new(LazySet::FunSet(ints.clone(), Value::Interval(0, 1)))),
            Value::Lazy(Arc::new(LazySet::RecordSet(vec![(Arc::from("f"), ints.clone())]))),
            Value::Lazy(Arc::new(LazySet::Seq(ints.clone()))),
            Value::Lazy(Arc::new(LazySet::Product(vec![ints.clone(), Value::Interval(1, 2)]))),
            Value::Lazy(Arc::new(LazySet::Union(Value::Set(Arc::from(vec![ints.clone()]))))),
            Value::Set(Arc::from(vec![record, fun])),
        ];
        for v in &values {
            let back = round_trip(v);
            assert_eq!(&back, v);
            assert_eq!(
                super::super::fingerprint_values(std::slice::from_ref(&back)),
                super::super::fingerprint_values(std::slice::from_ref(v))
            );
        }
        let mut out = Vec::new();
        assert!(encode_state(&values, &mut out));
        assert_eq!(decode_state(&out).unwrap().to_vec(), values);
    }

    #[test]
    fn truncated_or_corrupt_input_is_refused() {
        let mut out = Vec::new();
        encode_state(&[Value::str("abc"), Value::int(300)], &mut out);
        for n in 0..out.len() {
            assert!(decode_state(&out[..n]).is_none());
        }
        assert!(decode_state(&[1, 200]).is_none());
    }
}
