//! `run_check`: TLC's human output of a whole run, and stopping a run from outside.

#[path = "engine_support/mod.rs"]
mod engine_support;

use engine_support::*;
use std::sync::atomic::AtomicBool;
use tla2_runtime::cli::{ignored_flags_note, parse_run_flags, run_check};
use tla2_runtime::report::Status;

fn flags(line: &str) -> tla2_runtime::cli::RunOptions {
    parse_run_flags(&line.split_whitespace().map(str::to_string).collect::<Vec<_>>()).unwrap()
}

#[test]
fn a_run_prints_tlc_lines_from_start_to_finish() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("-workers 2 DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert_eq!(result.exit_code(), 12);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Starting... ("));
    assert_eq!(lines[1], "Computing initial states...");
    assert!(lines[2].starts_with("Finished computing initial states: 1 distinct state generated at "));
    assert_eq!(lines[3], "Error: Invariant NotSolved is violated.");
    assert!(text.contains("\n73 states generated, 14 distinct states found, 1 states left on queue.\n"));
    assert!(lines.last().unwrap().starts_with("Finished in 00s at ("));
}

#[test]
fn continue_prints_each_violation_then_success() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("-continue DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert_eq!(result.exit_code(), 0);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("Error: Invariant NotSolved is violated.").count(), 2);
    assert!(text.contains("Model checking completed. No error has been found."));
    assert!(text.contains("97 states generated, 16 distinct states found, 0 states left on queue."));
}

#[test]
fn a_stop_request_ends_the_run_as_interrupted() {
    let mut out = Vec::new();
    let result = run_check(&grid(), &flags("Grid.tla"), &mut out, &AtomicBool::new(true));
    assert_eq!(result.status, Status::Interrupted);
    assert!(result.stats.distinct < 160_000);
}

#[test]
fn json_output_leaves_printing_to_the_caller() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("--output json DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert!(out.is_empty());
    assert_eq!(result.trace.len(), 7);
}

#[test]
fn ignored_flags_are_named_in_one_note() {
    assert_eq!(ignored_flags_note(&flags("Spec.tla")), None);
    assert_eq!(
        ignored_flags_note(&flags("-cleanup -metadir m Spec.tla")).unwrap(),
        "tla2: ignoring TLC flags that have no effect here: -cleanup, -metadir m"
    );
}
