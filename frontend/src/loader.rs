//! Module loading: the closure of a root module over EXTENDS and INSTANCE, found in the spec's
//! directory first, then in `-I` directories and `TLA_PATH`, then in the embedded [`crate::library`].

use crate::ast;
use crate::diagnostics::Diagnostic;
use crate::span::{FileId, SourceMap};
use std::path::PathBuf;

/// Where a module's text came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The spec's own directory (it shadows any library module of the same name).
    SpecDir,
    /// A `-I` directory or a `TLA_PATH` entry.
    SearchPath,
    /// The library embedded in the tla2 binary.
    Library,
    /// A module nested inside another module's text.
    Nested { parent: String },
}

#[derive(Debug, Clone)]
pub struct LoadedModule {
    pub ast: ast::Module,
    pub file: FileId,
    pub origin: Origin,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// `-I DIR` directories, searched after the spec's directory, before `TLA_PATH`.
    pub include_dirs: Vec<PathBuf>,
    /// Also search the `TLA_PATH` environment variable (`:`-separated).
    pub use_tla_path: bool,
}

/// Every module the root needs, each once, with all diagnostics met while loading them.
#[derive(Debug, Clone, Default)]
pub struct LoadedSpec {
    pub sources: SourceMap,
    /// Root first; then in the order they were first needed.
    pub modules: Vec<LoadedModule>,
    pub diagnostics: Vec<Diagnostic>,
}

impl LoadedSpec {
    pub fn root(&self) -> Option<&LoadedModule> {
        self.modules.first()
    }
    pub fn module(&self, name: &str) -> Option<&LoadedModule> {
        self.modules.iter().find(|m| m.ast.name.name == name)
    }
}
