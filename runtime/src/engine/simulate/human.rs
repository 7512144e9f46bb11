//! Running a simulation from parsed run flags and writing TLC's human output for it, from
//! "Running Random Simulation with seed S …" to "Finished in …" (texts of `tlc2.output.MP`).

use super::{
    simulate_checked, BehaviourCheck, SimEvent, SimObserver, SimProgress, SimulationOptions, SimulationResult,
};
use crate::cli::run::{dump_trace, Printer};
use crate::cli::RunOptions;
use crate::model::Model;
use crate::report::{human, CheckResult};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::SystemTime;

/// Simulates `model` as `opts` say and writes TLC's lines to `out`. `stop` is polled while the
/// workers run (set it from a Ctrl-C handler or a time limit); `after_run` is called on the
/// result before the verdict is printed (TLC's POSTCONDITION goes there).
pub fn run_simulation<M: Model>(
    model: &M,
    opts: &RunOptions,
    out: &mut (dyn Write + Send),
    stop: &AtomicBool,
    after_run: &mut dyn FnMut(&mut CheckResult),
    check: Option<BehaviourCheck<'_, M::State>>,
) -> SimulationResult {
    let sim = SimulationOptions::from_run_options(opts);
    let printer = Printer { out: Mutex::new(out), human: true, stop, variables: model.variables(), bar: None };
    printer.line(&running_line(&sim));
    printer.line(&format!("Starting... ({})", human::timestamp(SystemTime::now())));
    let mut r = simulate_checked(model, &sim, &printer, check);
    after_run(&mut r.result);
    let success = r.result.status.is_success();
    if !success {
        printer.write(&human::render_verdict_head(&r.result));
        if !r.result.trace.is_empty() {
            for (format, file) in &opts.dump_trace {
                printer.line(&dump_trace(&r.result, *format, file));
            }
        }
    }
    // TLC's last progress report comes before the statistics of a successful run and after
    // those of a failed one.
    if success {
        printer.line(&progress_line(&r.progress));
    }
    if r.summary {
        printer.write(&summary(&r));
    }
    if !success && r.summary {
        printer.line(&progress_line(&r.progress));
    }
    printer.line(&human::finished_line(r.result.stats.duration, SystemTime::now()));
    printer.write(&crate::report::explain::explain(&r.result));
    r
}

/// "Running Random Simulation with seed S with N workers on C cores." (TLC also names its
/// heap and JVM, which tla2 has not).
pub fn running_line(opts: &SimulationOptions) -> String {
    let workers = opts.workers.max(1);
    // TLC names its scheduler here ("Random"), also with `-generate`.
    format!(
        "Running Random Simulation with seed {} with {workers} worker{} on {} cores.",
        opts.seed,
        if workers == 1 { "" } else { "s" },
        std::thread::available_parallelism().map_or(1, |n| n.get())
    )
}

/// TLC's statistics lines of a simulation (its aril is always 0 here: tla2 has no aril).
pub fn summary(r: &SimulationResult) -> String {
    format!("The number of states generated: {}\nSimulation using seed {} and aril 0\n", r.progress.generated, r.seed)
}

/// "Progress: N states checked, T traces generated (trace length: mean=M, var(x)=V, sd=D)".
pub fn progress_line(p: &SimProgress) -> String {
    format!(
        "Progress: {} states checked, {} traces generated (trace length: mean={}, var(x)={}, sd={})",
        p.generated, p.traces, p.mean, p.variance, p.sd
    )
}

impl SimObserver for Printer<'_> {
    fn event(&self, event: &SimEvent) {
        match event {
            SimEvent::InitialStatesComputed { generated } => {
                self.line(&format!("Computed {generated} initial states..."))
            }
            // TLC prints "state" here whatever the number.
            SimEvent::InitialStates { kept, .. } => self.line(&format!(
                "Finished computing initial states: {kept} distinct state generated at {}.",
                human::timestamp(SystemTime::now())
            )),
            SimEvent::Progress(p) => self.line(&progress_line(p)),
            SimEvent::Violation(v) => self.write(&human::render_violation(self.variables, v)),
        }
    }

    fn should_stop(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}
