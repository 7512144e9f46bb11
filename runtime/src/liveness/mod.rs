//! Liveness checking: temporal properties under WF/SF fairness, decided as TLC does, on the
//! behaviour graph of a [`LivenessModel`].
//!
//! The model hands over each property as a [`Formula`] over *atoms* it evaluates itself (state
//! predicates, step predicates, `ENABLED`), so this module knows nothing of TLA+ syntax.
//! [`check_liveness`] explores the reachable graph ([`graph`]), adds a stuttering self-loop to
//! every state, splits each property into its safety conjuncts (initial predicates, `[]P`,
//! `[][A]_v`, checked without fairness as TLC does) and its liveness conjuncts, whose negation
//! is normalized into clauses of `[]`, `<>[]`, `[]<>` and `<>(P /\ []Q)` conditions
//! ([`normal`]). A clause is satisfiable when some reachable strongly connected component,
//! restricted to the clause's edges, satisfies its `[]<>` conditions and the fairness
//! constraints ([`scc`]: Tarjan, with the Streett refinement for SF). A violation is turned into
//! a lasso and re-checked against the property on the concrete states ([`lasso`]).

mod check;
pub mod graph;
pub mod lasso;
pub mod normal;
pub mod scc;

use crate::model::{ActionId, Model, ModelError};

pub use check::{check_liveness, check_liveness_on_trace};

/// Index of an atom in the model's own atom tables (one table per kind).
pub type AtomId = u32;

/// A temporal formula over the model's atoms. Step predicates and `ENABLED` are evaluated on a
/// step `s -> t` of the behaviour (stuttering steps included) and on its first state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Formula {
    Bool(bool),
    /// A state predicate, evaluated on the first state of the suffix.
    StatePred(AtomId),
    /// A step predicate, evaluated on the first step of the suffix.
    ActionPred(AtomId),
    /// `ENABLED A` on the first state of the suffix.
    Enabled(AtomId),
    Not(Box<Formula>),
    And(Vec<Formula>),
    Or(Vec<Formula>),
    Always(Box<Formula>),
    Eventually(Box<Formula>),
    /// `P ~> Q`, that is `[](P => <>Q)`.
    LeadsTo(Box<Formula>, Box<Formula>),
}

impl Formula {
    pub fn negate(f: Formula) -> Formula {
        Formula::Not(Box::new(f))
    }
    pub fn always(f: Formula) -> Formula {
        Formula::Always(Box::new(f))
    }
    pub fn eventually(f: Formula) -> Formula {
        Formula::Eventually(Box::new(f))
    }

    /// True if the formula has no temporal operator.
    pub fn is_nontemporal(&self) -> bool {
        match self {
            Formula::Bool(_) | Formula::StatePred(_) | Formula::ActionPred(_) | Formula::Enabled(_) => true,
            Formula::Not(f) => f.is_nontemporal(),
            Formula::And(fs) | Formula::Or(fs) => fs.iter().all(Formula::is_nontemporal),
            _ => false,
        }
    }

    /// True if the formula mentions a step predicate.
    pub fn has_action(&self) -> bool {
        match self {
            Formula::ActionPred(_) => true,
            Formula::Bool(_) | Formula::StatePred(_) | Formula::Enabled(_) => false,
            Formula::Not(f) | Formula::Always(f) | Formula::Eventually(f) => f.has_action(),
            Formula::And(fs) | Formula::Or(fs) => fs.iter().any(Formula::has_action),
            Formula::LeadsTo(a, b) => a.has_action() || b.has_action(),
        }
    }

    /// Calls `f` with every atom the formula mentions.
    pub fn for_each_atom(&self, f: &mut dyn FnMut(AtomKind, AtomId)) {
        match self {
            Formula::Bool(_) => {}
            Formula::StatePred(a) => f(AtomKind::State, *a),
            Formula::ActionPred(a) => f(AtomKind::Action, *a),
            Formula::Enabled(a) => f(AtomKind::Enabled, *a),
            Formula::Not(x) | Formula::Always(x) | Formula::Eventually(x) => x.for_each_atom(f),
            Formula::And(xs) | Formula::Or(xs) => xs.iter().for_each(|x| x.for_each_atom(f)),
            Formula::LeadsTo(a, b) => {
                a.for_each_atom(f);
                b.for_each_atom(f);
            }
        }
    }
}

/// The three atom tables of a model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AtomKind {
    State,
    Action,
    Enabled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FairnessKind {
    Weak,
    Strong,
}

/// `WF_v(A)` or `SF_v(A)` of the specification: `enabled` is the atom `ENABLED <<A>>_v`,
/// `step` the step predicate `<<A>>_v`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FairnessConstraint {
    pub kind: FairnessKind,
    pub enabled: AtomId,
    pub step: AtomId,
}

/// The fairness of the specification: its WF/SF conjuncts, and any other temporal conjunct
/// (such as `<>[][A]_v`), which is assumed as a hypothesis of every property, as TLC does.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fairness {
    pub constraints: Vec<FairnessConstraint>,
    pub formulas: Vec<Formula>,
}

/// A PROPERTY to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveProperty {
    pub name: String,
    pub formula: Formula,
}

/// A spec whose temporal properties can be checked: a [`Model`] that evaluates atoms.
pub trait LivenessModel: Model {
    fn eval_state_atom(&self, w: &mut Self::Worker, atom: AtomId, s: &Self::State) -> Result<bool, ModelError>;
    fn eval_action_atom(
        &self,
        w: &mut Self::Worker,
        atom: AtomId,
        s: &Self::State,
        t: &Self::State,
    ) -> Result<bool, ModelError>;
    fn eval_enabled(&self, w: &mut Self::Worker, atom: AtomId, s: &Self::State) -> Result<bool, ModelError>;
    /// True when a fingerprint stands for a class of states (VIEW or SYMMETRY): the behaviour
    /// graph then keeps the states it met, since recomputing a counterexample from fingerprints
    /// could pick other members of the classes, on which the lasso need not close.
    fn fingerprint_merges_states(&self) -> bool {
        false
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LivenessOptions {
    /// Stop exploring (with an error) past this many distinct states.
    pub max_states: Option<u64>,
}

/// Size of the behaviour graph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct GraphStats {
    pub states: u64,
    /// Transitions between distinct states found by the model (stuttering loops not counted).
    pub edges: u64,
    /// Successors generated, constrained ones included (TLC's "states generated").
    pub generated: u64,
    /// Bytes held by the graph and its atom tables at their largest.
    pub peak_bytes: u64,
}

/// What part of a property was violated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViolationKind {
    /// A conjunct that is a state predicate is false in an initial state.
    InitialPredicate,
    /// A conjunct `[]P` is false in a reachable state.
    Invariant,
    /// A conjunct `[][A]_v` is false on a reachable step.
    ActionProperty,
    /// A liveness conjunct is violated by a fair behaviour (a lasso).
    Temporal,
}

/// A counterexample: `states[0]` is initial, each next one a successor; with `cycle_start`,
/// the last state leads back to `states[cycle_start]` (TLC's "Back to state N", 1-based
/// `cycle_start + 1`), or stutters forever when `stuttering`.
#[derive(Debug, Clone, PartialEq)]
pub struct LivenessViolation<S> {
    pub property: usize,
    pub kind: ViolationKind,
    pub states: Vec<S>,
    /// The action of each step into `states[i]` (`None` for the initial state and for a
    /// stuttering step inside a cycle).
    pub actions: Vec<Option<ActionId>>,
    /// For [`ViolationKind::Temporal`]: where the cycle starts.
    pub cycle_start: Option<usize>,
    /// The action of the step from the last state back to `states[cycle_start]` (TLC prints it
    /// after "Back to state N:"); `None` when stuttering.
    pub cycle_action: Option<ActionId>,
    pub stuttering: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum LivenessError {
    Model(ModelError),
    /// A property whose form the checker does not decide; never treated as satisfied.
    Unsupported {
        property: String,
        message: String,
    },
    /// The checker's own consistency check failed (a lasso did not violate the property).
    Internal(String),
    TooManyStates(u64),
}

#[derive(Debug, Clone, PartialEq)]
pub enum LivenessVerdict<S> {
    Holds,
    Violated(Box<LivenessViolation<S>>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct LivenessResult<S> {
    pub verdict: Result<LivenessVerdict<S>, LivenessError>,
    pub stats: GraphStats,
}
