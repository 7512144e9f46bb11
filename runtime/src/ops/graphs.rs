//! Modules `"Graphs"` and `"UndirectedGraphs"`: the operators TLC implements natively on graphs
//! `[node |-> N, edge |-> E]` (`SimplePath`, `AreConnectedIn`, `ConnectedComponents`). A directed
//! edge is `<<a, b>>`; an undirected one is `{a, b}` (`{a}` is a self-loop).

use super::{builtin, ModuleOps};
use crate::value::{EvalError, Value};

pub(crate) const DIRECTED_OPS: ModuleOps = &[
    builtin!("SimplePath", |g| simple_paths(g, false)),
    builtin!("AreConnectedIn", |m, n, g| connected(m, n, g, false).map(Value::Bool)),
    builtin!("IsStronglyConnected", |g| strongly_connected(g).map(Value::Bool)),
];

pub(crate) const UNDIRECTED_OPS: ModuleOps = &[
    builtin!("SimplePath", |g| simple_paths(g, true)),
    builtin!("AreConnectedIn", |m, n, g| connected(m, n, g, true).map(Value::Bool)),
    builtin!("ConnectedComponents", |g| components(g)),
];

/// The nodes (sorted) and the adjacency lists by node index.
struct Graph {
    nodes: std::sync::Arc<[Value]>,
    adj: Vec<Vec<usize>>,
}

fn endpoints(edge: &Value, undirected: bool) -> Option<(Value, Value)> {
    if undirected {
        let e = edge.enumerate().ok()?;
        return match &e[..] {
            [a] => Some((a.clone(), a.clone())),
            [a, b] => Some((a.clone(), b.clone())),
            _ => None,
        };
    }
    match edge {
        Value::Tuple(t) if t.len() == 2 => Some((t[0].clone(), t[1].clone())),
        _ => None,
    }
}

fn graph(g: &Value, undirected: bool) -> Result<Graph, EvalError> {
    let nodes = g.field("node")?.enumerate()?;
    let mut adj = vec![Vec::new(); nodes.len()];
    for e in g.field("edge")?.enumerate()?.iter() {
        let Some((a, b)) = endpoints(e, undirected) else { continue };
        let (Ok(i), Ok(j)) = (nodes.binary_search(&a), nodes.binary_search(&b)) else { continue };
        adj[i].push(j);
        if undirected {
            adj[j].push(i);
        }
    }
    Ok(Graph { nodes, adj })
}

/// Every non-empty path without repeated nodes, as a set of sequences.
fn simple_paths(g: &Value, undirected: bool) -> Result<Value, EvalError> {
    let g = graph(g, undirected)?;
    let mut out = Vec::new();
    let mut path = Vec::new();
    for start in 0..g.nodes.len() {
        extend(&g, start, &mut path, &mut out);
    }
    Ok(Value::set(out))
}

fn extend(g: &Graph, node: usize, path: &mut Vec<usize>, out: &mut Vec<Value>) {
    path.push(node);
    out.push(Value::tuple(path.iter().map(|&i| g.nodes[i].clone()).collect()));
    let mut next = g.adj[node].clone();
    next.sort_unstable();
    next.dedup();
    for n in next {
        if !path.contains(&n) {
            extend(g, n, path, out);
        }
    }
    path.pop();
}

fn connected(m: &Value, n: &Value, g: &Value, undirected: bool) -> Result<bool, EvalError> {
    let g = graph(g, undirected)?;
    let (Ok(from), Ok(to)) = (g.nodes.binary_search(m), g.nodes.binary_search(n)) else { return Ok(false) };
    let mut seen = vec![false; g.nodes.len()];
    let mut stack = vec![from];
    seen[from] = true;
    while let Some(i) = stack.pop() {
        if i == to {
            return Ok(true);
        }
        for &j in &g.adj[i] {
            if !seen[j] {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    Ok(false)
}

fn components(g: &Value) -> Result<Value, EvalError> {
    let g = graph(g, true)?;
    let mut comp = vec![usize::MAX; g.nodes.len()];
    let mut out = Vec::new();
    for start in 0..g.nodes.len() {
        if comp[start] != usize::MAX {
            continue;
        }
        let mut members = Vec::new();
        let mut stack = vec![start];
        comp[start] = start;
        while let Some(i) = stack.pop() {
            members.push(g.nodes[i].clone());
            for &j in &g.adj[i] {
                if comp[j] == usize::MAX {
                    comp[j] = start;
                    stack.push(j);
                }
            }
        }
        out.push(Value::set(members));
    }
    Ok(Value::set(out))
}

/// `IsStronglyConnected(G)`: every node reaches every node.
fn strongly_connected(g: &Value) -> Result<bool, EvalError> {
    let nodes = g.field("node")?.enumerate()?;
    for m in nodes.iter() {
        for n in nodes.iter() {
            if !connected(m, n, g, false)? {
                return Ok(false);
            }
        }
    }
    Ok(true)
}
