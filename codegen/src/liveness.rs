//! Temporal properties, translated when the crate is generated (the interpreter's
//! `liveness.rs` does it when the run starts): PROPERTY and the specification's WF/SF become
//! `runtime::liveness` formulas over atoms, and each atom (state predicate, step predicate,
//! `<<A>>_v`, `ENABLED <<A>>_v`) becomes a generated function. Definitions are unfolded with
//! their arguments passed by name. `\A`/`\E` over temporal formulas (which need their domains
//! evaluated) are not translated yet: such a model is refused.

use std::collections::HashMap;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tla2_frontend::ir::{Binding, Callee, DefId, DefKind, ExceptKey, Expr, ExprId, FairnessKind};

use crate::analysis::expr_index;
use crate::env::{Bind, Env, Gen, G};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    Constant,
    State,
    Action,
    Temporal,
}

enum Step {
    Expr(ExprId, Env),
    Angle { action: ExprId, env: Env, sub: ExprId },
}

/// The atoms and formulas of a model's temporal properties.
pub struct Live<'g, 'p> {
    g: &'g mut Gen<'p>,
    state: Vec<(ExprId, Env)>,
    step: Vec<Step>,
    enabled: Vec<(ExprId, Env, ExprId)>,
    def_levels: HashMap<DefId, Level>,
    depth: u32,
}

const MAX_UNFOLD: u32 = 200;

/// The generated items for liveness: `live_spec()` building the properties and fairness, and
/// the atom functions; plus the bodies of the three `LivenessModel` methods.
pub struct LiveItems {
    pub items: TokenStream,
    pub eval_state: TokenStream,
    pub eval_step: TokenStream,
    pub eval_enabled: TokenStream,
}

pub fn generate(g: &mut Gen<'_>) -> G<LiveItems> {
    let p = g.p;
    let mut live =
        Live { g, state: Vec::new(), step: Vec::new(), enabled: Vec::new(), def_levels: HashMap::new(), depth: 0 };
    let env = Env::default();
    let mut constraints = Vec::new();
    let mut formulas = Vec::new();
    for f in &p.model.fairness {
        live.constraints(*f, &env, &mut constraints, &mut formulas)?;
    }
    let mut props = Vec::new();
    for n in &p.model.properties {
        let f = live.tr(n.expr, &env)?;
        let name = &n.name;
        props.push(quote! { LiveProperty { name: #name.to_string(), formula: #f } });
    }
    let Live { g, state, step, enabled, .. } = live;
    let mut items = TokenStream::new();
    let mut state_arms = Vec::new();
    for (k, (e, env)) in state.iter().enumerate() {
        let id = format_ident!("state_atom_{}", k);
        let b = g.bo(*e, env)?;
        items.extend(quote! { fn #id(cx: &Cx<'_>) -> R<bool> { Ok(#b) } });
        state_arms.push(quote! { #k => #id(&cx), });
    }
    let mut step_arms = Vec::new();
    for (k, s) in step.iter().enumerate() {
        let id = format_ident!("step_atom_{}", k);
        let body = match s {
            Step::Expr(e, env) => {
                let b = g.bo(*e, env)?;
                quote! { Ok(#b) }
            }
            Step::Angle { action, env, sub } => {
                let b = g.bo(*action, env)?;
                let ch = changes(g, *sub, env)?;
                quote! { if !#b { return Ok(false); } #ch }
            }
        };
        items.extend(quote! { fn #id(cx: &Cx<'_>) -> R<bool> { #body } });
        step_arms.push(quote! { #k => #id(&cx), });
    }
    let mut enabled_arms = Vec::new();
    for (k, (action, env, sub)) in enabled.iter().enumerate() {
        let (walk_id, ch_id, act_id) = (
            format_ident!("enabled_walk_{}", k),
            format_ident!("enabled_changes_{}", k),
            format_ident!("enabled_action_{}", k),
        );
        let w = g.walk(*action, env, &quote! { k }, false)?;
        let ch = changes(g, *sub, env)?;
        let b = g.bo(*action, env)?;
        items.extend(quote! {
            fn #walk_id(cx: &Cx<'_>, k: &dyn Fn() -> R<()>) -> R<()> { #w }
            fn #ch_id(cx: &Cx<'_>) -> R<bool> { #ch }
            fn #act_id(cx: &Cx<'_>) -> R<bool> { Ok(#b) }
        });
        enabled_arms.push(quote! { #k => self.enabled_atom(w, s, #walk_id, #ch_id, #act_id), });
    }
    let fairness_items = constraints;
    items.extend(quote! {
        fn live_spec() -> (Vec<LiveProperty>, Fairness) {
            let fairness = Fairness { constraints: vec![#(#fairness_items),*], formulas: vec![#(#formulas),*] };
            (vec![#(#props),*], fairness)
        }
    });
    Ok(LiveItems {
        items,
        eval_state: quote! {
            let cx = Cx::new(s, &w.data, VARS);
            let r = match atom as usize { #(#state_arms)* _ => Ok(false) };
            r.map_err(model_error)
        },
        eval_step: quote! {
            let cx = Cx::for_step(s, t, &w.data, VARS);
            let r = match atom as usize { #(#step_arms)* _ => Ok(false) };
            r.map_err(model_error)
        },
        eval_enabled: quote! { match atom as usize { #(#enabled_arms)* _ => Ok(false) } },
    })
}

/// `Ok(sub != sub')` on the step of `cx`.
fn changes(g: &mut Gen<'_>, sub: ExprId, env: &Env) -> G<TokenStream> {
    let si = expr_index(sub);
    let (now, then) = (g.ex(sub, env)?, g.ex(sub, env)?);
    Ok(quote! { { let now = #now; let then = tri!(cx.primed(|| -> R<Value> { Ok(#then) }), #si); Ok(now != then) } })
}

impl Live<'_, '_> {
    fn level(&mut self, e: ExprId, env: &Env) -> Level {
        let p = self.g.p;
        match p.expr(e) {
            Expr::Var(_) | Expr::Enabled(_) => Level::State,
            Expr::Prime(_) | Expr::Unchanged(_) | Expr::BoxAction { .. } | Expr::AngleAction { .. } => Level::Action,
            Expr::Compose(..) => Level::Action,
            Expr::Always(_) | Expr::Eventually(_) | Expr::LeadsTo(..) | Expr::Fairness { .. } => Level::Temporal,
            Expr::TemporalForall { .. } | Expr::TemporalExists { .. } | Expr::WhilePlus(..) => Level::Temporal,
            Expr::Local(l) => match env.get(*l).cloned() {
                Some(Bind::Target(x)) => self.level(x, env),
                _ => Level::Constant,
            },
            Expr::Call { callee, args } => {
                let args_level = args.iter().map(|a| self.level(*a, env)).max().unwrap_or(Level::Constant);
                let body = match callee {
                    Callee::Def(d) => self.def_level(*d),
                    Callee::Builtin(_) => Level::Constant,
                    Callee::Local(_) => Level::State,
                };
                args_level.max(body)
            }
            other => children(other).into_iter().map(|c| self.level(c, env)).max().unwrap_or(Level::Constant),
        }
    }

    fn def_level(&mut self, d: DefId) -> Level {
        let def = self.g.p.def(d);
        let memo = def.params.is_empty() && !def.in_let;
        if let Some(l) = self.def_levels.get(&d) {
            return *l;
        }
        if self.depth > MAX_UNFOLD {
            return Level::State;
        }
        self.def_levels.insert(d, Level::State);
        self.depth += 1;
        // Parameters are constant-level here (the interpreter evaluates the body's level with
        // the parameters unbound, and unbound locals count as constant).
        let mut l = self.level(def.body, &Env::default());
        if let DefKind::RecursiveFunction { bounds } = &def.kind {
            let b = bounds.iter().filter_map(|b| b.domain).map(|x| self.level(x, &Env::default())).max();
            l = l.max(Level::State).max(b.unwrap_or(Level::Constant));
        }
        self.depth -= 1;
        if memo {
            self.def_levels.insert(d, l);
        } else {
            self.def_levels.remove(&d);
        }
        l
    }

    fn state_atom(&mut self, e: ExprId, env: &Env) -> TokenStream {
        self.state.push((e, env.clone()));
        let k = self.state.len() as u32 - 1;
        quote! { Formula::StatePred(#k) }
    }

    fn tr(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        match self.level(e, env) {
            Level::Constant | Level::State => return Ok(self.state_atom(e, env)),
            Level::Action => {
                self.step.push(Step::Expr(e, env.clone()));
                let k = self.step.len() as u32 - 1;
                return Ok(quote! { Formula::ActionPred(#k) });
            }
            Level::Temporal => {}
        }
        let p = self.g.p;
        Ok(match p.expr(e) {
            Expr::Always(x) => {
                let x = self.tr(*x, env)?;
                quote! { Formula::always(#x) }
            }
            Expr::Eventually(x) => {
                let x = self.tr(*x, env)?;
                quote! { Formula::eventually(#x) }
            }
            Expr::LeadsTo(a, b) => {
                let (a, b) = (self.tr(*a, env)?, self.tr(*b, env)?);
                quote! { Formula::LeadsTo(Box::new(#a), Box::new(#b)) }
            }
            Expr::Not(x) => {
                let x = self.tr(*x, env)?;
                quote! { Formula::negate(#x) }
            }
            Expr::And(xs) => {
                let xs = xs.iter().map(|x| self.tr(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { Formula::And(vec![#(#xs),*]) }
            }
            Expr::Or(xs) => {
                let xs = xs.iter().map(|x| self.tr(*x, env)).collect::<G<Vec<_>>>()?;
                quote! { Formula::Or(vec![#(#xs),*]) }
            }
            Expr::Implies(a, b) => {
                let (a, b) = (self.tr(*a, env)?, self.tr(*b, env)?);
                quote! { Formula::Or(vec![Formula::negate(#a), #b]) }
            }
            Expr::Equiv(a, b) => {
                let (a, b) = (self.tr(*a, env)?, self.tr(*b, env)?);
                quote! { { let (a, b) = (#a, #b); let (na, nb) = (Formula::negate(a.clone()), Formula::negate(b.clone()));
                Formula::Or(vec![Formula::And(vec![a, b]), Formula::And(vec![na, nb])]) } }
            }
            Expr::If { cond, then, els } => {
                let c = self.tr(*cond, env)?;
                let (t, f) = (self.tr(*then, env)?, self.tr(*els, env)?);
                quote! { { let c = #c; Formula::Or(vec![Formula::And(vec![c.clone(), #t]), Formula::And(vec![Formula::negate(c), #f])]) } }
            }
            Expr::Fairness { kind, sub, action } => {
                let c = self.fairness(*kind, *sub, *action, env);
                quote! { tla2_runtime::liveness::lasso::fairness_formula(&#c) }
            }
            Expr::Let { body, .. } => self.tr(*body, env)?,
            Expr::Local(l) => match env.get(*l).cloned() {
                Some(Bind::Target(x)) => self.tr(x, env)?,
                _ => return Err(self.g.unsupported("a temporal formula bound to a local name", Some(e))),
            },
            Expr::Call { callee: Callee::Def(d), args } => {
                let inner = self.unfold(e, *d, args, env)?;
                self.depth += 1;
                let r = self.tr(p.def(*d).body, &inner);
                self.depth -= 1;
                r?
            }
            _ => {
                return Err(self.g.unsupported("this temporal form (quantified or otherwise not translated)", Some(e)))
            }
        })
    }

    fn fairness(&mut self, kind: FairnessKind, sub: ExprId, action: ExprId, env: &Env) -> TokenStream {
        self.enabled.push((action, env.clone(), sub));
        self.step.push(Step::Angle { action, env: env.clone(), sub });
        let (en, st) = (self.enabled.len() as u32 - 1, self.step.len() as u32 - 1);
        let kind = match kind {
            FairnessKind::Weak => quote! { LiveFairnessKind::Weak },
            FairnessKind::Strong => quote! { LiveFairnessKind::Strong },
        };
        quote! { FairnessConstraint { kind: #kind, enabled: #en, step: #st } }
    }

    /// The environment of a definition's body with its arguments bound by name.
    fn unfold(&mut self, e: ExprId, d: DefId, args: &[ExprId], env: &Env) -> G<Env> {
        let def = self.g.p.def(d);
        if !matches!(def.kind, DefKind::Operator) || self.depth > MAX_UNFOLD {
            return Err(self.g.unsupported(format!("unfolding {} in a temporal formula", def.name), Some(e)));
        }
        let mut inner = env.clone();
        for (param, arg) in def.params.iter().zip(args) {
            if param.arity > 0 || self.g.is_op_expr(*arg) {
                return Err(self.g.unsupported("an operator argument in a temporal formula", Some(*arg)));
            }
            // By name: a constant argument has the same value wherever it is evaluated.
            let target = match self.g.p.expr(*arg) {
                Expr::Local(l) => match env.get(*l) {
                    Some(Bind::Target(t)) => *t,
                    _ => *arg,
                },
                _ => *arg,
            };
            inner.push(param.local, Bind::Target(target));
        }
        Ok(inner)
    }

    fn constraints(
        &mut self,
        e: ExprId,
        env: &Env,
        out: &mut Vec<TokenStream>,
        formulas: &mut Vec<TokenStream>,
    ) -> G<()> {
        let p = self.g.p;
        match p.expr(e) {
            Expr::Fairness { kind, sub, action } => {
                let c = self.fairness(*kind, *sub, *action, env);
                out.push(c);
                Ok(())
            }
            Expr::And(xs) => xs.iter().try_for_each(|x| self.constraints(*x, env, out, formulas)),
            Expr::Let { body, .. } => self.constraints(*body, env, out, formulas),
            Expr::Call { callee: Callee::Def(d), args } => {
                let inner = self.unfold(e, *d, args, env)?;
                self.depth += 1;
                let r = self.constraints(p.def(*d).body, &inner, out, formulas);
                self.depth -= 1;
                r
            }
            _ => {
                let f = self.tr(e, env)?;
                formulas.push(f);
                Ok(())
            }
        }
    }
}

/// The direct subexpressions of `e` (binder domains included, LET definitions excluded).
fn children(e: &Expr) -> Vec<ExprId> {
    let doms = |bs: &[Binding]| bs.iter().filter_map(|b| b.domain).collect::<Vec<_>>();
    match e {
        Expr::Call { args, .. } => args.clone(),
        Expr::Lambda { body, .. } => vec![*body],
        Expr::And(xs) | Expr::Or(xs) | Expr::SetEnum(xs) | Expr::Tuple(xs) => xs.clone(),
        Expr::Not(a) | Expr::Prime(a) | Expr::Unchanged(a) | Expr::Enabled(a) => vec![*a],
        Expr::Always(a) | Expr::Eventually(a) => vec![*a],
        Expr::Implies(a, b) | Expr::Equiv(a, b) | Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
        Expr::LeadsTo(a, b) | Expr::WhilePlus(a, b) | Expr::Compose(a, b) => vec![*a, *b],
        Expr::If { cond, then, els } => vec![*cond, *then, *els],
        Expr::Case { arms, other } => arms.iter().flat_map(|(g, b)| [*g, *b]).chain(*other).collect(),
        Expr::Forall { bounds, body } | Expr::Exists { bounds, body } | Expr::FunCons { bounds, body } => {
            doms(bounds).into_iter().chain([*body]).collect()
        }
        Expr::SetMap { body, bounds } => doms(bounds).into_iter().chain([*body]).collect(),
        Expr::Choose { binding, body } => binding.domain.into_iter().chain([*body]).collect(),
        Expr::SetFilter { binding, pred } => binding.domain.into_iter().chain([*pred]).collect(),
        Expr::Let { body, .. } => vec![*body],
        Expr::FunSet { domain, range } => vec![*domain, *range],
        Expr::Record(fs) | Expr::RecordSet(fs) => fs.iter().map(|(_, x)| *x).collect(),
        Expr::Except { base, updates } => {
            let mut v = vec![*base];
            for (path, x) in updates {
                v.extend(path.iter().filter_map(|k| match k {
                    ExceptKey::Index(i) => Some(*i),
                    ExceptKey::Field(_) => None,
                }));
                v.push(*x);
            }
            v
        }
        Expr::Apply { fun, arg } => vec![*fun, *arg],
        Expr::Field { record, .. } => vec![*record],
        Expr::BoxAction { action, sub } | Expr::AngleAction { action, sub } => vec![*action, *sub],
        Expr::Fairness { sub, action, .. } => vec![*sub, *action],
        Expr::TemporalForall { body, .. } | Expr::TemporalExists { body, .. } => vec![*body],
        _ => Vec::new(),
    }
}

/// The step predicates of a property made only of `[][A]_v` conjuncts (checked on every step
/// as TLC does, the interpreter's `properties.rs`), or `None`.
pub fn action_property(p: &tla2_frontend::ir::Program, e: ExprId) -> Option<Vec<ExprId>> {
    fn collect(p: &tla2_frontend::ir::Program, e: ExprId, out: &mut Vec<ExprId>, depth: u32) -> bool {
        if depth > 64 {
            return false;
        }
        match p.expr(e) {
            Expr::And(xs) => xs.iter().all(|x| collect(p, *x, out, depth + 1)),
            Expr::Let { body, .. } => collect(p, *body, out, depth + 1),
            Expr::Call { callee: Callee::Def(d), args } if args.is_empty() => {
                let def = p.def(*d);
                matches!(def.kind, DefKind::Operator) && collect(p, def.body, out, depth + 1)
            }
            Expr::Always(inner) => match p.expr(*inner) {
                Expr::BoxAction { .. } => {
                    out.push(*inner);
                    true
                }
                _ => false,
            },
            _ => false,
        }
    }
    let mut out = Vec::new();
    collect(p, e, &mut out, 0).then_some(out)
}
