//! Module `"VectorClocks"`: `CausalOrder(log, clock(_), node(_), domain(_))`, which orders a log
//! of events stamped with vector clocks so that every event follows the events it depends on (a
//! topological order of the happened-before graph, as TLC's override computes it, with hosts
//! visited in sorted order where TLC's order is that of a Java hash map).

use std::collections::BTreeMap;

use super::{call_op, Arg, BuiltinContext, ModuleOps, OpArg};
use crate::value::{EvalError, Value};

pub(crate) const OPS: ModuleOps = &[("CausalOrder", causal_order)];

/// One event of a host's log.
struct Event {
    value: Value,
    time: Value,
    clock: Value,
    hosts: Vec<Value>,
    /// Indices (host, position) of the events this one depends on and that are not yet output.
    parents: Vec<(usize, usize)>,
}

struct Ops<'a> {
    clock: &'a dyn OpArg,
    node: &'a dyn OpArg,
    domain: &'a dyn OpArg,
}

fn causal_order(args: &[Arg<'_>], _: &mut dyn BuiltinContext) -> Result<Value, EvalError> {
    let [log, clock, node, domain] = args else { return Err(EvalError::other("CausalOrder takes 4 arguments.")) };
    let ops = Ops { clock: clock.op()?, node: node.op()?, domain: domain.op()? };
    let log = super::sequences::seq(log.value()?, "first", "CausalOrder")?;
    let (hosts, mut logs) = host_logs(&log, &ops)?;
    link_parents(&hosts, &mut logs)?;
    emit(logs, log.len())
}

/// Each host's events, ordered by the host's own clock entry.
fn host_logs(log: &[Value], ops: &Ops<'_>) -> Result<(Vec<Value>, Vec<Vec<Event>>), EvalError> {
    let mut by_host: BTreeMap<Value, Vec<Event>> = BTreeMap::new();
    for value in log {
        let host = call_op(ops.node, std::slice::from_ref(value), "CausalOrder")?;
        let clock = call_op(ops.clock, std::slice::from_ref(value), "CausalOrder")?;
        let time = clock.apply(&host)?;
        let hosts = call_op(ops.domain, std::slice::from_ref(&clock), "CausalOrder")?.enumerate()?.to_vec();
        by_host.entry(host).or_default().push(Event { value: value.clone(), time, clock, hosts, parents: Vec::new() });
    }
    let (hosts, mut logs): (Vec<Value>, Vec<Vec<Event>>) = by_host.into_iter().unzip();
    for events in &mut logs {
        events.sort_by(|a, b| a.time.cmp(&b.time));
    }
    Ok((hosts, logs))
}

/// Adds, for every event, the latest event of each other host that its clock has seen.
fn link_parents(host_of: &[Value], logs: &mut [Vec<Event>]) -> Result<(), EvalError> {
    for h in 0..logs.len() {
        let mut seen = vec![Value::Int(0); logs.len()];
        for i in 0..logs[h].len() {
            let mut parents = Vec::new();
            for other in logs[h][i].hosts.clone() {
                let Some(o) = host_of.iter().position(|x| *x == other) else { continue };
                if o == h {
                    continue;
                }
                let time = logs[h][i].clock.apply(&other)?;
                if seen[o] < time {
                    let idx = usize::try_from(time.as_int()? - 1).map_err(|_| missing(&other, &time))?;
                    if idx >= logs[o].len() {
                        return Err(missing(&other, &time));
                    }
                    seen[o] = time;
                    parents.push((o, idx));
                }
            }
            logs[h][i].parents = parents;
        }
    }
    Ok(())
}

fn missing(host: &Value, time: &Value) -> EvalError {
    EvalError::other(format!("CausalOrder: the log has no event of {host} at time {time}."))
}

/// Repeatedly outputs the first remaining event of each host whose parents are all output.
fn emit(logs: Vec<Vec<Event>>, total: usize) -> Result<Value, EvalError> {
    let mut next = vec![0usize; logs.len()];
    let mut out = Vec::with_capacity(total);
    while out.len() < total {
        let before = out.len();
        for h in 0..logs.len() {
            let Some(e) = logs[h].get(next[h]) else { continue };
            if e.parents.iter().all(|&(o, idx)| next[o] > idx) {
                out.push(e.value.clone());
                next[h] += 1;
            }
        }
        if out.len() == before {
            return Err(EvalError::other("CausalOrder: the vector clocks of the log contradict each other."));
        }
    }
    Ok(Value::tuple(out))
}
