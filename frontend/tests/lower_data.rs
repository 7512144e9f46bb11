//! Data-driven lowering tests: each `test_data/lower/NAME.tla` (with `NAME.cfg` when present)
//! is loaded, lowered, and dumped to `NAME.ir` (the IR dump, then the diagnostics).
//! Re-bless the expected files with `UPDATE_EXPECT=1 cargo test -p tla2-frontend --test lower_data`.

use expect_test::expect_file;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::lower::{dump::dump, lower};
use tla2_frontend::span::SourceFile;

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/lower")
}

/// The dump of one test file: IR, model, then each diagnostic as `code line:col message`.
fn run(tla: &Path) -> String {
    let mut spec = load(tla, &LoadOptions::default());
    let cfg_path = tla.with_extension("cfg");
    let mut diags = std::mem::take(&mut spec.diagnostics);
    let cfg = match std::fs::read_to_string(&cfg_path) {
        Ok(text) => {
            let name = cfg_path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let file = spec.sources.add(SourceFile::new(name.clone(), name, text.clone()));
            let (cfg, cd) = parse_cfg(file, &text);
            diags.extend(cd);
            Some(cfg)
        }
        Err(_) => None,
    };
    let (program, ld) = lower(&spec, cfg.as_ref());
    diags.extend(ld);
    let mut out = dump(&program);
    for d in &diags {
        let loc = spec.sources.location(d.span);
        let help = d.suggestion.as_ref().map(|s| format!(" (help: {})", s.message)).unwrap_or_default();
        let _ = writeln!(out, "{} {}:{} {}{help}", d.code, loc.line, loc.column, d.message);
    }
    out
}

#[test]
fn every_lowering_test_file_matches_its_expected_dump() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data_dir())
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "tla"));
    files.sort();
    assert!(files.len() >= 7, "test_data/lower has {} .tla files", files.len());
    for tla in files {
        expect_file![tla.with_extension("ir")].assert_eq(&run(&tla));
    }
}
