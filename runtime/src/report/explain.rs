//! What tla2 adds to TLC's human output, after TLC's own lines (so tools that read TLC's text
//! still find it unchanged): where the violated property is defined with its text, and what
//! changed in each step of the counterexample — the same facts the JSON report gives.

use super::human::action_label;
use super::{CheckResult, Status};
use crate::model::PropertyInfo;
use std::fmt::Write as _;

/// The `tla2:` lines for `result`; empty when there is nothing to add.
pub fn explain(result: &CheckResult) -> String {
    let mut out = String::new();
    let property = match &result.status {
        Status::InvariantViolation { property, .. } => Some(("Invariant", property)),
        Status::ActionPropertyViolation { property, .. } => Some(("Action property", property)),
        Status::TemporalViolation { property, .. } => Some(("Temporal property", property)),
        _ => None,
    };
    if let Some((kind, p)) = property {
        describe_property(&mut out, kind, p);
    }
    if let Status::EvalError { error, .. } = &result.status {
        if let Some(l) = &error.location {
            let _ = writeln!(out, "tla2: the failing expression is at {}:{}:{}", l.file, l.line, l.column);
        }
    }
    if result.trace.len() > 1 {
        let _ = writeln!(out, "tla2: what each step of the behavior changed:");
        for (i, pair) in result.trace.windows(2).enumerate() {
            let (before, after) = (&pair[0], &pair[1]);
            let changes: Vec<String> = result
                .variables
                .iter()
                .zip(before.values.iter().zip(&after.values))
                .filter(|(_, (a, b))| a != b)
                .map(|(name, (a, b))| format!("{name}: {a} -> {b}"))
                .collect();
            let action = match &after.action {
                Some(a) => a.name.clone(),
                None => action_label(None),
            };
            let what = if changes.is_empty() { "nothing (stuttering)".to_string() } else { changes.join(", ") };
            let _ = writeln!(out, "  {} -> {} ({action}): {what}", i + 1, i + 2);
        }
    }
    out
}

fn describe_property(out: &mut String, kind: &str, p: &PropertyInfo) {
    let at = p.location.as_ref().map(|l| format!(" at {}:{}:{}", l.file, l.line, l.column));
    let _ = writeln!(out, "tla2: {kind} {} is defined{}", p.name, at.unwrap_or_default());
    let text = p.expression.trim();
    if !text.is_empty() && text != p.name {
        for line in text.lines() {
            let _ = writeln!(out, "    {line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionInfo, SourceLocation};
    use crate::report::TraceStep;
    use crate::value::Value;

    fn step(small: i64, big: i64, action: Option<&str>) -> TraceStep {
        TraceStep {
            values: vec![Value::Int(small), Value::Int(big)],
            action: action.map(|a| ActionInfo { name: a.into(), location: None }),
            fingerprint: 1,
        }
    }

    #[test]
    fn a_violation_names_where_the_invariant_is_and_what_each_step_changed() {
        let location = SourceLocation {
            file: "Jugs.tla".into(),
            module: "Jugs".into(),
            line: 40,
            column: 1,
            end_line: 40,
            end_column: 20,
        };
        let property = PropertyInfo { name: "NotFour".into(), location: Some(location), expression: "big /= 4".into() };
        let result = CheckResult {
            status: Status::InvariantViolation { index: 0, property, initial: false },
            trace: vec![step(0, 0, None), step(0, 5, Some("FillBig")), step(0, 5, Some("Noop"))],
            stats: Default::default(),
            variables: vec!["small".into(), "big".into()],
            violations: Vec::new(),
        };
        let text = explain(&result);
        assert!(text.contains("tla2: Invariant NotFour is defined at Jugs.tla:40:1\n"), "{text}");
        assert!(text.contains("    big /= 4"), "{text}");
        assert!(text.contains("  1 -> 2 (FillBig): big: 0 -> 5\n"), "{text}");
        assert!(text.contains("  2 -> 3 (Noop): nothing (stuttering)"), "{text}");
    }

    #[test]
    fn a_success_adds_nothing() {
        let result = CheckResult {
            status: Status::Success,
            trace: Vec::new(),
            stats: Default::default(),
            variables: Vec::new(),
            violations: Vec::new(),
        };
        assert_eq!(explain(&result), "");
    }
}
