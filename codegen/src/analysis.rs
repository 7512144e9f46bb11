//! Constant-level analysis of the IR, as the interpreter does it (`interp/src/analysis.rs`):
//! which definitions and expressions mention no state, prime, ENABLED or impure builtin. It
//! decides which definitions are cached, which `\E` of Next are split into actions, and the
//! "constant invariant" warning, so it must agree with the interpreter.

use std::collections::{BTreeMap, BTreeSet};

use tla2_frontend::ir::{Binding, Callee, DefId, ExceptKey, Expr, ExprId, LocalId, Program};

/// Builtins whose value may differ between calls (TLC's registers, randomness, I/O…).
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
    "IOEnv",
    "IOExec",
    "IOEnvExec",
    "IOExecTemplate",
    "IOEnvExecTemplate",
    "Serialize",
];

pub fn def_index(d: DefId) -> usize {
    u32::from(d.into_raw()) as usize
}

pub fn expr_index(e: ExprId) -> u32 {
    u32::from(e.into_raw())
}

pub struct Constness {
    pub defs: Vec<bool>,
    impure: Vec<bool>,
}

impl Constness {
    pub fn new(prog: &Program) -> Constness {
        let impure: Vec<bool> =
            prog.builtins.iter().map(|b| IMPURE.contains(&b.name.as_str()) || b.module == "Randomization").collect();
        let mut c = Constness { defs: vec![true; prog.defs.len()], impure };
        loop {
            let mut changed = false;
            for (id, def) in prog.defs.iter() {
                let i = def_index(id);
                if c.defs[i] && !c.expr(prog, def.body) {
                    c.defs[i] = false;
                    changed = true;
                }
                if let tla2_frontend::ir::DefKind::RecursiveFunction { bounds } = &def.kind {
                    if c.defs[i] && !c.bindings(prog, bounds) {
                        c.defs[i] = false;
                        changed = true;
                    }
                }
            }
            if !changed {
                return c;
            }
        }
    }

    fn bindings(&self, prog: &Program, bs: &[Binding]) -> bool {
        bs.iter().all(|b| b.domain.map_or(true, |d| self.expr(prog, d)))
    }

    pub fn impure_builtin(&self, b: usize) -> bool {
        self.impure.get(b).copied().unwrap_or(true)
    }

    /// True if `e` mentions no state, prime, ENABLED or impure builtin.
    pub fn expr(&self, prog: &Program, e: ExprId) -> bool {
        let all = |xs: &[ExprId]| xs.iter().all(|x| self.expr(prog, *x));
        let c = |x: ExprId| self.expr(prog, x);
        let callee_ok = |callee: &Callee| match callee {
            Callee::Def(d) => self.defs[def_index(*d)],
            Callee::Builtin(b) => !self.impure_builtin(b.0 as usize),
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
                self.bindings(prog, bounds) && c(*body)
            }
            Expr::SetMap { body, bounds } => self.bindings(prog, bounds) && c(*body),
            Expr::Choose { binding, body } => self.bindings(prog, std::slice::from_ref(binding)) && c(*body),
            Expr::SetFilter { binding, pred } => self.bindings(prog, std::slice::from_ref(binding)) && c(*pred),
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
}

/// The locals a LET definition's body (and, for a recursive function, its bounds) mentions but
/// does not bind, directly or through the LET definitions it calls: what a Rust function made
/// from it must receive from its scope. Sorted.
pub fn free_locals(prog: &Program, d: DefId) -> Vec<LocalId> {
    let mut regions: BTreeMap<usize, Region> = BTreeMap::new();
    let mut todo = vec![d];
    while let Some(x) = todo.pop() {
        if regions.contains_key(&def_index(x)) {
            continue;
        }
        let mut r = Region::default();
        collect_def(prog, x, &mut r);
        todo.extend(r.callees.iter().copied());
        regions.insert(def_index(x), r);
    }
    let mut free: BTreeMap<usize, BTreeSet<LocalId>> = regions.keys().map(|k| (*k, BTreeSet::new())).collect();
    loop {
        let mut changed = false;
        for (k, r) in &regions {
            let mut f: BTreeSet<LocalId> = r.refs.clone();
            for c in &r.callees {
                f.extend(free[&def_index(*c)].iter().copied());
            }
            let f: BTreeSet<LocalId> = f.difference(&r.bound).copied().collect();
            if f != free[k] {
                free.insert(*k, f);
                changed = true;
            }
        }
        if !changed {
            return free[&def_index(d)].iter().copied().collect();
        }
    }
}

/// What a definition's text mentions: locals referenced and bound, LET definitions called.
#[derive(Default)]
struct Region {
    refs: BTreeSet<LocalId>,
    bound: BTreeSet<LocalId>,
    callees: BTreeSet<DefId>,
}

fn collect_def(prog: &Program, d: DefId, r: &mut Region) {
    let def = prog.def(d);
    for p in &def.params {
        r.bound.insert(p.local);
    }
    if let tla2_frontend::ir::DefKind::RecursiveFunction { bounds } = &def.kind {
        collect_bindings(prog, bounds, r);
    }
    collect_expr(prog, def.body, r);
}

fn collect_bindings(prog: &Program, bs: &[Binding], r: &mut Region) {
    for b in bs {
        match &b.vars {
            tla2_frontend::ir::BoundVars::Single(l) => {
                r.bound.insert(*l);
            }
            tla2_frontend::ir::BoundVars::Tuple(ls) => r.bound.extend(ls.iter().copied()),
        }
        if let Some(x) = b.domain {
            collect_expr(prog, x, r);
        }
    }
}

fn collect_callee(prog: &Program, callee: &Callee, r: &mut Region) {
    match callee {
        Callee::Local(l) => {
            r.refs.insert(*l);
        }
        Callee::Def(d) if prog.def(*d).in_let => {
            r.callees.insert(*d);
        }
        _ => {}
    }
}

fn collect_expr(prog: &Program, e: ExprId, r: &mut Region) {
    match prog.expr(e) {
        Expr::Local(l) => {
            r.refs.insert(*l);
        }
        Expr::Call { callee, args } => {
            collect_callee(prog, callee, r);
            for a in args {
                collect_expr(prog, *a, r);
            }
        }
        Expr::OpValue(callee) => collect_callee(prog, callee, r),
        Expr::Lambda { params, body } => {
            for p in params {
                r.bound.insert(p.local);
            }
            collect_expr(prog, *body, r);
        }
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            collect_bindings(prog, bounds, r);
            collect_expr(prog, *body, r);
        }
        Expr::SetMap { body, bounds } => {
            collect_bindings(prog, bounds, r);
            collect_expr(prog, *body, r);
        }
        Expr::Choose { binding, body: x } | Expr::SetFilter { binding, pred: x } => {
            collect_bindings(prog, std::slice::from_ref(binding), r);
            collect_expr(prog, *x, r);
        }
        Expr::TemporalForall { vars, body } | Expr::TemporalExists { vars, body } => {
            r.bound.extend(vars.iter().copied());
            collect_expr(prog, *body, r);
        }
        Expr::Let { defs, body } => {
            // Nested definitions are part of this text: their binders are bound here.
            for d in defs {
                collect_def(prog, *d, r);
            }
            collect_expr(prog, *body, r);
        }
        other => {
            for c in children_of(other) {
                collect_expr(prog, c, r);
            }
        }
    }
}

/// The direct subexpressions of expressions that bind nothing.
pub fn children_of(e: &Expr) -> Vec<ExprId> {
    match e {
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => xs.clone(),
        Expr::Not(a) | Expr::Prime(a) | Expr::Unchanged(a) | Expr::Enabled(a) => vec![*a],
        Expr::Always(a) | Expr::Eventually(a) => vec![*a],
        Expr::Implies(a, b) | Expr::Equiv(a, b) | Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
        Expr::LeadsTo(a, b) | Expr::WhilePlus(a, b) | Expr::Compose(a, b) => vec![*a, *b],
        Expr::If { cond, then, els } => vec![*cond, *then, *els],
        Expr::Case { arms, other } => arms.iter().flat_map(|(g, b)| [*g, *b]).chain(*other).collect(),
        Expr::FunSet { domain, range } => vec![*domain, *range],
        Expr::Record(fs) | Expr::RecordSet(fs) => fs.iter().map(|(_, x)| *x).collect(),
        Expr::Except { base, updates } => {
            let mut v = vec![*base];
            for (path, x) in updates {
                v.extend(path.iter().filter_map(|k| match k {
                    ExceptKey::Index(i) => Some(*i),
                    ExceptKey::Field(_) => None,
                }));
                v.push(*x);
            }
            v
        }
        Expr::Apply { fun, arg } => vec![*fun, *arg],
        Expr::Field { record, .. } => vec![*record],
        Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } => vec![*action, *sub],
        Expr::Fairness { sub, action, .. } => vec![*sub, *action],
        _ => Vec::new(),
    }
}

/// Builtins whose every evaluation must happen (output): never cached.
const OBSERVABLE: &[&str] = &["Print", "PrintT", "PrintTLCState"];

/// Whether `e` is closed (no free local, no `@`), constant-level, free of output builtins and
/// worth caching (not a literal or a name).
pub fn cacheable_expr(prog: &Program, cst: &Constness, e: ExprId) -> bool {
    let trivial = matches!(
        prog.expr(e),
        Expr::Bool(_)
            | Expr::Int(_)
            | Expr::Str(_)
            | Expr::ModelValue(_)
            | Expr::Local(_)
            | Expr::OpValue(_)
            | Expr::Lambda { .. }
    );
    if trivial || !cst.expr(prog, e) {
        return false;
    }
    let mut r = Region::default();
    collect_expr(prog, e, &mut r);
    if !r.refs.is_subset(&r.bound) || r.callees.iter().any(|d| !free_locals(prog, *d).is_empty()) {
        return false;
    }
    !mentions(prog, e, &mut |x| match x {
        Expr::ExceptAt => true,
        Expr::Call { callee: Callee::Builtin(b), .. } | Expr::OpValue(Callee::Builtin(b)) => {
            OBSERVABLE.contains(&prog.builtin(*b).name.as_str())
        }
        _ => false,
    })
}

/// Whether `e` or a sub-expression (binder domains and LET bodies included) satisfies `f`.
fn mentions(prog: &Program, e: ExprId, f: &mut dyn FnMut(&Expr) -> bool) -> bool {
    let x = prog.expr(e);
    if f(x) {
        return true;
    }
    let doms = |bs: &[Binding]| bs.iter().filter_map(|b| b.domain).collect::<Vec<_>>();
    let kids: Vec<ExprId> = match x {
        Expr::Call { args, .. } => args.clone(),
        Expr::Lambda { body, .. } => vec![*body],
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            doms(bounds).into_iter().chain([*body]).collect()
        }
        Expr::SetMap { body, bounds } => doms(bounds).into_iter().chain([*body]).collect(),
        Expr::Choose { binding, body } => binding.domain.into_iter().chain([*body]).collect(),
        Expr::SetFilter { binding, pred } => binding.domain.into_iter().chain([*pred]).collect(),
        Expr::Let { defs, body } => defs.iter().map(|d| prog.def(*d).body).chain([*body]).collect(),
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => vec![*body],
        other => children_of(other),
    };
    kids.into_iter().any(|k| mentions(prog, k, f))
}
