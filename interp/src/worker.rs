//! Per-worker scratch of the interpreter: the runtime's [`WorkerData`], lent to builtins.

use std::cell::RefCell;

use tla2_runtime::ops::BuiltinContext;
use tla2_runtime::value::{EvalError, Value};
pub use tla2_runtime::worker::{PrintSink, WorkerData};

/// Lends a worker to builtins one call at a time, so that an operator argument called back by
/// a builtin can itself evaluate builtins.
pub(crate) struct CtxRef<'a>(pub &'a RefCell<WorkerData>);

impl BuiltinContext for CtxRef<'_> {
    fn print(&mut self, text: &str) {
        self.0.borrow_mut().print(text)
    }
    fn tlc_get(&mut self, key: &Value) -> Result<Value, EvalError> {
        self.0.borrow_mut().tlc_get(key)
    }
    fn tlc_set(&mut self, key: &Value, value: Value) -> Result<(), EvalError> {
        self.0.borrow_mut().tlc_set(key, value)
    }
    fn random_u64(&mut self) -> u64 {
        self.0.borrow_mut().random_u64()
    }
    fn env_var(&self, name: &str) -> Option<String> {
        self.0.borrow().env_var(name)
    }
}
