//! Seed 003's own integration examples (the Python and the Bash/jq snippets), run unchanged on
//! real output: each runs in a scratch directory holding `spec.tla`/`spec.cfg` copied from a
//! fixture, with the built `tla2` first on PATH. A missing `python3` or `jq` skips that example
//! with a printed note (`.ci/run` installs jq).

// Each test file uses a different part of the shared helpers.
#[allow(dead_code)]
mod common;
#[allow(dead_code)]
mod json_support;

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch directory with `spec.tla` and `spec.cfg` copied from fixture `name`.
fn scratch(name: &str, test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tla2-seed-{}-{test}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    for ext in ["tla", "cfg"] {
        let text = std::fs::read_to_string(json_support::fixture(&format!("{name}.{ext}"))).expect("read fixture");
        // The module must be named after its file, as TLC requires.
        let text = text.replace(&format!("MODULE {name}"), "MODULE spec");
        std::fs::write(dir.join(format!("spec.{ext}")), text).expect("write spec");
    }
    dir
}

fn seed_example(file: &str) -> String {
    std::fs::read_to_string(json_support::fixture(&format!("seed_examples/{file}"))).expect("read seed example")
}

fn path_with_tla2() -> String {
    let bin = common::tla2_binary();
    let dir = bin.parent().map(Path::to_path_buf).unwrap_or_default();
    format!("{}:{}", dir.display(), std::env::var("PATH").unwrap_or_default())
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// Runs `program args…` in `dir` with `tla2` on PATH; returns (success, stdout, stderr).
fn run_in(dir: &Path, program: &str, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(program).args(args).current_dir(dir).env("PATH", path_with_tla2()).output().expect("run");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_seed_python_example_prints_the_error_the_property_and_the_state_diffs() {
    if !have("python3") {
        println!("note: python3 is not installed; the seed's Python example was not run");
        return;
    }
    let dir = scratch("Kinds", "py");
    let script = seed_example("parse_counterexample.py");
    let (ok, out, err) = run_in(&dir, "python3", &["-c", &script]);
    assert!(ok, "the seed's Python example failed:\n{err}");
    assert!(out.contains("Error: invariant_violation"), "{out}");
    assert!(out.contains("Property: SmallI"), "{out}");
    assert!(out.contains("Location: ") && out.contains("spec.tla:33"), "{out}");
    assert!(out.contains("  i: 0 -> 1"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_seed_fix_suggestion_example_builds_its_prompt_from_real_output() {
    if !have("python3") {
        println!("note: python3 is not installed; the seed's fix-suggestion example was not run");
        return;
    }
    let dir = scratch("Kinds", "py-fix");
    // The seed's snippet starts from `tla2_output`; the prelude makes it and the epilogue shows
    // the prompt it built. The snippet itself is unchanged.
    let prelude = "import json, subprocess\n\
        tla2_output = subprocess.run([\"tla2\", \"check\", \"spec.tla\", \"--output\", \"json\"], \
        capture_output=True, text=True).stdout\n";
    let script = format!("{prelude}{}\nprint(context)\n", seed_example("fix_suggestion.py"));
    let (ok, out, err) = run_in(&dir, "python3", &["-c", &script]);
    assert!(ok, "the seed's fix-suggestion example failed:\n{err}");
    assert!(out.contains("The invariant `i < 1` at spec.tla:33"), "{out}");
    assert!(out.contains("The transition that led to this state was `Step`"), "{out}");
    assert!(out.contains("at spec.tla:21."), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_seed_jq_example_reports_the_status_of_a_passing_and_a_failing_run() {
    if !have("jq") {
        println!("note: jq is not installed (apt-get install -y jq); the seed's jq example was not run");
        return;
    }
    let script = seed_example("quick_status.sh");
    let dir = scratch("ConstInv", "jq-ok");
    let (ok, out, err) = run_in(&dir, "bash", &["-c", &script]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "Model checking passed");
    let _ = std::fs::remove_dir_all(&dir);
    let dir = scratch("Deadlock", "jq-error");
    let (ok, out, err) = run_in(&dir, "bash", &["-c", &script]);
    assert!(ok, "{err}");
    assert_eq!(out.trim(), "\"Deadlock reached\"");
    let _ = std::fs::remove_dir_all(&dir);
}
