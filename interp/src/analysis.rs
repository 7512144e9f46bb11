//! Static analysis of the program done once at model build: which definitions are
//! constant-level (mention no state variable, prime, ENABLED or impure builtin, directly or
//! through calls), so that their nullary forms can be evaluated once and cached, as TLC does.

use tla2_frontend::ir::{Binding, BoundVars, Callee, DefId, ExceptKey, Expr, ExprId, LocalId, Program};

/// Builtins whose result depends on more than their arguments.
const IMPURE: &[&str] = &[
    "TLCGet",
    "TLCSet",
    "TLCGetOrDefault",
    "TLCGetAndSet",
    "TLCDefer",
    "TLCCache",
    "ToTrace",
    "Trace",
    "CounterExample",
    "RandomElement",
    "JavaTime",
    "TLCEval",
    // IOEnv is constant-level in TLC (minLevel 0): trace specs read the log's path from it
    // in a definition that must be evaluated once.
    "IOExec",
    "IOEnvExec",
    "IOExecTemplate",
    "IOEnvExecTemplate",
    "Serialize",
];

pub(crate) fn def_index(d: DefId) -> usize {
    u32::from(d.into_raw()) as usize
}

pub(crate) fn expr_index(e: ExprId) -> u32 {
    u32::from(e.into_raw())
}

/// For each definition (by index), whether it is constant-level.
pub(crate) fn constant_defs(prog: &Program) -> Vec<bool> {
    let impure = impure_builtins(prog);
    let mut ok = vec![true; prog.defs.len()];
    // Greatest fixpoint: a definition stays constant unless its body needs something that is not.
    loop {
        let mut changed = false;
        for (id, def) in prog.defs.iter() {
            let i = def_index(id);
            if ok[i] && !expr_is_constant(prog, def.body, &ok, &impure) {
                ok[i] = false;
                changed = true;
            }
            if let tla2_frontend::ir::DefKind::RecursiveFunction { bounds } = &def.kind {
                if ok[i] && !bindings_constant(prog, bounds, &ok, &impure) {
                    ok[i] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            return ok;
        }
    }
}

fn bindings_constant(prog: &Program, bs: &[Binding], ok: &[bool], impure: &[bool]) -> bool {
    bs.iter().all(|b| b.domain.map_or(true, |d| expr_is_constant(prog, d, ok, impure)))
}

/// True if `e` mentions no state, prime, ENABLED or impure builtin, given `ok` for definitions.
pub(crate) fn expr_is_constant(prog: &Program, e: ExprId, ok: &[bool], impure: &[bool]) -> bool {
    let all = |xs: &[ExprId]| xs.iter().all(|x| expr_is_constant(prog, *x, ok, impure));
    let c = |x: ExprId| expr_is_constant(prog, x, ok, impure);
    let callee_ok = |callee: &Callee| match callee {
        Callee::Def(d) => ok[def_index(*d)],
        Callee::Builtin(b) => !impure.get(b.0 as usize).copied().unwrap_or(true),
        Callee::Local(_) => true,
    };
    match prog.expr(e) {
        Expr::Var(_) | Expr::Prime(_) | Expr::Unchanged(_) | Expr::Enabled(_) => false,
        Expr::Bool(_) | Expr::Int(_) | Expr::Str(_) | Expr::ModelValue(_) | Expr::Local(_) | Expr::ExceptAt => true,
        Expr::Unsupported { .. } => true,
        Expr::Call { callee, args } => callee_ok(callee) && all(args),
        Expr::OpValue(callee) => callee_ok(callee),
        Expr::Lambda { body, .. } => c(*body),
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => all(xs),
        Expr::Not(a) | Expr::Always(a) | Expr::Eventually(a) => c(*a),
        Expr::Implies(a, b) | Expr::Equiv(a, b) | Expr::Eq(a, b) | Expr::In(a, b) => c(*a) && c(*b),
        Expr::LeadsTo(a, b) | Expr::WhilePlus(a, b) | Expr::Compose(a, b) => c(*a) && c(*b),
        Expr::If { cond, then, els } => c(*cond) && c(*then) && c(*els),
        Expr::Case { arms, other } => arms.iter().all(|(g, b)| c(*g) && c(*b)) && other.map_or(true, c),
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            bindings_constant(prog, bounds, ok, impure) && c(*body)
        }
        Expr::SetMap { body, bounds } => bindings_constant(prog, bounds, ok, impure) && c(*body),
        Expr::Choose { binding, body } => {
            bindings_constant(prog, std::slice::from_ref(binding), ok, impure) && c(*body)
        }
        Expr::SetFilter { binding, pred } => {
            bindings_constant(prog, std::slice::from_ref(binding), ok, impure) && c(*pred)
        }
        Expr::Let { body, .. } => c(*body),
        Expr::FunSet { domain, range } => c(*domain) && c(*range),
        Expr::Record(fs) | Expr::RecordSet(fs) => fs.iter().all(|(_, x)| c(*x)),
        Expr::Except { base, updates } => {
            c(*base)
                && updates.iter().all(|(path, v)| {
                    c(*v)
                        && path
                            .iter()
                            .all(|k| matches!(k, ExceptKey::Field(_)) || matches!(k, ExceptKey::Index(i) if c(*i)))
                })
        }
        Expr::Apply { fun, arg } => c(*fun) && c(*arg),
        Expr::Field { record, .. } => c(*record),
        Expr::BoxAction { .. } | Expr::AngleAction { .. } | Expr::Fairness { .. } => false,
        Expr::TemporalForall { .. } | Expr::TemporalExists { .. } => false,
    }
}

/// Builtin impurity flags, for callers of [`expr_is_constant`].
pub(crate) fn impure_builtins(prog: &Program) -> Vec<bool> {
    prog.builtins.iter().map(|b| IMPURE.contains(&b.name.as_str()) || b.module == "Randomization").collect()
}

/// Builtins whose every evaluation must happen (output), on top of [`IMPURE`], for the
/// sub-expression cache.
pub(crate) const OBSERVABLE: &[&str] = &["Print", "PrintT", "PrintTLCState"];

/// For each expression (by index): whether it is closed (no free local, no `@`) and
/// constant-level, and worth caching (not a literal or name). Such an expression has one
/// value for the whole run, so the evaluator computes it once.
pub(crate) fn cacheable_exprs(prog: &Program, constant: &[bool]) -> Vec<bool> {
    let impure: Vec<bool> = prog
        .builtins
        .iter()
        .zip(impure_builtins(prog))
        .map(|(b, i)| i || OBSERVABLE.contains(&b.name.as_str()))
        .collect();
    let mut memo: Vec<Option<(bool, Vec<LocalId>)>> = vec![None; prog.exprs.len()];
    let mut out = vec![false; prog.exprs.len()];
    for (id, e) in prog.exprs.iter() {
        let (c, free) = info(prog, id, constant, &impure, &mut memo);
        let trivial = matches!(
            e,
            Expr::Bool(_)
                | Expr::Int(_)
                | Expr::Str(_)
                | Expr::ModelValue(_)
                | Expr::Local(_)
                | Expr::OpValue(_)
                | Expr::Lambda { .. }
        );
        out[expr_index(id) as usize] = c && free.is_empty() && !trivial;
    }
    out
}

/// (constant-level, free locals) of `e`, memoized.
fn info(
    prog: &Program,
    e: ExprId,
    constant: &[bool],
    impure: &[bool],
    memo: &mut Vec<Option<(bool, Vec<LocalId>)>>,
) -> (bool, Vec<LocalId>) {
    let i = expr_index(e) as usize;
    if let Some(r) = &memo[i] {
        return r.clone();
    }
    // Guards against a cycle through malformed IR: an expression being computed is not cached.
    memo[i] = Some((false, Vec::new()));
    let expr = prog.expr(e);
    let mut ok = node_constant(prog, expr, constant, impure);
    let mut free = Vec::new();
    if let Expr::Local(l) = expr {
        free.push(*l);
    }
    let mut kids = Vec::new();
    children(expr, &mut kids);
    for k in kids {
        let (c, f) = info(prog, k, constant, impure, memo);
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

fn node_constant(prog: &Program, e: &Expr, constant: &[bool], impure: &[bool]) -> bool {
    let def_ok = |d: DefId| constant[def_index(d)] && !prog.def(d).in_let;
    match e {
        Expr::Var(_) | Expr::Prime(_) | Expr::Unchanged(_) | Expr::Enabled(_) | Expr::ExceptAt => false,
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

fn push_bindings(bs: &[Binding], out: &mut Vec<ExprId>) {
    out.extend(bs.iter().filter_map(|b| b.domain));
}

/// The direct sub-expressions of `e` (binder domains included).
pub(crate) fn children(e: &Expr, out: &mut Vec<ExprId>) {
    match e {
        Expr::Bool(_) | Expr::Int(_) | Expr::Str(_) | Expr::ModelValue(_) | Expr::Var(_) | Expr::Local(_) => {}
        Expr::ExceptAt | Expr::OpValue(_) | Expr::Unsupported { .. } => {}
        Expr::Call { args, .. } => out.extend(args),
        Expr::Lambda { body, .. } => out.push(*body),
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => out.extend(xs),
        Expr::Not(a)
        | Expr::Prime(a)
        | Expr::Unchanged(a)
        | Expr::Enabled(a)
        | Expr::Always(a)
        | Expr::Eventually(a) => out.push(*a),
        Expr::Implies(a, b) | Expr::Equiv(a, b) | Expr::Eq(a, b) | Expr::In(a, b) | Expr::Compose(a, b) => {
            out.extend([*a, *b])
        }
        Expr::LeadsTo(a, b) | Expr::WhilePlus(a, b) => out.extend([*a, *b]),
        Expr::If { cond, then, els } => out.extend([*cond, *then, *els]),
        Expr::Case { arms, other } => {
            for (g, b) in arms {
                out.extend([*g, *b]);
            }
            out.extend(other);
        }
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            push_bindings(bounds, out);
            out.push(*body);
        }
        Expr::SetMap { body, bounds } => {
            push_bindings(bounds, out);
            out.push(*body);
        }
        Expr::Choose { binding, body } | Expr::SetFilter { binding, pred: body } => {
            push_bindings(std::slice::from_ref(binding), out);
            out.push(*body);
        }
        Expr::Let { body, .. } => out.push(*body),
        Expr::FunSet { domain, range } => out.extend([*domain, *range]),
        Expr::Record(fs) | Expr::RecordSet(fs) => out.extend(fs.iter().map(|(_, x)| *x)),
        Expr::Except { base, updates } => {
            out.push(*base);
            for (path, v) in updates {
                out.extend(path.iter().filter_map(|k| match k {
                    ExceptKey::Index(i) => Some(*i),
                    ExceptKey::Field(_) => None,
                }));
                out.push(*v);
            }
        }
        Expr::Apply { fun, arg } => out.extend([*fun, *arg]),
        Expr::Field { record, .. } => out.push(*record),
        Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } => out.extend([*action, *sub]),
        Expr::Fairness { sub, action, .. } => out.extend([*sub, *action]),
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => out.push(*body),
    }
}

/// The locals that `e` itself binds.
pub(crate) fn binders(e: &Expr) -> Vec<LocalId> {
    let of = |bs: &[Binding]| -> Vec<LocalId> {
        bs.iter()
            .flat_map(|b| match &b.vars {
                BoundVars::Single(l) => vec![*l],
                BoundVars::Tuple(ls) => ls.clone(),
            })
            .collect()
    };
    match e {
        Expr::Forall { bounds, .. }
        | Expr::Exists { bounds, .. }
        | Expr::FunCons { bounds, .. }
        | Expr::SetMap { bounds, .. } => of(bounds),
        Expr::Choose { binding, .. } | Expr::SetFilter { binding, .. } => of(std::slice::from_ref(binding)),
        Expr::Lambda { params, .. } => params.iter().map(|p| p.local).collect(),
        Expr::TemporalForall { vars, .. } | Expr::TemporalExists { vars, .. } => vars.clone(),
        _ => Vec::new(),
    }
}
