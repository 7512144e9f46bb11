//! Random simulation (TLC's `-simulate [num=N] -depth D -seed S` and `-generate`), generic over
//! [`Model`].
//!
//! Each worker generates random behaviours of at most `depth` steps from a random initial
//! state (`behaviour.rs` has TLC's step semantics). TLC's `num` is per worker, and so is ours.
//! Every worker has its own generator seeded from `seed`, and the behaviours are numbered
//! round-robin: behaviour `k` of worker `i` is number `k * workers + i`. Workers run rounds of
//! [`ROUND`] behaviours and the coordinator merges each round in that order, so the reported
//! violation is the first one in that order and the counts are those up to it: the same seed
//! and worker count give the same result whatever the threads' timing.

mod behaviour;
pub mod human;
pub mod rng;

use self::behaviour::{trace_steps, End, Outcome, Shared, Walker};
use self::rng::{Rng, SplitMix64};
use super::{EngineEvent, Observer};
use crate::cli::RunOptions;
use crate::model::{ActionId, EngineSnapshot, Model, ModelError, PropertyInfo};
use crate::report::human::ProgressInfo;
use crate::report::{CheckResult, ErrorContext, Stats, Status, Violation};
use crate::value::EvalError;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Behaviours per worker between two merges. Fixed, so that the numbering of behaviours, and
/// with it the result, does not depend on timing.
const ROUND: u64 = 16;
/// How often the coordinator polls the observer while the workers run.
const POLL: Duration = Duration::from_millis(50);
/// TLC's default `-depth`.
pub const DEFAULT_DEPTH: u32 = 100;

/// How to simulate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimulationOptions {
    /// Worker threads (at least 1); each generates `behaviours` behaviours.
    pub workers: usize,
    pub check_deadlock: bool,
    /// The number of steps of a behaviour (TLC's `-depth`, 100 by default).
    pub depth: u32,
    /// Behaviours per worker (TLC's `num`); unbounded when `None`: the run then ends when the
    /// observer asks to stop, at a violation, or at `TLCSet("exit", TRUE)`.
    pub behaviours: Option<u64>,
    pub seed: i64,
    /// TLC's `-generate`: each step moves to the first acceptable successor of a random
    /// action, taken in random order, so only the successors looked at are generated and
    /// checked.
    pub generate: bool,
    /// `-continue`: report invariant, action-property and deadlock violations and go on with
    /// the next behaviour; the run then ends as a success, as in TLC.
    pub continue_after_violation: bool,
    pub progress_interval: Duration,
    /// `-simulate file=F`: every completed behaviour is written, as TLC does, to the TLA+
    /// module `F_<worker>_<n>` (`n` counts the worker's behaviours from 0).
    pub trace_file: Option<String>,
}

impl Default for SimulationOptions {
    fn default() -> SimulationOptions {
        SimulationOptions {
            workers: 1,
            check_deadlock: true,
            depth: DEFAULT_DEPTH,
            behaviours: None,
            seed: 0,
            generate: false,
            continue_after_violation: false,
            progress_interval: Duration::from_secs(60),
            trace_file: None,
        }
    }
}

impl SimulationOptions {
    /// The options `-simulate`/`-generate` and the other run flags ask for; without `-seed`
    /// the seed is drawn at random (and reported, so that the run can be repeated).
    pub fn from_run_options(opts: &RunOptions) -> SimulationOptions {
        SimulationOptions {
            workers: opts.workers.resolve(),
            check_deadlock: opts.check_deadlock,
            depth: opts.depth.unwrap_or(DEFAULT_DEPTH),
            behaviours: opts.simulate.as_ref().and_then(|s| s.num),
            seed: opts.seed.unwrap_or_else(random_seed),
            generate: opts.generate,
            continue_after_violation: opts.continue_after_violation,
            progress_interval: Duration::from_secs(60),
            trace_file: opts.simulate.as_ref().and_then(|s| s.file.clone()),
        }
    }
}

/// A seed from the clock and the process's hash keys.
fn random_seed() -> i64 {
    use std::hash::{BuildHasher, Hasher};
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u128(nanos);
    h.finish() as i64
}

/// The counts TLC reports about simulated behaviours ("Progress: N states checked, T traces
/// generated (trace length: mean=M, var(x)=V, sd=D)").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimProgress {
    pub generated: u64,
    /// Behaviours generated (also those that ended in a violation).
    pub traces: u64,
    /// The longest behaviour, in states.
    pub depth: u32,
    /// TLC's integer running mean and variance of the lengths of the completed behaviours.
    pub mean: u64,
    pub variance: u64,
    pub sd: u64,
}

impl SimProgress {
    /// The engine-neutral progress record (for the machine outputs).
    pub fn progress_info(&self) -> ProgressInfo {
        ProgressInfo { depth: self.depth, generated: self.generated, ..ProgressInfo::default() }
    }
}

/// Something the simulator reports while it runs.
#[derive(Debug, Clone, PartialEq)]
pub enum SimEvent {
    /// The initial states have been computed (TLC's "Computed N initial states...").
    InitialStatesComputed {
        generated: u64,
    },
    /// They have been checked; `kept` satisfy the constraints (TLC's "Finished computing
    /// initial states: N distinct state generated").
    InitialStates {
        generated: u64,
        kept: u64,
    },
    Progress(SimProgress),
    /// A violation that did not stop the run (`-continue`).
    Violation(Box<Violation>),
}

/// Receives [`SimEvent`]s, from the coordinating thread only.
pub trait SimObserver: Sync {
    fn event(&self, event: &SimEvent);
    /// Polled while the workers run; true stops the run with [`Status::Interrupted`].
    fn should_stop(&self) -> bool {
        false
    }
}

/// Feeds a BFS [`Observer`] (the machine outputs) from the simulator.
pub struct EngineObserver<'a>(pub &'a dyn Observer);

impl SimObserver for EngineObserver<'_> {
    fn event(&self, event: &SimEvent) {
        match event {
            SimEvent::InitialStatesComputed { .. } => {}
            SimEvent::InitialStates { generated, kept } => {
                self.0.event(&EngineEvent::InitialStates { generated: *generated, distinct: *kept })
            }
            SimEvent::Progress(p) => self.0.event(&EngineEvent::Progress(p.progress_info())),
            SimEvent::Violation(v) => self.0.event(&EngineEvent::Violation(v.clone())),
        }
    }

    fn should_stop(&self) -> bool {
        self.0.should_stop()
    }
}

/// The result of a simulation: the verdict and behaviour as a [`CheckResult`] (`generated` is
/// the number of states generated, `distinct` is 0 as TLC counts none, `depth` is the longest
/// behaviour), and what TLC reports beyond it.
#[derive(Debug, Clone, PartialEq)]
pub struct SimulationResult {
    pub result: CheckResult,
    pub progress: SimProgress,
    pub seed: i64,
    /// False when TLC prints no statistics after the verdict: an initial state violates an
    /// invariant, or there is no initial state to start from.
    pub summary: bool,
}

/// Simulates `model` silently.
pub fn simulate<M: Model>(model: &M, opts: &SimulationOptions) -> SimulationResult {
    simulate_observed(model, opts, &NoEvents)
}

struct NoEvents;

impl SimObserver for NoEvents {
    fn event(&self, _event: &SimEvent) {}
}

/// Checks a finished behaviour (the PROPERTYs, as TLC checks them in simulation); a violation
/// ends the behaviour as found.
pub type BehaviourCheck<'a, S> = &'a (dyn Fn(&[(Option<ActionId>, S)]) -> Option<Box<Violation>> + Sync);

/// [`simulate`], reporting to `observer`.
pub fn simulate_observed<M: Model>(
    model: &M,
    opts: &SimulationOptions,
    observer: &dyn SimObserver,
) -> SimulationResult {
    simulate_checked(model, opts, observer, None)
}

/// [`simulate_observed`], with `check` run on every behaviour that completes.
pub fn simulate_checked<M: Model>(
    model: &M,
    opts: &SimulationOptions,
    observer: &dyn SimObserver,
    check: Option<BehaviourCheck<'_, M::State>>,
) -> SimulationResult {
    let start = Instant::now();
    let n = opts.workers.max(1);
    let mut workers: Vec<M::Worker> = (0..n).map(|i| model.new_worker(i)).collect();
    let mut tally = Tally::default();
    let end = match initial_states(model, &mut workers[0], &mut tally, observer) {
        Err(found) => Stop::Found(found),
        Ok(inits) => {
            tally.initial_kept = inits.len() as u64;
            observer.event(&SimEvent::InitialStates { generated: tally.progress.generated, kept: tally.initial_kept });
            // `TLCSet("exit", TRUE)` while the initial states were checked stops TLC's workers
            // before their first behaviour.
            if model.take_exit_request(&mut workers[0]) {
                return tally.finish(model, opts, Stop::Done, start);
            }
            let mut seeds = SplitMix64::new(opts.seed as u64);
            let walkers = workers.into_iter().enumerate().map(|(i, w)| Walker::new(i, Rng::new(seeds.next_u64()), w));
            let coordinator =
                Coordinator { model, opts, observer, tally: &mut tally, start, last_progress: start, check };
            coordinator.run(&inits, walkers.collect())
        }
    };
    tally.finish(model, opts, end, start)
}

/// Why the run ended.
enum Stop {
    /// Every behaviour was generated, or the model asked to stop.
    Done,
    Interrupted,
    Found(Box<Violation>),
}

/// An evaluation error outside the invariants and action properties, as TLC's simulator
/// reports it: whatever its kind (a failed `Assert` included), TLC's simulation worker surfaces
/// it as an unexpected exception ("TLC threw an unexpected exception") and exits with 255,
/// where BFS would exit with 75 or 14 (verified with TLC for Init, Next, CONSTRAINT and
/// `Assert` errors). `module_error` is the report model's marker for that exit code.
pub(crate) fn unexpected_exception(mut error: ModelError) -> ModelError {
    error.error.module_error = true;
    if error.error.kind == crate::value::EvalErrorKind::AssertionFailed {
        error.error.kind = crate::value::EvalErrorKind::Other;
    }
    error
}

/// True if `status` ends the run (with `-continue`, violations of the spec do not).
fn stops_run(status: &Status, opts: &SimulationOptions) -> bool {
    let continuable =
        matches!(status, Status::InvariantViolation { .. } | Status::ActionPropertyViolation { .. } | Status::Deadlock);
    !(opts.continue_after_violation && continuable)
}

/// One round of behaviours for one worker: its behaviours `seq..seq + count`.
struct Round {
    pub seq: u64,
    pub count: u64,
    /// States generated before the round (for `TLCGet("generated")`).
    pub base_generated: u64,
}

/// The counts of the merged behaviours.
#[derive(Default)]
struct Tally {
    progress: SimProgress,
    initial_generated: u64,
    initial_kept: u64,
    /// The run ended before any behaviour, in a way after which TLC prints no statistics.
    no_summary: bool,
    /// TLC's Welford accumulators (integer mean, as TLC keeps it).
    mean: i64,
    m2: i64,
    violations: Vec<Violation>,
}

impl Tally {
    /// Adds a behaviour in merge order; TLC counts the lengths of completed behaviours only,
    /// capped at the depth bound.
    fn add(&mut self, out: &Outcome, depth: u32) {
        self.progress.generated += out.generated;
        self.progress.traces += 1;
        self.progress.depth = self.progress.depth.max(out.level);
        if matches!(out.end, End::Complete | End::Exit) {
            let length = i64::from(out.level.min(depth));
            let delta = length - self.mean;
            self.mean += delta / self.progress.traces.max(1) as i64;
            self.m2 = self.m2.saturating_add(delta.saturating_mul(length - self.mean));
        }
        let spread = self.m2 as f64 / (self.progress.traces as f64 + 1.0);
        self.progress.mean = self.mean.max(0) as u64;
        self.progress.variance = spread.round() as u64;
        self.progress.sd = spread.sqrt().round() as u64;
    }

    fn finish<M: Model>(self, model: &M, opts: &SimulationOptions, end: Stop, start: Instant) -> SimulationResult {
        let (status, trace) = match end {
            Stop::Done => (Status::Success, Vec::new()),
            Stop::Interrupted => (Status::Interrupted, Vec::new()),
            Stop::Found(v) => (v.status, v.trace),
        };
        let stats = Stats {
            generated: self.progress.generated,
            initial_generated: self.initial_generated,
            depth: self.progress.depth,
            initial_distinct: self.initial_kept,
            workers: opts.workers.max(1),
            duration: start.elapsed(),
            ..Stats::default()
        };
        let result =
            CheckResult { status, trace, stats, variables: model.variables().to_vec(), violations: self.violations };
        SimulationResult { result, progress: self.progress, seed: opts.seed, summary: !self.no_summary }
    }
}

/// Computes and checks the initial states as TLC's simulator does: every one is counted and
/// checked against the invariants; those that satisfy the constraints are kept.
fn initial_states<M: Model>(
    model: &M,
    worker: &mut M::Worker,
    tally: &mut Tally,
    observer: &dyn SimObserver,
) -> Result<Vec<M::State>, Box<Violation>> {
    let found = |status, trace| Box::new(Violation { status, trace });
    model.set_snapshot(worker, &EngineSnapshot::default());
    let mut states = Vec::new();
    let computed = model.init_states(worker, &mut |s| states.push(s));
    tally.progress.generated = states.len() as u64;
    tally.initial_generated = states.len() as u64;
    if let Err(error) = computed {
        let error = unexpected_exception(error);
        return Err(found(Status::EvalError { error, context: ErrorContext::Init }, Vec::new()));
    }
    tally.progress.depth = u32::from(!states.is_empty());
    observer.event(&SimEvent::InitialStatesComputed { generated: states.len() as u64 });
    model.set_snapshot(worker, &EngineSnapshot { level: 1, generated: states.len() as u64, ..Default::default() });
    let mut kept = Vec::new();
    for state in states {
        match check_initial_state(model, worker, &state) {
            Ok(true) => kept.push(state),
            Ok(false) => {}
            Err(status) => {
                tally.no_summary = matches!(status, Status::InvariantViolation { .. });
                return Err(found(status, trace_steps(model, worker, &[(None, &state)])));
            }
        }
    }
    if kept.is_empty() {
        let message = if tally.progress.generated == 0 {
            "There is no state satisfying the initial state predicate."
        } else {
            "There is no state satisfying the initial state predicate and the state-constraint(s)."
        };
        tally.no_summary = true;
        // TLC exits with 255 here, the code of a module's complaint, hence `from_module`.
        let error = ModelError::new(EvalError::other(message).from_module(), None);
        return Err(found(Status::EvalError { error, context: ErrorContext::Init }, Vec::new()));
    }
    Ok(kept)
}

/// The invariants of an initial state, then whether it satisfies the constraints. TLC reports
/// an error on an initial state as one of the initial states (exit 255).
fn check_initial_state<M: Model>(model: &M, worker: &mut M::Worker, state: &M::State) -> Result<bool, Status> {
    let error = |error| Status::EvalError { error: unexpected_exception(error), context: ErrorContext::Init };
    if let Some(index) = model.check_invariants(worker, state).map_err(error)? {
        let property = property_info(model.invariants(), index, "invariant");
        return Err(Status::InvariantViolation { index, property, initial: true });
    }
    model.satisfies_constraints(worker, state).map_err(error)
}

/// Runs the rounds and merges their behaviours in order.
struct Coordinator<'a, M: Model> {
    check: Option<BehaviourCheck<'a, M::State>>,
    model: &'a M,
    opts: &'a SimulationOptions,
    observer: &'a dyn SimObserver,
    tally: &'a mut Tally,
    start: Instant,
    last_progress: Instant,
}

type Reply = (usize, std::thread::Result<Vec<Outcome>>);

impl<M: Model> Coordinator<'_, M> {
    fn run(mut self, inits: &[M::State], walkers: Vec<Walker<M>>) -> Stop {
        let cut = AtomicU64::new(u64::MAX);
        let halt = AtomicBool::new(false);
        let workers = walkers.len();
        let shared = Shared {
            model: self.model,
            opts: self.opts,
            inits,
            cut: &cut,
            halt: &halt,
            start: self.start,
            workers,
            check: self.check,
        };
        let (reply_tx, replies) = mpsc::channel::<Reply>();
        let stop = std::thread::scope(|scope| {
            let mut rounds = Vec::with_capacity(workers);
            for mut walker in walkers {
                let (round_tx, round_rx) = mpsc::channel::<Round>();
                rounds.push(round_tx);
                let (reply_tx, shared) = (reply_tx.clone(), &shared);
                scope.spawn(move || {
                    for round in round_rx {
                        let run = std::panic::AssertUnwindSafe(|| walker.run_round(shared, &round));
                        let out = std::panic::catch_unwind(run);
                        let failed = out.is_err();
                        if reply_tx.send((walker.index, out)).is_err() || failed {
                            break;
                        }
                    }
                });
            }
            let stop = self.rounds(&rounds, &replies, &halt);
            // Dropping the round senders ends the workers' loops.
            drop(rounds);
            stop
        });
        stop
    }

    fn rounds(&mut self, rounds: &[mpsc::Sender<Round>], replies: &mpsc::Receiver<Reply>, halt: &AtomicBool) -> Stop {
        let mut seq = 0;
        loop {
            let count = self.opts.behaviours.map_or(ROUND, |n| n.saturating_sub(seq).min(ROUND));
            if count == 0 {
                return Stop::Done;
            }
            let base_generated = self.tally.progress.generated;
            if rounds.iter().any(|tx| tx.send(Round { seq, count, base_generated }).is_err()) {
                return Stop::Interrupted;
            }
            let Some(outs) = self.collect(rounds.len(), replies, halt) else { return Stop::Interrupted };
            if let Some(stop) = self.merge(outs, count) {
                return stop;
            }
            if halt.load(Ordering::Relaxed) || self.observer.should_stop() {
                return Stop::Interrupted;
            }
            seq += count;
        }
    }

    /// Waits for every worker's round, polling the observer meanwhile.
    fn collect(&mut self, n: usize, replies: &mpsc::Receiver<Reply>, halt: &AtomicBool) -> Option<Vec<Vec<Outcome>>> {
        let mut outs: Vec<Option<Vec<Outcome>>> = (0..n).map(|_| None).collect();
        let mut received = 0;
        while received < n {
            match replies.recv_timeout(POLL) {
                Ok((i, Ok(out))) => {
                    outs[i] = Some(out);
                    received += 1;
                }
                // A model that panics is a bug in tla2 or in generated code: let it surface.
                Ok((_, Err(panic))) => std::panic::resume_unwind(panic),
                Err(mpsc::RecvTimeoutError::Timeout) => {
                    if self.observer.should_stop() {
                        halt.store(true, Ordering::Relaxed);
                    }
                    self.maybe_report_progress();
                }
                Err(mpsc::RecvTimeoutError::Disconnected) => return None,
            }
        }
        Some(outs.into_iter().map(Option::unwrap_or_default).collect())
    }

    /// Adds the round's behaviours in their global order, up to the first that stops the run.
    fn merge(&mut self, outs: Vec<Vec<Outcome>>, count: u64) -> Option<Stop> {
        let mut columns: Vec<_> = outs.into_iter().map(|o| o.into_iter()).collect();
        for _ in 0..count {
            for column in columns.iter_mut() {
                // A worker stops early only after a behaviour that stops the run, or when
                // halted; in both cases nothing after the gap is needed.
                let Some(out) = column.next() else { return Some(Stop::Interrupted) };
                if matches!(out.end, End::Halted) {
                    return Some(Stop::Interrupted);
                }
                self.tally.add(&out, self.opts.depth);
                match out.end {
                    End::Complete | End::Halted => {}
                    End::Exit => return Some(Stop::Done),
                    End::Found(v) if stops_run(&v.status, self.opts) => return Some(Stop::Found(v)),
                    End::Found(v) => {
                        self.observer.event(&SimEvent::Violation(v.clone()));
                        self.tally.violations.push(*v);
                    }
                }
            }
        }
        self.maybe_report_progress();
        None
    }

    fn maybe_report_progress(&mut self) {
        if self.last_progress.elapsed() >= self.opts.progress_interval {
            self.report_progress();
        }
    }

    fn report_progress(&mut self) {
        self.last_progress = Instant::now();
        self.observer.event(&SimEvent::Progress(self.tally.progress.clone()));
    }
}

fn property_info(properties: &[PropertyInfo], index: usize, what: &str) -> PropertyInfo {
    properties.get(index).cloned().unwrap_or_else(|| PropertyInfo {
        name: format!("{what} {index}"),
        location: None,
        expression: String::new(),
    })
}
