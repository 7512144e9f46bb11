//! Trace validation as users run it (`JSON=trace.ndjson tla2 check Trace.tla`): the example
//! `examples/TwoPhase` on a conforming and a diverging log, and the diagnosis of the line and
//! conjunct that stopped the match, in human and JSON output.

#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use std::path::PathBuf;
use std::process::Command;

use json_support::{validator, violations};
use serde_json::Value as Json;

/// Runs `tla2 args` in `dir` with `JSON=trace`: (exit code, stdout).
fn run_in(dir: &str, trace: Option<&str>, args: &[&str]) -> (i32, String) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut cmd = Command::new(common::tla2_binary());
    cmd.args(args).current_dir(dir).env_remove("JSON");
    if let Some(t) = trace {
        cmd.env("JSON", t);
    }
    let out = cmd.output().expect("run tla2");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

fn two_phase_json(trace: &str) -> (i32, Json) {
    let (code, stdout) = run_in("examples/TwoPhase", Some(trace), &["check", "Trace.tla", "--output", "json"]);
    let doc: Json = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(violations(&validator("tla2-output.schema.json"), &doc), Vec::<String>::new());
    (code, doc)
}

#[test]
fn the_conforming_trace_is_accepted_without_a_diagnosis() {
    let (code, stdout) = run_in("examples/TwoPhase", Some("traces/ok.ndjson"), &["check", "Trace.tla"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("Model checking completed. No error has been found."), "{stdout}");
    assert!(!stdout.contains("Trace validation:"), "{stdout}");
    let (_, doc) = two_phase_json("traces/ok.ndjson");
    assert_eq!(doc["trace_validation"]["matched_lines"], 7);
    assert_eq!(doc["trace_validation"]["trace_length"], 7);
    assert_eq!(doc["diagnostics"]["warnings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn the_diverging_trace_names_its_line_the_action_and_the_false_conjunct() {
    let (code, stdout) = run_in("examples/TwoPhase", Some("traces/bad.ndjson"), &["check", "Trace.tla"]);
    assert_eq!(code, 13, "{stdout}");
    assert!(stdout.contains("Trace validation: 3 of 6 trace lines matched."), "{stdout}");
    assert!(
        stdout.contains(r#"No action could consume trace line 4: {"event":"TMCommit","tm":"committed"}"#),
        "{stdout}"
    );
    assert!(
        stdout.contains("TMCommitTrace (line 23, col 18 of module Trace): conjunct tmPrepared = RM at line 38, col 8"),
        "{stdout}"
    );
    assert!(stdout.contains(r#"tmPrepared = {"r1"}"#), "{stdout}");

    let (_, doc) = two_phase_json("traces/bad.ndjson");
    let tv = &doc["trace_validation"];
    assert_eq!(tv["matched_lines"], 3);
    assert_eq!(tv["first_unmatched_line"], 4);
    assert_eq!(tv["event_name"], "TMCommit");
    let candidate = &tv["candidate_actions"][0];
    assert_eq!(candidate["action"], "TMCommitTrace");
    assert_eq!(candidate["failed_conjunct"]["conjunct"], "tmPrepared = RM");
    assert_eq!(candidate["failed_conjunct"]["location"]["line"], 38);
    assert_eq!(candidate["failed_conjunct"]["values"][1]["value"], r#"{"r1", "r2"}"#);
    assert_eq!(doc["diagnostics"]["warnings"][0]["code"], "TLA2_TRACE_NOT_CONSUMED");
}

#[test]
fn behaviours_far_longer_than_the_trace_name_the_silent_actions() {
    let (code, stdout) = run_in("tests/specs", None, &["check", "trace_depth/SilentTrace.tla"]);
    assert_eq!(code, 0, "{stdout}");
    assert!(stdout.contains("Warning (TLA2_TRACE_DEPTH_EXCEEDS_LOG): behaviours reach depth 23 for a trace of 2 lines"));
    assert!(stdout.contains("Tick (60 steps)"), "{stdout}");
    assert!(!stdout.contains("TLA2_TRACE_NOT_CONSUMED"), "{stdout}");
}

#[test]
fn a_successful_run_that_stops_short_of_the_trace_end_warns() {
    let spec = "trace_short/CounterTrace.tla";
    let (code, stdout) = run_in("tests/specs", None, &["check", spec]);
    assert_eq!(code, 0, "TLC reports success here: {stdout}");
    assert!(
        stdout.contains("Warning (TLA2_TRACE_NOT_CONSUMED): the run ended with the cursor at 3 of 4 trace"),
        "{stdout}"
    );
    assert!(stdout.contains("conjunct x' = logline.x"), "{stdout}");
    assert!(stdout.contains("x' = 3") && stdout.contains("logline.x = 5"), "{stdout}");
    let (_, lines) = run_in("tests/specs", None, &["check", spec, "--output", "json-lines"]);
    let done: Json = serde_json::from_str(lines.lines().last().unwrap_or_default()).expect("done event");
    assert_eq!(done["trace_validation"]["first_unmatched_line"], 3);
    let v = validator("tla2-jsonl.schema.json");
    for line in lines.lines() {
        let event: Json = serde_json::from_str(line).expect("json line");
        assert_eq!(violations(&v, &event), Vec::<String>::new(), "{line}");
    }
}

/// `tla2 check [--compiled] spec` in `dir` with the environment `env`, `--output json`: the
/// exit code and the report, checked against the schema.
fn json_run(dir: &str, env: &[(&str, &str)], spec: &str, compiled: bool) -> (i32, Json) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(dir);
    let mut cmd = Command::new(common::tla2_binary());
    cmd.arg("check");
    if compiled {
        cmd.arg("--compiled");
    }
    cmd.args([spec, "--output", "json"]).current_dir(dir).env_remove("JSON").env_remove("LOG");
    cmd.envs(env.iter().copied());
    let out = cmd.output().expect("run tla2");
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    let doc: Json = serde_json::from_str(&stdout)
        .unwrap_or_else(|e| panic!("{e}: {stdout}\n{}", String::from_utf8_lossy(&out.stderr)));
    assert_eq!(violations(&validator("tla2-output.schema.json"), &doc), Vec::<String>::new());
    (out.status.code().unwrap_or(-1), doc)
}

#[test]
fn the_compiled_checker_gives_the_interpreters_diagnosis_of_the_diverging_trace() {
    let (code, stdout) = run_in("examples/TwoPhase", Some("traces/bad.ndjson"), &["check", "--compiled", "Trace.tla"]);
    assert_eq!(code, 13, "{stdout}");
    assert!(stdout.contains("Trace validation: 3 of 6 trace lines matched."), "{stdout}");
    assert!(
        stdout.contains("TMCommitTrace (line 23, col 18 of module Trace): conjunct tmPrepared = RM at line 38, col 8"),
        "{stdout}"
    );
    assert!(stdout.contains(r#"      RM = {"r1", "r2"}"#), "{stdout}");
    for trace in ["traces/bad.ndjson", "traces/ok.ndjson"] {
        let (ci, interp) = json_run("examples/TwoPhase", &[("JSON", trace)], "Trace.tla", false);
        let (cc, compiled) = json_run("examples/TwoPhase", &[("JSON", trace)], "Trace.tla", true);
        assert_eq!((ci, &interp["trace_validation"]), (cc, &compiled["trace_validation"]), "{trace}");
        assert_eq!(interp["diagnostics"]["warnings"], compiled["diagnostics"]["warnings"], "{trace}");
    }
}

/// The fixture's three logs diverge at a conjunct two definitions deep (with the values of the
/// parameters' expressions), at a conjunct with a primed operand (read from the partial next
/// state) and in an action split over a constant `\E`; both engines say the same.
#[test]
fn both_engines_explain_conjuncts_through_definitions_primes_and_split_actions() {
    let expected = [
        ("1", "StepTrace", "x[p] > 0", 14, vec![("x[p]", "0")]),
        ("2", "IncTrace", "x'[logline.p] = logline.x", 20, vec![("x'[logline.p]", "1"), ("logline.x", "5")]),
        ("3", "ResetTrace", "logline.p = q", 22, vec![("logline.p", "\"c\""), ("q", "\"a\"")]),
    ];
    for (log, action, conjunct, line, values) in expected {
        let env = [("LOG", log)];
        let (ci, interp) = json_run("tests/specs/trace_explain", &env, "ExplainTrace.tla", false);
        let (cc, compiled) = json_run("tests/specs/trace_explain", &env, "ExplainTrace.tla", true);
        assert_eq!(ci, 13, "log {log}");
        assert_eq!((ci, &interp["trace_validation"]), (cc, &compiled["trace_validation"]), "log {log}");
        let candidate = &interp["trace_validation"]["candidate_actions"][0];
        assert_eq!(candidate["action"], action, "log {log}");
        let failed = &candidate["failed_conjunct"];
        assert_eq!(failed["conjunct"], conjunct, "log {log}");
        assert_eq!(failed["location"]["line"], line, "log {log}");
        let shown: Vec<(String, String)> = failed["values"]
            .as_array()
            .map(|vs| {
                vs.iter()
                    .map(|v| (v["expression"].as_str().unwrap_or("").into(), v["value"].as_str().unwrap_or("").into()))
                    .collect()
            })
            .unwrap_or_default();
        let values: Vec<(String, String)> = values.iter().map(|(e, v)| (e.to_string(), v.to_string())).collect();
        assert_eq!(shown, values, "log {log}");
    }
}
