//! Initial states and successors with TLC's semantics: assignment versus test, `\in`
//! branching, UNCHANGED, IF with primes, nested `\E`, ENABLED, and the unassigned-variable
//! errors.

mod common;

use common::B;
use tla2_frontend::ir::*;
use tla2_interp::InterpModel;
use tla2_runtime::model::Model;
use tla2_runtime::value::{EvalErrorKind, Value};

fn with_spec(mut b: B, init: ExprId, next: ExprId) -> InterpModel {
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, None));
    b.model()
}

fn inits(m: &InterpModel) -> Vec<Vec<Value>> {
    let mut w = m.new_worker(0);
    let mut out = Vec::new();
    m.init_states(&mut w, &mut |s| out.push(s.to_vec())).unwrap();
    out
}

fn succs(m: &InterpModel, s: &[i64]) -> Result<Vec<Vec<Value>>, String> {
    let mut w = m.new_worker(0);
    let st: Box<[Value]> = s.iter().map(|i| Value::Int(*i)).collect();
    let mut out = Vec::new();
    m.next_states(&mut w, &st, &mut |_, t| out.push(t.to_vec())).map_err(|e| e.error.message)?;
    Ok(out)
}

fn row(xs: &[i64]) -> Vec<Value> {
    xs.iter().map(|i| Value::Int(*i)).collect()
}

#[test]
fn the_first_primed_equality_assigns_and_later_ones_test() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero) = (b.var(x), b.int(0));
    let init = b.eq(xv, zero);
    let (xp, one) = (b.primed(x), b.int(1));
    let inc = b.op2("+", xv, one);
    let assign = b.eq(xp, inc);
    let two = b.int(2);
    let test = b.eq(xp, two);
    let next = b.and(vec![assign, test]);
    let m = with_spec(b, init, next);
    assert_eq!(inits(&m), vec![row(&[0])]);
    assert_eq!(succs(&m, &[1]).unwrap(), vec![row(&[2])]);
    assert_eq!(succs(&m, &[0]).unwrap(), Vec::<Vec<Value>>::new());
}

#[test]
fn membership_branches_in_init_and_later_conjuncts_filter() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let xv = b.var(x);
    let dom = b.range(1, 5);
    let inn = b.e(Expr::In(xv, dom));
    let two = b.int(2);
    let md = b.op2("%", xv, two);
    let zero = b.int(0);
    let even = b.eq(md, zero);
    let init = b.and(vec![inn, even]);
    let xp = b.primed(x);
    let next = b.eq(xp, xv);
    let m = with_spec(b, init, next);
    assert_eq!(inits(&m), vec![row(&[2]), row(&[4])]);
}

#[test]
fn unchanged_assigns_the_current_values() {
    let mut b = B::new();
    let (x, y) = (b.var_decl("x"), b.var_decl("y"));
    let (xv, yv) = (b.var(x), b.var(y));
    let zero = b.int(0);
    let (i1, i2) = (b.eq(xv, zero), b.eq(yv, zero));
    let init = b.and(vec![i1, i2]);
    let (xp, seven) = (b.primed(x), b.int(7));
    let a = b.eq(xp, seven);
    let vars = b.tuple(vec![yv]);
    let vdef = b.def("vars", vec![], vars);
    let vcall = b.call(vdef, vec![]);
    let un = b.e(Expr::Unchanged(vcall));
    let next = b.and(vec![a, un]);
    let m = with_spec(b, init, next);
    assert_eq!(succs(&m, &[1, 5]).unwrap(), vec![row(&[7, 5])]);
}

#[test]
fn if_branches_may_assign_primed_variables() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    let init = b.eq(xv, zero);
    let xp = b.primed(x);
    let cond = b.eq(xv, zero);
    let a1 = b.eq(xp, one);
    let a0 = b.eq(xp, zero);
    let next = b.e(Expr::If { cond, then: a1, els: a0 });
    let m = with_spec(b, init, next);
    assert_eq!(succs(&m, &[0]).unwrap(), vec![row(&[1])]);
    assert_eq!(succs(&m, &[1]).unwrap(), vec![row(&[0])]);
}

#[test]
fn nested_exists_split_into_actions_and_generate_in_order() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero) = (b.var(x), b.int(0));
    let init = b.eq(xv, zero);
    let (i, j) = (b.local("i"), b.local("j"));
    let (d1, d2) = (b.range(1, 2), b.range(1, 2));
    let (ie, je, ten) = (b.loc(i), b.loc(j), b.int(10));
    let t = b.op2("*", ie, ten);
    let sum = b.op2("+", t, je);
    let xp = b.primed(x);
    let body = b.eq(xp, sum);
    let inner = b.e(Expr::Exists { bounds: vec![B::single(j, d2)], body });
    let next = b.e(Expr::Exists { bounds: vec![B::single(i, d1)], body: inner });
    let m = with_spec(b, init, next);
    assert_eq!(m.actions().len(), 4);
    assert_eq!(succs(&m, &[0]).unwrap(), vec![row(&[11]), row(&[12]), row(&[21]), row(&[22])]);
}

#[test]
fn a_successor_with_an_unassigned_variable_is_an_error_naming_it() {
    let mut b = B::new();
    let (x, _y) = (b.var_decl("x"), b.var_decl("y"));
    let (xv, zero) = (b.var(x), b.int(0));
    let init = b.eq(xv, zero);
    let (xp, one) = (b.primed(x), b.int(1));
    let next = b.eq(xp, one);
    let mut b2 = b;
    b2.p.model.init = Some(B::named("Init", init, None));
    b2.p.model.next = Some(B::named("Next", next, None));
    let m = b2.model();
    let mut w = m.new_worker(0);
    let e = m.init_states(&mut w, &mut |_| {}).unwrap_err();
    assert_eq!(e.error.kind, EvalErrorKind::UnassignedVariable);
    assert!(e.error.message.contains('y'), "{}", e.error.message);
    let e = succs(&m, &[0, 0]).unwrap_err();
    assert!(e.contains("not assigned: y"), "{e}");
}

#[test]
fn reading_a_primed_variable_before_it_is_assigned_names_it() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    let init = b.eq(xv, zero);
    let xp = b.primed(x);
    let rhs = b.op2("+", xp, one);
    let xp2 = b.primed(x);
    let next = b.eq(xp2, rhs);
    let m = with_spec(b, init, next);
    let mut w = m.new_worker(0);
    let st: Box<[Value]> = vec![Value::Int(0)].into();
    let e = m.next_states(&mut w, &st, &mut |_, _| {}).unwrap_err();
    assert_eq!(e.error.kind, EvalErrorKind::UnassignedVariable);
    assert!(e.error.message.contains("x'"), "{}", e.error.message);
    assert_eq!(e.error.location, Some(u32::from(xp.into_raw())));
}

#[test]
fn enabled_asks_whether_the_action_has_a_successor() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    let init = b.eq(xv, zero);
    let xp = b.primed(x);
    let guard = b.op2("<", xv, one);
    let a = b.eq(xp, one);
    let act = b.and(vec![guard, a]);
    let en = b.e(Expr::Enabled(act));
    b.p.model.invariants.push(B::named("Inv", en, None));
    let next = b.and(vec![guard, a]);
    let m = with_spec(b, init, next);
    let mut w = m.new_worker(0);
    let s0: Box<[Value]> = vec![Value::Int(0)].into();
    let s1: Box<[Value]> = vec![Value::Int(1)].into();
    assert_eq!(m.check_invariants(&mut w, &s0).unwrap(), None);
    assert_eq!(m.check_invariants(&mut w, &s1).unwrap(), Some(0));
}

#[test]
fn disjunctions_become_actions_named_after_their_definitions() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    let init = b.eq(xv, zero);
    let xp = b.primed(x);
    let a = b.eq(xp, one);
    let bb = b.eq(xp, zero);
    let da = b.def("A", vec![], a);
    let db = b.def("B", vec![], bb);
    let (ca, cb) = (b.call(da, vec![]), b.call(db, vec![]));
    let body = b.or(vec![ca, cb]);
    let nd = b.def("Next", vec![], body);
    let nc = b.call(nd, vec![]);
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", nc, Some(nd)));
    let m = b.model();
    let names: Vec<_> = m.actions().iter().map(|a| a.name.clone()).collect();
    assert_eq!(names, vec!["A", "B"]);
    assert_eq!(succs(&m, &[0]).unwrap(), vec![row(&[1]), row(&[0])]);
}

#[test]
fn a_recursive_action_operator_sees_its_own_parameter_in_later_conjuncts() {
    let mut b = B::new();
    let (x, y) = (b.var_decl("x"), b.var_decl("y"));
    let (xv, yv, zero, one, two) = (b.var(x), b.var(y), b.int(0), b.int(1), b.int(2));
    let (i1, i2) = (b.eq(xv, zero), b.eq(yv, zero));
    let init = b.and(vec![i1, i2]);
    // RECURSIVE A(_)
    // A(i) == /\ IF i = 0 THEN x' = 7 ELSE A(i - 1)
    //         /\ IF i = 2 THEN y' = 1 ELSE TRUE
    // The second conjunct of the outermost call runs after the inner calls rebound `i`.
    let i = b.local("i");
    let placeholder = b.bool(true);
    let a = b.def("A", vec![B::param(i, "i", 0)], placeholder);
    b.p.defs[a].recursive = true;
    let ie = b.loc(i);
    let cond = b.eq(ie, zero);
    let (xp, yp) = (b.primed(x), b.primed(y));
    let seven = b.int(7);
    let assign = b.eq(xp, seven);
    let im1 = b.op2("-", ie, one);
    let rec = b.call(a, vec![im1]);
    let ite = b.e(Expr::If { cond, then: assign, els: rec });
    let is2 = b.eq(ie, two);
    let ay = b.eq(yp, one);
    let t = b.bool(true);
    let second = b.e(Expr::If { cond: is2, then: ay, els: t });
    let body = b.and(vec![ite, second]);
    b.set_body(a, body);
    let next = b.call(a, vec![two]);
    let m = with_spec(b, init, next);
    assert_eq!(succs(&m, &[0, 0]).unwrap(), vec![row(&[7, 1])]);
}

#[test]
fn a_universal_quantifier_is_walked_as_a_conjunction_that_may_assign() {
    let mut b = B::new();
    let (x, y) = (b.var_decl("x"), b.var_decl("y"));
    let (xv, yv) = (b.var(x), b.var(y));
    // Init == \A i \in 1..2 : IF i = 1 THEN x = 5 ELSE y = 6
    let i = b.local("i");
    let dom = b.range(1, 2);
    let (ie, one, five, six) = (b.loc(i), b.int(1), b.int(5), b.int(6));
    let cond = b.eq(ie, one);
    let (ax, ay) = (b.eq(xv, five), b.eq(yv, six));
    let body = b.e(Expr::If { cond, then: ax, els: ay });
    let init = b.e(Expr::Forall { bounds: vec![B::single(i, dom)], body });
    let vars = b.tuple(vec![xv, yv]);
    let next = b.e(Expr::Unchanged(vars));
    let m = with_spec(b, init, next);
    assert_eq!(inits(&m), vec![row(&[5, 6])]);
}

#[test]
fn a_primed_variable_passed_to_an_operator_is_assigned_through_its_parameter() {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    // XInit(v) == v = 0; XAct(old, new) == new = old + 1
    let v = b.local("v");
    let ve = b.loc(v);
    let xinit_body = b.eq(ve, zero);
    let xinit = b.def("XInit", vec![B::param(v, "v", 0)], xinit_body);
    let (old, new) = (b.local("old"), b.local("new"));
    let (oe, ne) = (b.loc(old), b.loc(new));
    let inc = b.op2("+", oe, one);
    let act_body = b.eq(ne, inc);
    let xact = b.def("XAct", vec![B::param(old, "old", 0), B::param(new, "new", 0)], act_body);
    let init = b.call(xinit, vec![xv]);
    let xp = b.primed(x);
    let next = b.call(xact, vec![xv, xp]);
    let m = with_spec(b, init, next);
    assert_eq!(inits(&m), vec![row(&[0])]);
    assert_eq!(succs(&m, &[4]).unwrap(), vec![row(&[5])]);
}
