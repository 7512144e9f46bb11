//! Typed mode: a checker over packed native states (`Copy` structs of `i64`, `bool` and
//! arrays) instead of `Value`s, for the specs whose every variable and every expression of
//! Next, the invariants and the constraints have a type (`types::Ty`).
//!
//! Type inference (`infer_vars`) reads each variable's type from Init (`x = e`, `x \in a..b`);
//! expressions are typed as they are generated (`expr`), and every assignment `x' = e` of an
//! action must have `x`'s type (`action`). Anything else — a construct, a set or a function
//! domain typed mode does not represent, VIEW, SYMMETRY, PROPERTY (liveness stays dynamic) — makes the whole
//! spec fall back to dynamic mode, with the first reason and its location
//! ([`typed_spec`] returns it as a [`CodegenError::Unsupported`]).
//!
//! The generated `spec::typed::Spec` (`model`) wraps the dynamic `spec::Spec`, generated as
//! usual in the same file: it reuses its Init, its split of Next (so action ids, names and
//! order are the same), its metadata, ASSUME, POSTCONDITION and ALIAS, and redoes in dynamic
//! mode any state on which typed code bails out (overflow, a function applied outside its
//! domain, an unassigned variable…), so errors are the interpreter's, word for word.
//! Fingerprints are computed from the packed state with the same words the runtime hashes
//! for the state's `Value`s, so they equal the interpreter's.

mod action;
mod expr;
mod model;
mod types;

use proc_macro2::TokenStream;
use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId, Program};
use tla2_frontend::SourceMap;

use crate::split::Leaf;
use crate::CodegenError;
use expr::{Scope, TEnv, TGen, G};
pub use types::{Dom, EnumKind, Ty};

/// The typed module (`pub mod typed { … }`) to append to the dynamic `spec.rs`, or why the
/// spec needs dynamic mode.
pub fn typed_spec(p: &Program, sources: &SourceMap, leaves: &[Leaf]) -> Result<TokenStream, CodegenError> {
    let m = &p.model;
    let mut g = TGen::new(p, sources);
    let first = |list: &[tla2_frontend::ir::Named]| list.first().map(|n| n.expr);
    if let Some(v) = &m.view {
        return Err(g.unsupported("VIEW in typed mode", Some(v.expr)));
    }
    if let Some(s) = &m.symmetry {
        return Err(g.unsupported("SYMMETRY in typed mode", Some(s.expr)));
    }
    if !m.properties.is_empty() {
        return Err(g.unsupported("PROPERTY in typed mode", first(&m.properties)));
    }
    // Fairness alone (no PROPERTY) needs no liveness checking: nothing to do with it.
    if p.vars.is_empty() || p.vars.len() > 63 {
        return Err(g.unsupported("a spec without variables or with more than 63 in typed mode", None));
    }
    if m.next.is_none() {
        return Err(g.unsupported("a spec without Next in typed mode", None));
    }
    infer_vars(&mut g)?;
    if !g.var_tys.iter().flatten().any(Ty::has_empty) {
        return model::generate(&mut g, leaves);
    }
    // A variable that starts as `{}` (or holds some): its elements' kind is a guess, checked by
    // generating everything with it (any assignment of another kind is a type error).
    let mut last = None;
    for kind in [EnumKind::ModelValue, EnumKind::Str] {
        if g.universe(kind) == 0 || g.universe(kind) > 64 {
            continue;
        }
        let mut g2 = TGen::new(p, sources);
        g2.var_tys = g.var_tys.iter().map(|t| t.as_ref().map(|t| t.resolve_empty(kind))).collect();
        match model::generate(&mut g2, leaves) {
            Ok(t) => return Ok(t),
            Err(e) => last = Some(e),
        }
    }
    Err(last.unwrap_or_else(|| {
        g.unsupported(
            "a variable that is initially {} with elements typed mode cannot tell",
            p.model.init.as_ref().map(|i| i.expr),
        )
    }))
}

/// Sets `g.var_tys` from Init's top-level conjuncts; every variable must get a storable type.
fn infer_vars(g: &mut TGen<'_>) -> G<()> {
    let p = g.p;
    let Some(init) = &p.model.init else {
        return Err(g.unsupported("a spec without Init in typed mode", None));
    };
    let mut conjuncts = Vec::new();
    flatten_init(p, init.expr, &mut conjuncts, 0);
    for c in conjuncts {
        let target = match p.expr(c) {
            Expr::Eq(a, b) | Expr::In(a, b) => match p.expr(*a) {
                Expr::Var(v) if g.var_tys[v.0 as usize].is_none() => Some((*v, *b, matches!(p.expr(c), Expr::In(..)))),
                _ => None,
            },
            _ => None,
        };
        let Some((v, rhs, member)) = target else {
            // Any other conjunct must not be where a variable is first assigned (it could
            // assign it a value of another type): it may mention only typed variables.
            if let Some(x) = mentions_untyped(g, c, &mut 0) {
                let name = &p.vars[x as usize].name;
                return Err(
                    g.unsupported(format!("variable {name}: its type could not be inferred from Init"), Some(c))
                );
            }
            continue;
        };
        let (_, t) = g.ex(rhs, &TEnv::default(), Scope::state())?;
        let t = match (member, t) {
            (false, t) => t,
            (true, t) if t.elem_of_set().is_some() => t.elem_of_set().expect("checked"),
            (true, _) => return Err(g.unsupported("x \\in a set typed mode does not represent, in Init", Some(rhs))),
        };
        if !t.resolve_empty(EnumKind::Str).storable() {
            return Err(g.unsupported(format!("a variable of type {t:?}"), Some(rhs)));
        }
        g.var_tys[v.0 as usize] = Some(t);
    }
    if let Some(i) = g.var_tys.iter().position(|t| t.is_none()) {
        let name = &p.vars[i].name;
        return Err(
            g.unsupported(format!("variable {name}: its type could not be inferred from Init"), Some(init.expr))
        );
    }
    Ok(())
}

/// A variable without a type yet that `e` (or a definition it calls) mentions.
fn mentions_untyped(g: &TGen<'_>, e: ExprId, budget: &mut u32) -> Option<u32> {
    *budget += 1;
    if *budget > 100_000 {
        return Some(0);
    }
    let p = g.p;
    match p.expr(e) {
        Expr::Var(v) if g.var_tys[v.0 as usize].is_none() => return Some(v.0),
        Expr::Call { callee: Callee::Def(d), .. } | Expr::OpValue(Callee::Def(d)) => {
            if let Some(x) = mentions_untyped(g, p.def(*d).body, budget) {
                return Some(x);
            }
        }
        _ => {}
    }
    let doms = |bs: &[tla2_frontend::ir::Binding]| bs.iter().filter_map(|b| b.domain).collect::<Vec<_>>();
    let kids = match p.expr(e) {
        Expr::Call { args, .. } => args.clone(),
        Expr::Exists { bounds, body } | Expr::Forall { bounds, body } | Expr::FunCons { bounds, body } => {
            let mut k = doms(bounds);
            k.push(*body);
            k
        }
        Expr::SetMap { body, bounds } => {
            let mut k = doms(bounds);
            k.push(*body);
            k
        }
        Expr::Choose { binding, body } => binding.domain.into_iter().chain([*body]).collect(),
        Expr::SetFilter { binding, pred } => binding.domain.into_iter().chain([*pred]).collect(),
        Expr::Let { body, .. } | Expr::Lambda { body, .. } => vec![*body],
        other => crate::analysis::children_of(other),
    };
    kids.into_iter().find_map(|c| mentions_untyped(g, c, budget))
}

fn flatten_init(p: &Program, e: ExprId, out: &mut Vec<ExprId>, depth: u32) {
    if depth > 32 {
        return;
    }
    match p.expr(e) {
        Expr::And(xs) => xs.iter().for_each(|x| flatten_init(p, *x, out, depth + 1)),
        Expr::Let { body, .. } => flatten_init(p, *body, out, depth + 1),
        Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
            let def = p.def(*d);
            if matches!(def.kind, DefKind::Operator) && !def.recursive {
                flatten_init(p, def.body, out, depth + 1)
            }
        }
        _ => out.push(e),
    }
}

#[cfg(test)]
mod tests;
