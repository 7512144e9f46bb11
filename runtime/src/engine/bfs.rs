//! Level-synchronous parallel breadth-first search with TLC's semantics and counts.
//!
//! Each level is cut into windows; the workers expand a window's chunks in parallel
//! (`expand.rs`), then the chunks are merged in state order: the candidate successors go into
//! the seen set (one thread per shard, each in state order), and one thread numbers the new
//! states and links them to their parents. The merge stops at the window's first event
//! (violation, error, deadlock), which is the event TLC's single worker would meet first, and
//! the counts at that point are TLC's counts there.
//! So counts, depth, verdict and counterexample are the same for every worker count
//! (architecture invariant 6).

use super::expand::{Candidate, ChunkOut, Event, EventKind, ExpandCtx};
use super::queue::{Level, NextLevel};
use super::seen::FingerprintSet;
use super::spill::SpillDir;
use super::trace::{replay, ParentLinks};
use super::{CheckOptions, EngineEvent, Observer, Silent};
use crate::model::{ActionId, ActionInfo, EngineSnapshot, Model, PropertyInfo};
use crate::report::human::ProgressInfo;
use crate::report::{
    ActionStats, CheckResult, ErrorContext, MemoryStats, OutDegree, Stats, Status, TraceStep, Violation,
};
use rayon::prelude::*;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// States of the current level expanded between two merges: large enough to keep the workers
/// busy, small enough to bound the memory of unmerged successors. It does not depend on the
/// number of workers, so neither do the snapshots the model is given (`TLCGet("distinct")`).
const WINDOW: usize = 16 * 1024;
const INITIAL_CAPACITY: u64 = 1 << 16;
/// When TLC prints its first progress line.
const FIRST_PROGRESS: Duration = Duration::from_secs(3);

/// Checks the model's safety properties by BFS.
pub fn check<M: Model>(model: &M, opts: &CheckOptions) -> CheckResult {
    check_observed(model, opts, &Silent)
}

/// [`check`], reporting progress to `observer`.
pub fn check_observed<M: Model>(model: &M, opts: &CheckOptions, observer: &dyn Observer) -> CheckResult {
    let mut run = Run::new(model, opts, observer);
    let stop = run.explore();
    run.finish(stop)
}

/// Why exploration ended.
enum Stop<S> {
    /// Everything reachable was explored (or the depth bound was reached).
    Done,
    /// The observer asked to stop.
    Interrupted,
    /// A spill file could not be written or read back (`SpillDir::fail`).
    SpillFailed(String),
    /// An initial state (or the computation of the initial states) failed.
    Init { status: Status, state: Option<S> },
    /// An event while expanding distinct state `parent_number`.
    Found { status: Status, parent_number: u64, parent: S, successor: Option<(ActionId, S)> },
}

struct Run<'a, M: Model> {
    model: &'a M,
    opts: &'a CheckOptions,
    observer: &'a dyn Observer,
    workers: Vec<Mutex<M::Worker>>,
    pool: Option<rayon::ThreadPool>,
    seen: FingerprintSet,
    links: ParentLinks,
    /// The metadirectory, removed when the run ends.
    spill: SpillDir,
    stats: Stats,
    violations: Vec<Violation>,
    /// `outdegree[n]`: how many expanded states found exactly `n` new states.
    outdegree: Vec<u64>,
    start: Instant,
    progress: ProgressMark,
}

/// The counts at the previous progress report, for the per-minute rates.
struct ProgressMark {
    at: Instant,
    generated: u64,
    distinct: u64,
    reports: u32,
}

/// Where the merge of a window is: the level, its first state's number, the window's offset.
struct LevelPos {
    level: u32,
    first_number: u64,
    window_start: usize,
    /// The number of states of the level.
    level_len: usize,
}

impl<'a, M: Model> Run<'a, M> {
    fn new(model: &'a M, opts: &'a CheckOptions, observer: &'a dyn Observer) -> Self {
        let n = opts.workers.max(1);
        // With one worker the calling thread does the work; a failed pool also falls back to
        // it, which changes the speed but never the results.
        let pool = if n > 1 { rayon::ThreadPoolBuilder::new().num_threads(n).build().ok() } else { None };
        let workers = (0..n).map(|i| Mutex::new(model.new_worker(i))).collect();
        let capacity = opts.expected_states.unwrap_or(INITIAL_CAPACITY);
        let now = Instant::now();
        let spill = SpillDir::new(opts.spill.dir.clone());
        Run {
            model,
            opts,
            observer,
            workers,
            pool,
            seen: match opts.spill.fingerprints_in_memory {
                Some(limit) => FingerprintSet::spilling(capacity, spill.clone(), limit),
                None => FingerprintSet::with_capacity(capacity),
            },
            links: ParentLinks::spilling(spill.clone(), opts.spill.links_in_memory),
            spill,
            stats: Stats {
                per_action: vec![ActionStats::default(); model.actions().len()],
                workers: n,
                ..Stats::default()
            },
            violations: Vec::new(),
            outdegree: Vec::new(),
            start: now,
            progress: ProgressMark { at: now, generated: 0, distinct: 0, reports: 0 },
        }
    }

    fn worker(&self, index: usize) -> MutexGuard<'_, M::Worker> {
        self.workers[index % self.workers.len()].lock().unwrap_or_else(|e| e.into_inner())
    }

    fn snapshot(&self, level: u32, queue: u64) -> EngineSnapshot {
        EngineSnapshot {
            level,
            distinct: self.seen.len(),
            generated: self.stats.generated,
            queue,
            diameter: self.stats.depth,
            duration_secs: self.start.elapsed().as_secs(),
            worker: 0,
        }
    }

    fn explore(&mut self) -> Stop<M::State> {
        let mut level = match self.init() {
            Ok(level) => Level::in_memory(level, self.spill.clone()),
            Err(stop) => return stop,
        };
        let mut first_number = 0u64;
        let mut level_no = 1u32;
        while !level.is_empty() {
            if self.opts.max_depth.is_some_and(|max| level_no >= max) {
                self.stats.left_on_queue = level.len() as u64;
                self.stats.depth_limited = true;
                return Stop::Done;
            }
            let mut next = NextLevel::new(self.opts.spill.queue_bytes, self.spill.clone());
            let mut window_start = 0;
            let level_len = level.len();
            while window_start < level_len {
                let end = (window_start + WINDOW).min(level_len);
                let queue = (level_len - window_start + next.len()) as u64;
                let window = level.window(self.model, window_start, end);
                if let Some(message) = self.spill.failure() {
                    return Stop::SpillFailed(message);
                }
                let outs = self.expand_window(&window, self.snapshot(level_no, queue));
                let pos = LevelPos { level: level_no, first_number, window_start, level_len };
                let stop = self.merge(outs, &window, &pos, &mut next);
                if let Some(message) = self.spill.failure() {
                    self.stats.memory.states_spilled += next.spilled;
                    return Stop::SpillFailed(message);
                }
                if let Some(stop) = stop {
                    self.stats.memory.states_spilled += next.spilled;
                    return stop;
                }
                window_start = end;
                let queue = (level_len - end + next.len()) as u64;
                self.stats.max_queue = self.stats.max_queue.max(queue);
                self.maybe_report_progress(queue);
                if self.observer.should_stop() {
                    self.stats.left_on_queue = queue;
                    self.stats.memory.states_spilled += next.spilled;
                    return Stop::Interrupted;
                }
            }
            first_number += level_len as u64;
            let (next, spilled) = next.finish();
            self.stats.memory.states_spilled += spilled;
            if let Some(message) = self.spill.failure() {
                return Stop::SpillFailed(message);
            }
            level = next;
            level_no += 1;
        }
        Stop::Done
    }

    /// Computes, checks and numbers the initial states, as TLC's `DoInitFunctor` does.
    fn init(&mut self) -> Result<Vec<M::State>, Stop<M::State>> {
        let model = self.model;
        let mut states = Vec::new();
        let snapshot = self.snapshot(0, 0);
        let mut worker = self.workers[0].lock().unwrap_or_else(|e| e.into_inner());
        model.set_snapshot(&mut worker, &snapshot);
        if let Err(error) = model.init_states(&mut worker, &mut |s| states.push(s)) {
            drop(worker);
            self.stats.generated = states.len() as u64;
            self.stats.initial_generated = self.stats.generated;
            return Err(Stop::Init { status: Status::EvalError { error, context: ErrorContext::Init }, state: None });
        }
        // Initial states are level 1 while their constraints and invariants are evaluated.
        model.set_snapshot(&mut worker, &EngineSnapshot { level: 1, ..snapshot });
        let mut level = Vec::new();
        let mut failure = None;
        for (ordinal, state) in states.into_iter().enumerate() {
            self.stats.generated += 1;
            let in_model = match model.satisfies_constraints(&mut worker, &state) {
                Ok(b) => b,
                Err(error) => {
                    failure = Some((Status::EvalError { error, context: ErrorContext::Constraint }, state));
                    break;
                }
            };
            let new = in_model && self.seen.insert(model.fingerprint(&mut worker, &state));
            if new {
                self.links.push(None, ordinal as u64);
                self.stats.depth = 1;
            }
            if new || !in_model {
                let status = match model.check_invariants(&mut worker, &state) {
                    Ok(None) => None,
                    Ok(Some(index)) => Some(invariant_status(model.invariants(), index, true)),
                    Err(error) => Some(Status::EvalError { error, context: ErrorContext::Invariant }),
                };
                match status {
                    Some(status @ Status::InvariantViolation { .. }) if self.opts.continue_after_violation => {
                        let trace = vec![self.step(&mut worker, &state, None)];
                        let violation = Violation { status, trace };
                        self.observer.event(&EngineEvent::Violation(Box::new(violation.clone())));
                        self.violations.push(violation);
                    }
                    Some(status) => {
                        failure = Some((status, state));
                        break;
                    }
                    None => {}
                }
            }
            if new {
                level.push(state);
            }
        }
        drop(worker);
        self.stats.initial_generated = self.stats.generated;
        self.stats.initial_distinct = self.seen.len();
        self.stats.depth = self.stats.depth.max(u32::from(self.stats.generated > 0));
        if let Some((status, state)) = failure {
            self.stats.left_on_queue = level.len() as u64;
            return Err(Stop::Init { status, state: Some(state) });
        }
        self.stats.max_queue = level.len() as u64;
        self.observer.event(&EngineEvent::InitialStates { generated: self.stats.generated, distinct: self.seen.len() });
        Ok(level)
    }

    /// Expands a window of the current level, in parallel when there are several workers.
    fn expand_window(&self, states: &[M::State], snapshot: EngineSnapshot) -> Vec<ChunkOut<M::State>> {
        let ctx = ExpandCtx {
            model: self.model,
            seen: &self.seen,
            snapshot,
            check_deadlock: self.opts.check_deadlock,
            continue_after_violation: self.opts.continue_after_violation,
        };
        let n = self.workers.len();
        let chunk = (states.len() / (n * 8)).clamp(1, 512);
        // Chunks after one that met an event are never merged, so they can be skipped.
        let first_event = AtomicUsize::new(usize::MAX);
        let run_chunk = |(ci, chunk_states): (usize, &[M::State])| {
            let first = (ci * chunk) as u32;
            if ci > first_event.load(Ordering::Relaxed) {
                return skipped_chunk(first);
            }
            let index = rayon::current_thread_index().unwrap_or(0) % n;
            let out = ctx.expand_chunk(&mut self.worker(index), index, chunk_states, first);
            if out.event.is_some() {
                first_event.fetch_min(ci, Ordering::Relaxed);
            }
            out
        };
        match &self.pool {
            Some(pool) => pool.install(|| states.par_chunks(chunk).enumerate().map(run_chunk).collect()),
            None => states.chunks(chunk).enumerate().map(run_chunk).collect(),
        }
    }

    /// Inserts the window's candidates in state order and numbers the new states; returns the
    /// window's first event, with the counts TLC would report at that point.
    fn merge(
        &mut self,
        outs: Vec<ChunkOut<M::State>>,
        window: &[M::State],
        pos: &LevelPos,
        next: &mut NextLevel<M::State>,
    ) -> Option<Stop<M::State>> {
        // Only the chunks up to the first event count; the later ones were never expanded.
        let merged = outs.iter().position(|o| o.event.is_some()).map_or(outs.len(), |i| i + 1);
        let fps: Vec<u64> = outs[..merged].iter().flat_map(|o| o.candidates.iter().map(|c| c.fp)).collect();
        let mut is_new = self.seen.insert_batch(&fps, self.pool.as_ref()).into_iter();
        for out in outs.into_iter().take(merged) {
            let mut new_per_parent = vec![0u32; out.generated.len()];
            let mut last_was_new = false;
            let mut violations = out.violations.into_iter().peekable();
            for (j, c) in out.candidates.into_iter().enumerate() {
                while let Some((_, v)) = violations.next_if(|(before, _)| *before <= j) {
                    self.record_violation(v, window, pos, last_was_new);
                }
                last_was_new = is_new.next().unwrap_or(false);
                if last_was_new {
                    self.add_state(c, pos, out.first, &mut new_per_parent, next);
                }
            }
            for (_, v) in violations {
                self.record_violation(v, window, pos, last_was_new);
            }
            self.stats.generated += out.generated.iter().map(|&g| g as u64).sum::<u64>();
            for (stats, g) in self.stats.per_action.iter_mut().zip(&out.generated_per_action) {
                stats.generated += g;
            }
            match out.event {
                None => self.record_outdegree(&new_per_parent),
                Some(event) => {
                    if matches!(event.kind, EventKind::Exit) {
                        // TLC finishes the state that asked to exit, so it counts in the outdegree.
                        self.record_outdegree(&new_per_parent);
                    }
                    return Some(self.stop_at(event, window, pos, next.len(), last_was_new));
                }
            }
        }
        None
    }

    /// Numbers a new state, links it to its parent and queues it for the next level.
    fn add_state(
        &mut self,
        c: Candidate<M::State>,
        pos: &LevelPos,
        chunk_first: u32,
        new_per_parent: &mut [u32],
        next: &mut NextLevel<M::State>,
    ) {
        let parent_number = pos.first_number + (pos.window_start + c.parent as usize) as u64;
        self.links.push(Some(parent_number), c.ordinal as u64);
        if let Some(stats) = self.stats.per_action.get_mut(c.action as usize) {
            stats.distinct += 1;
        }
        if let Some(n) = new_per_parent.get_mut((c.parent - chunk_first) as usize) {
            *n += 1;
        }
        self.stats.depth = self.stats.depth.max(pos.level + 1);
        next.push(self.model, c.state);
    }

    /// Keeps a violation found with `-continue`. TLC checks invariants only of new states, so
    /// a violation of a candidate that turned out to be a duplicate is not one.
    fn record_violation(&mut self, event: Event<M::State>, window: &[M::State], pos: &LevelPos, last_was_new: bool) {
        if event.successor_is_candidate && !last_was_new {
            return;
        }
        let parent_index = pos.window_start + event.parent as usize;
        let parent_number = pos.first_number + parent_index as u64;
        let status = self.event_status(event.kind);
        let violation = match self.rebuild_trace(parent_number, &window[event.parent as usize], event.successor) {
            Ok(trace) => Violation { status, trace },
            Err(message) => Violation {
                status: Status::TraceReplayFailed { message: format!("{status:?}: {message}") },
                trace: Vec::new(),
            },
        };
        self.observer.event(&EngineEvent::Violation(Box::new(violation.clone())));
        self.violations.push(violation);
    }

    fn event_status(&self, kind: EventKind) -> Status {
        match kind {
            EventKind::Invariant(index) => invariant_status(self.model.invariants(), index, false),
            EventKind::ActionProperty(index) => Status::ActionPropertyViolation {
                index,
                property: property_info(self.model.action_properties(), index, "action property"),
            },
            EventKind::Deadlock => Status::Deadlock,
            EventKind::Error(error, context) => Status::EvalError { error, context },
            EventKind::Exit => Status::Success,
        }
    }

    fn record_outdegree(&mut self, new_per_parent: &[u32]) {
        for &n in new_per_parent {
            let n = n as usize;
            if self.outdegree.len() <= n {
                self.outdegree.resize(n + 1, 0);
            }
            self.outdegree[n] += 1;
        }
    }

    fn stop_at(
        &mut self,
        event: Event<M::State>,
        window: &[M::State],
        pos: &LevelPos,
        next_len: usize,
        last_was_new: bool,
    ) -> Stop<M::State> {
        let parent_index = pos.window_start + event.parent as usize;
        // TLC adds a new violating state to the seen set but never enqueues it.
        let unqueued = usize::from(event.successor_is_candidate && last_was_new);
        self.stats.left_on_queue = (pos.level_len - parent_index - 1 + next_len - unqueued) as u64;
        if matches!(event.kind, EventKind::Exit) {
            return Stop::Done;
        }
        let status = self.event_status(event.kind);
        Stop::Found {
            status,
            parent_number: pos.first_number + parent_index as u64,
            parent: window[event.parent as usize].clone(),
            successor: event.successor,
        }
    }

    /// TLC reports progress once about three seconds after the search starts and then every
    /// interval, and computes the rates as if a whole interval had passed each time.
    fn maybe_report_progress(&mut self, queue: u64) {
        let tick = ProgressInfo {
            depth: self.stats.depth,
            generated: self.stats.generated,
            distinct: self.seen.len(),
            queue,
            ..ProgressInfo::default()
        };
        self.observer.tick(&tick);
        let interval = self.opts.progress_interval;
        let due = if self.progress.reports == 0 { interval.min(FIRST_PROGRESS) } else { interval };
        if self.progress.at.elapsed() < due {
            return;
        }
        let minutes = if interval.is_zero() { 1.0 } else { interval.as_secs_f64() / 60.0 };
        let distinct = self.seen.len();
        let info = ProgressInfo {
            depth: self.stats.depth,
            generated: self.stats.generated,
            distinct,
            queue,
            states_per_minute: ((self.stats.generated - self.progress.generated) as f64 / minutes) as u64,
            distinct_per_minute: ((distinct - self.progress.distinct) as f64 / minutes) as u64,
        };
        let reports = self.progress.reports + 1;
        self.progress = ProgressMark { at: Instant::now(), generated: self.stats.generated, distinct, reports };
        self.observer.event(&EngineEvent::Progress(info));
    }

    fn finish(mut self, stop: Stop<M::State>) -> CheckResult {
        self.stats.distinct = self.seen.len();
        self.stats.memory = MemoryStats {
            seen_bytes: self.seen.memory_bytes() as u64,
            links_bytes: self.links.memory_bytes() as u64,
            fingerprints_on_disk: self.seen.on_disk(),
            links_on_disk: self.links.on_disk(),
            ..self.stats.memory
        };
        let (status, trace) = match stop {
            Stop::Done => {
                self.stats.outdegree = outdegree_summary(&self.outdegree);
                let (d, g) = (self.stats.distinct as f64, self.stats.generated as f64);
                if d * ((g - d) / 2f64.powi(64)) >= 1e-10 {
                    self.stats.fingerprint_min_distance = self.seen.min_distance();
                }
                (Status::Success, Vec::new())
            }
            Stop::Interrupted => (Status::Interrupted, Vec::new()),
            Stop::SpillFailed(message) => (Status::ResourceExhausted { message }, Vec::new()),
            Stop::Init { status, state } => {
                let mut worker = self.worker(0);
                self.model.set_snapshot(&mut worker, &EngineSnapshot { level: 1, ..self.snapshot(0, 0) });
                let trace = state.map(|s| self.step(&mut worker, &s, None));
                (status, trace.into_iter().collect())
            }
            Stop::Found { status, parent_number, parent, successor } => {
                match self.rebuild_trace(parent_number, &parent, successor) {
                    Ok(trace) => (status, trace),
                    Err(message) => {
                        (Status::TraceReplayFailed { message: format!("{status:?}: {message}") }, Vec::new())
                    }
                }
            }
        };
        self.stats.duration = self.start.elapsed();
        let variables = self.model.variables().to_vec();
        CheckResult { status, trace, stats: self.stats, variables, violations: self.violations }
    }

    fn rebuild_trace(
        &self,
        parent_number: u64,
        parent: &M::State,
        successor: Option<(ActionId, M::State)>,
    ) -> Result<Vec<TraceStep>, String> {
        let snapshot = self.snapshot(0, self.stats.left_on_queue);
        let mut worker = self.worker(0);
        let path = replay(self.model, &mut worker, &self.links, &self.seen, (parent_number, parent), &snapshot)?;
        // Each state is fingerprinted at its own level (a VIEW may read TLCGet("level")).
        let mut trace = Vec::with_capacity(path.len() + 1);
        for (i, (s, a)) in path.iter().enumerate() {
            self.model.set_snapshot(&mut worker, &EngineSnapshot { level: i as u32 + 1, ..snapshot.clone() });
            trace.push(self.step(&mut worker, s, *a));
        }
        if let Some((action, state)) = successor {
            let level = path.len() as u32 + 1;
            self.model.set_snapshot(&mut worker, &EngineSnapshot { level, ..snapshot.clone() });
            trace.push(self.step(&mut worker, &state, Some(action)));
        }
        Ok(trace)
    }

    /// A trace step; the worker's snapshot must have the state's level (see `Model::fingerprint`).
    fn step(&self, worker: &mut M::Worker, state: &M::State, action: Option<ActionId>) -> TraceStep {
        TraceStep {
            values: self.model.state_values(state),
            // An action id the model did not declare still marks a successor, never an
            // initial state.
            action: action.map(|a| {
                let declared = self.model.actions().get(a as usize).cloned();
                declared.unwrap_or_else(|| ActionInfo { name: format!("action {a}"), location: None })
            }),
            fingerprint: self.model.fingerprint(worker, state),
        }
    }
}

fn skipped_chunk<S>(first: u32) -> ChunkOut<S> {
    ChunkOut {
        first,
        generated: Vec::new(),
        candidates: Vec::new(),
        event: None,
        violations: Vec::new(),
        generated_per_action: Vec::new(),
    }
}

fn property_info(properties: &[PropertyInfo], index: usize, what: &str) -> PropertyInfo {
    properties.get(index).cloned().unwrap_or_else(|| PropertyInfo {
        name: format!("{what} {index}"),
        location: None,
        expression: String::new(),
    })
}

fn invariant_status(invariants: &[PropertyInfo], index: usize, initial: bool) -> Status {
    Status::InvariantViolation { index, property: property_info(invariants, index, "invariant"), initial }
}

/// Min, rounded mean, 95th percentile and max of the outdegree histogram.
fn outdegree_summary(histogram: &[u64]) -> Option<OutDegree> {
    let total: u64 = histogram.iter().sum();
    if total == 0 {
        return None;
    }
    let min = histogram.iter().position(|&c| c > 0)? as u64;
    let max = histogram.iter().rposition(|&c| c > 0)? as u64;
    let sum: u64 = histogram.iter().enumerate().map(|(n, &c)| n as u64 * c).sum();
    let mean = (sum as f64 / total as f64).round() as u64;
    let threshold = (total as f64 * 0.95).ceil() as u64;
    let mut seen = 0;
    let mut percentile95 = max;
    for (n, &c) in histogram.iter().enumerate() {
        seen += c;
        if seen >= threshold {
            percentile95 = n as u64;
            break;
        }
    }
    Some(OutDegree { min, mean, percentile95, max })
}
