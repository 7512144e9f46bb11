//! The typed model (`spec::typed::Spec`): a packed `Copy` state, typed action, invariant and
//! constraint functions, and the dynamic `spec::Spec` inside for everything else (Init, the
//! split of Next, metadata, ASSUME, POSTCONDITION, ALIAS) and for any state on which typed code
//! bails out (it then redoes that state dynamically: same successors, same errors).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use tla2_frontend::ir::Named;

use super::expr::{Scope, TBind, TEnv, TGen, G};
use super::types::Ty;
use crate::split::{Leaf, LocalSrc};

pub fn generate(g: &mut TGen<'_>, leaves: &[Leaf]) -> G<TokenStream> {
    let p = g.p;
    let m = &p.model;
    let tys: Vec<Ty> = g.var_tys.iter().map(|t| t.clone().expect("typed before")).collect();
    let fields = g.var_fields.clone();
    let rust_tys: Vec<TokenStream> = tys.iter().map(|t| t.rust()).collect();
    let nvars = p.vars.len() as u64;

    // Conversions and fingerprint.
    let to_values: Vec<TokenStream> = tys.iter().zip(&fields).map(|(t, f)| t.to_value(&quote! { self.#f })).collect();
    let from_values: Vec<TokenStream> = tys
        .iter()
        .zip(&fields)
        .enumerate()
        .map(|(i, (t, f))| {
            let conv = t.from_value(&quote! { &vs[#i] });
            quote! { #f: #conv? }
        })
        .collect();
    let fps: Vec<TokenStream> = tys.iter().zip(&fields).map(|(t, f)| t.fingerprint(&quote! { s.#f })).collect();

    let (strs, mvs) = (g.strs.clone(), g.mvs.clone());

    // Actions.
    let mut leaf_fns = Vec::new();
    let mut dispatch = Vec::new();
    for (n, leaf) in leaves.iter().enumerate() {
        let mut env = TEnv::default();
        let mut binds = Vec::new();
        for (k, (l, src)) in leaf.locals.iter().zip(&leaf.srcs).enumerate() {
            let t = match src {
                LocalSrc::Elem(d) => match g.ex(*d, &env, Scope::state())?.1.elem_of_set() {
                    Some(t) => t,
                    None => {
                        return Err(
                            g.unsupported("an action parameter of a set typed mode does not represent", Some(*d))
                        )
                    }
                },
                LocalSrc::Arg(a) => g.ex(*a, &env, Scope::state())?.1,
                LocalSrc::TupleElem => return Err(g.unsupported("a tuple binder in Next", Some(leaf.expr))),
            };
            let id = format_ident!("l{}", l.0);
            binds.push(match t {
                Ty::Int => quote! { let #id: i64 = env[#k]; },
                Ty::Bool => quote! { let #id: bool = env[#k] != 0; },
                Ty::Enum(_) => quote! { let #id: u16 = env[#k] as u16; },
                _ => return Err(g.unsupported("an action parameter that is not an integer", Some(leaf.expr))),
            });
            env = env.with(*l, TBind::Val(id, t));
        }
        let all = g.all_vars();
        let mut k = |_: &mut TGen<'_>, assigned: u64| -> G<TokenStream> {
            Ok(if assigned == all {
                quote! { out.push((id, n)); }
            } else {
                quote! { return Err(Bail); }
            })
        };
        let body = g.walk(leaf.expr, &env, 0, &mut k)?;
        let fname = format_ident!("action_{}_{}", n, crate::env::sanitize(&leaf.name));
        let l = g.sources.location(p.span(leaf.expr));
        let doc = format!(" `{}` ({}:{}:{})", leaf.name, l.file, l.line, l.column);
        leaf_fns.push(quote! {
            #[doc = #doc]
            fn #fname(s: &State, env: &[i64], id: ActionId, out: &mut Vec<(ActionId, State)>) -> Result<(), Bail> {
                #(#binds)*
                let mut n: State = *s;
                #body
                Ok(())
            }
        });
        dispatch.push(quote! { #n => #fname(s, env, i as ActionId, &mut out), });
    }

    // State and step predicates.
    let preds = |g: &mut TGen<'_>,
                 list: &[Named],
                 prefix: &str,
                 step: bool|
     -> G<(Vec<TokenStream>, Vec<proc_macro2::Ident>)> {
        let mut fns = Vec::new();
        let mut ids = Vec::new();
        for (k, nm) in list.iter().enumerate() {
            let id = format_ident!("{}_{}", prefix, k);
            let sc = if step { Scope { next: Some(g.all_vars()), primed: false } } else { Scope::state() };
            let b = g.bo(nm.expr, &TEnv::default(), sc)?;
            let doc = format!(" `{}`", nm.name);
            fns.push(quote! {
                #[doc = #doc]
                fn #id(s: &State, n: &State) -> Result<bool, Bail> { Ok(#b) }
            });
            ids.push(id);
        }
        Ok((fns, ids))
    };
    let (inv_fns, inv_ids) = preds(g, &m.invariants, "invariant", false)?;
    let (con_fns, con_ids) = preds(g, &m.constraints, "constraint", false)?;
    let (act_fns, act_ids) = preds(g, &m.action_constraints, "action_constraint", true)?;

    Ok(quote! {
        /// Typed mode: the model over packed states.
        pub mod typed {
            use super::*;
            use tla2_runtime::value::Fp;

            /// The universes of strings and model values (enumerations are indexes into them).
            static STRS: &[&str] = &[#(#strs),*];
            static MVS: &[&str] = &[#(#mvs),*];

            /// Typed code met a case it leaves to dynamic mode (an error, most often).
            #[derive(Debug)]
            pub struct Bail;

            /// A state: one native field per variable.
            #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
            pub struct State { #(pub #fields: #rust_tys),* }

            impl State {
                /// The values the interpreter holds for this state.
                pub fn to_values(&self) -> Vec<Value> { vec![#(#to_values),*] }
                /// The state of these values; `None` if they do not have the inferred types.
                pub fn from_values(vs: &[Value]) -> Option<State> {
                    if vs.len() != #nvars as usize { return None; }
                    Some(State { #(#from_values),* })
                }
            }

            fn from_dyn(vs: &[Value]) -> State {
                State::from_values(vs).expect("tla2 typed mode: a state does not have the inferred types (a tla2 bug)")
            }

            #(#leaf_fns)*
            #(#inv_fns)*
            #(#con_fns)*
            #(#act_fns)*

            /// The model: `runtime::Model` and `runtime::checker::SpecModel`.
            pub struct Spec {
                d: super::Spec,
                /// The actions of Next (as the dynamic model splits it) with their bound values.
                split: Vec<(usize, Vec<i64>)>,
            }

            pub struct Worker {
                d: super::Worker,
                buf: Vec<(ActionId, State)>,
            }

            impl Spec {
                pub fn new() -> Spec {
                    let d = super::Spec::new();
                    let split = d.split.iter().map(|(leaf, env)| {
                        let env = env.iter().map(|v| match v {
                            Value::Int(i) => *i,
                            Value::Bool(b) => *b as i64,
                            Value::Str(s) => STRS.iter().position(|x| *x == &**s).expect("a string of the universe") as i64,
                            Value::ModelValue(s) => MVS.iter().position(|x| *x == &**s).expect("a model value of the universe") as i64,
                            v => panic!("tla2 typed mode: an action parameter is {v} (a tla2 bug)"),
                        }).collect();
                        (*leaf, env)
                    }).collect();
                    Spec { d, split }
                }

                fn to_dyn(s: &State) -> Box<[Value]> {
                    s.to_values().into_boxed_slice()
                }

                fn predicates(list: &[fn(&State, &State) -> Result<bool, Bail>], s: &State, n: &State) -> Result<Option<usize>, Bail> {
                    for (i, f) in list.iter().enumerate() {
                        if !f(s, n)? {
                            return Ok(Some(i));
                        }
                    }
                    Ok(None)
                }
            }

            impl Model for Spec {
                type State = State;
                type Worker = Worker;

                fn new_worker(&self, index: usize) -> Worker {
                    Worker { d: self.d.new_worker(index), buf: Vec::new() }
                }
                fn set_snapshot(&self, w: &mut Worker, snapshot: &EngineSnapshot) {
                    self.d.set_snapshot(&mut w.d, snapshot)
                }
                fn variables(&self) -> &[String] { self.d.variables() }
                fn actions(&self) -> &[ActionInfo] { self.d.actions() }
                fn invariants(&self) -> &[PropertyInfo] { self.d.invariants() }

                fn init_states(&self, w: &mut Worker, emit: &mut dyn FnMut(State)) -> Result<(), ModelError> {
                    self.d.init_states(&mut w.d, &mut |t| emit(from_dyn(&t)))
                }

                fn next_states(&self, w: &mut Worker, s: &State, emit: &mut dyn FnMut(ActionId, State)) -> Result<(), ModelError> {
                    let mut out = std::mem::take(&mut w.buf);
                    out.clear();
                    let mut ok = true;
                    for (i, (leaf, env)) in self.split.iter().enumerate() {
                        let r = match *leaf {
                            #(#dispatch)*
                            _ => Ok(()),
                        };
                        if r.is_err() {
                            ok = false;
                            break;
                        }
                    }
                    if ok {
                        for (a, t) in out.drain(..) {
                            emit(a, t);
                        }
                        w.buf = out;
                        return Ok(());
                    }
                    w.buf = out;
                    self.d.next_states(&mut w.d, &Self::to_dyn(s), &mut |a, t| emit(a, from_dyn(&t)))
                }

                fn check_invariants(&self, w: &mut Worker, s: &State) -> Result<Option<usize>, ModelError> {
                    match Self::predicates(&[#(#inv_ids),*], s, s) {
                        Ok(r) => Ok(r),
                        Err(Bail) => self.d.check_invariants(&mut w.d, &Self::to_dyn(s)),
                    }
                }
                fn satisfies_constraints(&self, w: &mut Worker, s: &State) -> Result<bool, ModelError> {
                    match Self::predicates(&[#(#con_ids),*], s, s) {
                        Ok(r) => Ok(r.is_none()),
                        Err(Bail) => self.d.satisfies_constraints(&mut w.d, &Self::to_dyn(s)),
                    }
                }
                fn satisfies_action_constraints(&self, w: &mut Worker, from: &State, to: &State) -> Result<bool, ModelError> {
                    match Self::predicates(&[#(#act_ids),*], from, to) {
                        Ok(r) => Ok(r.is_none()),
                        Err(Bail) => self.d.satisfies_action_constraints(&mut w.d, &Self::to_dyn(from), &Self::to_dyn(to)),
                    }
                }
                fn fingerprint(&self, _w: &mut Worker, s: &State) -> u64 {
                    let mut fp = Fp::new();
                    fp.write_u64(#nvars);
                    #(#fps)*
                    fp.finish()
                }
                fn state_values(&self, s: &State) -> Vec<Value> { s.to_values() }
                fn take_exit_request(&self, w: &mut Worker) -> bool { self.d.take_exit_request(&mut w.d) }
                fn action_properties(&self) -> &[PropertyInfo] { self.d.action_properties() }
                fn check_action_properties(&self, w: &mut Worker, from: &State, to: &State) -> Result<Option<usize>, ModelError> {
                    self.d.check_action_properties(&mut w.d, &Self::to_dyn(from), &Self::to_dyn(to))
                }
            }

            impl SpecModel for Spec {
                fn spec_info(&self) -> SpecInfo { self.d.spec_info() }
                fn constants(&self) -> Vec<(String, Option<Value>)> { self.d.constants() }
                fn sources(&self) -> Vec<(String, String)> { self.d.sources() }
                fn warnings(&self) -> Vec<Note> { self.d.warnings() }
                fn cfg_check_deadlock(&self) -> Option<bool> { self.d.cfg_check_deadlock() }
                fn set_tlc_config(&mut self, config: Value) { self.d.set_tlc_config(config) }
                fn set_print_sink(&mut self, sink: PrintSink) { self.d.set_print_sink(sink) }
                fn assumptions(&self) -> &[PropertyInfo] { self.d.assumptions() }
                fn check_assumptions(&self) -> Result<Option<usize>, ModelError> { self.d.check_assumptions() }
                fn postcondition(&self) -> Option<PropertyInfo> { self.d.postcondition() }
                fn check_postcondition(&self, snapshot: &EngineSnapshot) -> Result<Option<bool>, ModelError> {
                    self.d.check_postcondition(snapshot)
                }
                fn has_alias(&self) -> bool { self.d.has_alias() }
                fn alias_values(&self, values: &[Value]) -> Option<Vec<(String, Value)>> { self.d.alias_values(values) }
                fn has_temporal_properties(&self) -> bool { false }
                fn check_temporal_properties(&self, _opts: &LivenessOptions) -> TemporalOutcome<State> {
                    TemporalOutcome { properties: vec![], result: LivenessResult { verdict: Ok(LivenessVerdict::Holds), stats: Default::default() } }
                }
                fn check_temporal_on_trace(&self, _behaviour: &[(Option<ActionId>, State)]) -> TemporalOutcome<State> {
                    TemporalOutcome { properties: vec![], result: LivenessResult { verdict: Ok(LivenessVerdict::Holds), stats: Default::default() } }
                }
            }
        }
    })
}
