//! Unit tests of the lints on small specs: which properties have a liveness part, and when each
//! warning fires or stays silent.

use super::liveness::has_liveness;
use crate::cfg::parse::parse_cfg;
use crate::ir::Program;
use crate::loader::{load_text, LoadOptions};
use crate::SourceFile;

const SPEC: &str = r#"---- MODULE Spec ----
EXTENDS Naturals, TLC
CONSTANT N
VARIABLE x
Init == x = 0
Next == x < 3 /\ x' = x + 1
Spec == Init /\ [][Next]_x
FairSpec == Spec /\ WF_x(Next)
Inv == [](x <= 3)
Act == [][x' > x]_x
Ev == <>(x = 3)
Often == []<>(x = 0)
Leads == (x = 1) ~> (x = 3)
AllLeads == \A n \in 1..2 : (x = n) ~> (x = 3)
Both == Inv /\ Ev
Init0 == x = 0
ConstInv == N > 0
Level == TLCGet("level") < 10
===="#;

/// Lowers SPEC with the cfg `cfg` and returns the program and the lint codes.
fn run(cfg: &str) -> (Program, Vec<&'static str>) {
    let mut spec = load_text("Spec", SPEC, &LoadOptions::default());
    let file = spec.sources.add(SourceFile::new("Spec.cfg".into(), "Spec".into(), cfg.into()));
    let (config, ds) = parse_cfg(file, cfg);
    assert!(ds.is_empty(), "{ds:?}");
    let (program, ds) = crate::lower::lower(&spec, Some(&config));
    assert!(!ds.iter().any(|d| d.is_error()), "{ds:?}");
    let codes = super::lint(&program, &spec.sources).iter().map(|d| d.code).collect();
    (program, codes)
}

#[test]
fn only_properties_beyond_invariants_and_action_properties_have_a_liveness_part() {
    let (p, _) = run("CONSTANT N = 1\nSPECIFICATION Spec\nPROPERTY Inv Act Ev Often Leads AllLeads Both Init0\n");
    let live: Vec<(&str, bool)> =
        p.model.properties.iter().map(|n| (n.name.as_str(), has_liveness(&p, n.expr))).collect();
    let expected = [
        ("Inv", false),
        ("Act", false),
        ("Ev", true),
        ("Often", true),
        ("Leads", true),
        ("AllLeads", true),
        ("Both", true),
        ("Init0", false),
    ];
    assert_eq!(live, expected);
}

#[test]
fn liveness_without_fairness_is_warned_about_once_per_liveness_property() {
    let (_, codes) = run("CONSTANT N = 1\nSPECIFICATION Spec\nPROPERTY Inv Ev Leads\n");
    assert_eq!(codes, ["TLA2_LIVENESS_NO_FAIRNESS", "TLA2_LIVENESS_NO_FAIRNESS"]);
    let (_, codes) = run("CONSTANT N = 1\nSPECIFICATION FairSpec\nPROPERTY Inv Ev Leads\n");
    assert!(codes.is_empty(), "{codes:?}");
    let (_, codes) = run("CONSTANT N = 1\nINIT Init\nNEXT Next\nPROPERTY Ev\n");
    assert_eq!(codes, ["TLA2_LIVENESS_NO_FAIRNESS"]);
}

#[test]
fn checks_of_no_variable_are_constant_but_tlcget_is_not() {
    let (_, codes) = run("CONSTANT N = 1\nINIT Init\nNEXT Next\nINVARIANT ConstInv Level Init0\n");
    assert_eq!(codes, ["TLC_INVARIANT_CONSTANT"]);
}
