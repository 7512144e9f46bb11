//! The `Model` trait: what a checking engine needs from a spec, implemented by the interpreter
//! and by every compiled checker (architecture invariant 2).

use crate::value::{EvalError, Value};
use std::hash::Hash;

/// A source range, as the model reports it (1-based lines and columns, end inclusive).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
pub struct SourceLocation {
    pub file: String,
    /// The module that contains the range (TLC prints "of module M").
    pub module: String,
    pub line: u32,
    pub column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

/// An action of the next-state relation, as TLC names them in traces and coverage:
/// a disjunct of Next, named after the operator that defines it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionInfo {
    pub name: String,
    pub location: Option<SourceLocation>,
}

/// Index into [`Model::actions`].
pub type ActionId = u32;

/// A named state or action predicate to check (invariant, constraint, action property…).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyInfo {
    pub name: String,
    pub location: Option<SourceLocation>,
    /// The property's source text, for reports.
    pub expression: String,
}

/// An evaluation error with where it happened, rendered by the model that raised it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub error: EvalError,
    pub location: Option<SourceLocation>,
}

impl ModelError {
    pub fn new(error: EvalError, location: Option<SourceLocation>) -> ModelError {
        ModelError { error, location }
    }
}

/// What the engine knows about the run, handed to the model before it evaluates anything for
/// a worker (TLC's `TLCGet("level")`, `TLCGet("distinct")`, … read it).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EngineSnapshot {
    /// Depth of the state being expanded (initial states are level 1, as in TLC); 0 while the
    /// initial states are computed. While the successors of a level-L state are checked
    /// (constraints, invariants) it is L + 1, the successors' level, as `TLCGet("level")` is in
    /// TLC. Step predicates (ACTION_CONSTRAINT, action properties) read L, the level of the
    /// step's first state, as in TLC: models subtract 1 while they evaluate them.
    pub level: u32,
    /// Counts as of the start of the batch of states the engine is expanding.
    pub distinct: u64,
    pub generated: u64,
    /// States waiting to be expanded: those after this one on its level, and the next level's
    /// states found before the current batch.
    pub queue: u64,
    pub diameter: u32,
    pub duration_secs: u64,
    /// Worker index, `0..workers`.
    pub worker: usize,
}

/// A spec ready to be checked. Implementations must be deterministic: the same calls give the
/// same states in the same order, whatever thread makes them.
pub trait Model: Sync {
    /// One state: the interpreter uses a boxed slice of values, generated code a packed struct.
    type State: Clone + Send + Sync + Eq + Hash + std::fmt::Debug + 'static;
    /// Per-worker scratch (caches, TLCSet registers, random source); one per engine thread.
    type Worker: Send;

    fn new_worker(&self, index: usize) -> Self::Worker;
    /// Called by the engine before it asks anything of `worker` for a new state.
    fn set_snapshot(&self, worker: &mut Self::Worker, snapshot: &EngineSnapshot);

    /// Names of the state variables, in declaration order.
    fn variables(&self) -> &[String];
    /// The actions that `next_states` reports successors under.
    fn actions(&self) -> &[ActionInfo];
    /// The invariants `check_invariants` checks, in cfg order.
    fn invariants(&self) -> &[PropertyInfo];

    /// Calls `emit` with every initial state, in a deterministic order.
    fn init_states(&self, worker: &mut Self::Worker, emit: &mut dyn FnMut(Self::State)) -> Result<(), ModelError>;
    /// Calls `emit` with every successor of `state` and the action that produced it.
    fn next_states(
        &self,
        worker: &mut Self::Worker,
        state: &Self::State,
        emit: &mut dyn FnMut(ActionId, Self::State),
    ) -> Result<(), ModelError>;

    /// The index of the first violated invariant, if any.
    fn check_invariants(&self, worker: &mut Self::Worker, state: &Self::State) -> Result<Option<usize>, ModelError>;
    /// False if the state violates a CONSTRAINT. As in TLC, such a state is counted as generated
    /// and checked against the invariants, but it is not added to the seen set, not counted as
    /// distinct and not explored.
    fn satisfies_constraints(&self, worker: &mut Self::Worker, state: &Self::State) -> Result<bool, ModelError>;
    /// False if the step violates an ACTION_CONSTRAINT; the successor is then treated like one
    /// that violates a CONSTRAINT.
    fn satisfies_action_constraints(
        &self,
        worker: &mut Self::Worker,
        from: &Self::State,
        to: &Self::State,
    ) -> Result<bool, ModelError>;

    /// The fingerprint of the state's VIEW, after SYMMETRY canonicalization; never 0.
    /// A VIEW may read the engine's snapshot (TLC's trace specs use `<<vars, TLCGet("level")>>`):
    /// callers set the worker's snapshot level to the level of `state` (initial states are 1)
    /// before asking, as TLC evaluates the VIEW with the state's own level.
    fn fingerprint(&self, worker: &mut Self::Worker, state: &Self::State) -> u64;
    /// The state's variable values, in `variables()` order, for reports.
    fn state_values(&self, state: &Self::State) -> Vec<Value>;

    /// Appends an encoding of `state` to `out`, so the BFS can keep a level on disk; false if
    /// the model has none (such models keep every level in memory) or the state holds a value
    /// without one. The default encodes states that are `Box<[Value]>` (the interpreter's and
    /// generated checkers' dynamic states) with [`crate::value::codec`]; others have none.
    /// [`Model::decode_state`] must invert it exactly.
    fn encode_state(&self, state: &Self::State, out: &mut Vec<u8>) -> bool {
        match (state as &dyn std::any::Any).downcast_ref::<Box<[Value]>>() {
            Some(values) => crate::value::codec::encode_state(values, out),
            None => false,
        }
    }

    /// The state [`Model::encode_state`] wrote; `None` on bytes it did not write.
    fn decode_state(&self, bytes: &[u8]) -> Option<Self::State> {
        let values: Box<dyn std::any::Any> = Box::new(crate::value::codec::decode_state(bytes)?);
        values.downcast::<Self::State>().ok().map(|state| *state)
    }

    /// True (once) if an evaluation on this worker asked TLC to stop (`TLCSet("exit", TRUE)`).
    /// The engine asks after each state it expands and then ends the run as TLC does: as a
    /// success, with the states not yet expanded left on the queue.
    fn take_exit_request(&self, _worker: &mut Self::Worker) -> bool {
        false
    }

    /// The action properties (`[][A]_v` in PROPERTY) that `check_action_properties` checks.
    fn action_properties(&self) -> &[PropertyInfo] {
        &[]
    }
    /// The index of the first action property violated by the step `from -> to`, if any.
    /// TLC checks them on every step, also those that lead to a state seen before.
    fn check_action_properties(
        &self,
        _worker: &mut Self::Worker,
        _from: &Self::State,
        _to: &Self::State,
    ) -> Result<Option<usize>, ModelError> {
        Ok(None)
    }
}
