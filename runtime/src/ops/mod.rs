//! Builtin operators of the standard and community modules, implemented on [`Value`]s.
//!
//! Lowering marks library operators whose body is `BUILTIN` as builtins named by
//! (module, operator); engines resolve them once with [`lookup`] and call the function with
//! already evaluated arguments. Operator arguments (`SelectSeq(s, Test)`, `FoldSet(Op, b, S)`)
//! arrive as [`Arg::Op`], which calls back into the engine.

use crate::value::{EvalError, Value};

/// An operator passed as an argument: the engine's closure for a definition or LAMBDA.
pub trait OpArg {
    fn arity(&self) -> usize;
    fn call(&self, args: &[Value]) -> Result<Value, EvalError>;
}

/// One argument of a builtin.
pub enum Arg<'a> {
    Value(Value),
    Op(&'a dyn OpArg),
}

/// What builtins may ask of the engine that runs them.
pub trait BuiltinContext {
    /// Output of `Print`/`PrintT` (already formatted as TLC prints it).
    fn print(&mut self, text: &str);
    /// `TLCGet(key)`: integer registers and the engine's statistics ("level", "distinct", …).
    fn tlc_get(&mut self, key: &Value) -> Result<Value, EvalError>;
    /// `TLCSet(i, v)`.
    fn tlc_set(&mut self, key: &Value, value: Value) -> Result<(), EvalError>;
    /// Randomness for `RandomElement` and Randomization (seeded by the engine, reproducible).
    fn random_u64(&mut self) -> u64;
    /// Environment variables for `IOEnv`, taken from the engine so tests can set them.
    fn env_var(&self, name: &str) -> Option<String>;
}

pub type BuiltinFn = fn(&[Arg<'_>], &mut dyn BuiltinContext) -> Result<Value, EvalError>;
