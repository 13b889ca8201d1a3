//! Polarity: whether two sentences state one claim, one affirming it and the other denying it
//! (`has shown` / `has not shown`, `took` / `denied taking`).
//!
//! A negation is read where it attaches: it counts for the content word it directly precedes,
//! across function words only (`has not shown`, `did not deny the report`), never across a
//! comma or a content word, so that a negation inside a clause of its own (`adding that he did
//! not know`) reaches only that clause's verb. Two sentences state opposite claims when a
//! content word both have is negated in one (an odd number of negations reach it) and plainly
//! affirmed in the other (an even number, and no other negation nearby in its clause, which
//! would leave it unclear: `refused to accept a letter` neither negates nor affirms `letter`),
//! and the word is about the same thing in both: the content word next to it, before or after,
//! is the same (`shown … birth certificate`), not merely the word (`a call came in` is no
//! affirmation of what `can't call it arson` denies). A negation both share, or one attached
//! to a word the other sentence lacks, is no conflict.

use crate::normalize::{self, Vocabulary, Word};
use std::ops::Range;

/// At most this many words (function words and negations) may stand between a negation and
/// the word it negates: `refused` reaches `accept` in `refused to accept`, and `deny` reaches
/// `report` in `did not deny the report`.
const REACH: usize = 4;

/// How many words away, in its clause, the content word next to a word may be.
const NEIGHBOUR: usize = 3;

/// Where two sentences state the same claim with opposite polarity: the byte spans, in each
/// side's text, of the negation (or affirmation) as that side states it, from its first
/// negating or auxiliary word to the shared word (`has not shown` / `has shown`).
pub fn mismatch(v: &Vocabulary, a_text: &str, a: &[Word], b_text: &str, b: &[Word]) -> Option<(Range<usize>, Range<usize>)> {
    opposed(&claims(v, a_text, a), &claims(v, b_text, b))
}

/// [`mismatch`] of two sentences read beforehand (see [`claims`]).
pub fn opposed(a: &Claims, b: &Claims) -> Option<(Range<usize>, Range<usize>)> {
    // Two readings of opposite polarity have one negated, so only the words negated somewhere
    // in either sentence can oppose: most sentences have none or one, and looking each word up
    // in both sentences (two scans of each) had made this quadratic in the sentence's length,
    // a tenth of the seeds' instructions.
    let negated: Vec<&str> = [a, b].iter().flat_map(|c| c.readings.iter().filter(|r| r.negated == Some(true)).map(|r| c.key(r))).collect();
    if negated.is_empty() {
        return None;
    }
    for x in &a.readings {
        let key = a.key(x);
        if !negated.contains(&key) {
            continue;
        }
        let (Some(in_a), Some(in_b)) = (a.settled(key), b.settled(key)) else { continue };
        if in_a.negated != in_b.negated && same_claim(a, in_a, b, in_b) {
            return Some((in_a.span.clone(), in_b.span.clone()));
        }
    }
    None
}

/// What a sentence (or a quotation: any run of words) affirms and denies, word by word, read
/// once so that it can be compared with many others.
#[derive(Debug, Clone, Default)]
pub struct Claims {
    /// One reading per content word, in order.
    readings: Vec<Reading>,
    /// The lemmas the readings name, run together: one string per sentence instead of up to
    /// four per content word (a third of the instructions of reading the seeds' quotations
    /// went to allocating and freeing them).
    lemmas: String,
    /// Each content word's lemma, as a range of `lemmas`.
    spans: Vec<Range<u32>>,
}

impl Claims {
    /// The text of lemma `i` (an index into `spans`), or `None`.
    fn lemma(&self, i: Option<u32>) -> Option<&str> {
        i.map(|i| {
            let r = &self.spans[i as usize];
            &self.lemmas[r.start as usize..r.end as usize]
        })
    }

    /// The lemma of a reading's own word.
    fn key(&self, r: &Reading) -> &str {
        self.lemma(Some(r.key)).unwrap_or_default()
    }

    /// The reading of the word `key` (its first occurrence), when the sentence has it and
    /// states it one way only: `None` when it lacks it, states it both ways, or leaves it
    /// unclear.
    fn settled(&self, key: &str) -> Option<&Reading> {
        let mut same = self.readings.iter().filter(|r| self.key(r) == key);
        let first = same.next()?;
        first.negated?;
        same.all(|r| r.negated == first.negated).then_some(first)
    }
}

/// Equal when the readings are, lemmas compared by their text.
impl PartialEq for Claims {
    fn eq(&self, other: &Claims) -> bool {
        self.readings.len() == other.readings.len()
            && self.readings.iter().zip(&other.readings).all(|(x, y)| {
                self.key(x) == other.key(y)
                    && x.negated == y.negated
                    && x.span == y.span
                    && self.lemma(x.before) == other.lemma(y.before)
                    && self.lemma(x.after) == other.lemma(y.after)
                    && self.lemma(x.sides.0) == other.lemma(y.sides.0)
                    && self.lemma(x.sides.1) == other.lemma(y.sides.1)
                    && x.adjacent == y.adjacent
                    && x.bare == y.bare
            })
    }
}

/// Reads `words` (spans into `text`) for [`opposed`].
pub fn claims(v: &Vocabulary, text: &str, words: &[Word]) -> Claims {
    read(v, text, words)
}

/// Whether two readings of one word (`x` of `a`, `y` of `b`) are about the same thing: a
/// content word next to it is the same, or one of them is a bare claim (`It is not a hoax` is
/// about the hoax and nothing else) and the other a short clause too (`He didn't leak` says
/// nothing of "the leak inquiry" a longer sentence names); and the words right before it (when
/// both have one) are not different verbs (`pleaded not guilty` / `found guilty`).
fn same_claim(a: &Claims, x: &Reading, b: &Claims, y: &Reading) -> bool {
    let same = |p: Option<&str>, q: Option<&str>| p.is_some() && p == q;
    let bare = |r: &Reading| r.bare && r.before.is_none() && r.after.is_none();
    let (xb, yb) = (a.lemma(x.before), b.lemma(y.before));
    let other_verb = x.adjacent && y.adjacent && xb != yb;
    // Both sides the same, names counted: one subject, one object (`Voss has personally
    // apologized to Okafor` / `Voss has never apologized to Okafor`). One name alone is not
    // enough: reports of one story name the same people around different claims.
    let both_sides = same(a.lemma(x.sides.0), b.lemma(y.sides.0)) && same(a.lemma(x.sides.1), b.lemma(y.sides.1));
    (same(xb, yb) || same(a.lemma(x.after), b.lemma(y.after)) || (bare(x) && y.bare) || (bare(y) && x.bare) || both_sides) && !other_verb
}

/// One content word of a sentence and whether a negation attaches to it.
#[derive(Debug, Clone, PartialEq)]
struct Reading {
    /// The word's lemma (an index into its [`Claims`]' lemmas), to find it in the other
    /// sentence (`took`, `taking` → `tak`).
    key: u32,
    /// Negated, affirmed, or `None`: unclear, when its clause is a hypothesis (`if`,
    /// `whether`) or, for a word no negation reaches, has a negation elsewhere (the object of
    /// a negated verb, `refused to accept a letter`; `terms were not disclosed`).
    negated: Option<bool>,
    /// From the first negating or auxiliary word that reaches it to the word itself.
    span: Range<usize>,
    /// The lemmas of the nearest content words before its run and after it, in its clause.
    before: Option<u32>,
    after: Option<u32>,
    /// The nearest word on each side in its clause, names counted and adverbs in `-ly` not:
    /// who or what the claim is of (`Voss … apologized to Okafor`).
    sides: (Option<u32>, Option<u32>),
    /// The content word before is right before the run (`pleaded` in `pleaded not guilty`).
    adjacent: bool,
    /// The words read are a short clause and nothing more (a quotation: `It is not a hoax`),
    /// not a clause of a sentence that says more around it (`… warned, “Don't talk.”`).
    bare: bool,
}

/// At most this many words make a bare claim.
const BARE_MAX: usize = 8;

/// What [`read`] works out about one word of a sentence before it reads the claims.
#[derive(Clone)]
struct Slot<'v> {
    surface: &'v str,
    /// Its clause, as the range of its words between punctuation.
    clause: Range<usize>,
    /// It negates what follows it (see [`negates`]).
    negation: bool,
    /// A negation reads through it, as through a function word (see [`THROUGH`]).
    through: bool,
    /// A content word, whose claim is read.
    content: bool,
    /// A content word or a name, and no word in `-ly` (an adverb mostly; `family` or `supply`
    /// too, a cost taken to read past `personally`): what a claim is said of, on either side of
    /// it (`Voss has never apologized to Okafor`).
    around: bool,
    /// A content word's or a name's lemma, as an index into the [`Claims`]' lemmas.
    lemma: u32,
    /// For the first word of a clause: the clause's negations, and whether it is a hypothesis.
    negations: usize,
    hypothesis: bool,
}

fn read(v: &Vocabulary, text: &str, words: &[Word]) -> Claims {
    // One record per word rather than a vector per property: a sentence read here had cost
    // eight allocations.
    let mut slots: Vec<Slot> = words
        .iter()
        .map(|w| Slot { surface: v.text(w.surface), clause: 0..0, negation: false, through: false, content: false, around: false, lemma: u32::MAX, negations: 0, hypothesis: false })
        .collect();
    let joined = |k: usize| !boundary(text, &words[k], &words[k + 1]);
    let mut from = 0;
    for k in 0..words.len() {
        if k + 1 == words.len() || !joined(k) {
            slots[from..k + 1].iter_mut().for_each(|s| s.clause = from..k + 1);
            from = k + 1;
        }
    }
    let headline = title_case(v, words);
    for k in 0..words.len() {
        let s = slots[k].surface;
        let negation = negates(v, text, words, k, slots[k].clause.end);
        // A possessive is read through, as a function word is: `rejected the envoy's offer`
        // negates the offer, not the envoy. No word of the list is longer than six bytes.
        let through = (s.len() <= 6 && THROUGH.binary_search(&s).is_ok()) || s.ends_with("'s");
        // Names are who or what a claim is about, not the claim (`Neither Perlo nor …`).
        let word = !negation && !through && !normalize::is_stopword(s) && s.starts_with(char::is_alphanumeric);
        let content = word && (k == 0 || headline || !words[k].capitalized);
        let around = word && !(s.len() > 4 && s.ends_with("ly") && !words[k].capitalized);
        let slot = &mut slots[k];
        (slot.negation, slot.through, slot.content, slot.around) = (negation, through, content, around);
    }
    // Each content word's lemma, numbered in reading order. Sized from the start: growing the
    // three had been most of the allocations of reading a sentence.
    let named = slots.iter().filter(|s| s.content || s.around);
    let (count, bytes) = named.fold((0, 0), |(n, b), s| (n + 1, b + s.surface.len() + 1));
    let mut out = Claims { readings: Vec::with_capacity(count), lemmas: String::with_capacity(bytes), spans: Vec::with_capacity(count) };
    for slot in slots.iter_mut().filter(|s| s.content || s.around) {
        let start = out.lemmas.len() as u32;
        lemma_into(slot.surface, &mut out.lemmas);
        slot.lemma = out.spans.len() as u32;
        out.spans.push(start..out.lemmas.len() as u32);
    }
    // By a clause's first word: its negations, and whether it is a hypothesis.
    for k in 0..words.len() {
        let (first, negation, hypothesis) = (slots[k].clause.start, slots[k].negation, matches!(slots[k].surface, "if" | "unless" | "whether"));
        slots[first].negations += negation as usize;
        slots[first].hypothesis |= hypothesis;
    }
    // Past a verb that reports a claim as someone's own (`she claimed`, `insisted`), the
    // sentence neither affirms nor denies what follows.
    // A word of the list after a determiner (`the alleged gunman`, `the insurance claims`) or
    // `alleged` before a noun is no such verb.
    let determiner = |k: usize| k > 0 && matches!(slots[k - 1].surface, "a" | "an" | "the" | "his" | "her" | "its" | "their" | "these" | "those" | "such");
    let distanced = (0..words.len()).find(|&k| distancing(slots[k].surface) && !determiner(k) && !(slots[k].surface == "alleged" && slots.get(k + 1).is_some_and(|n| n.content))).unwrap_or(words.len());
    for k in (0..words.len()).filter(|&k| slots[k].content) {
        let own = slots[k].clause.clone();
        // The run of function words and negations right before the word.
        let mut start = k;
        while start > own.start && k - start < REACH && (slots[start - 1].negation || slots[start - 1].through) {
            start -= 1;
        }
        let attached = slots[start..k].iter().filter(|s| s.negation).count();
        let elsewhere = slots[own.start].negations > attached;
        // `may harm`, `should never step`: what may or ought to be, not what is. `Could` and
        // `would` are left as they are: `could not swim` / `could swim` disagree.
        let possible = slots[start..k].iter().any(|s| matches!(s.surface, "may" | "might" | "should"));
        let negated = if slots[own.start].hypothesis || (attached % 2 == 0 && elsewhere) || k > distanced || possible { None } else { Some(attached % 2 == 1) };
        let first = (start..k).find(|&j| slots[j].negation || AUXILIARIES.binary_search(&slots[j].surface).is_ok()).unwrap_or(k);
        let before = (own.start.max(start.saturating_sub(NEIGHBOUR))..start).rev().find(|&j| slots[j].content);
        let after = (k + 1..own.end.min(k + 1 + NEIGHBOUR)).find(|&j| slots[j].content);
        let lemma = |j: usize| slots[j].lemma;
        let sides = ((own.start..start).rev().find(|&j| slots[j].around).map(lemma), (k + 1..own.end).find(|&j| slots[j].around).map(lemma));
        out.readings.push(Reading {
            key: slots[k].lemma,
            negated,
            span: words[first].span.start..words[k].span.end,
            before: before.map(|j| slots[j].lemma),
            after: after.map(|j| slots[j].lemma),
            sides,
            // A capitalised word opening the sentence is its subject more often than a verb
            // (`Voss has never apologized` against `… has personally apologized`).
            adjacent: before.is_some_and(|j| j + 1 == start && (headline || !words[j].capitalized)),
            bare: own == (0..words.len()) && words.len() <= BARE_MAX,
        });
    }
    out
}

/// Whether word `k` negates what follows it; its clause ends before word `clause_end`.
fn negates(v: &Vocabulary, text: &str, words: &[Word], k: usize, clause_end: usize) -> bool {
    let s = v.text(words[k].surface);
    if !negating_letters(s) {
        return false;
    }
    let next = words.get(k + 1).map(|w| v.text(w.surface));
    let prev = k.checked_sub(1).map(|p| v.text(words[p].surface));
    // `did not take the lead until the fourth`: it did, then.
    let until = || words[k + 1..clause_end].iter().any(|w| matches!(v.text(w.surface), "until" | "till"));
    // Refusing and denying negate what is refused or denied when it is an act (`refused to
    // accept`, `denied taking`, `denied that she took`); before a thing (`rejected calls to
    // quit`, `denies arson`) they are verbs like any other.
    let gerund_follows = next.is_some_and(|n| n.len() > 4 && n.ends_with("ing"));
    let act_follows = matches!(next, Some("to" | "that")) || gerund_follows;
    match s {
        // `not only`, `not just`: more, not less; `whether or not`: no claim either way.
        "not" => !matches!(next, Some("only" | "just")) && prev != Some("or") && !until(),
        // `No. 5`: the abbreviation of number.
        "no" => !text[words[k].span.end..].starts_with('.'),
        "never" => !until(),
        // `left without paying` denies the act; `without the patch`, `without their top two
        // backs` name a circumstance, which another report's `the patch` or `the backs` does
        // not contradict.
        "without" => gerund_follows,
        "none" | "nobody" | "nothing" | "nowhere" | "neither" | "nor" | "cannot" | "false" => true,
        // `had yet to regain`.
        "yet" => next == Some("to"),
        "fail" | "fails" | "failed" | "failing" | "unable" => next == Some("to"),
        // `didn't`, and `didnt` as typed in haste.
        s if s.ends_with("n't") || s.strip_suffix("nt").is_some_and(|aux| CONTRACTED.contains(&aux)) => !until(),
        s => act_follows && REFUSING.iter().any(|base| s.strip_prefix(base).is_some_and(|end| matches!(end, "" | "e" | "s" | "es" | "d" | "ed" | "ing"))),
    }
}

/// Whether any word of a sentence could negate (a superset of [`negates`], read from the words
/// alone): a sentence without one cannot deny what another affirms, so the pair scorer need not
/// look further for it (see `align::OPPOSED_MIN`).
pub fn may_negate(v: &Vocabulary, words: &[Word]) -> bool {
    words.iter().any(|w| match v.text(w.surface) {
        s if !negating_letters(s) => false,
        "not" | "no" | "never" | "none" | "nobody" | "nothing" | "nowhere" | "neither" | "nor" | "without" | "cannot" | "false" | "yet" => true,
        s if s.ends_with("n't") || s.strip_suffix("nt").is_some_and(|aux| CONTRACTED.contains(&aux)) => true,
        s => s.starts_with("fail") || s == "unable" || REFUSING.iter().any(|base| s.starts_with(base)),
    })
}

/// Whether a word starts or ends as every word that [`negates`] can start with one of these
/// letters or ends in `t`: most words are ruled out by two bytes (a third fewer instructions
/// for the seeds' [`may_negate`]).
fn negating_letters(s: &str) -> bool {
    matches!(s.as_bytes().first(), Some(b'n' | b'w' | b'c' | b'f' | b'u' | b'y' | b'd' | b'r' | b's')) || s.ends_with('t')
}

/// What comes before `nt` in a contraction written without its apostrophe (`cant`, `didnt`).
const CONTRACTED: &[&str] = &["ai", "are", "ca", "could", "did", "do", "does", "had", "has", "have", "is", "must", "should", "was", "were", "wo", "would"];

/// Most longer words capitalised: a headline in title case, where capitals do not mark names.
fn title_case(v: &Vocabulary, words: &[Word]) -> bool {
    let long: Vec<&Word> = words.iter().filter(|w| v.text(w.surface).chars().nth(3).is_some()).collect();
    long.len() >= 3 && long.iter().filter(|w| w.capitalized).count() * 10 >= long.len() * 7
}

/// Whether a word reports what follows as someone's claim, which the sentence does not make its
/// own: `She claimed the shootings "didn't happen"` does not deny that they happened, and
/// `Woodward and Bernstein have insisted Deep Throat was one person` does not affirm it. Of the
/// 25 polarity conflicts over the seeds and 86 ECB+ clusters (`tests/conflicts/census.json`), 5
/// were read from such a claim, all false. `said` and `told` are not among them: most of what a
/// report states it has from someone.
fn distancing(word: &str) -> bool {
    const STEMS: &[&str] = &["alleg", "argu", "assert", "claim", "contend", "insist"];
    // Every word of a sentence that may negate is asked: most start with another letter.
    matches!(word.as_bytes().first(), Some(b'a' | b'c' | b'i')) && STEMS.iter().any(|stem| word.strip_prefix(stem).is_some_and(|end| matches!(end, "" | "e" | "es" | "s" | "d" | "ed" | "ing" | "edly")))
}

/// Verbs of denying and refusing, as the start of each of their forms (`deni` for `denied`).
/// The thesaurus (`lexicon`) counts them as one another, so all of them negate: `refused to
/// accept` and `rebuffed … accepting` agree.
const REFUSING: &[&str] = &["deny", "deni", "refus", "reject", "rebuff", "snub", "spurn", "disavow", "dismiss", "declin"];

/// Words a negation reaches across to the word it negates: articles, auxiliaries, a few
/// adverbs, possessives, subject pronouns (`denied that she took`).
const THROUGH: &[&str] = &[
    "a", "always", "am", "an", "any", "are", "be", "been", "being", "can", "could", "did", "do", "does", "even", "ever", "had", "has",
    "have", "having", "he", "her", "his", "i", "is", "it", "its", "may", "might", "must", "my", "of", "our", "really", "shall", "she",
    "should", "so", "still", "that", "the", "their", "these", "they", "this", "those", "to", "very", "was", "we", "were", "will",
    "would", "yet", "you", "your",
];

/// The auxiliaries that start a negated predicate as it is shown (`has not shown`).
const AUXILIARIES: &[&str] =
    &["am", "are", "be", "been", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "shall", "should", "was", "were", "will", "would"];

/// Whether punctuation separates two consecutive words: the end of a clause, which a negation
/// does not reach past.
pub(crate) fn boundary(text: &str, before: &Word, after: &Word) -> bool {
    // `--` looked for as two bytes: `str::contains` of a `&str` sets up a two-way searcher
    // each time, which cost more than the rest of reading a sentence.
    text.get(before.span.end..after.span.start)
        .is_none_or(|gap| gap.contains([',', ';', ':', '.', '!', '?', '(', ')', '—', '–']) || gap.as_bytes().windows(2).any(|w| w == b"--"))
}

/// Appends a word's stem for finding it in the other sentence: irregular forms become their
/// verb (`took` → `take`), then inflections and a final `e` go (`taking`, `take` → `tak`).
fn lemma_into(surface: &str, out: &mut String) {
    let s = surface.strip_suffix("'s").unwrap_or(surface);
    let s = irregular(s).unwrap_or(s);
    // `denied`, `denies` → `deny`.
    if let Some(stem) = s.strip_suffix("ied").or_else(|| s.strip_suffix("ies")).filter(|r| r.len() >= 2) {
        out.push_str(stem);
        out.push('y');
        return;
    }
    let mut w = s;
    for suffix in ["ing", "ed", "es", "s"] {
        if w.len() >= suffix.len() + 3 && w.ends_with(suffix) && !(suffix == "s" && w.ends_with("ss")) {
            w = &w[..w.len() - suffix.len()];
            break;
        }
    }
    let w = w.strip_suffix('e').filter(|r| r.len() >= 2).unwrap_or(w);
    // `stopped` → `stopp` → `stop`.
    let b = w.as_bytes();
    let last = b.last().copied().unwrap_or(0);
    if b.len() >= 4 && last.is_ascii_alphabetic() && b[b.len() - 2] == last && !matches!(last, b'l' | b's' | b'z' | b'e' | b'o') {
        out.push_str(&w[..w.len() - 1]);
        return;
    }
    out.push_str(w);
}

/// The verb of a common irregular past form or participle.
fn irregular(s: &str) -> Option<&'static str> {
    Some(match s {
        "took" | "taken" => "take",
        "gave" | "given" => "give",
        "shown" => "show",
        "knew" | "known" => "know",
        "saw" | "seen" => "see",
        "made" => "make",
        "went" | "gone" => "go",
        "came" => "come",
        "became" => "become",
        "paid" => "pay",
        "sent" => "send",
        "met" => "meet",
        "held" => "hold",
        "kept" => "keep",
        "left" => "leave",
        "found" => "find",
        "won" => "win",
        "lost" => "lose",
        "bought" => "buy",
        "brought" => "bring",
        "thought" => "think",
        "told" => "tell",
        "said" => "say",
        "spoke" | "spoken" => "speak",
        "wrote" | "written" => "write",
        "stole" | "stolen" => "steal",
        "broke" | "broken" => "break",
        "sold" => "sell",
        "built" => "build",
        "spent" => "spend",
        "led" => "lead",
        "stood" => "stand",
        "understood" => "understand",
        "fell" | "fallen" => "fall",
        "drove" | "driven" => "drive",
        "chose" | "chosen" => "choose",
        "began" | "begun" => "begin",
        "ran" => "run",
        "hid" | "hidden" => "hide",
        "sought" => "seek",
        "fought" => "fight",
        "caught" => "catch",
        "taught" => "teach",
        "flew" | "flown" => "fly",
        "grew" | "grown" => "grow",
        "threw" | "thrown" => "throw",
        "drew" | "drawn" => "draw",
        "wore" | "worn" => "wear",
        "heard" => "hear",
        "shot" => "shoot",
        "struck" => "strike",
        "sat" => "sit",
        "felt" => "feel",
        "rose" | "risen" => "rise",
        "forgot" | "forgotten" => "forget",
        "got" | "gotten" => "get",
        "withdrew" | "withdrawn" => "withdraw",
        "ate" | "eaten" => "eat",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lemma(surface: &str) -> String {
        let mut out = String::new();
        lemma_into(surface, &mut out);
        out
    }

    #[test]
    fn the_word_lists_are_sorted_for_binary_search() {
        assert!(THROUGH.windows(2).all(|w| w[0] < w[1]));
        assert!(THROUGH.iter().all(|w| w.len() <= 6), "`read` looks up only words of six bytes or fewer");
        assert!(AUXILIARIES.windows(2).all(|w| w[0] < w[1]));
    }

    /// The mismatch of two sentences, as the words each side states it in.
    fn opposed(a: &str, b: &str) -> Option<(String, String)> {
        let mut v = Vocabulary::default();
        let (wa, wb) = (normalize::words(a, 0..a.len(), &mut v), normalize::words(b, 0..b.len(), &mut v));
        mismatch(&v, a, &wa, b, &wb).map(|(x, y)| (a[x].to_string(), b[y].to_string()))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn a_negated_predicate_opposes_the_affirmed_one() {
        assert_eq!(opposed("He has shown his birth certificate.", "He has not shown a birth certificate."), pair("has shown", "has not shown"));
        assert_eq!(opposed("He hasn't shown a birth certificate.", "He has shown his birth certificate."), pair("hasn't shown", "has shown"));
        assert_eq!(opposed("Police found no weapons in the car.", "Police found weapons in the car."), pair("no weapons", "weapons"));
    }

    #[test]
    fn a_negation_between_the_same_two_names_opposes() {
        // Made up: who did it and to whom are names, and an adverb stands between.
        assert_eq!(opposed("Marsh has publicly thanked Haddad for the bill, an aide said.", "Marsh has never thanked Haddad for the bill, according to his office."), pair("thanked", "has never thanked"));
        // One name in common is not enough: reports of a story name the same people around
        // different claims.
        assert_eq!(opposed("On Monday, Marsh thanked the senators.", "In the end, Marsh has never thanked Haddad."), None);
    }

    #[test]
    fn a_denial_opposes_the_claim_it_denies() {
        assert_eq!(opposed("She denied taking the money.", "She took the money."), pair("denied taking", "took"));
        assert_eq!(opposed("She took the money.", "She denied that she took the money."), pair("took", "denied that she took"));
        assert_eq!(opposed("The minister declined to comment on the plan.", "The minister commented on the plan."), pair("declined to comment", "commented"));
        assert_eq!(opposed("The two sides were unable to reach a deal.", "The two sides reached a deal."), pair("were unable to reach", "reached"));
        // Failing and being unable to are one.
        assert_eq!(opposed("The director failed to reach a deal with the studio.", "The director was unable to reach a deal with the studio."), None);
    }

    #[test]
    fn a_negation_both_sentences_share_is_no_conflict() {
        assert_eq!(opposed("He has not shown a birth certificate.", "He never showed his birth certificate."), None);
        assert_eq!(opposed("Officials refused to accept a letter from the envoy.", "Officials rebuffed the envoy's letter."), None);
    }

    #[test]
    fn a_sentence_that_may_negate_has_a_negating_word() {
        let mut v = Vocabulary::default();
        let mut may = |t: &str| {
            let words = normalize::words(t, 0..t.len(), &mut v);
            may_negate(&v, &words)
        };
        for t in ["He has not shown it.", "She didn't go.", "They refused to pay.", "It was never found.", "He denied taking it."] {
            assert!(may(t), "{t}");
        }
        assert!(!may("The council approved the budget on Monday."));
    }

    #[test]
    fn a_negation_in_a_clause_the_other_sentence_lacks_is_no_conflict() {
        assert_eq!(opposed("Lena Berg said the bridge would reopen, adding that she did not know when.", "Lena Berg said the bridge would reopen."), None);
        // The negated verb is only in one sentence, though the rest of its clause is in both.
        assert_eq!(opposed("He did not know that Ruiz was arrested on Monday.", "Ruiz was arrested on Monday."), None);
    }

    #[test]
    fn the_same_word_about_another_thing_is_no_conflict() {
        // `call` the verb, with its object, against `call` the noun.
        assert_eq!(opposed("You can't call it arson yet, the director said.", "The director said a call came in at 3:33 a.m."), None);
        // Rejecting calls to quit is not denying that anyone calls for it.
        assert_eq!(opposed("The premier has rejected calls to quit.", "Protesters have been calling on the premier to quit."), None);
        assert_eq!(opposed("A man has denied arson after the fire.", "A man has been charged with arson after the fire."), None);
    }

    #[test]
    fn a_clause_with_a_negation_of_its_own_or_a_condition_affirms_nothing() {
        assert_eq!(opposed("No financial terms of the deal were disclosed.", "Financial terms of the deal were not disclosed."), None);
        assert_eq!(opposed("I feel we weren't executing the plan.", "I didn't feel we were executing the plan."), None);
        assert_eq!(opposed("The team would not have placed Bush on reserve if it were still in contention.", "The team placed Bush on reserve."), None);
    }

    #[test]
    fn a_claim_reported_as_someone_s_is_neither_affirmed_nor_denied() {
        assert_eq!(opposed("She claimed the fire \"never happened.\"", "The fire happened shortly after midnight."), None);
        assert_eq!(opposed("The mayor insisted the vote was not rigged.", "Critics say the vote was rigged."), None);
        assert_eq!(opposed("Officials allegedly ignored the warnings.", "Officials did not ignore the warnings."), None);
        // As an adjective or a noun, no report of a claim.
        assert_eq!(opposed("The alleged gunman was not armed, police said.", "The gunman was armed, police said."), pair("was not armed", "was armed"));
        // Said and told are how a report has most of what it states.
        assert_eq!(opposed("Police said he was not wearing a helmet.", "He was wearing a helmet, police said."), pair("was not wearing", "was wearing"));
    }

    #[test]
    fn what_may_or_ought_to_be_is_not_what_is() {
        assert_eq!(opposed("The rule will not harm rare plants, the agency said.", "Critics said the rule may harm rare plants."), None);
        assert_eq!(opposed("He should never have stepped onto the ice shelf.", "He stepped onto the ice shelf at dawn."), None);
        // Could and would are read as they are.
        assert_eq!(opposed("The ladder could not be used in the rescue.", "The ladder was used in the rescue."), pair("could not be used", "was used"));
        assert_eq!(opposed("He could not swim.", "He could swim."), pair("could not swim", "could swim"));
    }

    #[test]
    fn not_until_says_when_not_whether() {
        assert_eq!(opposed("The Colts didn't take their first lead until the fourth quarter.", "The Colts took their first lead in the fourth quarter."), None);
    }

    #[test]
    fn a_different_verb_before_the_word_makes_another_claim() {
        assert_eq!(opposed("He pleaded not guilty to two murder charges.", "He was found guilty of two murder charges."), None);
    }

    #[test]
    fn without_negates_an_act_not_a_circumstance() {
        assert_eq!(opposed("He left the restaurant without paying the bill.", "He paid the bill before he left the restaurant."), pair("without paying", "paid"));
        assert_eq!(opposed("Without the emergency patch, the flaw lets attackers in.", "Microsoft released an emergency patch for the flaw."), None);
        assert_eq!(opposed("The Saints must play without their top two running backs.", "Two backups will replace the Saints' top two running backs."), None);
    }

    #[test]
    fn contractions_typed_without_apostrophe_negate() {
        assert_eq!(opposed("I cant speak for the first death.", "I can speak for the first death."), pair("cant speak", "can speak"));
    }

    #[test]
    fn a_bare_claim_is_about_its_one_word() {
        assert_eq!(opposed("It is a total hoax.", "It is not a hoax."), pair("hoax", "is not a hoax"));
        // A clause inside a longer sentence is not bare.
        assert_eq!(opposed("A sign warned against loose talk in the office.", "A sign at the office warned, “Don't talk.”"), None);
        // Nor is it about the bare claim's one word: both must be short.
        assert_eq!(opposed("He didn't leak.", "Not only had he started the leak inquiry, but he appeared to have found the leaker."), None);
        assert_eq!(opposed("He didn't leak.", "He did leak."), pair("didn't leak", "did leak"));
    }

    #[test]
    fn yet_to_is_a_negation() {
        assert_eq!(opposed("Riva had not yet regained consciousness.", "Riva had yet to regain consciousness."), None);
        assert_eq!(opposed("Riva had yet to regain consciousness on Wednesday.", "Riva regained consciousness on Wednesday."), pair("had yet to regain", "regained"));
    }

    #[test]
    fn a_double_negation_is_not_a_denial() {
        assert_eq!(opposed("The White House did not deny the report.", "The White House confirmed the report."), None);
        assert_eq!(opposed("The White House did not deny the report.", "The White House denied the report."), pair("did not deny", "denied"));
    }

    #[test]
    fn words_that_only_look_negative_are_not_negations() {
        assert_eq!(opposed("The team is the No. 5 seed in the playoffs.", "The team is the 5 seed in the playoffs."), None);
        assert_eq!(opposed("No, the talks will resume in May.", "The talks will resume in May."), None);
        assert_eq!(opposed("It is not only the talks that resumed.", "It is the talks that resumed."), None);
        assert_eq!(opposed("Sales declined sharply in May.", "Sales rose sharply in May."), None);
    }

    #[test]
    fn a_word_stated_both_ways_in_one_sentence_is_left_alone() {
        assert_eq!(opposed("He has not shown a passport, but he has shown a birth certificate.", "He has shown a birth certificate."), None);
    }

    #[test]
    fn inflections_and_irregular_forms_meet() {
        for (x, y) in [("took", "taking"), ("take", "takes"), ("shown", "showed"), ("stopped", "stop"), ("arrests", "arrested"), ("denied", "deny")] {
            assert_eq!(lemma(x), lemma(y), "{x} {y}");
        }
        assert_ne!(lemma("show"), lemma("shot"));
        // Any word at all, in any script, has a lemma.
        for w in ["𥻻", "ab𥻻", "𥻻𥻻", "ñññ", "東京", "über", "café"] {
            lemma(w);
        }
    }
}
