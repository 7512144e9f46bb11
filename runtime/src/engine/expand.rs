//! The parallel half of a BFS step: expanding a chunk of states of the current level.
//!
//! A worker generates the successors of its chunk's states in order, fingerprints them, applies
//! the constraints, looks them up in the seen set (read-only during this phase) and checks the
//! invariants of every successor that may be new, exactly as TLC's single worker would on the
//! same states. It stops at the chunk's first event (violation, error, deadlock), because
//! nothing after it can be reported. The sequential merge in `bfs.rs` then inserts the
//! candidates in state order, so results never depend on the number of workers.

use super::seen::FingerprintSet;
use crate::model::{ActionId, EngineSnapshot, Model, ModelError};
use crate::report::ErrorContext;

/// States whose successors are generated before any of them is looked up.
const STATE_BATCH: usize = 8;

/// A successor that satisfies the constraints and was not in the seen set when its chunk was
/// expanded; the merge decides whether it is new.
pub(crate) struct Candidate<S> {
    /// Index of the parent within the window.
    pub parent: u32,
    pub ordinal: u32,
    pub action: ActionId,
    pub fp: u64,
    pub state: S,
}

/// What stops the run.
pub(crate) enum EventKind {
    Invariant(usize),
    ActionProperty(usize),
    Deadlock,
    Error(ModelError, ErrorContext),
    /// The model asked to stop after this state (`TLCSet("exit", TRUE)`).
    Exit,
}

/// The first event of a chunk, with the successor it concerns (if any).
pub(crate) struct Event<S> {
    /// Index of the parent within the window.
    pub parent: u32,
    pub kind: EventKind,
    pub successor: Option<(ActionId, S)>,
    /// True if the successor is the chunk's last candidate (so the merge may have added it to
    /// the seen set, as TLC does before it checks invariants).
    pub successor_is_candidate: bool,
}

/// The result of expanding one chunk.
pub(crate) struct ChunkOut<S> {
    /// Index of the chunk's first state in the window.
    pub first: u32,
    /// For each expanded parent, the successors counted as generated (up to the event for the
    /// parent where the event happened, as TLC counts them one by one).
    pub generated: Vec<u32>,
    pub candidates: Vec<Candidate<S>>,
    pub event: Option<Event<S>>,
    /// With `-continue`: the violations that did not stop the chunk, each with the number of
    /// candidates recorded before it (so a violation of a candidate follows that candidate).
    pub violations: Vec<(usize, Event<S>)>,
    pub generated_per_action: Vec<u64>,
}

/// What every worker shares while a window is expanded.
pub(crate) struct ExpandCtx<'a, M: Model> {
    pub model: &'a M,
    pub seen: &'a FingerprintSet,
    pub snapshot: EngineSnapshot,
    pub check_deadlock: bool,
    pub continue_after_violation: bool,
}

impl<M: Model> ExpandCtx<'_, M> {
    /// Expands `states`, whose first one has index `first` in the window.
    pub fn expand_chunk(
        &self,
        worker: &mut M::Worker,
        worker_index: usize,
        states: &[M::State],
        first: u32,
    ) -> ChunkOut<M::State> {
        let mut out = ChunkOut {
            first,
            generated: Vec::with_capacity(states.len()),
            candidates: Vec::new(),
            event: None,
            violations: Vec::new(),
            generated_per_action: vec![0; self.model.actions().len()],
        };
        let mut buffer: Vec<(ActionId, M::State)> = Vec::new();
        let mut fps: Vec<u64> = Vec::new();
        let mut ends: Vec<(usize, Result<(), ModelError>)> = Vec::with_capacity(STATE_BATCH);
        for (b, batch) in states.chunks(STATE_BATCH).enumerate() {
            // Generate and fingerprint a few states' successors before looking any of them up,
            // so that the seen-set slots are fetched while other work happens.
            buffer.clear();
            ends.clear();
            for (k, state) in batch.iter().enumerate() {
                self.model.set_snapshot(worker, &self.snapshot_for(first + (b * STATE_BATCH + k) as u32, worker_index));
                let result = self.model.next_states(worker, state, &mut |a, s| buffer.push((a, s)));
                ends.push((buffer.len(), result));
            }
            // TLC evaluates constraints and invariants of a successor at the successor's level.
            let last = first + (b * STATE_BATCH + batch.len() - 1) as u32;
            let snapshot = self.snapshot_for(last, worker_index);
            self.model.set_snapshot(worker, &EngineSnapshot { level: snapshot.level + 1, ..snapshot });
            fps.clear();
            fps.extend(buffer.iter().map(|(_, s)| self.model.fingerprint(worker, s)));
            for &fp in &fps {
                self.seen.prefetch(fp);
            }
            let mut successors = buffer.drain(..);
            let mut begin = 0;
            for (k, (state, (end, result))) in batch.iter().zip(ends.drain(..)).enumerate() {
                let parent = first + (b * STATE_BATCH + k) as u32;
                let mut step = StepCtx { parent, from: state, out: &mut out };
                if self.successors(worker, &mut step, (&mut successors).take(end - begin), &fps[begin..end]) {
                    return out;
                }
                let kind = match result {
                    Err(error) => EventKind::Error(error, ErrorContext::Next),
                    Ok(()) if end == begin && self.check_deadlock => EventKind::Deadlock,
                    Ok(()) if self.model.take_exit_request(worker) => EventKind::Exit,
                    Ok(()) => {
                        begin = end;
                        continue;
                    }
                };
                out.event = Some(Event { parent, kind, successor: None, successor_is_candidate: false });
                return out;
            }
        }
        out
    }

    /// The snapshot for expanding the window's state `index`. `self.snapshot.queue` counts the
    /// states waiting when the window started, the window included; TLC has dequeued the states
    /// up to and including the one it expands.
    fn snapshot_for(&self, index: u32, worker_index: usize) -> EngineSnapshot {
        let queue = self.snapshot.queue.saturating_sub(index as u64 + 1);
        EngineSnapshot { queue, worker: worker_index, ..self.snapshot.clone() }
    }

    /// Processes the successors of one parent in order; true if an event stopped the chunk.
    fn successors(
        &self,
        worker: &mut M::Worker,
        step: &mut StepCtx<'_, M::State>,
        successors: impl Iterator<Item = (ActionId, M::State)>,
        fps: &[u64],
    ) -> bool {
        step.out.generated.push(0);
        for (ordinal, ((action, succ), &fp)) in successors.zip(fps).enumerate() {
            if let Some(n) = step.out.generated.last_mut() {
                *n += 1;
            }
            if let Some(n) = step.out.generated_per_action.get_mut(action as usize) {
                *n += 1;
            }
            let (class, event) = self.classify(worker, step.from, &succ, fp);
            let is_candidate = class == Class::Candidate;
            let candidate = |state| Candidate { parent: step.parent, ordinal: ordinal as u32, action, fp, state };
            match event {
                None => {
                    if is_candidate {
                        step.out.candidates.push(candidate(succ));
                    }
                }
                Some(kind) => {
                    if is_candidate {
                        step.out.candidates.push(candidate(succ.clone()));
                    }
                    let continues = self.continue_after_violation
                        && matches!(kind, EventKind::Invariant(_) | EventKind::ActionProperty(_));
                    let event = Event {
                        parent: step.parent,
                        kind,
                        successor: Some((action, succ)),
                        successor_is_candidate: is_candidate,
                    };
                    if !continues {
                        step.out.event = Some(event);
                        return true;
                    }
                    step.out.violations.push((step.out.candidates.len(), event));
                }
            }
        }
        false
    }

    /// TLC's treatment of one successor: constraints, seen-set lookup, invariants of states
    /// that may be new (and of excluded ones), action properties of every step.
    fn classify(
        &self,
        worker: &mut M::Worker,
        from: &M::State,
        succ: &M::State,
        fp: u64,
    ) -> (Class, Option<EventKind>) {
        let in_model = match self.in_model(worker, from, succ) {
            Ok(b) => b,
            Err(e) => return (Class::Excluded, Some(EventKind::Error(e, ErrorContext::Constraint))),
        };
        let class = match (in_model, in_model && self.seen.contains(fp)) {
            (false, _) => Class::Excluded,
            (true, true) => Class::Old,
            (true, false) => Class::Candidate,
        };
        if class != Class::Old {
            match self.model.check_invariants(worker, succ) {
                Ok(None) => {}
                Ok(Some(i)) => return (class, Some(EventKind::Invariant(i))),
                Err(e) => return (class, Some(EventKind::Error(e, ErrorContext::Invariant))),
            }
        }
        if !self.model.action_properties().is_empty() {
            match self.model.check_action_properties(worker, from, succ) {
                Ok(None) => {}
                Ok(Some(i)) => return (class, Some(EventKind::ActionProperty(i))),
                Err(e) => return (class, Some(EventKind::Error(e, ErrorContext::ActionProperty))),
            }
        }
        (class, None)
    }

    fn in_model(&self, worker: &mut M::Worker, from: &M::State, succ: &M::State) -> Result<bool, ModelError> {
        Ok(self.model.satisfies_constraints(worker, succ)?
            && self.model.satisfies_action_constraints(worker, from, succ)?)
    }
}

/// How a successor relates to the seen set.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// Seen in an earlier batch.
    Old,
    /// Satisfies the constraints and was not seen when the chunk was expanded.
    Candidate,
    /// Excluded by a CONSTRAINT or ACTION_CONSTRAINT.
    Excluded,
}

/// The parent whose successors are being processed.
struct StepCtx<'a, S> {
    parent: u32,
    from: &'a S,
    out: &'a mut ChunkOut<S>,
}
