//! Value-level expressions: each IR expression becomes a Rust expression of type `Value` that
//! returns early (`tri!`) with an `EvalError` tagged by the failing expression's index, as the
//! interpreter's `Ev::eval` tags it.

use proc_macro2::{Ident, TokenStream};
use quote::quote;
use tla2_frontend::ir::{Binding, BoundVars, Callee, DefId, DefKind, ExceptKey, Expr, ExprId, FairnessKind};

use crate::analysis::expr_index;
use crate::env::{Bind, Env, Gen, G};

/// `return Err(err.at(index))` as an expression of any type.
pub fn fail(err: TokenStream, i: u32) -> TokenStream {
    quote! { { return Err(EvalError::at(#err, #i)); } }
}

impl<'p> Gen<'p> {
    /// `e` as a `Value`; a closed constant-level expression is computed once per run, as the
    /// interpreter's expression cache does.
    pub fn ex(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        if !self.cached_expr(e) {
            return self.ex_fresh(e, env);
        }
        let inner = self.ex_fresh(e, env)?;
        let cache = quote::format_ident!("EXPR_{}", expr_index(e));
        if self.expr_caches.insert(e) {
            self.items.push(quote! { static #cache: std::sync::OnceLock<Value> = std::sync::OnceLock::new(); });
        }
        Ok(quote! { {
            if let Some(v) = #cache.get() { v.clone() } else { let v = #inner; let _ = #cache.set(v.clone()); v }
        } })
    }

    fn ex_fresh(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let p = self.p;
        Ok(match p.expr(e) {
            Expr::Bool(b) => quote! { Value::Bool(#b) },
            Expr::Int(n) => quote! { Value::Int(#n) },
            Expr::Str(s) => self.literal(quote! { Value::str(#s) }),
            Expr::ModelValue(s) => self.literal(quote! { Value::model_value(#s) }),
            Expr::Var(v) => {
                let v = v.0 as usize;
                quote! { tri!(cx.var(#v), #i) }
            }
            Expr::Local(l) => match env.get(*l).cloned() {
                Some(Bind::Val(id)) => quote! { #id.clone() },
                Some(Bind::Op(id, _)) => quote! { tri!(#id.call(&[]), #i) },
                Some(Bind::Target(t)) => self.ex(t, env)?,
                None => return Err(self.unsupported("a local not bound where it is used", Some(e))),
            },
            Expr::Call { callee, args } => self.call(e, *callee, args, env)?,
            Expr::OpValue(_) | Expr::Lambda { .. } => {
                fail(quote! { EvalError::type_mismatch("An operator was used where a value was expected.") }, i)
            }
            Expr::And(xs) => {
                let bs = xs.iter().map(|x| self.bo(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { Value::Bool(true #(&& #bs)*) }
            }
            Expr::Or(xs) => {
                let bs = xs.iter().map(|x| self.bo(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { Value::Bool(false #(|| #bs)*) }
            }
            Expr::Not(a) => {
                let a = self.bo(*a, env)?;
                quote! { Value::Bool(!#a) }
            }
            Expr::Implies(a, b) => {
                let (a, b) = (self.bo(*a, env)?, self.bo(*b, env)?);
                quote! { Value::Bool(!#a || #b) }
            }
            Expr::Equiv(a, b) => {
                let (a, b) = (self.bo(*a, env)?, self.bo(*b, env)?);
                quote! { { let a = #a; Value::Bool(a == #b) } }
            }
            Expr::If { cond, then, els } => {
                let (c, t, f) = (self.bo(*cond, env)?, self.ex(*then, env)?, self.ex(*els, env)?);
                quote! { if #c { #t } else { #f } }
            }
            Expr::Case { arms, other } => {
                let mut out = match other {
                    Some(o) => self.ex(*o, env)?,
                    None => fail(quote! { case_none() }, i),
                };
                for (g, b) in arms.iter().rev() {
                    let (g, b) = (self.bo(*g, env)?, self.ex(*b, env)?);
                    out = quote! { if #g { #b } else { #out } };
                }
                out
            }
            Expr::Forall { bounds, body } | Expr::Exists { bounds, body } => {
                let forall = matches!(p.expr(e), Expr::Forall { .. });
                let doms = self.domains(bounds, env, i)?;
                let (binds, inner) = self.bind_combo(bounds, env, Some(i));
                let b = self.bo(*body, &inner)?;
                quote! { {
                    let doms = tri!(enumerate_domains(&#doms), #i);
                    let mut found = false;
                    tri!(for_each_combo(&doms, |vals: &[Value]| -> R<bool> {
                        #binds
                        if #b != #forall { found = true; return Ok(false); }
                        Ok(true)
                    }), #i);
                    Value::Bool(if #forall { !found } else { found })
                } }
            }
            Expr::Choose { binding, body } => {
                let dom = self.domain(binding, env, i)?;
                let (binds, inner) = self.bind_vars(&binding.vars, quote! { v }, env, Some(i));
                let b = self.bo(*body, &inner)?;
                let none = fail(quote! { choose_none(&dom) }, i);
                quote! { {
                    let dom = #dom;
                    let elems = tri!(dom.enumerate(), #i);
                    let mut found = None;
                    for v in elems.iter() {
                        #binds
                        if #b { found = Some(v.clone()); break; }
                    }
                    match found { Some(v) => v, None => #none }
                } }
            }
            Expr::Let { defs, body } => {
                // A nullary definition's value is computed on first use and kept for the LET's
                // body while variables are read from the current state (as the interpreter).
                let mut inner = env.clone();
                let mut cells = Vec::new();
                for d in defs {
                    let def = p.def(*d);
                    if def.params.is_empty() && !def.recursive && matches!(def.kind, DefKind::Operator) {
                        let cell = self.fresh("let_cell");
                        cells.push(cell.clone());
                        inner = inner.with_let_cell(*d, cell);
                    }
                }
                let b = self.ex(*body, &inner)?;
                quote! { { #(let #cells: std::cell::OnceCell<Value> = std::cell::OnceCell::new();)* #b } }
            }
            Expr::Eq(a, b) => {
                let (a, b) = (self.ex(*a, env)?, self.ex(*b, env)?);
                quote! { { let a = #a; let b = #b; Value::Bool(tri!(Value::tlc_eq(&a, &b), #i)) } }
            }
            Expr::In(a, s) => {
                let (a, s) = (self.ex(*a, env)?, self.ex(*s, env)?);
                quote! { { let a = #a; Value::Bool(tri!((#s).contains(&a), #i)) } }
            }
            _ => self.ex_data(e, env)?,
        })
    }

    fn ex_data(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let p = self.p;
        Ok(match p.expr(e) {
            Expr::SetEnum(xs) => {
                let xs = self.all(xs, env)?;
                quote! { Value::set(vec![#(#xs),*]) }
            }
            Expr::Tuple(xs) => {
                let xs = self.all(xs, env)?;
                quote! { Value::tuple(vec![#(#xs),*]) }
            }
            Expr::SetFilter { binding, pred } => self.set_filter(e, binding, *pred, env)?,
            Expr::SetMap { body, bounds } => {
                let doms = self.domains(bounds, env, i)?;
                let (binds, inner) = self.bind_combo(bounds, env, Some(i));
                let b = self.ex(*body, &inner)?;
                quote! { {
                    let doms = tri!(enumerate_domains(&#doms), #i);
                    let mut out = Vec::new();
                    tri!(for_each_combo(&doms, |vals: &[Value]| -> R<bool> { #binds out.push(#b); Ok(true) }), #i);
                    Value::set(out)
                } }
            }
            Expr::FunCons { bounds, body } => self.fun_cons(e, bounds, *body, env)?,
            Expr::FunSet { domain, range } => {
                let (d, r) = (self.ex(*domain, env)?, self.ex(*range, env)?);
                quote! { { let d = #d; let r = #r; tri!(tla2_runtime::ops::core::fun_set(&d, &r), #i) } }
            }
            Expr::Record(fields) => {
                let ks: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
                let vs = fields.iter().map(|(_, x)| self.ex(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { Value::record(vec![#((#ks, #vs)),*]) }
            }
            Expr::RecordSet(fields) => {
                let ks: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
                let vs = fields.iter().map(|(_, x)| self.ex(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { tri!(tla2_runtime::ops::core::record_set(vec![#((std::sync::Arc::<str>::from(#ks), #vs)),*]), #i) }
            }
            Expr::Except { base, updates } => {
                let base = self.ex(*base, env)?;
                let mut steps = Vec::new();
                for (path, val) in updates {
                    let keys = path
                        .iter()
                        .map(|k| match k {
                            ExceptKey::Index(x) => self.ex(*x, env),
                            ExceptKey::Field(s) => Ok(quote! { Value::str(#s) }),
                        })
                        .collect::<G<Vec<_>>>()?;
                    let v = self.ex(*val, env)?;
                    steps.push(quote! {
                        let keys = vec![#(#keys),*];
                        let old = f.get_path(&keys).ok();
                        let new = tri!(cx.with_at(old, || -> R<Value> { Ok(#v) }), #i);
                        f = tri!(f.except(&keys, new), #i);
                    });
                }
                quote! { { let mut f = #base; #(#steps)* f } }
            }
            Expr::ExceptAt => quote! { tri!(cx.at_value(), #i) },
            Expr::Apply { fun, arg } => {
                if let Expr::Call { callee: Callee::Def(d), args } = p.expr(*fun) {
                    if args.is_empty() && matches!(p.def(*d).kind, DefKind::RecursiveFunction { .. }) {
                        let a = self.ex(*arg, env)?;
                        let apply = self.rec_fn(*d, *fun)?.1;
                        let caps = self.cap_args(*d, env, *fun)?;
                        return Ok(quote! { { let a = #a; tri!(#apply(cx #(, #caps)*, &a), #i) } });
                    }
                }
                let (f, a) = (self.ex(*fun, env)?, self.ex(*arg, env)?);
                quote! { { let f = #f; let a = #a; tri!(f.apply(&a), #i) } }
            }
            Expr::Field { record, field } => {
                let r = self.ex(*record, env)?;
                quote! { tri!((#r).field(#field), #i) }
            }
            _ => self.ex_action(e, env)?,
        })
    }

    fn ex_action(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let p = self.p;
        Ok(match p.expr(e) {
            Expr::Prime(a) => match p.expr(*a) {
                Expr::Var(v) => {
                    let v = v.0 as usize;
                    quote! { tri!(cx.primed(|| cx.var(#v)), #i) }
                }
                _ => {
                    let a = self.ex(*a, env)?;
                    quote! { tri!(cx.primed(|| -> R<Value> { Ok(#a) }), #i) }
                }
            },
            Expr::Unchanged(a) => {
                let (now, then) = (self.ex(*a, env)?, self.ex(*a, env)?);
                quote! { { let now = #now; let then = tri!(cx.primed(|| -> R<Value> { Ok(#then) }), #i); Value::Bool(now == then) } }
            }
            Expr::Enabled(a) => {
                let w = self.walk(*a, env, &quote! { &|| -> R<()> { cx.stop(); Ok(()) } }, false)?;
                quote! { Value::Bool(tri!(cx.enabled(|| -> R<()> { #w }), #i)) }
            }
            Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } => {
                let boxed = matches!(p.expr(e), Expr::BoxAction { .. });
                let a = self.bo(*action, env)?;
                let (now, then) = (self.ex(*sub, env)?, self.ex(*sub, env)?);
                let step = quote! { { let now = #now; let then = tri!(cx.primed(|| -> R<Value> { Ok(#then) }), #i); now == then } };
                match boxed {
                    true => quote! { Value::Bool(#a || #step) },
                    false => quote! { Value::Bool(#a && !#step) },
                }
            }
            Expr::Unsupported { message } => fail(quote! { EvalError::new(EvalErrorKind::Unsupported, #message) }, i),
            other => {
                let what = match other {
                    Expr::Compose(..) => "action composition \\cdot",
                    Expr::Always(_) | Expr::Eventually(_) | Expr::LeadsTo(..) | Expr::WhilePlus(..) => {
                        "a temporal formula"
                    }
                    Expr::Fairness { kind: FairnessKind::Weak | FairnessKind::Strong, .. } => "a fairness condition",
                    Expr::TemporalForall { .. } | Expr::TemporalExists { .. } => "a temporal quantifier",
                    _ => "an unexpected expression",
                };
                let msg = format!("TLC cannot evaluate this expression here ({what}).");
                fail(quote! { EvalError::new(EvalErrorKind::Unsupported, #msg) }, i)
            }
        })
    }

    /// `e` as a `bool`, with TLC's error for a non-boolean tagged at `e`.
    pub fn bo(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let v = self.ex(e, env)?;
        Ok(quote! { tri!(as_bool(#v, #i), #i) })
    }

    pub fn all(&mut self, xs: &[ExprId], env: &Env) -> G<Vec<TokenStream>> {
        xs.iter().map(|x| self.ex(*x, env)).collect()
    }

    /// A literal value built once per run.
    fn literal(&mut self, build: TokenStream) -> TokenStream {
        self.literal_count += 1;
        let id = quote::format_ident!("LIT{}", self.literal_count);
        self.items.push(quote! { static #id: std::sync::LazyLock<Value> = std::sync::LazyLock::new(|| #build); });
        quote! { #id.clone() }
    }

    /// The value of one binding's domain (`tag`: the binder's expression).
    pub fn domain(&mut self, b: &Binding, env: &Env, tag: u32) -> G<TokenStream> {
        Ok(match b.domain {
            Some(d) => self.ex(d, env)?,
            None => fail(quote! { unbounded() }, tag),
        })
    }

    /// `[d1, d2, …]`, the domains' values in order.
    pub fn domains(&mut self, bounds: &[Binding], env: &Env, tag: u32) -> G<TokenStream> {
        let ds = bounds.iter().map(|b| self.domain(b, env, tag)).collect::<G<Vec<_>>>()?;
        Ok(quote! { [#(#ds),*] })
    }

    /// Statements binding `vars` to the value `v` (an expression of type `&Value`); errors are
    /// tagged with `tag`, or propagated untagged with `?` when `tag` is `None`.
    pub fn bind_vars(&self, vars: &BoundVars, v: TokenStream, env: &Env, tag: Option<u32>) -> (TokenStream, Env) {
        match vars {
            BoundVars::Single(l) => {
                let id = self.local(*l);
                (quote! { let #id: Value = (#v).clone(); }, env.with(*l, Bind::Val(id)))
            }
            BoundVars::Tuple(ls) => {
                let n = ls.len();
                let get = match tag {
                    Some(i) => quote! { tri!(bind_tuple(#v, #n), #i) },
                    None => quote! { bind_tuple(#v, #n)? },
                };
                let mut inner = env.clone();
                let ids: Vec<Ident> = ls.iter().map(|l| self.local(*l)).collect();
                for (l, id) in ls.iter().zip(&ids) {
                    inner.push(*l, Bind::Val(id.clone()));
                }
                let idx = 0..n;
                (quote! { let t = #get; #(let #ids: Value = t[#idx].clone();)* }, inner)
            }
        }
    }

    /// Binds every binding to `vals[k]` (inside a `for_each_combo` callback).
    pub fn bind_combo(&self, bounds: &[Binding], env: &Env, tag: Option<u32>) -> (TokenStream, Env) {
        let mut env = env.clone();
        let mut out = TokenStream::new();
        for (k, b) in bounds.iter().enumerate() {
            let (s, e2) = self.bind_vars(&b.vars, quote! { &vals[#k] }, &env, tag);
            out.extend(s);
            env = e2;
        }
        (out, env)
    }

    /// Binds a function constructor's bounds to one argument `key`.
    pub fn bind_key_pub(&self, bounds: &[Binding], key: TokenStream, env: &Env, tag: u32) -> (TokenStream, Env) {
        self.bind_key(bounds, key, env, tag)
    }

    fn bind_key(&self, bounds: &[Binding], key: TokenStream, env: &Env, tag: u32) -> (TokenStream, Env) {
        if bounds.len() == 1 {
            return self.bind_vars(&bounds[0].vars, key, env, Some(tag));
        }
        let n = bounds.len();
        let mut env = env.clone();
        let mut out = quote! { let parts = tri!(key_parts(#key, #n), #tag); };
        for (k, b) in bounds.iter().enumerate() {
            let (s, e2) = self.bind_vars(&b.vars, quote! { &parts[#k] }, &env, Some(tag));
            out.extend(s);
            env = e2;
        }
        (out, env)
    }

    /// The body of a lazy set or function, evaluated later by a `move` closure that owns only
    /// value locals: a body that needs an operator parameter is an error when it is evaluated
    /// (the finite case, evaluated at once, has no such limit).
    fn lazy_body(&mut self, body: ExprId, env: &Env, i: u32, what: &str) -> G<TokenStream> {
        match self.ex(body, env) {
            Ok(t) => Ok(t),
            Err(crate::CodegenError::Unsupported { what: why, .. }) => {
                let msg = format!("tla2's compiled checkers do not evaluate {what} whose body uses {why}.");
                let f = fail(quote! { EvalError::new(EvalErrorKind::Unsupported, #msg) }, i);
                Ok(quote! { { let v: Value = #f; v } })
            }
            Err(e) => Err(e),
        }
    }

    /// Statements that clone the value locals for a `move` closure, and the re-bindings inside.
    fn captures(&self, env: &Env) -> (Env, TokenStream, TokenStream) {
        let (owned, caps) = env.owned();
        let mut seen = std::collections::HashSet::new();
        let caps: Vec<(Ident, Ident)> = caps.into_iter().filter(|(id, _)| seen.insert(id.to_string())).collect();
        let (ids, cap_ids): (Vec<Ident>, Vec<Ident>) = caps.into_iter().unzip();
        let before = quote! { #(let #cap_ids = #ids.clone();)* };
        let inside = quote! { #(let #ids = #cap_ids.clone();)* };
        (owned, before, inside)
    }

    fn set_filter(&mut self, e: ExprId, binding: &Binding, pred: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let pi = expr_index(pred);
        let dom = self.domain(binding, env, i)?;
        let (binds, inner) = self.bind_vars(&binding.vars, quote! { v }, env, Some(i));
        let b = self.bo(pred, &inner)?;
        let (owned, before, inside) = self.captures(env);
        let (lbinds, linner) = self.bind_vars(&binding.vars, quote! { v }, &owned, Some(i));
        let lazy_pred = self.lazy_body(pred, &linner, i, "a set filter over an infinite set")?;
        let not_set =
            fail(quote! { EvalError::type_mismatch(format!("Attempted to filter the non-set value\n{}", dom)) }, i);
        Ok(quote! { {
            let dom = #dom;
            if !dom.is_set() { #not_set }
            if !tri!(dom.is_finite_set(), #i) {
                #before
                lazy_filter(cx, dom, #pi, std::sync::Arc::new(move |cx: &Cx<'_>, v: &Value| -> R<Value> {
                    #inside
                    #lbinds
                    Ok(#lazy_pred)
                }))
            } else {
                let elems = tri!(dom.enumerate(), #i);
                let mut out = Vec::new();
                for v in elems.iter() {
                    #binds
                    if #b { out.push(v.clone()); }
                }
                Value::set_from_sorted(out)
            }
        } })
    }

    fn fun_cons(&mut self, e: ExprId, bounds: &[Binding], body: ExprId, env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let doms = self.domains(bounds, env, i)?;
        let (binds, inner) = self.bind_key(bounds, quote! { key }, env, i);
        let b = self.ex(body, &inner)?;
        let (owned, before, inside) = self.captures(env);
        let (lbinds, linner) = self.bind_key(bounds, quote! { key }, &owned, i);
        let lb = self.lazy_body(body, &linner, i, "a function over an infinite domain")?;
        Ok(quote! { {
            let dom = tri!(fun_domain(#doms.to_vec()), #i);
            if !tri!(dom.is_finite_set(), #i) {
                #before
                lazy_fun(cx, dom, None, std::sync::Arc::new(move |cx: &Cx<'_>, key: &Value| -> R<Value> {
                    #inside
                    #lbinds
                    Ok(#lb)
                }))
            } else {
                let keys = tri!(dom.enumerate(), #i);
                let mut pairs = Vec::with_capacity(keys.len());
                for key in keys.iter() {
                    #binds
                    pairs.push((key.clone(), #b));
                }
                Value::fun_from_sorted(pairs)
            }
        } })
    }

    /// True if `a` is passed by name: `x`, `x'`, or a local bound to one of them.
    pub fn target_arg(&self, a: ExprId, env: &Env) -> Option<ExprId> {
        match self.p.expr(a) {
            Expr::Var(_) => Some(a),
            Expr::Prime(x) if matches!(self.p.expr(*x), Expr::Var(_)) => Some(a),
            Expr::Local(l) => match env.get(*l) {
                Some(Bind::Target(t)) => Some(*t),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn is_op_expr(&self, a: ExprId) -> bool {
        matches!(self.p.expr(a), Expr::OpValue(_) | Expr::Lambda { .. })
    }

    /// Statements defining an `Op` for an operator argument, and its name.
    pub fn op_arg(&mut self, a: ExprId, env: &Env) -> G<(TokenStream, Ident, usize)> {
        let p = self.p;
        let o = self.fresh("o");
        let c = self.fresh("c");
        let (arity, body, builtin) = match p.expr(a) {
            Expr::Lambda { params, body } => {
                let mut inner = env.clone();
                let mut binds = TokenStream::new();
                for (k, prm) in params.iter().enumerate() {
                    let id = self.local(prm.local);
                    binds.extend(quote! { let #id: Value = args[#k].clone(); });
                    inner.push(prm.local, Bind::Val(id));
                }
                let b = self.ex(*body, &inner)?;
                (params.len(), quote! { #binds Ok(#b) }, false)
            }
            Expr::OpValue(Callee::Local(l)) => match env.get(*l).cloned() {
                Some(Bind::Op(id, n)) => return Ok((TokenStream::new(), id, n)),
                _ => return Err(self.unsupported("a value passed where an operator is expected", Some(a))),
            },
            Expr::OpValue(Callee::Builtin(b)) => {
                let bi = b.0 as usize;
                let (m, n) = (&p.builtin(*b).module, &p.builtin(*b).name);
                let call = quote! {
                    let argv: Vec<Arg<'_>> = args.iter().cloned().map(Arg::Value).collect();
                    call_builtin(cx, BUILTINS[#bi], #m, #n, &argv)
                };
                (p.builtin(*b).arity, call, true)
            }
            Expr::OpValue(Callee::Def(d)) => {
                let def = p.def(*d);
                if def.params.iter().any(|x| x.arity > 0) {
                    return Err(self.unsupported("a higher-order operator passed as an argument", Some(a)));
                }
                let n = def.params.len();
                let body = if def.in_let && !def.recursive && matches!(def.kind, DefKind::Operator) {
                    let mut inner = env.clone();
                    let mut binds = TokenStream::new();
                    for (k, prm) in def.params.iter().enumerate() {
                        let id = self.local(prm.local);
                        binds.extend(quote! { let #id: Value = args[#k].clone(); });
                        inner.push(prm.local, Bind::Val(id));
                    }
                    if def.recursive || !matches!(def.kind, DefKind::Operator) {
                        return Err(self.unsupported("a recursive LET definition passed as an argument", Some(a)));
                    }
                    let b = self.ex(def.body, &inner)?;
                    quote! { #binds Ok(#b) }
                } else if matches!(def.kind, DefKind::RecursiveFunction { .. }) {
                    let v = self.rec_fn(*d, a)?.0;
                    let caps = self.cap_args(*d, env, a)?;
                    quote! { #v(cx #(, #caps)*) }
                } else {
                    let f = self.def_fn(*d);
                    let caps = self.cap_args(*d, env, a)?;
                    let idx = 0..n;
                    quote! { #f(cx #(, #caps)* #(, args[#idx].clone())*) }
                };
                (n, body, false)
            }
            _ => return Err(self.unsupported("an expression passed where an operator is expected", Some(a))),
        };
        let ctor = if builtin {
            quote! { Op::builtin }
        } else {
            quote! { Op::new }
        };
        let stmts = quote! {
            let #c = |args: &[Value]| -> R<Value> { #body };
            let #o = #ctor(#arity, &#c);
        };
        Ok((stmts, o, arity))
    }

    /// Arguments of a call as bindings: operators, by-name variables, or evaluated values (all
    /// evaluated before any is bound, in order). Returns the statements and the bindings.
    /// `AssertError(err, exp)`: TRUE iff evaluating `exp` fails with the message `err`, a string
    /// literal (the interpreter's `eval/special.rs`).
    fn assert_error(&mut self, e: ExprId, args: &[ExprId], env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let [err, exp] = args else {
            let f = fail(quote! { EvalError::other("AssertError takes two arguments.") }, i);
            return Ok(quote! { { let v: Value = #f; v } });
        };
        if !matches!(self.p.expr(*err), Expr::Str(_)) {
            // TLC names the expression by its location.
            let span = self.p.span(*err);
            let at = match span.is_none() || span.file.0 as usize >= self.sources.files.len() {
                true => String::new(),
                false => {
                    let l = self.sources.location(span);
                    let module = &self.sources.get(span.file).name;
                    format!(
                        "line {}, col {} to line {}, col {} of module {module}",
                        l.line, l.column, l.end_line, l.end_column
                    )
                }
            };
            let msg = format!(
                "In computing AssertError, a non-string expression ({at}) was used as the err of an AssertError(err, exp)."
            );
            let f = fail(quote! { EvalError::other(#msg) }, i);
            return Ok(quote! { { let v: Value = #f; v } });
        }
        let (err, exp) = (self.ex(*err, env)?, self.ex(*exp, env)?);
        Ok(quote! { {
            match cx.catching(|| -> R<Value> { Ok(#exp) }) {
                Ok(_) => Value::Bool(false),
                Err(er) => {
                    let s: Value = #err;
                    Value::Bool(tri!(s.as_str(), #i) == er.message)
                }
            }
        } })
    }

    pub fn arg_binds(&mut self, d: DefId, args: &[ExprId], env: &Env) -> G<(TokenStream, Vec<Bind>)> {
        let def = self.p.def(d);
        let mut stmts = TokenStream::new();
        let mut binds = Vec::new();
        for (k, a) in args.iter().enumerate() {
            let arity = def.params.get(k).map_or(0, |p| p.arity);
            if arity > 0 || self.is_op_expr(*a) {
                let (s, o, n) = self.op_arg(*a, env)?;
                stmts.extend(s);
                binds.push(Bind::Op(o, n));
            } else if let Some(t) = self.target_arg(*a, env) {
                binds.push(Bind::Target(t));
            } else {
                let v = self.ex(*a, env)?;
                let id = self.fresh("a");
                stmts.extend(quote! { let #id: Value = #v; });
                binds.push(Bind::Val(id));
            }
        }
        Ok((stmts, binds))
    }

    fn call(&mut self, e: ExprId, callee: Callee, args: &[ExprId], env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let p = self.p;
        match callee {
            Callee::Builtin(b) => {
                let bi = b.0 as usize;
                let (m, n) = (&p.builtin(b).module, &p.builtin(b).name);
                if (m.as_str(), n.as_str()) == ("TLCExt", "AssertError") {
                    return self.assert_error(e, args, env);
                }
                let mut stmts = TokenStream::new();
                let mut argv = Vec::new();
                for a in args {
                    if self.is_op_expr(*a) {
                        let (s, o, _) = self.op_arg(*a, env)?;
                        stmts.extend(s);
                        argv.push(quote! { Arg::Op(&#o) });
                    } else {
                        let v = self.ex(*a, env)?;
                        let id = self.fresh("a");
                        stmts.extend(quote! { let #id: Value = #v; });
                        argv.push(quote! { Arg::Value(#id) });
                    }
                }
                // `Print`/`PrintT` outputs carry their location in the machine formats.
                let site = match (m.as_str(), n.as_str()) {
                    ("TLC", "Print" | "PrintT") => {
                        let loc = crate::model::location(self.sources, p.span(e));
                        quote! { cx.print_at(#loc); }
                    }
                    _ => TokenStream::new(),
                };
                Ok(quote! { { #stmts #site tri!(call_builtin(cx, BUILTINS[#bi], #m, #n, &[#(#argv),*]), #i) } })
            }
            Callee::Local(l) => match env.get(l).cloned() {
                Some(Bind::Op(o, _)) => {
                    if args.iter().any(|a| self.is_op_expr(*a)) {
                        return Err(self.unsupported("an operator argument to an operator parameter", Some(e)));
                    }
                    let vs = self.all(args, env)?;
                    let ids: Vec<Ident> = vs.iter().map(|_| self.fresh("a")).collect();
                    Ok(quote! { { #(let #ids: Value = #vs;)* tri!(#o.call(&[#(#ids),*]), #i) } })
                }
                Some(Bind::Val(id)) if args.is_empty() => Ok(quote! { #id.clone() }),
                Some(Bind::Target(t)) if args.is_empty() => self.ex(t, env),
                Some(Bind::Val(id)) => Ok(fail(
                    quote! { EvalError::type_mismatch(format!("The value {} was applied as an operator.", #id)) },
                    i,
                )),
                Some(Bind::Target(_)) => {
                    Ok(fail(quote! { EvalError::type_mismatch("A value was applied as an operator.") }, i))
                }
                None => Err(self.unsupported("a local not bound where it is used", Some(e))),
            },
            Callee::Def(d) => self.call_def(e, d, args, env),
        }
    }

    fn call_def(&mut self, e: ExprId, d: DefId, args: &[ExprId], env: &Env) -> G<TokenStream> {
        let i = expr_index(e);
        let def = self.p.def(d);
        if let DefKind::RecursiveFunction { .. } = def.kind {
            if !args.is_empty() {
                return Err(self.unsupported("a recursive function definition with parameters", Some(e)));
            }
            let value = self.rec_fn(d, e)?.0;
            let caps = self.cap_args(d, env, e)?;
            return Ok(quote! { tri!(#value(cx #(, #caps)*), #i) });
        }
        let by_name = args.iter().any(|a| self.target_arg(*a, env).is_some());
        if let Some(cell) = env.let_cell(d).cloned().filter(|_| args.is_empty()) {
            let body = self.ex(def.body, env)?;
            return Ok(quote! { {
                if !cx.reading_current() {
                    #body
                } else if let Some(v) = #cell.get() {
                    v.clone()
                } else {
                    let v = #body;
                    let _ = #cell.set(v.clone());
                    v
                }
            } });
        }
        if !def.recursive && (def.in_let || by_name) {
            let (stmts, binds) = self.arg_binds(d, args, env)?;
            let mut inner = env.clone();
            for (prm, b) in def.params.iter().zip(binds) {
                inner.push(prm.local, b);
            }
            let body = self.ex(def.body, &inner)?;
            return Ok(quote! { { #stmts #body } });
        }
        let f = self.def_fn(d);
        let (stmts, binds) = self.arg_binds(d, args, env)?;
        let mut argv = self.cap_args(d, env, e)?;
        for b in binds {
            argv.push(match b {
                Bind::Val(id) | Bind::Op(id, _) => quote! { #id },
                Bind::Target(t) => self.ex(t, env)?,
            });
        }
        Ok(quote! { { #stmts tri!(#f(cx #(, #argv)*), #i) } })
    }
}
