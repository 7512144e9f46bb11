//! Run-flag parsing: TLC's flags as scripts pass them, tla2's own flags, and errors.

use tla2_runtime::cli::{parse_run_flags, LivenessCheck, OutputFormat, SimulateOptions, TraceFormat, Workers};

fn parse(line: &str) -> Result<tla2_runtime::cli::RunOptions, String> {
    let args: Vec<String> = line.split_whitespace().map(str::to_string).collect();
    parse_run_flags(&args)
}

#[test]
fn the_corpus_command_line_of_tlc_parses() {
    let o = parse("-workers 1 -lncheck final -cleanup -config MC.cfg MC.tla").unwrap();
    assert_eq!(o.workers, Workers::Count(1));
    assert_eq!(o.lncheck, LivenessCheck::Final);
    assert_eq!(o.config.as_deref(), Some("MC.cfg"));
    assert_eq!(o.spec.as_deref(), Some("MC.tla"));
    assert_eq!(o.ignored, vec!["-cleanup".to_string()]);
    assert!(o.check_deadlock);
}

#[test]
fn deadlock_flag_turns_deadlock_checking_off_as_in_tlc() {
    let o = parse("-deadlock Spec.tla").unwrap();
    assert!(!o.check_deadlock);
    assert!(!o.check_options().check_deadlock);
}

#[test]
fn simulate_takes_its_argument_only_when_it_sets_a_key() {
    let o = parse("-simulate num=100 -depth 50 Spec.tla").unwrap();
    assert_eq!(o.simulate, Some(SimulateOptions { num: Some(100), file: None }));
    assert_eq!(o.depth, Some(50));
    let o = parse("-simulate Spec.tla").unwrap();
    assert_eq!(o.simulate, Some(SimulateOptions::default()));
    assert_eq!(o.spec.as_deref(), Some("Spec.tla"));
}

#[test]
fn tla2_flags_and_workers_auto_parse() {
    let o = parse("--output json-lines --workers 4 Spec.tla").unwrap();
    assert_eq!(o.output, OutputFormat::JsonLines);
    assert_eq!(o.workers, Workers::Count(4));
    let o = parse("-workers auto Spec.tla").unwrap();
    assert_eq!(o.workers, Workers::Auto);
    assert!(o.workers.resolve() >= 1);
}

#[test]
fn unused_tlc_flags_are_accepted_with_their_values_and_listed() {
    let o = parse("-metadir /tmp/m -noTE -fp 3 -checkpoint 0 -gzip -fpmem 0.5 -seed 7 Spec.tla").unwrap();
    assert_eq!(o.metadir.as_deref(), Some("/tmp/m"));
    assert_eq!(o.ignored, ["-noTE", "-fp 3", "-checkpoint 0", "-gzip"]);
    assert_eq!(o.fpmem, Some(0.5));
    assert_eq!(o.seed, Some(7));
}

#[test]
fn dump_trace_records_format_and_file() {
    let o = parse("-dumpTrace json cex.json -dumpTrace tla cex.tla -continue Spec.tla").unwrap();
    assert_eq!(o.dump_trace, vec![(TraceFormat::Json, "cex.json".into()), (TraceFormat::Tla, "cex.tla".into())]);
    assert!(o.continue_after_violation);
}

#[test]
fn bad_flags_are_errors_not_panics() {
    assert!(parse("-workers zero Spec.tla").unwrap_err().contains("-workers"));
    assert!(parse("-config").unwrap_err().contains("needs a value"));
    assert!(parse("-frobnicate Spec.tla").unwrap_err().contains("unknown flag"));
    assert!(parse("A.tla B.tla").unwrap_err().contains("more than one spec"));
    assert!(parse("--output xml").is_err());
    assert!(parse("-lncheck sometimes").is_err());
}
