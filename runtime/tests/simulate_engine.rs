//! Simulation engine: TLC's semantics on small Rust models (depth bound, invariants on every
//! successor, deadlock, constraints, `TLCGet("level")`), and identical results for the same
//! seed and worker count.

mod engine_support;

use engine_support::*;
use std::sync::atomic::{AtomicBool, Ordering};
use tla2_runtime::engine::simulate::{simulate, simulate_observed, SimEvent, SimObserver};
use tla2_runtime::engine::{SimulationOptions, SimulationResult};
use tla2_runtime::model::{Model, PropertyInfo};
use tla2_runtime::report::{ErrorContext, Status};
use tla2_runtime::Value;

fn opts(behaviours: u64, depth: u32, seed: i64) -> SimulationOptions {
    SimulationOptions { behaviours: Some(behaviours), depth, seed, ..SimulationOptions::default() }
}

fn trace_values(r: &SimulationResult) -> Vec<Vec<i64>> {
    let int = |v: &Value| match v {
        Value::Int(i) => *i,
        _ => panic!("test models only hold integers"),
    };
    r.result.trace.iter().map(|s| s.values.iter().map(int).collect()).collect()
}

/// `x = 0`, `Next == x' = x + 1`, `Inv == x < limit` (as `x < 5` with limit 5).
fn counter(limit: Option<i64>) -> Spec {
    let spec = Spec::new(&["x"], &["Inc"], vec![vec![0]], |s, emit| {
        emit(0, vec![s[0] + 1]);
        Ok(())
    });
    match limit {
        Some(5) => spec.with_invariants(&["Inv"], |s| (s[0] >= 5).then_some(0)),
        _ => spec,
    }
}

/// A random walk on `0..=20` with a stuttering action: `Up`, `Down` (when positive), `Stay`;
/// `Inv == x < 6`.
fn walk() -> Spec {
    Spec::new(&["x"], &["Up", "Down", "Stay"], vec![vec![0], vec![1]], |s, emit| {
        if s[0] < 20 {
            emit(0, vec![s[0] + 1]);
        }
        if s[0] > 0 {
            emit(1, vec![s[0] - 1]);
        }
        emit(2, s.clone());
        Ok(())
    })
    .with_invariants(&["Inv"], |s| (s[0] >= 6).then_some(0))
}

#[test]
fn an_invariant_violated_at_depth_six_is_reported_with_its_behaviour() {
    let r = simulate(&counter(Some(5)), &opts(3, 10, 1));
    match &r.result.status {
        Status::InvariantViolation { property, initial: false, .. } => assert_eq!(property.name, "Inv"),
        other => panic!("unexpected status {other:?}"),
    }
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2], vec![3], vec![4], vec![5]]);
    // As TLC counts them: the initial state and the five successors of the behaviour.
    assert_eq!((r.result.stats.generated, r.progress.traces, r.result.exit_code()), (6, 1, 12));
    assert!(r.summary);
}

#[test]
fn behaviours_have_depth_steps_and_num_is_per_worker() {
    // TLC: `-simulate num=3 -depth 4` generates 1 + 3 * 4 = 13 states, 25 with two workers.
    let r = simulate(&counter(None), &opts(3, 4, 1));
    assert_eq!(r.result.status, Status::Success);
    assert_eq!((r.result.stats.generated, r.result.stats.depth, r.progress.traces), (13, 5, 3));
    assert_eq!((r.progress.mean, r.progress.variance), (4, 0));
    let r = simulate(&counter(None), &SimulationOptions { workers: 2, ..opts(3, 4, 1) });
    assert_eq!((r.result.stats.generated, r.progress.traces), (25, 6));
    // The depth bound also holds when the invariant would fail one step later.
    let r = simulate(&counter(Some(5)), &opts(5, 4, 9));
    assert_eq!(r.result.status, Status::Success);
}

#[test]
fn a_state_without_successors_is_a_deadlock_unless_disabled() {
    let r = simulate(&counts_to_three(), &opts(10, 20, 7));
    assert_eq!(r.result.status, Status::Deadlock);
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2], vec![3]]);
    assert_eq!(r.result.exit_code(), 11);
    let r = simulate(&counts_to_three(), &SimulationOptions { check_deadlock: false, ..opts(10, 20, 7) });
    assert_eq!(r.result.status, Status::Success);
    assert_eq!((r.result.stats.generated, r.result.stats.depth), (1 + 10 * 3, 4));
}

#[test]
fn successors_all_excluded_by_a_constraint_are_a_deadlock_in_simulation() {
    // Unlike BFS, TLC's simulator reports this deadlock (verified with TLC: `x = 10`,
    // `x' = x + 1`, `CONSTRAINT x < 12` deadlocks at x = 11; so does `ACTION_CONSTRAINT x' < 13`
    // at x = 12).
    let mut spec = counter(None);
    spec.init = vec![vec![10]];
    spec.constraint = |s| s[0] < 12;
    let r = simulate(&spec, &opts(5, 20, 3));
    assert_eq!(r.result.status, Status::Deadlock);
    assert_eq!(trace_values(&r), vec![vec![10], vec![11]]);
    let mut spec = counter(None);
    spec.init = vec![vec![10]];
    spec.action_constraint = |_, t| t[0] < 13;
    let r = simulate(&spec, &opts(5, 20, 3));
    assert_eq!(trace_values(&r), vec![vec![10], vec![11], vec![12]]);
}

#[test]
fn the_same_seed_and_worker_count_give_the_same_result() {
    for workers in [1, 3] {
        let o = SimulationOptions { workers, ..opts(200, 30, 42) };
        let first = simulate(&walk(), &o);
        assert!(matches!(first.result.status, Status::InvariantViolation { .. }), "{:?}", first.result.status);
        for _ in 0..5 {
            let again = simulate(&walk(), &o);
            assert_eq!(again.result.trace, first.result.trace);
            assert_eq!(again.result.status, first.result.status);
            assert_eq!(again.progress, first.progress);
        }
    }
}

#[test]
fn different_seeds_give_different_behaviours() {
    let traces: Vec<_> = (1..=4).map(|seed| trace_values(&simulate(&walk(), &opts(200, 30, seed)))).collect();
    assert!(traces.iter().any(|t| t != &traces[0]), "{traces:?}");
}

#[test]
fn every_reported_step_is_a_successor_and_stuttering_steps_are_dropped() {
    let spec = walk();
    for seed in 0..20 {
        let r = simulate(&spec, &opts(100, 40, seed));
        let states = trace_values(&r);
        assert_eq!(states.last().map(|s| s[0]), Some(6), "seed {seed}");
        for pair in states.windows(2) {
            assert_eq!((pair[0][0] - pair[1][0]).abs(), 1, "seed {seed}: {states:?}");
        }
    }
}

#[test]
fn die_hard_is_solved_by_random_behaviours() {
    let r = simulate(&die_hard(), &opts(1000, 100, 5));
    match &r.result.status {
        Status::InvariantViolation { property, .. } => assert_eq!(property.name, "NotSolved"),
        other => panic!("unexpected status {other:?}"),
    }
    assert_eq!(trace_values(&r).last().map(|s| s[0]), Some(4));
}

#[test]
fn the_model_sees_the_level_of_the_state_it_expands() {
    let spec = counter(None);
    let _ = simulate(&spec, &opts(2, 6, 1));
    let expanded = spec.expanded.lock().unwrap();
    assert_eq!(expanded.len(), 12);
    for (state, level, _) in expanded.iter() {
        assert_eq!(*level as i64, state[0] + 1, "TLCGet(\"level\") of {state:?}");
    }
}

#[test]
fn an_initial_state_that_violates_an_invariant_is_reported_without_statistics() {
    let spec = walk().with_invariants(&["Positive"], |s| (s[0] == 0).then_some(0));
    let r = simulate(&spec, &opts(10, 10, 1));
    assert!(matches!(r.result.status, Status::InvariantViolation { initial: true, .. }));
    assert_eq!(trace_values(&r), vec![vec![0]]);
    assert!(!r.summary);
}

#[test]
fn no_initial_state_within_the_constraints_is_an_error_with_tlc_exit_code() {
    let mut spec = counter(None);
    spec.constraint = |s| s[0] > 0;
    let r = simulate(&spec, &opts(10, 10, 1));
    match &r.result.status {
        Status::EvalError { error, context: ErrorContext::Init } => assert_eq!(
            error.error.message,
            "There is no state satisfying the initial state predicate and the state-constraint(s)."
        ),
        other => panic!("unexpected status {other:?}"),
    }
    assert_eq!(r.result.exit_code(), 255);
}

#[test]
fn an_evaluation_error_is_reported_with_the_behaviour_so_far() {
    let spec = Spec::new(&["x"], &["Inc"], vec![vec![0]], |s, emit| {
        if s[0] == 2 {
            return Err(error("f[3] is not in the domain"));
        }
        emit(0, vec![s[0] + 1]);
        Ok(())
    });
    let r = simulate(&spec, &opts(3, 10, 1));
    assert!(matches!(r.result.status, Status::EvalError { context: ErrorContext::Next, .. }));
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2]]);
    // TLC's simulator exits with 255 for any error in the next-state relation (BFS: 75).
    assert_eq!(r.result.exit_code(), 255);
}

#[test]
fn continue_reports_every_violating_behaviour_and_ends_as_a_success() {
    let o = SimulationOptions { continue_after_violation: true, ..opts(4, 10, 1) };
    let r = simulate(&counter(Some(5)), &o);
    assert_eq!(r.result.status, Status::Success);
    assert_eq!(r.result.violations.len(), 4);
    assert_eq!(r.progress.traces, 4);
}

#[test]
fn generator_mode_moves_to_one_checked_successor_per_step() {
    let o = SimulationOptions { generate: true, ..opts(3, 10, 1) };
    let r = simulate(&counter(Some(5)), &o);
    assert!(matches!(r.result.status, Status::InvariantViolation { .. }));
    assert_eq!(r.result.stats.generated, 6);
    // die_hard has six successors per state; the generator checks only the first one it may
    // take, so it generates one state per step.
    let r = simulate(&die_hard(), &SimulationOptions { generate: true, ..opts(1, 10, 2) });
    let steps = r.result.stats.generated - 1;
    assert!(steps <= 10, "{steps} states generated in 10 steps");
}

struct StopAfter {
    progress_seen: AtomicBool,
}

impl SimObserver for StopAfter {
    fn event(&self, event: &SimEvent) {
        if matches!(event, SimEvent::Progress(_)) {
            self.progress_seen.store(true, Ordering::SeqCst);
        }
    }
    fn should_stop(&self) -> bool {
        true
    }
}

#[test]
fn an_unbounded_run_ends_when_the_observer_asks() {
    let o = SimulationOptions { behaviours: None, depth: 10, check_deadlock: false, workers: 2, ..Default::default() };
    let observer = StopAfter { progress_seen: AtomicBool::new(false) };
    let r = simulate_observed(&counter(None), &o, &observer);
    assert_eq!(r.result.status, Status::Interrupted);
    assert_eq!(counter(None).variables(), &r.result.variables[..]);
}

#[test]
fn an_action_property_is_checked_on_every_step() {
    let mut spec = walk();
    spec.invariants.clear();
    spec.invariant = |_| None;
    spec.action_properties =
        vec![PropertyInfo { name: "NeverDown".into(), location: None, expression: "[][x' >= x]_x".into() }];
    spec.action_property = |from, to| (to[0] < from[0]).then_some(0);
    let r = simulate(&spec, &opts(50, 20, 3));
    match &r.result.status {
        Status::ActionPropertyViolation { property, .. } => assert_eq!(property.name, "NeverDown"),
        other => panic!("unexpected status {other:?}"),
    }
    let states = trace_values(&r);
    assert_eq!(states[states.len() - 1][0], states[states.len() - 2][0] - 1);
    assert_eq!(r.result.exit_code(), 13);
}

#[test]
fn tlcset_exit_ends_an_unbounded_run_as_a_success() {
    let mut spec = counter(None);
    spec.exit_when = |s| s[0] == 3;
    let o = SimulationOptions { behaviours: None, workers: 2, ..opts(0, 10, 1) };
    let r = simulate(&spec, &o);
    assert_eq!(r.result.status, Status::Success);
    // Worker 0's first behaviour asks to stop while it expands x = 3; only it is merged.
    assert_eq!((r.result.stats.generated, r.progress.traces, r.result.stats.depth), (5, 1, 5));
}

#[test]
fn simulate_file_writes_every_completed_behaviour_as_a_module() {
    let dir = std::env::temp_dir().join(format!("tla2-simulate-file-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let base = dir.join("tr").display().to_string();
    let o = SimulationOptions { trace_file: Some(base.clone()), workers: 2, ..opts(2, 3, 1) };
    let r = simulate(&counter(None), &o);
    assert_eq!(r.result.status, Status::Success);
    for name in ["tr_0_0", "tr_0_1", "tr_1_0", "tr_1_1"] {
        let text = std::fs::read_to_string(dir.join(name)).unwrap();
        let module = format!("{}_{}", base, &name[3..]);
        assert!(text.starts_with(&format!("---------------- MODULE {module} -----------------\n")), "{text}");
        assert!(
            text.contains("\\* <Inc line 5, col 1 to line 5, col 20 of module M>\nSTATE_4 == \nx = 3\n\n"),
            "{text}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
