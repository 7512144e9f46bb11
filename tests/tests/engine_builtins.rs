//! Library operators the engines implement themselves or knowingly leave out, in both engines
//! (`tla2 check` and `tla2 check --compiled`): `TLCExt!AssertError` with a non-literal message
//! stops with TLC's error, and `TLCExt!Trace` with an error that names it and says why.
//! (`tests/specs/assert_error/AssertErr` checks AssertError's values, through conformance.)

#[allow(dead_code)]
mod common;

fn check(spec: &str, compiled: bool) -> common::Output {
    let spec = common::tests_dir(&format!("specs/{spec}"));
    let mut args = vec!["check"];
    if compiled {
        args.push("--compiled");
    }
    args.push(&spec);
    common::tla2(&args)
}

#[test]
fn assert_error_needs_a_string_literal_in_both_engines() {
    for compiled in [false, true] {
        let out = check("assert_error/AssertErrLiteral.tla", compiled);
        assert_ne!(out.code, 0, "{}", out.stdout);
        assert!(
            out.stdout.contains(
                "In computing AssertError, a non-string expression (line 5, col 20 to line 5, col 22 of module \
                 AssertErrLiteral) was used as the err of an AssertError(err, exp)."
            ),
            "compiled: {compiled}\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}

#[test]
fn trace_is_reported_unsupported_by_name_in_both_engines() {
    for compiled in [false, true] {
        let out = check("unsupported_trace/UsesTrace.tla", compiled);
        assert_ne!(out.code, 0, "compiled: {compiled}\n{}{}", out.stdout, out.stderr);
        assert!(
            out.stdout.contains("The operator Trace of module TLCExt is not implemented by tla2: it is the behaviour"),
            "compiled: {compiled}\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}
