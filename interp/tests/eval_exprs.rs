//! Evaluation of each IR construct on values, and run-time errors with their locations.

mod common;

use common::{eval_const, B};
use tla2_frontend::ir::*;
use tla2_runtime::value::{EvalErrorKind, Value};

fn ints(xs: &[i64]) -> Value {
    Value::set(xs.iter().map(|i| Value::Int(*i)).collect())
}

#[test]
fn arithmetic_and_sets_use_the_runtime_builtins() {
    let mut b = B::new();
    let (two, three) = (b.int(2), b.int(3));
    let sum = b.op2("+", two, three);
    let r = b.range(1, 3);
    let s = b.set(vec![two, three]);
    let u = b.op2("\\cup", r, s);
    let sh = b.shared();
    assert_eq!(eval_const(&sh, sum).unwrap(), Value::Int(5));
    assert_eq!(eval_const(&sh, u).unwrap(), ints(&[1, 2, 3]));
}

#[test]
fn quantifiers_choose_filter_and_map_enumerate_in_order() {
    let mut b = B::new();
    let x = b.local("x");
    let dom = b.range(1, 5);
    let xe = b.loc(x);
    let three = b.int(3);
    let gt = b.op2(">", xe, three);
    let ex = b.e(Expr::Exists { bounds: vec![B::single(x, dom)], body: gt });
    let all = b.e(Expr::Forall { bounds: vec![B::single(x, dom)], body: gt });
    let ch = b.e(Expr::Choose { binding: B::single(x, dom), body: gt });
    let filt = b.e(Expr::SetFilter { binding: B::single(x, dom), pred: gt });
    let xe2 = b.loc(x);
    let sq = b.op2("*", xe2, xe2);
    let map = b.e(Expr::SetMap { body: sq, bounds: vec![B::single(x, dom)] });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, ex).unwrap(), Value::Bool(true));
    assert_eq!(eval_const(&sh, all).unwrap(), Value::Bool(false));
    assert_eq!(eval_const(&sh, ch).unwrap(), Value::Int(4));
    assert_eq!(eval_const(&sh, filt).unwrap(), ints(&[4, 5]));
    assert_eq!(eval_const(&sh, map).unwrap(), ints(&[1, 4, 9, 16, 25]));
}

#[test]
fn tuple_binders_destructure_their_elements() {
    let mut b = B::new();
    let (p, q) = (b.local("p"), b.local("q"));
    let (one, two, three) = (b.int(1), b.int(2), b.int(3));
    let t1 = b.tuple(vec![one, two]);
    let t2 = b.tuple(vec![two, three]);
    let dom = b.set(vec![t1, t2]);
    let (pe, qe) = (b.loc(p), b.loc(q));
    let sum = b.op2("+", pe, qe);
    let map = b
        .e(Expr::SetMap { body: sum, bounds: vec![Binding { vars: BoundVars::Tuple(vec![p, q]), domain: Some(dom) }] });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, map).unwrap(), ints(&[3, 5]));
}

#[test]
fn functions_records_except_and_at() {
    let mut b = B::new();
    let x = b.local("x");
    let dom = b.range(1, 3);
    let xe = b.loc(x);
    let ten = b.int(10);
    let body = b.op2("*", xe, ten);
    let f = b.e(Expr::FunCons { bounds: vec![B::single(x, dom)], body });
    let two = b.int(2);
    let app = b.e(Expr::Apply { fun: f, arg: two });
    let at = b.e(Expr::ExceptAt);
    let one = b.int(1);
    let inc = b.op2("+", at, one);
    let ex = b.e(Expr::Except { base: f, updates: vec![(vec![ExceptKey::Index(two)], inc)] });
    let rec = b.e(Expr::Record(vec![("a".into(), one), ("b".into(), ex)]));
    let path = b
        .e(Expr::Except { base: rec, updates: vec![(vec![ExceptKey::Field("b".into()), ExceptKey::Index(one)], ten)] });
    let fld = b.e(Expr::Field { record: path, field: "b".into() });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, app).unwrap(), Value::Int(20));
    let expect = Value::tuple(vec![Value::Int(10), Value::Int(21), Value::Int(30)]);
    assert_eq!(eval_const(&sh, ex).unwrap(), expect);
    let expect2 = Value::tuple(vec![Value::Int(10), Value::Int(21), Value::Int(30)]);
    assert_eq!(eval_const(&sh, fld).unwrap(), expect2);
}

#[test]
fn if_case_and_let_pick_the_right_branch() {
    let mut b = B::new();
    let (t, f) = (b.bool(true), b.bool(false));
    let (one, two) = (b.int(1), b.int(2));
    let ite = b.e(Expr::If { cond: f, then: one, els: two });
    let case = b.e(Expr::Case { arms: vec![(f, one), (t, two)], other: None });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, ite).unwrap(), Value::Int(2));
    assert_eq!(eval_const(&sh, case).unwrap(), Value::Int(2));
}

#[test]
fn operators_with_parameters_and_higher_order_arguments() {
    let mut b = B::new();
    // Twice(F(_), v) == F(F(v)); Inc(n) == n + 1; Twice(Inc, 5) = 7; Twice(LAMBDA y: y * 3, 2) = 18
    let (fp, vp) = (b.local("F"), b.local("v"));
    let ve = b.loc(vp);
    let inner = b.e(Expr::Call { callee: Callee::Local(fp), args: vec![ve] });
    let outer = b.e(Expr::Call { callee: Callee::Local(fp), args: vec![inner] });
    let twice = b.def("Twice", vec![B::param(fp, "F", 1), B::param(vp, "v", 0)], outer);
    let n = b.local("n");
    let ne = b.loc(n);
    let one = b.int(1);
    let inc_body = b.op2("+", ne, one);
    let inc = b.def("Inc", vec![B::param(n, "n", 0)], inc_body);
    let opv = b.e(Expr::OpValue(Callee::Def(inc)));
    let five = b.int(5);
    let c1 = b.call(twice, vec![opv, five]);
    let y = b.local("y");
    let ye = b.loc(y);
    let three = b.int(3);
    let lb = b.op2("*", ye, three);
    let lam = b.e(Expr::Lambda { params: vec![B::param(y, "y", 0)], body: lb });
    let two = b.int(2);
    let c2 = b.call(twice, vec![lam, two]);
    let sh = b.shared();
    assert_eq!(eval_const(&sh, c1).unwrap(), Value::Int(7));
    assert_eq!(eval_const(&sh, c2).unwrap(), Value::Int(18));
}

#[test]
fn recursive_operators_and_recursive_functions_over_nat() {
    let mut b = B::new();
    // RECURSIVE Fact(_): Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
    let n = b.local("n");
    let placeholder = b.bool(false);
    let fact = b.def("Fact", vec![B::param(n, "n", 0)], placeholder);
    let (ne, zero, one) = (b.loc(n), b.int(0), b.int(1));
    let cond = b.eq(ne, zero);
    let nm1 = b.op2("-", ne, one);
    let rec = b.call(fact, vec![nm1]);
    let prod = b.op2("*", ne, rec);
    let body = b.e(Expr::If { cond, then: one, els: prod });
    b.set_body(fact, body);
    b.p.defs[fact].recursive = true;
    let five = b.int(5);
    let c = b.call(fact, vec![five]);
    // f[m \in Nat] == IF m = 0 THEN 1 ELSE m * f[m - 1]
    let m = b.local("m");
    let nat = b.nat();
    let f = b.def_kind("f", vec![], DefKind::RecursiveFunction { bounds: vec![B::single(m, nat)] }, placeholder);
    let (me, fref) = (b.loc(m), b.call(f, vec![]));
    let cond2 = b.eq(me, zero);
    let mm1 = b.op2("-", me, one);
    let app = b.e(Expr::Apply { fun: fref, arg: mm1 });
    let prod2 = b.op2("*", me, app);
    let body2 = b.e(Expr::If { cond: cond2, then: one, els: prod2 });
    b.set_body(f, body2);
    b.p.defs[f].recursive = true;
    let six = b.int(6);
    let fref2 = b.call(f, vec![]);
    let app6 = b.e(Expr::Apply { fun: fref2, arg: six });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, c).unwrap(), Value::Int(120));
    assert_eq!(eval_const(&sh, app6).unwrap(), Value::Int(720));
    // Mentioned unapplied over Nat, the function is lazy and still applicable.
    let lazy = eval_const(&sh, fref2).unwrap();
    assert!(matches!(lazy, Value::LazyFun(_)));
    assert_eq!(lazy.apply(&Value::Int(4)).unwrap(), Value::Int(24));
}

#[test]
fn a_filter_of_an_infinite_set_is_lazy_and_decides_membership() {
    let mut b = B::new();
    let x = b.local("x");
    let nat = b.nat();
    let xe = b.loc(x);
    let two = b.int(2);
    let md = b.op2("%", xe, two);
    let zero = b.int(0);
    let even = b.eq(md, zero);
    let evens = b.e(Expr::SetFilter { binding: B::single(x, nat), pred: even });
    let four = b.int(4);
    let five = b.int(5);
    let in4 = b.e(Expr::In(four, evens));
    let in5 = b.e(Expr::In(five, evens));
    let sh = b.shared();
    assert_eq!(eval_const(&sh, in4).unwrap(), Value::Bool(true));
    assert_eq!(eval_const(&sh, in5).unwrap(), Value::Bool(false));
}

#[test]
fn errors_carry_the_innermost_failing_expression() {
    let mut b = B::new();
    let (one, zero) = (b.int(1), b.int(0));
    let div = b.op2("\\div", one, zero);
    let wrapped = b.and(vec![div]);
    let x = b.local("x");
    let empty = b.set(vec![]);
    let t = b.bool(true);
    let ch = b.e(Expr::Choose { binding: B::single(x, empty), body: t });
    let f = b.bool(false);
    let case = b.e(Expr::Case { arms: vec![(f, one)], other: None });
    let tup = b.tuple(vec![one]);
    let five = b.int(5);
    let app = b.e(Expr::Apply { fun: tup, arg: five });
    let big = b.int(i64::MAX);
    let ovf = b.op2("+", big, one);
    let uns = b.e(Expr::Unsupported { message: "real numbers".into() });
    let s = b.str("a");
    let mismatch = b.op2("+", one, s);
    let sh = b.shared();
    let cases = [
        (wrapped, div, EvalErrorKind::DivisionByZero),
        (ch, ch, EvalErrorKind::NoWitness),
        (case, case, EvalErrorKind::NoWitness),
        (app, app, EvalErrorKind::NotInDomain),
        (ovf, ovf, EvalErrorKind::Overflow),
        (uns, uns, EvalErrorKind::Unsupported),
        (mismatch, mismatch, EvalErrorKind::TypeMismatch),
    ];
    for (e, at, kind) in cases {
        let err = eval_const(&sh, e).unwrap_err();
        assert_eq!(err.kind, kind, "{}", err.message);
        assert_eq!(err.location, Some(u32::from(at.into_raw())), "{}", err.message);
    }
}

#[test]
fn assert_failure_and_missing_builtins_are_errors() {
    let mut b = B::new();
    let (f, msg) = (b.bool(false), b.str("boom"));
    let a = b.bcall("TLC", "Assert", vec![f, msg]);
    let m = b.bcall("NoSuchModule", "Frob", vec![]);
    let sh = b.shared();
    assert_eq!(eval_const(&sh, a).unwrap_err().kind, EvalErrorKind::AssertionFailed);
    let e = eval_const(&sh, m).unwrap_err();
    assert_eq!(e.kind, EvalErrorKind::Unsupported);
    assert!(e.message.contains("Frob") && e.message.contains("NoSuchModule"), "{}", e.message);
}

#[test]
fn builtins_receive_operator_arguments() {
    let mut b = B::new();
    // FoldSet(LAMBDA a, acc: a + acc, 0, 1..4) = 10
    let (a, acc) = (b.local("a"), b.local("acc"));
    let (ae, acce) = (b.loc(a), b.loc(acc));
    let body = b.op2("+", ae, acce);
    let lam = b.e(Expr::Lambda { params: vec![B::param(a, "a", 0), B::param(acc, "acc", 0)], body });
    let zero = b.int(0);
    let s = b.range(1, 4);
    let fold = b.bcall("FiniteSetsExt", "FoldSet", vec![lam, zero, s]);
    let sh = b.shared();
    assert_eq!(eval_const(&sh, fold).unwrap(), Value::Int(10));
}

#[test]
fn let_definitions_passed_as_operators_capture_their_scope() {
    let mut b = B::new();
    // Twice(F(_), v) == F(F(v))
    let (fp, vp) = (b.local("F"), b.local("v"));
    let ve = b.loc(vp);
    let inner = b.e(Expr::Call { callee: Callee::Local(fp), args: vec![ve] });
    let outer = b.e(Expr::Call { callee: Callee::Local(fp), args: vec![inner] });
    let twice = b.def("Twice", vec![B::param(fp, "F", 1), B::param(vp, "v", 0)], outer);
    // \A k \in 1..2 : LET G(w) == w + k IN Twice(G, 0) = 2 * k
    let (k, w) = (b.local("k"), b.local("w"));
    let (ke, we) = (b.loc(k), b.loc(w));
    let gb = b.op2("+", we, ke);
    let g = b.def("G", vec![B::param(w, "w", 0)], gb);
    b.p.defs[g].in_let = true;
    let gv = b.e(Expr::OpValue(Callee::Def(g)));
    let zero = b.int(0);
    let call = b.call(twice, vec![gv, zero]);
    let two = b.int(2);
    let dbl = b.op2("*", two, ke);
    let eq = b.eq(call, dbl);
    let body = b.e(Expr::Let { defs: vec![g], body: eq });
    let dom = b.range(1, 2);
    let all = b.e(Expr::Forall { bounds: vec![B::single(k, dom)], body });
    let sh = b.shared();
    assert_eq!(eval_const(&sh, all).unwrap(), Value::Bool(true));
}

#[test]
fn a_nullary_let_definition_is_evaluated_once_per_let() {
    let mut b = B::new();
    // LET s == (TLCSet(1, TLCGet(1) + 1) /\ 5) ... counted through the TLC register: the body
    // reads `s` twice but the register grows by one.
    let (one, five) = (b.int(1), b.int(5));
    let get = b.bcall("TLC", "TLCGet", vec![one]);
    let inc = b.op2("+", get, one);
    let set = b.bcall("TLC", "TLCSet", vec![one, inc]);
    let sbody = b.e(Expr::If { cond: set, then: five, els: five });
    let s = b.def("s", vec![], sbody);
    b.p.defs[s].in_let = true;
    let (r1, r2) = (b.call(s, vec![]), b.call(s, vec![]));
    let sum = b.op2("+", r1, r2);
    let lt = b.e(Expr::Let { defs: vec![s], body: sum });
    let zero = b.int(0);
    let init = b.bcall("TLC", "TLCSet", vec![one, zero]);
    let get2 = b.bcall("TLC", "TLCGet", vec![one]);
    let all = b.tuple(vec![init, lt, get2]);
    let sh = b.shared();
    let expect = Value::tuple(vec![Value::Bool(true), Value::Int(10), Value::Int(1)]);
    assert_eq!(eval_const(&sh, all).unwrap(), expect);
}
