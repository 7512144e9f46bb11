//! Actions and Init as walks with TLC's primed-variable semantics (the interpreter's
//! `action.rs`): `x' = e` on an unassigned `x'` assigns, `x' \in S` branches, later occurrences
//! test; `\/`, `\E`, IF and CASE branch; definitions are expanded; UNCHANGED assigns. The rest
//! of a conjunction is a continuation: a Rust closure `&dyn Fn() -> R<()>`. A walk is a Rust
//! expression of type `R<()>`; errors of the walk itself propagate untagged, as in the
//! interpreter (the model then reports them at the action).

use proc_macro2::TokenStream;
use quote::quote;
use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId, VarId};

use crate::analysis::expr_index;
use crate::env::{Bind, Env, Gen, G};
use crate::expr::fail;

impl<'p> Gen<'p> {
    /// Walks `e` then the continuation `k` (an expression of type `&dyn Fn() -> R<()>`);
    /// `init`: Init's walk (unprimed variables are the targets).
    pub fn walk(&mut self, e: ExprId, env: &Env, k: &TokenStream, init: bool) -> G<TokenStream> {
        let p = self.p;
        let i = expr_index(e);
        Ok(match p.expr(e) {
            Expr::And(xs) => self.walk_conj(xs, env, k, init)?,
            Expr::Or(xs) => {
                let ws = xs.iter().map(|x| self.walk(*x, env, k, init)).collect::<G<Vec<_>>>()?;
                quote! { { #( if cx.stopped() { return Ok(()); } (#ws)?; )* Ok(()) } }
            }
            Expr::Exists { bounds, body } => {
                let doms = self.domains_untagged(bounds, env)?;
                let (binds, inner) = self.bind_combo(bounds, env, None);
                let w = self.walk(*body, &inner, k, init)?;
                quote! { {
                    let doms = enumerate_domains(&#doms)?;
                    for_each_combo(&doms, |vals: &[Value]| -> R<bool> {
                        #binds
                        (|| -> R<()> { #w })()?;
                        Ok(!cx.stopped())
                    })?;
                    Ok(())
                } }
            }
            Expr::Forall { bounds, body } => {
                let doms = self.domains_untagged(bounds, env)?;
                let (binds, inner) = self.bind_combo(bounds, env, None);
                let w = self.walk(*body, &inner, &quote! { k2 }, init)?;
                quote! { {
                    let doms = enumerate_domains(&#doms)?;
                    let mut combos: Vec<Vec<Value>> = Vec::new();
                    for_each_combo(&doms, |vals: &[Value]| -> R<bool> { combos.push(vals.to_vec()); Ok(true) })?;
                    walk_forall(&combos, 0, &|vals: &[Value], k2: &dyn Fn() -> R<()>| -> R<()> { #binds #w }, #k)
                } }
            }
            Expr::If { cond, then, els } => {
                let c = self.bo(*cond, env)?;
                let (t, f) = (self.walk(*then, env, k, init)?, self.walk(*els, env, k, init)?);
                quote! { if #c { #t } else { #f } }
            }
            Expr::Case { arms, other } => {
                let mut out = match other {
                    Some(o) => self.walk(*o, env, k, init)?,
                    None => fail(quote! { case_none() }, i),
                };
                for (g, b) in arms.iter().rev() {
                    let (g, b) = (self.bo(*g, env)?, self.walk(*b, env, k, init)?);
                    out = quote! { if #g { #b } else { #out } };
                }
                out
            }
            Expr::Let { body, .. } => self.walk(*body, env, k, init)?,
            Expr::Implies(a, b) => {
                let a = self.bo(*a, env)?;
                let b = self.walk(*b, env, k, init)?;
                quote! { if #a { #b } else { (#k)() } }
            }
            Expr::Bool(true) => quote! { (#k)() },
            Expr::Bool(false) => quote! { Ok(()) },
            Expr::Call { callee: Callee::Def(d), args } => {
                let def = p.def(*d);
                let expand =
                    matches!(def.kind, DefKind::Operator) && !(args.is_empty() && self.cacheable(*d)) && !def.recursive;
                if !expand {
                    return self.test(e, env, k);
                }
                let (stmts, binds) = self.arg_binds(*d, args, env)?;
                let mut inner = env.clone();
                for (prm, b) in def.params.iter().zip(binds) {
                    inner.push(prm.local, b);
                }
                let w = self.walk(def.body, &inner, k, init)?;
                quote! { { #stmts #w } }
            }
            _ => self.walk_atom(e, env, k, init)?,
        })
    }

    fn domains_untagged(&mut self, bounds: &[tla2_frontend::ir::Binding], env: &Env) -> G<TokenStream> {
        let mut ds = Vec::new();
        for b in bounds {
            ds.push(match b.domain {
                Some(d) => self.ex(d, env)?,
                None => quote! { { return Err(unbounded()); } },
            });
        }
        Ok(quote! { [#(#ds),*] })
    }

    fn walk_conj(&mut self, xs: &[ExprId], env: &Env, k: &TokenStream, init: bool) -> G<TokenStream> {
        match xs {
            [] => Ok(quote! { (#k)() }),
            [x] => self.walk(*x, env, k, init),
            [x, rest @ ..] => {
                let kn = self.fresh("k");
                let r = self.walk_conj(rest, env, k, init)?;
                let w = self.walk(*x, env, &quote! { &#kn }, init)?;
                Ok(quote! { { let #kn = || -> R<()> { #r }; #w } })
            }
        }
    }

    fn walk_atom(&mut self, e: ExprId, env: &Env, k: &TokenStream, init: bool) -> G<TokenStream> {
        let p = self.p;
        let i = expr_index(e);
        Ok(match p.expr(e) {
            Expr::Eq(lhs, rhs) => match self.target_var(*lhs, env, init) {
                Some(v) => {
                    let v = v.0 as usize;
                    let val = self.ex(*rhs, env)?;
                    let test = self.test(e, env, k)?;
                    quote! { if cx.unassigned(#v) { let val = #val; cx.assign(#v, val, #k) } else { #test } }
                }
                None => self.test(e, env, k)?,
            },
            Expr::In(lhs, set) => match self.target_var(*lhs, env, init) {
                Some(v) => {
                    let v = v.0 as usize;
                    let s = self.ex(*set, env)?;
                    let test = self.test(e, env, k)?;
                    quote! { if cx.unassigned(#v) { let s = #s; cx.assign_each(#v, s, #i, #k) } else { #test } }
                }
                None => self.test(e, env, k)?,
            },
            Expr::Unchanged(sub) if !init => self.unchanged(*sub, env, k)?,
            Expr::BoxAction { action, sub } if !init => {
                let w = self.walk(*action, env, k, init)?;
                let u = self.unchanged(*sub, env, k)?;
                quote! { { (#w)?; #u } }
            }
            Expr::AngleAction { action, sub } if !init => {
                let si = expr_index(*sub);
                let (now, then) = (self.ex(*sub, env)?, self.ex(*sub, env)?);
                let kc = self.fresh("k");
                let w = self.walk(*action, env, &quote! { &#kc }, init)?;
                quote! { {
                    let #kc = || -> R<()> {
                        let now = #now;
                        let then = tri!(cx.primed(|| -> R<Value> { Ok(#then) }), #si);
                        if now != then { (#k)() } else { Ok(()) }
                    };
                    #w
                } }
            }
            _ => self.test(e, env, k)?,
        })
    }

    /// `e` as a condition: continue if it holds.
    fn test(&mut self, e: ExprId, env: &Env, k: &TokenStream) -> G<TokenStream> {
        let b = self.bo(e, env)?;
        Ok(quote! { { if #b { (#k)()?; } Ok(()) } })
    }

    /// The variable `lhs` assigns: `x'` in an action, `x` in Init, through by-name parameters.
    fn target_var(&self, lhs: ExprId, env: &Env, init: bool) -> Option<VarId> {
        let p = self.p;
        match (p.expr(lhs), init) {
            (Expr::Var(v), true) => Some(*v),
            (Expr::Prime(inner), false) => match p.expr(*inner) {
                Expr::Var(v) => Some(*v),
                Expr::Local(l) => match env.get(*l).map(|b| match b {
                    Bind::Target(t) => p.expr(*t),
                    _ => &Expr::ExceptAt,
                }) {
                    Some(Expr::Var(v)) => Some(*v),
                    _ => None,
                },
                _ => None,
            },
            (Expr::Local(l), _) => match env.get(*l) {
                Some(Bind::Target(t)) => self.target_var(*t, env, init),
                _ => None,
            },
            _ => None,
        }
    }

    fn unchanged(&mut self, sub: ExprId, env: &Env, k: &TokenStream) -> G<TokenStream> {
        let mut vars = Vec::new();
        if self.unchanged_vars(sub, env, &mut vars, 0) {
            return Ok(quote! { cx.unchanged_vars(&[#(#vars),*], #k) });
        }
        let si = expr_index(sub);
        let (now, then) = (self.ex(sub, env)?, self.ex(sub, env)?);
        Ok(quote! { {
            let now = #now;
            let then = tri!(cx.primed(|| -> R<Value> { Ok(#then) }), #si);
            if now == then { (#k)()?; }
            Ok(())
        } })
    }

    fn unchanged_vars(&self, e: ExprId, env: &Env, out: &mut Vec<usize>, depth: u32) -> bool {
        let p = self.p;
        if depth > 64 {
            return false;
        }
        match p.expr(e) {
            Expr::Var(v) => {
                out.push(v.0 as usize);
                true
            }
            Expr::Tuple(xs) => xs.iter().all(|x| self.unchanged_vars(*x, env, out, depth + 1)),
            Expr::Local(l) => match env.get(*l) {
                Some(Bind::Target(t)) => match p.expr(*t) {
                    Expr::Var(v) => {
                        out.push(v.0 as usize);
                        true
                    }
                    _ => false,
                },
                _ => false,
            },
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                matches!(def.kind, DefKind::Operator)
                    && def.params.is_empty()
                    && self.unchanged_vars(def.body, env, out, depth + 1)
            }
            _ => false,
        }
    }
}
