//! Builtins the evaluator implements itself because they need more than argument values:
//! `Print`/`PrintT` (their output carries the location of the call) and `TLCExt!AssertError`
//! (its second argument is evaluated for the error it raises).

use tla2_frontend::ir::{BuiltinId, Callee, Expr, ExprId};
use tla2_runtime::ops::Arg;
use tla2_runtime::value::{EvalError, Value};

use super::Ev;
use crate::worker::CtxRef;

/// What a builtin needs of the evaluator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Special {
    /// An ordinary builtin: a function of its arguments' values.
    None,
    Print,
    AssertError,
}

impl Special {
    pub(crate) fn of(module: &str, name: &str) -> Special {
        match (module, name) {
            ("TLC", "Print" | "PrintT") => Special::Print,
            ("TLCExt", "AssertError") => Special::AssertError,
            _ => Special::None,
        }
    }
    pub(crate) fn is_some(self) -> bool {
        self != Special::None
    }
}

impl<'a> Ev<'a> {
    /// The call `e` of the special builtin `b`.
    pub(crate) fn call_special(&self, e: ExprId, b: BuiltinId, args: &[ExprId]) -> Result<Value, EvalError> {
        match self.sh.special[b.0 as usize] {
            Special::Print => self.call_print(e, b, args),
            Special::AssertError => self.assert_error(args),
            Special::None => self.eval_call(Callee::Builtin(b), args),
        }
    }

    /// `Print`/`PrintT` at `e`: its output carries the location of `e`.
    fn call_print(&self, e: ExprId, b: BuiltinId, args: &[ExprId]) -> Result<Value, EvalError> {
        let f = self.builtin_fn(b.0 as usize).ok_or_else(|| self.missing_builtin(b))?;
        let vals: Vec<Arg> = args.iter().map(|a| self.eval(*a).map(Arg::Value)).collect::<Result<_, _>>()?;
        self.worker.borrow_mut().print_site = crate::model::span_location(self.sh, self.prog().span(e));
        f(&vals, &mut CtxRef(self.worker))
    }

    /// `AssertError(err, exp)`: TRUE iff evaluating `exp` fails with the message `err`, which
    /// must be a string literal (TLC's `TLCExt.assertError`).
    fn assert_error(&self, args: &[ExprId]) -> Result<Value, EvalError> {
        let [err, exp] = args else { return Err(EvalError::other("AssertError takes two arguments.")) };
        if !matches!(self.prog().expr(*err), Expr::Str(_)) {
            // TLC names the expression by its location.
            let at = crate::model::span_location(self.sh, self.prog().span(*err)).map_or(String::new(), |l| {
                format!(
                    "line {}, col {} to line {}, col {} of module {}",
                    l.line, l.column, l.end_line, l.end_column, l.module
                )
            });
            return Err(EvalError::other(format!(
                "In computing AssertError, a non-string expression ({at}) was used as the err of an AssertError(err, exp)."
            )));
        }
        let base = self.env_len();
        let r = self.eval(*exp);
        self.truncate(base);
        match r {
            Ok(_) => Ok(Value::Bool(false)),
            Err(e) => Ok(Value::Bool(self.eval(*err)?.as_str()? == e.message)),
        }
    }
}
