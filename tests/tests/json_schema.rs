//! `tla2 check --output json|json-lines` on fixtures that produce every outcome tla2 can
//! produce today, validated against `schema/tla2-output.schema.json` and
//! `schema/tla2-jsonl.schema.json`.

// Each test file uses a different part of the shared helpers.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use json_support::{check, check_json, check_json_lines, schema, validator, violations};
use serde_json::{json, Value as Json};

/// One fixture run: spec, extra flags, exit code, status, error type and error code.
struct Case {
    spec: &'static str,
    extra: &'static [&'static str],
    exit: i32,
    status: &'static str,
    error_type: Option<&'static str>,
    error_code: Option<&'static str>,
}

fn case(
    spec: &'static str,
    extra: &'static [&'static str],
    exit: i32,
    error_type: Option<&'static str>,
    error_code: Option<&'static str>,
) -> Case {
    let status = match error_type {
        None => "ok",
        Some("timeout") => "timeout",
        Some(_) => "error",
    };
    Case { spec, extra, exit, status, error_type, error_code }
}

const KINDS_OK: &[&str] = &["-config", "tests/cli_inputs/json/Kinds_ok.cfg"];
const KINDS_TYPO: &[&str] = &["-config", "tests/cli_inputs/json/Kinds_typo.cfg"];

/// Every outcome the fixtures produce. Not produced yet: `liveness_violation` (tla2 refuses
/// PROPERTY, see ActionProp below), `interrupted` (no Ctrl-C handling in `tla2 check`),
/// `resource_exhausted`, `internal_error`.
fn cases() -> Vec<Case> {
    vec![
        case("Kinds", KINDS_OK, 0, None, None),
        case("Kinds", KINDS_TYPO, 0, None, None),
        case("ConstInv", &[], 0, None, None),
        case("Kinds", &[], 12, Some("invariant_violation"), Some("TLC_INVARIANT_VIOLATED")),
        case("Kinds", &["-continue"], 0, None, None),
        case("Deadlock", &[], 11, Some("deadlock"), Some("TLC_DEADLOCK")),
        case("Assert", &[], 14, Some("assertion_failure"), Some("TLC_EVAL_ASSERTION_FAILED")),
        case("TypeClash", &[], 75, Some("type_error"), Some("TLC_TYPE_MISMATCH")),
        case("Undefined", &[], 75, Some("undefined_value"), Some("TLC_EVAL_NOT_IN_DOMAIN")),
        case("DivZero", &[], 255, Some("evaluation_error"), Some("TLC_EVAL_DIVISION_BY_ZERO")),
        case("Assume", &[], 10, Some("assumption_failure"), Some("TLC_ASSUMPTION_FALSE")),
        case("ParseError", &[], 150, Some("parse_error"), Some("TLA_PARSE_UNCLOSED_BRACKET")),
        case("Semantic", &[], 150, Some("semantic_error"), Some("TLA_SEMANTIC_UNDEFINED_NAME")),
        case("NestedCfg", &[], 151, Some("config_error"), Some("CFG_PARSE_UNSUPPORTED_SYNTAX")),
        case("ActionProp", &[], 13, Some("liveness_violation"), Some("TLC_LIVENESS_VIOLATED")),
        case(
            "Kinds",
            &["-simulate", "num=10", "-seed", "1"],
            12,
            Some("invariant_violation"),
            Some("TLC_INVARIANT_VIOLATED"),
        ),
        case("Endless", &["--timeout", "0.3"], 255, Some("timeout"), Some("TLA2_TIMEOUT")),
    ]
}

fn fixture_args(c: &Case) -> Vec<String> {
    // The cfg paths above are relative to the repository root; make them absolute.
    c.extra
        .iter()
        .map(
            |a| {
                if a.ends_with(".cfg") {
                    json_support::fixture(a.rsplit('/').next().unwrap_or(a))
                } else {
                    a.to_string()
                }
            },
        )
        .collect()
}

#[test]
fn both_schemas_are_valid_draft_2020_12_schemas() {
    for name in ["tla2-output.schema.json", "tla2-jsonl.schema.json"] {
        let s = schema(name);
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema", "{name}");
        assert!(jsonschema::draft202012::meta::is_valid(&s), "{name} is not a valid 2020-12 schema");
    }
}

#[test]
fn every_outcome_is_one_json_document_that_matches_the_schema() {
    let v = validator("tla2-output.schema.json");
    for c in cases() {
        let args = fixture_args(&c);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, doc) = check_json(c.spec, &args);
        let label = format!("{} {:?}", c.spec, c.extra);
        assert_eq!(violations(&v, &doc), Vec::<String>::new(), "{label}");
        assert_eq!(code, c.exit, "{label}");
        assert_eq!(doc["exit_code"], c.exit, "{label}");
        assert_eq!(doc["result"]["status"], c.status, "{label}");
        assert_eq!(doc["result"]["error_type"], json!(c.error_type), "{label}");
        assert_eq!(doc["result"]["error_code"], json!(c.error_code), "{label}");
        if c.error_type.is_some() {
            assert_eq!(doc["result"]["error"]["error_code"], json!(c.error_code), "{label}");
        }
    }
}

#[test]
fn every_outcome_streams_json_lines_events_that_match_the_schema() {
    let v = validator("tla2-jsonl.schema.json");
    for c in cases() {
        let args = fixture_args(&c);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, events) = check_json_lines(c.spec, &args);
        let label = format!("{} {:?}", c.spec, c.extra);
        assert_eq!(code, c.exit, "{label}");
        for e in &events {
            assert_eq!(violations(&v, e), Vec::<String>::new(), "{label}: {e}");
        }
        let types: Vec<&str> = events.iter().filter_map(|e| e["type"].as_str()).collect();
        assert_eq!(types.first(), Some(&"start"), "{label}");
        assert_eq!(types.last(), Some(&"done"), "{label}");
        let done = events.last().cloned().unwrap_or_default();
        assert_eq!(done["status"], c.status, "{label}");
        assert_eq!(done["exit_code"], c.exit, "{label}");
        let errors = types.iter().filter(|t| **t == "error").count();
        if c.extra.contains(&"-continue") {
            // Each violation the run went past is reported as it is found.
            let (_, doc) = check_json(c.spec, &args);
            assert_eq!(Some(errors), doc["violations"].as_array().map(Vec::len), "{label}: {types:?}");
            assert!(errors > 0, "{label}");
        } else {
            assert_eq!(errors, usize::from(c.error_type.is_some()), "{label}: {types:?}");
        }
    }
}

#[test]
fn the_counterexample_encodes_every_kind_of_value_as_the_seed_says() {
    let (_, doc) = check_json("Kinds", &[]);
    let states = doc["counterexample"]["states"].as_array().cloned().unwrap_or_default();
    assert_eq!(doc["counterexample"]["length"], 2);
    let vars = &states[1]["variables"];
    assert_eq!(vars["i"], json!({"type": "int", "value": 1}));
    assert_eq!(vars["b"], json!({"type": "bool", "value": true}));
    assert_eq!(vars["s"], json!({"type": "string", "value": "busy"}));
    assert_eq!(vars["set"], json!({"type": "set", "value": [1, 2, 3]}));
    assert_eq!(vars["seq"], json!({"type": "seq", "value": [1, 2, 0]}));
    assert_eq!(vars["rec"], json!({"type": "record", "value": {"a": 2, "b": "x"}}));
    assert_eq!(vars["fun"], json!({"type": "function", "domain": ["p1", "p2"], "mapping": [["p1", 1], ["p2", 1]]}));
    assert_eq!(vars["tup"], json!({"type": "tuple", "value": [1, "a", true]}));
    assert_eq!(vars["mv"], json!({"type": "model_value", "value": "p1"}));
    assert_eq!(states[0]["diff_from_previous"], Json::Null);
    assert_eq!(states[1]["diff_from_previous"]["changed"]["i"], json!({"from": 0, "to": 1}));
    assert_eq!(states[1]["diff_from_previous"]["unchanged"], json!(["tup", "mv"]));
    assert_eq!(states[1]["action"]["name"], "Step");
    assert_eq!(states[1]["action"]["location"]["line"], 21);
}

#[test]
fn the_specification_section_names_the_model_and_the_values_of_its_constants() {
    let (_, doc) = check_json("Kinds", &[]);
    let spec = &doc["specification"];
    assert_eq!(spec["init"], "Init");
    assert_eq!(spec["next"], "Next");
    assert_eq!(spec["invariants"], json!(["SmallI"]));
    assert_eq!(spec["constants"]["Limit"], json!({"type": "int", "value": 2}));
    assert_eq!(spec["constants"]["Procs"], json!({"type": "set", "value": ["p1", "p2"]}));
    assert_eq!(spec["variables"].as_array().map(Vec::len), Some(9));
    assert_eq!(doc["input"]["module"], "Kinds");
    assert_eq!(doc["input"]["workers"], 1);
    let stats = &doc["statistics"];
    assert_eq!(stats["states_initial"], 1);
    assert_eq!(stats["max_depth"], 2);
    let actions = doc["actions_detected"].as_array().cloned().unwrap_or_default();
    assert_eq!(actions.iter().filter_map(|a| a["name"].as_str()).collect::<Vec<_>>(), ["Step", "Next"]);
}

#[test]
fn json_lines_state_events_follow_the_error_with_plain_values_and_pair_diffs() {
    let (_, events) = check_json_lines("Kinds", &[]);
    let error_at = events.iter().position(|e| e["type"] == "error").unwrap_or(usize::MAX);
    let states: Vec<&Json> = events.iter().filter(|e| e["type"] == "state").collect();
    assert_eq!(states.len(), 2);
    assert!(events.iter().position(|e| e["type"] == "state").unwrap_or(0) > error_at);
    assert_eq!(events[error_at]["state_index"], 2);
    assert_eq!(states[0]["action"], "Init");
    assert_eq!(states[0]["variables"]["set"], json!([1, 2]));
    assert_eq!(states[1]["diff"]["i"], json!([0, 1]));
    assert!(states[1]["diff"].get("tup").is_none());
}

#[test]
fn print_output_is_reported_as_events_and_never_mixed_into_stdout() {
    let (_, doc) = check_json("ConstInv", &[]);
    assert_eq!(doc["diagnostics"]["print_outputs"][0]["value"], "<<\"start\", 2>>  TRUE");
    let (_, events) = check_json_lines("ConstInv", &[]);
    assert!(events.iter().any(|e| e["type"] == "print" && e["value"] == "<<\"start\", 2>>  TRUE"));
}

/// The location of the `Print` call: `Print(<<"start", N>>, TRUE)` on line 6 of ConstInv.tla.
fn assert_print_location(location: &Json) {
    assert_eq!(location["file"].as_str().map(|f| f.ends_with("ConstInv.tla")), Some(true), "{location}");
    assert_eq!((&location["line"], &location["column"]), (&json!(6), &json!(18)), "{location}");
    assert_eq!((&location["end_line"], &location["end_column"]), (&json!(6), &json!(44)), "{location}");
}

#[test]
fn print_outputs_carry_the_location_of_the_print_in_both_engines() {
    let output = validator("tla2-output.schema.json");
    let lines = validator("tla2-jsonl.schema.json");
    for extra in [&[][..], &["--compiled"][..]] {
        let (_, doc) = check_json("ConstInv", extra);
        assert_eq!(violations(&output, &doc), Vec::<String>::new());
        assert_eq!(doc["diagnostics"]["print_outputs"].as_array().map(Vec::len), Some(1), "{extra:?}");
        assert_print_location(&doc["diagnostics"]["print_outputs"][0]["location"]);
        let (_, events) = check_json_lines("ConstInv", extra);
        let prints: Vec<&Json> = events.iter().filter(|e| e["type"] == "print").collect();
        assert_eq!(prints.len(), 1, "{extra:?}");
        assert_eq!(violations(&lines, prints[0]), Vec::<String>::new());
        assert_print_location(&prints[0]["location"]);
    }
    // Human output stays TLC's: the printed line alone.
    let human = check("ConstInv", "human", &[]);
    assert!(human.stdout.lines().any(|l| l == "<<\"start\", 2>>  TRUE"), "{}", human.stdout);
}

#[test]
fn output_ai_is_the_json_output() {
    let ai = check("Deadlock", "ai", &[]);
    let doc: Json = serde_json::from_str(&ai.stdout).unwrap_or_default();
    assert_eq!(doc["result"]["error_type"], "deadlock");
    assert_eq!(ai.code, 11);
}

#[test]
fn the_schema_rejects_values_and_results_that_break_the_encoding() {
    let v = validator("tla2-output.schema.json");
    let (_, good) = check_json("Kinds", &[]);
    let mut bad = good.clone();
    bad["counterexample"]["states"][0]["variables"]["i"] = json!({"type": "integer", "value": 0});
    assert!(!violations(&v, &bad).is_empty(), "an unknown value type must be rejected");
    let mut bad = good.clone();
    bad["result"]["error_type"] = json!("oops");
    assert!(!violations(&v, &bad).is_empty(), "an unknown error type must be rejected");
    let mut bad = good;
    bad["result"]["status"] = json!("ok");
    assert!(!violations(&v, &bad).is_empty(), "an ok result has no error type");
}

#[test]
fn a_long_run_streams_progress_events_until_its_time_limit() {
    // As TLC, the engine reports progress about 3 s after the start and then every interval
    // (5 s in json-lines): a 3.5 s run reports the initial states and one progress event, then
    // stops with status timeout.
    let (code, events) = check_json_lines("Endless", &["--timeout", "3.5"]);
    assert_eq!(code, 255);
    let progress: Vec<&Json> = events.iter().filter(|e| e["type"] == "progress").collect();
    assert_eq!(progress.len(), 2, "{progress:?}");
    assert_eq!(progress[0]["depth"], 1);
    let late = &progress[1];
    assert!(late["time"].as_f64().is_some_and(|t| (3.0..4.5).contains(&t)), "{late}");
    assert!(late["distinct"].as_u64().is_some_and(|d| d > 1), "{late}");
    let done = events.last().cloned().unwrap_or_default();
    assert_eq!(done["status"], "timeout");
    assert!(done["statistics"]["states_distinct"].as_u64() >= late["distinct"].as_u64());
}
