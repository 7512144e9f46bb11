//! Runs the frontend for a command: loads the spec closure, parses the cfg, lowers to the IR,
//! runs the static lints (warnings for the pitfalls of `tla2_frontend::lint`), and gathers every
//! diagnostic with the exit code TLC would give.

use std::path::{Path, PathBuf};
use tla2_frontend::cfg::Config;
use tla2_frontend::ir::Program;
use tla2_frontend::loader::{self, LoadOptions, LoadedSpec};
use tla2_frontend::{Diagnostic, SourceFile, Span};

/// TLC's exit codes for a bad spec and a bad cfg.
pub const EXIT_PARSE: i32 = 150;
pub const EXIT_CONFIG: i32 = 151;

#[derive(Debug, Default, Clone)]
pub struct FrontendInput {
    pub spec: PathBuf,
    /// `None`: for `check`, `Spec.cfg` beside the spec; for `parse`, no cfg.
    pub config: Option<PathBuf>,
    pub include_dirs: Vec<PathBuf>,
}

pub struct FrontendRun {
    pub loaded: LoadedSpec,
    pub program: Option<Program>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FrontendRun {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
    /// 0, or TLC's 151 when the first error is the cfg's, else 150.
    pub fn exit_code(&self) -> i32 {
        match self.diagnostics.iter().find(|d| d.is_error()) {
            None => 0,
            Some(d) if d.is_config() => EXIT_CONFIG,
            Some(_) => EXIT_PARSE,
        }
    }
}

/// The spec path as TLC takes it: `Spec` means `Spec.tla`.
pub fn spec_path(given: &Path) -> PathBuf {
    if given.extension().is_none() && !given.exists() {
        given.with_extension("tla")
    } else {
        given.to_path_buf()
    }
}

/// The cfg TLC would read: the one given, or `Spec.cfg` beside the spec.
pub fn default_config(spec: &Path) -> PathBuf {
    spec.with_extension("cfg")
}

pub fn load_frontend(input: &FrontendInput, cfg_optional: bool) -> FrontendRun {
    let spec = spec_path(&input.spec);
    let opts = LoadOptions { include_dirs: input.include_dirs.clone(), use_tla_path: true };
    let mut loaded = loader::load(&spec, &opts);
    let mut diagnostics = std::mem::take(&mut loaded.diagnostics);
    let cfg_path = match (&input.config, cfg_optional) {
        (Some(p), _) => Some(p.clone()),
        (None, true) => None,
        (None, false) => Some(default_config(&spec)),
    };
    let config = cfg_path.and_then(|p| read_config(&mut loaded, &p, &mut diagnostics));
    let mut program = None;
    if !diagnostics.iter().any(Diagnostic::is_error) && loaded.root().is_some() {
        let (p, ds) = tla2_frontend::lower::lower(&loaded, config.as_ref());
        diagnostics.extend(ds);
        if !diagnostics.iter().any(Diagnostic::is_error) {
            diagnostics.extend(tla2_frontend::lint::lint(&p, &loaded.sources));
        }
        program = Some(p);
    }
    FrontendRun { loaded, program, diagnostics }
}

fn read_config(loaded: &mut LoadedSpec, path: &Path, diags: &mut Vec<Diagnostic>) -> Option<Config> {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            let file = loaded.sources.add(SourceFile::new(path.display().to_string(), name, text.clone()));
            let (cfg, ds) = tla2_frontend::cfg::parse::parse_cfg(file, &text);
            diags.extend(ds);
            Some(cfg)
        }
        Err(e) => {
            diags.push(Diagnostic::error(
                "CFG_FILE_NOT_FOUND",
                Span::NONE,
                format!("cannot read the configuration file {}: {e}", path.display()),
            ));
            None
        }
    }
}
