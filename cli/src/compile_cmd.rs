//! `tla2 compile Spec.tla`: generates the spec's checker crate (codegen), builds it in the shared
//! cache (or reuses an identical build) and leaves `./Spec-checker`; `--emit-only DIR` writes the
//! crate without building. Also what `tla2 check --compiled` runs before starting the checker.

use crate::frontend_run::{load_frontend, FrontendInput, FrontendRun};
use std::path::{Path, PathBuf};
use tla2_codegen::build::{self, BuildOutcome, CrateSpec};
use tla2_runtime::report::exit_code;

const USAGE: &str = "usage: tla2 compile Spec.tla [-config Spec.cfg] [-o Spec-checker] [--emit-only DIR] \
                     [--runtime-path DIR [--workspace-member]] [--mode auto|typed|dynamic] [--quiet]";

struct CompileArgs {
    spec: PathBuf,
    config: Option<PathBuf>,
    output: Option<PathBuf>,
    emit_only: Option<PathBuf>,
    runtime_path: Option<PathBuf>,
    member: bool,
    quiet: bool,
    mode: tla2_codegen::Mode,
}

fn parse_args(args: &[String]) -> Result<CompileArgs, String> {
    let mut spec = None;
    let mut parsed = CompileArgs {
        spec: PathBuf::new(),
        config: None,
        output: None,
        emit_only: None,
        runtime_path: None,
        member: false,
        quiet: false,
        mode: env_mode(),
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |flag: &str| it.next().map(PathBuf::from).ok_or(format!("{flag} needs a value"));
        match a.as_str() {
            "-config" | "--config" => parsed.config = Some(value(a)?),
            "-o" | "--output-file" => parsed.output = Some(value(a)?),
            "--emit-only" => parsed.emit_only = Some(value(a)?),
            "--runtime-path" => parsed.runtime_path = Some(value(a)?),
            "--workspace-member" => parsed.member = true,
            "--quiet" | "-q" => parsed.quiet = true,
            "--mode" => {
                let m = it.next().ok_or("--mode needs a value")?;
                parsed.mode = parse_mode(m).ok_or(format!("unknown mode {m} (auto, typed or dynamic)"))?;
            }
            s if s.starts_with('-') => return Err(format!("unknown flag {s}")),
            s if spec.is_none() => spec = Some(PathBuf::from(s)),
            s => return Err(format!("unexpected argument {s}")),
        }
    }
    parsed.spec = spec.ok_or("missing the spec file")?;
    Ok(parsed)
}

pub fn run(args: &[String]) -> i32 {
    let args = match parse_args(args) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tla2 compile: {e}\n{USAGE}");
            return exit_code::ERROR_SYSTEM;
        }
    };
    let front = load_frontend(
        &FrontendInput { spec: args.spec.clone(), config: args.config.clone(), include_dirs: vec![] },
        false,
    );
    if front.has_errors() {
        for d in &front.diagnostics {
            eprint!("{}", d.render(&front.loaded.sources));
        }
        eprintln!("Error: Parsing or semantic analysis failed.");
        return front.exit_code();
    }
    let generated = match generate(&front, args.mode) {
        Ok((g, used)) => {
            if !args.quiet {
                match used {
                    tla2_codegen::ModeUsed::Typed => println!("Code generation: typed mode"),
                    tla2_codegen::ModeUsed::Dynamic { reason: Some(r) } => {
                        println!("Code generation: dynamic mode (typed mode not possible: {r})")
                    }
                    tla2_codegen::ModeUsed::Dynamic { reason: None } => println!("Code generation: dynamic mode"),
                }
            }
            g
        }
        Err(code) => return code,
    };
    let name = front.program.as_ref().map_or(String::new(), |p| p.module.clone());
    let sources = source_texts(&front);
    let spec = CrateSpec { name: &name, sources: &sources, cfg: None, files: &generated.files };
    if let Some(dir) = &args.emit_only {
        return emit_only(dir, &spec, args.runtime_path.as_deref(), args.member);
    }
    let quiet = args.quiet;
    let outcome = match compile_with_fallback(&front, &spec, args.mode, quiet) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let output = args.output.unwrap_or_else(|| PathBuf::from(format!("./{name}-checker")));
    if let Err(e) = install(outcome.binary(), &output) {
        eprintln!("tla2 compile: cannot write {}: {e}", output.display());
        return exit_code::ERROR_SYSTEM;
    }
    if !quiet {
        match &outcome {
            BuildOutcome::Cached { .. } => println!("{} is up to date (cached build) -> {}", name, output.display()),
            BuildOutcome::Built { took, .. } => {
                println!("Compiled {} in {:.1} s -> {}", name, took.as_secs_f64(), output.display())
            }
        }
    }
    0
}

fn parse_mode(m: &str) -> Option<tla2_codegen::Mode> {
    match m {
        "auto" => Some(tla2_codegen::Mode::Auto),
        "typed" => Some(tla2_codegen::Mode::Typed),
        "dynamic" => Some(tla2_codegen::Mode::Dynamic),
        _ => None,
    }
}

/// The default mode: `TLA2_CODEGEN_MODE` (auto, typed or dynamic) if set, else auto; it is how
/// `tla2 check --compiled` and `tla2 bench` are told a mode.
fn env_mode() -> tla2_codegen::Mode {
    std::env::var("TLA2_CODEGEN_MODE").ok().and_then(|m| parse_mode(&m)).unwrap_or_default()
}

/// Runs codegen; an error there is a tla2 bug or a construct codegen cannot handle yet (or,
/// with `--mode typed`, why typed mode is not possible).
fn generate(
    front: &FrontendRun,
    mode: tla2_codegen::Mode,
) -> Result<(tla2_codegen::GeneratedCrate, tla2_codegen::ModeUsed), i32> {
    let Some(program) = &front.program else { return Err(exit_code::ERROR) };
    tla2_codegen::generate_mode(program, &front.loaded.sources, mode).map_err(|e| {
        eprintln!("tla2 compile: code generation failed: {e}");
        exit_code::ERROR
    })
}

fn source_texts(front: &FrontendRun) -> Vec<(String, String)> {
    front.loaded.sources.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect()
}

/// [`compile`]; if a typed-mode crate chosen by `Mode::Auto` fails to build (a tla2 bug), the
/// dynamic-mode crate of the same spec instead, so that no spec is refused.
fn compile_with_fallback(
    front: &FrontendRun,
    spec: &CrateSpec<'_>,
    mode: tla2_codegen::Mode,
    quiet: bool,
) -> Result<BuildOutcome, i32> {
    let typed = spec.files.iter().any(|(p, text)| p.ends_with("main.rs") && text.contains("spec::typed::Spec"));
    match compile(spec, quiet) {
        Ok(o) => Ok(o),
        Err(code) if typed && mode == tla2_codegen::Mode::Auto && code == exit_code::ERROR => {
            eprintln!("tla2 compile: the typed-mode checker did not build (a tla2 bug); using dynamic mode");
            let (generated, _) = generate(front, tla2_codegen::Mode::Dynamic)?;
            let dynamic = CrateSpec { files: &generated.files, ..*spec };
            compile(&dynamic, quiet)
        }
        Err(code) => Err(code),
    }
}

/// Builds (or reuses) the checker, showing cargo's progress on stderr unless `quiet`.
fn compile(spec: &CrateSpec<'_>, quiet: bool) -> Result<BuildOutcome, i32> {
    if !quiet {
        eprintln!("Compiling the checker of {} (the first build also compiles the runtime, once)…", spec.name);
    }
    let mut progress = |line: &str| {
        let line = line.trim();
        if !quiet && (line.starts_with("Compiling") || line.starts_with("Finished")) {
            eprintln!("  {line}");
        }
    };
    build::compile_cached(spec, &mut progress).map_err(|e| {
        eprintln!("tla2 compile: {e}");
        match e {
            build::BuildError::NoCargo(_) | build::BuildError::Io(_) => exit_code::ERROR_SYSTEM,
            build::BuildError::Cargo { .. } => exit_code::ERROR,
        }
    })
}

fn emit_only(dir: &Path, spec: &CrateSpec<'_>, runtime_path: Option<&Path>, member: bool) -> i32 {
    let runtime = match runtime_path {
        Some(p) => p.to_path_buf(),
        None => match build::runtime_dir(&build::cache_dir()) {
            Ok(p) => p,
            Err(e) => {
                eprintln!("tla2 compile: cannot write the runtime sources: {e}");
                return exit_code::ERROR_SYSTEM;
            }
        },
    };
    match build::write_crate(dir, spec, &runtime, member) {
        Ok(()) => {
            println!("Wrote the checker crate of {} to {}", spec.name, dir.display());
            0
        }
        Err(e) => {
            eprintln!("tla2 compile: cannot write {}: {e}", dir.display());
            exit_code::ERROR_SYSTEM
        }
    }
}

/// Copies the cached binary to where the user asked for it.
fn install(binary: &Path, output: &Path) -> std::io::Result<()> {
    if let Some(parent) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    let tmp = output.with_extension("tmp-tla2");
    std::fs::copy(binary, &tmp)?;
    std::fs::rename(&tmp, output)
}

/// `tla2 check --compiled …`: compiles (cached) and runs the checker with the same flags. A spec
/// the frontend rejects is reported by the interpreter path, which gives the same report.
pub fn check_compiled(args: &[String]) -> Option<i32> {
    let opts = tla2_runtime::cli::parse_run_flags(&tla2_runtime::checker::take_timeout(args).ok()?.0).ok()?;
    let spec = PathBuf::from(opts.spec.clone()?);
    let front = load_frontend(
        &FrontendInput { spec, config: opts.config.clone().map(Into::into), include_dirs: vec![] },
        false,
    );
    if front.has_errors() {
        return None;
    }
    let generated = match generate(&front, env_mode()) {
        Ok((g, _)) => g,
        Err(code) => return Some(code),
    };
    let name = front.program.as_ref().map_or(String::new(), |p| p.module.clone());
    let sources = source_texts(&front);
    let spec = CrateSpec { name: &name, sources: &sources, cfg: None, files: &generated.files };
    let quiet = opts.output != tla2_runtime::cli::OutputFormat::Human;
    let outcome = match compile_with_fallback(&front, &spec, env_mode(), quiet) {
        Ok(o) => o,
        Err(code) => return Some(code),
    };
    let status = std::process::Command::new(outcome.binary()).args(args).status();
    Some(match status {
        Ok(s) => s.code().unwrap_or(exit_code::ERROR),
        Err(e) => {
            eprintln!("tla2 check --compiled: cannot run {}: {e}", outcome.binary().display());
            exit_code::ERROR_SYSTEM
        }
    })
}

/// Compiles (or reuses) the checker of `spec` with `config`: the binary, and how long the build
/// took (`None` when cached). For `tla2 bench`.
pub fn compile_binary(
    spec: &Path,
    config: Option<&Path>,
    quiet: bool,
) -> Result<(PathBuf, Option<std::time::Duration>), String> {
    let front = load_frontend(
        &FrontendInput { spec: spec.to_path_buf(), config: config.map(Path::to_path_buf), include_dirs: vec![] },
        false,
    );
    if front.has_errors() {
        let first = front.diagnostics.iter().find(|d| d.is_error()).map(|d| d.message.clone()).unwrap_or_default();
        return Err(format!("the frontend rejected {}: {first}", spec.display()));
    }
    let generated = generate(&front, env_mode()).map_err(|_| "code generation failed".to_string())?.0;
    let name = front.program.as_ref().map_or(String::new(), |p| p.module.clone());
    let sources = source_texts(&front);
    let crate_spec = CrateSpec { name: &name, sources: &sources, cfg: None, files: &generated.files };
    match compile_with_fallback(&front, &crate_spec, env_mode(), quiet)
        .map_err(|code| format!("compile failed (exit {code})"))?
    {
        BuildOutcome::Cached { binary } => Ok((binary, None)),
        BuildOutcome::Built { binary, took } => Ok((binary, Some(took))),
    }
}
