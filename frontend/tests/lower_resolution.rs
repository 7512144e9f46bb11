//! Name resolution and instance expansion, on hand-built syntax trees.

mod lower_common;

use expect_test::expect;
use lower_common::*;
use tla2_frontend::ast::{ConstDecl, ExprKind, Unit};
use tla2_frontend::lower::{dump::def_line, lower};

fn line(spec: &tla2_frontend::loader::LoadedSpec, def: &str) -> String {
    let (p, d) = lower(spec, None);
    assert!(d.is_empty(), "unexpected diagnostics: {d:?}");
    match p.def_named(def) {
        Some(id) => def_line(&p, id),
        None => format!("no definition {def}"),
    }
}

/// A module with `CONSTANT c`, `VARIABLE x` and `Inc == x' = x + c`.
fn counter() -> tla2_frontend::ast::Module {
    module(
        "Counter",
        &["Naturals"],
        vec![
            constants(&[("c", 0)]),
            variables(&["x"]),
            opdef("Inc", &[], bin("=", prime(name("x")), bin("+", name("x"), name("c")))),
        ],
    )
}

#[test]
fn definitions_are_found_through_a_chain_of_extends() {
    let s = spec(vec![
        module("A", &["B"], vec![opdef("Foo", &[], bin("+", name("Three"), num("1")))]),
        module("B", &["C"], vec![]),
        module("C", &["Naturals"], vec![opdef("Three", &[], num("3"))]),
        naturals(),
    ]);
    expect![[r#"Foo == (Naturals.+ Three 1)"#]].assert_eq(&line(&s, "Foo"));
}

#[test]
fn local_definitions_are_not_exported_by_extends() {
    let s = spec(vec![
        module("A", &["B"], vec![opdef("Foo", &[], name("Hidden"))]),
        module("B", &[], vec![local_def("Hidden", num("1")), opdef("Shown", &[], name("Hidden"))]),
    ]);
    let (_, d) = lower(&s, None);
    assert_eq!(codes(&d), vec!["TLA_SEMANTIC_UNDEFINED_NAME"]);
}

#[test]
fn a_named_instance_substitutes_constants_and_variables() {
    let s = spec(vec![
        module(
            "Root",
            &["Naturals"],
            vec![
                variables(&["y"]),
                instance(Some("I"), &[], "Counter", vec![("c", num("1")), ("x", name("y"))]),
                opdef("Next", &[], path(vec![("I", vec![])], "Inc", vec![])),
            ],
        ),
        counter(),
        naturals(),
    ]);
    expect![[r#"Next == I!Inc"#]].assert_eq(&line(&s, "Next"));
    expect![[r#"I!Inc == (= y' (Naturals.+ y 1))"#]].assert_eq(&line(&s, "I!Inc"));
}

#[test]
fn an_unnamed_instance_substitutes_implicitly_by_same_named_symbols() {
    let s = spec(vec![
        module(
            "Root",
            &["Naturals"],
            vec![
                constants(&[("c", 0)]),
                variables(&["x"]),
                instance(None, &[], "Counter", vec![]),
                opdef("Next", &[], name("Inc")),
            ],
        ),
        counter(),
        naturals(),
    ]);
    expect![[r#"Next == Inc"#]].assert_eq(&line(&s, "Next"));
    expect![[r#"Inc == (= x' (Naturals.+ x c))"#]].assert_eq(&line(&s, "Inc"));
}

#[test]
fn an_instance_without_a_substitution_for_an_absent_name_is_an_error() {
    let s = spec(vec![
        module("Root", &[], vec![variables(&["x"]), instance(Some("I"), &[], "Counter", vec![])]),
        counter(),
        naturals(),
    ]);
    let (_, d) = lower(&s, None);
    assert_eq!(codes(&d), vec!["TLA_SEMANTIC_UNDEFINED_NAME"]);
    assert!(d[0].message.contains("`c`"), "{}", d[0].message);
}

#[test]
fn a_parametrized_instance_puts_its_parameters_first() {
    let s = spec(vec![
        module(
            "Root",
            &["Naturals"],
            vec![
                variables(&["y"]),
                instance(Some("I"), &["p"], "Counter", vec![("c", name("p")), ("x", name("y"))]),
                opdef("Next", &[], path(vec![("I", vec![num("2")])], "Inc", vec![])),
            ],
        ),
        counter(),
        naturals(),
    ]);
    expect![[r#"Next == (I!Inc 2)"#]].assert_eq(&line(&s, "Next"));
    expect!["I!Inc(p#0) == (= y' (Naturals.+ y p#0))"].assert_eq(&line(&s, "I!Inc"));
}

#[test]
fn nested_instance_paths_resolve_through_each_instance() {
    let s = spec(vec![
        module(
            "Root",
            &["Naturals"],
            vec![
                variables(&["z"]),
                instance(Some("I"), &[], "Mid", vec![("w", name("z"))]),
                opdef("Next", &[], path(vec![("I", vec![]), ("J", vec![])], "Inc", vec![])),
            ],
        ),
        module(
            "Mid",
            &[],
            vec![variables(&["w"]), instance(Some("J"), &[], "Counter", vec![("c", num("5")), ("x", name("w"))])],
        ),
        counter(),
        naturals(),
    ]);
    expect![[r#"Next == I!J!Inc"#]].assert_eq(&line(&s, "Next"));
    expect![[r#"I!J!Inc == (= z' (Naturals.+ z 5))"#]].assert_eq(&line(&s, "I!J!Inc"));
}

#[test]
fn modules_without_substituted_names_are_shared_between_instances() {
    let s = spec(vec![
        module(
            "Root",
            &[],
            vec![
                instance(Some("I"), &[], "Lib", vec![]),
                instance(Some("J"), &[], "Lib", vec![]),
                opdef(
                    "Both",
                    &[],
                    bin("=", path(vec![("I", vec![])], "One", vec![]), path(vec![("J", vec![])], "One", vec![])),
                ),
            ],
        ),
        module("Lib", &[], vec![opdef("One", &[], num("1"))]),
    ]);
    expect![[r#"Both == (= One One)"#]].assert_eq(&line(&s, "Both"));
}

#[test]
fn let_definitions_and_quantifiers_get_fresh_locals() {
    let body = e(ExprKind::Let {
        defs: vec![tla2_frontend::ast::LetDef::Op(match opdef("Sq", &[("a", 0)], bin("+", name("a"), name("a"))) {
            Unit::OpDef(d) => d,
            _ => unreachable!(),
        })],
        body: Box::new(exists(&["a"], name("Nat"), bin("=", app("Sq", vec![name("a")]), name("n")))),
    });
    let s = spec(vec![module("Root", &["Naturals"], vec![opdef("P", &[("n", 0)], body)]), naturals()]);
    expect![[r#"P(n#0) == (let [Sq(a#1) == (Naturals.+ a#1 a#1)] (exists [a#2 \in Naturals.Nat] (= (Sq a#2) n#0)))"#]]
        .assert_eq(&line(&s, "P"));
}

#[test]
fn operators_and_lambdas_are_passed_to_higher_order_parameters() {
    let lambda = e(ExprKind::Lambda { params: vec![id("v")], body: Box::new(name("v")) });
    let s = spec(vec![module(
        "Root",
        &[],
        vec![
            opdef("Apply", &[("F", 1), ("v", 0)], app("F", vec![name("v")])),
            opdef("Id", &[("a", 0)], name("a")),
            opdef("UseDef", &[], app("Apply", vec![name("Id"), num("1")])),
            opdef("UseLambda", &[], app("Apply", vec![lambda, num("2")])),
        ],
    )]);
    expect!["Apply(F#0/1, v#1) == (F#0 v#1)"].assert_eq(&line(&s, "Apply"));
    expect![[r#"UseDef == (Apply &Id 1)"#]].assert_eq(&line(&s, "UseDef"));
    expect!["UseLambda == (Apply (lambda (v#3) v#3) 2)"].assert_eq(&line(&s, "UseLambda"));
}

#[test]
fn recursive_definitions_are_marked() {
    let call = app("Fact", vec![bin("-", name("n"), num("1"))]);
    let body = e(ExprKind::If {
        cond: Box::new(bin("=", name("n"), num("0"))),
        then: Box::new(num("1")),
        els: Box::new(call),
    });
    let s = spec(vec![
        module(
            "Root",
            &["Naturals"],
            vec![Unit::Recursive(vec![ConstDecl { name: id("Fact"), arity: 1 }]), opdef("Fact", &[("n", 0)], body)],
        ),
        naturals(),
    ]);
    expect![[r#"Fact(n#0) (recursive) == (if (= n#0 0) 1 (Fact (Naturals.- n#0 1)))"#]].assert_eq(&line(&s, "Fact"));
}

#[test]
fn an_unknown_name_suggests_the_closest_visible_one() {
    let s = spec(vec![module("Root", &[], vec![opdef("Three", &[], num("3")), opdef("Foo", &[], name("Thre"))])]);
    let (_, d) = lower(&s, None);
    assert_eq!(codes(&d), vec!["TLA_SEMANTIC_UNDEFINED_NAME"]);
    let sugg = d[0].suggestion.as_ref().map(|s| s.message.clone()).unwrap_or_default();
    assert_eq!(sugg, "did you mean `Three`?");
}

#[test]
fn an_unknown_standard_operator_suggests_the_module_to_extend() {
    let s = spec(vec![module("Root", &[], vec![opdef("Foo", &[], app("Len", vec![num("3")]))])]);
    let (_, d) = lower(&s, None);
    assert_eq!(codes(&d), vec!["TLA_SEMANTIC_UNDEFINED_NAME"]);
    assert_eq!(d[0].suggestion.as_ref().map(|s| s.action.as_str()), Some("add_extends"));
}

#[test]
fn calling_with_the_wrong_number_of_arguments_is_an_arity_error() {
    let s = spec(vec![module(
        "Root",
        &[],
        vec![opdef("Id", &[("a", 0)], name("a")), opdef("Foo", &[], app("Id", vec![num("1"), num("2")]))],
    )]);
    let (_, d) = lower(&s, None);
    assert_eq!(codes(&d), vec!["TLA_SEMANTIC_ARITY_MISMATCH"]);
}

#[test]
fn conflicting_definitions_are_duplicates_but_one_reached_twice_is_not() {
    let twice = spec(vec![
        module("Root", &["A", "B"], vec![opdef("Foo", &[], name("One"))]),
        module("A", &["Lib"], vec![]),
        module("B", &["Lib"], vec![]),
        module("Lib", &[], vec![opdef("One", &[], num("1"))]),
    ]);
    assert!(lower(&twice, None).1.is_empty());
    let clash = spec(vec![
        module("Root", &["Lib"], vec![opdef("One", &[], num("2"))]),
        module("Lib", &[], vec![opdef("One", &[], num("1"))]),
    ]);
    assert_eq!(codes(&lower(&clash, None).1), vec!["TLA_SEMANTIC_DUPLICATE_DEFINITION"]);
}

#[test]
fn core_set_operators_become_core_builtins_and_products_keep_their_factors() {
    let prod = app("\\X", vec![name("S"), name("S"), name("S")]);
    let s = spec(vec![module(
        "Root",
        &[],
        vec![
            opdef("S", &[], e(ExprKind::SetEnum(vec![num("1")]))),
            opdef("U", &[], bin("\\cup", name("S"), name("BOOLEAN"))),
            opdef("P", &[], prod),
            opdef("Ne", &[], bin("/=", num("1"), num("2"))),
        ],
    )]);
    expect![[r#"U == (Core.\cup S (set FALSE TRUE))"#]].assert_eq(&line(&s, "U"));
    expect![[r#"P == (Core.\X S S S)"#]].assert_eq(&line(&s, "P"));
    expect![[r#"Ne == (not (= 1 2))"#]].assert_eq(&line(&s, "Ne"));
}

#[test]
fn integer_literals_beyond_64_bits_are_reported() {
    let s = spec(vec![module("Root", &[], vec![opdef("Big", &[], num("99999999999999999999"))])]);
    assert_eq!(codes(&lower(&s, None).1), vec!["TLA_SEMANTIC_INTEGER_TOO_LARGE"]);
}

#[test]
fn without_a_cfg_constants_lower_to_unsupported_definitions() {
    let s = spec(vec![module("Root", &[], vec![constants(&[("N", 0)]), opdef("Foo", &[], name("N"))])]);
    expect![[r#"N == (unsupported "constant N has no value")"#]].assert_eq(&line(&s, "N"));
}

#[test]
fn an_instance_inside_let_may_substitute_by_locals() {
    let inst = match instance(Some("C"), &[], "Counter", vec![("c", name("k")), ("x", name("y"))]) {
        Unit::Instance(i) => i,
        _ => unreachable!(),
    };
    let body = e(ExprKind::Let {
        defs: vec![tla2_frontend::ast::LetDef::Instance(inst)],
        body: Box::new(path(vec![("C", vec![])], "Inc", vec![])),
    });
    let s = spec(vec![
        module("Root", &["Naturals"], vec![variables(&["y"]), opdef("Step", &[("k", 0)], body)]),
        counter(),
        naturals(),
    ]);
    let (p, d) = lower(&s, None);
    assert!(d.is_empty(), "{d:?}");
    let step = p.def_named("Step").map(|id| def_line(&p, id)).unwrap_or_default();
    expect![[r#"Step(k#0) == C!Inc"#]].assert_eq(&step);
    let inc = p.defs.iter().find(|(_, d)| d.name == "C!Inc").map(|(id, d)| (d.in_let, def_line(&p, id)));
    expect![[r#"Some((true, "C!Inc == (= y' (Naturals.+ y k#0))"))"#]].assert_eq(&format!("{inc:?}"));
}

#[test]
fn the_summary_lists_the_root_modules_own_declarations() {
    let s = spec(vec![
        module(
            "Root",
            &["Lib"],
            vec![constants(&[("N", 0), ("F", 2)]), variables(&["x"]), opdef("Id", &[("a", 0)], name("a"))],
        ),
        module("Lib", &[], vec![opdef("One", &[], num("1"))]),
    ]);
    let sum = tla2_frontend::lower::summarize(&s);
    let show = |xs: &[tla2_frontend::lower::SummaryItem]| {
        xs.iter().map(|i| format!("{}/{}", i.name, i.arity)).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(sum.name, "Root");
    assert_eq!(show(&sum.constants), "N/0 F/2");
    assert_eq!(show(&sum.variables), "x/0");
    assert_eq!(show(&sum.definitions), "Id/1");
}

#[test]
fn operator_constants_are_substituted_by_names_and_lambdas() {
    let lambda = e(ExprKind::Lambda { params: vec![id("a")], body: Box::new(name("a")) });
    let s = spec(vec![
        module(
            "Root",
            &[],
            vec![
                opdef("G", &[("b", 0)], name("b")),
                instance(Some("I"), &[], "Ops", vec![("F", name("G"))]),
                instance(Some("J"), &[], "Ops", vec![("F", lambda)]),
                opdef(
                    "Both",
                    &[],
                    e(ExprKind::Tuple(vec![
                        path(vec![("I", vec![])], "Use", vec![]),
                        path(vec![("J", vec![])], "Use", vec![]),
                    ])),
                ),
            ],
        ),
        module("Ops", &[], vec![constants(&[("F", 1)]), opdef("Use", &[], app("F", vec![num("1")]))]),
    ]);
    let (p, d) = lower(&s, None);
    assert!(d.is_empty(), "{d:?}");
    let show = |n: &str| p.def_named(n).map(|b| def_line(&p, b)).unwrap_or_default();
    expect!["I!Use == (G 1)"].assert_eq(&show("I!Use"));
    expect!["J!Use == (LAMBDA 1)"].assert_eq(&show("J!Use"));
}

#[test]
fn a_name_brought_again_by_an_unnamed_instance_keeps_its_own_definition() {
    // Apalache annotation modules define `vars` and then `INSTANCE Spec`, which defines it too.
    let s = spec(vec![
        module(
            "Root",
            &[],
            vec![
                variables(&["c"]),
                opdef("vars", &[], e(ExprKind::Tuple(vec![name("c")]))),
                instance(None, &[], "Spec", vec![]),
                opdef("Use", &[], name("vars")),
            ],
        ),
        module(
            "Spec",
            &[],
            vec![variables(&["c"]), opdef("vars", &[], e(ExprKind::Tuple(vec![name("c"), name("c")])))],
        ),
    ]);
    expect![[r#"Use == vars"#]].assert_eq(&line(&s, "Use"));
    expect![[r#"vars == (tuple c)"#]].assert_eq(&line(&s, "vars"));
}
