//! Module `"Json"`: `ToJson`, `ToJsonArray`, `ToJsonObject`, `JsonSerialize`, `ndJsonSerialize`,
//! `JsonDeserialize`, `ndJsonDeserialize`, with TLC's mapping between values and JSON: records
//! and other functions are objects, sequences and sets are arrays; objects read back as records
//! and arrays as sequences.

use std::sync::Arc;

use serde_json::{Map, Number, Value as Json};

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("ToJson", |v| Ok(Value::Str(Arc::from(to_json(v)?.to_string())))),
    builtin!("ToJsonArray", |v| Ok(Value::Str(Arc::from(to_json(v)?.to_string())))),
    builtin!("ToJsonObject", |v| Ok(Value::Str(Arc::from(to_json(v)?.to_string())))),
    // As TLC: the document without a trailing newline.
    builtin!("JsonSerialize", |path, v| write_file(path, &to_json(v)?.to_string())),
    builtin!("ndJsonSerialize", |path, v| {
        let mut text = String::new();
        for e in v.as_seq()? {
            text.push_str(&to_json(e)?.to_string());
            text.push('\n');
        }
        write_file(path, &text)
    }),
    builtin!("JsonDeserialize", |path| from_json(&parse(&read_file(path)?, path)?)),
    builtin!("ndJsonDeserialize", |path| nd_json_deserialize(path)),
];

/// A value as JSON, the way TLC's Json module writes it.
pub fn to_json(v: &Value) -> Result<Json, EvalError> {
    Ok(match v {
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => Json::Number(Number::from(*i)),
        Value::Str(s) | Value::ModelValue(s) => Json::String(s.to_string()),
        Value::Tuple(t) => Json::Array(t.iter().map(to_json).collect::<Result<_, _>>()?),
        _ if v.is_set() => Json::Array(v.enumerate()?.iter().map(to_json).collect::<Result<_, _>>()?),
        _ => {
            let mut map = Map::new();
            for (k, x) in v.fun_pairs()? {
                let key = match k {
                    Value::Str(s) => s.to_string(),
                    k => k.to_string(),
                };
                map.insert(key, to_json(&x)?);
            }
            Json::Object(map)
        }
    })
}

/// A JSON document as a value: objects are records, arrays sequences. Numbers become TLC's
/// 32-bit integers as TLC's `asInt()` makes them: integers keep their low 32 bits, others are
/// truncated toward zero and saturated (`2.7` is 2, `-1.5` is -1, `1e3` is 1000).
pub fn from_json(j: &Json) -> Result<Value, EvalError> {
    Ok(match j {
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => Value::Int(json_int(n)),
        Json::String(s) => Value::str(s),
        Json::Array(a) => Value::tuple(a.iter().map(from_json).collect::<Result<_, _>>()?),
        Json::Object(o) => Value::record(
            o.iter().map(|(k, x)| Ok((k.as_str(), from_json(x)?))).collect::<Result<Vec<_>, EvalError>>()?,
        ),
        Json::Null => return Err(EvalError::type_mismatch("Cannot convert value: unsupported JSON value null")),
    })
}

fn json_int(n: &Number) -> i64 {
    if let Some(i) = n.as_i64() {
        i as i32 as i64
    } else if let Some(u) = n.as_u64() {
        u as u32 as i32 as i64
    } else {
        n.as_f64().map_or(0, |f| f as i32 as i64)
    }
}

fn io_error(what: &str, path: &str, e: std::io::Error) -> EvalError {
    EvalError::other(format!("Failed to {what} the file {path}: {e}"))
}

fn read_file(path: &Value) -> Result<String, EvalError> {
    let p = path.as_str()?;
    std::fs::read_to_string(p).map_err(|e| io_error("read", p, e))
}

fn write_file(path: &Value, text: &str) -> Result<Value, EvalError> {
    let p = path.as_str()?;
    std::fs::write(p, text).map_err(|e| io_error("write", p, e))?;
    Ok(Value::Bool(true))
}

fn parse(text: &str, path: &Value) -> Result<Json, EvalError> {
    serde_json::from_str(text).map_err(|e| EvalError::other(format!("Failed to parse the JSON in {path}: {e}")))
}

fn nd_json_deserialize(path: &Value) -> Result<Value, EvalError> {
    let text = read_file(path)?;
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        out.push(from_json(&parse(line, path)?)?);
    }
    Ok(Value::tuple(out))
}
