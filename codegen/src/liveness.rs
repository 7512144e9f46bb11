//! Temporal properties (the interpreter's `liveness.rs`): PROPERTY and the specification's
//! WF/SF become `runtime::liveness` formulas over atoms (state predicates, step predicates,
//! `<<A>>_v`, `ENABLED <<A>>_v`). Each kind of atom is a generated function of the values of
//! the quantifier-bound locals around it; the generated `live_spec` builds the formulas when
//! the check starts, expanding `\A`/`\E` over constant domains and recording each atom
//! instance with its bound values. Definitions are unfolded with their arguments by name.

use std::collections::HashMap;

use proc_macro2::{Ident, TokenStream};
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

/// The value locals of `env`, in binding order: the values an atom instance records.
fn val_locals(env: &Env) -> Vec<Ident> {
    let mut out: Vec<Ident> = Vec::new();
    for b in env.binds() {
        if let Bind::Val(id) = b {
            if !out.contains(id) {
                out.push(id.clone());
            }
        }
    }
    out
}

/// Statements binding an atom's value locals from `env: &[Value]`.
fn bind_env(env: &Env) -> TokenStream {
    let ids = val_locals(env);
    let idx = 0..ids.len();
    quote! { #(let #ids: Value = env[#idx].clone();)* }
}

/// An expression recording an atom instance in `table` and giving its index.
fn instance(table: TokenStream, k: usize, env: &Env) -> TokenStream {
    let ids = val_locals(env);
    quote! { { atoms.#table.push((#k, vec![#(#ids.clone()),*])); atoms.#table.len() as u32 - 1 } }
}

pub fn generate(g: &mut Gen<'_>) -> G<LiveItems> {
    let p = g.p;
    let mut live =
        Live { g, state: Vec::new(), step: Vec::new(), enabled: Vec::new(), def_levels: HashMap::new(), depth: 0 };
    let env = Env::default();
    let mut constraints = Vec::new();
    for f in &p.model.fairness {
        constraints.push(live.constraints(*f, &env)?);
    }
    let mut props = Vec::new();
    for n in &p.model.properties {
        let f = live.tr(n.expr, &env)?;
        let name = &n.name;
        props.push(quote! {
            match (|| -> R<Formula> { Ok(#f) })() {
                Ok(formula) => live.push(LiveProperty { name: #name.to_string(), formula }),
                Err(e) => return Err((#name.to_string(), e.message)),
            }
        });
    }
    let Live { g, state, step, enabled, .. } = live;
    let mut items = TokenStream::new();
    let mut state_arms = Vec::new();
    for (k, (e, env)) in state.iter().enumerate() {
        let id = format_ident!("state_atom_{}", k);
        let b = g.bo(*e, env)?;
        let binds = bind_env(env);
        items.extend(quote! { fn #id(cx: &Cx<'_>, env: &[Value]) -> R<bool> { #binds Ok(#b) } });
        state_arms.push(quote! { #k => #id(&cx, env), });
    }
    let mut step_arms = Vec::new();
    for (k, s) in step.iter().enumerate() {
        let id = format_ident!("step_atom_{}", k);
        let (body, env) = match s {
            Step::Expr(e, env) => {
                let b = g.bo(*e, env)?;
                (quote! { Ok(#b) }, env)
            }
            Step::Angle { action, env, sub } => {
                let b = g.bo(*action, env)?;
                let ch = changes(g, *sub, env)?;
                (quote! { if !#b { return Ok(false); } #ch }, env)
            }
        };
        let binds = bind_env(env);
        items.extend(quote! { fn #id(cx: &Cx<'_>, env: &[Value]) -> R<bool> { #binds #body } });
        step_arms.push(quote! { #k => #id(&cx, env), });
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
        let binds = bind_env(env);
        items.extend(quote! {
            fn #walk_id(cx: &Cx<'_>, env: &[Value], k: &dyn Fn() -> R<()>) -> R<()> { #binds #w }
            fn #ch_id(cx: &Cx<'_>, env: &[Value]) -> R<bool> { #binds #ch }
            fn #act_id(cx: &Cx<'_>, env: &[Value]) -> R<bool> { #binds Ok(#b) }
        });
        enabled_arms.push(quote! { #k => self.enabled_atom(w, s, env, #walk_id, #ch_id, #act_id), });
    }
    items.extend(quote! {
        /// Atom instances: (atom function, values of its bound locals), per kind.
        #[derive(Default)]
        pub struct LiveAtoms {
            state: Vec<(usize, Vec<Value>)>,
            step: Vec<(usize, Vec<Value>)>,
            enabled: Vec<(usize, Vec<Value>)>,
        }

        /// The PROPERTYs and the fairness; `Err((what, message))` if a quantifier's domain
        /// cannot be evaluated.
        fn live_spec(cx: &Cx<'_>, atoms: &mut LiveAtoms) -> Result<(Vec<LiveProperty>, Fairness), (String, String)> {
            let mut fairness = Fairness::default();
            let mut fc = |atoms: &mut LiveAtoms| -> R<Fairness> {
                let mut fairness = Fairness::default();
                #(#constraints)*
                Ok(fairness)
            };
            match fc(atoms) {
                Ok(f) => fairness = f,
                Err(e) => return Err(("the specification's fairness".to_string(), e.message)),
            }
            let mut live = Vec::new();
            #(#props)*
            Ok((live, fairness))
        }
    });
    Ok(LiveItems {
        items,
        eval_state: quote! {
            let atoms = self.live_atoms.get().expect("atoms are built before liveness checking");
            let (k, env) = &atoms.state[atom as usize];
            let cx = Cx::new(s, &w.data, VARS);
            let r = match *k { #(#state_arms)* _ => Ok(false) };
            r.map_err(model_error)
        },
        eval_step: quote! {
            let atoms = self.live_atoms.get().expect("atoms are built before liveness checking");
            let (k, env) = &atoms.step[atom as usize];
            let cx = Cx::for_step(s, t, &w.data, VARS);
            let r = match *k { #(#step_arms)* _ => Ok(false) };
            r.map_err(model_error)
        },
        eval_enabled: quote! {
            let atoms = self.live_atoms.get().expect("atoms are built before liveness checking");
            let (k, env) = &atoms.enabled[atom as usize];
            match *k { #(#enabled_arms)* _ => Ok(false) }
        },
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
        let i = instance(quote! { state }, self.state.len() - 1, env);
        quote! { Formula::StatePred(#i) }
    }

    fn tr(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        match self.level(e, env) {
            Level::Constant | Level::State => return Ok(self.state_atom(e, env)),
            Level::Action => {
                self.step.push(Step::Expr(e, env.clone()));
                let i = instance(quote! { step }, self.step.len() - 1, env);
                return Ok(quote! { Formula::ActionPred(#i) });
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
            Expr::Forall { bounds, body } | Expr::Exists { bounds, body } => {
                let forall = matches!(p.expr(e), Expr::Forall { .. });
                let (doms, binds, inner) = self.expansion(e, bounds, env)?;
                let b = self.tr(*body, &inner)?;
                let join = if forall {
                    quote! { Formula::And }
                } else {
                    quote! { Formula::Or }
                };
                quote! { {
                    let doms = #doms;
                    let mut fs = Vec::new();
                    for vals in combos_first_slowest(&doms) {
                        #binds
                        fs.push(#b);
                    }
                    #join(fs)
                } }
            }
            _ => return Err(self.g.unsupported("this temporal form", Some(e))),
        })
    }

    fn fairness(&mut self, kind: FairnessKind, sub: ExprId, action: ExprId, env: &Env) -> TokenStream {
        self.enabled.push((action, env.clone(), sub));
        self.step.push(Step::Angle { action, env: env.clone(), sub });
        let en = instance(quote! { enabled }, self.enabled.len() - 1, env);
        let st = instance(quote! { step }, self.step.len() - 1, env);
        let kind = match kind {
            FairnessKind::Weak => quote! { LiveFairnessKind::Weak },
            FairnessKind::Strong => quote! { LiveFairnessKind::Strong },
        };
        quote! { { let enabled = #en; let step = #st; FairnessConstraint { kind: #kind, enabled, step } } }
    }

    /// The enumerated domains of a quantifier expanded over constant sets, and the bindings of
    /// one combination `vals`.
    fn expansion(&mut self, e: ExprId, bounds: &[Binding], env: &Env) -> G<(TokenStream, TokenStream, Env)> {
        let i = expr_index(e);
        let doms = self.g.domains(bounds, env, i)?;
        let mut inner = env.clone();
        let mut binds = TokenStream::new();
        for (k, b) in bounds.iter().enumerate() {
            let (s, e2) = self.g.bind_vars(&b.vars, quote! { &vals[#k] }, &inner, None);
            binds.extend(s);
            inner = e2;
        }
        Ok((quote! { enumerate_domains(&#doms)? }, binds, inner))
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

    /// Statements adding the WF/SF constraints of a fairness conjunct to `fairness` (another
    /// temporal conjunct becomes a formula assumed by every property).
    fn constraints(&mut self, e: ExprId, env: &Env) -> G<TokenStream> {
        let p = self.g.p;
        match p.expr(e) {
            Expr::Fairness { kind, sub, action } => {
                let c = self.fairness(*kind, *sub, *action, env);
                Ok(quote! { fairness.constraints.push(#c); })
            }
            Expr::And(xs) => {
                let parts = xs.iter().map(|x| self.constraints(*x, env)).collect::<G<Vec<_>>>()?;
                Ok(quote! { #(#parts)* })
            }
            Expr::Let { body, .. } => self.constraints(*body, env),
            Expr::Forall { bounds, body } => {
                let (doms, binds, inner) = self.expansion(e, bounds, env)?;
                let b = self.constraints(*body, &inner)?;
                Ok(quote! { {
                    let doms = #doms;
                    for vals in combos_first_slowest(&doms) {
                        #binds
                        #b
                    }
                } })
            }
            Expr::Call { callee: Callee::Def(d), args } => {
                let inner = self.unfold(e, *d, args, env)?;
                self.depth += 1;
                let r = self.constraints(p.def(*d).body, &inner);
                self.depth -= 1;
                r
            }
            _ => {
                let f = self.tr(e, env)?;
                Ok(quote! { fairness.formulas.push(#f); })
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
