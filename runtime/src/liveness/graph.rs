//! The behaviour graph: every reachable state by index and fingerprint (the state itself only
//! under VIEW or SYMMETRY),
//! its successors as compact edge lists, an implicit stuttering self-loop per state, and the
//! value of every atom on every state and step, evaluated once while the graph is built (on the
//! actual successor, before VIEW or SYMMETRY merge it with a state seen before). The states of a
//! counterexample are recomputed from the fingerprints of its path, as TLC does.

use hashbrown::HashMap;
use std::collections::VecDeque;

use super::{AtomId, AtomKind, GraphStats, LivenessError, LivenessModel};
use crate::model::{ActionId, EngineSnapshot};

/// A fixed-size set of indices.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BitSet {
    words: Vec<u64>,
}

impl BitSet {
    pub fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)] }
    }
    pub fn get(&self, i: usize) -> bool {
        self.words.get(i / 64).is_some_and(|w| w >> (i % 64) & 1 == 1)
    }
    pub fn set(&mut self, i: usize, v: bool) {
        if self.words.len() <= i / 64 {
            self.words.resize(i / 64 + 1, 0);
        }
        let bit = 1u64 << (i % 64);
        match v {
            true => self.words[i / 64] |= bit,
            false => self.words[i / 64] &= !bit,
        }
    }
    fn bytes(&self) -> usize {
        self.words.len() * 8
    }
}

/// Which atoms the properties and fairness mention, each with its column in the tables.
#[derive(Debug, Clone, Default)]
pub struct AtomIndex {
    pub state: Vec<AtomId>,
    pub action: Vec<AtomId>,
    pub enabled: Vec<AtomId>,
}

impl AtomIndex {
    pub fn add(&mut self, kind: AtomKind, a: AtomId) {
        let list = match kind {
            AtomKind::State => &mut self.state,
            AtomKind::Action => &mut self.action,
            AtomKind::Enabled => &mut self.enabled,
        };
        if !list.contains(&a) {
            list.push(a);
        }
    }
    fn column(&self, kind: AtomKind, a: AtomId) -> Option<usize> {
        let list = match kind {
            AtomKind::State => &self.state,
            AtomKind::Action => &self.action,
            AtomKind::Enabled => &self.enabled,
        };
        list.iter().position(|x| *x == a)
    }
}

/// Edges are numbered `0..edge_count()` for the model's transitions, then `edge_count() + v`
/// for the stuttering loop of state `v`.
pub struct Graph<S> {
    /// The fingerprint of each state, by index.
    fps: Vec<u64>,
    /// The states themselves, by index, only in the graph of one behaviour (`from_trace`), whose
    /// states are given; the graph of a whole state space keeps fingerprints only.
    stored: Vec<S>,
    pub init: Vec<u32>,
    succ_start: Vec<u32>,
    succ: Vec<u32>,
    edge_action: Vec<ActionId>,
    atoms: AtomIndex,
    /// Per state atom (column), its value on each state; the same for ENABLED atoms.
    state_vals: Vec<BitSet>,
    enabled_vals: Vec<BitSet>,
    /// Per step atom, its value on the model's edges, and on the stuttering loops.
    action_vals: Vec<BitSet>,
    stutter_vals: Vec<BitSet>,
    pub stats: GraphStats,
}

impl<S> Graph<S> {
    pub fn node_count(&self) -> usize {
        self.fps.len()
    }
    pub fn edge_count(&self) -> usize {
        self.succ.len()
    }
    /// The model's edges out of `v`, as edge indices.
    pub fn out_edges(&self, v: u32) -> std::ops::Range<usize> {
        self.succ_start[v as usize] as usize..self.succ_start[v as usize + 1] as usize
    }
    pub fn stutter_edge(&self, v: u32) -> usize {
        self.succ.len() + v as usize
    }
    /// The target of an edge (the state itself for a stuttering loop).
    pub fn target(&self, e: usize) -> u32 {
        match self.succ.get(e) {
            Some(t) => *t,
            None => (e - self.succ.len()) as u32,
        }
    }
    /// The action of a model edge; `None` for a stuttering loop.
    pub fn action(&self, e: usize) -> Option<ActionId> {
        self.edge_action.get(e).copied()
    }
    /// Calls `f` with every edge out of `v`, stuttering loop last.
    pub fn for_each_edge(&self, v: u32, f: &mut dyn FnMut(usize, u32)) {
        for e in self.out_edges(v) {
            f(e, self.succ[e]);
        }
        f(self.stutter_edge(v), v);
    }

    /// The value of an atom on the step `e` out of `src` (state atoms read the source).
    pub fn atom(&self, kind: AtomKind, a: AtomId, src: u32, e: usize) -> bool {
        let Some(c) = self.atoms.column(kind, a) else { return false };
        match kind {
            AtomKind::State => self.state_vals[c].get(src as usize),
            AtomKind::Enabled => self.enabled_vals[c].get(src as usize),
            AtomKind::Action => match e < self.succ.len() {
                true => self.action_vals[c].get(e),
                false => self.stutter_vals[c].get(e - self.succ.len()),
            },
        }
    }

    fn bytes(&self) -> u64 {
        let sets = |v: &[BitSet]| v.iter().map(BitSet::bytes).sum::<usize>();
        let fixed = self.stored.capacity() * std::mem::size_of::<S>()
            + self.fps.capacity() * 8
            + (self.succ_start.capacity() + self.succ.capacity() + self.edge_action.capacity()) * 4;
        (fixed + sets(&self.state_vals) + sets(&self.enabled_vals) + sets(&self.action_vals) + sets(&self.stutter_vals))
            as u64
    }
}

/// The behaviour graph of one finite behaviour, as TLC builds it to check liveness in simulation:
/// the behaviour's distinct states, its steps, and a stuttering loop on every state.
pub fn from_trace<M: LivenessModel>(
    model: &M,
    atoms: AtomIndex,
    trace: &[(Option<ActionId>, M::State)],
) -> Result<Graph<M::State>, LivenessError> {
    let mut w = model.new_worker(0);
    let mut g = empty_graph(atoms);
    let mut index: HashMap<u64, u32> = HashMap::new();
    let mut edges: Vec<Vec<(u32, ActionId)>> = Vec::new();
    let mut prev: Option<u32> = None;
    for (level, (action, s)) in trace.iter().enumerate() {
        let next = g.fps.len() as u32;
        // A VIEW may read the level of the state (TLCGet("level")), as during the search.
        model.set_snapshot(&mut w, &EngineSnapshot { level: level as u32 + 1, ..EngineSnapshot::default() });
        let fp = model.fingerprint(&mut w, s);
        let v = *index.entry(fp).or_insert_with(|| {
            g.stored.push(s.clone());
            g.fps.push(fp);
            edges.push(Vec::new());
            next
        });
        match (prev, action) {
            (None, _) => g.init.push(v),
            (Some(p), Some(a)) if !edges[p as usize].iter().any(|(t, _)| *t == v) => edges[p as usize].push((v, *a)),
            // A step back to the same state is the stuttering loop every state has anyway.
            _ => {}
        }
        prev = Some(v);
    }
    let me = LivenessError::Model;
    for v in 0..g.fps.len() {
        let s = g.stored[v].clone();
        for (t, a) in &edges[v] {
            let e = g.succ.len();
            let target = g.stored[*t as usize].clone();
            for (c, atom) in g.atoms.action.iter().enumerate() {
                let b = model.eval_action_atom(&mut w, *atom, &s, &target).map_err(me)?;
                g.action_vals[c].set(e, b);
            }
            g.succ.push(*t);
            g.edge_action.push(*a);
        }
        g.succ_start.push(g.succ.len() as u32);
        eval_state_atoms(model, &mut w, &mut g, v, &s)?;
    }
    g.stats.states = g.fps.len() as u64;
    g.stats.edges = g.succ.len() as u64;
    g.stats.peak_bytes = g.bytes();
    Ok(g)
}

fn empty_graph<S>(atoms: AtomIndex) -> Graph<S> {
    Graph {
        fps: Vec::new(),
        stored: Vec::new(),
        init: Vec::new(),
        succ_start: vec![0],
        succ: Vec::new(),
        edge_action: Vec::new(),
        state_vals: vec![BitSet::default(); atoms.state.len()],
        enabled_vals: vec![BitSet::default(); atoms.enabled.len()],
        action_vals: vec![BitSet::default(); atoms.action.len()],
        stutter_vals: vec![BitSet::default(); atoms.action.len()],
        atoms,
        stats: GraphStats::default(),
    }
}

/// Explores the reachable graph of `model` breadth first, as the safety engine does
/// (CONSTRAINT and ACTION_CONSTRAINT prune states and steps), evaluating `atoms` on the way.
pub fn build<M: LivenessModel>(
    model: &M,
    atoms: AtomIndex,
    max_states: Option<u64>,
) -> Result<Graph<M::State>, LivenessError> {
    let mut w = model.new_worker(0);
    let mut g = empty_graph(atoms);
    let mut index: HashMap<u64, u32> = HashMap::new();
    // The states found and not yet expanded, in index order: state `next` is at the front.
    let mut frontier = VecDeque::new();
    let keep_states = model.fingerprint_merges_states();
    let mut inits = Vec::new();
    model.set_snapshot(&mut w, &EngineSnapshot::default());
    model.init_states(&mut w, &mut |s| inits.push(s)).map_err(LivenessError::Model)?;
    for s in inits {
        g.stats.generated += 1;
        if !model.satisfies_constraints(&mut w, &s).map_err(LivenessError::Model)? {
            continue;
        }
        let fp = model.fingerprint(&mut w, &s);
        if let hashbrown::hash_map::Entry::Vacant(v) = index.entry(fp) {
            v.insert(g.fps.len() as u32);
            g.init.push(g.fps.len() as u32);
            g.fps.push(fp);
            if keep_states {
                g.stored.push(s.clone());
            }
            frontier.push_back(s);
        }
    }
    let mut next = 0usize;
    while let Some(s) = frontier.pop_front() {
        if max_states.is_some_and(|m| g.fps.len() as u64 > m) {
            return Err(LivenessError::TooManyStates(g.fps.len() as u64));
        }
        expand(model, &mut w, &mut g, &mut index, &mut frontier, keep_states, next, s)?;
        next += 1;
        g.succ_start.push(g.succ.len() as u32);
    }
    g.stats.states = g.fps.len() as u64;
    g.stats.edges = g.succ.len() as u64;
    g.stats.peak_bytes = g.bytes() + (index.capacity() * 12) as u64;
    Ok(g)
}

/// Adds the successors of state `v` and evaluates the atoms on `v` and its steps.
#[allow(clippy::too_many_arguments)]
fn expand<M: LivenessModel>(
    model: &M,
    w: &mut M::Worker,
    g: &mut Graph<M::State>,
    index: &mut HashMap<u64, u32>,
    frontier: &mut VecDeque<M::State>,
    keep_states: bool,
    v: usize,
    s: M::State,
) -> Result<(), LivenessError> {
    let mut succs = Vec::new();
    model.next_states(w, &s, &mut |a, t| succs.push((a, t))).map_err(LivenessError::Model)?;
    let me = LivenessError::Model;
    for (a, t) in succs {
        g.stats.generated += 1;
        if !model.satisfies_constraints(w, &t).map_err(me)?
            || !model.satisfies_action_constraints(w, &s, &t).map_err(me)?
        {
            continue;
        }
        let e = g.succ.len();
        for (c, atom) in g.atoms.action.iter().enumerate() {
            let b = model.eval_action_atom(w, *atom, &s, &t).map_err(me)?;
            g.action_vals[c].set(e, b);
        }
        let fp = model.fingerprint(w, &t);
        let target = *index.entry(fp).or_insert_with(|| {
            g.fps.push(fp);
            if keep_states {
                g.stored.push(t.clone());
            }
            frontier.push_back(t);
            (g.fps.len() - 1) as u32
        });
        g.succ.push(target);
        g.edge_action.push(a);
    }
    eval_state_atoms(model, w, g, v, &s)
}

/// Evaluates the state and ENABLED atoms on state `v`, and the step atoms on its stuttering loop.
fn eval_state_atoms<M: LivenessModel>(
    model: &M,
    w: &mut M::Worker,
    g: &mut Graph<M::State>,
    v: usize,
    s: &M::State,
) -> Result<(), LivenessError> {
    let me = LivenessError::Model;
    for (c, atom) in g.atoms.state.iter().enumerate() {
        let b = model.eval_state_atom(w, *atom, s).map_err(me)?;
        g.state_vals[c].set(v, b);
    }
    for (c, atom) in g.atoms.enabled.iter().enumerate() {
        let b = model.eval_enabled(w, *atom, s).map_err(me)?;
        g.enabled_vals[c].set(v, b);
    }
    for (c, atom) in g.atoms.action.iter().enumerate() {
        let b = model.eval_action_atom(w, *atom, s, s).map_err(me)?;
        g.stutter_vals[c].set(v, b);
    }
    Ok(())
}

/// The states of the path `nodes` (`nodes[0]` initial, `steps[i]` the edge into `nodes[i + 1]`),
/// recomputed from the fingerprints the graph keeps, as TLC rebuilds a liveness counterexample:
/// the initial state with the first fingerprint, then at each step the successor by the edge's
/// action with the next fingerprint (the state itself for a stuttering loop). Under SYMMETRY or
/// VIEW a state may come out as another member of the class the graph merged it into.
pub fn path_states<M: LivenessModel>(
    model: &M,
    g: &Graph<M::State>,
    nodes: &[u32],
    steps: &[usize],
) -> Result<Vec<M::State>, LivenessError> {
    if !g.stored.is_empty() {
        return Ok(nodes.iter().map(|v| g.stored[*v as usize].clone()).collect());
    }
    let me = LivenessError::Model;
    let lost = |i: usize| {
        LivenessError::Internal(format!(
            "state {} of the liveness counterexample could not be recomputed from its fingerprint",
            i + 1
        ))
    };
    let mut w = model.new_worker(0);
    model.set_snapshot(&mut w, &EngineSnapshot::default());
    let Some(&first) = nodes.first() else { return Ok(Vec::new()) };
    let mut candidates = Vec::new();
    model.init_states(&mut w, &mut |s| candidates.push((None, s))).map_err(me)?;
    let mut out: Vec<M::State> = Vec::with_capacity(nodes.len());
    let mut current = None;
    for (_, s) in candidates.drain(..) {
        if model.fingerprint(&mut w, &s) == g.fps[first as usize]
            && model.satisfies_constraints(&mut w, &s).map_err(me)?
        {
            current = Some(s);
            break;
        }
    }
    out.push(current.ok_or_else(|| lost(0))?);
    for (i, &v) in nodes.iter().enumerate().skip(1) {
        let e = steps[i - 1];
        let from = out.last().expect("the path has a first state").clone();
        if e >= g.succ.len() {
            out.push(from);
            continue;
        }
        let action = g.edge_action[e];
        model.next_states(&mut w, &from, &mut |a, t| candidates.push((Some(a), t))).map_err(me)?;
        let mut found = None;
        for (a, t) in candidates.drain(..) {
            if a == Some(action)
                && model.fingerprint(&mut w, &t) == g.fps[v as usize]
                && model.satisfies_constraints(&mut w, &t).map_err(me)?
                && model.satisfies_action_constraints(&mut w, &from, &t).map_err(me)?
            {
                found = Some(t);
                break;
            }
        }
        out.push(found.ok_or_else(|| lost(i))?);
    }
    Ok(out)
}
