//! The straightforward way of proposing pairs, shared by `examples/bench.rs` (native) and
//! `bench/core` (wasm): every pair of comparable sentences from different sources.

use storydiff::index::Unit;

/// Every pair `(i, j)`, `i < j`, of comparable units from different sources: what a
/// comparison without an index has to score.
pub fn all_pairs(units: &[Unit]) -> Vec<(usize, usize)> {
    let comparable: Vec<usize> = (0..units.len()).filter(|&u| units[u].comparable()).collect();
    let mut pairs = Vec::with_capacity(count_all_pairs(units) as usize);
    for (k, &i) in comparable.iter().enumerate() {
        for &j in &comparable[k + 1..] {
            if units[i].source != units[j].source {
                pairs.push((i, j));
            }
        }
    }
    pairs
}

/// How many pairs [`all_pairs`] would build, without building them.
pub fn count_all_pairs(units: &[Unit]) -> u64 {
    let sources = units.iter().map(|u| u.source + 1).max().unwrap_or(0);
    let mut per = vec![0u64; sources];
    for u in units.iter().filter(|u| u.comparable()) {
        per[u.source] += 1;
    }
    let total: u64 = per.iter().sum();
    (total * total - per.iter().map(|c| c * c).sum::<u64>()) / 2
}
