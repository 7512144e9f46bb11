//! Module `"DyadicRationals"`: `Reduce`, the one operator TLC implements natively.

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[builtin!("Reduce", |p| reduce(p))];

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// `Reduce(p)`: the record `[num, den]` divided by the greatest common divisor of both.
fn reduce(p: &Value) -> Result<Value, EvalError> {
    let (num, den) = (p.field("num")?.as_int()?, p.field("den")?.as_int()?);
    // The divisor fits in an i64 unless both are i64::MIN, where dividing by 1 is still right.
    let g = i64::try_from(gcd(num.unsigned_abs(), den.unsigned_abs())).unwrap_or(1).max(1);
    Ok(Value::record([("num", Value::Int(num / g)), ("den", Value::Int(den / g))]))
}
