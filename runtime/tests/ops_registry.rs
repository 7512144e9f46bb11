//! The registry covers every operator that the embedded library declares `BUILTIN` (the list
//! below mirrors `frontend/library/*.tla`; the frontend's own cross-check test is authoritative).

use tla2_runtime::ops::lookup;

/// Library builtins that need the engine (the state graph, or an unevaluated argument) and so
/// are implemented by the engines, not by the runtime's registry.
const ENGINE_BUILTINS: &[(&str, &str)] = &[
    ("TLCExt", "AssertError"),
    ("TLCExt", "Trace"),
    ("TLCExt", "CounterExample"),
    ("TLCExt", "PickSuccessor"),
    ("TLCExt", "TLCEvalDefinition"),
];

const LIBRARY_BUILTINS: &str = include_str!("data/library_builtins.txt");

#[test]
fn every_library_builtin_has_an_implementation() {
    let mut missing = Vec::new();
    for line in LIBRARY_BUILTINS.lines().filter(|l| !l.is_empty()) {
        let Some((module, name)) = line.split_once('\t') else { continue };
        if lookup(module, name).is_none() && !ENGINE_BUILTINS.contains(&(module, name)) {
            missing.push(format!("{module}!{name}"));
        }
    }
    assert!(missing.is_empty(), "missing builtins: {missing:?}");
}

#[test]
fn core_operators_that_lowering_maps_are_registered() {
    for name in ["\\cup", "\\cap", "\\", "\\subseteq", "SUBSET", "UNION", "DOMAIN", "\\X", "STRING"] {
        assert!(lookup("Core", name).is_some(), "Core!{name}");
    }
}
