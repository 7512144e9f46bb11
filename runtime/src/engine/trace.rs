//! Parent links of the distinct states and counterexample reconstruction by replay.
//!
//! Distinct states are numbered in BFS order (0 = the first initial state). For each one the
//! engine appends a link: the parent's number and the successor's ordinal, i.e. its position
//! among everything the parent's `next_states` (or `init_states`) emitted. That is 8 bytes per
//! state, written sequentially: in memory for small runs, appended to a file of the
//! metadirectory past a budget (`SpillOptions::links_in_memory`). A counterexample is rebuilt by replaying the model from the
//! initial states along those links; every replayed state's fingerprint must be in the seen set
//! and the last one must equal the state the engine holds, or the replay fails with an
//! explanation instead of producing a trace that might be wrong.

use super::seen::FingerprintSet;
use super::spill::{read_at, SpillDir};
use crate::model::{ActionId, EngineSnapshot, Model};
use std::collections::HashMap;
use std::fs::File;
use std::io::{Seek, SeekFrom, Write};

const ORDINAL_BITS: u32 = 24;
const ORDINAL_MASK: u64 = (1 << ORDINAL_BITS) - 1;

/// Parent links, indexed by state number: the newest in memory, the older ones in a file of
/// the metadirectory once there are more than the memory budget (as TLC's trace file), read
/// back with positioned reads when a counterexample is rebuilt. If the file cannot be written
/// the links simply stay in memory.
pub struct ParentLinks {
    /// `(parent number + 1) << 24 | ordinal` of states `flushed..`; a parent of 0 marks an
    /// initial state. Ordinals too large for 24 bits are stored as `ORDINAL_MASK` with the real
    /// value in `large`.
    links: Vec<u64>,
    /// How many links (the first ones) are in `file`.
    flushed: u64,
    file: Option<File>,
    /// Where to spill; `None` once spilling failed (or for an in-memory-only set).
    spill: Option<SpillDir>,
    /// Links kept in memory before they are appended to the file.
    in_memory: usize,
    large: HashMap<u64, u64>,
}

impl Default for ParentLinks {
    fn default() -> ParentLinks {
        ParentLinks::in_memory()
    }
}

impl ParentLinks {
    /// Links that never leave memory.
    pub fn in_memory() -> ParentLinks {
        ParentLinks {
            links: Vec::new(),
            flushed: 0,
            file: None,
            spill: None,
            in_memory: usize::MAX,
            large: HashMap::new(),
        }
    }

    /// Links that go to a file in `dir` past `in_memory` of them.
    pub fn spilling(dir: SpillDir, in_memory: usize) -> ParentLinks {
        let in_memory = in_memory.max(1);
        ParentLinks {
            links: Vec::with_capacity(in_memory.min(1 << 16)),
            flushed: 0,
            file: None,
            spill: Some(dir),
            in_memory,
            large: HashMap::new(),
        }
    }

    pub fn len(&self) -> u64 {
        self.flushed + self.links.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The memory the links use, in bytes (the ones on file excluded).
    pub fn memory_bytes(&self) -> usize {
        self.links.capacity() * 8 + self.large.capacity() * 16
    }

    /// How many links are on file.
    pub fn on_disk(&self) -> u64 {
        self.flushed
    }

    /// Records the next state number; `parent` is `None` for an initial state. Returns the
    /// state's number.
    pub fn push(&mut self, parent: Option<u64>, ordinal: u64) -> u64 {
        let number = self.len();
        let parent_field = parent.map_or(0, |p| p + 1) << ORDINAL_BITS;
        if ordinal >= ORDINAL_MASK {
            self.large.insert(number, ordinal);
            self.links.push(parent_field | ORDINAL_MASK);
        } else {
            self.links.push(parent_field | ordinal);
        }
        if self.links.len() >= self.in_memory && self.spill.is_some() {
            self.flush();
        }
        number
    }

    /// Appends the links in memory to the file; on failure they stay in memory for good.
    fn flush(&mut self) {
        let Some(dir) = &self.spill else { return };
        if self.file.is_none() {
            match dir.create("links") {
                Ok((file, _)) => self.file = Some(file),
                Err(_) => {
                    self.spill = None;
                    return;
                }
            }
        }
        let bytes: Vec<u8> = self.links.iter().flat_map(|l| l.to_le_bytes()).collect();
        let file = self.file.as_mut().expect("just opened");
        let written = file.seek(SeekFrom::Start(self.flushed * 8)).and_then(|_| file.write_all(&bytes));
        if written.is_err() {
            self.spill = None;
            return;
        }
        self.flushed += self.links.len() as u64;
        self.links.clear();
    }

    fn get(&self, number: u64) -> Result<(Option<u64>, u64), String> {
        let link = if number >= self.flushed {
            *self.links.get((number - self.flushed) as usize).ok_or_else(|| format!("no state {number}"))?
        } else {
            let file = self.file.as_ref().ok_or_else(|| format!("no state {number}"))?;
            let mut buf = [0u8; 8];
            read_at(file, &mut buf, number * 8).map_err(|e| format!("the parent links file could not be read: {e}"))?;
            u64::from_le_bytes(buf)
        };
        let parent = (link >> ORDINAL_BITS).checked_sub(1);
        let ordinal = link & ORDINAL_MASK;
        // `push` stores every saturated ordinal in `large`, so the lookup cannot miss; a miss
        // would only make the replay fail loudly on a wrong successor.
        let ordinal =
            if ordinal == ORDINAL_MASK { self.large.get(&number).copied().unwrap_or(ordinal) } else { ordinal };
        Ok((parent, ordinal))
    }

    /// The ordinals from an initial state to `number`, initial first.
    fn path_to(&self, number: u64) -> Result<Vec<u64>, String> {
        let mut path = Vec::new();
        let mut current = Some(number);
        while let Some(n) = current {
            let (parent, ordinal) = self.get(n)?;
            if parent.is_some_and(|p| p >= n) {
                return Err(format!("the parent link of state {n} is corrupt"));
            }
            path.push(ordinal);
            current = parent;
        }
        path.reverse();
        Ok(path)
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
    let path = links.path_to(number)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spilled_links_read_back_as_pushed() {
        let dir = SpillDir::new(None);
        let mut links = ParentLinks::spilling(dir.clone(), 7);
        let mut memory = ParentLinks::in_memory();
        for n in 0..100u64 {
            let parent = n.checked_sub(1 + n % 3);
            let ordinal = if n == 50 { ORDINAL_MASK + 5 } else { n % 11 };
            assert_eq!(links.push(parent, ordinal), n);
            memory.push(parent, ordinal);
        }
        assert!(links.on_disk() >= 91);
        assert!(dir.path().is_some());
        for n in 0..100 {
            assert_eq!(links.get(n).unwrap(), memory.get(n).unwrap());
        }
        assert_eq!(links.path_to(99).unwrap(), memory.path_to(99).unwrap());
        assert!(links.memory_bytes() < memory.memory_bytes());
    }
}
