//! The human output of a simulation: TLC's lines (`tlc2.output.MP`) in TLC's order.

mod engine_support;

use engine_support::*;
use std::sync::atomic::AtomicBool;
use tla2_runtime::cli::{parse_run_flags, RunOptions};
use tla2_runtime::engine::simulate::human::run_simulation;

fn run(spec: &Spec, flags: &str) -> (String, i32) {
    let args: Vec<String> = flags.split_whitespace().map(str::to_string).collect();
    let opts: RunOptions = parse_run_flags(&args).expect("valid flags");
    let mut out = Vec::new();
    let r = run_simulation(spec, &opts, &mut out, &AtomicBool::new(false), &mut |_| {}, None);
    (String::from_utf8(out).unwrap(), r.result.exit_code())
}

/// The output without its timestamps and core count.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| match l.find(" at ").or_else(|| l.find(" (20")).or_else(|| l.find(" on ")) {
            Some(i) if !l.starts_with("State") => l[..i].to_string(),
            _ => l.to_string(),
        })
        .collect()
}

#[test]
fn a_successful_simulation_prints_progress_then_tlc_statistics() {
    let spec = Spec::new(&["x"], &["Inc"], vec![vec![0]], |s, emit| {
        emit(0, vec![s[0] + 1]);
        Ok(())
    });
    let (text, code) = run(&spec, "M.tla -simulate num=3 -depth 4 -seed 1");
    assert_eq!(code, 0);
    assert_eq!(
        lines(&text),
        [
            "Running Random Simulation with seed 1 with 1 worker",
            "Starting...",
            "Computed 1 initial states...",
            "Finished computing initial states: 1 distinct state generated",
            "Progress: 13 states checked, 3 traces generated (trace length: mean=4, var(x)=0, sd=0)",
            "The number of states generated: 13",
            "Simulation using seed 1 and aril 0",
            "Finished in 00s",
        ]
    );
}

#[test]
fn a_deadlock_prints_the_behaviour_then_statistics_then_progress() {
    let (text, code) = run(&counts_to_three(), "M.tla -simulate num=3 -depth 10 -seed 2");
    assert_eq!(code, 11);
    let lines = lines(&text);
    let at = |s: &str| lines.iter().position(|l| l == s).unwrap_or_else(|| panic!("no line {s:?} in {text}"));
    assert!(at("Error: Deadlock reached.") < at("State 4: <Next line 5, col 1 to line 5, col 20 of module M>"));
    assert!(at("x = 3") < at("The number of states generated: 4"));
    assert!(
        at("Simulation using seed 2 and aril 0")
            < at("Progress: 4 states checked, 1 traces generated (trace length: mean=0, var(x)=0, sd=0)")
    );
}
