//! `runtime::checker::SpecModel` for the interpreter: the run-level parts of the cfg (ASSUME,
//! POSTCONDITION, ALIAS, PROPERTY, constants) and the model's warnings, for the check driver.

use crate::model::InterpModel;
use serde_json::json;
use tla2_runtime::checker::trace_diag::ActionExplanation;
use tla2_runtime::checker::{SpecInfo, SpecModel, TemporalOutcome};
use tla2_runtime::liveness::LivenessOptions;
use tla2_runtime::model::{ActionId, EngineSnapshot, ModelError, PropertyInfo};
use tla2_runtime::report::json::Note;
use tla2_runtime::value::Value;
use tla2_runtime::worker::PrintSink;

impl SpecModel for InterpModel {
    fn spec_info(&self) -> SpecInfo {
        let p = self.program();
        let m = &p.model;
        SpecInfo {
            module: p.module.clone(),
            init: m.init.as_ref().map(|n| n.name.clone()),
            next: m.next.as_ref().map(|n| n.name.clone()),
            invariants: m.invariants.iter().map(|n| n.name.clone()).collect(),
            properties: m.properties.iter().map(|n| n.name.clone()).collect(),
        }
    }

    fn constants(&self) -> Vec<(String, Option<Value>)> {
        let p = self.program();
        p.model.constants.iter().map(|(name, def)| (name.clone(), self.eval_definition(*def).ok())).collect()
    }

    fn sources(&self) -> Vec<(String, String)> {
        self.shared().sources.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect()
    }

    fn warnings(&self) -> Vec<Note> {
        // Constant invariants and properties are warned about by `tla2_frontend::lint`.
        symmetry_with_liveness(self).into_iter().collect()
    }

    // Trace validation (issue 7): the runtime's `trace_diag` asks for the log and, per
    // candidate action, the first false conjunct.
    fn trace_log(&self) -> Option<Vec<Value>> {
        crate::trace_diag::trace_log(self)
    }

    fn explain_action(&self, action: ActionId, state: &Self::State) -> Option<ActionExplanation> {
        crate::trace_diag::explain_action(self, action as usize, state)
    }

    fn cfg_check_deadlock(&self) -> Option<bool> {
        self.check_deadlock()
    }

    fn set_tlc_config(&mut self, config: Value) {
        InterpModel::set_tlc_config(self, config)
    }

    fn set_print_sink(&mut self, sink: PrintSink) {
        InterpModel::set_print_sink(self, sink)
    }

    fn assumptions(&self) -> &[PropertyInfo] {
        InterpModel::assumptions(self)
    }

    fn check_assumptions(&self) -> Result<Option<usize>, ModelError> {
        InterpModel::check_assumptions(self)
    }

    fn postcondition(&self) -> Option<PropertyInfo> {
        let p = self.program();
        let post = p.model.postcondition.as_ref()?;
        let span = post.def.map_or(p.span(post.expr), |d| p.span(p.def(d).body));
        Some(PropertyInfo {
            name: post.name.clone(),
            location: self.location(span),
            expression: self.shared().sources.text(p.span(post.expr)).to_string(),
        })
    }

    fn check_postcondition(&self, snapshot: &EngineSnapshot) -> Result<Option<bool>, ModelError> {
        InterpModel::check_postcondition(self, snapshot)
    }

    fn has_alias(&self) -> bool {
        self.program().model.alias.is_some()
    }

    fn alias_values(&self, values: &[Value]) -> Option<Vec<(String, Value)>> {
        InterpModel::alias_values(self, values)
    }

    fn has_temporal_properties(&self) -> bool {
        !self.program().model.properties.is_empty()
    }

    fn check_temporal_properties(&self, opts: &LivenessOptions) -> TemporalOutcome<Self::State> {
        let outcome = crate::liveness::check_properties(self, opts);
        TemporalOutcome { properties: outcome.properties, result: outcome.result }
    }

    fn check_temporal_on_trace(&self, behaviour: &[(Option<ActionId>, Self::State)]) -> TemporalOutcome<Self::State> {
        let outcome = crate::liveness::check_properties_on_trace(self, behaviour);
        TemporalOutcome { properties: outcome.properties, result: outcome.result }
    }
}

/// TLC's warning for SYMMETRY together with temporal properties: symmetry reduction can hide
/// liveness violations.
fn symmetry_with_liveness(model: &InterpModel) -> Option<Note> {
    let program = model.program();
    let symmetry = program.model.symmetry.as_ref()?;
    if !program.model.properties.iter().any(|p| tla2_frontend::lint::liveness::has_liveness(program, p.expr)) {
        return None;
    }
    let span = symmetry.def.map_or(program.span(symmetry.expr), |d| program.def(d).span);
    Some(Note {
        code: "TLC_LIVENESS_SYMMETRY".into(),
        message: "Declaring symmetry during liveness checking is dangerous. It might cause TLC to miss \
                  violations of the stated liveness properties. Please check liveness without symmetry defined."
            .into(),
        location: model.location(span),
        suggestion: Some(json!({
            "action": "check_liveness_without_symmetry",
            "message": format!("Run the PROPERTY check with a cfg that has no SYMMETRY {}", symmetry.name),
        })),
    })
}
