//! [`run`]: one check run of a [`SpecModel`] with the run flags, printed in the chosen format;
//! [`main`]: the same from a compiled checker's command line.

use super::notes;
use super::output::{Deadline, MachineOutput};
use super::post::{after_search, check_behaviour, check_temporal_properties, tlc_config};
use super::SpecModel;
use crate::cli::{parse_run_flags, run_check_then, OutputFormat, RunOptions};
use crate::engine::simulate::{self, SimulationOptions};
use crate::engine::{self, EngineEvent, Observer};
use crate::model::ActionId;
use crate::report::json::{Note, RunInfo};
use crate::report::{exit_code, human, jsonl, CheckResult, ErrorContext, Status};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Set by Ctrl-C: the engines stop at the next state and report what they found so far.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C stop a run cleanly (status `interrupted`, partial statistics) instead of
/// killing the process; a second Ctrl-C kills it.
fn catch_ctrl_c() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(exit_code::ERROR);
        }
    });
}

/// The entry point of a compiled checker: `./Spec-checker [TLC flags] [--output F] [--timeout S]`.
pub fn main<M: SpecModel>(mut model: M) -> i32 {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (args, time_limit) = match take_timeout(&args) {
        Ok(split) => split,
        Err(e) => {
            eprintln!("{e}");
            return exit_code::ERROR_SYSTEM;
        }
    };
    let opts = match parse_run_flags(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return exit_code::ERROR_SYSTEM;
        }
    };
    if opts.output == OutputFormat::Human {
        println!("tla2 {} (compiled checker of {})", env!("CARGO_PKG_VERSION"), model.spec_info().module);
        for flag in &opts.ignored {
            println!("Note: the TLC flag {flag} is accepted and ignored by tla2.");
        }
    }
    let info = RunInfo {
        spec_file: opts.spec.clone().unwrap_or_else(|| format!("{}.tla", model.spec_info().module)),
        config_file: opts.config.clone(),
        workers: opts.workers.resolve(),
        time_limit,
        sources: model.sources(),
        ..RunInfo::default()
    };
    run(&mut model, &opts, info)
}

/// Checks `model` as `opts` say and prints the report; returns TLC's exit code. `info` comes
/// filled with what the caller knows (files, sources, frontend warnings, time limit).
pub fn run<M: SpecModel>(model: &mut M, opts: &RunOptions, mut info: RunInfo) -> i32 {
    catch_ctrl_c();
    let spec = model.spec_info();
    info.module = spec.module;
    info.init = spec.init;
    info.next = spec.next;
    info.invariants = spec.invariants;
    info.properties = spec.properties;
    info.variables = model.variables().to_vec();
    info.actions = model.actions().to_vec();
    let out = MachineOutput::new(opts.output);
    model.set_tlc_config(tlc_config(opts, model.cfg_check_deadlock()));
    let warnings = model.warnings();
    let simulating = opts.simulate.is_some() || opts.generate;
    let deadlock_off =
        notes::deadlock_unchecked(!opts.check_deadlock, model.cfg_check_deadlock() == Some(false), simulating);
    match &out {
        Some(out) => {
            model.set_print_sink(out.print_sink());
            info.constants = model.constants();
            fill_infos(&mut info, opts);
            info.info.extend(deadlock_off);
            info.warnings.extend(warnings);
            out.discard_prints();
            out.start(&info);
        }
        None => {
            for w in &warnings {
                println!("Warning: {}", w.message);
            }
            if let Some(n) = &deadlock_off {
                println!("Note: {}", n.message);
            }
        }
    }
    run_model(opts, out.as_ref(), &mut info, model)
}

fn fill_infos(info: &mut RunInfo, opts: &RunOptions) {
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

fn run_model<M: SpecModel>(opts: &RunOptions, out: Option<&MachineOutput>, info: &mut RunInfo, model: &M) -> i32 {
    match model.check_assumptions() {
        Ok(None) => {}
        Ok(Some(i)) => {
            let a = &model.assumptions()[i];
            let loc = a.location.as_ref().map(human::location_text).unwrap_or_default();
            let message = format!("Assumption {loc} is false.");
            info.failed_assumption = Some(a.clone());
            let result = failed_before_start(Status::AssumptionFailure { message }, model);
            return finish(out, info, &result);
        }
        Err(e) => {
            let status = Status::EvalError { error: e, context: ErrorContext::Init };
            return finish(out, info, &failed_before_start(status, model));
        }
    }
    let mut run_opts = opts.clone();
    if model.cfg_check_deadlock() == Some(false) {
        run_opts.check_deadlock = false;
    }
    let started = Instant::now();
    let stop = AtomicBool::new(false);
    let simulating = opts.simulate.is_some() || opts.generate;
    let result = match out {
        _ if simulating => simulate_model(&run_opts, out, info, model, (started, &stop)),
        None => {
            let workers = run_opts.workers.resolve();
            println!(
                "Running breadth-first search Model-Checking with {workers} worker{} on {} cores.",
                if workers == 1 { "" } else { "s" },
                std::thread::available_parallelism().map_or(1, |n| n.get())
            );
            let limit = info.time_limit;
            std::thread::scope(|scope| {
                let stop = &stop;
                scope.spawn(move || stop_when_due(stop, limit));
                let mut post = |r: &mut CheckResult| {
                    check_temporal_properties(model, r);
                    after_search(model, r, started);
                    notes::never_enabled_actions(model, r).iter().for_each(notes::print_human);
                };
                let r = run_check_then(model, &run_opts, &mut std::io::stdout(), stop, &mut post);
                stop.store(true, Ordering::SeqCst);
                r
            })
        }
        Some(out) => {
            let mut check_opts = run_opts.check_options();
            if opts.output == OutputFormat::JsonLines {
                check_opts.progress_interval = jsonl::PROGRESS_INTERVAL;
            }
            let shown: &RunInfo = info;
            let observer = |ev: &EngineEvent| out.event(shown, ev);
            let deadline = Deadline {
                inner: &observer,
                deadline: info.time_limit.map(|limit| started + limit),
                reached: Default::default(),
                stop: Some(&INTERRUPTED),
            };
            let mut r = engine::check_observed(model, &check_opts, &deadline);
            stop.store(deadline.reached.into_inner(), Ordering::SeqCst);
            check_temporal_properties(model, &mut r);
            after_search(model, &mut r, started);
            out.add_warnings(info, notes::never_enabled_actions(model, &r));
            r
        }
    };
    let timed_out = info.time_limit.is_some_and(|l| started.elapsed() >= l) && result.status == Status::Interrupted;
    if out.is_none() && result.status == Status::Interrupted {
        match timed_out {
            true => println!("tla2 stopped the run at its time limit (--timeout)."),
            false => println!("tla2 stopped the run: interrupted (Ctrl-C)."),
        }
    }
    info.timed_out = timed_out;
    model.report_extras(&result, info, out.is_none());
    if out.is_none() {
        return result.exit_code();
    }
    finish(out, info, &result)
}

/// Runs `-simulate`/`-generate` with the runtime's simulator, in TLC's human format or a
/// machine one, and stops it at the time limit.
fn simulate_model<M: SpecModel>(
    opts: &RunOptions,
    out: Option<&MachineOutput>,
    info: &RunInfo,
    model: &M,
    (started, stop): (Instant, &AtomicBool),
) -> CheckResult {
    let limit = info.time_limit;
    let behaviour_check = |b: &[(Option<ActionId>, M::State)]| check_behaviour(model, b);
    let check: Option<simulate::BehaviourCheck<'_, M::State>> =
        model.has_temporal_properties().then_some(&behaviour_check);
    std::thread::scope(|scope| {
        scope.spawn(move || stop_when_due(stop, limit));
        let mut post = |r: &mut CheckResult| after_search(model, r, started);
        let r = match out {
            None => simulate::human::run_simulation(model, opts, &mut std::io::stdout(), stop, &mut post, check).result,
            Some(out) => {
                let mut sim_opts = SimulationOptions::from_run_options(opts);
                if opts.output == OutputFormat::JsonLines {
                    sim_opts.progress_interval = jsonl::PROGRESS_INTERVAL;
                }
                let observer = |ev: &EngineEvent| out.event(info, ev);
                let stopper = StopFlag { inner: &observer, stop };
                let observer = simulate::EngineObserver(&stopper);
                let mut r = simulate::simulate_checked(model, &sim_opts, &observer, check).result;
                post(&mut r);
                r
            }
        };
        stop.store(true, Ordering::SeqCst);
        r
    })
}

/// An observer that also stops the run when `stop` is set.
struct StopFlag<'a> {
    inner: &'a dyn Observer,
    stop: &'a AtomicBool,
}

impl Observer for StopFlag<'_> {
    fn event(&self, event: &EngineEvent) {
        self.inner.event(event)
    }
    fn should_stop(&self) -> bool {
        self.stop.load(Ordering::SeqCst) || self.inner.should_stop()
    }
}

/// Sets `stop` once `limit` has passed or Ctrl-C was pressed, unless the run already set it.
fn stop_when_due(stop: &AtomicBool, limit: Option<Duration>) {
    let end = limit.map(|l| Instant::now() + l);
    while !stop.load(Ordering::SeqCst) {
        let now = Instant::now();
        if INTERRUPTED.load(Ordering::SeqCst) || end.is_some_and(|e| now >= e) {
            stop.store(true, Ordering::SeqCst);
            return;
        }
        let wait = end.map_or(Duration::from_millis(50), |e| e.saturating_duration_since(now));
        std::thread::sleep(wait.min(Duration::from_millis(50)));
    }
}

fn failed_before_start<M: SpecModel>(status: Status, model: &M) -> CheckResult {
    CheckResult {
        status,
        trace: Vec::new(),
        stats: Default::default(),
        variables: model.variables().to_vec(),
        violations: Vec::new(),
    }
}

/// Renders a run that did not go through `run_check` (which prints human output itself).
fn finish(out: Option<&MachineOutput>, info: &mut RunInfo, result: &CheckResult) -> i32 {
    match out {
        None => print!("{}{}", human::render_result(result), crate::report::explain::explain(result)),
        Some(out) => out.finish(info, result),
    }
    result.exit_code()
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
