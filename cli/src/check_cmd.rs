//! `tla2 check`: loads a spec and its cfg, builds the interpreter's model and hands it to the
//! runtime's check driver (`runtime::checker::run`), which a compiled checker calls too; reports
//! frontend and model-building errors itself.

use crate::check_report;
use crate::frontend_run::{load_frontend, spec_path, FrontendInput, FrontendRun};
use tla2_interp::InterpModel;
use tla2_runtime::checker::{self, take_timeout, MachineOutput};
use tla2_runtime::cli::{parse_run_flags, OutputFormat};
use tla2_runtime::report::exit_code;
use tla2_runtime::report::json::{self as json_report, RunInfo};

pub fn run(args: &[String]) -> i32 {
    if args.iter().any(|a| a == "--compiled") {
        let rest: Vec<String> = args.iter().filter(|a| *a != "--compiled").cloned().collect();
        if let Some(code) = crate::compile_cmd::check_compiled(&rest) {
            return code;
        }
        // The frontend rejected the spec: the interpreter path reports it the same way.
        return run(&rest);
    }
    let (args, time_limit) = match take_timeout(args) {
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
    if opts.output == OutputFormat::Human {
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
    if opts.output == OutputFormat::Human {
        // Pitfall warnings (issue 9): in human output too, before the run.
        for d in front.diagnostics.iter().filter(|d| d.severity == tla2_frontend::Severity::Warning) {
            print!("{}", d.render(&front.loaded.sources));
        }
    }
    let Some(program) = front.program.clone() else { return exit_code::ERROR };
    info.module = program.module.clone();
    info.variables = program.vars.iter().map(|v| v.name.clone()).collect();
    let mut model = match InterpModel::new(program, front.loaded.sources) {
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
    checker::run(&mut model, &opts, info)
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
