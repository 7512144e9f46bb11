//! The generator's state: what each TLA+ local is bound to in the Rust code being emitted, the
//! items (functions, statics) emitted so far, and fresh names.

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
use quote::format_ident;
use tla2_frontend::ir::{DefId, ExprId, LocalId, Program};
use tla2_frontend::SourceMap;

use crate::analysis::{def_index, Constness};
use crate::CodegenError;

/// What a TLA+ local denotes in the generated code.
#[derive(Clone)]
pub enum Bind {
    /// A Rust local holding a `Value`.
    Val(Ident),
    /// A Rust local holding a `runtime::compiled::Op`.
    Op(Ident, usize),
    /// An argument that is a state variable `x` or `x'`, substituted by name (as the
    /// interpreter's `Slot::Target`), so that an action can assign through it.
    Target(ExprId),
}

/// The locals in scope, innermost last.
#[derive(Clone, Default)]
pub struct Env(Vec<(LocalId, Bind)>, Vec<(DefId, Ident)>);

impl Env {
    pub fn get(&self, l: LocalId) -> Option<&Bind> {
        self.0.iter().rev().find(|(id, _)| *id == l).map(|(_, b)| b)
    }
    pub fn with(&self, l: LocalId, b: Bind) -> Env {
        let mut e = self.clone();
        e.0.push((l, b));
        e
    }
    /// The cache cell of a nullary LET definition of an enclosing LET, if any.
    pub fn let_cell(&self, d: DefId) -> Option<&Ident> {
        self.1.iter().rev().find(|(x, _)| *x == d).map(|(_, c)| c)
    }
    pub fn with_let_cell(&self, d: DefId, cell: Ident) -> Env {
        let mut e = self.clone();
        e.1.push((d, cell));
        e
    }
    pub fn binds(&self) -> impl Iterator<Item = &Bind> {
        self.0.iter().map(|(_, b)| b)
    }
    pub fn push(&mut self, l: LocalId, b: Bind) {
        self.0.push((l, b));
    }
    /// Only the value locals (for closures that must own what they capture), with the
    /// statements that clone them into `cap_*` locals to be moved.
    pub fn owned(&self) -> (Env, Vec<(Ident, Ident)>) {
        let mut env = Env::default();
        let mut caps = Vec::new();
        for (l, b) in &self.0 {
            match b {
                Bind::Val(id) => {
                    let cap = format_ident!("cap_{}", id);
                    caps.push((id.clone(), cap));
                    env.push(*l, Bind::Val(id.clone()));
                }
                Bind::Target(t) => env.push(*l, Bind::Target(*t)),
                Bind::Op(..) => {}
            }
        }
        caps.dedup_by(|a, b| a.0 == b.0);
        (env, caps)
    }
}

pub type G<T> = Result<T, CodegenError>;

pub struct Gen<'p> {
    pub p: &'p Program,
    pub sources: &'p SourceMap,
    pub cst: Constness,
    /// Functions and statics of `spec.rs`.
    pub items: Vec<TokenStream>,
    def_fns: HashMap<DefId, Ident>,
    pub queue: Vec<DefId>,
    counter: u32,
    pub rec_fns: std::collections::HashSet<DefId>,
    cached_exprs: HashMap<ExprId, bool>,
    /// Expressions whose cache static is emitted.
    pub expr_caches: std::collections::HashSet<ExprId>,
    pub literal_count: u32,
}

impl<'p> Gen<'p> {
    pub fn new(p: &'p Program, sources: &'p SourceMap) -> Gen<'p> {
        Gen {
            p,
            sources,
            cst: Constness::new(p),
            items: Vec::new(),
            def_fns: HashMap::new(),
            queue: Vec::new(),
            counter: 0,
            rec_fns: Default::default(),
            cached_exprs: HashMap::new(),
            expr_caches: Default::default(),
            literal_count: 0,
        }
    }

    pub fn fresh(&mut self, prefix: &str) -> Ident {
        self.counter += 1;
        format_ident!("{}{}", prefix, self.counter)
    }

    pub fn local(&self, l: LocalId) -> Ident {
        format_ident!("l{}", l.0)
    }

    pub fn unsupported(&self, what: impl Into<String>, e: Option<ExprId>) -> CodegenError {
        if std::env::var("TLA2_CG_TRACE").is_ok() {
            eprintln!("{}", std::backtrace::Backtrace::force_capture());
        }
        let location = e.map(|e| {
            let l = self.sources.location(self.p.span(e));
            format!("{}:{}:{}", l.file, l.line, l.column)
        });
        CodegenError::Unsupported { what: what.into(), location }
    }

    /// The Rust function of a (non-LET) definition, queued for emission on first use.
    pub fn def_fn(&mut self, d: DefId) -> Ident {
        if let Some(id) = self.def_fns.get(&d) {
            return id.clone();
        }
        let id = format_ident!("d{}_{}", def_index(d), sanitize(&self.p.def(d).name));
        self.def_fns.insert(d, id.clone());
        self.queue.push(d);
        id
    }

    /// The locals of its scope a LET definition's function receives first (none otherwise).
    pub fn caps_of(&self, d: DefId) -> Vec<tla2_frontend::ir::LocalId> {
        match self.p.def(d).in_let {
            true => crate::analysis::free_locals(self.p, d),
            false => Vec::new(),
        }
    }

    /// The values of `caps_of(d)` at a use of `d`.
    pub fn cap_args(&mut self, d: DefId, env: &Env, at: ExprId) -> G<Vec<TokenStream>> {
        let mut out = Vec::new();
        for l in self.caps_of(d) {
            out.push(match env.get(l).cloned() {
                Some(Bind::Val(id)) if self.op_arity(l) == 0 => quote::quote! { #id.clone() },
                Some(Bind::Op(id, _)) if self.op_arity(l) > 0 => quote::quote! { #id },
                Some(Bind::Target(t)) => self.ex(t, env)?,
                _ => return Err(self.unsupported("a recursive LET definition capturing an operator", Some(at))),
            });
        }
        Ok(out)
    }

    /// The arity of an operator parameter (0 for a value local).
    pub fn op_arity(&self, l: tla2_frontend::ir::LocalId) -> usize {
        for (_, d) in self.p.defs.iter() {
            if let Some(prm) = d.params.iter().find(|prm| prm.local == l) {
                return prm.arity;
            }
        }
        for (_, e) in self.p.exprs.iter() {
            if let tla2_frontend::ir::Expr::Lambda { params, .. } = e {
                if let Some(prm) = params.iter().find(|prm| prm.local == l) {
                    return prm.arity;
                }
            }
        }
        0
    }

    /// Whether an expression's value is computed once per run (memoized).
    pub fn cached_expr(&mut self, e: ExprId) -> bool {
        if let Some(b) = self.cached_exprs.get(&e) {
            return *b;
        }
        let b = crate::analysis::cacheable_expr(self.p, &self.cst, e);
        self.cached_exprs.insert(e, b);
        b
    }

    /// Whether a definition's value is computed once (constant, nullary, not in a LET).
    pub fn cacheable(&self, d: DefId) -> bool {
        let def = self.p.def(d);
        self.cst.defs[def_index(d)] && def.params.is_empty() && !def.in_let
    }
}

/// A TLA+ name as part of a Rust identifier.
pub fn sanitize(name: &str) -> String {
    let s: String = name.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
    s.trim_matches('_').to_string()
}

/// [`Gen::cacheable`] without a generator (typed mode decides expansion as dynamic mode does).
pub fn cacheable_in(cst: &crate::analysis::Constness, p: &Program, d: DefId) -> bool {
    let def = p.def(d);
    cst.defs[def_index(d)] && def.params.is_empty() && !def.in_let
}
