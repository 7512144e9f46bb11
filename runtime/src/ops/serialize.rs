//! `IOUtils!IOSerialize` / `IODeserialize`: a value written to a file and read back. TLC writes
//! its own binary format; tla2 writes a self-describing JSON encoding of the value (a file
//! written by TLC cannot be read, and the `compress` flag is accepted and ignored).

use std::sync::Arc;

use serde_json::{json, Value as Json};

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("IOSerialize", |v, path, _compress| write(v, path)),
    builtin!("IODeserialize", |path, _compress| read(path)),
];

fn encode(v: &Value) -> Result<Json, EvalError> {
    Ok(match v {
        Value::Bool(b) => json!({ "bool": b }),
        Value::Int(i) => json!({ "int": i }),
        Value::Str(s) => json!({ "str": &**s }),
        Value::ModelValue(s) => json!({ "mv": &**s }),
        _ if v.is_set() => json!({ "set": v.enumerate()?.iter().map(encode).collect::<Result<Vec<_>, _>>()? }),
        _ => {
            let pairs = v.fun_pairs()?;
            let enc = pairs
                .iter()
                .map(|(k, x)| Ok(json!([encode(k)?, encode(x)?])))
                .collect::<Result<Vec<_>, EvalError>>()?;
            json!({ "fun": enc })
        }
    })
}

fn decode(j: &Json) -> Result<Value, EvalError> {
    let bad = || EvalError::other(format!("IODeserialize cannot read the value {j}"));
    let Some((kind, body)) = j.as_object().and_then(|o| o.iter().next()) else { return Err(bad()) };
    Ok(match (kind.as_str(), body) {
        ("bool", Json::Bool(b)) => Value::Bool(*b),
        ("int", n) => Value::Int(n.as_i64().ok_or_else(bad)?),
        ("str", Json::String(s)) => Value::Str(Arc::from(s.as_str())),
        ("mv", Json::String(s)) => Value::model_value(s),
        ("set", Json::Array(xs)) => Value::set(xs.iter().map(decode).collect::<Result<_, _>>()?),
        ("fun", Json::Array(ps)) => {
            let pair = |p: &Json| -> Result<(Value, Value), EvalError> {
                match p.as_array().map(Vec::as_slice) {
                    Some([k, x]) => Ok((decode(k)?, decode(x)?)),
                    _ => Err(bad()),
                }
            };
            Value::fun(ps.iter().map(pair).collect::<Result<_, _>>()?)
        }
        _ => return Err(bad()),
    })
}

fn write(v: &Value, path: &Value) -> Result<Value, EvalError> {
    let p = path.as_str()?;
    std::fs::write(p, encode(v)?.to_string())
        .map_err(|e| EvalError::other(format!("Failed to write the file {p}: {e}")))?;
    Ok(Value::Bool(true))
}

fn read(path: &Value) -> Result<Value, EvalError> {
    let p = path.as_str()?;
    let text = std::fs::read_to_string(p).map_err(|e| EvalError::other(format!("Failed to read the file {p}: {e}")))?;
    let j: Json = serde_json::from_str(&text).map_err(|e| EvalError::other(format!("Failed to parse {p}: {e}")))?;
    decode(&j)
}
