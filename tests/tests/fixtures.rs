//! Runs every fixture of `tests/specs/expected.json` through `tla2 conformance --strict`: each
//! must give the verdict, distinct-state count, counterexample length and exit code pinned from TLC.

mod common;

#[test]
fn every_fixture_gives_tlcs_pinned_result() {
    let specs = common::tests_dir("specs");
    let out = common::tla2(&["conformance", &specs, "--strict", "--timeout", "120"]);
    println!("{}", out.stdout);
    assert_eq!(out.code, 0, "some fixtures did not give TLC's result:\n{}{}", out.stdout, out.stderr);
}
