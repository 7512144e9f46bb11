//! Running a BFS check from parsed run flags and writing TLC's human output as it goes, for
//! `tla2 check` and compiled checkers alike.

use super::progress_bar::ProgressBar;
use super::{OutputFormat, RunOptions, TraceFormat};
use crate::engine::{check_observed, EngineEvent, Observer};
use crate::model::Model;
use crate::report::human::ProgressInfo;
use crate::report::CheckResult;
use crate::report::{dump, human};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::SystemTime;

/// Checks `model` as `opts` say. With `--output human` it writes TLC's lines to `out` from
/// "Starting..." to "Finished in ...", progress lines included; other formats are rendered by
/// the caller from the returned result. The process exit code is `result.exit_code()`.
/// `stop` is polled between batches of states (set it from a Ctrl-C handler).
pub fn run_check<M: Model>(
    model: &M,
    opts: &RunOptions,
    out: &mut (dyn Write + Send),
    stop: &AtomicBool,
) -> CheckResult {
    run_check_then(model, opts, out, stop, &mut |_| {})
}

/// [`run_check`], with `after_search` called on the result before anything about the verdict
/// is printed: the model's checks that follow the search (TLC's POSTCONDITION) go there, so
/// that a failing one is reported instead of "No error has been found".
pub fn run_check_then<M: Model>(
    model: &M,
    opts: &RunOptions,
    out: &mut (dyn Write + Send),
    stop: &AtomicBool,
    after_search: &mut dyn FnMut(&mut CheckResult),
) -> CheckResult {
    let human = opts.output == OutputFormat::Human;
    let bar = if human { ProgressBar::for_stderr() } else { None };
    let printer = Printer { out: Mutex::new(out), human, stop, variables: model.variables(), bar };
    printer.line(&format!("Starting... ({})", human::timestamp(SystemTime::now())));
    printer.line("Computing initial states...");
    let mut result = check_observed(model, &opts.check_options(), &printer);
    if let Some(bar) = &printer.bar {
        bar.clear();
    }
    after_search(&mut result);
    printer.write(&human::render_verdict_head(&result));
    // TLC writes the counterexample files after the trace and before the statistics.
    if !result.trace.is_empty() {
        for (format, file) in &opts.dump_trace {
            printer.line(&dump_trace(&result, *format, file));
        }
    }
    printer.write(&human::render_statistics(&result));
    printer.line(&human::finished_line(result.stats.duration, SystemTime::now()));
    printer.write(&crate::report::explain::explain(&result));
    result
}

/// Writes the counterexample to `file`; returns the line to print about it.
pub(crate) fn dump_trace(result: &CheckResult, format: TraceFormat, file: &str) -> String {
    let text = match format {
        TraceFormat::Json => dump::counterexample_json(&result.variables, &result.trace),
        TraceFormat::Tla => dump::counterexample_tla(file, &result.variables, &result.trace),
    };
    match std::fs::write(file, text) {
        Ok(()) => format!("\"CounterExample written: {file}\""),
        Err(e) => format!("Error: could not write the counterexample to {file}: {e}"),
    }
}

/// A note naming the TLC flags that were accepted but have no effect, if any.
pub fn ignored_flags_note(opts: &RunOptions) -> Option<String> {
    if opts.ignored.is_empty() {
        return None;
    }
    Some(format!("tla2: ignoring TLC flags that have no effect here: {}", opts.ignored.join(", ")))
}

/// Writes TLC's human lines for a run (BFS here, simulation in `engine::simulate::human`).
pub(crate) struct Printer<'a> {
    pub(crate) out: Mutex<&'a mut (dyn Write + Send)>,
    pub(crate) human: bool,
    pub(crate) stop: &'a AtomicBool,
    pub(crate) variables: &'a [String],
    /// The progress bar on stderr, when it is a terminal.
    pub(crate) bar: Option<ProgressBar>,
}

impl Printer<'_> {
    pub(crate) fn write(&self, text: &str) {
        if !self.human {
            return;
        }
        if let Some(bar) = &self.bar {
            bar.clear();
        }
        let mut out = self.out.lock().unwrap_or_else(|e| e.into_inner());
        // Output errors (a closed pipe) must not abort the check; the result is still returned.
        let _ = out.write_all(text.as_bytes());
        let _ = out.flush();
    }

    pub(crate) fn line(&self, text: &str) {
        self.write(&format!("{text}\n"));
    }
}

impl Observer for Printer<'_> {
    fn event(&self, event: &EngineEvent) {
        let now = SystemTime::now();
        match event {
            EngineEvent::InitialStates { generated, distinct } => {
                self.line(&human::init_line(*generated, *distinct, now))
            }
            EngineEvent::Progress(p) => self.line(&human::progress_line(p, now)),
            EngineEvent::Violation(v) => self.write(&human::render_violation(self.variables, v)),
        }
    }

    fn should_stop(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    fn tick(&self, info: &ProgressInfo) {
        if let Some(bar) = &self.bar {
            bar.update(info);
        }
    }
}
