//! The run-time pitfall notes of a check run (issue 9): actions of Next that no reachable state
//! enabled in a complete search, and deadlock checking turned off. The static ones are in
//! `tla2_frontend::lint`.

use super::SpecModel;
use crate::model::ActionInfo;
use crate::report::json::Note;
use crate::report::CheckResult;

/// TLA2_ACTION_NEVER_ENABLED for each action that produced no successor in a search that
/// explored every reachable state (after a violation or a time limit nothing can be said).
pub fn never_enabled_actions<M: SpecModel>(model: &M, result: &CheckResult) -> Vec<Note> {
    if !model.warns_dead_actions() {
        return Vec::new();
    }
    let actions = model.actions();
    let counts = &result.stats.per_action;
    if !result.status.is_success() || counts.len() != actions.len() {
        return Vec::new();
    }
    // TLC splits `\E p \in S : A(p)` into one action per `p` (and an instance may be split
    // further, at another location): an action is dead only when every one of its instances is.
    let mut dead: Vec<&ActionInfo> = Vec::new();
    for (a, _) in actions.iter().zip(counts).filter(|(_, c)| c.generated == 0) {
        let alive = actions.iter().zip(counts).any(|(b, c)| b.name == a.name && c.generated > 0);
        if !alive && !dead.iter().any(|d| d.name == a.name) {
            dead.push(a);
        }
    }
    dead.into_iter()
        .map(|a| Note {
            code: "TLA2_ACTION_NEVER_ENABLED".into(),
            message: format!(
                "Action '{}' was never enabled: no reachable state has a successor under it \
                 (a dead action usually means a modelling bug or constants too small to reach it)",
                a.name
            ),
            location: a.location.clone(),
            suggestion: Some(serde_json::json!({
                "action": "check_dead_action",
                "message": format!(
                    "Check the enabling condition of {} against the reachable states, and the constants of the cfg; \
                     per-action counts are in actions_detected",
                    a.name
                ),
            })),
        })
        .collect()
}

/// TLA2_DEADLOCK_UNCHECKED: deadlock checking is off, by `-deadlock` or `CHECK_DEADLOCK FALSE`.
pub fn deadlock_unchecked(flag_off: bool, cfg_off: bool, simulating: bool) -> Option<Note> {
    let why = match (flag_off, cfg_off) {
        (true, _) => "-deadlock was given",
        (false, true) => "the cfg says CHECK_DEADLOCK FALSE",
        _ => return None,
    };
    let mode = if simulating { "simulation" } else { "model checking" };
    Some(Note::new(
        "TLA2_DEADLOCK_UNCHECKED",
        format!("Deadlock checking is off ({why}): {mode} will not report states without successors."),
    ))
}

/// The human rendering of a note: TLC's `Warning:` line, then where and what to do.
pub fn print_human(note: &Note) {
    println!("Warning: {}", note.message);
    if let Some(l) = &note.location {
        println!("  --> {}:{}:{}", l.file, l.line, l.column);
    }
    if let Some(m) = note.suggestion.as_ref().and_then(|s| s["message"].as_str()) {
        println!("  = help: {m}");
    }
}
