//! Lassos: shortest paths in the behaviour graph, the cycle through a fair component's
//! witnesses, and the re-check of a lasso against the property on the concrete states (so
//! that a wrong graph or a wrong normalization can never produce a wrong counterexample).

use super::graph::{BitSet, Graph};
use super::{AtomKind, FairnessConstraint, FairnessKind, Formula, LivenessModel};
use crate::model::ModelError;

/// An ultimately periodic path: `nodes[0]` initial, `steps[i]` the edge from `nodes[i]` to
/// `nodes[i + 1]`, and a last step from the last node back to `nodes[cycle_start]`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Lasso {
    pub nodes: Vec<u32>,
    /// `steps[i]` leads into `nodes[i + 1]`; the last entry is the step that closes the cycle.
    pub steps: Vec<usize>,
    pub cycle_start: usize,
}

impl Lasso {
    /// True when the cycle is one stuttering step.
    pub fn stuttering<S>(&self, g: &Graph<S>) -> bool {
        // A transition of the model from a state to itself is printed as stuttering too.
        let last = self.nodes.len() - 1;
        self.cycle_start == last && self.steps.last().is_some_and(|e| g.target(*e) == self.nodes[last])
    }
}

/// The shortest path over `allowed` edges from `from` to a state satisfying `goal`, staying in
/// states satisfying `within`: the edges and the states they lead to.
pub fn shortest_path<S>(
    g: &Graph<S>,
    allowed: &BitSet,
    from: u32,
    goal: &dyn Fn(u32) -> bool,
    within: &dyn Fn(u32) -> bool,
) -> Option<Vec<(usize, u32)>> {
    if goal(from) {
        return Some(Vec::new());
    }
    let mut parent: hashbrown::HashMap<u32, (u32, usize)> = hashbrown::HashMap::new();
    let mut queue = std::collections::VecDeque::from([from]);
    parent.insert(from, (from, usize::MAX));
    while let Some(v) = queue.pop_front() {
        let mut hit = None;
        g.for_each_edge(v, &mut |e, t| {
            if hit.is_some() || !allowed.get(e) || !within(t) || parent.contains_key(&t) {
                return;
            }
            parent.insert(t, (v, e));
            if goal(t) {
                hit = Some(t);
            }
            queue.push_back(t);
        });
        if let Some(mut t) = hit {
            let mut path = Vec::new();
            while t != from {
                let (p, e) = parent[&t];
                path.push((e, t));
                t = p;
            }
            path.reverse();
            return Some(path);
        }
    }
    None
}

/// A cycle from `entry` back to itself inside the component (`inside`), through every witness
/// step; stuttering steps are left out when the cycle has other steps.
pub fn cycle<S>(
    g: &Graph<S>,
    allowed: &BitSet,
    entry: u32,
    witnesses: &[(u32, usize)],
    inside: &dyn Fn(u32) -> bool,
) -> Option<Vec<(usize, u32)>> {
    let mut steps: Vec<(usize, u32)> = Vec::new();
    let mut at = entry;
    let mut done: Vec<usize> = Vec::new();
    for &(src, e) in witnesses {
        if done.contains(&e) {
            continue;
        }
        done.push(e);
        steps.extend(shortest_path(g, allowed, at, &|v| v == src, inside)?);
        at = g.target(e);
        steps.push((e, at));
    }
    steps.extend(shortest_path(g, allowed, at, &|v| v == entry, inside)?);
    steps.retain(|(e, _)| *e < g.edge_count());
    if steps.is_empty() {
        let stutter = g.stutter_edge(entry);
        if allowed.get(stutter) {
            return Some(vec![(stutter, entry)]);
        }
        // No witness and no stuttering loop: any cycle through `entry` will do.
        let mut first = None;
        g.for_each_edge(entry, &mut |e, t| {
            if first.is_none() && e < g.edge_count() && allowed.get(e) && inside(t) {
                first = Some((e, t));
            }
        });
        let (e, t) = first?;
        steps.push((e, t));
        steps.extend(shortest_path(g, allowed, t, &|v| v == entry, inside)?);
    }
    Some(steps)
}

/// WF and SF as the temporal formulas they abbreviate.
pub fn fairness_formula(f: &FairnessConstraint) -> Formula {
    let not_enabled = Formula::negate(Formula::Enabled(f.enabled));
    let step = Formula::always(Formula::eventually(Formula::ActionPred(f.step)));
    let disabled = match f.kind {
        FairnessKind::Weak => Formula::always(Formula::eventually(not_enabled)),
        FairnessKind::Strong => Formula::eventually(Formula::always(not_enabled)),
    };
    Formula::Or(vec![disabled, step])
}

/// Evaluates temporal formulas on a lasso of concrete states: position `i` steps to
/// `succ(i)`, the last position back to `cycle_start`.
pub struct LassoEval<'m, M: LivenessModel> {
    pub model: &'m M,
    pub worker: M::Worker,
    pub states: Vec<M::State>,
    pub cycle_start: usize,
}

impl<M: LivenessModel> LassoEval<'_, M> {
    fn succ(&self, i: usize) -> usize {
        if i + 1 < self.states.len() {
            i + 1
        } else {
            self.cycle_start
        }
    }

    /// The truth value of `f` at every position.
    pub fn eval(&mut self, f: &Formula) -> Result<Vec<bool>, ModelError> {
        let n = self.states.len();
        let m = self.model;
        let at = |kind: AtomKind, a, w: &mut M::Worker, s: &[M::State], i: usize, j: usize| match kind {
            AtomKind::State => m.eval_state_atom(w, a, &s[i]),
            AtomKind::Enabled => m.eval_enabled(w, a, &s[i]),
            AtomKind::Action => m.eval_action_atom(w, a, &s[i], &s[j]),
        };
        let mut out = Vec::with_capacity(n);
        match f {
            Formula::Bool(b) => return Ok(vec![*b; n]),
            Formula::StatePred(a) | Formula::ActionPred(a) | Formula::Enabled(a) => {
                let kind = match f {
                    Formula::StatePred(_) => AtomKind::State,
                    Formula::ActionPred(_) => AtomKind::Action,
                    _ => AtomKind::Enabled,
                };
                for i in 0..n {
                    let j = self.succ(i);
                    out.push(at(kind, *a, &mut self.worker, &self.states, i, j)?);
                }
            }
            Formula::Not(x) => out = self.eval(x)?.into_iter().map(|b| !b).collect(),
            Formula::And(xs) | Formula::Or(xs) => {
                let and = matches!(f, Formula::And(_));
                out = vec![and; n];
                for x in xs {
                    let v = self.eval(x)?;
                    for (o, b) in out.iter_mut().zip(v) {
                        *o = if and { *o && b } else { *o || b };
                    }
                }
            }
            Formula::Always(x) => {
                let v = self.eval(x)?;
                out = self.over_suffix(&v, true)
            }
            Formula::Eventually(x) => {
                let v = self.eval(x)?;
                out = self.over_suffix(&v, false)
            }
            Formula::LeadsTo(a, b) => {
                let body = Formula::Or(vec![Formula::negate((**a).clone()), Formula::eventually((**b).clone())]);
                out = self.eval(&Formula::always(body))?;
            }
        }
        Ok(out)
    }

    /// `[]` (all) or `<>` (any) of `v` over the positions reachable from each position.
    fn over_suffix(&self, v: &[bool], all: bool) -> Vec<bool> {
        let n = v.len();
        let c = self.cycle_start;
        let on_cycle = if all { v[c..].iter().all(|b| *b) } else { v[c..].iter().any(|b| *b) };
        let mut out = vec![on_cycle; n];
        for i in (0..c).rev() {
            out[i] = if all { v[i] && out[i + 1] } else { v[i] || out[i + 1] };
        }
        out
    }
}
