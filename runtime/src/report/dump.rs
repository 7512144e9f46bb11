//! Counterexample files as TLC's `-dumpTrace json FILE` and `-dumpTrace tla FILE` write them.
//!
//! TLC serializes its `CounterExample` value: a record with `action`, the set of steps
//! `<<<<i, s_i>>, action, <<i+1, s_i+1>>>>`, and `state`, the set of `<<i, s_i>>`, where a state
//! is a record of the variables in declaration order and an action is
//! `[name |-> …, location |-> [beginLine |-> …, beginColumn |-> …, endLine |-> …,
//! endColumn |-> …, module |-> …]]`. The files keep TLC's field order, so they are written here
//! rather than through `Value` (whose records are sorted by field name).

use super::TraceStep;
use crate::model::ActionInfo;
use serde_json::Value as Json;
use std::fmt::Write;

/// The JSON file: `{"counterexample": {"action": [...], "state": [...]}, "vars": [...]}`.
pub fn counterexample_json(variables: &[String], trace: &[TraceStep]) -> String {
    let state = |i: usize, step: &TraceStep| {
        let fields: Vec<String> = variables
            .iter()
            .zip(&step.values)
            .map(|(name, value)| format!("{}:{}", Json::String(name.clone()), value.to_plain_json()))
            .collect();
        format!("[{},{{{}}}]", i + 1, fields.join(","))
    };
    let states: Vec<String> = trace.iter().enumerate().map(|(i, s)| state(i, s)).collect();
    let actions: Vec<String> = (1..trace.len())
        .map(|i| format!("[{},{},{}]", states[i - 1], action_json(trace[i].action.as_ref()), states[i]))
        .collect();
    let mut vars: Vec<&String> = variables.iter().collect();
    vars.sort();
    let vars: Vec<String> = vars.into_iter().map(|v| Json::String(v.clone()).to_string()).collect();
    format!(
        "{{\"counterexample\":{{\"action\":[{}],\"state\":[{}]}},\"vars\":[{}]}}",
        actions.join(","),
        states.join(","),
        vars.join(",")
    )
}

fn action_json(action: Option<&ActionInfo>) -> String {
    let Some(action) = action else {
        return "{}".to_string();
    };
    let name = Json::String(action.name.clone());
    match &action.location {
        None => format!("{{\"name\":{name}}}"),
        Some(l) => format!(
            "{{\"name\":{name},\"location\":{{\"beginLine\":{},\"beginColumn\":{},\"endLine\":{},\"endColumn\":{},\"module\":{}}}}}",
            l.line,
            l.column,
            l.end_line,
            l.end_column,
            Json::String(l.module.clone())
        ),
    }
}

/// The TLA+ file: a module named after `file` that defines `CounterExample`.
pub fn counterexample_tla(file: &str, variables: &[String], trace: &[TraceStep]) -> String {
    let state = |i: usize, step: &TraceStep| {
        let fields: Vec<String> =
            variables.iter().zip(&step.values).map(|(name, value)| format!("{name} |-> {value}")).collect();
        format!("<<{}, [{}]>>", i + 1, fields.join(", "))
    };
    let states: Vec<String> = trace.iter().enumerate().map(|(i, s)| state(i, s)).collect();
    let actions: Vec<String> = (1..trace.len())
        .map(|i| format!("<<{}, {}, {}>>", states[i - 1], action_tla(trace[i].action.as_ref()), states[i]))
        .collect();
    let mut out = String::new();
    let _ = write!(
        out,
        "---- MODULE {} ----\nLOCAL INSTANCE TLC\n\nCounterExample == \n\t[action |-> {{{}}}, state |-> {{{}}}]\n\n====",
        tla_module_name(file),
        actions.join(", "),
        states.join(", ")
    );
    out
}

fn action_tla(action: Option<&ActionInfo>) -> String {
    let Some(action) = action else {
        return "[name |-> \"\"]".to_string();
    };
    let name = format!("{:?}", action.name);
    match &action.location {
        None => format!("[name |-> {name}]"),
        Some(l) => format!(
            "[name |-> {name}, location |-> [beginLine |-> {}, beginColumn |-> {}, endLine |-> {}, endColumn |-> {}, module |-> {:?}]]",
            l.line, l.column, l.end_line, l.end_column, l.module
        ),
    }
}

/// TLC names the module after the file name with its first `.tla` removed.
pub fn tla_module_name(file: &str) -> String {
    file.replacen(".tla", "", 1)
}
