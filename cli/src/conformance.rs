//! `tla2 conformance DIR`: runs every model of `DIR/expected.json` through `tla2 check` in a
//! subprocess and compares verdict, distinct states, violated property and counterexample length
//! with TLC's pinned results.

use serde_json::Value as Json;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Options of `tla2 conformance`.
#[derive(Debug, Clone)]
pub struct ConformanceOptions {
    pub dir: PathBuf,
    /// Only models whose id contains one of these substrings (all when empty).
    pub filters: Vec<String>,
    pub timeout: Duration,
    /// Skip models whose pinned distinct-state count is larger.
    pub max_distinct: Option<u64>,
    pub json: bool,
    /// Models listed here must pass; the exit code is non-zero only if one of them does not.
    pub baseline: Option<PathBuf>,
    /// Rewrite the baseline with the models that passed.
    pub bless: bool,
    /// Extra flags passed to every `tla2 check` (e.g. `--compiled` later).
    pub extra_flags: Vec<String>,
    pub jobs: usize,
    /// Exit non-zero if any model does not pass (for the project's own fixtures).
    pub strict: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Mismatch(String),
    Unsupported(String),
    Timeout,
    Skipped(String),
}

#[derive(Debug, Clone)]
pub struct ModelOutcome {
    pub id: String,
    pub outcome: Outcome,
    pub seconds: f64,
    pub distinct: Option<u64>,
}

/// What a `tla2 check --output json` run said, reduced to what the corpus pins.
#[derive(Debug, Clone, Default, PartialEq)]
struct Observed {
    status: String,
    distinct: Option<u64>,
    violated: Option<String>,
    cex_length: Option<u64>,
    /// "Back to state N" of a lasso (1-based).
    cex_loop_to: Option<u64>,
    unsupported: Option<String>,
}

pub fn run(opts: &ConformanceOptions) -> Result<i32, String> {
    let expected_path = opts.dir.join("expected.json");
    let text =
        std::fs::read_to_string(&expected_path).map_err(|e| format!("cannot read {}: {e}", expected_path.display()))?;
    let doc: Json = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", expected_path.display()))?;
    let models = doc["models"].as_array().ok_or("expected.json has no \"models\" array")?;
    let selected: Vec<&Json> = models
        .iter()
        .filter(|m| {
            let id = m["id"].as_str().unwrap_or("");
            opts.filters.is_empty() || opts.filters.iter().any(|f| id.contains(f.as_str()))
        })
        .collect();
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let results = run_all(&exe, opts, &selected);
    report(opts, &results)
}

fn run_all(exe: &Path, opts: &ConformanceOptions, models: &[&Json]) -> Vec<ModelOutcome> {
    let jobs = opts.jobs.max(1);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::sync::Mutex::new(vec![None; models.len()]);
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(model) = models.get(i) else { break };
                let outcome = run_one(exe, opts, model);
                if !opts.json {
                    println!("{}", outcome_line(&outcome));
                }
                results.lock().expect("results lock")[i] = Some(outcome);
            });
        }
    });
    results.into_inner().expect("results lock").into_iter().flatten().collect()
}

fn run_one(exe: &Path, opts: &ConformanceOptions, model: &Json) -> ModelOutcome {
    let id = model["id"].as_str().unwrap_or("?").to_string();
    let expect = &model["expect"];
    let pinned_distinct = expect["distinct"].as_u64();
    if let (Some(max), Some(d)) = (opts.max_distinct, pinned_distinct) {
        if d > max {
            let why = format!("{d} distinct states > --max-distinct {max}");
            return ModelOutcome { id, outcome: Outcome::Skipped(why), seconds: 0.0, distinct: None };
        }
    }
    let mut args: Vec<String> = vec![
        "check".into(),
        model["module"].as_str().unwrap_or("").into(),
        "-config".into(),
        model["config"].as_str().unwrap_or("").into(),
        "-workers".into(),
        "1".into(),
        "--output".into(),
        "json".into(),
    ];
    if model["mode"].as_str() == Some("simulate") {
        args.extend(["-simulate".into(), "num=100".into()]);
    }
    if let Some(flags) = model["flags"].as_array() {
        args.extend(flags.iter().filter_map(|f| f.as_str().map(str::to_string)));
    }
    args.extend(opts.extra_flags.iter().cloned());
    let start = Instant::now();
    let run = run_with_timeout(exe, &opts.dir, &args, opts.timeout);
    let seconds = start.elapsed().as_secs_f64();
    let (outcome, distinct) = match run {
        None => (Outcome::Timeout, None),
        Some((code, stdout, stderr)) => match observe(&stdout) {
            Err(why) if !stderr.trim().is_empty() => {
                (Outcome::Mismatch(format!("{why}; stderr: {}", last_line(&stderr))), None)
            }
            Err(why) => (Outcome::Mismatch(why), None),
            Ok(obs) => {
                let outcome = match expect["exit_code"].as_i64() {
                    Some(e) if obs.unsupported.is_none() && i64::from(code) != e => {
                        Outcome::Mismatch(format!("expected exit code {e}, got {code}"))
                    }
                    _ => compare(expect, model["mode"].as_str() == Some("simulate"), &obs),
                };
                (outcome, obs.distinct)
            }
        },
    };
    ModelOutcome { id, outcome, seconds, distinct }
}

/// Runs `exe args` in `dir` and returns its exit code, stdout and stderr; `None` if it did not
/// finish within `timeout` (it is then killed).
fn run_with_timeout(exe: &Path, dir: &Path, args: &[String], timeout: Duration) -> Option<(i32, String, String)> {
    let mut child = Command::new(exe)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    let mut stdout = child.stdout.take()?;
    let mut stderr = child.stderr.take()?;
    let errors = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stderr.read_to_string(&mut s);
        s
    });
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = stdout.read_to_string(&mut s);
        s
    });
    let deadline = Instant::now() + timeout;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(20)),
            _ => {
                let _ = child.kill();
                let _ = child.wait();
                let _ = reader.join();
                let _ = errors.join();
                return None;
            }
        }
    };
    let code = status.code().unwrap_or(-1);
    let stderr = errors.join().unwrap_or_default();
    reader.join().ok().map(|out| (code, out, stderr))
}

fn observe(stdout: &str) -> Result<Observed, String> {
    // The JSON report is the last line-spanning object on stdout; Print output may precede it.
    let start = stdout.find("\n{").map(|i| i + 1).or_else(|| stdout.starts_with('{').then_some(0));
    let json: Json = start
        .and_then(|i| serde_json::from_str(&stdout[i..]).ok())
        .ok_or_else(|| format!("no JSON report in output: {}", first_line(stdout)))?;
    let result = &json["result"];
    let status = match (result["status"].as_str(), result["error_type"].as_str()) {
        (Some("ok"), _) => "success",
        (_, Some("invariant_violation")) => "safety failure",
        (_, Some("deadlock")) => "deadlock failure",
        (_, Some("liveness_violation")) => "liveness failure",
        (_, Some("assumption_failure")) => "assumption failure",
        (_, Some("postcondition_failure")) => "postcondition failure",
        (_, Some("assertion_failure")) => "assertion failure",
        (_, Some("unsupported")) => "unsupported",
        (_, Some("timeout")) | (Some("timeout"), _) => "timeout",
        _ => "evaluation error",
    };
    let unsupported = (status == "unsupported").then(|| result["error_message"].as_str().unwrap_or("").to_string());
    Ok(Observed {
        status: status.to_string(),
        distinct: json["statistics"]["states_distinct"].as_u64(),
        violated: result["violated_property"]["name"].as_str().map(str::to_string),
        cex_length: json["counterexample"]["length"].as_u64(),
        cex_loop_to: json["counterexample"]["loop_start"].as_u64(),
        unsupported,
    })
}

fn compare(expect: &Json, simulate: bool, obs: &Observed) -> Outcome {
    if let Some(why) = &obs.unsupported {
        return Outcome::Unsupported(why.clone());
    }
    let status = expect["status"].as_str().unwrap_or("");
    if obs.status != status {
        return Outcome::Mismatch(format!("expected status {status}, got {}", obs.status));
    }
    if simulate {
        return Outcome::Ok;
    }
    // The corpus pins the distinct count of successes only (its README); our fixtures, which
    // also pin `generated`, pin it for failures too: the search stops where TLC's does.
    let distinct_pinned = status == "success" || expect.get("generated").is_some_and(|g| !g.is_null());
    match (expect["distinct"].as_u64().filter(|_| distinct_pinned), obs.distinct) {
        (Some(e), Some(o)) if e != o => return Outcome::Mismatch(format!("expected {e} distinct states, got {o}")),
        (Some(e), None) => return Outcome::Mismatch(format!("expected {e} distinct states, got none")),
        _ => {}
    }
    if status == "success" {
        return Outcome::Ok;
    }
    // A liveness violation is reported without a property name in the JSON (TLC's older
    // message names none either): its lasso is compared instead, where it is pinned with its
    // "Back to state N" (the corpus pins only the status of liveness failures: TLC's lasso
    // depends on its random fingerprint function there).
    if status == "liveness failure" && expect["cex_loop_to"].is_null() {
        return Outcome::Ok;
    }
    let ev = expect["violated"].as_str();
    if status != "liveness failure" && ev.is_some() && ev != obs.violated.as_deref() {
        return Outcome::Mismatch(format!("expected violation of {ev:?}, got {:?}", obs.violated));
    }
    match (expect["cex_length"].as_u64(), obs.cex_length) {
        (Some(e), o) if Some(e) != o => {
            return Outcome::Mismatch(format!("expected a counterexample of {e} states, got {o:?}"));
        }
        _ => {}
    }
    match (expect["cex_loop_to"].as_u64(), obs.cex_loop_to) {
        (Some(e), o) if Some(e) != o => Outcome::Mismatch(format!("expected a lasso back to state {e}, got {o:?}")),
        _ => Outcome::Ok,
    }
}

fn last_line(s: &str) -> &str {
    s.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or("").trim()
}

fn first_line(s: &str) -> &str {
    s.lines().find(|l| !l.trim().is_empty()).unwrap_or("(empty)")
}

fn outcome_line(r: &ModelOutcome) -> String {
    match &r.outcome {
        Outcome::Ok => format!("ok           {} ({:.1}s)", r.id, r.seconds),
        Outcome::Mismatch(why) => format!("mismatch     {}: {why} ({:.1}s)", r.id, r.seconds),
        Outcome::Unsupported(why) => format!("unsupported  {}: {why}", r.id),
        Outcome::Timeout => format!("timeout      {} (after {:.0}s)", r.id, r.seconds),
        Outcome::Skipped(why) => format!("skipped      {}: {why}", r.id),
    }
}

fn report(opts: &ConformanceOptions, results: &[ModelOutcome]) -> Result<i32, String> {
    let passed: Vec<&str> = results.iter().filter(|r| r.outcome == Outcome::Ok).map(|r| r.id.as_str()).collect();
    let skipped = results.iter().filter(|r| matches!(r.outcome, Outcome::Skipped(_))).count();
    let failed = results.len() - passed.len() - skipped;
    let mut regressions = Vec::new();
    if let Some(path) = &opts.baseline {
        if opts.bless {
            let mut text = passed.join("\n");
            text.push('\n');
            std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        } else {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            for id in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
                let ran = results.iter().any(|r| r.id == id);
                if ran && !passed.contains(&id) {
                    regressions.push(id.to_string());
                }
            }
        }
    }
    if opts.json {
        let models: Vec<Json> = results.iter().map(outcome_json).collect();
        let doc = serde_json::json!({
            "passed": passed.len(), "failed": failed, "skipped": skipped,
            "regressions": regressions, "models": models,
        });
        println!("{}", serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?);
    } else {
        for id in &regressions {
            println!("regression   {id}: listed in the baseline but did not pass");
        }
        if skipped > 0 {
            println!("{} passed, {} failed, {} skipped", passed.len(), failed, skipped);
        } else {
            println!("{} passed, {} failed", passed.len(), failed);
        }
    }
    let strict_failure = opts.strict && failed > 0;
    Ok(if regressions.is_empty() && !strict_failure { 0 } else { 1 })
}

fn outcome_json(r: &ModelOutcome) -> Json {
    let (kind, why) = match &r.outcome {
        Outcome::Ok => ("ok", None),
        Outcome::Mismatch(w) => ("mismatch", Some(w.clone())),
        Outcome::Unsupported(w) => ("unsupported", Some(w.clone())),
        Outcome::Timeout => ("timeout", None),
        Outcome::Skipped(w) => ("skipped", Some(w.clone())),
    };
    serde_json::json!({"id": r.id, "outcome": kind, "reason": why, "seconds": r.seconds, "distinct": r.distinct})
}
