//! `tla2 check` as a user runs it: TLC's verdict lines and exit codes, flags, ALIAS in traces,
//! and identical results for any number of workers.

mod common;

use common::{tests_dir, tla2};

fn spec(rel: &str) -> String {
    tests_dir(&format!("specs/{rel}"))
}

#[test]
fn an_invariant_violation_prints_tlcs_lines_and_exits_12() {
    let out = tla2(&["check", &spec("jugs/Jugs.tla")]);
    assert_eq!(out.code, 12, "{}", out.stdout);
    assert!(out.stdout.contains("Error: Invariant NotFour is violated."), "{}", out.stdout);
    assert!(
        out.stdout.contains("State 7: <BigToSmall line 31, col 9 to line 32, col 34 of module Jugs>"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains("73 states generated, 14 distinct states found, 1 states left on queue."),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("The depth of the complete state graph search is 7."), "{}", out.stdout);
}

#[test]
fn the_spec_may_be_named_without_its_extension_as_tlc_allows() {
    let path = spec("jugs/Jugs");
    let out = tla2(&["check", &path]);
    assert_eq!(out.code, 12, "{}{}", out.stdout, out.stderr);
}

#[test]
fn the_counterexample_is_the_same_for_one_and_three_workers() {
    let trace = |workers: &str| {
        let out = tla2(&["check", &spec("model_values/Mv.tla"), "-workers", workers]);
        assert_eq!(out.code, 12, "{}", out.stdout);
        let start = out.stdout.find("Error: Invariant").expect("a violation");
        let end = out.stdout.find("states left on queue").expect("statistics");
        out.stdout[start..end].to_string()
    };
    assert_eq!(trace("1"), trace("3"));
}

#[test]
fn the_deadlock_flag_turns_deadlock_checking_off_as_in_tlc() {
    let on = tla2(&["check", &spec("deadlock/Stop.tla")]);
    assert_eq!(on.code, 11, "{}", on.stdout);
    assert!(on.stdout.contains("Error: Deadlock reached."), "{}", on.stdout);
    let off = tla2(&["check", &spec("deadlock/Stop.tla"), "-deadlock"]);
    assert_eq!(off.code, 0, "{}", off.stdout);
    assert!(off.stdout.contains("Model checking completed. No error has been found."), "{}", off.stdout);
}

#[test]
fn trace_states_are_shown_through_the_alias() {
    let out = tla2(&["check", &spec("alias_postcondition/Alias.tla")]);
    assert_eq!(out.code, 12, "{}", out.stdout);
    assert!(out.stdout.contains("/\\ sum = 10"), "{}", out.stdout);
    assert!(!out.stdout.contains("/\\ y = 10"), "{}", out.stdout);
}

#[test]
fn a_false_postcondition_is_reported_instead_of_success() {
    let out = tla2(&["check", &spec("postcondition/Post.tla")]);
    assert_eq!(out.code, 10, "{}", out.stdout);
    assert!(out
        .stdout
        .contains("Error: Postcondition AtLeastTen at line 7, col 15 to line 7, col 44 of module Post is false."));
    assert!(!out.stdout.contains("No error has been found"), "{}", out.stdout);
}

#[test]
fn a_missing_cfg_exits_151_with_a_config_code() {
    let out = tla2(&["check", &spec("jugs/Jugs.tla"), "-config", &spec("jugs/Missing.cfg")]);
    assert_eq!(out.code, 151, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("CFG_FILE_NOT_FOUND"), "{}", out.stderr);
}

#[test]
fn tlc_flags_that_do_not_apply_are_accepted_with_a_note() {
    let out = tla2(&["check", &spec("deadlock/StopNoCheck.tla"), "-noTE", "-cleanup", "-metadir", "/tmp/tla2-meta"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.contains("-noTE"), "{}", out.stdout);
}

#[test]
fn an_unknown_flag_is_a_command_line_error() {
    let out = tla2(&["check", &spec("jugs/Jugs.tla"), "-no-such-flag"]);
    assert_eq!(out.code, 153, "{}{}", out.stdout, out.stderr);
}

#[test]
fn symmetry_with_a_temporal_property_gets_tlcs_warning_in_both_outputs() {
    let human = tla2(&["check", &common::inputs("SymLive.tla")]);
    assert_eq!(human.code, 0, "{}", human.stdout);
    assert!(
        human.stdout.contains("Warning: Declaring symmetry during liveness checking is dangerous."),
        "{}",
        human.stdout
    );
    let json = tla2(&["check", &common::inputs("SymLive.tla"), "--output", "json"]);
    let doc: serde_json::Value = serde_json::from_str(&json.stdout).expect("one JSON object");
    let warning = &doc["diagnostics"]["warnings"][0];
    assert_eq!(warning["code"], "TLC_LIVENESS_SYMMETRY", "{doc}");
    assert_eq!(warning["location"]["line"], 9, "{warning}");
}
