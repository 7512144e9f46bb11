//! Tests of value equality, TLC's order, hashing and representation independence.

use std::cmp::Ordering;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use tla2_runtime::value::{LazySet, Value};

fn int(i: i64) -> Value {
    Value::int(i)
}

fn set(v: &[i64]) -> Value {
    Value::set(v.iter().map(|&i| int(i)).collect())
}

fn hash(v: &Value) -> u64 {
    let mut h = DefaultHasher::new();
    v.hash(&mut h);
    h.finish()
}

#[test]
fn an_interval_equals_the_enumerated_set_and_hashes_alike() {
    let a = Value::interval(1, 3);
    let b = set(&[3, 1, 2, 2]);
    assert_eq!(a, b);
    assert_eq!(a.cmp(&b), Ordering::Equal);
    assert_eq!(hash(&a), hash(&b));
    assert_eq!(a.fingerprint(), b.fingerprint());
    assert_eq!(Value::interval(3, 1), Value::empty_set());
}

#[test]
fn a_tuple_equals_the_function_over_one_to_n() {
    let t = Value::tuple(vec![int(1), int(2)]);
    let f = Value::fun(vec![(int(2), int(2)), (int(1), int(1))]);
    assert!(matches!(f, Value::Tuple(_)));
    assert_eq!(t, f);
    assert_eq!(Value::fun(vec![]), Value::empty_tuple());
}

#[test]
fn a_record_equals_the_function_over_strings() {
    let r = Value::record([("b", int(2)), ("a", int(1))]);
    let f = Value::fun(vec![(Value::str("a"), int(1)), (Value::str("b"), int(2))]);
    assert!(matches!(f, Value::Record(_)));
    assert_eq!(r, f);
    assert_eq!(hash(&r), hash(&f));
}

#[test]
fn sets_are_ordered_by_size_first_then_elements() {
    assert!(set(&[5]) < set(&[1, 2]));
    assert!(set(&[1, 2]) < set(&[1, 3]));
    assert!(Value::interval(2, 3) > set(&[1, 3]));
    assert!(Value::empty_set() < set(&[0]));
}

#[test]
fn functions_are_ordered_by_domain_size_then_domain_then_values() {
    let a = Value::tuple(vec![int(9)]);
    let b = Value::tuple(vec![int(1), int(1)]);
    assert!(a < b);
    let r1 = Value::record([("a", int(5))]);
    let r2 = Value::record([("b", int(1))]);
    assert!(r1 < r2);
    let f1 = Value::fun(vec![(int(0), int(7))]);
    let f2 = Value::fun(vec![(int(1), int(1))]);
    assert!(f1 < f2, "domain {{0}} is below domain {{1}}");
}

#[test]
fn atoms_are_ordered_as_tlc_orders_them() {
    assert!(Value::bool(false) < Value::bool(true));
    assert!(int(-3) < int(2));
    assert!(Value::str("a") < Value::str("b"));
    assert!(Value::model_value("zz") < int(0), "model values are below everything else");
    assert!(Value::model_value("a") < Value::model_value("b"));
}

#[test]
fn tlc_compare_reports_comparisons_of_different_kinds() {
    let err = Value::tlc_compare(&int(1), &Value::str("a")).unwrap_err();
    assert!(err.message.contains("Attempted to compare integer 1 with non-integer"), "{}", err.message);
    assert_eq!(Value::tlc_compare(&int(1), &int(2)), Ok(Ordering::Less));
    assert_eq!(Value::tlc_compare(&Value::model_value("m"), &int(2)), Ok(Ordering::Less));
}

#[test]
fn tlc_eq_follows_tlc_equals() {
    assert!(Value::tlc_eq(&int(1), &Value::str("a")).is_err());
    assert_eq!(Value::tlc_eq(&set(&[1]), &int(1)), Ok(false));
    assert_eq!(Value::tlc_eq(&Value::model_value("m"), &int(1)), Ok(false));
    assert!(Value::tlc_eq(&Value::model_value("a_m"), &int(1)).is_err());
    let r1 = Value::record([("a", int(1))]);
    let r2 = Value::record([("a", Value::str("x"))]);
    assert!(Value::tlc_eq(&r1, &r2).is_err(), "TLC compares the field values and fails");
}

#[test]
fn lazy_sets_equal_their_enumeration() {
    let s = Value::lazy(LazySet::Subset(set(&[1, 2])));
    let e = Value::set(vec![Value::empty_set(), set(&[1]), set(&[2]), set(&[1, 2])]);
    assert_eq!(s, e);
    assert_eq!(hash(&s), hash(&e));
    assert_eq!(s.fingerprint(), e.fingerprint());
}

#[test]
fn mixed_kinds_have_a_total_order_by_kind() {
    let s = Value::set(vec![Value::str("a"), int(1), Value::bool(true), Value::model_value("m")]);
    assert_eq!(s.to_string(), "{m, TRUE, 1, \"a\"}");
}

#[test]
fn a_value_is_at_most_three_words() {
    assert!(std::mem::size_of::<Value>() <= 24);
}
