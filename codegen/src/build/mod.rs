//! The compile pipeline after code generation: writes a generated crate beside a copy of the
//! runtime's sources, builds it with cargo in one shared target directory, and caches the result
//! by a content hash of the spec closure, the cfg, the generated code and the tla2 version.
//!
//! Cache layout (`$TLA2_CACHE_DIR`, else `$XDG_CACHE_HOME/tla2`, else `~/.cache/tla2`):
//! `runtime-<version>-<hash>/` (the embedded runtime sources, written once), `target/` (one cargo
//! target directory for every compiled spec, so the runtime and its dependencies build once), and
//! `specs/<Module>-<hash>/` (a generated crate, its `checker` binary once built).

mod cache;
mod cargo;
mod crate_writer;

pub use cache::{cache_dir, runtime_dir};
pub use cargo::{build_crate, BuildError};
pub use crate_writer::{content_hash, write_crate, CrateSpec};

use std::path::PathBuf;
use std::time::Duration;

/// How a compile went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildOutcome {
    /// The same spec, cfg and tla2 version were compiled before: the binary was reused.
    Cached {
        binary: PathBuf,
    },
    Built {
        binary: PathBuf,
        took: Duration,
    },
}

impl BuildOutcome {
    pub fn binary(&self) -> &PathBuf {
        match self {
            BuildOutcome::Cached { binary } | BuildOutcome::Built { binary, .. } => binary,
        }
    }
}

/// Writes the crate for `spec` in the cache and builds it, unless an identical build exists.
/// `progress` receives cargo's progress lines as they come.
pub fn compile_cached(spec: &CrateSpec<'_>, progress: &mut dyn FnMut(&str)) -> Result<BuildOutcome, BuildError> {
    let cache = cache_dir();
    let runtime = runtime_dir(&cache).map_err(|e| BuildError::Io(format!("writing the runtime sources: {e}")))?;
    let hash = content_hash(spec);
    let dir = cache.join("specs").join(format!("{}-{}", spec.name, &hash[..16]));
    let binary = dir.join(binary_name("checker"));
    if binary.is_file() && dir.join(".built").is_file() {
        return Ok(BuildOutcome::Cached { binary });
    }
    write_crate(&dir, spec, &runtime, false).map_err(|e| BuildError::Io(format!("writing {}: {e}", dir.display())))?;
    let started = std::time::Instant::now();
    let built = build_crate(&dir, &cache.join("target"), spec.name, progress)?;
    std::fs::copy(&built, &binary).map_err(|e| BuildError::Io(format!("copying {}: {e}", built.display())))?;
    std::fs::write(dir.join(".built"), &hash).map_err(|e| BuildError::Io(e.to_string()))?;
    Ok(BuildOutcome::Built { binary, took: started.elapsed() })
}

/// `name` with the platform's executable suffix.
pub fn binary_name(name: &str) -> String {
    format!("{name}{}", std::env::consts::EXE_SUFFIX)
}
