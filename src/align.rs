//! Alignment: score candidate pairs, decide their kind, and explain them word by word.

use crate::embed::Embedded;
use crate::group::Family;
use crate::index::{Index, Unit};
use crate::score::same_claim;
use crate::normalize::{self, Vocabulary, Word};
use crate::report::{Conflict, ConflictKind, DiffOp, DiffTag, Kind, Role};
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
/// factor of it.
const BEST_SLACK: f64 = 0.9;

/// Scores every candidate pair and keeps those that carry the same content.
///
/// Identical and minor pairs are kept as they are. A paraphrase is kept only when it is (within
/// [`BEST_SLACK`]) the best counterpart of both its sentences in each other's source: reports of
/// one story share their names and topic words everywhere, and a sentence's best counterpart
/// is far more often a true paraphrase than its second best.
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
    // Each unit's best paraphrase confidence in each other source, and the counterpart with it.
    let mut best: Map<(usize, usize), (f64, usize)> = Map::default();
    for p in scored.iter().filter(|p| p.kind == Kind::Paraphrase) {
        for (u, other) in [(p.a, p.b), (p.b, p.a)] {
            let e = best.entry((u, units[other].source)).or_insert((0.0, other));
            if p.confidence > e.0 {
                *e = (p.confidence, other);
            }
        }
    }
    // Near the best; or, for a sentence that merges two consecutive body sentences of the
    // other source, the one after or before its best: it must be the best for that sentence,
    // and about another part of this one (see [`other_claim`]).
    let kept = |u: usize, other: usize, confidence: f64| {
        let (top, rival) = best[&(u, units[other].source)];
        let body = |x: usize| units[x].role == Role::Body;
        confidence >= BEST_SLACK * top
            || (consecutive(units, other, rival) && body(other) && body(rival) && best[&(other, units[u].source)].1 == u && other_claim(index, u, other, rival))
    };
    let matches = scored.into_iter().filter(|p| p.kind != Kind::Paraphrase || (kept(p.a, p.b, p.confidence) && kept(p.b, p.a, p.confidence))).collect();
    (matches, near, screened)
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
        embedding: embedded.map_or(0.0, |e| e.cosine(a, b)),
        numbers: numbers(index, a, b),
        shared_common: shared_common(index, a, b),
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
    let bound = cheap_features(index, embedded, a, b, shared);
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
/// [`align_all`] and again wanted by [`explain`] for every match (2% of a comparison's
/// instructions on the seeds and on all 982 ECB+ articles, when it was read again).
pub struct UnitClaims {
    cells: Vec<OnceCell<Claims>>,
    negating: Vec<bool>,
}

impl UnitClaims {
    /// Room for the claims of `units`, none read yet.
    pub fn new(units: &[Unit], v: &Vocabulary) -> Self {
        UnitClaims { cells: units.iter().map(|_| OnceCell::new()).collect(), negating: units.iter().map(|u| crate::polarity::may_negate(v, &u.words)).collect() }
    }

    /// Unit `u`'s cell, for a [`Side`].
    pub fn cell(&self, u: usize) -> &OnceCell<Claims> {
        &self.cells[u]
    }

    /// Whether a word of unit `u` could negate.
    pub fn may_negate(&self, u: usize) -> bool {
        self.negating[u]
    }

    /// Unit `u` as one side of an [`explain`]; `texts` are the sources' texts.
    pub fn side<'a>(&'a self, units: &'a [Unit], index: &'a Index, texts: &[&'a str], u: usize) -> Side<'a> {
        Side { text: texts[units[u].source], words: &units[u].words, surfaces: &index.words[u], claims: &self.cells[u], negating: self.negating[u] }
    }
}

/// The near misses of [`align_all`] in which one sentence denies what the other affirms (see
/// [`OPPOSED_MIN`]); `texts` are the sources' inputs, which the units' spans index.
pub fn opposed(units: &[Unit], index: &Index, texts: &[&str], near: &[Pair], claims: &UnitClaims) -> Vec<Pair> {
    let read = |u: usize| claims.cell(u).get_or_init(|| crate::polarity::claims(&index.vocabulary, texts[units[u].source], &units[u].words));
    near.iter().filter(|p| crate::polarity::opposed(read(p.a), read(p.b)).is_some()).cloned().collect()
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

/// Sentences longer than this are diffed by their common prefix and suffix only, which keeps
/// a pathological pair (two 10,000-word "sentences") from costing quadratic memory.
const DIFF_MAX: usize = 400;

/// The longest common subsequence table walk: pairs of equal positions, in order.
fn lcs_pairs<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<(usize, usize)> {
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
fn lcs_len_bits(a: &[u32], positions: &[(u32, u64)], m: usize) -> usize {
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
fn common_ends<T: PartialEq>(a: &[T], b: &[T]) -> (usize, usize) {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..].iter().rev().zip(b[prefix..].iter().rev()).take_while(|(x, y)| x == y).count();
    (prefix, suffix)
}

/// One sentence as the diff sees it: its text and its words.
pub struct Side<'a> {
    /// The text the words' spans point into.
    pub text: &'a str,
    /// The sentence's words.
    pub words: &'a [Word],
    /// The words' surfaces in one slice (the index's `words` of the sentence): what the diff
    /// compares.
    pub surfaces: &'a [u32],
    /// What the sentence affirms and denies, once read (see [`UnitClaims`]).
    pub claims: &'a OnceCell<Claims>,
    /// Whether a word of it could negate ([`crate::polarity::may_negate`]).
    pub negating: bool,
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
/// them into its tape as slices of the sentences (see [`crate::tape`]) and the refutation
/// check reads only the conflicts, so neither pays for a `String` per run.
pub fn explain_spans<'s>(v: &Vocabulary, a: &'s Side, b: &'s Side, with_conflicts: bool) -> (Vec<DiffSpan>, Vec<Conflict>) {
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
                found.push(Conflict { kind, a: text(a, del), b: text(b, ins) });
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

/// A figure in a run of words: its digits, and what it counts.
struct Quantity {
    /// The digits (`8` for `8-year`, `eight` and `8`; `1999` for `$1,999`).
    value: String,
    /// Its unit: letters glued to it (`km`, `bn`, `-year`), else the next content word in
    /// the run, else `None`: the word after the run, which both runs share.
    unit: Option<String>,
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
        let digits_end = t.text.find(|c: char| !c.is_ascii_digit() && !matches!(c, '.' | ',' | ':')).unwrap_or(t.text.len());
        let value: String = t.text[..digits_end].chars().filter(char::is_ascii_digit).collect();
        let glued = &t.text[digits_end..];
        // `1950s` and `50s` are one decade.
        let value = if glued == "s" && value.len() == 4 { value[2..].to_string() } else { value };
        let unit = if !glued.is_empty() {
            Some(glued.trim_start_matches(['-', '.']).to_string())
        } else {
            // The next content term of the run that is not itself a figure.
            terms[k + 1..].iter().find(|n| !n.stop && !n.text.starts_with(|c: char| c.is_ascii_digit())).map(|n| n.text.clone())
        };
        out.push(Quantity { value, unit: unit.map(|u| unit_name(&u)) });
    }
    out
}

/// A word that states a figure: it starts with a digit (`12`, `8-year`, `$`-less `1,999`) or
/// is a number word (`eight`, `forty-two`). `AK-47` and `SMW4` are names.
fn is_figure(surface: &str) -> bool {
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

/// Whether two runs of words say the same after normalization, counting the usual
/// short and long names of a few countries and bodies as the same, and a word and its
/// abbreviation or other spelling (`Dec.`/`December`, `Sgt`/`Sergeant`, `U. K`/`UK`,
/// `Co-operation`/`Cooperation`, `Advisers`/`Advisors`).
fn same_terms(a: &[Word], b: &[Word], v: &Vocabulary) -> bool {
    const ALIASES: &[&[&str]] = &[
        &["us", "usa", "united states", "united states of america", "america"],
        &["uk", "united kingdom", "britain", "great britain"],
        &["un", "united nations"],
        &["eu", "european union"],
        &["uae", "united arab emirates"],
    ];
    let terms = |w: &[Word]| normalize::terms(w, v).into_iter().map(|t| t.text).collect::<Vec<_>>();
    let name = |w: &[Word]| {
        let spaced = w.iter().map(|w| v.text(w.surface).replace('.', "")).collect::<Vec<_>>().join(" ");
        let compact: String = spaced.chars().filter(|c| c.is_alphanumeric()).collect();
        ALIASES.iter().find(|g| g.contains(&spaced.as_str()) || g.contains(&compact.as_str())).map_or(compact, |g| g[0].replace(' ', ""))
    };
    if terms(a) == terms(b) {
        return true;
    }
    let (na, nb) = (name(a), name(b));
    na == nb
        || (a.len() == 1 && b.len() == 1 && (abbreviates(&na, &nb) || abbreviates(&nb, &na) || one_edit_apart(&na, &nb)))
        || initials_of(a, b, v)
        || initials_of(b, a, v)
        || [a, b].iter().any(|w| w.iter().all(|w| HONORIFICS.contains(&v.text(w.surface).trim_end_matches('.'))))
}

/// Titles that stand for a person's first name (`Mr Smith`, `John Smith`): not a different name.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "mme", "m"];

/// `IE`/`Internet Explorer`, `AMA's`/`American Medical Association's`: an acronym (one word
/// written in capitals) of the other run's words.
fn initials_of(acronym: &[Word], words: &[Word], v: &Vocabulary) -> bool {
    let [w] = acronym else { return false };
    let letters: String = v.text(w.surface).trim_end_matches("'s").chars().filter(|c| c.is_alphanumeric()).collect();
    let initials: String = words.iter().filter_map(|w| v.text(w.surface).chars().next()).collect();
    words.len() >= 2 && letters.len() == words.len() && letters == initials
}

/// `short` is an abbreviation of `long`: its start (`dec`/`december`, `ark`/`arkansas`), or
/// its letters in order with the same first and last letter (`sgt`/`sergeant`, `lt`/`lieutenant`).
fn abbreviates(short: &str, long: &str) -> bool {
    let (s, l) = (short.trim_end_matches('s'), long);
    if s.len() < 2 || s.len() >= l.len() || !s.is_ascii() || !l.is_ascii() {
        return false;
    }
    if l.starts_with(s) {
        return true;
    }
    let mut rest = l.bytes();
    s.bytes().all(|c| rest.any(|d| d == c)) && s.as_bytes()[0] == l.as_bytes()[0] && s.as_bytes()[s.len() - 1] == l.as_bytes()[l.len() - 1]
}

/// Spelling variants of a longer word: one letter added, dropped or changed
/// (`advisers`/`advisors`, `marshal`/`marshall`, `technicolor`/`technicolour`).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (prefix, suffix) = common_ends(&a, &b);
    a.len().max(b.len()) - prefix - suffix <= 1 && a.len().min(b.len()) - prefix - suffix <= 1
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
    use crate::index::{self, Unit};
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
        let pairs = opposed(&u, &idx, &inputs, &near, &UnitClaims::new(&u, &idx.vocabulary));
        assert_eq!(pairs.iter().map(|p| (p.a, p.b)).collect::<Vec<_>>(), vec![(0, 1)]);
        let agreeing = ["The reservoir was drained last spring, officials confirmed.", "Officials confirmed the reservoir was drained in the spring."];
        let (u, idx) = with_background(&agreeing, &[0, 1]);
        let inputs: Vec<&str> = agreeing.iter().chain(BACKGROUND).copied().collect();
        assert!(opposed(&u, &idx, &inputs, &near, &UnitClaims::new(&u, &idx.vocabulary)).is_empty(), "agreement is not opposition");
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

    #[test]
    fn diff_marks_replaced_words() {
        let a = "The bridge reopened on Monday.";
        let b = "The bridge reopened on Tuesday.";
        let (ops, _) = explained(a, b);
        let tags: Vec<DiffTag> = ops.iter().map(|o| o.op).collect();
        assert_eq!(tags, [DiffTag::Equal, DiffTag::Delete, DiffTag::Insert]);
        assert_eq!((ops[1].a.as_str(), ops[2].b.as_str()), ("Monday", "Tuesday"));
    }

    /// `explain` of two sentences.
    fn explained(a: &str, b: &str) -> (Vec<DiffOp>, Vec<Conflict>) {
        let mut vocabulary = Vocabulary::default();
        let (wa, wb) = (normalize::words(a, 0..a.len(), &mut vocabulary), normalize::words(b, 0..b.len(), &mut vocabulary));
        let surfaces = |w: &[Word]| w.iter().map(|w| w.surface).collect::<Vec<_>>();
        let (sa, sb) = (surfaces(&wa), surfaces(&wb));
        let (ca, cb) = (OnceCell::new(), OnceCell::new());
        let negating = |w: &[Word]| crate::polarity::may_negate(&vocabulary, w);
        let (na, nb) = (negating(&wa), negating(&wb));
        explain(&vocabulary, &Side { text: a, words: &wa, surfaces: &sa, claims: &ca, negating: na }, &Side { text: b, words: &wb, surfaces: &sb, claims: &cb, negating: nb }, true)
    }

    fn conflict_of(a: &str, b: &str) -> Vec<(ConflictKind, String, String)> {
        explained(a, b).1.into_iter().map(|c| (c.kind, c.a, c.b)).collect()
    }

    #[test]
    fn different_figures_in_the_same_slot_conflict() {
        assert_eq!(conflict_of("At least 12 people died in the fire.", "At least 15 people died in the fire."), [(ConflictKind::Number, "12".into(), "15".into())]);
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
        assert!(conflict_of("Police said Mr Okafor was hurt.", "Police said Daniel Okafor was hurt.").is_empty());
    }

    #[test]
    fn numbers_for_different_things_do_not_conflict() {
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
