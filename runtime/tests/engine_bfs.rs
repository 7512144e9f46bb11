//! BFS engine: TLC's counts, verdicts and shortest counterexamples on small Rust models, and
//! identical results for every worker count.

mod engine_support;

use engine_support::*;
use tla2_runtime::engine::{check, CheckOptions};
use tla2_runtime::model::PropertyInfo;
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
    // The optimistic estimate is above 1e-10, so TLC also reports the observed one.
    assert!(r.stats.fingerprint_min_distance.is_some());
    let text = tla2_runtime::report::human::render_result(&r);
    assert!(text.contains("\n  based on the actual fingerprints:  val = "), "{text}");
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

#[test]
fn a_violation_deep_in_a_wide_level_gives_tlc_partial_counts_for_any_worker_count() {
    // TLC 2026.04 with one worker on the same spec (Grid.tla, N = 60): 9906 generated, 2412
    // distinct, 431 left on queue, depth 10; the trace walks a up by 7 and ends out of model.
    for workers in [1, 2, 4] {
        let r = run(&small_grid(true), workers);
        assert!(matches!(r.status, Status::InvariantViolation { .. }));
        assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (9906, 2412, 431, 10));
        let a: Vec<i64> = trace_values(&r).iter().map(|s| s[0]).collect();
        assert_eq!(a, [0, 7, 14, 21, 28, 35, 42, 49, 56, 56]);
        assert_eq!(trace_values(&r).last().unwrap(), &vec![56, 57]);
        assert_eq!(trace_actions(&r).last().unwrap(), "B");
    }
}

#[test]
fn a_constrained_grid_matches_tlc_counts_and_outdegree() {
    // TLC: 16502 generated, 3300 distinct, depth 13, outdegree 1 (min 0, max 5, 95th pct 3).
    for workers in [1, 2] {
        let r = run(&small_grid(false), workers);
        assert_eq!(r.status, Status::Success);
        assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (16502, 3300, 0, 13));
        let d = r.stats.outdegree.clone().unwrap();
        assert_eq!((d.min, d.mean, d.percentile95, d.max), (0, 1, 3, 5));
    }
}

fn summary(r: &CheckResult) -> Reference {
    let verdict = match r.status {
        Status::Success => "success",
        Status::Deadlock => "deadlock",
        Status::InvariantViolation { .. } => "invariant",
        _ => "other",
    };
    Reference {
        verdict,
        generated: r.stats.generated,
        distinct: r.stats.distinct,
        left: r.stats.left_on_queue,
        depth: r.stats.depth,
        trace_len: r.trace.len(),
    }
}

#[test]
fn the_parallel_engine_agrees_with_a_transcription_of_tlc_single_worker_search() {
    let mut late = cube().with_invariants(&["Late"], |s| (s[0] == 39 && s[1] == 38 && s[2] == 36).then_some(0));
    late.constraint = |s| s[2] != 7;
    let mut dead = cube();
    dead.action_constraint = |_, to| to[0] + to[1] < 60;
    let mut dead_end = cube();
    dead_end.next = |s, emit| {
        if s[0] + s[1] + s[2] < 100 {
            emit(0, vec![(s[0] + 1) % 40, s[1], s[2]]);
            emit(1, vec![s[0], (s[1] + s[0] + 1) % 40, s[2]]);
            emit(2, vec![s[0], s[1], (s[2] + 3) % 40]);
        }
        Ok(())
    };
    // 20,000 initial states: levels span two merge windows, and the violation is in the second.
    let init = (0..200).flat_map(|a| (0..100).map(move |b| vec![a, b, 0])).collect();
    let wide = Spec::new(&["a", "b", "c"], &["Tick", "Jump"], init, |s, emit| {
        if s[2] < 3 {
            emit(0, vec![s[0], s[1], s[2] + 1]);
            emit(1, vec![(s[0] + 1) % 200, s[1], s[2] + 1]);
        }
        Ok(())
    })
    .with_invariants(&["Inv"], |s| (s[0] == 190 && s[1] == 50 && s[2] == 2).then_some(0));
    let specs = [cube(), late, dead, dead_end, small_grid(true), die_hard(), wide];
    for (i, spec) in specs.iter().enumerate() {
        let expected = reference_bfs(spec, true);
        for workers in [1, 2, 3] {
            assert_eq!(summary(&run(spec, workers)), expected, "spec {i} with {workers} workers");
        }
    }
    // The specs above cover every verdict.
    let verdicts: Vec<_> = specs.iter().map(|s| reference_bfs(s, true).verdict).collect();
    assert_eq!(verdicts, ["success", "invariant", "success", "deadlock", "invariant", "invariant", "invariant"]);
    let wide = reference_bfs(&specs[6], true);
    assert!(wide.generated > 40_000, "the violation is found late in level 3: {wide:?}");
}

#[test]
fn an_exit_request_ends_the_run_as_a_success_after_the_requesting_state() {
    // Like TLCSet("exit", TRUE) when x = 2: x = 2 is expanded, x = 3 waits on the queue.
    let mut spec = counts_to_three();
    spec.exit_when = |s| s[0] == 2;
    for workers in [1, 2] {
        let r = run(&spec, workers);
        assert_eq!(r.status, Status::Success);
        assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (4, 4, 1, 4));
    }
}

#[test]
fn the_model_sees_tlc_level_and_queue_while_a_state_is_expanded() {
    // TLC's queue holds the states not yet dequeued: with two initial states, expanding the
    // first leaves one waiting. Known difference: TLC would report 1 for x = 11 (x = 2 is
    // already enqueued); tla2 adds the next level's states only after each batch of states.
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0], vec![10]], |s, emit| {
        if s[0] % 10 < 2 {
            emit(0, vec![s[0] + 1]);
        }
        Ok(())
    });
    check(&spec, &CheckOptions { check_deadlock: false, ..CheckOptions::default() });
    let expanded = spec.expanded.lock().unwrap().clone();
    assert_eq!(
        expanded,
        vec![(vec![0], 1, 1), (vec![10], 1, 0), (vec![1], 2, 1), (vec![11], 2, 0), (vec![2], 3, 1), (vec![12], 3, 0)]
    );
}

#[test]
fn an_action_property_is_checked_on_every_step_with_tlc_counts() {
    // TLC on `x' = (x + 1) % 4 \/ y' = 1 - y` with PROPERTY [][x' = 0 => y = 1]_<<x, y>>:
    // "Action property Prop is violated.", 3 generated, 3 distinct, 1 left, depth 2, exit 13.
    let mut spec = Spec::new(&["x", "y"], &["Next"], vec![vec![0, 0]], |s, emit| {
        emit(0, vec![(s[0] + 1) % 4, s[1]]);
        emit(0, vec![s[0], 1 - s[1]]);
        Ok(())
    });
    spec.action_properties =
        vec![PropertyInfo { name: "Prop".into(), location: None, expression: "[][x' = 0 => y = 1]_<<x, y>>".into() }];
    spec.action_property = |from, to| (to[0] == 0 && from[1] != 1).then_some(0);
    for workers in [1, 2] {
        let r = run(&spec, workers);
        match &r.status {
            Status::ActionPropertyViolation { property, .. } => assert_eq!(property.name, "Prop"),
            other => panic!("unexpected status {other:?}"),
        }
        assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (3, 3, 1, 2));
        assert_eq!(trace_values(&r), vec![vec![0, 0], vec![0, 1]]);
        assert_eq!(r.exit_code(), 13);
    }
}

#[test]
fn an_action_property_violated_by_a_step_back_to_a_seen_state_is_found() {
    // TLC on `x' = (x + 1) % 4` with PROPERTY [][~(x = 3 /\ x' = 0)]_x: 5 generated,
    // 4 distinct, 0 left, depth 4, and the trace ends with the step back to x = 0.
    let mut spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        emit(0, vec![(s[0] + 1) % 4]);
        Ok(())
    });
    spec.action_properties = vec![PropertyInfo { name: "Prop".into(), location: None, expression: String::new() }];
    spec.action_property = |from, to| (from[0] == 3 && to[0] == 0).then_some(0);
    let r = run(&spec, 2);
    assert!(matches!(r.status, Status::ActionPropertyViolation { index: 0, .. }));
    assert_eq!((r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth), (5, 4, 0, 4));
    assert_eq!(trace_values(&r), vec![vec![0], vec![1], vec![2], vec![3], vec![0]]);
}

#[test]
fn spilling_links_fingerprints_and_levels_to_disk_changes_no_result() {
    use tla2_runtime::engine::SpillOptions;
    let mut violating = grid().with_invariants(&["Small"], |s| (s[0] + s[1] >= 700 && s[1] % 13 == 5).then_some(0));
    violating.constraint = |s| s[1] < 390;
    let specs = [grid(), violating, die_hard(), small_grid(true), counts_to_three()];
    let dir = std::env::temp_dir().join(format!("tla2-spill-test-{}", std::process::id()));
    for (spec, continue_after_violation) in specs.iter().map(|s| (s, false)).chain([(&specs[1], true)]) {
        let base = CheckOptions { continue_after_violation, ..CheckOptions::default() };
        let one = check(spec, &base);
        for workers in [1, 2] {
            let spill = SpillOptions {
                dir: Some(dir.clone()),
                links_in_memory: 100,
                fingerprints_in_memory: Some(700),
                queue_bytes: Some(2000),
            };
            let spilled = check(spec, &CheckOptions { workers, spill, ..base.clone() });
            assert_eq!(spilled.status, one.status);
            assert_eq!(spilled.violations, one.violations);
            assert_eq!(spilled.trace, one.trace);
            let key = |r: &CheckResult| (r.stats.generated, r.stats.distinct, r.stats.left_on_queue, r.stats.depth);
            assert_eq!(key(&spilled), key(&one), "workers = {workers}");
            assert_eq!(spilled.stats.outdegree, one.stats.outdegree);
            assert_eq!(spilled.stats.fingerprint_min_distance, one.stats.fingerprint_min_distance);
            if one.stats.distinct > 10_000 {
                assert!(spilled.stats.memory.fingerprints_on_disk > 0);
                assert!(spilled.stats.memory.links_on_disk > 0);
                assert!(spilled.stats.memory.states_spilled > 0);
            }
        }
    }
    assert!(!dir.exists(), "the metadirectory is removed at the end");
}

#[test]
fn a_spill_file_that_cannot_be_read_back_stops_the_run_with_a_system_error() {
    use tla2_runtime::engine::SpillOptions;
    use tla2_runtime::report::exit_code;
    let mut spec = grid();
    spec.corrupt_spill = true;
    let dir = std::env::temp_dir().join(format!("tla2-spill-fail-{}", std::process::id()));
    for workers in [1, 2] {
        let spill = SpillOptions { dir: Some(dir.clone()), queue_bytes: Some(2000), ..SpillOptions::default() };
        let r = check(&spec, &CheckOptions { workers, spill, ..CheckOptions::default() });
        let Status::ResourceExhausted { message } = &r.status else { panic!("status {:?}", r.status) };
        assert!(message.contains("could not decode a state of the BFS queue"), "{message}");
        assert_eq!(r.status.exit_code(), exit_code::ERROR_SYSTEM);
        assert!(r.stats.distinct < run(&grid(), 1).stats.distinct, "the run stopped early");
    }
    assert!(!dir.exists(), "the metadirectory is removed at the end");
}

#[test]
fn seen_set_and_parent_links_take_at_most_16_bytes_per_state() {
    let r = run(&grid(), 1);
    let per_state = r.stats.bytes_per_state().unwrap();
    assert!(r.stats.memory.links_on_disk > 0);
    assert!(per_state <= 16.5, "{per_state} bytes per state: {:?}", r.stats.memory);
}
