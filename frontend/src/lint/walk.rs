//! What an expression reaches through the definitions it calls: state variables, primes,
//! temporal operators, fairness, builtins. The lints' only view of the IR.

use crate::ir::{Binding, Callee, DefId, ExceptKey, Expr, ExprId, Program};
use std::collections::HashSet;

/// Everything found under an expression, following calls into definitions (each once).
#[derive(Debug, Default)]
pub struct Reach {
    pub vars: bool,
    pub primes: bool,
    pub enabled: bool,
    /// `[]`, `<>`, `~>`, `\AA`, `\EE`, `-+->`.
    pub temporal: bool,
    /// `WF_`/`SF_`.
    pub fairness: bool,
    /// `<>` or `~>` (a `[]<>P` has both `<>` and `[]`).
    pub eventually: bool,
    /// Names of the natively implemented library operators called (`Len`, `TLCGet`, …).
    pub builtins: HashSet<String>,
    pub defs: HashSet<DefId>,
}

impl Reach {
    pub fn calls(&self, name: &str) -> bool {
        self.builtins.contains(name)
    }
}

/// The [`Reach`] of `root`.
pub fn reach(program: &Program, root: ExprId) -> Reach {
    let mut r = Reach::default();
    let mut stack = vec![root];
    while let Some(e) = stack.pop() {
        let expr = program.expr(e);
        match expr {
            Expr::Var(_) => r.vars = true,
            Expr::Prime(_) | Expr::Unchanged(_) => r.primes = true,
            Expr::Enabled(_) => r.enabled = true,
            Expr::Always(_) | Expr::TemporalForall { .. } | Expr::TemporalExists { .. } | Expr::WhilePlus(..) => {
                r.temporal = true
            }
            Expr::Eventually(_) | Expr::LeadsTo(..) => {
                r.temporal = true;
                r.eventually = true;
            }
            Expr::Fairness { .. } => r.fairness = true,
            _ => {}
        }
        match expr {
            Expr::Call { callee, .. } | Expr::OpValue(callee) => match callee {
                Callee::Def(d) => {
                    if r.defs.insert(*d) {
                        let def = program.def(*d);
                        stack.push(def.body);
                        if let crate::ir::DefKind::RecursiveFunction { bounds } = &def.kind {
                            push_bindings(bounds, &mut stack);
                        }
                    }
                }
                Callee::Builtin(b) => {
                    if let Some(b) = program.builtins.get(b.0 as usize) {
                        r.builtins.insert(b.name.clone());
                    }
                }
                Callee::Local(_) => {}
            },
            _ => {}
        }
        children(expr, &mut stack);
    }
    r
}

fn push_bindings(bounds: &[Binding], out: &mut Vec<ExprId>) {
    out.extend(bounds.iter().filter_map(|b| b.domain));
}

/// The direct subexpressions of `expr` (LET definitions are reached through their calls).
pub fn children(expr: &Expr, out: &mut Vec<ExprId>) {
    match expr {
        Expr::Bool(_)
        | Expr::Int(_)
        | Expr::Str(_)
        | Expr::ModelValue(_)
        | Expr::Var(_)
        | Expr::Local(_)
        | Expr::OpValue(_)
        | Expr::ExceptAt
        | Expr::Unsupported { .. } => {}
        Expr::Call { args, .. } => out.extend(args),
        Expr::Lambda { body, .. } => out.push(*body),
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => out.extend(xs),
        Expr::Not(a)
        | Expr::Prime(a)
        | Expr::Unchanged(a)
        | Expr::Enabled(a)
        | Expr::Always(a)
        | Expr::Eventually(a)
        | Expr::Field { record: a, .. } => out.push(*a),
        Expr::Implies(a, b)
        | Expr::Equiv(a, b)
        | Expr::Eq(a, b)
        | Expr::In(a, b)
        | Expr::Compose(a, b)
        | Expr::LeadsTo(a, b)
        | Expr::WhilePlus(a, b)
        | Expr::FunSet { domain: a, range: b }
        | Expr::Apply { fun: a, arg: b }
        | Expr::BoxAction { action: a, sub: b }
        | Expr::AngleAction { action: a, sub: b }
        | Expr::Fairness { sub: a, action: b, .. } => out.extend([*a, *b]),
        Expr::If { cond, then, els } => out.extend([*cond, *then, *els]),
        Expr::Case { arms, other } => {
            for (c, v) in arms {
                out.extend([*c, *v]);
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
        Expr::Choose { binding, body } => {
            out.extend(binding.domain);
            out.push(*body);
        }
        Expr::SetFilter { binding, pred } => {
            out.extend(binding.domain);
            out.push(*pred);
        }
        Expr::Let { body, .. } => out.push(*body),
        Expr::Record(fields) | Expr::RecordSet(fields) => out.extend(fields.iter().map(|(_, e)| *e)),
        Expr::Except { base, updates } => {
            out.push(*base);
            for (path, v) in updates {
                for k in path {
                    if let ExceptKey::Index(i) = k {
                        out.push(*i);
                    }
                }
                out.push(*v);
            }
        }
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => out.push(*body),
    }
}
