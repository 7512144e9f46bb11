//! Definitions as Rust functions: an operator `Op(p) == body` becomes
//! `fn dN_Op(cx, p) -> R<Value>` (cached once per run when constant-level and nullary, as the
//! interpreter caches it); a recursive function `f[x \in S] == body` becomes a value function,
//! an apply function (domain check) and a body function.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use tla2_frontend::ir::{DefId, DefKind, ExprId};

use crate::analysis::{def_index, expr_index};
use crate::env::{sanitize, Bind, Env, Gen, G};

impl<'p> Gen<'p> {
    /// Emits the functions of every queued definition (which may queue more).
    pub fn emit_defs(&mut self) -> G<()> {
        while let Some(d) = self.queue.pop() {
            self.emit_def(d)?;
        }
        Ok(())
    }

    fn emit_def(&mut self, d: DefId) -> G<()> {
        let def = self.p.def(d);
        let name = self.def_fn(d);
        let mut env = Env::default();
        let mut params = Vec::new();
        for l in self.caps_of(d) {
            let id = self.local(l);
            match self.op_arity(l) {
                0 => {
                    params.push(quote! { #id: Value });
                    env.push(l, Bind::Val(id));
                }
                n => {
                    params.push(quote! { #id: Op<'_> });
                    env.push(l, Bind::Op(id, n));
                }
            }
        }
        for prm in &def.params {
            let id = self.local(prm.local);
            if prm.arity > 0 {
                params.push(quote! { #id: Op<'_> });
                env.push(prm.local, Bind::Op(id, prm.arity));
            } else {
                params.push(quote! { #id: Value });
                env.push(prm.local, Bind::Val(id));
            }
        }
        let body = self.ex(def.body, &env)?;
        let doc = self.doc(&def.name, def.span);
        let item = if self.cacheable(d) {
            let cache = format_ident!("CACHE_{}", name);
            quote! {
                static #cache: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
                #[doc = #doc]
                fn #name(cx: &Cx<'_>) -> R<Value> {
                    if let Some(v) = #cache.get() { return Ok(v.clone()); }
                    let v = cx.call(|| -> R<Value> { Ok(#body) })?;
                    let _ = #cache.set(v.clone());
                    Ok(v)
                }
            }
        } else {
            quote! {
                #[doc = #doc]
                #[allow(unused_variables)]
                fn #name(cx: &Cx<'_> #(, #params)*) -> R<Value> {
                    cx.call(|| -> R<Value> { Ok(#body) })
                }
            }
        };
        self.items.push(item);
        Ok(())
    }

    /// A doc comment: the TLA+ name and its source location.
    pub fn doc(&self, name: &str, span: tla2_frontend::Span) -> String {
        let l = self.sources.location(span);
        format!(" `{name}` ({}:{}:{})", l.file, l.line, l.column)
    }

    /// The value and apply functions of a recursive function definition (emitted once).
    pub fn rec_fn(&mut self, d: DefId, at: ExprId) -> G<(Ident, Ident)> {
        let def = self.p.def(d);
        let base = format!("rf{}_{}", def_index(d), sanitize(&def.name));
        let (value, apply, body_fn) =
            (format_ident!("{}_value", base), format_ident!("{}_apply", base), format_ident!("{}_body", base));
        if self.rec_fns.contains(&d) {
            return Ok((value, apply));
        }
        if !def.params.is_empty() {
            return Err(self.unsupported("a recursive function defined in an instance with parameters", Some(at)));
        }
        self.rec_fns.insert(d);
        let DefKind::RecursiveFunction { bounds } = &def.kind else {
            return Err(self.unsupported("a recursive function", Some(at)));
        };
        let mut env = Env::default();
        let caps: Vec<Ident> = self.caps_of(d).into_iter().map(|l| self.local(l)).collect();
        let mut cap_types = Vec::new();
        let mut op_caps = false;
        for (l, id) in self.caps_of(d).into_iter().zip(&caps) {
            match self.op_arity(l) {
                0 => {
                    env.push(l, Bind::Val(id.clone()));
                    cap_types.push(quote! { Value });
                }
                n => {
                    env.push(l, Bind::Op(id.clone(), n));
                    cap_types.push(quote! { Op<'_> });
                    op_caps = true;
                }
            }
        }
        let cap_ids: Vec<Ident> = caps.iter().map(|c| format_ident!("cap_{}", c)).collect();
        let name = &def.name;
        let lazy = if op_caps {
            quote! {
                return Err(EvalError::new(EvalErrorKind::Unsupported, "A recursive function over an infinite domain that uses an operator argument is not supported by compiled checkers yet."));
            }
        } else {
            quote! {
                #(let #cap_ids = #caps.clone();)*
                return Ok(lazy_fun(cx, dom, Some(#name.to_string()), std::sync::Arc::new(move |cx: &Cx<'_>, a: &Value| #apply(cx #(, #cap_ids.clone())*, a))));
            }
        };
        let bi = expr_index(def.body);
        let doms = self.domains(bounds, &env, bi)?;
        let (binds, inner) = self.bind_key_pub(bounds, quote! { a }, &env, bi);
        let body = self.ex(def.body, &inner)?;
        let name = &def.name;
        let cache = format_ident!("CACHE_{}", base);
        let cacheable = self.cacheable(d);
        let (get_cached, set_cached, get_materialized) = if cacheable {
            (
                quote! { if let Some(v) = #cache.get() { return Ok(v.clone()); } },
                quote! { let _ = #cache.set(v.clone()); },
                quote! {
                    if let Some(v) = #cache.get().filter(|v| !matches!(v, Value::LazyFun(_))) { return v.apply(a); }
                },
            )
        } else {
            (TokenStream::new(), TokenStream::new(), TokenStream::new())
        };
        let doc = self.doc(name, def.span);
        self.items.push(quote! {
            static #cache: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
            #[doc = #doc]
            fn #value(cx: &Cx<'_> #(, #caps: #cap_types)*) -> R<Value> {
                #get_cached
                let v = cx.call(|| -> R<Value> {
                    let dom = fun_domain(#doms.to_vec())?;
                    if !dom.is_finite_set()? {
                        #lazy
                    }
                    let mut pairs = Vec::new();
                    for key in dom.enumerate()?.iter() {
                        pairs.push((key.clone(), #body_fn(cx #(, #caps.clone())*, key)?));
                    }
                    Ok(Value::fun_from_sorted(pairs))
                })?;
                #set_cached
                Ok(v)
            }
            fn #apply(cx: &Cx<'_> #(, #caps: #cap_types)*, a: &Value) -> R<Value> {
                #get_materialized
                let dom = fun_domain(#doms.to_vec())?;
                if !dom.contains(a)? {
                    return Err(EvalError::not_in_domain(format!(
                        "Attempted to apply function:\n{}\nto argument {}, which is not in the domain of the function.", #name, a
                    )));
                }
                #body_fn(cx #(, #caps)*, a)
            }
            fn #body_fn(cx: &Cx<'_> #(, #caps: #cap_types)*, a: &Value) -> R<Value> {
                cx.call(|| -> R<Value> { #binds Ok(#body) })
            }
        });
        Ok((value, apply))
    }
}
