//! The modules a module needs: the names after EXTENDS and after every INSTANCE, wherever the
//! INSTANCE is written (top level, named instances, LET definitions, inside expressions).

use crate::ast::{Bound, ExceptKey, Expr, ExprKind, Ident, InstanceDef, LetDef, Module, Unit};

/// One needed module, in the order of first mention: EXTENDS first, then INSTANCEs.
/// Submodules are not entered: the loader handles each nested module on its own.
pub fn dependencies(module: &Module) -> Vec<Ident> {
    let mut out: Vec<Ident> = module.extends.clone();
    for unit in &module.units {
        unit_deps(unit, &mut out);
    }
    out
}

fn unit_deps(unit: &Unit, out: &mut Vec<Ident>) {
    match unit {
        Unit::OpDef(d) => expr_deps(&d.body, out),
        Unit::FunDef(f) => {
            bounds_deps(&f.bounds, out);
            expr_deps(&f.body, out);
        }
        Unit::Instance(i) => instance_deps(i, out),
        Unit::Assume { expr, .. } => expr_deps(expr, out),
        Unit::Theorem { expr: Some(e), .. } => expr_deps(e, out),
        Unit::Variables(_)
        | Unit::Constants(_)
        | Unit::Recursive(_)
        | Unit::Theorem { expr: None, .. }
        | Unit::Submodule(_)
        | Unit::Skipped(_) => {}
    }
}

fn instance_deps(i: &InstanceDef, out: &mut Vec<Ident>) {
    out.push(i.module.clone());
    for (_, e) in &i.substitutions {
        expr_deps(e, out);
    }
}

fn bounds_deps(bounds: &[Bound], out: &mut Vec<Ident>) {
    for b in bounds {
        if let Some(d) = &b.domain {
            expr_deps(d, out);
        }
    }
}

fn exprs_deps<'a>(es: impl IntoIterator<Item = &'a Expr>, out: &mut Vec<Ident>) {
    for e in es {
        expr_deps(e, out);
    }
}

fn let_deps(defs: &[LetDef], out: &mut Vec<Ident>) {
    for d in defs {
        match d {
            LetDef::Op(o) => expr_deps(&o.body, out),
            LetDef::Fun(f) => {
                bounds_deps(&f.bounds, out);
                expr_deps(&f.body, out);
            }
            LetDef::Instance(i) => instance_deps(i, out),
            LetDef::Recursive(_) => {}
        }
    }
}

fn expr_deps(e: &Expr, out: &mut Vec<Ident>) {
    use ExprKind as K;
    match &e.kind {
        K::OpApp { op, args } => {
            for seg in &op.path {
                exprs_deps(&seg.args, out);
            }
            exprs_deps(args, out);
        }
        K::Quantifier { bounds, body, .. } | K::SetMap { body, bounds } | K::FunCons { bounds, body } => {
            bounds_deps(bounds, out);
            expr_deps(body, out);
        }
        K::TemporalQuantifier { body, .. } | K::Lambda { body, .. } | K::Label { body, .. } => expr_deps(body, out),
        K::Choose { bound, body } | K::SetFilter { bound, pred: body } => {
            bounds_deps(std::slice::from_ref(bound), out);
            expr_deps(body, out);
        }
        K::SetEnum(xs) | K::Tuple(xs) => exprs_deps(xs, out),
        K::FunSet { domain, range } => exprs_deps([&**domain, &**range], out),
        K::RecordCons(fs) | K::RecordSet(fs) => exprs_deps(fs.iter().map(|(_, e)| e), out),
        K::Except { base, updates } => {
            expr_deps(base, out);
            for u in updates {
                for k in &u.path {
                    if let ExceptKey::Index(xs) = k {
                        exprs_deps(xs, out);
                    }
                }
                expr_deps(&u.value, out);
            }
        }
        K::FunApp { fun, args } => {
            expr_deps(fun, out);
            exprs_deps(args, out);
        }
        K::Field { record, .. } => expr_deps(record, out),
        K::If { cond, then, els } => exprs_deps([&**cond, &**then, &**els], out),
        K::Case { arms, other } => {
            for a in arms {
                exprs_deps([&a.guard, &a.body], out);
            }
            if let Some(o) = other {
                expr_deps(o, out);
            }
        }
        K::Let { defs, body } => {
            let_deps(defs, out);
            expr_deps(body, out);
        }
        K::BoxAction { action, sub } | K::AngleAction { action, sub } | K::Fairness { action, sub, .. } => {
            exprs_deps([&**action, &**sub], out)
        }
        K::Number(_) | K::Decimal(_) | K::String(_) | K::At | K::Error => {}
    }
}
