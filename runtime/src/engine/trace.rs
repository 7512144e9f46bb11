//! Parent links of the distinct states and counterexample reconstruction by replay.
//!
//! Distinct states are numbered in BFS order (0 = the first initial state). For each one the
//! engine appends a link: the parent's number and the successor's ordinal, i.e. its position
//! among everything the parent's `next_states` (or `init_states`) emitted. That is 8 bytes per
//! state, written sequentially. A counterexample is rebuilt by replaying the model from the
//! initial states along those links; every replayed state's fingerprint must be in the seen set
//! and the last one must equal the state the engine holds, or the replay fails with an
//! explanation instead of producing a trace that might be wrong.

use super::seen::FingerprintSet;
use crate::model::{ActionId, EngineSnapshot, Model};
use std::collections::HashMap;

const ORDINAL_BITS: u32 = 24;
const ORDINAL_MASK: u64 = (1 << ORDINAL_BITS) - 1;

/// Parent links, indexed by state number.
#[derive(Default)]
pub struct ParentLinks {
    /// `(parent number + 1) << 24 | ordinal`; a parent of 0 marks an initial state. Ordinals
    /// too large for 24 bits are stored as `ORDINAL_MASK` with the real value in `large`.
    links: Vec<u64>,
    large: HashMap<u64, u64>,
}

impl ParentLinks {
    pub fn with_capacity(n: usize) -> ParentLinks {
        ParentLinks { links: Vec::with_capacity(n), large: HashMap::new() }
    }

    pub fn len(&self) -> u64 {
        self.links.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.links.is_empty()
    }

    /// Records the next state number; `parent` is `None` for an initial state. Returns the
    /// state's number.
    pub fn push(&mut self, parent: Option<u64>, ordinal: u64) -> u64 {
        let number = self.links.len() as u64;
        let parent_field = parent.map_or(0, |p| p + 1) << ORDINAL_BITS;
        if ordinal >= ORDINAL_MASK {
            self.large.insert(number, ordinal);
            self.links.push(parent_field | ORDINAL_MASK);
        } else {
            self.links.push(parent_field | ordinal);
        }
        number
    }

    fn get(&self, number: u64) -> (Option<u64>, u64) {
        let link = self.links[number as usize];
        let parent = (link >> ORDINAL_BITS).checked_sub(1);
        let ordinal = link & ORDINAL_MASK;
        // `push` stores every saturated ordinal in `large`, so the lookup cannot miss; a miss
        // would only make the replay fail loudly on a wrong successor.
        let ordinal =
            if ordinal == ORDINAL_MASK { self.large.get(&number).copied().unwrap_or(ordinal) } else { ordinal };
        (parent, ordinal)
    }

    /// The ordinals from an initial state to `number`, initial first.
    fn path_to(&self, number: u64) -> Vec<u64> {
        let mut path = Vec::new();
        let mut current = Some(number);
        while let Some(n) = current {
            let (parent, ordinal) = self.get(n);
            path.push(ordinal);
            current = parent;
        }
        path.reverse();
        path
    }
}

/// A replayed behaviour: states with the action that produced each (`None` for the first).
pub type Replayed<S> = Vec<(S, Option<ActionId>)>;

/// Rebuilds the states from an initial state to distinct state `number` by replaying the model.
/// `expected_last` is the state the engine holds for `number`; the replay must reproduce it.
/// Before each step the model is told the level it is at, as during the search (`snapshot`
/// gives the other fields).
pub fn replay<M: Model>(
    model: &M,
    worker: &mut M::Worker,
    links: &ParentLinks,
    seen: &FingerprintSet,
    target: (u64, &M::State),
    snapshot: &EngineSnapshot,
) -> Result<Replayed<M::State>, String> {
    let (number, expected_last) = target;
    let path = links.path_to(number);
    let mut states: Replayed<M::State> = Vec::with_capacity(path.len());
    for (step, &ordinal) in path.iter().enumerate() {
        model.set_snapshot(worker, &EngineSnapshot { level: step as u32, ..snapshot.clone() });
        let picked = match states.last() {
            None => pick_initial(model, worker, ordinal)?,
            Some((previous, _)) => pick_successor(model, worker, previous, ordinal)?,
        };
        let (state, action) = picked;
        model.set_snapshot(worker, &EngineSnapshot { level: step as u32 + 1, ..snapshot.clone() });
        let fp = model.fingerprint(worker, &state);
        if !seen.contains(fp) {
            return Err(format!(
                "state {} of the counterexample (ordinal {ordinal}) has fingerprint {fp:#018x}, \
                 which was never explored; the model is not deterministic",
                step + 1
            ));
        }
        states.push((state, action));
    }
    match states.last() {
        Some((last, _)) if last == expected_last => Ok(states),
        _ => Err(format!(
            "replaying {} steps did not reproduce the state the checker found; \
             the model is not deterministic",
            path.len()
        )),
    }
}

fn pick_initial<M: Model>(
    model: &M,
    worker: &mut M::Worker,
    ordinal: u64,
) -> Result<(M::State, Option<ActionId>), String> {
    let mut count = 0u64;
    let mut found = None;
    model
        .init_states(worker, &mut |s| {
            if count == ordinal {
                found = Some(s);
            }
            count += 1;
        })
        .map_err(|e| format!("the initial states could not be recomputed: {}", e.error))?;
    found
        .map(|s| (s, None))
        .ok_or_else(|| format!("initial state {ordinal} is missing on replay ({count} initial states)"))
}

fn pick_successor<M: Model>(
    model: &M,
    worker: &mut M::Worker,
    from: &M::State,
    ordinal: u64,
) -> Result<(M::State, Option<ActionId>), String> {
    let mut count = 0u64;
    let mut found = None;
    model
        .next_states(worker, from, &mut |action, s| {
            if count == ordinal {
                found = Some((s, Some(action)));
            }
            count += 1;
        })
        .map_err(|e| format!("the successors of a trace state could not be recomputed: {}", e.error))?;
    found.ok_or_else(|| format!("successor {ordinal} is missing on replay ({count} successors)"))
}
