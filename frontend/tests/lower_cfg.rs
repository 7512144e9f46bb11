//! Binding the cfg: constants, substitutions, model names and the SPECIFICATION formula.

mod lower_common;

use expect_test::expect;
use lower_common::*;
use tla2_frontend::ast::{ExprKind, Fairness};
use tla2_frontend::cfg::Config;
use tla2_frontend::lower::{dump::dump, lower};

/// `VARIABLE x`, `CONSTANT N`, Init/Next/Inv/Spec over them.
fn counter_spec(extra: Vec<tla2_frontend::ast::Unit>) -> tla2_frontend::loader::LoadedSpec {
    let mut units = vec![
        constants(&[("N", 0)]),
        variables(&["x"]),
        opdef("Init", &[], bin("=", name("x"), num("0"))),
        opdef("Next", &[], bin("=", prime(name("x")), bin("+", name("x"), num("1")))),
        opdef("Inv", &[], bin("\\in", name("x"), bin("..", num("0"), name("N")))),
        opdef("Step", &[("k", 0)], bin("=", prime(name("x")), name("k"))),
    ];
    units.extend(extra);
    spec(vec![module("Root", &["Naturals"], units), naturals()])
}

/// Adds `N = 3` and, unless the cfg names a SPECIFICATION, `INIT Init` / `NEXT Next`.
fn with_n(mut c: Config) -> Config {
    c.constants.insert(0, cfg_int("N", 3));
    if c.specification.is_none() {
        c.init = c.init.or(Some(id("Init")));
        c.next = c.next.or(Some(id("Next")));
    }
    c
}

#[test]
fn init_next_and_invariants_resolve_to_root_definitions() {
    let c = Config { init: Some(id("Init")), next: Some(id("Next")), invariants: vec![id("Inv")], ..with_n(config()) };
    let (p, d) = lower(&counter_spec(vec![]), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let out = dump(&p);
    let model: Vec<&str> = out.lines().filter(|l| l.starts_with(char::is_uppercase) && l.contains(": ")).collect();
    expect![[r#"
        INIT: Init := Init
        NEXT: Next := Next
        INVARIANT: Inv := Inv"#]]
    .assert_eq(&model.join("\n"));
    assert!(out.contains("N == 3\n"), "{out}");
}

#[test]
fn an_unassigned_constant_is_reported_even_when_unused() {
    let c = Config { init: Some(id("Init")), next: Some(id("Next")), ..config() };
    let (_, d) = lower(&counter_spec(vec![]), Some(&c));
    assert_eq!(codes(&d), vec!["CFG_MISSING_CONSTANT_VALUE"]);
}

#[test]
fn an_unknown_cfg_name_suggests_the_closest_definition() {
    let c = Config { init: Some(id("Init")), next: Some(id("Nxt")), ..with_n(config()) };
    let (_, d) = lower(&counter_spec(vec![]), Some(&c));
    assert_eq!(codes(&d), vec!["CFG_UNKNOWN_NAME"]);
    assert_eq!(d[0].suggestion.as_ref().map(|s| s.message.as_str()), Some("did you mean `Next`?"));
}

#[test]
fn a_cfg_name_with_parameters_is_a_wrong_arity() {
    let c = Config { init: Some(id("Init")), next: Some(id("Step")), ..with_n(config()) };
    let (_, d) = lower(&counter_spec(vec![]), Some(&c));
    assert_eq!(codes(&d), vec!["CFG_WRONG_ARITY"]);
}

#[test]
fn model_value_sets_and_substitutions_bind_constants() {
    let units = vec![
        constants(&[("Procs", 0), ("Max", 0)]),
        opdef("MCMax", &[], num("7")),
        opdef("Both", &[], e(ExprKind::Tuple(vec![name("Procs"), name("Max")]))),
    ];
    let c = with_n(Config {
        constants: vec![cfg_model_values("Procs", &["p1", "p2"]), cfg_subst(None, "Max", "MCMax")],
        ..config()
    });
    let (p, d) = lower(&counter_spec(units), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let both = p.def_named("Both").map(|b| tla2_frontend::lower::dump::def_line(&p, b));
    expect![[r#"Some("Both == (tuple Procs MCMax)")"#]].assert_eq(&format!("{both:?}"));
    let procs = p.def_named("Procs").map(|b| tla2_frontend::lower::dump::def_line(&p, b));
    expect![[r#"Some("Procs == (set mv:p1 mv:p2)")"#]].assert_eq(&format!("{procs:?}"));
}

#[test]
fn a_substitution_can_replace_a_standard_definition_everywhere() {
    let units = vec![opdef("MCNat", &[], bin("..", num("0"), num("5"))), opdef("Small", &[], name("Nat"))];
    let c = with_n(Config { constants: vec![cfg_subst(None, "Nat", "MCNat")], ..config() });
    let (p, d) = lower(&counter_spec(units), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let small = p.def_named("Small").map(|b| tla2_frontend::lower::dump::def_line(&p, b));
    expect![[r#"Some("Small == MCNat")"#]].assert_eq(&format!("{small:?}"));
}

#[test]
fn a_module_scoped_substitution_replaces_the_definition_of_that_module() {
    let units = vec![opdef("Two", &[], num("2")), opdef("Uses", &[], name("One"))];
    let mut s = counter_spec(units);
    s.modules[0].ast.extends.push(id("Lib"));
    s.modules.push(tla2_frontend::loader::LoadedModule {
        ast: module("Lib", &[], vec![opdef("One", &[], num("1"))]),
        file: Default::default(),
        origin: tla2_frontend::loader::Origin::SpecDir,
    });
    let c = with_n(Config { constants: vec![cfg_subst(Some("Lib"), "One", "Two")], ..config() });
    let (p, d) = lower(&s, Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let uses = p.def_named("Uses").map(|b| tla2_frontend::lower::dump::def_line(&p, b));
    expect![[r#"Some("Uses == Two")"#]].assert_eq(&format!("{uses:?}"));
}

#[test]
fn a_specification_is_split_into_init_next_and_fairness() {
    let vars = e(ExprKind::Tuple(vec![name("x")]));
    let boxed = app("[]", vec![e(ExprKind::BoxAction { action: Box::new(name("Next")), sub: Box::new(vars.clone()) })]);
    let wf = e(ExprKind::Fairness { kind: Fairness::Weak, sub: Box::new(vars), action: Box::new(name("Next")) });
    let units = vec![opdef("Live", &[], wf), opdef("Spec", &[], app("/\\", vec![name("Init"), boxed, name("Live")]))];
    let c = with_n(Config { specification: Some(id("Spec")), ..config() });
    let (p, d) = lower(&counter_spec(units), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let out = dump(&p);
    let model: Vec<&str> =
        out.lines().filter(|l| ["INIT", "NEXT", "STUTTER", "FAIRNESS"].iter().any(|k| l.starts_with(k))).collect();
    expect![[r#"
        INIT: Init := Init
        NEXT: Next := Next
        STUTTER: (tuple x)
        FAIRNESS: (WF (tuple x) Next)"#]]
    .assert_eq(&model.join("\n"));
}

#[test]
fn an_action_level_conjunct_of_the_specification_is_unsupported() {
    let units = vec![opdef("Spec", &[], app("/\\", vec![name("Init"), name("Next")]))];
    let c = with_n(Config { specification: Some(id("Spec")), ..config() });
    let (_, d) = lower(&counter_spec(units), Some(&c));
    assert_eq!(codes(&d), vec!["CFG_UNSUPPORTED_SPECIFICATION"]);
}

#[test]
fn a_cfg_without_init_for_a_spec_with_variables_is_missing_init() {
    let c = Config { invariants: vec![id("Inv")], constants: vec![cfg_int("N", 3)], ..config() };
    let (_, d) = lower(&counter_spec(vec![]), Some(&c));
    assert_eq!(codes(&d), vec!["CFG_MISSING_INIT", "CFG_MISSING_NEXT"]);
}

#[test]
fn assumptions_of_the_closure_are_collected() {
    let assume = tla2_frontend::ast::Unit::Assume {
        name: None,
        expr: bin("\\in", name("N"), name("Nat")),
        span: Default::default(),
    };
    let c = with_n(config());
    let (p, d) = lower(&counter_spec(vec![assume]), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(p.model.assumptions.len(), 1);
    expect![[r#"(in N Naturals.Nat)"#]].assert_eq(&tla2_frontend::lower::dump::expr(&p, p.model.assumptions[0].expr));
}

#[test]
fn a_module_scoped_substitution_of_a_standard_operator_leaves_other_modules_alone() {
    let units = vec![opdef("Two", &[], num("2")), opdef("Mine", &[], name("Nat")), opdef("Theirs", &[], name("Small"))];
    let mut s = counter_spec(units);
    s.modules[0].ast.extends.push(id("Lib"));
    let mut local_naturals = instance(None, &[], "Naturals", vec![]);
    if let tla2_frontend::ast::Unit::Instance(i) = &mut local_naturals {
        i.local = true;
    }
    s.modules.push(tla2_frontend::loader::LoadedModule {
        ast: module("Lib", &[], vec![local_naturals, opdef("Small", &[], name("Nat"))]),
        file: Default::default(),
        origin: tla2_frontend::loader::Origin::SpecDir,
    });
    let c = with_n(Config { constants: vec![cfg_subst(Some("Lib"), "Nat", "Two")], ..config() });
    let (p, d) = lower(&s, Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let show = |n: &str| p.def_named(n).map(|b| tla2_frontend::lower::dump::def_line(&p, b)).unwrap_or_default();
    expect![[r#"Mine == Naturals.Nat"#]].assert_eq(&show("Mine"));
    expect![[r#"Small == Two"#]].assert_eq(&show("Small"));
}

#[test]
fn a_constant_may_be_substituted_by_a_constant_given_a_value_later() {
    let units = vec![constants(&[("A", 0), ("B", 0)]), opdef("UseA", &[], name("A"))];
    let c = with_n(Config { constants: vec![cfg_subst(None, "A", "B"), cfg_int("B", 4)], ..config() });
    let (p, d) = lower(&counter_spec(units), Some(&c));
    assert!(d.is_empty(), "{d:?}");
    let show = |n: &str| p.def_named(n).map(|b| tla2_frontend::lower::dump::def_line(&p, b)).unwrap_or_default();
    assert_eq!(show("UseA"), "UseA == B");
    assert_eq!(show("B"), "B == 4");
}
