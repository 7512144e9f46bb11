//! Module `"IOUtils"`: `IOEnv` (the environment as a record) and `atoi`.

use super::{values, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[("IOEnv", io_env), ("atoi", atoi)];

fn io_env(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    values::<0>(args, "IOEnv")?;
    Ok(Value::record(ctx.env_vars().into_iter().map(|(k, v)| (k, Value::str(&v)))))
}

/// `atoi(s)`: the integer that the decimal string `s` denotes, as Java's `Integer.parseInt`.
fn atoi(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [s] = values(args, "atoi")?;
    let text = s.as_str()?;
    text.trim_start_matches('+').parse::<i64>().map(Value::Int).map_err(|_| {
        EvalError::type_mismatch(format!("The argument of atoi should be a decimal integer, but instead it is:\n{s}"))
    })
}
