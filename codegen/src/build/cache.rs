//! Where compiled specs live: the cache directory and the runtime sources written into it.

use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/runtime_sources.rs"));
}

pub use embedded::WORKSPACE_LOCK;

/// `$TLA2_CACHE_DIR`, else `$XDG_CACHE_HOME/tla2`, else `~/.cache/tla2`, else a temp dir.
pub fn cache_dir() -> PathBuf {
    if let Some(d) = std::env::var_os("TLA2_CACHE_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(d);
    }
    if let Some(d) = std::env::var_os("XDG_CACHE_HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(d).join("tla2");
    }
    if let Some(h) = std::env::var_os("HOME").filter(|d| !d.is_empty()) {
        return PathBuf::from(h).join(".cache").join("tla2");
    }
    std::env::temp_dir().join("tla2-cache")
}

/// A stable hash of the embedded runtime, which names its directory in the cache.
pub fn runtime_hash() -> String {
    let mut h = super::crate_writer::Hasher::default();
    h.update(embedded::RUNTIME_MANIFEST);
    for (path, text) in embedded::RUNTIME_SOURCES {
        h.update(path);
        h.update(text);
    }
    h.hex()
}

/// The runtime sources embedded in this tla2, written under `cache` once (atomically: a
/// half-written copy is never used).
pub fn runtime_dir(cache: &Path) -> std::io::Result<PathBuf> {
    let dir = cache.join(format!("runtime-{}-{}", env!("CARGO_PKG_VERSION"), &runtime_hash()[..16]));
    if dir.join("Cargo.toml").is_file() {
        return Ok(dir);
    }
    std::fs::create_dir_all(cache)?;
    let tmp = cache.join(format!(".runtime-tmp-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&tmp);
    for (path, text) in embedded::RUNTIME_SOURCES {
        let file = tmp.join(path);
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(file, text)?;
    }
    std::fs::write(tmp.join("Cargo.toml"), embedded::RUNTIME_MANIFEST)?;
    match std::fs::rename(&tmp, &dir) {
        Ok(()) => Ok(dir),
        // Another tla2 wrote it first.
        Err(_) if dir.join("Cargo.toml").is_file() => {
            let _ = std::fs::remove_dir_all(&tmp);
            Ok(dir)
        }
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_runtime_is_embedded_with_a_standalone_manifest() {
        assert!(embedded::RUNTIME_SOURCES.iter().any(|(p, _)| *p == "src/lib.rs"));
        assert!(embedded::RUNTIME_SOURCES.len() > 20);
        assert!(!embedded::RUNTIME_MANIFEST.contains("workspace = true"));
        assert!(embedded::RUNTIME_MANIFEST.contains("name = \"tla2-runtime\""));
        assert!(!embedded::RUNTIME_MANIFEST.contains("[dev-dependencies]"));
    }

    #[test]
    fn the_runtime_is_written_once_into_the_cache() {
        let cache = std::env::temp_dir().join(format!("tla2-cache-test-{}", std::process::id()));
        let dir = runtime_dir(&cache).expect("temp dir is writable");
        assert!(dir.join("src/lib.rs").is_file());
        assert_eq!(runtime_dir(&cache).ok(), Some(dir));
        let _ = std::fs::remove_dir_all(&cache);
    }
}
