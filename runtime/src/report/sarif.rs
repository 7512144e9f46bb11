//! `--output sarif`: the run as a SARIF 2.1.0 log, for code-scanning tools and editors.
//!
//! One run with one result per violation, error and warning, each with its rule id (the
//! error code), level and location; a counterexample becomes a `codeFlow` whose thread-flow
//! locations are the trace's states (the action's location, and the variables as `state`).
//! Results are built from the same detailed error objects as the JSON output
//! ([`super::detail`]), so codes and messages agree across formats.

use super::detail;
use super::json::RunInfo;
use super::{CheckResult, Status, TraceStep};
use crate::model::SourceLocation;
use serde_json::{json, Map, Value as Json};

/// The SARIF version written.
pub const SARIF_VERSION: &str = "2.1.0";
const SARIF_SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The SARIF log of a finished run.
pub fn render(info: &RunInfo, result: &CheckResult) -> Json {
    let mut results = Vec::new();
    for v in &result.violations {
        results.extend(verdict_result(info, &v.status, &result.variables, &v.trace));
    }
    results.extend(verdict_result(info, &result.status, &result.variables, &result.trace));
    results.extend(warning_results(info));
    let ok = !matches!(result.status, Status::TraceReplayFailed { .. });
    log(info, results, result.exit_code(), ok)
}

/// The SARIF log of a run that stopped before checking: `errors` are detailed error objects
/// (`error_code`, `severity`, `location`, `message`).
pub fn render_error(info: &RunInfo, errors: &[Json], exit_code: i32) -> Json {
    let mut results: Vec<Json> = errors.iter().map(|e| detail_result(e, Json::Null)).collect();
    results.extend(warning_results(info));
    log(info, results, exit_code, false)
}

fn log(info: &RunInfo, results: Vec<Json>, exit_code: i32, successful: bool) -> Json {
    json!({
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [{
            "tool": {"driver": {
                "name": "tla2",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules(&results),
            }},
            "invocations": [{"executionSuccessful": successful, "exitCode": exit_code}],
            "artifacts": artifacts(info),
            "results": results,
            "properties": {"module": info.module},
        }],
    })
}

/// One rule per distinct rule id, in order of first use.
fn rules(results: &[Json]) -> Vec<Json> {
    let mut seen: Vec<&str> = Vec::new();
    for r in results {
        if let Some(id) = r["ruleId"].as_str() {
            if !seen.contains(&id) {
                seen.push(id);
            }
        }
    }
    seen.into_iter().map(|id| json!({"id": id, "shortDescription": {"text": rule_text(id)}})).collect()
}

fn rule_text(id: &str) -> String {
    let words = id.to_lowercase().replace('_', " ");
    let mut chars = words.chars();
    chars.next().map_or(String::new(), |c| c.to_uppercase().collect::<String>() + chars.as_str())
}

fn artifacts(info: &RunInfo) -> Vec<Json> {
    let mut files = vec![info.spec_file.clone()];
    files.extend(info.config_file.clone());
    files.into_iter().map(|f| json!({"location": {"uri": uri(&f)}})).collect()
}

/// The verdict as a result, with the counterexample as a code flow; none for success.
fn verdict_result(info: &RunInfo, status: &Status, variables: &[String], trace: &[TraceStep]) -> Option<Json> {
    let detail = detail::detailed_error(info, status, variables, trace)?;
    let flows = if trace.is_empty() { Json::Null } else { json!([code_flow(variables, trace)]) };
    let mut r = detail_result(&detail, flows);
    r["properties"]["error_type"] = json!(detail::verdict(info, status).error_type);
    Some(r)
}

fn warning_results(info: &RunInfo) -> Vec<Json> {
    info.warnings
        .iter()
        .map(|n| {
            let obj = json!({
                "error_code": n.code, "severity": "warning", "message": n.message,
                "location": n.location.as_ref().map(|l| detail::located(info, l)),
            });
            detail_result(&obj, Json::Null)
        })
        .collect()
}

/// A SARIF result from a detailed error object.
fn detail_result(detail: &Json, flows: Json) -> Json {
    let level = match detail["severity"].as_str() {
        Some("warning") => "warning",
        Some("info") => "note",
        _ => "error",
    };
    let mut text = detail["message"].as_str().unwrap_or("error").to_string();
    if let Some(fix) = detail["suggestion"]["message"].as_str() {
        text = format!("{text}. {fix}");
    }
    let mut r = json!({
        "ruleId": detail["error_code"].as_str().unwrap_or("TLA2_ERROR"),
        "level": level,
        "message": {"text": text},
        "locations": detail_location(&detail["location"]).map_or(vec![], |l| vec![l]),
        "properties": {"detail": detail},
    });
    if !flows.is_null() {
        r["codeFlows"] = flows;
    }
    r
}

/// A SARIF location from a seed location object (`file`, `line`, `column`, …, `context`).
fn detail_location(loc: &Json) -> Option<Json> {
    let file = loc["file"].as_str().filter(|f| !f.is_empty())?;
    let num = |k: &str| loc[k].as_u64().filter(|n| *n > 0);
    let mut physical = json!({"artifactLocation": {"uri": uri(file)}});
    if let Some(line) = num("line") {
        let mut region = json!({"startLine": line});
        if let Some(c) = num("column") {
            region["startColumn"] = json!(c);
        }
        if let (Some(el), Some(ec)) = (num("end_line"), num("end_column")) {
            // The seed's end column is the last character; SARIF's is the one after it.
            region["endLine"] = json!(el);
            region["endColumn"] = json!(ec + 1);
        }
        if let Some(ctx) = loc["context"].as_str() {
            region["snippet"] = json!({"text": ctx});
        }
        physical["region"] = region;
    }
    Some(json!({"physicalLocation": physical}))
}

fn source_location(l: &SourceLocation) -> Option<Json> {
    detail_location(&detail::location_json(l))
}

/// The counterexample: one thread-flow location per state, with the variables as its state.
fn code_flow(variables: &[String], trace: &[TraceStep]) -> Json {
    let locations: Vec<Json> = trace
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let name = step.action.as_ref().map_or("Init", |a| a.name.as_str());
            let mut location = step.action.as_ref().and_then(|a| a.location.as_ref()).and_then(source_location);
            let location = location.get_or_insert_with(|| json!({}));
            location["message"] = json!({"text": format!("State {}: {name}", i + 1)});
            let state: Map<String, Json> =
                variables.iter().zip(&step.values).map(|(n, v)| (n.clone(), json!({"text": v.to_string()}))).collect();
            json!({"location": location, "state": state, "executionOrder": i + 1})
        })
        .collect();
    json!({
        "message": {"text": format!("Counterexample of {} states", trace.len())},
        "threadFlows": [{"locations": locations}],
    })
}

/// A URI reference for a file path: `file://` for absolute paths, the path itself (with `/`
/// separators and spaces escaped) for relative ones.
pub fn uri(path: &str) -> String {
    let p = path.replace('\\', "/").replace('%', "%25").replace(' ', "%20");
    if p.starts_with('/') {
        format!("file://{p}")
    } else {
        p
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absolute_paths_become_file_uris_and_relative_ones_stay_relative() {
        assert_eq!(uri("/a b/S.tla"), "file:///a%20b/S.tla");
        assert_eq!(uri("dir/S.tla"), "dir/S.tla");
    }

    #[test]
    fn end_columns_are_exclusive_in_sarif() {
        let l = detail_location(&json!({"file": "S.tla", "line": 3, "column": 5, "end_line": 3, "end_column": 9}));
        let region = &l.unwrap_or_default()["physicalLocation"]["region"];
        assert_eq!(region["startColumn"], 5);
        assert_eq!(region["endColumn"], 10);
    }

    #[test]
    fn a_location_without_a_file_gives_no_sarif_location() {
        assert_eq!(detail_location(&json!({"file": "", "line": 0})), None);
        assert_eq!(detail_location(&Json::Null), None);
    }
}
