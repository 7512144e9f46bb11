//! Strongly connected components of a behaviour graph restricted to a set of edges (Tarjan,
//! iterative: graphs have millions of nodes), and the components that satisfy fairness: every
//! `[]<>` condition (WF included) by some internal step, every SF constraint by an internal
//! `<<A>>_v` step or by `A` being disabled throughout. A component that fails an SF constraint
//! only because `A` is enabled somewhere is searched again without those states (the Streett
//! refinement), which is what TLC's expansion of `SF` into `<>[]~ENABLED \/ []<>A` amounts to.

use super::graph::{BitSet, Graph};

/// Tests on a step `e` out of state `src`.
pub type EdgeTest<'a> = &'a dyn Fn(u32, usize) -> bool;
pub type NodeTest<'a> = &'a dyn Fn(u32) -> bool;

/// What a component must satisfy.
pub struct Acceptance<'a> {
    /// Each needs some internal step satisfying it (`[]<>g` and `WF`).
    pub some_step: Vec<EdgeTest<'a>>,
    /// SF constraints: `ENABLED <<A>>_v` on a state, `<<A>>_v` on a step.
    pub strong: Vec<(NodeTest<'a>, EdgeTest<'a>)>,
}

/// A fair component: its states and, per condition that needs one, a witness step
/// `(source, edge)` inside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Accepted {
    pub nodes: Vec<u32>,
    pub witnesses: Vec<(u32, usize)>,
}

/// Reusable Tarjan state, sized to the whole graph once.
pub struct Tarjan {
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: BitSet,
}

const UNVISITED: u32 = u32::MAX;

impl Tarjan {
    pub fn new(n: usize) -> Tarjan {
        Tarjan { index: vec![UNVISITED; n], low: vec![0; n], on_stack: BitSet::new(n) }
    }

    /// The components of the subgraph with states `nodes` (all satisfying `member`) and the
    /// edges `allowed` between them. Leaves the scratch arrays reset for the next call.
    pub fn components<S>(
        &mut self,
        g: &Graph<S>,
        allowed: &BitSet,
        nodes: &[u32],
        member: NodeTest<'_>,
    ) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut counter = 0u32;
        let mut stack: Vec<u32> = Vec::new();
        // Call frames: (node, start of its successors in `buf`, next successor to visit).
        let mut frames: Vec<(u32, usize, usize)> = Vec::new();
        let mut buf: Vec<u32> = Vec::new();
        for &root in nodes {
            if self.index[root as usize] != UNVISITED {
                continue;
            }
            self.open(g, allowed, member, root, &mut counter, &mut stack, &mut frames, &mut buf);
            while let Some(&(v, start, pos)) = frames.last() {
                if pos < buf.len() && pos >= start {
                    let w = buf[pos];
                    if let Some(f) = frames.last_mut() {
                        f.2 += 1;
                    }
                    if self.index[w as usize] == UNVISITED {
                        self.open(g, allowed, member, w, &mut counter, &mut stack, &mut frames, &mut buf);
                    } else if self.on_stack.get(w as usize) {
                        self.low[v as usize] = self.low[v as usize].min(self.index[w as usize]);
                    }
                    continue;
                }
                frames.pop();
                buf.truncate(start);
                if let Some(&(parent, _, _)) = frames.last() {
                    self.low[parent as usize] = self.low[parent as usize].min(self.low[v as usize]);
                }
                if self.low[v as usize] == self.index[v as usize] {
                    out.push(self.pop_component(v, &mut stack));
                }
            }
        }
        for &v in nodes {
            self.index[v as usize] = UNVISITED;
        }
        out
    }

    #[allow(clippy::too_many_arguments)]
    fn open<S>(
        &mut self,
        g: &Graph<S>,
        allowed: &BitSet,
        member: NodeTest<'_>,
        v: u32,
        counter: &mut u32,
        stack: &mut Vec<u32>,
        frames: &mut Vec<(u32, usize, usize)>,
        buf: &mut Vec<u32>,
    ) {
        self.index[v as usize] = *counter;
        self.low[v as usize] = *counter;
        *counter += 1;
        stack.push(v);
        self.on_stack.set(v as usize, true);
        let start = buf.len();
        g.for_each_edge(v, &mut |e, t| {
            if allowed.get(e) && member(t) {
                buf.push(t);
            }
        });
        frames.push((v, start, start));
    }

    fn pop_component(&mut self, v: u32, stack: &mut Vec<u32>) -> Vec<u32> {
        let mut comp = Vec::new();
        while let Some(w) = stack.pop() {
            self.on_stack.set(w as usize, false);
            comp.push(w);
            if w == v {
                break;
            }
        }
        comp.sort_unstable();
        comp
    }
}

/// The fair components of the subgraph of `allowed` edges (over all states).
pub fn accepting<S>(g: &Graph<S>, allowed: &BitSet, acc: &Acceptance<'_>) -> Vec<Accepted> {
    let n = g.node_count();
    let mut tarjan = Tarjan::new(n);
    let all: Vec<u32> = (0..n as u32).collect();
    let mut work = tarjan.components(g, allowed, &all, &|_| true);
    // `stamp[v]` is the id of the component `v` currently belongs to (0: none).
    let mut stamp = vec![0u32; n];
    let mut next_stamp = 0u32;
    let mut out = Vec::new();
    while let Some(comp) = work.pop() {
        next_stamp += 1;
        for &v in &comp {
            stamp[v as usize] = next_stamp;
        }
        let s = next_stamp;
        let inside = |t: u32| stamp[t as usize] == s;
        match judge(g, allowed, &comp, &inside, acc) {
            Judgement::Reject => {}
            Judgement::Accept(witnesses) => out.push(Accepted { nodes: comp, witnesses }),
            Judgement::Refine(removed) => {
                let rest: Vec<u32> = comp.iter().copied().filter(|v| removed.binary_search(v).is_err()).collect();
                for v in &removed {
                    stamp[*v as usize] = 0;
                }
                let inside = |t: u32| stamp[t as usize] == s;
                work.extend(tarjan.components(g, allowed, &rest, &inside));
            }
        }
    }
    out
}

enum Judgement {
    Reject,
    Accept(Vec<(u32, usize)>),
    /// Search again without these states.
    Refine(Vec<u32>),
}

/// The first internal step of the component that passes `test`.
fn find_step<S>(
    g: &Graph<S>,
    allowed: &BitSet,
    comp: &[u32],
    inside: NodeTest<'_>,
    test: EdgeTest<'_>,
) -> Option<(u32, usize)> {
    for &v in comp {
        let mut found = None;
        g.for_each_edge(v, &mut |e, t| {
            if found.is_none() && allowed.get(e) && inside(t) && test(v, e) {
                found = Some(e);
            }
        });
        if let Some(e) = found {
            return Some((v, e));
        }
    }
    None
}

fn judge<S>(g: &Graph<S>, allowed: &BitSet, comp: &[u32], inside: NodeTest<'_>, acc: &Acceptance<'_>) -> Judgement {
    if find_step(g, allowed, comp, inside, &|_, _| true).is_none() {
        return Judgement::Reject;
    }
    let mut witnesses = Vec::new();
    for test in &acc.some_step {
        match find_step(g, allowed, comp, inside, *test) {
            Some(w) => witnesses.push(w),
            None => return Judgement::Reject,
        }
    }
    let mut removed = Vec::new();
    for (enabled, step) in &acc.strong {
        if let Some(w) = find_step(g, allowed, comp, inside, *step) {
            witnesses.push(w);
            continue;
        }
        removed.extend(comp.iter().copied().filter(|v| enabled(*v)));
    }
    if removed.is_empty() {
        return Judgement::Accept(witnesses);
    }
    removed.sort_unstable();
    removed.dedup();
    Judgement::Refine(removed)
}
