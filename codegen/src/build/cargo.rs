//! Runs cargo on a generated crate, streaming its progress, and reports a failed build of
//! generated code as what it is: a tla2 bug, with the crate kept for inspection.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BuildError {
    /// cargo is not installed (a Rust toolchain is needed to compile specs).
    NoCargo(String),
    /// The generated crate did not compile: a bug in tla2's code generator.
    Cargo {
        crate_dir: PathBuf,
        output: String,
    },
    Io(String),
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BuildError::NoCargo(e) => {
                write!(f, "cannot run cargo ({e}); `tla2 compile` needs a Rust toolchain (https://rustup.rs)")
            }
            BuildError::Cargo { crate_dir, output } => write!(
                f,
                "the generated code did not compile. This is a bug in tla2, please report it; the crate is kept at {} for inspection.\n{output}",
                crate_dir.display()
            ),
            BuildError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// The cargo to run: `$CARGO` (set when tla2 itself runs under cargo), else `cargo` on the PATH,
/// else rustup's default location.
fn cargo_command() -> PathBuf {
    if let Some(c) = std::env::var_os("CARGO").filter(|c| !c.is_empty()) {
        return PathBuf::from(c);
    }
    let on_path = Command::new("cargo").arg("--version").stdout(Stdio::null()).stderr(Stdio::null()).status();
    if on_path.is_ok_and(|s| s.success()) {
        return PathBuf::from("cargo");
    }
    match std::env::var_os("HOME") {
        Some(h) => PathBuf::from(h).join(".cargo").join("bin").join("cargo"),
        None => PathBuf::from("cargo"),
    }
}

/// Builds the crate in `dir` (release) into `target`; returns the path of its binary.
pub fn build_crate(
    dir: &Path,
    target: &Path,
    name: &str,
    progress: &mut dyn FnMut(&str),
) -> Result<PathBuf, BuildError> {
    let mut cmd = Command::new(cargo_command());
    cmd.arg("build")
        .arg("--release")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .arg("--color=never")
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    if let Ok(jobs) = std::env::var("TLA2_COMPILE_JOBS") {
        cmd.arg("-j").arg(jobs);
    }
    let mut child = cmd.spawn().map_err(|e| BuildError::NoCargo(e.to_string()))?;
    let mut output = Vec::new();
    if let Some(err) = child.stderr.take() {
        for line in BufReader::new(err).lines().map_while(Result::ok) {
            progress(&line);
            output.push(line);
        }
    }
    let status = child.wait().map_err(|e| BuildError::Io(e.to_string()))?;
    if !status.success() {
        let tail: Vec<String> = output.iter().rev().take(60).rev().cloned().collect();
        return Err(BuildError::Cargo { crate_dir: dir.to_path_buf(), output: tail.join("\n") });
    }
    let bin = target.join("release").join(super::binary_name(&super::crate_writer::package_name(name)));
    if !bin.is_file() {
        return Err(BuildError::Io(format!("cargo reported success but {} is missing", bin.display())));
    }
    Ok(bin)
}
