//! Helpers for the output-format tests: running `tla2 check` on the fixtures of
//! `tests/cli_inputs/json/` and validating what it prints against the schemas in `schema/`.

use crate::common::{inputs, tla2, Output};
use serde_json::Value as Json;
use std::path::PathBuf;

/// Path of a fixture in `tests/cli_inputs/json/`.
pub fn fixture(name: &str) -> String {
    inputs(&format!("json/{name}"))
}

/// `tla2 check FIXTURE.tla [extra…] --output FORMAT`.
pub fn check(spec: &str, format: &str, extra: &[&str]) -> Output {
    let spec = fixture(&format!("{spec}.tla"));
    let mut args = vec!["check", spec.as_str()];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--output", format]);
    tla2(&args)
}

/// The one JSON document that `--output json` printed.
pub fn check_json(spec: &str, extra: &[&str]) -> (i32, Json) {
    let out = check(spec, "json", extra);
    let doc = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{spec}: stdout is not one JSON document ({e}):\n{}", out.stdout));
    (out.code, doc)
}

/// The events that `--output json-lines` printed, one per line.
pub fn check_json_lines(spec: &str, extra: &[&str]) -> (i32, Vec<Json>) {
    let out = check(spec, "json-lines", extra);
    let events = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{spec}: line is not JSON ({e}): {l}")))
        .collect();
    (out.code, events)
}

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../schema")
}

/// A schema of `schema/`, parsed.
pub fn schema(name: &str) -> Json {
    let path = schema_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{name} is not JSON: {e}"))
}

/// Serves the files of `schema/` for `$ref`s between them, and nothing from the network.
struct SchemaDir;

impl jsonschema::Retrieve for SchemaDir {
    fn retrieve(&self, uri: &jsonschema::Uri<String>) -> Result<Json, Box<dyn std::error::Error + Send + Sync>> {
        let name = uri.as_str().rsplit('/').next().unwrap_or_default();
        let text = std::fs::read_to_string(schema_dir().join(name))?;
        Ok(serde_json::from_str(&text)?)
    }
}

/// A validator for a schema of `schema/`.
pub fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::options()
        .with_retriever(SchemaDir)
        .build(&schema(name))
        .unwrap_or_else(|e| panic!("{name} does not compile: {e}"))
}

/// The schema violations of `doc`, as readable lines (empty when valid).
pub fn violations(validator: &jsonschema::Validator, doc: &Json) -> Vec<String> {
    validator.iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}
