//! Checking engines generic over [`crate::model::Model`]: BFS, and later liveness and simulation.
//!
//! [`bfs::check`] explores the state space level by level; [`seen`] holds the fingerprints of
//! the distinct states; [`trace`] their parent links and the replay that rebuilds
//! counterexamples. The engine never prints: it reports progress to an [`Observer`] and returns
//! a [`crate::report::CheckResult`].

pub mod bfs;
mod expand;
mod queue;
pub mod seen;
mod seen_disk;
pub mod simulate;
pub mod spill;
pub mod trace;

pub use bfs::{check, check_observed};
pub use simulate::{simulate, simulate_observed, SimulationOptions, SimulationResult};
pub use spill::SpillOptions;

use crate::report::human::ProgressInfo;
use crate::report::Violation;
use std::time::Duration;

/// How to run a check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckOptions {
    /// Worker threads (at least 1). Results do not depend on it.
    pub workers: usize,
    /// Report a state without any successor as an error (TLC's default; `-deadlock` turns it
    /// off).
    pub check_deadlock: bool,
    /// Do not expand states at this level or deeper (initial states are level 1). TLC has no
    /// such bound for BFS; it exists for bounded runs.
    pub max_depth: Option<u32>,
    /// How often to report progress.
    pub progress_interval: Duration,
    /// The expected number of distinct states, to size the seen set once (from `-fpmem`, a
    /// previous run, …).
    pub expected_states: Option<u64>,
    /// TLC's `-continue`: report invariant and action-property violations and keep exploring
    /// (the violating states included). As in TLC, the run then ends as a success.
    pub continue_after_violation: bool,
    /// Memory budgets past which the engine writes to the metadirectory.
    pub spill: SpillOptions,
}

impl Default for CheckOptions {
    fn default() -> CheckOptions {
        CheckOptions {
            workers: 1,
            check_deadlock: true,
            max_depth: None,
            progress_interval: Duration::from_secs(60),
            expected_states: None,
            continue_after_violation: false,
            spill: SpillOptions::default(),
        }
    }
}

/// Something the engine reports while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    /// The initial states have been computed (TLC's "Finished computing initial states").
    InitialStates { generated: u64, distinct: u64 },
    /// Periodic progress (TLC's "Progress(D) at …" line).
    Progress(ProgressInfo),
    /// A violation that did not stop the run (`-continue`).
    Violation(Box<Violation>),
}

/// Receives [`EngineEvent`]s; called from the engine's coordinating thread only.
pub trait Observer: Sync {
    fn event(&self, event: &EngineEvent);
    /// Polled between batches of states; true stops the run with
    /// [`crate::report::Status::Interrupted`] and the statistics so far.
    fn should_stop(&self) -> bool {
        false
    }
    /// The counts after each batch of states (rates left at 0), for a live display; called
    /// often, so it must be cheap.
    fn tick(&self, _info: &ProgressInfo) {}
}

impl<F: Fn(&EngineEvent) + Sync> Observer for F {
    fn event(&self, event: &EngineEvent) {
        self(event)
    }
}

/// An observer that ignores everything.
pub struct Silent;

impl Observer for Silent {
    fn event(&self, _event: &EngineEvent) {}
}
