//! Word diffs: two matched sentences word by word, and the details they state differently
//! (figures, dates, names, places, an opposite claim) read from the diff.

use crate::hash::Set;
use crate::lcs::lcs_pairs;
use crate::normalize::{self, Vocabulary, Word};
use crate::polarity::Claims;
use crate::report::{Conflict, ConflictKind, DiffOp, DiffTag};
use std::cell::OnceCell;

mod measures;
mod scope;
mod spelling;

use spelling::{familiar, initials_of, same_terms, short_form};

pub use measures::Measure;

/// One sentence as the diff sees it: its text and its words.
pub struct Side<'a> {
    /// The text the words' spans point into.
    pub text: &'a str,
    /// The sentence's words.
    pub words: &'a [Word],
    /// The words' surfaces in one slice (the index's `words` of the sentence): what the diff
    /// compares.
    pub surfaces: &'a [u32],
    /// What the sentence affirms and denies, once read (see [`crate::align::UnitClaims`]).
    pub claims: &'a OnceCell<Claims>,
    /// The figures it states with what they measure, once read (see [`Measure`]).
    pub measures: &'a OnceCell<Vec<Measure>>,
    /// Whether a word of it could negate ([`crate::polarity::may_negate`]).
    pub negating: bool,
    /// The names the comparison writes side by side ([`crate::index::Index::joined`]).
    pub joined: &'a Set<(u32, u32)>,
    /// The figures of its whole report ([`crate::index::Index::source_figures`]).
    pub report_figures: &'a [u32],
}

/// A run of the diff: its tag and the words it covers on each side.
struct Run {
    tag: DiffTag,
    a: std::ops::Range<usize>,
    b: std::ops::Range<usize>,
}

/// Two sentences word by word, from one alignment: the differences, as runs of equal, deleted
/// and inserted words with their original text (the text of `a` for equal runs); and, when
/// asked, the details they state differently: in the same slot of the diff (a run of at most
/// four words replaced by another), numbers, days and months, or capitalised names; and the
/// `X-based` attribute, wherever each sentence puts it; and a claim one affirms and the other
/// denies (see [`crate::polarity`]). Spelling variants are not conflicts: both sides must
/// differ after normalization. `v` is the vocabulary of both sides' surfaces.
pub fn explain<'s>(v: &Vocabulary, a: &'s Side, b: &'s Side, with_conflicts: bool) -> (Vec<DiffOp>, Vec<Conflict>) {
    let (runs, conflicts) = explain_spans(v, a, b, with_conflicts);
    (runs.into_iter().map(|r| DiffOp { op: r.op, a: copy(a.text, r.a), b: copy(b.text, r.b) }).collect(), conflicts)
}

/// The text of `text` at byte `span`, copied (empty where `span` is not in it).
fn copy(text: &str, span: std::ops::Range<usize>) -> String {
    text.get(span).unwrap_or("").to_string()
}

/// One run of a word diff as [`explain_spans`] gives it: where its words are in each side's
/// text rather than a copy of them.
#[derive(Debug, Clone, PartialEq)]
pub struct DiffSpan {
    /// Equal, deleted or inserted words.
    pub op: DiffTag,
    /// Byte range in `a`'s text, from its first word's start to its last word's end; empty
    /// when the run has no word of `a`.
    pub a: std::ops::Range<usize>,
    /// The same in `b`'s text.
    pub b: std::ops::Range<usize>,
}

/// [`explain`] with each run of the diff as byte spans instead of strings: the wasm API writes
/// them into its tape as slices of the sentences (see [`crate::tape`]), so it does not pay for
/// a `String` per run.
pub fn explain_spans<'s>(v: &Vocabulary, a: &'s Side, b: &'s Side, with_conflicts: bool) -> (Vec<DiffSpan>, Vec<Conflict>) {
    diff_and_conflicts(v, a, b, with_conflicts, false)
}

/// Whether the word diff of two sentences puts different figures in one slot: the test
/// [`crate::refute`] puts a loose paraphrase to. It reads the slots as they are, without what
/// the report leaves out as no disagreement (figures restated elsewhere, see [`restated`];
/// publication stamps, see [`stamped`]): refusing pairs on those measured right, and leaving
/// them out let wrong pairs through ("9:27 a.m. ... 2 miles southeast" / "9:32 p.m. ... two
/// miles east", another quake).
pub fn figures_differ(v: &Vocabulary, a: &Side, b: &Side) -> bool {
    diff_and_conflicts(v, a, b, true, true).1.iter().any(|c| c.kind == ConflictKind::Number)
}

/// [`explain_spans`]; for `refuting`, with the slots' conflicts as they are (see
/// [`figures_differ`]).
fn diff_and_conflicts<'s>(v: &Vocabulary, a: &'s Side, b: &'s Side, with_conflicts: bool, refuting: bool) -> (Vec<DiffSpan>, Vec<Conflict>) {
    let runs = runs(a.surfaces, b.surfaces);
    let span = |side: &Side, words: &std::ops::Range<usize>| {
        if words.is_empty() {
            return 0..0;
        }
        side.words[words.start].span.start..side.words[words.end - 1].span.end
    };
    let text = |side: &Side, words: &std::ops::Range<usize>| copy(side.text, span(side, words));
    let ops = runs.iter().map(|r| DiffSpan { op: r.tag, a: span(a, &r.a), b: span(b, &r.b) }).collect();
    let mut found = Vec::new();
    if with_conflicts {
        // In a headline written in title case (or capitals), capitals do not mark names. Only
        // asked when a slot has capitalised words on both sides.
        let headlines = std::cell::OnceCell::new();
        let names_in_sentences = || *headlines.get_or_init(|| !headline_case(a.words, v) && !headline_case(b.words, v));
        // Where a dateline ends, and a headline run into the sentence (see [`run_in_headline`]):
        // read only for a pair with a slot, which most matches lack.
        let mut datelines = None;
        let run_ins = std::cell::OnceCell::new();
        let run_in = || *run_ins.get_or_init(|| (run_in_headline(a, v), run_in_headline(b, v)));
        for (k, w) in runs.windows(2).enumerate() {
            let (del, ins) = match (w[0].tag, w[1].tag) {
                (DiffTag::Delete, DiffTag::Insert) => (&w[0].a, &w[1].b),
                (DiffTag::Insert, DiffTag::Delete) => (&w[1].a, &w[0].b),
                _ => continue,
            };
            // Where each report was filed from, and when, is not a detail of the story.
            let (dateline_a, dateline_b) = *datelines.get_or_insert_with(|| (dateline(a), dateline(b)));
            if del.start < dateline_a || ins.start < dateline_b {
                continue;
            }
            // The shared word before the slot, if any: `in` before a name makes it a place.
            let before = k.checked_sub(1).filter(|&p| runs[p].tag == DiffTag::Equal).and_then(|_| a.words.get(del.start.wrapping_sub(1)));
            // `Report: …`, `Herald: …`: a label opening the sentence, not a name in it.
            let kicker = |side: &Side, r: &std::ops::Range<usize>| {
                r.start == 0 && !r.is_empty() && side.text.get(side.words[r.end - 1].span.end..).is_some_and(|t| t.starts_with(':'))
            };
            let names_marked = || {
                !kicker(a, del)
                    && !kicker(b, ins)
                    && names_in_sentences()
                    && evident_name(a, del, dateline_a, run_in().0, v)
                    && evident_name(b, ins, dateline_b, run_in().1, v)
            };
            if let Some(kind) = slot_conflict(&a.words[del.clone()], &b.words[ins.clone()], v, names_marked, before) {
                if refuting || !no_disagreement(kind, a, del, b, ins, &runs, v) {
                    found.push(Conflict { kind, a: text(a, del), b: text(b, ins) });
                }
            }
        }
        // A figure the sentences state in different places (see [`measures`]); asked only of
        // a pair whose diff found none in place, and not of the test a loose paraphrase is put
        // to, whose measured rule is the slots'.
        if !refuting && !found.iter().any(|c: &Conflict| c.kind == ConflictKind::Number) {
            let mut outside_datelines = |ra: &std::ops::Range<usize>, rb: &std::ops::Range<usize>| {
                let (dateline_a, dateline_b) = *datelines.get_or_insert_with(|| (dateline(a), dateline(b)));
                ra.start >= dateline_a && rb.start >= dateline_b
            };
            if let Some((ra, rb)) = measures::moved(a, b, v).filter(|(ra, rb)| outside_datelines(ra, rb) && !no_disagreement(ConflictKind::Number, a, ra, b, rb, &runs, v)) {
                found.push(Conflict { kind: ConflictKind::Number, a: copy(a.text, measures::span(a, &ra)), b: copy(b.text, measures::span(b, &rb)) });
            }
        }
        // The second sentence is read only when the first has an attribute.
        if let Some((pa, pb)) = based(a.text, a.words, v).and_then(|pa| Some((pa, based(b.text, b.words, v)?))) {
            if normalize::surface(&pa) != normalize::surface(&pb) {
                found.push(Conflict { kind: ConflictKind::Place, a: format!("{pa}-based"), b: format!("{pb}-based") });
            }
        }
        let read = |s: &'s Side| s.claims.get_or_init(|| crate::polarity::claims(v, s.text, s.words));
        if let Some((sa, sb)) = (a.negating || b.negating).then(|| crate::polarity::opposed(read(a), read(b))).flatten() {
            found.push(Conflict { kind: ConflictKind::Polarity, a: copy(a.text, sa), b: copy(b.text, sb) });
        }
    }
    (ops, found)
}

/// At most this many words open a sentence as its dateline.
const DATELINE_MAX: usize = 8;

/// How many words of a sentence are its dateline (`WASHINGTON —`, `SEOUL, June 11 (Yonhap)
/// --`): the words before a dash within the first [`DATELINE_MAX`], when the first is written
/// in capitals or they name an agency in brackets; 0 when it has none.
fn dateline(side: &Side) -> usize {
    let words = side.words;
    for i in 0..words.len().min(DATELINE_MAX).saturating_sub(1) {
        let gap = side.text.get(words[i].span.end..words[i + 1].span.start).unwrap_or("");
        // Every dash is two bytes or more and most gaps are one space: those are ruled out
        // before `str::contains` of a `&str`, which sets up a two-way searcher each time
        // (this function was 1% of the seeds' instructions natively, most of it that).
        if gap.len() >= 2 && (gap.contains(['—', '–']) || gap.contains("--") || gap.contains(" - ")) {
            let first = side.text.get(words[0].span.clone()).unwrap_or("");
            let capitals = first.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !first.chars().any(char::is_lowercase);
            let agency = side.text.get(words[0].span.start..words[i].span.end).is_some_and(|t| t.contains('('));
            return if capitals || agency { i + 1 } else { 0 };
        }
    }
    0
}

/// Whether the conflict of `kind` that [`slot_conflict`] found between the words `del` of `a`
/// and `ins` of `b` is no disagreement the report should show: a publication stamp (see
/// [`stamped`]), figures one sentence or report states elsewhere too (see [`restated`]) or that
/// count over different ranges (see [`scope`]) or are bounds that meet (see
/// [`measures::compatible_bounds`]), one name told two ways (see [`one_name`]), or the names of
/// whoever each report had its words from (see [`other_sources`]; `runs` is the pair's diff).
/// Asked only of a slot with a conflict (most have none).
fn no_disagreement(kind: ConflictKind, a: &Side, del: &std::ops::Range<usize>, b: &Side, ins: &std::ops::Range<usize>, runs: &[Run], v: &Vocabulary) -> bool {
    stamped(a, del.start, v)
        || stamped(b, ins.start, v)
        || match kind {
            ConflictKind::Number => {
                garbled(a, del) || garbled(b, ins) || converted(a, del, v) || converted(b, ins, v) || restated(a.words, del, b, v) || restated(b.words, ins, a, v) || scope::differs(a, del, b, ins, v) || measures::compatible_bounds(a, del, b, ins, v)
            }
            ConflictKind::Name => one_name(a, del, b, ins, v) || other_sources(a, del, b, ins, runs, v) || !named_alike(a, del, b, ins, runs, v),
            ConflictKind::Place => one_name(a, del, b, ins, v),
            _ => false,
        }
}

/// Whether a figure in the words `run` of a side lost characters to a wrong encoding (`served
/// 4� months`, where another copy of the page has `4½`): the replacement character right
/// after its digits, which leaves its value unknown.
fn garbled(side: &Side, run: &std::ops::Range<usize>) -> bool {
    side.words[run.clone()].iter().any(|w| side.text[w.span.end..].starts_with('\u{FFFD}') && side.text[w.span.clone()].ends_with(|c: char| c.is_ascii_digit()))
}

/// Whether the first figure of the words `run` of a side converts a figure before it (see
/// [`converts`]).
fn converted(side: &Side, run: &std::ops::Range<usize>, v: &Vocabulary) -> bool {
    run.clone().find(|&k| is_figure(v.text(side.words[k].surface))).is_some_and(|k| converts(side.text, side.words, k, v))
}

/// Whether the figure at word `k` converts a figure just before it, in brackets (`85 million
/// euros (74 million pounds)`, `($108 million)`, `60 metres (200 feet)`): two conversions of one
/// sum at two rates, or into two currencies, are no disagreement, and a conversion is no
/// measure of its own. A currency sign or a unit names the conversion: `(3 of them children)`
/// is a part.
pub(super) fn converts(text: &str, words: &[Word], k: usize, v: &Vocabulary) -> bool {
    let figure = |j: usize| is_figure(v.text(words[j].surface));
    let Some(gap) = k.checked_sub(1).and_then(|p| text.get(words[p].span.end..words[k].span.start)) else { return false };
    let unit = words[k + 1..words.len().min(k + 3)].iter().any(|w| CONVERSION_UNITS.contains(&v.text(w.surface)));
    gap.contains('(') && (gap.contains(['$', '€', '£', '¥']) || unit) && (k.saturating_sub(3)..k).any(figure)
}

/// Currencies and units a figure in brackets is converted into (`(74 million pounds)`, `(200
/// feet)`).
const CONVERSION_UNITS: &[&str] = &[
    "dollars", "euros", "feet", "foot", "kilograms", "kilometers", "kilometres", "km", "meters", "metres", "miles", "pounds", "yen", "yuan",
];

/// The share of the longer sentence's words two sentences must share for two names of whoever
/// said it to be told of one statement.
const SAME_STATEMENT: f64 = 0.7;

/// Whether two names in one slot are who each report had its words from, and no disagreement:
/// whom the words were told to (`her rep told People` / `told UsMagazine.com`: each outlet
/// quotes what it was told), or who said them (`Officer Brad Baehr said` / `Officer Ray
/// Scheidnes said`, `according to`) where the two sentences say different things. Two names
/// for the speaker of one statement (the rest word for word), or one person's surname told two
/// ways (`general manager A.J. Smith said` / `A.J. Butler said`), still conflict.
fn other_sources(a: &Side, del: &std::ops::Range<usize>, b: &Side, ins: &std::ops::Range<usize>, runs: &[Run], v: &Vocabulary) -> bool {
    let word = |side: &Side, k: Option<usize>| k.and_then(|k| side.words.get(k)).map_or("", |w| v.text(w.surface));
    // `her rep told People.`: the outlet ends the clause (`told Johnson he would start` names
    // whom a claim is about).
    let told = |side: &Side, r: &std::ops::Range<usize>| {
        word(side, r.start.checked_sub(1)) == "told" && side.words.get(r.end).is_none_or(|next| crate::polarity::boundary(side.text, &side.words[r.end - 1], next))
    };
    let said = |side: &Side, r: &std::ops::Range<usize>| {
        crate::quote::is_speech_verb(word(side, Some(r.end))) || (word(side, r.start.checked_sub(2)) == "according" && word(side, r.start.checked_sub(1)) == "to")
    };
    if told(a, del) && told(b, ins) {
        return true;
    }
    // `general manager A.J. Smith said` / `A.J. Butler said`: one person named two ways,
    // whatever each says he said.
    if first_name_before(a, del, b, ins, v) {
        return false;
    }
    said(a, del) && said(b, ins) && (shared_words(runs) as f64) < SAME_STATEMENT * a.words.len().max(b.words.len()) as f64
}

/// How many words two sentences share, in order (the equal runs of their diff).
fn shared_words(runs: &[Run]) -> usize {
    runs.iter().filter(|r| r.tag == DiffTag::Equal).map(|r| r.a.len()).sum()
}

/// Whether each slot is one surname after one first name both give (`A.J. Smith` / `A.J.
/// Butler`): a capitalised word, not a role, that opens a name (after a word in lower case, a
/// role or nothing) and is written right before the slot, which ends the name. A word run on
/// from another name (`National Football League` / `American Football Conference`), a list
/// (`Wink, Titter` / `Wink, Flirt`) or a place and its state (`Springfield, Mo`) is no first
/// name.
fn first_name_before(a: &Side, del: &std::ops::Range<usize>, b: &Side, ins: &std::ops::Range<usize>, v: &Vocabulary) -> bool {
    let role = |w: &Word| crate::lexicon::is_role(v.text(w.surface));
    let name = |w: &Word| w.capitalized && !normalize::is_stopword(v.text(w.surface));
    let spaced = |side: &Side, k: usize| side.text.get(side.words[k].span.end..side.words[k + 1].span.start).is_some_and(|gap| gap.trim().is_empty());
    let surname = |side: &Side, r: &std::ops::Range<usize>| {
        let Some(first) = r.start.checked_sub(1) else { return false };
        let opens = first.checked_sub(1).is_none_or(|p| !name(&side.words[p]) || role(&side.words[p]));
        let ends = side.words.get(r.end).is_none_or(|next| !name(next));
        r.len() == 1 && name(&side.words[r.start]) && !role(&side.words[r.start]) && name(&side.words[first]) && !role(&side.words[first]) && opens && ends && spaced(side, first)
    };
    surname(a, del) && surname(b, ins) && a.words[del.start - 1].surface == b.words[ins.start - 1].surface
}

/// The share of the shorter sentence's words that two sentences must share, in order, for two
/// names in one slot to be told of one thing (see [`named_alike`]).
const NAMED_ALIKE: f64 = 0.7;

/// Whether two names in one slot are told of one thing, so that they disagree: the sentences
/// are one sentence edited (they share at least [`NAMED_ALIKE`] of the shorter one's words),
/// or the names follow one first name (see [`first_name_before`]). Elsewhere two names in one
/// slot of a looser paraphrase were mostly no disagreement: of the 59 name conflicts over the
/// seeds and 86 ECB+ clusters (2026-12-08, read in `tests/conflicts/census.json`), 52 were
/// false: a place and the place it lies in (`San Antonio` / `Texas`), a nickname or short
/// form (`Bill` / `William`, `FLDS` / `Fundamentalist`), or two people saying two things.
fn named_alike(a: &Side, del: &std::ops::Range<usize>, b: &Side, ins: &std::ops::Range<usize>, runs: &[Run], v: &Vocabulary) -> bool {
    shared_words(runs) as f64 >= NAMED_ALIKE * a.words.len().min(b.words.len()) as f64 || first_name_before(a, del, b, ins, v)
}

/// How many words before a slot [`stamped`] looks at.
const STAMP_REACH: usize = 4;

/// Whether the words from `start` on are when a page was published, as pages copied whole give
/// it run into a sentence (`Updated 4 / 9 / 2007 6:04 PM`, `July 13, 2009 12:49 PM EDT`,
/// `Published on Jul 02, 2013 4:22 PM`): within [`STAMP_REACH`] words before them, a year
/// before a clock time; within as many after the slot's start, a year with a clock time right
/// after it (`May 2, 2013 | 5: 03pm` / `May 3, 2013 at 7:31 AM`); or a word of publishing
/// (`updated`, `published`, `posted`) with a year, a month, a weekday or a clock time after it
/// up to the slot's second word (`Ty Lawson posted 15 points` is no stamp).
fn stamped(side: &Side, start: usize, v: &Vocabulary) -> bool {
    let text = |w: &Word| v.text(w.surface);
    // A clock time is two words, hours and minutes, with a colon between.
    let clock = |k: usize| {
        side.words.get(k..k + 2).is_some_and(|w| text(&w[0]).starts_with(|c: char| c.is_ascii_digit()) && side.text.get(w[0].span.end..w[1].span.start).is_some_and(|gap| gap.trim() == ":"))
    };
    let year = |w: &Word| text(w).len() == 4 && (text(w).starts_with("19") || text(w).starts_with("20"));
    let from = start.saturating_sub(STAMP_REACH);
    // The slot may be the clock's minutes (`15:01` / `15:50`).
    let hours = if start >= 1 && clock(start - 1) { start - 1 } else { start };
    if clock(hours) && side.words[hours.saturating_sub(STAMP_REACH)..hours].iter().any(year) {
        return true;
    }
    // The slot is the date of a year and a clock time after it (`May 2, 2013 | 5: 03pm`),
    // not after a preposition (`crashed on July 6, 2013 at 11:28 a.m.` is when it happened).
    let len = side.words.len();
    let year_after = (start..(start + STAMP_REACH).min(len)).find(|&k| year(&side.words[k]));
    let told_when = (start.saturating_sub(2)..start).any(|k| matches!(text(&side.words[k]), "on" | "at" | "by" | "since" | "until" | "from" | "before" | "after" | "of" | "in"));
    if !told_when && year_after.is_some_and(|y| (y + 1..(y + 3).min(len)).any(clock)) {
        return true;
    }
    let end = (start + 2).min(side.words.len());
    side.words[from..start].iter().position(|w| matches!(text(w), "updated" | "published" | "posted")).is_some_and(|p| {
        (from + p + 1..end).any(|k| year(&side.words[k]) || clock(k) || date_class(text(&side.words[k])).is_some())
    })
}

/// How many words open a sentence as a headline run into it (`Colts Clinch Playoff Berth With
/// 31-24 Victory Against Jaguars Keiwan Ratliff scored …`, as pages copied without a line
/// break give it): the words before the first lower-case word of four letters or more, when
/// at least three of them are capitalised words of four letters or more, and one is plainly
/// not a name but a word capitalised as a headline capitalises words: a function word
/// (`With`, `For`) after the first word, or a word the rest of the sentence writes in lower
/// case (`Severed Cables … three undersea cables`). 0 when it opens with none.
fn run_in_headline(side: &Side, v: &Vocabulary) -> usize {
    let text = |w: &Word| v.text(w.surface);
    let long = |w: &Word| text(w).chars().filter(|c| c.is_alphabetic()).count() >= 4;
    let end = side.words.iter().position(|w| !w.capitalized && long(w) && text(w).starts_with(char::is_alphabetic)).unwrap_or(side.words.len());
    let (head, rest) = side.words.split_at(end);
    if head.iter().filter(|w| w.capitalized && long(w)).count() < 3 {
        return 0;
    }
    let term = |w: &Word| v.terms_of(w.surface).first().map(|&(t, _)| t);
    let lowered = |w: &Word| rest.iter().any(|r| !r.capitalized && term(r) == term(w));
    let ordinary = head.iter().enumerate().any(|(i, w)| w.capitalized && ((i > 0 && normalize::is_stopword(text(w))) || lowered(w)));
    if ordinary { end } else { 0 }
}

/// Whether a run of capitalised words (indices into the side's words) reads as a name: once
/// titles and role nouns go (`Agent`, `President`, `Sen.`: see [`crate::lexicon::is_role`]),
/// a word is left whose capital marks a name. A capital does not when the word opens the
/// sentence (after its dateline, up to `first`) or a quotation in it, which capitalise any
/// word, or is in a headline run into the sentence (up to `headline`); a word in capitals
/// (an acronym) outside such a headline is a name wherever it stands.
fn evident_name(side: &Side, run: &std::ops::Range<usize>, first: usize, headline: usize, v: &Vocabulary) -> bool {
    let opens = |i: usize| {
        i <= first || {
            let gap = side.text.get(side.words[i - 1].span.end..side.words[i].span.start).unwrap_or("");
            gap.contains(['“', '"', '‘', ':'])
        }
    };
    let acronym = |i: usize| {
        let w = side.text.get(side.words[i].span.clone()).unwrap_or("");
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    run.clone().filter(|&i| !crate::lexicon::is_role(v.text(side.words[i].surface))).any(|i| i >= headline && (acronym(i) || !opens(i)))
}

/// Runs of equal, deleted and inserted words along the longest common subsequence.
fn runs(ka: &[u32], kb: &[u32]) -> Vec<Run> {
    // Room for the runs of most diffs, which growing from empty had reallocated twice or more.
    let mut out: Vec<Run> = Vec::with_capacity(8);
    let mut push = |tag: DiffTag, a: usize, b: usize| {
        let (da, db) = match tag {
            DiffTag::Equal => (1, 1),
            DiffTag::Delete => (1, 0),
            DiffTag::Insert => (0, 1),
        };
        match out.last_mut() {
            Some(r) if r.tag == tag => {
                r.a.end += da;
                r.b.end += db;
            }
            _ => out.push(Run { tag, a: a..a + da, b: b..b + db }),
        }
    };
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in lcs_pairs(ka, kb).into_iter().chain(std::iter::once((ka.len(), kb.len()))) {
        while i < pi {
            push(DiffTag::Delete, i, j);
            i += 1;
        }
        while j < pj {
            push(DiffTag::Insert, i, j);
            j += 1;
        }
        if pi < ka.len() && pj < kb.len() {
            push(DiffTag::Equal, i, j);
            i += 1;
            j += 1;
        }
    }
    out
}

/// The kind of conflict between a run of at most four words and the run that replaces it.
///
/// Numbers conflict when two of them fill the same slot (the same unit or following word, see
/// [`quantities`]) with different values; days or months when both runs name one; names when
/// both runs are all capitalised words (not in a headline written in title case, where every
/// word is) that are not spellings, abbreviations or short forms of each other (see
/// [`same_terms`]), and places when such names follow `in`, `near` or `outside`.
fn slot_conflict(wa: &[Word], wb: &[Word], v: &Vocabulary, names_marked: impl Fn() -> bool, before: Option<&Word>) -> Option<ConflictKind> {
    if wa.is_empty() || wb.is_empty() || wa.len() > 4 || wb.len() > 4 {
        return None;
    }
    let figure = |ws: &[Word]| ws.iter().any(|w| is_figure(v.text(w.surface)));
    let dated = |ws: &[Word]| ws.iter().any(|w| date_class(v.text(w.surface)).is_some());
    let named = |ws: &[Word]| ws.iter().all(|w| w.capitalized && !normalize::is_stopword(v.text(w.surface)));
    // Only figures, dates and names conflict: most runs have none of them on both sides, and
    // are settled before their terms are worked out.
    let possible = (figure(wa) && figure(wb)) || (dated(wa) && dated(wb)) || (named(wa) && named(wb) && names_marked());
    if !possible || same_terms(wa, wb, v) {
        return None;
    }
    let (qa, qb) = (quantities(wa, v), quantities(wb, v));
    if !qa.is_empty() && !qb.is_empty() {
        let digits = |q: &[Quantity]| q.iter().map(|q| q.value.as_str()).collect::<String>();
        let same_figures = digits(&qa) == digits(&qb) || same_values(&qa, &qb);
        let one_slot = qa.iter().any(|x| qb.iter().any(|y| x.unit == y.unit && x.value != y.value));
        return (!same_figures && one_slot).then_some(ConflictKind::Number);
    }
    let classes = |ws: &[Word]| ws.iter().filter_map(|w| date_class(v.text(w.surface))).fold(0u8, |m, c| m | c);
    let (da, db) = (classes(wa), classes(wb));
    if da & db != 0 {
        Some(ConflictKind::Date)
    } else if da != 0 || db != 0 || [wa, wb].iter().any(|ws| ws.iter().any(|w| RELATIVE_DAYS.contains(&v.text(w.surface)))) {
        // A weekday against a month or a relative day: not the same kind of detail.
        None
    } else if named(wa) && named(wb) && names_marked() {
        let locative = before.is_some_and(|w| matches!(v.text(w.surface), "in" | "near" | "outside"));
        Some(if locative { ConflictKind::Place } else { ConflictKind::Name })
    } else {
        None
    }
}

const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tomorrow", "tonight"];

/// Whether a figure of the words `run` of a sentence is stated in the other sentence or its
/// report, `other`: in the sentence with the same unit, each read in its whole sentence, or as
/// the same specific figure in digits (`9-5`, `1,099`: see [`crate::index::specific_figure`]);
/// in the rest of the report, a figure of three digits or more. Then two figures in one slot are
/// the diff's pairing or two facts, not a disagreement: "Despite passing for 418 yards" against
/// "Moreno added 104 yards" where the other sentence says "passed for 418 yards" too, further
/// on; "12 magazines" seized in one operation against "31 magazines" in all, by a report that
/// gives both. The unit keeps "sentences of between six and 75 years" against "from 7 to 75
/// years" a conflict when the first sentence also counts "seven men", and the three digits keep
/// "posted 15 points" against "added 16" one where a report counts 15 of something else.
fn restated(words: &[Word], run: &std::ops::Range<usize>, other: &Side, v: &Vocabulary) -> bool {
    let digits = |w: &Word| v.text(w.surface).starts_with(|c: char| c.is_ascii_digit()).then(|| v.text(w.surface).bytes().filter(u8::is_ascii_digit).count());
    let specific = |w: &Word| digits(w).is_some() && crate::index::specific_figure(v.text(w.surface));
    let in_report = |w: &Word| digits(w).is_some_and(|n| n >= 3) && other.report_figures.binary_search(&w.surface).is_ok();
    if words[run.clone()].iter().any(|w| (specific(w) && other.surfaces.contains(&w.surface)) || in_report(w)) {
        return true;
    }
    let stated = quantities(other.words, v);
    quantities(words, v).iter().filter(|q| run.contains(&q.word)).any(|q| stated.iter().any(|s| s.value == q.value && s.unit == q.unit))
}

/// Whether two runs of names the word diff put in one slot are no disagreement. Of each run,
/// only the names the other sentence lacks count: none left on a side means that side's names
/// all stand in the other sentence too ("head of the Genovese family" / "then the head of what
/// would be called the Genovese family"); else each left on one side must be written beside
/// one left on the other somewhere in the comparison ("Creighton Bluejays", "Millom, Cumbria",
/// see [`Side::joined`]). "Catherine Gomes" / "Katherine" still conflict (Gomes is in both),
/// and so do "A.J. Smith" / "AJ Butler" though a third report writes "A.J. Butler": Smith is
/// written beside neither AJ nor Butler, nor AJ beside A.J. or Smith.
fn one_name(a: &Side, del: &std::ops::Range<usize>, b: &Side, ins: &std::ops::Range<usize>, v: &Vocabulary) -> bool {
    let (run_a, run_b) = (&a.words[del.clone()], &b.words[ins.clone()]);
    // By content terms, so that "Italy's" stands for "Italy"; and a name the other run writes
    // short or long (`Mt` / `Mount`, `E.` / `East`, `MCF` / `Mission Critical Facilities`) is
    // the same name, and a familiar first name is when both go on with one surname (`Katie
    // Jenkin` / `Kathryn Jenkin`; `Turkey` is no short `Turkmenistan`).
    fn written<'t>(side: &Side<'t>, w: &Word) -> &'t str {
        side.text.get(w.span.clone()).unwrap_or("")
    }
    let surname = a.words.get(del.end).zip(b.words.get(ins.end)).is_some_and(|(x, y)| x.capitalized && x.surface == y.surface);
    let differing = |run: &[Word], side: &Side, other_run: &[Word], other: &Side| {
        let said = said(v, other);
        let short = |x: &str, y: &str| short_form(x, y) || (surname && familiar(x, y));
        let short_or_long = |w: &Word| {
            initials_of(std::slice::from_ref(w), other_run, v) || other_run.iter().any(|o| short(written(side, w), written(other, o)) || short(written(other, o), written(side, w)))
        };
        run.iter()
            .filter(|w| w.capitalized && !normalize::is_stopword(v.text(w.surface)) && !content_terms(v, w.surface).any(|t| said.contains(&t)) && !short_or_long(w))
            .map(|w| w.surface)
            .collect::<Vec<_>>()
    };
    let (na, nb) = (differing(run_a, a, run_b, b), differing(run_b, b, run_a, a));
    let joined = |x: u32, y: u32| a.joined.contains(&(x.min(y), x.max(y)));
    na.is_empty() || nb.is_empty() || na.iter().all(|&x| nb.iter().any(|&y| joined(x, y))) || nb.iter().all(|&y| na.iter().any(|&x| joined(x, y)))
}

/// A figure in a run of words: its digits, and what it counts.
struct Quantity {
    /// The digits (`8` for `8-year`, `eight` and `8`; `1999` for `$1,999`).
    value: String,
    /// Its unit: letters glued to it (`km`, `bn`, `-year`), else the next content word in
    /// the run, else `None`: the word after the run, which both runs share.
    unit: Option<String>,
    /// The index of its word in the words read.
    word: usize,
}

/// The figures of a run of words. Words that start with a letter (`AK-47`, `SMW4`, `Q10`)
/// are names, not figures.
fn quantities(words: &[Word], v: &Vocabulary) -> Vec<Quantity> {
    let terms = normalize::terms(words, v);
    let mut out = Vec::new();
    for (k, t) in terms.iter().enumerate() {
        if !is_figure(v.text(words[t.word].surface)) || !t.text.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let (figure, glued) = split_figure(&t.text);
        // `02` and `2` are one value (`Jul 02` / `Jul 2`); `000`, a figure's thousands split
        // from it, keeps its zeros.
        let value: String = digits(figure).collect();
        let value = match figure.as_bytes() {
            [b'0', d] if d.is_ascii_digit() => (*d as char).to_string(),
            _ => value,
        };
        // `1950s` and `50s` are one decade.
        let value = if glued == "s" && value.len() == 4 { value[2..].to_string() } else { value };
        let unit = if !glued.is_empty() {
            Some(glued.trim_start_matches(['-', '.']).to_string())
        } else {
            // The next content term of the run that is not itself a figure.
            terms[k + 1..].iter().find(|n| !n.stop && !n.text.starts_with(|c: char| c.is_ascii_digit())).map(|n| n.text.clone())
        };
        out.push(Quantity { value, unit: unit.map(|u| unit_name(&u)), word: t.word });
    }
    out
}

/// A figure's term cut where its digits end: the figure (digits, decimal points and thousands
/// commas: `4.4`, `1,999`) and the letters glued to it (`-magnitude`, `bn`, `s`).
fn split_figure(term: &str) -> (&str, &str) {
    term.split_at(term.find(|c: char| !c.is_ascii_digit() && !matches!(c, '.' | ',')).unwrap_or(term.len()))
}

/// The digits of a figure, which two ways of writing it share (`1,999` and `1999`; `4.4`: `44`).
fn digits(figure: &str) -> impl Iterator<Item = char> + '_ {
    figure.chars().filter(char::is_ascii_digit)
}

/// The content terms of a word (`Italy's` → `italy`): what names are compared by.
fn content_terms(v: &Vocabulary, surface: u32) -> impl Iterator<Item = u32> + '_ {
    v.terms_of(surface).iter().filter(|&&(_, stop)| !stop).map(|&(t, _)| t)
}

/// The content terms of all the words of a sentence.
fn said(v: &Vocabulary, side: &Side) -> Vec<u32> {
    side.surfaces.iter().flat_map(|&s| content_terms(v, s)).collect()
}

/// A word that states a figure: it starts with a digit (`12`, `8-year`, `$`-less `1,999`) or
/// is a number word (`eight`, `forty-two`). `AK-47` and `SMW4` are names.
pub(crate) fn is_figure(surface: &str) -> bool {
    surface.starts_with(|c: char| c.is_ascii_digit()) || normalize::is_number_word(surface.split('-').next().unwrap_or(""))
}

/// Whether two lists hold the same values as many times each, in any order (a sentence states
/// few figures; counting spares a sort of strings in the wasm).
fn same_values(a: &[Quantity], b: &[Quantity]) -> bool {
    let count = |q: &[Quantity], v: &str| q.iter().filter(|x| x.value == v).count();
    a.len() == b.len() && a.iter().all(|x| count(a, &x.value) == count(b, &x.value))
}

/// Short and long names of a unit or multiplier, as one.
fn unit_name(u: &str) -> String {
    match u {
        "m" | "mn" | "mln" => "million",
        "bn" | "b" => "billion",
        "k" => "thousand",
        "yr" | "yrs" | "years" => "year",
        "percent" | "pct" | "per" => "percent",
        other => other,
    }
    .to_string()
}

/// Most longer words capitalised: a headline in title case, or in capitals.
fn headline_case(words: &[Word], v: &Vocabulary) -> bool {
    let (mut long, mut capitalized) = (0, 0);
    for w in words.iter().map(|w| (w, v.text(w.surface))).filter(|(_, s)| s.chars().nth(3).is_some() && s.starts_with(char::is_alphabetic)).map(|(w, _)| w) {
        long += 1;
        capitalized += w.capitalized as usize;
    }
    long >= 3 && capitalized * 10 >= long * 7
}

/// The kind of date a word names: 1 a weekday, 2 a month. Relative days (`yesterday`,
/// `today`) name a day only from the day of writing, which reports of one story differ in:
/// they are not compared.
fn date_class(surface: &str) -> Option<u8> {
    use crate::lexicon::{MONTHS, WEEKDAYS};
    if WEEKDAYS.contains(&surface) {
        Some(1)
    } else if MONTHS.contains(&surface) && surface != "may" {
        // `may` is the verb far more often than the month.
        Some(2)
    } else {
        None
    }
}

/// The single `X-based` attribute of a sentence (`Seoul-based`, `U.S.-based`), as `X`.
fn based(text: &str, words: &[Word], v: &Vocabulary) -> Option<String> {
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let surface = v.text(w.surface);
        // Both forms end so: most words are ruled out by this one test.
        if !surface.ends_with("based") {
            continue;
        }
        let head = if let Some(head) = surface.strip_suffix("-based") {
            Some((w.span.start, w.span.start + head.len()))
        } else if surface == "based" && i > 0 && text.get(words[i - 1].span.end..w.span.start) == Some("-") {
            Some((words[i - 1].span.start, words[i - 1].span.end))
        } else {
            None
        };
        if let Some((start, end)) = head {
            // Take capitalised words before it too: "South Korea-based".
            let mut start = start;
            let mut k = i;
            while k > 0 && words[k - 1].capitalized && words[k - 1].span.end + 1 == start && start != words[i].span.start {
                start = words[k - 1].span.start;
                k -= 1;
            }
            let head_text = text.get(start..end.max(start))?.to_string();
            if text.get(start..start + 1).is_some_and(|c| c.chars().all(char::is_uppercase)) {
                found.push(head_text);
            }
        }
    }
    (found.len() == 1).then(|| found.remove(0))
}

#[cfg(test)]
mod tests {
    use super::*;


    #[test]
    fn diff_marks_replaced_words() {
        let a = "The bridge reopened on Monday.";
        let b = "The bridge reopened on Tuesday.";
        let (ops, _) = explained(a, b);
        let tags: Vec<DiffTag> = ops.iter().map(|o| o.op).collect();
        assert_eq!(tags, [DiffTag::Equal, DiffTag::Delete, DiffTag::Insert]);
        assert_eq!((ops[1].a.as_str(), ops[2].b.as_str()), ("Monday", "Tuesday"));
    }

    /// `read` of two sentences' sides.
    pub(super) fn with_sides<T>(a: &str, b: &str, read: impl Fn(&Vocabulary, &Side, &Side) -> T) -> T {
        let mut vocabulary = Vocabulary::default();
        let (wa, wb) = (normalize::words(a, 0..a.len(), &mut vocabulary), normalize::words(b, 0..b.len(), &mut vocabulary));
        let surfaces = |w: &[Word]| w.iter().map(|w| w.surface).collect::<Vec<_>>();
        let (sa, sb) = (surfaces(&wa), surfaces(&wb));
        let (ca, cb) = (OnceCell::new(), OnceCell::new());
        let (ma, mb) = (OnceCell::new(), OnceCell::new());
        let negating = |w: &[Word]| crate::polarity::may_negate(&vocabulary, w);
        let (na, nb) = (negating(&wa), negating(&wb));
        let joined = Set::default();
        read(
            &vocabulary,
            &Side { text: a, words: &wa, surfaces: &sa, claims: &ca, measures: &ma, negating: na, joined: &joined, report_figures: &[] },
            &Side { text: b, words: &wb, surfaces: &sb, claims: &cb, measures: &mb, negating: nb, joined: &joined, report_figures: &[] },
        )
    }

    /// `explain` of two sentences.
    fn explained(a: &str, b: &str) -> (Vec<DiffOp>, Vec<Conflict>) {
        with_sides(a, b, |v, a, b| explain(v, a, b, true))
    }

    fn conflict_of(a: &str, b: &str) -> Vec<(ConflictKind, String, String)> {
        explained(a, b).1.into_iter().map(|c| (c.kind, c.a, c.b)).collect()
    }

    #[test]
    fn different_figures_in_the_same_slot_conflict() {
        assert_eq!(conflict_of("At least 12 people died in the fire.", "At least 15 people died in the fire."), [(ConflictKind::Number, "12".into(), "15".into())]);
    }

    #[test]
    fn a_figure_both_sentences_state_is_no_conflict_where_the_diff_pairs_it_with_another() {
        // Made up after a game report: the diff pairs one back's yards with the other's.
        let c = conflict_of("Moreno added 104 yards for the Hawks, who ran for 361 yards in all.", "Dale Okoye had 212 yards, and Moreno ran for 104 yards for the Hawks.");
        assert!(c.iter().all(|(k, _, _)| *k != ConflictKind::Number), "{c:?}");
        let (a, b) = ("Despite passing for 418 yards, the Hawks lost at home on Sunday.", "Moreno added 104 yards for the Hawks, who passed for 418 yards in a loss.");
        let c = conflict_of(a, b);
        assert!(c.iter().all(|(k, _, _)| *k != ConflictKind::Number), "{c:?}");
        // The test a loose paraphrase is put to still counts it.
        assert!(with_sides(a, b, figures_differ));
        let c = conflict_of("By beating the Hawks, the Owls' record rose to 9-5 and they locked up a playoff spot just one season after posting the worst record in the league in 2011.", "This gave the Owls a 9-5 season and a place in the playoffs.");
        assert!(c.iter().all(|(k, _, _)| *k != ConflictKind::Number), "{c:?}");
        // Unless the other states it with the same unit.
        let c = conflict_of("They were given sentences of between six and 75 years; seven men were tried.", "The men received sentences ranging from 7 to 75 years.");
        assert_eq!(c, [(ConflictKind::Number, "of between six and".into(), "ranging from 7 to".into())]);
        // A figure only one states, in the slot of one the other states, is one.
        assert_eq!(conflict_of("Moreno ran for 104 yards on Sunday.", "Moreno ran for 140 yards on Sunday."), [(ConflictKind::Number, "104".into(), "140".into())]);
    }

    #[test]
    fn different_x_based_attributes_conflict() {
        let c = conflict_of("A report by Paris-based Le Monde said so.", "Le Monde, a Lyon-based paper, said so in a report.");
        assert_eq!(c, [(ConflictKind::Place, "Paris-based".into(), "Lyon-based".into())]);
    }

    #[test]
    fn spelling_variants_do_not_conflict() {
        assert!(conflict_of("Kim Jong Un met officials.", "Kim Jong-un met officials.").is_empty());
        assert!(conflict_of("US officials met on Monday.", "United States officials met on Monday.").is_empty());
    }

    #[test]
    fn different_openers_are_not_name_conflicts() {
        assert!(conflict_of("As expected, officials met on Monday.", "In the end, officials met on Monday.").is_empty());
    }

    #[test]
    fn different_names_in_the_same_slot_conflict() {
        let c = conflict_of("The talks were chaired by Lindqvist on Monday.", "The talks were chaired by Okafor on Monday.");
        assert_eq!(c, [(ConflictKind::Name, "Lindqvist".into(), "Okafor".into())]);
    }

    #[test]
    fn names_both_sentences_give_are_no_conflict_where_the_diff_pairs_them_with_others() {
        for (a, b) in [
            ("But the Hale administration in its final days brought in a rule leaving it up to businesses.", "The Ortiz administration said Tuesday it was overturning a rule made in the final weeks of the Hale presidency."),
            ("Mr. Moretti was charged with being the head of the Lucchese family and with the murders of six men, including Paul Costa, the boss of the Gambino family.", "In 1957 Moretti was charged with the shooting of Frank Costa, then the head of what would be called the Lucchese family."),
        ] {
            let c = conflict_of(a, b);
            assert!(c.iter().all(|(k, _, _)| *k != ConflictKind::Name), "{c:?}");
        }
        // A name only one gives still conflicts, beside a name both give.
        let c = conflict_of("The bodies of Rita Lane, 48, and Gomes' mother, Catherine Gomes, 61, were found on Friday.", "The bodies of Rita Lane, 48, and Gomes' mother, Katherine, 61, were found on Friday.");
        assert!(c.iter().any(|(k, a, b)| *k == ConflictKind::Name && a.contains("Catherine") && b == "Katherine"), "{c:?}");
    }

    #[test]
    fn a_name_written_short_in_the_other_sentence_is_no_conflict() {
        for (a, b) in [
            ("Police said the man was shot on E. 52nd St. late on Saturday night.", "Police said the man was shot on East 52nd St. late on Saturday night."),
            ("Two climbers were stranded on Mount Ruapehu for two nights.", "Two climbers were stranded on New Zealand's Mt Ruapehu for two nights."),
            ("The deal gives Orbis Data Systems control of the plant, the company said.", "The deal gives ODS control of the plant, the company said."),
            ("Her spokesman told Star the singer was resting at home.", "Her spokesman told StarWeekly.com the singer was resting at home."),
            ("The bodies of Rita Lane and Patty Ortiz were found on Friday.", "The bodies of Rita Lane and Patricia Ortiz were found on Friday."),
        ] {
            let c = conflict_of(a, b);
            assert!(c.iter().all(|(k, _, _)| *k != ConflictKind::Name && *k != ConflictKind::Place), "{a} / {b}: {c:?}");
        }
        // Another initial, another first name: still conflicts.
        let c = conflict_of("Police said the man was shot on W. 52nd St. late on Saturday night.", "Police said the man was shot on East 52nd St. late on Saturday night.");
        assert_eq!(c, [(ConflictKind::Name, "W".into(), "East".into())]);
        let c = conflict_of("The bodies of Rita Lane and Maggie Ortiz were found on Friday.", "The bodies of Rita Lane and Molly Ortiz were found on Friday.");
        assert_eq!(c, [(ConflictKind::Name, "Maggie".into(), "Molly".into())]);
        // A familiar form is of a first name, before one surname.
        let c = conflict_of("The plane landed in Turkey on Monday, officials said.", "The plane landed in Turkmenistan on Monday, officials said.");
        assert_eq!(c, [(ConflictKind::Place, "Turkey".into(), "Turkmenistan".into())]);
    }

    #[test]
    fn names_in_a_looser_paraphrase_conflict_only_as_surnames_after_one_first_name() {
        let names = |a: &str, b: &str| conflict_of(a, b).into_iter().filter(|(k, _, _)| *k == ConflictKind::Name).count();
        // A city and its state, a nickname: told in other words, no disagreement.
        assert_eq!(names("The Dayton jury found the former treasurer guilty on both fraud charges on Thursday.", "The Ohio jury convicted the former county treasurer of fraud on Thursday in a case about two loans."), 0);
        assert_eq!(names("The house was owned at the time by Fairbanks attorney William Osgood.", "It was bought by Fairbanks attorney Bill Osgood."), 0);
        // Lists and names run on from another name are no first name and surname.
        assert_eq!(names("By 1952 she was appearing in the magazines Gala, Twirl, and Beau Monde.", "She then appeared in publisher Ray Dunn's glossy magazines Gala, Flair and Beau Monde."), 0);
        assert_eq!(names("The win gave Denver the top seed in the National Football League playoffs, its coach said.", "Denver secured the top seed in the American Football Conference playoffs with the win."), 0);
        // One first name, two surnames: one person named two ways.
        assert_eq!(names("Team general manager R.J. Holt said he knew of the issue.", "\"We know of the issue involving the player,\" general manager R.J. Vance said."), 1);
        // The same sentence lightly edited keeps its names' disagreement.
        assert_eq!(names("The bill was drafted by Lindqvist and passed on Monday by a wide margin.", "The bill was drafted by Okafor and passed on Monday by a wide margin."), 1);
    }

    #[test]
    fn who_said_or_heard_it_is_no_conflict_unless_one_person_is_named_two_ways() {
        let names = |a: &str, b: &str| conflict_of(a, b).into_iter().filter(|(k, _, _)| *k == ConflictKind::Name).count();
        // Each outlet quotes what it was told.
        assert_eq!(names("The singer is resting at home after the fall, her agent told Stage.", "The singer is resting at home after the fall, her agent told Marquee."), 0);
        // Two officers, two statements.
        assert_eq!(
            names("The driver was stopped near the bridge for speeding just after 2 a.m., Highway Patrol Officer Dana Reyes said.", "The driver failed a sobriety test shortly after 2 a.m., Highway Patrol Officer Lee Okafor said."),
            0
        );
        // Whom a claim is about is no outlet.
        assert_eq!(names("The coach told Johnson he would start on Sunday against the Jets.", "The coach told Williams he would start on Sunday against the Jets."), 1);
        // One statement, two speakers.
        assert_eq!(names("The driver failed a sobriety test shortly after 2 a.m., Highway Patrol Officer Dana Reyes said.", "The driver failed a sobriety test shortly after 2 a.m., Highway Patrol Officer Lee Okafor said."), 1);
        // One person, whose surname each writes differently.
        assert_eq!(names("“We know of the issue,” general manager J.R. Holt said in a statement.", "General manager J.R. Vance said he knew of the issue involving the player."), 1);
    }

    /// The conflicts of the first match of a comparison of `texts`, each after a headline.
    fn conflicts_in(texts: &[&str]) -> Vec<(ConflictKind, String, String)> {
        let sources: Vec<crate::SourceInput> = texts.iter().enumerate().map(|(k, t)| crate::SourceInput::new(format!("s{k}"), format!("Weekend news\n\n{t}\n"))).collect();
        let report = crate::compare(&sources, &crate::Options::default()).expect("compares");
        let m = report.matches.iter().find(|m| m.a.0 == 0 && m.b.0 == 1 && m.a.1 > 0).expect("the two reports' sentences match");
        m.conflicts.iter().map(|c| (c.kind, c.a.clone(), c.b.clone())).collect()
    }

    #[test]
    fn names_the_comparison_writes_side_by_side_are_one_place_not_a_conflict() {
        let (a, b) = ("A fire destroyed a barn in Millbrook on Sunday, firefighters said.", "A fire destroyed a barn in Kent County on Sunday, firefighters said.");
        assert_eq!(conflicts_in(&[a, b]), [(ConflictKind::Place, "Millbrook".into(), "Kent County".into())]);
        // A third report writes where Millbrook is.
        assert_eq!(conflicts_in(&[a, b, "Volunteers from Millbrook, Kent County, were called out twice last week."]), []);
    }

    #[test]
    fn a_long_figure_the_other_report_gives_elsewhere_is_another_fact_not_a_conflict() {
        let raid = "The navy seized six rifles and 300 rounds of ammunition in the raid on Monday.";
        let total = "The navy seized six rifles and 923 rounds of ammunition in the raid on Monday.";
        assert!(conflicts_in(&[raid, total]).iter().any(|(k, _, _)| *k == ConflictKind::Number));
        // The first report counts the 923 rounds too, as the year's total.
        let both = format!("{raid} So far this year the navy has seized 923 rounds.");
        assert_eq!(conflicts_in(&[&both, total]), []);
    }

    #[test]
    fn bounds_and_estimates_that_meet_are_no_conflict() {
        let number = |a: &str, b: &str| conflict_of(a, b).iter().any(|(k, _, _)| *k == ConflictKind::Number);
        assert!(!number("The camp is home to more than 22,000 refugees, aid workers said.", "The camp is home to nearly 23,000 refugees, aid workers said."));
        assert!(!number("The camp is home to about 20,000 refugees, aid workers said.", "The camp is home to roughly 21,000 refugees, aid workers said."));
        // A floor and a figure above it, near it: one size.
        assert!(!number("The island has a population of more than 100,000, officials said.", "The island has a population of 120,000, officials said."));
        // Two floors are two counts; a figure under a floor or far above it, estimates too far
        // apart, or a floor over a ceiling, differ.
        assert!(number("The quake killed at least 10 people in the province, officials said.", "The quake killed nine people in the province, officials said."));
        assert!(number("The quake killed at least three people in the province, officials said.", "The quake killed 10 people in the province, officials said."));
        assert!(number("The quake killed more than 26,000 people in the city, officials said.", "The quake killed more than 31,000 people in the city, officials said."));
        assert!(number("The camp is home to about 20,000 refugees, aid workers said.", "The camp is home to about 24,000 refugees, aid workers said."));
        assert!(number("The camp is home to more than 24,000 refugees, aid workers said.", "The camp is home to nearly 21,000 refugees, aid workers said."));
        // A floor has no top, but two sizes far apart are two counts.
        assert!(number("The fire destroyed more than 100 homes in the valley, officials said.", "The fire destroyed nearly 1,000 homes in the valley, officials said."));
    }

    #[test]
    fn figures_counted_over_different_ranges_are_no_conflict() {
        let number = |a: &str, b: &str| conflict_of(a, b).iter().any(|(k, _, _)| *k == ConflictKind::Number);
        // `total` as an adjective marks no count, and a decimal is not its digits.
        assert!(number("The fire killed 12 people and left the building a total loss, police said.", "The fire killed 15 people and left the building a ruin, police said."));
        assert!(number("The economy grew 0.5 percent in the quarter, the agency said.", "The economy grew 5 percent in the quarter, the agency said."));
        assert!(number("The navy has seized 14 rifles and 31 magazines from pirates.", "The navy has seized six rifles and 12 magazines from pirates."));
        assert!(!number("So far, the navy has seized 14 rifles and 31 magazines from pirates.", "In the raid, the navy has seized six rifles and 12 magazines from pirates."));
        assert!(number("The wave killed 230, 000 people in the province in 2004.", "The wave killed 170, 000 people in the province in 2004."));
        assert!(!number("The wave killed 230, 000 people across Asia in 2004.", "The wave killed 170, 000 people in the province in 2004."));
    }

    #[test]
    fn different_names_after_in_are_place_conflicts() {
        let c = conflict_of("The talks were held in Geneva on Monday.", "The talks were held in Vienna on Monday.");
        assert_eq!(c, [(ConflictKind::Place, "Geneva".into(), "Vienna".into())]);
        let c = conflict_of("Envoys will meet in Seoul next week.", "Envoys will meet in Tokyo next week.");
        assert_eq!(c, [(ConflictKind::Place, "Seoul".into(), "Tokyo".into())]);
    }

    #[test]
    fn abbreviations_are_not_conflicts() {
        assert!(conflict_of("Power was restored to normal by December 31.", "Power was back to normal by Dec. 31.").is_empty());
        assert!(conflict_of("The vote is set for Nov. 4 in Little Rock.", "The vote is set for November 4 in Little Rock.").is_empty());
        assert!(conflict_of("Sgt. Ana Ruiz said the road was closed.", "Sergeant Ana Ruiz said the road was closed.").is_empty());
        assert!(conflict_of("Officials in the U. K said so.", "Officials in the UK said so.").is_empty());
        assert!(conflict_of("The Cooperation Council met.", "The Co-operation Council met.").is_empty());
        assert!(conflict_of("A flaw in IE lets attackers in.", "A flaw in Internet Explorer lets attackers in.").is_empty());
        assert!(conflict_of("The quake was 2.7 miles deep, according to the USGS.", "The quake was 2.7 miles deep, according to the US Geological Survey.").is_empty());
        assert!(conflict_of("Police said Mr Okafor was hurt.", "Police said Daniel Okafor was hurt.").is_empty());
    }

    #[test]
    fn numbers_for_different_things_do_not_conflict() {
        // Two conversions of one sum, at two rates or into two currencies.
        assert!(conflict_of("Thieves took gems worth 85 million euros (74 million pounds) from the store.", "Thieves took gems worth 85 million euros ($108 million) from the store.").is_empty());
        // Each number fills its own slot: a year of a visit, the years of a term.
        let a = "The minister praised the progress made during her 2019 visit to Lagos.";
        let b = "The minister praised the ties built during her 2015–2020 term.";
        assert!(conflict_of(a, b).is_empty(), "{:?}", conflict_of(a, b));
        // A code with a digit is a name, not a figure.
        assert!(conflict_of("Traffic moved to the AAE1 cable or satellites.", "Traffic moved to the Asia-Africa 1or satellites.").is_empty());
        // The same figure in other units or spacing.
        assert!(conflict_of("The storm moved 48km inland.", "The storm moved 30 miles inland.").is_empty());
        assert!(conflict_of("The phone has 16 GB of storage.", "The phone has 16GB of storage.").is_empty());
        assert!(conflict_of("He signed an 8-year deal.", "He signed a deal for eight years.").is_empty());
        assert!(conflict_of("Losses reached 4bn dollars.", "Losses reached 4 billion dollars.").is_empty());
        // A figure stated differently in the same slot still conflicts.
        assert_eq!(conflict_of("He signed an 8-year deal.", "He signed a 7-year deal."), [(ConflictKind::Number, "an 8-year".into(), "a 7-year".into())]);
    }

    #[test]
    fn relative_days_and_decades_are_not_conflicts() {
        assert!(conflict_of("She died yesterday at her home.", "She died on Thursday at her home.").is_empty());
        assert!(conflict_of("She starred in musicals of the 1950s and later.", "She starred in musicals of the 50s and later.").is_empty());
        assert_eq!(conflict_of("She died on Thursday at home.", "She died on Friday at home."), [(ConflictKind::Date, "Thursday".into(), "Friday".into())]);
    }

    #[test]
    fn opposite_claims_are_polarity_conflicts() {
        let c = conflict_of("He has shown his birth certificate to reporters.", "He has not shown a birth certificate to reporters.");
        assert_eq!(c, [(ConflictKind::Polarity, "has shown".into(), "has not shown".into())]);
        let c = conflict_of("She denied taking the money from the fund.", "She took the money from the fund.");
        assert_eq!(c, [(ConflictKind::Polarity, "denied taking".into(), "took".into())]);
    }

    #[test]
    fn shared_or_unrelated_negations_are_not_polarity_conflicts() {
        assert!(conflict_of("He has not shown his birth certificate.", "He has never shown a birth certificate.").is_empty());
        let c = conflict_of("Ruiz said the bridge would reopen in May, adding that he did not know the cost.", "Ruiz said the bridge would reopen in May.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn when_a_page_was_published_is_not_a_conflict() {
        let c = conflict_of(
            "Storm floods coastal town Updated 4 / 9 / 2024 6:04 PM Heavy rain flooded the harbour district on Monday.",
            "Storm floods coastal town Updated 4 / 11 / 2024 1:26 PM Heavy rain flooded the harbour district on Monday.",
        );
        assert!(c.is_empty(), "{c:?}");
        let c = conflict_of("Harbour flooded, March 14, 2024 8:16 am Heavy rain flooded the harbour district.", "Harbour flooded, March 14, 2024 5:22 am Heavy rain flooded the harbour district.");
        assert!(c.is_empty(), "{c:?}");
        // Stamps that differ in their minutes only.
        let c = conflict_of("Harbour flooded Updated: March 14, 2024 15:01 GMT Heavy rain flooded the harbour district.", "Harbour flooded Updated: March 14, 2024 15:50 GMT Heavy rain flooded the harbour district.");
        assert!(c.is_empty(), "{c:?}");
        // One day written two ways.
        let c = conflict_of("Harbour flooded on Jul 02, 2024 as heavy rain hit the district.", "Harbour flooded on Jul 2, 2024 as heavy rain hit the district.");
        assert!(c.is_empty(), "{c:?}");
        // A figure whose fraction was lost to a wrong encoding has no value to compare.
        let c = conflict_of("He served 4\u{FFFD} months in federal prison for perjury.", "He served 412 months in federal prison for perjury.");
        assert!(c.is_empty(), "{c:?}");
        // Two bracketed parts are no conversion.
        let c = conflict_of("The fire killed 12 people (3 of them children) on Sunday night.", "The fire killed 12 people (5 of them children) on Sunday night.");
        assert_eq!(c.len(), 1, "{c:?}");
        // A day and a time the story happened on still conflict.
        let c = conflict_of("The plane crashed on July 6, 2013 at 11:28 a.m. local time.", "The plane crashed on July 7, 2013 at 11:28 a.m. local time.");
        assert_eq!(c.len(), 1, "{c:?}");
        // Two days, each stamped with a time: when each page went out.
        let c = conflict_of("Harbour town floods May 2, 2024 | 5: 03pm Heavy rain flooded the harbour district.", "Harbour town floods May 3, 2024 at 7:31 AM ET Heavy rain flooded the harbour district.");
        assert!(c.is_empty(), "{c:?}");
        // A day of the story, with no time after its year, is one.
        let c = conflict_of("The harbour district flooded on May 2, 2024, officials said.", "The harbour district flooded on May 3, 2024, officials said.");
        assert_eq!(c.len(), 1, "{c:?}");
        // Nor is a word of publishing without a date after it.
        let c = conflict_of("Reyes posted 15 points and eight assists in the win.", "Reyes posted 16 points and eight assists in the win.");
        assert_eq!(c, [(ConflictKind::Number, "15".into(), "16".into())]);
        // A time of the story is one.
        let c = conflict_of("The quake struck at 7:48 a.m. local time, officials said.", "The quake struck at 4:43 a.m. local time, officials said.");
        assert_eq!(c, [(ConflictKind::Number, "7:48".into(), "4:43".into())]);
    }

    #[test]
    fn datelines_are_not_conflicts() {
        let c = conflict_of("WASHINGTON — The talks were chaired by Lindqvist on Monday.", "SEOUL — The talks were chaired by Lindqvist on Monday.");
        assert!(c.is_empty(), "{c:?}");
        let c = conflict_of(
            "SEOUL, June 11 (Yonhap) -- The talks were chaired by Lindqvist on Monday.",
            "WASHINGTON, June 12 (AP) -- The talks were chaired by Lindqvist on Monday.",
        );
        assert!(c.is_empty(), "{c:?}");
        // After the dateline, names still conflict.
        let c = conflict_of("SEOUL — The talks were chaired by Lindqvist on Monday.", "SEOUL — The talks were chaired by Okafor on Monday.");
        assert_eq!(c, [(ConflictKind::Name, "Lindqvist".into(), "Okafor".into())]);
    }

    #[test]
    fn words_of_a_headline_run_into_the_sentence_are_not_names() {
        let a = "Mayor Ruiz Backs Bridge Plan For Oakvale the mayor said on Monday she backs the plan.";
        let b = "Mayor Ruiz Rejects Bridge Plan For Oakvale the mayor said on Monday she backs the plan.";
        assert!(conflict_of(a, b).is_empty(), "{:?}", conflict_of(a, b));
        let a = "Severed Cables Disrupt Internet Traffic three undersea cables were cut on Friday.";
        let b = "Damaged Cables Disrupt Internet Traffic three undersea cables were cut on Friday.";
        assert!(conflict_of(a, b).is_empty(), "{:?}", conflict_of(a, b));
    }

    #[test]
    fn role_nouns_are_not_names() {
        assert!(conflict_of("The suspect was questioned by Agent Smith on Monday.", "The suspect was questioned by Officer Smith on Monday.").is_empty());
        assert!(conflict_of("The bill was signed by President Ruiz on Monday.", "The bill was signed by Sen. Ruiz on Monday.").is_empty());
        assert!(conflict_of("The plan was backed by the Minister on Monday.", "The plan was backed by the President on Monday.").is_empty());
        // Different people under their titles still conflict.
        let c = conflict_of("The talks were chaired by Minister Lindqvist on Monday.", "The talks were chaired by President Okafor on Monday.");
        assert_eq!(c, [(ConflictKind::Name, "Minister Lindqvist".into(), "President Okafor".into())]);
    }

    #[test]
    fn a_capital_that_opens_a_sentence_or_quotation_marks_no_name() {
        assert!(conflict_of("Police said the bridge was closed on Monday.", "Witnesses said the bridge was closed on Monday.").is_empty());
        assert!(conflict_of("Residents said the bridge was closed on Monday.", "Engineers said the bridge was closed on Monday.").is_empty());
        assert!(conflict_of("He said: “Trucks were stopped at the bridge.”", "He said: “Cars were stopped at the bridge.”").is_empty());
        // Acronyms are names wherever they stand.
        let c = conflict_of("NATO said the bridge was closed on Monday.", "OSCE said the bridge was closed on Monday.");
        assert_eq!(c, [(ConflictKind::Name, "NATO".into(), "OSCE".into())]);
    }

    #[test]
    fn capitalised_headline_words_are_not_name_conflicts() {
        let a = "Report: Blue Jays sign pitcher Alvarez to record deal";
        let b = "Star: Jays Sign Pitcher Alvarez To Record Deal";
        assert!(conflict_of(a, b).is_empty(), "{:?}", conflict_of(a, b));
        // A label opening a sentence is not a name in it.
        let b = "Rumour: Jays sign pitcher Alvarez to record deal, sources say";
        assert!(conflict_of(a, b).is_empty(), "{:?}", conflict_of(a, b));
    }
}
