//! [`check_liveness`]: builds the behaviour graph once, checks the safety conjuncts of every
//! property on it (without fairness, as TLC checks implied initial predicates, invariants and
//! actions during its BFS), then searches each liveness clause for a fair lasso.

use super::graph::{self, AtomIndex, BitSet, Graph};
use super::lasso::{self, Lasso, LassoEval};
use super::normal::{self, Clause};
use super::scc::{self, Acceptance};
use super::{
    AtomKind, Fairness, FairnessConstraint, FairnessKind, Formula, LiveProperty, LivenessError, LivenessModel,
    LivenessOptions, LivenessResult, LivenessVerdict, LivenessViolation, ViolationKind,
};

/// One conjunct of a property, classified.
enum Part {
    /// A state predicate of the initial state.
    Init(Formula),
    /// `[]g`: `g` on every reachable state (or, for a step predicate, every transition).
    Always(Formula),
    /// The clauses of the conjunct's negation.
    Live(Vec<Clause>),
}

/// Checks `properties` under `fairness` (the WF/SF conjuncts of the specification).
pub fn check_liveness<M: LivenessModel>(
    model: &M,
    properties: &[LiveProperty],
    fairness: &Fairness,
    opts: &LivenessOptions,
) -> LivenessResult<M::State> {
    check_on(model, properties, fairness, |atoms| graph::build(model, atoms, opts.max_states), false)
}

/// Checks `properties` on one finite behaviour, as TLC does in simulation: on the graph of the
/// behaviour's states and steps, where every state may stutter forever unless fairness forbids it.
/// As in TLC's simulator, only the liveness conjuncts are checked here: TLC does not check a
/// property's initial predicates and `[]P` conjuncts in simulation (its `[][A]_v` conjuncts are
/// checked on every step by the simulator itself).
pub fn check_liveness_on_trace<M: LivenessModel>(
    model: &M,
    properties: &[LiveProperty],
    fairness: &Fairness,
    trace: &[(Option<crate::model::ActionId>, M::State)],
) -> LivenessResult<M::State> {
    check_on(model, properties, fairness, |atoms| graph::from_trace(model, atoms, trace), true)
}

fn check_on<M: LivenessModel>(
    model: &M,
    properties: &[LiveProperty],
    fairness: &Fairness,
    build: impl FnOnce(AtomIndex) -> Result<Graph<M::State>, LivenessError>,
    liveness_only: bool,
) -> LivenessResult<M::State> {
    let unsupported = |property: String, message| {
        let e = LivenessError::Unsupported { property, message };
        LivenessResult { verdict: Err(e), stats: Default::default() }
    };
    let assumed = match fairness.formulas.is_empty() {
        true => vec![Clause::default()],
        false => match normal::clauses(&Formula::And(fairness.formulas.clone())) {
            Ok(cs) => cs,
            Err(m) => return unsupported("the specification's fairness".into(), m),
        },
    };
    let mut parts = Vec::new();
    for p in properties {
        match classify(&p.formula, &assumed) {
            Ok(ps) if liveness_only => parts.push(ps.into_iter().filter(|p| matches!(p, Part::Live(_))).collect()),
            Ok(ps) => parts.push(ps),
            Err(message) => return unsupported(p.name.clone(), message),
        }
    }
    let mut atoms = AtomIndex::default();
    for p in properties {
        p.formula.for_each_atom(&mut |k, a| atoms.add(k, a));
    }
    // Fairness only matters to liveness conjuncts; without any, its ENABLED atoms (the most
    // expensive to evaluate) are not computed at all.
    let live = parts.iter().flatten().any(|p| matches!(p, Part::Live(_)));
    for f in fairness.formulas.iter().filter(|_| live) {
        f.for_each_atom(&mut |k, a| atoms.add(k, a));
    }
    for f in fairness.constraints.iter().filter(|_| live) {
        atoms.add(AtomKind::Enabled, f.enabled);
        atoms.add(AtomKind::Action, f.step);
    }
    let g = match build(atoms) {
        Ok(g) => g,
        Err(e) => return LivenessResult { verdict: Err(e), stats: Default::default() },
    };
    let verdict = decide(model, &g, properties, &parts, fairness);
    LivenessResult { verdict, stats: g.stats }
}

fn decide<M: LivenessModel>(
    model: &M,
    g: &Graph<M::State>,
    properties: &[LiveProperty],
    parts: &[Vec<Part>],
    fairness: &Fairness,
) -> Result<LivenessVerdict<M::State>, LivenessError> {
    if let Some(v) = safety_violation(g, parts) {
        let states = graph::path_states(model, g, &v.states, &v.steps)?;
        let v = LivenessViolation {
            property: v.property,
            kind: v.kind,
            states,
            actions: v.actions,
            cycle_start: None,
            cycle_action: None,
            stuttering: false,
        };
        return Ok(LivenessVerdict::Violated(Box::new(v)));
    }
    for (i, ps) in parts.iter().enumerate() {
        for part in ps {
            let Part::Live(clauses) = part else { continue };
            for c in clauses {
                if let Some((short, full)) = search_clause(g, c, &fairness.constraints) {
                    // Under a VIEW the states kept for the graph's classes may not close the
                    // shortened cycle when re-checked; the cycle as found then stands.
                    let v = match to_violation(model, g, &properties[i], i, fairness, &short) {
                        Err(LivenessError::Internal(_)) if short != full => {
                            to_violation(model, g, &properties[i], i, fairness, &full)?
                        }
                        v => v?,
                    };
                    return Ok(LivenessVerdict::Violated(Box::new(v)));
                }
            }
        }
    }
    Ok(LivenessVerdict::Holds)
}

/// The conjuncts of a property; a liveness conjunct is negated and joined with the assumed
/// fairness formulas (`assumed`, in clause form).
fn classify(f: &Formula, assumed: &[Clause]) -> Result<Vec<Part>, String> {
    let mut conjuncts = Vec::new();
    flatten(f, &mut conjuncts);
    conjuncts
        .into_iter()
        .map(|c| match c {
            c if c.is_nontemporal() && !c.has_action() => Ok(Part::Init(c.clone())),
            c if c.is_nontemporal() => Err("a step predicate outside [] is not supported".into()),
            Formula::Always(x) if x.is_nontemporal() => Ok(Part::Always((**x).clone())),
            c => normal::product(&normal::clauses(&Formula::negate(c.clone()))?, assumed).map(Part::Live),
        })
        .collect()
}

fn flatten<'f>(f: &'f Formula, out: &mut Vec<&'f Formula>) {
    match f {
        Formula::And(xs) => xs.iter().for_each(|x| flatten(x, out)),
        _ => out.push(f),
    }
}

/// Whether the non-temporal `f` holds on the step `e` out of `src`.
pub fn holds<S>(g: &Graph<S>, f: &Formula, src: u32, e: usize) -> bool {
    match f {
        Formula::Bool(b) => *b,
        Formula::StatePred(a) => g.atom(AtomKind::State, *a, src, e),
        Formula::ActionPred(a) => g.atom(AtomKind::Action, *a, src, e),
        Formula::Enabled(a) => g.atom(AtomKind::Enabled, *a, src, e),
        Formula::Not(x) => !holds(g, x, src, e),
        Formula::And(xs) => xs.iter().all(|x| holds(g, x, src, e)),
        Formula::Or(xs) => xs.iter().any(|x| holds(g, x, src, e)),
        // Temporal formulas never reach here: the normal form keeps them out of conditions.
        _ => false,
    }
}

/// The edges (stuttering loops included) on which every formula of `fs` holds.
fn edge_mask<S>(g: &Graph<S>, fs: &[&Formula]) -> BitSet {
    let mut m = BitSet::new(g.edge_count() + g.node_count());
    for v in 0..g.node_count() as u32 {
        g.for_each_edge(v, &mut |e, _| m.set(e, fs.iter().all(|f| holds(g, f, v, e))));
    }
    m
}

/// Breadth-first parents from the initial states accepted by `init`, over `allowed` edges:
/// `parent[v] = (previous state, edge)`, `u32::MAX` for an initial state. Also the visit order.
fn bfs_from_init<S>(g: &Graph<S>, allowed: &BitSet, init: &dyn Fn(u32) -> bool) -> (Vec<(u32, usize)>, Vec<u32>) {
    const UNSEEN: (u32, usize) = (u32::MAX - 1, usize::MAX);
    let mut parent = vec![UNSEEN; g.node_count()];
    let mut order: Vec<u32> = Vec::new();
    for &v in &g.init {
        if init(v) && parent[v as usize] == UNSEEN {
            parent[v as usize] = (u32::MAX, usize::MAX);
            order.push(v);
        }
    }
    let mut next = 0;
    while next < order.len() {
        let v = order[next];
        next += 1;
        g.for_each_edge(v, &mut |e, t| {
            if allowed.get(e) && parent[t as usize] == UNSEEN {
                parent[t as usize] = (v, e);
                order.push(t);
            }
        });
    }
    (parent, order)
}

/// The path from an initial state to `v` along BFS parents: states and the edges into them.
fn path_to(parent: &[(u32, usize)], v: u32) -> (Vec<u32>, Vec<usize>) {
    let (mut nodes, mut steps) = (vec![v], Vec::new());
    let mut at = v;
    while parent[at as usize].0 != u32::MAX {
        let (p, e) = parent[at as usize];
        steps.push(e);
        nodes.push(p);
        at = p;
    }
    nodes.reverse();
    steps.reverse();
    (nodes, steps)
}

/// The first safety conjunct violated, with the shortest trace to it.
fn safety_violation<S>(g: &Graph<S>, parts: &[Vec<Part>]) -> Option<SafetyPath> {
    let everything = edge_mask(g, &[]);
    let (parent, order) = bfs_from_init(g, &everything, &|_| true);
    let mut best: Option<(usize, usize, ViolationKind, u32, Option<usize>)> = None;
    for (i, ps) in parts.iter().enumerate() {
        for part in ps {
            let found = match part {
                Part::Init(f) => g
                    .init
                    .iter()
                    .find(|v| !holds(g, f, **v, g.stutter_edge(**v)))
                    .map(|v| (0, ViolationKind::InitialPredicate, *v, None)),
                Part::Always(f) if !f.has_action() => order
                    .iter()
                    .enumerate()
                    .find(|(_, v)| !holds(g, f, **v, g.stutter_edge(**v)))
                    .map(|(k, v)| (k, ViolationKind::Invariant, *v, None)),
                Part::Always(f) => first_bad_step(g, f, &order),
                Part::Live(_) => None,
            };
            if let Some((rank, kind, v, e)) = found {
                if best.as_ref().is_none_or(|b| rank < b.0) {
                    best = Some((rank, i, kind, v, e));
                }
            }
        }
    }
    let (_, property, kind, v, step) = best?;
    let (mut nodes, mut steps) = path_to(&parent, v);
    if let Some(e) = step {
        nodes.push(g.target(e));
        steps.push(e);
    }
    let actions = std::iter::once(None).chain(steps.iter().map(|e| g.action(*e))).collect();
    Some(SafetyPath { property, kind, states: nodes, steps, actions })
}

/// A violated safety conjunct and the shortest path to it, as graph nodes and edges.
struct SafetyPath {
    property: usize,
    kind: ViolationKind,
    states: Vec<u32>,
    steps: Vec<usize>,
    actions: Vec<Option<crate::model::ActionId>>,
}

/// The first model transition (in BFS order) that violates the step predicate `f`.
fn first_bad_step<S>(g: &Graph<S>, f: &Formula, order: &[u32]) -> Option<(usize, ViolationKind, u32, Option<usize>)> {
    for (k, &v) in order.iter().enumerate() {
        if let Some(e) = g.out_edges(v).find(|e| !holds(g, f, v, *e)) {
            return Some((k, ViolationKind::ActionProperty, v, Some(e)));
        }
    }
    None
}

type NodeFn<'a> = Box<dyn Fn(u32) -> bool + 'a>;
type EdgeFn<'a> = Box<dyn Fn(u32, usize) -> bool + 'a>;

/// The components of the `e_s` edges that satisfy the clause's `[]<>` conditions and the
/// fairness constraints (WF as a `[]<>` condition, SF by the Streett refinement).
fn fair_components<S>(g: &Graph<S>, c: &Clause, fairness: &[FairnessConstraint], e_s: &BitSet) -> Vec<scc::Accepted> {
    let weak: Vec<Formula> = fairness
        .iter()
        .filter(|f| f.kind == FairnessKind::Weak)
        .map(|f| Formula::Or(vec![Formula::negate(Formula::Enabled(f.enabled)), Formula::ActionPred(f.step)]))
        .collect();
    let some: Vec<EdgeFn<'_>> = c
        .always_eventually
        .iter()
        .chain(weak.iter())
        .map(|f| Box::new(move |v: u32, e: usize| holds(g, f, v, e)) as EdgeFn<'_>)
        .collect();
    let strong: Vec<(NodeFn<'_>, EdgeFn<'_>)> = fairness
        .iter()
        .filter(|f| f.kind == FairnessKind::Strong)
        .map(|f| {
            let (en, st) = (f.enabled, f.step);
            (
                Box::new(move |v: u32| g.atom(AtomKind::Enabled, en, v, g.stutter_edge(v))) as NodeFn<'_>,
                Box::new(move |v: u32, e: usize| g.atom(AtomKind::Action, st, v, e)) as EdgeFn<'_>,
            )
        })
        .collect();
    let acc = Acceptance {
        some_step: some.iter().map(|b| &**b as scc::EdgeTest<'_>).collect(),
        strong: strong.iter().map(|(a, b)| (&**a as scc::NodeTest<'_>, &**b as scc::EdgeTest<'_>)).collect(),
    };
    scc::accepting(g, e_s, &acc)
}

/// A fair lasso satisfying the clause, if there is one: with its cycle shortened, and as found.
fn search_clause<S>(g: &Graph<S>, c: &Clause, fairness: &[FairnessConstraint]) -> Option<(Lasso, Lasso)> {
    let (ev_g, ev_h) = c.eventually.clone().unwrap_or((Formula::Bool(true), Formula::Bool(true)));
    let always: Vec<&Formula> = c.always.iter().collect();
    let e_a = edge_mask(g, &always);
    let mut with_h = always.clone();
    with_h.push(&ev_h);
    let e_h = edge_mask(g, &with_h);
    with_h.extend(c.eventually_always.iter());
    let e_s = edge_mask(g, &with_h);

    let accepted = fair_components(g, c, fairness, &e_s);
    if accepted.is_empty() {
        return None;
    }
    let mut comp_of = vec![u32::MAX; g.node_count()];
    for (k, a) in accepted.iter().enumerate() {
        for v in &a.nodes {
            comp_of[*v as usize] = k as u32;
        }
    }
    let in_comp: Vec<bool> = comp_of.iter().map(|k| *k != u32::MAX).collect();
    let can_reach = backward_reach(g, &e_h, &in_comp);
    // The step that starts `<>(g /\ []h)` from `s`: stuttering into a component at `s` itself
    // gives the shortest lasso.
    let start_edge = |s: u32| -> Option<usize> {
        let stutter = g.stutter_edge(s);
        if in_comp[s as usize] && e_h.get(stutter) && holds(g, &ev_g, s, stutter) {
            return Some(stutter);
        }
        let mut hit = None;
        g.for_each_edge(s, &mut |e, t| {
            if hit.is_none() && e_h.get(e) && can_reach[t as usize] && holds(g, &ev_g, s, e) {
                hit = Some(e);
            }
        });
        hit
    };
    let stages = chain_stages(g, &e_a, &c.chain, &start_edge);
    let init_ok = |v: u32| c.init.iter().all(|f| holds(g, f, v, g.stutter_edge(v)));
    let (parent, order) = bfs_from_init(g, &e_a, &init_ok);
    let first = *order.iter().find(|v| stages[0][**v as usize])?;
    let (mut nodes, mut steps) = path_to(&parent, first);
    for stage in &stages[1..] {
        for (e, v) in lasso::shortest_path(g, &e_a, *nodes.last()?, &|v| stage[v as usize], &|_| true)? {
            nodes.push(v);
            steps.push(e);
        }
    }
    let s = *nodes.last()?;
    let e0 = start_edge(s)?;
    let t = g.target(e0);
    if t != s {
        nodes.push(t);
        steps.push(e0);
    }
    let to_comp = lasso::shortest_path(g, &e_h, t, &|v| in_comp[v as usize], &|v| can_reach[v as usize])?;
    for (e, v) in to_comp {
        nodes.push(v);
        steps.push(e);
    }
    let entry = *nodes.last()?;
    let k = comp_of[entry as usize];
    let inside = |v: u32| comp_of[v as usize] == k;
    let cyc = lasso::cycle(g, &e_s, entry, &accepted[k as usize].witnesses, &inside)?;
    let short = shorten_cycle(g, entry, cyc.clone(), &|walk| cycle_is_fair(g, c, fairness, walk));
    let close = |cyc: Vec<(usize, u32)>| {
        let (mut nodes, mut steps) = (nodes.clone(), steps.clone());
        let cycle_start = nodes.len() - 1;
        let last = cyc.len() - 1;
        for (i, (e, v)) in cyc.into_iter().enumerate() {
            steps.push(e);
            if i < last {
                nodes.push(v);
            }
        }
        Lasso { nodes, steps, cycle_start }
    };
    Some((close(short), close(cyc)))
}

/// Whether a cycle, as its steps `(source, edge)`, meets the clause's `[]<>` conditions and
/// the fairness constraints (the acceptance of [`fair_components`], on one cycle).
fn cycle_is_fair<S>(g: &Graph<S>, c: &Clause, fairness: &[FairnessConstraint], walk: &[(u32, usize)]) -> bool {
    let some = |f: &Formula| walk.iter().any(|(v, e)| holds(g, f, *v, *e));
    let step = |a| walk.iter().any(|(v, e)| g.atom(AtomKind::Action, a, *v, *e));
    let enabled = |a| walk.iter().any(|(v, _)| g.atom(AtomKind::Enabled, a, *v, g.stutter_edge(*v)));
    c.always_eventually.iter().all(some)
        && fairness.iter().all(|f| match f.kind {
            FairnessKind::Weak => {
                step(f.step) || walk.iter().any(|(v, _)| !g.atom(AtomKind::Enabled, f.enabled, *v, g.stutter_edge(*v)))
            }
            FairnessKind::Strong => !enabled(f.enabled) || step(f.step),
        })
}

/// The cycle through `entry` made shorter by cutting out the loops it makes through a state
/// it visits twice, as long as it stays fair: the witnesses of the acceptance conditions are
/// visited one after the other, which can go around the same states more than once, while TLC
/// reports the shorter cycle.
fn shorten_cycle<S>(
    g: &Graph<S>,
    entry: u32,
    mut cyc: Vec<(usize, u32)>,
    fair: &dyn Fn(&[(u32, usize)]) -> bool,
) -> Vec<(usize, u32)> {
    // Cycles of thousands of steps are not worth the quadratic search.
    const MAX_STEPS: usize = 4096;
    let walk_of = |cyc: &[(usize, u32)]| -> Vec<(u32, usize)> {
        let mut at = entry;
        cyc.iter()
            .map(|(e, t)| {
                let step = (at, *e);
                at = *t;
                step
            })
            .collect()
    };
    if cyc.len() > MAX_STEPS || cyc.len() < 2 || cyc.iter().any(|(e, _)| *e >= g.edge_count()) {
        return cyc;
    }
    'cut: loop {
        // nodes[i] is the state before step i; nodes[len] is `entry` again.
        let nodes: Vec<u32> = std::iter::once(entry).chain(cyc.iter().map(|(_, t)| *t)).collect();
        let n = cyc.len();
        for i in 0..n {
            for j in (i + 1..=n).rev() {
                if nodes[i] != nodes[j] || j - i == n {
                    continue;
                }
                let candidate: Vec<(usize, u32)> = cyc[..i].iter().chain(&cyc[j..]).copied().collect();
                if fair(&walk_of(&candidate)) {
                    cyc = candidate;
                    continue 'cut;
                }
            }
        }
        return cyc;
    }
}

/// For a clause `<>(c1 /\ <>(c2 /\ … <>(g /\ []h)))`: per stage, the states where the
/// stage's condition holds and from which the rest can still be completed; the last stage is
/// where `<>(g /\ []h)` can start.
fn chain_stages<S>(
    g: &Graph<S>,
    e_a: &BitSet,
    chain: &[Formula],
    start: &dyn Fn(u32) -> Option<usize>,
) -> Vec<Vec<bool>> {
    let n = g.node_count() as u32;
    let mut seed: Vec<bool> = (0..n).map(|s| start(s).is_some()).collect();
    let mut stages = vec![seed.clone()];
    for c in chain.iter().rev() {
        let r = backward_reach(g, e_a, &seed);
        seed = (0..n).map(|s| r[s as usize] && holds(g, c, s, g.stutter_edge(s))).collect();
        stages.push(seed.clone());
    }
    stages.reverse();
    stages
}

/// Which states can reach a state of `seed` over `allowed` edges.
fn backward_reach<S>(g: &Graph<S>, allowed: &BitSet, seed: &[bool]) -> Vec<bool> {
    let n = g.node_count();
    let mut count = vec![0u32; n + 1];
    for v in 0..n as u32 {
        for e in g.out_edges(v) {
            if allowed.get(e) {
                count[g.target(e) as usize + 1] += 1;
            }
        }
    }
    for i in 0..n {
        count[i + 1] += count[i];
    }
    let mut pred = vec![0u32; count[n] as usize];
    let mut fill = count.clone();
    for v in 0..n as u32 {
        for e in g.out_edges(v) {
            if allowed.get(e) {
                let t = g.target(e) as usize;
                pred[fill[t] as usize] = v;
                fill[t] += 1;
            }
        }
    }
    let mut reach: Vec<bool> = seed.to_vec();
    let mut stack: Vec<u32> = (0..n as u32).filter(|v| reach[*v as usize]).collect();
    while let Some(t) = stack.pop() {
        for &p in &pred[count[t as usize] as usize..count[t as usize + 1] as usize] {
            if !reach[p as usize] {
                reach[p as usize] = true;
                stack.push(p);
            }
        }
    }
    reach
}

/// The lasso as a violation, after checking on the concrete states that it satisfies the
/// fairness constraints and violates the property.
fn to_violation<M: LivenessModel>(
    model: &M,
    g: &Graph<M::State>,
    prop: &LiveProperty,
    index: usize,
    fairness: &Fairness,
    l: &Lasso,
) -> Result<LivenessViolation<M::State>, LivenessError> {
    let stuttering = l.stuttering(g);
    let states = graph::path_states(model, g, &l.nodes, &l.steps)?;
    let mut ev = LassoEval { model, worker: model.new_worker(0), states, cycle_start: l.cycle_start };
    let mut fair = fairness.constraints.iter().map(lasso::fairness_formula).collect::<Vec<_>>();
    fair.extend(fairness.formulas.iter().cloned());
    fair.push(Formula::negate(prop.formula.clone()));
    let ok = ev.eval(&Formula::And(fair)).map_err(LivenessError::Model)?;
    if !ok.first().copied().unwrap_or(false) {
        return Err(LivenessError::Internal(format!(
            "the lasso found for property {} does not violate it under the fairness constraints when re-checked",
            prop.name
        )));
    }
    let n = l.nodes.len();
    let actions = std::iter::once(None).chain(l.steps[..n - 1].iter().map(|e| g.action(*e))).collect();
    Ok(LivenessViolation {
        property: index,
        kind: ViolationKind::Temporal,
        states: ev.states,
        actions,
        cycle_start: Some(l.cycle_start),
        cycle_action: l.steps.last().and_then(|e| g.action(*e)).filter(|_| !stuttering),
        stuttering,
    })
}
