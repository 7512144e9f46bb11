//! `tla2 bench`: the interpreter, the compiled checker and (when `TLC_JAR` or `TLC_CMD` is set)
//! TLC on the same models, side by side: distinct states, seconds, states/second, peak memory
//! and ratios, for each worker count asked; for tla2's engines also CPU seconds, bytes of seen
//! set and parent links per distinct state, and the speedup over the first worker count. Models are the `"perf": true` entries of
//! expected.json files (the corpus's and our own `tests/bench/expected.json`).

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct BenchOptions {
    /// expected.json files whose `"perf": true` models are run (paths relative to each file).
    pub model_files: Vec<PathBuf>,
    pub filters: Vec<String>,
    pub workers: Vec<usize>,
    pub timeout: Duration,
    pub max_distinct: Option<u64>,
    pub engines: Vec<Engine>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Interp,
    Compiled,
    Tlc,
}

impl Engine {
    fn name(self) -> &'static str {
        match self {
            Engine::Interp => "interp",
            Engine::Compiled => "compiled",
            Engine::Tlc => "TLC",
        }
    }
}

/// One timed run.
#[derive(Debug, Clone, Default)]
struct Run {
    distinct: Option<u64>,
    seconds: f64,
    peak_mb: Option<f64>,
    /// CPU seconds and bytes per state, as tla2's JSON statistics report them.
    cpu_seconds: Option<f64>,
    bytes_per_state: Option<f64>,
    note: Option<String>,
}

pub fn parse_args(args: &[String]) -> Result<BenchOptions, String> {
    let mut opts = BenchOptions {
        model_files: Vec::new(),
        filters: Vec::new(),
        workers: vec![1],
        timeout: Duration::from_secs(600),
        max_distinct: None,
        engines: vec![Engine::Interp, Engine::Compiled],
    };
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--models" => opts.model_files.push(PathBuf::from(value(a)?)),
            "--filter" => opts.filters.push(value(a)?),
            "--workers" => {
                let v = value(a)?;
                opts.workers = v
                    .split(',')
                    .map(|w| w.trim().parse().map_err(|_| format!("--workers takes e.g. 1,2, not {v}")))
                    .collect::<Result<_, _>>()?;
            }
            "--timeout" => {
                let v = value(a)?;
                opts.timeout =
                    Duration::from_secs_f64(v.parse().map_err(|_| format!("--timeout takes seconds, not {v}"))?);
            }
            "--max-distinct" => {
                let v = value(a)?;
                opts.max_distinct = Some(v.parse().map_err(|_| format!("--max-distinct takes a number, not {v}"))?);
            }
            "--no-interp" => opts.engines.retain(|e| *e != Engine::Interp),
            "--no-compiled" => opts.engines.retain(|e| *e != Engine::Compiled),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if opts.model_files.is_empty() {
        for default in ["../shared/corpus/expected.json", "tests/bench/expected.json"] {
            if Path::new(default).is_file() {
                opts.model_files.push(PathBuf::from(default));
            }
        }
    }
    if std::env::var_os("TLC_JAR").is_some() || std::env::var_os("TLC_CMD").is_some() {
        opts.engines.push(Engine::Tlc);
    }
    Ok(opts)
}

struct BenchModel {
    id: String,
    dir: PathBuf,
    module: String,
    config: String,
}

fn load_models(opts: &BenchOptions) -> Result<Vec<BenchModel>, String> {
    let mut models = Vec::new();
    for file in &opts.model_files {
        let text = std::fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let doc: Json = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
        let dir = file.parent().unwrap_or(Path::new(".")).to_path_buf();
        for m in doc["models"].as_array().into_iter().flatten() {
            let id = m["id"].as_str().unwrap_or("").to_string();
            let wanted = m["perf"].as_bool() == Some(true)
                && (opts.filters.is_empty() || opts.filters.iter().any(|f| id.contains(f.as_str())));
            let small_enough = match (opts.max_distinct, m["expect"]["distinct"].as_u64()) {
                (Some(max), Some(d)) => d <= max,
                _ => true,
            };
            if wanted && small_enough {
                let field = |k: &str| m[k].as_str().unwrap_or("").to_string();
                models.push(BenchModel { id, dir: dir.clone(), module: field("module"), config: field("config") });
            }
        }
    }
    Ok(models)
}

pub fn run(opts: &BenchOptions) -> Result<i32, String> {
    let models = load_models(opts)?;
    if models.is_empty() {
        return Err("no models: pass --models FILE (an expected.json with \"perf\": true entries)".into());
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    println!(
        "{:<44} {:>3} {:>10} {:>9} {:>8} {:>11} {:>8} {:>8} {:>9} {:>9}",
        "model", "w", "engine", "seconds", "cpu s", "distinct/s", "peak MB", "B/state", "vs interp", "speedup"
    );
    for m in &models {
        let binary = if opts.engines.contains(&Engine::Compiled) {
            let spec = m.dir.join(&m.module);
            let config = m.dir.join(&m.config);
            let started = Instant::now();
            match crate::compile_cmd::compile_binary(&spec, Some(&config), true) {
                Ok((bin, took)) => {
                    let how =
                        took.map_or("cached".to_string(), |_| format!("{:.1} s", started.elapsed().as_secs_f64()));
                    println!("{:<44}     compile: {how}", short(&m.id));
                    Some(bin)
                }
                Err(e) => {
                    println!("{:<44}     compile failed: {e}", short(&m.id));
                    None
                }
            }
        } else {
            None
        };
        // Wall seconds of each engine at the first worker count, for the speedup column.
        let mut first_seconds: Vec<(Engine, f64)> = Vec::new();
        for &w in &opts.workers {
            let mut interp_rate = None;
            for &engine in &opts.engines {
                let r = match engine {
                    Engine::Interp => run_tla2(&exe, &["check".into()], m, w, opts.timeout),
                    Engine::Compiled => match &binary {
                        Some(b) => run_tla2(b, &[], m, w, opts.timeout),
                        None => continue,
                    },
                    Engine::Tlc => run_tlc(m, w, opts.timeout),
                };
                let rate = r.distinct.map(|d| d as f64 / r.seconds.max(1e-9));
                if engine == Engine::Interp {
                    interp_rate = rate;
                }
                let ratio = match (rate, interp_rate) {
                    (Some(a), Some(b)) if engine != Engine::Interp => format!("{:.2}x", a / b),
                    _ => String::new(),
                };
                let speedup = match first_seconds.iter().find(|(e, _)| *e == engine) {
                    Some((_, first)) if r.distinct.is_some() => format!("{:.2}x", first / r.seconds.max(1e-9)),
                    Some(_) => String::new(),
                    None => {
                        if r.distinct.is_some() {
                            first_seconds.push((engine, r.seconds));
                        }
                        String::new()
                    }
                };
                println!(
                    "{:<44} {:>3} {:>10} {:>9.2} {:>8} {:>11} {:>8} {:>8} {:>9} {:>9}{}",
                    short(&m.id),
                    w,
                    engine.name(),
                    r.seconds,
                    r.cpu_seconds.map_or("-".into(), |x| format!("{x:.2}")),
                    rate.map_or("-".into(), |x| format!("{x:.0}")),
                    r.peak_mb.map_or("-".into(), |x| format!("{x:.0}")),
                    r.bytes_per_state.map_or("-".into(), |x| format!("{x:.1}")),
                    ratio,
                    speedup,
                    r.note.map(|n| format!("  ({n})")).unwrap_or_default()
                );
            }
        }
    }
    Ok(0)
}

fn short(id: &str) -> String {
    let id = id.trim_start_matches("specifications/");
    if id.len() <= 44 {
        id.to_string()
    } else {
        format!("…{}", &id[id.len() - 43..])
    }
}

/// Runs `tla2 check` or a compiled checker with `--output json` and reads its distinct count.
fn run_tla2(exe: &Path, prefix: &[String], m: &BenchModel, workers: usize, timeout: Duration) -> Run {
    let mut args: Vec<String> = prefix.to_vec();
    args.extend([m.module.clone(), "-config".into(), m.config.clone(), "-workers".into(), workers.to_string()]);
    args.extend(["--output".into(), "json".into(), "--timeout".into(), format!("{}", timeout.as_secs_f64())]);
    let mut cmd = Command::new(exe);
    cmd.args(&args).current_dir(&m.dir);
    let (out, seconds, peak_mb) = timed(cmd);
    let json: Option<Json> = out.find('{').and_then(|i| serde_json::from_str(&out[i..]).ok());
    let status = json.as_ref().and_then(|j| j["result"]["status"].as_str().map(str::to_string));
    let distinct = json.as_ref().and_then(|j| j["statistics"]["states_distinct"].as_u64());
    let cpu_seconds = json.as_ref().and_then(|j| j["statistics"]["cpu_seconds"].as_f64());
    let bytes_per_state = json.as_ref().and_then(|j| j["statistics"]["bytes_per_state"].as_f64());
    let note = match status.as_deref() {
        Some("ok") => None,
        Some(s) => Some(s.to_string()),
        None => Some("no report".into()),
    };
    Run { distinct, seconds, peak_mb, cpu_seconds, bytes_per_state, note }
}

/// Runs TLC (`TLC_CMD`, a command, or `java -jar $TLC_JAR`) and reads its distinct count.
fn run_tlc(m: &BenchModel, workers: usize, timeout: Duration) -> Run {
    let mut cmd = match (std::env::var("TLC_CMD"), std::env::var("TLC_JAR")) {
        (Ok(c), _) => Command::new(c),
        (_, Ok(jar)) => {
            let mut c = Command::new("java");
            c.args(["-XX:+UseParallelGC", "-jar", &jar]);
            c
        }
        _ => return Run { note: Some("TLC not configured".into()), ..Run::default() },
    };
    cmd.args(["-workers", &workers.to_string(), "-cleanup", "-config", &m.config, &m.module]).current_dir(&m.dir);
    let started = Instant::now();
    let (out, seconds, peak_mb) = timed(cmd);
    let distinct = out
        .lines()
        .find(|l| l.contains("distinct states found"))
        .and_then(|l| l.split(" states generated, ").nth(1))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.replace(',', "").parse().ok());
    let note = (started.elapsed() >= timeout).then(|| "over the time limit".to_string());
    Run { distinct, seconds, peak_mb, note, ..Run::default() }
}

/// Runs `cmd`, returning its stdout, wall seconds and peak resident memory (MB, Linux).
fn timed(mut cmd: Command) -> (String, f64, Option<f64>) {
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::null());
    let started = Instant::now();
    let Ok(mut child) = cmd.spawn() else { return (String::new(), 0.0, None) };
    let pid = child.id();
    let mut stdout = child.stdout.take();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        if let Some(out) = stdout.as_mut() {
            let _ = std::io::Read::read_to_string(out, &mut s);
        }
        s
    });
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let sampler = {
        let peak = peak.clone();
        std::thread::spawn(move || {
            let status = format!("/proc/{pid}/status");
            while let Ok(text) = std::fs::read_to_string(&status) {
                if let Some(kb) = text
                    .lines()
                    .find(|l| l.starts_with("VmHWM:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|k| k.parse::<u64>().ok())
                {
                    peak.fetch_max(kb, std::sync::atomic::Ordering::Relaxed);
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
    };
    let _ = child.wait();
    let seconds = started.elapsed().as_secs_f64();
    let _ = sampler.join();
    let out = reader.join().unwrap_or_default();
    let kb = peak.load(std::sync::atomic::Ordering::Relaxed);
    (out, seconds, (kb > 0).then(|| kb as f64 / 1024.0))
}
