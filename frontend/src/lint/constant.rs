//! Checks that check nothing about the states: an INVARIANT or PROPERTY that refers to no state
//! variable is a constant (an ASSUME in disguise), true or false before any state exists.

use super::liveness::named_span;
use super::walk::{reach, Reach};
use crate::diagnostics::Diagnostic;
use crate::ir::{Named, Program};

/// TLC_INVARIANT_CONSTANT and TLA2_PROPERTY_CONSTANT.
pub fn constant_checks(program: &Program) -> Vec<Diagnostic> {
    let m = &program.model;
    let invariants = m.invariants.iter().map(|n| (n, "Invariant", "INVARIANT", "TLC_INVARIANT_CONSTANT"));
    let properties = m.properties.iter().map(|n| (n, "Property", "PROPERTY", "TLA2_PROPERTY_CONSTANT"));
    invariants
        .chain(properties)
        .filter(|(n, ..)| is_constant(&reach(program, n.expr)))
        .map(|(n, what, section, code)| constant_warning(program, n, what, section, code))
        .collect()
}

/// No variable, no prime, no ENABLED, and no `TLCGet` (whose value changes during a run).
fn is_constant(r: &Reach) -> bool {
    !(r.vars || r.primes || r.enabled || r.calls("TLCGet"))
}

fn constant_warning(program: &Program, n: &Named, what: &str, section: &str, code: &'static str) -> Diagnostic {
    Diagnostic::warning(code, named_span(program, n), format!("{what} '{}' is a constant expression", n.name))
        .with_help(
            "use_assume",
            format!(
                "Use ASSUME instead of {section} for constant expressions: it refers to no variable, so it is checked \
             once and says nothing about the states"
            ),
        )
        .with_example(format!("In the .tla file: ASSUME {0}\nIn the .cfg file: remove {section} {0}", n.name))
}
