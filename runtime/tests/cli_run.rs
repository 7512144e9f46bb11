//! `run_check`: TLC's human output of a whole run, and stopping a run from outside.

#[path = "engine_support/mod.rs"]
mod engine_support;

use engine_support::*;
use std::sync::atomic::AtomicBool;
use tla2_runtime::cli::{ignored_flags_note, parse_run_flags, run_check};
use tla2_runtime::report::Status;

fn flags(line: &str) -> tla2_runtime::cli::RunOptions {
    parse_run_flags(&line.split_whitespace().map(str::to_string).collect::<Vec<_>>()).unwrap()
}

#[test]
fn a_run_prints_tlc_lines_from_start_to_finish() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("-workers 2 DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert_eq!(result.exit_code(), 12);
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Starting... ("));
    assert_eq!(lines[1], "Computing initial states...");
    assert!(lines[2].starts_with("Finished computing initial states: 1 distinct state generated at "));
    assert_eq!(lines[3], "Error: Invariant NotSolved is violated.");
    assert!(text.contains("\n73 states generated, 14 distinct states found, 1 states left on queue.\n"));
    // TLC's last line, then only tla2's explanation of the counterexample.
    let finished = lines.iter().position(|l| l.starts_with("Finished in 00s at (")).expect("TLC's last line");
    assert!(lines[finished + 1..].iter().all(|l| l.starts_with("tla2: ") || l.starts_with("  ")), "{text}");
}

#[test]
fn continue_prints_each_violation_then_success() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("-continue DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert_eq!(result.exit_code(), 0);
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("Error: Invariant NotSolved is violated.").count(), 2);
    assert!(text.contains("Model checking completed. No error has been found."));
    assert!(text.contains("97 states generated, 16 distinct states found, 0 states left on queue."));
}

#[test]
fn a_stop_request_ends_the_run_as_interrupted() {
    let mut out = Vec::new();
    let result = run_check(&grid(), &flags("Grid.tla"), &mut out, &AtomicBool::new(true));
    assert_eq!(result.status, Status::Interrupted);
    assert!(result.stats.distinct < 160_000);
}

#[test]
fn json_output_leaves_printing_to_the_caller() {
    let mut out = Vec::new();
    let result = run_check(&die_hard(), &flags("--output json DieHard.tla"), &mut out, &AtomicBool::new(false));
    assert!(out.is_empty());
    assert_eq!(result.trace.len(), 7);
}

#[test]
fn ignored_flags_are_named_in_one_note() {
    assert_eq!(ignored_flags_note(&flags("Spec.tla")), None);
    assert_eq!(
        ignored_flags_note(&flags("-cleanup -noTE Spec.tla")).unwrap(),
        "tla2: ignoring TLC flags that have no effect here: -cleanup, -noTE"
    );
}

#[test]
fn dump_trace_writes_tlc_counterexample_files_before_the_statistics() {
    let dir = std::env::temp_dir().join(format!("tla2-dump-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let json = dir.join("cex.json").to_string_lossy().into_owned();
    let tla = dir.join("cex.tla").to_string_lossy().into_owned();
    let mut out = Vec::new();
    let line = format!("-dumpTrace json {json} -dumpTrace tla {tla} DieHard.tla");
    run_check(&counts_to_three(), &flags(&line), &mut out, &AtomicBool::new(false));
    let text = String::from_utf8(out).unwrap();
    let written = text.find(&format!("\"CounterExample written: {json}\"")).expect("json line");
    assert!(written < text.find("4 states generated").unwrap());
    let loc = |l: u32| {
        format!(
            "\"location\":{{\"beginLine\":{l},\"beginColumn\":1,\"endLine\":{l},\"endColumn\":20,\"module\":\"M\"}}"
        )
    };
    assert_eq!(
        std::fs::read_to_string(&json).unwrap(),
        format!(
            "{{\"counterexample\":{{\"action\":[[[1,{{\"x\":0}}],{{\"name\":\"Next\",{l}}},[2,{{\"x\":1}}]],[[2,{{\"x\":1}}],{{\"name\":\"Next\",{l}}},[3,{{\"x\":2}}]],[[3,{{\"x\":2}}],{{\"name\":\"Next\",{l}}},[4,{{\"x\":3}}]]],\"state\":[[1,{{\"x\":0}}],[2,{{\"x\":1}}],[3,{{\"x\":2}}],[4,{{\"x\":3}}]]}},\"vars\":[\"x\"]}}",
            l = loc(5)
        )
    );
    let module = std::fs::read_to_string(&tla).unwrap();
    assert!(module.starts_with(&format!("---- MODULE {} ----\nLOCAL INSTANCE TLC\n\nCounterExample == \n\t[action |-> {{<<<<1, [x |-> 0]>>, [name |-> \"Next\", location |-> [beginLine |-> 5,", tla.replacen(".tla", "", 1))));
    assert!(
        module.ends_with("state |-> {<<1, [x |-> 0]>>, <<2, [x |-> 1]>>, <<3, [x |-> 2]>>, <<4, [x |-> 3]>>}]\n\n====")
    );
    std::fs::remove_dir_all(&dir).unwrap();
}
