//! Small models written in Rust for the engine tests: a state is a vector of integers and the
//! spec is a handful of plain functions.

#![allow(dead_code)]

use std::hash::{Hash, Hasher};
use tla2_runtime::model::{ActionId, ActionInfo, EngineSnapshot, Model, ModelError, PropertyInfo, SourceLocation};
use tla2_runtime::value::{EvalError, EvalErrorKind};
use tla2_runtime::Value;

pub type State = Vec<i64>;
pub type Emit<'a> = &'a mut dyn FnMut(ActionId, State);

/// A spec given by functions over integer vectors.
pub struct Spec {
    pub variables: Vec<String>,
    pub actions: Vec<ActionInfo>,
    pub invariants: Vec<PropertyInfo>,
    pub init: Vec<State>,
    pub next: fn(&State, Emit) -> Result<(), ModelError>,
    pub invariant: fn(&State) -> Option<usize>,
    pub constraint: fn(&State) -> bool,
    pub action_constraint: fn(&State, &State) -> bool,
    /// Emit no successor for states at this level or deeper, as `TLCGet("level") < L` would.
    pub level_limit: Option<u32>,
    /// Computing the successors of a state that satisfies this asks to stop, as
    /// `TLCSet("exit", TRUE)` in the next-state relation would.
    pub exit_when: fn(&State) -> bool,
    pub action_properties: Vec<PropertyInfo>,
    pub action_property: fn(&State, &State) -> Option<usize>,
    /// Every state expanded, with the level and queue size the engine reported for it.
    pub expanded: std::sync::Mutex<Vec<(State, u32, u64)>>,
    /// States read back from a spill file do not decode, as from a corrupt file.
    pub corrupt_spill: bool,
}

impl Spec {
    pub fn new(
        variables: &[&str],
        actions: &[&str],
        init: Vec<State>,
        next: fn(&State, Emit) -> Result<(), ModelError>,
    ) -> Spec {
        Spec {
            variables: variables.iter().map(|s| s.to_string()).collect(),
            actions: actions
                .iter()
                .enumerate()
                .map(|(i, name)| ActionInfo { name: name.to_string(), location: Some(location(i as u32 + 5)) })
                .collect(),
            invariants: Vec::new(),
            init,
            next,
            invariant: |_| None,
            constraint: |_| true,
            action_constraint: |_, _| true,
            level_limit: None,
            exit_when: |_| false,
            action_properties: Vec::new(),
            action_property: |_, _| None,
            corrupt_spill: false,
            expanded: Default::default(),
        }
    }

    pub fn with_invariants(mut self, names: &[&str], invariant: fn(&State) -> Option<usize>) -> Spec {
        self.invariants = names
            .iter()
            .map(|n| PropertyInfo { name: n.to_string(), location: None, expression: String::new() })
            .collect();
        self.invariant = invariant;
        self
    }
}

/// `line L, col 1 to line L, col 20 of module M`.
pub fn location(line: u32) -> SourceLocation {
    SourceLocation { file: "M.tla".into(), module: "M".into(), line, column: 1, end_line: line, end_column: 20 }
}

pub fn error(message: &str) -> ModelError {
    ModelError::new(EvalError::new(EvalErrorKind::NotInDomain, message), Some(location(3)))
}

pub fn assertion(message: &str) -> ModelError {
    ModelError::new(EvalError::new(EvalErrorKind::AssertionFailed, message), None)
}

impl Model for Spec {
    type State = State;
    /// The last snapshot and whether an exit was requested.
    type Worker = (Vec<EngineSnapshot>, bool);

    fn new_worker(&self, _index: usize) -> Self::Worker {
        (Vec::new(), false)
    }
    fn set_snapshot(&self, worker: &mut Self::Worker, snapshot: &EngineSnapshot) {
        worker.0.clear();
        worker.0.push(snapshot.clone());
    }
    fn variables(&self) -> &[String] {
        &self.variables
    }
    fn actions(&self) -> &[ActionInfo] {
        &self.actions
    }
    fn invariants(&self) -> &[PropertyInfo] {
        &self.invariants
    }
    fn init_states(&self, _w: &mut Self::Worker, emit: &mut dyn FnMut(State)) -> Result<(), ModelError> {
        self.init.iter().cloned().for_each(emit);
        Ok(())
    }
    fn next_states(&self, w: &mut Self::Worker, state: &State, emit: Emit) -> Result<(), ModelError> {
        let (level, queue) = w.0.last().map_or((0, 0), |s| (s.level, s.queue));
        self.expanded.lock().unwrap().push((state.clone(), level, queue));
        if self.level_limit.is_some_and(|limit| level >= limit) {
            return Ok(());
        }
        w.1 |= (self.exit_when)(state);
        (self.next)(state, emit)
    }
    fn check_invariants(&self, _w: &mut Self::Worker, state: &State) -> Result<Option<usize>, ModelError> {
        Ok((self.invariant)(state))
    }
    fn satisfies_constraints(&self, _w: &mut Self::Worker, state: &State) -> Result<bool, ModelError> {
        Ok((self.constraint)(state))
    }
    fn satisfies_action_constraints(
        &self,
        _w: &mut Self::Worker,
        from: &State,
        to: &State,
    ) -> Result<bool, ModelError> {
        Ok((self.action_constraint)(from, to))
    }
    fn action_properties(&self) -> &[PropertyInfo] {
        &self.action_properties
    }
    fn check_action_properties(
        &self,
        _w: &mut Self::Worker,
        from: &State,
        to: &State,
    ) -> Result<Option<usize>, ModelError> {
        Ok((self.action_property)(from, to))
    }
    fn take_exit_request(&self, w: &mut Self::Worker) -> bool {
        std::mem::take(&mut w.1)
    }
    fn fingerprint(&self, _: &mut Self::Worker, state: &State) -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        state.hash(&mut h);
        h.finish() | 1
    }
    fn state_values(&self, state: &State) -> Vec<Value> {
        state.iter().map(|&v| Value::Int(v)).collect()
    }

    fn encode_state(&self, state: &State, out: &mut Vec<u8>) -> bool {
        tla2_runtime::value::codec::encode_state(&self.state_values(state), out)
    }

    fn decode_state(&self, bytes: &[u8]) -> Option<State> {
        if self.corrupt_spill {
            return None;
        }
        let values = tla2_runtime::value::codec::decode_state(bytes)?;
        values.iter().map(|v| if let Value::Int(i) = v { Some(*i) } else { None }).collect()
    }
}

/// The two-jug puzzle of the corpus's DieHard.tla: `[big, small]`, invariants TypeOK and
/// NotSolved (`big # 4`). TLC: 73 generated, 14 distinct, 1 left, depth 7, trace of 7 states.
pub fn die_hard() -> Spec {
    let actions = ["FillSmall", "FillBig", "EmptySmall", "EmptyBig", "SmallToBig", "BigToSmall"];
    Spec::new(&["big", "small"], &actions, vec![vec![0, 0]], |s, emit| {
        let (big, small) = (s[0], s[1]);
        emit(0, vec![big, 3]);
        emit(1, vec![5, small]);
        emit(2, vec![big, 0]);
        emit(3, vec![0, small]);
        if big + small <= 5 {
            emit(4, vec![big + small, 0]);
        } else {
            emit(4, vec![5, small - (5 - big)]);
        }
        if big + small <= 3 {
            emit(5, vec![0, big + small]);
        } else {
            emit(5, vec![small - (3 - big), 3]);
        }
        Ok(())
    })
    .with_invariants(&["TypeOK", "NotSolved"], |s| {
        if !(0..=5).contains(&s[0]) || !(0..=3).contains(&s[1]) {
            Some(0)
        } else if s[0] == 4 {
            Some(1)
        } else {
            None
        }
    })
}

/// `x = 0`, `Next == x < 3 /\ x' = x + 1`: deadlocks at x = 3 (TLC: 4 generated, 4 distinct).
pub fn counts_to_three() -> Spec {
    Spec::new(&["x"], &["Next"], vec![vec![0]], |s, emit| {
        if s[0] < 3 {
            emit(0, vec![s[0] + 1]);
        }
        Ok(())
    })
}

/// A grid walk with many states per level, for comparing worker counts: `[a, b]` with
/// `a, b \in 0..n-1`, moves that add 1, 2 or 7 modulo n to either coordinate.
pub fn grid() -> Spec {
    Spec::new(&["a", "b"], &["A", "B"], vec![vec![0, 0], vec![1, 0]], |s, emit| {
        const N: i64 = 400;
        for d in [1, 2, 7] {
            emit(0, vec![(s[0] + d) % N, s[1]]);
        }
        for d in [1, 3] {
            emit(1, vec![s[0], (s[1] + d * s[0] + 1) % N]);
        }
        Ok(())
    })
}

/// The grid walk with N = 60, `CONSTRAINT b < 55`, and `Inv == ~(a + b >= 100 /\ b % 13 = 5)`
/// when `with_invariant`, as in the TLA+ spec the pinned TLC numbers come from.
pub fn small_grid(with_invariant: bool) -> Spec {
    let mut spec = Spec::new(&["a", "b"], &["A", "B"], vec![vec![0, 0], vec![1, 0]], |s, emit| {
        const N: i64 = 60;
        for d in [1, 2, 7] {
            emit(0, vec![(s[0] + d) % N, s[1]]);
        }
        for d in [1, 3] {
            emit(1, vec![s[0], (s[1] + d * s[0] + 1) % N]);
        }
        Ok(())
    });
    spec.constraint = |s| s[1] < 55;
    if with_invariant {
        spec = spec.with_invariants(&["Inv"], |s| (s[0] + s[1] >= 100 && s[1] % 13 == 5).then_some(0));
    }
    spec
}

/// What the reference search found: the kind of verdict and TLC's four counts.
#[derive(Debug, PartialEq, Eq)]
pub struct Reference {
    pub verdict: &'static str,
    pub generated: u64,
    pub distinct: u64,
    pub left: u64,
    pub depth: u32,
    pub trace_len: usize,
}

/// A direct transcription of TLC's single-worker search (FIFO queue, one successor at a time),
/// used as the oracle for the level-synchronous parallel engine.
pub fn reference_bfs(spec: &Spec, check_deadlock: bool) -> Reference {
    use std::collections::{HashMap, VecDeque};
    let mut parent: HashMap<State, Option<State>> = HashMap::new();
    let mut level: HashMap<State, u32> = HashMap::new();
    let mut queue = VecDeque::new();
    let (mut generated, mut depth) = (0u64, 1u32);
    let trace_len = |parent: &HashMap<State, Option<State>>, s: &State| {
        let (mut n, mut cur) = (1, s.clone());
        while let Some(Some(p)) = parent.get(&cur) {
            n += 1;
            cur = p.clone();
        }
        n
    };
    let done = |verdict, generated, parent: &HashMap<_, _>, left, depth, trace_len| Reference {
        verdict,
        generated,
        distinct: parent.len() as u64,
        left,
        depth,
        trace_len,
    };
    for s in &spec.init {
        generated += 1;
        let in_model = (spec.constraint)(s);
        let new = in_model && !parent.contains_key(s);
        if new {
            parent.insert(s.clone(), None);
            level.insert(s.clone(), 1);
        }
        if (new || !in_model) && (spec.invariant)(s).is_some() {
            return done("invariant", generated, &parent, queue.len() as u64, depth, 1);
        }
        if new {
            queue.push_back(s.clone());
        }
    }
    while let Some(s) = queue.pop_front() {
        let mut succs = Vec::new();
        let _ = (spec.next)(&s, &mut |_, t| succs.push(t));
        let l = level[&s];
        for t in &succs {
            generated += 1;
            let in_model = (spec.constraint)(t) && (spec.action_constraint)(&s, t);
            let new = in_model && !parent.contains_key(t);
            if new {
                parent.insert(t.clone(), Some(s.clone()));
                level.insert(t.clone(), l + 1);
                depth = depth.max(l + 1);
            }
            if (new || !in_model) && (spec.invariant)(t).is_some() {
                let len = trace_len(&parent, &s) + 1;
                return done("invariant", generated, &parent, queue.len() as u64, depth, len);
            }
            if new {
                queue.push_back(t.clone());
            }
        }
        if succs.is_empty() && check_deadlock {
            let len = trace_len(&parent, &s);
            return done("deadlock", generated, &parent, queue.len() as u64, depth, len);
        }
    }
    done("success", generated, &parent, 0, depth, 0)
}

/// Three counters mod 40 with four moves: 64,000 states, levels wider than one merge window.
pub fn cube() -> Spec {
    Spec::new(&["a", "b", "c"], &["A", "B", "C", "Swap"], vec![vec![0, 0, 0]], |s, emit| {
        const N: i64 = 40;
        emit(0, vec![(s[0] + 1) % N, s[1], s[2]]);
        emit(1, vec![s[0], (s[1] + s[0] + 1) % N, s[2]]);
        emit(2, vec![s[0], s[1], (s[2] + 3) % N]);
        emit(3, vec![s[1], s[0], s[2]]);
        Ok(())
    })
}
