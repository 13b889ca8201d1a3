//! One sort for call sites whose keys fit in a `u64`.
//!
//! Every `sort_by_key` with its own closure is a separate copy of the standard library's sort
//! in the wasm (a few kB each); [`by_key`] sorts `(key, index)` pairs instead, the same
//! instantiation as every other `Vec<(u64, usize)>` sort, and then moves the items into place.

/// Sorts `v` stably by `key` (ties keep their order: the index breaks them).
pub(crate) fn by_key<T>(v: &mut Vec<T>, key: impl Fn(&T) -> u64) {
    let mut order: Vec<(u64, usize)> = v.iter().map(key).zip(0..).collect();
    order.sort_unstable();
    let mut items: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(order.into_iter().filter_map(|(_, i)| items[i].take()));
}

/// Two numbers below 2^32 (indices, byte offsets: a `usize` on wasm32) as one key that sorts as
/// the pair `(a, b)` does.
pub(crate) fn pair(a: usize, b: usize) -> u64 {
    (a as u64) << 32 | b as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_is_stable_and_pairs_sort_as_tuples() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        by_key(&mut v, |&(k, _)| k as u64);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
        let mut tuples = vec![(2, 0), (1, 7), (1, 3), (0, u32::MAX as usize)];
        let mut keys: Vec<u64> = tuples.iter().map(|&(a, b)| pair(a, b)).collect();
        tuples.sort();
        keys.sort();
        assert_eq!(keys, tuples.iter().map(|&(a, b)| pair(a, b)).collect::<Vec<_>>());
    }
}
