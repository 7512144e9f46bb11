//! Where the machine formats (`--output json|json-lines|sarif`) are written: json-lines events as
//! they happen, one document at the end for json and sarif. Human output is printed by the
//! engines' printer (`cli::run`) and by [`super::run`].

use crate::cli::OutputFormat;
use crate::engine::{EngineEvent, Observer};
use crate::report::human::ProgressInfo;
use crate::report::json::{self as json_report, PrintOutput, RunInfo};
use crate::report::jsonl::JsonLines;
use crate::report::{sarif, CheckResult};
use crate::worker::PrintSink;
use serde_json::Value as Json;
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Writes one of the machine formats; json-lines events go out as they happen.
pub struct MachineOutput {
    format: OutputFormat,
    lines: JsonLines<std::io::Stdout>,
    /// `Print` output not yet reported (the model writes here instead of stdout).
    prints: Arc<Mutex<Vec<PrintOutput>>>,
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

    pub fn format(&self) -> OutputFormat {
        self.format
    }

    /// The `start` event (json-lines only), once the module is known.
    pub fn start(&self, info: &RunInfo) {
        if self.format == OutputFormat::JsonLines {
            self.lines.start(info);
            self.lines.warnings(info);
        }
    }

    /// The sink a model should print to so that stdout stays machine-readable.
    pub fn print_sink(&self) -> PrintSink {
        PrintSink::Buffer(self.prints.clone())
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
        buf.drain(..).collect()
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
    pub fn add_warnings(&self, info: &mut RunInfo, notes: Vec<crate::report::json::Note>) {
        for n in notes {
            if self.format == OutputFormat::JsonLines {
                self.lines.emit(&crate::report::jsonl::warning_event(info, &n));
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

/// Passes events on to `inner` and stops the run once `deadline` has passed or `stop` is set.
pub struct Deadline<'a> {
    pub inner: &'a dyn Observer,
    pub deadline: Option<Instant>,
    /// Set when the deadline stopped the run.
    pub reached: AtomicBool,
    /// Set by someone else (Ctrl-C) to stop the run.
    pub stop: Option<&'a AtomicBool>,
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
        self.stop.is_some_and(|s| s.load(Ordering::SeqCst)) || self.inner.should_stop()
    }
}
