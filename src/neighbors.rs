//! Candidate pairs from sentence vectors: sentences whose vectors point the same way.
//!
//! The term index ([`crate::index::candidates`]) proposes pairs that share a rare word; two
//! sentences that state one claim in other words may share none. Scoring every pair of
//! sentences by their vectors grows with the square of the input, so the vectors are hashed
//! instead (sign-bit locality-sensitive hashing): each of several tables keys a sentence by
//! the signs of a few of its components, and only sentences of different sources that share a
//! key in some table are compared. Two vectors at angle θ agree on a sign with probability
//! about 1 − θ/π, so close pairs share a key in some table far more often than distant ones.
//! The table's components come from a PCA, so they are uncorrelated and their signs split
//! the sentences evenly.

use crate::embed::dot;
use crate::index::Unit;

/// How many hash tables; each adds a chance for a close pair to meet. Eight find as many of the
/// pairs the scorer accepts as sixteen did on the seeds and ECB+ (`docs/ACCURACY.md`), at half the
/// cost.
const TABLES: usize = 8;
/// A bucket with more sentences than this is too common a key to tell anything: it is left
/// out, which bounds the pairs a table can make to a constant times the sentences.
const BUCKET_MAX: usize = 48;
/// Pairs whose vectors' cosine is below this are not worth scoring.
pub const COSINE_MIN: f32 = 0.6;

/// Bits per key: enough that buckets hold a handful of sentences (about 2^bits buckets for
/// `n` sentences), so that the pairs compared grow about linearly with the input.
fn bits_for(n: usize, dims: usize) -> usize {
    let wanted = (usize::BITS - n.max(1).leading_zeros()) as usize; // log2(n) + 1
    wanted.saturating_sub(3).clamp(6, 20).min(dims / 2)
}

/// The pairs `(a, b)`, `a < b`, of comparable units of different sources whose vectors
/// (`vectors`, `dims` per unit, unit length) share a key and have a cosine of at least
/// [`COSINE_MIN`]; sorted, without repeats.
pub fn candidates(units: &[Unit], vectors: &[f32], dims: usize) -> Vec<(usize, usize)> {
    let n = units.len();
    if dims == 0 || n < 2 {
        return Vec::new();
    }
    let bits = bits_for(n, dims);
    let vector = |u: usize| &vectors[u * dims..(u + 1) * dims];
    let mut pairs = Vec::new();
    let mut keyed: Vec<(u32, usize)> = Vec::with_capacity(n);
    for table in 0..TABLES {
        keyed.clear();
        for (u, unit) in units.iter().enumerate() {
            if !unit.comparable() {
                continue;
            }
            let v = vector(u);
            // Table t reads components t, t + TABLES, t + 2·TABLES, …, wrapping around, so
            // that tables share as few components as the dimensions allow.
            let key = (0..bits).fold(0u32, |key, j| (key << 1) | (v[(table + j * TABLES) % dims] > 0.0) as u32);
            keyed.push((key, u));
        }
        keyed.sort_unstable();
        for bucket in keyed.chunk_by(|x, y| x.0 == y.0) {
            if bucket.len() > BUCKET_MAX {
                continue;
            }
            for (i, &(_, a)) in bucket.iter().enumerate() {
                for &(_, b) in &bucket[i + 1..] {
                    // Filtered here rather than after the tables: most pairs that meet are not
                    // close, and a pair meets in a few tables at most.
                    if units[a].source != units[b].source && dot(vector(a), vector(b)) >= COSINE_MIN {
                        pairs.push((a.min(b), a.max(b)));
                    }
                }
            }
        }
    }
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Role;

    fn unit(source: usize) -> Unit {
        Unit { source, span: 0..1, role: Role::Body, words: vec![crate::normalize::Word { span: 0..1, surface: 0, capitalized: false }] }
    }

    #[test]
    fn close_vectors_of_different_sources_become_candidates_and_far_ones_do_not() {
        let dims = 32;
        let mut state = 7u32;
        let mut noise = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            (state % 2000) as f32 / 1000.0 - 1.0
        };
        let base: Vec<f32> = (0..dims).map(|_| noise()).collect();
        let near: Vec<f32> = base.iter().map(|x| x + 0.1 * noise()).collect();
        let far: Vec<f32> = base.iter().map(|x| -x + 0.1 * noise()).collect();
        let mut vectors = Vec::new();
        for v in [&base, &near, &far, &base] {
            let mut v = v.clone();
            crate::embed::normalize(&mut v);
            vectors.extend(v);
        }
        let units = [unit(0), unit(1), unit(1), unit(0)];
        let pairs = candidates(&units, &vectors, dims);
        assert!(pairs.contains(&(0, 1)) && pairs.contains(&(1, 3)), "{pairs:?}");
        assert!(!pairs.iter().any(|&(a, b)| a == 2 || b == 2), "a far vector is proposed: {pairs:?}");
        assert!(!pairs.contains(&(0, 3)), "the same source is paired with itself");
    }
}
