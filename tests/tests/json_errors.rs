//! The detailed error objects of `--output json` (seed 003's "Detailed Error Schema"): codes,
//! locations with their source line, operands, and the suggestions for the cases whose fix is
//! known (deadlock, differently typed comparison, nested cfg value, constant invariant).

// Each test file uses a different part of the shared helpers.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use json_support::check_json;
use serde_json::json;

#[test]
fn a_deadlock_names_the_state_and_suggests_check_deadlock_false_or_a_stuttering_step() {
    let (_, doc) = check_json("Deadlock", &[]);
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "TLC_DEADLOCK");
    assert_eq!(e["location"]["state_num"], 4);
    assert_eq!(e["location"]["action"], "Inc");
    assert_eq!(e["location"]["line"], 6);
    assert_eq!(e["state"], json!({"x": 3, "done": true}));
    assert_eq!(e["suggestion"]["action"], "if_intentional");
    let options = e["suggestion"]["options"].to_string();
    assert!(options.contains("CHECK_DEADLOCK FALSE"), "{options}");
    assert!(options.contains("-deadlock"), "{options}");
    assert_eq!(
        e["suggestion"]["example"],
        "Done == x = 3 /\\ done = TRUE /\\ UNCHANGED <<x, done>>\nNext == ... \\/ Done"
    );
    assert_eq!(doc["counterexample"]["length"], 4);
}

#[test]
fn a_comparison_of_differently_typed_values_shows_both_sides_and_how_to_make_them_agree() {
    let (_, doc) = check_json("TypeClash", &[]);
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "TLC_TYPE_MISMATCH");
    assert_eq!(e["operator"], "=");
    assert_eq!(e["lhs"], json!({"value": "TRUE", "type": "boolean"}));
    assert_eq!(e["rhs"], json!({"value": "\"UNDEF\"", "type": "string"}));
    assert_eq!(e["location"]["line"], 5);
    assert_eq!(e["location"]["column"], 20);
    assert_eq!(e["location"]["context"], "Next == flag' = IF flag = \"UNDEF\" THEN FALSE ELSE TRUE");
    assert_eq!(e["suggestion"]["action"], "use_consistent_types");
    assert_eq!(
        e["suggestion"]["options"],
        json!(["Change TRUE to a string", "Change \"UNDEF\" to a boolean sentinel"])
    );
    assert_eq!(e["while_evaluating"], "next-state relation");
}

#[test]
fn a_nested_tuple_in_the_cfg_is_a_config_error_that_suggests_defining_it_in_the_spec() {
    let (code, doc) = check_json("NestedCfg", &[]);
    assert_eq!(code, 151);
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "CFG_PARSE_UNSUPPORTED_SYNTAX");
    assert_eq!(e["location"]["line"], 1);
    assert_eq!(e["location"]["context"], "CONSTANT Clauses = { {<<v1, \"neg\">>} }");
    assert_eq!(e["suggestion"]["action"], "define_in_spec");
    assert!(e["suggestion"]["example"].as_str().is_some_and(|x| x.contains("<<")));
    assert_eq!(doc["errors"][0], *e);
}

#[test]
fn a_constant_invariant_is_a_warning_that_suggests_an_assume() {
    let (code, doc) = check_json("ConstInv", &[]);
    assert_eq!(code, 0);
    let w = &doc["diagnostics"]["warnings"][0];
    assert_eq!(w["code"], "TLC_INVARIANT_CONSTANT");
    assert_eq!(w["message"], "Invariant 'NPositive' is a constant expression");
    assert_eq!(w["location"]["line"], 10);
    assert_eq!(w["suggestion"]["action"], "use_assume");
    assert!(w["suggestion"]["example"].as_str().is_some_and(|x| x.contains("ASSUME NPositive")));
}

#[test]
fn an_invariant_violation_names_the_property_with_its_location_and_formula() {
    let (_, doc) = check_json("Kinds", &[]);
    let p = &doc["result"]["violated_property"];
    assert_eq!(p["name"], "SmallI");
    assert_eq!(p["type"], "invariant");
    assert_eq!(p["expression"], "i < 1");
    assert_eq!(p["location"]["line"], 33);
    assert_eq!(p["location"]["column"], 1);
    assert!(p["location"]["file"].as_str().is_some_and(|f| f.ends_with("Kinds.tla")));
    assert_eq!(doc["result"]["error_message"], "Invariant 'SmallI' violated");
}

#[test]
fn a_parse_error_points_at_the_source_line() {
    let (code, doc) = check_json("ParseError", &[]);
    assert_eq!(code, 150);
    let e = &doc["result"]["error"];
    assert_eq!(e["severity"], "error");
    assert_eq!(e["location"]["line"], 4);
    assert_eq!(e["location"]["context"], "Init == x = (1 + 2");
    assert_eq!(doc["statistics"], serde_json::Value::Null);
}

#[test]
fn a_false_assumption_points_at_the_assume() {
    let (_, doc) = check_json("Assume", &[]);
    let e = &doc["result"]["error"];
    assert_eq!(e["expression"], "N > 5");
    assert_eq!(e["location"]["context"], "ASSUME N > 5");
    assert_eq!(doc["specification"]["constants"]["N"], json!({"type": "int", "value": 3}));
}

#[test]
fn evaluation_errors_carry_the_failing_expression_and_the_trace_to_it() {
    let (_, doc) = check_json("Assert", &[]);
    let e = &doc["result"]["error"];
    assert_eq!(e["error_code"], "TLC_EVAL_ASSERTION_FAILED");
    assert!(e["message"].as_str().is_some_and(|m| m.contains("x must stay below 1")));
    assert_eq!(e["location"]["line"], 6);
    assert_eq!(doc["counterexample"]["length"], 2);
    let (_, doc) = check_json("Undefined", &[]);
    assert_eq!(doc["result"]["error"]["location"]["context"], "Next == x' = f[x + 1]");
}

#[test]
fn frontend_warnings_are_reported_with_their_cfg_location_in_every_format() {
    let cfg = json_support::fixture("Kinds_typo.cfg");
    let (code, doc) = check_json("Kinds", &["-config", &cfg]);
    assert_eq!(code, 0);
    let w = &doc["diagnostics"]["warnings"][0];
    assert_eq!(w["code"], "CFG_UNKNOWN_NAME");
    assert_eq!(w["location"]["line"], 4);
    assert_eq!(w["location"]["context"], "    Limt = 3");
    assert_eq!(w["suggestion"], json!({"action": "rename", "message": "did you mean `Limit`?"}));
    let (_, events) = json_support::check_json_lines("Kinds", &["-config", &cfg]);
    assert!(events.iter().any(|e| e["type"] == "warning" && e["code"] == "CFG_UNKNOWN_NAME"));
    let out = json_support::check("Kinds", "sarif", &["-config", &cfg]);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap_or_default();
    assert_eq!(log["runs"][0]["results"][0]["ruleId"], "CFG_UNKNOWN_NAME");
    assert_eq!(log["runs"][0]["results"][0]["level"], "warning");
}
