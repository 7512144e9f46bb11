//! The whole check run around the engines, for any spec: ASSUME, breadth-first search or
//! simulation, temporal properties, POSTCONDITION, ALIAS, and the report in every output format
//! with TLC's exit code. `tla2 check` (interpreter) and every compiled checker call [`run`], so
//! both give the same reports from the same flags (architecture invariant 2).
//!
//! What the driver needs beyond [`Model`] is the [`SpecModel`] trait: the parts of a cfg that are
//! not checked per state (ASSUME, POSTCONDITION, ALIAS, PROPERTY, constants) and the model's own
//! warnings.

mod notes;
mod output;
mod post;
mod run;
pub mod trace_diag;

pub use output::{Deadline, MachineOutput};
pub use run::{main, run, take_timeout};

use crate::liveness::{LivenessError, LivenessOptions, LivenessResult};
use crate::model::{ActionId, EngineSnapshot, Model, ModelError, PropertyInfo};
use crate::report::json::{Note, RunInfo};
use crate::report::CheckResult;
use crate::value::Value;
use crate::worker::PrintSink;

/// What the report says about the spec before it runs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpecInfo {
    /// The root module.
    pub module: String,
    pub init: Option<String>,
    pub next: Option<String>,
    pub invariants: Vec<String>,
    pub properties: Vec<String>,
}

/// The result of checking the PROPERTYs: `properties[i]` describes the property that a
/// violation's `property` index refers to.
pub struct TemporalOutcome<S> {
    pub properties: Vec<PropertyInfo>,
    pub result: LivenessResult<S>,
}

/// A spec as the check driver runs it: a [`Model`] plus the cfg's run-level parts.
pub trait SpecModel: Model + Sized {
    fn spec_info(&self) -> SpecInfo;
    /// The cfg's constants with their values (`None` when a value cannot be computed).
    fn constants(&self) -> Vec<(String, Option<Value>)>;
    /// `(path, text)` of the spec's source files, for the context lines of reports.
    fn sources(&self) -> Vec<(String, String)> {
        Vec::new()
    }
    /// The model's own warnings (constant invariants, SYMMETRY with liveness…).
    fn warnings(&self) -> Vec<Note> {
        Vec::new()
    }

    /// What the model adds to the report once the run is over (the trace-validation diagnosis
    /// of [`trace_diag`]): printed when `human`, else added to `info` for the machine formats.
    fn report_extras(&self, result: &CheckResult, info: &mut RunInfo, human: bool) {
        trace_diag::report(self, result, info, human);
    }

    /// The log of a trace-validation spec (the value of its zero-arity `TraceLog` definition, a
    /// sequence); `None` for other specs.
    fn trace_log(&self) -> Option<Vec<Value>> {
        None
    }

    /// Why action `action` (an index into `actions()`) has no successor from `state`: how many
    /// of its conjuncts hold before the first false one (through called definitions), and that
    /// one with its location and the values of its operands. `None`: this model cannot say.
    fn explain_action(&self, action: ActionId, state: &Self::State) -> Option<trace_diag::ActionExplanation> {
        let _ = (action, state);
        None
    }

    /// False when actions that never fire say nothing about the model (trace validation), so
    /// the dead-action warning would only be noise.
    fn warns_dead_actions(&self) -> bool {
        self.trace_log().is_none()
    }

    /// The cfg's `CHECK_DEADLOCK`, if given.
    fn cfg_check_deadlock(&self) -> Option<bool>;
    /// The record `TLCGet("config")` answers.
    fn set_tlc_config(&mut self, config: Value);
    /// Where `Print`/`PrintT` output goes.
    fn set_print_sink(&mut self, sink: PrintSink);

    fn assumptions(&self) -> &[PropertyInfo];
    /// The index of the first false ASSUME, if any.
    fn check_assumptions(&self) -> Result<Option<usize>, ModelError>;

    /// The POSTCONDITION, if the cfg has one.
    fn postcondition(&self) -> Option<PropertyInfo> {
        None
    }
    /// `Some(false)` when the POSTCONDITION is false after the search described by `snapshot`.
    fn check_postcondition(&self, _snapshot: &EngineSnapshot) -> Result<Option<bool>, ModelError> {
        Ok(None)
    }

    /// True if the cfg has an ALIAS.
    fn has_alias(&self) -> bool {
        false
    }
    /// The ALIAS record of a state given by its variable values; `None` if it cannot be evaluated.
    fn alias_values(&self, _values: &[Value]) -> Option<Vec<(String, Value)>> {
        None
    }

    /// True if the cfg has PROPERTYs.
    fn has_temporal_properties(&self) -> bool {
        !self.spec_info().properties.is_empty()
    }
    /// Checks every PROPERTY on the whole reachable state graph.
    fn check_temporal_properties(&self, opts: &LivenessOptions) -> TemporalOutcome<Self::State>;
    /// Checks every PROPERTY on one finite behaviour of a simulation, whose every state may
    /// stutter forever unless fairness forbids it (TLC's semantics in simulation).
    fn check_temporal_on_trace(&self, behaviour: &[(Option<ActionId>, Self::State)]) -> TemporalOutcome<Self::State> {
        let _ = behaviour;
        let message = "this checker cannot check temporal properties in simulation".to_string();
        let error = LivenessError::Unsupported { property: self.spec_info().properties.join(", "), message };
        TemporalOutcome {
            properties: Vec::new(),
            result: LivenessResult { verdict: Err(error), stats: Default::default() },
        }
    }
}
