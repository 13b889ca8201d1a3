//! Figures two matched sentences state for one measure, wherever each puts it: the word diff
//! finds a figure changed in place ("12 people" / "15 people"), but a sentence that moves the
//! figure ("for between $49 and $89" at its end / "for $49 to $99" after the verb; "a magnitude
//! of 4.4" / "a 4.2-magnitude earthquake") leaves the two in different runs of the diff, and
//! the disagreement went unseen.

use super::Side;
use crate::normalize::{self, Vocabulary, Word};
use std::ops::Range;

/// A figure and what it measures, read in its whole sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Measure {
    /// What it measures, stemmed: the noun before `of` (`a magnitude of 4.4`, `a depth of 10
    /// kilometres`), else a currency sign before it or `%` after it, letters glued to it
    /// (`4.2-magnitude`, `3.5bn`) or the content word right after it (`5 people`, `2 miles`).
    pub(crate) unit: String,
    /// The words that state it, figure and unit, as indices into the sentence's words.
    pub(crate) words: Range<usize>,
    /// The figure as written, digits and decimal point (`13.3`).
    pub(crate) figure: String,
}

/// How many times the smaller of two figures the larger may be, at most.
const RATIO_MAX: f64 = 2.0;

/// Whether two figures are close enough to be two reports of one value (12 rifles or seven; a
/// magnitude of 4.4 or 4.2): one many times the other is most often another quantity of the
/// same unit (a player's 23 points in a game and his 2,769 in all; a quake's depth of 10
/// kilometres and its distance of 320 from a city).
fn close(x: &str, y: &str) -> bool {
    let (Some(fx), Some(fy)) = (number(x), number(y)) else { return false };
    let (low, high) = if fx <= fy { (fx, fy) } else { (fy, fx) };
    low > 0.0 && high <= low * RATIO_MAX
}

/// A figure as [`Measure::figure`] writes it: its digits and decimal point, without the
/// thousands commas or the letters glued to it (`1,999` → `1999`, `4.2-magnitude` → `4.2`).
fn figure_of(term: &str) -> String {
    super::split_figure(term).0.chars().filter(|&c| c != ',').collect()
}

/// The value of a figure as [`Measure::figure`] writes it (digits, one decimal point), read
/// by hand: `str::parse::<f64>` brought the float parser into the wasm, 22 kB gzipped.
fn number(figure: &str) -> Option<f64> {
    let (whole, fraction) = figure.split_once('.').unwrap_or((figure, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty() || !digits(whole) || !digits(fraction) {
        return None;
    }
    let value = |s: &str| s.bytes().fold(0.0, |n, b| n * 10.0 + f64::from(b - b'0'));
    Some(value(whole) + value(fraction) / 10f64.powi(fraction.len() as i32))
}

/// Whether the figure is hedged, a bound or an estimate (`at least three`, `within 20 miles`,
/// `just under five minutes`; see [`bound`]): it may agree with a figure it does not equal.
fn hedged(side: &Side, m: &Measure, v: &Vocabulary) -> bool {
    let at = side.words[m.words.start..m.words.end].iter().position(|w| super::is_figure(v.text(w.surface))).map_or(m.words.start, |p| m.words.start + p);
    bound(side, at, v).is_some()
}

/// Which way a hedge bends the figure after it: a floor (`more than 22,000`), a ceiling
/// (`nearly 23,000`) or an estimate (`about 20,000`).
#[derive(Clone, Copy, PartialEq)]
enum Bound {
    Floor,
    Ceiling,
    Estimate,
}

/// How far an estimate may be from its value: `about 20,000` and `roughly 21,000` can be one
/// count.
const ESTIMATE_SPREAD: f64 = 0.05;

/// The bound the word before a figure (or the two, `at least`, `up to`) makes of it.
fn bound(side: &Side, at: usize, v: &Vocabulary) -> Option<Bound> {
    let word = |k: Option<usize>| k.map_or("", |k| v.text(side.words[k].surface));
    let (one, two) = (word(at.checked_sub(1)), word(at.checked_sub(2)));
    match (two, one) {
        ("at", "least") | ("more" | "greater", "than") | (_, "over" | "above") => Some(Bound::Floor),
        ("less" | "fewer", "than") | ("up", "to") | (_, "nearly" | "almost" | "under" | "within") => Some(Bound::Ceiling),
        (_, "about" | "around" | "roughly" | "approximately" | "some" | "estimated") => Some(Bound::Estimate),
        _ => None,
    }
}

/// Whether the first figures of the words `ra` of `a` and `rb` of `b` are hedged (see
/// [`bound`]) so that both may be right and say one size: hedged ranges that meet (`more than
/// 22,000` / `nearly 23,000`, `about 20,000` / `roughly 21,000`), or a floor or a ceiling and a
/// figure on its side of it, near it (`more than 100,000` / `120,000`). Two floors (`more than
/// 26,000` / `more than 31,000`) or two ceilings still conflict: the reports give two counts of
/// one thing; and so do figures far apart (`at least three` / `10`).
pub(super) fn compatible_bounds(a: &Side, ra: &Range<usize>, b: &Side, rb: &Range<usize>, v: &Vocabulary) -> bool {
    let read = |side: &Side, r: &Range<usize>| {
        let at = r.clone().find(|&k| v.text(side.words[k].surface).starts_with(|c: char| c.is_ascii_digit()))?;
        let value = number(&figure_of(v.text(side.words[at].surface)))?;
        Some((bound(side, at, v), value))
    };
    let (Some((ba, x)), Some((bb, y))) = (read(a, ra), read(b, rb)) else { return false };
    // A floor has no top: `more than 100` and `nearly 1,000` meet, but say two sizes.
    let near = x.min(y) > 0.0 && x.max(y) <= x.min(y) * BOUNDS_RATIO_MAX;
    let range = |b: Option<Bound>, x: f64| match b {
        Some(Bound::Floor) => (x, f64::INFINITY),
        Some(Bound::Ceiling) => (0.0, x),
        Some(Bound::Estimate) => (x * (1.0 - ESTIMATE_SPREAD), x * (1.0 + ESTIMATE_SPREAD)),
        None => (x, x),
    };
    let ((la, ha), (lb, hb)) = (range(ba, x), range(bb, y));
    let both_open = ba == bb && matches!(ba, Some(Bound::Floor | Bound::Ceiling));
    (ba.is_some() || bb.is_some()) && !both_open && near && la <= hb && lb <= ha
}

/// How many times the smaller of two hedged figures the larger may be and still meet.
const BOUNDS_RATIO_MAX: f64 = 1.25;

/// Whether one figure is the other rounded (`13-inch` / `13.3-inch`, `about 4 miles` / `4.2
/// miles`): the less precise is the more precise rounded to as many decimals.
fn rounded(x: &str, y: &str) -> bool {
    let decimals = |s: &str| s.split_once('.').map_or(0, |(_, d)| d.len());
    let (Some(fx), Some(fy)) = (number(x), number(y)) else { return false };
    let (coarse, fine, places) = if decimals(x) <= decimals(y) { (fx, fy, decimals(x)) } else { (fy, fx, decimals(y)) };
    let scale = 10f64.powi(places as i32);
    decimals(x) != decimals(y) && ((fine * scale).round() - coarse * scale).abs() < 1e-9
}

/// The figures of a sentence that say what they measure. A clock time (`9:27`) is left out:
/// it is when, not how much, and the dates and times have their own rules.
pub(super) fn measures(text: &str, words: &[Word], v: &Vocabulary) -> Vec<Measure> {
    let first_term = |k: usize| v.terms_of(words[k].surface).first().map(|&(t, stop)| (v.text(t), stop));
    let gap = |k: usize| text.get(words[k].span.end..words.get(k + 1).map_or(words[k].span.end, |w| w.span.start)).unwrap_or("");
    let content = |k: usize| first_term(k).filter(|&(t, stop)| !stop && !t.starts_with(|c: char| c.is_ascii_digit())).map(|(t, _)| t.to_string());
    let mut out = Vec::new();
    for k in 0..words.len() {
        let Some((term, _)) = first_term(k).filter(|(t, _)| t.starts_with(|c: char| c.is_ascii_digit())) else {
            continue;
        };
        // `2, 117 points`, `4 1 / 2 months`, `34. 2 miles`: one figure that a page's text
        // split, whose parts are no figures of their own.
        let figure_at = |j: usize| j < words.len() && first_term(j).is_some_and(|(t, _)| t.starts_with(|c: char| c.is_ascii_digit()));
        // A figure on each side of a colon (`Death toll: 15` is no clock).
        let colon = |j: usize| figure_at(j) && figure_at(j + 1) && gap(j).trim() == ":";
        let clock = colon(k) || (k >= 1 && colon(k - 1));
        let split = |j: usize| figure_at(j) && figure_at(j + 1) && !gap(j).trim().is_empty();
        // `110 billion euros ($158 billion)`, `60 metres (200 feet)`: the same figure converted.
        if clock || split(k) || (k >= 1 && split(k - 1)) || super::converts(text, words, k, v) {
            continue;
        }
        let (written, glued) = super::split_figure(term);
        let glued = glued.trim_start_matches(['-', '.']);
        let before = text[..words[k].span.start].chars().next_back();
        let second = v.terms_of(words[k].surface).get(1).map(|&(t, _)| v.text(t));
        // `two-tenths of a mile` is no figure of two, and `forty-two` (terms `40` and `2`) no
        // figure of forty.
        let compound = second.is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
        if compound || second.is_some_and(|t| matches!(t, "half" | "third" | "quarter" | "tenth" | "hundredth" | "thousandth")) {
            continue;
        }
        // The noun before `of` names what the figure measures (`a magnitude of 4.4`, `a depth
        // of 2.7 miles`), besides a unit after it.
        let of = (k >= 2 && v.text(words[k - 1].surface) == "of").then(|| content(k - 2)).flatten();
        let (unit, mut words_of) = if let Some(sign) = before.filter(|c| matches!(c, '$' | '€' | '£' | '¥')) {
            // `$1.5 million` and `$1.2 billion` are no two values of one measure.
            let scale = (k + 1 < words.len() && gap(k).trim().is_empty()).then(|| v.text(words[k + 1].surface)).filter(|w| matches!(*w, "million" | "billion" | "trillion" | "bn" | "m" | "mn"));
            match scale {
                Some(w) => (Some(format!("{sign}{}", super::unit_name(w))), k..k + 2),
                None => (Some(format!("{sign}{}", super::unit_name(glued))), k..k + 1),
            }
        } else if text[words[k].span.end..].starts_with('%') {
            (Some("percent".to_string()), k..k + 1)
        } else if !glued.is_empty() {
            (Some(super::unit_name(glued)), k..k + 1)
        } else if let Some(t) = second.filter(|t| !t.starts_with(|c: char| c.is_ascii_digit())) {
            // `12-year-old` is an age, `20-year` a span of time; `11-year old` an age too.
            let old = v.terms_of(words[k].surface).get(2).map(|&(t, _)| v.text(t)) == Some("old") || (k + 1 < words.len() && v.text(words[k + 1].surface) == "old");
            (Some(if old { format!("{t}-old") } else { t.to_string() }), k..k + 1)
        } else if let Some(t) = (k + 1 < words.len() && gap(k).trim().is_empty()).then(|| content(k + 1)).flatten() {
            (Some(t), k..k + 2)
        } else {
            (None, k..k + 1)
        };
        if of.is_some() {
            words_of = k - 2..k + 1;
        }
        let Some(unit) = of.or(unit) else { continue };
        // `5th`, `4th-quarter` rank; `20 October` is a date, which the slots compare.
        let ordinal = matches!(glued.get(..2), Some("st" | "nd" | "rd" | "th"));
        if ordinal || super::date_class(&unit).is_some() || super::date_class(v.text(words[(k + 1).min(words.len() - 1)].surface)).is_some() {
            continue;
        }
        out.push(Measure { unit, words: words_of, figure: figure_of(written) });
    }
    out
}

/// Two figures of one measure that two matched sentences state differently, each stated by
/// one sentence only (a figure the other sentence also gives, in any place, is the diff's
/// pairing or a second fact, not a disagreement): the words of each, as index ranges.
pub(super) fn moved(a: &Side, b: &Side, v: &Vocabulary) -> Option<(Range<usize>, Range<usize>)> {
    // Most matched sentences state no figure with a unit: the other is not read then. Each
    // sentence is read once, for all the matches it is in (measuring it for each had cost 1.6%
    // of the seeds' instructions).
    let ma = read(a, v);
    if ma.is_empty() {
        return None;
    }
    let mb = read(b, v);
    if mb.is_empty() {
        return None;
    }
    // Whether a sentence states a figure of the same digits anywhere, in any form (`1,999`).
    let states = |side: &Side, m: &Measure| {
        side.words.iter().flat_map(|w| v.terms_of(w.surface)).any(|&(t, _)| {
            let f = v.text(t);
            f.starts_with(|c: char| c.is_ascii_digit()) && super::digits(super::split_figure(f).0).eq(super::digits(&m.figure))
        })
    };
    // Whether each figure is stated by the other sentence too, worked out once for the pair.
    let (shared_a, shared_b): (Vec<bool>, Vec<bool>) = (ma.iter().map(|m| states(b, m)).collect(), mb.iter().map(|m| states(a, m)).collect());
    // Of a unit, each sentence states one figure the other does not, and any other it states
    // the other states too (`between $49 and $89` / `$49 to $99`): two unshared on a side are
    // as likely two facts (points before and after half-time) as a disagreement.
    let unshared = |ms: &[Measure], shared: &[bool], unit: &str| ms.iter().zip(shared).filter(|(m, &s)| m.unit == unit && !s).count();
    let differ = |(x, y): (&Measure, &Measure)| {
        x.unit == y.unit
            && close(&x.figure, &y.figure)
            && !rounded(&x.figure, &y.figure)
            && unshared(ma, &shared_a, &x.unit) == 1
            && unshared(mb, &shared_b, &x.unit) == 1
            && !hedged(a, x, v)
            && !hedged(b, y, v)
    };
    let only_a = ma.iter().zip(&shared_a).filter(|(_, &s)| !s).map(|(m, _)| m);
    let only_b = || mb.iter().zip(&shared_b).filter(|(_, &s)| !s).map(|(m, _)| m);
    let mut pairs = only_a.flat_map(|x| only_b().map(move |y| (x, y))).filter(|&p| differ(p));
    pairs.find(|(x, y)| about_one_thing(a, x, b, y, v)).map(|(x, y)| (x.words.clone(), y.words.clone()))
}

/// The measures of a side, read the first time they are asked for.
fn read<'s>(side: &Side<'s>, v: &Vocabulary) -> &'s [Measure] {
    side.measures.get_or_init(|| measures(side.text, side.words, v))
}

/// How many words on each side of a figure [`about_one_thing`] reads.
const CONTEXT: usize = 4;

/// Whether two figures of one unit are said of the same thing: the words around them (within
/// [`CONTEXT`] words) share a term besides the unit, and neither figure's clause names, before
/// it, someone or something the other sentence does not: who scored, bought or counted it
/// (`Artino complemented Echenique by scoring 14 points` / `Echenique scored all 11 points`). A
/// capitalised word opening the sentence counts as a name here, as it may be one (`Artino`):
/// `Crews found 12 bodies` / `15 bodies were found` is no conflict.
fn about_one_thing(a: &Side, x: &Measure, b: &Side, y: &Measure, v: &Vocabulary) -> bool {
    let around = |side: &Side, m: &Measure| {
        let from = m.words.start.saturating_sub(CONTEXT);
        let to = (m.words.end + CONTEXT).min(side.words.len());
        (from..to).filter(|k| !m.words.contains(k)).collect::<Vec<usize>>()
    };
    let terms = |side: &Side, ks: &[usize]| -> Vec<u32> { ks.iter().flat_map(|&k| super::content_terms(v, side.words[k].surface)).collect() };
    let (ta, tb) = (terms(a, &around(a, x)), terms(b, &around(b, y)));
    if !ta.iter().any(|t| v.text(*t) != x.unit && tb.contains(t)) {
        return false;
    }
    let named_elsewhere = |side: &Side, m: &Measure, other: &Side| {
        let said = super::said(v, other);
        // The clause's words before the figure, back to a mark of punctuation (as a negation
        // reads its clause, see `polarity::boundary`).
        let at = m.words.start;
        let start = (0..at).rev().find(|&j| crate::polarity::boundary(side.text, &side.words[j], &side.words[j + 1])).map_or(0, |j| j + 1);
        (start..at).any(|k| {
            let s = v.text(side.words[k].surface);
            side.words[k].capitalized && !normalize::is_stopword(s) && !super::is_figure(s) && !super::content_terms(v, side.words[k].surface).any(|t| said.contains(&t))
        })
    };
    !named_elsewhere(a, x, b) && !named_elsewhere(b, y, a)
}

/// The byte span of a run of words, with the currency sign before its first word and a `%`
/// after its last.
pub(super) fn span(side: &Side, words: &Range<usize>) -> Range<usize> {
    let (start, end) = (side.words[words.start].span.start, side.words[words.end - 1].span.end);
    let sign = side.text[..start].chars().next_back().filter(|c| matches!(c, '$' | '€' | '£' | '¥')).map_or(0, char::len_utf8);
    let percent = side.text[end..].starts_with('%') as usize;
    start - sign..end + percent
}

#[cfg(test)]
mod tests {
    use super::super::tests::with_sides;

    /// The figures [`moved`] finds two sentences to state differently, as each writes them.
    fn numbers(a: &str, b: &str) -> Vec<(String, String)> {
        with_sides(a, b, |v, a, b| super::moved(a, b, v).map(|(x, y)| (a.text[super::span(a, &x)].to_string(), b.text[super::span(b, &y)].to_string())).into_iter().collect())
    }

    fn pair(a: &str, b: &str) -> Vec<(String, String)> {
        vec![(a.to_string(), b.to_string())]
    }

    #[test]
    fn a_figure_each_sentence_puts_elsewhere_conflicts() {
        // Made up, in the shape of a recall notice told two ways: the diff leaves the prices in
        // two runs, one deleted at the end and one inserted after the verb.
        let (a, b) = (
            "The kettles were sold at Brook Stores from March 2021 through May 2023 for between $25 and $40.",
            "The kettles sold for $25 to $45 at Brook Stores between March 2021 and May 2023.",
        );
        assert_eq!(numbers(a, b), pair("$40", "$45"));
        let (a, b) = (
            "A tremor with a preliminary magnitude of 5.1 hit the valley early on Monday, the survey said.",
            "A 4.8 magnitude tremor shook the valley on Monday morning, the survey said.",
        );
        assert_eq!(numbers(a, b), pair("magnitude of 5.1", "4.8 magnitude"));
        let (a, b) = (
            "Coast guard officers recovered 9 rifles, two pistols and ammunition from the boat.",
            "From the boat, officers of the coast guard recovered ammunition and five rifles.",
        );
        assert_eq!(numbers(a, b), pair("9 rifles", "five rifles"));
        // Hedged figures may agree: `at least 12` of 15.
        assert_eq!(numbers("Fifteen people were killed when the quake hit the island, officials said.", "The quake killed at least 12 people on the island, officials said."), []);
        assert_eq!(
            numbers("Fifteen people were killed when the quake hit the island, officials said.", "The quake killed 12 people on the island, officials said."),
            pair("Fifteen people", "12 people")
        );
    }

    #[test]
    fn figures_of_different_people_or_measures_do_not_conflict() {
        // Different players' points: the second names, before the figure, a player the first
        // does not mention.
        let (a, b) = ("Okoye scored all 11 points in the second half as the Hawks won.", "Reyes backed up Okoye by scoring a career-high 14 points as the Hawks won.");
        assert_eq!(numbers(a, b), []);
        // The same player: a disagreement.
        assert_eq!(numbers(a, "Backed up by Reyes, Okoye scored a career-high 14 points as the Hawks won."), pair("11 points", "14 points"));
        // A depth is not a distance, though both are in kilometres.
        assert_eq!(numbers("The quake struck at a depth of 10 kilometres near the coast.", "The quake struck 15 kilometres from the coast, the agency said."), []);
        assert_eq!(numbers("The quake struck at a depth of 10 kilometres near the coast.", "The quake struck at a depth of 15 kilometres near the coast."), pair("depth of 10", "depth of 15"));
        // Ages of two people, years of a sentence.
        assert_eq!(numbers("He was jailed for assaulting a 12-year-old girl in the town.", "He was jailed for 20 years for the assault in the town."), []);
    }

    #[test]
    fn compatible_or_split_figures_do_not_conflict() {
        // One many times the other: another quantity of the same unit.
        assert_eq!(numbers("Lund scored 20 points to lead the Hawks past the Owls.", "Lund has 2,769 points for the Hawks after the win over the Owls."), []);
        // Rounding.
        assert_eq!(numbers("The new laptop has a 13.3-inch screen and a metal case.", "The new laptop has a 13-inch screen in a metal case."), []);
        // A conversion in brackets.
        assert_eq!(numbers("The bailout is worth 110 billion euros ($143 billion) over three years.", "The bailout is worth $158 billion over three years."), []);
        // A figure a page split (`4 1 / 2 hours`): its parts are not figures of their own.
        assert_eq!(numbers("The standoff lasted 4 1 / 2 hours, police said.", "Police said the standoff lasted 3 hours."), []);
        // Two figures of the unit left unshared on one side: two facts as likely as one.
        assert_eq!(numbers("Lund had 12 points in the first half and 14 points in the second of the win.", "Lund had 20 points in the win."), []);
        assert_eq!(numbers("Lund had 12 points and Okoye 20 points in the win.", "Lund had 14 points and Okoye 20 points in the win."), pair("12 points", "14 points"));
        // A number word of two terms (`forty-two`) is not read as its first.
        assert_eq!(numbers("Forty-two people were killed when the quake hit the island.", "The quake killed 42 people when it hit the island."), []);
        // Scale: millions and billions are two measures.
        assert_eq!(numbers("The company was sold for $1.5 million last year, filings show.", "Filings show the company was sold last year for $1.2 billion."), []);
    }

    #[test]
    fn a_percentage_ends_the_sentence_and_a_colon_is_no_clock() {
        assert_eq!(numbers("Prices rose by 2.5% in March, the agency said.", "The agency said prices in March rose 2.9%."), pair("2.5%", "2.9%"));
        assert_eq!(numbers("Death toll: 15 people in the town, officials said.", "Officials said 12 people died in the town."), pair("15 people", "12 people"));
    }

    #[test]
    fn ranks_dates_and_clock_times_are_not_measures() {
        assert_eq!(numbers("The Hawks scored on their 5th drive of the game at home.", "The Hawks scored on a 4th-quarter drive of the game at home."), []);
        assert_eq!(numbers("The vote was set for 20 October by the electoral commission.", "The electoral commission set 14 October for the vote."), []);
    }
}
