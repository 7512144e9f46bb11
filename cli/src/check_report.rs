//! What the machine-readable reports of `tla2 check` and `tla2 parse` take from the frontend:
//! detailed error objects for its diagnostics, its warnings, and the loaded source texts.

use crate::frontend_run::FrontendRun;
use serde_json::Value as Json;
use tla2_frontend::{Diagnostic, Severity, SourceMap};
use tla2_runtime::model::SourceLocation;
use tla2_runtime::report::json::{Note, RunInfo};

/// The detailed error objects and the error type of a frontend failure.
pub fn frontend_errors(front: &FrontendRun) -> (&'static str, String, Vec<Json>) {
    let sources = &front.loaded.sources;
    let first = front.diagnostics.iter().find(|d| d.is_error());
    let kind = match first {
        Some(d) if d.is_config() => "config_error",
        Some(d) if d.code.starts_with("TLA_PARSE") => "parse_error",
        _ => "semantic_error",
    };
    let message = first.map_or(String::new(), |d| d.message.clone());
    // The first error leads, as it is the one the exit code and error type describe.
    let mut diags: Vec<&Diagnostic> = front.diagnostics.iter().filter(|d| d.is_error()).collect();
    diags.extend(front.diagnostics.iter().filter(|d| !d.is_error()));
    let errors = diags.iter().map(|d| diagnostic_json(sources, d)).collect();
    (kind, message, errors)
}

/// A frontend diagnostic as a detailed error object; `location` is null when the diagnostic is
/// about no source position (a file that cannot be read), as in the run's own errors.
pub fn diagnostic_json(sources: &SourceMap, d: &Diagnostic) -> Json {
    let mut obj = serde_json::to_value(d.to_report(sources)).unwrap_or(Json::Null);
    if obj["location"]["line"] == 0 {
        obj["location"] = Json::Null;
    }
    obj
}

/// Fills what the report needs from the frontend: source texts and the frontend's warnings.
pub fn fill_from_frontend(info: &mut RunInfo, front: &FrontendRun) {
    let sources = &front.loaded.sources;
    info.sources = sources.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect();
    for d in front.diagnostics.iter().filter(|d| d.severity == Severity::Warning) {
        info.warnings.push(diagnostic_note(sources, d));
    }
}

fn diagnostic_note(sources: &SourceMap, d: &Diagnostic) -> Note {
    let location = (d.span.file.0 as usize) < sources.files.len();
    Note {
        code: d.code.to_string(),
        message: d.message.clone(),
        location: location.then(|| {
            let l = sources.location(d.span);
            SourceLocation {
                file: l.file,
                module: sources.get(d.span.file).name.clone(),
                line: l.line,
                column: l.column,
                end_line: l.end_line,
                end_column: l.end_column,
            }
        }),
        suggestion: d.suggestion.as_ref().and_then(|s| serde_json::to_value(s).ok()),
    }
}
