//! The random cases of the tests that compare a fast path with the plain algorithm: a
//! xorshift generator, so every run checks the same cases.

/// Numbers below `n` (which must be positive), from `seed` (not zero).
pub fn xorshift(mut x: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % n
    }
}
