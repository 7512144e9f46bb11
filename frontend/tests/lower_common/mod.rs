//! Hand-built syntax trees for the lowering tests, so that they do not depend on the parser.
#![allow(dead_code)]

use tla2_frontend::ast::*;
use tla2_frontend::cfg::{CfgValue, CfgValueKind, Config, ConstantBinding};
use tla2_frontend::loader::{LoadedModule, LoadedSpec, Origin};
use tla2_frontend::span::{FileId, Span};

pub fn id(n: &str) -> Ident {
    Ident { name: n.to_string(), span: Span::default() }
}

pub fn e(kind: ExprKind) -> Expr {
    Expr { kind, span: Span::default() }
}

/// `n(args)`, or the bare name `n` when `args` is empty.
pub fn app(n: &str, args: Vec<Expr>) -> Expr {
    e(ExprKind::OpApp { op: OpRef { path: vec![], name: id(n) }, args })
}

pub fn name(n: &str) -> Expr {
    app(n, vec![])
}

/// `I!J!op(args)` with `segs` = `[("I", []), ("J", [])]`.
pub fn path(segs: Vec<(&str, Vec<Expr>)>, n: &str, args: Vec<Expr>) -> Expr {
    let path = segs.into_iter().map(|(s, a)| PathSeg { name: id(s), args: a }).collect();
    e(ExprKind::OpApp { op: OpRef { path, name: id(n) }, args })
}

pub fn num(n: &str) -> Expr {
    e(ExprKind::Number(n.to_string()))
}

pub fn bin(op: &str, a: Expr, b: Expr) -> Expr {
    app(op, vec![a, b])
}

pub fn prime(a: Expr) -> Expr {
    app("'", vec![a])
}

pub fn bound(names: &[&str], domain: Expr) -> Bound {
    Bound {
        pattern: BoundPattern::Names(names.iter().map(|n| id(n)).collect()),
        domain: Some(domain),
        span: Span::default(),
    }
}

pub fn exists(names: &[&str], domain: Expr, body: Expr) -> Expr {
    e(ExprKind::Quantifier { quant: Quant::Exists, bounds: vec![bound(names, domain)], body: Box::new(body) })
}

pub fn opdef(n: &str, params: &[(&str, usize)], body: Expr) -> Unit {
    Unit::OpDef(OpDef {
        local: false,
        name: id(n),
        shape: OpShape::Normal,
        params: params.iter().map(|(p, a)| OpParam { name: id(p), arity: *a }).collect(),
        body,
        span: Span::default(),
    })
}

pub fn local_def(n: &str, body: Expr) -> Unit {
    match opdef(n, &[], body) {
        Unit::OpDef(d) => Unit::OpDef(OpDef { local: true, ..d }),
        u => u,
    }
}

pub fn constants(names: &[(&str, usize)]) -> Unit {
    Unit::Constants(names.iter().map(|(n, a)| ConstDecl { name: id(n), arity: *a }).collect())
}

pub fn variables(names: &[&str]) -> Unit {
    Unit::Variables(names.iter().map(|n| id(n)).collect())
}

pub fn instance(inst_name: Option<&str>, params: &[&str], module: &str, with: Vec<(&str, Expr)>) -> Unit {
    Unit::Instance(InstanceDef {
        local: false,
        name: inst_name.map(id),
        params: params.iter().map(|p| OpParam { name: id(p), arity: 0 }).collect(),
        module: id(module),
        substitutions: with.into_iter().map(|(n, x)| (id(n), x)).collect(),
        span: Span::default(),
    })
}

pub fn module(n: &str, extends: &[&str], units: Vec<Unit>) -> Module {
    Module { name: id(n), extends: extends.iter().map(|x| id(x)).collect(), units, span: Span::default() }
}

/// A minimal Naturals: `+`, `-`, `Nat` and `..` are natively implemented.
pub fn naturals() -> Module {
    let b = || name("BUILTIN");
    module(
        "Naturals",
        &[],
        vec![
            opdef("Nat", &[], b()),
            opdef("+", &[("a", 0), ("b", 0)], b()),
            opdef("-", &[("a", 0), ("b", 0)], b()),
            opdef("..", &[("a", 0), ("b", 0)], b()),
        ],
    )
}

/// The root comes first.
pub fn spec(mods: Vec<Module>) -> LoadedSpec {
    let modules = mods.into_iter().map(|ast| LoadedModule { ast, file: FileId(0), origin: Origin::SpecDir }).collect();
    LoadedSpec { modules, ..Default::default() }
}

pub fn cfg_int(n: &str, v: i64) -> ConstantBinding {
    ConstantBinding::Value {
        name: id(n),
        value: CfgValue { kind: CfgValueKind::Int(v), span: Span::default() },
        span: Span::default(),
    }
}

pub fn cfg_model_values(n: &str, vals: &[&str]) -> ConstantBinding {
    let set = vals
        .iter()
        .map(|v| CfgValue { kind: CfgValueKind::ModelValue(v.to_string()), span: Span::default() })
        .collect();
    ConstantBinding::Value {
        name: id(n),
        value: CfgValue { kind: CfgValueKind::Set(set), span: Span::default() },
        span: Span::default(),
    }
}

pub fn cfg_subst(module: Option<&str>, n: &str, target: &str) -> ConstantBinding {
    ConstantBinding::Substitute { module: module.map(id), name: id(n), target: id(target), span: Span::default() }
}

pub fn config() -> Config {
    Config::default()
}

/// Diagnostic codes, in order.
pub fn codes(d: &[tla2_frontend::Diagnostic]) -> Vec<&'static str> {
    d.iter().map(|x| x.code).collect()
}
