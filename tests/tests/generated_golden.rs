//! The committed output of `tla2 compile` under generated/ must equal what codegen emits today
//! (`TLA2_BLESS=1 cargo test -p tla2-tests --test generated_golden` rewrites it); cargo builds
//! those crates as workspace members, so they are also known to compile.

mod common;

use std::path::{Path, PathBuf};

/// (spec, cfg, golden directory), paths from the repository root.
const GOLDENS: &[(&str, &str, &str)] = &[
    ("examples/DieHardish/Jugs.tla", "examples/DieHardish/Jugs.cfg", "generated/jugs"),
    ("tests/specs/symmetry_view/Sym.tla", "tests/specs/symmetry_view/Sym.cfg", "generated/symmetry_view"),
    (
        "tests/specs/liveness_wf_counter/Counter.tla",
        "tests/specs/liveness_wf_counter/Counter.cfg",
        "generated/liveness_counter",
    ),
    (
        "tests/specs/recursion_instance/Rec.tla",
        "tests/specs/recursion_instance/Rec.cfg",
        "generated/recursion_instance",
    ),
    // Typed mode (integers and functions over an interval).
    ("tests/bench/TokenCounters.tla", "tests/bench/TokenCounters.cfg", "generated/token_counters_typed"),
];

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every file under `dir`, as (path relative to `dir`, contents).
fn files(dir: &Path) -> Vec<(PathBuf, String)> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<(PathBuf, String)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(root, &p, out);
            } else if let Ok(text) = std::fs::read_to_string(&p) {
                out.push((p.strip_prefix(root).unwrap_or(&p).to_path_buf(), text));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn generated_crates_match_fresh_codegen_output() {
    let bless = std::env::var_os("TLA2_BLESS").is_some();
    let scratch = std::env::temp_dir().join(format!("tla2-golden-{}", std::process::id()));
    let mut stale = Vec::new();
    for (spec, cfg, golden) in GOLDENS {
        let out_dir = scratch.join(golden);
        let root = repo();
        // Relative paths from the repository root: the generated code names its source files,
        // and must not depend on where the repository is checked out.
        let out = std::process::Command::new(common::tla2_binary())
            .current_dir(&root)
            .args(["compile", spec, "-config", cfg, "--emit-only"])
            .arg(&out_dir)
            .args(["--runtime-path", "../../runtime", "--workspace-member"])
            .output()
            .expect("run tla2 compile");
        let run = common::Output {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        };
        assert_eq!(run.code, 0, "tla2 compile --emit-only {spec}: {}{}", run.stdout, run.stderr);
        let fresh = files(&out_dir);
        assert!(fresh.iter().any(|(p, _)| p == Path::new("src/main.rs")), "no src/main.rs for {golden}");
        let committed_dir = root.join(golden);
        if bless {
            let _ = std::fs::remove_dir_all(&committed_dir);
            for (path, text) in &fresh {
                let file = committed_dir.join(path);
                std::fs::create_dir_all(file.parent().expect("a file has a parent")).expect("create golden dir");
                std::fs::write(file, text).expect("write golden file");
            }
        } else if files(&committed_dir) != fresh {
            stale.push(*golden);
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
    assert!(
        stale.is_empty(),
        "generated/ is out of date for {stale:?}: codegen output changed. Review the change, then \
         run TLA2_BLESS=1 cargo test -p tla2-tests --test generated_golden"
    );
}

/// `tla2 compile` says which mode it used and why typed mode was not possible; `--mode typed`
/// makes that an error, `--mode dynamic` is always possible.
#[test]
fn compile_reports_the_mode_and_the_fallback_reason() {
    let root = repo();
    let scratch = std::env::temp_dir().join(format!("tla2-mode-{}", std::process::id()));
    let run = |spec: &str, cfg: &str, mode: &str| {
        let out = std::process::Command::new(common::tla2_binary())
            .current_dir(&root)
            .args(["compile", spec, "-config", cfg, "--mode", mode, "--emit-only"])
            .arg(scratch.join(mode))
            .output()
            .expect("run tla2 compile");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, out, _) = run("tests/bench/TokenCounters.tla", "tests/bench/TokenCounters.cfg", "auto");
    assert_eq!(code, Some(0));
    assert!(out.contains("Code generation: typed mode"), "{out}");
    let (code, out, _) = run("tests/specs/symmetry_view/Sym.tla", "tests/specs/symmetry_view/Sym.cfg", "auto");
    assert_eq!(code, Some(0));
    assert!(
        out.contains("Code generation: dynamic mode (typed mode not possible:") && out.contains("Sym.tla:"),
        "{out}"
    );
    let (code, _, err) = run("tests/specs/symmetry_view/Sym.tla", "tests/specs/symmetry_view/Sym.cfg", "typed");
    assert_ne!(code, Some(0));
    assert!(err.contains("typed mode"), "{err}");
    let (code, out, _) = run("tests/bench/TokenCounters.tla", "tests/bench/TokenCounters.cfg", "dynamic");
    assert_eq!(code, Some(0));
    assert!(out.contains("Code generation: dynamic mode\n"), "{out}");
    let _ = std::fs::remove_dir_all(&scratch);
}
