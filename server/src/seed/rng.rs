//! The generator's PRNG: xoshiro256** seeded through SplitMix64, both
//! written out here so the demo data never depends on another crate's
//! algorithm choices.

/// Which kind of thing a stream draws for (see [`Rng::stream`]).
pub(super) const STREAM_NAMES: u64 = 1;
pub(super) const STREAM_COMPANY: u64 = 2;
pub(super) const STREAM_JOB: u64 = 3;

fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

pub(super) struct Rng {
    s: [u64; 4],
}

impl Rng {
    fn new(seed: u64) -> Self {
        let mut state = seed;
        Rng {
            s: [
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
                splitmix64(&mut state),
            ],
        }
    }

    /// One independent stream per company and per job, so a job's content
    /// does not depend on how many random numbers the jobs before it used.
    pub(super) fn stream(seed: u64, kind: u64, index: u64) -> Self {
        let mut state = seed;
        let a = splitmix64(&mut state) ^ kind.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let mut state = a;
        let b = splitmix64(&mut state) ^ index.wrapping_mul(0x8CB9_2BA7_2F3D_8DD7);
        Rng::new(b)
    }

    fn next_u64(&mut self) -> u64 {
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

    /// A number in `0..n`; `n` must not be zero.
    pub(super) fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub(super) fn range(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1) as usize) as i64
    }

    /// A count in `low..=high`.
    pub(super) fn count(&mut self, low: usize, high: usize) -> usize {
        self.range(low as i64, high as i64) as usize
    }

    /// A float in `[0, 1)`.
    pub(super) fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(super) fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    pub(super) fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// The index of one of the items `keep` accepts, each as likely;
    /// `None` when it accepts none. Accepting all is [`Rng::below`].
    pub(super) fn index_where<T>(
        &mut self,
        items: &[T],
        keep: impl Fn(&T) -> bool,
    ) -> Option<usize> {
        let count = items.iter().filter(|item| keep(item)).count();
        if count == 0 {
            return None;
        }
        let nth = self.below(count);
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| keep(item))
            .nth(nth)
            .map(|(index, _)| index)
    }

    /// An index into `weights`, each as likely as its weight.
    pub(super) fn weighted(&mut self, weights: &[u32]) -> usize {
        self.weighted_by(weights, |&weight| weight)
    }

    /// An index into `items`, each as likely as `weight` says.
    pub(super) fn weighted_by<T>(&mut self, items: &[T], weight: impl Fn(&T) -> u32) -> usize {
        let total: u32 = items.iter().map(&weight).sum();
        let mut roll = self.below(total as usize) as u32;
        for (index, item) in items.iter().enumerate() {
            let weight = weight(item);
            if roll < weight {
                return index;
            }
            roll -= weight;
        }
        items.len() - 1
    }

    /// `count` distinct indices below `n` (fewer when `n` is smaller), in
    /// random order. A fixed array instead of a `Vec` keeps this free of
    /// allocations, which matters for 100,000 jobs in a debug build.
    pub(super) fn indices(&mut self, n: usize, count: usize) -> Picks {
        assert!(n <= Picks::CAPACITY, "pool of {n} is too large");
        let mut picks = Picks {
            indices: [0; Picks::CAPACITY],
            len: count.min(n),
        };
        for (i, slot) in picks.indices[..n].iter_mut().enumerate() {
            *slot = i as u8;
        }
        for i in 0..picks.len {
            let j = i + self.below(n - i);
            picks.indices.swap(i, j);
        }
        picks
    }

    /// `count` distinct items (fewer when there are fewer), in random order.
    pub(super) fn sample<'a, T>(&mut self, items: &'a [T], count: usize) -> Vec<&'a T> {
        self.indices(items.len(), count)
            .iter()
            .map(|i| &items[i])
            .collect()
    }

    /// Like [`Rng::sample`], as owned strings.
    pub(super) fn sample_strings(&mut self, items: &[String], count: usize) -> Vec<String> {
        self.sample(items, count).into_iter().cloned().collect()
    }
}

pub(super) struct Picks {
    indices: [u8; Picks::CAPACITY],
    pub(super) len: usize,
}

impl Picks {
    const CAPACITY: usize = 64;

    pub(super) fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.indices[..self.len].iter().map(|&i| usize::from(i))
    }
}

/// Item `index` of `first` followed by `second`, without joining them.
pub(super) fn either<'a, T>(first: &'a [T], second: &'a [T], index: usize) -> &'a T {
    first
        .get(index)
        .unwrap_or_else(|| &second[index - first.len()])
}
