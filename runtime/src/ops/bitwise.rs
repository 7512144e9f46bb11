//! Module `"Bitwise"`: `&`, `|`, `^^`, `Not`, `shiftR` on naturals.

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("&", |a, b| nats(a, b, "&").map(|(x, y)| Value::Int(x & y))),
    builtin!("|", |a, b| nats(a, b, "|").map(|(x, y)| Value::Int(x | y))),
    builtin!("^^", |a, b| nats(a, b, "^^").map(|(x, y)| Value::Int(x ^ y))),
    builtin!("shiftR", |a, b| nats(a, b, "shiftR").map(|(x, y)| Value::Int(if y >= 63 { 0 } else { x >> y }))),
    builtin!("Not", |a| not(a)),
];

fn nats(a: &Value, b: &Value, op: &str) -> Result<(i64, i64), EvalError> {
    let (x, y) = super::naturals::ints(a, b, op)?;
    if x < 0 {
        return Err(super::arg_error("first", op, "a natural number", a));
    }
    if y < 0 {
        return Err(super::arg_error("second", op, "a natural number", b));
    }
    Ok((x, y))
}

/// `Not(a)`: flips the bits of `a` up to its highest set bit (`Not(0) = 1`), as Bitwise.tla.
fn not(a: &Value) -> Result<Value, EvalError> {
    let x = a.as_int()?;
    if x < 0 {
        return Err(super::arg_error("first", "Not", "a natural number", a));
    }
    // CommunityModules' NotR(x, 0, x): the bits of x up to its highest one, flipped; 0 for 0.
    if x == 0 {
        return Ok(Value::Int(0));
    }
    let bits = 64 - x.leading_zeros();
    let mask = if bits >= 63 { i64::MAX } else { (1i64 << bits) - 1 };
    Ok(Value::Int(!x & mask))
}
