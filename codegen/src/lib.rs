//! tla2-codegen: lowers the IR of one (spec, cfg) pair to the sources of a Rust crate whose
//! binary is a checker for that model, equivalent to `tla2 check` on the interpreter.
//!
//! Entry point: [`generate`] returns the files under the crate root (`src/main.rs`,
//! `src/spec.rs`); the caller writes `Cargo.toml` with the dependencies `tla2-runtime` and
//! `serde_json`. `src/main.rs` is `std::process::exit(tla2_runtime::checker::main(spec::Spec::new()))`,
//! so the binary takes TLC's flags and prints the same reports as `tla2 check`.
//!
//! Two modes ([`Mode`], [`generate_mode`]): *typed mode* (module `typed`) when every variable
//! and expression of the spec has a type it represents natively — a packed `Copy` state and
//! straight-line actions, many times faster — wrapped around the dynamic model, which it reuses
//! for Init, the split of Next, metadata and any state on which typed code meets an error; and
//! *dynamic mode* for every other spec (the fallback, with the reason reported by
//! [`ModeUsed::Dynamic`]).
//!
//! The dynamic model (`spec::Spec`) implements `runtime::model::Model` and
//! `runtime::checker::SpecModel` in *dynamic mode*: a state is a boxed slice of
//! `runtime::Value`s, each operator is a Rust function over `Value`s (operator arguments and
//! LAMBDAs are closures behind `runtime::compiled::Op`), each action of Next is a Rust function
//! named after its TLA+ action that walks the action with TLC's primed-variable semantics
//! (continuations are closures), and builtins are the runtime's own functions. Semantics follow
//! the interpreter (`interp/`) step for step, so counts, traces and errors are the same.
//! Temporal properties are translated to `runtime::liveness` formulas when the crate is
//! generated; their atoms are generated functions, instantiated (one per element of a
//! quantified constant domain) when the check starts. Code is built with `quote` and formatted
//! with `prettyplease`.
//!
//! Modules: `env` (generator state, what each TLA+ local is in Rust), `expr` (value-level
//! expressions), `walk` (actions and Init with TLC's primed-variable semantics), `split` (Next
//! into TLC's named actions), `defs` (definitions and recursive functions as Rust functions),
//! `liveness` (PROPERTY and fairness), `explain` (trace specs: why each action refuses a log
//! line), `model` (`spec.rs`: statics and the `Spec` model),
//! `analysis` (constant-level definitions, free locals of LET definitions), `typed` (typed mode:
//! type inference, typed expressions and actions, the typed model).
//!
//! Testing: `codegen/tests/compare.py` generates, builds and runs the checker of each model
//! and compares its `--output json` report with `tla2 check`'s (see the script's doc).

mod analysis;
pub mod build;
mod defs;
mod env;
mod explain;
mod expr;
mod liveness;
mod model;
mod split;
pub mod typed;
mod walk;

use std::path::PathBuf;

use tla2_frontend::ir::Program;
use tla2_frontend::SourceMap;

/// The generated sources, paths relative to the crate root (e.g. `src/main.rs`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedCrate {
    pub files: Vec<(PathBuf, String)>,
}

/// Why a model could not be compiled (the interpreter may still check it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodegenError {
    /// A construct the generator does not handle yet, with where it is.
    Unsupported { what: String, location: Option<String> },
    /// The generated tokens did not parse as Rust (a bug of the generator).
    Internal(String),
}

impl std::fmt::Display for CodegenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CodegenError::Unsupported { what, location: Some(l) } => write!(f, "codegen does not support {what} ({l})"),
            CodegenError::Unsupported { what, location: None } => write!(f, "codegen does not support {what}"),
            CodegenError::Internal(m) => write!(f, "internal codegen error: {m}"),
        }
    }
}

impl std::error::Error for CodegenError {}

/// Which model the generated checker uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Typed if the spec allows it, else dynamic.
    #[default]
    Auto,
    /// Typed, or an error saying why not.
    Typed,
    /// Dynamic.
    Dynamic,
}

/// The mode a generated checker uses; for dynamic under `Mode::Auto`, why typed was not possible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModeUsed {
    Typed,
    Dynamic { reason: Option<String> },
}

/// Generates the checker crate's sources for `program` (whose spans refer to `sources`), in
/// typed mode when possible.
pub fn generate(program: &Program, sources: &SourceMap) -> Result<GeneratedCrate, CodegenError> {
    generate_mode(program, sources, Mode::Auto).map(|(c, _)| c)
}

/// [`generate`] in the given mode; also says which mode was used.
pub fn generate_mode(
    program: &Program,
    sources: &SourceMap,
    mode: Mode,
) -> Result<(GeneratedCrate, ModeUsed), CodegenError> {
    let typed = match mode {
        Mode::Dynamic => Err(None),
        _ => {
            let (spec, leaves) = model::generate_spec(program, sources, true)?;
            typed::typed_spec(program, sources, &leaves).map(|t| (spec, t)).map_err(Some)
        }
    };
    let (spec, used) = match typed {
        Ok((mut spec, t)) => {
            spec.extend(t);
            (spec, ModeUsed::Typed)
        }
        Err(Some(e)) if mode == Mode::Typed => return Err(e),
        Err(reason) => {
            let (spec, _) = model::generate_spec(program, sources, false)?;
            (spec, ModeUsed::Dynamic { reason: reason.map(|e| e.to_string()) })
        }
    };
    let model = match used {
        ModeUsed::Typed => quote::quote! { spec::typed::Spec },
        ModeUsed::Dynamic { .. } => quote::quote! { spec::Spec },
    };
    let main = quote::quote! {
        //! Checker generated by tla2 codegen.
        // prettyplease formats the generated code; rustfmt must leave it as it is.
        #[rustfmt::skip]
        mod spec;
        fn main() {
            std::process::exit(tla2_runtime::checker::main(#model::new()))
        }
    };
    Ok(GeneratedCrate {
        files: vec![
            (PathBuf::from("src/main.rs"), format_file(main)?),
            (PathBuf::from("src/spec.rs"), format_file(spec)?),
        ],
    }
    .with_mode(used))
}

impl GeneratedCrate {
    fn with_mode(self, used: ModeUsed) -> (GeneratedCrate, ModeUsed) {
        (self, used)
    }
}

fn format_file(tokens: proc_macro2::TokenStream) -> Result<String, CodegenError> {
    let file = syn::parse2::<syn::File>(tokens).map_err(|e| CodegenError::Internal(e.to_string()))?;
    Ok(prettyplease::unparse(&file))
}
