//! The pitfalls of issue 9 (results that look green but mean little): each fixture of
//! `tests/specs/pitfalls/` gives its warning or error with code, location and suggestion, in
//! human and JSON output, and the verdict TLC gives (pinned from TLC 2026.04, `-workers 1`).

mod common;

use serde_json::Value as Json;
use std::process::Command;

/// Runs `tla2 check <args>` in `tests/specs/pitfalls` (a trace is read by a relative path).
fn check(args: &[&str]) -> (i32, String) {
    let out = Command::new(common::tla2_binary())
        .arg("check")
        .args(args)
        .current_dir(common::tests_dir("specs/pitfalls"))
        .output()
        .expect("run tla2");
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

fn check_json(args: &[&str]) -> (i32, Json) {
    let mut all = args.to_vec();
    all.extend(["--output", "json"]);
    let (code, text) = check(&all);
    (code, serde_json::from_str(&text).unwrap_or_else(|e| panic!("not one JSON document ({e}):\n{text}")))
}

fn codes(doc: &Json, section: &str) -> Vec<String> {
    doc["diagnostics"][section]
        .as_array()
        .map(|a| a.iter().filter_map(|w| w["code"].as_str().map(String::from)).collect())
        .unwrap_or_default()
}

/// The one warning with `code`, checked for its line and suggestion action.
fn warning<'a>(doc: &'a Json, code: &str, line: u64, action: &str) -> &'a Json {
    let all = doc["diagnostics"]["warnings"].as_array().expect("warnings");
    let found: Vec<&Json> = all.iter().filter(|w| w["code"] == code).collect();
    assert_eq!(found.len(), 1, "one {code} expected: {all:?}");
    assert_eq!(found[0]["location"]["line"], line, "{}", found[0]);
    assert_eq!(found[0]["suggestion"]["action"], action, "{}", found[0]);
    found[0]
}

#[test]
fn a_liveness_property_without_fairness_is_warned_about_and_still_violated() {
    let (code, doc) = check_json(&["LiveNoFair.tla"]);
    assert_eq!(code, 13, "TLC: temporal property Reaches violated");
    assert_eq!(doc["result"]["error_message"], "Temporal property 'Reaches' violated", "{}", doc["result"]);
    let w = warning(&doc, "TLA2_LIVENESS_NO_FAIRNESS", 8, "add_fairness");
    assert!(w["message"].as_str().is_some_and(|m| m.contains("'Reaches'")), "{w}");
    assert!(w["suggestion"]["example"].as_str().is_some_and(|e| e.contains("WF_x(Next)")), "{w}");
    let (_, human) = check(&["LiveNoFair.tla"]);
    assert!(human.contains("warning[TLA2_LIVENESS_NO_FAIRNESS]"), "{human}");
    assert!(human.contains("LiveNoFair.tla:8:1"), "{human}");
    assert!(human.contains("WF_x(Next)"), "{human}");
}

#[test]
fn safety_properties_and_fair_specs_get_no_fairness_warning() {
    let (code, doc) = check_json(&["LiveNoFair.tla", "-config", "SafetyOnly.cfg"]);
    assert_eq!((code, &doc["result"]["status"]), (0, &Json::from("ok")));
    assert!(!codes(&doc, "warnings").contains(&"TLA2_LIVENESS_NO_FAIRNESS".to_string()), "{doc}");
    let (_, fair) = check_json(&["SymLiveness.tla"]);
    assert!(!codes(&fair, "warnings").contains(&"TLA2_LIVENESS_NO_FAIRNESS".to_string()), "{fair}");
}

#[test]
fn trace_validation_that_never_requires_the_whole_trace_is_vacuous() {
    let (code, doc) = check_json(&["TraceVacuous.tla"]);
    assert_eq!(code, 0, "TLC: no error, although the trace's third line does not match");
    let w = warning(&doc, "TLA2_TRACE_VACUOUS", 6, "check_trace_consumed");
    assert_eq!(w["location"]["column"], 10, "{w}");
    let (_, sarif) = check(&["TraceVacuous.tla", "--output", "sarif"]);
    let log: Json = serde_json::from_str(&sarif).expect("one SARIF document");
    let result = &log["runs"][0]["results"][0];
    assert_eq!((&result["ruleId"], &result["level"]), (&Json::from("TLA2_TRACE_VACUOUS"), &Json::from("warning")));
    assert_eq!(result["locations"][0]["physicalLocation"]["region"]["startLine"], 6, "{result}");
    let (_, human) = check(&["TraceVacuous.tla"]);
    assert!(human.contains("warning[TLA2_TRACE_VACUOUS]") && human.contains("TraceVacuous.tla:6:10"), "{human}");
    // With a POSTCONDITION on the trace's length there is no warning, and the mismatch shows.
    let (code, doc) = check_json(&["TraceVacuous.tla", "-config", "TraceChecked.cfg"]);
    assert_eq!(code, 10, "TLC: postcondition TraceConsumed is false");
    assert!(!codes(&doc, "warnings").contains(&"TLA2_TRACE_VACUOUS".to_string()), "{doc}");
}

#[test]
fn turning_deadlock_checking_off_is_said_and_changes_nothing_else() {
    let (code, doc) = check_json(&["Stops.tla"]);
    assert_eq!(code, 11, "TLC: deadlock reached");
    assert!(!codes(&doc, "info").contains(&"TLA2_DEADLOCK_UNCHECKED".to_string()), "{doc}");
    let (code, doc) = check_json(&["Stops.tla", "-deadlock"]);
    assert_eq!(code, 0);
    assert!(codes(&doc, "info").contains(&"TLA2_DEADLOCK_UNCHECKED".to_string()), "{doc}");
    let (_, human) = check(&["Stops.tla", "-deadlock"]);
    assert!(human.contains("Note: Deadlock checking is off (-deadlock was given)"), "{human}");
    // Simulation checks deadlock too (TLC's simulator does not).
    let (code, human) = check(&["Stops.tla", "-simulate", "num=5", "-depth", "10"]);
    assert_eq!(code, 11, "{human}");
}

#[test]
fn symmetry_or_view_written_as_an_expression_is_an_error_showing_the_definition() {
    for (cfg, col, example) in
        [("SymExpr.cfg", 10, "Symm == Permutations(Server)"), ("ViewExpr.cfg", 6, "View == <<leader>>")]
    {
        let (code, doc) = check_json(&["SymExpr.tla", "-config", cfg]);
        assert_eq!(code, 151, "{doc}");
        let e = &doc["result"]["error"];
        assert_eq!(e["error_code"], "CFG_PARSE_UNSUPPORTED_SYNTAX", "{e}");
        assert_eq!((&e["location"]["line"], &e["location"]["column"]), (&Json::from(4), &Json::from(col)), "{e}");
        assert!(e["suggestion"]["example"].as_str().is_some_and(|x| x.contains(example)), "{e}");
        let (_, human) = check(&["SymExpr.tla", "-config", cfg]);
        assert!(human.contains("error[CFG_PARSE_UNSUPPORTED_SYNTAX]") && human.contains(example), "{human}");
    }
}

#[test]
fn a_substitution_of_another_arity_names_both_arities() {
    let (code, doc) = check_json(&["Arity.tla"]);
    assert_eq!(code, 151, "TLC: substitutes for Step with MCStep of different number of arguments");
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "CFG_WRONG_ARITY");
    assert_eq!(e["location"]["line"], 3);
    let message = e["message"].as_str().unwrap_or_default();
    assert!(message.contains("takes 1 argument") && message.contains("takes 0 arguments"), "{e}");
    assert!(e["suggestion"]["message"].as_str().is_some_and(|m| m.contains("MCNext")), "{e}");
    let (_, human) = check(&["Arity.tla"]);
    assert!(human.contains("error[CFG_WRONG_ARITY]") && human.contains("Arity.cfg:3:10"), "{human}");
}

#[test]
fn ordering_model_values_is_tlcs_error_with_an_integer_order_suggested() {
    let (code, doc) = check_json(&["ModelValueOrder.tla"]);
    assert_eq!(code, 255, "TLC: the first argument of < should be an integer");
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "TLC_TYPE_MISMATCH");
    assert_eq!(e["location"]["line"], 7, "{e}");
    assert_eq!(e["suggestion"]["action"], "use_integer_order", "{e}");
    let (_, human) = check(&["ModelValueOrder.tla"]);
    assert!(human.contains("Hint: TLC orders only integers"), "{human}");
}

#[test]
fn invariants_and_properties_of_no_variable_suggest_assume() {
    let (code, doc) = check_json(&["ConstChecks.tla"]);
    assert_eq!(code, 0);
    warning(&doc, "TLC_INVARIANT_CONSTANT", 9, "use_assume");
    warning(&doc, "TLA2_PROPERTY_CONSTANT", 10, "use_assume");
    assert_eq!(codes(&doc, "warnings").len(), 2, "Bounded mentions x: {doc}");
    let (_, human) = check(&["ConstChecks.tla"]);
    assert!(human.contains("warning[TLC_INVARIANT_CONSTANT]: Invariant 'NPositive'"), "{human}");
    assert!(human.contains("warning[TLA2_PROPERTY_CONSTANT]: Property 'NSmall'"), "{human}");
}

#[test]
fn an_action_never_enabled_in_a_complete_run_is_listed_with_the_counts() {
    let (code, doc) = check_json(&["DeadAction.tla"]);
    assert_eq!(code, 0);
    assert_eq!(doc["statistics"]["states_distinct"], 4, "TLC: 4 distinct states");
    let w = warning(&doc, "TLA2_ACTION_NEVER_ENABLED", 7, "check_dead_action");
    assert!(w["message"].as_str().is_some_and(|m| m.contains("'Reset'")), "{w}");
    let counts: Vec<(String, u64)> = doc["actions_detected"]
        .as_array()
        .expect("actions_detected")
        .iter()
        .map(|a| (a["name"].as_str().unwrap_or_default().to_string(), a["occurrences"].as_u64().unwrap_or(99)))
        .collect();
    assert!(counts.contains(&("Reset".to_string(), 0)) && counts.contains(&("Inc".to_string(), 3)), "{counts:?}");
    let (_, lines) = check(&["DeadAction.tla", "--output", "json-lines"]);
    let events: Vec<Json> = lines.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let streamed = events.iter().position(|e| e["type"] == "warning" && e["code"] == "TLA2_ACTION_NEVER_ENABLED");
    let done = events.iter().position(|e| e["type"] == "done");
    assert!(streamed.is_some() && streamed < done, "{lines}");
    let (_, human) = check(&["DeadAction.tla"]);
    assert!(human.contains("Warning: Action 'Reset' was never enabled"), "{human}");
    assert!(human.contains("DeadAction.tla:7:"), "{human}");
}

#[test]
fn symmetry_is_warned_about_only_with_a_liveness_property() {
    let (code, doc) = check_json(&["SymLiveness.tla"]);
    assert_eq!(code, 0);
    warning(&doc, "TLC_LIVENESS_SYMMETRY", 9, "check_liveness_without_symmetry");
    let (_, human) = check(&["SymLiveness.tla"]);
    assert!(human.contains("Warning: Declaring symmetry during liveness checking is dangerous."), "{human}");
    let (code, doc) = check_json(&["SymLiveness.tla", "-config", "SymSafety.cfg"]);
    assert_eq!(code, 0);
    assert!(codes(&doc, "warnings").is_empty(), "[](leader \\in Server) is a safety property: {doc}");
}

#[test]
fn a_fair_liveness_fixture_gets_no_pitfall_warning() {
    let spec = common::tests_dir("specs/liveness_wf_counter/Counter.tla");
    let out = common::tla2(&["check", &spec, "--output", "json"]);
    let doc: Json = serde_json::from_str(&out.stdout).expect("one JSON document");
    assert_eq!(out.code, 0, "{doc}{}", out.stderr);
    assert!(codes(&doc, "warnings").is_empty(), "{doc}");
}
