//! Module `"Naturals"`: `Nat`, `+`, `-`, `*`, `^`, `\div`, `%`, `<`, `<=`, `>`, `>=`, `..`,
//! with TLC's semantics (floor division, non-negative remainder, errors on overflow).

use super::{arg_error, builtin, ModuleOps};
use crate::value::{EvalError, EvalErrorKind, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("Nat", || Ok(Value::lazy(LazySet::Nat))),
    builtin!("+", |a, b| add(a, b)),
    builtin!("-", |a, b| sub(a, b)),
    builtin!("*", |a, b| mul(a, b)),
    builtin!("^", |a, b| pow(a, b)),
    builtin!("\\div", |a, b| div(a, b)),
    builtin!("%", |a, b| rem(a, b)),
    builtin!("<", |a, b| ordered_ints(a, b, "<").map(|(x, y)| Value::Bool(x < y))),
    builtin!("<=", |a, b| ordered_ints(a, b, "<=").map(|(x, y)| Value::Bool(x <= y))),
    builtin!(">", |a, b| ordered_ints(a, b, ">").map(|(x, y)| Value::Bool(x > y))),
    builtin!(">=", |a, b| ordered_ints(a, b, ">=").map(|(x, y)| Value::Bool(x >= y))),
    builtin!("..", |a, b| ints(a, b, "..").map(|(x, y)| Value::interval(x, y))),
];

/// Both arguments of a binary integer operator, or TLC's error naming the bad one.
pub fn ints(a: &Value, b: &Value, op: &str) -> Result<(i64, i64), EvalError> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Ok((*x, *y)),
        (Value::Int(_), _) => Err(arg_error("second", op, "an integer", b)),
        _ => Err(arg_error("first", op, "an integer", a)),
    }
}

/// The operands of `<`, `<=`, `>`, `>=`: integers only, as in TLC. Strings and model values
/// have no order there (a common pitfall), so that error says what to write instead.
fn ordered_ints(a: &Value, b: &Value, op: &str) -> Result<(i64, i64), EvalError> {
    ints(a, b, op).map_err(|e| {
        if [a, b].iter().any(|v| matches!(v, Value::Str(_) | Value::ModelValue(_))) {
            e.with_hint(
                "TLC orders only integers: strings and model values cannot be compared with <, >, <= or >=. \
                 Give them an explicit integer order, e.g. Rank == [v \\in Values |-> …] and compare Rank[a] < Rank[b]",
            )
        } else {
            e
        }
    })
}

fn overflow(a: i64, op: &str, b: i64) -> EvalError {
    EvalError::overflow(format!("Overflow when computing {a} {op} {b}.")).from_module()
}

pub fn add(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "+")?;
    x.checked_add(y).map(Value::Int).ok_or_else(|| overflow(x, "+", y))
}

pub fn sub(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "-")?;
    x.checked_sub(y).map(Value::Int).ok_or_else(|| overflow(x, "-", y))
}

pub fn mul(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "*")?;
    x.checked_mul(y).map(Value::Int).ok_or_else(|| overflow(x, "*", y))
}

/// `x ^ y` for a natural `y`; `0 ^ 0` is undefined, as in TLC.
pub fn pow(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "^")?;
    if y < 0 {
        return Err(arg_error("second", "^", "a natural number", b));
    }
    if x == 0 && y == 0 {
        return Err(EvalError::new(EvalErrorKind::Other, "0^0 is undefined."));
    }
    let e = u32::try_from(y).map_err(|_| overflow(x, "^", y))?;
    x.checked_pow(e).map(Value::Int).ok_or_else(|| overflow(x, "^", y))
}

/// `x \div y`: the floor of `x / y`.
pub fn div(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "\\div")?;
    if y == 0 {
        return Err(EvalError::new(EvalErrorKind::DivisionByZero, "The second argument of \\div is 0.").from_module());
    }
    let q = x.checked_div(y).ok_or_else(|| overflow(x, "\\div", y))?;
    Ok(Value::Int(if (x % y != 0) && ((x < 0) != (y < 0)) { q - 1 } else { q }))
}

/// `x % y` for a positive `y`: the remainder in `0..y-1`.
pub fn rem(a: &Value, b: &Value) -> Result<Value, EvalError> {
    let (x, y) = ints(a, b, "%")?;
    if y <= 0 {
        let kind = if y == 0 { EvalErrorKind::DivisionByZero } else { EvalErrorKind::TypeMismatch };
        return Err(EvalError::new(kind, arg_error("second", "%", "a positive number", b).message).from_module());
    }
    Ok(Value::Int(x.rem_euclid(y)))
}
