//! Reading a paste into lines: splitting at line ends (eight bytes at a time), joining lines a
//! narrow column wrapped, and counting their words.

use super::*;

// The whole-text and per-line scans look for a few kinds of ASCII byte (line ends, letters,
// digits) in text that is mostly without them: testing eight bytes with a handful of integer
// operations beats a branch per byte, in wasm as natively.

/// Every byte of a word set to one.
pub(super) const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word: set in the bytes of non-ASCII characters.
pub(super) const HIGH: u64 = 0x8080_8080_8080_8080;
/// The bit of every byte of a word that tells an ASCII letter's case (set in small letters).
pub(super) const CASE: u64 = 0x2020_2020_2020_2020;

/// `bytes` as words of eight bytes, first byte lowest; the last bytes, fewer than eight, are left out.
pub(super) fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks_exact(8).map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")))
}

/// Where, from `at` on, the first byte that `marks` marks ([`bytes_in`]) is, or where fewer
/// than eight bytes are left: where to go on one byte at a time.
pub(super) fn skip(bytes: &[u8], at: usize, marks: impl Fn(u64) -> u64) -> usize {
    let mut end = at;
    for w in words(&bytes[at..]) {
        let m = marks(w);
        if m != 0 {
            return end + first_marked(m);
        }
        end += 8;
    }
    end
}

/// The high bit of each byte of `w` that lies in `lo..=hi` (ASCII: `hi` below 0x80).
pub(super) fn bytes_in(w: u64, lo: u8, hi: u8) -> u64 {
    // With the high bits cleared no byte carries into the next: adding 0x80 - lo sets a
    // byte's high bit when it is `lo` or above, adding 0x7F - hi when it is above `hi`.
    let x = w & !HIGH;
    (x + ONES * (0x80 - lo) as u64) & !(x + ONES * (0x7F - hi) as u64) & !w & HIGH
}

/// The high bit of each byte of `w` that is `b`, or (`b` a small letter) its capital.
pub(super) fn bytes_eq(w: u64, b: u8) -> u64 {
    // Setting the case bit makes capitals small letters, and no other byte one.
    let case = if b.is_ascii_lowercase() { CASE } else { 0 };
    let x = (w | case) ^ (ONES * b as u64);
    // The bytes of `x` that are zero: their low bits added to 0x7F leave the high bit unset.
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// The ASCII letters of `w`, as [`bytes_in`] marks them.
pub(super) fn letters_in(w: u64) -> u64 {
    // Setting the case bit makes capitals small letters, and no other byte one.
    bytes_in(w | CASE, b'a', b'z')
}

/// How many bytes a [`bytes_in`] mask marks.
pub(super) fn marked(mask: u64) -> usize {
    // One in each marked byte, summed into the top byte (eight at most: no carry out).
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The position of the first byte a non-zero [`bytes_in`] mask marks.
pub(super) fn first_marked(mask: u64) -> usize {
    mask.trailing_zeros() as usize / 8
}

/// Where `bytes` has its first ASCII digit.
pub(super) fn first_digit(bytes: &[u8]) -> Option<usize> {
    let at = skip(bytes, 0, |w| bytes_in(w, b'0', b'9'));
    bytes[at..].iter().position(u8::is_ascii_digit).map(|i| at + i)
}

/// Whether `bytes` has `n` ASCII digits or more.
pub(super) fn has_digits(bytes: &[u8], n: usize) -> bool {
    let mut count = 0;
    for w in words(bytes) {
        count += marked(bytes_in(w, b'0', b'9'));
        if count >= n {
            return true;
        }
    }
    count + bytes[bytes.len() / 8 * 8..].iter().filter(|b| b.is_ascii_digit()).count() >= n
}

// ---------------------------------------------------------------------------------------------
// Lines

/// Reads a paste into an [`Outline`]: its lines, hard-wrapped ones joined, are the blocks, each
/// in an element of its own (`line`), and each run of lines with no blank line between them is
/// an element under the root that holds theirs (`box`: a box of the page, such as a share bar,
/// a list, a caption over its credit), as a web page's `<div>` holds its `<p>`s.
pub fn outline(text: &str) -> Outline {
    let lines = join_wrapped(text, split_lines(text));
    let element = |parent: usize, tag: &'static str| Element { parent, tag: Cow::Borrowed(tag), hint: Hint::None };
    let mut out = Outline { blocks: Vec::with_capacity(lines.len()), elements: Vec::with_capacity(lines.len() * 2) };
    out.elements.push(element(0, "paste"));
    let mut current = 0;
    for line in lines {
        if line.after_blank {
            current = out.elements.len();
            out.elements.push(element(0, "box"));
        }
        out.elements.push(element(current, "line"));
        let kind = line_kind(&text[line.span.clone()]);
        out.blocks.push(Block { span: line.span, kind, parent: out.elements.len() - 1, link_bytes: 0 });
    }
    out
}

/// What a paste's line shows itself to be: a list item by its bullet or number, a paragraph by
/// its prose, else text.
fn line_kind(s: &str) -> Kind {
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    let bullet = matches!(first, '•' | '·' | '▪' | '◦' | '‣' | '∙' | '●' | '■' | '►' | '▸' | '›' | '»' | '*' | '-' | '–') && chars.next().is_some_and(char::is_whitespace);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = (1..=2).contains(&digits) && matches!(s.as_bytes().get(digits..digits + 2), Some([b'.' | b')', b' ']));
    if bullet || numbered {
        Kind::ListItem
    } else if is_prose(s, word_count(s)) {
        Kind::Paragraph
    } else {
        Kind::Text
    }
}

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\0')
}

pub(super) fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return span.start..span.start;
    }
    span.start + lead..span.end - trail
}

/// Lines end at `\n`, `\r\n`, a lone `\r` (old Mac files) and U+2028/U+2029.
pub(super) fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    let mut blank_before = true;
    let push = |start: usize, end: usize, lines: &mut Vec<Line>, blank_before: &mut bool| {
        let span = trim_span(text, start..end);
        if span.is_empty() {
            *blank_before = true;
        } else {
            lines.push(Line { span, class: Class::Short, after_blank: *blank_before, keyword: None, stamp: false, glued: false });
            *blank_before = false;
        }
    };
    // Byte by byte: in UTF-8, U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Only those bytes and non-ASCII ones can end a line: on to the first of them.
        i = skip(bytes, i, |w| w & HIGH | bytes_in(w, b'\n', b'\r'));
        let Some(&b) = bytes.get(i) else { break };
        let len = match b {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => 2,
            b'\n' | b'\r' => 1,
            0xE2 if matches!(bytes.get(i + 1..i + 3), Some([0x80, 0xA8 | 0xA9])) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        push(start, i, &mut lines, &mut blank_before);
        i += len;
        start = i;
    }
    push(start, text.len(), &mut lines, &mut blank_before);
    lines
}

/// The narrowest width, in bytes, that text is hard-wrapped at (a narrow column).
pub(super) const WRAP_WIDTH: usize = 40;

/// Hard-wrapped paragraphs come back as one line: a line continues the previous one when
/// that one stops mid-sentence (no final punctuation) and this one starts in lower case, or
/// the previous one ends with a comma, hyphen or semicolon — unless the previous one is
/// chrome or metadata on its own.
pub(super) fn join_wrapped(text: &str, lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // The previous physical line: the tests look at it, not at the joined paragraph, which
    // keeps the work linear however many lines join.
    let mut last: Option<std::ops::Range<usize>> = None;
    for line in lines {
        if let (Some(prev), Some(physical)) = (out.last_mut(), last.clone()) {
            let before = &text[physical];
            let next = &text[line.span.clone()];
            // A line is wrapped where the next word would not fit: a short one was not. Nor is
            // a line continued by an address or an icon's name (`chevron_left Browse All`).
            let word = next.split(' ').next().unwrap_or("");
            let fits = before.len() + word.len() < WRAP_WIDTH;
            let starts_lower = next.chars().next().is_some_and(char::is_lowercase) && !fits && !word.bytes().any(|b| b == b'_' || b == b'/');
            let open_end = before.ends_with([',', ';', '-']);
            // A line that is chrome or metadata on its own (a byline, a date) was not wrapped.
            let whole = || chrome(before, word_count(before)).is_some() || byline(before).is_some() || date_prefix(before).is_some();
            // Nor does a byline under a headline continue it (`… comes out` / `by Jane Doe`).
            let own = || credited(&text[line.span.clone()]);
            if !line.after_blank && (open_end || (starts_lower && !ends_sentence(before))) && !whole() && !own() {
                prev.span.end = line.span.end;
                last = Some(line.span.clone());
                continue;
            }
        }
        last = Some(line.span.clone());
        out.push(line);
    }
    out
}

/// `s` in lower case, for matching patterns written in lower case.
pub(super) fn lower(s: &str) -> String {
    s.to_lowercase()
}

/// How many words `s` has, counted up to [`WORDS_COUNTED`]: what most rules measure a line by.
pub(crate) fn word_count(s: &str) -> usize {
    // Whitespace-separated runs with a letter or digit; half the ideographs for text written
    // without spaces. Every caller compares the count with a number under WORDS_COUNTED, so
    // counting stops there: long paragraphs are most of the text and reach it early.
    let (mut spaced, mut ideographs, mut alphanumeric) = (0, 0, false);
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b < 0x80 {
            // ASCII, most of the text: whitespace as `char::is_whitespace` has it (all of it
            // up to the space; the other control characters are neither space nor word).
            at += 1;
            if b > b' ' {
                if b.is_ascii_alphanumeric() {
                    // The word counts: on to its end (as far as ASCII goes).
                    alphanumeric = true;
                    while bytes.get(at).is_some_and(|&b| b > b' ' && b < 0x80) {
                        at += 1;
                    }
                }
            } else if matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r') {
                spaced += alphanumeric as usize;
                alphanumeric = false;
                if spaced >= WORDS_COUNTED {
                    break;
                }
            }
            continue;
        }
        let c = s[at..].chars().next().expect("a character starts here");
        at += c.len_utf8();
        if c.is_whitespace() {
            spaced += alphanumeric as usize;
            alphanumeric = false;
            if spaced >= WORDS_COUNTED {
                break;
            }
        } else if is_hangul_syllable(c) {
            alphanumeric = true;
        } else if !is_general_punctuation(c) {
            alphanumeric |= c.is_alphanumeric();
            ideographs += is_ideograph(c) as usize;
        }
    }
    (spaced + alphanumeric as usize).max(ideographs / 2).min(WORDS_COUNTED)
}

/// Where [`word_count`] stops counting: above every number a caller compares the count with
/// (40 at most).
pub(super) const WORDS_COUNTED: usize = 41;
