//! The part of the seen set on disk: one sorted file of fingerprints and, in memory, the first
//! fingerprint of each page of it (TLC's `DiskFPSet` idea), so a lookup reads one page.
//!
//! The in-memory table spills into it when it holds more than its budget: its fingerprints are
//! sorted and merged with the file into a new file, which replaces the old one.

use super::spill::{read_at, SpillDir};
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// Fingerprints per page: one 4 KiB read per lookup, 8 bytes of index per 512 fingerprints.
const PAGE: usize = 512;

/// A sorted file of distinct fingerprints with an index of its pages.
pub struct DiskFingerprints {
    dir: SpillDir,
    file: Option<(File, PathBuf)>,
    len: u64,
    /// `index[p]` is the first fingerprint of page `p`.
    index: Vec<u64>,
}

impl DiskFingerprints {
    pub fn new(dir: SpillDir) -> DiskFingerprints {
        DiskFingerprints { dir, file: None, len: 0, index: Vec::new() }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The memory of the page index, in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.index.capacity() * 8
    }

    /// Whether `fp` is in the file. The file is this run's own, so a failed read is a broken
    /// disk, which the engine cannot recover from: it is recorded in the spill directory, and
    /// the engine stops the run before using the answer.
    pub fn contains(&self, fp: u64) -> bool {
        let Some((file, _)) = &self.file else { return false };
        let page = self.index.partition_point(|&first| first <= fp);
        if page == 0 {
            return false;
        }
        let page = page - 1;
        let start = page * PAGE;
        let count = PAGE.min((self.len as usize) - start);
        let mut buf = [0u8; PAGE * 8];
        let bytes = &mut buf[..count * 8];
        if let Err(e) = read_at(file, bytes, start as u64 * 8) {
            let path = self.file.as_ref().map(|(_, p)| p.display().to_string()).unwrap_or_default();
            self.dir.fail(format!("tla2 could not read the seen set's file {path}: {e}"));
            return false;
        }
        let at = |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match at(mid).cmp(&fp) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        false
    }

    /// Merges `sorted` (sorted, distinct, none already in the file) into the file.
    pub fn merge(&mut self, sorted: &[u64]) -> io::Result<()> {
        let (new_file, new_path) = self.dir.create("fingerprints")?;
        let mut out = BufWriter::with_capacity(1 << 20, &new_file);
        let mut index = Vec::with_capacity(((self.len as usize + sorted.len()) / PAGE + 1).max(self.index.len()));
        let mut written = 0usize;
        let mut put = |fp: u64, out: &mut BufWriter<&File>| -> io::Result<()> {
            if written.is_multiple_of(PAGE) {
                index.push(fp);
            }
            written += 1;
            out.write_all(&fp.to_le_bytes())
        };
        let mut new = sorted.iter().copied().peekable();
        for old in self.iter()? {
            let old = old?;
            while let Some(fp) = new.next_if(|&fp| fp < old) {
                put(fp, &mut out)?;
            }
            put(old, &mut out)?;
        }
        for fp in new {
            put(fp, &mut out)?;
        }
        out.flush()?;
        drop(out);
        if let Some((_, old_path)) = self.file.take() {
            self.dir.remove(&old_path);
        }
        self.len = written as u64;
        self.file = Some((new_file, new_path));
        self.index = index;
        Ok(())
    }

    /// The fingerprints of the file in increasing order.
    pub fn iter(&self) -> io::Result<impl Iterator<Item = io::Result<u64>> + '_> {
        let reader = match &self.file {
            Some((file, _)) => {
                let mut f = file.try_clone()?;
                f.seek(SeekFrom::Start(0))?;
                Some(BufReader::with_capacity(1 << 20, f))
            }
            None => None,
        };
        let mut reader = reader;
        let mut left = self.len;
        Ok(std::iter::from_fn(move || {
            if left == 0 {
                return None;
            }
            left -= 1;
            let mut buf = [0u8; 8];
            Some(reader.as_mut().expect("len > 0 means a file").read_exact(&mut buf).map(|_| u64::from_le_bytes(buf)))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_files_answer_lookups() {
        let dir = SpillDir::new(None);
        let mut disk = DiskFingerprints::new(dir);
        let mut all = Vec::new();
        for round in 0..3u64 {
            let mut batch: Vec<u64> = (0..1500u64).map(|i| (i * 3 + round + 1).wrapping_mul(0x9E37_79B9)).collect();
            batch.sort_unstable();
            disk.merge(&batch).unwrap();
            all.extend(batch);
        }
        all.sort_unstable();
        assert_eq!(disk.len(), 4500);
        let read: Vec<u64> = disk.iter().unwrap().map(|r| r.unwrap()).collect();
        assert_eq!(read, all);
        for &fp in &all {
            assert!(disk.contains(fp));
            assert!(!disk.contains(fp + 0x9E37_79B9 * 4500 * 3));
        }
        assert!(!disk.contains(0));
        assert!(!disk.contains(u64::MAX));
    }
}
