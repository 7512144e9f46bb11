//! [`InterpModel`]: the interpreter's implementation of `runtime::Model`, plus what the CLI
//! needs around a run (ASSUME, POSTCONDITION, ALIAS).

use std::cell::RefCell;
use std::sync::Arc;

use tla2_frontend::ir::{ExprId, Named, Program};
use tla2_frontend::{SourceMap, Span};
use tla2_runtime::model::{ActionId, ActionInfo, EngineSnapshot, Model, ModelError, PropertyInfo, SourceLocation};
use tla2_runtime::value::{fingerprint_values, EvalError, EvalErrorKind, Value};

use crate::action::{unassigned_names, Walker};
use crate::actions::{split, SplitAction};
use crate::eval::{Ev, Shared};
use crate::worker::{PrintSink, WorkerData};
use tla2_runtime::symmetry::Symmetry;
use tla2_runtime::worker::StepLevel;

/// Why a model could not be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelBuildError {
    /// Evaluating the SYMMETRY set failed.
    Symmetry(ModelError),
    /// The model uses something the interpreter cannot check correctly yet.
    Unsupported(String),
}

impl std::fmt::Display for ModelBuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelBuildError::Symmetry(e) => write!(f, "The SYMMETRY set could not be evaluated: {}", e.error),
            ModelBuildError::Unsupported(why) => f.write_str(why),
        }
    }
}

/// The interpreter's model of one (spec, cfg) pair.
pub struct InterpModel {
    sh: Arc<Shared>,
    vars: Vec<String>,
    split: Vec<SplitAction>,
    /// Per action, the start of the error for a successor that leaves variables unassigned.
    incomplete: Vec<String>,
    actions: Vec<ActionInfo>,
    invariants: Vec<PropertyInfo>,
    /// `[][A]_v` properties: their infos and step predicates.
    action_props: Vec<PropertyInfo>,
    action_preds: Vec<Vec<ExprId>>,
    assumptions: Vec<PropertyInfo>,
    symmetry: Option<Symmetry>,
    sink: PrintSink,
    /// The `TLCGet("config")` record workers answer with.
    tlc_config: Option<Value>,
}

/// Per-thread scratch of the interpreter.
pub struct InterpWorker {
    pub(crate) data: RefCell<WorkerData>,
}

impl InterpModel {
    /// A model without INIT (a cfg that only checks ASSUMEs) has no initial state, as in TLC.
    pub fn new(program: Program, sources: SourceMap) -> Result<InterpModel, ModelBuildError> {
        let sh = Arc::new(Shared::new(program, sources));
        let mut m = InterpModel {
            vars: sh.prog.vars.iter().map(|v| v.name.clone()).collect(),
            split: Vec::new(),
            incomplete: Vec::new(),
            actions: Vec::new(),
            invariants: Vec::new(),
            action_props: Vec::new(),
            action_preds: Vec::new(),
            assumptions: Vec::new(),
            symmetry: None,
            sink: PrintSink::Stdout,
            tlc_config: None,
            sh,
        };
        m.invariants = m.sh.prog.model.invariants.iter().map(|n| m.property(n)).collect();
        m.assumptions = m.sh.prog.model.assumptions.iter().map(|n| m.property(n)).collect();
        for n in &m.sh.prog.model.properties {
            if let Some(preds) = crate::properties::action_property(&m.sh.prog, n.expr) {
                m.action_props.push(m.property(n));
                m.action_preds.push(preds);
            }
        }
        m.split_actions();
        m.symmetry = m.build_symmetry()?;
        Ok(m)
    }

    /// Fresh per-thread scratch for worker `index`, with this model's print sink and config.
    pub fn worker_data(&self, index: usize) -> WorkerData {
        let mut data = WorkerData::new(index, self.sink.clone());
        data.config = self.tlc_config.clone();
        data
    }

    /// Sets the record `TLCGet("config")` answers with (for workers made after this call).
    pub fn set_tlc_config(&mut self, config: Value) {
        self.tlc_config = Some(config);
    }

    /// Sends `Print` output to `sink` instead of stdout (for workers made after this call).
    pub fn set_print_sink(&mut self, sink: PrintSink) {
        self.sink = sink;
    }

    /// The actions `next_states` walks, indexed like `actions()`.
    pub(crate) fn split_actions_list(&self) -> &[SplitAction] {
        &self.split
    }

    pub fn shared(&self) -> &Arc<Shared> {
        &self.sh
    }

    pub fn program(&self) -> &Program {
        &self.sh.prog
    }

    /// The span as a report location, with the module that contains it.
    pub fn location(&self, span: Span) -> Option<SourceLocation> {
        span_location(&self.sh, span)
    }

    /// An evaluation error with the location of the innermost failing expression.
    pub fn model_error(&self, e: EvalError) -> ModelError {
        let loc = e.location.and_then(|i| self.sh.expr_id(i)).and_then(|id| self.location(self.sh.prog.span(id)));
        ModelError::new(e, loc)
    }

    fn property(&self, n: &Named) -> PropertyInfo {
        let span = n.def.map_or(self.sh.prog.span(n.expr), |d| self.sh.prog.def(d).span);
        PropertyInfo {
            name: n.name.clone(),
            location: self.location(span),
            expression: self.sh.sources.text(self.sh.prog.span(n.expr)).to_string(),
        }
    }

    fn split_actions(&mut self) {
        let Some(next) = self.sh.prog.model.next.clone() else { return };
        let worker = RefCell::new(WorkerData::default());
        let ev = Ev::new(&self.sh, &[], &worker);
        let mut out = Vec::new();
        match next.def {
            Some(d) if self.sh.prog.def(d).params.is_empty() => {
                split(&ev, self.sh.prog.def(d).body, &next.name, &mut out)
            }
            _ => split(&ev, next.expr, &next.name, &mut out),
        }
        self.actions = out
            .iter()
            .map(|a| ActionInfo { name: a.name.clone(), location: self.location(self.sh.prog.span(a.expr)) })
            .collect();
        self.incomplete = out
            .iter()
            .map(|a| {
                format!("Successor state is not completely specified by action {} of the next-state relation.", a.name)
            })
            .collect();
        self.split = out;
    }

    fn build_symmetry(&self) -> Result<Option<Symmetry>, ModelBuildError> {
        let Some(sym) = &self.sh.prog.model.symmetry else { return Ok(None) };
        let v = self.eval_constant(sym.expr, &EngineSnapshot::default()).map_err(ModelBuildError::Symmetry)?;
        Symmetry::new(&v).map(Some).map_err(|e| ModelBuildError::Symmetry(self.model_error(e)))
    }

    fn eval_constant(&self, e: ExprId, snapshot: &EngineSnapshot) -> Result<Value, ModelError> {
        let worker = RefCell::new(self.worker_data(0));
        worker.borrow_mut().snapshot = snapshot.clone();
        Ev::new(&self.sh, &[], &worker).eval(e).map_err(|e| self.model_error(e))
    }

    /// The value of a nullary definition that mentions no variable (a cfg constant's binding),
    /// for reports.
    pub fn eval_definition(&self, def: tla2_frontend::ir::DefId) -> Result<Value, ModelError> {
        self.eval_constant(self.sh.prog.def(def).body, &EngineSnapshot::default())
    }

    /// True if the definition is constant-level (mentions no variable, directly or not), e.g.
    /// an invariant that reports should flag as better written as an ASSUME.
    pub fn is_constant_definition(&self, def: tla2_frontend::ir::DefId) -> bool {
        self.sh.constant.get(crate::analysis::def_index(def)).copied().unwrap_or(false)
    }

    /// The ASSUME expressions, in load order.
    pub fn assumptions(&self) -> &[PropertyInfo] {
        &self.assumptions
    }

    /// The index of the first false assumption (TLC exits with 10), or an evaluation error.
    pub fn check_assumptions(&self) -> Result<Option<usize>, ModelError> {
        // One worker for all: TLCSet registers set by an ASSUME are seen by the next (as in TLC).
        let worker = RefCell::new(self.worker_data(0));
        for (i, a) in self.sh.prog.model.assumptions.iter().enumerate() {
            match Ev::new(&self.sh, &[], &worker).eval(a.expr).map_err(|e| self.model_error(e))? {
                Value::Bool(true) => {}
                Value::Bool(false) => return Ok(Some(i)),
                v => {
                    return Err(self.model_error(EvalError::type_mismatch(format!(
                        "The assumption {} is not a boolean: {v}",
                        a.name
                    ))))
                }
            }
        }
        Ok(None)
    }

    /// The POSTCONDITION's verdict after a run (`None` without one).
    pub fn check_postcondition(&self, snapshot: &EngineSnapshot) -> Result<Option<bool>, ModelError> {
        let Some(post) = &self.sh.prog.model.postcondition else { return Ok(None) };
        match self.eval_constant(post.expr, snapshot)? {
            Value::Bool(b) => Ok(Some(b)),
            v => Err(self.model_error(EvalError::type_mismatch(format!("The POSTCONDITION is not a boolean: {v}")))),
        }
    }

    /// The ALIAS record of a state, fields in source order when the ALIAS is a record literal;
    /// `None` without an ALIAS or when it cannot be evaluated (TLC then prints the state).
    pub fn alias_values(&self, state: &[Value]) -> Option<Vec<(String, Value)>> {
        let alias = self.sh.prog.model.alias.as_ref()?;
        let worker = RefCell::new(self.worker_data(0));
        let ev = Ev::new(&self.sh, state, &worker);
        let p = &self.sh.prog;
        let body = alias.def.filter(|d| p.def(*d).params.is_empty()).map_or(alias.expr, |d| p.def(d).body);
        if let tla2_frontend::ir::Expr::Record(fields) = p.expr(body) {
            return fields.iter().map(|(k, x)| ev.eval(*x).ok().map(|v| (k.clone(), v))).collect();
        }
        match ev.eval(alias.expr).ok()? {
            Value::Record(fields) => Some(fields.iter().map(|(k, v)| (k.to_string(), v.clone())).collect()),
            _ => None,
        }
    }

    /// CHECK_DEADLOCK from the cfg (`None`: the default).
    pub fn check_deadlock(&self) -> Option<bool> {
        self.sh.prog.model.check_deadlock
    }

    fn complete(&self, ev: &Ev<'_>, st: &[Option<Value>], what: &str) -> Result<Box<[Value]>, EvalError> {
        if st.iter().all(|v| v.is_some()) {
            return Ok(st.iter().flatten().cloned().collect());
        }
        let names = unassigned_names(ev, st).join(", ");
        Err(EvalError::new(
            EvalErrorKind::UnassignedVariable,
            format!("{what} The following variable(s) are not assigned: {names}."),
        ))
    }

    fn check_predicates(&self, w: &InterpWorker, list: &[Named], ev: &Ev<'_>) -> Result<Option<usize>, ModelError> {
        let _ = w;
        for (i, n) in list.iter().enumerate() {
            if !ev.eval_bool(n.expr).map_err(|e| self.model_error(e))? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }
}

impl Model for InterpModel {
    type State = Box<[Value]>;
    type Worker = InterpWorker;

    fn new_worker(&self, index: usize) -> InterpWorker {
        InterpWorker { data: RefCell::new(self.worker_data(index)) }
    }

    fn set_snapshot(&self, worker: &mut InterpWorker, snapshot: &EngineSnapshot) {
        worker.data.get_mut().snapshot = snapshot.clone();
    }

    fn take_exit_request(&self, worker: &mut InterpWorker) -> bool {
        std::mem::take(&mut worker.data.get_mut().exit_requested)
    }

    fn variables(&self) -> &[String] {
        &self.vars
    }

    fn actions(&self) -> &[ActionInfo] {
        &self.actions
    }

    fn invariants(&self) -> &[PropertyInfo] {
        &self.invariants
    }

    fn init_states(&self, worker: &mut InterpWorker, emit: &mut dyn FnMut(Self::State)) -> Result<(), ModelError> {
        let Some(init) = &self.sh.prog.model.init else { return Ok(()) };
        let ev = Ev::for_init(&self.sh, &worker.data);
        let mut out = |st: &[Option<Value>]| {
            emit(self.complete(&ev, st, "The initial predicate does not specify every variable.")?);
            Ok(true)
        };
        let r = Walker::new(&ev, &mut out).run(init.expr);
        r.map_err(|e| self.model_error(e))
    }

    fn next_states(
        &self,
        worker: &mut InterpWorker,
        state: &Self::State,
        emit: &mut dyn FnMut(ActionId, Self::State),
    ) -> Result<(), ModelError> {
        let ev = Ev::new(&self.sh, state, &worker.data);
        for (i, a) in self.split.iter().enumerate() {
            ev.push_all(&a.env);
            let mut out = |st: &[Option<Value>]| {
                emit(i as ActionId, self.complete(&ev, st, &self.incomplete[i])?);
                Ok(true)
            };
            let r = Walker::new(&ev, &mut out).run(a.expr);
            ev.truncate(0);
            if let Err(e) = r {
                let mut me = self.model_error(e);
                if me.location.is_none() {
                    me.location = self.actions[i].location.clone();
                }
                return Err(me);
            }
        }
        Ok(())
    }

    fn check_invariants(&self, worker: &mut InterpWorker, state: &Self::State) -> Result<Option<usize>, ModelError> {
        let ev = Ev::new(&self.sh, state, &worker.data);
        self.check_predicates(worker, &self.sh.prog.model.invariants, &ev)
    }

    fn satisfies_constraints(&self, worker: &mut InterpWorker, state: &Self::State) -> Result<bool, ModelError> {
        let ev = Ev::new(&self.sh, state, &worker.data);
        Ok(self.check_predicates(worker, &self.sh.prog.model.constraints, &ev)?.is_none())
    }

    fn satisfies_action_constraints(
        &self,
        worker: &mut InterpWorker,
        from: &Self::State,
        to: &Self::State,
    ) -> Result<bool, ModelError> {
        let _level = StepLevel::enter(&worker.data);
        let ev = Ev::for_step(&self.sh, from, to, &worker.data);
        Ok(self.check_predicates(worker, &self.sh.prog.model.action_constraints, &ev)?.is_none())
    }

    fn action_properties(&self) -> &[PropertyInfo] {
        &self.action_props
    }

    fn check_action_properties(
        &self,
        worker: &mut InterpWorker,
        from: &Self::State,
        to: &Self::State,
    ) -> Result<Option<usize>, ModelError> {
        let _level = StepLevel::enter(&worker.data);
        let ev = Ev::for_step(&self.sh, from, to, &worker.data);
        for (i, preds) in self.action_preds.iter().enumerate() {
            for p in preds {
                if !ev.eval_bool(*p).map_err(|e| self.model_error(e))? {
                    return Ok(Some(i));
                }
            }
        }
        Ok(None)
    }

    fn fingerprint(&self, worker: &mut Self::Worker, state: &Self::State) -> u64 {
        let canon;
        let st: &[Value] = match (&self.symmetry, &self.sh.prog.model.view) {
            (Some(s), None) => return s.fingerprint(state),
            (Some(s), Some(_)) => {
                canon = s.canonical(state);
                &canon
            }
            (None, _) => state,
        };
        let fp = match &self.sh.prog.model.view {
            // A VIEW that fails to evaluate falls back to the whole state: `fingerprint` cannot
            // report errors, and the engine evaluates invariants on the state anyway.
            // The VIEW sees the worker's snapshot: the engine set its level to the state's.
            Some(view) => match Ev::new(&self.sh, st, &worker.data).eval(view.expr) {
                Ok(v) => fingerprint_values(std::slice::from_ref(&v)),
                Err(_) => fingerprint_values(st),
            },
            None => fingerprint_values(st),
        };
        fp.max(1)
    }

    fn state_values(&self, state: &Self::State) -> Vec<Value> {
        state.to_vec()
    }
}

/// The source location of `span` (`None` for a span outside the spec's files).
pub(crate) fn span_location(sh: &Shared, span: Span) -> Option<SourceLocation> {
    if span.is_none() || span.file.0 as usize >= sh.sources.files.len() {
        return None;
    }
    let l = sh.sources.location(span);
    let module = sh.sources.get(span.file).name.clone();
    Some(SourceLocation {
        file: l.file,
        module,
        line: l.line,
        column: l.column,
        end_line: l.end_line,
        end_column: l.end_column,
    })
}
