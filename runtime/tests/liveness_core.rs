//! The liveness checker on hand-built graphs: a toy model whose states are numbers, whose
//! successors are a table, and whose atoms are sets of states or of steps.

use std::collections::HashSet;
use tla2_runtime::liveness::{
    check_liveness, Fairness, FairnessConstraint, FairnessKind, Formula, LiveProperty, LivenessModel, LivenessOptions,
    LivenessVerdict, ViolationKind,
};
use tla2_runtime::model::{ActionId, ActionInfo, EngineSnapshot, Model, ModelError, PropertyInfo};
use tla2_runtime::value::Value;

fn set<T: std::hash::Hash + Eq>(v: Vec<T>) -> HashSet<T> {
    v.into_iter().collect()
}

/// States `0..succ.len()`, initial state 0. State atom `i` holds in `state_atoms[i]`; step
/// atom `i` holds on the steps `step_atoms[i]`; ENABLED atom `i` holds where some
/// successor step is one of step atom `i`.
struct Toy {
    succ: Vec<Vec<u32>>,
    state_atoms: Vec<HashSet<u32>>,
    step_atoms: Vec<HashSet<(u32, u32)>>,
    vars: Vec<String>,
    actions: Vec<ActionInfo>,
}

impl Toy {
    fn new(succ: Vec<Vec<u32>>) -> Toy {
        Toy {
            succ,
            state_atoms: Vec::new(),
            step_atoms: Vec::new(),
            vars: vec!["s".into()],
            actions: vec![ActionInfo { name: "Next".into(), location: None }],
        }
    }
}

impl Model for Toy {
    type State = u32;
    type Worker = ();
    fn new_worker(&self, _: usize) {}
    fn set_snapshot(&self, _: &mut (), _: &EngineSnapshot) {}
    fn variables(&self) -> &[String] {
        &self.vars
    }
    fn actions(&self) -> &[ActionInfo] {
        &self.actions
    }
    fn invariants(&self) -> &[PropertyInfo] {
        &[]
    }
    fn init_states(&self, _: &mut (), emit: &mut dyn FnMut(u32)) -> Result<(), ModelError> {
        emit(0);
        Ok(())
    }
    fn next_states(&self, _: &mut (), s: &u32, emit: &mut dyn FnMut(ActionId, u32)) -> Result<(), ModelError> {
        self.succ[*s as usize].iter().for_each(|t| emit(0, *t));
        Ok(())
    }
    fn check_invariants(&self, _: &mut (), _: &u32) -> Result<Option<usize>, ModelError> {
        Ok(None)
    }
    fn satisfies_constraints(&self, _: &mut (), _: &u32) -> Result<bool, ModelError> {
        Ok(true)
    }
    fn satisfies_action_constraints(&self, _: &mut (), _: &u32, _: &u32) -> Result<bool, ModelError> {
        Ok(true)
    }
    fn fingerprint(&self, _: &mut (), s: &u32) -> u64 {
        *s as u64 + 1
    }
    fn state_values(&self, s: &u32) -> Vec<Value> {
        vec![Value::Int(*s as i64)]
    }
}

impl LivenessModel for Toy {
    fn eval_state_atom(&self, _: &mut (), a: u32, s: &u32) -> Result<bool, ModelError> {
        Ok(self.state_atoms[a as usize].contains(s))
    }
    fn eval_action_atom(&self, _: &mut (), a: u32, s: &u32, t: &u32) -> Result<bool, ModelError> {
        Ok(self.step_atoms[a as usize].contains(&(*s, *t)))
    }
    fn eval_enabled(&self, _: &mut (), a: u32, s: &u32) -> Result<bool, ModelError> {
        Ok(self.succ[*s as usize].iter().any(|t| self.step_atoms[a as usize].contains(&(*s, *t))))
    }
}

fn weak(a: u32) -> FairnessConstraint {
    FairnessConstraint { kind: FairnessKind::Weak, enabled: a, step: a }
}

fn strong(a: u32) -> FairnessConstraint {
    FairnessConstraint { kind: FairnessKind::Strong, enabled: a, step: a }
}

fn prop(f: Formula) -> Vec<LiveProperty> {
    vec![LiveProperty { name: "P".into(), formula: f }]
}

fn check(m: &Toy, f: Formula, fair: &[FairnessConstraint]) -> LivenessVerdict<u32> {
    let fair = Fairness { constraints: fair.to_vec(), formulas: Vec::new() };
    check_liveness(m, &prop(f), &fair, &LivenessOptions::default()).verdict.expect("no error")
}

/// The states of a violation, and TLC's "Back to state" (1-based; 0 for stuttering).
fn lasso(v: LivenessVerdict<u32>) -> (Vec<u32>, usize) {
    match v {
        LivenessVerdict::Violated(v) => {
            assert_eq!(v.kind, ViolationKind::Temporal);
            let back = if v.stuttering { 0 } else { v.cycle_start.unwrap() + 1 };
            (v.states, back)
        }
        LivenessVerdict::Holds => panic!("expected a violation"),
    }
}

/// A ring 0 -> 1 -> 2 -> 0, all steps being the action 0; state atom 0 is `s = 2`.
fn ring() -> Toy {
    let mut m = Toy::new(vec![vec![1], vec![2], vec![0]]);
    m.state_atoms.push(set(vec![2]));
    m.step_atoms.push(set(vec![(0, 1), (1, 2), (2, 0)]));
    m
}

#[test]
fn eventually_fails_by_stuttering_in_the_initial_state_without_fairness() {
    let m = ring();
    let (states, back) = lasso(check(&m, Formula::eventually(Formula::StatePred(0)), &[]));
    assert_eq!((states, back), (vec![0], 0));
}

#[test]
fn always_eventually_holds_on_a_ring_under_weak_fairness() {
    let m = ring();
    let f = Formula::always(Formula::eventually(Formula::StatePred(0)));
    assert_eq!(check(&m, f, &[weak(0)]), LivenessVerdict::Holds);
}

#[test]
fn eventually_always_fails_on_a_ring_with_a_real_cycle() {
    let m = ring();
    let f = Formula::eventually(Formula::always(Formula::StatePred(0)));
    let (states, back) = lasso(check(&m, f, &[weak(0)]));
    assert_eq!((states, back), (vec![0, 1, 2], 1));
}

#[test]
fn leads_to_fails_when_a_branch_can_loop_away_from_the_goal() {
    // 0 -> 1 -> 1 (a self-loop of the model) and 0 -> 2; atom 0 is `s = 0`, atom 1 is `s = 2`.
    let mut m = Toy::new(vec![vec![1, 2], vec![1], vec![2]]);
    m.state_atoms = vec![set(vec![0]), set(vec![2])];
    m.step_atoms.push(set(vec![(0, 1), (0, 2)]));
    let f = Formula::LeadsTo(Box::new(Formula::StatePred(0)), Box::new(Formula::StatePred(1)));
    let (states, back) = lasso(check(&m, f, &[weak(0)]));
    assert_eq!((states, back), (vec![0, 1], 0));
}

/// 0 <-> 1 toggling (step atom 0); from 1 a step to 2 (step atom 1) enabled only in 1;
/// state atom 0 is `s = 2`.
fn intermittent() -> Toy {
    let mut m = Toy::new(vec![vec![1], vec![0, 2], vec![2]]);
    m.state_atoms.push(set(vec![2]));
    m.step_atoms = vec![set(vec![(0, 1), (1, 0)]), set(vec![(1, 2)])];
    m
}

#[test]
fn weak_fairness_does_not_force_an_intermittently_enabled_step() {
    let m = intermittent();
    let (states, back) = lasso(check(&m, Formula::eventually(Formula::StatePred(0)), &[weak(0), weak(1)]));
    assert_eq!((states, back), (vec![0, 1], 1));
}

#[test]
fn strong_fairness_forces_an_intermittently_enabled_step() {
    let m = intermittent();
    let f = Formula::eventually(Formula::StatePred(0));
    assert_eq!(check(&m, f, &[weak(0), strong(1)]), LivenessVerdict::Holds);
}

#[test]
fn an_unsupported_form_is_an_error_naming_the_property() {
    let m = ring();
    // The negation of <>(P /\ []Q) is [](~P \/ <>~Q), which needs a tableau; it must not be
    // reported as satisfied.
    let f = Formula::eventually(Formula::And(vec![Formula::StatePred(0), Formula::always(Formula::StatePred(0))]));
    let r = check_liveness(&m, &prop(f), &Fairness::default(), &LivenessOptions::default());
    assert!(matches!(r.verdict, Err(tla2_runtime::liveness::LivenessError::Unsupported { .. })), "{r:?}");
}

#[test]
fn a_long_chain_does_not_overflow_the_stack() {
    let n = 200_000u32;
    let mut m = Toy::new((0..n).map(|i| vec![(i + 1) % n]).collect());
    m.state_atoms.push(set(vec![n - 1]));
    m.step_atoms.push((0..n).map(|i| (i, (i + 1) % n)).collect());
    let f = Formula::always(Formula::eventually(Formula::StatePred(0)));
    let fair = Fairness { constraints: vec![weak(0)], formulas: Vec::new() };
    let r = check_liveness(&m, &prop(f), &fair, &LivenessOptions::default());
    assert_eq!(r.verdict, Ok(LivenessVerdict::Holds));
    assert_eq!(r.stats.states, n as u64);
}

#[test]
fn once_p_always_p_fails_when_the_ring_leaves_p() {
    // [](s = 2 => [](s = 2)): its negation <>(s = 2 /\ <>(s /= 2)) is a chain of two states.
    let m = ring();
    let p = Formula::StatePred(0);
    let f = Formula::always(Formula::Or(vec![Formula::negate(p.clone()), Formula::always(p)]));
    let (states, back) = lasso(check(&m, f, &[weak(0)]));
    assert_eq!(states[..3], [0, 1, 2]);
    assert!(states.len() >= 3 && back >= 1, "{states:?} back to {back}");
}
