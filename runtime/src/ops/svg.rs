//! Module `"SVG"`: the helpers TLC implements natively (`SVGElemToString`, `NodeOfRingNetwork`,
//! `PointOnLine`). The graph layout `NodesOfDirectedMultiGraph` depends on a Java layout library
//! and is not implemented.

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    builtin!("SVGElemToString", |e| elem_to_string(e).map(|s| Value::str(&s))),
    builtin!("NodeOfRingNetwork", |cx, cy, r, n, m| ring_node(&[cx, cy, r, n, m])),
    builtin!("PointOnLine", |from, to, seg| point_on_line(from, to, seg)),
];

/// `<name a='v' …>innerText children…</name>`, attribute names with `_` written as `-`.
fn elem_to_string(e: &Value) -> Result<String, EvalError> {
    let name = e.field("name")?;
    let mut out = format!("<{}", name.as_str()?);
    for (k, v) in e.field("attrs")?.fun_pairs()? {
        let key = match &k {
            Value::Str(s) => s.replace('_', "-"),
            other => other.to_string(),
        };
        out.push_str(&format!(" {key}='{}'", v.as_str()?));
    }
    out.push('>');
    out.push_str(&e.field("innerText")?.as_str()?.replace("<<", "&lt;&lt;").replace(">>", "&gt;&gt;"));
    for (_, child) in e.field("children")?.fun_pairs()? {
        out.push_str(&elem_to_string(&child)?);
    }
    out.push_str(&format!("</{}>", name.as_str()?));
    Ok(out)
}

fn point(x: f64, y: f64) -> Value {
    // Java's `(int)` cast truncates toward zero.
    Value::record([("x", Value::Int(x.trunc() as i64)), ("y", Value::Int(y.trunc() as i64))])
}

/// The `n`th of `m` points evenly spaced on the circle of radius `r` around `(cx, cy)`.
fn ring_node(args: &[&Value; 5]) -> Result<Value, EvalError> {
    let [cx, cy, r, n, m] = [0, 1, 2, 3, 4].map(|i| args[i].as_int());
    let (cx, cy, r, n, m) = (cx? as f64, cy? as f64, r? as f64, n? as f64, m? as f64);
    let angle = (2.0 * std::f64::consts::PI / m) * n;
    Ok(point(cx + r * angle.cos(), cy + r * angle.sin()))
}

/// The point `1/segment` of the way from `from` to `to`.
fn point_on_line(from: &Value, to: &Value, seg: &Value) -> Result<Value, EvalError> {
    let coord = |p: &Value, f: &str| p.field(f).and_then(|v| v.as_int()).map(|i| i as f64);
    let (fx, fy, tx, ty) = (coord(from, "x")?, coord(from, "y")?, coord(to, "x")?, coord(to, "y")?);
    let d = seg.as_int()? as f64;
    Ok(point(fx + (tx - fx) / d, fy + (ty - fy) / d))
}
