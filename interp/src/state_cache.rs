//! Which expressions an evaluator may compute once per state: closed (no free local, no `@`),
//! state-level (no prime, UNCHANGED, ENABLED, impure or observable builtin, LET, operator
//! parameter call) and inside the body of a binder, where they would otherwise be recomputed
//! for every bound value (`\E r \in SUBSET S : r \subseteq (sent \cup X)` computes
//! `sent \cup X` once). The evaluator keeps their values for its current state while it reads
//! unprimed variables from that state (see `Ev::eval`).

use tla2_frontend::ir::{Callee, DefId, Expr, ExprId, LocalId, Program};

use crate::analysis::{binders, children, def_index, expr_index, impure_builtins, OBSERVABLE};

/// For each expression (by index): whether it is cached per state. `const_cached` marks the
/// expressions already cached for the whole run.
pub(crate) fn state_cacheable_exprs(prog: &Program, const_cached: &[bool]) -> Vec<bool> {
    let impure: Vec<bool> = prog
        .builtins
        .iter()
        .zip(impure_builtins(prog))
        .map(|(b, i)| i || OBSERVABLE.contains(&b.name.as_str()))
        .collect();
    let state_defs = state_level_defs(prog, &impure);
    let in_binder = in_binder_bodies(prog);
    let mut memo: Vec<Option<(bool, Vec<LocalId>)>> = vec![None; prog.exprs.len()];
    let mut out = vec![false; prog.exprs.len()];
    for (id, e) in prog.exprs.iter() {
        let i = expr_index(id) as usize;
        if !in_binder[i] || const_cached[i] || trivial(e) {
            continue;
        }
        let (ok, free) = info(prog, id, &state_defs, &impure, &mut memo);
        out[i] = ok && free.is_empty();
    }
    out
}

fn trivial(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Bool(_)
            | Expr::Int(_)
            | Expr::Str(_)
            | Expr::ModelValue(_)
            | Expr::Var(_)
            | Expr::Local(_)
            | Expr::OpValue(_)
            | Expr::Lambda { .. }
    )
}

/// Expressions inside the body (not the domain) of a quantifier, CHOOSE, set filter or map, or
/// function constructor.
fn in_binder_bodies(prog: &Program) -> Vec<bool> {
    let mut marked = vec![false; prog.exprs.len()];
    for (_, e) in prog.exprs.iter() {
        let body = match e {
            Expr::Forall { body, .. }
            | Expr::Exists { body, .. }
            | Expr::FunCons { body, .. }
            | Expr::SetMap { body, .. }
            | Expr::Choose { body, .. }
            | Expr::SetFilter { pred: body, .. } => *body,
            _ => continue,
        };
        let mut stack = vec![body];
        while let Some(x) = stack.pop() {
            let i = expr_index(x) as usize;
            if marked[i] {
                continue;
            }
            marked[i] = true;
            children(prog.expr(x), &mut stack);
        }
    }
    marked
}

/// Definitions whose bodies are state-level (greatest fixpoint, as `analysis::constant_defs`).
fn state_level_defs(prog: &Program, impure: &[bool]) -> Vec<bool> {
    let mut ok = vec![true; prog.defs.len()];
    loop {
        // One memo per round: `ok` only changes between rounds.
        let mut memo = vec![None; prog.exprs.len()];
        let mut bad = Vec::new();
        for (id, def) in prog.defs.iter() {
            let i = def_index(id);
            if !ok[i] {
                continue;
            }
            let mut good = info(prog, def.body, &ok, impure, &mut memo).0;
            if let tla2_frontend::ir::DefKind::RecursiveFunction { bounds } = &def.kind {
                good &= bounds.iter().filter_map(|b| b.domain).all(|d| info(prog, d, &ok, impure, &mut memo).0);
            }
            if !good {
                bad.push(i);
            }
        }
        if bad.is_empty() {
            return ok;
        }
        for i in bad {
            ok[i] = false;
        }
    }
}

fn node_ok(prog: &Program, e: &Expr, defs: &[bool], impure: &[bool]) -> bool {
    let def_ok = |d: DefId| defs[def_index(d)] && !prog.def(d).in_let;
    match e {
        Expr::Prime(_) | Expr::Unchanged(_) | Expr::Enabled(_) | Expr::ExceptAt => false,
        Expr::BoxAction { .. } | Expr::AngleAction { .. } | Expr::Fairness { .. } | Expr::Unsupported { .. } => false,
        Expr::Always(_) | Expr::Eventually(_) | Expr::LeadsTo(..) | Expr::WhilePlus(..) | Expr::Compose(..) => false,
        Expr::TemporalForall { .. } | Expr::TemporalExists { .. } => false,
        Expr::Call { callee: Callee::Def(d), .. } | Expr::OpValue(Callee::Def(d)) => def_ok(*d),
        Expr::Call { callee: Callee::Builtin(b), .. } | Expr::OpValue(Callee::Builtin(b)) => {
            !impure.get(b.0 as usize).copied().unwrap_or(true)
        }
        Expr::Call { callee: Callee::Local(_), .. } | Expr::OpValue(Callee::Local(_)) => false,
        Expr::Let { .. } => false,
        _ => true,
    }
}

/// (state-level, free locals) of `e`, memoized.
fn info(
    prog: &Program,
    e: ExprId,
    defs: &[bool],
    impure: &[bool],
    memo: &mut Vec<Option<(bool, Vec<LocalId>)>>,
) -> (bool, Vec<LocalId>) {
    let i = expr_index(e) as usize;
    if let Some(r) = &memo[i] {
        return r.clone();
    }
    memo[i] = Some((false, Vec::new()));
    let expr = prog.expr(e);
    let mut ok = node_ok(prog, expr, defs, impure);
    let mut free = Vec::new();
    if let Expr::Local(l) = expr {
        free.push(*l);
    }
    let mut kids = Vec::new();
    children(expr, &mut kids);
    for k in kids {
        let (c, f) = info(prog, k, defs, impure, memo);
        ok &= c;
        free.extend(f);
    }
    let bound = binders(expr);
    free.retain(|l| !bound.contains(l));
    free.sort();
    free.dedup();
    memo[i] = Some((ok, free.clone()));
    (ok, free)
}
