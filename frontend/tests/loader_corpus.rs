//! Every root module of the conformance corpus loads, with everything it needs, without a
//! diagnostic.

use std::path::Path;
use tla2_frontend::loader::{load, LoadOptions};

const CORPUS: &str = "/work/shared/corpus";

/// The `module` paths listed in the corpus's expected.json.
fn corpus_modules() -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(CORPUS).join("expected.json")).expect("expected.json is readable");
    let mut out: Vec<String> =
        text.split("\"module\"").skip(1).filter_map(|rest| rest.split('"').nth(1).map(str::to_string)).collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_corpus_root_module_loads_without_diagnostics() {
    let modules = corpus_modules();
    assert!(modules.len() >= 60, "found only {} root modules", modules.len());
    let mut failures = Vec::new();
    for rel in &modules {
        let spec = load(&Path::new(CORPUS).join(rel), &LoadOptions::default());
        for d in &spec.diagnostics {
            failures.push(format!("{rel}: {}", d.render(&spec.sources)));
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
