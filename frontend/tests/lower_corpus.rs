//! Acceptance test: every model of the conformance corpus loads and lowers with its cfg
//! without a single diagnostic.

use std::path::{Path, PathBuf};
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::lower::lower;
use tla2_frontend::span::SourceFile;

/// (module, config) paths of `expected.json`, read without a JSON dependency: each model
/// object lists `"module": "…"` before `"config": "…"`.
fn models(expected: &str) -> Vec<(String, String)> {
    let values = |key: &str| -> Vec<String> {
        let pat = format!("\"{key}\": \"");
        expected
            .match_indices(&pat)
            .filter_map(|(i, _)| {
                let rest = &expected[i + pat.len()..];
                rest.find('"').map(|end| rest[..end].to_string())
            })
            .collect()
    };
    values("module").into_iter().zip(values("config")).collect()
}

/// Loads, parses the cfg and lowers one model; returns its diagnostics rendered.
fn check(root: &Path, module: &str, config: &str) -> Vec<String> {
    let mut spec = load(&root.join(module), &LoadOptions::default());
    let cfg_path = root.join(config);
    let text = match std::fs::read_to_string(&cfg_path) {
        Ok(t) => t,
        Err(e) => return vec![format!("cannot read {}: {e}", cfg_path.display())],
    };
    let stem = cfg_path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let file = spec.sources.add(SourceFile::new(cfg_path.display().to_string(), stem, text.clone()));
    let (cfg, cfg_diags) = parse_cfg(file, &text);
    let (_, diags) = lower(&spec, Some(&cfg));
    let all = spec.diagnostics.iter().chain(&cfg_diags).chain(&diags);
    all.map(|d| d.render(&spec.sources)).collect()
}

#[test]
fn every_corpus_model_loads_and_lowers_without_diagnostics() {
    let root: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus");
    let Ok(expected) = std::fs::read_to_string(root.join("expected.json")) else {
        eprintln!("note: the conformance corpus is absent ({}); nothing to check", root.display());
        return;
    };
    let models = models(&expected);
    let mut failures = Vec::new();
    for (module, config) in &models {
        let diags = check(&root, module, config);
        if !diags.is_empty() {
            failures.push(format!("{config}: {} diagnostic(s)\n{}", diags.len(), diags.join("")));
        }
    }
    let passed = models.len() - failures.len();
    eprintln!("corpus: {passed}/{} models lower without diagnostics", models.len());
    for f in &failures {
        eprintln!("{f}");
    }
    assert_eq!(models.len(), 97, "expected.json lists 97 models");
    assert!(failures.is_empty(), "{} model(s) have diagnostics", failures.len());
}
