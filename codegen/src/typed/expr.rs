//! Typed expressions: each IR expression becomes a Rust expression over native values with its
//! type inferred on the way (type inference and code generation are one pass). A run-time
//! condition under which the interpreter would fail (overflow, a function applied outside its
//! domain, division by zero, an unassigned primed variable, no CASE arm) is `Err(Bail)`: the
//! model then redoes the state in dynamic mode, which raises the interpreter's exact error.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use tla2_frontend::ir::{BoundVars, Callee, DefKind, ExceptKey, Expr, ExprId, LocalId, Program};
use tla2_frontend::SourceMap;

use super::types::{Dom, EnumKind, Ty};
use crate::analysis::Constness;
use crate::CodegenError;

pub type G<T> = Result<T, CodegenError>;

/// What a local is bound to.
#[derive(Clone, Debug)]
pub enum TBind {
    /// A Rust variable of this type.
    Val(Ident, Ty),
    /// A state variable passed by name (`Op(x)`, `Op(x')`): this expression, in this scope.
    Name(ExprId, TEnv),
}

/// The locals in scope (LocalIds are unique, so a flat list searched from the end suffices).
#[derive(Clone, Debug, Default)]
pub struct TEnv(pub Vec<(LocalId, TBind)>);

impl TEnv {
    pub fn get(&self, l: LocalId) -> Option<&TBind> {
        self.0.iter().rev().find(|(x, _)| *x == l).map(|(_, b)| b)
    }
    pub fn with(&self, l: LocalId, b: TBind) -> TEnv {
        let mut e = self.clone();
        e.0.push((l, b));
        e
    }
}

/// Where primed variables can be read: `n.x` for the variables in `assigned`.
#[derive(Clone, Copy, Debug)]
pub struct Scope {
    /// `Some(mask)` in an action or step predicate: the variables assigned so far.
    pub next: Option<u64>,
    /// Inside `e'`.
    pub primed: bool,
}

impl Scope {
    pub fn state() -> Scope {
        Scope { next: None, primed: false }
    }
}

/// The typed generator.
pub struct TGen<'p> {
    pub p: &'p Program,
    pub sources: &'p SourceMap,
    pub cst: Constness,
    /// Types of the state variables (`None` while Init is being read).
    pub var_tys: Vec<Option<Ty>>,
    pub var_fields: Vec<Ident>,
    counter: usize,
    /// The universes of strings and of model values (every literal of the program, sorted).
    pub strs: Vec<String>,
    pub mvs: Vec<String>,
    /// `@` of the enclosing EXCEPT updates.
    at: Vec<(Ident, Ty)>,
    depth: u32,
}

impl<'p> TGen<'p> {
    pub fn new(p: &'p Program, sources: &'p SourceMap) -> TGen<'p> {
        let var_fields =
            p.vars.iter().enumerate().map(|(i, v)| format_ident!("v{}_{}", i, crate::env::sanitize(&v.name))).collect();
        let (mut strs, mut mvs) = (Vec::new(), Vec::new());
        for (_, e) in p.exprs.iter() {
            match e {
                Expr::Str(s) => strs.push(s.clone()),
                Expr::ModelValue(m) => mvs.push(m.clone()),
                _ => {}
            }
        }
        for u in [&mut strs, &mut mvs] {
            u.sort();
            u.dedup();
        }
        TGen {
            p,
            sources,
            cst: Constness::new(p),
            var_tys: vec![None; p.vars.len()],
            var_fields,
            counter: 0,
            strs,
            mvs,
            at: Vec::new(),
            depth: 0,
        }
    }

    pub fn fresh(&mut self, prefix: &str) -> Ident {
        self.counter += 1;
        format_ident!("{}{}", prefix, self.counter)
    }

    pub fn unsupported(&self, what: impl Into<String>, e: Option<ExprId>) -> CodegenError {
        let location = e.map(|e| {
            let l = self.sources.location(self.p.span(e));
            format!("{}:{}:{}", l.file, l.line, l.column)
        });
        CodegenError::Unsupported { what: what.into(), location }
    }

    pub fn universe(&self, k: EnumKind) -> usize {
        match k {
            EnumKind::Str => self.strs.len(),
            EnumKind::ModelValue => self.mvs.len(),
        }
    }

    pub fn all_vars(&self) -> u64 {
        if self.p.vars.len() >= 64 {
            u64::MAX
        } else {
            (1u64 << self.p.vars.len()) - 1
        }
    }

    /// A constant integer known when the checker is generated.
    pub fn const_int(&self, e: ExprId, env: &TEnv) -> Option<i64> {
        let p = self.p;
        match p.expr(e) {
            Expr::Int(i) => Some(*i),
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                (matches!(def.kind, DefKind::Operator) && def.params.is_empty() && !def.recursive)
                    .then(|| self.const_int(def.body, env))
                    .flatten()
            }
            Expr::Call { callee: Callee::Builtin(b), args } => {
                let b = p.builtin(*b);
                if !matches!(b.module.as_str(), "Naturals" | "Integers") {
                    return None;
                }
                match (b.name.as_str(), args.as_slice()) {
                    ("+", [x, y]) => self.const_int(*x, env)?.checked_add(self.const_int(*y, env)?),
                    ("-", [x, y]) => self.const_int(*x, env)?.checked_sub(self.const_int(*y, env)?),
                    ("*", [x, y]) => self.const_int(*x, env)?.checked_mul(self.const_int(*y, env)?),
                    ("-.", [x]) => self.const_int(*x, env)?.checked_neg(),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// A constant interval `lo..hi` known when the checker is generated.
    pub fn const_range(&self, e: ExprId, env: &TEnv) -> Option<(i64, i64)> {
        let p = self.p;
        match p.expr(e) {
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                (matches!(def.kind, DefKind::Operator) && def.params.is_empty() && !def.recursive)
                    .then(|| self.const_range(def.body, env))
                    .flatten()
            }
            Expr::Call { callee: Callee::Builtin(b), args } => {
                let b = p.builtin(*b);
                match (b.module.as_str(), b.name.as_str(), args.as_slice()) {
                    ("Naturals", "..", [x, y]) => Some((self.const_int(*x, env)?, self.const_int(*y, env)?)),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// The index of a literal in its universe, if typed mode can use it.
    pub fn enum_index(&self, e: ExprId) -> G<Option<(EnumKind, u16)>> {
        let (kind, name, universe) = match self.p.expr(e) {
            Expr::Str(s) => (EnumKind::Str, s, &self.strs),
            Expr::ModelValue(m) => {
                // A typed model value (`a_1`) compares with errors typed mode does not model.
                let b = m.as_bytes();
                if b.len() >= 2 && b[1] == b'_' && b[0].is_ascii_alphabetic() {
                    return Err(self.unsupported("typed model values in typed mode", Some(e)));
                }
                (EnumKind::ModelValue, m, &self.mvs)
            }
            _ => return Ok(None),
        };
        if universe.len() > u16::MAX as usize {
            return Err(self.unsupported("this many strings in typed mode", Some(e)));
        }
        Ok(universe.binary_search(name).ok().map(|i| (kind, i as u16)))
    }

    /// A constant set of literals known when the checker is generated: its kind and elements,
    /// ascending.
    pub fn const_enum_set(&self, e: ExprId) -> Option<(EnumKind, Vec<u16>)> {
        let p = self.p;
        match p.expr(e) {
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                (matches!(def.kind, DefKind::Operator) && def.params.is_empty() && !def.recursive)
                    .then(|| self.const_enum_set(def.body))
                    .flatten()
            }
            Expr::SetEnum(xs) if !xs.is_empty() => {
                let mut kind = None;
                let mut elems = Vec::new();
                for x in xs {
                    let mut x = *x;
                    // Through nullary definitions (`p1 == "p1"`-style constants).
                    for _ in 0..16 {
                        match p.expr(x) {
                            Expr::Call { callee: Callee::Def(d), args }
                                if args.is_empty() && p.def(*d).params.is_empty() =>
                            {
                                x = p.def(*d).body
                            }
                            _ => break,
                        }
                    }
                    let (k, i) = self.enum_index(x).ok().flatten()?;
                    if kind.is_some_and(|k0| k0 != k) {
                        return None;
                    }
                    kind = Some(k);
                    elems.push(i);
                }
                elems.sort();
                elems.dedup();
                Some((kind?, elems))
            }
            _ => None,
        }
    }

    /// The domain of a function constructor, if typed mode can make it an array.
    pub fn fun_dom(&self, d: ExprId, env: &TEnv) -> Option<Dom> {
        if let Some((lo, hi)) = self.const_range(d, env) {
            return (hi >= lo && hi - lo < 1 << 16).then(|| Dom::Range { lo, len: (hi - lo + 1) as usize });
        }
        let (kind, elems) = self.const_enum_set(d)?;
        Some(Dom::Enum { kind, elems })
    }

    /// The array position of key `x` (an expression of the domain's element type) in `dom`,
    /// bailing out when `x` is outside the domain.
    pub fn position(&self, dom: &Dom, x: &TokenStream) -> TokenStream {
        match dom {
            Dom::Range { lo, len } => {
                quote! { { let j = (#x).wrapping_sub(#lo); if j < 0 || j >= #len as i64 { return Err(Bail); } j as usize } }
            }
            Dom::Enum { elems, .. } => {
                let pos = 0..elems.len();
                quote! { match #x { #(#elems => #pos,)* _ => return Err(Bail) } }
            }
        }
    }

    /// The element type of a domain.
    pub fn dom_elem(dom: &Dom) -> Ty {
        match dom {
            Dom::Range { .. } => Ty::Int,
            Dom::Enum { kind, .. } => Ty::Enum(*kind),
        }
    }

    /// The state variable an expression names when passed by name (`x`, `x'` through parameters).
    pub fn var_of(&self, e: ExprId, env: &TEnv) -> Option<(u32, bool)> {
        match self.p.expr(e) {
            Expr::Var(v) => Some((v.0, false)),
            Expr::Prime(x) => match self.var_of(*x, env)? {
                (v, false) => Some((v, true)),
                _ => None,
            },
            Expr::Local(l) => match env.get(*l) {
                Some(TBind::Name(x, env2)) => self.var_of(*x, env2),
                _ => None,
            },
            _ => None,
        }
    }

    /// Bindings of a call's arguments as the dynamic mode makes them: a state variable (primed
    /// or not) by name, anything else evaluated first, in order.
    pub fn arg_binds(
        &mut self,
        d: tla2_frontend::ir::DefId,
        args: &[ExprId],
        env: &TEnv,
        sc: Scope,
        call: ExprId,
    ) -> G<(TokenStream, TEnv)> {
        let def = self.p.def(d);
        if def.params.iter().any(|x| x.arity > 0) {
            return Err(self.unsupported("operator parameters in typed mode", Some(call)));
        }
        let mut stmts = TokenStream::new();
        let mut inner = env.clone();
        for (prm, a) in def.params.iter().zip(args) {
            if matches!(self.p.expr(*a), Expr::OpValue(_) | Expr::Lambda { .. }) {
                return Err(self.unsupported("operator arguments in typed mode", Some(*a)));
            }
            let by_name = match self.p.expr(*a) {
                Expr::Var(_) => true,
                Expr::Prime(x) => matches!(self.p.expr(*x), Expr::Var(_)),
                Expr::Local(l) => matches!(env.get(*l), Some(TBind::Name(..))),
                _ => false,
            };
            if by_name {
                let b = match self.p.expr(*a) {
                    Expr::Local(l) => env.get(*l).cloned().expect("checked"),
                    _ => TBind::Name(*a, env.clone()),
                };
                inner.0.push((prm.local, b));
            } else {
                let (v, t) = self.ex(*a, env, sc)?;
                let id = self.fresh("a");
                stmts.extend(quote! { let #id = #v; });
                inner.0.push((prm.local, TBind::Val(id, t)));
            }
        }
        Ok((stmts, inner))
    }

    /// An expression that must be a boolean.
    pub fn bo(&mut self, e: ExprId, env: &TEnv, sc: Scope) -> G<TokenStream> {
        let (v, t) = self.ex(e, env, sc)?;
        if t != Ty::Bool {
            return Err(self.unsupported(format!("a non-boolean ({t:?}) where a boolean is expected"), Some(e)));
        }
        Ok(v)
    }

    fn int(&mut self, e: ExprId, env: &TEnv, sc: Scope) -> G<TokenStream> {
        let (v, t) = self.ex(e, env, sc)?;
        if t != Ty::Int {
            return Err(self.unsupported(format!("a non-integer ({t:?}) where an integer is expected"), Some(e)));
        }
        Ok(v)
    }

    /// The expression `e` and its type.
    pub fn ex(&mut self, e: ExprId, env: &TEnv, sc: Scope) -> G<(TokenStream, Ty)> {
        self.depth += 1;
        if self.depth > 200 {
            self.depth -= 1;
            return Err(self.unsupported("expressions nested this deep in typed mode", Some(e)));
        }
        let r = self.ex_inner(e, env, sc);
        self.depth -= 1;
        r
    }

    fn ex_inner(&mut self, e: ExprId, env: &TEnv, sc: Scope) -> G<(TokenStream, Ty)> {
        let p = self.p;
        Ok(match p.expr(e) {
            Expr::Bool(b) => (quote! { #b }, Ty::Bool),
            Expr::Int(i) => (quote! { #i }, Ty::Int),
            Expr::Str(_) | Expr::ModelValue(_) => match self.enum_index(e)? {
                Some((k, i)) => (quote! { #i }, Ty::Enum(k)),
                None => return Err(self.unsupported("this literal in typed mode", Some(e))),
            },
            Expr::SetEnum(xs) if xs.is_empty() => (quote! { 0u64 }, Ty::EmptySet),
            Expr::SetEnum(xs) if !xs.is_empty() => {
                let mut kind = None;
                let mut bits = Vec::new();
                let first = self.ex(xs[0], env, sc)?.1;
                if matches!(first, Ty::Int | Ty::Bool) {
                    let mut vs = Vec::new();
                    for x in xs {
                        let (v, t) = self.ex(*x, env, sc)?;
                        if t != first {
                            return Err(self.unsupported("a set of values of different types in typed mode", Some(e)));
                        }
                        vs.push(v);
                    }
                    let n = vs.len();
                    let code = quote! { {
                        let mut a = [#(#vs),*];
                        a.sort_unstable();
                        let mut len = 0usize;
                        for i in 0..#n { if len == 0 || a[len - 1] != a[i] { a[len] = a[i]; len += 1; } }
                        (a, len)
                    } };
                    return Ok((code, Ty::LitSet { elem: Box::new(first), n }));
                }
                for x in xs {
                    let (v, t) = self.ex(*x, env, sc)?;
                    let Ty::Enum(k) = t else {
                        return Err(self.unsupported(format!("a set of {t:?} in typed mode"), Some(e)));
                    };
                    if kind.is_some_and(|k0| k0 != k) {
                        return Err(self.unsupported("a set of strings and model values in typed mode", Some(e)));
                    }
                    kind = Some(k);
                    bits.push(quote! { (1u64 << (#v)) });
                }
                let k = kind.expect("non-empty");
                if self.universe(k) > 64 {
                    return Err(self.unsupported("a set over more than 64 strings or model values", Some(e)));
                }
                (quote! { (0u64 #(| #bits)*) }, Ty::EnumSet(k))
            }
            Expr::Var(v) => {
                let Some(t) = self.var_tys[v.0 as usize].clone() else {
                    return Err(self.unsupported("a variable read before its type is known", Some(e)));
                };
                let f = &self.var_fields[v.0 as usize];
                if sc.primed {
                    let Some(mask) = sc.next else {
                        return Err(self.unsupported("a primed variable outside an action", Some(e)));
                    };
                    if mask & (1u64 << v.0) != 0 {
                        (quote! { n.#f }, t)
                    } else {
                        (quote! { { if true { return Err(Bail); } n.#f } }, t)
                    }
                } else {
                    (quote! { s.#f }, t)
                }
            }
            Expr::Local(l) => match env.get(*l) {
                Some(TBind::Val(id, t)) => (quote! { #id }, t.clone()),
                Some(TBind::Name(x, env2)) => {
                    let env2 = env2.clone();
                    self.ex(*x, &env2, sc)?
                }
                None => return Err(self.unsupported("this local in typed mode", Some(e))),
            },
            Expr::Prime(x) => {
                if sc.next.is_none() || sc.primed {
                    return Err(self.unsupported("a prime here in typed mode", Some(e)));
                }
                self.ex(*x, env, Scope { primed: true, ..sc })?
            }
            Expr::Call { callee: Callee::Def(d), args } => {
                let def = p.def(*d);
                if def.recursive || !matches!(def.kind, DefKind::Operator) {
                    return Err(
                        self.unsupported(format!("the recursive definition {} in typed mode", def.name), Some(e))
                    );
                }
                let (stmts, inner) = self.arg_binds(*d, args, env, sc, e)?;
                let (v, t) = self.ex(def.body, &inner, sc)?;
                (quote! { { #stmts #v } }, t)
            }
            Expr::Call { callee: Callee::Builtin(b), args } => self.builtin(e, *b, args, env, sc)?,
            Expr::And(xs) => {
                let vs = xs.iter().map(|x| self.bo(*x, env, sc)).collect::<G<Vec<_>>>()?;
                (quote! { ( #( (#vs) )&&* ) }, Ty::Bool)
            }
            Expr::Or(xs) => {
                let vs = xs.iter().map(|x| self.bo(*x, env, sc)).collect::<G<Vec<_>>>()?;
                (quote! { ( #( (#vs) )||* ) }, Ty::Bool)
            }
            Expr::Not(x) => {
                let v = self.bo(*x, env, sc)?;
                (quote! { !(#v) }, Ty::Bool)
            }
            Expr::Implies(a, b) => {
                let (a, b) = (self.bo(*a, env, sc)?, self.bo(*b, env, sc)?);
                (quote! { (!(#a) || (#b)) }, Ty::Bool)
            }
            Expr::Equiv(a, b) => {
                let (a, b) = (self.bo(*a, env, sc)?, self.bo(*b, env, sc)?);
                (quote! { ((#a) == (#b)) }, Ty::Bool)
            }
            Expr::If { cond, then, els } => {
                let c = self.bo(*cond, env, sc)?;
                let (t, tt) = self.ex(*then, env, sc)?;
                let (f, ft) = self.ex(*els, env, sc)?;
                let Some(ty) = Ty::unify(&tt, &ft) else {
                    return Err(self.unsupported("IF branches of different types in typed mode", Some(e)));
                };
                (quote! { if #c { #t } else { #f } }, ty)
            }
            Expr::Case { arms, other } => {
                let mut ty: Option<Ty> = None;
                let mut out = match other {
                    Some(o) => {
                        let (v, t) = self.ex(*o, env, sc)?;
                        ty = Some(t);
                        v
                    }
                    None => quote! { return Err(Bail) },
                };
                for (g, b) in arms.iter().rev() {
                    let g = self.bo(*g, env, sc)?;
                    let (v, t) = self.ex(*b, env, sc)?;
                    ty = match &ty {
                        None => Some(t),
                        Some(x) => match Ty::unify(x, &t) {
                            Some(u) => Some(u),
                            None => return Err(self.unsupported("CASE arms of different types in typed mode", Some(e))),
                        },
                    };
                    out = quote! { if #g { #v } else { #out } };
                }
                (out, ty.ok_or_else(|| self.unsupported("an empty CASE", Some(e)))?)
            }
            Expr::Let { body, .. } => self.ex(*body, env, sc)?,
            Expr::Eq(a, b) => {
                let (a, at) = self.ex(*a, env, sc)?;
                let (b, bt) = self.ex(*b, env, sc)?;
                if Ty::unify(&at, &bt).is_none() {
                    return Err(self.unsupported(format!("comparing {at:?} with {bt:?} in typed mode"), Some(e)));
                }
                (quote! { ((#a) == (#b)) }, Ty::Bool)
            }
            Expr::In(x, set) => {
                let (x, xt) = self.ex(*x, env, sc)?;
                let id = self.fresh("m");
                let m = self.member(&id, &xt, *set, env, sc, 0)?;
                (quote! { { let #id = #x; #m } }, Ty::Bool)
            }
            Expr::Forall { bounds, body } | Expr::Exists { bounds, body } => {
                let forall = matches!(p.expr(e), Expr::Forall { .. });
                let mut inner = env.clone();
                let mut heads = Vec::new();
                for b in bounds {
                    let (BoundVars::Single(l), Some(d)) = (&b.vars, b.domain) else {
                        return Err(self.unsupported("this binder in typed mode", Some(e)));
                    };
                    let (dv, dt) = self.ex(d, &inner, sc)?;
                    let Some(et) = dt.elem_of_set() else {
                        return Err(self.unsupported("a quantifier over a set typed mode does not represent", Some(d)));
                    };
                    let id = self.fresh("q");
                    heads.push((id.clone(), dv, dt));
                    inner = inner.with(*l, TBind::Val(id, et));
                }
                let body = self.bo(*body, &inner, sc)?;
                let label = syn::Lifetime::new(&format!("'{}", self.fresh("q")), proc_macro2::Span::call_site());
                let mut code = if forall {
                    quote! { if !(#body) { r = false; break #label; } }
                } else {
                    quote! { if #body { r = true; break #label; } }
                };
                for (id, dv, dt) in heads.into_iter().rev() {
                    code = loop_over(&dt, &id, &dv, code);
                }
                let init = forall;
                (quote! { { let mut r = #init; #label: { #code } r } }, Ty::Bool)
            }
            Expr::FunCons { bounds, body } => {
                let [b] = bounds.as_slice() else {
                    return Err(self.unsupported("a function of several arguments in typed mode", Some(e)));
                };
                let (BoundVars::Single(l), Some(d)) = (&b.vars, b.domain) else {
                    return Err(self.unsupported("this binder in typed mode", Some(e)));
                };
                let Some(dom) = self.fun_dom(d, env) else {
                    return Err(self.unsupported(
                        "a function whose domain is not a constant interval or set of literals",
                        Some(d),
                    ));
                };
                let len = dom.len();
                let id = self.fresh("x");
                let (v, t) = self.ex(*body, &env.with(*l, TBind::Val(id.clone(), Self::dom_elem(&dom))), sc)?;
                if !t.resolve_empty(EnumKind::Str).storable() {
                    return Err(self.unsupported("a function of this codomain in typed mode", Some(*body)));
                }
                let z = t.zero();
                let keys = match &dom {
                    Dom::Range { lo, len } => {
                        let hi = lo + *len as i64 - 1;
                        quote! { (#lo..=#hi) }
                    }
                    Dom::Enum { elems, .. } => quote! { [#(#elems),*].into_iter() },
                };
                let ty = Ty::Fun { dom, cod: Box::new(t) };
                (quote! { { let mut a = [#z; #len]; for (j, #id) in #keys.enumerate() { a[j] = #v; } a } }, ty)
            }
            Expr::Apply { fun, arg } => {
                let (f, ft) = self.ex(*fun, env, sc)?;
                let Ty::Fun { dom, cod } = ft else {
                    return Err(self.unsupported("applying a value that is not a typed function", Some(e)));
                };
                let (x, xt) = self.ex(*arg, env, sc)?;
                if xt != Self::dom_elem(&dom) {
                    return Err(self.unsupported("applying a function to a value of another type", Some(e)));
                }
                let j = self.position(&dom, &x);
                (quote! { (#f)[#j] }, *cod)
            }
            Expr::Except { base, updates } => {
                let (b, bt) = self.ex(*base, env, sc)?;
                let Ty::Fun { dom, cod } = bt.clone() else {
                    return Err(self.unsupported("EXCEPT on a value that is not a typed function", Some(e)));
                };
                let mut code = quote! { let mut a = #b; };
                for (keys, val) in updates {
                    let [ExceptKey::Index(k)] = keys.as_slice() else {
                        return Err(self.unsupported("this EXCEPT path in typed mode", Some(e)));
                    };
                    let (k, kt) = self.ex(*k, env, sc)?;
                    if kt != Self::dom_elem(&dom) {
                        return Err(self.unsupported("EXCEPT at a key of another type", Some(e)));
                    }
                    let j = self.position(&dom, &k);
                    let at = self.fresh("at");
                    self.at.push((at.clone(), (*cod).clone()));
                    let r = self.ex(*val, env, sc);
                    self.at.pop();
                    let (v, vt) = r?;
                    if Ty::unify(&vt, &cod).as_ref() != Some(&*cod) {
                        return Err(self.unsupported("an EXCEPT value of another type in typed mode", Some(*val)));
                    }
                    code.extend(quote! {
                        let j: usize = #j;
                        let #at = a[j];
                        a[j] = #v;
                    });
                }
                (quote! { { #code a } }, bt)
            }
            Expr::ExceptAt => match self.at.last() {
                Some((id, t)) => (quote! { #id }, t.clone()),
                None => return Err(self.unsupported("@ outside EXCEPT", Some(e))),
            },
            _ => return Err(self.unsupported(format!("this expression in typed mode ({})", kind(p.expr(e))), Some(e))),
        })
    }

    /// `v \in set` for the Rust variable `v` of type `vt`.
    fn member(&mut self, v: &Ident, vt: &Ty, set: ExprId, env: &TEnv, sc: Scope, depth: u32) -> G<TokenStream> {
        let p = self.p;
        if depth > 32 {
            return Err(self.unsupported("sets nested this deep in typed mode", Some(set)));
        }
        match p.expr(set) {
            Expr::Call { callee: Callee::Def(d), args }
                if args.is_empty() && matches!(p.def(*d).kind, DefKind::Operator) && !p.def(*d).recursive =>
            {
                return self.member(v, vt, p.def(*d).body, env, sc, depth + 1);
            }
            Expr::SetEnum(xs) if !xs.is_empty() && !matches!(vt, Ty::Enum(_)) => {
                // Every element is evaluated, as when the set is built.
                let mut es = Vec::new();
                for x in xs {
                    let (e, t) = self.ex(*x, env, sc)?;
                    if t != *vt || matches!(t, Ty::IntSet) {
                        return Err(self.unsupported("\\in a set of elements of another type", Some(*x)));
                    }
                    es.push(e);
                }
                return Ok(quote! { [#(#es),*].contains(&#v) });
            }
            Expr::FunSet { domain, range } => {
                let Ty::Fun { dom, cod } = vt else {
                    return Err(self.unsupported("\\in a set of functions of a value that is not one", Some(set)));
                };
                if self.fun_dom(*domain, env).as_ref() != Some(dom) {
                    return Err(self.unsupported("\\in a set of functions over another domain", Some(*domain)));
                }
                let y = self.fresh("y");
                let inner = self.member(&y, cod, *range, env, sc, depth + 1)?;
                return Ok(
                    quote! { { let mut ok = true; for &#y in #v.iter() { if !(#inner) { ok = false; break; } } ok } },
                );
            }
            Expr::Call { callee: Callee::Builtin(b), args } if args.is_empty() && *vt == Ty::Int => {
                let b = p.builtin(*b);
                match (b.module.as_str(), b.name.as_str()) {
                    ("Naturals", "Nat") => return Ok(quote! { (#v >= 0) }),
                    ("Integers", "Int") => return Ok(quote! { true }),
                    _ => {}
                }
            }
            _ => {}
        }
        let (s, st) = self.ex(set, env, sc)?;
        Ok(match (vt, st) {
            (Ty::Int, Ty::IntSet) => quote! { { let (lo, hi): (i64, i64) = #s; lo <= #v && #v <= hi } },
            (Ty::Enum(a), Ty::EnumSet(b)) if *a == b => quote! { ((#s) >> #v & 1 == 1) },
            (Ty::Enum(_), Ty::EmptySet) => quote! { { let _ = #s; false } },
            (t, Ty::LitSet { elem, .. }) if *t == *elem => quote! { { let (a, len) = #s; a[..len].contains(&#v) } },
            _ => return Err(self.unsupported("\\in a set typed mode does not represent", Some(set))),
        })
    }

    fn builtin(
        &mut self,
        e: ExprId,
        b: tla2_frontend::ir::BuiltinId,
        args: &[ExprId],
        env: &TEnv,
        sc: Scope,
    ) -> G<(TokenStream, Ty)> {
        let bi = self.p.builtin(b);
        let (module, name) = (bi.module.clone(), bi.name.clone());
        if module == "Core" && matches!(name.as_str(), "\\cup" | "\\cap" | "\\") && args.len() == 2 {
            let (a, at) = self.ex(args[0], env, sc)?;
            let (b, bt) = self.ex(args[1], env, sc)?;
            let ok = matches!(&at, Ty::EnumSet(_) | Ty::EmptySet) && matches!(&bt, Ty::EnumSet(_) | Ty::EmptySet);
            let Some(at) = Ty::unify(&at, &bt).filter(|_| ok) else {
                return Err(self.unsupported(format!("{name} of sets typed mode does not represent"), Some(e)));
            };
            let code = match name.as_str() {
                "\\cup" => quote! { ((#a) | (#b)) },
                "\\cap" => quote! { ((#a) & (#b)) },
                _ => quote! { ((#a) & !(#b)) },
            };
            return Ok((code, at));
        }
        if !matches!(module.as_str(), "Naturals" | "Integers") {
            return Err(self.unsupported(format!("the operator {module}!{name} in typed mode"), Some(e)));
        }
        let two = |g: &mut Self| -> G<(TokenStream, TokenStream)> {
            match args {
                [a, b] => Ok((g.int(*a, env, sc)?, g.int(*b, env, sc)?)),
                _ => Err(g.unsupported("an operator with this many arguments", Some(e))),
            }
        };
        Ok(match name.as_str() {
            "+" | "-" | "*" => {
                let (a, b) = two(self)?;
                let op = match name.as_str() {
                    "+" => quote! { checked_add },
                    "-" => quote! { checked_sub },
                    _ => quote! { checked_mul },
                };
                (
                    quote! { { let (a, b): (i64, i64) = (#a, #b); match a.#op(b) { Some(r) => r, None => return Err(Bail) } } },
                    Ty::Int,
                )
            }
            "%" => {
                let (a, b) = two(self)?;
                (
                    quote! { { let (a, b): (i64, i64) = (#a, #b); if b <= 0 { return Err(Bail); } a.rem_euclid(b) } },
                    Ty::Int,
                )
            }
            "\\div" => {
                let (a, b) = two(self)?;
                (
                    quote! { {
                        let (a, b): (i64, i64) = (#a, #b);
                        if b == 0 { return Err(Bail); }
                        match a.checked_div(b) { Some(q) => if (a % b != 0) && ((a < 0) != (b < 0)) { q - 1 } else { q }, None => return Err(Bail) }
                    } },
                    Ty::Int,
                )
            }
            "<" | ">" | "<=" | ">=" => {
                let (a, b) = two(self)?;
                let op: TokenStream = name.parse().expect("comparison operator");
                (quote! { ((#a) #op (#b)) }, Ty::Bool)
            }
            ".." => {
                let (a, b) = two(self)?;
                (quote! { (#a, #b) }, Ty::IntSet)
            }
            "-." if args.len() == 1 => {
                let a = self.int(args[0], env, sc)?;
                (quote! { match (#a).checked_neg() { Some(r) => r, None => return Err(Bail) } }, Ty::Int)
            }
            _ => return Err(self.unsupported(format!("the operator {module}!{name} in typed mode"), Some(e))),
        })
    }
}

/// A loop binding `id` to each element of the set `set` (of set type `set_ty`), in the
/// canonical order, around `body`.
pub fn loop_over(set_ty: &Ty, id: &Ident, set: &TokenStream, body: TokenStream) -> TokenStream {
    match set_ty {
        Ty::LitSet { .. } => quote! { { let (a, len) = #set; for &#id in a[..len].iter() { #body } } },
        Ty::EnumSet(_) | Ty::EmptySet => quote! { {
            let mut b: u64 = #set;
            while b != 0 { let #id = b.trailing_zeros() as u16; b &= b - 1; #body }
        } },
        _ => quote! { { let (lo, hi): (i64, i64) = #set; for #id in lo..=hi { #body } } },
    }
}

/// A short name of an expression's kind, for messages.
pub fn kind(e: &Expr) -> String {
    let s = format!("{e:?}");
    s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_string()
}
