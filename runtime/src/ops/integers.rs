//! Module `"Integers"`: `Int` and unary minus `-.`.

use super::{arg_error, builtin, ModuleOps};
use crate::value::{EvalError, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[builtin!("Int", || Ok(Value::lazy(LazySet::Int))), builtin!("-.", |a| neg(a))];

pub fn neg(a: &Value) -> Result<Value, EvalError> {
    match a {
        Value::Int(x) => {
            x.checked_neg().map(Value::Int).ok_or_else(|| EvalError::overflow(format!("Overflow when computing -{x}.")))
        }
        _ => Err(arg_error("first", "-", "an integer", a)),
    }
}
