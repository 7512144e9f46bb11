//! Native overrides of definitions from spec-local copies of library modules: TLC replaces an
//! operator by its Java implementation whenever a module of that name defines it (wherever the
//! `.tla` file was found), so a spec shipping its own `Functions.tla` or `Folds.tla` still gets
//! the fast `FoldFunctionOnSet`. tla2 does the same with its builtins, by (module, name).

use tla2_frontend::ir::{DefKind, Program};
use tla2_runtime::ops::{self, Arg, BuiltinFn};
use tla2_runtime::value::{EvalError, Value};

use super::call::{OpAdapter, Slot};
use super::Ev;
use crate::worker::CtxRef;

/// Modules whose builtins have effects (output, randomness, files): never substituted for a
/// user's text, whose constant-level analysis would cache them.
const NOT_OVERRIDDEN: &[&str] = &["TLC", "TLCExt", "Randomization", "IOUtils", "CSV", "Json", "SVG"];

/// For each definition (by index): the builtin that replaces it, if any.
pub(crate) fn native_overrides(prog: &Program) -> Vec<Option<BuiltinFn>> {
    prog.defs
        .iter()
        .map(|(_, d)| {
            if d.in_let || !matches!(d.kind, DefKind::Operator) || NOT_OVERRIDDEN.contains(&d.module.as_str()) {
                return None;
            }
            let name = d.name.rsplit('!').next().unwrap_or(&d.name);
            ops::lookup(&d.module, name)
        })
        .collect()
}

impl<'a> Ev<'a> {
    /// Calls the builtin `f` that overrides a definition, with the call's argument slots.
    pub(crate) fn call_native(&self, f: BuiltinFn, slots: Vec<Slot>) -> Result<Value, EvalError> {
        let mut closures = Vec::new();
        let mut vals = Vec::with_capacity(slots.len());
        for s in slots {
            match s {
                Slot::Val(v) => vals.push(Some(v)),
                Slot::Target(e) => vals.push(Some(self.eval(e)?)),
                Slot::Op(c) => {
                    closures.push(OpAdapter { ev: self, clo: c });
                    vals.push(None);
                }
                Slot::Lazy(_) => return Err(EvalError::other("internal: a LET slot was passed to a builtin")),
            }
        }
        let mut ops_iter = closures.iter();
        let mut args = Vec::with_capacity(vals.len());
        for v in vals {
            match v {
                Some(v) => args.push(Arg::Value(v)),
                None => match ops_iter.next() {
                    Some(op) => args.push(Arg::Op(op)),
                    None => return Err(EvalError::other("internal: argument mismatch")),
                },
            }
        }
        f(&args, &mut CtxRef(self.worker))
    }
}
