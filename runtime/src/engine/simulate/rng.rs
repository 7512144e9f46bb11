//! The simulator's random source: xoshiro256** seeded through SplitMix64, so that a seed gives
//! the same behaviours on every platform and in every build.

/// SplitMix64: expands one 64-bit seed into well-mixed words (used to seed [`Rng`] and to give
/// every worker its own seed, as TLC draws one `nextLong` per worker from its main generator).
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// xoshiro256**: a worker's generator.
#[derive(Debug, Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut mix = SplitMix64::new(seed);
        Rng { s: [mix.next_u64(), mix.next_u64(), mix.next_u64(), mix.next_u64()] }
    }

    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// A uniform index in `0..n` (`n > 0`), by Lemire's multiply-and-reject, so that no index is
    /// favoured whatever `n` is.
    pub fn below(&mut self, n: usize) -> usize {
        let n = n as u64;
        if n <= 1 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = (self.next_u64() as u128) * (n as u128);
            if (m as u64) >= threshold {
                return (m >> 64) as usize;
            }
        }
    }

    /// A step in `1..n` coprime with `n`: walking `start, start + step, …` modulo `n` visits every
    /// index once, which is how TLC tries the actions in a random order (it adds a random large
    /// prime).
    pub fn coprime_step(&mut self, n: usize) -> usize {
        if n <= 2 {
            return 1;
        }
        loop {
            let step = 1 + self.below(n - 1);
            if gcd(step, n) == 1 {
                return step;
            }
        }
    }
}

fn gcd(mut a: usize, mut b: usize) -> usize {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}
