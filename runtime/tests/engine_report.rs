//! The human rendering and exit codes of engine results, compared with TLC's text.

mod engine_support;

use engine_support::*;
use std::time::{Duration, UNIX_EPOCH};
use tla2_runtime::engine::{check, check_observed, CheckOptions, EngineEvent};
use tla2_runtime::report::human::{self, ProgressInfo};
use tla2_runtime::report::Status;

#[test]
fn die_hard_violation_renders_like_tlc() {
    let r = check(&die_hard(), &CheckOptions::default());
    let text = human::render_result(&r);
    let expected = "\
Error: Invariant NotSolved is violated.
Error: The behavior up to this point is:
State 1: <Initial predicate>
/\\ big = 0
/\\ small = 0

State 2: <FillBig line 6, col 1 to line 6, col 20 of module M>
/\\ big = 5
/\\ small = 0

";
    assert!(text.starts_with(expected), "{text}");
    assert!(text.ends_with(
        "State 7: <BigToSmall line 10, col 1 to line 10, col 20 of module M>\n/\\ big = 4\n/\\ small = 3\n\n\
         73 states generated, 14 distinct states found, 1 states left on queue.\n\
         The depth of the complete state graph search is 7.\n"
    ));
}

#[test]
fn deadlock_with_one_variable_prints_bare_assignments() {
    let r = check(&counts_to_three(), &CheckOptions::default());
    let text = human::render_result(&r);
    assert!(text.starts_with(
        "Error: Deadlock reached.\nError: The behavior up to this point is:\nState 1: <Initial predicate>\nx = 0\n\n"
    ));
    assert!(text.contains("4 states generated, 4 distinct states found, 0 states left on queue.\n"));
}

#[test]
fn success_prints_the_collision_estimate_and_outdegree() {
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        emit(0, s.clone());
        Ok(())
    });
    let r = check(&spec, &CheckOptions::default());
    assert_eq!(
        human::render_result(&r),
        "Model checking completed. No error has been found.\n  Estimates of the probability that TLC did not check all reachable states\n  because two distinct states had the same fingerprint:\n  calculated (optimistic):  val = 5.4E-20\n2 states generated, 1 distinct states found, 0 states left on queue.\nThe depth of the complete state graph search is 1.\nThe average outdegree of the complete state graph is 0 (minimum is 0, the maximum 0 and the 95th percentile is 0).\n"
    );
    assert_eq!(r.exit_code(), 0);
}

#[test]
fn an_initial_violation_prints_the_state_inline_without_statistics() {
    let spec = die_hard().with_invariants(&["Inv"], |s| (s[0] == 0).then_some(0));
    let r = check(&spec, &CheckOptions::default());
    assert!(matches!(r.status, Status::InvariantViolation { initial: true, .. }));
    assert_eq!(
        human::render_result(&r),
        "Error: Invariant Inv is violated by the initial state:\n/\\ big = 0\n/\\ small = 0\n\n"
    );
}

#[test]
fn progress_init_and_finish_lines_use_tlc_formats() {
    let at = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let p = ProgressInfo {
        depth: 7,
        generated: 1_234_567,
        distinct: 1000,
        queue: 12,
        states_per_minute: 61_728,
        distinct_per_minute: 50,
    };
    assert_eq!(
        human::progress_line(&p, at),
        "Progress(7) at 2023-11-14 22:13:20: 1,234,567 states generated (61,728 s/min), 1,000 distinct states found (50 ds/min), 12 states left on queue."
    );
    assert_eq!(
        human::init_line(1, 1, at),
        "Finished computing initial states: 1 distinct state generated at 2023-11-14 22:13:20."
    );
    assert_eq!(
        human::init_line(3, 2, at),
        "Finished computing initial states: 3 states generated, with 2 of them distinct at 2023-11-14 22:13:20."
    );
    assert_eq!(human::finished_line(Duration::from_millis(1500), at), "Finished in 01s at (2023-11-14 22:13:20)");
    assert_eq!(human::format_duration(Duration::from_secs(125)), "02min 05s");
}

#[test]
fn the_engine_reports_initial_states_and_progress_to_its_observer() {
    let events = std::sync::Mutex::new(Vec::new());
    let opts = CheckOptions { progress_interval: Duration::ZERO, ..CheckOptions::default() };
    let observer = |e: &EngineEvent| events.lock().unwrap().push(e.clone());
    check_observed(&grid(), &opts, &observer);
    let events = events.into_inner().unwrap();
    assert_eq!(events[0], EngineEvent::InitialStates { generated: 2, distinct: 2 });
    assert!(events.iter().skip(1).all(|e| matches!(e, EngineEvent::Progress(_))));
    assert!(events.len() > 2);
}

#[test]
fn an_evaluation_error_prints_the_message_the_trace_and_the_position() {
    let spec = Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        if s[0] < 1 {
            emit(0, vec![s[0] + 1]);
            Ok(())
        } else {
            Err(error("Attempted to access index 2 of tuple <<1>>"))
        }
    });
    let r = check(&spec, &CheckOptions::default());
    assert_eq!(r.exit_code(), 75);
    let text = human::render_result(&r);
    assert!(text.starts_with(
        "Error: Attempted to access index 2 of tuple <<1>>\nError: The behavior up to this point is:\nState 1: <Initial predicate>\nx = 0\n\nState 2: <Next line 5, col 1 to line 5, col 20 of module M>\nx = 1\n\n"
    ), "{text}");
    assert!(text.contains("0. Line 3, column 1 to line 3, column 20 in M\n"));
    assert!(text.ends_with("2 states generated, 2 distinct states found, 0 states left on queue.\nThe depth of the complete state graph search is 2.\n"));
}
