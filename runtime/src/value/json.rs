//! `Value::to_json`: the JSON encoding of values used in reports (seed 003, "Value Encoding").
//!
//! The seed types the top level and writes what is inside plainly, as its examples show:
//! `{"type": "set", "value": [1, 2, 3]}`, `{"type": "tuple", "value": [1, "a", true]}`, and diffs
//! as `{"from": 0, "to": 1}`. So [`Value::to_json`] gives `{"type": …, "value": plain}` and
//! [`Value::to_plain_json`] the plain form: integers, booleans and strings as themselves, model
//! values as their names, sets and sequences as arrays, records as objects, other functions as
//! `{"domain": [...], "mapping": [[key, value], ...]}`, and an infinite set or function as its TLC
//! text.

use serde_json::{json, Map, Value as Json};

use super::Value;

impl Value {
    /// The typed report encoding of this value.
    pub fn to_json(&self) -> Json {
        match self {
            Value::Fun(_) | Value::LazyFun(_) => match function_plain(self) {
                Some((domain, mapping)) => json!({"type": "function", "domain": domain, "mapping": mapping}),
                None => json!({"type": "lazy", "value": self.to_string()}),
            },
            Value::Set(_) | Value::Interval(..) | Value::Lazy(_) if self.enumerate().is_err() => {
                json!({"type": "lazy", "value": self.to_string()})
            }
            _ => json!({"type": self.json_type(), "value": self.to_plain_json()}),
        }
    }

    /// The name of this value's kind in the report encoding.
    pub fn json_type(&self) -> &'static str {
        match self {
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Str(_) => "string",
            Value::ModelValue(_) => "model_value",
            Value::Set(_) | Value::Interval(..) | Value::Lazy(_) => "set",
            // A sequence whose elements are of different kinds reads as a tuple.
            Value::Tuple(t) if t.windows(2).any(|w| w[0].kind_name() != w[1].kind_name()) => "tuple",
            Value::Tuple(_) => "seq",
            Value::Record(_) => "record",
            Value::Fun(_) | Value::LazyFun(_) => "function",
        }
    }

    /// The plain (untyped) JSON form of this value.
    pub fn to_plain_json(&self) -> Json {
        match self {
            Value::Bool(b) => Json::Bool(*b),
            Value::Int(i) => json!(i),
            Value::Str(s) | Value::ModelValue(s) => Json::String(s.to_string()),
            Value::Set(_) | Value::Interval(..) | Value::Lazy(_) => match self.enumerate() {
                Ok(elems) => Json::Array(elems.iter().map(Value::to_plain_json).collect()),
                Err(_) => Json::String(self.to_string()),
            },
            Value::Tuple(elems) => Json::Array(elems.iter().map(Value::to_plain_json).collect()),
            Value::Record(fields) => {
                Json::Object(fields.iter().map(|(k, v)| (k.to_string(), v.to_plain_json())).collect::<Map<_, _>>())
            }
            Value::Fun(_) | Value::LazyFun(_) => match function_plain(self) {
                Some((domain, mapping)) => json!({"domain": domain, "mapping": mapping}),
                None => Json::String(self.to_string()),
            },
        }
    }
}

/// The plain domain and `[key, value]` pairs of a function, if its domain can be enumerated.
fn function_plain(f: &Value) -> Option<(Vec<Json>, Vec<Json>)> {
    let pairs = f.fun_pairs().ok()?;
    let domain = pairs.iter().map(|(k, _)| k.to_plain_json()).collect();
    let mapping = pairs.iter().map(|(k, v)| json!([k.to_plain_json(), v.to_plain_json()])).collect();
    Some((domain, mapping))
}
