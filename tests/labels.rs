//! Floors on what the labeled sets measure (see `support/scoring.rs`); `npm run eval` writes the
//! full table, semantic and lexical side by side, to `docs/ACCURACY.md`. Run with
//! `-- --nocapture` to see the figures.

mod support;

use support::scoring::{files, load, score, vectors};

#[test]
fn seeds_meet_the_labels() {
    let set = load("seeds.json").expect("seed labels and seeds are in the repo");
    let sc = score(&set, Some(&vectors()));
    assert!(sc.lost.is_empty(), "labeled sentences lost: {:?}", sc.lost);
    assert!(sc.leaks.is_empty(), "boilerplate left in sentences: {:?}", sc.leaks);
    assert!(sc.titles_missed.is_empty(), "titles not found: {:?}", sc.titles_missed);
    assert!(sc.precision() >= SEEDS_PRECISION, "match precision {:.3} below {SEEDS_PRECISION}", sc.precision());
    // One labeled-unique sentence (the first Singapore summit) is matched by meaning with KBS's
    // "exchanged more than twenty letters … since the 2018 summit in Singapore" (score 0.59).
    assert!(sc.unique_kept + 1 >= sc.unique_total, "sentences only one source has were matched: {}/{} kept", sc.unique_kept, sc.unique_total);
    assert_eq!(sc.quotes_linked, sc.quotes_total, "shared quotations not linked across all their sources");
    assert!(sc.recall() >= SEEDS_RECALL, "recall {:.3} fell below {SEEDS_RECALL}", sc.recall());
    assert!(sc.paraphrase_recall() >= SEEDS_PARAPHRASE_RECALL, "paraphrase recall {:.3} fell below {SEEDS_PARAPHRASE_RECALL}", sc.paraphrase_recall());
    // The seeds' labeled conflicts (Seoul-based vs U.S.-based NK News) are found, and no
    // conflict is reported between sentences the labels do not say conflict.
    assert!(sc.conflicts_found >= 2, "labeled conflicts found: {}/{}", sc.conflicts_found, sc.conflicts_labeled);
    assert_eq!(sc.conflicts_on_labeled, sc.conflicts_reported, "conflicts reported on pairs the labels do not say conflict");
}

/// Without the vectors (the asset could not be loaded) the comparison still holds the seeds'
/// labels as the lexical matcher did before the semantic tier.
#[test]
fn seeds_meet_the_labels_by_words_alone() {
    let set = load("seeds.json").expect("seed labels and seeds are in the repo");
    let sc = score(&set, None);
    assert!(sc.lost.is_empty() && sc.leaks.is_empty(), "{:?} {:?}", sc.lost, sc.leaks);
    assert!(sc.precision() >= 0.95, "match precision {:.3} below 0.95", sc.precision());
    assert_eq!(sc.unique_kept, sc.unique_total, "sentences only one source has were matched");
    assert!(sc.recall() >= LEXICAL_SEEDS_RECALL, "recall {:.3} fell below {LEXICAL_SEEDS_RECALL}", sc.recall());
}

/// Floors, not targets: the figures measured when they were set (2026-12-07, `docs/ACCURACY.md`:
/// with vectors 0.957 / 0.879 / 0.863, by words 0.963 / 0.836), less about one labeled pair.
/// The targets on the seeds (precision 0.95, recall 0.85, paraphrases 0.75) are met.
const SEEDS_PRECISION: f64 = 0.95;
const SEEDS_RECALL: f64 = 0.87;
const SEEDS_PARAPHRASE_RECALL: f64 = 0.85;
const LEXICAL_SEEDS_RECALL: f64 = 0.82;

/// Per set, with vectors: precision, recall, and how many of its `negatives` may match; floors
/// set as for the seeds. ecb_38 (earthquakes: one story's many times, places and magnitudes) and
/// the first fixture were labeled after the scorer was fitted, and show where it is weakest;
/// so does the short-reports fixture (session 13: three items of two or three sentences, where
/// only the figures link sources, 2 of 8 pairs found).
const FLOORS: &[(&str, f64, f64, usize)] = &[
    ("ecb_11_ecbplus.json", 0.90, 0.54, 0),
    ("ecb_16_ecb.json", 0.99, 0.70, 0),
    ("ecb_20_ecb.json", 0.95, 0.53, 0),
    ("ecb_38_ecb.json", 0.75, 0.24, 1),
    ("ecb_4_ecbplus.json", 0.95, 0.65, 0),
    ("fixture_paraphrase.json", 0.80, 0.55, 5),
    ("fixture_paraphrase2.json", 0.99, 0.55, 0),
    ("fixture_short.json", 0.99, 0.24, 0),
];

fn floors(file: &str) -> (f64, f64, usize) {
    FLOORS.iter().find(|f| f.0 == file).map(|&(_, p, r, n)| (p, r, n)).unwrap_or_else(|| panic!("{file}: no floors in FLOORS"))
}

#[test]
fn ecb_clusters_meet_the_labels() {
    let vectors = vectors();
    for file in files("ecb_") {
        let (precision, recall, negatives) = floors(&file);
        let Some(set) = load(&file) else { continue };
        let sc = score(&set, Some(&vectors));
        assert!(sc.lost.is_empty(), "{file}: labeled sentences lost: {:?}", sc.lost);
        assert!(sc.precision() >= precision, "{file}: match precision {:.3} below {precision}", sc.precision());
        assert!(sc.recall() >= recall, "{file}: recall {:.3} fell below {recall}", sc.recall());
        assert!(sc.negatives_matched.len() <= negatives, "{file}: pairs that must not match did: {:?}", sc.negatives_matched);
    }
}

/// The made-up stories of `tests/fixtures/paraphrase*`, written to hold the paraphrases a word
/// matcher misses (a shared figure in other framing, synonyms, active and passive) and the
/// pairs that must stay apart (shared names only, opposite claims).
#[test]
fn paraphrase_fixtures_meet_the_labels() {
    let vectors = vectors();
    for file in files("fixture_") {
        let (precision, recall, negatives) = floors(&file);
        let set = load(&file).expect("fixtures are in the repo");
        let sc = score(&set, Some(&vectors));
        assert!(sc.lost.is_empty(), "{file}: labeled sentences lost: {:?}", sc.lost);
        assert!(sc.negatives_matched.len() <= negatives, "{file}: pairs that must not match did: {:?}", sc.negatives_matched);
        assert!(sc.precision() >= precision, "{file}: match precision {:.3} below {precision}", sc.precision());
        assert!(sc.recall() >= recall, "{file}: recall {:.3} fell below {recall}", sc.recall());
    }
}
