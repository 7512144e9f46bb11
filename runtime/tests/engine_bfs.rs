//! BFS engine: TLC's counts, verdicts and shortest counterexamples on small Rust models, and
//! identical results for every worker count.

mod engine_support;

use engine_support::*;
use tla2_runtime::engine::{check, CheckOptions};
use tla2_runtime::report::{CheckResult, ErrorContext, Status};
use tla2_runtime::Value;

fn run(spec: &Spec, workers: usize) -> CheckResult {
    check(spec, &CheckOptions { workers, ..CheckOptions::default() })
}

fn trace_values(result: &CheckResult) -> Vec<Vec<i64>> {
    let int = |v: &Value| match v {
        Value::Int(i) => *i,
        _ => panic!("test models only hold integers"),
    };
    result.trace.iter().map(|s| s.values.iter().map(int).collect()).collect()
}

fn trace_actions(result: &CheckResult) -> Vec<String> {
    result.trace.iter().map(|s| s.action.as_ref().map_or("init".to_string(), |a| a.name.clone())).collect()
}

#[test]
fn die_hard_reports_tlc_counts_and_its_shortest_trace() {
    let r = run(&die_hard(), 1);
    match &r.status {
        Status::InvariantViolation { property, initial: false, .. } => assert_eq!(property.name, "NotSolved"),
        other => panic!("unexpected status {other:?}"),
    }
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (73, 14, 1, 7));
    assert_eq!(
        trace_values(&r),
        vec![vec![0, 0], vec![5, 0], vec![2, 3], vec![2, 0], vec![0, 2], vec![5, 2], vec![4, 3]]
    );
    assert_eq!(
        trace_actions(&r),
        ["init", "FillBig", "BigToSmall", "EmptySmall", "BigToSmall", "FillBig", "BigToSmall"]
    );
    assert_eq!(r.exit_code(), 12);
}

#[test]
fn a_state_without_successors_is_a_deadlock_unless_disabled() {
    let r = run(&counts_to_three(), 1);
    assert_eq!(r.status, Status::Deadlock);
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (4, 4, 0, 4));
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2], vec![3]]);
    assert_eq!(r.exit_code(), 11);

    let r = check(&counts_to_three(), &CheckOptions { check_deadlock: false, ..CheckOptions::default() });
    assert_eq!(r.status, Status::Success);
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.depth), (4, 4, 4));
}

#[test]
fn a_single_state_self_loop_has_depth_one() {
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        emit(0, s.clone());
        Ok(())
    });
    let r = run(&spec, 1);
    assert_eq!(r.status, Status::Success);
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (2, 1, 0, 1));
    let outdegree = r.stats.outdegree.expect("success reports the outdegree");
    assert_eq!((outdegree.min, outdegree.mean, outdegree.max), (0, 0, 0));
}

#[test]
fn constrained_states_are_generated_and_checked_but_not_distinct() {
    // TLC on `x \in {0, 1}`, `x' = x + 1 \/ x' = x + 2`, CONSTRAINT x < 4, INVARIANT x < 5:
    // 10 generated, 4 distinct, 0 left, depth 2, trace x = 1, 3, 5.
    let mut spec = Spec::new(&["x"], &["Next"], vec![vec![0], vec![1]], |s, emit| {
        emit(0, vec![s[0] + 1]);
        emit(0, vec![s[0] + 2]);
        Ok(())
    })
    .with_invariants(&["Inv"], |s| (s[0] >= 5).then_some(0));
    spec.constraint = |s| s[0] < 4;
    let r = run(&spec, 1);
    assert!(matches!(r.status, Status::InvariantViolation { index: 0, .. }));
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (10, 4, 0, 2));
    assert_eq!(trace_values(&r), vec![vec![1], vec![3], vec![5]]);
}

#[test]
fn action_constraints_exclude_steps_not_states() {
    // Only steps that add 1 are kept, so x counts 0..9 and then every step is excluded.
    let mut spec = Spec::new(&["x"], &["Add"], vec![vec![0]], |s, emit| {
        emit(0, vec![s[0] + 1]);
        emit(0, vec![s[0] + 2]);
        Ok(())
    });
    spec.action_constraint = |from, to| to[0] == from[0] + 1 && to[0] < 10;
    let r = run(&spec, 1);
    assert_eq!(r.status, Status::Success);
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.depth), (21, 10, 10));
}

#[test]
fn an_initial_state_that_violates_an_invariant_is_the_whole_trace() {
    let spec = counts_to_three().with_invariants(&["Positive"], |s| (s[0] <= 0).then_some(0));
    let r = run(&spec, 1);
    assert!(matches!(r.status, Status::InvariantViolation { initial: true, .. }));
    assert_eq!(trace_values(&r), vec![vec![0]]);
    assert_eq!((r.stats.generated, r.stats.distinct), (1, 1));
}

#[test]
fn an_evaluation_error_stops_with_the_trace_to_the_failing_state() {
    // TLC on `x' = IF x < 2 THEN x + 1 ELSE <<1>>[x]`: 3 generated, 3 distinct, depth 3, exit 75.
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        if s[0] < 2 {
            emit(0, vec![s[0] + 1]);
            Ok(())
        } else {
            Err(error("index out of bounds"))
        }
    });
    let r = run(&spec, 1);
    match &r.status {
        Status::EvalError { context: ErrorContext::Next, error } => {
            assert_eq!(error.error.message, "index out of bounds")
        }
        other => panic!("unexpected status {other:?}"),
    }
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (3, 3, 0, 3));
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2]]);
    assert_eq!(r.exit_code(), 75);
}

#[test]
fn a_failed_assert_exits_with_tlc_assertion_code() {
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        if s[0] < 2 {
            emit(0, vec![s[0] + 1]);
            Ok(())
        } else {
            Err(assertion("boom"))
        }
    });
    assert_eq!(run(&spec, 1).exit_code(), 14);
}

#[test]
fn grid_is_explored_completely_with_pinned_counts() {
    let r = run(&grid(), 1);
    assert_eq!(r.status, Status::Success);
    assert_eq!(r.stats.distinct, 160_000);
    assert_eq!(r.stats.generated, 2 + 5 * 160_000);
    assert_eq!(r.stats.per_action.iter().map(|a| a.distinct).sum::<u64>() + 2, 160_000);
}

#[test]
fn results_do_not_depend_on_the_number_of_workers() {
    let mut violating = grid().with_invariants(&["Small"], |s| (s[0] + s[1] >= 700 && s[1] % 13 == 5).then_some(0));
    violating.constraint = |s| s[1] < 390;
    assert!(matches!(run(&violating, 1).status, Status::InvariantViolation { .. }));
    let specs = [grid(), violating, die_hard(), counts_to_three()];
    for spec in &specs {
        let one = run(spec, 1);
        for workers in [2, 4] {
            let many = run(spec, workers);
            assert_eq!(many.status, one.status);
            assert_eq!(many.trace, one.trace);
            let key = |r: &CheckResult| (r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth);
            assert_eq!(key(&many), key(&one), "workers = {workers}");
        }
    }
}

#[test]
fn the_model_is_told_the_level_before_it_is_asked_for_successors() {
    // Successors stop at level 3, so the grid walk ends after three levels, and the states of
    // level 3 (without successors) are deadlocks when deadlock checking is on.
    let mut spec = grid();
    spec.level_limit = Some(3);
    let r = check(&spec, &CheckOptions { check_deadlock: false, ..CheckOptions::default() });
    assert_eq!(r.status, Status::Success);
    assert_eq!(r.stats.depth, 3);
    spec.level_limit = Some(2);
    let r = run(&spec, 2);
    assert_eq!(r.status, Status::Deadlock);
    assert_eq!(r.trace.len(), 2);
}

#[test]
fn the_depth_bound_leaves_deeper_states_unexplored() {
    let r = check(&counts_to_three(), &CheckOptions { max_depth: Some(2), ..CheckOptions::default() });
    assert_eq!(r.status, Status::Success);
    assert!(r.stats.depth_limited);
    assert_eq!((r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (2, 1, 2));
}

#[test]
fn continue_reports_every_violation_and_explores_everything_as_tlc_does() {
    // TLC -continue on DieHard: both violations printed, then "No error has been found",
    // 97 generated, 16 distinct, depth 8, outdegree 1 (min 0, max 2, 95th percentile 2).
    let opts = CheckOptions { continue_after_violation: true, ..CheckOptions::default() };
    for workers in [1, 2] {
        let r = check(&die_hard(), &CheckOptions { workers, ..opts.clone() });
        assert_eq!(r.status, Status::Success);
        assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (97, 16, 0, 8));
        assert_eq!(r.violations.len(), 2);
        assert_eq!(r.violations[0].trace.len(), 7);
        let outdegree = r.stats.outdegree.clone().expect("success reports the outdegree");
        assert_eq!((outdegree.min, outdegree.mean, outdegree.percentile95, outdegree.max), (0, 1, 2, 2));
        assert_eq!(r.exit_code(), 0);
    }
}
