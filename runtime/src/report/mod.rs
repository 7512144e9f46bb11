//! The report model of a run and its renderings (human, TLC-compatible text first).
//!
//! A [`CheckResult`] is everything a renderer needs: the verdict, the counterexample as full
//! states, and the statistics. It is rich on purpose (locations, per-action counts, queue
//! sizes) so that the JSON renderings can be written from it without asking the engine again.

pub mod detail;
pub mod dump;
pub mod explain;
pub mod human;
pub mod json;
pub mod jsonl;
pub mod sarif;
pub mod trace_validation;

use crate::model::{ActionInfo, ModelError, PropertyInfo};
use crate::value::{EvalErrorKind, Value};
use std::time::Duration;

/// TLC's process exit codes (`tlc2.output.EC.ExitStatus`).
pub mod exit_code {
    pub const SUCCESS: i32 = 0;
    pub const VIOLATION_ASSUMPTION: i32 = 10;
    pub const VIOLATION_DEADLOCK: i32 = 11;
    pub const VIOLATION_SAFETY: i32 = 12;
    pub const VIOLATION_LIVENESS: i32 = 13;
    pub const VIOLATION_ASSERT: i32 = 14;
    pub const FAILURE_SPEC_EVAL: i32 = 75;
    pub const FAILURE_SAFETY_EVAL: i32 = 76;
    pub const FAILURE_LIVENESS_EVAL: i32 = 77;
    pub const ERROR_SPEC_PARSE: i32 = 150;
    pub const ERROR_CONFIG_PARSE: i32 = 151;
    pub const ERROR_STATESPACE_TOO_LARGE: i32 = 152;
    pub const ERROR_SYSTEM: i32 = 153;
    pub const ERROR: i32 = 255;
}

/// What the model was evaluating when an evaluation error happened; it decides TLC's message
/// and exit code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorContext {
    /// Computing the initial states.
    Init,
    /// Computing the successors of the last state of the trace.
    Next,
    /// Evaluating a state or action constraint.
    Constraint,
    /// Evaluating the invariants of the last state of the trace.
    Invariant,
    /// Evaluating the action properties of the last step of the trace.
    ActionProperty,
}

/// The verdict of a run.
#[derive(Debug, Clone, PartialEq)]
pub enum Status {
    /// The whole reachable state space was explored without a violation.
    Success,
    /// Invariant `index` of [`crate::model::Model::invariants`] is false in the last state of
    /// the trace; `initial` when that state is an initial state.
    InvariantViolation { index: usize, property: PropertyInfo, initial: bool },
    /// Action property `index` is false on the last step of the trace.
    ActionPropertyViolation { index: usize, property: PropertyInfo },
    /// A temporal PROPERTY is violated. With `initial`, a state-predicate conjunct is false in
    /// the initial state that is the whole trace; otherwise the trace is a lasso: its last state
    /// leads back to trace state `loop_start` (0-based) through `loop_action`, or stutters
    /// forever when `loop_start` is `None`.
    TemporalViolation {
        property: PropertyInfo,
        initial: bool,
        loop_start: Option<usize>,
        loop_action: Option<ActionInfo>,
    },
    /// The last state of the trace has no successor at all.
    Deadlock,
    /// The model could not evaluate something; the trace leads to the state where it happened.
    EvalError { error: ModelError, context: ErrorContext },
    /// An ASSUME of the spec is false (raised by the caller before checking starts).
    AssumptionFailure { message: String },
    /// The POSTCONDITION is false, or could not be evaluated, after a complete run (TLC's
    /// "Postcondition P at L is false."; exit code 10 like an assumption).
    PostconditionFailure { message: String },
    /// The run was stopped from outside (Ctrl-C, time limit) before it finished.
    Interrupted,
    /// The engine could not rebuild the counterexample by replay. This is tla2's bug (or a
    /// nondeterministic model), reported instead of a trace that might be wrong.
    TraceReplayFailed { message: String },
    /// The run could not go on for want of a resource: a spill file of the metadirectory could
    /// not be written or read back (disk full, I/O error). TLC's system error (exit 153).
    ResourceExhausted { message: String },
}

impl Status {
    /// TLC's exit code for this verdict.
    pub fn exit_code(&self) -> i32 {
        match self {
            Status::Success => exit_code::SUCCESS,
            Status::InvariantViolation { .. } => exit_code::VIOLATION_SAFETY,
            Status::ActionPropertyViolation { .. } | Status::TemporalViolation { .. } => exit_code::VIOLATION_LIVENESS,
            Status::Deadlock => exit_code::VIOLATION_DEADLOCK,
            Status::AssumptionFailure { .. } | Status::PostconditionFailure { .. } => exit_code::VIOLATION_ASSUMPTION,
            // TLC has no code for these; they are not verdicts about the spec.
            Status::TraceReplayFailed { .. } | Status::Interrupted => exit_code::ERROR,
            Status::ResourceExhausted { .. } => exit_code::ERROR_SYSTEM,
            Status::EvalError { error, context } => eval_error_exit_code(error, context),
        }
    }

    pub fn is_success(&self) -> bool {
        matches!(self, Status::Success)
    }
}

fn eval_error_exit_code(error: &ModelError, context: &ErrorContext) -> i32 {
    // TLC reports a failed Assert as an assertion violation wherever it is evaluated.
    if error.error.kind == EvalErrorKind::AssertionFailed {
        return exit_code::VIOLATION_ASSERT;
    }
    // Something tla2 cannot evaluate yet is not a verdict about the spec.
    if error.error.kind == EvalErrorKind::Unsupported {
        return exit_code::ERROR;
    }
    // A module's complaint about its arguments is a TLC_MODULE_* error, which TLC does not map
    // to an evaluation-failure exit code.
    if error.error.module_error && !matches!(context, ErrorContext::Invariant | ErrorContext::ActionProperty) {
        return exit_code::ERROR;
    }
    match context {
        ErrorContext::Invariant => exit_code::FAILURE_SAFETY_EVAL,
        // TLC maps TLC_ACTION_PROPERTY_EVALUATION_FAILED to the liveness violation code.
        ErrorContext::ActionProperty => exit_code::VIOLATION_LIVENESS,
        ErrorContext::Init | ErrorContext::Next | ErrorContext::Constraint => exit_code::FAILURE_SPEC_EVAL,
    }
}

/// One state of a counterexample.
#[derive(Debug, Clone, PartialEq)]
pub struct TraceStep {
    /// The values of the variables, in [`CheckResult::variables`] order.
    pub values: Vec<Value>,
    /// The action that produced the state; `None` for an initial state.
    pub action: Option<ActionInfo>,
    /// The state's fingerprint, as the model computes it.
    pub fingerprint: u64,
}

/// Counts for one action (TLC's coverage: states found by it and new states among them).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionStats {
    pub generated: u64,
    pub distinct: u64,
}

/// How many new states each expanded state contributed (TLC's "outdegree" line).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OutDegree {
    pub min: u64,
    pub mean: u64,
    pub percentile95: u64,
    pub max: u64,
}

/// Statistics of a run, with TLC's definitions: `generated` counts initial states and every
/// successor produced (also those a constraint excludes); `distinct` counts the states in the
/// seen set (never those a constraint excludes); `depth` is the largest level of a distinct
/// state, initial states being level 1.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub generated: u64,
    pub distinct: u64,
    pub left_on_queue: u64,
    pub depth: u32,
    pub initial_generated: u64,
    pub initial_distinct: u64,
    /// Indexed like [`crate::model::Model::actions`]. Exact when the run explores everything;
    /// after a violation they also count the rest of the batch of states being expanded.
    pub per_action: Vec<ActionStats>,
    /// The largest number of states waiting to be expanded at any time.
    pub max_queue: u64,
    pub outdegree: Option<OutDegree>,
    pub duration: Duration,
    pub workers: usize,
    /// True when exploration stopped at the `max_depth` option with states left unexplored.
    pub depth_limited: bool,
    /// The smallest distance between two fingerprints of the seen set, computed (as TLC does)
    /// after a successful run whose optimistic collision estimate is at least 1e-10.
    pub fingerprint_min_distance: Option<u64>,
    /// Where the seen set, the parent links and the queue were at the end of the run.
    pub memory: MemoryStats,
    /// The behaviour graph built to check the temporal properties, when there was one.
    pub liveness_graph: Option<crate::liveness::GraphStats>,
}

/// The memory of the engine's per-state structures at the end of a run, and what spilled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MemoryStats {
    /// Bytes of the seen set in memory (tables and the index of its file).
    pub seen_bytes: u64,
    /// Bytes of the parent links in memory.
    pub links_bytes: u64,
    pub fingerprints_on_disk: u64,
    pub links_on_disk: u64,
    /// States of BFS levels written to disk (counted once per write).
    pub states_spilled: u64,
}

impl Stats {
    /// Bytes of seen set and parent links in memory per distinct state; `None` without states.
    pub fn bytes_per_state(&self) -> Option<f64> {
        (self.distinct > 0).then(|| (self.memory.seen_bytes + self.memory.links_bytes) as f64 / self.distinct as f64)
    }
}

/// A violation found by a run that went on exploring (TLC's `-continue`).
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub status: Status,
    pub trace: Vec<TraceStep>,
}

/// The result of checking a model.
#[derive(Debug, Clone, PartialEq)]
pub struct CheckResult {
    pub status: Status,
    /// The counterexample (empty on success and for errors before any state exists).
    pub trace: Vec<TraceStep>,
    pub stats: Stats,
    /// The names of the state variables, for rendering the trace.
    pub variables: Vec<String>,
    /// Violations reported without stopping the run (`-continue`), in the order TLC's single
    /// worker finds them.
    pub violations: Vec<Violation>,
}

impl CheckResult {
    pub fn exit_code(&self) -> i32 {
        self.status.exit_code()
    }
}
