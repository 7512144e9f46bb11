//! Lowering of definitions: module-level definitions (one copy per instance frame) and LET.

use super::{Ctx, LocalKind, Lowerer, Pending, ScopeEntry};
use crate::ast::{self, LetDef, Unit};
use crate::ir::{Def, DefId, DefKind, Expr, ExprId, Param};
use crate::span::Span;

impl<'a> Lowerer<'a> {
    /// Lowers one queued definition copy: instance parameters first, then its own.
    pub(crate) fn lower_pending(&mut self, p: Pending) {
        let modules = self.modules;
        let Some(unit) = modules[p.module].units.get(p.unit) else { return };
        self.cur = Ctx { module: p.module, frame: p.frame };
        self.scope.clear();
        self.inst_locals.clear();
        self.path_args.clear();
        let mut params = Vec::new();
        let chain = p.frame.map(|f| self.frames[f].chain.clone()).unwrap_or_default();
        for f in chain {
            let mut locals = Vec::new();
            for ip in self.frames[f].params.clone() {
                let local = self.fresh_local(&ip.name.name);
                locals.push(local);
                params.push(Param { local, name: ip.name.name.clone(), arity: ip.arity });
            }
            self.inst_locals.insert(f, locals);
        }
        let (kind, body) = match unit {
            Unit::OpDef(d) => {
                params.extend(self.bind_params(&d.params));
                (DefKind::Operator, self.lower_expr(&d.body))
            }
            Unit::FunDef(d) => {
                let bounds = self.lower_bounds(&d.bounds);
                (DefKind::RecursiveFunction { bounds }, self.lower_expr(&d.body))
            }
            Unit::Assume { expr, .. } => (DefKind::Operator, self.lower_expr(expr)),
            Unit::Theorem { expr: Some(expr), .. } => (DefKind::Operator, self.lower_expr(expr)),
            Unit::Theorem { span, .. } => (DefKind::Operator, self.alloc(Expr::Bool(true), *span)),
            _ => return,
        };
        let declared = declared_recursive(modules[p.module], unit);
        let def = &mut self.prog.defs[p.def];
        def.params = params;
        def.kind = kind;
        def.body = body;
        def.recursive |= declared;
        self.scope.clear();
        self.inst_locals.clear();
    }

    /// Binds operator parameters in the scope and returns them as IR parameters.
    fn bind_params(&mut self, params: &[ast::OpParam]) -> Vec<Param> {
        let mut out = Vec::new();
        for p in params {
            let local = self.fresh_local(&p.name.name);
            let kind = if p.arity > 0 { LocalKind::OpParam(local, p.arity) } else { LocalKind::Var(local) };
            self.scope.push(ScopeEntry { name: p.name.name.clone(), kind });
            out.push(Param { local, name: p.name.name.clone(), arity: p.arity });
        }
        out
    }

    /// `LET defs IN body`: every definition is visible in the others (which covers RECURSIVE
    /// ones) and in the body.
    pub(crate) fn lower_let(&mut self, defs: &[LetDef], body: &ast::Expr, span: Span) -> ExprId {
        let mark = self.scope.len();
        let mut ids: Vec<(DefId, &LetDef)> = Vec::new();
        let mut recursive: Vec<String> = Vec::new();
        for d in defs {
            match d {
                LetDef::Op(op) => {
                    let id = self.let_def(&op.name, op.span);
                    let param_arities = op.params.iter().map(|p| p.arity).collect();
                    self.scope.push(ScopeEntry {
                        name: op.name.name.clone(),
                        kind: LocalKind::LetDef { def: id, param_arities },
                    });
                    ids.push((id, d));
                }
                LetDef::Fun(f) => {
                    let id = self.let_def(&f.name, f.span);
                    self.scope.push(ScopeEntry {
                        name: f.name.name.clone(),
                        kind: LocalKind::LetDef { def: id, param_arities: Vec::new() },
                    });
                    ids.push((id, d));
                }
                LetDef::Recursive(decls) => recursive.extend(decls.iter().map(|c| c.name.name.clone())),
                LetDef::Instance(inst) => self.let_instance(inst),
            }
        }
        for (id, d) in &ids {
            let inner = self.scope.len();
            match d {
                LetDef::Op(op) => {
                    let params = self.bind_params(&op.params);
                    let body = self.lower_expr(&op.body);
                    let def = &mut self.prog.defs[*id];
                    def.params = params;
                    def.body = body;
                    def.recursive = recursive.contains(&op.name.name);
                }
                LetDef::Fun(f) => {
                    let bounds = self.lower_bounds(&f.bounds);
                    let body = self.lower_expr(&f.body);
                    let def = &mut self.prog.defs[*id];
                    def.kind = DefKind::RecursiveFunction { bounds };
                    def.body = body;
                }
                _ => {}
            }
            self.scope.truncate(inner);
        }
        let body = self.lower_expr(body);
        self.scope.truncate(mark);
        if ids.is_empty() {
            // Only instances (or RECURSIVE declarations): nothing left to bind at run time.
            return body;
        }
        let defs = ids.into_iter().map(|(id, _)| id).collect();
        self.alloc(Expr::Let { defs, body }, span)
    }

    /// `LET I == INSTANCE M WITH …`: a frame whose substitutions may use the locals in scope.
    fn let_instance(&mut self, inst: &ast::InstanceDef) {
        let Some(name) = &inst.name else {
            let msg = "an unnamed INSTANCE inside LET is not supported; name it (`I == INSTANCE M`)";
            self.error("TLA_SEMANTIC_UNSUPPORTED", inst.span, msg);
            return;
        };
        let parent = self.canon(self.cur);
        let captured = self.scope.clone();
        if let Some(f) = self.make_frame(parent, self.cur.module, inst, captured) {
            self.scope.push(ScopeEntry { name: name.name.clone(), kind: LocalKind::Instance(f) });
        }
    }

    fn let_def(&mut self, name: &ast::Ident, span: Span) -> DefId {
        let placeholder = self.alloc(Expr::Bool(true), span);
        let module = self.module_name(self.cur.module).to_string();
        self.prog.defs.alloc(Def {
            name: name.name.clone(),
            module,
            params: Vec::new(),
            kind: DefKind::Operator,
            body: placeholder,
            in_let: true,
            recursive: false,
            span,
            name_span: name.span,
        })
    }
}

/// True if `unit` defines an operator named in a RECURSIVE declaration of its module.
fn declared_recursive(module: &ast::Module, unit: &Unit) -> bool {
    let Unit::OpDef(d) = unit else { return false };
    module.units.iter().any(|u| matches!(u, Unit::Recursive(ds) if ds.iter().any(|c| c.name.name == d.name.name)))
}
