//! Longest common subsequences of two sequences of ids, a machine word at a time where they
//! are short: their length, for how much of its word order a pair keeps (`align`), and the
//! alignment itself, for a word diff (`explain`).

/// Sentences longer than this are diffed by their common prefix and suffix only, which keeps
/// a pathological pair (two 10,000-word "sentences") from costing quadratic memory.
pub(crate) const DIFF_MAX: usize = 400;

/// The longest common subsequence table walk: pairs of equal positions, in order.
pub(crate) fn lcs_pairs<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
    let (prefix, suffix) = common_ends(a, b);
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(ma.len().min(mb.len()) + prefix + suffix);
    out.extend((0..prefix).map(|i| (i, i)));
    if !ma.is_empty() && !mb.is_empty() && ma.len() <= DIFF_MAX && mb.len() <= DIFF_MAX {
        walk(ma, mb, &Suffixes::new(ma, mb), |i, j| out.push((prefix + i, prefix + j)));
    }
    out.extend((0..suffix).map(|k| (a.len() - suffix + k, b.len() - suffix + k)));
    out
}

/// Walks the alignment of `a` and `b` from their starts, calling `pair` with each pair of equal
/// positions: equal items are paired; otherwise the walk skips the item of `a` when that
/// loses nothing (by `lcs`), else the item of `b`.
fn walk<T: PartialEq>(a: &[T], b: &[T], lcs: &Suffixes, mut pair: impl FnMut(usize, usize)) {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            pair(i, j);
            i += 1;
            j += 1;
        } else if lcs.at(i + 1, j) >= lcs.at(i, j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
}

/// The length of the longest common subsequence of every pair of suffixes `a[i..]`, `b[j..]`.
enum Suffixes {
    /// When one sequence has at most 64 items: Hyyrö's bit vector of each suffix of the other,
    /// run against the short one backwards, whose zeros among its low `k` bits count the
    /// common subsequence with the short one's last `k` items. One machine word per item
    /// instead of a row of the table, and far fewer steps to fill.
    Bits {
        /// By `long.len() - i`: the vector after the suffix of the long sequence from `i`.
        rows: Vec<u64>,
        /// Whether `a` is the short sequence (the vectors run over `b`).
        a_short: bool,
        la: usize,
        lb: usize,
    },
    /// Longer pairs: the full table, `(a.len() + 1) × (b.len() + 1)` cells.
    Table { cells: Vec<u16>, width: usize },
}

impl Suffixes {
    fn new<T: Ord + Copy>(a: &[T], b: &[T]) -> Self {
        if b.len() <= 64 {
            Suffixes::Bits { rows: suffix_bits(a, b), a_short: false, la: a.len(), lb: b.len() }
        } else if a.len() <= 64 {
            Suffixes::Bits { rows: suffix_bits(b, a), a_short: true, la: a.len(), lb: b.len() }
        } else {
            Self::table(a, b)
        }
    }

    fn table<T: PartialEq>(a: &[T], b: &[T]) -> Self {
        let width = b.len() + 1;
        let mut cells = vec![0u16; (a.len() + 1) * width];
        for (i, x) in a.iter().enumerate().rev() {
            // Row i from row i + 1, as slices of the same length, so no cell is bounds-checked.
            let (row, below) = cells[i * width..(i + 2) * width].split_at_mut(width);
            for j in (0..b.len()).rev() {
                row[j] = if *x == b[j] { below[j + 1] + 1 } else { below[j].max(row[j + 1]) };
            }
        }
        Suffixes::Table { cells, width }
    }

    /// The length of the longest common subsequence of `a[i..]` and `b[j..]`.
    fn at(&self, i: usize, j: usize) -> usize {
        match self {
            Suffixes::Table { cells, width } => cells[i * width + j] as usize,
            Suffixes::Bits { rows, a_short, la, lb } => {
                let (long_from, short_left) = if *a_short { (lb - j, la - i) } else { (la - i, lb - j) };
                let low = if short_left >= 64 { u64::MAX } else { (1u64 << short_left) - 1 };
                (!rows[long_from] & low).count_ones() as usize
            }
        }
    }
}

/// The bit vectors of [`Suffixes::Bits`]: for each suffix of `long` (shortest first), the
/// vector of its common subsequence with `short` read backwards (bit `p` for
/// `short[short.len() - 1 - p]`).
fn suffix_bits<T: Ord + Copy>(long: &[T], short: &[T]) -> Vec<u64> {
    // Each distinct item of `short` with the bits of its positions, sorted by item: an item of
    // `long` finds its bits by binary search rather than by comparing it with all of `short`.
    // Items by value, not by reference: the sort and the searches compare them directly.
    let mut positions: Vec<(T, u64)> = short.iter().rev().enumerate().map(|(p, &y)| (y, 1u64 << p)).collect();
    positions.sort_unstable_by_key(|&(y, _)| y);
    positions.dedup_by(|later, first| {
        let same = later.0 == first.0;
        if same {
            first.1 |= later.1;
        }
        same
    });
    let mut rows = Vec::with_capacity(long.len() + 1);
    let mut v = u64::MAX;
    rows.push(v);
    for x in long.iter().rev() {
        if let Ok(k) = positions.binary_search_by_key(x, |&(y, _)| y) {
            let matches = positions[k].1;
            v = v.wrapping_add(v & matches) | (v & !matches);
        }
        rows.push(v);
    }
    rows
}

/// The length of the longest common subsequence of two sequences (as [`lcs_pairs`] would
/// find it, without building its table: one row of it at a time).
pub fn lcs_len<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let (prefix, suffix) = common_ends(a, b);
    let (ma, mb) = (&a[prefix..a.len() - suffix], &b[prefix..b.len() - suffix]);
    if ma.is_empty() || mb.is_empty() || ma.len() > DIFF_MAX || mb.len() > DIFF_MAX {
        return prefix + suffix;
    }
    let mut row = vec![0u16; mb.len() + 1];
    for x in ma {
        let mut diagonal = 0;
        for (j, y) in mb.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    prefix + suffix + row[mb.len()] as usize
}

/// [`lcs_len`] of `a` and a sequence of `m` ≤ 64 items given as the bit set of positions of
/// each of its items (sorted by item), one machine word per item of `a` (Hyyrö's
/// bit-parallel algorithm) instead of a row of the table.
pub(crate) fn lcs_len_bits(a: &[u32], positions: &[(u32, u64)], m: usize) -> usize {
    let mut v = u64::MAX;
    for x in a {
        if let Ok(k) = positions.binary_search_by_key(x, |&(id, _)| id) {
            let matches = positions[k].1;
            v = v.wrapping_add(v & matches) | (v & !matches);
        }
    }
    // Each zero among the low m bits is one item of the common subsequence.
    let low = if m >= 64 { u64::MAX } else { (1u64 << m) - 1 };
    m - (v & low).count_ones() as usize
}

/// The lengths of the common prefix and, after it, the common suffix of two sequences.
pub(crate) fn common_ends<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    (prefix, suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bit_parallel_lcs_agrees_with_the_table() {
        // Small alphabets make many repeats, the hard case for the bit sets.
        let mut x: u32 = 12345;
        let mut next = |k: u32| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x % k
        };
        for _ in 0..2000 {
            let alphabet = 2 + next(8);
            let a: Vec<u32> = (0..next(80)).map(|_| next(alphabet)).collect();
            let b: Vec<u32> = (0..1 + next(64)).map(|_| next(alphabet)).collect();
            let mut sets: Vec<(u32, u64)> = Vec::new();
            for (k, &id) in b.iter().enumerate() {
                match sets.binary_search_by_key(&id, |&(i, _)| i) {
                    Ok(at) => sets[at].1 |= 1 << k,
                    Err(at) => sets.insert(at, (id, 1 << k)),
                }
            }
            assert_eq!(lcs_len_bits(&a, &sets, b.len()), lcs_len(&a, &b), "{a:?} {b:?}");
        }
    }

    #[test]
    fn bit_vectors_give_the_alignment_the_full_table_gives() {
        // Small alphabets make many equally long alignments, where the walk's tie-breaking shows.
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..400 {
            let (la, lb, alphabet) = (next(80) as usize, next(80) as usize, 2 + next(6));
            let a: Vec<u64> = (0..la).map(|_| next(alphabet)).collect();
            let b: Vec<u64> = (0..lb).map(|_| next(alphabet)).collect();
            let pairs = |lcs: &Suffixes| {
                let mut out = Vec::new();
                walk(&a, &b, lcs, |i, j| out.push((i, j)));
                out
            };
            let full = Suffixes::table(&a, &b);
            assert_eq!(pairs(&Suffixes::new(&a, &b)), pairs(&full), "{a:?} {b:?}");
            assert_eq!(pairs(&full).len(), lcs_len(&a, &b));
        }
    }
}
