//! Parses every `.tla` file of the conformance corpus and requires zero diagnostics.

use std::path::{Path, PathBuf};
use std::time::Instant;
use tla2_frontend::span::{SourceFile, SourceMap};
use tla2_frontend::{parser, FileId};

fn tla_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            tla_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "tla") {
            out.push(p);
        }
    }
}

#[test]
fn every_corpus_module_parses_without_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus/specifications");
    if !dir.is_dir() {
        println!("note: corpus directory {} is absent; nothing to parse", dir.display());
        return;
    }
    let mut files = Vec::new();
    tla_files(&dir, &mut files);
    let texts: Vec<(PathBuf, String)> = files
        .into_iter()
        .filter_map(|p| std::fs::read(&p).ok().map(|b| (p, String::from_utf8_lossy(&b).into_owned())))
        .collect();
    let started = Instant::now();
    let mut failures = Vec::new();
    for (path, text) in &texts {
        let (module, diags) = parser::parse(FileId(0), text);
        if module.is_none() || !diags.is_empty() {
            let mut sources = SourceMap::default();
            sources.add(SourceFile::new(path.display().to_string(), String::new(), text.clone()));
            let first = diags.first().map(|d| d.render(&sources)).unwrap_or_else(|| "no module\n".into());
            failures.push(format!("{} ({} diagnostics)\n{first}", path.display(), diags.len()));
        }
    }
    println!("parsed {} corpus modules in {:?}", texts.len(), started.elapsed());
    assert!(failures.is_empty(), "{} of {} modules failed:\n{}", failures.len(), texts.len(), failures.join("\n"));
}
