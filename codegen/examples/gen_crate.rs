//! Test harness helper: `gen_crate Spec.tla [Spec.cfg] OUT_DIR` runs the frontend, calls
//! `tla2_codegen::generate` and writes a buildable crate to OUT_DIR (with a Cargo.toml that
//! depends on this checkout's runtime). Exits 2 when codegen refuses the model.

use std::path::{Path, PathBuf};

use tla2_frontend::loader::{self, LoadOptions};
use tla2_frontend::{Diagnostic, SourceFile};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (spec, cfg, out) = match args.as_slice() {
        [s, o] => (PathBuf::from(s), PathBuf::from(s).with_extension("cfg"), PathBuf::from(o)),
        [s, c, o] => (PathBuf::from(s), PathBuf::from(c), PathBuf::from(o)),
        _ => {
            eprintln!("usage: gen_crate Spec.tla [Spec.cfg] OUT_DIR");
            std::process::exit(1);
        }
    };
    let mut loaded = loader::load(&spec, &LoadOptions { include_dirs: Vec::new(), use_tla_path: true });
    let mut diags = std::mem::take(&mut loaded.diagnostics);
    let text = std::fs::read_to_string(&cfg).unwrap_or_default();
    let name = cfg.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
    let file = loaded.sources.add(SourceFile::new(cfg.display().to_string(), name, text.clone()));
    let (config, ds) = tla2_frontend::cfg::parse::parse_cfg(file, &text);
    diags.extend(ds);
    if diags.iter().any(Diagnostic::is_error) || loaded.root().is_none() {
        eprintln!("frontend errors");
        std::process::exit(3);
    }
    let (program, ds) = tla2_frontend::lower::lower(&loaded, Some(&config));
    if ds.iter().any(Diagnostic::is_error) {
        eprintln!("frontend errors");
        std::process::exit(3);
    }
    let krate = match tla2_codegen::generate(&program, &loaded.sources) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let runtime = runtime.canonicalize().unwrap_or(runtime);
    let manifest = format!(
        "[package]\nname = \"tla2-gen-{}\"\nversion = \"0.1.0\"\nedition = \"2021\"\n\n[dependencies]\ntla2-runtime = {{ path = \"{}\" }}\nserde_json = \"1\"\n\n[workspace]\n\n[profile.release]\nopt-level = 3\n",
        program.module.to_lowercase().replace(|c: char| !c.is_ascii_alphanumeric(), "-"),
        runtime.display()
    );
    std::fs::create_dir_all(out.join("src")).expect("create the output directory");
    std::fs::write(out.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    for (path, text) in &krate.files {
        std::fs::write(out.join(path), text).expect("write a source file");
    }
}
