//! Ctrl-C stops a run cleanly: partial statistics, status `interrupted`, no panic; and the
//! human output adds tla2's explanation of a counterexample after TLC's lines.

mod common;

use common::{inputs, tests_dir, tla2, tla2_binary};
use std::process::{Command, Stdio};
use std::time::Duration;

#[test]
fn ctrl_c_stops_the_run_with_partial_statistics_and_status_interrupted() {
    let child = Command::new(tla2_binary())
        .args(["check", &inputs("Endless.tla"), "--output", "json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run tla2");
    std::thread::sleep(Duration::from_millis(1500));
    let sent = Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("run kill");
    assert!(sent.success());
    let out = child.wait_with_output().expect("tla2 ends after Ctrl-C");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{e}: {stdout}"));
    assert_eq!(json["result"]["status"], "interrupted", "{stdout}");
    assert!(json["statistics"]["states_distinct"].as_u64().unwrap_or(0) > 0, "{stdout}");
    assert_eq!(out.status.code(), Some(255), "{stdout}");
}

#[test]
fn human_output_explains_the_counterexample_after_tlcs_lines() {
    let out = tla2(&["check", &tests_dir("specs/jugs/Jugs.tla")]);
    assert_eq!(out.code, 12, "{}", out.stdout);
    let finished = out.stdout.find("Finished in").expect("TLC's last line");
    let extra = &out.stdout[finished..];
    assert!(extra.contains("tla2: Invariant NotFour is defined at "), "{}", out.stdout);
    assert!(extra.contains("  1 -> 2 (FillBig): big: 0 -> 5\n"), "{}", out.stdout);
}
