//! The machine-readable outputs of `tla2 check` (`--output json|json-lines|sarif`): what the
//! run knows beyond the engine's result (constants, warnings, `Print` output, sources), and
//! where each format writes it. Human output stays in `check_cmd`.

use crate::frontend_run::FrontendRun;
use serde_json::Value as Json;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tla2_frontend::ir::Program;
use tla2_frontend::{Diagnostic, Severity, SourceMap};
use tla2_interp::worker::PrintSink;
use tla2_interp::InterpModel;
use tla2_runtime::cli::{OutputFormat, RunOptions};
use tla2_runtime::engine::{EngineEvent, Observer};
use tla2_runtime::model::SourceLocation;
use tla2_runtime::report::human::ProgressInfo;
use tla2_runtime::report::json::{self as json_report, Note, PrintOutput, RunInfo};
use tla2_runtime::report::jsonl::JsonLines;
use tla2_runtime::report::{sarif, CheckResult};

/// Writes one of the machine formats; json-lines events go out as they happen.
pub struct MachineOutput {
    format: OutputFormat,
    lines: JsonLines<std::io::Stdout>,
    /// `Print` output not yet reported (the model writes here instead of stdout).
    prints: Arc<Mutex<Vec<String>>>,
}

impl MachineOutput {
    /// `None` for human output.
    pub fn new(format: OutputFormat) -> Option<MachineOutput> {
        (format != OutputFormat::Human).then(|| MachineOutput {
            format,
            lines: JsonLines::new(std::io::stdout()),
            prints: Arc::default(),
        })
    }

    /// The `start` event (json-lines only), once the module is known.
    pub fn start(&self, info: &RunInfo) {
        if self.format == OutputFormat::JsonLines {
            self.lines.start(info);
            self.lines.warnings(info);
        }
    }

    /// Sends the model's `Print` output to this writer so that stdout stays machine-readable.
    pub fn capture_prints(&self, model: &mut InterpModel) {
        model.set_print_sink(PrintSink::Buffer(self.prints.clone()));
    }

    /// Moves the `Print` output gathered so far into `info` (and onto the json-lines stream).
    pub fn take_prints(&self, info: &mut RunInfo) {
        for p in self.drain_prints() {
            if self.format == OutputFormat::JsonLines {
                self.lines.print(&p);
            }
            info.print_outputs.push(p);
        }
    }

    fn drain_prints(&self) -> Vec<PrintOutput> {
        let mut buf = self.prints.lock().unwrap_or_else(|e| e.into_inner());
        buf.drain(..).map(|value| PrintOutput { value, location: None }).collect()
    }

    /// Forgets `Print` output that is not part of the run (evaluations made for the report).
    pub fn discard_prints(&self) {
        self.prints.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// Streams an engine event (json-lines only), with the `Print` output produced before it.
    pub fn event(&self, info: &RunInfo, ev: &EngineEvent) {
        if self.format != OutputFormat::JsonLines {
            return;
        }
        for p in self.drain_prints() {
            self.lines.print(&p);
        }
        match ev {
            EngineEvent::InitialStates { generated, distinct } => {
                let p =
                    ProgressInfo { depth: 1, generated: *generated, distinct: *distinct, ..ProgressInfo::default() };
                self.lines.progress(&p);
            }
            EngineEvent::Progress(p) => self.lines.progress(p),
            EngineEvent::Violation(v) => self.lines.violation(info, &info.variables, &v.status, &v.trace),
        }
    }

    /// Warnings found after the run started (dead actions): json-lines streams them at once.
    pub fn add_warnings(&self, info: &mut RunInfo, notes: Vec<Note>) {
        for n in notes {
            if self.format == OutputFormat::JsonLines {
                self.lines.emit(&tla2_runtime::report::jsonl::warning_event(info, &n));
            }
            info.warnings.push(n);
        }
    }

    /// The end of a run that checked the model.
    pub fn finish(&self, info: &mut RunInfo, result: &CheckResult) {
        self.take_prints(info);
        match self.format {
            OutputFormat::JsonLines => self.lines.finish(info, result),
            OutputFormat::Sarif => print_doc(&sarif::render(info, result)),
            _ => print_doc(&json_report::render(info, result)),
        }
    }

    /// The end of a run that stopped before checking; `errors` are detailed error objects.
    pub fn setup_error(&self, info: &RunInfo, error_type: &str, message: &str, errors: Vec<Json>, exit_code: i32) {
        match self.format {
            OutputFormat::JsonLines => self.lines.setup_error(error_type, message, errors, exit_code),
            OutputFormat::Sarif => print_doc(&sarif::render_error(info, &errors, exit_code)),
            _ => print_doc(&json_report::render_error(info, error_type, message, errors, exit_code)),
        }
    }
}

fn print_doc(doc: &Json) {
    let mut out = std::io::stdout().lock();
    // A closed pipe must not turn a verdict into a panic; the exit code still tells it.
    let _ = writeln!(out, "{}", serde_json::to_string_pretty(doc).unwrap_or_default());
    let _ = out.flush();
}

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

/// Constants with their values and the run's infos (constant invariants are warned about by
/// `tla2_frontend::lint`).
pub fn fill_from_model(info: &mut RunInfo, opts: &RunOptions, program: &Program, model: &InterpModel) {
    info.constants =
        program.model.constants.iter().map(|(name, def)| (name.clone(), model.eval_definition(*def).ok())).collect();
    info.info.push(Note::new(
        "TLA2_WORKERS",
        format!("Using {} worker{}", info.workers, if info.workers == 1 { "" } else { "s" }),
    ));
    if !opts.ignored.is_empty() {
        info.info.push(Note::new(
            "TLA2_FLAG_IGNORED",
            format!("TLC flags accepted and ignored by tla2: {}", opts.ignored.join(", ")),
        ));
    }
}

/// Removes `--timeout SECS` from the arguments: the time limit after which a run stops with
/// status `timeout` (TLC has no such flag, so it is not one of the shared run flags).
pub fn take_timeout(args: &[String]) -> Result<(Vec<String>, Option<Duration>), String> {
    let mut rest = Vec::with_capacity(args.len());
    let mut limit = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        if arg != "--timeout" {
            rest.push(arg.clone());
            continue;
        }
        let value = it.next().ok_or("--timeout needs a number of seconds")?;
        let secs: f64 = value.parse().map_err(|_| format!("--timeout expects seconds, not {value:?}"))?;
        if !(secs.is_finite() && secs > 0.0) {
            return Err(format!("--timeout expects a positive number of seconds, not {value:?}"));
        }
        limit = Some(Duration::from_secs_f64(secs));
    }
    Ok((rest, limit))
}

/// Passes events on to `inner` and stops the run once `deadline` has passed.
pub struct Deadline<'a> {
    pub inner: &'a dyn Observer,
    pub deadline: Option<Instant>,
    /// Set when the deadline stopped the run.
    pub reached: AtomicBool,
}

impl Observer for Deadline<'_> {
    fn event(&self, event: &EngineEvent) {
        self.inner.event(event);
    }

    fn should_stop(&self) -> bool {
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            self.reached.store(true, Ordering::Relaxed);
            return true;
        }
        self.inner.should_stop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    #[test]
    fn the_timeout_flag_is_taken_out_of_the_run_flags() {
        let (rest, limit) = take_timeout(&args("Spec.tla --timeout 2.5 -workers 2")).unwrap_or_default();
        assert_eq!(rest, args("Spec.tla -workers 2"));
        assert_eq!(limit, Some(Duration::from_millis(2500)));
        assert_eq!(take_timeout(&args("Spec.tla")).map(|(_, l)| l), Ok(None));
    }

    #[test]
    fn a_timeout_must_be_a_positive_number_of_seconds() {
        assert!(take_timeout(&args("Spec.tla --timeout")).is_err());
        assert!(take_timeout(&args("Spec.tla --timeout soon")).is_err());
        assert!(take_timeout(&args("Spec.tla --timeout 0")).is_err());
        assert!(take_timeout(&args("Spec.tla --timeout -1")).is_err());
    }
}
