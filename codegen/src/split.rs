//! Next split into TLC's actions (the interpreter's `actions.rs`): disjuncts, definitions
//! applied to constant arguments and `\E` over constant domains are unfolded, each leaf is an
//! action named after the definition it came from. Which leaves exist is known here; how many
//! instances of each (one per element of a constant `\E` domain) is computed when the checker
//! starts, by the generated `split_actions`, which records the bound values of each instance.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId, LocalId};

use crate::env::{sanitize, Bind, Env, Gen, G};

/// One leaf: an action body with the value locals bound on the way to it.
pub struct Leaf {
    pub name: String,
    pub expr: ExprId,
    pub locals: Vec<LocalId>,
    /// Where each of `locals` gets its value (typed mode infers their types from it).
    pub srcs: Vec<LocalSrc>,
}

/// How a local of a leaf is bound by the split.
#[derive(Clone, Copy, Debug)]
pub enum LocalSrc {
    /// An element of this `\E` domain.
    Elem(ExprId),
    /// A component of a tuple element of a `\E` domain.
    TupleElem,
    /// This argument of a definition.
    Arg(ExprId),
}

impl<'p> Gen<'p> {
    /// Statements pushing `(leaf, env values)` onto `out` for every action under `e`.
    pub fn split(
        &mut self,
        e: ExprId,
        name: &str,
        locals: &[LocalId],
        srcs: &[LocalSrc],
        leaves: &mut Vec<Leaf>,
    ) -> G<TokenStream> {
        let p = self.p;
        let env = self.split_env(locals);
        Ok(match p.expr(e) {
            Expr::Or(xs) => {
                let parts = xs.iter().map(|x| self.split(*x, name, locals, srcs, leaves)).collect::<G<Vec<_>>>()?;
                quote! { #(#parts)* }
            }
            Expr::Let { body, .. } => self.split(*body, name, locals, srcs, leaves)?,
            Expr::Exists { bounds, body } if bounds.iter().all(|b| b.domain.is_some_and(|d| self.cst.expr(p, d))) => {
                let leaf = self.leaf(e, name, locals, srcs, leaves);
                let doms = self.domains(bounds, &env, crate::analysis::expr_index(e))?;
                let (binds, _) = self.bind_combo(bounds, &env, None);
                let mut inner_locals = locals.to_vec();
                let mut inner_srcs = srcs.to_vec();
                for b in bounds {
                    match &b.vars {
                        tla2_frontend::ir::BoundVars::Single(l) => {
                            inner_locals.push(*l);
                            inner_srcs.push(LocalSrc::Elem(b.domain.expect("checked above")));
                        }
                        tla2_frontend::ir::BoundVars::Tuple(ls) => {
                            inner_locals.extend(ls.iter().copied());
                            inner_srcs.extend(ls.iter().map(|_| LocalSrc::TupleElem));
                        }
                    }
                }
                let inner = self.split(*body, name, &inner_locals, &inner_srcs, leaves)?;
                quote! { {
                    let mark = out.len();
                    let r: R<bool> = (|| -> R<bool> {
                        let doms = enumerate_domains(&#doms)?;
                        for_each_combo(&doms, |vals: &[Value]| -> R<bool> { #binds #inner Ok(true) })
                    })();
                    if !matches!(r, Ok(true)) || out.len() == mark {
                        out.truncate(mark);
                        #leaf
                    }
                } }
            }
            Expr::Call { callee: Callee::Def(d), args }
                if matches!(p.def(*d).kind, DefKind::Operator)
                    && args.iter().all(|a| self.cst.expr(p, *a))
                    && !args.iter().any(|a| self.is_op_expr(*a))
                    && p.def(*d).params.iter().all(|x| x.arity == 0) =>
            {
                let def = p.def(*d);
                let leaf = self.leaf(e, name, locals, srcs, leaves);
                let vs = self.all(args, &env)?;
                let mut inner_locals = locals.to_vec();
                let mut inner_srcs = srcs.to_vec();
                let mut binds = TokenStream::new();
                for (k, prm) in def.params.iter().enumerate() {
                    let id = self.local(prm.local);
                    binds.extend(quote! { let #id: Value = vals[#k].clone(); });
                    inner_locals.push(prm.local);
                    inner_srcs.push(LocalSrc::Arg(args[k]));
                }
                let inner = self.split(def.body, &def.name, &inner_locals, &inner_srcs, leaves)?;
                quote! { {
                    let r: R<Vec<Value>> = (|| -> R<Vec<Value>> { Ok(vec![#(#vs),*]) })();
                    match r {
                        Err(_) => { #leaf }
                        Ok(vals) => { #binds #inner }
                    }
                } }
            }
            _ => self.leaf(e, name, locals, srcs, leaves),
        })
    }

    pub(crate) fn split_env(&self, locals: &[LocalId]) -> Env {
        let mut env = Env::default();
        for l in locals {
            env.push(*l, Bind::Val(self.local(*l)));
        }
        env
    }

    fn leaf(
        &mut self,
        e: ExprId,
        name: &str,
        locals: &[LocalId],
        srcs: &[LocalSrc],
        leaves: &mut Vec<Leaf>,
    ) -> TokenStream {
        let n = leaves.len();
        leaves.push(Leaf { name: name.to_string(), expr: e, locals: locals.to_vec(), srcs: srcs.to_vec() });
        let ids: Vec<_> = locals.iter().map(|l| self.local(*l)).collect();
        quote! { out.push((#n, vec![#(#ids.clone()),*])); }
    }

    /// The walk function of a leaf: `fn action_N_Name(cx, env, k)`.
    pub fn leaf_fn(&mut self, n: usize, leaf: &Leaf) -> G<(proc_macro2::Ident, TokenStream)> {
        let id = format_ident!("action_{}_{}", n, sanitize(&leaf.name));
        let env = self.split_env(&leaf.locals);
        let ids: Vec<_> = leaf.locals.iter().map(|l| self.local(*l)).collect();
        let idx = 0..ids.len();
        let w = self.walk(leaf.expr, &env, &quote! { k }, false)?;
        let doc = self.doc(&leaf.name, self.p.span(leaf.expr));
        Ok((
            id.clone(),
            quote! {
                #[doc = #doc]
                #[allow(unused_variables)]
                fn #id(cx: &Cx<'_>, env: &[Value], k: &dyn Fn() -> R<()>) -> R<()> {
                    #(let #ids: Value = env[#idx].clone();)*
                    #w
                }
            },
        ))
    }
}
