//! Typed actions: a leaf of Next becomes straight-line Rust with TLC's primed-variable
//! semantics decided statically per path (the walk of `walk.rs`, mirrored construct for
//! construct so the successors and their order are the same): the first `x' = e` on a path
//! assigns `n.x`, later ones test; `\/`, `\E`, IF and CASE are branches and loops; UNCHANGED
//! copies. A path that ends with a variable unassigned bails out (dynamic mode then reports
//! TLC's "not completely specified" error).

use proc_macro2::TokenStream;
use quote::quote;
use tla2_frontend::ir::{BoundVars, Callee, DefKind, Expr, ExprId};

use super::expr::{Scope, TBind, TEnv, TGen, G};
use super::types::Ty;

/// The continuation of a walk: code for the rest of the path given the assigned variables.
pub type K<'a> = &'a mut dyn FnMut(&mut TGen<'_>, u64) -> G<TokenStream>;

impl<'p> TGen<'p> {
    /// Statements walking `e` with `assigned` variables assigned, then `k`.
    pub fn walk(&mut self, e: ExprId, env: &TEnv, assigned: u64, k: K<'_>) -> G<TokenStream> {
        let p = self.p;
        let sc = Scope { next: Some(assigned), primed: false };
        Ok(match p.expr(e) {
            Expr::And(xs) => self.walk_conj(xs, env, assigned, k)?,
            Expr::Or(xs) => {
                let mut out = TokenStream::new();
                for x in xs {
                    let w = self.walk(*x, env, assigned, k)?;
                    out.extend(quote! { { #w } });
                }
                out
            }
            Expr::Exists { bounds, body } => {
                let mut inner = env.clone();
                let mut heads = Vec::new();
                for b in bounds {
                    let (BoundVars::Single(l), Some(d)) = (&b.vars, b.domain) else {
                        return Err(self.unsupported("this binder in a typed action", Some(e)));
                    };
                    // Domains are evaluated before any is bound, as in dynamic mode.
                    let (dv, dt) = self.ex(d, env, sc)?;
                    let Some(et) = dt.elem_of_set() else {
                        return Err(self.unsupported("\\E over a set typed mode does not represent", Some(d)));
                    };
                    let id = self.fresh("e");
                    let dom = self.fresh("d");
                    heads.push((id.clone(), dom, dv, dt));
                    inner = inner.with(*l, TBind::Val(id, et));
                }
                let mut code = self.walk(*body, &inner, assigned, k)?;
                for (id, dom, _, dt) in heads.iter().rev() {
                    code = super::expr::loop_over(dt, id, &quote! { #dom }, code);
                }
                let doms = heads.iter().map(|(_, dom, dv, dt)| {
                    let t = dt.rust();
                    quote! { let #dom: #t = #dv; }
                });
                quote! { #(#doms)* #code }
            }
            Expr::If { cond, then, els } => {
                let c = self.bo(*cond, env, sc)?;
                let t = self.walk(*then, env, assigned, k)?;
                let f = self.walk(*els, env, assigned, k)?;
                quote! { if #c { #t } else { #f } }
            }
            Expr::Case { arms, other } => {
                let mut out = match other {
                    Some(o) => self.walk(*o, env, assigned, k)?,
                    None => quote! { return Err(Bail); },
                };
                for (g, b) in arms.iter().rev() {
                    let g = self.bo(*g, env, sc)?;
                    let b = self.walk(*b, env, assigned, k)?;
                    out = quote! { if #g { #b } else { #out } };
                }
                out
            }
            Expr::Let { body, .. } => self.walk(*body, env, assigned, k)?,
            Expr::Implies(a, b) => {
                let a = self.bo(*a, env, sc)?;
                let w = self.walk(*b, env, assigned, k)?;
                let rest = k(self, assigned)?;
                quote! { if #a { #w } else { #rest } }
            }
            Expr::Bool(true) => k(self, assigned)?,
            Expr::Bool(false) => quote! {},
            Expr::Call { callee: Callee::Def(d), args } => {
                let def = p.def(*d);
                let expand = matches!(def.kind, DefKind::Operator)
                    && !(args.is_empty() && crate::env::cacheable_in(&self.cst, p, *d))
                    && !def.recursive;
                if !expand {
                    return self.test(e, env, assigned, k);
                }
                let (stmts, inner) = self.arg_binds(*d, args, env, sc, e)?;
                let w = self.walk(def.body, &inner, assigned, k)?;
                quote! { { #stmts #w } }
            }
            Expr::Eq(lhs, rhs) => match self.target(*lhs, env) {
                Some(v) if assigned & (1 << v) == 0 => {
                    let (val, t) = self.ex(*rhs, env, sc)?;
                    self.check_var_ty(v, &t, e)?;
                    let f = self.var_fields[v as usize].clone();
                    let rest = k(self, assigned | (1 << v))?;
                    quote! { n.#f = #val; #rest }
                }
                _ => self.test(e, env, assigned, k)?,
            },
            Expr::In(lhs, set) => match self.target(*lhs, env) {
                Some(v) if assigned & (1 << v) == 0 => {
                    let (s, t) = self.ex(*set, env, sc)?;
                    let Some(et) = t.elem_of_set() else {
                        return Err(self.unsupported("x' \\in a set typed mode does not represent", Some(*set)));
                    };
                    self.check_var_ty(v, &et, e)?;
                    let f = self.var_fields[v as usize].clone();
                    let rest = k(self, assigned | (1 << v))?;
                    let x = quote::format_ident!("x");
                    super::expr::loop_over(&t, &x, &s, quote! { n.#f = x; #rest })
                }
                _ => self.test(e, env, assigned, k)?,
            },
            Expr::Unchanged(sub) => {
                let mut vars = Vec::new();
                if !self.unchanged_vars(*sub, env, &mut vars, 0) {
                    return Err(self.unsupported("UNCHANGED of something other than variables in typed mode", Some(e)));
                }
                let mut tests = Vec::new();
                let mut copies = Vec::new();
                let mut now = assigned;
                for v in vars {
                    let f = self.var_fields[v as usize].clone();
                    if now & (1 << v) != 0 {
                        tests.push(quote! { n.#f == s.#f });
                    } else {
                        copies.push(quote! { n.#f = s.#f; });
                        now |= 1 << v;
                    }
                }
                let rest = k(self, now)?;
                quote! { if true #(&& #tests)* { #(#copies)* #rest } }
            }
            // `\A` over a body that only tests (no branch, no assignment) walks as the test it is.
            Expr::Forall { body, .. } if self.only_tests(*body, env, assigned, 0) => self.test(e, env, assigned, k)?,
            Expr::Forall { .. } | Expr::BoxAction { .. } | Expr::AngleAction { .. } => {
                return Err(self.unsupported("this action form in typed mode", Some(e)))
            }
            _ => self.test(e, env, assigned, k)?,
        })
    }

    /// Whether walking `e` continues at most once and assigns nothing (so it is a test).
    fn only_tests(&self, e: ExprId, env: &TEnv, assigned: u64, depth: u32) -> bool {
        let p = self.p;
        if depth > 32 {
            return false;
        }
        match p.expr(e) {
            Expr::And(xs) => xs.iter().all(|x| self.only_tests(*x, env, assigned, depth + 1)),
            Expr::Or(_) | Expr::Exists { .. } | Expr::Forall { .. } | Expr::Unchanged(_) => false,
            Expr::BoxAction { .. } | Expr::AngleAction { .. } => false,
            Expr::If { then, els, .. } => {
                self.only_tests(*then, env, assigned, depth + 1) && self.only_tests(*els, env, assigned, depth + 1)
            }
            Expr::Case { arms, other } => {
                arms.iter().all(|(_, b)| self.only_tests(*b, env, assigned, depth + 1))
                    && other.map_or(true, |o| self.only_tests(o, env, assigned, depth + 1))
            }
            Expr::Let { body, .. } => self.only_tests(*body, env, assigned, depth + 1),
            Expr::Implies(_, b) => self.only_tests(*b, env, assigned, depth + 1),
            Expr::Call { callee: Callee::Def(d), args } => {
                let def = p.def(*d);
                let expand = matches!(def.kind, DefKind::Operator)
                    && !(args.is_empty() && crate::env::cacheable_in(&self.cst, p, *d))
                    && !def.recursive;
                // Parameters bound by name could be assignment targets: only without parameters.
                !expand || (def.params.is_empty() && self.only_tests(def.body, env, assigned, depth + 1))
            }
            Expr::Eq(lhs, _) | Expr::In(lhs, _) => self.target(*lhs, env).map_or(true, |v| assigned & (1 << v) != 0),
            _ => true,
        }
    }

    fn walk_conj(&mut self, xs: &[ExprId], env: &TEnv, assigned: u64, k: K<'_>) -> G<TokenStream> {
        match xs {
            [] => k(self, assigned),
            [x] => self.walk(*x, env, assigned, k),
            [x, rest @ ..] => {
                let env2 = env.clone();
                let mut k2 = |g: &mut TGen<'_>, a: u64| -> G<TokenStream> { g.walk_conj(rest, &env2, a, &mut *k) };
                self.walk(*x, env, assigned, &mut k2)
            }
        }
    }

    fn test(&mut self, e: ExprId, env: &TEnv, assigned: u64, k: K<'_>) -> G<TokenStream> {
        let b = self.bo(e, env, Scope { next: Some(assigned), primed: false })?;
        let rest = k(self, assigned)?;
        Ok(quote! { if #b { #rest } })
    }

    fn check_var_ty(&self, v: u32, t: &Ty, e: ExprId) -> G<()> {
        match &self.var_tys[v as usize] {
            Some(vt) if Ty::unify(vt, t).as_ref() == Some(vt) => Ok(()),
            vt => Err(self.unsupported(
                format!("assigning a {t:?} to variable {} of type {vt:?}", self.p.vars[v as usize].name),
                Some(e),
            )),
        }
    }

    /// The variable `x` of an `x'` on the left of `=`/`\in`, as dynamic mode finds it.
    fn target(&self, lhs: ExprId, env: &TEnv) -> Option<u32> {
        match self.p.expr(lhs) {
            Expr::Prime(_) => match self.var_of(lhs, env) {
                Some((v, true)) => Some(v),
                _ => None,
            },
            Expr::Local(l) => match env.get(*l) {
                Some(TBind::Name(x, env2)) => match self.var_of(*x, env2) {
                    Some((v, true)) => Some(v),
                    _ => None,
                },
                _ => None,
            },
            _ => None,
        }
    }

    fn unchanged_vars(&self, e: ExprId, env: &TEnv, out: &mut Vec<u32>, depth: u32) -> bool {
        let p = self.p;
        if depth > 64 {
            return false;
        }
        match p.expr(e) {
            Expr::Var(v) => {
                out.push(v.0);
                true
            }
            Expr::Tuple(xs) => xs.iter().all(|x| self.unchanged_vars(*x, env, out, depth + 1)),
            Expr::Local(_) => match self.var_of(e, env) {
                Some((v, false)) => {
                    out.push(v);
                    true
                }
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
