//! Classification of PROPERTY entries: which are action properties `[][A]_v` (checked on
//! every step, as TLC does) — the rest are left to the liveness checker.

use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId, Program};

/// The step predicates of a property made only of `[][A]_v` (or `[]A` with A action-level)
/// conjuncts, or `None` if the property is anything else.
pub(crate) fn action_property(prog: &Program, e: ExprId) -> Option<Vec<ExprId>> {
    let mut out = Vec::new();
    collect(prog, e, &mut out, 0).then_some(out)
}

fn collect(prog: &Program, e: ExprId, out: &mut Vec<ExprId>, depth: u32) -> bool {
    if depth > 64 {
        return false;
    }
    match prog.expr(e) {
        Expr::And(xs) => xs.iter().all(|x| collect(prog, *x, out, depth + 1)),
        Expr::Let { body, .. } => collect(prog, *body, out, depth + 1),
        Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
            let def = prog.def(*d);
            matches!(def.kind, DefKind::Operator) && collect(prog, def.body, out, depth + 1)
        }
        Expr::Always(inner) => match prog.expr(*inner) {
            Expr::BoxAction { .. } => {
                out.push(*inner);
                true
            }
            _ => false,
        },
        _ => false,
    }
}
