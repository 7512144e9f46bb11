//! The seen set: every distinct state's 64-bit fingerprint, in sharded open-addressing tables.
//!
//! Thread-safety contract: the BFS alternates two phases per batch of states. In the expansion
//! phase many workers call [`FingerprintSet::contains`] through a shared reference while nobody
//! inserts; in the merge phase [`FingerprintSet::insert_batch`] fills each shard from one thread,
//! in the order of the batch. The borrow checker enforces the phases, so the table needs no
//! atomics, and which insertion wins never depends on thread timing (architecture invariant 6).
//!
//! Layout: `SHARDS` independent linear-probing tables of `u64`, 0 marking an empty slot (models
//! never return fingerprint 0). The shard and the slot come from disjoint bits of the mixed
//! fingerprint, so the two are independent; a slot is found by multiply-shift range reduction,
//! so tables need not be powers of two. Shards grow one at a time, ×1.5 from 75% to 50% full
//! (tables below the minimum size ×4), which keeps a set of more than a few thousand
//! fingerprints between 10.7 and 16 bytes per fingerprint and the peak of a growth small.
//!
//! Past a budget (`-fpmem`), the tables spill: their fingerprints are merged into a sorted
//! file (`seen_disk.rs`) and the tables start empty again; lookups try memory, then the file.
//! Spilling happens only at the end of an insertion (a batch, or one initial state), when the
//! tables hold more than the budget, so when it happens depends on the counts alone.

use super::seen_disk::DiskFingerprints;
use super::spill::SpillDir;
use rayon::prelude::*;

const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;
/// A shard grows when it is this full (in 1/1024ths): 75%, about 11 bytes per fingerprint.
const MAX_LOAD_PER_1024: usize = 768;
const MIN_SHARD_SLOTS: usize = 1 << 10;
/// Tables smaller than this grow ×4; from this size on they grow ×1.5 to bound memory (below
/// 16 bytes per fingerprint already for sets of 100K).
const FAST_GROWTH_LIMIT: usize = 1 << 10;

/// A set of nonzero 64-bit fingerprints.
pub struct FingerprintSet {
    shards: Vec<Shard>,
    len: u64,
    /// The fingerprints spilled to disk (none of them is in `shards`).
    disk: Option<DiskFingerprints>,
    /// The budget of the tables, in fingerprints, when they may spill.
    limit: Option<u64>,
}

/// One open-addressing table.
struct Shard {
    slots: Vec<u64>,
    len: usize,
}

impl FingerprintSet {
    /// A set sized for about `expected` fingerprints without growing.
    pub fn with_capacity(expected: u64) -> FingerprintSet {
        let per_shard = (expected as usize / SHARDS).saturating_mul(1024) / MAX_LOAD_PER_1024 + 1;
        let slots = per_shard.max(MIN_SHARD_SLOTS);
        let shards = (0..SHARDS).map(|_| Shard { slots: vec![0; slots], len: 0 }).collect();
        FingerprintSet { shards, len: 0, disk: None, limit: None }
    }

    /// A set whose tables spill to a file in `dir` when they hold more than `limit`
    /// fingerprints.
    pub fn spilling(expected: u64, dir: SpillDir, limit: u64) -> FingerprintSet {
        let mut set = FingerprintSet::with_capacity(expected.min(limit));
        set.disk = Some(DiskFingerprints::new(dir));
        set.limit = Some(limit.max(1));
        set
    }

    /// How many fingerprints are on disk.
    pub fn on_disk(&self) -> u64 {
        self.disk.as_ref().map_or(0, |d| d.len())
    }

    fn disk_contains(&self, fp: u64) -> bool {
        self.disk.as_ref().is_some_and(|d| !d.is_empty() && d.contains(fp))
    }

    /// Moves the tables' fingerprints to disk if they hold more than the budget. If the file
    /// cannot be written, the fingerprints stay in memory and the set stops spilling.
    fn maybe_spill(&mut self) {
        let Some(limit) = self.limit else { return };
        if self.len - self.on_disk() <= limit {
            return;
        }
        let mut all: Vec<u64> = Vec::with_capacity((self.len - self.on_disk()) as usize);
        for shard in &self.shards {
            all.extend(shard.slots.iter().copied().filter(|&f| f != 0));
        }
        all.sort_unstable();
        let disk = self.disk.as_mut().expect("a limit comes with a disk");
        if disk.merge(&all).is_err() {
            self.limit = None;
            return;
        }
        for shard in &mut self.shards {
            shard.slots.fill(0);
            shard.len = 0;
        }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The memory the set uses, in bytes (the tables and the index of the file).
    pub fn memory_bytes(&self) -> usize {
        self.shards.iter().map(|s| s.slots.len() * 8).sum::<usize>()
            + self.disk.as_ref().map_or(0, |d| d.memory_bytes())
    }

    fn shard_of(fp: u64) -> usize {
        (mix(fp) >> (64 - SHARD_BITS)) as usize
    }

    pub fn contains(&self, fp: u64) -> bool {
        let fp = key(fp);
        self.shards[Self::shard_of(fp)].contains(fp) || self.disk_contains(fp)
    }

    /// Tells the CPU that `fp` will be looked up soon, so the slot's cache line is on its way
    /// while other work happens: the seen-set miss dominates the cost of a successor.
    pub fn prefetch(&self, fp: u64) {
        let fp = key(fp);
        self.shards[Self::shard_of(fp)].prefetch(fp);
    }

    /// Adds `fp`; true if it was not in the set.
    pub fn insert(&mut self, fp: u64) -> bool {
        let fp = key(fp);
        if self.disk_contains(fp) {
            return false;
        }
        let added = self.shards[Self::shard_of(fp)].insert(fp);
        self.len += added as u64;
        self.maybe_spill();
        added
    }

    /// Inserts `fps` in order; `result[i]` is true if `fps[i]` was in neither the set nor
    /// `fps[..i]`. With a pool, the shards are filled in parallel, each in the order of `fps`,
    /// which gives the same result as inserting one by one. Each of `fps` must have been
    /// looked up with [`FingerprintSet::contains`] since the last insertion and not found (the
    /// BFS's candidates are): the batch is not looked up on disk again.
    pub fn insert_batch(&mut self, fps: &[u64], pool: Option<&rayon::ThreadPool>) -> Vec<bool> {
        let new = self.insert_batch_in_memory(fps, pool);
        self.maybe_spill();
        new
    }

    fn insert_batch_in_memory(&mut self, fps: &[u64], pool: Option<&rayon::ThreadPool>) -> Vec<bool> {
        let mut new = vec![false; fps.len()];
        let Some(pool) = pool.filter(|_| fps.len() >= PARALLEL_BATCH) else {
            for (i, &fp) in fps.iter().enumerate() {
                if let Some(&ahead) = fps.get(i + PREFETCH_DISTANCE) {
                    self.prefetch(ahead);
                }
                let fp = key(fp);
                new[i] = self.shards[Self::shard_of(fp)].insert(fp);
                self.len += new[i] as u64;
            }
            return new;
        };
        let groups = group_by_shard(fps);
        let added: Vec<Vec<u32>> = pool.install(|| {
            self.shards.par_iter_mut().zip(groups.par_iter()).map(|(shard, idx)| shard.insert_all(fps, idx)).collect()
        });
        for i in added.into_iter().flatten() {
            new[i as usize] = true;
            self.len += 1;
        }
        new
    }
}

impl FingerprintSet {
    /// The smallest difference between two fingerprints in the set (TLC's "actual" collision
    /// estimate is its inverse); `None` with fewer than two.
    pub fn min_distance(&self) -> Option<u64> {
        let mut all: Vec<u64> = self.shards.iter().flat_map(|s| s.slots.iter().copied()).filter(|&f| f != 0).collect();
        all.sort_unstable();
        let Some(disk) = self.disk.as_ref().filter(|d| !d.is_empty()) else {
            return all.windows(2).map(|w| w[1] - w[0]).min();
        };
        // Both are sorted: walk their merge.
        let mut on_disk = disk.iter().ok()?.map_while(Result::ok).peekable();
        let mut in_memory = all.into_iter().peekable();
        let mut previous: Option<u64> = None;
        let mut min: Option<u64> = None;
        loop {
            let next = match (on_disk.peek(), in_memory.peek()) {
                (Some(&d), Some(&m)) if d <= m => on_disk.next(),
                (_, Some(_)) => in_memory.next(),
                (Some(_), None) => on_disk.next(),
                (None, None) => break,
            };
            let next = next.expect("peeked");
            if let Some(p) = previous {
                min = Some(min.map_or(next - p, |m: u64| m.min(next - p)));
            }
            previous = Some(next);
        }
        min
    }
}

/// Batches smaller than this are inserted by the calling thread.
const PARALLEL_BATCH: usize = 4096;
/// How many fingerprints ahead an insertion loop prefetches.
const PREFETCH_DISTANCE: usize = 16;

/// The indices of `fps`, grouped by shard and in their original order within a shard.
fn group_by_shard(fps: &[u64]) -> Vec<Vec<u32>> {
    let mut counts = [0usize; SHARDS];
    for &fp in fps {
        counts[FingerprintSet::shard_of(key(fp))] += 1;
    }
    let mut groups: Vec<Vec<u32>> = counts.iter().map(|&n| Vec::with_capacity(n)).collect();
    for (i, &fp) in fps.iter().enumerate() {
        groups[FingerprintSet::shard_of(key(fp))].push(i as u32);
    }
    groups
}

/// Models promise never to return fingerprint 0, which marks empty slots; should one do so
/// anyway, it is stored as 1 rather than corrupting the table.
fn key(fp: u64) -> u64 {
    fp.max(1)
}

/// A multiplicative mix, so that fingerprints with weak bits still spread over shards and
/// slots. The shard takes the top bits and the slot bits below them.
fn mix(fp: u64) -> u64 {
    fp.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Shard {
    /// The home slot: the mixed bits below the shard's, scaled to the table's length.
    fn index(&self, fp: u64) -> usize {
        let h = mix(fp) << SHARD_BITS;
        ((h as u128 * self.slots.len() as u128) >> 64) as usize
    }

    fn next_slot(&self, i: usize) -> usize {
        if i + 1 == self.slots.len() {
            0
        } else {
            i + 1
        }
    }

    /// Whether `fp` (nonzero) is in the shard.
    fn contains(&self, fp: u64) -> bool {
        let mut i = self.index(fp);
        loop {
            match self.slots[i] {
                0 => return false,
                x if x == fp => return true,
                _ => i = self.next_slot(i),
            }
        }
    }

    fn prefetch(&self, fp: u64) {
        let i = self.index(fp);
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `i` is in bounds and a prefetch never faults nor changes memory.
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch(self.slots.as_ptr().add(i) as *const i8, _MM_HINT_T0);
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = i;
    }

    /// Adds `fp` (nonzero); true if it was not in the shard.
    fn insert(&mut self, fp: u64) -> bool {
        if (self.len + 1) * 1024 > self.slots.len() * MAX_LOAD_PER_1024 {
            self.grow();
        }
        let mut i = self.index(fp);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = fp;
                    self.len += 1;
                    return true;
                }
                x if x == fp => return false,
                _ => i = self.next_slot(i),
            }
        }
    }

    /// Inserts `fps[i]` for each `i` of `indices`, in order; returns the indices that were new.
    fn insert_all(&mut self, fps: &[u64], indices: &[u32]) -> Vec<u32> {
        let mut added = Vec::new();
        for (j, &i) in indices.iter().enumerate() {
            if let Some(&ahead) = indices.get(j + PREFETCH_DISTANCE) {
                self.prefetch(key(fps[ahead as usize]));
            }
            if self.insert(key(fps[i as usize])) {
                added.push(i);
            }
        }
        added
    }

    fn grow(&mut self) {
        let n = self.slots.len();
        let bigger = vec![0; if n < FAST_GROWTH_LIMIT { n * 4 } else { n + n / 2 }];
        let old = std::mem::replace(&mut self.slots, bigger);
        self.len = 0;
        for fp in old.into_iter().filter(|&fp| fp != 0) {
            self.insert(fp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_parallel_batch_insert_reports_the_first_occurrences_only() {
        let fps: Vec<u64> = (0..50_000u64).map(|i| (i % 20_000).wrapping_mul(0x2545_F491_4F6C_DD1D) | 1).collect();
        let mut set = FingerprintSet::with_capacity(0);
        set.insert(fps[7]);
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let new = set.insert_batch(&fps, Some(&pool));
        let expected: Vec<bool> = (0..fps.len()).map(|i| i < 20_000 && i != 7).collect();
        assert_eq!(new, expected);
        assert_eq!(set.len(), 20_000);
    }

    #[test]
    fn a_spilling_set_answers_as_an_in_memory_one() {
        let fps: Vec<u64> = (0..30_000u64).map(|i| (i % 12_000 + 1).wrapping_mul(0x2545_F491_4F6C_DD1D)).collect();
        let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build().unwrap();
        let mut memory = FingerprintSet::with_capacity(0);
        let mut disk = FingerprintSet::spilling(0, SpillDir::new(None), 1000);
        for batch in fps.chunks(700) {
            // The BFS only inserts fingerprints it looked up and did not find.
            let fresh: Vec<u64> = batch.iter().copied().filter(|&f| !disk.contains(f)).collect();
            let expected: Vec<u64> = batch.iter().copied().filter(|&f| !memory.contains(f)).collect();
            assert_eq!(fresh, expected);
            assert_eq!(disk.insert_batch(&fresh, Some(&pool)), memory.insert_batch(&fresh, Some(&pool)));
        }
        assert_eq!(disk.len(), 12_000);
        assert!(disk.on_disk() >= 11_000);
        assert!(!disk.insert(fps[5]));
        assert!(disk.insert(3));
        memory.insert(3);
        assert_eq!(disk.min_distance(), memory.min_distance());
    }

    #[test]
    fn a_large_set_takes_at_most_16_bytes_per_fingerprint() {
        let mut set = FingerprintSet::with_capacity(0);
        for i in 1..1_000_000u64 {
            set.insert(i.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1);
        }
        let per_fp = set.memory_bytes() as f64 / set.len() as f64;
        assert!(per_fp <= 16.5, "{per_fp} bytes per fingerprint");
    }

    #[test]
    fn inserts_are_reported_once_and_survive_growth() {
        let mut set = FingerprintSet::with_capacity(0);
        let fps: Vec<u64> = (1..200_000u64).map(|i| i.wrapping_mul(0x2545_F491_4F6C_DD1D) | 1).collect();
        for &fp in &fps {
            assert!(set.insert(fp));
        }
        for &fp in &fps {
            assert!(!set.insert(fp));
            assert!(set.contains(fp));
        }
        assert_eq!(set.len(), fps.len() as u64);
        assert!(!set.contains(2));
    }
}
