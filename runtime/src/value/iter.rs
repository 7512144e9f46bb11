//! `SetIter`: iteration over a finite set's elements in TLC's order without materializing
//! intervals (the interpreter's inner loop for `\E x \in S`, `{e : x \in S}`, …).

use std::sync::Arc;

use super::{EvalError, Value};

/// The elements of a finite set, in order. Cloning an element is cheap.
pub enum SetIter {
    Range(std::ops::RangeInclusive<i64>),
    Shared { elems: Arc<[Value]>, next: usize },
}

impl Iterator for SetIter {
    type Item = Value;

    #[inline]
    fn next(&mut self) -> Option<Value> {
        match self {
            SetIter::Range(r) => r.next().map(Value::Int),
            SetIter::Shared { elems, next } => {
                let v = elems.get(*next)?.clone();
                *next += 1;
                Some(v)
            }
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = match self {
            SetIter::Range(r) if r.is_empty() => 0,
            SetIter::Range(r) => usize::try_from(*r.end() as i128 - *r.start() as i128 + 1).unwrap_or(usize::MAX),
            SetIter::Shared { elems, next } => elems.len() - *next,
        };
        (n, Some(n))
    }
}

impl ExactSizeIterator for SetIter {}

impl Value {
    /// Iterates over the elements of a finite set in TLC's order (sorted); `NotEnumerable` for an
    /// infinite set. Intervals are not materialized.
    pub fn iter_set(&self) -> Result<SetIter, EvalError> {
        match self {
            Value::Interval(lo, hi) => Ok(SetIter::Range(*lo..=*hi)),
            Value::Set(elems) => Ok(SetIter::Shared { elems: elems.clone(), next: 0 }),
            _ => Ok(SetIter::Shared { elems: self.enumerate()?, next: 0 }),
        }
    }
}
