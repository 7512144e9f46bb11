//! tla2-frontend: from `.tla`/`.cfg` text to the resolved, constant-bound IR.
//!
//! Pipeline: [`lexer`] → [`parser`] (AST in [`ast`]) → [`loader`] (module closure from the spec
//! directory, search paths and the embedded [`library`]) → [`lower`] (name resolution, instance
//! expansion, cfg binding → [`ir::Program`]). [`cfg`] parses configuration files. Every stage
//! returns what it could build plus [`Diagnostic`]s; none panics on any input.

pub mod ast;
pub mod cfg;
pub mod diagnostics;
pub mod ir;
pub mod lexer;
pub mod library;
pub mod lint;
pub mod loader;
pub mod lower;
pub mod parser;
pub mod span;

pub use diagnostics::{Diagnostic, Severity};
pub use span::{FileId, Location, SourceFile, SourceMap, Span};
