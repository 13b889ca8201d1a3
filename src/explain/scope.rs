//! Two figures of one unit that count over different ranges: a total against one operation's
//! ("has seized a total of 14 rifles" / "During the operation, six rifles …"), a toll across a
//! region against one place's ("killed 230,000 people across Asia" / "killed 170,000 people in
//! the province"), a distance from one town against one from another ("14 miles north of
//! Healdsburg" / "20 miles north of Santa Rosa"), one player's points against another's ("Vaughn
//! finished with 16 points" / "Hansbrough finished the game with 20 points"). Each is its own
//! fact, and both may be right: not a disagreement.

use super::Side;
use crate::normalize::{Vocabulary, Word};
use std::ops::Range;

/// Words that mark a figure as a running or overall count (`total` too, as a noun: `a total
/// of`, `in total`; not `a total loss`).
const TALLIES: &[&str] = &["altogether", "cumulative", "totaled", "totalled", "totals", "tally"];

/// Nouns of places that scope a count after a word of [`OVER`] (`in the province`, `in 14
/// countries`), besides names.
const PLACE_NOUNS: &[&str] = &[
    "area", "areas", "cities", "city", "continent", "countries", "country", "counties", "county", "district", "districts", "island", "islands", "nation", "nations",
    "neighborhood", "neighbourhood", "province", "provinces", "region", "regions", "state", "states", "town", "towns", "village", "villages", "world",
];

/// Prepositions that open a place a count is over, or a distance is from (`14 miles north of
/// Healdsburg` / `20 miles north of Santa Rosa`).
const OVER: &[&str] = &["across", "around", "from", "in", "near", "of", "outside", "throughout"];

/// How many words after a figure its place may open, and how many words that place may take.
const REACH: usize = 4;

/// Whether the figures in the words `ra` of `a` and `rb` of `b` count over different ranges:
/// one sentence marks its count as a total or a count so far and the other does not, each
/// says, after its figure, a place it counts in, and the two places share no word, or each
/// credits its figure to a name the other sentence does not write (see [`owner`]).
pub(super) fn differs(a: &Side, ra: &Range<usize>, b: &Side, rb: &Range<usize>, v: &Vocabulary) -> bool {
    if tallied(a, v) != tallied(b, v) {
        return true;
    }
    let named_by = |side: &Side, name: u32| side.words.iter().any(|w| w.surface == name);
    if let (Some(oa), Some(ob)) = (owner(a, ra, v), owner(b, rb, v)) {
        if !named_by(b, oa) && !named_by(a, ob) {
            return true;
        }
    }
    let (Some(pa), Some(pb)) = (place_after(a, ra, v), place_after(b, rb, v)) else { return false };
    !pa.iter().any(|t| pb.contains(t))
}

/// How many words before a figure, within its clause, [`owner`] looks for a name.
const OWNER_REACH: usize = 8;

/// Whom or what a figure in `run` is credited to: the nearest name before it in its clause,
/// within [`OWNER_REACH`] words, when a function word or a verb in `-ed` follows it (`Shy Ely
/// had 23 points`, `Austin Daye finished with 20 points and eight rebounds`), as its surface
/// id. A name after a preposition (`the shores of Indonesia`, `for the Tar Heels`) is where or
/// for whom, and a role, a month or a weekday no name; then, or with no name, `None`. Of the number conflicts read in the census
/// (`tests/conflicts/census.json`, its dev half), five were between two players' or two
/// climbers' figures; the two real ones between one player's (`Ty Lawson posted 15 points` /
/// `Ty Lawson added 16`) credit both figures to one name.
fn owner(side: &Side, run: &Range<usize>, v: &Vocabulary) -> Option<u32> {
    let words = side.words;
    let text = |k: usize| v.text(words[k].surface);
    let start = run.clone().find(|&k| super::is_figure(text(k)))?;
    let mut k = start;
    while k > 0 && start - k < OWNER_REACH && !crate::polarity::boundary(side.text, &words[k - 1], &words[k]) {
        k -= 1;
        let w = &words[k];
        if w.capitalized && !crate::normalize::is_stopword(text(k)) && !crate::lexicon::is_role(text(k)) && super::date_class(text(k)).is_none() {
            let after_preposition = (0..k).rev().find(|&j| !words[j].capitalized).is_some_and(|j| OVER.contains(&text(j)) || matches!(text(j), "at" | "for" | "to" | "by" | "with" | "against" | "over"));
            // The subject of a verb (`Ely had`, `Daye finished`), not a word that describes a
            // noun after it (`a 36-year-old Australian climber`).
            let subject = words.get(k + 1).is_some_and(|next| crate::normalize::is_stopword(v.text(next.surface)) || v.text(next.surface).ends_with("ed"));
            // A plural opening the sentence is a common noun capitalised there (`Rescuers
            // pulled 12 bodies`, `Authorities reported`), not a name.
            let plural_opener = k == 0 && text(k).ends_with('s') && !words.get(1).is_some_and(|w| w.capitalized);
            if plural_opener {
                return None;
            }
            return (!after_preposition && subject).then_some(w.surface);
        }
    }
    None
}

/// Whether a sentence counts overall: a word of [`TALLIES`], `a total of`, `in total`, or `so
/// far`.
fn tallied(side: &Side, v: &Vocabulary) -> bool {
    let text = |w: &Word| v.text(w.surface);
    side.words.iter().any(|w| TALLIES.contains(&text(w)))
        || side.words.windows(2).any(|p| matches!((text(&p[0]), text(&p[1])), ("so", "far") | ("total", "of") | ("in", "total")))
}

/// The content terms of the place a figure in `run` counts over: after the figure, within
/// [`REACH`] words and its clause, a word of [`OVER`], then up to [`REACH`] words to the
/// clause's end, of which the names (capitalised words) and nouns of [`PLACE_NOUNS`] count.
/// `None` when no place follows, or the words after the preposition name none (`in the riots`).
fn place_after(side: &Side, run: &Range<usize>, v: &Vocabulary) -> Option<Vec<u32>> {
    let words = side.words;
    let is_figure = |k: usize| super::is_figure(v.text(words[k].surface));
    // `230, 000` is one figure a page split.
    let mut figure = run.clone().find(|&k| is_figure(k))?;
    while figure + 1 < words.len() && is_figure(figure + 1) {
        figure += 1;
    }
    let clause_ends = |k: usize| k + 1 >= words.len() || crate::polarity::boundary(side.text, &words[k], &words[k + 1]);
    let mut k = figure;
    let over = loop {
        if clause_ends(k) || k >= figure + REACH {
            return None;
        }
        k += 1;
        if OVER.contains(&v.text(words[k].surface)) {
            break k;
        }
    };
    let mut terms = Vec::new();
    for j in over + 1..(over + 1 + REACH).min(words.len()) {
        let w = &words[j];
        let name = w.capitalized && !crate::normalize::is_stopword(v.text(w.surface)) && super::date_class(v.text(w.surface)).is_none();
        if name || PLACE_NOUNS.contains(&v.text(w.surface)) {
            terms.extend(super::content_terms(v, w.surface));
        }
        if clause_ends(j) {
            break;
        }
    }
    (!terms.is_empty()).then_some(terms)
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_sides;

    /// Whether the first figure of each sentence counts over a different range.
    fn differ(a: &str, b: &str) -> bool {
        with_sides(a, b, |v, a, b| {
            let first = |s: &super::Side| {
                let k = s.words.iter().position(|w| super::super::is_figure(v.text(w.surface))).unwrap();
                k..k + 1
            };
            super::differs(a, &first(a), b, &first(b), v)
        })
    }

    #[test]
    fn a_total_and_one_operations_count_differ() {
        assert!(differ("Officers have seized a total of 14 rifles from the boats.", "During the raid, officers seized six rifles from the boat."));
        assert!(differ("So far, officers have seized 14 rifles from the boats.", "During the raid, officers seized six rifles from the boat."));
        // Both totals, or neither: one range.
        assert!(!differ("Officers have seized a total of 14 rifles from the boats.", "Officers have seized a total of 16 rifles from the boats."));
        assert!(!differ("During the raid, officers seized 14 rifles from the boat.", "During the raid, officers seized six rifles from the boat."));
    }

    #[test]
    fn figures_credited_to_different_names_differ() {
        assert!(differ("Okafor finished with 16 points and nine rebounds.", "Lindqvist finished the game with 20 points."));
        assert!(differ("Dana Reyes scored 20 points last night in the win.", "Lee Marsh had 23 points for the visitors."));
        // One name on both sides, a name the other sentence also writes, or a place: one count.
        assert!(!differ("Ty Okafor posted 15 points and eight assists.", "Ty Okafor added 16 points for the Hawks."));
        assert!(!differ("Okafor finished with 16 points, one more than Lindqvist.", "Lindqvist finished the game with 20 points."));
        assert!(!differ("A strong quake off the shores of Sumba killed 230 people in 13 villages.", "An earthquake near Lanka killed 230 people in 14 villages."));
        assert!(!differ("A 36-year-old Australian climber is dead after falling about 150 metres.", "On Friday, 36-year-old Dan Okafor died after falling about 60 metres."));
        assert!(!differ("Rescuers pulled 12 bodies from the rubble on Sunday.", "Firefighters pulled 15 bodies from the rubble on Sunday."));
    }

    #[test]
    fn counts_over_different_places_differ() {
        assert!(differ("The flood killed 2,300 people across the region in 2009.", "The flood killed 1,700 people in the province in 2009."));
        assert!(differ("The wave killed 230 people in Lanka and Bali.", "The wave killed 170 people in Sumba."));
        assert!(differ("The wave killed 230, 000 people in 14 countries.", "The wave killed 170, 000 people in the province."));
        assert!(differ("The quake struck about 14 miles northeast of Ardmore, the survey said.", "The quake struck about 20 miles north of Lake Vale, the survey said."));
        // The same place, or a place on one side only: one range.
        assert!(!differ("The quake killed 2,600 people in the city of Varna in 2003.", "The quake killed 3,100 in the old city of Varna in 2003."));
        assert!(!differ("The flood killed 2,300 people in the province in 2009.", "The flood killed 1,700 people in 2009."));
        // No place after `in`: an occasion, not a range.
        assert!(!differ("Police said 12 people were injured in the riots.", "Police said 18 people had been injured in the violence."));
    }
}
