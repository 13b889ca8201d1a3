//! BERT's tokenizer: text into the token ids of an uncased WordPiece vocabulary.
//!
//! The static sentence vectors ([`crate::embed`]) are rows of a table indexed by the token ids
//! of all-MiniLM-L6-v2's tokenizer, so the text must be cut exactly as that tokenizer cuts it:
//! first the basic tokenizer (drop control characters, isolate CJK ideographs, lower-case, strip
//! accents, split on whitespace and punctuation), then greedy longest-match-first WordPiece with
//! `##` continuations. `tests/wordpiece.rs` pins the result against the source tokenizer's ids.
//! Hand-written rather than the `tokenizers` crate, which builds for wasm but adds about
//! 0.8 MB gzipped for what is here a hundred lines.

mod marks;
mod tables;


/// A WordPiece vocabulary and the rules of the tokenizer that uses it.
#[derive(Debug, Clone)]
pub struct WordPiece {
    /// Pieces that start a word, by text.
    starts: Pieces,
    /// Pieces that continue a word (`##ing`), by their text without the `##`.
    continuations: Pieces,
    /// The id of `[UNK]`, which stands for a word the pieces cannot spell.
    unk: u32,
    /// Lower-case and strip accents (an uncased model).
    uncased: bool,
    /// Longer words (in characters) are `[UNK]` whole, as in BERT.
    max_chars: usize,
    /// The special tokens (`[CLS]`, `[SEP]`, …) with their ids: written in a text, each is that
    /// one token, as in the source tokenizer, which takes them out before anything else.
    specials: Vec<(Box<str>, u32)>,
}

/// Pieces by their text: all the texts in one string, found through an open-addressing table of
/// their indices.
///
/// A map of `Box<str>` made the 30,522 entries of the shipped vocabulary as many allocations,
/// each hashed again as the map grew: `loadVectors` took 35-57 ms on a fresh wasm instance in
/// Node (V8's baseline code, as in a page's worker), most of it building the two maps.
#[derive(Debug, Clone, Default)]
struct Pieces {
    /// Every piece's text, one after another.
    text: String,
    /// Piece `i`'s text is `text[ends[i - 1]..ends[i]]` (from 0 for the first).
    ends: Vec<u32>,
    /// Each piece's id, by piece.
    ids: Vec<u32>,
    /// Open addressing, linear probing: a piece's index plus one, or 0 for an empty slot. At
    /// most half full.
    slots: Vec<u32>,
}

impl Pieces {
    /// A table for up to `n` pieces.
    fn with_capacity(n: usize) -> Self {
        Pieces { slots: vec![0; (2 * n).next_power_of_two().max(8)], ..Default::default() }
    }

    /// Piece `i`'s text, as bytes: what the table hashes and compares, without checking that
    /// its ends are char boundaries as slicing a `str` does (slicing it as a `str` was 1.0% of
    /// the seeds' time in a wasm profile, as much as the rest of the lookup).
    fn piece(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text.as_bytes()[start..self.ends[i] as usize]
    }

    /// The slot where `piece` is, or the empty slot where it would go.
    fn slot(&self, piece: &str) -> usize {
        let mut hasher = crate::hash::FastHasher::default();
        std::hash::Hasher::write(&mut hasher, piece.as_bytes());
        let mask = self.slots.len() - 1;
        let mut at = std::hash::Hasher::finish(&hasher) as usize & mask;
        while self.slots[at] != 0 && self.piece(self.slots[at] as usize - 1) != piece.as_bytes() {
            at = (at + 1) & mask;
        }
        at
    }

    /// Adds `piece` with `id`, unless it is there already (the first id of a text stays, as
    /// `entry().or_insert()` kept it).
    fn insert(&mut self, piece: &str, id: u32) {
        if 2 * (self.ids.len() + 1) > self.slots.len() {
            self.grow();
        }
        let at = self.slot(piece);
        if self.slots[at] == 0 {
            self.text.push_str(piece);
            self.ends.push(self.text.len() as u32);
            self.ids.push(id);
            self.slots[at] = self.ids.len() as u32;
        }
    }

    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for i in 0..self.ids.len() {
            let mut hasher = crate::hash::FastHasher::default();
            std::hash::Hasher::write(&mut hasher, self.piece(i));
            let mut at = std::hash::Hasher::finish(&hasher) as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = i as u32 + 1;
        }
        self.slots = slots;
    }

    fn get(&self, piece: &str) -> Option<u32> {
        match self.slots[self.slot(piece)] {
            0 => None,
            i => Some(self.ids[i as usize - 1]),
        }
    }
}

/// The prefix that marks a piece continuing a word.
const CONTINUATION: &str = "##";

impl WordPiece {
    /// A tokenizer over `tokens`, the vocabulary in id order (`vocab.txt`'s lines).
    pub fn new<'a>(tokens: impl IntoIterator<Item = &'a str>, unk: u32, uncased: bool, max_chars: usize) -> Self {
        let tokens = tokens.into_iter();
        let (mut starts, mut continuations, mut specials) = (Pieces::with_capacity(tokens.size_hint().0), Pieces::with_capacity(0), Vec::new());
        for (id, token) in tokens.enumerate() {
            let id = id as u32;
            if is_special(token) {
                specials.push((token.into(), id));
            }
            match token.strip_prefix(CONTINUATION) {
                Some(rest) if !rest.is_empty() => continuations.insert(rest, id),
                _ => starts.insert(token, id),
            };
        }
        WordPiece { starts, continuations, unk, uncased, max_chars, specials }
    }

    /// The token ids of `text`, without `[CLS]` and `[SEP]`.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        let mut ids = Vec::new();
        self.words(text, |word| self.pieces(word, &mut ids));
        ids
    }

    /// The first special token written in `text`: where, which, and its id.
    fn next_special(&self, text: &str) -> Option<(usize, &str, u32)> {
        if !text.contains('[') {
            return None;
        }
        self.specials.iter().filter_map(|(token, id)| Some((text.find(&**token)?, &**token, *id))).min_by_key(|&(at, _, _)| at)
    }

    /// Calls `each` with every word of `text` as the basic tokenizer cuts and normalizes it:
    /// runs of letters and digits, each punctuation mark alone, and each special token written
    /// in the text as it is (which [`WordPiece::pieces`] turns into its one id).
    pub fn words(&self, text: &str, mut each: impl FnMut(&str)) {
        let mut rest = text;
        while let Some((at, token, _)) = self.next_special(rest) {
            self.plain_words(&rest[..at], &mut each);
            each(token);
            rest = &rest[at + token.len()..];
        }
        self.plain_words(rest, &mut each);
    }

    /// [`WordPiece::words`] of a text with no special token in it.
    fn plain_words(&self, text: &str, mut each: impl FnMut(&str)) {
        let mut word = String::new();
        let mut flush = |word: &mut String| {
            if !word.is_empty() {
                each(word);
                word.clear();
            }
        };
        for c in text.chars() {
            // ASCII, most of any English text, is classed without the tables' binary searches:
            // about a fifth fewer instructions for the seeds' sentence vectors.
            let class = if c.is_ascii() { ascii_class(c as u8) } else { class(c) };
            match class {
                Class::Dropped => {}
                Class::Space => flush(&mut word),
                Class::Alone => {
                    flush(&mut word);
                    word.push(c);
                    flush(&mut word);
                }
                Class::Letter if self.uncased => push_uncased(c, &mut word),
                Class::Letter => word.push(c),
            }
        }
        flush(&mut word);
    }

    /// Appends the ids of one normalized word: the longest vocabulary piece that starts it, then
    /// the longest continuation piece at each point after; `[UNK]` for the whole word when no
    /// piece fits somewhere, or when it is longer than `max_chars`.
    pub fn pieces(&self, word: &str, ids: &mut Vec<u32>) {
        // Punctuation never joins a word, so a word with a bracket is a special token.
        if let Some(&(_, id)) = word.starts_with('[').then(|| self.specials.iter().find(|(t, _)| &**t == word)).flatten() {
            ids.push(id);
            return;
        }
        if word.chars().count() > self.max_chars {
            ids.push(self.unk);
            return;
        }
        let before = ids.len();
        let mut start = 0;
        while start < word.len() {
            let table = if start == 0 { &self.starts } else { &self.continuations };
            let found = char_ends(&word[start..]).rev().find_map(|end| table.get(&word[start..start + end]).map(|id| (end, id)));
            match found {
                Some((end, id)) => {
                    ids.push(id);
                    start += end;
                }
                None => {
                    ids.truncate(before);
                    ids.push(self.unk);
                    return;
                }
            }
        }
    }
}

/// What the basic tokenizer does with a character.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    /// Dropped: NUL, U+FFFD and control characters.
    Dropped,
    /// Whitespace: ends a word.
    Space,
    /// Punctuation and CJK ideographs: a word of its own.
    Alone,
    /// Part of a word.
    Letter,
}

/// The [`Class`] of any character.
fn class(c: char) -> Class {
    if c == '\0' || c == '\u{FFFD}' || is_control(c) {
        Class::Dropped
    } else if c.is_whitespace() {
        Class::Space
    } else if is_punctuation(c) || is_cjk(c) {
        Class::Alone
    } else {
        Class::Letter
    }
}

/// [`class`] of an ASCII character, from its byte (a test checks the two agree).
fn ascii_class(b: u8) -> Class {
    match b {
        b'\t' | b'\n' | b'\r' | b' ' => Class::Space,
        0..=0x1F | 0x7F => Class::Dropped,
        _ if b.is_ascii_punctuation() => Class::Alone,
        _ => Class::Letter,
    }
}

/// Whether a vocabulary entry is a special token: upper-case letters in brackets, as `[CLS]`
/// (the `[unused0]` placeholders are ordinary entries).
fn is_special(token: &str) -> bool {
    token.len() > 2 && token.starts_with('[') && token.ends_with(']') && token[1..token.len() - 1].bytes().all(|b| b.is_ascii_uppercase())
}

/// The byte offsets just after each character of `s`, in order.
fn char_ends(s: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    s.char_indices().map(|(i, c)| i + c.len_utf8())
}

/// Lower-cases `c` and strips its accents (canonical decomposition, nonspacing marks dropped),
/// as an uncased BERT does before it splits words.
fn push_uncased(c: char, word: &mut String) {
    if c.is_ascii() {
        word.push(c.to_ascii_lowercase());
        return;
    }
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !is_mark(d) || in_table(tables::KEPT_MARK, d) {
            word.extend(d.to_lowercase());
        }
    });
}

/// `unicode_normalization::char::is_combining_mark`, from the same set as sorted ranges
/// (src/wordpiece/marks.rs): the crate's hashed table is about 15 kB of wasm data that gzip
/// cannot shrink, the ranges 2.7 kB that it can (about 8 kB gzipped saved in all).
fn is_mark(c: char) -> bool {
    let c = c as u32;
    marks::MARK.binary_search_by(|&(lo, hi)| if hi < c { std::cmp::Ordering::Less } else if lo > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

fn in_table(table: &[(u16, u16)], c: char) -> bool {
    let Ok(c) = u16::try_from(c as u32) else { return false };
    table.binary_search_by(|&(lo, hi)| if hi < c { std::cmp::Ordering::Less } else if lo > c { std::cmp::Ordering::Greater } else { std::cmp::Ordering::Equal }).is_ok()
}

/// BERT's punctuation: every ASCII symbol (`$`, `+`, `^` too), and Unicode's punctuation.
fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation() || (!c.is_ascii() && in_table(tables::PUNCTUATION, c))
}

/// Control and format characters, dropped; tab and line ends are whitespace instead.
fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r') && in_table(tables::CONTROL, c)
}

/// CJK ideographs, which BERT tokenizes one at a time.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> WordPiece {
        let vocab = ["[PAD]", "[UNK]", "the", "vote", "un", "##aff", "##able", "97", "-", "1", "cafe", ",", "東", "京", "'", "s", "trump"];
        WordPiece::new(vocab, 1, true, 100)
    }

    #[test]
    fn words_are_split_greedily_into_the_longest_pieces() {
        assert_eq!(tiny().encode("unaffable"), vec![4, 5, 6]);
    }

    #[test]
    fn a_word_the_pieces_cannot_spell_is_one_unknown() {
        assert_eq!(tiny().encode("unaffablex the"), vec![1, 2]);
    }

    #[test]
    fn punctuation_and_cjk_stand_alone_and_accents_and_case_go() {
        let wp = tiny();
        assert_eq!(wp.encode("The 97-1 vote, Café"), vec![2, 7, 8, 9, 3, 11, 10]);
        assert_eq!(wp.encode("東京"), vec![12, 13]);
        assert_eq!(wp.encode("Trump's"), vec![16, 14, 15]);
    }

    #[test]
    fn control_characters_are_dropped_and_odd_spaces_split() {
        let wp = tiny();
        assert_eq!(wp.encode("vo\u{200B}te"), vec![3]);
        assert_eq!(wp.encode("the\u{A0}vote\u{3000}the"), vec![2, 3, 2]);
    }

    #[test]
    fn a_special_token_written_in_the_text_is_that_token() {
        assert_eq!(tiny().encode("the[UNK]vote [PAD]"), vec![2, 1, 3, 0]);
    }

    #[test]
    fn ascii_is_classed_from_its_byte_as_from_the_tables() {
        for b in 0..0x80u8 {
            assert_eq!(ascii_class(b), class(b as char), "{b:#04x}");
        }
    }

    #[test]
    fn marks_are_the_crates_combining_marks() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_mark(c), unicode_normalization::char::is_combining_mark(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn a_word_over_the_length_limit_is_unknown() {
        let wp = WordPiece::new(["[UNK]", "a", "##a"], 0, true, 4);
        assert_eq!(wp.encode("aaaa"), vec![1, 2, 2, 2]);
        assert_eq!(wp.encode("aaaaa"), vec![0]);
    }
}
