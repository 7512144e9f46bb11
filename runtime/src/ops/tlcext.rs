//! Module `"TLCExt"`: the operators of TLCExt that need no access to the engine's state graph.
//! `AssertError` needs its argument unevaluated: the engines implement it themselves.
//! `Trace`, `PickSuccessor` and `TLCEvalDefinition` are not implemented ([`super::unsupported`]
//! says why).

use std::sync::Arc;

use super::{call_op, values, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    ("AssertEq", assert_eq),
    ("TLCModelValue", tlc_model_value),
    ("TLCGetOrDefault", tlc_get_or_default),
    ("TLCGetAndSet", tlc_get_and_set),
    super::builtin!("TLCNoOp", |v| Ok(v.clone())),
    super::builtin!("TLCDefer", |_e| Ok(Value::Bool(true))),
    super::builtin!("TLCCache", |e, _closure| Ok(e.clone())),
    super::builtin!("TLCFP", |v| Ok(Value::Int(v.fingerprint() as u32 as i32 as i64))),
    super::builtin!("ToTrace", |ce| to_trace(ce)),
    super::builtin!("CounterExample", || Ok(no_counter_example())),
];

/// `CounterExample` outside a POSTCONDITION checked after a violation: TLC's empty
/// counterexample (TLC binds a real one only there, and tla2 checks the POSTCONDITION only
/// after a run without violation).
fn no_counter_example() -> Value {
    Value::record([("action", Value::empty_set()), ("state", Value::empty_set())])
}

/// `AssertEq(a, b)`: `a = b`, printing both values when they differ, as TLC does.
fn assert_eq(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [a, b] = values(args, "AssertEq")?;
    let eq = a == b;
    if !eq {
        ctx.print(&format!("Assertion failed: {a} # {b}"));
    }
    Ok(Value::Bool(eq))
}

fn tlc_model_value(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [name] = values(args, "TLCModelValue")?;
    Ok(Value::model_value(name.as_str()?))
}

/// `TLCGetOrDefault(key, d)`: `TLCGet(key)` if the register or statistic exists, else `d`.
fn tlc_get_or_default(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [key, default] = values(args, "TLCGetOrDefault")?;
    Ok(ctx.tlc_get(key).unwrap_or_else(|_| default.clone()))
}

/// `TLCGetAndSet(key, Op, val, d)`: sets the register to `Op(old, val)` and returns `old`.
fn tlc_get_and_set(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [key, op, val, default] = args else { return Err(EvalError::other("TLCGetAndSet takes 4 arguments.")) };
    let key = key.value()?;
    let old = ctx.tlc_get(key).unwrap_or_else(|_| default.value().cloned().unwrap_or(Value::Bool(false)));
    let new = call_op(op.op()?, &[old.clone(), val.value()?.clone()], "TLCGetAndSet")?;
    ctx.tlc_set(key, new)?;
    Ok(old)
}

/// `ToTrace(CE)`: the states of a `CounterExample` record as a sequence, ordered by index.
fn to_trace(ce: &Value) -> Result<Value, EvalError> {
    let states = ce.field("state")?.enumerate()?;
    let mut indexed: Vec<(i64, Value)> = Vec::with_capacity(states.len());
    for s in states.iter() {
        indexed.push((s.apply(&Value::Int(1))?.as_int()?, s.apply(&Value::Int(2))?));
    }
    indexed.sort_by_key(|(i, _)| *i);
    Ok(Value::Tuple(Arc::from(indexed.into_iter().map(|(_, s)| s).collect::<Vec<_>>())))
}
