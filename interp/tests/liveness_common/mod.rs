//! Shared by the liveness tests: load a spec with its cfg and check its properties.
#![allow(dead_code)]

use std::path::Path;

use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::loader::{load, LoadOptions};
use tla2_frontend::{Diagnostic, SourceFile};
use tla2_interp::liveness::{check_properties, LivenessOutcome};
use tla2_interp::InterpModel;
use tla2_runtime::liveness::LivenessOptions;

fn first_error(ds: &[Diagnostic]) -> Option<String> {
    ds.iter().find(|d| d.is_error()).map(|d| format!("{d:?}"))
}

/// Loads `module` with `config` (paths relative to the repository) and checks its properties.
pub fn run(module: &Path, config: &Path) -> Result<LivenessOutcome, String> {
    let mut loaded = load(module, &LoadOptions::default());
    if let Some(e) = first_error(&loaded.diagnostics) {
        return Err(format!("load: {e}"));
    }
    let text = std::fs::read_to_string(config).map_err(|e| e.to_string())?;
    let file = loaded.sources.add(SourceFile::new(config.display().to_string(), "cfg".into(), text.clone()));
    let (cfg, ds) = parse_cfg(file, &text);
    if let Some(e) = first_error(&ds) {
        return Err(format!("cfg: {e}"));
    }
    let (program, ds) = tla2_frontend::lower::lower(&loaded, Some(&cfg));
    if let Some(e) = first_error(&ds) {
        return Err(format!("lower: {e}"));
    }
    let model = InterpModel::new(program, loaded.sources).map_err(|e| e.to_string())?;
    Ok(check_properties(&model, &LivenessOptions::default()))
}
