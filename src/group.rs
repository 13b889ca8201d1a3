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
    // Closest kind first, then the highest score, then by units: two stable passes of the one
    // shared sort (src/sort.rs) rather than a comparator sort of its own in the wasm.
    let mut order: Vec<&Pair> = pairs.iter().collect();
    crate::sort::by_key(&mut order, |p| crate::sort::pair(p.a, p.b));
    crate::sort::by_key(&mut order, |p| (p.kind as u64) << 40 | (1e9 - (p.score.clamp(0.0, 1.0) * 1e9)) as u64);
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
    merge_linked(&mut sets, &mut kind, units.len(), pairs);
    // Members by root and links by unit, indexed rather than hashed: the same work, and the
    // wasm no longer holds a `Map<usize, usize>` (0.5 kB gzipped). The families' order is set by
    // the sorts below, whatever order they are gathered in.
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for u in 0..units.len() {
        let r = sets.find(u);
        if kind.contains_key(&r) {
            members[r].push(u);
        }
    }
    let mut links = vec![0usize; units.len()];
    for p in pairs {
        if sets.find(p.a) == sets.find(p.b) {
            links[p.a] += 1;
            links[p.b] += 1;
        }
    }
    let mut out: Vec<Family> = members
        .into_iter()
        .enumerate()
        .filter(|(_, m)| !m.is_empty())
        .map(|(root, mut m)| {
            crate::sort::by_key(&mut m, |&u| crate::sort::pair(units[u].source, u));
            let center = *m.iter().max_by_key(|&&u| (links[u], std::cmp::Reverse(u))).unwrap_or(&m[0]);
            Family { members: m, kind: kind[&root], center }
        })
        .collect();
    let spread = |f: &Family| {
        let mut s: Vec<usize> = f.members.iter().map(|&u| units[u].source).collect();
        s.dedup();
        s.len()
    };
    // The most sources first, then the most members, then by first member (stable passes, as
    // above).
    crate::sort::by_key(&mut out, |f| f.members[0] as u64);
    crate::sort::by_key(&mut out, |f| crate::sort::pair(u32::MAX as usize - spread(f), u32::MAX as usize - f.members.len()));
    out
}

/// Families are joined up to this size: the size up to which a family's members are also
/// paired directly (see [`crate::align::implied`]), so that a join shows in the matches as well
/// as in the groups, and a comparison of hundreds of stories cannot chain into sprawling ones.
const MERGED_MAX: usize = crate::align::IMPLIED_MAX;

/// Joins two families that state one claim. A source often states its main claim two or three
/// times (the headline, the lead, a quotation), so the strict join above splits the claim
/// into families that each hold one of its wordings. Two families are one claim when at least
/// half the members of the smaller one are matched into the other, from at least two members
/// on each side: one sentence that bridges two claims links only from itself, and does not
/// join them.
fn merge_linked(sets: &mut Sets, kind: &mut Map<usize, Kind>, n: usize, pairs: &[Pair]) {
    use crate::sort::pair as key;
    // Families only grow; a few rounds settle what chains of joins can reach.
    for _ in 0..4 {
        let mut size = vec![0usize; n];
        for u in 0..n {
            size[sets.find(u)] += 1;
        }
        // For each two families the pairs join, the members of each side that are linked:
        // (the two roots as one key, member), sorted and deduplicated, then counted per key.
        // Sorted vectors rather than maps of sets: the same sort every other call site uses,
        // where new map types cost the wasm a few kB each.
        let mut sides: [Vec<(u64, usize)>; 2] = [Vec::new(), Vec::new()];
        for p in pairs {
            let (ra, rb) = (sets.find(p.a), sets.find(p.b));
            if ra == rb || !kind.contains_key(&ra) || !kind.contains_key(&rb) {
                continue;
            }
            let (f, g, x, y) = if ra < rb { (ra, rb, p.a, p.b) } else { (rb, ra, p.b, p.a) };
            sides[0].push((key(f, g), x));
            sides[1].push((key(f, g), y));
        }
        let [left, right] = sides.map(distinct_per_key);
        // Both sides hold the same keys, in the same order. The joins as (most links first,
        // the key's place), so that they sort as every other `(u64, usize)` list does.
        let mut joins: Vec<(u64, usize)> = Vec::new();
        for (at, (&(k, x), &(_, y))) in left.iter().zip(&right).enumerate() {
            let (f, g) = ((k >> 32) as usize, (k & u32::MAX as u64) as usize);
            let smaller = if size[f] <= size[g] { x } else { y };
            if x >= 2 && y >= 2 && smaller * 2 >= size[f].min(size[g]) && size[f] + size[g] <= MERGED_MAX {
                joins.push((u64::MAX - (x + y) as u64, at));
            }
        }
        if joins.is_empty() {
            return;
        }
        joins.sort_unstable();
        for (_, at) in joins {
            let k = left[at].0;
            let (rf, rg) = (sets.find((k >> 32) as usize), sets.find((k & u32::MAX as u64) as usize));
            if rf != rg && size[rf] + size[rg] <= MERGED_MAX {
                size[rf] += size[rg];
                let k = kind[&rf].min(kind[&rg]);
                kind.remove(&rg);
                sets.parent[rg] = rf;
                kind.insert(rf, k);
            }
        }
    }
}

/// How many distinct members each key of `side` has, as (key, count) in key order.
fn distinct_per_key(mut side: Vec<(u64, usize)>) -> Vec<(u64, usize)> {
    side.sort_unstable();
    side.dedup();
    let mut counts: Vec<(u64, usize)> = Vec::new();
    for (k, _) in side {
        match counts.last_mut() {
            Some(last) if last.0 == k => last.1 += 1,
            _ => counts.push((k, 1)),
        }
    }
    counts
}

/// Links quotations across sources when one contains most of the other's words in order
/// (a source may quote a longer or shorter stretch), or when a one-word quotation (“receptive”)
/// is quoted alone elsewhere too, or appears inside a quotation in a sentence it was matched
/// with; but never two quotations that different people are said to have said, or that one
/// affirms and the other denies (see [`Linker`]). A quotation of fewer than [`MIN_WORDS`]
/// words is dropped unless another source quotes it too. Returns families of indices into
/// `quoted`, the most widely carried first.
pub fn quote_families(units: &[Unit], index: &Index, quoted: &[Quoted], pairs: &[Pair]) -> Vec<Vec<usize>> {
    let vocabulary = &index.vocabulary;
    let inside = |q: usize| {
        let span = quoted[q].span.clone();
        units[quoted[q].unit].words.iter().filter(move |w| w.span.start >= span.start && w.span.end <= span.end)
    };
    // Each quotation's terms as text ids, from the terms of the words inside its span.
    let terms: Vec<Vec<u32>> = (0..quoted.len()).map(|q| inside(q).flat_map(|w| vocabulary.terms_of(w.surface).iter().map(|&(t, _)| t)).collect()).collect();
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

    let mut linker = Linker::new(quoted);
    // The same words quoted again are linked to their first occurrence directly, and only
    // first occurrences are compared: copies cost linear work. A copy said to be by someone
    // else is compared like any other quotation.
    let mut first: Map<&[u32], usize> = Map::default();
    let mut repeat = vec![false; quoted.len()];
    for q in 0..quoted.len() {
        match first.get(terms[q].as_slice()) {
            Some(&f) => repeat[q] = linker.link(f, q),
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
                        let common = crate::lcs::lcs_len(&terms[x], &terms[y]);
                        common >= 2 && common * 5 >= short_all * 4
                    }
                } else {
                    // One quoted word: the same word quoted alone elsewhere, or inside a
                    // longer quotation in a sentence it was matched with.
                    shorter == 1 && (cx == cy || is_matched(ux, uy))
                };
                if linked {
                    linker.link(x, y);
                }
            }
        }
    }
    let mut families: Map<usize, Vec<usize>> = Map::default();
    for q in 0..quoted.len() {
        families.entry(linker.sets.find(q)).or_default().push(q);
    }
    let sources_of = |f: &Vec<usize>| f.iter().map(|&q| units[quoted[q].unit].source).collect::<Set<_>>().len();
    let mut out: Vec<Vec<usize>> = families
        .into_values()
        .filter_map(|mut f| {
            if sources_of(&f) < 2 {
                f.retain(|&q| inside(q).count() >= MIN_WORDS);
            }
            f.sort_unstable();
            (!f.is_empty()).then_some(f)
        })
        .collect();
    // Most sources first (u32::MAX - count), then by first member.
    crate::sort::by_key(&mut out, |f| crate::sort::pair(u32::MAX as usize - sources_of(f), f[0]));
    out
}

/// A quotation of fewer words than this is not listed on its own: a word or two in quote
/// marks (“idiot”, “No”, “fake news”) is mostly a label, a scare quote or a title, not a
/// statement anyone made; and alone it links by chance with the same word quoted elsewhere.
/// It is kept when another source quotes it too, as part of the same family: outlets echoing
/// someone's word (“receptive”) or quoting a statement in part.
pub const MIN_WORDS: usize = 3;

/// At most this many distinct quotations of each family are compared for opposite claims
/// when two families are to be joined: families of many variants are rare, and the bound keeps
/// a pathological input from costing the product of their sizes at every join.
const CHECKED: usize = 32;

/// Joins quotations into families, refusing a join that would put in one family two
/// quotations said by different people (see [`crate::quote::different_people`]) or stating
/// opposite claims (see [`crate::polarity`]): a chain of partial quotes must not make one
/// quotation of “It is a total hoax” and “it is not a hoax”.
struct Linker<'q> {
    quoted: &'q [Quoted],
    sets: Sets,
    /// By family (root): the distinct personal names of its speakers.
    people: Map<usize, Vec<Vec<String>>>,
    /// By family (root): its members that are not copies of an earlier member.
    variants: Map<usize, Vec<usize>>,
    /// Pairs of families found not to join; families only grow, so they never will.
    refused: Set<(usize, usize)>,
}

impl<'q> Linker<'q> {
    fn new(quoted: &'q [Quoted]) -> Self {
        let mut people: Map<usize, Vec<Vec<String>>> = Map::default();
        for (q, quote) in quoted.iter().enumerate() {
            if let Some(name) = quote.speaker.as_deref().and_then(crate::quote::person) {
                people.insert(q, vec![name]);
            }
        }
        Linker { quoted, sets: Sets::new(quoted.len()), people, variants: (0..quoted.len()).map(|q| (q, vec![q])).collect(), refused: Set::default() }
    }

    /// Joins the families of `x` and `y` unless that would join different people or opposite
    /// claims; whether they are (now) one family.
    fn link(&mut self, x: usize, y: usize) -> bool {
        let (rx, ry) = (self.sets.find(x), self.sets.find(y));
        if rx == ry {
            return true;
        }
        if self.refused.contains(&(rx.min(ry), rx.max(ry))) || !self.compatible(rx, ry) {
            self.refused.insert((rx.min(ry), rx.max(ry)));
            return false;
        }
        self.sets.parent[ry] = rx;
        for name in self.people.remove(&ry).unwrap_or_default() {
            let names = self.people.entry(rx).or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        // A copy (the same terms) adds no variant of its own.
        let moved = self.variants.remove(&ry).unwrap_or_default();
        let copy = moved.len() == 1 && self.variants[&rx].iter().any(|&v| self.quoted[v].claims == self.quoted[moved[0]].claims);
        if !copy {
            self.variants.entry(rx).or_default().extend(moved);
        }
        true
    }

    fn compatible(&self, rx: usize, ry: usize) -> bool {
        let none = Vec::new();
        let (px, py) = (self.people.get(&rx).unwrap_or(&none), self.people.get(&ry).unwrap_or(&none));
        if px.iter().any(|a| py.iter().any(|b| !crate::quote::same_person(a, b))) {
            return false;
        }
        let (vx, vy) = (&self.variants[&rx], &self.variants[&ry]);
        !vx.iter().take(CHECKED).any(|&a| vy.iter().take(CHECKED).any(|&b| crate::polarity::opposed(&self.quoted[a].claims, &self.quoted[b].claims).is_some()))
    }
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
    // `shared[i * n + j]`: one buffer rather than a row each.
    let mut shared = vec![0usize; n * n];
    for (u, unit) in units.iter().enumerate() {
        if !unit.comparable() {
            continue;
        }
        total[unit.source] += 1;
        for &other in &partners[u] {
            shared[unit.source * n + other] += 1;
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
                        ((shared[i * n + j] + shared[j * n + i]) as f64 / both as f64 * 1000.0).round() / 1000.0
                    }
                })
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, Options, SourceInput};

    /// The quotation families of a comparison of `texts` (one source each, after a headline
    /// line of their own), as each occurrence's (source, text, speaker).
    fn quote_families_of(texts: &[&str]) -> Vec<Vec<(usize, String, Option<String>)>> {
        let sources: Vec<SourceInput> =
            texts.iter().enumerate().map(|(k, t)| SourceInput::new(format!("s{k}"), format!("Bridge news from the valley\n\n{t}\n"))).collect();
        let report = compare(&sources, &Options::default()).expect("compares");
        report.quotes.into_iter().map(|q| q.occurrences.into_iter().map(|o| (o.source, o.text, o.speaker)).collect()).collect()
    }

    /// Three sources of two sentences each (units 2s and 2s+1 of source s), as prepared units.
    fn three_sources_of_two() -> Vec<Unit> {
        let sources: Vec<SourceInput> = (0..3)
            .map(|s| SourceInput::new(format!("s{s}"), format!("The council approved the new budget for schools in source {s}.\n\nThe mayor said the vote was a victory for parents in source {s}.\n")))
            .collect();
        let units = crate::prepare(&sources).expect("prepared").units;
        assert_eq!(units.iter().map(|u| u.source).collect::<Vec<_>>(), [0, 0, 1, 1, 2, 2]);
        units
    }

    fn pair(a: usize, b: usize) -> Pair {
        Pair { a, b, kind: Kind::Paraphrase, score: 0.9, confidence: 0.9 }
    }

    #[test]
    fn a_claim_each_source_states_twice_is_one_family() {
        let units = three_sources_of_two();
        // Each source's two sentences state one claim: first sentences match each other, so
        // do second ones, and the cross links tie the two families from several members.
        let pairs = [pair(0, 2), pair(2, 4), pair(1, 3), pair(3, 5), pair(0, 3), pair(2, 5), pair(1, 4)];
        let families = families(&units, &pairs);
        assert_eq!(families.len(), 1, "{families:?}");
        assert_eq!(families[0].members, [0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn one_sentence_linked_to_two_claims_does_not_join_them() {
        let units = three_sources_of_two();
        // Unit 3 is linked with the first sentences too: it bridges, from itself alone.
        let pairs = [pair(0, 2), pair(2, 4), pair(1, 3), pair(3, 5), pair(0, 3), pair(3, 4)];
        let families = families(&units, &pairs);
        assert_eq!(families.len(), 2, "{families:?}");
    }

    #[test]
    fn quotations_by_different_people_are_never_one_family() {
        let families = quote_families_of(&[
            "“We will rebuild the bridge by spring,” Ana Ruiz told reporters on Monday.",
            "“We will rebuild the bridge by spring,” Omar Haddad told reporters on Monday.",
            // Unattributed, it may join either, but cannot chain the two into one.
            "Officials repeated on Monday that “we will rebuild the bridge by spring”.",
        ]);
        for f in &families {
            let speakers: Set<&str> = f.iter().filter_map(|o| o.2.as_deref()).collect();
            assert!(speakers.len() <= 1, "{families:?}");
        }
        assert!(families.iter().any(|f| f.len() == 2), "the unattributed quotation joins one of them: {families:?}");
        // One person named in full and by surname is one speaker.
        let families = quote_families_of(&[
            "“We will rebuild the bridge by spring,” Mayor Ana Ruiz told reporters on Monday.",
            "“We will rebuild the bridge by spring,” Ruiz said.",
        ]);
        assert_eq!(families.len(), 1, "{families:?}");
    }

    #[test]
    fn opposite_claims_are_never_one_family() {
        let families = quote_families_of(&[
            "“It is a total hoax,” Lena Berg said of the report on Monday.",
            "“It is not a hoax,” Lena Berg said of the report on Monday.",
            // Part of the first, and of neither claim: it may join the first, but cannot
            // bring the second in.
            "Lena Berg dismissed the report as “a total hoax” on Monday.",
        ]);
        let denied = families.iter().find(|f| f.iter().any(|o| o.1 == "It is not a hoax")).expect("listed");
        assert_eq!(denied.len(), 1, "{families:?}");
    }

    #[test]
    fn a_word_or_two_in_quote_marks_is_listed_only_when_another_source_quotes_it() {
        let families = quote_families_of(&[
            "The mayor called the plan “a disaster” and the council “idiots” on Monday.",
            "The mayor criticised the plan on Monday, saying “it will cost us the bridge”.",
        ]);
        let texts: Vec<&str> = families.iter().flatten().map(|o| o.1.as_str()).collect();
        assert_eq!(texts, ["it will cost us the bridge"]);
        // The same word quoted by two outlets is someone's word, echoed.
        let families = quote_families_of(&[
            "The mayor said she was “receptive” to the plan on Monday.",
            "The mayor is “receptive” to the council's plan, her office said.",
        ]);
        assert_eq!(families.len(), 1);
        assert_eq!(families[0].iter().map(|o| o.0).collect::<Vec<_>>(), [0, 1]);
    }

    #[test]
    fn the_consensus_speaker_is_a_name_before_a_description() {
        assert_eq!(consensus([Some("White House"), Some("Karoline Leavitt"), Some("White House")].into_iter()).as_deref(), Some("Karoline Leavitt"));
        assert_eq!(consensus([Some("November"), Some("which the navy")].into_iter()).as_deref(), Some("November"));
        assert_eq!(consensus([Some("I"), Some("Mark Roesler")].into_iter()).as_deref(), Some("Mark Roesler"));
    }
}
