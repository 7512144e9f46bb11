//! The `tla2` command line: the only place that prints or exits.

mod bench;
mod check_cmd;
mod check_report;
mod compile_cmd;
mod conformance;
mod frontend_run;
mod parse_cmd;

use std::path::PathBuf;

// The checker allocates and frees many small values per state; mimalloc is markedly faster than
// the system allocator at that.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

const USAGE: &str = "\
tla2 — a TLA+ model checker

Usage:
  tla2 check Spec.tla [-config Spec.cfg] [TLC flags…] [--output human|json|json-lines|sarif]
                     [--timeout SECS] [--compiled]
  tla2 compile Spec.tla [-config Spec.cfg] [-o Spec-checker] [--emit-only DIR] [--mode auto|typed|dynamic] [--quiet]
  tla2 bench [--models expected.json]… [--filter S]… [--workers 1,2] [--timeout SECS]
             [--max-distinct N] [--no-interp] [--no-compiled]   (TLC too when TLC_JAR/TLC_CMD is set)
  tla2 parse Spec.tla [--config Spec.cfg] [--output human|json] [-I DIR]…
  tla2 conformance DIR [--filter S]… [--timeout SECS] [--max-distinct N] [--jobs N]
                       [--baseline FILE [--bless]] [--strict] [--json]
                       [--compiled]
  tla2 --version
";

/// TLC's exit code for a system error (bad command line, unreadable files).
pub const EXIT_SYSTEM: i32 = 153;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("parse") => parse_cmd::run(&args[1..]),
        Some("check") => check_cmd::run(&args[1..]),
        Some("compile") => compile_cmd::run(&args[1..]),
        Some("bench") => match bench::parse_args(&args[1..]).and_then(|o| bench::run(&o)) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("tla2 bench: {e}");
                EXIT_SYSTEM
            }
        },
        Some("conformance") => conformance_cmd(&args[1..]),
        Some("--version") | Some("-V") => {
            println!("tla2 {}", env!("CARGO_PKG_VERSION"));
            0
        }
        Some("help") | Some("--help") | Some("-h") | None => {
            print!("{USAGE}");
            0
        }
        Some(other) => {
            eprintln!("tla2: unknown command `{other}`\n\n{USAGE}");
            EXIT_SYSTEM
        }
    };
    std::process::exit(code);
}

fn conformance_cmd(args: &[String]) -> i32 {
    match parse_conformance_args(args) {
        Ok(opts) => match conformance::run(&opts) {
            Ok(code) => code,
            Err(e) => {
                eprintln!("tla2 conformance: {e}");
                EXIT_SYSTEM
            }
        },
        Err(e) => {
            eprintln!("tla2 conformance: {e}\n\n{USAGE}");
            EXIT_SYSTEM
        }
    }
}

fn parse_conformance_args(args: &[String]) -> Result<conformance::ConformanceOptions, String> {
    let mut opts = conformance::ConformanceOptions {
        dir: PathBuf::new(),
        filters: Vec::new(),
        timeout: Duration::from_secs(300),
        max_distinct: None,
        json: false,
        baseline: None,
        bless: false,
        extra_flags: Vec::new(),
        jobs: 1,
        strict: false,
    };
    let mut dir = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--filter" => opts.filters.push(value("--filter")?),
            "--timeout" => {
                let v = value("--timeout")?;
                let secs: f64 = v.parse().map_err(|_| format!("--timeout takes seconds, not `{v}`"))?;
                opts.timeout = Duration::from_secs_f64(secs.max(0.1));
            }
            "--max-distinct" => {
                let v = value("--max-distinct")?;
                opts.max_distinct = Some(v.parse().map_err(|_| format!("--max-distinct takes a number, not `{v}`"))?);
            }
            "--jobs" => {
                let v = value("--jobs")?;
                opts.jobs = v.parse().map_err(|_| format!("--jobs takes a number, not `{v}`"))?;
            }
            "--baseline" => opts.baseline = Some(PathBuf::from(value("--baseline")?)),
            "--bless" => opts.bless = true,
            "--strict" => opts.strict = true,
            "--json" => opts.json = true,
            "--compiled" => opts.extra_flags.push("--compiled".into()),
            "--" => opts.extra_flags.extend(it.by_ref().cloned()),
            other if other.starts_with('-') => return Err(format!("unknown option `{other}`")),
            other => dir = Some(PathBuf::from(other)),
        }
    }
    opts.dir = dir.ok_or("missing the corpus directory")?;
    Ok(opts)
}
