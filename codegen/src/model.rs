//! `spec.rs` of the generated crate: the statics (variables, source locations, builtins), the
//! functions of Init, of each action of Next, of invariants, constraints, VIEW, SYMMETRY, ALIAS,
//! POSTCONDITION and ASSUME, and `Spec`, the `Model` + `SpecModel` that ties them together as
//! the interpreter's `InterpModel` does.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tla2_frontend::ir::{Expr, ExprId, Named, Program};
use tla2_frontend::{SourceMap, Span};

use crate::analysis::{def_index, expr_index};
use crate::env::{Env, Gen, G};
use crate::split::Leaf;

/// A location literal: `loc(file, line, column, end_line, end_column)` or `None`.
pub(crate) fn location(sources: &SourceMap, span: Span) -> TokenStream {
    if span.is_none() || span.file.0 as usize >= sources.files.len() {
        return quote! { None };
    }
    let l = sources.location(span);
    let (f, a, b, c, d) = (span.file.0, l.line, l.column, l.end_line, l.end_column);
    quote! { LOCS.location(#f, #a, #b, #c, #d) }
}

/// `spec.rs` in dynamic mode, and the leaves of Next (typed mode builds on both); `typed` only
/// changes the header.
pub fn generate_spec(p: &Program, sources: &SourceMap, typed: bool) -> G<(TokenStream, Vec<Leaf>)> {
    let mut g = Gen::new(p, sources);
    let m = &p.model;
    let env = Env::default();

    // Init and the actions of Next.
    let init_body = match &m.init {
        Some(n) => g.walk(n.expr, &env, &quote! { k }, true)?,
        None => quote! { Ok(()) },
    };
    let mut leaves: Vec<Leaf> = Vec::new();
    let split_body = match &m.next {
        Some(next) => match next.def {
            Some(d) if p.def(d).params.is_empty() => g.split(p.def(d).body, &next.name, &[], &[], &mut leaves)?,
            _ => g.split(next.expr, &next.name, &[], &[], &mut leaves)?,
        },
        None => TokenStream::new(),
    };
    let mut leaf_fns = Vec::new();
    let mut dispatch = Vec::new();
    let mut leaf_infos = Vec::new();
    for (n, leaf) in leaves.iter().enumerate() {
        let (id, f) = g.leaf_fn(n, leaf)?;
        leaf_fns.push(f);
        dispatch.push(quote! { #n => #id(cx, env, k), });
        let name = &leaf.name;
        let loc = location(sources, p.span(leaf.expr));
        let incomplete =
            format!("Successor state is not completely specified by action {name} of the next-state relation.");
        leaf_infos.push(quote! { (#name, #loc, #incomplete) });
    }

    // Trace validation (trace specs only): the log and why each action refuses a line.
    let (trace_items, trace_methods) = crate::explain::trace_diagnosis(&mut g, &leaves)?;

    // State and step predicates.
    let preds = |g: &mut Gen, list: &[Named], prefix: &str| -> G<(Vec<TokenStream>, Vec<proc_macro2::Ident>)> {
        let mut fns = Vec::new();
        let mut ids = Vec::new();
        for (k, n) in list.iter().enumerate() {
            let id = format_ident!("{}_{}", prefix, k);
            let v = g.ex(n.expr, &Env::default())?;
            let i = expr_index(n.expr);
            let doc = g.doc(&n.name, p.span(n.expr));
            fns.push(quote! {
                #[doc = #doc]
                fn #id(cx: &Cx<'_>) -> R<bool> { let v = #v; as_bool(v, #i) }
            });
            ids.push(id);
        }
        Ok((fns, ids))
    };
    let (inv_fns, inv_ids) = preds(&mut g, &m.invariants, "invariant")?;
    let (con_fns, con_ids) = preds(&mut g, &m.constraints, "constraint")?;
    let (act_fns, act_ids) = preds(&mut g, &m.action_constraints, "action_constraint")?;
    let value_fn = |g: &mut Gen, e: ExprId, id: &str| -> G<TokenStream> {
        let id = format_ident!("{}", id);
        let v = g.ex(e, &Env::default())?;
        Ok(quote! { fn #id(cx: &Cx<'_>) -> R<Value> { Ok(#v) } })
    };
    let mut misc = Vec::new();
    let has_view = m.view.is_some();
    let has_init = m.init.is_some();
    let has_alias = m.alias.is_some();
    if let Some(v) = &m.view {
        misc.push(value_fn(&mut g, v.expr, "view")?);
    }
    let has_symmetry = m.symmetry.is_some();
    if let Some(s) = &m.symmetry {
        misc.push(value_fn(&mut g, s.expr, "symmetry_set")?);
    }
    let has_post = m.postcondition.is_some();
    if let Some(s) = &m.postcondition {
        misc.push(value_fn(&mut g, s.expr, "postcondition")?);
    }
    let mut assume_ids = Vec::new();
    for (k, a) in m.assumptions.iter().enumerate() {
        let id = format!("assumption_{k}");
        misc.push(value_fn(&mut g, a.expr, &id)?);
        assume_ids.push(format_ident!("{}", id));
    }
    let assume_names: Vec<&str> = m.assumptions.iter().map(|a| a.name.as_str()).collect();
    let mut const_ids = Vec::new();
    for (k, (_, d)) in m.constants.iter().enumerate() {
        // An operator constant (`Send <- MCSend`) has no value: the interpreter reports none.
        if !p.def(*d).params.is_empty() {
            const_ids.push(quote! { (|_: &Cx<'_>| -> R<Value> { Err(EvalError::other("an operator has no value")) }) });
            continue;
        }
        let id = format!("constant_{k}");
        misc.push(value_fn(&mut g, p.def(*d).body, &id)?);
        let id = format_ident!("{}", id);
        const_ids.push(quote! { #id });
    }
    let const_names: Vec<&str> = m.constants.iter().map(|(n, _)| n.as_str()).collect();
    let alias_body = match &m.alias {
        None => quote! { None },
        Some(alias) => {
            let body = alias.def.filter(|d| p.def(*d).params.is_empty()).map_or(alias.expr, |d| p.def(d).body);
            match p.expr(body) {
                Expr::Record(fields) => {
                    let ks: Vec<&str> = fields.iter().map(|(k, _)| k.as_str()).collect();
                    let vs = fields.iter().map(|(_, x)| g.ex(*x, &env)).collect::<G<Vec<_>>>()?;
                    quote! { Some(vec![#((#ks.to_string(), (|| -> R<Value> { Ok(#vs) })().ok()?)),*]) }
                }
                _ => {
                    let v = g.ex(alias.expr, &env)?;
                    quote! {
                        match (|| -> R<Value> { Ok(#v) })().ok()? {
                            Value::Record(fields) => Some(fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()),
                            _ => None,
                        }
                    }
                }
            }
        }
    };
    let has_properties = !m.properties.is_empty();
    let live = crate::liveness::generate(&mut g)?;
    let (live_items, eval_state, eval_step, eval_enabled) =
        (live.items, live.eval_state, live.eval_step, live.eval_enabled);
    let mut action_prop_infos = Vec::new();
    let mut action_prop_checks = Vec::new();
    for n in &m.properties {
        let Some(preds) = crate::liveness::action_property(p, n.expr) else { continue };
        let k = action_prop_infos.len();
        let mut checks = Vec::new();
        for e in preds {
            checks.push(g.bo(e, &env)?);
        }
        action_prop_infos.push(n);
        action_prop_checks.push(
            quote! { if !(|| -> R<bool> { Ok(true #(&& #checks)*) })().map_err(model_error)? { return Ok(Some(#k)); } },
        );
    }
    g.emit_defs()?;

    // Reports: properties, warnings, sources, locations.
    let info = |n: &Named| {
        let span = n.def.map_or(p.span(n.expr), |d| p.def(d).span);
        let (name, loc, text) = (&n.name, location(sources, span), sources.text(p.span(n.expr)));
        quote! { PropertyInfo { name: #name.to_string(), location: #loc, expression: #text.to_string() } }
    };
    let invariant_infos: Vec<TokenStream> = m.invariants.iter().map(info).collect();
    let property_infos: Vec<TokenStream> = m.properties.iter().map(info).collect();
    let action_property_infos: Vec<TokenStream> = action_prop_infos.iter().map(|n| info(n)).collect();
    let prop_names: Vec<&str> = m.properties.iter().map(|n| n.name.as_str()).collect();
    let assumption_infos: Vec<TokenStream> = m.assumptions.iter().map(info).collect();
    let post_info = match &m.postcondition {
        Some(post) => {
            let span = post.def.map_or(p.span(post.expr), |d| p.span(p.def(d).body));
            let (name, loc, text) = (&post.name, location(sources, span), sources.text(p.span(post.expr)));
            quote! { Some(PropertyInfo { name: #name.to_string(), location: #loc, expression: #text.to_string() }) }
        }
        None => quote! { None },
    };
    let constant_invariants: Vec<usize> = m
        .invariants
        .iter()
        .enumerate()
        .filter(|(_, n)| n.def.is_some_and(|d| p.def(d).params.is_empty() && g.cst.defs[def_index(d)]))
        .map(|(k, _)| k)
        .collect();
    let symmetry_warning = match (&m.symmetry, m.properties.is_empty()) {
        (Some(sym), false) => {
            let span = sym.def.map_or(p.span(sym.expr), |d| p.def(d).span);
            let loc = location(sources, span);
            let msg = format!("Run the PROPERTY check with a cfg that has no SYMMETRY {}", sym.name);
            quote! {
                notes.push(Note {
                    code: "TLC_LIVENESS_SYMMETRY".into(),
                    message: "Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss violations of the stated liveness properties. Please check liveness without symmetry defined.".into(),
                    location: #loc,
                    suggestion: Some(serde_json::json!({ "action": "check_liveness_without_symmetry", "message": #msg })),
                });
            }
        }
        _ => TokenStream::new(),
    };
    let module = &p.module;
    let init_name = opt_str(m.init.as_ref().map(|n| n.name.as_str()));
    let next_name = opt_str(m.next.as_ref().map(|n| n.name.as_str()));
    let inv_names: Vec<&str> = m.invariants.iter().map(|n| n.name.as_str()).collect();
    let deadlock = match m.check_deadlock {
        Some(b) => quote! { Some(#b) },
        None => quote! { None },
    };
    let var_names: Vec<&str> = p.vars.iter().map(|v| v.name.as_str()).collect();
    let files: Vec<TokenStream> = sources
        .files
        .iter()
        .map(|f| {
            let (a, b) = (&f.path, &f.name);
            quote! { (#a, #b) }
        })
        .collect();
    let texts: Vec<TokenStream> = sources
        .files
        .iter()
        .map(|f| {
            let (a, b) = (&f.path, &f.text);
            quote! { (#a, #b) }
        })
        .collect();
    let mut spans = Vec::new();
    for (id, _) in p.exprs.iter() {
        let span = p.span(id);
        if span.is_none() || span.file.0 as usize >= sources.files.len() {
            continue;
        }
        let l = sources.location(span);
        let (i, f, a, b, c, d) = (expr_index(id), span.file.0, l.line, l.column, l.end_line, l.end_column);
        spans.push(quote! { (#i, #f, #a, #b, #c, #d) });
    }
    let builtins: Vec<TokenStream> = p
        .builtins
        .iter()
        .map(|b| {
            let (m, n) = (&b.module, &b.name);
            quote! { tla2_runtime::ops::lookup(#m, #n) }
        })
        .collect();
    let items = std::mem::take(&mut g.items);
    let fingerprint_of = match has_view {
        // The VIEW sees the worker's snapshot: the engine set its level to the state's.
        true => quote! { {
            let cx = Cx::new(st, &worker.data, VARS);
            match view(&cx) {
                Ok(v) => fingerprint_values(std::slice::from_ref(&v)),
                Err(_) => fingerprint_values(st),
            }
        } },
        false => quote! { fingerprint_values(st) },
    };
    // Without a VIEW the orbit's fingerprint needs no representative (`runtime::symmetry`).
    let symmetric_fingerprint = match has_view {
        true => quote! { { canon = s.canonical(state); &canon } },
        false => quote! { return s.fingerprint(state) },
    };
    let symmetry_eval = match has_symmetry {
        true => quote! { self.eval_constant(&EngineSnapshot::default(), |cx| symmetry_set(cx)) },
        false => quote! { return None },
    };
    let post_eval = match has_post {
        true => quote! { self.eval_constant(snapshot, |cx| postcondition(cx))? },
        false => quote! { return Ok(None) },
    };
    let mode = if typed { "typed mode: `typed::Spec` over this dynamic model" } else { "dynamic mode" };
    let header = format!(" Checker for module {}, generated by tla2 codegen ({mode}).", p.module);

    let tokens = quote! {
        #![doc = #header]
        #![allow(unused, unreachable_code, non_snake_case, non_upper_case_globals, clippy::all)]
        use std::cell::RefCell;
        use tla2_runtime::checker::{SpecInfo, SpecModel, TemporalOutcome};
        use tla2_runtime::compiled::*;
        use tla2_runtime::liveness::{check_liveness, Fairness, FairnessConstraint, FairnessKind as LiveFairnessKind, Formula, LiveProperty, LivenessError, LivenessModel, LivenessOptions, LivenessResult, LivenessVerdict};
        use tla2_runtime::model::{ActionId, ActionInfo, EngineSnapshot, Model, ModelError, PropertyInfo, SourceLocation};
        use tla2_runtime::ops::{Arg, BuiltinFn};
        use tla2_runtime::report::json::Note;
        use tla2_runtime::tri;
        use tla2_runtime::value::{fingerprint_values, EvalError, EvalErrorKind, Value};
        use tla2_runtime::worker::{PrintSink, WorkerData};

        static VARS: &[&str] = &[#(#var_names),*];
        static LOCS: Locations = Locations { files: &[#(#files),*], spans: &[#(#spans),*] };
        static SOURCES: &[(&str, &str)] = &[#(#texts),*];
        static BUILTINS: std::sync::LazyLock<Vec<Option<BuiltinFn>>> = std::sync::LazyLock::new(|| vec![#(#builtins),*]);

        fn model_error(e: EvalError) -> ModelError {
            let loc = e.location.and_then(|i| LOCS.of_expr(i));
            ModelError::new(e, loc)
        }

        /// The initial predicate.
        fn init(cx: &Cx<'_>, k: &dyn Fn() -> R<()>) -> R<()> { #init_body }

        /// The actions of Next with their bound values, in TLC's order.
        fn split_actions(cx: &Cx<'_>) -> Vec<(usize, Vec<Value>)> {
            let mut out: Vec<(usize, Vec<Value>)> = Vec::new();
            #split_body
            out
        }

        fn leaf_infos() -> Vec<(&'static str, Option<SourceLocation>, &'static str)> {
            vec![#(#leaf_infos),*]
        }

        fn run_action(leaf: usize, cx: &Cx<'_>, env: &[Value], k: &dyn Fn() -> R<()>) -> R<()> {
            match leaf {
                #(#dispatch)*
                _ => Ok(()),
            }
        }

        #(#leaf_fns)*
        #trace_items
        #(#inv_fns)*
        #(#con_fns)*
        #(#act_fns)*
        #(#misc)*
        #(#items)*

        #live_items

        fn alias_record(cx: &Cx<'_>) -> Option<Vec<(String, Value)>> { #alias_body }

        /// The model: `runtime::Model` and `runtime::checker::SpecModel`.
        pub struct Spec {
            vars: Vec<String>,
            split: Vec<(usize, Vec<Value>)>,
            actions: Vec<ActionInfo>,
            incomplete: Vec<&'static str>,
            invariants: Vec<PropertyInfo>,
            action_properties: Vec<PropertyInfo>,
            live_atoms: std::sync::OnceLock<LiveAtoms>,
            assumptions: Vec<PropertyInfo>,
            symmetry: Option<Symmetry>,
            sink: PrintSink,
            tlc_config: Option<Value>,
        }

        pub struct Worker {
            data: RefCell<WorkerData>,
        }

        impl Spec {
            pub fn new() -> Spec {
                let worker = RefCell::new(WorkerData::default());
                let cx = Cx::new(&[], &worker, VARS);
                let split = split_actions(&cx);
                let infos = leaf_infos();
                let actions = split.iter().map(|(l, _)| ActionInfo { name: infos[*l].0.to_string(), location: infos[*l].1.clone() }).collect();
                let incomplete = split.iter().map(|(l, _)| infos[*l].2).collect();
                let mut spec = Spec {
                    vars: VARS.iter().map(|v| v.to_string()).collect(),
                    split,
                    actions,
                    incomplete,
                    invariants: vec![#(#invariant_infos),*],
                    action_properties: vec![#(#action_property_infos),*],
                    live_atoms: std::sync::OnceLock::new(),
                    assumptions: vec![#(#assumption_infos),*],
                    symmetry: None,
                    sink: PrintSink::Stdout,
                    tlc_config: None,
                };
                spec.symmetry = spec.build_symmetry();
                spec
            }

            fn build_symmetry(&self) -> Option<Symmetry> {
                let set: Result<Value, ModelError> = #symmetry_eval;
                match set.and_then(|v| Symmetry::new(&v).map_err(model_error)) {
                    Ok(s) => Some(s),
                    Err(e) => {
                        eprintln!("The SYMMETRY set could not be evaluated: {}", e.error);
                        std::process::exit(tla2_runtime::report::exit_code::ERROR_CONFIG_PARSE);
                    }
                }
            }

            fn worker_data(&self, index: usize) -> WorkerData {
                let mut data = WorkerData::new(index, self.sink.clone());
                data.config = self.tlc_config.clone();
                data
            }

            fn eval_constant<T>(&self, snapshot: &EngineSnapshot, f: impl FnOnce(&Cx<'_>) -> R<T>) -> Result<T, ModelError> {
                let worker = RefCell::new(self.worker_data(0));
                worker.borrow_mut().snapshot = snapshot.clone();
                let cx = Cx::new(&[], &worker, VARS);
                f(&cx).map_err(model_error)
            }

            fn predicates(&self, cx: &Cx<'_>, list: &[fn(&Cx<'_>) -> R<bool>]) -> Result<Option<usize>, ModelError> {
                for (i, f) in list.iter().enumerate() {
                    if !f(cx).map_err(model_error)? {
                        return Ok(Some(i));
                    }
                }
                Ok(None)
            }
        }

        impl Model for Spec {
            type State = Box<[Value]>;
            type Worker = Worker;

            fn new_worker(&self, index: usize) -> Worker {
                Worker { data: RefCell::new(self.worker_data(index)) }
            }
            fn set_snapshot(&self, worker: &mut Worker, snapshot: &EngineSnapshot) {
                worker.data.get_mut().snapshot = snapshot.clone();
            }
            fn variables(&self) -> &[String] { &self.vars }
            fn actions(&self) -> &[ActionInfo] { &self.actions }
            fn invariants(&self) -> &[PropertyInfo] { &self.invariants }

            fn init_states(&self, worker: &mut Worker, emit: &mut dyn FnMut(Self::State)) -> Result<(), ModelError> {
                if !#has_init { return Ok(()); }
                let cx = Cx::for_init(&worker.data, VARS);
                let emit = RefCell::new(emit);
                let k = || -> R<()> {
                    let st = cx.complete("The initial predicate does not specify every variable.")?;
                    (emit.borrow_mut())(st);
                    Ok(())
                };
                init(&cx, &k).map_err(model_error)
            }

            fn next_states(&self, worker: &mut Worker, state: &Self::State, emit: &mut dyn FnMut(ActionId, Self::State)) -> Result<(), ModelError> {
                let cx = Cx::new(state, &worker.data, VARS);
                let emit = RefCell::new(emit);
                for (i, (leaf, env)) in self.split.iter().enumerate() {
                    let what = self.incomplete[i];
                    let k = || -> R<()> {
                        let st = cx.complete(what)?;
                        (emit.borrow_mut())(i as ActionId, st);
                        Ok(())
                    };
                    if let Err(e) = run_action(*leaf, &cx, env, &k) {
                        let mut me = model_error(e);
                        if me.location.is_none() {
                            me.location = self.actions[i].location.clone();
                        }
                        return Err(me);
                    }
                }
                Ok(())
            }

            fn check_invariants(&self, worker: &mut Worker, state: &Self::State) -> Result<Option<usize>, ModelError> {
                let cx = Cx::new(state, &worker.data, VARS);
                self.predicates(&cx, &[#(#inv_ids),*])
            }
            fn satisfies_constraints(&self, worker: &mut Worker, state: &Self::State) -> Result<bool, ModelError> {
                let cx = Cx::new(state, &worker.data, VARS);
                Ok(self.predicates(&cx, &[#(#con_ids),*])?.is_none())
            }
            fn satisfies_action_constraints(&self, worker: &mut Worker, from: &Self::State, to: &Self::State) -> Result<bool, ModelError> {
                let _level = tla2_runtime::worker::StepLevel::enter(&worker.data);
                let cx = Cx::for_step(from, to, &worker.data, VARS);
                Ok(self.predicates(&cx, &[#(#act_ids),*])?.is_none())
            }

            fn fingerprint(&self, worker: &mut Worker, state: &Self::State) -> u64 {
                let canon: Vec<Value>;
                let st: &[Value] = match &self.symmetry {
                    Some(s) => #symmetric_fingerprint,
                    None => state,
                };
                let fp = #fingerprint_of;
                fp.max(1)
            }

            fn state_values(&self, state: &Self::State) -> Vec<Value> {
                state.to_vec()
            }

            fn action_properties(&self) -> &[PropertyInfo] { &self.action_properties }
            fn check_action_properties(&self, worker: &mut Worker, from: &Self::State, to: &Self::State) -> Result<Option<usize>, ModelError> {
                let _level = tla2_runtime::worker::StepLevel::enter(&worker.data);
                let step = Cx::for_step(from, to, &worker.data, VARS);
                let cx = &step;
                #(#action_prop_checks)*
                Ok(None)
            }
        }

        impl LivenessModel for Spec {
            fn eval_state_atom(&self, w: &mut Worker, atom: u32, s: &Self::State) -> Result<bool, ModelError> { #eval_state }
            fn eval_action_atom(&self, w: &mut Worker, atom: u32, s: &Self::State, t: &Self::State) -> Result<bool, ModelError> { #eval_step }
            fn eval_enabled(&self, w: &mut Worker, atom: u32, s: &Self::State) -> Result<bool, ModelError> { #eval_enabled }
            fn fingerprint_merges_states(&self) -> bool { #has_view || #has_symmetry }
        }

        impl Spec {
            /// `ENABLED <<A>>_v`: some successor under `A` changes `v`.
            fn enabled_atom(
                &self,
                w: &mut Worker,
                s: &Box<[Value]>,
                env: &[Value],
                walk: fn(&Cx<'_>, &[Value], &dyn Fn() -> R<()>) -> R<()>,
                changes: fn(&Cx<'_>, &[Value]) -> R<bool>,
                action: fn(&Cx<'_>, &[Value]) -> R<bool>,
            ) -> Result<bool, ModelError> {
                let found = std::cell::Cell::new(false);
                let failure: RefCell<Option<ModelError>> = RefCell::new(None);
                let r = {
                    let cx = Cx::new(s, &w.data, VARS);
                    let k = || -> R<()> {
                        // A variable the action leaves unassigned keeps its current value.
                        let t: Vec<Value> = cx.next.borrow().iter().zip(s.iter()).map(|(n, c)| n.clone().unwrap_or_else(|| c.clone())).collect();
                        let cx2 = Cx::for_step(s, &t, &w.data, VARS);
                        match changes(&cx2, env) {
                            Ok(true) => found.set(true),
                            Ok(false) => {}
                            Err(e) => *failure.borrow_mut() = Some(model_error(e)),
                        }
                        if found.get() || failure.borrow().is_some() { cx.stop(); }
                        Ok(())
                    };
                    walk(&cx, env, &k)
                };
                if let Some(e) = failure.into_inner() { return Err(e); }
                match r {
                    Ok(()) => Ok(found.get()),
                    Err(e) if e.kind == EvalErrorKind::UnassignedVariable => {
                        let mut succs = Vec::new();
                        self.next_states(w, s, &mut |_, t| succs.push(t))?;
                        for t in succs {
                            let cx = Cx::for_step(s, &t, &w.data, VARS);
                            if action(&cx, env).map_err(model_error)? && changes(&cx, env).map_err(model_error)? { return Ok(true); }
                        }
                        Ok(false)
                    }
                    Err(e) => Err(model_error(e)),
                }
            }
        }

        impl SpecModel for Spec {
            fn spec_info(&self) -> SpecInfo {
                SpecInfo {
                    module: #module.to_string(),
                    init: #init_name,
                    next: #next_name,
                    invariants: vec![#(#inv_names.to_string()),*],
                    properties: vec![#(#prop_names.to_string()),*],
                }
            }
            fn constants(&self) -> Vec<(String, Option<Value>)> {
                let fs: Vec<fn(&Cx<'_>) -> R<Value>> = vec![#(#const_ids),*];
                let names: &[&str] = &[#(#const_names),*];
                names.iter().zip(fs).map(|(n, f)| (n.to_string(), self.eval_constant(&EngineSnapshot::default(), f).ok())).collect()
            }
            fn sources(&self) -> Vec<(String, String)> {
                SOURCES.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
            }
            fn warnings(&self) -> Vec<Note> {
                let mut notes: Vec<Note> = Vec::new();
                #symmetry_warning
                let constant: &[usize] = &[#(#constant_invariants),*];
                notes.extend(constant.iter().map(|&k| {
                    let name = &self.invariants[k].name;
                    Note {
                        code: "TLC_INVARIANT_CONSTANT".into(),
                        message: format!("Invariant '{}' is a constant expression", name),
                        location: self.invariants[k].location.clone(),
                        suggestion: Some(serde_json::json!({
                            "action": "use_assume",
                            "message": "Use ASSUME instead of INVARIANT for constant expressions",
                            "example": format!("In the .tla file: ASSUME {}\nIn the .cfg file: remove INVARIANT {}", name, name),
                        })),
                    }
                }));
                notes
            }
            fn cfg_check_deadlock(&self) -> Option<bool> { #deadlock }
            fn set_tlc_config(&mut self, config: Value) { self.tlc_config = Some(config); }
            fn set_print_sink(&mut self, sink: PrintSink) { self.sink = sink; }
            fn assumptions(&self) -> &[PropertyInfo] { &self.assumptions }
            fn check_assumptions(&self) -> Result<Option<usize>, ModelError> {
                let fs: Vec<fn(&Cx<'_>) -> R<Value>> = vec![#(#assume_ids),*];
                let names: &[&str] = &[#(#assume_names),*];
                // One worker for all: TLCSet registers set by an ASSUME are seen by the next.
                let worker = RefCell::new(self.worker_data(0));
                let cx = Cx::new(&[], &worker, VARS);
                for (i, f) in fs.into_iter().enumerate() {
                    match f(&cx).map_err(model_error)? {
                        Value::Bool(true) => {}
                        Value::Bool(false) => return Ok(Some(i)),
                        v => return Err(model_error(EvalError::type_mismatch(format!("The assumption {} is not a boolean: {}", names[i], v)))),
                    }
                }
                Ok(None)
            }
            fn postcondition(&self) -> Option<PropertyInfo> { #post_info }
            fn check_postcondition(&self, snapshot: &EngineSnapshot) -> Result<Option<bool>, ModelError> {
                let post: Value = #post_eval;
                match post {
                    Value::Bool(b) => Ok(Some(b)),
                    v => Err(model_error(EvalError::type_mismatch(format!("The POSTCONDITION is not a boolean: {}", v)))),
                }
            }
            #trace_methods
            fn has_alias(&self) -> bool { #has_alias }
            fn alias_values(&self, values: &[Value]) -> Option<Vec<(String, Value)>> {
                let worker = RefCell::new(self.worker_data(0));
                let cx = Cx::new(values, &worker, VARS);
                alias_record(&cx)
            }
            fn has_temporal_properties(&self) -> bool { #has_properties }
            fn check_temporal_properties(&self, opts: &LivenessOptions) -> TemporalOutcome<Self::State> {
                self.check_live(|live, fairness| check_liveness(self, live, fairness, opts))
            }
            fn check_temporal_on_trace(&self, behaviour: &[(Option<ActionId>, Self::State)]) -> TemporalOutcome<Self::State> {
                self.check_live(|live, fairness| tla2_runtime::liveness::check_liveness_on_trace(self, live, fairness, behaviour))
            }
        }

        impl Spec {
            /// The PROPERTYs and fairness as formulas over this model's atoms (built once; the
            /// atoms' bound values are kept), checked by `check`.
            fn check_live(
                &self,
                check: impl FnOnce(&[LiveProperty], &Fairness) -> LivenessResult<Box<[Value]>>,
            ) -> TemporalOutcome<Box<[Value]>> {
                let properties = vec![#(#property_infos),*];
                let worker = RefCell::new(WorkerData::default());
                let cx = Cx::new(&[], &worker, VARS);
                let mut atoms = LiveAtoms::default();
                let spec = live_spec(&cx, &mut atoms);
                let _ = self.live_atoms.set(atoms);
                match spec {
                    Ok((live, fairness)) => TemporalOutcome { properties, result: check(&live, &fairness) },
                    Err((property, message)) => TemporalOutcome {
                        properties,
                        result: LivenessResult { verdict: Err(LivenessError::Unsupported { property, message }), stats: Default::default() },
                    },
                }
            }
        }
    };
    Ok((tokens, leaves))
}

fn opt_str(s: Option<&str>) -> TokenStream {
    match s {
        Some(s) => quote! { Some(#s.to_string()) },
        None => quote! { None },
    }
}
