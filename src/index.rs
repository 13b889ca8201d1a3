//! The index: term statistics over all sentences, and the candidate pairs worth scoring.
//!
//! Comparing every sentence with every other grows with the square of the input; instead,
//! pairs come from an inverted index over content terms, so only sentences that share
//! something rare enough to matter are ever scored.

use crate::lexicon::Lexicon;
use crate::normalize::{Vocabulary, Word};
use crate::report::Role;
use crate::hash::{Map, Set};
use std::ops::Range;

/// A sentence ready to compare: where it is, and its words and terms.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Index of its source.
    pub source: usize,
    /// Byte range in its source's input.
    pub span: Range<usize>,
    /// Title, body, caption or speaker line.
    pub role: Role,
    /// Its words, in order.
    pub words: Vec<Word>,
}

impl Unit {
    /// Speaker labels are never matched; everything else is.
    pub fn comparable(&self) -> bool {
        self.role != Role::Speaker && !self.words.is_empty()
    }
}

/// Term weights and each unit's weighted content terms.
#[derive(Debug, Clone)]
pub struct Index {
    /// For each unit: its distinct content terms with their weights, sorted by term id.
    pub vectors: Vec<Vec<(u32, f64)>>,
    /// For each unit: the Euclidean norm of its vector.
    pub norms: Vec<f64>,
    /// For each unit: the sum of its vector's weights.
    pub masses: Vec<f64>,
    /// For each term id: how many units contain it.
    pub df: Vec<u32>,
    /// For each unit: its words' surfaces as ids, in order (equal ids, equal surfaces), so
    /// that comparing words costs an integer comparison.
    pub words: Vec<Vec<u32>>,
    /// For each unit: its terms' texts as ids, in order (stop words included).
    pub terms: Vec<Vec<u32>>,
    /// For each unit: the same ids sorted, so that what two units have in common, order
    /// aside, costs one merge.
    pub bags: Vec<Vec<u32>>,
    /// For each unit of at most 64 terms: its distinct term ids, sorted, each with the bit set
    /// of the positions it takes (empty for longer units). Lets the alignment compare a
    /// sentence with this one a machine word at a time.
    pub positions: Vec<Vec<(u32, u64)>>,
    /// For each unit: the surfaces of its words that hold a digit (its figures), and `N-M` for
    /// each `N to M` (see [`figures_of`]), sorted.
    pub figures: Vec<Vec<u32>>,
    /// For each unit: its specific figures (see [`specific_figure`]) that no other sentence of
    /// its source states, sorted. Two sources that each state `$212,500` or `38-2` once are
    /// almost always stating the same fact there, however differently the rest is worded.
    pub anchors: Vec<Vec<u32>>,
    /// For each source: the figures of all its units (see `figures`), sorted, each once.
    pub source_figures: Vec<Vec<u32>>,
    /// Pairs of capitalised words (surface ids, the lower first) that some sentence of the
    /// comparison writes side by side, with at most a comma or a bracket between them:
    /// `Creighton Bluejays`, `Millom, Cumbria`. Parts of one name, or a place and the place it
    /// is in, which two reports naming one each do not disagree on.
    pub joined: Set<(u32, u32)>,
    /// The texts behind the ids of `words` and `terms`, and each surface's terms.
    pub vocabulary: Vocabulary,
}

/// Weighs the terms of `units` by inverse document frequency over the whole comparison, so
/// that the story's ever-present names (the president, the country) count for little and
/// the details that tell sentences apart count for much. `vocabulary` is the one the units'
/// words were read with; the index keeps it.
pub fn build(units: &[Unit], mut vocabulary: Vocabulary) -> Index {
    let lexicon = Lexicon::shared();
    let mut words: Vec<Vec<u32>> = Vec::with_capacity(units.len());
    let mut terms: Vec<Vec<u32>> = Vec::with_capacity(units.len());
    // Per unit: its content terms as (text id, is a name here).
    let mut content: Vec<Vec<(u32, bool)>> = Vec::with_capacity(units.len());
    for unit in units {
        let mut keys = Vec::with_capacity(unit.words.len());
        let mut ids = Vec::with_capacity(unit.words.len() + unit.words.len() / 8);
        let mut own = Vec::with_capacity(unit.words.len());
        for (w, word) in unit.words.iter().enumerate() {
            keys.push(word.surface);
            for &(id, stop) in vocabulary.terms_of(word.surface) {
                ids.push(id);
                if !stop && unit.comparable() {
                    own.push((id, w > 0 && word.capitalized));
                }
            }
        }
        words.push(keys);
        terms.push(ids);
        content.push(own);
    }
    let bags: Vec<Vec<u32>> = terms
        .iter()
        .map(|t| {
            let mut bag = t.clone();
            bag.sort_unstable();
            bag
        })
        .collect();
    let positions = terms
        .iter()
        .zip(&bags)
        .map(|(t, bag)| {
            let mut sets: Vec<(u32, u64)> = Vec::with_capacity(if t.len() <= 64 { bag.len() } else { 0 });
            if t.len() <= 64 {
                for &id in bag {
                    if sets.last().is_none_or(|&(last, _)| last != id) {
                        sets.push((id, 0));
                    }
                }
                for (k, id) in t.iter().enumerate() {
                    let at = sets.binary_search_by_key(id, |&(i, _)| i).expect("every id is in the bag");
                    sets[at].1 |= 1 << k;
                }
            }
            sets
        })
        .collect();
    // Content terms are weighed by their canonical form (a thesaurus entry for synonyms),
    // numbered in order of first appearance.
    let mut ids: Map<&str, u32> = Map::default();
    let mut canonical_of = vec![u32::MAX; vocabulary.len()];
    let per_unit: Vec<Vec<(u32, bool)>> = content
        .into_iter()
        .map(|own| {
            let mut terms: Vec<(u32, bool)> = own
                .into_iter()
                .map(|(id, name)| {
                    let canonical = &mut canonical_of[id as usize];
                    if *canonical == u32::MAX {
                        let next = ids.len() as u32;
                        *canonical = *ids.entry(lexicon.canonical(vocabulary.text(id))).or_insert(next);
                    }
                    (*canonical, name)
                })
                .collect();
            crate::sort::by_key(&mut terms, |&(id, name)| crate::sort::pair(id as usize, name as usize));
            terms.dedup_by_key(|(id, _)| *id);
            terms
        })
        .collect();
    let mut df = vec![0u32; ids.len()];
    for terms in &per_unit {
        for &(t, _) in terms {
            df[t as usize] += 1;
        }
    }
    let n = units.len().max(1) as f64;
    let idf: Vec<f64> = df.iter().map(|&d| (1.0 + n / d.max(1) as f64).ln()).collect();
    let vectors: Vec<Vec<(u32, f64)>> = per_unit
        .into_iter()
        .map(|terms| terms.into_iter().map(|(t, name)| (t, idf[t as usize] * if name { NAME_WEIGHT } else { 1.0 })).collect())
        .collect();
    let norms = vectors.iter().map(|v| v.iter().map(|(_, w)| w * w).sum::<f64>().sqrt()).collect();
    let masses = vectors.iter().map(|v| v.iter().map(|(_, w)| w).sum::<f64>()).collect();
    let figures: Vec<Vec<u32>> = words.iter().map(|w| figures_of(w, &mut vocabulary)).collect();
    let anchors = anchors(units, &figures, &vocabulary);
    let joined = joined(units);
    let source_figures = source_figures(units, &figures);
    Index { vectors, norms, masses, df, words, terms, bags, positions, figures, anchors, source_figures, joined, vocabulary }
}

/// A unit's figures (see [`Index::figures`]), given its words' surfaces: the words that hold a
/// digit, and a figure written out with `to` (`a margin of 412 to 38`) also as it is written
/// run together (`412-38`: a vote, a score or a range), so that the two spellings state one
/// figure and can anchor each other. Sorted.
fn figures_of(words: &[u32], vocabulary: &mut Vocabulary) -> Vec<u32> {
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|c| c.is_ascii_digit());
    let mut out = Vec::new();
    for (k, &s) in words.iter().enumerate() {
        let text = vocabulary.text(s);
        if !text.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push(s);
        if let [to, next] = words.get(k + 1..k + 3).unwrap_or_default() {
            if digits(text) && vocabulary.text(*to) == "to" && digits(vocabulary.text(*next)) {
                let joined = format!("{text}-{}", vocabulary.text(*next));
                out.push(vocabulary.id(&joined));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The `source_figures` of `units`, whose `figures` are given.
fn source_figures(units: &[Unit], figures: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); units.iter().map(|u| u.source + 1).max().unwrap_or(0)];
    for (unit, f) in units.iter().zip(figures) {
        out[unit.source].extend(f);
    }
    for f in &mut out {
        f.sort_unstable();
        f.dedup();
    }
    out
}

/// The `joined` names of `units`. Words hold no text of their own, so what stands between two
/// is judged by its length: one character (a space) or two (`, `, ` (`).
fn joined(units: &[Unit]) -> Set<(u32, u32)> {
    let mut out = Set::default();
    for unit in units {
        for w in unit.words.windows(2) {
            if w[0].capitalized && w[1].capitalized && w[1].span.start - w[0].span.end <= 2 && w[0].surface != w[1].surface {
                out.insert((w[0].surface.min(w[1].surface), w[0].surface.max(w[1].surface)));
            }
        }
    }
    out
}

/// The `anchors` of each unit.
fn anchors(units: &[Unit], figures: &[Vec<u32>], vocabulary: &Vocabulary) -> Vec<Vec<u32>> {
    // (source and figure as one key, unit), sorted: a figure is an anchor of the one unit of
    // its source that states it.
    let mut stated: Vec<(u64, usize)> = Vec::new();
    for (u, f) in figures.iter().enumerate() {
        let mut distinct = f.clone();
        distinct.dedup();
        stated.extend(distinct.into_iter().map(|s| (crate::sort::pair(units[u].source, s as usize), u)));
    }
    stated.sort_unstable();
    let mut out = vec![Vec::new(); units.len()];
    for (k, &(key, u)) in stated.iter().enumerate() {
        let alone = (k == 0 || stated[k - 1].0 != key) && stated.get(k + 1).is_none_or(|next| next.0 != key);
        let surface = (key & u32::MAX as u64) as u32;
        if alone && specific_figure(vocabulary.text(surface)) {
            out[u].push(surface);
        }
    }
    for anchors in &mut out {
        anchors.sort_unstable();
    }
    out
}

/// Whether a figure tells one fact from another: a sum, a score, a time, a magnitude, a
/// figure with a unit (`$212,500`, `38-2`, `9:27`, `5.6`, `27-year-old`) or a plain number of
/// three digits or more; not a plain number of one or two digits (a day of the month, an age,
/// a small count), which several facts of a story share, nor a year alone.
pub fn specific_figure(text: &str) -> bool {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let plain = digits == text.len();
    !(plain && (digits < 3 || (digits == 4 && matches!(text.as_bytes()[0], b'1' | b'2'))))
}

/// How much a name (a capitalised word inside a sentence) counts against other words.
/// Reports of one story share their names everywhere; what tells one claim from another is
/// mostly what is said about them.
const NAME_WEIGHT: f64 = 0.5;

/// Up to this many sources' copies of one sentence are all matched with each other; copies in
/// further sources are matched with the first occurrence only.
pub const CLIQUE: usize = 16;

/// For each unit that repeats the surface words of a unit of another source, the occurrences it
/// is matched with. The first occurrence of a sentence in each of its first [`CLIQUE`] sources
/// is its source's representative: representatives are matched with each other (each with the
/// earlier ones), other copies in those sources with every other source's representative, and
/// copies in further sources with the first representative only. So two hundred copies of one
/// article cost linear work and output, not quadratic, a sentence a source repeats keeps its
/// support, and no sentence is matched with its own source. Linked units are never compared
/// with anything else.
pub fn copies(units: &[Unit], index: &Index) -> Vec<Vec<usize>> {
    let mut slot_of: Map<&[u32], usize> = Map::default();
    let mut representatives: Vec<Vec<usize>> = Vec::new();
    let slots: Vec<Option<usize>> = units
        .iter()
        .enumerate()
        .map(|(i, unit)| {
            if !unit.comparable() {
                return None;
            }
            let slot = *slot_of.entry(&index.words[i]).or_insert_with(|| {
                representatives.push(Vec::new());
                representatives.len() - 1
            });
            let reps = &mut representatives[slot];
            if reps.len() < CLIQUE && reps.iter().all(|&r| units[r].source != unit.source) {
                reps.push(i);
            }
            Some(slot)
        })
        .collect();
    slots
        .iter()
        .enumerate()
        .map(|(i, slot)| {
            let Some(slot) = slot else { return Vec::new() };
            let reps = &representatives[*slot];
            let source = units[i].source;
            if let Some(at) = reps.iter().position(|&r| r == i) {
                reps[..at].to_vec()
            } else if reps.iter().any(|&r| units[r].source == source) {
                reps.iter().copied().filter(|&r| units[r].source != source).collect()
            } else {
                vec![reps[0]]
            }
        })
        .collect()
}

/// Pairs `(i, j)`, `i < j`, of units from different sources worth scoring: each copy with the
/// occurrences it is linked to (see [`copies`]), and among the rest, those whose shared content terms
/// carry at least a fifth of the smaller sentence's weight. Terms in more than
/// `n/10` units (at least 64, at most 250) are too common to propose pairs (they still count
/// in scoring): each term then proposes a bounded number of pairs, so the work grows linearly
/// with the input. On all 982 ECB+ articles at once (86 stories), lowering the ceiling from 1000
/// to 250 dropped a quarter of the matches between different stories and 1% of those within one.
/// Sorted, without repeats.
pub fn candidates(units: &[Unit], index: &Index) -> Vec<(usize, usize)> {
    let copy_of = copies(units, index);
    let n = units.len();
    let cap = (n / 10).clamp(64, 250) as u32;
    // The postings of every term in one list, term after term, units in order within each
    // (`postings[starts[t]..starts[t + 1]]`): one allocation instead of one per term.
    let indexed = |u: usize| index.vectors[u].iter().filter(|&&(t, _)| index.df[t as usize] <= cap).map(|&(t, _)| t as usize);
    let unlinked = || (0..n).filter(|&u| copy_of[u].is_empty());
    let mut starts = vec![0usize; index.df.len() + 1];
    for t in unlinked().flat_map(indexed) {
        starts[t + 1] += 1;
    }
    for t in 0..index.df.len() {
        starts[t + 1] += starts[t];
    }
    let mut postings = vec![0u32; starts[index.df.len()]];
    let mut filled = starts.clone();
    for u in unlinked() {
        for t in indexed(u) {
            postings[filled[t]] = u as u32;
            filled[t] += 1;
        }
    }
    let mut linked: Vec<(usize, usize)> = copy_of.iter().enumerate().flat_map(|(u, linked)| linked.iter().map(move |&e| (e.min(u), e.max(u)))).collect();
    linked.sort_unstable();
    let mut proposed: Vec<(usize, usize)> = Vec::new();
    let mut passed: Vec<usize> = Vec::new();
    // Units come source by source: the first unit after each unit's own source.
    let mut next_source = vec![n; n];
    for u in (0..n.saturating_sub(1)).rev() {
        next_source[u] = if units[u + 1].source != units[u].source { u + 1 } else { next_source[u + 1] };
    }
    let mut acc = vec![0.0f64; n];
    let mut touched: Vec<usize> = Vec::new();
    for (i, vector) in index.vectors.iter().enumerate() {
        if !copy_of[i].is_empty() {
            continue;
        }
        for &(t, w) in vector {
            let list = &postings[starts[t as usize]..starts[t as usize + 1]];
            // Postings are sorted by unit: visiting only units of later sources gives each
            // pair once and never spends work on a source's own sentences.
            let from = list.partition_point(|&u| (u as usize) < next_source[i]);
            for &j in &list[from..] {
                let j = j as usize;
                if acc[j] == 0.0 {
                    touched.push(j);
                }
                acc[j] += w * w;
            }
        }
        for &j in &touched {
            let smaller = index.norms[i].min(index.norms[j]);
            if acc[j] >= 0.2 * smaller * smaller {
                passed.push(j);
            }
            acc[j] = 0.0;
        }
        touched.clear();
        // Sorting each unit's few partners keeps the whole list in order without sorting it.
        passed.sort_unstable();
        proposed.extend(passed.drain(..).map(|j| (i, j)));
    }
    let mut pairs = merge_sorted(linked, proposed);
    pairs.dedup();
    pairs
}

/// The items of two sorted lists in one sorted list.
pub(crate) fn merge_sorted<T: Ord + Copy>(a: Vec<T>, b: Vec<T>) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if a[i] <= b[j] {
            out.push(a[i]);
            i += 1;
        } else {
            out.push(b[j]);
            j += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
