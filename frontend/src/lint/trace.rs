//! Trace validation that cannot fail: a spec that reads a trace with `ndJsonDeserialize` or
//! `JsonDeserialize` and walks it in its next-state relation, while the cfg checks nothing that
//! forces the whole trace to be consumed. Every behaviour that matches a prefix of the trace (the
//! empty one included) then passes, so success means nothing.
//!
//! A check forces consumption when it mentions the trace's length (`Len` of the deserialized
//! trace) and is a PROPERTY or POSTCONDITION (evaluated on whole behaviours or after the search),
//! or an INVARIANT that also reads the run's statistics with `TLCGet` (the queue/level idiom);
//! a plain invariant holds in the states where the trace is not yet consumed, so it cannot.

use super::walk::{reach, Reach};
use crate::diagnostics::Diagnostic;
use crate::ir::{Callee, Expr, Program};

const DESERIALIZERS: [&str; 2] = ["ndJsonDeserialize", "JsonDeserialize"];

fn reads_trace(r: &Reach) -> bool {
    DESERIALIZERS.iter().any(|d| r.calls(d))
}

/// TLA2_TRACE_VACUOUS.
pub fn vacuous_trace(program: &Program) -> Vec<Diagnostic> {
    let m = &program.model;
    let Some(read) = deserializer_call(program) else { return Vec::new() };
    let Some(next) = &m.next else { return Vec::new() };
    if !reads_trace(&reach(program, next.expr)) {
        return Vec::new();
    }
    let length_of_trace = |r: &Reach| reads_trace(r) && r.calls("Len");
    let by_property = m.properties.iter().chain(&m.postcondition).any(|n| {
        let r = reach(program, n.expr);
        length_of_trace(&r) && (r.vars || r.calls("TLCGet"))
    });
    let by_invariant = m.invariants.iter().any(|n| {
        let r = reach(program, n.expr);
        length_of_trace(&r) && r.calls("TLCGet")
    });
    if by_property || by_invariant {
        return Vec::new();
    }
    let op = match program.expr(read) {
        Expr::Call { callee: Callee::Builtin(b), .. } => program.builtin(*b).name.clone(),
        _ => DESERIALIZERS[0].to_string(),
    };
    vec![Diagnostic::warning(
        "TLA2_TRACE_VACUOUS",
        program.span(read),
        format!(
            "this trace-validation spec reads a trace with {op}, but the cfg checks nothing that forces the whole \
             trace to be consumed: a run that matches only a prefix of it (even the empty one) reports success"
        ),
    )
    .with_help(
        "check_trace_consumed",
        "add a PROPERTY or POSTCONDITION that requires the cursor to reach the end of the trace",
    )
    .with_example(
        "TraceAccepted == <>[](l = Len(Trace))        \\* in the cfg: PROPERTY TraceAccepted\n\
         or: TraceFinished == TLCGet(\"stats\").diameter = Len(Trace)  \\* in the cfg: POSTCONDITION TraceFinished",
    )]
}

/// The first call of a trace deserializer in the program, if any.
fn deserializer_call(program: &Program) -> Option<crate::ir::ExprId> {
    let wanted: Vec<u32> = (0..program.builtins.len() as u32)
        .filter(|i| DESERIALIZERS.contains(&program.builtins[*i as usize].name.as_str()))
        .collect();
    if wanted.is_empty() {
        return None;
    }
    program.exprs.iter().find_map(|(id, e)| match e {
        Expr::Call { callee: Callee::Builtin(b), .. } if wanted.contains(&b.0) => Some(id),
        _ => None,
    })
}
