//! Embeds the runtime crate's sources (and the workspace's Cargo.lock) in tla2-codegen, so that an
//! installed `tla2` can write them next to a generated crate and build it from any directory.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let root = manifest.parent().expect("codegen/ is inside the workspace").to_path_buf();
    let runtime = root.join("runtime");
    println!("cargo:rerun-if-changed={}", runtime.join("src").display());
    println!("cargo:rerun-if-changed={}", runtime.join("Cargo.toml").display());
    println!("cargo:rerun-if-changed={}", root.join("Cargo.toml").display());
    println!("cargo:rerun-if-changed={}", root.join("Cargo.lock").display());

    let mut files = Vec::new();
    collect(&runtime.join("src"), &mut files);
    files.sort();
    let mut out = String::from("/// `(path relative to runtime/, contents)` of every runtime source file.\n");
    out.push_str("pub static RUNTIME_SOURCES: &[(&str, &str)] = &[\n");
    for f in &files {
        let rel = f.strip_prefix(&runtime).expect("collected under runtime/").to_string_lossy().replace('\\', "/");
        let _ = writeln!(out, "    ({rel:?}, include_str!({:?})),", f.display().to_string());
    }
    out.push_str("];\n");
    let manifest_text = standalone_manifest(&root, &runtime);
    let _ = writeln!(out, "/// The runtime's Cargo.toml with the workspace's inherited fields written out.");
    let _ = writeln!(out, "pub static RUNTIME_MANIFEST: &str = {manifest_text:?};");
    let lock = std::fs::read_to_string(root.join("Cargo.lock")).unwrap_or_default();
    let _ = writeln!(out, "/// The workspace's Cargo.lock: generated crates start from the same dependency versions.");
    let _ = writeln!(out, "pub static WORKSPACE_LOCK: &str = {lock:?};");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("runtime_sources.rs");
    std::fs::write(dest, out).expect("OUT_DIR is writable");
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            collect(&p, files);
        } else if p.extension().is_some_and(|x| x == "rs") {
            files.push(p);
        }
    }
}

/// runtime/Cargo.toml without `workspace = true` inheritance and without dev-dependencies.
fn standalone_manifest(root: &Path, runtime: &Path) -> String {
    let workspace = std::fs::read_to_string(root.join("Cargo.toml")).unwrap_or_default();
    let own = std::fs::read_to_string(runtime.join("Cargo.toml")).unwrap_or_default();
    let mut deps = std::collections::HashMap::new();
    let mut package = std::collections::HashMap::new();
    let mut section = String::new();
    for line in workspace.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.to_string();
            continue;
        }
        let Some((k, v)) = t.split_once('=') else { continue };
        match section.as_str() {
            "[workspace.dependencies]" => deps.insert(k.trim().to_string(), v.trim().to_string()),
            "[workspace.package]" => package.insert(k.trim().to_string(), v.trim().to_string()),
            _ => None,
        };
    }
    let mut out = String::new();
    let mut section = String::new();
    for line in own.lines() {
        let t = line.trim();
        if t.starts_with('[') {
            section = t.to_string();
        }
        if section == "[dev-dependencies]" {
            continue;
        }
        if let Some(name) = t.strip_suffix(".workspace = true") {
            let table = if section == "[package]" { &package } else { &deps };
            if let Some(spec) = table.get(name) {
                let _ = writeln!(out, "{name} = {spec}");
                continue;
            }
        }
        let _ = writeln!(out, "{line}");
    }
    out
}
