//! A readable text dump of an [`ir::Program`], for tests and `tla2 parse --ir`-style debugging.
//!
//! Format: one line per module-level definition, `Name(p#3, F#4/2) == <expr>`; expressions are
//! s-expressions such as `(and (eq x#0' 1) …)`; locals print as `name#id`, state variables by
//! name, calls of builtins as `Module.op`.

use crate::ir::{self, BoundVars, Callee, DefKind, Expr, ExprId, Program};
use std::fmt::Write;

/// Dumps every non-LET definition in allocation order, then the model.
pub fn dump(p: &Program) -> String {
    let mut out = String::new();
    for (id, d) in p.defs.iter() {
        if d.in_let {
            continue;
        }
        let _ = writeln!(out, "{}", def_line(p, id));
    }
    dump_model(p, &mut out);
    out
}

/// One definition as `Name(params) == body`.
pub fn def_line(p: &Program, id: ir::DefId) -> String {
    let d = p.def(id);
    let mut s = d.name.clone();
    if !d.params.is_empty() {
        let ps: Vec<String> = d.params.iter().map(param).collect();
        let _ = write!(s, "({})", ps.join(", "));
    }
    if let DefKind::RecursiveFunction { bounds } = &d.kind {
        let _ = write!(s, "[{}]", bindings(p, bounds));
    }
    if d.recursive {
        s.push_str(" (recursive)");
    }
    let _ = write!(s, " == {}", expr(p, d.body));
    s
}

fn param(q: &ir::Param) -> String {
    if q.arity > 0 {
        format!("{}#{}/{}", q.name, q.local.0, q.arity)
    } else {
        format!("{}#{}", q.name, q.local.0)
    }
}

fn local(p: &Program, l: ir::LocalId) -> String {
    let name = p.local_names.get(l.0 as usize).map(String::as_str).unwrap_or("?");
    format!("{name}#{}", l.0)
}

fn callee(p: &Program, c: Callee) -> String {
    match c {
        Callee::Def(d) => p.def(d).name.clone(),
        Callee::Builtin(b) => {
            let b = p.builtin(b);
            format!("{}.{}", b.module, b.name)
        }
        Callee::Local(l) => local(p, l),
    }
}

fn bindings(p: &Program, bs: &[ir::Binding]) -> String {
    let parts: Vec<String> = bs
        .iter()
        .map(|b| {
            let v = match &b.vars {
                BoundVars::Single(l) => local(p, *l),
                BoundVars::Tuple(ls) => {
                    format!("<<{}>>", ls.iter().map(|l| local(p, *l)).collect::<Vec<_>>().join(", "))
                }
            };
            match b.domain {
                Some(d) => format!("{v} \\in {}", expr(p, d)),
                None => v,
            }
        })
        .collect();
    parts.join(", ")
}

fn list(p: &Program, head: &str, xs: &[ExprId]) -> String {
    let mut s = format!("({head}");
    for x in xs {
        s.push(' ');
        s.push_str(&expr(p, *x));
    }
    s.push(')');
    s
}

/// An expression as an s-expression.
pub fn expr(p: &Program, e: ExprId) -> String {
    match p.expr(e) {
        Expr::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Expr::Int(n) => n.to_string(),
        Expr::Str(s) => format!("{s:?}"),
        Expr::ModelValue(m) => format!("mv:{m}"),
        Expr::Var(v) => p.vars.get(v.0 as usize).map(|d| d.name.clone()).unwrap_or_else(|| "?var".into()),
        Expr::Local(l) => local(p, *l),
        Expr::Call { callee: c, args } if args.is_empty() => callee(p, *c),
        Expr::Call { callee: c, args } => list(p, &callee(p, *c), args),
        Expr::OpValue(c) => format!("&{}", callee(p, *c)),
        Expr::Lambda { params, body } => {
            let ps: Vec<String> = params.iter().map(param).collect();
            format!("(lambda ({}) {})", ps.join(" "), expr(p, *body))
        }
        Expr::And(xs) => list(p, "and", xs),
        Expr::Or(xs) => list(p, "or", xs),
        Expr::Not(a) => list(p, "not", &[*a]),
        Expr::Implies(a, b) => list(p, "=>", &[*a, *b]),
        Expr::Equiv(a, b) => list(p, "<=>", &[*a, *b]),
        Expr::If { cond, then, els } => list(p, "if", &[*cond, *then, *els]),
        Expr::Case { arms, other } => {
            let mut s = String::from("(case");
            for (g, b) in arms {
                let _ = write!(s, " [{} -> {}]", expr(p, *g), expr(p, *b));
            }
            if let Some(o) = other {
                let _ = write!(s, " [other -> {}]", expr(p, *o));
            }
            s + ")"
        }
        Expr::Forall { bounds, body } => format!("(forall [{}] {})", bindings(p, bounds), expr(p, *body)),
        Expr::Exists { bounds, body } => format!("(exists [{}] {})", bindings(p, bounds), expr(p, *body)),
        Expr::Choose { binding, body } => {
            format!("(choose [{}] {})", bindings(p, std::slice::from_ref(binding)), expr(p, *body))
        }
        Expr::Let { defs, body } => {
            let ds: Vec<String> = defs.iter().map(|d| def_line(p, *d)).collect();
            format!("(let [{}] {})", ds.join("; "), expr(p, *body))
        }
        _ => expr_more(p, e),
    }
}

fn expr_more(p: &Program, e: ExprId) -> String {
    match p.expr(e) {
        Expr::Eq(a, b) => list(p, "=", &[*a, *b]),
        Expr::In(a, b) => list(p, "in", &[*a, *b]),
        Expr::SetEnum(xs) => list(p, "set", xs),
        Expr::SetFilter { binding, pred } => {
            format!("(filter [{}] {})", bindings(p, std::slice::from_ref(binding)), expr(p, *pred))
        }
        Expr::SetMap { body, bounds } => format!("(map [{}] {})", bindings(p, bounds), expr(p, *body)),
        Expr::Tuple(xs) => list(p, "tuple", xs),
        Expr::FunCons { bounds, body } => format!("(fun [{}] {})", bindings(p, bounds), expr(p, *body)),
        Expr::FunSet { domain, range } => list(p, "funset", &[*domain, *range]),
        Expr::Record(fs) | Expr::RecordSet(fs) => {
            let head = if matches!(p.expr(e), Expr::Record(_)) { "record" } else { "recordset" };
            let parts: Vec<String> = fs.iter().map(|(n, v)| format!("{n}: {}", expr(p, *v))).collect();
            format!("({head} {})", parts.join(", "))
        }
        Expr::Except { base, updates } => {
            let mut s = format!("(except {}", expr(p, *base));
            for (path, v) in updates {
                s.push_str(" [");
                for k in path {
                    match k {
                        ir::ExceptKey::Index(i) => {
                            let _ = write!(s, "![{}]", expr(p, *i));
                        }
                        ir::ExceptKey::Field(f) => {
                            let _ = write!(s, "!.{f}");
                        }
                    }
                }
                let _ = write!(s, " = {}]", expr(p, *v));
            }
            s + ")"
        }
        Expr::ExceptAt => "@".into(),
        Expr::Apply { fun, arg } => list(p, "apply", &[*fun, *arg]),
        Expr::Field { record, field } => format!("(field {} {field})", expr(p, *record)),
        Expr::Prime(a) => format!("{}'", expr(p, *a)),
        Expr::Unchanged(a) => list(p, "unchanged", &[*a]),
        Expr::Enabled(a) => list(p, "enabled", &[*a]),
        Expr::Compose(a, b) => list(p, "cdot", &[*a, *b]),
        Expr::BoxAction { action, sub } => list(p, "box-action", &[*action, *sub]),
        Expr::AngleAction { action, sub } => list(p, "angle-action", &[*action, *sub]),
        Expr::Always(a) => list(p, "always", &[*a]),
        Expr::Eventually(a) => list(p, "eventually", &[*a]),
        Expr::LeadsTo(a, b) => list(p, "leads-to", &[*a, *b]),
        Expr::Fairness { kind, sub, action } => {
            let head = if *kind == ir::FairnessKind::Weak { "WF" } else { "SF" };
            list(p, head, &[*sub, *action])
        }
        Expr::TemporalForall { vars, body } | Expr::TemporalExists { vars, body } => {
            let head = if matches!(p.expr(e), Expr::TemporalForall { .. }) { "AA" } else { "EE" };
            let vs: Vec<String> = vars.iter().map(|l| local(p, *l)).collect();
            format!("({head} [{}] {})", vs.join(" "), expr(p, *body))
        }
        Expr::WhilePlus(a, b) => list(p, "-+->", &[*a, *b]),
        Expr::Unsupported { message } => format!("(unsupported {message:?})"),
        _ => "?".into(),
    }
}

fn dump_model(p: &Program, out: &mut String) {
    let m = &p.model;
    let named = |n: &ir::Named| format!("{} := {}", n.name, expr(p, n.expr));
    let mut line = |label: &str, v: String| {
        let _ = writeln!(out, "{label}: {v}");
    };
    if let Some(n) = &m.init {
        line("INIT", named(n));
    }
    if let Some(n) = &m.next {
        line("NEXT", named(n));
    }
    if let Some(s) = m.stutter_sub {
        line("STUTTER", expr(p, s));
    }
    for f in &m.fairness {
        line("FAIRNESS", expr(p, *f));
    }
    for (label, xs) in [
        ("INVARIANT", &m.invariants),
        ("PROPERTY", &m.properties),
        ("CONSTRAINT", &m.constraints),
        ("ACTION_CONSTRAINT", &m.action_constraints),
        ("ASSUME", &m.assumptions),
    ] {
        for n in xs {
            line(label, named(n));
        }
    }
    for (label, n) in
        [("SYMMETRY", &m.symmetry), ("VIEW", &m.view), ("ALIAS", &m.alias), ("POSTCONDITION", &m.postcondition)]
    {
        if let Some(n) = n {
            line(label, named(n));
        }
    }
}
