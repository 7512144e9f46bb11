//! Helpers shared by the integration tests: locating and running the `tla2` binary.

use std::path::PathBuf;
use std::process::Command;

/// The `tla2` binary (target/debug/tla2), built once per test process: `cargo test` builds
/// the binaries of the package under test only, and this package is not `tla2`'s.
pub fn tla2_binary() -> PathBuf {
    static BUILT: std::sync::OnceLock<Result<(), String>> = std::sync::OnceLock::new();
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../target"));
    let built = BUILT.get_or_init(|| {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "tla2"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .map_err(|e| format!("cannot run cargo: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("cargo build -p tla2 failed: {status}"))
        }
    });
    if let Err(e) = built {
        panic!("{e}");
    }
    let exe = target.join("debug").join(format!("tla2{}", std::env::consts::EXE_SUFFIX));
    assert!(exe.exists(), "cargo build -p tla2 did not leave {}", exe.display());
    exe
}

pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn tla2(args: &[&str]) -> Output {
    let out = Command::new(tla2_binary()).args(args).output().expect("run tla2");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Path of a file in `tests/cli_inputs/`.
#[allow(dead_code)]
pub fn inputs(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("cli_inputs").join(name).display().to_string()
}

/// Path of a file or directory in `tests/`.
#[allow(dead_code)]
pub fn tests_dir(rel: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel).display().to_string()
}
