//! Binding the cfg: constant values and `<-` substitutions, the names of INIT, NEXT,
//! INVARIANT…, and the ASSUMEs of the closure.

use super::names::{closest, Sym};
use super::resolve::Target;
use super::{ConstTarget, Ctx, Lowerer};
use crate::ast::{self, Unit};
use crate::cfg::{CfgValue, CfgValueKind, Config, ConstantBinding};
use crate::diagnostics::Diagnostic;
use crate::ir::{Callee, Def, DefId, DefKind, Expr, ExprId, Named, Param};
use crate::span::Span;
use std::collections::HashSet;

/// Frames beyond this many mean instances that instantiate themselves; stop creating more.
const MAX_FRAMES: usize = 10_000;

const ROOT: Ctx = Ctx { module: 0, frame: None };

impl<'a> Lowerer<'a> {
    /// Constants of the root module and of what it EXTENDS, in declaration order.
    fn root_constants(&self) -> Vec<(String, (usize, usize, usize), usize)> {
        let ns = &self.spaces[0];
        let mut out = Vec::new();
        for name in &ns.order {
            if let Some(Sym::Const { module, unit, pos, arity }) = ns.all.get(name) {
                out.push((name.clone(), (*module, *unit, *pos), *arity));
            }
        }
        out
    }

    pub(crate) fn bind_constants(&mut self, cfg: Option<&Config>) {
        let consts = self.root_constants();
        if let Some(cfg) = cfg {
            // Values first: `N <- M` may name a constant `M` that the cfg gives a value later.
            for b in &cfg.constants {
                if let ConstantBinding::Value { name, value, span } = b {
                    self.bind_value(name, value, *span);
                }
            }
            for b in &cfg.constants {
                if let ConstantBinding::Substitute { module, name, target, span } = b {
                    self.bind_substitution(module.as_ref(), name, target, *span);
                }
            }
        }
        for (name, key, arity) in consts {
            if self.consts.contains_key(&key) {
                continue;
            }
            if let Some(cfg) = cfg {
                let span = self.const_span(key);
                self.diags.push(
                    Diagnostic::error(
                        "CFG_MISSING_CONSTANT_VALUE",
                        span,
                        format!("the constant {name} is not assigned a value by the configuration file"),
                    )
                    .with_help("assign_constant", format!("add `{name} = …` or `{name} <- …` to the CONSTANTS section"))
                    .with_example(format!("CONSTANT {name} = …")),
                );
                let _ = cfg;
            }
            let t = self.unbound_constant(key, &name, arity);
            self.consts.insert(key, t);
        }
    }

    fn const_span(&self, (m, u, p): (usize, usize, usize)) -> Span {
        match self.modules[m].units.get(u) {
            Some(Unit::Constants(c)) => c.get(p).map(|d| d.name.span).unwrap_or_default(),
            _ => Span::default(),
        }
    }

    /// A nullary (or `arity`-ary) definition standing for a constant with no value.
    pub(crate) fn unbound_constant(&mut self, key: (usize, usize, usize), name: &str, arity: usize) -> ConstTarget {
        let span = self.const_span(key);
        let params = (0..arity)
            .map(|i| {
                let pname = format!("_{i}");
                Param { local: self.fresh_local(&pname), name: pname, arity: 0 }
            })
            .collect();
        let body = self.unsupported(span, format!("constant {name} has no value"));
        let def = self.new_def(name, key.0, params, body, span);
        ConstTarget::Def(def)
    }

    fn new_def(&mut self, name: &str, module: usize, params: Vec<Param>, body: ExprId, span: Span) -> DefId {
        let module = self.module_name(module).to_string();
        self.prog.defs.alloc(Def {
            name: name.to_string(),
            module,
            params,
            kind: DefKind::Operator,
            body,
            in_let: false,
            recursive: false,
            span,
            name_span: span,
        })
    }

    fn cfg_value(&mut self, v: &CfgValue) -> ExprId {
        let e = match &v.kind {
            CfgValueKind::Int(n) => Expr::Int(*n),
            CfgValueKind::Str(s) => Expr::Str(s.clone()),
            CfgValueKind::Bool(b) => Expr::Bool(*b),
            CfgValueKind::ModelValue(s) => Expr::ModelValue(s.clone()),
            CfgValueKind::Set(xs) => Expr::SetEnum(xs.iter().map(|x| self.cfg_value(x)).collect()),
            CfgValueKind::Tuple(xs) => Expr::Tuple(xs.iter().map(|x| self.cfg_value(x)).collect()),
        };
        self.alloc(e, v.span)
    }

    /// Unwraps symbols reached through unnamed instances (cfg names see through them).
    fn innermost(sym: &Sym) -> &Sym {
        match sym {
            Sym::Via { sym, .. } => Self::innermost(sym),
            s => s,
        }
    }

    fn unknown_cfg_name(&mut self, name: &ast::Ident, module: usize, what: &str) {
        let guess = closest(&name.name, self.spaces[module].all.keys().map(String::as_str));
        let mut d = Diagnostic::error(
            "CFG_UNKNOWN_NAME",
            name.span,
            format!("{what} `{}` is not defined in the specification", name.name),
        );
        d = match guess {
            Some(g) => d.with_help("rename", format!("did you mean `{g}`?")),
            None => d.with_help("define_in_spec", format!("define `{}` in the root module", name.name)),
        };
        self.diags.push(d);
    }

    /// `N = value`: a constant, or a nullary definition whose value the cfg overrides.
    fn bind_value(&mut self, name: &ast::Ident, value: &CfgValue, span: Span) {
        let Some(sym) = self.spaces[0].all.get(&name.name).cloned() else {
            // TLC ignores values for undeclared names; `v1 = v1` is the usual way to declare
            // model values used elsewhere in the cfg, so only other values earn a warning.
            if value.kind != CfgValueKind::ModelValue(name.name.clone()) {
                let guess = closest(&name.name, self.spaces[0].all.keys().map(String::as_str));
                let msg = format!("`{}` is not declared in the specification; its value is ignored", name.name);
                let mut d = Diagnostic::warning("CFG_UNKNOWN_NAME", name.span, msg);
                if let Some(g) = guess {
                    d = d.with_help("rename", format!("did you mean `{g}`?"));
                }
                self.diags.push(d);
            }
            return;
        };
        let body = self.cfg_value(value);
        match Self::innermost(&sym).clone() {
            Sym::Const { module, unit, pos, arity } => {
                if arity > 0 {
                    self.wrong_arity(name, "an operator constant needs `<-`, not a value");
                    return;
                }
                let decl = self.const_span((module, unit, pos));
                let def = self.new_def(&name.name, module, Vec::new(), body, decl);
                self.consts.insert((module, unit, pos), ConstTarget::Def(def));
                self.prog.model.constants.push((name.name.clone(), def));
            }
            Sym::Def { module, unit } => {
                if self.def_arity(module, unit) > 0 {
                    self.wrong_arity(name, "only a definition without parameters can be given a value");
                    return;
                }
                let def = self.new_def(&name.name, module, Vec::new(), body, span);
                self.overrides.insert((module, name.name.clone()), Callee::Def(def));
                self.prog.model.constants.push((name.name.clone(), def));
            }
            _ => self.unknown_cfg_name(name, 0, "constant"),
        }
    }

    fn def_arity(&self, m: usize, u: usize) -> usize {
        match self.modules[m].units.get(u) {
            Some(Unit::OpDef(d)) => d.params.len(),
            _ => 0,
        }
    }

    fn wrong_arity(&mut self, name: &ast::Ident, why: &str) {
        self.diags.push(Diagnostic::error("CFG_WRONG_ARITY", name.span, format!("`{}`: {why}", name.name)));
    }

    /// `Op <- MCOp` where the two take different numbers of arguments: TLC would fail later
    /// with a vaguer error; the usual fix is a separate MCNext/MCSpec rather than a substitution.
    fn substitution_arity_mismatch(&mut self, name: &ast::Ident, target: &ast::Ident, arity: usize, tarity: usize) {
        let args = |n: usize| if n == 1 { "1 argument".to_string() } else { format!("{n} arguments") };
        let msg = format!(
            "`{} <- {}`: `{}` takes {} but `{}` takes {}",
            name.name,
            target.name,
            name.name,
            args(arity),
            target.name,
            args(tarity)
        );
        let d = Diagnostic::error("CFG_WRONG_ARITY", name.span, msg)
            .with_expected(format!("a replacement taking {}", args(arity)))
            .with_found(format!("`{}` taking {}", target.name, args(tarity)))
            .with_label(target.span, "the replacement")
            .with_help(
                "define_model_operator",
                format!(
                    "give `{}` the parameters of `{}`, or leave `{}` alone and define a separate next-state \
                     relation (MCNext) or specification (MCSpec) in the MC module that uses `{}`, then name it \
                     in the cfg",
                    target.name, name.name, name.name, target.name
                ),
            )
            .with_example("MCNext == \\E s \\in Server : MCStep(s)\nin the cfg: NEXT MCNext (or SPECIFICATION MCSpec)");
        self.diags.push(d);
    }

    /// `Op <- Target` and `[Mod] Op <- Target`.
    fn bind_substitution(&mut self, module: Option<&ast::Ident>, name: &ast::Ident, target: &ast::Ident, _span: Span) {
        let Some((callee, tarity)) = self.substitution_target(target) else { return };
        let m = match module {
            None => 0,
            Some(mid) => match self.index.get(&mid.name) {
                Some(&m) => m,
                None => {
                    let msg = format!("no module named {}", mid.name);
                    self.diags.push(Diagnostic::error("CFG_UNKNOWN_NAME", mid.span, msg));
                    return;
                }
            },
        };
        let Some(sym) = self.spaces[m].all.get(&name.name).cloned() else {
            self.unknown_cfg_name(name, m, "substituted name");
            return;
        };
        let key_arity = match Self::innermost(&sym) {
            Sym::Def { module, unit } => self.def_arity(*module, *unit),
            Sym::Const { arity, .. } => *arity,
            _ => {
                self.unknown_cfg_name(name, m, "substituted name");
                return;
            }
        };
        if key_arity != tarity {
            self.substitution_arity_mismatch(name, target, key_arity, tarity);
            return;
        }
        if module.is_some() {
            self.scoped_overrides.insert(sym, callee);
            return;
        }
        match Self::innermost(&sym) {
            Sym::Const { module, unit, pos, .. } => {
                self.consts.insert((*module, *unit, *pos), ConstTarget::Callee(callee));
                if let Callee::Def(d) = callee {
                    self.prog.model.constants.push((name.name.clone(), d));
                }
            }
            Sym::Def { module, .. } => {
                self.overrides.insert((*module, name.name.clone()), callee);
            }
            _ => {}
        }
    }

    /// The right side of `Op <- Target`: an operator of the root module, with its arity.
    fn substitution_target(&mut self, target: &ast::Ident) -> Option<(Callee, usize)> {
        let Some(tsym) = self.spaces[0].all.get(&target.name).cloned() else {
            self.unknown_cfg_name(target, 0, "substitution target");
            return None;
        };
        let tarity = match Self::innermost(&tsym) {
            Sym::Def { module, unit } => self.def_arity(*module, *unit),
            Sym::Const { arity, .. } => *arity,
            _ => 0,
        };
        match self.resolve_sym(ROOT, &tsym, target.span) {
            Some(Target::Call { callee, leading, .. }) if leading.is_empty() => Some((callee, tarity)),
            _ => {
                let msg = format!("`{}` is not an operator of the root module", target.name);
                self.diags.push(Diagnostic::error("CFG_UNKNOWN_NAME", target.span, msg));
                None
            }
        }
    }

    /// Creates the frame of every INSTANCE reachable from the root, so that missing implicit
    /// substitutions are reported even when nothing uses the instance.
    pub(crate) fn create_instance_frames(&mut self) {
        let mut work: Vec<Ctx> = vec![ROOT];
        let mut seen: HashSet<Ctx> = HashSet::new();
        while let Some(ctx) = work.pop() {
            if !seen.insert(ctx) || self.frames.len() > MAX_FRAMES {
                continue;
            }
            for m in self.extends_closure(ctx.module) {
                for (u, unit) in self.modules[m].units.iter().enumerate() {
                    if !matches!(unit, Unit::Instance(_)) {
                        continue;
                    }
                    if let Some(f) = self.instance_frame(Ctx { module: m, frame: ctx.frame }, m, u) {
                        work.push(Ctx { module: self.frames[f].module, frame: Some(f) });
                    }
                }
            }
        }
    }

    /// `m` and every module it EXTENDS, dependencies first.
    pub(crate) fn extends_closure(&self, m: usize) -> Vec<usize> {
        let mut out = Vec::new();
        self.extends_dfs(m, &mut out);
        out
    }

    fn extends_dfs(&self, m: usize, out: &mut Vec<usize>) {
        if out.contains(&m) {
            return;
        }
        out.push(m);
        for e in &self.modules[m].extends {
            if let Some(&i) = self.index.get(&e.name) {
                self.extends_dfs(i, out);
            }
        }
        // Dependencies first: move `m` behind what it extends.
        if let Some(pos) = out.iter().position(|&x| x == m) {
            let v = out.remove(pos);
            out.push(v);
        }
    }

    /// Every ASSUME of the root closure, then those of instantiated modules (substituted).
    pub(crate) fn collect_assumptions(&mut self) {
        let mut done: HashSet<(usize, usize, Option<usize>)> = HashSet::new();
        let mut ctxs = vec![ROOT];
        for f in 0..self.frames.len() {
            // Parametrized and LET-level instances have no values for their parameters or
            // captured locals outside a call, so their assumptions cannot be stated alone.
            let params = self.frames[f].chain.iter().any(|&c| !self.frames[c].params.is_empty());
            if !params && !self.chain_captures(Some(f)) {
                ctxs.push(Ctx { module: self.frames[f].module, frame: Some(f) });
            }
        }
        for ctx in ctxs {
            for m in self.extends_closure(ctx.module) {
                let c = self.canon(Ctx { module: m, frame: ctx.frame });
                let modules = self.modules;
                for (u, unit) in modules[m].units.iter().enumerate() {
                    let Unit::Assume { name, expr, span } = unit else { continue };
                    if !done.insert((m, u, c.frame)) {
                        continue;
                    }
                    let named = self.lower_assumption(c, u, name.as_ref(), expr, *span);
                    self.prog.model.assumptions.push(named);
                }
            }
        }
    }

    fn lower_assumption(&mut self, c: Ctx, u: usize, name: Option<&ast::Ident>, expr: &ast::Expr, span: Span) -> Named {
        if let Some(n) = name {
            let def = self.def_id(c, u, &n.name, span);
            let call = self.alloc(Expr::Call { callee: Callee::Def(def), args: Vec::new() }, span);
            return Named { name: self.prog.defs[def].name.clone(), expr: call, def: Some(def) };
        }
        self.cur = c;
        self.scope.clear();
        self.inst_locals.clear();
        self.path_args.clear();
        let e = self.lower_expr(expr);
        let text = self.spec.sources.text(expr.span).to_string();
        Named { name: text, expr: e, def: None }
    }
}
