//! The trace-validation diagnosis of a generated checker (only for trace specs, which define a
//! zero-arity `TraceLog`): per action of Next, `fn explain_N(cx, env)` saying why the action
//! has no successor — the interpreter's `trace_diag::explain`, unrolled when the crate is
//! generated. Each conjunct (through `/\` and LET, and through the body of a called operator
//! when the call is what fails) is a walk step; the conjunction of the steps so far is probed
//! with `runtime::compiled::explain_probe`, and the first one without successor is reported
//! with the values of its operands (`explain_failed`).

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};
use tla2_frontend::ir::{Callee, DefKind, Expr, ExprId};

use crate::env::{sanitize, Env, Gen, G};
use crate::split::Leaf;

/// Levels of called definitions descended into, as in the interpreter.
const MAX_LEVELS: usize = 32;

impl<'p> Gen<'p> {
    /// The explanation function of a leaf: `fn explain_N_Name(cx, env) -> (usize, Option<FailedConjunct>)`.
    pub fn explain_fn(&mut self, n: usize, leaf: &Leaf) -> G<(Ident, TokenStream)> {
        let id = format_ident!("explain_{}_{}", n, sanitize(&leaf.name));
        let env = self.split_env(&leaf.locals);
        let ids: Vec<_> = leaf.locals.iter().map(|l| self.local(*l)).collect();
        let idx = 0..ids.len();
        let level = conjuncts(self.p, leaf.expr);
        let body = self.explain_level(&[], &level, &env, &TokenStream::new(), 0)?;
        Ok((
            id.clone(),
            quote! {
                #[allow(unused_variables, unused_mut, unused_assignments, unreachable_code)]
                fn #id(cx: &Cx<'_>, env: &[Value]) -> (usize, Option<FailedConjunct>) {
                    #(let #ids: Value = env[#idx].clone();)*
                    let mut depth = 0usize;
                    let mut partial: Vec<Option<Value>> = Vec::new();
                    #body
                }
            },
        ))
    }

    /// One level of conjuncts: `prefix` are the steps (closures in scope) that hold before it,
    /// `binds` the argument bindings of the calls descended into, repeated in every closure.
    fn explain_level(
        &mut self,
        prefix: &[Ident],
        level: &[ExprId],
        env: &Env,
        binds: &TokenStream,
        iter: usize,
    ) -> G<TokenStream> {
        let p = self.p;
        let mut defs = Vec::new();
        let mut steps = Vec::new();
        for c in level {
            let s = self.fresh("step");
            let w = self.walk(*c, env, &quote! { k }, false)?;
            defs.push(quote! { let #s = |k: &dyn Fn() -> R<()>| -> R<()> { #binds #w }; });
            steps.push(s);
        }
        let mut probes = Vec::new();
        for (i, c) in level.iter().enumerate() {
            let items: Vec<&Ident> = prefix.iter().chain(&steps[..=i]).collect();
            let fail = self.explain_fail(*c, env, binds)?;
            let descend = match p.expr(*c) {
                Expr::Call { callee: Callee::Def(d), args }
                    if matches!(p.def(*d).kind, DefKind::Operator) && !p.def(*d).recursive =>
                {
                    if iter + 1 < MAX_LEVELS {
                        let def = p.def(*d);
                        let (stmts, arg_binds) = self.arg_binds(*d, args, env)?;
                        let mut inner = env.clone();
                        for (prm, b) in def.params.iter().zip(arg_binds) {
                            inner.push(prm.local, b);
                        }
                        let inner_binds = quote! { #binds #stmts };
                        let inner_prefix: Vec<Ident> = prefix.iter().chain(&steps[..i]).cloned().collect();
                        let child =
                            self.explain_level(&inner_prefix, &conjuncts(p, def.body), &inner, &inner_binds, iter + 1)?;
                        quote! { if error.is_none() { #child } }
                    } else {
                        quote! { if error.is_none() { return (depth, None); } }
                    }
                }
                _ => TokenStream::new(),
            };
            probes.push(quote! {
                match explain_probe(cx, &[#(&#items),*]) {
                    Ok(Some(next)) => { depth += 1; partial = next; }
                    r => {
                        let error = r.err();
                        #descend
                        return (depth, Some(#fail));
                    }
                }
            });
        }
        Ok(quote! { { #(#defs)* #(#probes)* return (depth, None); } })
    }

    /// The `FailedConjunct` of `c`: its text, location and the values of its operands.
    fn explain_fail(&mut self, c: ExprId, env: &Env, binds: &TokenStream) -> G<TokenStream> {
        let p = self.p;
        let text = self.sources.text(p.span(c)).to_string();
        let loc = crate::model::location(self.sources, p.span(c));
        let mut operands = Vec::new();
        for e in operands_of(p, c) {
            if matches!(p.expr(e), Expr::Bool(_) | Expr::Int(_) | Expr::Str(_)) {
                continue;
            }
            // An operand the generator cannot evaluate is left out, as one that fails is.
            let Ok(v) = self.ex(e, env) else { continue };
            let t = self.sources.text(p.span(e)).to_string();
            operands.push(quote! { (#t, &(|| -> R<Value> { #binds Ok(#v) }) as &dyn Fn() -> R<Value>) });
        }
        Ok(quote! { explain_failed(cx, #text, #loc, error, &partial, &[#(#operands),*]) })
    }
}

/// The conjuncts of `e`, through LET bodies (the interpreter's `trace_diag::conjuncts`).
fn conjuncts(p: &tla2_frontend::ir::Program, e: ExprId) -> Vec<ExprId> {
    match p.expr(e) {
        Expr::And(xs) => xs.iter().flat_map(|x| conjuncts(p, *x)).collect(),
        Expr::Let { body, .. } => conjuncts(p, *body),
        _ => vec![e],
    }
}

/// The sub-expressions whose values explain a false conjunct: both sides of `=` and `\in`
/// (under a `~` too), the arguments of a builtin with at most three.
fn operands_of(p: &tla2_frontend::ir::Program, c: ExprId) -> Vec<ExprId> {
    match p.expr(c) {
        Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
        Expr::Not(x) => match p.expr(*x) {
            Expr::Eq(a, b) | Expr::In(a, b) => vec![*a, *b],
            _ => vec![*x],
        },
        Expr::Call { callee: Callee::Builtin(_), args } if args.len() <= 3 => args.clone(),
        _ => Vec::new(),
    }
}

/// For a trace spec, the items of `spec.rs` (`trace_log_value`, the `explain_N` functions and
/// their dispatch) and the `SpecModel` methods `trace_log` and `explain_action`; nothing for
/// other specs. An action whose explanation cannot be generated is not explained.
pub fn trace_diagnosis(g: &mut Gen<'_>, leaves: &[Leaf]) -> G<(TokenStream, TokenStream)> {
    let p = g.p;
    let Some((_, log)) = p.defs.iter().find(|(_, d)| d.name == "TraceLog" && d.params.is_empty()) else {
        return Ok((TokenStream::new(), TokenStream::new()));
    };
    let log = g.ex(log.body, &Env::default())?;
    let mut fns = Vec::new();
    let mut dispatch = Vec::new();
    for (n, leaf) in leaves.iter().enumerate() {
        if let Ok((id, f)) = g.explain_fn(n, leaf) {
            fns.push(f);
            dispatch.push(quote! { #n => Some(#id(cx, env)), });
        }
    }
    let items = quote! {
        use tla2_runtime::report::trace_validation::FailedConjunct;

        /// `TraceLog`, the log of this trace-validation spec.
        fn trace_log_value(cx: &Cx<'_>) -> R<Value> { Ok(#log) }

        /// Why the action `leaf` (with bound values `env`) has no successor from `cx`'s state.
        fn explain_leaf(leaf: usize, cx: &Cx<'_>, env: &[Value]) -> Option<(usize, Option<FailedConjunct>)> {
            match leaf {
                #(#dispatch)*
                _ => None,
            }
        }

        #(#fns)*
    };
    let methods = quote! {
        fn trace_log(&self) -> Option<Vec<Value>> {
            let log = self.eval_constant(&EngineSnapshot::default(), trace_log_value).ok()?;
            log.as_seq().ok().map(|s| s.to_vec())
        }
        fn explain_action(&self, action: ActionId, state: &Self::State) -> Option<(usize, Option<FailedConjunct>)> {
            let (leaf, env) = self.split.get(action as usize)?;
            let worker = RefCell::new(self.worker_data(0));
            let cx = Cx::new(state, &worker, VARS);
            explain_leaf(*leaf, &cx, env)
        }
    };
    Ok((items, methods))
}
