//! Words and terms: the tokenizer chain every comparison is built on.
//!
//! Two levels of normalization, because the match kinds need both:
//! - a [`Word`]'s `surface` is the word after Unicode NFC and the compatibility mappings of
//!   [`fold`] (NFKC as far as news text needs it), lower-casing and unifying quote,
//!   apostrophe and dash variants. Two sentences with the same surfaces are `identical`.
//! - [`terms`] goes further (contractions expanded, hyphenated words split, British spellings
//!   folded, light stemming), so that `I'll`/`I will` and `Kim Jong Un`/`Kim Jong-un` compare
//!   equal when scoring `minor` edits and paraphrases.

use crate::hash::FastHasher;
use std::hash::Hasher;
use std::borrow::Cow;
use std::ops::Range;

mod fold;

/// One word of the input: its byte span and its surface form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// Its surface (NFKC, lower-cased, with quote/apostrophe/dash variants unified) as an id
    /// of the comparison's [`Vocabulary`], which holds its text and its terms: a word costs
    /// no string of its own, and equal surfaces compare as equal numbers.
    pub surface: u32,
    /// Whether the word starts with an upper-case letter in the input (names, places).
    pub capitalized: bool,
}

/// A normalized unit of meaning derived from a word; several terms can come from one word.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Term {
    /// The folded, stemmed form.
    pub text: String,
    /// Index of the word it came from.
    pub word: usize,
    /// Function words carry little content; they count for edit distance, not for topic.
    pub stop: bool,
}

/// Splits `text[range]` into words.
///
/// A word is a run of letters and digits, with apostrophes, hyphens and periods kept when
/// they sit between two alphanumerics (`don't`, `Jong-un`, `U.S`, `3.5`) and commas between
/// digits (`1,000`). Han and kana characters are words of their own, since those scripts
/// do not put spaces between words.
pub fn words(text: &str, range: Range<usize>, vocabulary: &mut Vocabulary) -> Vec<Word> {
    let slice = match text.get(range.clone()) {
        Some(s) => s,
        None => return Vec::new(),
    };
    let base = range.start;
    let bytes = slice.as_bytes();
    // The character at byte `p` and its length; ASCII, most of the text, without decoding.
    let char_at = |p: usize| -> Option<(char, usize)> {
        let b = *bytes.get(p)?;
        if b < 0x80 {
            return Some((b as char, 1));
        }
        slice.get(p..)?.chars().next().map(|c| (c, c.len_utf8()))
    };
    // News prose averages about six bytes a word, space included.
    let mut out = Vec::with_capacity(slice.len() / 6 + 1);
    let mut p = 0;
    while let Some((c, len)) = char_at(p) {
        if !c.is_ascii() && is_ideograph(c) {
            push_word(&mut out, slice, base, p, p + len, vocabulary);
            p += len;
            continue;
        }
        if !is_word_char(c) {
            p += len;
            continue;
        }
        let start = p;
        let mut prev = c;
        let mut q = p + len;
        while let Some((c, len)) = char_at(q) {
            if c.is_ascii_alphanumeric() || (!c.is_ascii() && is_word_char(c) && !is_ideograph(c)) {
                prev = c;
                q += len;
                continue;
            }
            if !is_joiner(c) {
                break;
            }
            match char_at(q + len) {
                Some((next, next_len))
                    if is_word_char(next)
                        && !is_ideograph(next)
                        && (c != ',' || (prev.is_ascii_digit() && next.is_ascii_digit())) =>
                {
                    prev = next;
                    q += len + next_len;
                }
                _ => break,
            }
        }
        // Keep the final period of a dotted acronym ("U.S.") so it reads as one word.
        let mut end = q;
        if bytes.get(q) == Some(&b'.') && is_dotted_acronym(&slice[start..end]) {
            end += 1;
        }
        push_word(&mut out, slice, base, start, end, vocabulary);
        p = q;
    }
    out
}

fn push_word(out: &mut Vec<Word>, slice: &str, base: usize, start: usize, end: usize, vocabulary: &mut Vocabulary) {
    let raw = &slice[start..end];
    let capitalized = raw.chars().next().is_some_and(|c| c.is_uppercase());
    out.push(Word { span: base + start..base + end, surface: vocabulary.surface(raw), capitalized });
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
        || matches!(c as u32, 0x0591..=0x05C7 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F)
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '-' | '‐' | '‑' | '.' | ',' | '·')
}

/// Han ideographs, kana: scripts written without spaces between words.
#[inline]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

fn is_dotted_acronym(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2 && parts.iter().all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
}

/// Folds typographic variants so that only the words themselves are compared.
pub fn surface(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    surface_into(raw, &mut out);
    out
}

/// [`surface`], appended to `out`.
fn surface_into(raw: &str, out: &mut String) {
    // Most words are plain ASCII, which NFKC leaves alone.
    if raw.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b',' | b'\'')) {
        let start = out.len();
        out.push_str(raw);
        out[start..].make_ascii_lowercase();
        return;
    }
    // Next most common: ASCII with curly apostrophes (`Korea’s`), which NFKC also leaves alone.
    if raw.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ',' | '\'' | '’')) {
        out.extend(raw.chars().map(|c| if c == '’' { '\'' } else { c.to_ascii_lowercase() }));
        return;
    }
    out.extend(fold::fold(raw).into_iter().flat_map(char::to_lowercase).map(|c| match c {
        '’' | 'ʼ' | '‘' | '`' | '´' | '′' => '\'',
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' => '-',
        c => c,
    }));
}

/// The terms of a sentence's words, as the vocabulary derived them.
pub fn terms(words: &[Word], vocabulary: &Vocabulary) -> Vec<Term> {
    let mut out = Vec::with_capacity(words.len() + words.len() / 8);
    for (w, word) in words.iter().enumerate() {
        for &(id, stop) in vocabulary.terms_of(word.surface) {
            out.push(Term { text: vocabulary.text(id).to_string(), word: w, stop });
        }
    }
    out
}

/// Calls `found` with each term of one word's surface and whether it is a stop word.
fn word_terms(surface: &str, mut found: impl FnMut(Cow<'_, str>, bool)) {
    let (head, tail) = expand(surface);
    for piece in std::iter::once(head).chain(tail) {
        for part in piece.split('-') {
            let folded = fold(part);
            if folded.is_empty() {
                continue;
            }
            let stop = is_stopword(&folded);
            found(if stop { folded } else { stem(&folded) }, stop);
        }
    }
}

/// Every distinct surface and term text of one comparison, each stored once and named by a
/// number, with the terms of each surface derived once. Later stages compare ids instead of
/// strings, and news copy, which repeats its words, derives each word's terms only once.
/// Surfaces and term texts share the ids: only equality within each kind matters.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    /// Every text, run together.
    arena: String,
    /// By id: where its text is in `arena`.
    spans: Vec<(u32, u32)>,
    /// Open addressing over the ids, by hash of their text: `id + 1`, or 0 for a free slot.
    /// Texts are stored once, in `arena`, instead of once in a map and once in a list.
    slots: Vec<u32>,
    /// By id, for surfaces whose terms were asked for: where their terms are in `pieces`.
    terms_of: Vec<Option<Range<u32>>>,
    /// Terms as (text id, is a stop word), surface after surface.
    pieces: Vec<(u32, bool)>,
    /// Room to write a surface in before looking it up, kept to spare an allocation a word.
    scratch: String,
}

fn hash_text(text: &str) -> usize {
    let mut hasher = FastHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish() as usize
}

impl Vocabulary {
    /// An empty vocabulary with room for about `texts` texts before it has to grow (growing
    /// hashes every text again).
    pub fn with_capacity(texts: usize) -> Self {
        Vocabulary { slots: vec![0; (2 * texts + 2).next_power_of_two().max(64)], spans: Vec::with_capacity(texts), ..Self::default() }
    }

    /// The id of `text`, added if new.
    pub fn id(&mut self, text: &str) -> u32 {
        if self.slots.len() < 2 * (self.spans.len() + 1) {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut at = hash_text(text) & mask;
        loop {
            match self.slots[at] {
                0 => break,
                // Bytes, not `text()`: a probe needs no check that the span is on char boundaries.
                slot if self.bytes(slot - 1) == text.as_bytes() => return slot - 1,
                _ => at = (at + 1) & mask,
            }
        }
        let id = self.spans.len() as u32;
        self.spans.push((self.arena.len() as u32, (self.arena.len() + text.len()) as u32));
        self.arena.push_str(text);
        self.slots[at] = id + 1;
        id
    }

    /// Doubles the slots (at least 64) and puts every id back.
    fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(64);
        let mut slots = vec![0u32; size];
        for id in 0..self.spans.len() as u32 {
            let mut at = hash_text(self.text(id)) & (size - 1);
            while slots[at] != 0 {
                at = (at + 1) & (size - 1);
            }
            slots[at] = id + 1;
        }
        self.slots = slots;
    }

    /// The text named `id`.
    pub fn text(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        let bytes = &self.arena.as_bytes()[start as usize..end as usize];
        // SAFETY: every span is where one whole `&str` was appended to `arena` (see
        // [`Vocabulary::id`]), which only grows, so its bytes are that string's UTF-8. This
        // spares the two char-boundary checks of slicing a `str` at each call, which nearly
        // every stage makes for each word it reads: 0.9% fewer instructions for the seeds
        // natively (420.6 M against 424.3 M for 20 comparisons).
        unsafe { std::str::from_utf8_unchecked(bytes) }
    }

    /// The bytes of the text named `id`.
    fn bytes(&self, id: u32) -> &[u8] {
        let (start, end) = self.spans[id as usize];
        &self.arena.as_bytes()[start as usize..end as usize]
    }

    /// How many texts it holds: every id is below this.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Whether it holds no text yet.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// The terms of a surface (an id from [`Vocabulary::surface`] or [`Vocabulary::word`]), as
    /// (text id, is a stop word); none for any other id.
    pub fn terms_of(&self, surface: u32) -> &[(u32, bool)] {
        match self.terms_of.get(surface as usize) {
            Some(Some(range)) => &self.pieces[range.start as usize..range.end as usize],
            _ => &[],
        }
    }

    /// The id of the surface of `raw`, a word as it stands in the text (see [`surface`]), its
    /// terms derived when it is new.
    pub fn surface(&mut self, raw: &str) -> u32 {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        surface_into(raw, &mut scratch);
        let id = self.word(&scratch);
        self.scratch = scratch;
        id
    }

    /// The id of a surface, its terms (see [`Vocabulary::terms_of`]) derived when it is new.
    pub fn word(&mut self, surface: &str) -> u32 {
        let id = self.id(surface);
        if self.terms_of.len() <= id as usize {
            self.terms_of.resize(id as usize + 1, None);
        }
        if self.terms_of[id as usize].is_none() {
            let start = self.pieces.len() as u32;
            word_terms(surface, |text, stop| {
                let term = self.id(&text);
                self.pieces.push((term, stop));
            });
            self.terms_of[id as usize] = Some(start..self.pieces.len() as u32);
        }
        id
    }
}

/// Expands contractions and drops the possessive `'s`, which news copy uses interchangeably
/// with the long forms (`I'll` / `I will`, `Korea's` / `of Korea`): one or two pieces.
fn expand(surface: &str) -> (&str, Option<&str>) {
    if surface == "cannot" {
        return ("can", Some("not"));
    }
    if !surface.contains('\'') {
        return (surface, None);
    }
    let whole = match surface {
        "won't" => Some(("will", "not")),
        "can't" => Some(("can", "not")),
        "shan't" => Some(("shall", "not")),
        "let's" => Some(("let", "us")),
        "it's" => Some(("it", "is")),
        "that's" => Some(("that", "is")),
        "there's" => Some(("there", "is")),
        "what's" => Some(("what", "is")),
        "he's" => Some(("he", "is")),
        "she's" => Some(("she", "is")),
        _ => None,
    };
    if let Some((a, b)) = whole {
        return (a, Some(b));
    }
    const SUFFIX: &[(&str, &str)] =
        &[("n't", "not"), ("'ll", "will"), ("'re", "are"), ("'ve", "have"), ("'m", "am"), ("'d", "would")];
    for (suffix, long) in SUFFIX {
        if let Some(head) = surface.strip_suffix(suffix) {
            if !head.is_empty() {
                return (head, Some(long));
            }
        }
    }
    if let Some(head) = surface.strip_suffix("'s").or_else(|| surface.strip_suffix("s'")) {
        if !head.is_empty() {
            return (head, None);
        }
    }
    (surface, None)
}

/// Removes what separates spellings of the same word: acronym periods (`u.s` → `us`),
/// thousands separators, inner apostrophes; maps number words and British spellings.
fn fold(part: &str) -> Cow<'_, str> {
    let mut s = Cow::Borrowed(part);
    // Plain lower-case words, most of them, have no marks to remove.
    if !part.bytes().all(|b| b.is_ascii_lowercase()) {
        if part.contains(['\'', '·']) {
            s = Cow::Owned(part.chars().filter(|&c| !matches!(c, '\'' | '·')).collect());
        }
        let digits = s.bytes().any(|b| b.is_ascii_digit());
        if !digits && s.contains('.') {
            s.to_mut().retain(|c| c != '.');
        }
        if s.contains(',') && s.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            s.to_mut().retain(|c| c != ',');
        }
    }
    if let Some(n) = number_word(&s) {
        return Cow::Owned(n.to_string());
    }
    if let Some(us) = american(&s) {
        return Cow::Borrowed(us);
    }
    // -ise/-ize, -isation/-ization, -yse/-yze: fold every "iz"/"yz" so both spellings meet.
    if s.len() > 5 && s.as_bytes().windows(2).any(|w| matches!(w, b"iz" | b"yz")) {
        return Cow::Owned(s.replace("iz", "is").replace("yz", "ys"));
    }
    s
}

/// The American spelling of a British one that news copy uses.
fn american(s: &str) -> Option<&'static str> {
    Some(match s {
        "programme" => "program",
        "programmes" => "programs",
        "defence" => "defense",
        "offence" => "offense",
        "licence" => "license",
        "centre" => "center",
        "centres" => "centers",
        "metre" => "meter",
        "metres" => "meters",
        "theatre" => "theater",
        "favour" => "favor",
        "honour" => "honor",
        "labour" => "labor",
        "colour" => "color",
        "neighbour" => "neighbor",
        "neighbours" => "neighbors",
        "behaviour" => "behavior",
        "rumour" => "rumor",
        "rumours" => "rumors",
        "harbour" => "harbor",
        "endeavour" => "endeavor",
        "travelled" => "traveled",
        "cancelled" => "canceled",
        "judgement" => "judgment",
        "grey" => "gray",
        _ => return None,
    })
}

/// Whether `s` is a number written as a word (`three`, `forty`).
pub fn is_number_word(s: &str) -> bool {
    number_word(s).is_some()
}

fn number_word(s: &str) -> Option<u32> {
    // Every number word has three to nine letters and starts with one of these.
    if !(3..=9).contains(&s.len()) || !matches!(s.as_bytes()[0], b'z' | b'o' | b't' | b'f' | b's' | b'e' | b'n') {
        return None;
    }
    const WORDS: &[&str] = &[
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
    ];
    const TENS: &[(&str, u32)] =
        &[("thirty", 30), ("forty", 40), ("fifty", 50), ("sixty", 60), ("seventy", 70), ("eighty", 80), ("ninety", 90)];
    if let Some(i) = WORDS.iter().position(|w| *w == s) {
        return Some(i as u32);
    }
    TENS.iter().find(|(w, _)| *w == s).map(|&(_, n)| n)
}

/// A light suffix stripper: enough to meet `talks`/`talk`, `resumed`/`resuming`/`resume`,
/// `repeatedly`/`repeated`, without the cost or over-reach of a full stemmer.
pub fn stem(word: &str) -> Cow<'_, str> {
    let mut w = Cow::Borrowed(word);
    if word.bytes().any(|b| !b.is_ascii_alphabetic()) || word.len() <= 3 {
        return w;
    }
    // Every rule strips a suffix, and only two add a letter: most stems are a slice of the word.
    let cut = |w: &mut Cow<'_, str>, n: usize| match w {
        Cow::Borrowed(s) => *s = &s[..s.len() - n],
        Cow::Owned(s) => s.truncate(s.len() - n),
    };
    // Four- and five-letter verbs whose stem ends in a vowel and `e` (`die`, `sue`, `tie`): the
    // rules below leave `died` and `dying` whole, so they would never meet `dies` and `die`.
    match word.as_bytes() {
        [_, b'a' | b'i' | b'o' | b'u' | b'y', b'e', b'd'] => return Cow::Borrowed(&word[..3]),
        [_, b'y', b'i', b'n', b'g'] => return Cow::Owned(format!("{}ie", &word[..1])),
        [_, b'u', b'i', b'n', b'g'] => return Cow::Owned(format!("{}ue", &word[..1])),
        _ => {}
    }
    if w.len() > 5 && w.ends_with("ly") {
        cut(&mut w, 2);
    }
    if w.len() > 4 && w.ends_with("ies") {
        cut(&mut w, 3);
        w.to_mut().push('y');
    } else if w.ends_with("sses") {
        cut(&mut w, 2);
    } else if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        cut(&mut w, 1);
    }
    for suffix in ["ion", "ing", "ed"] {
        if w.len() > suffix.len() + 3 && w.ends_with(suffix) {
            cut(&mut w, suffix.len());
            let b = w.as_bytes();
            let n = b.len();
            if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
                cut(&mut w, 1);
            }
            break;
        }
    }
    if w.len() > 4 && w.ends_with('e') {
        cut(&mut w, 1);
    }
    if w.len() > 4 && w.ends_with('y') {
        cut(&mut w, 1);
        w.to_mut().push('i');
    }
    w
}

/// English function words. Other languages still work: their words all count as content.
pub fn is_stopword(term: &str) -> bool {
    // Asked of every new term: one binary search over numbers instead of over strings.
    is_stop_bytes(term.as_bytes())
}

/// [`is_stopword`] of a term's bytes.
fn is_stop_bytes(term: &[u8]) -> bool {
    // Every stop word starts with a lower-case letter (`STOP_SHAPES` checks it).
    let Some(letter) = term.first().filter(|b| b.is_ascii_lowercase()).map(|&b| (b - b'a') as usize) else { return false };
    // A term whose first letter and length no stop word has is ruled out before the search:
    // most content words are (the search was 2% of a comparison of the seeds natively). The
    // search then runs over the stop words of its first letter only (a tenth of them).
    term.len() <= LONGEST_STOPWORD
        && STOP_SHAPES[letter] >> term.len() & 1 != 0
        && !term.contains(&0)
        && STOP_KEYS[STOP_FROM[letter]..STOP_FROM[letter + 1]].binary_search(&word_key(term)).is_ok()
}

/// For each first letter `a` to `z`, bit `n` set when a stop word of `n` bytes starts with it.
const STOP_SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let mut i = 0;
    while i < STOPWORDS.len() {
        let first = STOPWORDS[i].as_bytes()[0];
        assert!(first.is_ascii_lowercase() && STOPWORDS[i].len() < 32);
        shapes[(first - b'a') as usize] |= 1 << STOPWORDS[i].len();
        i += 1;
    }
    shapes
};

/// For each first letter `a` to `z` (and one past `z`), the index of the first of the sorted
/// [`STOPWORDS`] that starts with it or a later letter.
const STOP_FROM: [usize; 27] = {
    let mut from = [0usize; 27];
    let mut letter = 0;
    while letter < 27 {
        let mut i = 0;
        while i < STOPWORDS.len() && ((STOPWORDS[i].as_bytes()[0] - b'a') as usize) < letter {
            i += 1;
        }
        from[letter] = i;
        letter += 1;
    }
    from
};

/// [`is_stopword`] of `word` lower-cased. An ASCII word is lower-cased on the stack rather than
/// in a new `String`: `clean` asks this of every long word of each article's opening, and the
/// copies were 4% of a comparison of the seeds (natively).
pub fn is_lowered_stopword(word: &str) -> bool {
    if !word.is_ascii() {
        return is_stopword(&word.to_lowercase());
    }
    let mut buffer = [0u8; LONGEST_STOPWORD];
    let Some(lowered) = buffer.get_mut(..word.len()) else { return false };
    lowered.copy_from_slice(word.as_bytes());
    lowered.make_ascii_lowercase();
    is_stop_bytes(lowered)
}

/// A word of at most 16 bytes as a number that sorts as the word does: its bytes, first byte
/// highest, padded with zeros (no word holds a NUL).
const fn word_key(bytes: &[u8]) -> u128 {
    let mut padded = [0u8; 16];
    let mut i = 0;
    while i < bytes.len() && i < 16 {
        padded[i] = bytes[i];
        i += 1;
    }
    u128::from_be_bytes(padded)
}

/// The length of the longest of [`STOPWORDS`]: longer terms are never looked up.
const LONGEST_STOPWORD: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < STOPWORDS.len() {
        if STOPWORDS[i].len() > longest {
            longest = STOPWORDS[i].len();
        }
        i += 1;
    }
    longest
};

/// [`STOPWORDS`] as [`word_key`]s, in the same (sorted) order.
const STOP_KEYS: [u128; STOPWORDS.len()] = {
    let mut keys = [0u128; STOPWORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(STOPWORDS[i].len() <= 16);
        keys[i] = word_key(STOPWORDS[i].as_bytes());
        i += 1;
    }
    keys
};

/// Sorted, for the binary search.
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "according", "added", "after", "again", "against", "all", "also", "although",
    "am", "amid", "an", "and", "any", "are", "as", "at", "be", "because", "been", "before", "being",
    "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "during", "each", "even",
    "ever", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "herself", "him", "himself", "his", "how", "however", "i", "if", "in", "into", "is", "it", "its",
    "itself", "just", "many", "may", "me", "might", "more", "most", "much", "must", "my", "no", "nor",
    "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own",
    "per", "s", "said", "same", "say", "says", "several", "shall", "she", "should", "since", "so", "some",
    "still", "such", "t", "tell", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "though", "through", "to", "told", "too", "under", "until",
    "up", "upon", "very", "via", "was", "we", "were", "what", "when", "where", "whether", "which", "while",
    "who", "whom", "whose", "why", "will", "with", "would", "yet", "you", "your", "yours",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_names_each_text_once_and_gives_it_back() {
        let mut v = Vocabulary::default();
        let texts: Vec<String> = (0..5000).map(|i| format!("w{i}")).chain(["", "한국", "é"].map(String::from)).collect();
        let ids: Vec<u32> = texts.iter().map(|t| v.id(t)).collect();
        assert_eq!(ids, (0..texts.len() as u32).collect::<Vec<_>>(), "new texts get the next id");
        for (t, &id) in texts.iter().zip(&ids) {
            assert_eq!(v.id(t), id, "a known text keeps its id");
            assert_eq!(v.text(id), t);
        }
        assert_eq!(v.len(), texts.len());
    }

    #[test]
    fn a_surface_seen_first_as_a_term_gets_its_own_terms_too() {
        // "talks" is derived first, giving the term "talk"; the surface "talk" must still get
        // its terms, not the empty list of a text that was only a term so far.
        let mut v = Vocabulary::default();
        let talks = v.surface("talks");
        let talk = v.surface("talk");
        let texts = |id: u32| v.terms_of(id).iter().map(|&(t, stop)| (v.text(t).to_string(), stop)).collect::<Vec<_>>();
        assert_eq!(texts(talks), [("talk".to_string(), false)]);
        assert_eq!(texts(talk), texts(talks));
    }

    #[test]
    fn a_surface_keeps_its_id_and_its_terms() {
        let mut v = Vocabulary::default();
        for text in ["I'll", "won't", "Kim Jong-un's", "organised", "forty", "U.S.", "talks"] {
            let first = words(text, 0..text.len(), &mut v);
            let again = words(text, 0..text.len(), &mut v);
            assert_eq!(first, again, "{text}");
            assert_eq!(terms(&first, &v), terms(&again, &v), "{text}");
        }
    }

    fn surfaces(s: &str) -> Vec<String> {
        let mut v = Vocabulary::default();
        words(s, 0..s.len(), &mut v).into_iter().map(|w| v.text(w.surface).to_string()).collect()
    }

    fn term_texts(s: &str) -> Vec<String> {
        let mut v = Vocabulary::default();
        let ws = words(s, 0..s.len(), &mut v);
        terms(&ws, &v).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn word_spans_slice_the_input() {
        let s = "“Hello,” Ana said — in Zürich. 東京 2.5%";
        for w in words(s, 0..s.len(), &mut Vocabulary::default()) {
            assert!(s.get(w.span.clone()).is_some());
        }
        assert_eq!(surfaces(s), ["hello", "ana", "said", "in", "zürich", "東", "京", "2.5"]);
    }

    #[test]
    fn surface_unifies_quotes_dashes_and_width() {
        assert_eq!(surfaces("Korea’s ＵＮ Jong‐un"), surfaces("korea's UN jong-un"));
    }

    #[test]
    fn acronyms_and_numbers_stay_whole() {
        assert_eq!(surfaces("the U.S. paid $1,000.50 at 15:22"), ["the", "u.s.", "paid", "1,000.50", "at", "15", "22"]);
    }

    #[test]
    fn hyphenated_names_and_spaced_names_give_the_same_terms() {
        assert_eq!(term_texts("Kim Jong-un"), term_texts("Kim Jong Un"));
        assert_ne!(surfaces("Kim Jong-un"), surfaces("Kim Jong Un"));
    }

    #[test]
    fn contractions_expand_to_long_forms() {
        assert_eq!(term_texts("I'll leave that"), term_texts("I will leave that"));
        assert_eq!(term_texts("they don't know"), term_texts("they do not know"));
    }

    #[test]
    fn british_and_american_spellings_meet() {
        assert_eq!(term_texts("the demilitarised zone programme"), term_texts("the demilitarized zone program"));
    }

    #[test]
    fn stemming_meets_inflections() {
        assert_eq!(stem("talks"), stem("talk"));
        for forms in [["died", "dies", "die", "dying"], ["sued", "sues", "sue", "suing"], ["tied", "ties", "tie", "tying"]] {
            assert!(forms.iter().all(|f| stem(f) == stem(forms[0])), "{forms:?}");
        }
        for (a, b) in [("need", "nee"), ("seed", "see"), ("shed", "she"), ("used", "use")] {
            assert_ne!(stem(a), stem(b), "{a} is not a form of {b}");
        }
        assert_eq!(stem("resumed"), stem("resume"));
        assert_eq!(stem("resuming"), stem("resume"));
        assert_eq!(stem("summits"), stem("summit"));
        assert_eq!(stem("stopped"), stem("stop"));
        assert_eq!(stem("evacuation"), stem("evacuate"));
        assert_eq!(stem("elections"), stem("elected"));
    }

    #[test]
    fn number_words_become_digits() {
        assert_eq!(term_texts("three summits"), term_texts("3 summits"));
    }

    #[test]
    fn stopwords_are_sorted_for_binary_search() {
        assert!(STOPWORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_KEYS.windows(2).all(|k| k[0] < k[1]), "word keys sort as the words do");
    }

    #[test]
    fn stopwords_are_found_by_key_and_nothing_else_is() {
        for word in STOPWORDS {
            assert!(is_stopword(word), "{word}");
            for near in [format!("{word}s"), format!("{word}\0"), word[..word.len() - 1].to_string(), word.to_uppercase()] {
                assert_eq!(is_stopword(&near), STOPWORDS.contains(&near.as_str()), "{near:?}");
            }
        }
        for other in ["", "themselvesandmore", "ünder", "summit", "zz"] {
            assert!(!is_stopword(other), "{other}");
        }
    }

    #[test]
    fn a_lowered_stopword_is_the_stopword_of_the_lower_cased_word() {
        let capital = |w: &str| w.chars().take(1).flat_map(char::to_uppercase).chain(w.chars().skip(1)).collect::<String>();
        for word in STOPWORDS.iter().copied().chain(["Summit", "ÜNDER", "\u{212A}now", "İt", "T\0he", "zz"]) {
            for w in [word.to_string(), word.to_uppercase(), capital(word), format!("{word}s")] {
                assert_eq!(is_lowered_stopword(&w), is_stopword(&w.to_lowercase()), "{w:?}");
            }
        }
    }

    #[test]
    fn function_words_are_marked_stop() {
        let mut v = Vocabulary::default();
        let t = terms(&words("the summit in Hanoi", 0..19, &mut v), &v);
        assert!(t[0].stop && !t[1].stop && t[2].stop && !t[3].stop);
    }
}
