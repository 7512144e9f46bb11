//! The model part of the cfg: INIT/NEXT/INVARIANT… names, the SPECIFICATION formula split as
//! TLC splits it, expression levels, and recursion marking.

use super::names::closest;
use super::resolve::Target;
use super::{Ctx, Lowerer};
use crate::ast;
use crate::cfg::Config;
use crate::diagnostics::Diagnostic;
use crate::ir::{Callee, DefId, DefKind, Expr, ExprId, Named};
use std::collections::HashMap;

const ROOT: Ctx = Ctx { module: 0, frame: None };

/// Constant/state level, action level, temporal level (TLC's 0–1, 2, 3).
const STATE: u8 = 1;
const ACTION: u8 = 2;
const TEMPORAL: u8 = 3;

impl<'a> Lowerer<'a> {
    pub(crate) fn bind_model(&mut self, cfg: &Config) {
        self.prog.model.init = cfg.init.as_ref().and_then(|n| self.cfg_named(n));
        self.prog.model.next = cfg.next.as_ref().and_then(|n| self.cfg_named(n));
        let list =
            |l: &mut Self, xs: &[ast::Ident]| -> Vec<Named> { xs.iter().filter_map(|n| l.cfg_named(n)).collect() };
        self.prog.model.invariants = list(self, &cfg.invariants);
        self.prog.model.properties = list(self, &cfg.properties);
        self.prog.model.constraints = list(self, &cfg.constraints);
        self.prog.model.action_constraints = list(self, &cfg.action_constraints);
        self.prog.model.symmetry = cfg.symmetry.as_ref().and_then(|n| self.cfg_named(n));
        self.prog.model.view = cfg.view.as_ref().and_then(|n| self.cfg_named(n));
        self.prog.model.alias = cfg.alias.as_ref().and_then(|n| self.cfg_named(n));
        self.prog.model.postcondition = cfg.postcondition.as_ref().and_then(|n| self.cfg_named(n));
        self.prog.model.check_deadlock = cfg.check_deadlock;
        if let Some(spec) = &cfg.specification {
            if cfg.init.is_some() || cfg.next.is_some() {
                let msg = "the configuration file cannot specify both INIT/NEXT and SPECIFICATION";
                self.diags.push(Diagnostic::error("CFG_BOTH_SPEC_AND_INIT", spec.span, msg));
            }
            if let Some(named) = self.cfg_named(spec) {
                self.drain_pending();
                self.split_spec(&named, spec);
            }
        }
        self.drain_pending();
        self.check_behavior_present(cfg);
        self.add_implied_invariants();
    }

    /// TLC checks the `[]P` conjuncts of a PROPERTY whose `P` is a state predicate during the
    /// search, as invariants named after the property ("Invariant Prop is violated"), after the
    /// cfg's INVARIANTs; the liveness checker sees the whole property as well.
    fn add_implied_invariants(&mut self) {
        let mut memo = HashMap::new();
        let mut implied = Vec::new();
        for p in &self.prog.model.properties {
            let mut conjuncts = Vec::new();
            self.always_state_conjuncts(p.expr, &mut memo, &mut conjuncts, 0);
            implied.extend(conjuncts.into_iter().map(|expr| Named { name: p.name.clone(), expr, def: p.def }));
        }
        self.prog.model.invariants.extend(implied);
    }

    /// The `P` of each conjunct `[]P` of `e` (through conjunctions and definitions without
    /// parameters) where `P` is constant or state level.
    fn always_state_conjuncts(&self, e: ExprId, memo: &mut HashMap<DefId, u8>, out: &mut Vec<ExprId>, depth: u32) {
        if depth > 64 {
            return;
        }
        match self.prog.expr(e) {
            Expr::And(xs) => xs.iter().for_each(|x| self.always_state_conjuncts(*x, memo, out, depth + 1)),
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = &self.prog.defs[*d];
                if matches!(def.kind, DefKind::Operator) {
                    self.always_state_conjuncts(def.body, memo, out, depth + 1);
                }
            }
            Expr::Always(inner) if self.level(*inner, memo) <= STATE => out.push(*inner),
            _ => {}
        }
    }

    /// TLC's rule: an initial predicate is needed as soon as there are variables or anything to
    /// check, a next-state relation as soon as something is checked beyond the initial states.
    fn check_behavior_present(&mut self, cfg: &Config) {
        let m = &self.prog.model;
        let mut memo = HashMap::new();
        let beyond_init = m.properties.iter().any(|p| self.level(p.expr, &mut memo) > STATE);
        let needs_init = !self.prog.vars.is_empty() || !m.invariants.is_empty() || !m.properties.is_empty();
        let needs_next = !m.invariants.is_empty() || beyond_init;
        let span = cfg.specification.as_ref().or(cfg.init.as_ref()).map(|i| i.span).unwrap_or_default();
        // A named but unresolved INIT/NEXT/SPECIFICATION has been reported already.
        let init_named = cfg.init.is_some() || cfg.specification.is_some();
        let next_named = cfg.next.is_some() || cfg.specification.as_ref().is_some_and(|_| m.init.is_none());
        if m.init.is_none() && needs_init && !init_named {
            let msg = "the configuration file did not specify the initial state predicate";
            let d = Diagnostic::error("CFG_MISSING_INIT", span, msg)
                .with_help("add_init", "add `INIT Init` or `SPECIFICATION Spec` to the cfg");
            self.diags.push(d);
        }
        if self.prog.model.next.is_none() && needs_next && !next_named {
            let msg = "the configuration file did not specify the next-state relation";
            let d = Diagnostic::error("CFG_MISSING_NEXT", span, msg)
                .with_help("add_next", "add `NEXT Next` or `SPECIFICATION Spec` to the cfg");
            self.diags.push(d);
        }
    }

    /// A cfg name: a definition (or constant) of the root module without parameters.
    fn cfg_named(&mut self, id: &ast::Ident) -> Option<Named> {
        let Some(sym) = self.spaces[0].all.get(&id.name).cloned() else {
            let guess = closest(&id.name, self.spaces[0].all.keys().map(String::as_str));
            let mut d = Diagnostic::error(
                "CFG_UNKNOWN_NAME",
                id.span,
                format!("`{}` is not defined in the specification", id.name),
            );
            d = match guess {
                Some(g) => d.with_help("rename", format!("did you mean `{g}`?")),
                None => d.with_help("define_in_spec", format!("define `{}` in the root module", id.name)),
            };
            self.diags.push(d);
            return None;
        };
        self.cur = ROOT;
        self.scope.clear();
        self.inst_locals.clear();
        match self.resolve_sym(ROOT, &sym, id.span)? {
            Target::Call { callee, leading, param_arities } => {
                if !param_arities.is_empty() || !leading.is_empty() {
                    let msg = format!(
                        "`{}` takes arguments, but the cfg can only name definitions without parameters",
                        id.name
                    );
                    self.diags.push(Diagnostic::error("CFG_WRONG_ARITY", id.span, msg));
                    return None;
                }
                let (def, span) = match callee {
                    Callee::Def(d) => (Some(d), self.prog.defs[d].span),
                    _ => (None, id.span),
                };
                let expr = self.alloc(Expr::Call { callee, args: Vec::new() }, span);
                Some(Named { name: id.name.clone(), expr, def })
            }
            Target::Expr(expr) => Some(Named { name: id.name.clone(), expr, def: None }),
            Target::Local(..) => None,
        }
    }

    /// Splits `Spec` into init, `[][Next]_v`, and temporal conjuncts, as TLC does.
    fn split_spec(&mut self, spec: &Named, id: &ast::Ident) {
        let mut parts = SpecParts::default();
        let mut memo = HashMap::new();
        self.classify(spec.expr, &mut parts, &mut memo, id);
        let init = match parts.init.as_slice() {
            [] => None,
            [one] => Some(self.named_of(*one, &id.name)),
            many => {
                let span = self.prog.span(spec.expr);
                let e = self.alloc(Expr::And(many.to_vec()), span);
                Some(Named { name: id.name.clone(), expr: e, def: None })
            }
        };
        if init.is_some() {
            self.prog.model.init = init;
        }
        if let Some((action, sub)) = parts.next {
            self.prog.model.next = Some(self.named_of(action, "Next"));
            self.prog.model.stutter_sub = Some(sub);
        }
        self.prog.model.fairness.extend(parts.temporal);
    }

    fn named_of(&self, e: ExprId, fallback: &str) -> Named {
        if let Expr::Call { callee: Callee::Def(d), args } = self.prog.expr(e) {
            if args.is_empty() {
                return Named { name: self.prog.defs[*d].name.clone(), expr: e, def: Some(*d) };
            }
        }
        let text = self.spec.sources.text(self.prog.span(e)).trim().to_string();
        Named { name: if text.is_empty() { fallback.to_string() } else { text }, expr: e, def: None }
    }

    fn classify(&mut self, e: ExprId, parts: &mut SpecParts, memo: &mut HashMap<DefId, u8>, id: &ast::Ident) {
        match self.prog.expr(e).clone() {
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let body = self.prog.defs[d].body;
                if self.level(body, memo) <= STATE {
                    parts.init.push(e);
                } else {
                    self.classify(body, parts, memo, id);
                }
            }
            Expr::And(xs) => {
                for x in xs {
                    self.classify(x, parts, memo, id);
                }
            }
            Expr::Always(inner) => match self.prog.expr(inner).clone() {
                Expr::BoxAction { action, sub } => parts.next = Some((action, sub)),
                _ => parts.temporal.push(e),
            },
            _ => match self.level(e, memo) {
                l if l <= STATE => parts.init.push(e),
                TEMPORAL => parts.temporal.push(e),
                _ => {
                    let text = self.spec.sources.text(self.prog.span(e)).to_string();
                    self.diags.push(
                        Diagnostic::error(
                            "CFG_UNSUPPORTED_SPECIFICATION",
                            self.prog.span(e),
                            format!("TLC cannot handle this conjunct of the specification {}: {text}", id.name),
                        )
                        .with_help("fix_spec", "write the specification as Init /\\ [][Next]_vars /\\ fairness"),
                    );
                }
            },
        }
    }

    /// The level of an expression: 0–1 state, 2 action, 3 temporal.
    pub(crate) fn level(&self, e: ExprId, memo: &mut HashMap<DefId, u8>) -> u8 {
        let own = match self.prog.expr(e) {
            Expr::Var(_) => STATE,
            Expr::Prime(_)
            | Expr::Unchanged(_)
            | Expr::BoxAction { .. }
            | Expr::AngleAction { .. }
            | Expr::Compose(..) => ACTION,
            Expr::Enabled(_) => return STATE,
            Expr::Always(_)
            | Expr::Eventually(_)
            | Expr::LeadsTo(..)
            | Expr::Fairness { .. }
            | Expr::WhilePlus(..)
            | Expr::TemporalForall { .. }
            | Expr::TemporalExists { .. } => return TEMPORAL,
            Expr::Call { callee: Callee::Def(d), .. } | Expr::OpValue(Callee::Def(d)) => self.def_level(*d, memo),
            Expr::Let { defs, .. } => defs.iter().map(|d| self.def_level(*d, memo)).max().unwrap_or(0),
            _ => 0,
        };
        children(self.prog.expr(e)).into_iter().map(|c| self.level(c, memo)).fold(own, u8::max)
    }

    fn def_level(&self, d: DefId, memo: &mut HashMap<DefId, u8>) -> u8 {
        if let Some(&l) = memo.get(&d) {
            return l;
        }
        memo.insert(d, 0);
        let l = self.level(self.prog.defs[d].body, memo);
        memo.insert(d, l);
        l
    }

    /// Marks definitions that call themselves, directly or through others.
    pub(crate) fn mark_recursive(&mut self) {
        let ids: Vec<DefId> = self.prog.defs.iter().map(|(id, _)| id).collect();
        let mut edges: HashMap<DefId, Vec<DefId>> = HashMap::new();
        for &d in &ids {
            let mut out = Vec::new();
            let def = &self.prog.defs[d];
            let mut stack = vec![def.body];
            if let DefKind::RecursiveFunction { bounds } = &def.kind {
                stack.extend(bounds.iter().filter_map(|b| b.domain));
            }
            while let Some(e) = stack.pop() {
                match self.prog.expr(e) {
                    Expr::Call { callee: Callee::Def(t), .. } | Expr::OpValue(Callee::Def(t)) => out.push(*t),
                    Expr::Let { defs, .. } => out.extend(defs.iter().copied()),
                    _ => {}
                }
                stack.extend(children(self.prog.expr(e)));
            }
            edges.insert(d, out);
        }
        for d in super::scc::recursive_nodes(&ids, &edges) {
            self.prog.defs[d].recursive = true;
        }
    }
}

#[derive(Default)]
struct SpecParts {
    init: Vec<ExprId>,
    next: Option<(ExprId, ExprId)>,
    temporal: Vec<ExprId>,
}

/// The direct subexpressions of `e` (binder domains included, LET definitions excluded).
pub fn children(e: &Expr) -> Vec<ExprId> {
    let bind = |bs: &[crate::ir::Binding]| bs.iter().filter_map(|b| b.domain).collect::<Vec<_>>();
    match e {
        Expr::Call { args, .. } => args.clone(),
        Expr::Lambda { body, .. } => vec![*body],
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => xs.clone(),
        Expr::Not(a)
        | Expr::Prime(a)
        | Expr::Unchanged(a)
        | Expr::Enabled(a)
        | Expr::Always(a)
        | Expr::Eventually(a) => {
            vec![*a]
        }
        Expr::Implies(a, b)
        | Expr::Equiv(a, b)
        | Expr::Eq(a, b)
        | Expr::In(a, b)
        | Expr::Compose(a, b)
        | Expr::LeadsTo(a, b)
        | Expr::WhilePlus(a, b) => vec![*a, *b],
        Expr::If { cond, then, els } => vec![*cond, *then, *els],
        Expr::Case { arms, other } => arms.iter().flat_map(|(a, b)| [*a, *b]).chain(*other).collect(),
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            let mut v = bind(bounds);
            v.push(*body);
            v
        }
        Expr::SetMap { body, bounds } => {
            let mut v = bind(bounds);
            v.push(*body);
            v
        }
        Expr::Choose { binding, body } | Expr::SetFilter { binding, pred: body } => {
            binding.domain.into_iter().chain([*body]).collect()
        }
        Expr::Let { body, .. } => vec![*body],
        Expr::FunSet { domain, range } => vec![*domain, *range],
        Expr::Record(fs) | Expr::RecordSet(fs) => fs.iter().map(|(_, v)| *v).collect(),
        Expr::Except { base, updates } => {
            let mut v = vec![*base];
            for (path, val) in updates {
                for k in path {
                    if let crate::ir::ExceptKey::Index(i) = k {
                        v.push(*i);
                    }
                }
                v.push(*val);
            }
            v
        }
        Expr::Apply { fun, arg } => vec![*fun, *arg],
        Expr::Field { record, .. } => vec![*record],
        Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } | Expr::Fairness { action, sub, .. } => {
            vec![*action, *sub]
        }
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => vec![*body],
        _ => Vec::new(),
    }
}
