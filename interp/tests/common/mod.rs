//! A small builder of IR programs by hand, and a tiny BFS over `runtime::Model`, for the
//! interpreter's tests (they do not depend on the parser).
#![allow(dead_code)]

use std::cell::RefCell;
use std::collections::HashSet;
use std::sync::Arc;

use tla2_frontend::ir::*;
use tla2_frontend::{SourceFile, SourceMap, Span};
use tla2_interp::eval::{Ev, Shared};
use tla2_interp::worker::WorkerData;
use tla2_interp::InterpModel;
use tla2_runtime::model::Model;
use tla2_runtime::value::{EvalError, Value};

/// Builds a program; every expression gets a distinct one-character-wide span in file 0 so
/// that error locations can be asserted on.
#[derive(Default, Clone)]
pub struct B {
    pub p: Program,
    next_offset: u32,
}

impl B {
    pub fn new() -> B {
        B::default()
    }
    pub fn e(&mut self, e: Expr) -> ExprId {
        let id = self.p.exprs.alloc(e);
        let off = self.next_offset;
        self.next_offset += 1;
        self.p.spans.insert(id, Span::new(tla2_frontend::FileId(0), off, off + 1));
        id
    }
    pub fn int(&mut self, i: i64) -> ExprId {
        self.e(Expr::Int(i))
    }
    pub fn bool(&mut self, b: bool) -> ExprId {
        self.e(Expr::Bool(b))
    }
    pub fn str(&mut self, s: &str) -> ExprId {
        self.e(Expr::Str(s.into()))
    }
    pub fn mv(&mut self, s: &str) -> ExprId {
        self.e(Expr::ModelValue(s.into()))
    }
    pub fn var_decl(&mut self, name: &str) -> VarId {
        self.p.vars.push(VarDecl { name: name.into(), span: Span::default() });
        VarId(self.p.vars.len() as u32 - 1)
    }
    pub fn var(&mut self, v: VarId) -> ExprId {
        self.e(Expr::Var(v))
    }
    pub fn primed(&mut self, v: VarId) -> ExprId {
        let x = self.var(v);
        self.e(Expr::Prime(x))
    }
    pub fn local(&mut self, name: &str) -> LocalId {
        let l = LocalId(self.p.local_count);
        self.p.local_count += 1;
        self.p.local_names.push(name.into());
        l
    }
    pub fn loc(&mut self, l: LocalId) -> ExprId {
        self.e(Expr::Local(l))
    }
    pub fn builtin(&mut self, module: &str, name: &str, arity: usize) -> BuiltinId {
        if let Some(i) = self.p.builtins.iter().position(|b| b.module == module && b.name == name) {
            return BuiltinId(i as u32);
        }
        self.p.builtins.push(Builtin { module: module.into(), name: name.into(), arity });
        BuiltinId(self.p.builtins.len() as u32 - 1)
    }
    pub fn bcall(&mut self, module: &str, name: &str, args: Vec<ExprId>) -> ExprId {
        let b = self.builtin(module, name, args.len());
        self.e(Expr::Call { callee: Callee::Builtin(b), args })
    }
    pub fn op2(&mut self, name: &str, a: ExprId, b: ExprId) -> ExprId {
        let module = match name {
            "\\cup" | "\\cap" | "\\" | "\\subseteq" => "Core",
            _ => "Naturals",
        };
        self.bcall(module, name, vec![a, b])
    }
    pub fn range(&mut self, lo: i64, hi: i64) -> ExprId {
        let (a, b) = (self.int(lo), self.int(hi));
        self.op2("..", a, b)
    }
    pub fn nat(&mut self) -> ExprId {
        self.bcall("Naturals", "Nat", vec![])
    }
    pub fn eq(&mut self, a: ExprId, b: ExprId) -> ExprId {
        self.e(Expr::Eq(a, b))
    }
    pub fn and(&mut self, xs: Vec<ExprId>) -> ExprId {
        self.e(Expr::And(xs))
    }
    pub fn or(&mut self, xs: Vec<ExprId>) -> ExprId {
        self.e(Expr::Or(xs))
    }
    pub fn set(&mut self, xs: Vec<ExprId>) -> ExprId {
        self.e(Expr::SetEnum(xs))
    }
    pub fn tuple(&mut self, xs: Vec<ExprId>) -> ExprId {
        self.e(Expr::Tuple(xs))
    }
    pub fn single(l: LocalId, domain: ExprId) -> Binding {
        Binding { vars: BoundVars::Single(l), domain: Some(domain) }
    }
    pub fn param(l: LocalId, name: &str, arity: usize) -> Param {
        Param { local: l, name: name.into(), arity }
    }
    pub fn def(&mut self, name: &str, params: Vec<Param>, body: ExprId) -> DefId {
        self.def_kind(name, params, DefKind::Operator, body)
    }
    pub fn def_kind(&mut self, name: &str, params: Vec<Param>, kind: DefKind, body: ExprId) -> DefId {
        self.p.defs.alloc(Def {
            name: name.into(),
            module: "M".into(),
            params,
            kind,
            body,
            in_let: false,
            recursive: false,
            span: Span::default(),
            name_span: Span::default(),
        })
    }
    /// A placeholder definition whose body is set later (for recursion).
    pub fn set_body(&mut self, d: DefId, body: ExprId) {
        self.p.defs[d].body = body;
    }
    pub fn call(&mut self, d: DefId, args: Vec<ExprId>) -> ExprId {
        self.e(Expr::Call { callee: Callee::Def(d), args })
    }
    pub fn named(name: &str, expr: ExprId, def: Option<DefId>) -> Named {
        Named { name: name.into(), expr, def }
    }
    /// A source map whose file 0 is `text` (long enough for every span made so far).
    pub fn sources(&self) -> SourceMap {
        let mut sm = SourceMap::default();
        let text: String = (0..self.next_offset.max(1)).map(|_| 'x').collect();
        sm.add(SourceFile::new("M.tla".into(), "M".into(), text));
        sm
    }
    pub fn shared(self) -> Arc<Shared> {
        let sources = self.sources();
        Arc::new(Shared::new(self.p, sources))
    }
    pub fn model(self) -> InterpModel {
        let sources = self.sources();
        match InterpModel::new(self.p, sources) {
            Ok(m) => m,
            Err(e) => panic!("model build failed: {e}"),
        }
    }
}

/// Evaluates `e` as a constant expression of the program.
pub fn eval_const(sh: &Arc<Shared>, e: ExprId) -> Result<Value, EvalError> {
    let worker = RefCell::new(WorkerData::default());
    Ev::new(sh, &[], &worker).eval(e)
}

/// A breadth-first search over a model: (distinct states, depth), or the first error message.
pub fn bfs<M: Model>(m: &M) -> Result<(usize, usize), String> {
    let mut w = m.new_worker(0);
    let mut seen = HashSet::new();
    let mut level = Vec::new();
    let mut err = None;
    m.init_states(&mut w, &mut |s| level.push(s)).map_err(|e| e.error.message)?;
    level.retain(|s| seen.insert(m.fingerprint(&mut w, s)));
    let mut depth = 0;
    while !level.is_empty() {
        depth += 1;
        let mut next = Vec::new();
        for s in &level {
            if let Some(i) = m.check_invariants(&mut w, s).map_err(|e| e.error.message)? {
                err.get_or_insert(format!("invariant {i} violated"));
            }
            if !m.satisfies_constraints(&mut w, s).map_err(|e| e.error.message)? {
                continue;
            }
            let mut successors = Vec::new();
            m.next_states(&mut w, s, &mut |_, t| successors.push(t)).map_err(|e| e.error.message)?;
            for t in successors {
                if seen.insert(m.fingerprint(&mut w, &t)) {
                    next.push(t)
                }
            }
        }
        level = next;
    }
    match err {
        Some(e) => Err(e),
        None => Ok((seen.len(), depth)),
    }
}
