//! Real specs of the conformance corpus (`/work/shared/corpus`, when present) through the whole
//! pipeline: load, cfg, lower, `InterpModel`, the runtime's BFS engine; results compared with
//! TLC's pinned results from `expected.json`.

use std::path::Path;

use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::{Diagnostic, SourceFile};
use tla2_interp::InterpModel;
use tla2_runtime::engine::{check, CheckOptions};
use tla2_runtime::report::Status;

const CORPUS: &str = "/work/shared/corpus";

/// What a run gave: status (with the violated property), distinct states, trace length.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Outcome {
    status: String,
    distinct: u64,
    trace: usize,
}

fn first_error(ds: &[Diagnostic]) -> Option<String> {
    ds.iter().find(|d| d.is_error()).map(|d| format!("{d:?}"))
}

fn run(module: &str, config: &str) -> Result<Outcome, String> {
    let root = Path::new(CORPUS);
    let module = module.strip_prefix("").unwrap_or(module);
    let mut loaded = load(&root.join(module), &LoadOptions::default());
    if let Some(e) = first_error(&loaded.diagnostics) {
        return Err(format!("load: {e}"));
    }
    let text = std::fs::read_to_string(root.join(config)).map_err(|e| e.to_string())?;
    let file = loaded.sources.add(SourceFile::new(config.into(), "cfg".into(), text.clone()));
    let (cfg, ds) = parse_cfg(file, &text);
    if let Some(e) = first_error(&ds) {
        return Err(format!("cfg: {e}"));
    }
    let (program, ds) = tla2_frontend::lower::lower(&loaded, Some(&cfg));
    if let Some(e) = first_error(&ds) {
        return Err(format!("lower: {e}"));
    }
    let model = InterpModel::new(program, loaded.sources).map_err(|e| e.to_string())?;
    if let Some(i) = model.check_assumptions().map_err(|e| e.error.message)? {
        return Ok(Outcome { status: format!("assumption failure {i}"), distinct: 0, trace: 0 });
    }
    let opts = CheckOptions { check_deadlock: model.check_deadlock().unwrap_or(true), ..Default::default() };
    let r = check(&model, &opts);
    let status = match &r.status {
        Status::Success => "success".to_string(),
        Status::InvariantViolation { property, .. } => format!("safety failure {}", property.name),
        Status::ActionPropertyViolation { property, .. } => format!("safety failure {}", property.name),
        Status::Deadlock => "deadlock failure".to_string(),
        Status::EvalError { error, .. } => format!("evaluation error: {}", error.error.message),
        other => format!("{other:?}"),
    };
    Ok(Outcome { status, distinct: r.stats.distinct, trace: r.trace.len() })
}


#[test]
fn adhoc_all() {
    if std::env::var("ADHOC").is_err() { return; }
    let text = std::fs::read_to_string(format!("{CORPUS}/expected.json")).unwrap();
    let j: serde_json::Value = serde_json::from_str(&text).unwrap();
    let max: u64 = std::env::var("MAXD").ok().and_then(|s| s.parse().ok()).unwrap_or(30000);
    let only = std::env::var("ONLY").ok();
    for m in j["models"].as_array().unwrap() {
        let id = m["id"].as_str().unwrap();
        if let Some(o) = &only { if !id.contains(o.as_str()) { continue; } }
        if m["mode"] != "exhaustive search" { continue; }
        let e = &m["expect"];
        let d = e["distinct"].as_u64().unwrap_or(u64::MAX);
        if d > max { continue; }
        let status = e["status"].as_str().unwrap();
        let viol = e["violated"].as_str().unwrap_or("");
        let cex = e["cex_length"].as_u64().unwrap_or(0) as usize;
        let t = std::time::Instant::now();
        let r = run(m["module"].as_str().unwrap(), m["config"].as_str().unwrap());
        let exp = if viol.is_empty() { status.to_string() } else { format!("{status} {viol}") };
        let ok = match &r { Ok(o) => o.status == exp && (o.distinct == d || status != "success") && (status != "safety failure" || o.trace == cex), Err(_) => false };
        println!("{} {id} ({:.1}s) expected {exp} {d} {cex} got {:?}", if ok {"PASS"} else {"FAIL"}, t.elapsed().as_secs_f64(), r);
    }
}
