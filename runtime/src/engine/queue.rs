//! The BFS queue: the level being built ([`NextLevel`]) and the level being expanded
//! ([`Level`]), which go to a file of the metadirectory past a memory budget.
//!
//! With a budget (`SpillOptions::queue_bytes`), each new state is encoded
//! (`Model::encode_state`) to measure it; while the level's encoded size is within the budget
//! the state stays in memory, after that it and every later state of the level are appended to
//! a file (length-prefixed records). The level is then read back in order, window by window, so
//! the order of states, and with it every count and counterexample, is that of the in-memory
//! queue. The current and the next level each hold at most about the budget in memory. A model
//! without an encoding, or a state holding a value without one, keeps the queue in memory.
//! A failed write or read of the file is recorded in the [`SpillDir`] (`SpillDir::fail`), and
//! the engine stops the run with it; states are never silently lost or reordered.

use super::spill::SpillDir;
use crate::model::Model;
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// The next BFS level, as it is built.
pub struct NextLevel<S> {
    mem: Vec<S>,
    mem_bytes: u64,
    budget: Option<u64>,
    dir: SpillDir,
    file: Option<(BufWriter<File>, PathBuf)>,
    on_file: usize,
    scratch: Vec<u8>,
    /// States written to disk by this queue so far.
    pub spilled: u64,
}

impl<S: Clone> NextLevel<S> {
    pub fn new(budget: Option<u64>, dir: SpillDir) -> NextLevel<S> {
        NextLevel {
            mem: Vec::new(),
            mem_bytes: 0,
            budget,
            dir,
            file: None,
            on_file: 0,
            scratch: Vec::new(),
            spilled: 0,
        }
    }

    pub fn len(&self) -> usize {
        self.mem.len() + self.on_file
    }

    /// Appends a state.
    pub fn push<M: Model<State = S>>(&mut self, model: &M, state: S) {
        let Some(budget) = self.budget else {
            self.mem.push(state);
            return;
        };
        self.scratch.clear();
        if !model.encode_state(&state, &mut self.scratch) {
            // No encoding: this run's queue stays in memory.
            self.unspill(model);
            self.budget = None;
            self.mem.push(state);
            return;
        }
        if self.file.is_none() && self.mem_bytes + self.scratch.len() as u64 <= budget {
            self.mem_bytes += self.scratch.len() as u64;
            self.mem.push(state);
            return;
        }
        if self.file.is_none() {
            match self.dir.create("queue") {
                Ok((file, path)) => self.file = Some((BufWriter::with_capacity(1 << 20, file), path)),
                Err(_) => {
                    self.budget = None;
                    self.mem.push(state);
                    return;
                }
            }
        }
        let Some((writer, path)) = self.file.as_mut() else { return };
        let len = (self.scratch.len() as u32).to_le_bytes();
        if let Err(e) = writer.write_all(&len).and_then(|_| writer.write_all(&self.scratch)) {
            self.dir.fail(format!("tla2 could not write the BFS queue to {}: {e}", path.display()));
        }
        self.on_file += 1;
        self.spilled += 1;
    }

    /// Reads the states on file back into memory (a state without an encoding came after
    /// some were written), keeping their order.
    fn unspill<M: Model<State = S>>(&mut self, model: &M) {
        if self.file.is_none() {
            return;
        }
        let mut level = self.take_level();
        let n = level.len();
        let states = level.window(model, 0, n).into_owned();
        self.mem = states;
    }

    /// The level built so far, for reading; this queue starts empty again.
    fn take_level(&mut self) -> Level<S> {
        let dir = self.dir.clone();
        let file = self.file.take().and_then(|(writer, path)| {
            let mut file = match writer.into_inner() {
                Ok(f) => f,
                Err(e) => {
                    dir.fail(format!("tla2 could not write the BFS queue to {}: {}", path.display(), e.error()));
                    return None;
                }
            };
            if let Err(e) = file.seek(SeekFrom::Start(0)) {
                dir.fail(format!("tla2 could not read the BFS queue back from {}: {e}", path.display()));
                return None;
            }
            Some((BufReader::with_capacity(1 << 20, file), path))
        });
        let level =
            Level { mem: std::mem::take(&mut self.mem), file, on_file: self.on_file, read: 0, dir: self.dir.clone() };
        self.on_file = 0;
        self.mem_bytes = 0;
        level
    }

    /// The finished level, ready to be expanded.
    pub fn finish(mut self) -> (Level<S>, u64) {
        let spilled = self.spilled;
        (self.take_level(), spilled)
    }
}

/// A BFS level being expanded: states `0..mem.len()` in memory, the rest on file.
pub struct Level<S> {
    mem: Vec<S>,
    file: Option<(BufReader<File>, PathBuf)>,
    on_file: usize,
    /// How many states of the file have been read.
    read: usize,
    dir: SpillDir,
}

impl<S: Clone> Level<S> {
    /// A level held in memory.
    pub fn in_memory(states: Vec<S>, dir: SpillDir) -> Level<S> {
        Level { mem: states, file: None, on_file: 0, read: 0, dir }
    }

    pub fn len(&self) -> usize {
        self.mem.len() + self.on_file
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// States `start..end`. Windows must be asked for in order, each starting where the
    /// previous one ended. When the file cannot be read, the window ends early and the failure
    /// is recorded in the spill directory (the engine checks it before using the window).
    pub fn window<M: Model<State = S>>(&mut self, model: &M, start: usize, end: usize) -> Cow<'_, [S]> {
        let in_mem = self.mem.len();
        if end <= in_mem {
            return Cow::Borrowed(&self.mem[start..end]);
        }
        let mut states: Vec<S> = self.mem[start.min(in_mem)..in_mem].to_vec();
        let first_on_file = start.saturating_sub(in_mem);
        assert_eq!(first_on_file, self.read, "BFS windows are read in order");
        self.read = end - in_mem;
        let Some((reader, path)) = self.file.as_mut() else {
            self.dir.fail("tla2 lost the part of the BFS queue it had written to disk".into());
            return Cow::Owned(states);
        };
        let mut buf = Vec::new();
        for _ in first_on_file..end - in_mem {
            let mut len = [0u8; 4];
            let read = reader.read_exact(&mut len).and_then(|_| {
                buf.resize(u32::from_le_bytes(len) as usize, 0);
                reader.read_exact(&mut buf)
            });
            if let Err(e) = read {
                self.dir.fail(format!("tla2 could not read the BFS queue back from {}: {e}", path.display()));
                break;
            }
            match model.decode_state(&buf) {
                Some(s) => states.push(s),
                None => {
                    self.dir.fail(format!("tla2 could not decode a state of the BFS queue in {}", path.display()));
                    break;
                }
            }
        }
        Cow::Owned(states)
    }
}

impl<S> Drop for Level<S> {
    fn drop(&mut self) {
        if let Some((_, path)) = self.file.take() {
            self.dir.remove(&path);
        }
    }
}
