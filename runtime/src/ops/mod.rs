//! Builtin operators of the standard and community modules, implemented on [`Value`]s.
//!
//! Lowering marks library operators whose body is `BUILTIN` as builtins named by
//! (module, operator); engines resolve them once with [`lookup`] and call the function with
//! already evaluated arguments. Operator arguments (`SelectSeq(s, Test)`, `FoldSet(Op, b, S)`)
//! arrive as [`Arg::Op`], which calls back into the engine.
//!
//! Keys are the module that defines the operator and the operator's name, infix symbols spelled
//! as the frontend's `canonical_symbol` spells them (`("Bags", "\\oplus")`). Each module has its
//! own file listing its operators in a `pub(crate) const OPS`; the plain Rust functions behind
//! them (`naturals::add`, …) are public too, for generated code and interpreter fast paths.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::value::{EvalError, EvalErrorKind, Value};

pub mod bags;
pub mod bags_ext;
pub mod bitwise;
pub mod core;
pub mod csv;
pub mod dyadic_rationals;
pub mod finite_sets;
pub mod finite_sets_ext;
pub mod folds;
pub mod functions;
pub mod graphs;
pub mod integers;
pub mod ioutils;
pub mod json;
pub mod naturals;
pub mod randomization;
pub mod reals;
pub mod relation;
pub mod sequences;
pub mod sequences_ext;
pub mod sequences_ext_higher;
pub mod serialize;
pub mod statistics;
pub mod svg;
pub mod tlc;
pub mod tlcext;
pub mod vector_clocks;

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
    /// Every environment variable, for `IOEnv`; by default the process environment.
    fn env_vars(&self) -> Vec<(String, String)> {
        std::env::vars().collect()
    }
}

pub type BuiltinFn = fn(&[Arg<'_>], &mut dyn BuiltinContext) -> Result<Value, EvalError>;

/// The operators of one module: (operator name, implementation).
pub(crate) type ModuleOps = &'static [(&'static str, BuiltinFn)];

/// Every module with builtins, by the name of the module that defines the operators.
const MODULES: &[(&str, ModuleOps)] = &[
    ("Core", core::OPS),
    ("Naturals", naturals::OPS),
    ("Integers", integers::OPS),
    ("Reals", reals::OPS),
    ("Sequences", sequences::OPS),
    ("FiniteSets", finite_sets::OPS),
    ("Bags", bags::OPS),
    ("TLC", tlc::OPS),
    ("TLCExt", tlcext::OPS),
    ("SequencesExt", sequences_ext::OPS),
    ("SequencesExt", sequences_ext_higher::OPS),
    ("FiniteSetsExt", finite_sets_ext::OPS),
    ("Functions", functions::OPS),
    ("Folds", folds::OPS),
    ("Json", json::OPS),
    ("IOUtils", ioutils::OPS),
    ("IOUtils", serialize::OPS),
    ("Bitwise", bitwise::OPS),
    ("Randomization", randomization::OPS),
    ("Relation", relation::OPS),
    ("CSV", csv::OPS),
    ("BagsExt", bags_ext::OPS),
    ("VectorClocks", vector_clocks::OPS),
    ("SVG", svg::OPS),
    ("Statistics", statistics::OPS),
    ("DyadicRationals", dyadic_rationals::OPS),
    ("Graphs", graphs::DIRECTED_OPS),
    ("UndirectedGraphs", graphs::UNDIRECTED_OPS),
];

fn registry() -> &'static HashMap<(&'static str, &'static str), BuiltinFn> {
    static REGISTRY: OnceLock<HashMap<(&'static str, &'static str), BuiltinFn>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        MODULES.iter().flat_map(|(m, ops)| ops.iter().map(move |(name, f)| ((*m, *name), *f))).collect()
    })
}

/// The implementation of operator `name` of module `module`, if tla2 implements it natively.
pub fn lookup(module: &str, name: &str) -> Option<BuiltinFn> {
    registry().get(&(module, name)).copied()
}

/// The error both engines raise when a library operator without implementation is evaluated:
/// it names the operator and, for those tla2 knowingly leaves out, says why.
pub fn unsupported(module: &str, name: &str) -> EvalError {
    let why = match (module, name) {
        ("TLCExt", "Trace") => {
            ": it is the behaviour that leads to the current state, which tla2's engines do not give to expressions"
        }
        ("TLCExt", "PickSuccessor") => ": it asks on the console which successor states to keep",
        ("TLCExt", "TLCEvalDefinition") => ": it looks a definition up by its name when the model runs",
        ("SVG", "NodesOfDirectedMultiGraph") => ": it lays graphs out with a Java library (JGraphT)",
        _ => "",
    };
    EvalError::new(
        crate::value::EvalErrorKind::Unsupported,
        format!("The operator {name} of module {module} is not implemented by tla2{why}."),
    )
}

/// Every (module, operator) pair with a native implementation, sorted (for cross-checks).
pub fn all_builtins() -> Vec<(&'static str, &'static str)> {
    let mut all: Vec<_> = registry().keys().copied().collect();
    all.sort_unstable();
    all
}

impl Arg<'_> {
    /// The argument as a value, or an error naming the operator that expected one.
    pub fn value(&self) -> Result<&Value, EvalError> {
        match self {
            Arg::Value(v) => Ok(v),
            Arg::Op(_) => Err(EvalError::type_mismatch("An operator was passed where a value was expected.")),
        }
    }

    /// The argument as an operator.
    pub fn op(&self) -> Result<&dyn OpArg, EvalError> {
        match self {
            Arg::Op(o) => Ok(*o),
            Arg::Value(v) => {
                Err(EvalError::type_mismatch(format!("The value {v} was passed where an operator was expected.")))
            }
        }
    }
}

/// The `n` arguments of a builtin as values, or an arity error.
pub(crate) fn values<'a, const N: usize>(args: &'a [Arg<'_>], name: &str) -> Result<[&'a Value; N], EvalError> {
    if args.len() != N {
        return Err(EvalError::new(
            EvalErrorKind::Other,
            format!("The operator {name} requires {N} arguments, but was given {}.", args.len()),
        ));
    }
    let mut out = [&crate::value::FALSE; N];
    for (slot, a) in out.iter_mut().zip(args) {
        *slot = a.value()?;
    }
    Ok(out)
}

/// Calls an operator argument, checking its arity first.
pub(crate) fn call_op(op: &dyn OpArg, args: &[Value], name: &str) -> Result<Value, EvalError> {
    if op.arity() != args.len() {
        return Err(EvalError::type_mismatch(format!(
            "The operator argument of {name} must take {} arguments, but takes {}.",
            args.len(),
            op.arity()
        )));
    }
    op.call(args)
}

/// Calls an operator argument that must return a boolean.
pub(crate) fn call_pred(op: &dyn OpArg, args: &[Value], name: &str) -> Result<bool, EvalError> {
    match call_op(op, args, name)? {
        Value::Bool(b) => Ok(b),
        v => Err(EvalError::type_mismatch(format!(
            "The operator argument of {name} returned the non-boolean value {v}."
        ))),
    }
}

/// The error for the only argument of a one-argument operator, worded as TLC words it.
pub(crate) fn one_arg_error(op: &str, expected: &str, got: &Value) -> EvalError {
    EvalError::type_mismatch(format!("The argument of {op} should be {expected}, but instead it is:\n{got}"))
        .from_module()
}

/// The error for an argument of the wrong kind, worded as TLC words it.
pub(crate) fn arg_error(nth: &str, op: &str, expected: &str, got: &Value) -> EvalError {
    EvalError::type_mismatch(format!("The {nth} argument of {op} should be {expected}, but instead it is:\n{got}"))
        .from_module()
}

/// Wraps a function of N values as a [`BuiltinFn`] body.
macro_rules! builtin {
    ($name:literal, || $body:expr) => {{
        $crate::ops::builtin!($name, | | $body)
    }};
    ($name:literal, |$($a:ident),*| $body:expr) => {{
        fn f(args: &[$crate::ops::Arg<'_>], _ctx: &mut dyn $crate::ops::BuiltinContext) -> Result<$crate::value::Value, $crate::value::EvalError> {
            let [$($a),*] = $crate::ops::values(args, $name)?;
            $body
        }
        ($name, f as $crate::ops::BuiltinFn)
    }};
}
pub(crate) use builtin;
