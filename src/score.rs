//! The pair scorer: how likely two sentences state the same claim, from what they share.
//!
//! One logistic model over a pair's features (see [`crate::align::Features`]): the weighted
//! word overlap, its order, shared terms, lengths, the figures two sentences share or contradict,
//! the story's common names they share, and the static embeddings' cosine when vectors are
//! loaded. Its output is a probability, calibrated on every cross-source pair of the labeled sets
//! in `tests/labels/`: the lexical weights are those fitted to these labels before the vectors
//! existed, and `scripts/fit_scorer.py` fits the others on top of them, from the features
//! `examples/accuracy.rs --pairs` writes, leaving each set out in turn to check. The STS news
//! pairs serve as a held-out check only: fits that used them measured worse in the pipeline
//! (the script says by how much; `docs/ACCURACY.md` has the figures). Without vectors the
//! lexical model runs.

use crate::align::Features;

/// The feature values the model reads, in the order of its weights.
pub fn inputs(f: &Features) -> [f64; INPUTS] {
    [
        f.embedding,
        f.cosine,
        f.overlap,
        f.dice,
        f.containment,
        f.shared.min(10) as f64 / 10.0,
        (1.0 + f.shorter as f64).ln() / 4.0,
        f.numbers,
        f.fewest.min(20) as f64 / 20.0,
        f.shared_common.min(10) as f64 / 10.0,
        f.anchor,
    ]
}

/// How many features the model reads.
pub const INPUTS: usize = 11;

/// The names of [`inputs`], for the fitting script and explanations.
pub const NAMES: [&str; INPUTS] = ["embedding", "cosine", "overlap", "dice", "containment", "shared", "log_length", "numbers", "fewest", "shared_common", "anchor"];

/// The probability that the two sentences of `f` state the same claim; `semantic` picks the
/// model fitted with the embeddings' cosine.
pub fn same_claim(f: &Features, semantic: bool) -> f64 {
    let (weights, bias) = if semantic { (&SEMANTIC, SEMANTIC_BIAS) } else { (&LEXICAL, LEXICAL_BIAS) };
    let z = bias + inputs(f).iter().zip(weights).map(|(x, w)| x * w).sum::<f64>();
    1.0 / (1.0 + (-z).exp())
}

/// The most [`same_claim`] could be for `f` whatever its `embedding`, `numbers` and
/// `shared_common` turn out to be: each is taken at the end of its range its weight favours.
/// Half the pairs judged in one comparison of all 982 ECB+ articles fall short even so (87,326
/// of 179,167), and are rejected before those three are computed (1.4% fewer instructions);
/// rounding is monotone, so no pair this rejects could have passed.
pub fn same_claim_at_most(f: &Features, semantic: bool) -> f64 {
    let weights = if semantic { &SEMANTIC } else { &LEXICAL };
    let favoured = |k: usize, low: f64, high: f64| if weights[k] >= 0.0 { high } else { low };
    // A cosine of f32 vectors can round a hair above 1.
    let optimistic = Features {
        embedding: favoured(EMBEDDING, -1.001, 1.001),
        numbers: favoured(NUMBERS, -1.0, 1.0),
        shared_common: favoured(SHARED_COMMON, 0.0, 10.0) as usize,
        ..*f
    };
    same_claim(&optimistic, semantic)
}

/// The places of three inputs among [`inputs`] (and [`NAMES`]).
const EMBEDDING: usize = 0;
const NUMBERS: usize = 7;
const SHARED_COMMON: usize = 9;

// BEGIN WEIGHTS (written by scripts/fit_scorer.py)
const SEMANTIC: [f64; INPUTS] = [0.6147, 4.5000, 3.0000, 2.5000, 2.7000, 3.6000, 0.8000, 0.2258, 0.3000, -0.1062, 5.6723];
const SEMANTIC_BIAS: f64 = -6.5790;
const LEXICAL: [f64; INPUTS] = [0.0000, 4.5000, 3.0000, 2.5000, 2.7000, 3.6000, 0.8000, 0.0000, 0.3000, 0.0000, 6.2323];
const LEXICAL_BIAS: f64 = -6.9000;
// END WEIGHTS

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_named_input_places_are_those_inputs() {
        assert_eq!([NAMES[EMBEDDING], NAMES[NUMBERS], NAMES[SHARED_COMMON]], ["embedding", "numbers", "shared_common"]);
    }
}
