//! `tla2 check`: interprets a spec with the model of its cfg and reports TLC's verdict, in TLC's
//! human format or as seed 003's JSON, with TLC's exit code.

use crate::check_report::{self, MachineOutput};
use crate::frontend_run::{load_frontend, spec_path, FrontendInput, FrontendRun};
use crate::pitfall_notes;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;
use tla2_frontend::ir::Program;
use tla2_interp::InterpModel;
use tla2_runtime::cli::{parse_run_flags, run_check_then, OutputFormat, RunOptions};
use tla2_runtime::engine::simulate::{self, SimulationOptions};
use tla2_runtime::engine::{self, EngineEvent, Observer};
use tla2_runtime::model::{EngineSnapshot, Model};
use tla2_runtime::report::json::{self as json_report, RunInfo};
use tla2_runtime::report::jsonl;
use tla2_runtime::report::{exit_code, human, CheckResult, Status};

pub fn run(args: &[String]) -> i32 {
    let (args, time_limit) = match check_report::take_timeout(args) {
        Ok(split) => split,
        Err(e) => {
            eprintln!("tla2 check: {e}");
            return exit_code::ERROR_SYSTEM;
        }
    };
    let opts = match parse_run_flags(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("tla2 check: {e}");
            return exit_code::ERROR_SYSTEM;
        }
    };
    let Some(spec) = opts.spec.clone() else {
        eprintln!("tla2 check: missing the spec file (tla2 check Spec.tla)");
        return exit_code::ERROR_SYSTEM;
    };
    let human_out = opts.output == OutputFormat::Human;
    if human_out {
        println!("tla2 {}", env!("CARGO_PKG_VERSION"));
        for flag in &opts.ignored {
            println!("Note: the TLC flag {flag} is accepted and ignored by tla2.");
        }
    }
    let input =
        FrontendInput { spec: spec.clone().into(), config: opts.config.clone().map(Into::into), include_dirs: vec![] };
    let mut info = RunInfo {
        spec_file: spec_path(&input.spec).display().to_string(),
        config_file: Some(
            input
                .config
                .clone()
                .unwrap_or_else(|| crate::frontend_run::default_config(&spec_path(&input.spec)))
                .display()
                .to_string(),
        ),
        workers: opts.workers.resolve(),
        time_limit,
        ..RunInfo::default()
    };
    let out = MachineOutput::new(opts.output);
    let front = load_frontend(&input, false);
    if let Some(root) = front.loaded.root() {
        info.module = root.ast.name.name.clone();
    }
    check_report::fill_from_frontend(&mut info, &front);
    if front.has_errors() {
        return report_frontend_errors(out.as_ref(), &info, &front);
    }
    if human_out {
        // Pitfall warnings (issue 9): in human output too, before the run.
        for d in front.diagnostics.iter().filter(|d| d.severity == tla2_frontend::Severity::Warning) {
            print!("{}", d.render(&front.loaded.sources));
        }
    }
    let Some(program) = front.program.clone() else { return exit_code::ERROR };
    fill_spec_info(&mut info, &program);
    if let Some(why) = unsupported_feature(&opts, &program) {
        return report_setup_error(out.as_ref(), &info, ("unsupported", "TLA2_UNSUPPORTED"), &why, exit_code::ERROR);
    }
    let mut model = match InterpModel::new(program.clone(), front.loaded.sources) {
        Ok(m) => m,
        Err(e @ tla2_interp::ModelBuildError::Unsupported(_)) => {
            let kind = ("unsupported", "TLA2_UNSUPPORTED");
            return report_setup_error(out.as_ref(), &info, kind, &e.to_string(), exit_code::ERROR);
        }
        Err(e) => {
            let kind = ("config_error", "CFG_SYMMETRY_INVALID");
            return report_setup_error(out.as_ref(), &info, kind, &e.to_string(), exit_code::ERROR_CONFIG_PARSE);
        }
    };
    model.set_tlc_config(tlc_config(&opts, &model));
    info.actions = model.actions().to_vec();
    let symmetry_warning = symmetry_with_liveness(&program, &model);
    let simulating = opts.simulate.is_some() || opts.generate;
    let deadlock_off =
        pitfall_notes::deadlock_unchecked(!opts.check_deadlock, model.check_deadlock() == Some(false), simulating);
    if let Some(out) = &out {
        out.capture_prints(&mut model);
        check_report::fill_from_model(&mut info, &opts, &program, &model);
        info.info.extend(deadlock_off);
        info.warnings.extend(symmetry_warning);
        out.discard_prints();
        out.start(&info);
    } else {
        if let Some(w) = &symmetry_warning {
            println!("Warning: {}", w.message);
        }
        if let Some(n) = &deadlock_off {
            println!("Note: {}", n.message);
        }
    }
    run_model(&opts, out.as_ref(), &mut info, &model)
}

fn run_model(opts: &RunOptions, out: Option<&MachineOutput>, info: &mut RunInfo, model: &InterpModel) -> i32 {
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
            let status = Status::EvalError { error: e, context: tla2_runtime::report::ErrorContext::Init };
            return finish(out, info, &failed_before_start(status, model));
        }
    }
    let mut run_opts = opts.clone();
    if model.check_deadlock() == Some(false) {
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
                if let Some(limit) = limit {
                    let stop = &stop;
                    scope.spawn(move || stop_after(stop, limit));
                }
                let mut post = |r: &mut CheckResult| {
                    check_temporal_properties(model, r);
                    after_search(model, r, started);
                    pitfall_notes::never_enabled_actions(model, r).iter().for_each(pitfall_notes::print_human);
                };
                let r = run_check_then(model, &run_opts, &mut std::io::stdout(), &stop, &mut post);
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
            let deadline = check_report::Deadline {
                inner: &observer,
                deadline: info.time_limit.map(|limit| started + limit),
                reached: Default::default(),
            };
            let mut r = engine::check_observed(model, &check_opts, &deadline);
            stop.store(deadline.reached.into_inner(), Ordering::SeqCst);
            check_temporal_properties(model, &mut r);
            after_search(model, &mut r, started);
            out.add_warnings(info, pitfall_notes::never_enabled_actions(model, &r));
            r
        }
    };
    let timed_out = info.time_limit.is_some_and(|l| started.elapsed() >= l) && result.status == Status::Interrupted;
    if timed_out && out.is_none() {
        println!("tla2 stopped the run at its time limit (--timeout).");
    }
    info.timed_out = timed_out;
    if out.is_none() {
        return result.exit_code();
    }
    finish(out, info, &result)
}

/// The record `TLCGet("config")` gives, with TLC's fields for the mode of this run.
fn tlc_config(opts: &RunOptions, model: &InterpModel) -> tla2_runtime::Value {
    use tla2_runtime::Value;
    let deadlock = opts.check_deadlock && model.check_deadlock() != Some(false);
    let mode = if opts.generate {
        "generate"
    } else if opts.simulate.is_some() {
        "simulate"
    } else {
        "bfs"
    };
    let install = std::env::current_exe().map(|p| p.display().to_string()).unwrap_or_default();
    let mut fields = vec![
        ("mode", Value::str(mode)),
        ("deadlock", Value::Bool(deadlock)),
        ("worker", Value::Int(opts.workers.resolve() as i64)),
        ("seed", Value::str(&opts.seed.unwrap_or(0).to_string())),
        ("fingerprint", Value::str("0")),
        ("install", Value::str(&install)),
    ];
    if mode != "bfs" {
        let depth = opts.depth.map_or(100, i64::from);
        let traces = opts.simulate.as_ref().and_then(|s| s.num).map_or(-1, |n| n as i64);
        fields.extend([("depth", Value::Int(depth)), ("traces", Value::Int(traces)), ("aril", Value::str("0"))]);
    }
    Value::record(fields)
}

/// What follows the search, before the verdict is printed: the POSTCONDITION, and the ALIAS
/// that TLC shows trace states through.
fn after_search(model: &InterpModel, result: &mut CheckResult, started: Instant) {
    check_postcondition(model, result, started);
    apply_alias(model, result);
}

/// Shows each trace state through the cfg's ALIAS, as TLC prints traces; a state whose ALIAS
/// cannot be evaluated keeps its variables (TLC does the same).
fn apply_alias(model: &InterpModel, result: &mut CheckResult) {
    if result.trace.is_empty() || model.program().model.alias.is_none() {
        return;
    }
    let aliased: Vec<Option<Vec<(String, tla2_runtime::Value)>>> =
        result.trace.iter().map(|step| model.alias_values(&step.values)).collect();
    let Some(Some(first)) = aliased.first() else { return };
    let names: Vec<String> = first.iter().map(|(n, _)| n.clone()).collect();
    let same_shape =
        aliased.iter().all(|a| a.as_ref().is_some_and(|fields| fields.iter().map(|(n, _)| n).eq(names.iter())));
    if !same_shape {
        return;
    }
    for (step, fields) in result.trace.iter_mut().zip(aliased) {
        step.values = fields.into_iter().flatten().map(|(_, v)| v).collect();
    }
    result.variables = names;
}

/// Runs `-simulate`/`-generate` with the runtime's simulator, in TLC's human format or a
/// machine one, and stops it at the time limit.
fn simulate_model(
    opts: &RunOptions,
    out: Option<&MachineOutput>,
    info: &RunInfo,
    model: &InterpModel,
    (started, stop): (Instant, &AtomicBool),
) -> CheckResult {
    let limit = info.time_limit;
    std::thread::scope(|scope| {
        if let Some(limit) = limit {
            scope.spawn(move || stop_after(stop, limit));
        }
        let mut post = |r: &mut CheckResult| after_search(model, r, started);
        let r = match out {
            None => simulate::human::run_simulation(model, opts, &mut std::io::stdout(), stop, &mut post).result,
            Some(out) => {
                let mut sim_opts = SimulationOptions::from_run_options(opts);
                if opts.output == OutputFormat::JsonLines {
                    sim_opts.progress_interval = jsonl::PROGRESS_INTERVAL;
                }
                let observer = |ev: &EngineEvent| out.event(info, ev);
                let stopper = StopFlag { inner: &observer, stop };
                let mut r = simulate::simulate_observed(model, &sim_opts, &simulate::EngineObserver(&stopper)).result;
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

/// After a complete search, a false (or failing) POSTCONDITION turns the verdict into TLC's
/// postcondition failure.
fn check_postcondition(model: &InterpModel, result: &mut CheckResult, started: Instant) {
    if !result.status.is_success() {
        return;
    }
    let snapshot = EngineSnapshot {
        distinct: result.stats.distinct,
        generated: result.stats.generated,
        diameter: result.stats.depth,
        duration_secs: started.elapsed().as_secs(),
        ..EngineSnapshot::default()
    };
    let failure = match model.check_postcondition(&snapshot) {
        Ok(Some(false)) => "is false.".to_string(),
        Err(e) => format!("failed.\n{}", e.error.message),
        _ => return,
    };
    let (name, at) = postcondition_info(model);
    result.status = Status::PostconditionFailure { message: format!("Postcondition {name} at {at} {failure}") };
}

/// The POSTCONDITION's name and where it is defined, as TLC prints them.
fn postcondition_info(model: &InterpModel) -> (String, String) {
    let p = model.program();
    let Some(post) = &p.model.postcondition else { return Default::default() };
    let span = post.def.map_or(p.span(post.expr), |d| p.span(p.def(d).body));
    let at = model.location(span).map(|l| human::location_text(&l)).unwrap_or_default();
    (post.name.clone(), at)
}

/// Sets `stop` once `limit` has passed, unless the run already set it.
fn stop_after(stop: &AtomicBool, limit: std::time::Duration) {
    let end = Instant::now() + limit;
    while !stop.load(Ordering::SeqCst) {
        let now = Instant::now();
        if now >= end {
            stop.store(true, Ordering::SeqCst);
            return;
        }
        std::thread::sleep((end - now).min(std::time::Duration::from_millis(50)));
    }
}

fn failed_before_start(status: Status, model: &InterpModel) -> CheckResult {
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
        None => print!("{}", human::render_result(result)),
        Some(out) => out.finish(info, result),
    }
    result.exit_code()
}

/// Features whose absence would make a "no error" verdict wrong: refuse rather than mislead.
/// TLC's warning for SYMMETRY together with temporal properties: symmetry reduction can hide
/// liveness violations.
fn symmetry_with_liveness(program: &Program, model: &InterpModel) -> Option<json_report::Note> {
    let symmetry = program.model.symmetry.as_ref()?;
    if !program.model.properties.iter().any(|p| tla2_frontend::lint::liveness::has_liveness(program, p.expr)) {
        return None;
    }
    let span = symmetry.def.map_or(program.span(symmetry.expr), |d| program.def(d).span);
    Some(json_report::Note {
        code: "TLC_LIVENESS_SYMMETRY".into(),
        message: "Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss \
                  violations of the stated liveness properties. Please check liveness without symmetry defined."
            .into(),
        location: model.location(span),
        suggestion: Some(serde_json::json!({
            "action": "check_liveness_without_symmetry",
            "message": format!("Run the PROPERTY check with a cfg that has no SYMMETRY {}", symmetry.name),
        })),
    })
}

fn unsupported_feature(opts: &RunOptions, program: &Program) -> Option<String> {
    let simulating = opts.simulate.is_some() || opts.generate;
    if simulating && !program.model.properties.is_empty() {
        let names: Vec<&str> = program.model.properties.iter().map(|p| p.name.as_str()).collect();
        return Some(format!(
            "temporal properties are not checked in simulation yet (PROPERTY {}); tla2 refuses rather than report a verdict without them",
            names.join(", ")
        ));
    }
    None
}

/// After a safety search that found nothing, checks the PROPERTYs on the whole state graph
/// (TLC's `-lncheck final`; the verdict is the same as with periodic checks) and turns a
/// violation into the result's verdict and lasso.
fn check_temporal_properties(model: &InterpModel, result: &mut CheckResult) {
    use tla2_runtime::liveness::{LivenessError, LivenessOptions, LivenessVerdict, ViolationKind};
    use tla2_runtime::report::{ErrorContext, TraceStep};
    if !result.status.is_success() || model.program().model.properties.is_empty() {
        return;
    }
    let outcome = tla2_interp::liveness::check_properties(model, &LivenessOptions::default());
    let action = |a: Option<u32>| a.and_then(|a| model.actions().get(a as usize).cloned());
    match outcome.result.verdict {
        Ok(LivenessVerdict::Holds) => {}
        Ok(LivenessVerdict::Violated(v)) => {
            let property = outcome.properties[v.property].clone();
            result.trace = v
                .states
                .iter()
                .zip(&v.actions)
                .map(|(s, a)| TraceStep { values: s.to_vec(), action: action(*a), fingerprint: model.fingerprint(s) })
                .collect();
            result.status = match v.kind {
                ViolationKind::InitialPredicate => {
                    Status::TemporalViolation { property, initial: true, loop_start: None, loop_action: None }
                }
                ViolationKind::Invariant => Status::InvariantViolation { index: usize::MAX, property, initial: false },
                ViolationKind::ActionProperty => Status::ActionPropertyViolation { index: usize::MAX, property },
                ViolationKind::Temporal => Status::TemporalViolation {
                    property,
                    initial: false,
                    loop_start: if v.stuttering { None } else { v.cycle_start },
                    loop_action: action(v.cycle_action),
                },
            };
        }
        Err(LivenessError::Model(error)) => {
            result.status = Status::EvalError { error, context: ErrorContext::Next };
        }
        Err(LivenessError::Unsupported { property, message }) => {
            let error = tla2_runtime::model::ModelError::new(
                tla2_runtime::EvalError::new(
                    tla2_runtime::EvalErrorKind::Unsupported,
                    format!("tla2 cannot check the property {property} yet: {message}"),
                ),
                None,
            );
            result.status = Status::EvalError { error, context: ErrorContext::Next };
        }
        Err(LivenessError::Internal(message)) => result.status = Status::TraceReplayFailed { message },
        Err(LivenessError::TooManyStates(n)) => {
            result.status = Status::TraceReplayFailed {
                message: format!("the state graph for liveness checking exceeded {n} states"),
            }
        }
    }
}

fn fill_spec_info(info: &mut RunInfo, program: &Program) {
    let m = &program.model;
    info.module = program.module.clone();
    info.init = m.init.as_ref().map(|n| n.name.clone());
    info.next = m.next.as_ref().map(|n| n.name.clone());
    info.invariants = m.invariants.iter().map(|n| n.name.clone()).collect();
    info.properties = m.properties.iter().map(|n| n.name.clone()).collect();
    info.variables = program.vars.iter().map(|v| v.name.clone()).collect();
}

fn report_frontend_errors(out: Option<&MachineOutput>, info: &RunInfo, front: &FrontendRun) -> i32 {
    let code = front.exit_code();
    let sources = &front.loaded.sources;
    match out {
        None => {
            for d in &front.diagnostics {
                eprint!("{}", d.render(sources));
            }
            println!("Error: Parsing or semantic analysis failed.");
        }
        Some(out) => {
            let (kind, message, errors) = check_report::frontend_errors(front);
            out.start(info);
            out.setup_error(info, kind, &message, errors, code);
        }
    }
    code
}

/// A run that cannot start; `kind` is the error type and code.
fn report_setup_error(
    out: Option<&MachineOutput>,
    info: &RunInfo,
    kind: (&str, &str),
    message: &str,
    code: i32,
) -> i32 {
    match out {
        None => println!("Error: {message}"),
        Some(out) => {
            out.start(info);
            out.setup_error(info, kind.0, message, vec![json_report::setup_error(kind.1, message)], code);
        }
    }
    code
}
