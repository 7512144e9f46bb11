//! `tla2 parse` as a user runs it: listing, diagnostics, JSON, and TLC's exit codes 150/151.

mod common;

use common::{inputs, tla2};

#[test]
fn a_valid_spec_lists_its_declarations_and_actions() {
    let out = tla2(&["parse", &inputs("Good.tla"), "--config", &inputs("Good.cfg")]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("Good"), "{}", out.stdout);
    assert!(out.stdout.contains("Naturals"), "{}", out.stdout);
    assert!(out.stdout.contains("Variables: x"), "{}", out.stdout);
    assert!(out.stdout.contains("Constants: N"), "{}", out.stdout);
    assert!(out.stdout.contains("Actions of Next:"), "{}", out.stdout);
    assert!(out.stdout.contains("Inc"), "{}", out.stdout);
    assert!(out.stdout.contains("Reset"), "{}", out.stdout);
}

#[test]
fn a_syntax_error_exits_150_with_its_code_and_location() {
    let out = tla2(&["parse", &inputs("Broken.tla")]);
    assert_eq!(out.code, 150, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("TLA_PARSE_"), "{}", out.stderr);
    assert!(out.stderr.contains("Broken.tla:4:"), "{}", out.stderr);
}

#[test]
fn a_bad_cfg_keyword_exits_151() {
    let out = tla2(&["parse", &inputs("Good.tla"), "--config", &inputs("BadKeyword.cfg")]);
    assert_eq!(out.code, 151, "{}{}", out.stdout, out.stderr);
    assert!(out.stderr.contains("CFG_PARSE_"), "{}", out.stderr);
}

#[test]
fn a_missing_spec_file_is_a_diagnostic_not_a_panic() {
    let out = tla2(&["parse", &inputs("DoesNotExist.tla")]);
    assert_eq!(out.code, 150, "{}{}", out.stdout, out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
}

#[test]
fn json_output_carries_the_detailed_error_schema() {
    let out = tla2(&["parse", &inputs("Broken.tla"), "--output", "json"]);
    assert_eq!(out.code, 150);
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).expect("parse prints one JSON object");
    assert_eq!(doc["status"], "error");
    let diag = &doc["diagnostics"][0];
    assert!(diag["error_code"].as_str().unwrap().starts_with("TLA_PARSE_"), "{diag}");
    assert_eq!(diag["location"]["line"], 4, "{diag}");
    assert!(diag["location"]["context"].as_str().unwrap().contains("Init =="), "{diag}");
}
