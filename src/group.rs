//! What the pairs add up to: families of sentences, families of quotations, and how much
//! each two sources share.

use crate::align::Pair;
use crate::index::{Index, Unit};
use crate::normalize;
use crate::quote::Quoted;
use crate::report::Kind;
use crate::hash::{Map, Set};

/// Sentences from different sources that say the same thing.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// Global unit indices, by source (usually one per source).
    pub members: Vec<usize>,
    /// The closest kind of the links that built it.
    pub kind: Kind,
    /// The member with the most links inside the family.
    pub center: usize,
}

struct Sets {
    parent: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Self {
        Sets { parent: (0..n).collect() }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

/// Builds families from the pairs, strongest first, joining two families only when they have
/// no source in common: a family shows each source's one sentence for the claim, and a
/// sentence that bridges two claims cannot chain them into one sprawling family. A matched
/// sentence left out that way (its source already has a member) then joins its strongest
/// counterpart's family as a second sentence of its source, so every matched sentence is in
/// a family.
pub fn families(units: &[Unit], pairs: &[Pair]) -> Vec<Family> {
    let mut order: Vec<&Pair> = pairs.iter().collect();
    order.sort_by(|x, y| x.kind.cmp(&y.kind).then(y.score.total_cmp(&x.score)).then((x.a, x.b).cmp(&(y.a, y.b))));
    let mut sets = Sets::new(units.len());
    let mut sources: Map<usize, Vec<usize>> = Map::default();
    let mut kind: Map<usize, Kind> = Map::default();
    for p in &order {
        let (ra, rb) = (sets.find(p.a), sets.find(p.b));
        if ra == rb {
            continue;
        }
        let sa = sources.remove(&ra).unwrap_or_else(|| vec![units[p.a].source]);
        let sb = sources.remove(&rb).unwrap_or_else(|| vec![units[p.b].source]);
        if sa.iter().any(|s| sb.contains(s)) {
            sources.insert(ra, sa);
            sources.insert(rb, sb);
            continue;
        }
        let k = [kind.remove(&ra), kind.remove(&rb), Some(p.kind)].into_iter().flatten().min().unwrap_or(p.kind);
        sets.parent[rb] = ra;
        sources.insert(ra, sa.into_iter().chain(sb).collect());
        kind.insert(ra, k);
    }
    // A sentence left out because its source already has a member in its counterpart's family
    // says the same thing again: it joins the family of its strongest counterpart.
    for p in &order {
        for (x, y) in [(p.a, p.b), (p.b, p.a)] {
            let (rx, ry) = (sets.find(x), sets.find(y));
            if rx != ry && !kind.contains_key(&rx) && kind.contains_key(&ry) {
                sets.parent[rx] = ry;
            }
        }
    }
    let mut members: Map<usize, Vec<usize>> = Map::default();
    for u in 0..units.len() {
        let r = sets.find(u);
        if kind.contains_key(&r) {
            members.entry(r).or_default().push(u);
        }
    }
    let mut links: Map<usize, usize> = Map::default();
    for p in pairs {
        if sets.find(p.a) == sets.find(p.b) {
            *links.entry(p.a).or_default() += 1;
            *links.entry(p.b).or_default() += 1;
        }
    }
    let mut out: Vec<Family> = members
        .into_iter()
        .map(|(root, mut m)| {
            m.sort_unstable_by_key(|&u| (units[u].source, u));
            let center = *m.iter().max_by_key(|&&u| (links.get(&u).copied().unwrap_or(0), std::cmp::Reverse(u))).unwrap_or(&m[0]);
            Family { members: m, kind: kind[&root], center }
        })
        .collect();
    let spread = |f: &Family| {
        let mut s: Vec<usize> = f.members.iter().map(|&u| units[u].source).collect();
        s.dedup();
        s.len()
    };
    out.sort_by_key(|f| (std::cmp::Reverse(spread(f)), std::cmp::Reverse(f.members.len()), f.members[0]));
    out
}

/// Links quotations across sources when one contains most of the other's words in order
/// (a source may quote a longer or shorter stretch), or when a one-word quotation (“receptive”)
/// is quoted alone elsewhere too, or appears inside a quotation in a sentence it was matched with. Returns families of indices
/// into `quoted`, the most widely carried first.
pub fn quote_families(units: &[Unit], index: &Index, quoted: &[Quoted], pairs: &[Pair]) -> Vec<Vec<usize>> {
    let vocabulary = &index.vocabulary;
    // Each quotation's terms as text ids, from the terms of the words inside its span.
    let terms: Vec<Vec<u32>> = quoted
        .iter()
        .map(|q| {
            let inside = |w: &&normalize::Word| w.span.start >= q.span.start && w.span.end <= q.span.end;
            let words = units[q.unit].words.iter().filter(inside);
            words.flat_map(|w| vocabulary.terms_of(w.surface).iter().map(|&(t, _)| t)).collect()
        })
        .collect();
    let content: Vec<Vec<u32>> =
        terms.iter().map(|ts| ts.iter().copied().filter(|&t| !normalize::is_stopword(vocabulary.text(t))).collect()).collect();
    let bags: Vec<Vec<u32>> = terms
        .iter()
        .map(|ts| {
            let mut bag = ts.clone();
            bag.sort_unstable();
            bag
        })
        .collect();
    let matched: Set<(usize, usize)> = pairs.iter().map(|p| (p.a, p.b)).collect();
    let is_matched = |a: usize, b: usize| matched.contains(&(a.min(b), a.max(b)));

    let mut sets = Sets::new(quoted.len());
    // The same words quoted again are linked to their first occurrence directly, and only
    // first occurrences are compared: copies cost linear work.
    let mut first: Map<&[u32], usize> = Map::default();
    let mut repeat = vec![false; quoted.len()];
    for q in 0..quoted.len() {
        match first.get(terms[q].as_slice()) {
            Some(&f) => {
                let (rf, rq) = (sets.find(f), sets.find(q));
                sets.parent[rq] = rf;
                repeat[q] = true;
            }
            None => {
                first.insert(terms[q].as_slice(), q);
            }
        }
    }
    let mut postings: Map<u32, Vec<usize>> = Map::default();
    for q in (0..quoted.len()).filter(|&q| !repeat[q]) {
        let mut seen = Set::default();
        for &t in &content[q] {
            if seen.insert(t) {
                postings.entry(t).or_default().push(q);
            }
        }
    }
    let mut tried = Set::default();
    for list in postings.values() {
        if list.len() > 500 {
            continue;
        }
        for (k, &x) in list.iter().enumerate() {
            for &y in &list[k + 1..] {
                let (ux, uy) = (quoted[x].unit, quoted[y].unit);
                if units[ux].source == units[uy].source || !tried.insert((x, y)) {
                    continue;
                }
                let (cx, cy) = (&content[x], &content[y]);
                let shorter = cx.len().min(cy.len());
                let linked = if shorter >= 2 {
                    let (short, long) = if terms[x].len() <= terms[y].len() { (x, y) } else { (y, x) };
                    let short_all = terms[short].len();
                    // The words the two share in any order bound the aligned ones.
                    let found = crate::align::bag_overlap(&bags[short], &bags[long]);
                    found * 5 >= short_all * 4 && {
                        let common = crate::align::lcs_len(&terms[x], &terms[y]);
                        common >= 2 && common * 5 >= short_all * 4
                    }
                } else {
                    // One quoted word: the same word quoted alone elsewhere, or inside a
                    // longer quotation in a sentence it was matched with.
                    shorter == 1 && (cx == cy || is_matched(ux, uy))
                };
                if linked {
                    let (rx, ry) = (sets.find(x), sets.find(y));
                    sets.parent[ry] = rx;
                }
            }
        }
    }
    let mut families: Map<usize, Vec<usize>> = Map::default();
    for q in 0..quoted.len() {
        families.entry(sets.find(q)).or_default().push(q);
    }
    let mut out: Vec<Vec<usize>> = families.into_values().collect();
    let spread = |f: &Vec<usize>| f.iter().map(|&q| units[quoted[q].unit].source).collect::<Set<_>>().len();
    for f in out.iter_mut() {
        f.sort_unstable();
    }
    out.sort_by_key(|f| (std::cmp::Reverse(spread(f)), f[0]));
    out
}

/// The speaker most sources agree on, by surname (`Leavitt` and `Karoline Leavitt` agree),
/// given in its fullest form; personal names (see [`crate::quote::person`]) beat other
/// capitalised attributions (`White House`, `November`), which beat descriptions (`a
/// spokesperson`).
pub fn consensus<'a>(speakers: impl Iterator<Item = Option<&'a str>>) -> Option<String> {
    let mut by_surname: Map<String, (usize, &'a str)> = Map::default();
    let mut order = Vec::new();
    for s in speakers.flatten() {
        let surname = s.split_whitespace().last().unwrap_or(s).to_lowercase();
        let e = by_surname.entry(surname.clone()).or_insert((0, s));
        e.0 += 1;
        if s.len() > e.1.len() {
            e.1 = s;
        }
        if !order.contains(&surname) {
            order.push(surname);
        }
    }
    let proper = |s: &str| s.split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    order
        .iter()
        .map(|k| by_surname[k])
        .enumerate()
        .max_by_key(|&(i, (n, s))| (crate::quote::person(s).is_some(), proper(s), n, std::cmp::Reverse(i)))
        .map(|(_, (_, s))| s.to_string())
}

/// `m[i][j]`: the share of sentences of sources `i` and `j` (together) that have a match in
/// the other one of the two.
pub fn similarity(units: &[Unit], partners: &[Vec<usize>], n: usize) -> Vec<Vec<f64>> {
    let mut total = vec![0usize; n];
    let mut shared = vec![vec![0usize; n]; n];
    for (u, unit) in units.iter().enumerate() {
        if !unit.comparable() {
            continue;
        }
        total[unit.source] += 1;
        for &other in &partners[u] {
            shared[unit.source][other] += 1;
        }
    }
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if i == j {
                        return 1.0;
                    }
                    let both = total[i] + total[j];
                    if both == 0 {
                        0.0
                    } else {
                        ((shared[i][j] + shared[j][i]) as f64 / both as f64 * 1000.0).round() / 1000.0
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_consensus_speaker_is_a_name_before_a_description() {
        assert_eq!(consensus([Some("White House"), Some("Karoline Leavitt"), Some("White House")].into_iter()).as_deref(), Some("Karoline Leavitt"));
        assert_eq!(consensus([Some("November"), Some("which the navy")].into_iter()).as_deref(), Some("November"));
        assert_eq!(consensus([Some("I"), Some("Mark Roesler")].into_iter()).as_deref(), Some("Mark Roesler"));
    }
}
