//! Module `"Randomization"`: `RandomSubset`, `RandomSetOfSubsets`, `RandomSubsetSet`, drawing
//! from the engine's seeded generator.

use super::{values, Arg, BuiltinContext, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[
    ("RandomSubset", random_subset),
    ("RandomSetOfSubsets", random_set_of_subsets),
    ("RandomSubsetSet", random_subset_set),
];

/// `k` distinct elements of `elems` chosen uniformly (partial Fisher–Yates).
fn pick(k: usize, elems: &[Value], ctx: &mut dyn BuiltinContext) -> Value {
    let mut pool = elems.to_vec();
    let k = k.min(pool.len());
    for i in 0..k {
        let j = i + (ctx.random_u64() % (pool.len() - i) as u64) as usize;
        pool.swap(i, j);
    }
    pool.truncate(k);
    Value::set(pool)
}

fn random_subset(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [k, s] = values(args, "RandomSubset")?;
    let elems = s.enumerate()?;
    let k =
        usize::try_from(k.as_int()?).map_err(|_| super::arg_error("first", "RandomSubset", "a natural number", k))?;
    // As TLC's subset enumerator: asking for more elements than the set has gives all of them.
    Ok(pick(k.min(elems.len()), &elems, ctx))
}

/// `RandomSetOfSubsets(k, n, S)`: up to `k` subsets of `S`, each element in with probability `n/|S|`.
fn random_set_of_subsets(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [k, n, s] = values(args, "RandomSetOfSubsets")?;
    let elems = s.enumerate()?;
    let (k, n) = (k.as_int()?, n.as_int()?);
    let p = if elems.is_empty() { 0.0 } else { n as f64 / elems.len() as f64 };
    draw_subsets(k, p, &elems, ctx)
}

fn random_subset_set(args: &[Arg<'_>], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [k, prob, s] = values(args, "RandomSubsetSet")?;
    let p: f64 = prob
        .as_str()?
        .parse()
        .map_err(|_| super::arg_error("second", "RandomSubsetSet", "a probability string", prob))?;
    draw_subsets(k.as_int()?, p, &s.enumerate()?, ctx)
}

fn draw_subsets(k: i64, p: f64, elems: &[Value], ctx: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let mut out = Vec::new();
    for _ in 0..k.max(0) {
        let subset =
            elems.iter().filter(|_| ((ctx.random_u64() >> 11) as f64 / (1u64 << 53) as f64) < p).cloned().collect();
        out.push(Value::set(subset));
    }
    Ok(Value::set(out))
}
