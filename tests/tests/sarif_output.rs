//! `tla2 check --output sarif`: a SARIF 2.1.0 log whose results are the violations, errors and
//! warnings of the run, with locations and the counterexample as a code flow. Checked against
//! the properties SARIF 2.1.0 requires of each object (the OASIS schema is not vendored).

// Each test file uses a different part of the shared helpers.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use json_support::check;
use serde_json::Value as Json;

fn sarif(spec: &str) -> (i32, Json) {
    let out = check(spec, "sarif", &[]);
    let doc = serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{spec}: not JSON ({e}):\n{}", out.stdout));
    (out.code, doc)
}

/// The structural rules of SARIF 2.1.0 that every log must follow.
fn assert_valid_sarif(label: &str, log: &Json) {
    assert_eq!(log["version"], "2.1.0", "{label}");
    let runs = log["runs"].as_array().unwrap_or_else(|| panic!("{label}: no runs"));
    assert_eq!(runs.len(), 1, "{label}");
    let run = &runs[0];
    assert_eq!(run["tool"]["driver"]["name"], "tla2", "{label}");
    let rules: Vec<&str> =
        run["tool"]["driver"]["rules"].as_array().into_iter().flatten().filter_map(|r| r["id"].as_str()).collect();
    for r in run["results"].as_array().unwrap_or_else(|| panic!("{label}: no results array")) {
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()), "{label}: {r}");
        assert!(["error", "warning", "note", "none"].contains(&r["level"].as_str().unwrap_or("")), "{label}: {r}");
        assert!(rules.contains(&r["ruleId"].as_str().unwrap_or("")), "{label}: rule of {r}");
        for l in r["locations"].as_array().into_iter().flatten() {
            assert_physical_location(label, &l["physicalLocation"]);
        }
        for flow in r["codeFlows"].as_array().into_iter().flatten() {
            for thread in flow["threadFlows"].as_array().into_iter().flatten() {
                let locations = thread["locations"].as_array().unwrap_or_else(|| panic!("{label}: empty thread flow"));
                assert!(!locations.is_empty(), "{label}");
                for tl in locations {
                    assert!(tl["location"].is_object(), "{label}: {tl}");
                    if !tl["location"]["physicalLocation"].is_null() {
                        assert_physical_location(label, &tl["location"]["physicalLocation"]);
                    }
                    for v in tl["state"].as_object().into_iter().flatten().map(|(_, v)| v) {
                        assert!(v["text"].is_string(), "{label}: state values are multiformat messages");
                    }
                }
            }
        }
    }
}

fn assert_physical_location(label: &str, p: &Json) {
    assert!(p["artifactLocation"]["uri"].as_str().is_some_and(|u| !u.is_empty()), "{label}: {p}");
    let region = &p["region"];
    if region.is_null() {
        return;
    }
    let start = region["startLine"].as_u64().unwrap_or(0);
    assert!(start >= 1, "{label}: {p}");
    if let (Some(el), Some(ec), Some(sc)) =
        (region["endLine"].as_u64(), region["endColumn"].as_u64(), region["startColumn"].as_u64())
    {
        assert!(el > start || (el == start && ec > sc), "{label}: empty or reversed region {p}");
    }
}

#[test]
fn every_outcome_is_a_valid_sarif_log_with_the_exit_code_of_the_run() {
    for (spec, exit) in [
        ("ConstInv", 0),
        ("Kinds", 12),
        ("Deadlock", 11),
        ("Assert", 14),
        ("TypeClash", 75),
        ("Assume", 10),
        ("ParseError", 150),
        ("Semantic", 150),
        ("NestedCfg", 151),
        ("ActionProp", 13),
    ] {
        let (code, log) = sarif(spec);
        assert_eq!(code, exit, "{spec}");
        assert_valid_sarif(spec, &log);
        assert_eq!(log["runs"][0]["invocations"][0]["exitCode"], exit, "{spec}");
    }
}

#[test]
fn an_invariant_violation_is_an_error_at_the_invariant_with_the_trace_as_a_code_flow() {
    let (_, log) = sarif("Kinds");
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "TLC_INVARIANT_VIOLATED");
    assert_eq!(r["level"], "error");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 33);
    assert_eq!(region["snippet"]["text"], "SmallI == i < 1");
    let steps = r["codeFlows"][0]["threadFlows"][0]["locations"].as_array().cloned().unwrap_or_default();
    assert_eq!(steps.len(), 2);
    assert_eq!(steps[0]["location"]["message"]["text"], "State 1: Init");
    assert_eq!(steps[1]["location"]["message"]["text"], "State 2: Step");
    assert_eq!(steps[1]["location"]["physicalLocation"]["region"]["startLine"], 21);
    assert_eq!(steps[1]["state"]["i"]["text"], "1");
    assert_eq!(steps[1]["state"]["mv"]["text"], "p1");
}

#[test]
fn warnings_are_warning_results_and_a_passing_run_has_no_error() {
    let (_, log) = sarif("ConstInv");
    let results = log["runs"][0]["results"].as_array().cloned().unwrap_or_default();
    assert_eq!(results.len(), 1);
    assert_eq!(results[0]["level"], "warning");
    assert_eq!(results[0]["ruleId"], "TLC_INVARIANT_CONSTANT");
}

#[test]
fn a_config_error_is_reported_at_its_cfg_line() {
    let (_, log) = sarif("NestedCfg");
    let r = &log["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "CFG_PARSE_UNSUPPORTED_SYNTAX");
    let p = &r["locations"][0]["physicalLocation"];
    assert!(p["artifactLocation"]["uri"].as_str().is_some_and(|u| u.ends_with("NestedCfg.cfg")));
    assert_eq!(p["region"]["startColumn"], 23);
}
