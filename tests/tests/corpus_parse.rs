//! `tla2 parse` on the conformance corpus (`../shared/corpus`, when present): every `.tla` module
//! and every model (module + cfg) of `expected.json` loads and resolves with zero diagnostics.

mod common;

use std::path::{Path, PathBuf};
use std::time::Instant;

fn corpus_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    dir.join("expected.json").exists().then_some(dir)
}

fn tla_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            tla_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "tla") {
            out.push(p);
        }
    }
}

#[test]
fn every_corpus_module_parses_and_resolves_without_diagnostics() {
    let Some(corpus) = corpus_dir() else {
        println!("../shared/corpus not found: skipped");
        return;
    };
    let mut files = Vec::new();
    tla_files(&corpus.join("specifications"), &mut files);
    let start = Instant::now();
    let mut failures = Vec::new();
    for f in &files {
        let out = common::tla2(&["parse", f.to_str().unwrap()]);
        if out.code != 0 || out.stderr.contains("error[") || out.stderr.contains("warning[") {
            failures.push(format!("{}: exit {}\n{}", f.display(), out.code, out.stderr));
        }
    }
    println!("parsed {} corpus modules in {:.2?}", files.len(), start.elapsed());
    assert!(failures.is_empty(), "{} of {} modules failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn every_corpus_model_resolves_with_its_cfg_without_diagnostics() {
    let Some(corpus) = corpus_dir() else {
        println!("../shared/corpus not found: skipped");
        return;
    };
    let text = std::fs::read_to_string(corpus.join("expected.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    let models = doc["models"].as_array().unwrap();
    let mut failures = Vec::new();
    let start = Instant::now();
    for m in models {
        let module = corpus.join(m["module"].as_str().unwrap());
        let config = corpus.join(m["config"].as_str().unwrap());
        let out = common::tla2(&["parse", module.to_str().unwrap(), "--config", config.to_str().unwrap()]);
        if out.code != 0 || out.stderr.contains("error[") {
            failures.push(format!("{}: exit {}\n{}", m["id"], out.code, out.stderr));
        }
    }
    println!("resolved {} corpus models in {:.2?}", models.len(), start.elapsed());
    assert!(failures.is_empty(), "{} of {} models failed:\n{}", failures.len(), models.len(), failures.join("\n"));
}
