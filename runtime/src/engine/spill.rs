//! The metadirectory: where the engine writes what does not stay in memory (parent links, seen
//! fingerprints past `-fpmem`, BFS levels past the queue budget).
//!
//! Nothing is created until something spills: small runs never touch the disk. Files are
//! created on demand, each under a unique name, and removed (with the directory when this run
//! created it) when the run ends, as TLC removes its fingerprint and trace files.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

/// Memory budgets and the directory of a run's spill files. The defaults spill parent links
/// (past [`DEFAULT_LINKS_IN_MEMORY`] states) and nothing else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpillOptions {
    /// TLC's `-metadir`; `None` is a fresh directory under the system's temporary directory.
    pub dir: Option<PathBuf>,
    /// Parent links kept in memory before they go to a file (at least one block).
    pub links_in_memory: usize,
    /// Fingerprints the in-memory seen set may hold before they are merged into the sorted
    /// file (`-fpmem`); `None` keeps them all in memory.
    pub fingerprints_in_memory: Option<u64>,
    /// Bytes of encoded states of the next BFS level kept in memory before the level goes to a
    /// file; `None` keeps every level in memory.
    pub queue_bytes: Option<u64>,
}

/// Parent links stay in memory up to this many states (64 KiB); past it they go to a file.
pub const DEFAULT_LINKS_IN_MEMORY: usize = 1 << 13;

impl Default for SpillOptions {
    fn default() -> SpillOptions {
        SpillOptions {
            dir: None,
            links_in_memory: DEFAULT_LINKS_IN_MEMORY,
            fingerprints_in_memory: None,
            queue_bytes: None,
        }
    }
}

/// A run's metadirectory, shared by everything that spills; cleaned up when the last handle
/// is dropped.
#[derive(Clone)]
pub struct SpillDir(Arc<Inner>);

struct Inner {
    requested: Option<PathBuf>,
    state: Mutex<DirState>,
    counter: AtomicU64,
    /// The first read or write of a spill file that failed: the run cannot go on without
    /// what it held, and the engine stops with this message.
    failure: Mutex<Option<String>>,
}

#[derive(Default)]
struct DirState {
    /// The directory once created (or found), and whether this run created it.
    dir: Option<(PathBuf, bool)>,
    files: Vec<PathBuf>,
}

static RUNS: AtomicU64 = AtomicU64::new(0);

impl SpillDir {
    pub fn new(requested: Option<PathBuf>) -> SpillDir {
        SpillDir(Arc::new(Inner {
            requested,
            state: Mutex::new(DirState::default()),
            counter: AtomicU64::new(0),
            failure: Mutex::new(None),
        }))
    }

    /// Records that a spill file could not be read or written (the first failure is kept).
    pub fn fail(&self, message: String) {
        let mut failure = self.0.failure.lock().unwrap_or_else(|e| e.into_inner());
        failure.get_or_insert(message);
    }

    /// The failure recorded by [`SpillDir::fail`], if any.
    pub fn failure(&self) -> Option<String> {
        self.0.failure.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Creates a new empty file `<stem>-<n>.bin` in the directory (created first if needed),
    /// open for reading and writing; it is removed at the end of the run.
    pub fn create(&self, stem: &str) -> io::Result<(File, PathBuf)> {
        let mut state = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        if state.dir.is_none() {
            state.dir = Some(self.make_dir()?);
        }
        let (dir, _) = state.dir.as_ref().expect("just set");
        let n = self.0.counter.fetch_add(1, Ordering::Relaxed);
        let path = dir.join(format!("{stem}-{}-{n}.bin", std::process::id()));
        let file = OpenOptions::new().read(true).write(true).create_new(true).open(&path)?;
        state.files.push(path.clone());
        Ok((file, path))
    }

    /// Removes a file made by [`SpillDir::create`] before the end of the run.
    pub fn remove(&self, path: &Path) {
        let mut state = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        state.files.retain(|p| p != path);
        let _ = std::fs::remove_file(path);
    }

    fn make_dir(&self) -> io::Result<(PathBuf, bool)> {
        if let Some(dir) = &self.0.requested {
            let existed = dir.is_dir();
            std::fs::create_dir_all(dir)?;
            return Ok((dir.clone(), !existed));
        }
        let run = RUNS.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.subsec_nanos());
        let dir = std::env::temp_dir().join(format!("tla2-states-{}-{run}-{nanos}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        Ok((dir, true))
    }

    /// The directory, once something has spilled.
    pub fn path(&self) -> Option<PathBuf> {
        let state = self.0.state.lock().unwrap_or_else(|e| e.into_inner());
        state.dir.as_ref().map(|(d, _)| d.clone())
    }
}

impl Drop for Inner {
    fn drop(&mut self) {
        let state = self.state.get_mut().unwrap_or_else(|e| e.into_inner());
        for f in state.files.drain(..) {
            let _ = std::fs::remove_file(f);
        }
        if let Some((dir, true)) = &state.dir {
            // Only if empty: a `-metadir` the user shares with other files is left alone.
            let _ = std::fs::remove_dir(dir);
        }
    }
}

/// Reads exactly `buf.len()` bytes at `offset`.
pub fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        file.read_exact_at(buf, offset)
    }
    #[cfg(windows)]
    {
        use std::os::windows::fs::FileExt;
        let mut done = 0;
        while done < buf.len() {
            let n = file.seek_read(&mut buf[done..], offset + done as u64)?;
            if n == 0 {
                return Err(io::ErrorKind::UnexpectedEof.into());
            }
            done += n;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_and_the_directory_are_removed_at_the_end() {
        let dir = SpillDir::new(None);
        assert!(dir.path().is_none());
        let (_f, path) = dir.create("t").unwrap();
        assert!(path.exists());
        let d = dir.path().unwrap();
        drop(dir);
        assert!(!path.exists());
        assert!(!d.exists());
    }
}
