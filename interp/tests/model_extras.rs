//! What the CLI asks of the model around a run: ASSUME, POSTCONDITION, ALIAS, action
//! properties, TLCGet of the engine's statistics, and Print output.

mod common;

use common::B;
use std::sync::{Arc, Mutex};
use tla2_frontend::ir::*;
use tla2_interp::worker::PrintSink;
use tla2_interp::InterpModel;
use tla2_runtime::model::{EngineSnapshot, Model};
use tla2_runtime::value::Value;

/// `x = 0` and `x' = x + 1` over one variable `x`.
fn counter() -> (B, VarId) {
    let mut b = B::new();
    let x = b.var_decl("x");
    let (xv, zero, one) = (b.var(x), b.int(0), b.int(1));
    let init = b.eq(xv, zero);
    let xp = b.primed(x);
    let inc = b.op2("+", xv, one);
    let next = b.eq(xp, inc);
    b.p.model.init = Some(B::named("Init", init, None));
    b.p.model.next = Some(B::named("Next", next, None));
    (b, x)
}

fn st(i: i64) -> Box<[Value]> {
    vec![Value::Int(i)].into()
}

#[test]
fn a_false_assumption_is_reported_by_index() {
    let (mut b, _) = counter();
    let (t, f) = (b.bool(true), b.bool(false));
    b.p.model.assumptions.push(B::named("A1", t, None));
    b.p.model.assumptions.push(B::named("A2", f, None));
    assert_eq!(b.model().check_assumptions().unwrap(), Some(1));
}

#[test]
fn the_postcondition_reads_the_final_statistics() {
    let (mut b, _) = counter();
    let key = b.str("distinct");
    let get = b.bcall("TLC", "TLCGet", vec![key]);
    let five = b.int(5);
    let post = b.eq(get, five);
    b.p.model.postcondition = Some(B::named("Post", post, None));
    let m = b.model();
    let snap = |d| EngineSnapshot { distinct: d, ..Default::default() };
    assert_eq!(m.check_postcondition(&snap(5)).unwrap(), Some(true));
    assert_eq!(m.check_postcondition(&snap(4)).unwrap(), Some(false));
}

#[test]
fn alias_fields_keep_their_source_order() {
    let (mut b, x) = counter();
    let xv = b.var(x);
    let ten = b.int(10);
    let times = b.op2("*", xv, ten);
    let rec = b.e(Expr::Record(vec![("z".into(), times), ("a".into(), xv)]));
    b.p.model.alias = Some(B::named("Alias", rec, None));
    let m = b.model();
    let got = m.alias_values(&st(2)).unwrap();
    assert_eq!(got, vec![("z".to_string(), Value::Int(20)), ("a".to_string(), Value::Int(2))]);
}

#[test]
fn an_action_property_is_checked_on_steps() {
    let (mut b, x) = counter();
    // [][x' > x]_x
    let (xv, xp) = (b.var(x), b.primed(x));
    let gt = b.op2(">", xp, xv);
    let boxed = b.e(Expr::BoxAction { action: gt, sub: xv });
    let prop = b.e(Expr::Always(boxed));
    b.p.model.properties.push(B::named("Grows", prop, None));
    let m = b.model();
    let mut w = m.new_worker(0);
    assert_eq!(m.action_properties().len(), 1);
    assert_eq!(m.check_action_properties(&mut w, &st(1), &st(2)).unwrap(), None);
    assert_eq!(m.check_action_properties(&mut w, &st(1), &st(1)).unwrap(), None);
    assert_eq!(m.check_action_properties(&mut w, &st(2), &st(1)).unwrap(), Some(0));
}

#[test]
fn tlcget_level_reads_the_snapshot_and_print_goes_to_the_sink() {
    let (mut b, _) = counter();
    let key = b.str("level");
    let get = b.bcall("TLC", "TLCGet", vec![key]);
    let printed = b.bcall("TLC", "PrintT", vec![get]);
    let three = b.int(3);
    let lt = b.op2("<", get, three);
    let inv = b.and(vec![printed, lt]);
    b.p.model.invariants.push(B::named("Shallow", inv, None));
    let mut m: InterpModel = b.model();
    let buf = Arc::new(Mutex::new(Vec::new()));
    m.set_print_sink(PrintSink::Buffer(buf.clone()));
    let mut w = m.new_worker(0);
    m.set_snapshot(&mut w, &EngineSnapshot { level: 2, ..Default::default() });
    assert_eq!(m.check_invariants(&mut w, &st(0)).unwrap(), None);
    m.set_snapshot(&mut w, &EngineSnapshot { level: 3, ..Default::default() });
    assert_eq!(m.check_invariants(&mut w, &st(0)).unwrap(), Some(0));
    let printed: Vec<String> = buf.lock().unwrap().iter().map(|p| p.value.clone()).collect();
    assert_eq!(printed, vec!["2".to_string(), "3".to_string()]);
}
