//! Unit tests of typed mode: variable types inferred from Init, and the reasons a spec falls
//! back to dynamic mode.

use tla2_frontend::cfg::parse::parse_cfg;
use tla2_frontend::ir::Program;
use tla2_frontend::loader::{load_text, LoadOptions};
use tla2_frontend::{SourceFile, SourceMap};

use super::expr::TGen;
use super::Ty;
use crate::{generate_mode, CodegenError, Mode, ModeUsed};

fn lower(spec: &str, cfg: &str) -> (Program, SourceMap) {
    let mut loaded = load_text("Spec", spec, &LoadOptions::default());
    let file = loaded.sources.add(SourceFile::new("Spec.cfg".into(), "Spec".into(), cfg.into()));
    let (config, ds) = parse_cfg(file, cfg);
    assert!(ds.is_empty(), "{ds:?}");
    let (program, ds) = tla2_frontend::lower::lower(&loaded, Some(&config));
    assert!(!ds.iter().any(|d| d.is_error()), "{ds:?}");
    (program, loaded.sources)
}

/// The inferred variable types, or the reason inference failed.
fn var_types(spec: &str, cfg: &str) -> Result<Vec<Ty>, CodegenError> {
    let (p, sources) = lower(spec, cfg);
    let mut g = TGen::new(&p, &sources);
    super::infer_vars(&mut g)?;
    Ok(g.var_tys.into_iter().map(|t| t.expect("typed")).collect())
}

/// The mode `tla2 compile` would use, with the fallback reason.
fn mode(spec: &str, cfg: &str) -> ModeUsed {
    let (p, sources) = lower(spec, cfg);
    generate_mode(&p, &sources, Mode::Auto).expect("generates").1
}

const COUNTERS: &str = r#"---- MODULE Spec ----
EXTENDS Naturals
CONSTANTS N, K
VARIABLES c, turn, on
Procs == 1..N
Init == c = [p \in Procs |-> 0] /\ turn \in 1..N /\ on = FALSE
Next == \E p \in Procs : c[p] < K /\ c' = [c EXCEPT ![p] = @ + 1] /\ turn' = p /\ on' = ~on
Inv == \A p \in Procs : c[p] <= K
===="#;

#[test]
fn types_come_from_init() {
    let tys = var_types(COUNTERS, "CONSTANTS N = 3 K = 2\nINIT Init\nNEXT Next\nINVARIANT Inv\n").unwrap();
    assert_eq!(
        tys,
        vec![Ty::Fun { dom: super::Dom::Range { lo: 1, len: 3 }, cod: Box::new(Ty::Int) }, Ty::Int, Ty::Bool]
    );
}

#[test]
fn a_spec_of_integers_and_functions_is_typed() {
    assert_eq!(mode(COUNTERS, "CONSTANTS N = 3 K = 2\nINIT Init\nNEXT Next\nINVARIANT Inv\n"), ModeUsed::Typed);
}

#[test]
fn a_variable_without_a_type_falls_back_with_its_name() {
    let spec =
        "---- MODULE Spec ----\nVARIABLE x, y\nInit == x = 0 /\\ (y = 1 \\/ y = 2)\nNext == x' = x /\\ y' = y\n====";
    let e = var_types(spec, "INIT Init\nNEXT Next\n").unwrap_err();
    assert!(e.to_string().contains("variable y: its type could not be inferred from Init"), "{e}");
    assert!(matches!(mode(spec, "INIT Init\nNEXT Next\n"), ModeUsed::Dynamic { reason: Some(_) }));
}

#[test]
fn an_assignment_of_another_type_falls_back() {
    let spec = "---- MODULE Spec ----\nVARIABLE x\nInit == x = 0\nNext == x' = TRUE\n====";
    match mode(spec, "INIT Init\nNEXT Next\n") {
        ModeUsed::Dynamic { reason: Some(r) } => {
            assert!(r.contains("assigning a Bool to variable x of type Some(Int)"), "{r}")
        }
        m => panic!("{m:?}"),
    }
}

#[test]
fn unsupported_values_and_cfg_parts_fall_back_with_a_location() {
    let spec = "---- MODULE Spec ----\nVARIABLE x\nInit == x = <<1, 2>>\nNext == x' = x\n====";
    match mode(spec, "INIT Init\nNEXT Next\n") {
        ModeUsed::Dynamic { reason: Some(r) } => assert!(r.contains("(Tuple)") && r.contains("Spec.tla:3:13"), "{r}"),
        m => panic!("{m:?}"),
    }
    let cfg = "CONSTANTS N = 3 K = 2\nINIT Init\nNEXT Next\nVIEW Inv\n";
    assert!(matches!(mode(COUNTERS, cfg), ModeUsed::Dynamic { reason: Some(r) } if r.contains("VIEW")));
}

#[test]
fn dynamic_mode_is_used_when_asked_and_typed_mode_errors_when_impossible() {
    let (p, sources) = lower(COUNTERS, "CONSTANTS N = 3 K = 2\nINIT Init\nNEXT Next\n");
    let (_, used) = generate_mode(&p, &sources, Mode::Dynamic).unwrap();
    assert_eq!(used, ModeUsed::Dynamic { reason: None });
    let spec = "---- MODULE Spec ----\nVARIABLE x\nInit == x = {}\nNext == x' = x\n====";
    let (p, sources) = lower(spec, "INIT Init\nNEXT Next\n");
    assert!(generate_mode(&p, &sources, Mode::Typed).is_err());
}

#[test]
fn a_conjunct_of_init_that_may_assign_first_falls_back() {
    let spec = "---- MODULE Spec ----\nVARIABLE x, y\nInit == x = 0 /\\ (y = TRUE \\/ x = 1) /\\ y = 0\nNext == x' = x /\\ y' = y\n====";
    let e = var_types(spec, "INIT Init\nNEXT Next\n").unwrap_err();
    assert!(e.to_string().contains("variable y"), "{e}");
    let ok = "---- MODULE Spec ----\nEXTENDS Naturals\nVARIABLE x, y\nInit == x \\in 1..3 /\\ x > 1 /\\ y = x + 1\nNext == x' = x /\\ y' = y\n====";
    assert_eq!(var_types(ok, "INIT Init\nNEXT Next\n").unwrap(), vec![Ty::Int, Ty::Int]);
}

#[test]
fn strings_and_model_values_are_enumerations() {
    let spec = r#"---- MODULE Spec ----
CONSTANT P
VARIABLES pc, owner, held
Init == pc = [p \in P |-> "idle"] /\ owner \in P /\ held = P \ P
Next == \E p \in P : pc[p] = "idle" /\ pc' = [pc EXCEPT ![p] = "busy"] /\ held' = held \cup {p} /\ owner' = p
===="#;
    let cfg = "CONSTANTS P = {b, a} a = a b = b\nINIT Init\nNEXT Next\n";
    let tys = var_types(spec, cfg).unwrap();
    let elems = vec![0u16, 1];
    assert_eq!(
        tys,
        vec![
            Ty::Fun {
                dom: super::Dom::Enum { kind: super::EnumKind::ModelValue, elems },
                cod: Box::new(Ty::Enum(super::EnumKind::Str))
            },
            Ty::Enum(super::EnumKind::ModelValue),
            Ty::EnumSet(super::EnumKind::ModelValue),
        ]
    );
    assert_eq!(mode(spec, cfg), ModeUsed::Typed);
}

#[test]
fn an_initially_empty_set_takes_the_kind_of_what_it_holds() {
    let spec = r#"---- MODULE Spec ----
VARIABLES held, waiting
Init == held = {} /\ waiting = [p \in {"x", "y"} |-> {}]
Next == \E p \in {"x", "y"} : held' = held \cup {p} /\ waiting' = [waiting EXCEPT ![p] = {"x"}]
===="#;
    assert_eq!(mode(spec, "INIT Init\nNEXT Next\n"), ModeUsed::Typed);
}
