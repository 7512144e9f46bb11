//! Module `"FiniteSets"`: `IsFiniteSet`, `Cardinality`.

use super::{builtin, ModuleOps};
use crate::value::Value;

pub(crate) const OPS: ModuleOps = &[
    builtin!("IsFiniteSet", |s| s.is_finite_set().map(Value::Bool)),
    builtin!("Cardinality", |s| s.cardinality().map(Value::Int)),
];
