//! A compact, stable S-expression dump of the AST without byte offsets, for tests and
//! `tla2 parse --dump-ast`.
//!
//! Operator applications print as `(op args…)`, bare names as the name alone, and keyword forms
//! with a lowercase head (`if`, `case`, `let`, `forall`, `set`, …). A node is printed on one line
//! when it fits in 80 columns, otherwise its children go on their own indented lines.

use crate::ast::*;

enum S {
    Atom(String),
    List(Vec<S>),
}

fn atom(s: impl Into<String>) -> S {
    S::Atom(s.into())
}

fn list(head: &str, rest: impl IntoIterator<Item = S>) -> S {
    let mut v = vec![atom(head)];
    v.extend(rest);
    S::List(v)
}

/// Renders `m` as an indented S-expression, one top-level unit per line group.
pub fn dump_module(m: &Module) -> String {
    let mut out = String::new();
    render(&module(m), 0, &mut out);
    out.push('\n');
    out
}

fn flat(s: &S, out: &mut String) {
    match s {
        S::Atom(a) => out.push_str(a),
        S::List(items) => {
            out.push('(');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                flat(it, out);
            }
            out.push(')');
        }
    }
}

fn render(s: &S, indent: usize, out: &mut String) {
    let mut one = String::new();
    flat(s, &mut one);
    let S::List(items) = s else { return out.push_str(&one) };
    if indent + one.len() <= 80 || items.len() < 2 {
        return out.push_str(&one);
    }
    out.push('(');
    flat(&items[0], out);
    // Leading atoms (names, flags) stay on the head line; the rest go one per line.
    let mut i = 1;
    while i < items.len() && matches!(items[i], S::Atom(_)) && i < 4 {
        out.push(' ');
        flat(&items[i], out);
        i += 1;
    }
    for it in &items[i..] {
        out.push('\n');
        out.push_str(&" ".repeat(indent + 2));
        render(it, indent + 2, out);
    }
    out.push(')');
}

fn module(m: &Module) -> S {
    let mut v = vec![atom(&m.name.name)];
    if !m.extends.is_empty() {
        v.push(list("extends", m.extends.iter().map(|e| atom(&e.name))));
    }
    v.extend(m.units.iter().map(unit));
    list("module", v)
}

fn arity_name(name: &Ident, arity: usize) -> S {
    if arity == 0 {
        atom(&name.name)
    } else {
        atom(format!("{}/{}", name.name, arity))
    }
}

fn unit(u: &Unit) -> S {
    match u {
        Unit::Variables(vs) => list("variables", vs.iter().map(|v| atom(&v.name))),
        Unit::Constants(cs) => list("constants", cs.iter().map(|c| arity_name(&c.name, c.arity))),
        Unit::Recursive(cs) => list("recursive", cs.iter().map(|c| arity_name(&c.name, c.arity))),
        Unit::OpDef(d) => op_def(d),
        Unit::FunDef(f) => fun_def(f),
        Unit::Instance(i) => instance(i),
        Unit::Assume { name, expr: e, .. } => list("assume", name.iter().map(|n| atom(&n.name)).chain([expr(e)])),
        Unit::Theorem { name, expr: e, .. } => {
            let body = e.as_ref().map_or(atom("assume-prove"), expr);
            list("theorem", name.iter().map(|n| atom(&n.name)).chain([body]))
        }
        Unit::Submodule(m) => module(m),
        Unit::Skipped(_) => atom("(skipped)"),
    }
}

fn op_def(d: &OpDef) -> S {
    let mut v = Vec::new();
    if d.local {
        v.push(atom("local"));
    }
    v.push(atom(&d.name.name));
    match d.shape {
        OpShape::Normal => {}
        OpShape::Infix => v.push(atom("infix")),
        OpShape::Prefix => v.push(atom("prefix")),
        OpShape::Postfix => v.push(atom("postfix")),
    }
    if !d.params.is_empty() {
        v.push(list("params", d.params.iter().map(|p| arity_name(&p.name, p.arity))));
    }
    v.push(expr(&d.body));
    list("def", v)
}

fn fun_def(f: &FunDef) -> S {
    let mut v = Vec::new();
    if f.local {
        v.push(atom("local"));
    }
    v.push(atom(&f.name.name));
    v.extend(f.bounds.iter().map(bound));
    v.push(expr(&f.body));
    list("fundef", v)
}

fn instance(i: &InstanceDef) -> S {
    let mut v = Vec::new();
    if i.local {
        v.push(atom("local"));
    }
    if let Some(n) = &i.name {
        v.push(atom(&n.name));
        if !i.params.is_empty() {
            v.push(list("params", i.params.iter().map(|p| arity_name(&p.name, p.arity))));
        }
    }
    v.push(atom(&i.module.name));
    if !i.substitutions.is_empty() {
        v.push(list("with", i.substitutions.iter().map(|(n, e)| list("<-", [atom(&n.name), expr(e)]))));
    }
    list("instance", v)
}

fn bound(b: &Bound) -> S {
    let mut v: Vec<S> = match &b.pattern {
        BoundPattern::Names(ns) => ns.iter().map(|n| atom(&n.name)).collect(),
        BoundPattern::Tuple(ns) => vec![list("tuple", ns.iter().map(|n| atom(&n.name)))],
    };
    match &b.domain {
        Some(d) => {
            v.push(expr(d));
            list("in", v)
        }
        None => list("bound", v),
    }
}

fn op_ref(op: &OpRef) -> S {
    if op.path.iter().all(|s| s.args.is_empty()) {
        let mut name = String::new();
        for seg in &op.path {
            name.push_str(&seg.name.name);
            name.push('!');
        }
        name.push_str(&op.name.name);
        return atom(name);
    }
    let segs = op.path.iter().map(|s| list(&s.name.name, s.args.iter().map(expr)));
    list("path", segs.chain([atom(&op.name.name)]))
}

fn def_list(d: &LetDef) -> S {
    match d {
        LetDef::Op(o) => op_def(o),
        LetDef::Fun(f) => fun_def(f),
        LetDef::Recursive(cs) => list("recursive", cs.iter().map(|c| arity_name(&c.name, c.arity))),
        LetDef::Instance(i) => instance(i),
    }
}

fn boxed(head: &str, items: &[&Expr]) -> S {
    list(head, items.iter().map(|e| expr(e)))
}

/// Subtrees deeper than this print as `...`: dumps are for reading, and deep recursion here
/// would overflow the stack on adversarial inputs that the parser accepts.
const MAX_DUMP_DEPTH: usize = 200;

thread_local! {
    static DEPTH: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn expr(e: &Expr) -> S {
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_DUMP_DEPTH {
        return atom("...");
    }
    DEPTH.with(|d| d.set(depth + 1));
    let s = expr_inner(e);
    DEPTH.with(|d| d.set(depth));
    s
}

fn expr_inner(e: &Expr) -> S {
    match &e.kind {
        ExprKind::OpApp { op, args } if args.is_empty() => op_ref(op),
        ExprKind::OpApp { op, args } => S::List(std::iter::once(op_ref(op)).chain(args.iter().map(expr)).collect()),
        ExprKind::Number(n) | ExprKind::Decimal(n) => atom(n),
        ExprKind::String(s) => atom(format!("{s:?}")),
        ExprKind::Quantifier { quant, bounds, body } => {
            let head = if *quant == Quant::Forall { "forall" } else { "exists" };
            list(head, bounds.iter().map(bound).chain([expr(body)]))
        }
        ExprKind::TemporalQuantifier { quant, names, body } => {
            let head = if *quant == Quant::Forall { "temporal-forall" } else { "temporal-exists" };
            list(head, names.iter().map(|n| atom(&n.name)).chain([expr(body)]))
        }
        ExprKind::Choose { bound: b, body } => list("choose", [bound(b), expr(body)]),
        ExprKind::SetEnum(items) => list("set", items.iter().map(expr)),
        ExprKind::SetFilter { bound: b, pred } => list("filter", [bound(b), expr(pred)]),
        ExprKind::SetMap { body, bounds } => {
            list("setmap", std::iter::once(expr(body)).chain(bounds.iter().map(bound)))
        }
        ExprKind::Tuple(items) => list("tuple", items.iter().map(expr)),
        ExprKind::FunCons { bounds, body } => list("fun", bounds.iter().map(bound).chain([expr(body)])),
        ExprKind::FunSet { domain, range } => boxed("funset", &[domain, range]),
        ExprKind::RecordCons(fs) => list("record", fs.iter().map(|(n, e)| list(&n.name, [expr(e)]))),
        ExprKind::RecordSet(fs) => list("recordset", fs.iter().map(|(n, e)| list(&n.name, [expr(e)]))),
        ExprKind::Except { base, updates } => {
            list("except", std::iter::once(expr(base)).chain(updates.iter().map(update)))
        }
        ExprKind::At => atom("@"),
        ExprKind::FunApp { fun, args } => list("apply", std::iter::once(expr(fun)).chain(args.iter().map(expr))),
        ExprKind::Field { record, field } => list("field", [expr(record), atom(&field.name)]),
        ExprKind::If { cond, then, els } => boxed("if", &[cond, then, els]),
        ExprKind::Case { arms, other } => {
            let arms = arms.iter().map(|a| list("arm", [expr(&a.guard), expr(&a.body)]));
            list("case", arms.chain(other.iter().map(|o| list("other", [expr(o)]))))
        }
        ExprKind::Let { defs, body } => list("let", defs.iter().map(def_list).chain([expr(body)])),
        ExprKind::Lambda { params, body } => list("lambda", params.iter().map(|n| atom(&n.name)).chain([expr(body)])),
        ExprKind::BoxAction { action, sub } => boxed("box-action", &[action, sub]),
        ExprKind::AngleAction { action, sub } => boxed("angle-action", &[action, sub]),
        ExprKind::Fairness { kind, sub, action } => {
            boxed(if *kind == Fairness::Weak { "WF" } else { "SF" }, &[sub, action])
        }
        ExprKind::Label { name, body } => list("label", [atom(&name.name), expr(body)]),
        ExprKind::Error => atom("<error>"),
    }
}

fn update(u: &ExceptUpdate) -> S {
    let keys = u.path.iter().map(|k| match k {
        ExceptKey::Index(args) => list("index", args.iter().map(expr)),
        ExceptKey::Field(f) => list("dot", [atom(&f.name)]),
    });
    list("update", [S::List(keys.collect()), expr(&u.value)])
}
