//! Pairs anchored by a figure: two sources that each state one specific figure (`$212,500`,
//! `38-2`, `5.6`) in one sentence only are almost always stating the same fact there, however
//! differently the rest is worded ("This followed a 38-2 vote in the Senate" / "The final tally
//! was 38-2"). Word overlap misses these; the figure finds them.
//!
//! Only sources that already share claims are paired this way, or two sentences whose vectors
//! are close (see [`Related`]): in a comparison of different stories, "$160 million" in a
//! baseball contract and in a jewellery theft is the same figure and nothing else. So this
//! stage runs after the first matching, and reads its matches. The vectors' way pairs what the
//! matches cannot link: two short reports whose only shared claim is the one with the figure
//! ("The Senate approved the bill on Tuesday by a 97-1 vote." / "Senators passed the measure
//! Tuesday; the final tally was 97-1.").

use crate::align::{features, paraphrase, Pair, Related, PARAPHRASE_MIN};
use crate::embed::Embedded;
use crate::hash::{Map, Set};
use crate::index::{Index, Unit};

/// A figure stated in more sources than this is not followed: it is a common quantity of
/// the comparison, not one fact's, and the pairs it proposes grow as its square.
const POSTINGS_MAX: usize = 64;

/// Whether two sentences share an anchor (see [`Index::anchors`]), whatever their sources.
pub fn shares(index: &Index, a: usize, b: usize) -> bool {
    crate::align::bag_overlap(&index.anchors[a], &index.anchors[b]) > 0
}

/// The pairs of sentences that share an anchor, from sources that `matched` already links by a
/// pair or with close vectors, that are not matched yet and that [`crate::score::same_claim`],
/// with the anchor feature on, scores as a paraphrase. One match is enough to link two sources:
/// sources of different stories rarely share one (in one comparison of all 982 ECB+ articles,
/// the anchors joined 41 pairs of sentences from different stories, and 924 within one). The
/// vectors' way added 5 matches there, none across stories. Of the seeds and the 86 ECB+
/// clusters compared one by one it changed 4 clusters and no labeled set: three new matches
/// of sources with no match yet (`a .357 Magnum` in reports of one shooting, `$281 million in
/// cash` in two of one acquisition), and two matches a family had implied (0.49, 0.33) scored
/// by their figure instead (0.99: `3.2-megapixel camera`).
pub fn anchored(units: &[Unit], index: &Index, embedded: Option<&Embedded>, matched: &[Pair]) -> Vec<Pair> {
    let related = Related::new(units, embedded, matched);
    let matched_already: Set<(usize, usize)> = matched.iter().map(|p| (p.a, p.b)).collect();
    let mut postings: Map<u32, Vec<usize>> = Map::default();
    for (u, anchors) in index.anchors.iter().enumerate() {
        for &figure in anchors {
            postings.entry(figure).or_default().push(u);
        }
    }
    let mut seen: Set<(usize, usize)> = Set::default();
    let mut out = Vec::new();
    for list in postings.values().filter(|l| l.len() <= POSTINGS_MAX) {
        for (k, &a) in list.iter().enumerate() {
            for &b in &list[k + 1..] {
                if units[a].source == units[b].source || !related.pair(a, b) || matched_already.contains(&(a, b)) || !seen.insert((a, b)) {
                    continue;
                }
                let mut f = features(index, embedded, a, b);
                f.anchor = 1.0;
                let pair = paraphrase(a, b, &f, embedded.is_some());
                if pair.confidence >= PARAPHRASE_MIN {
                    out.push(pair);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::index::specific_figure;
    use crate::{compare, Options, SourceInput};

    /// Whether the comparison of `a` and `b` (each after a headline of its own) matches the
    /// sentences of each that contain `needle`.
    fn matched(a: &str, b: &str, needle: &str) -> bool {
        let sources = [SourceInput::new("a", format!("Senate news of the week\n\n{a}\n")), SourceInput::new("b", format!("State house report\n\n{b}\n"))];
        let report = compare(&sources, &Options::default()).expect("compares");
        let at = |s: usize| report.sources[s].sentences.iter().position(|x| x.text.contains(needle)).expect("a sentence with the figure");
        report.matches.iter().any(|m| m.a == (0, at(0)) && m.b == (1, at(1)))
    }

    #[test]
    fn a_figure_each_source_states_once_anchors_the_same_fact_in_other_words() {
        let a = "Governor Elaine Marsh signed the disclosure bill on Tuesday in Harbor City. This followed a 38-2 vote hours earlier in the Senate.";
        let b = "Governor Elaine Marsh signed the disclosure bill on Tuesday in Harbor City. The final tally was 38-2.";
        assert!(matched(a, b, "38-2"));
    }

    #[test]
    fn a_vote_written_out_anchors_the_same_vote_run_together() {
        let a = "Governor Elaine Marsh signed the disclosure bill on Tuesday in Harbor City. This followed a 38-2 vote hours earlier in the Senate.";
        let b = "Governor Elaine Marsh signed the disclosure bill on Tuesday in Harbor City. Senators had backed it by a margin of 38 to 2.";
        assert!(matched(a, b, "38"));
    }

    #[test]
    fn the_same_figure_in_sources_that_share_no_claim_is_not_a_match() {
        let a = "The striker signed with the club for eight seasons. The club's offer came to $160 million over the contract.";
        let b = "Thieves emptied a jewellery boutique near the river overnight. Police said the stolen gems had a value of $160 million.";
        assert!(!matched(a, b, "$160"));
    }

    #[test]
    fn specific_figures_are_sums_scores_times_and_long_numbers_not_days_or_years() {
        for f in ["$212,500", "38-2", "9:27", "5.6", "27-year-old", "930", "1940s"] {
            assert!(specific_figure(f), "{f}");
        }
        for f in ["15", "7", "2013", "1999"] {
            assert!(!specific_figure(f), "{f}");
        }
    }
}
