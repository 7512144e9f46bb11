//! The seen set: every distinct state's 64-bit fingerprint, in sharded open-addressing tables.
//!
//! Thread-safety contract: the BFS alternates two phases per batch of states. In the expansion
//! phase many workers call [`FingerprintSet::contains`] through a shared reference while nobody
//! inserts; in the merge phase one thread (or one thread per shard, see
//! [`FingerprintSet::shards_mut`]) inserts in a fixed order. The borrow checker enforces the
//! phases, so the table needs no atomics, and which insertion wins never depends on thread
//! timing (architecture invariant 6).
//!
//! Layout: `SHARDS` independent linear-probing tables of `u64`, 0 marking an empty slot (models
//! never return fingerprint 0). The shard is chosen by the top bits of the fingerprint and the
//! slot by the low bits, so the two are independent. Shards grow one at a time in large steps,
//! which keeps the peak of a growth small and avoids the page zeroing of many doublings.

const SHARD_BITS: u32 = 6;
const SHARDS: usize = 1 << SHARD_BITS;
/// A shard grows when it is this full (in 1/1024ths): 75%, about 11 bytes per fingerprint.
const MAX_LOAD_PER_1024: usize = 768;
const MIN_SHARD_SLOTS: usize = 1 << 10;
/// Small tables grow ×4 so that growth is rare; past this size they grow ×2 to bound memory.
const FAST_GROWTH_LIMIT: usize = 1 << 22;

/// A set of nonzero 64-bit fingerprints.
pub struct FingerprintSet {
    shards: Vec<Shard>,
    len: u64,
}

/// One open-addressing table; `slots.len()` is a power of two.
pub struct Shard {
    slots: Vec<u64>,
    len: usize,
}

impl FingerprintSet {
    /// A set sized for about `expected` fingerprints without growing.
    pub fn with_capacity(expected: u64) -> FingerprintSet {
        let per_shard = (expected as usize / SHARDS).saturating_mul(1024) / MAX_LOAD_PER_1024 + 1;
        let slots = per_shard.next_power_of_two().max(MIN_SHARD_SLOTS);
        let shards = (0..SHARDS).map(|_| Shard { slots: vec![0; slots], len: 0 }).collect();
        FingerprintSet { shards, len: 0 }
    }

    pub fn len(&self) -> u64 {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The memory the tables use, in bytes.
    pub fn memory_bytes(&self) -> usize {
        self.shards.iter().map(|s| s.slots.len() * 8).sum()
    }

    pub fn shard_of(fp: u64) -> usize {
        (fp >> (64 - SHARD_BITS)) as usize
    }

    pub fn contains(&self, fp: u64) -> bool {
        debug_assert!(fp != 0, "fingerprint 0 is reserved for empty slots");
        self.shards[Self::shard_of(fp)].contains(fp)
    }

    /// Tells the CPU that `fp` will be looked up soon, so the slot's cache line is on its way
    /// while other work happens: the seen-set miss dominates the cost of a successor.
    pub fn prefetch(&self, fp: u64) {
        self.shards[Self::shard_of(fp)].prefetch(fp);
    }

    /// Adds `fp`; true if it was not in the set.
    pub fn insert(&mut self, fp: u64) -> bool {
        let added = self.shards[Self::shard_of(fp)].insert(fp);
        self.len += added as u64;
        added
    }

    /// The shards, for inserting in parallel one shard per thread. Call
    /// [`FingerprintSet::recount`] afterwards.
    pub fn shards_mut(&mut self) -> &mut [Shard] {
        &mut self.shards
    }

    /// Recomputes the length after inserts through [`FingerprintSet::shards_mut`].
    pub fn recount(&mut self) {
        self.len = self.shards.iter().map(|s| s.len as u64).sum();
    }
}

impl Shard {
    fn index(&self, fp: u64) -> usize {
        // A multiplicative mix keeps models with weak low bits from clustering.
        (fp.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 20) as usize & (self.slots.len() - 1)
    }

    pub fn contains(&self, fp: u64) -> bool {
        let mask = self.slots.len() - 1;
        let mut i = self.index(fp);
        loop {
            match self.slots[i] {
                0 => return false,
                x if x == fp => return true,
                _ => i = (i + 1) & mask,
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

    /// Adds `fp`; true if it was not in the shard.
    pub fn insert(&mut self, fp: u64) -> bool {
        if (self.len + 1) * 1024 > self.slots.len() * MAX_LOAD_PER_1024 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.index(fp);
        loop {
            match self.slots[i] {
                0 => {
                    self.slots[i] = fp;
                    self.len += 1;
                    return true;
                }
                x if x == fp => return false,
                _ => i = (i + 1) & mask,
            }
        }
    }

    fn grow(&mut self) {
        let factor = if self.slots.len() < FAST_GROWTH_LIMIT { 4 } else { 2 };
        let bigger = vec![0; self.slots.len() * factor];
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
