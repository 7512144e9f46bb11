//! Tests of TLC's print format and of the JSON encoding of values.

use tla2_runtime::value::{LazySet, Value};

fn int(i: i64) -> Value {
    Value::int(i)
}

#[test]
fn values_print_as_tlc_prints_them() {
    assert_eq!(Value::set(vec![int(2), int(1)]).to_string(), "{1, 2}");
    assert_eq!(Value::tuple(vec![int(1), Value::str("a")]).to_string(), "<<1, \"a\">>");
    assert_eq!(Value::record([("b", int(2)), ("a", int(1))]).to_string(), "[a |-> 1, b |-> 2]");
    assert_eq!(
        Value::fun(vec![(int(2), Value::str("b")), (int(0), Value::str("a"))]).to_string(),
        "(0 :> \"a\" @@ 2 :> \"b\")"
    );
    assert_eq!(Value::bool(true).to_string(), "TRUE");
    assert_eq!(Value::model_value("p1").to_string(), "p1");
    assert_eq!(Value::interval(1, 3).to_string(), "1..3");
    assert_eq!(Value::empty_set().to_string(), "{}");
    assert_eq!(Value::empty_tuple().to_string(), "<<>>");
}

#[test]
fn strings_are_quoted_with_escapes() {
    assert_eq!(Value::str("a\"b\\c\nd").to_string(), "\"a\\\"b\\\\c\\nd\"");
}

#[test]
fn a_record_with_a_non_name_field_prints_as_a_function() {
    assert_eq!(Value::record([("a b", int(1))]).to_string(), "(\"a b\" :> 1)");
}

#[test]
fn lazy_sets_print_symbolically() {
    let nat = Value::lazy(LazySet::Nat);
    assert_eq!(nat.to_string(), "Nat");
    let fs = Value::lazy(LazySet::FunSet(Value::interval(1, 2), Value::lazy(LazySet::Strings)));
    assert_eq!(fs.to_string(), "[1..2 -> STRING]");
    assert_eq!(Value::lazy(LazySet::Seq(nat.clone())).to_string(), "Seq(Nat)");
    let big = Value::lazy(LazySet::Subset(Value::interval(1, 30)));
    assert_eq!(big.to_string(), "SUBSET 1..30");
}

#[test]
fn small_finite_lazy_sets_print_their_elements_as_tlc_does() {
    assert_eq!(Value::lazy(LazySet::Subset(Value::interval(1, 2))).to_string(), "{{}, {1}, {2}, {1, 2}}");
    let fs = Value::lazy(LazySet::FunSet(Value::interval(1, 2), Value::set(vec![Value::int(0)])));
    assert_eq!(fs.to_string(), "{<<0, 0>>}");
}

#[test]
fn json_encoding_types_the_top_level_and_writes_the_inside_plainly() {
    let v = Value::record([("a", int(1)), ("s", Value::set(vec![Value::bool(true)]))]);
    assert_eq!(v.to_json(), serde_json::json!({"type": "record", "value": {"a": 1, "s": [true]}}));
    assert_eq!(Value::interval(1, 3).to_json(), serde_json::json!({"type": "set", "value": [1, 2, 3]}));
    let f = Value::fun(vec![(int(0), Value::model_value("m"))]).to_json();
    assert_eq!(f, serde_json::json!({"type": "function", "domain": [0], "mapping": [[0, "m"]]}));
    assert_eq!(Value::tuple(vec![int(1), int(2)]).to_json()["type"], "seq");
    assert_eq!(Value::tuple(vec![int(1), Value::str("a")]).to_json()["type"], "tuple");
    assert_eq!(Value::model_value("m1").to_json(), serde_json::json!({"type": "model_value", "value": "m1"}));
    assert_eq!(Value::str("x").to_json(), serde_json::json!({"type": "string", "value": "x"}));
    assert_eq!(Value::lazy(LazySet::Nat).to_json(), serde_json::json!({"type": "lazy", "value": "Nat"}));
}

fn long_seq() -> Value {
    Value::tuple((10..40).map(int).collect())
}

#[test]
fn short_values_pretty_print_on_one_line() {
    let v = Value::record([("a", int(1))]);
    assert_eq!(v.pretty(tla2_runtime::value::TLC_PRINT_WIDTH), "[a |-> 1]");
}

#[test]
fn long_sequences_break_one_element_per_line_as_tlc_does() {
    let items: Vec<String> = (10..40).map(|i| i.to_string()).collect();
    let expected = format!("<< {} >>", items.join(",\n   "));
    assert_eq!(long_seq().pretty(80), expected);
}

#[test]
fn long_record_fields_put_their_value_on_the_next_line() {
    let v = Value::record([("a", long_seq()), ("b", int(1))]);
    let items: Vec<String> = (10..40).map(|i| i.to_string()).collect();
    let expected = format!("[ a |->\n      << {} >>,\n  b |-> 1 ]", items.join(",\n         "));
    assert_eq!(v.pretty(80), expected);
}

#[test]
fn values_tlc_cannot_reparse_stay_on_one_line() {
    let v = Value::set(vec![long_seq(), Value::tuple(vec![Value::model_value("p_1")])]);
    assert_eq!(v.pretty(80), v.to_string());
    let r = Value::record([("msg_type", long_seq())]);
    assert_eq!(r.pretty(80), r.to_string());
}
