//! The human rendering of a run: TLC's message texts (`tlc2.output.MP`), so that scripts written
//! against TLC's output keep working.

use super::{CheckResult, ErrorContext, OutDegree, Stats, Status, TraceStep, Violation};
use crate::model::{ActionInfo, SourceLocation};
use crate::value::Value;
use std::fmt::Write;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Everything TLC prints about a finished run: the violations a `-continue` run went past,
/// then [`render_verdict`].
pub fn render_result(result: &CheckResult) -> String {
    let mut out = String::new();
    for violation in &result.violations {
        out.push_str(&render_violation(&result.variables, violation));
    }
    out + &render_verdict(result)
}

/// The verdict, counterexample and statistics lines TLC prints at the end of a run (without the
/// final "Finished in" line, see [`finished_line`]).
pub fn render_verdict(result: &CheckResult) -> String {
    render_verdict_head(result) + &render_statistics(result)
}

/// The verdict and counterexample, without the statistics lines.
pub fn render_verdict_head(result: &CheckResult) -> String {
    let mut out = String::new();
    let trace = &result.trace;
    match &result.status {
        Status::Success => render_success(&mut out, &result.stats),
        Status::InvariantViolation { property, initial: true, .. } => {
            // TLC prints the state inline and no statistics when an initial state is bad.
            let _ = writeln!(out, "Error: Invariant {} is violated by the initial state:", property.name);
            if let Some(step) = trace.last() {
                out.push_str(&format_state(&result.variables, &step.values));
            }
            out.push('\n');
        }
        Status::InvariantViolation { property, .. } => {
            let _ = writeln!(out, "Error: Invariant {} is violated.", property.name);
            render_trace(&mut out, &result.variables, trace);
        }
        Status::ActionPropertyViolation { property, .. } => {
            let _ = writeln!(out, "Error: Action property {} is violated.", property.name);
            render_trace(&mut out, &result.variables, trace);
        }
        Status::TemporalViolation { property, initial: true, .. } => {
            let _ = writeln!(out, "Error: Property {} is violated by the initial state:", property.name);
            if let Some(step) = trace.last() {
                out.push_str(&format_state(&result.variables, &step.values));
            }
            out.push('\n');
        }
        Status::TemporalViolation { property, loop_start, loop_action, .. } => {
            let _ = writeln!(out, "Error: Temporal properties were violated.\n");
            let _ = writeln!(out, "Error: The following behavior constitutes a counter-example:\n");
            let _ = property;
            render_states(&mut out, &result.variables, trace);
            match loop_start {
                Some(i) => {
                    let _ = writeln!(out, "Back to state {}: {}\n", i + 1, action_label(loop_action.as_ref()));
                }
                None => {
                    let _ = writeln!(out, "State {}: Stuttering", trace.len() + 1);
                }
            }
        }
        Status::Deadlock => {
            out.push_str("Error: Deadlock reached.\n");
            render_trace(&mut out, &result.variables, trace);
        }
        Status::EvalError { error, context } => render_eval_error(&mut out, result, error, context),
        Status::AssumptionFailure { message } | Status::PostconditionFailure { message } => {
            let _ = writeln!(out, "Error: {message}");
        }
        Status::Interrupted => out.push_str("Model checking was interrupted before it finished.\n"),
        Status::TraceReplayFailed { message } => {
            let _ = writeln!(out, "Error: tla2 could not rebuild the counterexample: {message}");
        }
        Status::ResourceExhausted { message } => {
            let _ = writeln!(out, "Error: {message}. The run stopped: free disk space in the metadirectory (-metadir) or raise -fpmem/--queue-mem.");
        }
    }
    out
}

/// The statistics lines ("N states generated, …", the depth, the outdegree). TLC prints none
/// when an initial state violates an invariant or an assumption is false.
pub fn render_statistics(result: &CheckResult) -> String {
    let mut out = String::new();
    match &result.status {
        Status::InvariantViolation { initial: true, .. } | Status::AssumptionFailure { .. } => {}
        _ => render_stats(&mut out, &result.stats),
    }
    out
}

/// A violation reported by a run that went on (`-continue`), as TLC prints it when found.
pub fn render_violation(variables: &[String], violation: &Violation) -> String {
    let mut out = String::new();
    match &violation.status {
        Status::InvariantViolation { property, initial: true, .. } => {
            let _ = writeln!(out, "Error: Invariant {} is violated by the initial state:", property.name);
            if let Some(step) = violation.trace.last() {
                out.push_str(&format_state(variables, &step.values));
            }
            out.push('\n');
            return out;
        }
        Status::InvariantViolation { property, .. } => {
            let _ = writeln!(out, "Error: Invariant {} is violated.", property.name);
        }
        Status::ActionPropertyViolation { property, .. } => {
            let _ = writeln!(out, "Error: Action property {} is violated.", property.name);
        }
        other => {
            let _ = writeln!(out, "Error: {other:?}");
        }
    }
    render_trace(&mut out, variables, &violation.trace);
    out
}

fn render_success(out: &mut String, stats: &Stats) {
    out.push_str("Model checking completed. No error has been found.\n");
    out.push_str("  Estimates of the probability that TLC did not check all reachable states\n");
    out.push_str("  because two distinct states had the same fingerprint:\n");
    let _ = writeln!(out, "  calculated (optimistic):  val = {}", collision_probability(stats));
    if let Some(distance) = stats.fingerprint_min_distance.filter(|&d| d > 0) {
        // TLC rounds 1/distance to two significant digits before printing it.
        let observed = format!("{:.1e}", 1.0 / distance as f64).parse().unwrap_or(0.0);
        let _ = writeln!(out, "  based on the actual fingerprints:  val = {}", significant_digits(observed, 2));
    }
}

fn render_eval_error(out: &mut String, result: &CheckResult, error: &crate::model::ModelError, context: &ErrorContext) {
    match context {
        ErrorContext::Invariant => {
            let _ = writeln!(out, "Error: Evaluating invariant failed.\n{}", error.error);
        }
        ErrorContext::ActionProperty => {
            let _ = writeln!(out, "Error: Evaluating action property failed.\n{}", error.error);
        }
        _ => {
            let _ = writeln!(out, "Error: {}", error.error);
        }
    }
    if let Some(hint) = &error.error.hint {
        let _ = writeln!(out, "Hint: {hint}");
    }
    if !result.trace.is_empty() {
        render_trace(out, &result.variables, &result.trace);
    }
    if let Some(location) = &error.location {
        out.push_str("Error: The error occurred when TLC was evaluating the nested\n");
        out.push_str("expressions at the following positions:\n");
        let _ = writeln!(
            out,
            "0. Line {}, column {} to line {}, column {} in {}\n",
            location.line, location.column, location.end_line, location.end_column, location.module
        );
    }
}

fn render_stats(out: &mut String, stats: &Stats) {
    let _ = writeln!(
        out,
        "{} states generated, {} distinct states found, {} states left on queue.",
        stats.generated, stats.distinct, stats.left_on_queue
    );
    let depth = if stats.generated == 0 { 0 } else { stats.depth };
    let _ = writeln!(out, "The depth of the complete state graph search is {depth}.");
    if let Some(OutDegree { min, mean, percentile95, max }) = &stats.outdegree {
        let _ = writeln!(
            out,
            "The average outdegree of the complete state graph is {mean} (minimum is {min}, the maximum {max} and the 95th percentile is {percentile95})."
        );
    }
}

/// "Error: The behavior up to this point is:" followed by one block per state.
pub fn render_trace(out: &mut String, variables: &[String], trace: &[TraceStep]) {
    out.push_str("Error: The behavior up to this point is:\n");
    render_states(out, variables, trace);
}

/// The `State N: <label>` blocks of a trace, without a heading.
pub fn render_states(out: &mut String, variables: &[String], trace: &[TraceStep]) {
    for (i, step) in trace.iter().enumerate() {
        let _ = writeln!(out, "State {}: {}", i + 1, action_label(step.action.as_ref()));
        out.push_str(&format_state(variables, &step.values));
        out.push('\n');
    }
}

/// TLC's label of a step: `<Initial predicate>` or `<Next line 6, col 9 to line 6, col 18 of
/// module M>`.
pub fn action_label(action: Option<&ActionInfo>) -> String {
    match action {
        None => "<Initial predicate>".to_string(),
        Some(ActionInfo { name, location: Some(l) }) => format!("<{name} {}>", location_text(l)),
        Some(ActionInfo { name, location: None }) => format!("<{name}>"),
    }
}

/// `line 6, col 9 to line 6, col 18 of module M`.
pub fn location_text(l: &SourceLocation) -> String {
    format!("line {}, col {} to line {}, col {} of module {}", l.line, l.column, l.end_line, l.end_column, l.module)
}

/// A state as TLC prints it: `/\ x = 1` per variable, or `x = 1` when there is only one.
pub fn format_state(variables: &[String], values: &[Value]) -> String {
    let mut out = String::new();
    let single = variables.len() == 1;
    for (name, value) in variables.iter().zip(values) {
        if single {
            let _ = writeln!(out, "{name} = {value}");
        } else {
            let _ = writeln!(out, "/\\ {name} = {value}");
        }
    }
    out
}

/// "Finished computing initial states: …" as TLC prints it.
pub fn init_line(generated: u64, distinct: u64, now: SystemTime) -> String {
    let plural = if generated == 1 { "" } else { "s" };
    if generated == distinct {
        format!(
            "Finished computing initial states: {generated} distinct state{plural} generated at {}.",
            timestamp(now)
        )
    } else {
        format!(
            "Finished computing initial states: {generated} state{plural} generated, with {distinct} of them distinct at {}.",
            timestamp(now)
        )
    }
}

/// What a progress line reports.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProgressInfo {
    pub depth: u32,
    pub generated: u64,
    pub distinct: u64,
    pub queue: u64,
    pub states_per_minute: u64,
    pub distinct_per_minute: u64,
}

/// TLC's periodic "Progress(D) at …" line.
pub fn progress_line(p: &ProgressInfo, now: SystemTime) -> String {
    format!(
        "Progress({}) at {}: {} states generated ({} s/min), {} distinct states found ({} ds/min), {} states left on queue.",
        p.depth,
        timestamp(now),
        group_thousands(p.generated),
        group_thousands(p.states_per_minute),
        group_thousands(p.distinct),
        group_thousands(p.distinct_per_minute),
        group_thousands(p.queue)
    )
}

/// "Finished in 01s at (2024-01-01 12:00:00)".
pub fn finished_line(duration: Duration, now: SystemTime) -> String {
    format!("Finished in {} at ({})", format_duration(duration), timestamp(now))
}

/// TLC's run-time format: `05s`, `02min 03s`, `01h 02min`, `1d 01h`.
pub fn format_duration(d: Duration) -> String {
    let ms = d.as_millis() as u64;
    let secs = ms / 1000;
    let (h, m, s) = ((secs / 3600) % 24, (secs / 60) % 60, secs % 60);
    if ms > 86_400_000 {
        format!("{}d {:02}h", secs / 86_400, h)
    } else if ms > 3_600_000 {
        format!("{h:02}h {m:02}min")
    } else if ms > 60_000 {
        format!("{m:02}min {s:02}s")
    } else {
        format!("{s:02}s")
    }
}

/// `1,234,567` (TLC's `###,###` decimal format).
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `yyyy-MM-dd HH:mm:ss` in UTC.
pub fn timestamp(now: SystemTime) -> String {
    let secs = now.duration_since(UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0) as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, mo, d) = civil_from_days(days);
    format!("{y:04}-{mo:02}-{d:02} {:02}:{:02}:{:02}", rem / 3600, (rem / 60) % 60, rem % 60)
}

/// The proleptic Gregorian date of a day number counted from 1970-01-01.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

/// TLC's optimistic estimate `distinct * (generated - distinct) / 2^64`, with two significant
/// digits as TLC prints it.
pub fn collision_probability(stats: &Stats) -> String {
    let d = stats.distinct as f64;
    let g = stats.generated as f64;
    let p = d * ((g - d) / 2f64.powi(64));
    significant_digits(p, 2)
}

/// Rounds the decimal text of a probability to `digits` significant digits the way TLC does:
/// leading zeros before the point are dropped (`0.012` prints as `.012`), the exponent is kept.
fn significant_digits(val: f64, digits: usize) -> String {
    if val == 0.0 || !val.is_finite() || val < 0.0 {
        return "0.0".to_string();
    }
    let text = if val < 1e-3 { format!("{val:e}").replace('e', "E") } else { format!("{val}") };
    let (mantissa, exponent) = match text.find('E') {
        Some(i) => (&text[..i], &text[i..]),
        None => (text.as_str(), ""),
    };
    let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let int_part = int_part.trim_start_matches('0');
    let mut result: Vec<u8> = int_part.bytes().collect();
    let mut found = int_part.len();
    if frac_part.is_empty() || found >= digits {
        let mut s = String::from_utf8(result).unwrap_or_default();
        if s.is_empty() {
            s.push('0');
        }
        return s + exponent;
    }
    result.push(b'.');
    let frac = frac_part.as_bytes();
    let mut next = 0;
    if found == 0 {
        while next < frac.len() && frac[next] == b'0' {
            result.push(b'0');
            next += 1;
        }
    }
    while next < frac.len() && found < digits {
        result.push(frac[next]);
        next += 1;
        found += 1;
    }
    if next < frac.len() && frac[next] >= b'5' {
        round_up(&mut result);
    }
    String::from_utf8(result).unwrap_or_default() + exponent
}

/// Adds one unit in the last place of a decimal digit string, carrying over the point.
fn round_up(digits: &mut Vec<u8>) {
    for i in (0..digits.len()).rev() {
        match digits[i] {
            b'.' => continue,
            b'9' => digits[i] = b'0',
            c => {
                digits[i] = c + 1;
                return;
            }
        }
    }
    digits.insert(0, b'1');
}
