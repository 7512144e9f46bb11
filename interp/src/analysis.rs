//! Static analysis of the program done once at model build: which definitions are
//! constant-level (mention no state variable, prime, ENABLED or impure builtin, directly or
//! through calls), so that their nullary forms can be evaluated once and cached, as TLC does.

use tla2_frontend::ir::{Binding, Callee, DefId, ExceptKey, Expr, ExprId, Program};

/// Builtins whose result depends on more than their arguments.
const IMPURE: &[&str] =
    &["TLCGet", "TLCSet", "RandomElement", "JavaTime", "TLCEval", "IOEnv", "IOExec", "IOExecTemplate"];

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
