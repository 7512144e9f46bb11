//! Module `"Reals"`: what TLC supports of it, which is the set `Real` (containing the integers,
//! the only numbers TLC has); real division `/` is an error as in TLC.

use super::{builtin, ModuleOps};
use crate::value::{EvalError, EvalErrorKind, LazySet, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("Real", || Ok(Value::lazy(LazySet::Real))),
    builtin!("/", |_a, _b| Err(EvalError::new(
        EvalErrorKind::Unsupported,
        "TLC does not support real numbers: the operator / cannot be evaluated."
    ))),
    builtin!("Infinity", || Err(EvalError::new(
        EvalErrorKind::Unsupported,
        "TLC does not support real numbers: Infinity cannot be evaluated."
    ))),
];
