//! Resolving a name to what it denotes in the current context: a local, a definition copy in
//! some instance frame, a builtin, a state variable, or a substituted constant.

use super::names::{closest, standard_module_of, Sym};
use super::{Ctx, Frame, FrameId, LocalKind, Lowerer, Pending, ScopeEntry};
use crate::ast::{self, ExprKind, Unit};
use crate::diagnostics::Diagnostic;
use crate::ir::{Callee, Def, DefKind, Expr, ExprId, LocalId};
use crate::library::BUILTIN_MARKER;
use crate::span::Span;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// What a name resolved to, before its arguments are applied.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A bound variable (arity 0) or an operator parameter.
    Local(LocalId, usize),
    /// Something callable; `leading` are the instance-parameter arguments that go first.
    Call { callee: Callee, leading: Vec<ExprId>, param_arities: Vec<usize> },
    /// An already lowered expression (a state variable, a substituted constant…).
    Expr(ExprId),
}

/// Where one segment of an instance path leads.
enum Step {
    /// Into an instance frame.
    Frame(Ctx),
    /// To a definition whose subexpression the rest of the path selects.
    Def(Option<FrameId>, Sym),
}

/// Substitution nesting beyond this is a substitution that mentions itself.
pub(crate) const MAX_SUBST_DEPTH: usize = 64;

impl<'a> Lowerer<'a> {
    /// Names of the constants and variables visible in module `m` (its EXTENDS closure).
    pub(crate) fn decl_names(&self, m: usize) -> &HashSet<String> {
        &self.decls[m]
    }

    fn chain_has_params(&self, frame: FrameId) -> bool {
        self.frames[frame].chain.iter().any(|&f| !self.frames[f].params.is_empty())
    }

    /// Drops the frame when nothing it substitutes is visible in `ctx.module`, so that
    /// definitions independent of the instance are shared with the plain context.
    pub(crate) fn canon(&self, ctx: Ctx) -> Ctx {
        let Some(f) = ctx.frame else { return ctx };
        if self.chain_has_params(f) {
            return ctx;
        }
        let decls = self.decl_names(ctx.module);
        if self.frames[f].subst.keys().any(|k| decls.contains(k)) {
            ctx
        } else {
            Ctx { module: ctx.module, frame: None }
        }
    }

    fn instance_def(&self, m: usize, u: usize) -> Option<&'a ast::InstanceDef> {
        match self.modules[m].units.get(u) {
            Some(Unit::Instance(i)) => Some(i),
            _ => None,
        }
    }

    /// The frame of the INSTANCE at (`m`, `u`) seen from `ctx` (whose frame also applies to `m`).
    pub(crate) fn instance_frame(&mut self, ctx: Ctx, m: usize, u: usize) -> Option<FrameId> {
        let parent = self.canon(Ctx { module: m, frame: ctx.frame });
        if let Some(&f) = self.frame_keys.get(&(parent, m, u)) {
            return Some(f);
        }
        let inst = self.instance_def(m, u)?;
        let id = self.make_frame(parent, m, inst, Vec::new())?;
        self.frame_keys.insert((parent, m, u), id);
        Some(id)
    }

    /// Creates the frame of `inst`, written in module `site`, instantiated from `parent`.
    pub(crate) fn make_frame(
        &mut self,
        parent: Ctx,
        site: usize,
        inst: &ast::InstanceDef,
        captured: Vec<ScopeEntry>,
    ) -> Option<FrameId> {
        let Some(&target) = self.index.get(&inst.module.name) else {
            self.error(
                "TLA_SEMANTIC_UNKNOWN_MODULE",
                inst.module.span,
                format!("module {} was not loaded", inst.module.name),
            );
            return None;
        };
        let mut subst: HashMap<String, Rc<ast::Expr>> = HashMap::new();
        for (lhs, rhs) in &inst.substitutions {
            subst.insert(lhs.name.clone(), Rc::new(rhs.clone()));
        }
        let mut decls: Vec<String> = self.decl_names(target).iter().cloned().collect();
        decls.sort();
        for name in decls {
            if subst.contains_key(&name) {
                continue;
            }
            let visible = self.spaces[site].all.contains_key(&name)
                || inst.params.iter().any(|p| p.name.name == name)
                || captured.iter().any(|e| e.name == name);
            if !visible {
                self.diags.push(
                    Diagnostic::error(
                        "TLA_SEMANTIC_UNDEFINED_NAME",
                        inst.span,
                        format!(
                            "INSTANCE {} needs a substitution for `{name}`, and `{name}` is not defined here",
                            inst.module.name
                        ),
                    )
                    .with_help(
                        "add_substitution",
                        format!("add `WITH {name} <- …` or declare `{name}` in this module"),
                    ),
                );
            }
            let op = ast::OpRef { path: Vec::new(), name: ast::Ident { name: name.clone(), span: inst.span } };
            let e = ast::Expr { kind: ExprKind::OpApp { op, args: Vec::new() }, span: inst.span };
            subst.insert(name, Rc::new(e));
        }
        let parent_prefix = parent.frame.map(|p| self.frames[p].prefix.clone()).unwrap_or_default();
        let prefix = match &inst.name {
            Some(n) => format!("{parent_prefix}{}!", n.name),
            None => parent_prefix,
        };
        let id = self.frames.len();
        let mut chain = parent.frame.map(|p| self.frames[p].chain.clone()).unwrap_or_default();
        chain.push(id);
        self.frames.push(Frame { parent, module: target, subst, params: inst.params.clone(), prefix, chain, captured });
        Some(id)
    }

    /// True if a frame of the chain was created inside a LET (its copies capture locals).
    pub(crate) fn chain_captures(&self, frame: Option<FrameId>) -> bool {
        frame.is_some_and(|f| self.frames[f].chain.iter().any(|&c| !self.frames[c].captured.is_empty()))
    }

    /// Resolves a module-level symbol seen from `ctx`.
    pub(crate) fn resolve_sym(&mut self, ctx: Ctx, sym: &Sym, span: Span) -> Option<Target> {
        if let Some(&callee) = self.scoped_overrides.get(sym) {
            let param_arities = vec![0; self.sym_arity(sym)];
            return Some(Target::Call { callee, leading: Vec::new(), param_arities });
        }
        match sym {
            Sym::Def { module, unit } => self.def_target(ctx, *module, *unit, span),
            Sym::Const { module, unit, pos, arity } => self.const_target(ctx, (*module, *unit, *pos), *arity, span),
            Sym::Var { module, unit, pos } => {
                if let Some(f) = self.canon(Ctx { module: *module, frame: ctx.frame }).frame {
                    let name = self.decl_name(*module, *unit, *pos);
                    return Some(Target::Expr(self.lower_subst(f, &name, span)));
                }
                match self.var_ids.get(&(*module, *unit, *pos)) {
                    Some(&v) => Some(Target::Expr(self.alloc(Expr::Var(v), span))),
                    None => {
                        let name = self.decl_name(*module, *unit, *pos);
                        self.error(
                            "TLA_SEMANTIC_UNDEFINED_NAME",
                            span,
                            format!("variable `{name}` is not a variable of the root module"),
                        );
                        None
                    }
                }
            }
            Sym::Inst { .. } => {
                self.error(
                    "TLA_SEMANTIC_INSTANCE_AS_VALUE",
                    span,
                    "an instance name must be followed by `!` and a definition name",
                );
                None
            }
            Sym::Via { module, unit, sym } => {
                let f = self.instance_frame(ctx, *module, *unit)?;
                let inner = Ctx { module: self.frames[f].module, frame: Some(f) };
                self.resolve_sym(inner, sym, span)
            }
        }
    }

    /// The number of parameters of what `sym` denotes.
    pub(crate) fn sym_arity(&self, sym: &Sym) -> usize {
        match super::names::innermost(sym) {
            Sym::Def { module, unit } => match self.modules[*module].units.get(*unit) {
                Some(Unit::OpDef(d)) => d.params.len(),
                _ => 0,
            },
            Sym::Const { arity, .. } => *arity,
            _ => 0,
        }
    }

    pub(crate) fn decl_name(&self, m: usize, u: usize, p: usize) -> String {
        match self.modules[m].units.get(u) {
            Some(Unit::Variables(v)) => v.get(p).map(|i| i.name.clone()).unwrap_or_default(),
            Some(Unit::Constants(c)) => c.get(p).map(|d| d.name.name.clone()).unwrap_or_default(),
            _ => String::new(),
        }
    }

    fn const_target(&mut self, ctx: Ctx, key: (usize, usize, usize), arity: usize, span: Span) -> Option<Target> {
        let name = self.decl_name(key.0, key.1, key.2);
        if let Some(f) = self.canon(Ctx { module: key.0, frame: ctx.frame }).frame {
            if arity == 0 {
                return Some(Target::Expr(self.lower_subst(f, &name, span)));
            }
            return self.subst_operator(f, &name, arity, span);
        }
        let target = match self.consts.get(&key) {
            Some(t) => *t,
            None => {
                let t = self.unbound_constant(key, &name, arity);
                self.consts.insert(key, t);
                t
            }
        };
        let callee = match target {
            super::ConstTarget::Def(d) => Callee::Def(d),
            super::ConstTarget::Callee(c) => c,
        };
        Some(Target::Call { callee, leading: Vec::new(), param_arities: vec![0; arity] })
    }

    /// The target of a definition (`m`, `u`) seen from `ctx`: a cfg override, a builtin, or the
    /// copy of the definition in the right frame.
    pub(crate) fn def_target(&mut self, ctx: Ctx, m: usize, u: usize, span: Span) -> Option<Target> {
        let (name, param_arities, builtin) = match self.modules[m].units.get(u) {
            Some(Unit::OpDef(d)) => {
                (d.name.name.clone(), d.params.iter().map(|p| p.arity).collect::<Vec<_>>(), is_builtin_body(&d.body))
            }
            Some(Unit::FunDef(d)) => (d.name.name.clone(), Vec::new(), false),
            Some(Unit::Assume { name: Some(n), .. }) | Some(Unit::Theorem { name: Some(n), .. }) => {
                (n.name.clone(), Vec::new(), false)
            }
            _ => return None,
        };
        let bypass = std::mem::take(&mut self.bypass_override);
        if let Some(&callee) = self.overrides.get(&(m, name.clone())).filter(|_| !bypass) {
            return Some(Target::Call { callee, leading: Vec::new(), param_arities });
        }
        if builtin {
            let module = self.module_name(m).to_string();
            let id = self.builtin(&module, &name, param_arities.len());
            return Some(Target::Call { callee: Callee::Builtin(id), leading: Vec::new(), param_arities });
        }
        let c = self.canon(Ctx { module: m, frame: ctx.frame });
        let def = self.def_id(c, u, &name, span);
        let leading = self.leading_args(c.frame, span);
        Some(Target::Call { callee: Callee::Def(def), leading, param_arities })
    }

    /// The DefId of definition `u` of `c.module` in frame `c.frame`, queueing it when new.
    pub(crate) fn def_id(&mut self, c: Ctx, u: usize, name: &str, _span: Span) -> crate::ir::DefId {
        if let Some(&d) = self.def_cache.get(&(c.module, u, c.frame)) {
            return d;
        }
        let prefix = c.frame.map(|f| self.frames[f].prefix.clone()).unwrap_or_default();
        let (span, name_span) = unit_spans(&self.modules[c.module].units[u]);
        let placeholder = self.alloc(Expr::Bool(true), span);
        let def = self.prog.defs.alloc(Def {
            name: format!("{prefix}{name}"),
            module: self.module_name(c.module).to_string(),
            params: Vec::new(),
            kind: DefKind::Operator,
            body: placeholder,
            in_let: self.chain_captures(c.frame),
            recursive: false,
            span,
            name_span,
        });
        self.def_cache.insert((c.module, u, c.frame), def);
        self.pending.push_back(Pending { def, module: c.module, unit: u, frame: c.frame });
        def
    }

    /// Instance-parameter arguments for a call into `frame`: the caller's own parameters for
    /// frames it is inside, the path's arguments (`I(a)!Op`) for the others.
    fn leading_args(&mut self, frame: Option<FrameId>, span: Span) -> Vec<ExprId> {
        let Some(f) = frame else { return Vec::new() };
        let mut out = Vec::new();
        for fr in self.frames[f].chain.clone() {
            if let Some(locals) = self.inst_locals.get(&fr).cloned() {
                for l in locals {
                    out.push(self.alloc(Expr::Local(l), span));
                }
            } else if let Some(args) = self.path_args.get(&fr) {
                out.extend(args.iter().copied());
            }
        }
        out
    }

    /// Lowers the substitution for `name` in frame `f`, in the instantiating context.
    pub(crate) fn lower_subst(&mut self, f: FrameId, name: &str, span: Span) -> ExprId {
        let Some(rhs) = self.frames[f].subst.get(name).cloned() else {
            return self.unsupported(span, format!("no substitution for `{name}`"));
        };
        if self.subst_depth >= MAX_SUBST_DEPTH {
            self.error(
                "TLA_SEMANTIC_CIRCULAR_SUBSTITUTION",
                span,
                format!("the substitution for `{name}` refers to itself"),
            );
            return self.unsupported(span, "circular substitution");
        }
        let saved = self.enter_frame_parent(f);
        let e = self.lower_expr(&rhs);
        self.leave_frame_parent(saved);
        e
    }

    /// An operator constant `F(_)` substituted by an operator name in frame `f`.
    fn subst_operator(&mut self, f: FrameId, name: &str, arity: usize, span: Span) -> Option<Target> {
        let rhs = self.frames[f].subst.get(name).cloned()?;
        let saved = self.enter_frame_parent(f);
        let t = match &rhs.kind {
            ExprKind::OpApp { op, args } if args.is_empty() => self.resolve_ref(op, rhs.span),
            ExprKind::Lambda { params, body } => Some(self.lambda_def(params, body, rhs.span)),
            _ => {
                let msg = format!("substituting `{name}` by an expression that is not an operator name");
                Some(Target::Expr(self.unsupported(span, msg)))
            }
        };
        self.leave_frame_parent(saved);
        match t {
            Some(Target::Call { callee, leading, .. }) => {
                Some(Target::Call { callee, leading, param_arities: vec![0; arity] })
            }
            other => other,
        }
    }

    /// `F <- LAMBDA x : e`: a LET-like definition (it may mention locals in scope) to call.
    fn lambda_def(&mut self, params: &[ast::Ident], body: &ast::Expr, span: Span) -> Target {
        let mark = self.scope.len();
        let ir_params: Vec<crate::ir::Param> = params
            .iter()
            .map(|p| crate::ir::Param { local: self.bind_var(&p.name), name: p.name.clone(), arity: 0 })
            .collect();
        let body = self.lower_expr(body);
        self.scope.truncate(mark);
        let module = self.module_name(self.cur.module).to_string();
        let arity = ir_params.len();
        let def = self.prog.defs.alloc(Def {
            name: "LAMBDA".into(),
            module,
            params: ir_params,
            kind: DefKind::Operator,
            body,
            in_let: true,
            recursive: false,
            span,
            name_span: span,
        });
        Target::Call { callee: Callee::Def(def), leading: Vec::new(), param_arities: vec![0; arity] }
    }

    fn enter_frame_parent(&mut self, f: FrameId) -> (Ctx, Vec<ScopeEntry>) {
        self.subst_depth += 1;
        let frame = &self.frames[f];
        let mut scope = frame.captured.clone();
        let locals = self.inst_locals.get(&f);
        let args = self.path_args.get(&f);
        for (i, p) in frame.params.iter().enumerate() {
            let kind = match (locals.and_then(|l| l.get(i)), args.and_then(|a| a.get(i))) {
                (Some(&l), _) if p.arity > 0 => LocalKind::OpParam(l, p.arity),
                (Some(&l), _) => LocalKind::Var(l),
                (None, Some(&e)) => LocalKind::Expr(e),
                (None, None) => continue,
            };
            scope.push(ScopeEntry { name: p.name.name.clone(), kind });
        }
        let saved_ctx = std::mem::replace(&mut self.cur, frame.parent);
        let saved_scope = std::mem::replace(&mut self.scope, scope);
        (saved_ctx, saved_scope)
    }

    fn leave_frame_parent(&mut self, (ctx, scope): (Ctx, Vec<ScopeEntry>)) {
        self.cur = ctx;
        self.scope = scope;
        self.subst_depth -= 1;
    }

    /// Resolves `op` (with its instance path) in the current context and scope.
    pub(crate) fn resolve_ref(&mut self, op: &ast::OpRef, span: Span) -> Option<Target> {
        if op.path.is_empty() {
            return self.resolve_plain(&op.name);
        }
        if let Some(selected) = self.try_selector(op, span) {
            return selected;
        }
        let mut entered = Vec::new();
        let t = self.resolve_path(op, span, &mut entered);
        // Path arguments are valid only while this reference is being resolved.
        for f in entered {
            self.path_args.remove(&f);
        }
        t
    }

    /// `I(a)!J!Op`: enters each instance frame, then resolves `Op` among the exported names.
    fn resolve_path(&mut self, op: &ast::OpRef, span: Span, entered: &mut Vec<FrameId>) -> Option<Target> {
        let mut ctx = self.cur;
        for (i, seg) in op.path.iter().enumerate() {
            match self.enter_segment(ctx, i, seg, entered)? {
                Step::Frame(c) => ctx = c,
                Step::Def(frame, sym) => {
                    // `I!Thm!:`: a subexpression of a definition reached through an instance.
                    let rest = op.path[i + 1..].iter().map(|s| &s.name);
                    let selectors: Vec<&ast::Ident> = rest.chain([&op.name]).collect();
                    return self.lower_selector(frame, sym, seg, &selectors, span);
                }
            }
        }
        let Some(sym) = self.spaces[ctx.module].exports.get(&op.name.name).cloned() else {
            self.undefined(&op.name, ctx.module, true);
            return None;
        };
        self.bypass_override = matches!(super::names::innermost(&sym), Sym::Def { .. });
        let t = self.resolve_sym(ctx, &sym, span);
        self.bypass_override = false;
        t
    }

    /// One segment `I(args)!` of an instance path, seen from `ctx`.
    fn enter_segment(&mut self, ctx: Ctx, i: usize, seg: &ast::PathSeg, entered: &mut Vec<FrameId>) -> Option<Step> {
        if i == 0 {
            if let Some(ScopeEntry { kind: LocalKind::Instance(f), .. }) =
                self.scope.iter().rev().find(|e| e.name == seg.name.name)
            {
                let f = *f;
                if !seg.args.is_empty() {
                    self.arity_error(&seg.name, 0, seg.args.len());
                    return None;
                }
                return Some(Step::Frame(Ctx { module: self.frames[f].module, frame: Some(f) }));
            }
        }
        let ns = if i == 0 { &self.spaces[ctx.module].all } else { &self.spaces[ctx.module].exports };
        let Some(sym) = ns.get(&seg.name.name).cloned() else {
            self.undefined(&seg.name, ctx.module, i > 0);
            return None;
        };
        let (c2, sym) = self.follow_via(ctx, sym)?;
        let Sym::Inst { module, unit } = sym else {
            if i > 0 && matches!(sym, Sym::Def { .. }) {
                return Some(Step::Def(c2.frame, sym));
            }
            let msg = format!("`{}` is not an instance", seg.name.name);
            self.error("TLA_SEMANTIC_NOT_AN_INSTANCE", seg.name.span, msg);
            return None;
        };
        let f = self.instance_frame(c2, module, unit)?;
        let want = self.frames[f].params.len();
        if want != seg.args.len() {
            self.arity_error(&seg.name, want, seg.args.len());
            return None;
        }
        let args: Vec<ExprId> = seg.args.iter().map(|a| self.lower_expr(a)).collect();
        if !self.inst_locals.contains_key(&f) {
            self.path_args.insert(f, args);
            entered.push(f);
        }
        Some(Step::Frame(Ctx { module: self.frames[f].module, frame: Some(f) }))
    }

    /// Unwraps symbols reached through unnamed instances, entering their frames.
    fn follow_via(&mut self, ctx: Ctx, sym: Sym) -> Option<(Ctx, Sym)> {
        match sym {
            Sym::Via { module, unit, sym } => {
                let f = self.instance_frame(ctx, module, unit)?;
                let inner = Ctx { module: self.frames[f].module, frame: Some(f) };
                self.follow_via(inner, *sym)
            }
            other => Some((ctx, other)),
        }
    }

    fn resolve_plain(&mut self, id: &ast::Ident) -> Option<Target> {
        if let Some(entry) = self.scope.iter().rev().find(|e| e.name == id.name) {
            return Some(match &entry.kind {
                LocalKind::Var(l) => Target::Local(*l, 0),
                LocalKind::OpParam(l, n) => Target::Local(*l, *n),
                LocalKind::LetDef { def, param_arities } => Target::Call {
                    callee: Callee::Def(*def),
                    leading: Vec::new(),
                    param_arities: param_arities.clone(),
                },
                LocalKind::Expr(e) => Target::Expr(*e),
                LocalKind::Instance(_) => {
                    self.error(
                        "TLA_SEMANTIC_INSTANCE_AS_VALUE",
                        id.span,
                        "an instance name must be followed by `!` and a definition name",
                    );
                    return None;
                }
            });
        }
        let cur = self.cur;
        match self.spaces[cur.module].all.get(&id.name).cloned() {
            Some(sym) => self.resolve_sym(cur, &sym, id.span),
            None => {
                self.undefined(id, cur.module, false);
                None
            }
        }
    }

    /// Reports an undefined name with the closest visible name and, for a standard operator,
    /// the module to EXTEND.
    pub(crate) fn undefined(&mut self, id: &ast::Ident, module: usize, exported_only: bool) {
        let ns = &self.spaces[module];
        let pool = if exported_only { &ns.exports } else { &ns.all };
        let locals = self.scope.iter().map(|e| e.name.as_str());
        let guess = closest(&id.name, locals.chain(pool.keys().map(String::as_str)));
        let mut d = Diagnostic::error("TLA_SEMANTIC_UNDEFINED_NAME", id.span, format!("unknown name `{}`", id.name));
        if let Some(m) = standard_module_of(&id.name) {
            d = d.with_help(
                "add_extends",
                format!("`{}` is defined in the standard module {m}: add EXTENDS {m}", id.name),
            );
            d = d.with_example(format!("EXTENDS {m}"));
        } else if let Some(g) = guess {
            d = d.with_help("rename", format!("did you mean `{g}`?"));
            if let Some(s) = d.suggestion.as_mut() {
                s.options.push(g);
            }
        } else {
            d = d.with_help("define_in_spec", format!("define `{}` or fix its spelling", id.name));
        }
        self.diags.push(d);
    }

    pub(crate) fn arity_error(&mut self, id: &ast::Ident, want: usize, got: usize) {
        self.diags.push(
            Diagnostic::error(
                "TLA_SEMANTIC_ARITY_MISMATCH",
                id.span,
                format!("`{}` takes {want} argument(s) but is given {got}", id.name),
            )
            .with_expected(format!("{want} argument(s)"))
            .with_found(format!("{got} argument(s)")),
        );
    }
}

/// True for the body `BUILTIN` that marks a natively implemented library operator.
pub(crate) fn is_builtin_body(e: &ast::Expr) -> bool {
    matches!(&e.kind, ExprKind::OpApp { op, args } if args.is_empty() && op.path.is_empty() && op.name.name == BUILTIN_MARKER)
}

/// The whole span and the name span of a definition unit.
pub(crate) fn unit_spans(u: &Unit) -> (Span, Span) {
    match u {
        Unit::OpDef(d) => (d.span, d.name.span),
        Unit::FunDef(d) => (d.span, d.name.span),
        Unit::Assume { name, span, .. } | Unit::Theorem { name, span, .. } => {
            (*span, name.as_ref().map(|n| n.span).unwrap_or(*span))
        }
        _ => (Span::default(), Span::default()),
    }
}
