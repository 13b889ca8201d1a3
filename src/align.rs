//! Alignment: score candidate pairs and decide their kind (identical, minor, paraphrase),
//! with the pairs a sentence's family implies and the nearest counterpart of a sentence left
//! unique. The word diffs of the pairs kept are [`crate::explain`]'s.

use crate::embed::Embedded;
use crate::explain::Side;
use crate::group::Family;
use crate::index::{Index, Unit};
use crate::lcs::{lcs_len, lcs_len_bits, DIFF_MAX};
use crate::score::{same_claim, same_claim_at_most};
use crate::normalize::Vocabulary;
use crate::report::{Kind, Role};
use crate::hash::{Map, Set};
use crate::polarity::Claims;
use std::cell::OnceCell;

/// A scored pair of units (global indices), before offsets are mapped for the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// The unit with the lower index.
    pub a: usize,
    /// The other unit.
    pub b: usize,
    /// How closely they agree.
    pub kind: Kind,
    /// Similarity in 0..=1: 1 for identical, the share of words in common for minor, the
    /// probability that the two state the same claim ([`same_claim`]) for paraphrase.
    pub score: f64,
    /// How sure the match is (1 for identical and minor); ranks a sentence's counterparts.
    pub confidence: f64,
}

/// From this share of words in common, in order, a pair is the same sentence lightly edited.
const MINOR_MIN: f64 = 0.7;
/// From this probability of stating the same claim ([`same_claim`]) on, a pair is reported
/// as a paraphrase: where a match is more likely right than wrong. Swept from 0.4 to 0.9 on the
/// labeled sets (`npm run eval`), precision rises a little up to 0.6 (seeds 0.963 to 0.975 by
/// words, 0.914 to 0.920 with vectors) and recall falls from there; 0.6 also drops a sentence that
/// merges two of another source's (the tests below), so the even odds stay.
pub const PARAPHRASE_MIN: f64 = 0.5;
/// A paraphrase must be each sentence's best counterpart in the other source, or within this
/// factor of it (a headline's, the best of its kind: see [`in_lead`]).
const BEST_SLACK: f64 = 0.9;

/// Scores every candidate pair and keeps those that carry the same content.
///
/// Identical and minor pairs are kept as they are. A paraphrase is kept only when it is (within
/// [`BEST_SLACK`]) the best counterpart of both its sentences in each other's source: reports of
/// one story share their names and topic words everywhere, and a sentence's best counterpart
/// is far more often a true paraphrase than its second best. A headline may have two: the other
/// source's headline and a sentence of its lead (see [`in_lead`]).
pub fn align(units: &[Unit], index: &Index, embedded: Option<&Embedded>, candidates: &[(usize, usize)]) -> Vec<Pair> {
    align_all(units, index, embedded, candidates, &UnitClaims::new(units, &index.vocabulary)).0
}

/// [`align`]'s matches, its near misses: the paraphrases the scorer gives from
/// [`OPPOSED_MIN`] to [`PARAPHRASE_MIN`], which [`opposed`] looks at again, and the candidates
/// [`screen`] let through, the only ones [`nearest`] need look at again. Each candidate is
/// scored once.
pub fn align_all(units: &[Unit], index: &Index, embedded: Option<&Embedded>, candidates: &[(usize, usize)], claims: &UnitClaims) -> (Vec<Pair>, Vec<Pair>, Vec<(usize, usize)>) {
    let (mut scored, mut near, mut screened) = (Vec::new(), Vec::new(), Vec::new());
    for &(a, b) in candidates {
        let Some(shared) = screen(units, index, embedded, a, b) else { continue };
        screened.push((a, b));
        // Near misses are only worth their alignment where one side could deny the other.
        let least = if claims.may_negate(a) || claims.may_negate(b) { OPPOSED_MIN } else { PARAPHRASE_MIN };
        let Some((kind, f)) = judge_screened(index, embedded, a, b, least, shared) else { continue };
        match kind {
            Kind::Identical => scored.push(Pair { a, b, kind, score: 1.0, confidence: 1.0 }),
            Kind::Minor => scored.push(minor(a, b, &f)),
            Kind::Paraphrase => {
                let pair = paraphrase(a, b, &f, embedded.is_some());
                if pair.confidence >= PARAPHRASE_MIN { scored.push(pair) } else { near.push(pair) }
            }
        }
    }
    // Each unit's best paraphrase confidence in each other source, and the counterpart with it;
    // for a headline, its best in the other source's lead apart (see [`in_lead`]).
    let lead = leads(units);
    let field = |u: usize, other: usize| (u, units[other].source, in_lead(units, &lead, u, other));
    let mut best: Map<(usize, usize, bool), (f64, usize)> = Map::default();
    for p in scored.iter().filter(|p| p.kind == Kind::Paraphrase) {
        for (u, other) in [(p.a, p.b), (p.b, p.a)] {
            let e = best.entry(field(u, other)).or_insert((0.0, other));
            if p.confidence > e.0 {
                *e = (p.confidence, other);
            }
        }
    }
    // Each lead sentence with each other source in whose body (not its headline) it has a
    // match: there a headline's own source states the claim of a lead sentence matched with the
    // headline. Only lead sentences are asked about, and they are few.
    let backed: Set<(usize, usize)> = scored
        .iter()
        .flat_map(|p| [(p.a, p.b), (p.b, p.a)])
        .filter(|&(u, other)| lead[u] && units[other].role != Role::Title)
        .map(|(u, other)| (u, units[other].source))
        .collect();
    let overall = |u: usize, source: usize| [false, true].iter().filter_map(|&lead| best.get(&(u, source, lead))).fold(0.0, |top: f64, b| top.max(b.0));
    // Near the best (a headline's, of its kind: see [`in_lead`]); or, for a sentence that
    // merges two consecutive body sentences of the other source, the one after or before its
    // best: it must be the best for that sentence, and about another part of this one (see
    // [`other_claim`]).
    let kept = |u: usize, other: usize, confidence: f64| {
        let (top, rival) = best[&field(u, other)];
        let body = |x: usize| units[x].role == Role::Body;
        let near_overall = confidence >= BEST_SLACK * overall(u, units[other].source);
        let near_best = if in_lead(units, &lead, u, other) {
            confidence >= BEST_SLACK * top && (near_overall || backed.contains(&(other, units[u].source)))
        } else if units[u].role == Role::Title && units[other].role == Role::Title {
            confidence >= BEST_SLACK * top
        } else {
            near_overall
        };
        near_best
            || (consecutive(units, other, rival) && body(other) && body(rival) && best[&field(other, u)].1 == u && other_claim(index, u, other, rival))
    };
    let matches = scored.into_iter().filter(|p| p.kind != Kind::Paraphrase || (kept(p.a, p.b, p.confidence) && kept(p.b, p.a, p.confidence))).collect();
    (matches, near, screened)
}

/// How many of a body's first sentences are its lead, which a headline restates: a news lead is
/// one to three sentences. On the labeled sets (the rule's first version, 2026-12-07), 1 and 2
/// found none of the headline pairs 3 finds, and 4 and 6 found no more.
const LEAD: usize = 3;

/// Whether each unit is among the first [`LEAD`] comparable sentences of its source's body.
fn leads(units: &[Unit]) -> Vec<bool> {
    let mut seen = vec![0usize; units.iter().map(|u| u.source + 1).max().unwrap_or(0)];
    units
        .iter()
        .map(|u| {
            let body = u.role == Role::Body && u.comparable();
            seen[u.source] += body as usize;
            body && seen[u.source] <= LEAD
        })
        .collect()
}

/// Whether `u` is a headline and `other` a sentence of its source's lead. A headline restates
/// its article's lead, so it may match both another source's headline and one sentence of that
/// source's lead, each near the best of its kind:
/// - another headline: among that headline and the sentences after the lead;
/// - a lead sentence: among the lead; and, since a headline's best in a lead may be another fact
///   about its subject ("Mayor resigns" / "The mayor was fined in March"), only when the
///   headline's own source states that sentence's claim in its body too, or the pair is near
///   the headline's best in the whole source anyway;
/// - a sentence after the lead: among the whole source.
///
/// Only the headline's side is split: a lead sentence still needs the headline to be (nearly)
/// its best in the headline's source. Splitting that side too let a lead's second best (a photo
/// caption the cleaner kept as body text) through on the seeds.
fn in_lead(units: &[Unit], lead: &[bool], u: usize, other: usize) -> bool {
    units[u].role == Role::Title && lead[other]
}

/// Whether two units are consecutive sentences of one source: a sentence matched with both
/// says what that source says in two.
fn consecutive(units: &[Unit], a: usize, b: usize) -> bool {
    a.abs_diff(b) == 1 && units[a].source == units[b].source
}

/// Whether `v` matches another part of `u` than `w` does: most of the weight of the content
/// terms `u` shares with `v` is not among those it shares with `w`.
fn other_claim(index: &Index, u: usize, v: usize, w: usize) -> bool {
    let (vu, vv, vw) = (&index.vectors[u], &index.vectors[v], &index.vectors[w]);
    let has = |vec: &[(u32, f64)], id: u32| vec.binary_search_by_key(&id, |&(t, _)| t).is_ok();
    let (mut shared, mut also_with_w) = (0.0, 0.0);
    for &(id, weight) in vu.iter().filter(|&&(id, _)| has(vv, id)) {
        shared += weight;
        if has(vw, id) {
            also_with_w += weight;
        }
    }
    shared > 0.0 && also_with_w < OTHER_CLAIM_MAX * shared
}

/// At most this share of what a second counterpart shares with a sentence may be shared with
/// its best one too, for the second to be taken as matching another claim of the sentence.
const OTHER_CLAIM_MAX: f64 = 0.5;

/// What the pair scoring looks at, exposed so that misses can be explained.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// The surface words are the same.
    pub identical: bool,
    /// `2 * common / (len a + len b)` over terms in order.
    pub dice: f64,
    /// Common terms in order over the shorter sentence's terms.
    pub containment: f64,
    /// Length of the shorter sentence in terms.
    pub shorter: usize,
    /// Cosine of the weighted content-term vectors.
    pub cosine: f64,
    /// Distinct content terms in common.
    pub shared: usize,
    /// Distinct content terms of the sentence with fewer.
    pub fewest: usize,
    /// Weight of the shared content terms over the weight of the lighter sentence: how much
    /// of the shorter sentence the longer one covers.
    pub overlap: f64,
    /// Cosine of the two sentences' static embeddings (0 when no vectors are loaded).
    pub embedding: f64,
    /// The figures the two state: 1 when both state figures and share one, −1 when both state
    /// figures and share none (a different count, date or score), 0 otherwise.
    pub numbers: f64,
    /// Of the shared content terms, how many are the story's own: in more than a tenth of all
    /// its sentences (its protagonists, its place), which two sentences share without saying
    /// the same thing.
    pub shared_common: usize,
    /// 1 when the two share an anchor (a specific figure each source states only there, see
    /// [`Index::anchors`]) and their sources share other claims; set by [`crate::anchor`], which
    /// alone scores such pairs, else 0.
    pub anchor: f64,
}

/// Measures a pair of units.
pub fn features(index: &Index, embedded: Option<&Embedded>, a: usize, b: usize) -> Features {
    aligned(index, a, b, cheap_features(index, embedded, a, b, common(&index.vectors[a], &index.vectors[b])))
}

/// Completes `f` with the order-aware overlap of the two sentences' terms.
fn aligned(index: &Index, a: usize, b: usize, mut f: Features) -> Features {
    let (ta, tb) = (&index.terms[a], &index.terms[b]);
    let common = if ta.len() <= DIFF_MAX && !tb.is_empty() && !index.positions[b].is_empty() {
        lcs_len_bits(ta, &index.positions[b], tb.len())
    } else if tb.len() <= DIFF_MAX && !ta.is_empty() && !index.positions[a].is_empty() {
        lcs_len_bits(tb, &index.positions[a], ta.len())
    } else {
        lcs_len(ta, tb)
    } as f64;
    let (la, lb) = (ta.len().max(1) as f64, tb.len().max(1) as f64);
    f.dice = 2.0 * common / (la + lb);
    f.containment = common / la.min(lb);
    f
}

/// The features that need no alignment of the two sentences; `dice` and `containment` are
/// set to the most they could be (the terms the two have in common, order aside, bound the
/// common subsequence), so that a pair that cannot match is rejected before the quadratic
/// alignment is paid for. `common` is what their content-term vectors share.
fn cheap_features(index: &Index, embedded: Option<&Embedded>, a: usize, b: usize, common: Common) -> Features {
    measured(index, embedded, a, b, counted_features(index, a, b, common))
}

/// Completes [`counted_features`] with the vectors' cosine, the figures and the story's names.
fn measured(index: &Index, embedded: Option<&Embedded>, a: usize, b: usize, counted: Features) -> Features {
    Features { embedding: embedded.map_or(0.0, |e| e.cosine(a, b)), numbers: numbers(index, a, b), shared_common: shared_common(index, a, b), ..counted }
}

/// [`cheap_features`] but for the vectors' cosine, the figures and the story's names, which
/// are left 0.
fn counted_features(index: &Index, a: usize, b: usize, common: Common) -> Features {
    let identical = index.words[a] == index.words[b];
    let (la, lb) = (index.terms[a].len().max(1) as f64, index.terms[b].len().max(1) as f64);
    let in_common = bag_overlap(&index.bags[a], &index.bags[b]) as f64;
    let (va, vb) = (&index.vectors[a], &index.vectors[b]);
    let lighter = index.masses[a].min(index.masses[b]);
    Features {
        identical,
        dice: 2.0 * in_common / (la + lb),
        containment: in_common / la.min(lb),
        shorter: index.terms[a].len().min(index.terms[b].len()),
        cosine: if index.norms[a] * index.norms[b] > 0.0 { common.dot / (index.norms[a] * index.norms[b]) } else { 0.0 },
        shared: common.shared,
        fewest: va.len().min(vb.len()),
        overlap: if lighter > 0.0 { common.weight / lighter } else { 0.0 },
        embedding: 0.0,
        numbers: 0.0,
        shared_common: 0,
        anchor: 0.0,
    }
}

/// The `shared_common` feature.
fn shared_common(index: &Index, a: usize, b: usize) -> usize {
    let common = |t: u32| index.df[t as usize] as usize * 10 > index.vectors.len();
    let has = |v: &[(u32, f64)], t: u32| v.binary_search_by_key(&t, |&(id, _)| id).is_ok();
    index.vectors[a].iter().filter(|&&(t, _)| common(t) && has(&index.vectors[b], t)).count()
}

/// The `numbers` feature: whether two sentences that both state figures share one.
fn numbers(index: &Index, a: usize, b: usize) -> f64 {
    let (fa, fb) = (&index.figures[a], &index.figures[b]);
    match (fa.is_empty() || fb.is_empty(), bag_overlap(fa, fb) > 0) {
        (true, _) => 0.0,
        (false, true) => 1.0,
        (false, false) => -1.0,
    }
}

/// How many items two sorted sequences share, counting repeats as often as both have them.
pub fn bag_overlap<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// What two weighted term vectors have in common, in one merge of the sorted vectors.
struct Common {
    /// Dot product.
    dot: f64,
    /// Number of shared terms.
    shared: usize,
    /// Weight of the shared terms (as weighed in the first vector).
    weight: f64,
}

fn common(a: &[(u32, f64)], b: &[(u32, f64)]) -> Common {
    let (mut i, mut j) = (0, 0);
    let mut c = Common { dot: 0.0, shared: 0, weight: 0.0 };
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                c.dot += a[i].1 * b[j].1;
                c.shared += 1;
                c.weight += a[i].1;
                i += 1;
                j += 1;
            }
        }
    }
    c
}

/// The kind and score of one pair, or `None` when they do not carry the same content.
pub fn score(units: &[Unit], index: &Index, embedded: Option<&Embedded>, a: usize, b: usize) -> Option<Pair> {
    let (kind, f) = judge(units, index, embedded, a, b, PARAPHRASE_MIN)?;
    Some(match kind {
        Kind::Identical => Pair { a, b, kind, score: 1.0, confidence: 1.0 },
        Kind::Minor => minor(a, b, &f),
        Kind::Paraphrase => paraphrase(a, b, &f, embedded.is_some()),
    })
}

/// The kind of a pair and its features, or `None` when the pair cannot reach `least`
/// probability of stating the same claim. Sentences that share less than two content terms,
/// and whose vectors are not close either, are rejected before any alignment is paid for; so are
/// those whose probability, with their order-aware overlap taken at the most it could be, falls
/// short.
fn judge(units: &[Unit], index: &Index, embedded: Option<&Embedded>, a: usize, b: usize, least: f64) -> Option<(Kind, Features)> {
    judge_screened(index, embedded, a, b, least, screen(units, index, embedded, a, b)?)
}

/// What [`judge`] asks first, whatever the least score it is given: whether both units can be
/// compared and the pair is identical or shares enough to be scored; `None` for a pair no
/// score would keep, else what their content terms have in common.
fn screen(units: &[Unit], index: &Index, embedded: Option<&Embedded>, a: usize, b: usize) -> Option<Common> {
    if !units[a].comparable() || !units[b].comparable() {
        return None;
    }
    let shared = common(&index.vectors[a], &index.vectors[b]);
    if index.words[a] == index.words[b] {
        return Some(shared);
    }
    // Without close vectors, a pair needs two shared content terms, or a cosine of 0.5 for a
    // minor edit: most candidates fail this first, on their content terms alone. The vectors'
    // cosine is computed only when the terms fail (judging the candidates of all 982 ECB+
    // articles took a tenth fewer instructions than computing it first).
    let close = || embedded.is_some_and(|e| e.cosine(a, b) >= crate::neighbors::COSINE_MIN as f64);
    if shared.shared < 2 && shared.dot < 0.5 * index.norms[a] * index.norms[b] && !close() {
        return None;
    }
    Some(shared)
}

/// [`judge`] of a pair [`screen`] let through, with what it found in common.
fn judge_screened(index: &Index, embedded: Option<&Embedded>, a: usize, b: usize, least: f64, shared: Common) -> Option<(Kind, Features)> {
    if index.words[a] == index.words[b] {
        return Some((Kind::Identical, cheap_features(index, embedded, a, b, shared)));
    }
    let coarse = counted_features(index, a, b, shared);
    if !minor_possible(&coarse) && same_claim_at_most(&coarse, embedded.is_some()) < least {
        return None;
    }
    let bound = measured(index, embedded, a, b, coarse);
    if !minor_possible(&bound) && same_claim(&bound, embedded.is_some()) < least {
        return None;
    }
    let f = aligned(index, a, b, bound);
    if minor_possible(&f) {
        Some((Kind::Minor, f))
    } else if same_claim(&f, embedded.is_some()) >= least {
        Some((Kind::Paraphrase, f))
    } else {
        None
    }
}

/// A pair the scorer finds this likely to state the same claim is matched after all when one of
/// the two denies what the other affirms: the negation is itself a difference the scorer holds
/// against the pair, and a contradiction is what a reader most needs to see, as a `polarity`
/// conflict, not as two sentences each only one source has.
pub const OPPOSED_MIN: f64 = 0.3;

/// Each unit's [`Claims`] (what it affirms and denies), read the first time a pair needs them:
/// a sentence in several near misses or matches is read once, not once per pair (on the seeds,
/// reading sentences again and again took a tenth of a comparison's instructions). Also
/// whether each unit may negate at all ([`crate::polarity::may_negate`]), read once for
/// [`align_all`] and again wanted by [`crate::explain::explain`] for every match (2% of a comparison's
/// instructions on the seeds and on all 982 ECB+ articles, when it was read again).
pub struct UnitClaims {
    cells: Vec<OnceCell<Claims>>,
    negating: Vec<bool>,
    /// Each unit's figures with what they measure, read the first time a match needs them
    /// ([`crate::explain::Measure`]).
    measures: Vec<OnceCell<Vec<crate::explain::Measure>>>,
}

impl UnitClaims {
    /// Room for the claims of `units`, none read yet.
    pub fn new(units: &[Unit], v: &Vocabulary) -> Self {
        UnitClaims {
            cells: units.iter().map(|_| OnceCell::new()).collect(),
            negating: units.iter().map(|u| crate::polarity::may_negate(v, &u.words)).collect(),
            measures: units.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// Unit `u`'s cell, for a [`Side`].
    pub fn cell(&self, u: usize) -> &OnceCell<Claims> {
        &self.cells[u]
    }

    /// Whether a word of unit `u` could negate.
    pub fn may_negate(&self, u: usize) -> bool {
        self.negating[u]
    }

    /// Unit `u` as one side of an [`crate::explain::explain`]; `texts` are the sources' texts.
    pub fn side<'a>(&'a self, units: &'a [Unit], index: &'a Index, texts: &[&'a str], u: usize) -> Side<'a> {
        Side { text: texts[units[u].source], words: &units[u].words, surfaces: &index.words[u], claims: &self.cells[u], measures: &self.measures[u], negating: self.negating[u], joined: &index.joined, report_figures: &index.source_figures[units[u].source] }
    }
}

/// The near misses of [`align_all`] in which one sentence denies what the other affirms (see
/// [`OPPOSED_MIN`]), between sources that `matched` already links or sentences whose vectors are
/// close (as [`crate::anchor`] asks); `texts` are the sources' inputs, which the units' spans
/// index. A near miss is a weak pair: between sources that share no claim (two stories, in one
/// comparison of many) a denial in one of them is no reason to pair it ("Their client had
/// committed the crimes" with another story's "The people he chose as targets had committed no
/// crimes").
pub fn opposed(units: &[Unit], index: &Index, embedded: Option<&Embedded>, texts: &[&str], near: &[Pair], claims: &UnitClaims, matched: &[Pair]) -> Vec<Pair> {
    let related = Related::new(units, embedded, matched);
    let read = |u: usize| claims.cell(u).get_or_init(|| crate::polarity::claims(&index.vocabulary, texts[units[u].source], &units[u].words));
    near.iter().filter(|p| related.pair(p.a, p.b) && crate::polarity::opposed(read(p.a), read(p.b)).is_some()).cloned().collect()
}

/// Which two sentences a stage after the first matching may pair on a sign the scorer alone
/// would not take (a figure both state once, a denial): sentences of sources the first
/// matching links by a match, or whose vectors are close (a cosine of at least
/// [`COSINE_MIN`](crate::neighbors::COSINE_MIN), as the vectors' own candidates need). In a
/// comparison of many stories, sources of different stories rarely share a match, and such a
/// sign alone would join them.
pub struct Related<'a> {
    units: &'a [Unit],
    embedded: Option<&'a Embedded>,
    /// The pairs of sources (the lower first) that share a match.
    linked: Set<(usize, usize)>,
}

impl<'a> Related<'a> {
    /// The sources `matched` links.
    pub fn new(units: &'a [Unit], embedded: Option<&'a Embedded>, matched: &[Pair]) -> Self {
        let linked = matched.iter().map(|p| (units[p.a].source, units[p.b].source)).map(|(x, y)| (x.min(y), x.max(y))).collect();
        Related { units, embedded, linked }
    }

    /// Whether units `a` and `b` may be paired so.
    pub fn pair(&self, a: usize, b: usize) -> bool {
        let (x, y) = (self.units[a].source, self.units[b].source);
        self.linked.contains(&(x.min(y), x.max(y))) || self.embedded.is_some_and(|e| e.cosine(a, b) >= crate::neighbors::COSINE_MIN as f64)
    }
}

/// The best sentence of another source for each unit in `lonely`, among `candidates`, with
/// its probability of stating the same claim, when that is at least `floor`. The candidates
/// [`screen`] turns away can be left out beforehand (see [`align_all`]): on all 982 ECB+
/// articles, judging every candidate again was 6% of a comparison's time in wasm.
pub fn nearest(units: &[Unit], index: &Index, embedded: Option<&Embedded>, candidates: &[(usize, usize)], lonely: &[bool], floor: f64) -> Vec<Option<(usize, f64)>> {
    let mut best: Vec<Option<(usize, f64)>> = vec![None; units.len()];
    for &(a, b) in candidates.iter().filter(|&&(a, b)| lonely[a] || lonely[b]) {
        let Some((_, f)) = judge(units, index, embedded, a, b, floor) else { continue };
        let p = same_claim(&f, embedded.is_some());
        for (u, other) in [(a, b), (b, a)] {
            if lonely[u] && best[u].is_none_or(|(_, q)| p > q) {
                best[u] = Some((other, round(p)));
            }
        }
    }
    best
}

fn minor_possible(f: &Features) -> bool {
    (f.dice >= MINOR_MIN && f.cosine >= 0.5) || (f.shorter >= 6 && f.shared >= 3 && f.cosine >= 0.3 && f.containment >= 0.9)
}

fn minor(a: usize, b: usize, f: &Features) -> Pair {
    Pair { a, b, kind: Kind::Minor, score: round(f.dice.max(f.containment * 0.9)), confidence: 1.0 }
}

/// A paraphrase pair of `a` and `b`, scored by [`same_claim`].
pub(crate) fn paraphrase(a: usize, b: usize, f: &Features, semantic: bool) -> Pair {
    let p = same_claim(f, semantic);
    Pair { a, b, kind: Kind::Paraphrase, score: round(p), confidence: p }
}

/// Families up to this size also report the pairs their links imply.
pub(crate) const IMPLIED_MAX: usize = 16;
/// An implied paraphrase still needs this much confidence of its own.
const IMPLIED_MIN: f64 = 0.2;
/// A paraphrase implied across families (see [`implied`]) needs this much.
const BRIDGED_MIN: f64 = 0.4;

/// The pairs a family implies but no direct link scored: two sentences that each say what a
/// third says usually say the same thing. A sentence matched with two consecutive sentences
/// of one source (which says in two what it says in one) is also paired with the family of
/// the sentence whose family it is not in. Each is judged by the same rules (identical, minor,
/// else paraphrase when it has some evidence of its own, [`IMPLIED_MIN`]); large families are
/// left as they are, so that copies stay linear.
pub fn implied(units: &[Unit], index: &Index, embedded: Option<&Embedded>, families: &[Family], known: &[Pair]) -> Vec<Pair> {
    let mut have: Set<(usize, usize)> = known.iter().map(|p| (p.a, p.b)).collect();
    let small: Vec<&Vec<usize>> = families.iter().map(|f| &f.members).filter(|m| m.len() <= IMPLIED_MAX).collect();
    let mut family_of = vec![None; units.len()];
    for (k, members) in small.iter().enumerate() {
        for &u in members.iter() {
            family_of[u] = Some(k);
        }
    }
    let mut implied_pairs: Vec<(usize, usize)> = Vec::new();
    for members in &small {
        for (k, &x) in members.iter().enumerate() {
            implied_pairs.extend(members[k + 1..].iter().map(|&y| (x, y)));
        }
    }
    // A sentence that says two things, matched with two consecutive sentences of another
    // source (which ran them together), belongs to one family but says what the other
    // sentence's family says too.
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for p in known {
        partners[p.a].push(p.b);
        partners[p.b].push(p.a);
    }
    let within = implied_pairs.len();
    for (x, list) in partners.iter().enumerate() {
        for &y in list {
            // y's neighbour in its own source is matched with x as well.
            let merged = list.iter().any(|&z| consecutive(units, y, z));
            if let Some(k) = family_of[y].filter(|&k| merged && family_of[x] != Some(k)) {
                implied_pairs.extend(small[k].iter().filter(|&&z| z != y).map(|&z| (x, z)));
            }
        }
    }
    let mut out = Vec::new();
    for (n, (x, y)) in implied_pairs.into_iter().enumerate() {
        let least = if n < within { IMPLIED_MIN } else { BRIDGED_MIN };
        let (a, b) = (x.min(y), x.max(y));
        if units[a].source == units[b].source || !have.insert((a, b)) {
            continue;
        }
        let f = features(index, embedded, a, b);
        out.push(if f.identical {
            Pair { a, b, kind: Kind::Identical, score: 1.0, confidence: 1.0 }
        } else if minor_possible(&f) {
            minor(a, b, &f)
        } else if same_claim(&f, embedded.is_some()) >= least {
            paraphrase(a, b, &f, embedded.is_some())
        } else {
            // Chained through a third sentence that says two things: not the same claim.
            continue;
        });
    }
    out
}

fn round(x: f64) -> f64 {
    (x.clamp(0.0, 1.0) * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::{self, Unit};
    use crate::normalize;
    use crate::report::Role;

    /// `texts` from the given sources, then [`BACKGROUND`], each sentence from a source of its
    /// own; indexed.
    fn with_background(texts: &[&str], sources: &[usize]) -> (Vec<Unit>, Index) {
        let mut vocabulary = Vocabulary::default();
        let after = sources.iter().max().map_or(0, |&m| m + 1);
        let u: Vec<Unit> = [texts, BACKGROUND]
            .concat()
            .iter()
            .enumerate()
            .map(|(k, t)| {
                let words = normalize::words(t, 0..t.len(), &mut vocabulary);
                let source = sources.get(k).copied().unwrap_or_else(|| after + k - texts.len());
                Unit { source, span: 0..t.len(), role: Role::Body, words }
            })
            .collect();
        let idx = index::build(&u, vocabulary);
        (u, idx)
    }

    #[test]
    fn a_candidate_that_denies_what_the_other_affirms_is_matched_as_opposed() {
        let texts = [
            "The reservoir was drained last spring before the inspection, officials confirmed.",
            "The reservoir was not drained before the inspection, a resident told reporters on Monday.",
        ];
        let (u, idx) = with_background(&texts, &[0, 1]);
        // Every unit is a source of its own here, its text the whole input.
        let inputs: Vec<&str> = texts.iter().chain(BACKGROUND).copied().collect();
        let near = [Pair { a: 0, b: 1, kind: Kind::Paraphrase, score: 0.4, confidence: 0.4 }];
        // The two sources share another claim (a match of theirs, here the same two units).
        let linked = near.clone();
        let pairs = opposed(&u, &idx, None, &inputs, &near, &UnitClaims::new(&u, &idx.vocabulary), &linked);
        assert_eq!(pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), vec![(0, 1)]);
        // Sources that share nothing else are not paired on a denial.
        assert!(opposed(&u, &idx, None, &inputs, &near, &UnitClaims::new(&u, &idx.vocabulary), &[]).is_empty(), "unlinked sources");
        let agreeing = ["The reservoir was drained last spring, officials confirmed.", "Officials confirmed the reservoir was drained in the spring."];
        let (u, idx) = with_background(&agreeing, &[0, 1]);
        let inputs: Vec<&str> = agreeing.iter().chain(BACKGROUND).copied().collect();
        assert!(opposed(&u, &idx, None, &inputs, &near, &UnitClaims::new(&u, &idx.vocabulary), &linked).is_empty(), "agreement is not opposition");
    }

    #[test]
    fn the_scorer_features_see_shared_figures_phrases_and_the_vectors() {
        let texts = [
            "The Senate passed the bill 38-2 on Monday.",
            "The final tally in the Senate was 38-2.",
            "The Senate passed the bill 40-0 on Monday.",
            "Lawmakers praised the measure.",
        ];
        let (_, idx) = with_background(&texts, &[0, 1, 2, 3]);
        let f = |a, b| features(&idx, None, a, b);
        assert_eq!(f(0, 1).numbers, 1.0, "the same figure");
        assert_eq!(f(0, 2).numbers, -1.0, "figures, none in common");
        assert_eq!(f(0, 3).numbers, 0.0, "one side states no figure");
        assert_eq!(f(0, 1).embedding, 0.0, "no vectors, no embedding cosine");
        let mut high = f(0, 1);
        high.embedding = 0.9;
        assert!(same_claim(&high, true) > same_claim(&f(0, 1), true), "closer vectors, likelier the same claim");
        assert!((0.0..1.0).contains(&same_claim(&f(0, 3), false)));
    }

    /// Unrelated sentences from a third source, so that term weights are realistic.
    const BACKGROUND: &[&str] = &[
        "The council will vote on the budget next week.",
        "Schools in the region reopened after the holiday.",
        "A new bus line connects the airport with the center.",
        "Police said the investigation was continuing.",
    ];

    fn kind(a: &str, b: &str) -> Option<Kind> {
        let (u, idx) = with_background(&[a, b], &[0, 1]);
        score(&u, &idx, None, 0, 1).map(|p| p.kind)
    }

    #[test]
    fn typographic_variants_are_identical() {
        assert_eq!(kind("“The mayor won’t resign,” she said.", "\"The MAYOR won't  resign,\" she said"), Some(Kind::Identical));
    }

    #[test]
    fn changed_attribution_is_minor() {
        assert_eq!(
            kind("“We will rebuild the bridge by spring,” Mayor Ana Ruiz told reporters.", "“We will rebuild the bridge by spring,” Ruiz said."),
            Some(Kind::Minor)
        );
    }

    #[test]
    fn hyphenated_name_variant_is_minor() {
        assert_eq!(kind("Officials met Lee Jae-myung in Seoul on Friday.", "Officials met Lee Jae Myung in Seoul on Friday."), Some(Kind::Minor));
    }

    #[test]
    fn added_clause_is_minor() {
        assert_eq!(
            kind(
                "The storm cut power to 40,000 homes across the northern districts.",
                "The storm, which arrived overnight, cut power to 40,000 homes across the northern districts."
            ),
            Some(Kind::Minor)
        );
    }

    #[test]
    fn same_claim_in_other_words_is_paraphrase() {
        assert_eq!(
            kind(
                "Flooding forced the evacuation of 300 residents from the riverside district of Oakvale.",
                "Some 300 people living in Oakvale's riverside district had to evacuate because of the flooding."
            ),
            Some(Kind::Paraphrase)
        );
    }

    #[test]
    fn same_topic_different_claim_is_no_match() {
        assert_eq!(
            kind("Flooding forced the evacuation of 300 residents from Oakvale.", "The mayor of Oakvale blamed the flooding on poor drainage maintenance."),
            None
        );
    }

    #[test]
    fn a_sentence_merging_two_consecutive_sentences_matches_both() {
        let texts = [
            "The new president pledged on Monday to resume peace talks with the rebel leaders.",
            "As a goodwill gesture, the army halted artillery shelling along the northern front.",
            "Meanwhile, the new president has pledged to resume peace talks with rebel leaders and halted the artillery shelling as a goodwill gesture.",
        ];
        let (u, idx) = with_background(&texts, &[0, 0, 1]);
        let pairs = align(&u, &idx, None, &index::candidates(&u, &idx));
        let conf = |a: usize| pairs.iter().find(|p| (p.a, p.b) == (a, 2)).map(|p| p.confidence);
        let (first, second) = (conf(0), conf(1));
        assert!(first.is_some() && second.is_some(), "{pairs:?}");
        // The second is well below the best: only the merged-sentence rule keeps it.
        assert!(second.unwrap() < BEST_SLACK * first.unwrap(), "{first:?} {second:?}");
    }

    /// Units of `texts` from `sources`, those at `titles` headlines, aligned without vectors.
    fn aligned_with_titles(texts: &[&str], sources: &[usize], titles: &[usize]) -> Vec<Pair> {
        let (mut u, idx) = with_background(texts, sources);
        for &t in titles {
            u[t].role = Role::Title;
        }
        align(&u, &idx, None, &index::candidates(&u, &idx))
    }

    #[test]
    fn a_headline_matches_the_other_headline_and_a_sentence_of_the_other_lead() {
        let texts = [
            "First woman harbor pilot Mara Lind dies",
            "Mara Lind, the port's first woman pilot, died on Sunday in a hospice, her family said.",
            "Mara Lind, first woman harbor pilot, dies at 88",
            "Lind, who for three decades steered oil tankers past the breakwater as the port's first woman pilot, died on Sunday in a hospice, her family said.",
            "She was born in the port town of Kessel and went to sea at 16.",
        ];
        let mut late = texts.to_vec();
        // The same sentence after the lead: a headline's second counterpart is sought in the lead.
        late.splice(3..3, ["The port authority thanked its pilots.", "Tanker traffic rose in the spring.", "The harbor was dredged last year."]);
        for (texts, sources, lead_sentence, in_lead) in [(&texts[..], &[0, 0, 1, 1, 1][..], 3, true), (&late[..], &[0, 0, 1, 1, 1, 1, 1, 1][..], 6, false)] {
            let pairs = aligned_with_titles(texts, sources, &[0, 2]);
            let linked = |b: usize| pairs.iter().any(|p| (p.a, p.b) == (0, b));
            assert!(linked(2), "{pairs:?}");
            assert_eq!(linked(lead_sentence), in_lead, "{pairs:?}");
        }
    }

    #[test]
    fn a_headline_is_not_matched_with_another_fact_about_its_subject() {
        // The other source's lead opens with another fact about the mayor, and the headline's
        // own source does not state it: the lead's best for the headline is not its claim.
        let lead_case = [
            "Mayor Ana Ruiz resigns in Kessel",
            "Ana Ruiz stepped down on Monday after six years in office.",
            "Her deputy will lead the city until an election.",
            "Kessel mayor Ana Ruiz quits",
            "Kessel mayor Ana Ruiz was fined by the ethics board in March.",
            "She announced on Monday she would leave office.",
            "Her deputy takes over.",
        ];
        // The other source has no headline, and the other fact comes after its lead: it must
        // be near the headline's best in that source, which the lead holds.
        let rest_case = [
            "Mayor Ana Ruiz resigns in Kessel",
            "Ana Ruiz stepped down on Monday after six years in office.",
            "Her deputy will lead the city until an election.",
            "The mayor of Kessel, Ana Ruiz, resigned on Monday.",
            "Her deputy takes over.",
            "An election will follow in the autumn.",
            "The council thanked her.",
            "Ana Ruiz, mayor of Kessel since 2019, was fined by the ethics board in March.",
        ];
        for (texts, sources, titles, wrong) in [(&lead_case[..], &[0, 0, 0, 1, 1, 1, 1][..], &[0, 3][..], 4), (&rest_case[..], &[0, 0, 0, 1, 1, 1, 1, 1][..], &[0][..], 7)] {
            let pairs = aligned_with_titles(texts, sources, titles);
            assert!(!pairs.iter().any(|p| (p.a, p.b) == (0, wrong)), "{} / {}: {pairs:?}", texts[0], texts[wrong]);
        }
    }

    #[test]
    fn a_merged_sentence_is_linked_with_the_family_of_each_sentence_it_merges() {
        // Source 0 says two things in two sentences, source 1 runs them together, source 2
        // says only the second, in other words than source 0.
        let texts = [
            "The new president pledged on Monday to resume peace talks with the rebel leaders.",
            "As a goodwill gesture, the army halted artillery shelling along the northern front.",
            "Meanwhile, the new president has pledged to resume peace talks with rebel leaders and halted the artillery shelling as a goodwill gesture.",
            "Officers said the army halted artillery shelling along the northern front as a gesture.",
        ];
        let (u, idx) = with_background(&texts, &[0, 0, 1, 2]);
        let direct = align(&u, &idx, None, &index::candidates(&u, &idx));
        let linked = |pairs: &[Pair], a: usize, b: usize| pairs.iter().any(|p| (p.a, p.b) == (a, b));
        assert!(linked(&direct, 0, 2) && linked(&direct, 1, 2) && linked(&direct, 1, 3), "{direct:?}");
        assert!(!linked(&direct, 2, 3), "the merged sentence and the short one are not matched directly");
        let families = crate::group::families(&u, &direct);
        let implied = implied(&u, &idx, None, &families, &direct);
        assert!(linked(&implied, 2, 3), "{implied:?} {families:?}");
    }
}
