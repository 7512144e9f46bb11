//! Temporal properties of the `tests/specs/liveness_*` fixtures through the whole pipeline
//! (load, cfg, lower, `InterpModel`, `check_properties`), against the verdicts, distinct-state
//! counts and counterexample shapes TLC gave for them (`/tmp/tlc/tlc -workers 1`).

use std::path::Path;

use tla2_runtime::liveness::{LivenessVerdict, ViolationKind};

mod liveness_common;

use liveness_common::run;

/// What TLC said about a fixture.
#[derive(Debug, PartialEq, Eq)]
struct Summary {
    /// "holds", or the violated property with the kind of violation.
    verdict: String,
    distinct: u64,
    /// Trace length (states printed before "Back to state"/"Stuttering"), 0 if it holds.
    trace: usize,
    /// TLC's "Back to state N" (1-based), or 0 for stuttering / no cycle.
    back_to: usize,
}

fn summary(dir: &str, module: &str) -> Summary {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/specs").join(dir);
    let out = run(&root.join(format!("{module}.tla")), &root.join(format!("{module}.cfg")))
        .unwrap_or_else(|e| panic!("{dir}: {e}"));
    let verdict = out.result.verdict.unwrap_or_else(|e| panic!("{dir}: {e:?}"));
    let distinct = out.result.stats.states;
    match verdict {
        LivenessVerdict::Holds => Summary { verdict: "holds".into(), distinct, trace: 0, back_to: 0 },
        LivenessVerdict::Violated(v) => {
            let kind = match v.kind {
                ViolationKind::Temporal => "temporal",
                ViolationKind::ActionProperty => "action property",
                ViolationKind::Invariant => "invariant",
                ViolationKind::InitialPredicate => "initial predicate",
            };
            let back_to = match (v.cycle_start, v.stuttering) {
                (Some(c), false) => c + 1,
                _ => 0,
            };
            let verdict = format!("{kind} {}", out.properties[v.property].name);
            Summary { verdict, distinct, trace: v.states.len(), back_to }
        }
    }
}

fn holds(distinct: u64) -> Summary {
    Summary { verdict: "holds".into(), distinct, trace: 0, back_to: 0 }
}

#[test]
fn always_eventually_leads_to_and_eventually_hold_under_weak_fairness() {
    assert_eq!(summary("liveness_wf_counter", "Counter"), holds(4));
}

#[test]
fn eventually_fails_without_fairness_by_stuttering() {
    // TLC prints x = 0, x = 1, then "State 3: Stuttering"; tla2 stutters in the initial state,
    // which is also a counterexample, one state shorter.
    let s = summary("liveness_stutter", "Stutter");
    assert_eq!((s.verdict.as_str(), s.distinct, s.back_to), ("temporal EventuallyTwo", 4, 0));
    assert!(s.trace <= 2, "{s:?}");
}

#[test]
fn eventually_always_holds_and_always_eventually_fails_once_the_counter_settles() {
    // TLC: State 1..3 then "State 4: Stuttering".
    let want = Summary { verdict: "temporal OneInfinitelyOften".into(), distinct: 3, trace: 3, back_to: 0 };
    assert_eq!(summary("liveness_settle", "Settle"), want);
}

#[test]
fn strong_fairness_makes_an_intermittently_enabled_action_happen() {
    assert_eq!(summary("liveness_sf_holds", "SFHolds"), holds(4));
}

#[test]
fn weak_fairness_lets_an_intermittently_enabled_action_starve_on_a_cycle() {
    // TLC: State 1 (flag = FALSE), State 2 (flag = TRUE), "Back to state 1".
    let want = Summary { verdict: "temporal EventuallyDone".into(), distinct: 4, trace: 2, back_to: 1 };
    assert_eq!(summary("liveness_wf_fails", "WFFails"), want);
}

#[test]
fn quantified_weak_fairness_gives_one_constraint_per_process() {
    assert_eq!(summary("liveness_quantified_wf", "Procs"), holds(27));
}

#[test]
fn a_spec_refines_another_through_instance_with_its_fairness() {
    assert_eq!(summary("liveness_refinement", "Fine"), holds(8));
}

#[test]
fn an_action_property_fails_on_the_step_that_wraps_around() {
    // TLC: "Action property Increasing is violated", four states, exit code 13.
    let want = Summary { verdict: "action property Increasing".into(), distinct: 3, trace: 4, back_to: 0 };
    assert_eq!(summary("liveness_action_property", "Wrap"), want);
}
