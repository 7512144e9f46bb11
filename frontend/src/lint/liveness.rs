//! Liveness pitfalls: a liveness property checked without any fairness, where stuttering alone
//! decides it; and [`has_liveness`], which also gates TLC's warning for SYMMETRY with liveness.

use super::walk::reach;
use crate::diagnostics::Diagnostic;
use crate::ir::{Callee, Expr, ExprId, Named, Program};
use crate::span::SourceMap;

/// True when `property` has a liveness part as TLC splits properties: something beyond initial
/// predicates, `[]P` with `P` a state predicate and `[][A]_v` (those TLC checks as invariants
/// and action properties).
pub fn has_liveness(program: &Program, property: ExprId) -> bool {
    has_liveness_depth(program, property, 0)
}

fn has_liveness_depth(program: &Program, e: ExprId, depth: usize) -> bool {
    if depth > 64 {
        return true;
    }
    match program.expr(e) {
        Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
            has_liveness_depth(program, program.def(*d).body, depth + 1)
        }
        Expr::And(xs) => xs.iter().any(|x| has_liveness_depth(program, *x, depth + 1)),
        Expr::Forall { body, .. } => has_liveness_depth(program, *body, depth + 1),
        Expr::Always(inner) => {
            let r = reach(program, *inner);
            r.temporal || r.fairness
        }
        _ => {
            let r = reach(program, e);
            r.temporal || r.fairness
        }
    }
}

/// TLA2_LIVENESS_NO_FAIRNESS: each liveness PROPERTY of a spec with no fairness at all.
pub fn no_fairness(program: &Program, sources: &SourceMap) -> Vec<Diagnostic> {
    let m = &program.model;
    if !m.fairness.is_empty() || m.next.is_none() {
        return Vec::new();
    }
    let next = m.next.as_ref().map_or("Next".to_string(), |n| n.name.clone());
    let vars = match m.stutter_sub {
        Some(sub) => sources.text(program.span(sub)).trim().to_string(),
        None => match program.vars.as_slice() {
            [one] => one.name.clone(),
            vs => format!("<<{}>>", vs.iter().map(|v| v.name.as_str()).collect::<Vec<_>>().join(", ")),
        },
    };
    let init = m.init.as_ref().map_or("Init".to_string(), |n| n.name.clone());
    m.properties
        .iter()
        .filter(|p| has_liveness(program, p.expr) && !reach(program, p.expr).fairness)
        .map(|p| {
            let fairness = format!("WF_{vars}({next})");
            Diagnostic::warning(
                "TLA2_LIVENESS_NO_FAIRNESS",
                named_span(program, p),
                format!(
                    "liveness property '{}' is checked on a specification without fairness: a behaviour may stutter \
                     forever, so the property can fail (or hold) for that reason alone",
                    p.name
                ),
            )
            .with_help(
                "add_fairness",
                format!(
                    "add weak fairness ({fairness}, or WF_/SF_ of each action the property waits for) to the \
                     SPECIFICATION; if stuttering is intended, keep the spec and read a violation as such"
                ),
            )
            .with_example(format!(
                "Spec == {init} /\\ [][{next}]_{vars} /\\ {fairness}\nin the cfg: SPECIFICATION Spec"
            ))
        })
        .collect()
}

/// Where a cfg name points: the name of its definition, else its expression.
pub fn named_span(program: &Program, n: &Named) -> crate::span::Span {
    n.def.map_or(program.span(n.expr), |d| program.def(d).name_span)
}
