//! `tla2 parse --output json` and unreadable inputs: their diagnostics use the same detailed
//! error objects as `tla2 check --output json` (seed 003's detailed error schema).

// Each test file uses a different part of the shared helpers.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use common::tla2;
use json_support::{fixture, violations};
use serde_json::{json, Value as Json};

/// A validator for one definition of the output schema.
fn def_validator(def: &str) -> jsonschema::Validator {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema/tla2-output.schema.json");
    let full: Json = serde_json::from_str(&std::fs::read_to_string(path).unwrap_or_default()).unwrap_or_default();
    let schema = json!({"$schema": full["$schema"], "$defs": full["$defs"], "$ref": format!("#/$defs/{def}")});
    jsonschema::options().build(&schema).unwrap_or_else(|e| panic!("{def}: {e}"))
}

#[test]
fn parse_diagnostics_are_detailed_error_objects() {
    let v = def_validator("detailedError");
    for spec in ["ParseError", "Semantic"] {
        let out = tla2(&["parse", &fixture(&format!("{spec}.tla")), "--output", "json"]);
        let doc: Json = serde_json::from_str(&out.stdout).unwrap_or_default();
        assert_eq!(out.code, 150, "{spec}");
        let diags = doc["diagnostics"].as_array().cloned().unwrap_or_default();
        assert!(!diags.is_empty(), "{spec}");
        for d in &diags {
            assert_eq!(violations(&v, d), Vec::<String>::new(), "{spec}: {d}");
        }
    }
}

#[test]
fn parse_and_check_describe_the_same_error_the_same_way() {
    let out = tla2(&["parse", &fixture("ParseError.tla"), "--output", "json"]);
    let parsed: Json = serde_json::from_str(&out.stdout).unwrap_or_default();
    let (_, checked) = json_support::check_json("ParseError", &[]);
    assert_eq!(parsed["diagnostics"][0], checked["errors"][0]);
}

#[test]
fn files_that_cannot_be_read_are_errors_without_a_location() {
    let missing = fixture("DoesNotExist.tla");
    let out = tla2(&["check", &missing, "--output", "json"]);
    let doc: Json = serde_json::from_str(&out.stdout).unwrap_or_default();
    assert_eq!(out.code, 150);
    assert_eq!(doc["result"]["error"]["error_code"], "TLA_SEMANTIC_FILE_NOT_FOUND");
    assert_eq!(doc["result"]["error"]["location"], Json::Null);
    let v = json_support::validator("tla2-output.schema.json");
    assert_eq!(violations(&v, &doc), Vec::<String>::new());

    let spec = fixture("Kinds.tla");
    let cfg = fixture("DoesNotExist.cfg");
    let out = tla2(&["check", &spec, "-config", &cfg, "--output", "json"]);
    let doc: Json = serde_json::from_str(&out.stdout).unwrap_or_default();
    assert_eq!(out.code, 151);
    assert_eq!(doc["result"]["error_type"], "config_error");
    assert_eq!(doc["result"]["error_code"], "CFG_FILE_NOT_FOUND");
}
