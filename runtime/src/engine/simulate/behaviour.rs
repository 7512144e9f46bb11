//! One simulation worker: random behaviours generated as TLC's `SimulationWorker` does.
//!
//! From a random initial state, each step picks a random action, generates that action's
//! successors, counts and checks every one of them (invariants, then action properties, then
//! the constraints that decide whether it may be chosen), and moves to a random successor that
//! satisfies the constraints. An action without such a successor makes the worker try the
//! others in a random order; when none has one the state is a deadlock (TLC reports it in
//! simulation even when every successor is excluded by a CONSTRAINT, unlike BFS), or, with
//! deadlock checking off, the behaviour ends.

use super::rng::Rng;
use super::{stops_run, Round, SimulationOptions};
use crate::model::{ActionId, ActionInfo, EngineSnapshot, Model};
use crate::report::{ErrorContext, Status, TraceStep, Violation};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Instant;

/// What every worker shares.
pub(super) struct Shared<'a, M: Model> {
    pub model: &'a M,
    pub opts: &'a SimulationOptions,
    /// The initial states that satisfy the constraints (TLC picks among these only).
    pub inits: &'a [M::State],
    /// Global index of the earliest behaviour that stops the run: later ones are not needed.
    pub cut: &'a AtomicU64,
    /// Set when the run must stop now (the observer asked to).
    pub halt: &'a AtomicBool,
    pub start: Instant,
    pub workers: usize,
    /// Run on every completed behaviour (temporal properties).
    pub check: Option<super::BehaviourCheck<'a, M::State>>,
}

/// How one behaviour ended.
pub(super) enum End {
    /// It reached the depth bound, or a state without successors with deadlock checking off.
    Complete,
    /// A violation or an evaluation error, with the behaviour that leads to it.
    Found(Box<Violation>),
    /// The model asked to stop (`TLCSet("exit", TRUE)`).
    Exit,
    /// Abandoned because the run is stopping; it does not count.
    Halted,
}

/// One behaviour's contribution to the run.
pub(super) struct Outcome {
    /// States generated (every successor of every action tried).
    pub generated: u64,
    /// The number of states of the behaviour.
    pub level: u32,
    pub end: End,
}

/// A worker: its index, random source, model scratch and count of behaviours started.
pub(super) struct Walker<M: Model> {
    pub index: usize,
    rng: Rng,
    worker: M::Worker,
    started: u64,
}

/// What a step led to.
enum Step<S> {
    Next(ActionId, S),
    /// No successor to move to and deadlock checking is off.
    Stuck,
    Stop(End),
}

type Path<S> = Vec<(Option<ActionId>, S)>;

impl<M: Model> Walker<M> {
    pub fn new(index: usize, rng: Rng, worker: M::Worker) -> Walker<M> {
        Walker { index, rng, worker, started: 0 }
    }

    /// Generates this worker's behaviours of a round, stopping after one that stops the run.
    pub fn run_round(&mut self, sh: &Shared<'_, M>, round: &Round) -> Vec<Outcome> {
        let mut outs = Vec::with_capacity(round.count as usize);
        let mut generated = 0;
        for k in 0..round.count {
            let global = (round.seq + k) * sh.workers as u64 + self.index as u64;
            if sh.halt.load(Ordering::Relaxed) || global > sh.cut.load(Ordering::Relaxed) {
                break;
            }
            let out = self.behaviour(sh, global, round.base_generated + generated);
            generated += out.generated;
            let stop = match &out.end {
                End::Found(v) => stops_run(&v.status, sh.opts),
                End::Exit => true,
                End::Complete | End::Halted => false,
            };
            outs.push(out);
            if stop {
                sh.cut.fetch_min(global, Ordering::Relaxed);
                break;
            }
        }
        outs
    }

    fn behaviour(&mut self, sh: &Shared<'_, M>, global: u64, base_generated: u64) -> Outcome {
        self.started += 1;
        let init = sh.inits[self.rng.below(sh.inits.len())].clone();
        let mut path: Path<M::State> = vec![(None, init)];
        let mut generated = 0;
        for _ in 0..sh.opts.depth {
            if sh.halt.load(Ordering::Relaxed) || global > sh.cut.load(Ordering::Relaxed) {
                return Outcome { generated, level: path.len() as u32, end: End::Halted };
            }
            let step = self.step(sh, &path, &mut generated, base_generated);
            let exit = sh.model.take_exit_request(&mut self.worker);
            match step {
                Step::Next(action, state) => path.push((Some(action), state)),
                Step::Stuck => break,
                Step::Stop(end) => return Outcome { generated, level: path.len() as u32, end },
            }
            if exit {
                return Outcome { generated, level: path.len() as u32, end: End::Exit };
            }
        }
        if let Some(violation) = sh.check.and_then(|check| check(&path)) {
            return Outcome { generated, level: path.len() as u32, end: End::Found(violation) };
        }
        if let Some(base) = &sh.opts.trace_file {
            // As in TLC, a behaviour that cannot be written does not stop the run.
            let _ = write_behaviour(sh.model, &format!("{base}_{}_{}", self.index, self.started - 1), &path);
        }
        Outcome { generated, level: path.len() as u32, end: End::Complete }
    }

    fn snapshot(&self, sh: &Shared<'_, M>, level: u32, generated: u64) -> EngineSnapshot {
        EngineSnapshot {
            level,
            generated,
            // TLC's `TLCGet("diameter")` is the number of behaviours of this worker in simulation.
            diameter: self.started.min(u32::MAX as u64) as u32,
            duration_secs: sh.start.elapsed().as_secs(),
            worker: self.index,
            ..EngineSnapshot::default()
        }
    }

    /// Extends the behaviour by one state, or ends it.
    fn step(&mut self, sh: &Shared<'_, M>, path: &Path<M::State>, generated: &mut u64, base: u64) -> Step<M::State> {
        let model = sh.model;
        let level = path.len() as u32;
        let from = &path[path.len() - 1].1;
        let snapshot = self.snapshot(sh, level, base + *generated);
        model.set_snapshot(&mut self.worker, &snapshot);
        let mut successors = Vec::new();
        if let Err(error) = model.next_states(&mut self.worker, from, &mut |a, s| successors.push((a, s))) {
            let status = Status::EvalError { error: super::unexpected_exception(error), context: ErrorContext::Next };
            return Step::Stop(self.found(sh, status, path, None));
        }
        // Successors are checked at their own level, as `TLCGet("level")` is in TLC.
        let snapshot = EngineSnapshot { level: level + 1, ..snapshot };
        model.set_snapshot(&mut self.worker, &snapshot);
        let mut groups = group_by_action(successors, model.actions().len());
        let n = groups.len();
        let mut index = self.rng.below(n);
        let stride = self.rng.coprime_step(n);
        let mut kept = Vec::new();
        for _ in 0..n {
            let mut group = std::mem::take(&mut groups[index]);
            if sh.opts.generate {
                shuffle(&mut self.rng, &mut group);
            }
            for (action, succ) in group {
                *generated += 1;
                match self.check_successor(sh, from, &succ) {
                    Err(failure) => {
                        let (status, with_successor) = *failure;
                        let successor = with_successor.then_some((action, succ));
                        return Step::Stop(self.found(sh, status, path, successor));
                    }
                    Ok(false) => {}
                    Ok(true) => kept.push((action, succ)),
                }
                // The generator stops at the first successor it may move to.
                if sh.opts.generate && !kept.is_empty() {
                    break;
                }
            }
            if !kept.is_empty() {
                break;
            }
            index = (index + stride) % n;
        }
        if kept.is_empty() {
            if sh.opts.check_deadlock {
                return Step::Stop(self.found(sh, Status::Deadlock, path, None));
            }
            return Step::Stuck;
        }
        let (action, state) = kept.swap_remove(self.rng.below(kept.len()));
        Step::Next(action, state)
    }

    /// TLC's checks of one successor, in its order; `Ok(true)` if it may be moved to. An error
    /// says whether the successor belongs in the reported behaviour.
    fn check_successor(
        &mut self,
        sh: &Shared<'_, M>,
        from: &M::State,
        succ: &M::State,
    ) -> Result<bool, Box<(Status, bool)>> {
        let model = sh.model;
        let w = &mut self.worker;
        match model.check_invariants(w, succ) {
            Ok(None) => {}
            Ok(Some(index)) => {
                let property = super::property_info(model.invariants(), index, "invariant");
                return Err(Box::new((Status::InvariantViolation { index, property, initial: false }, true)));
            }
            Err(error) => return Err(Box::new((Status::EvalError { error, context: ErrorContext::Invariant }, true))),
        }
        if !model.action_properties().is_empty() {
            match model.check_action_properties(w, from, succ) {
                Ok(None) => {}
                Ok(Some(index)) => {
                    let property = super::property_info(model.action_properties(), index, "action property");
                    return Err(Box::new((Status::ActionPropertyViolation { index, property }, true)));
                }
                Err(error) => {
                    return Err(Box::new((Status::EvalError { error, context: ErrorContext::ActionProperty }, true)))
                }
            }
        }
        // TLC evaluates the constraints while it computes the successors, so an error there
        // is reported with the behaviour up to the state being expanded.
        let constraint = |error| {
            let error = super::unexpected_exception(error);
            Box::new((Status::EvalError { error, context: ErrorContext::Constraint }, false))
        };
        Ok(model.satisfies_constraints(w, succ).map_err(constraint)?
            && model.satisfies_action_constraints(w, from, succ).map_err(constraint)?)
    }

    fn found(
        &mut self,
        sh: &Shared<'_, M>,
        status: Status,
        path: &Path<M::State>,
        successor: Option<(ActionId, M::State)>,
    ) -> End {
        let mut states: Vec<(Option<ActionId>, &M::State)> = path.iter().map(|(a, s)| (*a, s)).collect();
        if let Some((a, s)) = &successor {
            states.push((Some(*a), s));
        }
        End::Found(Box::new(Violation { status, trace: trace_steps(sh.model, &mut self.worker, &states) }))
    }
}

/// The reported behaviour. As TLC does, steps that leave the state unchanged are dropped: a
/// random walk may stutter, and the shorter behaviour shows the same thing.
/// Each state is fingerprinted at its level in the behaviour (a VIEW may read TLCGet("level")).
pub(super) fn trace_steps<M: Model>(
    model: &M,
    worker: &mut M::Worker,
    states: &[(Option<ActionId>, &M::State)],
) -> Vec<TraceStep> {
    let mut trace = Vec::with_capacity(states.len());
    let mut previous: Option<&M::State> = None;
    for (i, &(action, state)) in states.iter().enumerate() {
        if previous == Some(state) {
            continue;
        }
        previous = Some(state);
        trace.push(TraceStep {
            values: model.state_values(state),
            action: action.map(|a| {
                let declared = model.actions().get(a as usize).cloned();
                declared.unwrap_or_else(|| ActionInfo { name: format!("action {a}"), location: None })
            }),
            fingerprint: {
                model.set_snapshot(worker, &EngineSnapshot { level: i as u32 + 1, ..Default::default() });
                model.fingerprint(worker, state)
            },
        });
    }
    trace
}

/// Writes a behaviour as TLC's `-simulate file=F` does: a module with one `STATE_i` definition
/// per state, each preceded by the location of the action that produced it.
fn write_behaviour<M: Model>(model: &M, name: &str, path: &Path<M::State>) -> std::io::Result<()> {
    use crate::report::human::{action_label, format_state};
    use std::fmt::Write;
    let mut text = format!("---------------- MODULE {name} -----------------\n");
    for (i, (action, state)) in path.iter().enumerate() {
        if let Some(info) = action.and_then(|a| model.actions().get(a as usize)) {
            let _ = writeln!(text, "\\* {}", action_label(Some(info)));
        }
        let values = format_state(model.variables(), &model.state_values(state));
        let _ = writeln!(text, "STATE_{} == \n{values}\n", i + 1);
    }
    text.push_str("=================================================\n");
    std::fs::write(name, text)
}

/// The successors per action, in `actions()` order (TLC picks an action first); a model that
/// declares no action has one group.
fn group_by_action<S>(successors: Vec<(ActionId, S)>, actions: usize) -> Vec<Vec<(ActionId, S)>> {
    let n = actions.max(1);
    let mut groups: Vec<Vec<(ActionId, S)>> = (0..n).map(|_| Vec::new()).collect();
    for (action, state) in successors {
        groups[action as usize % n].push((action, state));
    }
    groups
}

/// Fisher–Yates.
fn shuffle<T>(rng: &mut Rng, items: &mut [T]) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}
