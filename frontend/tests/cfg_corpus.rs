//! Every cfg of the conformance corpus parses without a diagnostic.

use std::path::Path;
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::{FileId, SourceFile, SourceMap};

const CORPUS: &str = "/work/shared/corpus";

/// The `config` paths listed in the corpus's expected.json.
fn corpus_configs() -> Vec<String> {
    let text = std::fs::read_to_string(Path::new(CORPUS).join("expected.json")).expect("expected.json is readable");
    let mut out: Vec<String> =
        text.split("\"config\"").skip(1).filter_map(|rest| rest.split('"').nth(1).map(str::to_string)).collect();
    out.sort();
    out.dedup();
    out
}

#[test]
fn every_corpus_cfg_parses_without_diagnostics() {
    let configs = corpus_configs();
    assert!(configs.len() >= 90, "found only {} configs", configs.len());
    let mut failures = Vec::new();
    let mut with_behaviour = 0;
    for rel in &configs {
        let path = Path::new(CORPUS).join(rel);
        let text = std::fs::read_to_string(&path).expect("corpus cfg is readable");
        let (cfg, diags) = parse_cfg(FileId(0), &text);
        let mut map = SourceMap::default();
        map.add(SourceFile::new(rel.clone(), rel.clone(), text));
        for d in &diags {
            failures.push(d.render(&map));
        }
        // Some corpus cfgs are empty or bind only constants (the spec then has only ASSUMEs).
        if cfg.specification.is_some() || cfg.init.is_some() {
            with_behaviour += 1;
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(with_behaviour >= 80, "only {with_behaviour} cfgs name a behaviour spec");
}
