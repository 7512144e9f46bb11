//! Diagnostics of every frontend stage: a stable code, a span, a message, and what would fix it.
//!
//! Codes are stable strings grouped by stage: `TLA_PARSE_*` (lexer/parser), `TLA_SEMANTIC_*`
//! (module loading, name resolution, lowering), `CFG_PARSE_*` (cfg syntax) and `CFG_*`
//! (cfg meaning). Each stage builds its diagnostics with the helpers below:
//! `Diagnostic::error(code, span, msg).with_expected(..).with_found(..).with_help(..)`.

use crate::span::{Location, SourceMap, Span};
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// What the user can do about a diagnostic, in the shape of seed 003's `suggestion` object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Suggestion {
    /// An imperative keyword such as `define_in_spec`, `add_extends`, `fix_syntax`.
    pub action: String,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable code, e.g. `TLA_PARSE_UNEXPECTED_TOKEN`.
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub expected: Option<String>,
    pub found: Option<String>,
    pub suggestion: Option<Suggestion>,
    /// Secondary spans with a note each (e.g. "first defined here").
    pub labels: Vec<(Span, String)>,
}

impl Diagnostic {
    pub fn error(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: Severity::Error,
            span,
            message: message.into(),
            expected: None,
            found: None,
            suggestion: None,
            labels: Vec::new(),
        }
    }
    pub fn warning(code: &'static str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, span, message) }
    }
    pub fn with_expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = Some(expected.into());
        self
    }
    pub fn with_found(mut self, found: impl Into<String>) -> Self {
        self.found = Some(found.into());
        self
    }
    pub fn with_help(mut self, action: &str, message: impl Into<String>) -> Self {
        self.suggestion = Some(Suggestion { action: action.into(), message: message.into(), ..Default::default() });
        self
    }
    pub fn with_example(mut self, example: impl Into<String>) -> Self {
        let s = self.suggestion.get_or_insert_with(Default::default);
        s.example = Some(example.into());
        self
    }
    pub fn with_label(mut self, span: Span, note: impl Into<String>) -> Self {
        self.labels.push((span, note.into()));
        self
    }
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
    /// True for configuration problems (TLC exit code 151 rather than 150).
    pub fn is_config(&self) -> bool {
        self.code.starts_with("CFG_")
    }

    /// The seed-003 "detailed error schema" view of this diagnostic.
    pub fn to_report(&self, sources: &SourceMap) -> DiagnosticReport {
        let loc = sources.location(self.span);
        let context =
            if loc.line > 0 { Some(sources.get(self.span.file).line_text(loc.line).to_string()) } else { None };
        DiagnosticReport {
            error_code: self.code,
            severity: self.severity,
            location: ReportLocation { location: loc, context },
            message: self.message.clone(),
            expected: self.expected.clone(),
            found: self.found.clone(),
            suggestion: self.suggestion.clone(),
        }
    }

    /// Renders the diagnostic like rustc: header, `--> file:line:col`, the source line, a caret line.
    pub fn render(&self, sources: &SourceMap) -> String {
        use std::fmt::Write;
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        };
        let mut out = format!("{sev}[{}]: {}\n", self.code, self.message);
        if (self.span.file.0 as usize) < sources.files.len() {
            let loc = sources.location(self.span);
            let line = sources.get(self.span.file).line_text(loc.line);
            let gutter = loc.line.to_string().len();
            let pad = " ".repeat(gutter);
            let _ = writeln!(out, "{pad}--> {}:{}:{}", loc.file, loc.line, loc.column);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{} | {}", loc.line, line);
            let width =
                if loc.end_line == loc.line { (loc.end_column + 1).saturating_sub(loc.column).max(1) } else { 1 };
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(loc.column.saturating_sub(1) as usize),
                "^".repeat(width as usize)
            );
        }
        if let Some(e) = &self.expected {
            let _ = writeln!(out, "  = expected: {e}");
        }
        if let Some(f) = &self.found {
            let _ = writeln!(out, "  = found: {f}");
        }
        for (span, note) in &self.labels {
            let l = sources.location(*span);
            let _ = writeln!(out, "  = note: {note} ({}:{}:{})", l.file, l.line, l.column);
        }
        if let Some(s) = &self.suggestion {
            let _ = writeln!(out, "  = help: {}", s.message);
            if let Some(ex) = &s.example {
                let _ = writeln!(out, "    example: {}", ex.replace('\n', "\n             "));
            }
        }
        out
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct ReportLocation {
    #[serde(flatten)]
    pub location: Location,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<String>,
}

/// Seed 003's detailed error object.
#[derive(Debug, Clone, Serialize)]
pub struct DiagnosticReport {
    pub error_code: &'static str,
    pub severity: Severity,
    pub location: ReportLocation,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Suggestion>,
}
