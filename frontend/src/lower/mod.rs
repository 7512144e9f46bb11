//! Name resolution and lowering: a [`crate::loader::LoadedSpec`] plus an optional cfg to an
//! [`crate::ir::Program`].
//!
//! How it works: every module gets a [`names::Namespace`]. Definitions are lowered in a
//! *context*: a module plus an optional instance [`Frame`] that says what its CONSTANTs and
//! VARIABLEs stand for. The root module and everything it EXTENDS are lowered in the plain
//! context (constants bound by the cfg, variables are state variables). A definition reached
//! through `INSTANCE` is copied once per frame; a substituted constant is lowered afresh at
//! each use, in the instantiating context, so every binder still gets its own `LocalId`.
//! Definitions of modules that nothing is substituted into are shared between all frames.

mod cfg_bind;
mod defs;
pub mod dump;
mod expr;
mod names;
mod resolve;
mod scc;
mod select;
mod spec;

use crate::ast::{self, Unit};
use crate::cfg::Config;
use crate::diagnostics::Diagnostic;
use crate::ir::{self, Builtin, BuiltinId, Callee, DefId, Expr, ExprId, LocalId, Program, VarId};
use crate::loader::LoadedSpec;
use crate::span::Span;
use names::{Namespace, Sym};
use std::collections::{HashMap, HashSet, VecDeque};
use std::rc::Rc;

/// The root module's own declarations, for `tla2 parse`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ModuleSummary {
    pub name: String,
    pub constants: Vec<SummaryItem>,
    pub variables: Vec<SummaryItem>,
    pub definitions: Vec<SummaryItem>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryItem {
    pub name: String,
    pub arity: usize,
    pub span: Span,
}

/// Lists the root module's constants, variables and definitions (its own, not EXTENDed ones).
pub fn summarize(spec: &LoadedSpec) -> ModuleSummary {
    let Some(root) = spec.root() else { return ModuleSummary::default() };
    let mut s = ModuleSummary { name: root.ast.name.name.clone(), ..Default::default() };
    let item = |id: &ast::Ident, arity: usize| SummaryItem { name: id.name.clone(), arity, span: id.span };
    for unit in &root.ast.units {
        match unit {
            Unit::Constants(ds) => s.constants.extend(ds.iter().map(|d| item(&d.name, d.arity))),
            Unit::Variables(vs) => s.variables.extend(vs.iter().map(|v| item(v, 0))),
            Unit::OpDef(d) => s.definitions.push(item(&d.name, d.params.len())),
            Unit::FunDef(d) => s.definitions.push(item(&d.name, 0)),
            Unit::Instance(ast::InstanceDef { name: Some(n), params, .. }) => s.definitions.push(item(n, params.len())),
            _ => {}
        }
    }
    s
}

/// Resolves names, expands instances, binds the cfg (when given) and lowers the whole spec.
///
/// Without a cfg, constants become nullary definitions whose body is `Expr::Unsupported`.
pub fn lower(spec: &LoadedSpec, cfg: Option<&Config>) -> (Program, Vec<Diagnostic>) {
    let Some(root) = spec.root() else { return (Program::default(), Vec::new()) };
    let modules: Vec<&ast::Module> = spec.modules.iter().map(|m| &m.ast).collect();
    let mut index = HashMap::new();
    for (i, m) in modules.iter().enumerate() {
        index.entry(m.name.name.clone()).or_insert(i);
    }
    let parents = nested_parents(spec, &index);
    let (spaces, ns_diags) = names::NsBuilder::new(&modules, &index, parents).build_all();
    let mut l = Lowerer::new(spec, &modules, &index, spaces);
    l.prog.module = root.ast.name.name.clone();
    l.diags = ns_diags;
    l.run(cfg);
    (l.prog, dedup(l.diags))
}

/// For each nested module, its parent module and its position among the parent's units.
fn nested_parents(spec: &LoadedSpec, index: &HashMap<String, usize>) -> Vec<Option<(usize, usize)>> {
    spec.modules
        .iter()
        .map(|m| {
            let crate::loader::Origin::Nested { parent } = &m.origin else { return None };
            let p = *index.get(parent)?;
            let u = spec.modules[p]
                .ast
                .units
                .iter()
                .position(|u| matches!(u, Unit::Submodule(inner) if inner.name.name == m.ast.name.name))?;
            Some((p, u))
        })
        .collect()
}

/// Drops repeated diagnostics: an error in a module instantiated several times is reported once.
fn dedup(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut seen = HashSet::new();
    diags.into_iter().filter(|d| seen.insert((d.code, d.span, d.message.clone()))).collect()
}

pub(crate) type FrameId = usize;

/// Where a definition is lowered: the module whose namespace resolves its names, and the
/// instance frame (if any) that gives its constants and variables their meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Ctx {
    pub module: usize,
    pub frame: Option<FrameId>,
}

/// One instantiation `[I(p) ==] INSTANCE M WITH …` seen from one context.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    /// The context in which the substitutions are lowered.
    pub parent: Ctx,
    /// The instantiated module.
    pub module: usize,
    /// Replacement of every constant and variable of M's closure (implicit ones included).
    pub subst: HashMap<String, Rc<ast::Expr>>,
    pub params: Vec<ast::OpParam>,
    /// `I!` prefixes for definition names, outermost first.
    pub prefix: String,
    /// The frames from the outermost to this one.
    pub chain: Vec<FrameId>,
    /// For an INSTANCE inside LET: the locals in scope there, which its substitutions may use.
    pub captured: Vec<ScopeEntry>,
}

/// How a root-closure constant is bound.
#[derive(Debug, Clone, Copy)]
pub(crate) enum ConstTarget {
    /// A nullary definition holding the cfg value (or `Unsupported` without a cfg).
    Def(DefId),
    /// `C <- Op`: uses of `C` call `Op`.
    Callee(Callee),
}

/// A name bound inside a definition body.
#[derive(Debug, Clone)]
pub(crate) enum LocalKind {
    Var(LocalId),
    OpParam(LocalId, usize),
    LetDef {
        def: DefId,
        param_arities: Vec<usize>,
    },
    /// An instance parameter given by a path argument (`I(a)!Op`): the lowered argument.
    Expr(ExprId),
    /// `LET I == INSTANCE M …`: the frame of that instance.
    Instance(FrameId),
}

#[derive(Debug, Clone)]
pub(crate) struct ScopeEntry {
    pub name: String,
    pub kind: LocalKind,
}

/// A definition allocated but not lowered yet.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pending {
    pub def: DefId,
    pub module: usize,
    pub unit: usize,
    pub frame: Option<FrameId>,
}

pub(crate) struct Lowerer<'a> {
    pub spec: &'a LoadedSpec,
    pub modules: &'a [&'a ast::Module],
    pub index: &'a HashMap<String, usize>,
    pub spaces: Vec<Namespace>,
    /// Per module: the names of the constants and variables of its EXTENDS closure.
    pub decls: Vec<HashSet<String>>,
    pub prog: Program,
    pub diags: Vec<Diagnostic>,
    pub frames: Vec<Frame>,
    pub frame_keys: HashMap<(Ctx, usize, usize), FrameId>,
    pub def_cache: HashMap<(usize, usize, Option<FrameId>), DefId>,
    /// Lowered in allocation order, so that locals are numbered in source order.
    pub pending: VecDeque<Pending>,
    pub builtin_ids: HashMap<(String, String), BuiltinId>,
    pub var_ids: HashMap<(usize, usize, usize), VarId>,
    pub consts: HashMap<(usize, usize, usize), ConstTarget>,
    /// cfg `Op <- MCOp` and `Op = value` on definitions: (defining module, name) → replacement.
    pub overrides: HashMap<(usize, String), Callee>,
    /// cfg `[Mod] Op <- MCOp`: the symbol `Op` denotes in `Mod` → replacement. Keyed by the
    /// symbol as reached (through which instance), so that a standard operator is replaced only
    /// where `Mod` sees it.
    pub scoped_overrides: HashMap<Sym, Callee>,
    /// Set just before resolving the definition named by an instance path `I!Op`: as in TLC,
    /// the instance's copy of `Op` is a new definition that a cfg `Op <- X` does not replace.
    pub bypass_override: bool,
    // State of the definition being lowered.
    pub cur: Ctx,
    pub scope: Vec<ScopeEntry>,
    pub inst_locals: HashMap<FrameId, Vec<LocalId>>,
    /// Lowered arguments of instance paths being resolved (`I(a)!Op`).
    pub path_args: HashMap<FrameId, Vec<ExprId>>,
    /// Depth of substitution lowering, to stop a substitution that mentions itself.
    pub subst_depth: usize,
}

impl<'a> Lowerer<'a> {
    fn new(
        spec: &'a LoadedSpec,
        modules: &'a [&'a ast::Module],
        index: &'a HashMap<String, usize>,
        spaces: Vec<Namespace>,
    ) -> Self {
        let decls = spaces
            .iter()
            .map(|ns| {
                let is_decl = |s: &Sym| matches!(s, Sym::Const { .. } | Sym::Var { .. });
                ns.all.iter().filter(|(_, s)| is_decl(s)).map(|(n, _)| n.clone()).collect()
            })
            .collect();
        Lowerer {
            spec,
            modules,
            index,
            spaces,
            decls,
            prog: Program::default(),
            diags: Vec::new(),
            frames: Vec::new(),
            frame_keys: HashMap::new(),
            def_cache: HashMap::new(),
            pending: VecDeque::new(),
            builtin_ids: HashMap::new(),
            var_ids: HashMap::new(),
            consts: HashMap::new(),
            overrides: HashMap::new(),
            scoped_overrides: HashMap::new(),
            bypass_override: false,
            cur: Ctx { module: 0, frame: None },
            scope: Vec::new(),
            inst_locals: HashMap::new(),
            path_args: HashMap::new(),
            subst_depth: 0,
        }
    }

    fn run(&mut self, cfg: Option<&Config>) {
        self.register_vars();
        self.bind_constants(cfg);
        self.lower_root_defs();
        self.create_instance_frames();
        self.drain_pending();
        if let Some(cfg) = cfg {
            self.bind_model(cfg);
        }
        self.collect_assumptions();
        self.drain_pending();
        self.mark_recursive();
    }

    /// State variables are those of the root module and of the modules it EXTENDS.
    fn register_vars(&mut self) {
        let ns = &self.spaces[0];
        let mut vars: Vec<((usize, usize, usize), String)> = Vec::new();
        for name in &ns.order {
            if let Some(Sym::Var { module, unit, pos }) = ns.all.get(name) {
                vars.push(((*module, *unit, *pos), name.clone()));
            }
        }
        for (key, name) in vars {
            let span = self.var_span(key);
            let id = VarId(self.prog.vars.len() as u32);
            self.prog.vars.push(ir::VarDecl { name, span });
            self.var_ids.insert(key, id);
        }
    }

    fn var_span(&self, (m, u, p): (usize, usize, usize)) -> Span {
        match self.modules[m].units.get(u) {
            Some(Unit::Variables(v)) => v.get(p).map(|i| i.span).unwrap_or_default(),
            _ => Span::default(),
        }
    }

    /// Lowers every definition visible in the root module, in order.
    fn lower_root_defs(&mut self) {
        let root = Ctx { module: 0, frame: None };
        let names: Vec<String> = self.spaces[0].order.clone();
        for name in names {
            let Some(sym) = self.spaces[0].all.get(&name).cloned() else { continue };
            if matches!(names::innermost(&sym), Sym::Def { .. }) {
                let _ = self.resolve_sym(root, &sym, Span::default());
            }
        }
    }

    /// Lowers queued definitions until none is left.
    pub(crate) fn drain_pending(&mut self) {
        while let Some(p) = self.pending.pop_front() {
            self.lower_pending(p);
        }
    }

    // ---- small helpers shared by the submodules

    pub(crate) fn alloc(&mut self, e: Expr, span: Span) -> ExprId {
        let id = self.prog.exprs.alloc(e);
        self.prog.spans.insert(id, span);
        id
    }

    pub(crate) fn fresh_local(&mut self, name: &str) -> LocalId {
        let id = LocalId(self.prog.local_count);
        self.prog.local_count += 1;
        self.prog.local_names.push(name.to_string());
        id
    }

    pub(crate) fn builtin(&mut self, module: &str, name: &str, arity: usize) -> BuiltinId {
        let key = (module.to_string(), name.to_string());
        if let Some(&id) = self.builtin_ids.get(&key) {
            return id;
        }
        let id = BuiltinId(self.prog.builtins.len() as u32);
        self.prog.builtins.push(Builtin { module: module.to_string(), name: name.to_string(), arity });
        self.builtin_ids.insert(key, id);
        id
    }

    pub(crate) fn error(&mut self, code: &'static str, span: Span, msg: impl Into<String>) {
        self.diags.push(Diagnostic::error(code, span, msg));
    }

    pub(crate) fn unsupported(&mut self, span: Span, msg: impl Into<String>) -> ExprId {
        self.alloc(Expr::Unsupported { message: msg.into() }, span)
    }

    pub(crate) fn module_name(&self, m: usize) -> &str {
        &self.modules[m].name.name
    }
}
