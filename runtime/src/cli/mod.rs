//! Run flags shared by `tla2 check` and compiled checkers (TLC's flags accepted).
//!
//! Scripts written for TLC pass its single-dash flags; tla2 accepts all of the common ones.
//! Flags that change nothing in tla2 (checkpoints, fingerprint function choice, TE specs…) are
//! accepted and listed in [`RunOptions::ignored`] so that the caller can print a note.

mod progress_bar;
pub(crate) mod run;

pub use run::{ignored_flags_note, run_check, run_check_then};

use crate::engine::spill::DEFAULT_LINKS_IN_MEMORY;
use crate::engine::{CheckOptions, SpillOptions};
use std::path::PathBuf;

/// How many worker threads to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Workers {
    Count(usize),
    /// One per available core (`-workers auto`).
    Auto,
}

impl Workers {
    pub fn resolve(self) -> usize {
        match self {
            Workers::Count(n) => n.max(1),
            Workers::Auto => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// When liveness is checked (`-lncheck`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LivenessCheck {
    Default,
    /// Once, after the state space is explored.
    Final,
}

/// The format of a written counterexample (`-dumpTrace json|tla FILE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceFormat {
    Json,
    Tla,
}

/// How results are printed (`--output`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFormat {
    Human,
    Json,
    JsonLines,
    /// A SARIF 2.1.0 log.
    Sarif,
}

/// `-simulate [num=N][,file=F][,stats=…]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SimulateOptions {
    /// The number of behaviours to generate; unbounded when absent.
    pub num: Option<u64>,
    pub file: Option<String>,
}

/// The parsed command line of a check run.
#[derive(Debug, Clone, PartialEq)]
pub struct RunOptions {
    /// The spec (`Spec.tla`), the one positional argument.
    pub spec: Option<String>,
    pub config: Option<String>,
    pub workers: Workers,
    /// False after `-deadlock`, which (as in TLC) turns deadlock checking off.
    pub check_deadlock: bool,
    /// `-depth N`: the length of simulated behaviours (TLC's default is 100).
    pub depth: Option<u32>,
    pub lncheck: LivenessCheck,
    pub dump_trace: Vec<(TraceFormat, String)>,
    /// `-continue`: keep exploring after a violation.
    pub continue_after_violation: bool,
    pub simulate: Option<SimulateOptions>,
    /// `-generate`: random behaviours from the spec's generator.
    pub generate: bool,
    pub seed: Option<i64>,
    /// `-fpmem X`: the fraction (≤ 1) or number of bytes of memory for the seen set.
    pub fpmem: Option<f64>,
    /// `-metadir DIR`: where the seen set, parent links and queue spill.
    pub metadir: Option<String>,
    /// `--queue-mem BYTES` (hidden, for tests and large runs): the memory budget of the next
    /// BFS level's states before the level goes to disk.
    pub queue_mem: Option<u64>,
    /// `--links-mem N` (hidden, for tests): parent links kept in memory before they go to disk.
    pub links_mem: Option<usize>,
    pub max_set_size: Option<u64>,
    pub coverage_minutes: Option<u32>,
    pub output: OutputFormat,
    /// Accepted flags that have no effect in tla2, as given (with their values).
    pub ignored: Vec<String>,
}

impl Default for RunOptions {
    fn default() -> RunOptions {
        RunOptions {
            spec: None,
            config: None,
            workers: Workers::Count(1),
            check_deadlock: true,
            depth: None,
            lncheck: LivenessCheck::Default,
            dump_trace: Vec::new(),
            continue_after_violation: false,
            simulate: None,
            generate: false,
            seed: None,
            fpmem: None,
            metadir: None,
            queue_mem: None,
            links_mem: None,
            max_set_size: None,
            coverage_minutes: None,
            output: OutputFormat::Human,
            ignored: Vec::new(),
        }
    }
}

impl RunOptions {
    /// The BFS engine's options for these flags.
    pub fn check_options(&self) -> CheckOptions {
        CheckOptions {
            workers: self.workers.resolve(),
            check_deadlock: self.check_deadlock,
            continue_after_violation: self.continue_after_violation,
            expected_states: self.fpmem.and_then(expected_states_for_fpmem),
            spill: SpillOptions {
                dir: self.metadir.as_ref().map(PathBuf::from),
                fingerprints_in_memory: self.fpmem.and_then(fingerprints_for_fpmem),
                queue_bytes: self.queue_mem,
                links_in_memory: self.links_mem.unwrap_or(DEFAULT_LINKS_IN_MEMORY),
            },
            ..CheckOptions::default()
        }
    }
}

/// Bytes per fingerprint the seen set's tables may take (they are 50% to 75% full).
const BYTES_PER_FINGERPRINT: f64 = 16.0;

/// How many fingerprints the seen set keeps in memory under `-fpmem X` before spilling to
/// disk: X bytes when X > 1, else X times the physical memory (TLC takes a fraction of its
/// heap; tla2 has no heap limit).
fn fingerprints_for_fpmem(fpmem: f64) -> Option<u64> {
    let bytes = if fpmem > 1.0 { fpmem } else { fpmem.max(0.0) * physical_memory_bytes()? as f64 };
    Some(((bytes / BYTES_PER_FINGERPRINT) as u64).max(1))
}

/// The machine's memory (Linux `MemTotal`), `None` where unknown.
fn physical_memory_bytes() -> Option<u64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kb| kb * 1024)
}

/// The number of fingerprints that `-fpmem X` makes room for: X is a fraction of the physical
/// memory when at most 1 (unknown here, so no presizing) and a number of bytes otherwise.
fn expected_states_for_fpmem(fpmem: f64) -> Option<u64> {
    // About 16 bytes per state: the seen set at 75% load and the parent links.
    (fpmem > 1.0).then(|| (fpmem / 16.0) as u64)
}

/// TLC flags that tla2 accepts without acting on them, with the number of values each takes.
const IGNORED_FLAGS: &[(&str, usize)] = &[
    ("-noTE", 0),
    ("-cleanup", 0),
    ("-fp", 1),
    ("-fpbits", 1),
    ("-nowarning", 0),
    ("-difftrace", 0),
    ("-terse", 0),
    ("-tool", 0),
    ("-gzip", 0),
    ("-checkpoint", 1),
    ("-recover", 1),
    ("-view", 0),
    ("-debugger", 0),
    ("-userFile", 1),
    ("-modelcheck", 0),
    ("-noGenerateSpecTE", 0),
    ("-teSpecOutDir", 1),
    ("-lncheck-exact", 0),
    ("-dfid", 1),
];

/// Parses the arguments after the subcommand (`tla2 check ARGS…`).
pub fn parse_run_flags(args: &[String]) -> Result<RunOptions, String> {
    let mut opts = RunOptions::default();
    let mut i = 0;
    while i < args.len() {
        let flag = args[i].as_str();
        i += 1;
        let mut value = |name: &str| -> Result<String, String> {
            let v = args.get(i).cloned().ok_or_else(|| format!("{name} needs a value"))?;
            i += 1;
            Ok(v)
        };
        match flag {
            "-config" => opts.config = Some(value(flag)?),
            "-workers" | "--workers" => opts.workers = parse_workers(&value(flag)?)?,
            "-deadlock" => opts.check_deadlock = false,
            "-depth" => opts.depth = Some(parse_number(flag, &value(flag)?)?),
            "-lncheck" => opts.lncheck = parse_lncheck(&value(flag)?)?,
            "-dumpTrace" => {
                let format = parse_trace_format(&value(flag)?)?;
                opts.dump_trace.push((format, value(flag)?));
            }
            "-continue" => opts.continue_after_violation = true,
            "-simulate" => {
                let mut sim = SimulateOptions::default();
                if let Some(next) = args.get(i).filter(|a| is_simulate_argument(a)) {
                    sim = parse_simulate(next)?;
                    i += 1;
                }
                opts.simulate = Some(sim);
            }
            "-generate" => opts.generate = true,
            "-seed" => opts.seed = Some(parse_number(flag, &value(flag)?)?),
            "-fpmem" => opts.fpmem = Some(parse_number(flag, &value(flag)?)?),
            "-metadir" => opts.metadir = Some(value(flag)?),
            "--queue-mem" => opts.queue_mem = Some(parse_number(flag, &value(flag)?)?),
            "--links-mem" => opts.links_mem = Some(parse_number(flag, &value(flag)?)?),
            "-maxSetSize" => opts.max_set_size = Some(parse_number(flag, &value(flag)?)?),
            "-coverage" => opts.coverage_minutes = Some(parse_number(flag, &value(flag)?)?),
            "--output" => opts.output = parse_output(&value(flag)?)?,
            "-dump" => {
                // `-dump [dot[,colorize,…]] FILE`
                let mut note = vec![flag.to_string(), value(flag)?];
                if note[1].starts_with("dot") {
                    note.push(value(flag)?);
                }
                opts.ignored.push(note.join(" "));
            }
            _ => {
                if let Some(&(_, arity)) = IGNORED_FLAGS.iter().find(|(name, _)| *name == flag) {
                    let mut note = vec![flag.to_string()];
                    for _ in 0..arity {
                        note.push(value(flag)?);
                    }
                    opts.ignored.push(note.join(" "));
                } else if flag.starts_with('-') && flag.len() > 1 {
                    return Err(format!("unknown flag {flag}"));
                } else if opts.spec.is_none() {
                    opts.spec = Some(flag.to_string());
                } else {
                    return Err(format!("more than one spec given: {} and {flag}", opts.spec.as_deref().unwrap_or("")));
                }
            }
        }
    }
    Ok(opts)
}

fn parse_number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.trim().parse().map_err(|_| format!("{flag} expects a number, not {text:?}"))
}

fn parse_workers(text: &str) -> Result<Workers, String> {
    if text == "auto" {
        return Ok(Workers::Auto);
    }
    match text.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(Workers::Count(n)),
        _ => Err(format!("-workers expects a positive number or auto, not {text:?}")),
    }
}

fn parse_lncheck(text: &str) -> Result<LivenessCheck, String> {
    match text {
        "final" | "seqfinal" => Ok(LivenessCheck::Final),
        "default" => Ok(LivenessCheck::Default),
        _ => Err(format!("-lncheck expects final or default, not {text:?}")),
    }
}

fn parse_trace_format(text: &str) -> Result<TraceFormat, String> {
    match text {
        "json" => Ok(TraceFormat::Json),
        "tla" | "tlc" => Ok(TraceFormat::Tla),
        _ => Err(format!("-dumpTrace expects json or tla, not {text:?}")),
    }
}

fn parse_output(text: &str) -> Result<OutputFormat, String> {
    match text {
        "human" => Ok(OutputFormat::Human),
        // Seed 003 names the JSON output "the AI format" and accepts both spellings.
        "json" | "ai" => Ok(OutputFormat::Json),
        "sarif" => Ok(OutputFormat::Sarif),
        "json-lines" | "jsonl" => Ok(OutputFormat::JsonLines),
        _ => Err(format!("--output expects human, json, json-lines or sarif, not {text:?}")),
    }
}

/// TLC takes the argument after `-simulate` only if it sets one of its keys.
fn is_simulate_argument(arg: &str) -> bool {
    ["num=", "file=", "stats="].iter().any(|key| arg.contains(key))
}

fn parse_simulate(text: &str) -> Result<SimulateOptions, String> {
    let mut sim = SimulateOptions::default();
    for part in text.split(',') {
        match part.split_once('=') {
            Some(("num", n)) => sim.num = Some(parse_number("-simulate num", n)?),
            Some(("file", f)) => sim.file = Some(f.to_string()),
            Some(("stats", _)) => {}
            _ => return Err(format!("-simulate does not understand {part:?}")),
        }
    }
    Ok(sim)
}
