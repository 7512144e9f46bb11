//! Module `"Statistics"`: `ChiSquare(expected, actual, alpha)`, Pearson's goodness-of-fit test as
//! TLC computes it (Apache Commons Math's `chiSquareTest`): TRUE unless the observed counts
//! differ from the expected ones significantly at level `alpha` (a string such as `"0.05"`).

use super::{arg_error, builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[builtin!("ChiSquare", |e, a, alpha| chi_square(e, a, alpha))];

fn counts(f: &Value, nth: &str) -> Result<Vec<f64>, EvalError> {
    let pairs = f.fun_pairs().map_err(|_| arg_error(nth, "ChiSquare", "a function", f))?;
    pairs.iter().map(|(_, v)| v.as_int().map(|i| i as f64)).collect()
}

fn chi_square(expected: &Value, actual: &Value, alpha: &Value) -> Result<Value, EvalError> {
    let (exp, obs) = (counts(expected, "first")?, counts(actual, "second")?);
    let a: f64 = alpha
        .as_str()
        .ok()
        .and_then(|s| s.trim().parse().ok())
        .ok_or_else(|| arg_error("third", "ChiSquare", "StringValue representing a double in (0, .5]", alpha))?;
    let valid =
        exp.len() >= 2 && exp.len() == obs.len() && exp.iter().all(|e| *e > 0.0) && obs.iter().all(|o| *o >= 0.0);
    let alpha_ok = a > 0.0 && a <= 0.5;
    if !valid || !alpha_ok {
        return Err(EvalError::other(format!("ChiSquare cannot test {actual} against {expected} at level {alpha}.")));
    }
    let (sum_e, sum_o): (f64, f64) = (exp.iter().sum(), obs.iter().sum());
    // Expected counts are rescaled to the observed total when the totals differ.
    let ratio = if (sum_e - sum_o).abs() > 10e-6 { sum_o / sum_e } else { 1.0 };
    let stat: f64 = exp.iter().zip(&obs).map(|(e, o)| (o - ratio * e).powi(2) / (ratio * e)).sum();
    let p_value = 1.0 - regularized_gamma_p((exp.len() - 1) as f64 / 2.0, stat / 2.0);
    Ok(Value::Bool(p_value >= a))
}

/// `ln Γ(x)` by the Lanczos approximation (g = 7, n = 9).
fn ln_gamma(x: f64) -> f64 {
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    let x = x - 1.0;
    let t = x + 7.5;
    let series = C[1..].iter().enumerate().fold(C[0], |acc, (i, c)| acc + c / (x + i as f64 + 1.0));
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + series.ln()
}

/// The regularized lower incomplete gamma function `P(a, x)`: a series below `a + 1`, a
/// continued fraction (modified Lentz) above.
fn regularized_gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let prefix = (a * x.ln() - x - ln_gamma(a)).exp();
    if x < a + 1.0 {
        let (mut term, mut sum, mut n) = (1.0 / a, 1.0 / a, a);
        while term.abs() > sum.abs() * 1e-15 {
            n += 1.0;
            term *= x / n;
            sum += term;
        }
        return (sum * prefix).min(1.0);
    }
    let tiny = 1e-300;
    let mut b = x + 1.0 - a;
    let (mut c, mut d) = (1.0 / tiny, 1.0 / b);
    let mut h = d;
    for i in 1..10_000 {
        let an = -(i as f64) * (i as f64 - a);
        b += 2.0;
        d = an * d + b;
        d = if d.abs() < tiny { tiny } else { d };
        c = b + an / c;
        c = if c.abs() < tiny { tiny } else { c };
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < 1e-15 {
            break;
        }
    }
    1.0 - prefix * h
}
