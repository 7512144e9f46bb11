//! Strongly connected components of the definition call graph (Tarjan, iterative), to find
//! recursive definitions.

use crate::ir::DefId;
use std::collections::HashMap;

/// The nodes that lie on a cycle: in a component of two or more, or with an edge to themselves.
pub(crate) fn recursive_nodes(nodes: &[DefId], edges: &HashMap<DefId, Vec<DefId>>) -> Vec<DefId> {
    let mut t = Tarjan {
        edges,
        index: HashMap::new(),
        low: HashMap::new(),
        on_stack: HashMap::new(),
        stack: Vec::new(),
        next: 0,
        out: Vec::new(),
    };
    for &n in nodes {
        if !t.index.contains_key(&n) {
            t.visit(n);
        }
    }
    t.out
}

struct Tarjan<'e> {
    edges: &'e HashMap<DefId, Vec<DefId>>,
    index: HashMap<DefId, usize>,
    low: HashMap<DefId, usize>,
    on_stack: HashMap<DefId, bool>,
    stack: Vec<DefId>,
    next: usize,
    out: Vec<DefId>,
}

impl Tarjan<'_> {
    /// Depth-first search with an explicit stack of (node, next edge position), so that deep
    /// call chains cannot overflow the native stack.
    fn visit(&mut self, root: DefId) {
        let empty = Vec::new();
        let mut work: Vec<(DefId, usize)> = vec![(root, 0)];
        self.open(root);
        while let Some(&mut (n, ref mut i)) = work.last_mut() {
            let succ = self.edges.get(&n).unwrap_or(&empty);
            if let Some(&m) = succ.get(*i) {
                *i += 1;
                if !self.index.contains_key(&m) {
                    self.open(m);
                    work.push((m, 0));
                } else if self.on_stack.get(&m) == Some(&true) {
                    let lm = self.index[&m];
                    let ln = self.low[&n];
                    self.low.insert(n, ln.min(lm));
                }
                continue;
            }
            work.pop();
            if let Some(&(p, _)) = work.last() {
                let ln = self.low[&n];
                let lp = self.low[&p];
                self.low.insert(p, lp.min(ln));
            }
            if self.low[&n] == self.index[&n] {
                self.close(n, succ.contains(&n));
            }
        }
    }

    fn open(&mut self, n: DefId) {
        self.index.insert(n, self.next);
        self.low.insert(n, self.next);
        self.next += 1;
        self.stack.push(n);
        self.on_stack.insert(n, true);
    }

    fn close(&mut self, n: DefId, self_edge: bool) {
        let mut comp = Vec::new();
        while let Some(m) = self.stack.pop() {
            self.on_stack.insert(m, false);
            comp.push(m);
            if m == n {
                break;
            }
        }
        if comp.len() > 1 || self_edge {
            self.out.extend(comp);
        }
    }
}
