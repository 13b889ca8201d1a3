//! Cleaning: separate the article from the page chrome pasted with it, and read its metadata.
//!
//! Works on lines, in three passes:
//! 1. each line on its own: patterns that mark chrome anywhere (prompts, copyright, contact,
//!    credits, labels, date and byline lines), lines in another script than the article,
//!    and lines repeated from earlier in the text;
//! 2. what is left is prose (a sentence-like line) or short (no final punctuation, or few
//!    words); prose that is not a caption marks the body;
//! 3. short lines are judged by where they are: before the body they are the headline and the
//!    header block (outlet, section, author), inside it subheads and speaker lines, after it
//!    sign-offs, menus and headline lists.
//!
//! Nothing is rewritten: the result is spans of the input, each kept with a role or removed
//! with a reason, so the page can show every removed span and a user can restore it.

use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::normalize::is_ideograph;
use crate::report::{Reason, Role};
use std::borrow::Cow;
use std::ops::Range;

mod headline;

/// A kept paragraph of the article, to be split into sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// What part of the article it is.
    pub role: Role,
}

/// A removed span of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// Why it is not article text.
    pub reason: Reason,
}

/// What the text says about the article itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publisher.
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Bylined authors.
    pub authors: Vec<String>,
    /// Section or programme name (`World`, `News Today`).
    pub section: Option<String>,
    /// A web page's canonical URL.
    pub url: Option<String>,
    /// A web page's declared language.
    pub lang: Option<String>,
    /// Publication date and time as a web page gives it (ISO 8601).
    pub datetime: Option<String>,
}

/// An article separated from its page chrome.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Kept paragraphs in reading order.
    pub blocks: Vec<Block>,
    /// Removed spans in input order; together with `blocks` they cover every non-blank line.
    pub removed: Vec<Cut>,
    /// Title, outlet, date, authors.
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    Cut(Reason),
    Prose,
    Short,
    Title,
    Caption,
    Speaker,
    Body,
}

#[derive(Debug, Clone)]
struct Line {
    /// The line without surrounding whitespace (and without cut prefixes/suffixes).
    span: Range<usize>,
    class: Class,
    /// A blank line came before it: paragraphs never join across one.
    after_blank: bool,
    /// For a line that reads as a sentence, the reason a chrome keyword in it gives: it is
    /// removed for it only outside the article, never between the article's first and last
    /// paragraphs (an article about copyright says "copyright").
    keyword: Option<Reason>,
    /// A time relative to the reader's (`3h ago`): lists of stories and reader comments print
    /// one under each entry, an article's text does not.
    stamp: bool,
    /// A teaser's headline run into its summary (`… Student-AthleteA 24-year-old woman …`).
    glued: bool,
}

/// Separates the article in `text` from page chrome and reads its metadata.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let mut lines = join_wrapped(text, split_lines(text));
    let script = dominant_script(text);

    let words: Vec<usize> = lines.iter_mut().map(|line| classify(text, line, script, &mut out)).collect();
    // A teaser run into its summary comes in a list of them: one alone is more likely a
    // headline run into its article, or a name written in one (`BlackBerry`).
    let glued: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].glued).collect();
    for (k, &i) in glued.iter().enumerate() {
        let near = |j: Option<&usize>| j.is_some_and(|&j| j.abs_diff(i) <= GLUED_NEAR);
        lines[i].glued = near(k.checked_sub(1).and_then(|p| glued.get(p))) || near(glued.get(k + 1));
    }
    mark_duplicates(text, &mut lines, &words);
    // Boxes, appeals and bare credits are told by lines that share a box (no blank line
    // between them), which only a text whose paragraphs are parted by blank lines shows.
    let boxed = paragraphed(&lines, &words);
    if boxed {
        mark_boxes(text, &mut lines, &words);
    }
    for (line, &words) in lines.iter_mut().zip(&words) {
        if line.class == Class::Short && !line.glued && is_prose(&text[line.span.clone()], words) {
            line.class = Class::Prose;
        }
    }
    if boxed {
        mark_pitches(&mut lines, &words);
    }
    mark_captions(text, &mut lines, &mut out);
    // After the captions: a caption over a bare name is told by that name alone, which a
    // paragraph outside the article may have under it too; it stays prose, for the runs to judge.
    if boxed {
        mark_bare_credits(text, &mut lines, &words);
    }

    let runs = article_runs(text, &lines).map(|mut r| {
        drop_teasers(text, &lines, &mut r);
        r
    });
    // The article's first and last paragraphs are ones no keyword marks: a copyright or
    // standards line that reads as a sentence at its edge is not inside it.
    let mut body: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].class == Class::Prose && lines[i].keyword.is_none() && runs.as_ref().is_some_and(|r| r[i])).collect();
    // A note on the author closing the article is not its last paragraph.
    if let Some(&last) = body.last().filter(|&&i| author_note(&text[lines[i].span.clone()], &out.meta.authors)) {
        lines[last].class = Class::Cut(Reason::Metadata);
        body.pop();
    }
    match (body.first(), body.last()) {
        (Some(&first), Some(&last)) => {
            // Prose outside the article's runs: a site's blurb above it, teasers or reader
            // comments below it.
            for (i, line) in lines.iter_mut().enumerate() {
                if let (Some(reason), true, Class::Prose) = (line.keyword, i < first || i > last, line.class) {
                    line.class = Class::Cut(reason);
                } else if line.class == Class::Prose && !runs.as_ref().is_some_and(|r| r[i]) {
                    line.class = Class::Cut(Reason::Outside);
                }
            }
            let chosen = headline::choose(text, &lines, first, last);
            let mut first = first;
            header(text, &mut lines[..first], chosen.map(|t| (t < first).then_some(t)), &mut out.meta, &mut out.removed);
            // The standfirst: prose right under the headline with only removed lines (byline,
            // date, share buttons) between it and the body. That chrome can part it from the
            // body's run, but it is the article's.
            if let Some(t) = chosen.filter(|&t| t < first) {
                // (A photo and its caption may stand between them too.)
                let cut = |l: &Line| matches!(l.class, Class::Cut(r) if r != Reason::Outside) || l.class == Class::Caption;
                if let Some(j) = (t + 1..first).find(|&j| !cut(&lines[j])) {
                    if lines[j].class == Class::Cut(Reason::Outside) && lines[j].keyword.is_none() && lines[j + 1..first].iter().all(cut) {
                        lines[j].class = Class::Body;
                    }
                }
            }
            // A headline that reads as prose (a question, a long one) stood first in the body.
            if let Some(t) = chosen.filter(|&t| t >= first) {
                lines[t].class = Class::Title;
                if let Some(next) = (t + 1..=last).find(|&i| lines[i].class == Class::Prose) {
                    first = next;
                }
            }
            middle(text, &mut lines[first..=last]);
            tail(text, &mut lines[last + 1..], &mut out.meta);
            dateline(text, &mut lines[first], &mut out);
            signoff(text, &mut lines[last], &mut out);
            if chosen.is_none() && !lines[..first].iter().any(|l| l.class == Class::Title) {
                // The page's address, pasted before the article, often spells its headline.
                let address = lines[..first].iter().map(|l| &text[l.span.clone()]).find(|s| url_only(s)).unwrap_or("");
                if let Some(title) = runon_title(text, &mut lines[first], address, &mut out) {
                    lines.insert(first, title);
                }
            }
        }
        // No prose at all: the lines are all the article there is.
        _ => middle(text, &mut lines),
    }

    for line in &lines {
        let role = match line.class {
            Class::Cut(reason) => {
                out.removed.push(Cut { span: line.span.clone(), reason });
                continue;
            }
            Class::Title => Role::Title,
            Class::Caption => Role::Caption,
            Class::Speaker => Role::Speaker,
            Class::Prose | Class::Short | Class::Body => Role::Body,
        };
        if line.span.is_empty() {
            continue;
        }
        if role == Role::Title && out.meta.title.is_none() {
            out.meta.title = Some(text[line.span.clone()].to_string());
        }
        out.blocks.push(Block { span: line.span.clone(), role });
    }
    crate::sort::by_key(&mut out.removed, |c| crate::sort::pair(c.span.start, c.span.end));
    out
}

// ---------------------------------------------------------------------------------------------
// Bytes, eight at a time

// The whole-text and per-line scans look for a few kinds of ASCII byte (line ends, letters,
// digits) in text that is mostly without them: testing eight bytes with a handful of integer
// operations beats a branch per byte, in wasm as natively.

/// Every byte of a word set to one.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte of a word: set in the bytes of non-ASCII characters.
const HIGH: u64 = 0x8080_8080_8080_8080;
/// The bit of every byte of a word that tells an ASCII letter's case (set in small letters).
const CASE: u64 = 0x2020_2020_2020_2020;

/// `bytes` as words of eight bytes, first byte lowest; the last bytes, fewer than eight, are left out.
fn words(bytes: &[u8]) -> impl Iterator<Item = u64> + '_ {
    bytes.chunks_exact(8).map(|w| u64::from_le_bytes(w.try_into().expect("eight bytes")))
}

/// Where, from `at` on, the first byte that `marks` marks ([`bytes_in`]) is, or where fewer
/// than eight bytes are left: where to go on one byte at a time.
fn skip(bytes: &[u8], at: usize, marks: impl Fn(u64) -> u64) -> usize {
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
fn bytes_in(w: u64, lo: u8, hi: u8) -> u64 {
    // With the high bits cleared no byte carries into the next: adding 0x80 - lo sets a
    // byte's high bit when it is `lo` or above, adding 0x7F - hi when it is above `hi`.
    let x = w & !HIGH;
    (x + ONES * (0x80 - lo) as u64) & !(x + ONES * (0x7F - hi) as u64) & !w & HIGH
}

/// The high bit of each byte of `w` that is `b`, or (`b` a small letter) its capital.
fn bytes_eq(w: u64, b: u8) -> u64 {
    // Setting the case bit makes capitals small letters, and no other byte one.
    let case = if b.is_ascii_lowercase() { CASE } else { 0 };
    let x = (w | case) ^ (ONES * b as u64);
    // The bytes of `x` that are zero: their low bits added to 0x7F leave the high bit unset.
    !(((x & !HIGH) + !HIGH) | x) & HIGH
}

/// The ASCII letters of `w`, as [`bytes_in`] marks them.
fn letters_in(w: u64) -> u64 {
    // Setting the case bit makes capitals small letters, and no other byte one.
    bytes_in(w | CASE, b'a', b'z')
}

/// How many bytes a [`bytes_in`] mask marks.
fn marked(mask: u64) -> usize {
    // One in each marked byte, summed into the top byte (eight at most: no carry out).
    ((mask >> 7).wrapping_mul(ONES) >> 56) as usize
}

/// The position of the first byte a non-zero [`bytes_in`] mask marks.
fn first_marked(mask: u64) -> usize {
    mask.trailing_zeros() as usize / 8
}

/// Where `bytes` has its first ASCII digit.
fn first_digit(bytes: &[u8]) -> Option<usize> {
    let at = skip(bytes, 0, |w| bytes_in(w, b'0', b'9'));
    bytes[at..].iter().position(u8::is_ascii_digit).map(|i| at + i)
}

/// Whether `bytes` has `n` ASCII digits or more.
fn has_digits(bytes: &[u8], n: usize) -> bool {
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

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}' | '\u{202A}'..='\u{202E}' | '\0')
}

fn trim_span(text: &str, span: Range<usize>) -> Range<usize> {
    let s = &text[span.clone()];
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let trail = s.len() - s.trim_end_matches(is_space).len();
    if lead == s.len() {
        return span.start..span.start;
    }
    span.start + lead..span.end - trail
}

/// Lines end at `\n`, `\r\n`, a lone `\r` (old Mac files) and U+2028/U+2029.
fn split_lines(text: &str) -> Vec<Line> {
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
const WRAP_WIDTH: usize = 40;

/// Hard-wrapped paragraphs come back as one line: a line continues the previous one when
/// that one stops mid-sentence (no final punctuation) and this one starts in lower case, or
/// the previous one ends with a comma, hyphen or semicolon — unless the previous one is
/// chrome or metadata on its own.
fn join_wrapped(text: &str, lines: Vec<Line>) -> Vec<Line> {
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

// ---------------------------------------------------------------------------------------------
// Scripts

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Hangul,
    Han,
    Other,
}

fn is_hangul_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Curly quotes, dashes, typographic spaces: never letters.
fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

fn script_of(c: char) -> Option<Script> {
    // Hangul syllables are all letters; general punctuation (curly quotes, dashes) never is.
    // Both are common, and asking `is_alphabetic` about them is slow.
    if is_hangul_syllable(c) {
        return Some(Script::Hangul);
    }
    if is_general_punctuation(c) || !c.is_alphabetic() {
        return None;
    }
    let u = c as u32;
    Some(match u {
        0..=0x024F | 0x1E00..=0x1EFF => Script::Latin,
        0x0370..=0x03FF => Script::Greek,
        0x0400..=0x04FF => Script::Cyrillic,
        0x0590..=0x05FF => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F => Script::Arabic,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Script::Hangul,
        _ if is_ideograph(c) => Script::Han,
        _ => Script::Other,
    })
}

const SCRIPTS: [Script; 8] =
    [Script::Latin, Script::Cyrillic, Script::Greek, Script::Arabic, Script::Hebrew, Script::Hangul, Script::Han, Script::Other];

/// How many letters of each script `s` has, indexed like [`SCRIPTS`].
fn script_counts(s: &str) -> [usize; 8] {
    let mut counts = [0; 8];
    let bytes = s.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII, most of the text, eight bytes at a time as far as it goes; the rest decoded.
        for w in words(&bytes[at..]) {
            let high = w & HIGH;
            if high != 0 {
                // The letters before the first non-ASCII byte.
                let ascii = first_marked(high);
                counts[Script::Latin as usize] += marked(letters_in(w) & ((1 << (8 * ascii)) - 1));
                at += ascii;
                break;
            }
            counts[Script::Latin as usize] += marked(letters_in(w));
            at += 8;
        }
        let Some(&b) = bytes.get(at) else { break };
        if b < 0x80 {
            counts[Script::Latin as usize] += b.is_ascii_alphabetic() as usize;
            at += 1;
            continue;
        }
        let c = s[at..].chars().next().expect("a character starts here");
        at += c.len_utf8();
        if let Some(script) = script_of(c) {
            counts[script as usize] += 1;
        }
    }
    counts
}

/// The script most letters of the text are written in: the article's language, roughly.
fn dominant_script(text: &str) -> Script {
    // The first of equally common scripts, Latin when there are no letters.
    let counts = script_counts(text);
    let best = (0..SCRIPTS.len()).rev().max_by_key(|&k| counts[k]).unwrap_or(0);
    SCRIPTS[best]
}

/// A line mostly written in another script than the article is site chrome in another
/// language (a Korean footer under an English article, say).
fn foreign(line: &str, script: Script) -> bool {
    if line.is_ascii() {
        // Every letter Latin: foreign to a non-Latin article when there are two or more.
        return script != Script::Latin && line.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some();
    }
    let counts = script_counts(line);
    let total: usize = counts.iter().sum();
    let native = counts[script as usize];
    total >= 2 && native * 10 < total * 3
}

// ---------------------------------------------------------------------------------------------
// Pass 1: patterns

fn lower(s: &str) -> String {
    s.to_lowercase()
}

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
const WORDS_COUNTED: usize = 41;

/// Pass 1 for one line: cuts its date prefix and classes it as chrome or metadata when a
/// pattern says so. Returns the [`word_count`] of what is left, which the later passes read too.
fn classify(text: &str, line: &mut Line, script: Script, out: &mut Cleaned) -> usize {
    let s = &text[line.span.clone()];
    if let Some((len, date, rest_is_section)) = date_prefix(s) {
        if out.meta.published.is_none() {
            out.meta.published = date;
        }
        let rest = trim_span(text, line.span.start + len..line.span.end);
        // (`05/10/2018 -`: a date and a dash is a date line.)
        if !text[rest.clone()].contains(char::is_alphanumeric) || rest_is_section {
            if !rest.is_empty() && out.meta.section.is_none() {
                out.meta.section = Some(text[rest.clone()].to_string());
            }
            line.class = Class::Cut(Reason::Metadata);
            return word_count(s);
        }
        out.removed.push(Cut { span: trim_span(text, line.span.start..rest.start), reason: Reason::Metadata });
        line.span = rest;
        return classify(text, line, script, out);
    }
    let words = word_count(s);
    if relative_stamp(s) {
        line.class = Class::Cut(Reason::Metadata);
        line.stamp = true;
        return words;
    }
    if foreign(s, script) {
        line.class = Class::Cut(Reason::Language);
        return words;
    }
    let whole = template(s);
    // A byline with the author's address (`By Jane Roe | jroe@courier.com`) is a byline.
    let contact_byline = || byline(s).is_some();
    if let Some(reason) = whole.or_else(|| chrome(s, words)).filter(|&r| r != Reason::Contact || !contact_byline()) {
        if reason == Reason::Copyright && out.meta.outlet.is_none() {
            out.meta.outlet = copyright_holder(s);
        }
        if whole.is_some() || !is_prose(s, words) {
            line.class = Class::Cut(reason);
        }
        if whole.is_none() {
            line.keyword = Some(reason);
        }
        return words;
    }
    if let Some((authors, outlet)) = byline(s) {
        if out.meta.authors.is_empty() {
            out.meta.authors = authors;
        }
        if out.meta.outlet.is_none() {
            out.meta.outlet = outlet;
        }
        if out.meta.published.is_none() {
            out.meta.published = find_date(s);
        }
        line.class = Class::Cut(Reason::Metadata);
    } else if glued_teaser(s) {
        line.glued = true;
    }
    words
}

/// How many lines apart two teasers of one list stand at most (headline and summary, a time
/// stamp, a label between them).
const GLUED_NEAR: usize = 4;

/// `3h ago`, `2 days ago at 07:52 am`, `updated 16M ago`, `Published 22 hours ago`: a time
/// relative to the reader's, on a line of its own.
fn relative_stamp(s: &str) -> bool {
    if s.len() > 48 {
        return false;
    }
    let l = lower(s);
    let words: Vec<&str> = l.split_whitespace().collect();
    let Some(at) = words.iter().position(|&w| w == "ago") else { return false };
    (1..=3).contains(&at) && words.len() <= 7 && words[..at].iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()) || matches!(*w, "a" | "an" | "moments" | "few"))
}

/// A teaser whose headline the paste ran into its summary, as `innerText` does with inline
/// elements: `Police: 2 In Custody After Death Of Student-AthleteA 24-year-old woman and …` or
/// `… Applications To 250,000The state of Michigan will …`. The headline part is in title case
/// (every word of four letters or more capitalised) and its last word runs, without a space,
/// into the capital that starts a sentence.
fn glued_teaser(s: &str) -> bool {
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at > 300 {
            return false;
        }
        let after = chars.peek().map(|&(_, n)| n);
        let joined = prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
            && c.is_uppercase()
            && after.is_some_and(|n| n.is_lowercase() || (n == ' ' && matches!(c, 'A' | 'I')));
        prev = Some(c);
        if !joined {
            continue;
        }
        let head = &s[..at];
        // The word the capital is glued to: a word of its own (`Athlete`, `250,000`), not the
        // start of a name written in one (`MacBook`, `iPhone`).
        let last = head.rsplit(' ').next().unwrap_or("");
        if last.chars().count() < 4 || !last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let tail = &s[at..];
        // Every word of four letters or more capitalised, three of them at least.
        let long: Vec<&str> = head.split_whitespace().filter(|w| w.chars().count() > 3).collect();
        let capitalised = long.len() >= 3 && long.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric()));
        if word_count(head) <= 20 && capitalised && !head.contains(['.', '!', '?']) && word_count(tail) >= 6 {
            return true;
        }
    }
    false
}

/// Chrome recognisable from one line of a web page's article. A prose line is removed only when
/// it is a chrome template as a whole, never for a keyword in it: an article about copyright or
/// subscriptions says "copyright" and "subscribe" in its sentences.
#[cfg(feature = "html")]
pub(crate) fn chrome_line(s: &str, prose: bool) -> Option<Reason> {
    if prose {
        return template(s);
    }
    chrome(s, word_count(s))
}

/// The reason for removing a line that is a chrome template as a whole, or that opens with a
/// widget's label ([`WIDGET_OPENINGS`]) or the print-edition note.
fn template(s: &str) -> Option<Reason> {
    if starts_with_any(s, WIDGET_OPENINGS) && word_count(s) <= WIDGET_WORDS {
        return Some(Reason::Navigation);
    }
    if starts_with_ignore_case(s, PRINT_NOTE) {
        return Some(Reason::Boilerplate);
    }
    // Only lines as short as the templates are lower-cased: classify asks of every line.
    if s.len() > TEMPLATE_BYTES {
        return None;
    }
    let l = lower(s.trim().trim_end_matches('.'));
    TEMPLATES.iter().find(|t| t.0 == l).map(|t| t.1)
}

/// Labels page widgets print before their own text, lower case: an embedded video or a link
/// to another story (`Watch: What the ruling means`, `Read more: …`).
const WIDGET_OPENINGS: &[&str] = &["watch:", "watch now:", "video:", "listen:", "read more:", "read also:", "also read:", "read next:", "see also:", "related:"];

/// The most words of a line a widget's label opens.
const WIDGET_WORDS: usize = 20;

/// How the print-edition note under an article opens, whatever follows.
const PRINT_NOTE: &str = "a version of this article appears in print on";

/// Longer than the longest of [`TEMPLATES`], in bytes, with room for spaces around it.
const TEMPLATE_BYTES: usize = 96;

/// Whole lines of chrome that read as sentences, lower case, without a final full stop.
const TEMPLATES: &[(&str, Reason)] = &[
    ("all rights reserved", Reason::Copyright),
    ("sign up to read this article", Reason::Boilerplate),
    ("subscribe to continue reading", Reason::Boilerplate),
    ("this article is for subscribers only", Reason::Boilerplate),
    ("we use cookies to improve your experience on our site", Reason::Boilerplate),
    ("this material may not be published, broadcast, rewritten or redistributed", Reason::Copyright),
    ("this material may not be published, broadcast, rewritten, or redistributed", Reason::Copyright),
    ("the associated press contributed to this report", Reason::Metadata),
];

/// How the lists of other stories on a page are headed, lower case.
const LIST_HEADS: &[&str] = &[
    "related", "more from", "most read", "most popular", "recommended", "top stories", "our picks", "trending", "latest news", "latest stories", "latest videos", "read next", "see also",
    "also read", "you may also like", "more stories", "editor's picks", "editors’ picks", "popular now", "republish",
];

/// Chrome recognisable from the line alone, which has `words` words ([`word_count`]).
fn chrome(s: &str, words: usize) -> Option<Reason> {
    // Most of the checks are for short lines: a long one is only looked at from its start.
    // Only the lines short enough for the phrase lists get the filter for them.
    let l = Lowered::new(if words <= 40 { s } else { head(s, 32) }, words <= 15);
    // `Ⓒ` lower-cases to `ⓒ`.
    let sign = || !s.is_ascii() && ['©', 'ⓒ', 'Ⓒ'].iter().any(|&c| l.text.contains(c));
    if words <= 40 && (l.has("copyright") || sign() || l.has("all rights reserved")) {
        return Some(Reason::Copyright);
    }
    if is_label(s) {
        return Some(Reason::Label);
    }
    if is_credit(s, words, &l) {
        return Some(Reason::Credit);
    }
    if words <= 25 && (has_email(s) || has_phone(s)) {
        return Some(Reason::Contact);
    }
    if words <= 12 && starts_with_any(&l.text, LIST_HEADS) {
        return Some(Reason::Navigation);
    }
    if words <= 15 && (is_prompt(&l) || is_standards(&l)) {
        return Some(Reason::Boilerplate);
    }
    if url_only(s) || starts_with_any(&l.text, &["reporting by", "writing by", "editing by", "additional reporting", "compiled by"]) {
        return Some(Reason::Metadata);
    }
    None
}

/// A line as the phrase rules read it, in lower case as far as they can tell ([`comparable`]),
/// with the three-byte sequences it contains regardless of ASCII case (hashed into 512 bits):
/// a phrase with a sequence the line lacks is not in it, which spares most phrase scans
/// (checking all of a phrase's sequences, not only its first, rules out phrases that start
/// like common words: `our standards`).
struct Lowered<'a> {
    text: Cow<'a, str>,
    trigrams: [u64; 8],
}

impl<'a> Lowered<'a> {
    /// `line` with the filter when `filtered`: building it costs more than the few phrases a
    /// long line is searched for (a line without one may have any phrase as far as it tells).
    fn new(line: &'a str, filtered: bool) -> Self {
        let text = comparable(line);
        if !filtered {
            return Lowered { text, trigrams: [!0; 8] };
        }
        let mut trigrams = [0u64; 8];
        // The last three bytes as `trigram` reads them, shifted along rather than reloaded.
        let mut last = 0u32;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            last = last >> 8 | (b as u32) << 16;
            if i >= 2 {
                let h = trigram_hash(last);
                trigrams[h >> 6] |= 1 << (h & 63);
            }
        }
        Lowered { text, trigrams }
    }

    /// Whether the line may contain `needle` (it does not when this says no).
    fn may_have(&self, needle: &str) -> bool {
        needle.as_bytes().windows(3).all(|w| {
            let h = trigram(w);
            self.trigrams[h >> 6] >> (h & 63) & 1 == 1
        })
    }

    /// Whether the line contains `needle` (lower-case).
    fn has(&self, needle: &str) -> bool {
        self.may_have(needle) && find_ignore_case(&self.text, needle).is_some()
    }
}

/// The hash of three bytes regardless of ASCII case (other bytes may hash alike: it is a filter).
fn trigram(w: &[u8]) -> usize {
    trigram_hash(u32::from_le_bytes([w[0], w[1], w[2], 0]))
}

/// [`trigram`] of three bytes in the low ones of `x`, first byte lowest.
fn trigram_hash(x: u32) -> usize {
    ((x | 0x0020_2020).wrapping_mul(0x9E37_79B1) >> 23) as usize
}

/// `s` as the rules compare it with their lower-case ASCII words, regardless of ASCII case:
/// comparing so finds what lower-casing `s` would, since no other character lower-cases to
/// ASCII, but for `İ` (to `i` and a dot) and the Kelvin sign (to `k`), which get `s`
/// lower-cased (copied) after all.
fn comparable(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() && (s.contains('\u{130}') || s.contains('\u{212A}')) {
        Cow::Owned(lower(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where `hay` contains `needle` (lower-case) regardless of ASCII case: a scan for its first
/// two bytes, eight places at a time, which on the short lines these rules look at beats the
/// standard library's search (its set-up costs more than the scan).
fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return Some(0) };
    // Where the needle may start.
    let starts = (h.len() + 1).checked_sub(n.len())?;
    let found = |at: usize| h[at].to_ascii_lowercase() == first && h[at..at + n.len()].eq_ignore_ascii_case(n);
    let mut base = 0;
    for (w, next) in words(&h[..starts]).zip(words(h.get(1..).unwrap_or_default())) {
        let mut places = bytes_eq(w, first) & n.get(1).map_or(HIGH, |&b| bytes_eq(next, b));
        while places != 0 {
            if found(base + first_marked(places)) {
                return Some(base + first_marked(places));
            }
            places &= places - 1;
        }
        base += 8;
    }
    (base..starts).find(|&at| found(at))
}

/// Whether `w` is one of `words` (lower-case ASCII) regardless of ASCII case, as a word of a
/// [`comparable`] line.
fn is_any(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether `s` starts with one of `prefixes` (lower-case ASCII) regardless of ASCII case; see
/// [`starts_with_ignore_case`].
fn starts_with_any(s: &str, prefixes: &[&str]) -> bool {
    // The first byte alone rules out most prefixes: it is lower-cased once.
    let first = s.as_bytes().first().map(u8::to_ascii_lowercase);
    prefixes.iter().any(|p| p.as_bytes().first() == first.as_ref() && starts_with_ignore_case(s, p))
}

/// Whether `s` starts with `prefix` (lower-case ASCII) regardless of ASCII case: whether
/// lower-casing `s` would make it start with `prefix` when `s` is [`comparable`], or when
/// `prefix` neither ends with an `i` nor has a `k` (which `İ` and the Kelvin sign give).
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    s.first().map(u8::to_ascii_lowercase) == p.first().copied() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

/// Subscription, sign-in, app, newsletter and sharing prompts.
fn is_prompt(l: &Lowered) -> bool {
    const PHRASES: &[&str] = &[
        "sign up", "sign in", "signup", "log in", "login", "subscribe", "subscription", "subscriber", "newsletter",
        "download the app", "get the app", "our app", "start reading", "continue reading", "read more",
        "read the full", "already a member", "already have an account", "create an account", "free trial",
        "days free", "premium", "membership", "click here", "follow us", "share this", "share on",
        "advertisement", "listen to this article", "skip to", "cookie", "enable javascript", "turn on notifications",
        "support our journalism", "become a member", "unlock", "paywall", "donate now", "republish this",
        "share full article", "opens in new window", "opens in a new window", "opens in a new tab", "register for free",
    ];
    if PHRASES.iter().any(|p| l.has(p)) {
        return true;
    }
    // Single-word chrome: share buttons (and the networks they share to) and ad markers.
    let single = l.text.trim_matches(|c: char| !c.is_alphanumeric());
    const SINGLE: &[&str] = &[
        "share", "tweet", "print", "email", "comments", "advertisement", "ad", "menu", "search", "close", "donate", "register", "facebook",
        "twitter", "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "flipboard", "bluesky", "messenger", "publicidad", "anuncio",
        "werbung", "anzeige", "publicité", "pubblicità", "reklama", "advertentie",
    ];
    if is_any(single, SINGLE) {
        return true;
    }
    // Prompts talk to the reader about the product: "you" plus product words, or a short line
    // about an app. Most lines have neither word, which their filter tells.
    if !(l.may_have("you") || l.may_have("app")) {
        return false;
    }
    const PRODUCT: &[&str] = &[
        "app", "apps", "read", "reading", "news", "access", "titles", "sources", "member", "account", "notifications",
        "inbox", "email", "free", "download", "place",
    ];
    let (mut second_person, mut product, mut app, mut words) = (false, false, false, 0);
    for w in l.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        words += 1;
        second_person |= is_any(w, &["you", "your"]);
        product |= is_any(w, PRODUCT);
        app |= w.eq_ignore_ascii_case("app");
    }
    (second_person && product) || app && words <= 5
}

/// The outlet pointing the reader to its own rules: `Our Standards: The Thomson Reuters Trust
/// Principles.`, `Read our editorial guidelines`, `Corrections policy: …`. The wording must
/// address the reader (start with it, with `our`, or with `read`/`see`/`learn`, or label it
/// with a colon), so that a sentence about someone's guidelines stays.
fn is_standards(l: &Lowered) -> bool {
    const TOPICS: &[&str] = &[
        "our standards", "trust principles", "editorial guidelines", "editorial standards", "editorial policy",
        "editorial policies", "editorial values", "corrections policy", "ethics policy", "code of ethics",
        "journalistic standards", "fact-checking policy",
    ];
    let text = l.text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(at) = TOPICS.iter().filter(|t| l.may_have(t)).filter_map(|t| find_ignore_case(text, t)).min() else { return false };
    let before = &text[..at];
    at == 0
        || text[at..].contains(':')
        || starts_with_any(before, &["our ", "read ", "see ", "learn ", "view ", "find out", "about ", "more about", "how we"])
}

/// `[LEAD]`, `[REPORT]`, `[ANCHOR]`: script labels of broadcast transcripts.
fn is_label(s: &str) -> bool {
    let inner = match s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(i) => i,
        None => return false,
    };
    !inner.contains(['[', ']']) && word_count(inner) <= 3 && inner.chars().any(char::is_alphabetic)
}

/// Photo credits: `Image: AGENCY/Name`, `Photo: …`, `(AP Photo/Name)`, `Getty Images`.
/// `words` is the line's [`word_count`] and `l` the line as the phrase rules read it.
fn is_credit(s: &str, words: usize, l: &Lowered) -> bool {
    let prefixes = [
        "image:", "photo:", "photograph:", "picture:", "credit:", "photo credit", "image credit", "pictured:", "file photo", "(photo", "[photo",
        "photo courtesy", "image courtesy", "courtesy photo", "foto:", "fotos:", "bild:", "imagen:", "crédito:", "credito:",
    ];
    if starts_with_any(s, &prefixes) {
        return true;
    }
    words <= 8 && (credit_words(l) || agency_slash(s) || starts_with_any(s, &["courtesy of "]))
}

/// International news and picture agencies whose names credit photos and close bylines.
const AGENCIES: &[&str] = &["ap", "afp", "reuters", "epa", "getty", "xinhua", "kyodo", "dpa", "ansa", "efe", "anadolu", "bloomberg", "shutterstock", "alamy"];

/// Credit wording in a short line, word by word: `photo by`, `file photo`, `Getty Images`,
/// `AP Photo`, and a picture agency after a slash or `via` (`Jane Roe / Reuters`, `via AFP`).
/// Whole words only: `via Apple's store` is not a credit.
fn credit_words(l: &Lowered) -> bool {
    // Every form has `photo`, `images`, `via` or a slash, which most lines lack.
    if !(l.may_have("photo") || l.may_have("images") || l.may_have("via") || l.text.contains('/')) {
        return false;
    }
    let words = l.text.split(|c: char| !c.is_alphanumeric() && c != '/').flat_map(|w| w.split_inclusive('/')).filter(|w| !w.is_empty());
    let agency = |w: &str| is_any(w.trim_end_matches('/'), AGENCIES);
    const PAIRS: [(&str, &str); 4] = [("photo", "by"), ("file", "photo"), ("getty", "images"), ("images", "via")];
    words.clone().zip(words.skip(1)).any(|(a, b)| {
        PAIRS.iter().any(|&(x, y)| a.eq_ignore_ascii_case(x) && b.eq_ignore_ascii_case(y))
            || (agency(a) && is_any(b, &["photo", "photo/", "images", "images/"]))
            || ((a.eq_ignore_ascii_case("via") || a.ends_with('/')) && agency(b))
    })
}

/// `REUTERS/Kevin Lamarque`: an all-capitals agency, a slash, a photographer.
fn agency_slash(s: &str) -> bool {
    s.contains('/')
        && s.split('/').next().is_some_and(|head| {
            let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
            head.len() >= 2 && head.chars().all(|c| c.is_uppercase() || c == ' ')
        })
}

/// A trailing bracketed credit on a caption line: `… June 30, 2019 [KCNA via Reuters]`.
fn trailing_credit(s: &str) -> Option<usize> {
    let trimmed = s.trim_end();
    let (open, close) = match trimmed.chars().last()? {
        ']' => ('[', ']'),
        ')' => ('(', ')'),
        _ => return None,
    };
    let start = trimmed.rfind(open)?;
    let inner = &trimmed[start + 1..trimmed.len() - close.len_utf8()];
    let l = lower(inner);
    // (A web address alone credits the site the picture is from: `(onmeth.com)`.)
    let address = inner.rsplit_once('.').is_some_and(|(host, tld)| {
        host.len() >= 2 && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') && (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
    }) && word_count(&trimmed[..start]) >= 3;
    let creditish = l.contains(" via ") || l.contains('/') || l.contains("photo") || l.contains("image") || l.contains("getty") || l.contains("file") || address;
    (start > 0 && word_count(inner) <= 8 && creditish).then_some(start)
}

fn has_email(s: &str) -> bool {
    // Most lines have no `@` and are done with here.
    s.contains('@') && s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.split_once('@') {
            Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.'),
            None => false,
        }
    })
}

/// Phone numbers: groups of digits joined by hyphens or periods, at least seven digits in all;
/// not a number with periods between thousands (`2.590.000`, as German and Spanish write them).
fn has_phone(s: &str) -> bool {
    // Most lines have fewer than seven digits in all and are done with here.
    has_digits(s.as_bytes(), 7) && s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        // Seven digits at least: most words have none, and are done with here.
        if w.bytes().filter(u8::is_ascii_digit).count() < 7 {
            return false;
        }
        let groups: Vec<&str> = w.split(['-', '.']).collect();
        groups.len() >= 3
            && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()) && g.len() <= 4)
            && groups.iter().map(|g| g.len()).sum::<usize>() >= 7
            && !(groups[0].len() == 4 && groups.len() == 3) // a date: 2025-06-12
            && (w.contains('-') || !is_dotted_thousands(&groups))
    })
}

/// `2`, `590`, `000`: one to three digits without a leading zero, then groups of three.
fn is_dotted_thousands(groups: &[&str]) -> bool {
    let first = groups[0];
    (1..=3).contains(&first.len()) && !first.starts_with('0') && groups[1..].iter().all(|g| g.len() == 3)
}

fn url_only(s: &str) -> bool {
    starts_with_any(s, &["http://", "https://", "www."]) && !s.contains(char::is_whitespace)
}

/// The first `n` bytes of `s`, or fewer to end on a character boundary: enough to test what a
/// line starts with without lower-casing all of it.
fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

fn copyright_holder(s: &str) -> Option<String> {
    let l = lower(s);
    let from = ["ⓒ", "©", "(c)", "copyright"].iter().filter_map(|m| l.find(m).map(|i| i + m.len())).max()?;
    let rest = s.get(from..)?;
    let mut out = String::new();
    for w in rest.split_whitespace() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if bare.chars().all(|c| c.is_ascii_digit()) || bare.eq_ignore_ascii_case("copyright") {
            continue;
        }
        if !bare.chars().next().is_some_and(char::is_uppercase) || lower(bare) == "all" {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(bare);
        if w.ends_with(['.', ',', ';']) {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}

// ---------------------------------------------------------------------------------------------
// Dates and bylines


fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    // Month names are ASCII words of three to nine letters that start with one of eight
    // letters: most words are ruled out here, and the rest lower-cased on the stack.
    if !(3..=9).contains(&w.len()) || !w.is_ascii() || !matches!(w.as_bytes()[0].to_ascii_lowercase(), b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's') {
        return None;
    }
    let mut lowered = [0u8; 9];
    lowered[..w.len()].copy_from_slice(w.as_bytes());
    lowered.make_ascii_lowercase();
    let w = std::str::from_utf8(&lowered[..w.len()]).expect("ASCII");
    // A month's name, or its start from the first three letters on (`Sept` too).
    let m = MONTHS.iter().position(|m| m.starts_with(&w[..3]))?;
    (MONTHS[m].starts_with(w) || w == "sept").then_some(m as u32 + 1)
}

fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Three all-digit parts: year first (`2025-06-12`, `2025.06.12`), or, with slashes, year
/// last in the American order (`6/12/2025`; day first when the first part cannot be a month).
fn numeric_date(parts: [&str; 3], slashed: bool) -> Option<String> {
    let n: [u32; 3] = [parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?];
    match (parts[0].len(), parts[1].len(), parts[2].len(), n) {
        (4, 1 | 2, 1 | 2, [y, m, d]) => ymd(y, m, d),
        (1 | 2, 1 | 2, 4, [m, d, y]) if slashed => ymd(y, m, d).filter(|_| m <= 12).or_else(|| ymd(y, d, m)),
        // 09/10/10: a two-digit year, this century's below 50.
        (1 | 2, 1 | 2, 2, [m, d, y]) if slashed => {
            let y = if y < 50 { 2000 + y } else { 1900 + y };
            ymd(y, m, d).filter(|_| m <= 12).or_else(|| ymd(y, d, m))
        }
        _ => None,
    }
}

/// A year token, also with a time glued to it (`2012-4:43`, `2011|12:35`): the year and
/// its length.
fn year(t: &str) -> Option<(u32, usize)> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[digits..];
    let glued = rest.starts_with(['-', '|']) && rest.contains(':');
    (digits == 4 && (rest.is_empty() || glued)).then(|| t[..4].parse().ok()).flatten().map(|y| (y, 4))
}

/// Finds the first date in `s`: `2025-06-12`, `2025.06.12`, `12 June 2025`, `June 12, 2025`.
pub fn find_date(s: &str) -> Option<String> {
    find_date_at(s, usize::MAX).map(|(_, _, d)| d)
}

/// The first date in `s` with its byte range.
fn find_date_at(s: &str, max_start: usize) -> Option<(usize, usize, String)> {
    // Every date form has digits; most lines have none. A date has one in its first token or
    // its second, so it starts no earlier than the token before the first digit's.
    let digit = first_digit(s.as_bytes())?;
    let token_start = |end: usize| s[..end].rfind(char::is_whitespace).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let from = token_start(s[..token_start(digit)].trim_end().len());
    // A date is a few tokens long: the line is split as far as the dates looked for need.
    let mut toks = tokens(&s[from..]).map(|(at, t)| (from + at, t));
    while let Some((at, tok)) = toks.next() {
        if at > max_start {
            break;
        }
        let num = |t: &str| t.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>().ok();
        let digits = tok.bytes().any(|b| b.is_ascii_digit());
        let named = month(tok);
        // Most tokens start no date form: neither a number nor a month.
        if !digits && named.is_none() {
            continue;
        }
        // The tokens after it, as far as the second that starts after `max_start`: as far as
        // a date looked for may reach.
        let mut past = 0;
        let mut after = toks
            .clone()
            .take_while(|&(a, _)| {
                past += (a > max_start) as usize;
                past <= 2
            })
            .map(|(a, t)| (a, t.trim_end_matches([',', '.'])));
        let ahead = [after.next(), after.next(), after.next(), after.next()];
        let next = |k: usize| ahead[k - 1];
        if digits {
            let mut nums = tok.split(['-', '.', '/']).filter(|p| !p.is_empty());
            if let (Some(a), Some(b), Some(c), None) = (nums.next(), nums.next(), nums.next(), nums.next()) {
                if [a, b, c].iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
                    if let Some(date) = numeric_date([a, b, c], tok.contains('/')) {
                        return Some((at, at + tok.len(), date));
                    }
                }
            }
            // 6 / 6 / 2013: a slashed date written with spaces.
            if let (Some((_, "/")), Some((_, d)), Some((_, "/")), Some((ya, y))) = (next(1), next(2), next(3), next(4)) {
                let parts = [tok, d, y];
                if parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
                    if let Some(date) = numeric_date(parts, true) {
                        return Some((at, ya + y.len(), date));
                    }
                }
            }
            // 12 June 2025
            if let (Some(d), Some((_, m)), Some((ya, y))) = (num(tok.trim_end_matches(',')), next(1), next(2)) {
                if let (Some(m), Some((yn, len))) = (month(m), year(y)) {
                    if let Some(date) = ymd(yn, m, d) {
                        return Some((at, ya + len, date));
                    }
                }
            }
        }
        // June 12, 2025
        if let Some(m) = named {
            let (Some((_, d)), Some((ya, y))) = (next(1), next(2)) else { continue };
            if let (Some(d), Some((yn, len))) = (num(d), year(y)) {
                if let Some(date) = ymd(yn, m, d) {
                    return Some((at, ya + len, date));
                }
            }
        }
    }
    None
}

/// The whitespace-separated tokens of `s` with their offsets.
fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    let mut end = 0;
    std::iter::from_fn(move || {
        let start = s.len() - s[end..].trim_start().len();
        end = s[start..].find(char::is_whitespace).map_or(s.len(), |len| start + len);
        (start < end).then(|| (start, &s[start..end]))
    })
}

/// A leading date line: `date 2025-06-12 World`, `Published: June 12, 2025`,
/// `입력 2025.06.12 (15:22)`, `Posted 11/27/2005 7:21 AM`. Returns the length of the date
/// part, the date, and whether what follows is only a short section name.
fn date_prefix(s: &str) -> Option<(usize, Option<String>, bool)> {
    let body = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let skipped = s.len() - body.len();
    // Most lines have no date: look for one before anything else.
    let (start, end, date) = find_date_at(body, 40)?;
    let l = lower(head(body, 32));
    let label_end = ["date", "published", "updated", "last updated", "posted", "first published", "입력", "수정", "등록"]
        .iter()
        .filter(|p| l.starts_with(*p))
        .map(|p| p.len())
        .max();
    let before = without_weekday(body[..start].trim_end_matches([':', ' ', ',']));
    let labelled = label_end.is_some_and(|e| e >= before.len().saturating_sub(1)) || before.trim().is_empty();
    if !labelled || start > 40 {
        return None;
    }
    let end = stamp_end(body, end);
    // `Tuesday, Oct. 10, 1972, Washington awoke …`: a date opening a sentence.
    if label_end.is_none() && body[..end].trim_end().ends_with(',') {
        return None;
    }
    let rest = body[end..].trim();
    let section = !rest.is_empty() && word_count(rest) <= 3 && !ends_sentence(rest) && rest.chars().next().is_some_and(char::is_uppercase);
    Some((skipped + end, Some(date), section))
}

/// `Friday, June 7, 2013`, `Posted: Sat June 8`: weekdays and stamp labels before a date
/// belong to the stamp, not to what precedes it.
fn without_weekday(s: &str) -> &str {
    const LABELS: &[&str] =
        &["on", "posted", "published", "updated", "edited", "last", "first", "at", "|", "-", "release", "immediate", "for"];
    let mut s = s.trim_end_matches([':', ' ', ',', '|']);
    // Read backwards: times, then a weekday, then labels (`Posted`, `First published`);
    // a weekday before a label is the headline's (`… early Thursday Posted: 03/14/2013`).
    let mut labelled = false;
    loop {
        let (head, last) = s.rsplit_once(' ').unwrap_or(("", s));
        let l = lower(last.trim_end_matches([',', ':', '.', '|']));
        let weekday = is_weekday(&l);
        // A lone first word is a label only if it is a weekday (`On` opens sentences too).
        let label = LABELS.contains(&l.as_str()) && !head.is_empty();
        if l.is_empty() || !(label || (weekday && !labelled) || (!labelled && (is_time(&l) || is_zone(&l)))) {
            break;
        }
        labelled |= label;
        s = head.trim_end_matches([':', ' ', ',', '|']);
    }
    s
}

/// `Monday`, `mon`, `Thurs` (lower-cased).
fn is_weekday(t: &str) -> bool {
    const SHORT: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
    WEEKDAYS.contains(&t) || SHORT.contains(&t)
}

/// `10:10`, `7:21`, `10:10am`: a clock time (never a bare number, which a headline may end with).
fn is_time(t: &str) -> bool {
    let t = t.trim_end_matches(['a', 'p', 'm', '.']);
    t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':') && t.starts_with(|c: char| c.is_ascii_digit())
}

/// `AM`, `PDT`, `GMT`: what follows a clock time in a stamp (lower-cased).
fn is_zone(t: &str) -> bool {
    matches!(
        t,
        "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "et" | "pt" | "ct" | "edt" | "est" | "pdt" | "pst" | "cdt" | "cst" | "mdt" | "mst" | "kst" | "bst" | "cet" | "cest" | "ist" | "jst" | "hkt" | "aest" | "aedt" | "nzst" | "nzdt" | "sast" | "msk"
    )
}

/// Extends a date stamp over the times, zones and revision stamps that follow it:
/// `… 2013 at 11:00 AM EDT Originally published 05/03/2013 at 10:20 AM EDT`.
fn stamp_end(body: &str, mut end: usize) -> usize {
    // The next token after `at` and the offset after it.
    let token = |at: usize| {
        let rest = &body[at..];
        let trimmed = rest.trim_start();
        let len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        (len > 0).then(|| (lower(trimmed[..len].trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '|'))), at + rest.len() - trimmed.len() + len))
    };
    // `10:20`, `1:`, `41am`, `8pm`: a time or a piece of one.
    let clock = |t: &str| {
        let bare = t.trim_end_matches(':');
        let digits = bare.trim_end_matches(['a', 'p', 'm', '.']);
        (digits.len() < t.len() || digits.contains(':'))
            && digits.starts_with(|c: char| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    let label = |t: &str| {
        let t = t.trim_end_matches(':');
        matches!(t, "updated" | "originally" | "published" | "posted" | "first" | "last" | "on" | "edited") || is_weekday(t)
    };
    // Whether the token before ends a split time (`08.` `23`, `11:` `41am`).
    let mut split_time = false;
    while let Some((t, next)) = token(end) {
        let numeric = t.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-' | '/'));
        // A bare number is a stamp's only inside a time: `08. 23 BST`, not `… PM 5 Thoughts`.
        let bare_number = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        let zone_next = || token(next).is_some_and(|(n, _)| is_zone(n.trim_end_matches('.')));
        let stampy = t.is_empty()
            || (numeric && (!bare_number || split_time || zone_next()))
            || clock(&t)
            || is_zone(t.trim_end_matches('.'))
            || t.starts_with("수정");
        let at_clock = |at: usize| token(at).is_some_and(|(t, _)| matches!(t.as_str(), "at" | "@") || clock(&t));
        split_time = false;
        if stampy {
            split_time = numeric && t.ends_with([':', '.']);
            end = next;
        } else if matches!(t.as_str(), "at" | "@") && token(next).is_some_and(|(t, _)| clock(&t)) {
            end = next;
        } else if label(&t) {
            // Labels belong to the stamp when a date or a time follows them (`Last updated
            // at 11:11 GMT`, `updated April 30, 2008`), and `updated` or `last updated` at its end.
            let mut after = next;
            let mut revision = matches!(t.trim_end_matches(':'), "updated" | "last");
            while let Some((t, n)) = token(after).filter(|(t, _)| label(t)) {
                revision &= matches!(t.trim_end_matches(':'), "updated" | "last");
                after = n;
            }
            match find_date_at(&body[after..], 16) {
                Some((start, date_end, _)) if body[after..after + start].trim().is_empty() => end = after + date_end,
                _ if at_clock(after) || revision => end = after,
                _ => return end,
            }
        } else {
            return end;
        }
    }
    end
}

/// A line that credits an author on its own: a byline (`by Jane Doe`), or `written by` /
/// `posted by` and a name.
fn credited(s: &str) -> bool {
    if byline(s).is_some() {
        return true;
    }
    let l = s.trim_start();
    ["by ", "written by ", "posted by "].iter().any(|p| {
        l.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)) && l[p.len()..].split_whitespace().next().is_some_and(|w| is_name(w.trim_end_matches(',')))
    })
}

/// `By Jane Doe, John Roe and Ann Poe - 12 June 2025 - 08:08` → the authors;
/// `By Jane Doe, Reuters` → the author and the outlet (see [`outlet_like`]).
fn byline(s: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")).or_else(|| s.strip_prefix("by "))?;
    if word_count(s) > 30 || ends_sentence(s) && !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let names_part = rest.split([' ', '|']).collect::<Vec<_>>().join(" ");
    // The names end at a dash or bar, or at the author's address.
    let address = names_part.find('@').map(|at| names_part[..at].rfind(' ').unwrap_or(0));
    let cut = [" - ", " | ", " — ", " – "].iter().filter_map(|sep| names_part.find(sep)).chain(address).min().unwrap_or(names_part.len());
    let names_part = &names_part[..cut];
    let mut authors = Vec::new();
    let mut outlet = None;
    let parts: Vec<&str> = names_part.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")).collect();
    for (k, part) in parts.iter().enumerate() {
        let name = part.trim().trim_end_matches(',');
        if name.is_empty() || find_date(name).is_some() {
            continue;
        }
        if !is_name(name) {
            break;
        }
        // The last part after a comma can name the outlet rather than a person.
        let last = parts[k + 1..].iter().all(|p| p.trim().is_empty() || find_date(p).is_some());
        if last && !authors.is_empty() && names_part.contains(", ") && outlet_like(name, &authors) {
            outlet = Some(name.to_string());
            break;
        }
        authors.push(name.to_string());
    }
    (!authors.is_empty()).then_some((authors, outlet))
}

/// A byline part that names an outlet, not a person: a known news agency (`Reuters`, `AFP`),
/// a name ending in an outlet word (`Associated Press`, `The Daily Times`), or an acronym
/// where the authors' names are not written in capitals (`CNN`).
fn outlet_like(part: &str, authors: &[String]) -> bool {
    const OUTLET_WORDS: &[&str] = &[
        "press", "news", "times", "post", "herald", "journal", "tribune", "agency", "wire", "network", "telegraph",
        "gazette", "chronicle", "examiner", "guardian", "observer", "independent", "standard", "express", "mail",
        "daily", "weekly", "magazine", "radio", "television", "tv", "broadcasting", "media", "newswire", "service",
    ];
    let l = lower(part);
    let last = l.rsplit(' ').next().unwrap_or("");
    let acronym = part.len() >= 2 && part.len() <= 5 && part.chars().all(|c| c.is_ascii_uppercase())
        && authors.iter().any(|a| a.chars().any(char::is_lowercase));
    AGENCIES.contains(&l.as_str()) || (part.contains(' ') && OUTLET_WORDS.contains(&last)) || acronym
}

/// Two to four capitalised words: a person's name, or an outlet's.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’')))
}

// ---------------------------------------------------------------------------------------------
// Pass 2: duplicates, prose, captions

/// What of `s` makes it the same line as another, whatever their case, spacing and leading
/// bullets: `s` from its first letter, digit, bracket or quote on.
fn key_text(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '[' | '“' | '"' | '‘' | '\''))
}

/// The words of [`key_text`], which are the same line's lower-cased.
fn key_words(s: &str) -> std::str::SplitWhitespace<'_> {
    key_text(s).split_whitespace()
}

/// Whether `a` and `b` are the same line: the same [`key_words`], lower-cased.
fn same_key(a: &str, b: &str) -> bool {
    // Most lines printed twice are printed alike.
    if a == b {
        return true;
    }
    let (mut a, mut b) = (key_words(a), key_words(b));
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x.eq_ignore_ascii_case(y) => {}
            // Lower-casing outside ASCII can change lengths (and make a word ASCII): compare
            // what it gives.
            (Some(x), Some(y)) if !(x.is_ascii() && y.is_ascii()) && x.to_lowercase() == y.to_lowercase() => {}
            _ => return false,
        }
    }
}

/// A hash of the first `words` [`key_words`] of `s`, lower-cased, as far as their first
/// [`KEY_HASHED`] characters: lines that are the same line ([`same_key`]) hash alike.
fn key_hash(s: &str, words: usize) -> u64 {
    use std::hash::Hasher;
    let mut h = crate::hash::FastHasher::default();
    // What is hashed: each word as a space and its characters lower-cased, `hashed` of them
    // so far (characters of the lower-cased words, not of `s`, so that spacing and case do
    // not change where hashing stops).
    let (mut count, mut in_word, mut hashed) = (0, false, 0);
    for c in key_text(s).chars() {
        if c.is_whitespace() {
            in_word = false;
            continue;
        }
        if !in_word {
            count += 1;
            if count > words || hashed == KEY_HASHED {
                break;
            }
            in_word = true;
            h.write_u8(b' ');
            hashed += 1;
        }
        if c.is_ascii() {
            if hashed == KEY_HASHED {
                break;
            }
            h.write_u8(c.to_ascii_lowercase() as u8);
            hashed += 1;
            continue;
        }
        // As `str::to_lowercase` does, but for a final sigma, which hashes like any other.
        for l in c.to_lowercase() {
            if hashed == KEY_HASHED {
                return h.finish();
            }
            h.write_u32(if l == 'ς' { 'σ' } else { l } as u32);
            hashed += 1;
        }
    }
    h.finish()
}

/// How many characters of a line [`key_hash`] reads at most: enough to tell most lines apart
/// (those that start alike are told apart by [`same_key`]), and far fewer than a paragraph has.
const KEY_HASHED: usize = 24;

/// A line repeated from earlier in the text is a second copy (pages that print the body
/// twice, a headline repeated in a breadcrumb). Short lines repeat legitimately (a label, a
/// speaker), so only lines of four words or more (`words`, by line) count.
fn mark_duplicates(text: &str, lines: &mut [Line], words: &[usize]) {
    // The lines grouped by a hash of their first words, in text order within a group: most
    // lines start unlike any other, and only lines that start alike have their whole keys
    // compared. Sorting spares building a hash map of the lines.
    let mut order: Vec<(u64, usize)> = (0..lines.len()).filter(|&i| words[i] >= 4).map(|i| (key_hash(&text[lines[i].span.clone()], 6), i)).collect();
    order.sort_unstable();
    for alike in order.chunk_by(|a, b| a.0 == b.0) {
        for (k, &(_, i)) in alike.iter().enumerate() {
            let s = &text[lines[i].span.clone()];
            let earlier = alike[..k].iter().any(|&(_, e)| same_key(&text[lines[e].span.clone()], s));
            if earlier && !matches!(lines[i].class, Class::Cut(_)) {
                lines[i].class = Class::Cut(Reason::Duplicate);
            }
        }
    }
}

pub(crate) fn ends_sentence(s: &str) -> bool {
    const ENDS: [char; 7] = ['.', '!', '?', '…', '。', '！', '？'];
    // Closing quotes and brackets, and emoji or symbols after the period, do not count.
    let t = s.trim_end_matches(|c: char| !c.is_alphanumeric() && !ENDS.contains(&c) && c != '(');
    t.ends_with(ENDS)
}

/// Prose: a line that ends like a sentence and is long enough to be one, or is long anyway
/// (`words` is its [`word_count`]).
fn is_prose(s: &str, words: usize) -> bool {
    // A trailing sign-off, `… on Friday. (Wire)`, does not make a paragraph a headline.
    let core = match s.trim_end().strip_suffix(')').and_then(|r| r.rfind('(').map(|i| &s[..i])) {
        Some(before) if ends_sentence(before) => before,
        _ => s,
    };
    // A long line without a comma or a stop is a list of words (a tag cloud), not a paragraph.
    (ends_sentence(core) && words >= 5) || (words >= 25 && s.contains(|c| matches!(c, ',' | '.' | ';' | ':' | '，' | '。' | '、')))
}

/// Whether the text's paragraphs are parted by blank lines, as a page's `innerText` parts them:
/// then lines with no blank between them are one box of the page (a list, a share bar), and the
/// rules that read boxes can trust that. Four in five lines of [`PARAGRAPH_WORDS`] words or
/// more come after a blank, three of them at least.
fn paragraphed(lines: &[Line], words: &[usize]) -> bool {
    let (mut long, mut parted) = (0, 0);
    for (l, _) in lines.iter().zip(words).filter(|(_, &w)| w >= PARAGRAPH_WORDS) {
        long += 1;
        parted += l.after_blank as usize;
    }
    parted >= 3 && parted * 5 >= long * 4
}

/// The fewest words of a line [`paragraphed`] counts as a paragraph.
const PARAGRAPH_WORDS: usize = 15;

/// A box headed by a chrome line (`Recommended articles`, `Related stories`, `Republish this
/// story`, `Share this:`) is chrome as a whole: the short lines under it, up to the next blank
/// line, are the list of stories or the buttons it heads, whatever their words. A line of more
/// than [`BOX_LINE_WORDS`] words ends the box: a paragraph is never taken with it.
fn mark_boxes(text: &str, lines: &mut [Line], words: &[usize]) {
    let mut i = 0;
    while i < lines.len() {
        let reason = match lines[i].class {
            Class::Cut(r @ (Reason::Navigation | Reason::Boilerplate)) => r,
            _ => Reason::Outside,
        };
        let heads = reason != Reason::Outside
            && lines[i].after_blank
            && words[i] <= 4
            && lines.get(i + 1).is_some_and(|n| !n.after_blank)
            && box_head(&text[lines[i].span.clone()]);
        i += 1;
        while heads && i < lines.len() && !lines[i].after_blank && words[i] <= BOX_LINE_WORDS {
            if !matches!(lines[i].class, Class::Cut(_)) {
                lines[i].class = Class::Cut(reason);
            }
            i += 1;
        }
    }
}

/// The most words a line of a chrome box has (a story's headline, a sharing note).
const BOX_LINE_WORDS: usize = 15;

/// A chrome line that heads what follows it: a label with a colon (`Share this:`), or the name
/// of a list of stories or of a sharing box.
fn box_head(s: &str) -> bool {
    s.trim_end().ends_with(':') || starts_with_any(s, LIST_HEADS)
}

/// A reader appeal beside its button: a short line with a prompt in it (`Support local news.
/// Become a member of The Observer today.`) right over or under a button line removed as chrome
/// (`Donate now`), in one box. A paragraph of the article is longer, or stands in a box of its
/// own.
fn mark_pitches(lines: &mut [Line], words: &[usize]) {
    let button = |l: &Line| l.class == Class::Cut(Reason::Boilerplate);
    for i in 0..lines.len() {
        let beside = (!lines[i].after_blank && i > 0 && button(&lines[i - 1])) || lines.get(i + 1).is_some_and(|n| !n.after_blank && button(n));
        if lines[i].class == Class::Prose && lines[i].keyword == Some(Reason::Boilerplate) && words[i] <= PITCH_WORDS && beside {
            lines[i].class = Class::Cut(Reason::Boilerplate);
        }
    }
}

/// The most words of a reader appeal.
const PITCH_WORDS: usize = 20;

/// A photo credit that names no agency or photographer's role: a name alone (`Northlight
/// Pictures`) on the line under a caption ([`CAPTION_WORDS`] at most), closing its box.
fn mark_bare_credits(text: &str, lines: &mut [Line], words: &[usize]) {
    for i in 1..lines.len() {
        let closes = lines.get(i + 1).is_none_or(|n| n.after_blank);
        let caption = &lines[i - 1];
        let under = !lines[i].after_blank && caption.class == Class::Prose && caption.keyword.is_none() && words[i - 1] <= CAPTION_WORDS && ends_sentence(&text[caption.span.clone()]);
        if lines[i].class == Class::Short && closes && under && is_name(&text[lines[i].span.clone()]) {
            lines[i].class = Class::Cut(Reason::Credit);
        }
    }
}

/// The most words of a caption over a bare credit: a paragraph is longer.
const CAPTION_WORDS: usize = 40;

/// A line followed by a credit line, or ending with a bracketed credit, is a caption.
fn mark_captions(text: &str, lines: &mut [Line], out: &mut Cleaned) {
    for i in 0..lines.len() {
        if !matches!(lines[i].class, Class::Prose | Class::Short) {
            continue;
        }
        let s = &text[lines[i].span.clone()];
        if let Some(at) = trailing_credit(s) {
            let start = lines[i].span.start + at;
            out.removed.push(Cut { span: start..lines[i].span.end, reason: Reason::Credit });
            lines[i].span = trim_span(text, lines[i].span.start..start);
            lines[i].class = Class::Caption;
        } else if lines.get(i + 1).is_some_and(|n| n.class == Class::Cut(Reason::Credit)) && word_count(s) >= 4 {
            lines[i].class = Class::Caption;
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pass 3: by position

const SECTIONS: &[&str] = &[
    "world", "politics", "business", "economy", "markets", "sport", "sports", "tech", "technology", "science",
    "health", "opinion", "culture", "entertainment", "lifestyle", "travel", "news", "local", "national",
    "international", "asia", "europe", "americas", "africa", "middle east", "us", "uk", "video", "analysis",
    "features", "environment", "climate", "breaking news", "latest",
];

/// Before the body: the headline and the header block around it (outlet, section, author).
///
/// The headline is the first line of three words or more that is not a name, without a
/// programme tag such as `[News Today]` or a trailing date stamp. When every line is
/// name-like (`Fed Cuts Rates Again` is written like a name) and nothing marks a header block
/// (a section name, a line printed twice, an outlet over a section), the first line of two
/// words or more is the headline: an article starts with it. A name line is an author only
/// where the context says so: in a header block, or right under the headline.
///
/// `chosen` is the headline when [`headline::choose`] found it: `Some(Some(line))` before the
/// body, `Some(None)` in it; `None` leaves the choice to the rules here.
fn header(text: &str, lines: &mut [Line], chosen: Option<Option<usize>>, meta: &mut Meta, removed: &mut Vec<Cut>) {
    let short = |l: &Line| l.class == Class::Short;
    let line = |i: usize| &text[lines[i].span.clone()];
    // Short lines by the hash of their keys, which spares most comparisons.
    let hashes: Vec<Option<u64>> = (0..lines.len()).map(|i| short(&lines[i]).then(|| key_hash(line(i), usize::MAX))).collect();
    let known: Vec<(&str, u64)> = SECTIONS.iter().copied().chain(meta.section.as_deref()).map(|k| (k, key_hash(k, usize::MAX))).collect();
    let sections: Vec<bool> = (0..lines.len()).map(|i| known.iter().any(|&(k, h)| hashes[i] == Some(h) && same_key(k, line(i)))).collect();
    let names: Vec<bool> = lines.iter().map(|l| short(l) && is_name(&text[l.span.clone()])).collect();
    let words: Vec<usize> = lines.iter().map(|l| if short(l) && !l.glued { word_count(&text[l.span.clone()]) } else { 0 }).collect();
    // A line printed twice in a row.
    let repeated: Vec<bool> = (0..lines.len())
        .map(|i| {
            let same = |j: usize| j < lines.len() && hashes[i].is_some() && hashes[i] == hashes[j] && same_key(line(i), line(j));
            (i > 0 && same(i - 1)) || same(i + 1)
        })
        .collect();
    let is_section = |i: usize| sections.get(i).copied().unwrap_or(false);
    let outlet_over_section = |i: usize| names[i] && is_section(i + 1);
    // Paragraphs (runs of lines without a blank between them) holding a header-block line.
    let mut paragraph = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        paragraph.push(paragraph.last().map_or(0, |&p| p + (l.after_blank && i > 0) as usize));
    }
    // Only short lines are sections, repeated, names or counted here, so only they can be evidence.
    let evidence = |i: usize| is_section(i) || repeated[i] || outlet_over_section(i);
    let block_paragraphs: Vec<usize> = (0..lines.len()).filter(|&i| evidence(i)).map(|i| paragraph[i]).collect();
    let block = !block_paragraphs.is_empty();
    // The headline [`headline::choose`] found; else the first line long enough. A line cut for a
    // keyword alone (a headline about subscribers says "subscribers") may be the headline too.
    let keyword_cut: Vec<bool> =
        lines.iter().map(|l| matches!(l.keyword, Some(Reason::Boilerplate | Reason::Navigation)) && matches!(l.class, Class::Cut(_))).collect();
    let title = chosen.unwrap_or_else(|| {
        (0..lines.len()).find(|&i| words[i] >= 3 && !names[i]).or_else(|| (0..lines.len()).find(|&i| words[i] >= 2 && !block_paragraphs.contains(&paragraph[i])))
    });
    // The line before each, skipping removed lines: whether a name sits right under the headline.
    let mut previous_kept: Option<usize> = None;
    for i in 0..lines.len() {
        if Some(i) == title && (keyword_cut[i] || !short(&lines[i])) {
            lines[i].class = Class::Title;
            previous_kept = Some(i);
            continue;
        }
        if !short(&lines[i]) {
            if !matches!(lines[i].class, Class::Cut(_)) {
                previous_kept = Some(i);
            }
            continue;
        }
        let under_title = previous_kept.is_some() && previous_kept == title;
        previous_kept = Some(i);
        let s = &text[lines[i].span.clone()];
        if Some(i) == title {
            lines[i].class = Class::Title;
            if let Some(tag_end) = programme_tag(s) {
                let rest = trim_span(text, lines[i].span.start + tag_end..lines[i].span.end);
                removed.push(Cut { span: lines[i].span.start..rest.start, reason: Reason::Metadata });
                if meta.section.is_none() {
                    meta.section = Some(s[1..tag_end].trim_end_matches([']', ' ']).to_string());
                }
                lines[i].span = rest;
            }
            trailing_stamp(text, &mut lines[i], meta, removed);
            continue;
        }
        if lines[i].glued {
            lines[i].class = Class::Cut(Reason::Navigation);
            continue;
        }
        if sentence_like(s) && title.is_none_or(|t| i > t) {
            // A standfirst or a first paragraph that does not end like a sentence (under the
            // headline: kept above it, it would be the headline when the text is cleaned again).
            lines[i].class = Class::Body;
            continue;
        }
        lines[i].class = Class::Cut(Reason::Metadata);
        if is_section(i) {
            meta.section.get_or_insert_with(|| s.to_string());
        } else if repeated[i] {
            meta.outlet.get_or_insert_with(|| s.to_string());
        } else if outlet_over_section(i) && meta.outlet.is_none() {
            meta.outlet = Some(s.to_string());
        } else if names[i]
            && ((block && title.is_none_or(|t| i < t)) || under_title)
            && meta.authors.is_empty()
            && !meta.outlet.as_deref().is_some_and(|o| same_key(o, s))
        {
            meta.authors.push(s.to_string());
        }
    }
}

/// A date stamp closing a headline line (`Star Dies at 91 10:10 AM PDT 6 / 6 / 2013`): the
/// date is read and the stamp, times and weekday included, removed as metadata.
fn trailing_stamp(text: &str, line: &mut Line, meta: &mut Meta, removed: &mut Vec<Cut>) {
    let s = &text[line.span.clone()];
    let Some((start, end, date)) = find_date_at(s, usize::MAX).filter(|&(start, _, _)| start > 0) else { return };
    if stamp_end(s, end) != s.len() {
        return;
    }
    let title = without_weekday(s[..start].trim_end());
    if word_count(title) < 2 {
        return;
    }
    meta.published.get_or_insert(date);
    removed.push(Cut { span: trim_span(text, line.span.start + title.len()..line.span.end), reason: Reason::Metadata });
    line.span = trim_span(text, line.span.start..line.span.start + title.len());
}

/// Pages flattened to one line run the headline into the first paragraph:
/// `Quake shakes town, damages homes An earthquake shook…` or `Star dies at 91 June 6, 2013
/// The actress…`. The headline ends at a date, or where a capitalised article (`A`, `An`,
/// `The`) follows a word with no punctuation, which prose does not do.
fn runon_title(text: &str, line: &mut Line, address: &str, out: &mut Cleaned) -> Option<Line> {
    let s = &text[line.span.clone()];
    let toks: Vec<(usize, &str)> = tokens(s).collect();
    let head_end = toks.get(30).map_or(s.len(), |&(at, _)| at);
    let date = find_date_at(&s[..head_end], usize::MAX).filter(|&(start, _, _)| start > 0);
    let (title_end, body_start) = match &date {
        Some((start, end, _)) => (*start, stamp_end(s, *end)),
        None => {
            let open = |k: usize| toks[k - 1].1.ends_with(|c: char| c.is_alphanumeric());
            // A headline does not end on a preposition, an article or a conjunction: after
            // one, the article starts a name (`centered near The Geysers`), not the first
            // sentence. Capitals are a shouted headline's own (`HAVE DIED IN A BLAZE`).
            let dangling = |k: usize| {
                let prev = toks[k - 1].1;
                prev.chars().any(char::is_lowercase) && DANGLING.contains(&lower(prev).as_str())
            };
            let article = (3..toks.len().min(25)).find(|&k| matches!(toks[k].1, "A" | "An" | "The") && open(k) && !dangling(k));
            // The first sentence often starts with the name the headline starts with. Before
            // it, the headline ends on a word that is neither a function word (`that`) nor
            // capitalised (which would make one longer name: `former World Champion, …`).
            let name = opening_name(&toks);
            let ends_headline = |k: usize| {
                let prev = toks[k - 1].1;
                open(k) && !prev.chars().any(char::is_uppercase) && !crate::normalize::is_lowered_stopword(prev)
            };
            let repeated = (name >= 2)
                .then(|| {
                    (3..toks.len().min(25).saturating_sub(name - 1))
                        .find(|&k| ends_headline(k) && (0..name).all(|j| bare(toks[k + j].1) == bare(toks[j].1)))
                })
                .flatten();
            // The words of the address's last part (`…/78310-red-sox-to-break-bank`), when
            // the line starts with all of them and goes on with a capital. Sites cut long
            // addresses short, so after a headline in title case, two capitalised words may
            // be the rest of it (`… Yvonne Hiller Charged | With Two Counts`): not split there.
            let slug = slug_words(address);
            let capital = |k: usize| toks.get(k).is_some_and(|t| t.1.starts_with(char::is_uppercase));
            let spelled = (slug.len() >= 3 && toks.len() > slug.len() + 3)
                .then_some(slug.len())
                .filter(|&n| slug.iter().zip(&toks).all(|(w, t)| bare(t.1).eq_ignore_ascii_case(w)) && capital(n))
                .filter(|&n| !(capital(n + 1) && title_case(&s[..toks[n].0])));
            let k = article.into_iter().chain(repeated).chain(spelled).min()?;
            (toks[k].0, toks[k].0)
        }
    };
    let title = without_weekday(s[..title_end].trim_end());
    let title_end = title.len();
    if word_count(title) < 3 || title.contains(['.', '!', '?']) {
        return None;
    }
    if let Some((_, _, published)) = date {
        out.meta.published.get_or_insert(published);
    }
    // The stamp between headline and body (`Updated 9:06 AM`), with or without a date.
    let stamp = trim_span(text, line.span.start + title_end..line.span.start + body_start);
    if !stamp.is_empty() {
        out.removed.push(Cut { span: stamp, reason: Reason::Metadata });
    }
    let title_span = trim_span(text, line.span.start..line.span.start + title_end);
    line.span = trim_span(text, line.span.start + body_start..line.span.end);
    Some(Line { span: title_span, class: Class::Title, after_blank: true, keyword: None, stamp: false, glued: false })
}

/// Words no headline ends on. Not the particles of phrasal verbs (`in`, `over`, `out`, `up`),
/// which do (`Bush's season over`).
const DANGLING: &[&str] = &[
    "a", "across", "against", "along", "amid", "among", "an", "and", "at", "behind", "beside", "between", "beyond", "but", "by", "during", "for", "from", "into", "near",
    "nor", "of", "onto", "or", "per", "than", "the", "to", "toward", "towards", "upon", "via", "whose", "with", "within", "without",
];

/// The words of the last part of a page address (`…/78310-red-sox-to-break-bank.html` →
/// `red sox to break bank`): its words of letters, without the extension and the numbers.
fn slug_words(address: &str) -> Vec<&str> {
    let path = address.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    let last = last.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphabetic())).map_or(last, |(stem, _)| stem);
    if path.len() == last.len() {
        return Vec::new();
    }
    last.split(['-', '_']).filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).collect()
}

/// How many capitalised words (up to three, the last may end with a comma) open a line: a
/// name such as `Esther Williams,`.
fn opening_name(toks: &[(usize, &str)]) -> usize {
    let mut n = 0;
    while n < 3 && toks.get(n).is_some_and(|&(_, t)| is_name(bare(t))) {
        n += 1;
        if toks[n - 1].1.ends_with(',') {
            break;
        }
    }
    n
}

/// A token without the punctuation around it.
fn bare(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `[News Today] Headline`: a bracketed programme or tag before a headline.
fn programme_tag(s: &str) -> Option<usize> {
    let inner_end = s.strip_prefix('[')?.find(']')? + 1;
    let tag = &s[1..inner_end];
    // What follows must still be a headline (three words or more) once the tag is gone.
    let rest = s.get(inner_end + 1..)?;
    (word_count(tag) <= 4 && word_count(rest) >= 3).then_some(inner_end + 1)
}

/// Inside the body: short lines are subheads, or speaker labels of a transcript
/// (`Jane Doe / Minister`), unless several headline-like lines come in a row (an inline list
/// of links; a list in sentence case, such as specifications, is content).
fn middle(text: &str, lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].class != Class::Short {
            i += 1;
            continue;
        }
        // A run of short lines; removed lines between them do not break it, so that the
        // verdict is the same once they are gone.
        let mut run = Vec::new();
        let mut j = i;
        while j < lines.len() && matches!(lines[j].class, Class::Short | Class::Cut(_)) {
            if lines[j].class == Class::Short {
                run.push(j);
            }
            j += 1;
        }
        for &k in &run {
            let s = &text[lines[k].span.clone()];
            // A speaker label (`Name / Role`, one slash) is a speaker even in a run of short
            // lines, where it is written in title case like the links of a menu.
            lines[k].class = if is_speaker(s) && s.matches(" / ").count() <= 1 {
                Class::Speaker
            } else if run.len() >= 3 && title_case(s) {
                Class::Cut(Reason::Navigation)
            } else if s.bytes().all(|b| b.is_ascii_digit() || b == b':') {
                // A count or a running time (`14`, `2:31`) by a share bar or a video.
                Class::Cut(Reason::Label)
            } else {
                Class::Body
            };
        }
        i = j;
    }
}

fn is_speaker(s: &str) -> bool {
    let words = word_count(s);
    (words <= 12 && s.contains(" / ") && s.split(" / ").next().is_some_and(is_name)) || (words <= 6 && s.ends_with(':') && is_name(s.trim_end_matches(':')))
}

/// A note on the article's author closing it: the byline's name (two words at least) as the
/// subject of a short sentence, `Jane Roe covers health care for The Courier.`
fn author_note(s: &str, authors: &[String]) -> bool {
    // (The verb after the name is ASCII lower case: `covers`, `is`, `writes`.)
    let note = |a: &String| a.contains(' ') && s.starts_with(a.as_str()) && s.as_bytes().get(a.len()) == Some(&b' ') && s.as_bytes().get(a.len() + 1).is_some_and(u8::is_ascii_lowercase);
    word_count(s) <= AUTHOR_NOTE_WORDS && authors.iter().any(note)
}

/// The most words of an author's note.
const AUTHOR_NOTE_WORDS: usize = 40;

/// After the body: a one-line sign-off (`Reuters`) is the outlet; sentences that continue the
/// body before any chrome (`No one was hurt.`) stay; other short lines are menus, headline
/// lists and leftover prompts.
fn tail(text: &str, lines: &mut [Line], meta: &mut Meta) {
    let known = |s: &str, meta: &Meta| [&meta.outlet, &meta.section].iter().any(|m| m.as_deref().is_some_and(|m| same_key(m, s)));
    let shorts = lines.iter().filter(|l| l.class == Class::Short).count();
    let mut chrome = false;
    for (n, line) in lines.iter_mut().enumerate() {
        if line.class != Class::Short {
            chrome |= matches!(line.class, Class::Cut(_));
            continue;
        }
        let s = &text[line.span.clone()];
        line.class = if known(s, meta) {
            Class::Cut(Reason::Metadata)
        } else if n == 0 && word_count(s) <= 3 && is_name(s) {
            meta.outlet.get_or_insert_with(|| s.to_string());
            Class::Cut(Reason::Metadata)
        } else if !chrome && !line.glued && sentence_like(s) {
            Class::Body
        } else if shorts >= 3 {
            Class::Cut(Reason::Navigation)
        } else {
            Class::Cut(Reason::Boilerplate)
        };
        chrome |= line.class != Class::Body;
    }
}

/// Running prose rather than a headline: a sentence end or many words, not in title case.
fn sentence_like(s: &str) -> bool {
    let words = word_count(s);
    (ends_sentence(s) || s.contains(". ") || words >= 12) && words >= 3 && !title_case(s)
}

/// The article's runs of lines: which lines stand in them. A run goes from a prose line to a
/// prose line while its prose outweighs the chrome inside it, and ends where it weighs most
/// ([`find_runs`]): each prose line counts its bytes,
/// each other line kept or removed a fixed cost, and a line that marks reader comments a cost no
/// paragraph outweighs. The heaviest run is the article's; another run is too when it weighs at
/// least [`RUN_SHARE`] of it (a short article split by a block of links), unless reader comments
/// come between them. So a site's blurb above the menus and the comments and teasers below the
/// article fall outside, while subheads, captions and an "Advertisement" inside it do not split it.
fn article_runs(text: &str, lines: &[Line]) -> Option<Vec<bool>> {
    let mut comments = Vec::new();
    let weights: Vec<f64> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let marker = line.class != Class::Prose && comment_marker(&text[line.span.clone()]);
            if marker {
                comments.push(i);
            }
            match line.class {
                Class::Prose => line.span.len() as f64,
                Class::Caption => 0.0,
                _ if marker => -COMMENT_COST,
                _ if line.stamp => -STAMP_COST,
                _ if furniture(line) => -FURNITURE_COST,
                _ => -LINE_COST,
            }
        })
        .collect();
    let prose: Vec<bool> = lines.iter().map(|l| l.class == Class::Prose).collect();
    let mut runs: Vec<(f64, usize, usize)> = Vec::new();
    find_runs(&weights, &prose, 0..lines.len(), RUN_SPLITS, &mut runs);
    // Reader comments come after the article: a run after the first comment marker is the
    // article's only when no run comes before it.
    // A bare "Comments" or "Reply" may be a button of the share bar above the article; only
    // markers that cannot be one count here.
    let first_thread = comments.iter().copied().find(|&c| thread_marker(&text[lines[c].span.clone()]));
    let before_comments = |r: &&(f64, usize, usize)| first_thread.is_none_or(|c| r.1 < c);
    let candidates: Vec<&(f64, usize, usize)> = if runs.iter().any(|r| before_comments(&r)) { runs.iter().filter(before_comments).collect() } else { runs.iter().collect() };
    // A run right under a byline or a date (not a relative stamp) weighs double here: that is
    // where an article starts, while a site's blurb or a tag cloud below it stands under menus.
    let dated = |first: usize| lines[first.saturating_sub(DATED_NEAR)..first].iter().any(|l| l.class == Class::Cut(Reason::Metadata) && !l.stamp);
    let chosen = |r: &(f64, usize, usize)| if dated(r.1) { 2.0 * r.0 } else { r.0 };
    let &(heaviest, main_first, main_last) = candidates.into_iter().max_by(|a, b| chosen(a).total_cmp(&chosen(b)))?;
    let mut inside = vec![false; lines.len()];
    inside[main_first..=main_last].iter_mut().for_each(|x| *x = true);
    // Outward from the article's run, each side in turn: a run joins when it is heavy enough or
    // only a few lines stand between it and the article's text, unless comments come between.
    let main = runs.iter().position(|r| r.1 == main_first).unwrap_or(0);
    let (mut near_first, mut near_last) = (main_first, main_last);
    let before = runs[..main].iter().rev().map(|r| (r, true));
    let after = runs[main + 1..].iter().map(|r| (r, false));
    for (&(weight, first, last), earlier) in before.chain(after) {
        // The lines between the run and the article's text so far.
        let between = if earlier { last + 1..near_first } else { near_last + 1..first };
        // A relative time stamp between them is an entry of a list of stories or comments.
        let gap = lines[between.clone()].iter().map(|l| if l.stamp { RUN_GAP } else { (l.class != Class::Prose && !furniture(l)) as usize }).sum::<usize>();
        if !comments.iter().any(|c| between.contains(c)) && ((weight >= RUN_SHARE * heaviest && weight >= gap as f64 * LINE_COST) || gap < RUN_GAP) {
            inside[first..=last].iter_mut().for_each(|x| *x = true);
            if earlier {
                near_first = first;
            } else {
                near_last = last;
            }
        }
    }
    Some(inside)
}

/// The runs of prose in `range`, in order, each as (weight, first line, last line): a run goes
/// from a prose line while the sum of the lines' weights stays above zero, and ends at the prose
/// line where that sum was greatest (what follows it weighs less than the chrome before it: a
/// list of other stories' headlines and one paragraph of the site's below an article). What
/// comes after that line is read again for runs of its own, `depth` times more at most.
fn find_runs(weights: &[f64], prose: &[bool], range: Range<usize>, depth: usize, runs: &mut Vec<(f64, usize, usize)>) {
    // (sum, first line, greatest sum, its line, last prose line)
    let mut open: Option<(f64, usize, f64, usize, usize)> = None;
    let close = |(_, first, best, best_end, last): (f64, usize, f64, usize, usize), runs: &mut Vec<(f64, usize, usize)>| {
        runs.push((best, first, best_end));
        if last > best_end {
            if depth > 0 {
                find_runs(weights, prose, best_end + 1..last + 1, depth - 1, runs);
            } else if let Some(start) = (best_end + 1..=last).find(|&i| prose[i]) {
                runs.push((weights[start..=last].iter().sum(), start, last));
            }
        }
    };
    for i in range {
        let w = weights[i];
        open = match open {
            Some((sum, first, best, best_end, last)) if sum + w > 0.0 => {
                let s = sum + w;
                match (prose[i], s > best) {
                    (true, true) => Some((s, first, s, i, i)),
                    (true, false) => Some((s, first, best, best_end, i)),
                    _ => Some((s, first, best, best_end, last)),
                }
            }
            Some(o) => {
                close(o, runs);
                prose[i].then_some((w, i, w, i, i))
            }
            None => prose[i].then_some((w, i, w, i, i)),
        };
    }
    if let Some(o) = open {
        close(o, runs);
    }
}

/// How many times [`find_runs`] reads again what follows a run's heaviest point.
const RUN_SPLITS: usize = 8;

/// Takes out of the article's runs the list of teasers that ends them: at least
/// [`TEASERS_MIN`] paragraphs at the end, each a single short paragraph under a line of its own
/// that is not prose (a headline, an author's name), after paragraphs that follow one another.
/// A story list reads so (headline, summary, headline, summary); an article's sections carry
/// more than one paragraph, or longer ones.
fn drop_teasers(text: &str, lines: &[Line], inside: &mut [bool]) {
    let prose: Vec<usize> = (0..lines.len()).filter(|&i| inside[i] && lines[i].class == Class::Prose).collect();
    // Each prose line, whether it reads as a teaser: short, and with a line that is not prose
    // and not furniture right before it.
    let teaser = |k: usize| {
        let i = prose[k];
        k > 0 && lines[i].span.len() <= TEASER_BYTES && i > prose[k - 1] + 1 && (prose[k - 1] + 1..i).any(|j| !furniture(&lines[j]) && title_case(&text[lines[j].span.clone()]))
    };
    let mut start = prose.len();
    while start > 0 && teaser(start - 1) {
        start -= 1;
    }
    // Before the list, the article itself: paragraphs that follow one another.
    let dense = prose[..start].windows(2).filter(|w| w[1] == w[0] + 1).count();
    if prose.len() - start >= TEASERS_MIN && dense >= TEASERS_MIN {
        let from = prose[start - 1] + 1;
        inside[from..].iter_mut().for_each(|x| *x = false);
    }
}

/// The fewest teasers that make a list.
const TEASERS_MIN: usize = 4;

/// The longest paragraph, in bytes, that reads as a teaser's summary.
const TEASER_BYTES: usize = 400;

/// How many lines above a run a byline or a date marks it as the article's.
const DATED_NEAR: usize = 4;

/// How heavy, beside the article's heaviest run of prose, another run must be to be the
/// article's too.
const RUN_SHARE: f64 = 0.25;

/// Fewer lines than this between two runs of prose do not part them: a stray line of chrome
/// is not the end of the article.
const RUN_GAP: usize = 4;

/// What a line that is not prose costs the run of the article it stands in, in bytes of prose.
const LINE_COST: f64 = 40.0;

/// What a byline, a date, a photo credit or a label costs the run it stands in: they are the
/// article's own furniture, between its standfirst and its body or under a photo.
const FURNITURE_COST: f64 = 5.0;

/// Lines of the article's furniture: bylines, dates, credits, labels.
fn furniture(line: &Line) -> bool {
    matches!(line.class, Class::Cut(Reason::Metadata | Reason::Credit | Reason::Label))
}

/// What a relative time stamp (`3h ago`) costs the run it stands in: more than a teaser's
/// summary weighs, less than an entry of a live report.
const STAMP_COST: f64 = 400.0;

/// What a line marking reader comments costs the run it stands in.
const COMMENT_COST: f64 = 2000.0;

/// Whether a comment marker (`comment_marker`) is one that only a thread of comments has: not a
/// bare "Comments" or "Reply", which may be buttons of a share bar.
fn thread_marker(marker: &str) -> bool {
    !BUTTON_HEADS.contains(&lower(marker.trim()).trim_end_matches([':', '.']))
}

/// Lines that head or punctuate reader comments: `23 Comments`, `Leave a Reply`, `Reply`.
fn comment_marker(s: &str) -> bool {
    // Every marker is short; most lines are not, and are spared the lower-casing.
    if s.len() >= COMMENT_MARKER_BYTES {
        return false;
    }
    let l = lower(s.trim());
    let l = l.trim_end_matches([':', '.']);
    if BUTTON_HEADS.contains(&l) || COMMENT_HEADS.contains(&l) {
        return true;
    }
    // `Alex on September 17, 2018 at 6:34 am said:`
    if (l.ends_with(" said") || l.ends_with(" says")) && s.ends_with(':') && s.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    // `23 Comments` (`0 Comments` heads no thread: it is a link by the byline)
    let mut words = l.split_whitespace();
    words.next().is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()) && n.bytes().any(|b| b != b'0')) && words.next().is_some_and(|w| COMMENT_COUNTS.contains(&w)) && words.next().is_none()
}

/// The longest comment marker, in bytes (`Alex on September 17, 2018 at 6:34 am said:`).
const COMMENT_MARKER_BYTES: usize = 80;

/// Comment markers that may also be buttons of a share bar ([`thread_marker`]), lower case,
/// without a final colon or full stop.
const BUTTON_HEADS: &[&str] = &["reply", "comments", "responses"];

/// Lines that only head reader comments, lower case, without a final colon or full stop.
const COMMENT_HEADS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "join the conversation", "join the discussion",
    "show comments", "view comments", "comments are closed", "what do you think?", "reader comments",
];

/// What a count of comments is counted in (`23 comments`).
const COMMENT_COUNTS: &[&str] = &["comments", "comment", "responses", "replies"];

/// The words of `s` that carry its topic: four letters or more. They are compared by
/// [`stem_into`]'s key.
fn content_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() >= 4 && w.chars().nth(3).is_some())
}

/// Writes into `key` what a content word is compared by: its first five letters, lower case,
/// so that "injured" finds "injury" and "critically" "critical".
fn stem_into(w: &str, key: &mut String) {
    key.clear();
    for c in w.chars().take(5) {
        if c.is_ascii() {
            key.push(c.to_ascii_lowercase());
        } else {
            key.extend(c.to_lowercase());
        }
    }
}

/// Most words capitalised, as headlines and menu items are written.
fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    !long.is_empty() && long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 10 >= long.len() * 7
}

/// `SEOUL, June 12 (Yonhap) -- ` or `WASHINGTON (Reuters) - ` opening the first paragraph.
fn dateline(text: &str, line: &mut Line, out: &mut Cleaned) {
    let s = &text[line.span.clone()];
    let Some(open) = s.find('(') else { return };
    let Some(close) = s[open..].find(')').map(|c| open + c) else { return };
    let head = &s[..open];
    let agency = &s[open + 1..close];
    let after = &s[close + 1..];
    let dash = after.trim_start();
    let Some(rest) = ["--", "—", "–", "-"].iter().find_map(|d| dash.strip_prefix(d)) else { return };
    let city = head.split(',').next().unwrap_or("");
    if open > 60 || !is_name(agency) || city.is_empty() || city.chars().any(|c| c.is_lowercase()) {
        return;
    }
    let end = line.span.start + s.len() - rest.trim_start().len();
    out.removed.push(Cut { span: line.span.start..end, reason: Reason::Metadata });
    out.meta.outlet.get_or_insert_with(|| agency.to_string());
    line.span = end..line.span.end;
}

/// `… relations. (Yonhap)` closing the last paragraph: the outlet's sign-off.
fn signoff(text: &str, line: &mut Line, out: &mut Cleaned) {
    let s = &text[line.span.clone()];
    if !s.ends_with(')') {
        return;
    }
    let Some(open) = s.rfind('(') else { return };
    let inner = &s[open + 1..s.len() - 1];
    if !is_name(inner) || word_count(inner) > 3 || !ends_sentence(&s[..open]) {
        return;
    }
    let start = line.span.start + open;
    out.removed.push(Cut { span: start..line.span.end, reason: Reason::Metadata });
    out.meta.outlet.get_or_insert_with(|| inner.to_string());
    line.span = trim_span(text, line.span.start..start);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that mix what the byte-level scans tell apart (ASCII letters and digits, line
    /// ends, spaces, punctuation, characters of two to four bytes) at every offset, so that
    /// each kind lands at every place of an eight-byte chunk and at the text's end.
    fn varied_texts() -> Vec<String> {
        const PIECES: &[&str] = &[
            "a", "Z", "7", "0", "9", " ", "\n", "\r\n", "\r", "\t", "\u{2028}", "\u{2029}", "\u{2027}", "“", "—", "é", "É", "ß",
            "한", "國", "ж", "Ж", "λ", "ש", "ب", "©", "İ", "\u{212A}", "😀", "@", "/", "-", ".", "`", "{", "[", "\u{a0}", "\0", "\u{b}",
        ];
        let mut seed = 0x2545_f491_u32;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as usize
        };
        let mut texts: Vec<String> = PIECES.iter().map(|p| p.repeat(20)).collect();
        for len in 0..300 {
            texts.push((0..len).map(|_| PIECES[next() % PIECES.len()]).collect());
            // Mostly plain words, as articles are.
            texts.push((0..len).map(|_| if next() % 4 == 0 { PIECES[next() % PIECES.len()] } else { "word " }).collect());
        }
        texts
    }

    #[test]
    fn lines_that_are_the_same_hash_alike() {
        let mut texts = varied_texts();
        // Characters whose lower case is longer, or ASCII, or depends on the place (a final
        // sigma), around where hashing stops.
        for pad in 18..30 {
            texts.push(format!("{} İstanbul \u{212A}elvin ΟΔΟΣ Οδός", "a".repeat(pad)));
        }
        for text in &texts {
            let variants = [text.to_uppercase(), text.to_lowercase(), text.to_ascii_uppercase(), text.replace(' ', " \t "), format!("• {text}")];
            for variant in variants.iter().filter(|v| same_key(text, v)) {
                for words in [1, 4, 6, usize::MAX] {
                    assert_eq!(key_hash(text, words), key_hash(variant, words), "{text:?} {variant:?} {words}");
                }
            }
        }
        assert_ne!(key_hash("Mayor opens new bridge", 6), key_hash("Mayor opens new school", 6));
    }

    #[test]
    fn byte_scans_agree_with_char_scans() {
        for text in varied_texts() {
            let b = text.as_bytes();
            assert_eq!(first_digit(b), b.iter().position(u8::is_ascii_digit), "{text:?}");
            let digits = b.iter().filter(|b| b.is_ascii_digit()).count();
            for n in [1, 7, digits, digits + 1] {
                assert_eq!(has_digits(b, n), digits >= n, "{text:?} {n}");
            }
            let mut counts = [0; 8];
            for script in text.chars().filter_map(script_of) {
                counts[script as usize] += 1;
            }
            assert_eq!(script_counts(&text), counts, "{text:?}");
            // Phrases found as the plain scan finds them: fixed ones, and pieces of the text
            // lower-cased as far as ASCII goes (as the rules' phrases are).
            let mut needles: Vec<String> = ["copyright", "all rights reserved", "(photo", "www.", "word", "a", "7", "한국", "“a", "é"].map(String::from).to_vec();
            for start in (0..text.len()).step_by(7) {
                for end in [start + 1, start + 4, start + 13] {
                    needles.extend(text.get(start..end).map(str::to_ascii_lowercase));
                }
            }
            for needle in &needles {
                let plain = b.windows(needle.len()).position(|w| w[0].to_ascii_lowercase() == needle.as_bytes()[0] && w.eq_ignore_ascii_case(needle.as_bytes()));
                assert_eq!(find_ignore_case(&text, needle), plain, "{text:?} {needle:?}");
            }
            // Lines as the characters that end them split the text.
            let mut expected = Vec::new();
            let mut blank = true;
            let normalized = text.replace("\r\n", "\n").replace(['\r', '\u{2028}', '\u{2029}'], "\n");
            for line in normalized.split('\n') {
                let trimmed = line.trim_matches(is_space);
                if trimmed.is_empty() {
                    blank = true;
                } else {
                    expected.push((trimmed, blank));
                    blank = false;
                }
            }
            let lines: Vec<(&str, bool)> = split_lines(&text).iter().map(|l| (&text[l.span.clone()], l.after_blank)).collect();
            assert_eq!(lines, expected, "{text:?}");
        }
    }

    #[test]
    fn a_lowered_line_finds_every_phrase_it_contains_and_no_other() {
        let line = "sign up for our newsletter — 한국 news, © 2025 all rights reserved";
        let l = Lowered::new(line, true);
        for start in 0..line.len() {
            for end in start + 1..=line.len() {
                if let Some(sub) = line.get(start..end) {
                    assert!(l.has(sub), "{sub:?}");
                }
            }
        }
        for absent in ["subscribe", "newsletters", "sign in", "한국어", "copyright"] {
            assert!(!l.has(absent), "{absent:?}");
        }
    }

    fn kept(text: &str) -> Vec<(Role, &str)> {
        clean(text).blocks.iter().map(|b| (b.role, &text[b.span.clone()])).collect()
    }

    fn removed(text: &str) -> Vec<(Reason, &str)> {
        clean(text).removed.iter().map(|c| (c.reason, &text[c.span.clone()])).collect()
    }

    const BODY: &str = "The council approved the new budget on Tuesday after a long debate.\n\nSpending on schools will rise by four percent next year, officials said.";

    /// An article of six paragraphs.
    const LONG: &str = "The council approved the new budget on Tuesday after a long debate.\n\nSpending on schools will rise by four percent next year, officials said.\n\nThe mayor called it a fair compromise between the parties.\n\nThe opposition said it would keep pressing for lower taxes next year.\n\nRoad repairs will get a further two million from a reserve fund.\n\nThe budget takes effect on the first of April, the clerk said.";

    /// Menu lines, each a short line of chrome.
    fn menu(n: usize) -> String {
        (0..n).map(|i| format!("Section {i}\n")).collect()
    }

    #[test]
    fn a_site_blurb_above_the_menus_is_not_the_article() {
        let blurb = "News Corp is a network of leading media companies.";
        let text = format!("{blurb}\n\n{}\nCouncil passes budget\n\n{LONG}", menu(12));
        assert!(removed(&text).contains(&(Reason::Outside, blurb)), "{:?}", removed(&text));
        assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 6);
    }

    #[test]
    fn reader_comments_after_a_thread_marker_are_not_the_article() {
        let comment = "I have lived here for thirty years and the schools have never had enough money.";
        let text = format!("{BODY}\n\n3 Comments\n\nAlex on March 3, 2024 at 6:34 am said:\n{comment}\nReply");
        assert!(removed(&text).contains(&(Reason::Outside, comment)), "{:?}", removed(&text));
    }

    #[test]
    fn a_comments_button_above_the_article_does_not_hide_it() {
        let text = format!("Council passes budget\nShare\nComments\n\n{BODY}");
        assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
    }

    #[test]
    fn a_prose_sentence_inside_the_article_is_kept_whatever_its_keywords() {
        let inside = "The ruling turned on the words all rights reserved on the copyright page, the judge said.";
        let text = format!("{BODY}\n\n{inside}\n\nThe publisher said it would appeal the decision next week.");
        assert!(kept(&text).contains(&(Role::Body, inside)), "{:?}", kept(&text));
        // At the article's edge the same keyword removes it.
        let edge = format!("{BODY}\n\nCopyright 2024 The Daily Planet. All rights reserved.");
        assert_eq!(kept(&edge).len(), 2, "{:?}", kept(&edge));
    }

    #[test]
    fn a_standfirst_parted_from_the_body_by_share_buttons_is_kept() {
        let standfirst = "Parents will pay less for school meals from September, the council said.";
        let text = format!("{}\nCouncil cuts school meal prices\n{standfirst}\nBy Ana Ruiz\nShare on Facebook\nShare on X\nCopy link\nPrint\n\n{LONG}", menu(6));
        assert!(kept(&text).contains(&(Role::Body, standfirst)), "{:?}", removed(&text));
    }

    #[test]
    fn the_article_under_its_byline_outweighs_a_longer_footer_paragraph() {
        let footer = "The Daily Planet customer service centre answers questions about subscriptions, deliveries, missing papers, gift vouchers, archive searches and reprints every weekday from eight until six, and on Saturdays from nine until noon, except on public holidays.";
        let others: String = (1..=8).map(|i| format!("Storm number {i} hits the coast\nBy Staff\nMarch {i}, 2024\n")).collect();
        let text = format!("Council approves budget\nBy Ana Ruiz\nMarch 3, 2024\n{BODY}\n{others}{}\n{footer}", menu(10));
        assert!(removed(&text).contains(&(Reason::Outside, footer)), "{:?}", kept(&text));
        assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
    }

    #[test]
    fn a_long_line_of_words_without_punctuation_is_not_prose() {
        let tags = "budget council schools taxes roads mayor elections transport parks libraries housing planning water waste police fire health culture sport tourism jobs trade weather events";
        // (Longer than the article: as prose it would be taken for it.)
        let text = format!("Council approves budget\n\n{BODY}\n\n{}{tags}", menu(8));
        assert!(!kept(&text).iter().any(|k| k.1 == tags), "{:?}", kept(&text));
        assert_eq!(kept(&text).iter().filter(|k| k.0 == Role::Body).count(), 2, "{:?}", kept(&text));
    }

    #[test]
    fn a_date_with_a_dash_is_a_date_line() {
        let text = format!("Council approves budget\n05/10/2018 -\n{BODY}");
        assert!(removed(&text).iter().any(|r| r.0 == Reason::Metadata && r.1.starts_with("05/10/2018")), "{:?}", removed(&text));
    }

    #[test]
    fn a_list_of_teasers_ending_the_article_is_cut_off() {
        let teasers: String = (1..=5).map(|i| format!("Storm Number {i} Hits The Coast\n\nHeavy rain closed roads in {i} towns on Monday, and more is on the way.\n\n")).collect();
        let text = format!("{LONG}\n\n{teasers}");
        let body: Vec<&str> = kept(&text).iter().map(|k| k.1).collect();
        assert_eq!(body.len(), 6, "{body:?}");
    }

    #[test]
    fn the_headline_is_the_line_whose_words_the_opening_repeats() {
        let text = format!("Skip to content\n\nLatest news from the town hall\n\nCouncil approves budget after long debate\n\nShare this article\n\n{BODY}");
        assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves budget after long debate"));
    }

    #[test]
    fn headline_byline_and_body_are_told_apart() {
        let text = format!("Council passes budget after long debate\nBy Maria Lopez and Tom Weber - 3 March 2024 - 10:15\n\n{BODY}");
        let c = clean(&text);
        assert_eq!(c.meta.title.as_deref(), Some("Council passes budget after long debate"));
        assert_eq!(c.meta.authors, ["Maria Lopez", "Tom Weber"]);
        assert_eq!(c.meta.published.as_deref(), Some("2024-03-03"));
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn subscription_prompts_and_menus_are_removed() {
        let text = format!("Subscribe to our newsletter\nSign in\n\n{BODY}\n\nRead more\nDownload the app to get alerts on your phone\nMost popular");
        let r = removed(&text);
        assert!(r.contains(&(Reason::Boilerplate, "Subscribe to our newsletter")));
        assert!(r.contains(&(Reason::Boilerplate, "Download the app to get alerts on your phone")));
        assert!(r.contains(&(Reason::Navigation, "Most popular")));
        assert_eq!(kept(&text).len(), 2);
    }

    #[test]
    fn headline_list_after_the_body_is_navigation() {
        let text = format!("{BODY}\n\nMayor Unveils Plan for New Tram Line Through City Centre\nLocal Team Wins Cup After Dramatic Penalty Shootout\nStorm Warning Issued for Coastal Towns This Weekend");
        assert!(removed(&text).iter().filter(|(r, _)| *r == Reason::Navigation).count() == 3);
    }

    #[test]
    fn chrome_in_another_script_is_removed() {
        let text = format!("{BODY}\n\n전체메뉴\n많이 본 뉴스\nПодписаться на рассылку новостей");
        let r = removed(&text);
        assert_eq!(r.iter().filter(|(reason, _)| *reason == Reason::Language).count(), 3);
    }

    #[test]
    fn a_body_printed_twice_keeps_the_first_copy() {
        let text = format!("{BODY}\n\n{BODY}");
        assert_eq!(kept(&text).len(), 2);
        assert_eq!(removed(&text).iter().filter(|(r, _)| *r == Reason::Duplicate).count(), 2);
        assert!(clean(&text).blocks[1].span.end < text.len() / 2 + 1);
    }

    #[test]
    fn caption_with_credit_line_or_bracketed_credit() {
        let text = format!("Firefighters battle the blaze in the old town on Sunday.\nPhoto: AFP/Jane Roe\n\n{BODY}");
        assert_eq!(kept(&text)[0].0, Role::Caption);
        assert!(removed(&text).contains(&(Reason::Credit, "Photo: AFP/Jane Roe")));
        let text = format!("Firefighters battle the blaze in the old town on Sunday [Jane Roe/AFP]\n\n{BODY}");
        assert_eq!(kept(&text)[0], (Role::Caption, "Firefighters battle the blaze in the old town on Sunday"));
    }

    #[test]
    fn credits_name_an_agency_as_a_whole_word() {
        for credit in ["Jane Roe / Reuters", "Photo: Jane Roe/AFP", "(AP Photo/Jane Roe)", "Jane Roe via EPA", "File photo of the harbour", "Getty Images"] {
            assert!(is_credit(credit, word_count(credit), &Lowered::new(credit, true)), "{credit}");
        }
        for prose in ["Updates arrive via Apple's store.", "The apartments were sold.", "He reported via satellite."] {
            assert!(!is_credit(prose, word_count(prose), &Lowered::new(prose, true)), "{prose}");
        }
    }

    #[test]
    fn contact_and_copyright_lines_are_removed() {
        let text = format!("{BODY}\n\nSend tips to news@example.org or call 555-123-4567\nCopyright © 2024 Daily Planet. All rights reserved.");
        let r = removed(&text);
        assert_eq!(r[0].0, Reason::Contact);
        assert_eq!(r[1].0, Reason::Copyright);
        assert_eq!(clean(&text).meta.outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn a_number_with_dot_thousands_is_not_a_phone_number() {
        for number in ["Das Defizit stieg auf 2.590.000 Euro.", "Wir haben 1.000.000 Euro.", "¡La casa cuesta $170.500.000,00!"] {
            assert!(!has_phone(number), "{number}");
            let text = format!("{BODY}\n\n{number}");
            assert_eq!(kept(&text).last(), Some(&(Role::Body, number)), "{number}");
        }
        for phone in ["call 555.123.4567", "Tel. 030.123.456", "Fax 0201.12.34.56", "call 555-123-4567"] {
            assert!(has_phone(phone), "{phone}");
        }
    }

    #[test]
    fn signoff_and_dateline_name_the_outlet() {
        let text = "BERLIN, May 4 (Wire) -- Ministers met in Berlin on Monday to discuss the budget. Talks will resume on Friday. (Wire)";
        let c = clean(text);
        assert_eq!(c.meta.outlet.as_deref(), Some("Wire"));
        assert_eq!(kept(text), [(Role::Body, "Ministers met in Berlin on Monday to discuss the budget. Talks will resume on Friday.")]);
        let text = format!("{BODY}\nDaily Planet");
        assert_eq!(clean(&text).meta.outlet.as_deref(), Some("Daily Planet"));
    }

    #[test]
    fn header_block_gives_outlet_section_and_author() {
        let text = format!("Daily Planet\nDaily Planet\nBusiness\nLois Lane\n\nCity budget approved after long debate\n\n{BODY}");
        let c = clean(&text);
        assert_eq!((c.meta.outlet.as_deref(), c.meta.section.as_deref()), (Some("Daily Planet"), Some("Business")));
        assert_eq!(c.meta.authors, ["Lois Lane"]);
        assert_eq!(c.meta.title.as_deref(), Some("City budget approved after long debate"));
    }

    #[test]
    fn date_lines_and_programme_tags_are_metadata() {
        let text = format!("date 2024-03-03 World\n[Evening News] City budget approved\n입력 2024.03.03 (18:02)\n\n{BODY}");
        let c = clean(&text);
        assert_eq!(c.meta.published.as_deref(), Some("2024-03-03"));
        assert_eq!(c.meta.title.as_deref(), Some("City budget approved"));
        assert_eq!(c.meta.section.as_deref(), Some("World"));
    }

    #[test]
    fn transcript_labels_and_speaker_lines() {
        let text = format!("[ANCHOR]\n{BODY}\nAna Ruiz / Finance Minister\nWe will keep every promise we made.\n\nThe vote is expected next week, officials said.");
        let k = kept(&text);
        assert!(k.contains(&(Role::Speaker, "Ana Ruiz / Finance Minister")));
        assert!(removed(&text).contains(&(Reason::Label, "[ANCHOR]")));
    }

    #[test]
    fn runon_headline_is_split_at_the_date_or_article() {
        let text = "Star swimmer dies at 91 June 6, 2013 The actress died in her sleep, her publicist said.";
        assert_eq!(kept(text), [(Role::Title, "Star swimmer dies at 91"), (Role::Body, "The actress died in her sleep, her publicist said.")]);
        let text = "Quake shakes island, damages homes A strong earthquake shook the island on Sunday, officials said.";
        assert_eq!(kept(text)[0], (Role::Title, "Quake shakes island, damages homes"));
    }

    #[test]
    fn a_short_last_sentence_is_not_chrome() {
        let text = format!("{BODY}\nNo one was hurt.\nSign up for alerts\nNo ads. Just news.");
        assert_eq!(kept(&text).last(), Some(&(Role::Body, "No one was hurt.")));
        assert!(removed(&text).iter().any(|(_, s)| *s == "No ads. Just news."));
    }

    #[test]
    fn a_first_paragraph_without_final_period_is_kept() {
        let text = format!("City budget approved\n\nThe council approved the new budget on Tuesday after a debate that ran late 🗳\n\n{BODY}");
        assert_eq!(kept(&text).len(), 4);
    }

    #[test]
    fn hard_wrapped_paragraphs_are_joined() {
        let text = "The council approved the new budget on Tuesday\nafter a long debate that ran late into\nthe night, officials said.";
        assert_eq!(kept(text).len(), 1);
    }

    #[test]
    fn a_short_line_or_an_icon_name_does_not_continue_the_line_above() {
        let text = format!("Menu\nCouncil approves the school budget\nchevron_left All posts\nBy Ana Ruiz\n\n{BODY}");
        assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves the school budget"));
        let text = format!("Council approves the school budget\nhttps://example.com/news/council-budget\n\n{BODY}");
        assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves the school budget"));
    }

    #[test]
    fn the_headline_over_its_dek_is_the_title() {
        // The byline stands under the dek, which repeats as many of the opening's words.
        let text = format!("{}Council vote ends months of school funding fights\nSpending on schools rises as teachers and parents welcome the vote\nBy Ana Ruiz\nMarch 3, 2024\n\n{BODY}", menu(6));
        assert_eq!(clean(&text).meta.title.as_deref(), Some("Council vote ends months of school funding fights"));
    }

    #[test]
    fn a_kicker_without_the_articles_words_is_not_the_headline_over_it() {
        // (A headline in wordplay: none of the opening's words either.)
        let headline = "Where Every Dollar Goes: Inside the Hard Choices Behind a Plan That Took Months to Settle";
        let text = format!("{}LOCAL NEWS  CITY HALL: ANALYSIS\n{headline}\n\n{BODY}", menu(6));
        assert_eq!(clean(&text).meta.title.as_deref(), Some(headline));
    }

    #[test]
    fn a_short_title_case_headline_right_over_a_byline_is_not_a_name() {
        let text = format!("{}Opinion Pages\nThe Budget Clock\nBy Ana Ruiz\nMarch 3, 2024\n\n{BODY}", menu(6));
        assert_eq!(clean(&text).meta.title.as_deref(), Some("The Budget Clock"));
    }

    #[test]
    fn a_count_or_a_running_time_inside_the_article_is_not_body() {
        let text = "The council approved the new budget on Tuesday after a long debate.\n\n14\n\nWatch the vote\n2:31\n\nSpending on schools will rise by four percent next year, officials said.";
        assert_eq!(kept(text).len(), 3, "{:?}", kept(text));
        assert!(removed(text).contains(&(Reason::Label, "14")) && removed(text).contains(&(Reason::Label, "2:31")), "{:?}", removed(text));
    }

    #[test]
    fn a_sentence_above_the_headline_is_not_kept() {
        let tagline = "The best of the city, every day. Read more";
        let text = format!("{}{tagline}\nCouncil approves budget\nBy Ana Ruiz\n\n{BODY}", menu(4));
        assert!(!kept(&text).iter().any(|k| k.1 == tagline), "{:?}", kept(&text));
        assert_eq!(clean(&text).meta.title.as_deref(), Some("Council approves budget"));
    }

    #[test]
    fn any_line_ending_works() {
        for sep in ["\r\n", "\r", "\n", "\u{2029}"] {
            let text = BODY.replace('\n', sep);
            assert_eq!(kept(&text).len(), 2, "separator {sep:?}");
        }
    }

    #[test]
    fn a_short_title_case_headline_is_the_title_not_an_author() {
        let body = "The central bank cut its main rate by a quarter point on Wednesday, its third cut this year.\n\nMarkets rose after the decision, traders said.";
        for headline in ["Fed Cuts Rates Again", "Biden Wins", "Powell Signals Pause"] {
            let text = format!("{headline}\n\n{body}");
            let c = clean(&text);
            assert_eq!(c.meta.title.as_deref(), Some(headline), "{text}");
            assert!(c.meta.authors.is_empty(), "{:?}", c.meta.authors);
            assert_eq!(kept(&text)[0], (Role::Title, headline));
            // With a byline under it, the headline is still the headline.
            let text = format!("{headline}\nBy Jane Public\n\n{body}");
            let c = clean(&text);
            assert_eq!(c.meta.title.as_deref(), Some(headline), "{text}");
            assert_eq!(c.meta.authors, ["Jane Public"]);
        }
    }

    #[test]
    fn a_name_line_is_an_author_only_in_a_header_block_or_under_the_headline() {
        // Right after the headline: the author.
        let text = format!("Fed Cuts Rates Again\nJane Public\n\n{BODY}");
        let c = clean(&text);
        assert_eq!((c.meta.title.as_deref(), c.meta.authors.clone()), (Some("Fed Cuts Rates Again"), vec!["Jane Public".to_string()]));
        // In a header block with an outlet and a section line: the author, before the headline.
        let text = format!("Daily Planet\nDaily Planet\nBusiness\nLois Lane\n\nFed Cuts Rates Again\n\n{BODY}");
        let c = clean(&text);
        assert_eq!((c.meta.title.as_deref(), c.meta.authors.clone()), (Some("Fed Cuts Rates Again"), vec!["Lois Lane".to_string()]));
    }

    #[test]
    fn an_outlet_closing_the_byline_is_the_outlet() {
        for (byline, authors, outlet) in [
            ("By Jane Public, Reuters", vec!["Jane Public"], "Reuters"),
            ("By Jane Public and Tom Roe, Associated Press", vec!["Jane Public", "Tom Roe"], "Associated Press"),
            ("By Jane Public, The Daily Times - 3 March 2024", vec!["Jane Public"], "The Daily Times"),
            ("BY JANE PUBLIC, AFP", vec!["JANE PUBLIC"], "AFP"),
        ] {
            let text = format!("Council passes budget after long debate\n{byline}\n\n{BODY}");
            let c = clean(&text);
            assert_eq!(c.meta.authors, authors, "{byline}");
            assert_eq!(c.meta.outlet.as_deref(), Some(outlet), "{byline}");
        }
        // Names are still names.
        let c = clean(&format!("Council passes budget after long debate\nBy Jane Public, Tom Roe\n\n{BODY}"));
        assert_eq!((c.meta.authors.len(), c.meta.outlet), (2, None));
    }

    #[test]
    fn a_standards_line_after_the_body_is_boilerplate() {
        for line in ["Our Standards: The Thomson Reuters Trust Principles.", "Read our editorial guidelines.", "Learn more about our corrections policy", "Editorial standards: how we report."] {
            let text = format!("{BODY}\n\n{line}");
            assert!(removed(&text).contains(&(Reason::Boilerplate, line)), "{line}: {:?}", removed(&text));
            assert_eq!(kept(&text).len(), 2);
        }
        // Prose about someone's standards is prose.
        let text = format!("{BODY}\n\nThe newspaper said its editorial guidelines had been followed in the report.");
        assert_eq!(kept(&text).len(), 3);
        let text = format!("{BODY}\n\n“We followed our editorial guidelines,” the editor said.");
        assert_eq!(kept(&text).len(), 3);
    }

    #[test]
    fn a_speaker_line_among_short_lines_is_a_speaker() {
        let text = "Ukraine war: latest updates\nKim Jong-un / North Korean leader\nWe will never give up our weapons\nAnother line without a period";
        assert!(kept(text).contains(&(Role::Speaker, "Kim Jong-un / North Korean leader")), "{:?} {:?}", kept(text), removed(text));
        // A list of links with slashes is still navigation.
        let text = format!("{BODY}\n\nWorld / Asia / Korea\nMayor Unveils Plan for New Tram Line\nLocal Team Wins Cup After Penalty Shootout\nStorm Warning Issued for Coastal Towns");
        assert!(!kept(&text).iter().any(|(r, _)| *r == Role::Speaker));
    }

    #[test]
    fn a_date_stamp_glued_to_the_headline_is_read_and_cut() {
        let text = "Friday, June 7, 2013 Star swimmer dies at 91 Champion turned film star\n\nThe actress died in her sleep at her home on Thursday, her publicist said.";
        let c = clean(text);
        assert_eq!(c.meta.title.as_deref(), Some("Star swimmer dies at 91 Champion turned film star"));
        assert_eq!(c.meta.published.as_deref(), Some("2013-06-07"));
        assert!(removed(text).contains(&(Reason::Metadata, "Friday, June 7, 2013")));
        let text = "Star Swimmer Dies at 91 10:10 AM PDT 6 / 6 / 2013 The actress died in her sleep at home, her publicist said.";
        let c = clean(text);
        assert_eq!(c.meta.title.as_deref(), Some("Star Swimmer Dies at 91"));
        assert_eq!(c.meta.published.as_deref(), Some("2013-06-06"));
        assert!(removed(text).contains(&(Reason::Metadata, "10:10 AM PDT 6 / 6 / 2013")), "{:?}", removed(text));
        // The same stamp after a headline on a line of its own.
        let text = format!("Council Passes Budget After Debate 9:15 AM EST 3/4/2024\n\n{BODY}");
        let c = clean(&text);
        assert_eq!((c.meta.title.as_deref(), c.meta.published.as_deref()), (Some("Council Passes Budget After Debate"), Some("2024-03-04")));
    }

    #[test]
    fn a_headline_run_into_a_first_sentence_that_repeats_its_subject_is_split() {
        let text = "Jane Roe, Olympic diver turned actress, dies at 88 Jane Roe, the diving champion who starred in musicals, has died. She was 88.";
        assert_eq!(kept(text)[0], (Role::Title, "Jane Roe, Olympic diver turned actress, dies at 88"));
        assert_eq!(kept(text)[1].1, "Jane Roe, the diving champion who starred in musicals, has died. She was 88.");
        // The page address pasted above spells the headline.
        let text = "https://news.example.com/sports/4411-club-to-break-bank-for-striker\n\nClub to break bank for striker Here's a prediction: the club will make the largest offer in its history.";
        assert_eq!(kept(text)[0], (Role::Title, "Club to break bank for striker"));
        // An address cut short is not the whole of a title-case headline.
        let text = "https://blog.example.com/2010/09/council-passes-budget-after.html\n\nCouncil Passes Budget After Long Debate The council approved the budget on Tuesday.";
        assert_eq!(kept(text)[0], (Role::Title, "Council Passes Budget After Long Debate"));
        // A name that starts with `The` after a preposition is not where a headline ends.
        let text = "A strong earthquake centered near The Pinnacles shook towns across the valley on Sunday.";
        assert_eq!(kept(text), [(Role::Body, text)]);
        // Prose that names its subject twice is prose.
        let text = "Jane Roe said on Monday that Jane Roe Foundation grants would double next year, officials said.";
        assert_eq!(kept(text), [(Role::Body, text)]);
    }

    #[test]
    fn every_non_blank_line_is_kept_or_removed() {
        let text = format!("Get all your news here.\nOne app.\n\n{BODY}\n\nRelated\nSome other headline about sports results\n");
        let c = clean(&text);
        let covered = |i: usize| c.blocks.iter().map(|b| &b.span).chain(c.removed.iter().map(|r| &r.span)).any(|s| s.contains(&i));
        for (i, ch) in text.char_indices() {
            assert!(ch.is_whitespace() || covered(i), "byte {i} ({ch:?}) neither kept nor removed");
        }
    }

    /// A news article whose paragraphs are long and parted by blank lines, as a page's
    /// `innerText` gives them, under a byline with the author's address.
    fn bridge(inside: &str, after: &str) -> String {
        format!(
            "Ferry service to the island will resume next month\n\nBy Tomas Varga | tvarga@harbourgazette.ca\nMay 2, 2025\n\n\
             The ferry between the mainland and Keel Island will run again from June 1 after a four-month repair of its loading ramp, the port authority said on Friday.\n\n\
             The crossing carries about 900 passengers a day in summer, most of them residents who work or study on the mainland.\n\n\
             {inside}\
             Port officials said the repair cost $2.4 million, about a third more than planned, because divers found more corrosion than expected.\n\n\
             The first sailing will leave the mainland at 6:15 a.m., and the summer timetable will apply from the first day.\n\n\
             {after}"
        )
    }

    #[test]
    fn a_box_under_a_list_heading_goes_whole_even_its_sentence_like_lines() {
        let text = bridge("", "Related stories\nCouncil votes to study a second ramp\nIs the island ready for more visitors?\n\nThe Harbour Gazette is an independent newsroom.\n");
        let kept = kept(&text);
        assert!(!kept.iter().any(|(_, s)| s.contains("second ramp") || s.contains("more visitors")), "{kept:?}");
        assert!(kept.iter().any(|(_, s)| s.starts_with("The first sailing")), "{kept:?}");
    }

    #[test]
    fn a_box_heading_never_takes_a_paragraph_with_it() {
        // A paragraph of more than BOX_LINE_WORDS words under a `Share this:` line stays.
        let text = bridge("Share this:\nResidents who need the crossing for medical visits can book a free seat through the island's clinic until the end of the month.\n\n", "");
        assert!(kept(&text).iter().any(|(_, s)| s.starts_with("Residents who need")), "{:?}", kept(&text));
    }

    #[test]
    fn a_reader_appeal_beside_its_button_is_chrome_but_a_prose_appeal_alone_is_not() {
        let text = bridge("Local news matters. Become a member of the Gazette today.\nDonate now\n\n", "");
        assert!(!kept(&text).iter().any(|(_, s)| s.contains("Become a member") || s.contains("Donate")), "{:?}", kept(&text));
        // The same words in a paragraph of its own, with no button, are the article's.
        let text = bridge("Islanders who want to help can become a member of the ferry users' association, which meets monthly.\n\n", "");
        assert!(kept(&text).iter().any(|(_, s)| s.contains("become a member")), "{:?}", kept(&text));
    }

    #[test]
    fn a_name_alone_under_a_caption_is_its_credit() {
        let text = bridge("The loading ramp at the mainland terminal, seen in March.\nKeel Island Archives\n\n", "");
        let removed = removed(&text);
        assert!(removed.contains(&(Reason::Credit, "Keel Island Archives")), "{removed:?}");
        assert!(kept(&text).iter().any(|(_, s)| s.starts_with("The loading ramp")));
    }

    #[test]
    fn an_authors_note_closing_the_article_is_metadata() {
        let text = bridge("", "Tomas Varga covers transport for the Harbour Gazette.\n");
        assert!(removed(&text).contains(&(Reason::Metadata, "Tomas Varga covers transport for the Harbour Gazette.")), "{:?}", removed(&text));
        assert_eq!(clean(&text).meta.authors, ["Tomas Varga"]);
        // A sentence about someone else of the same first name is not a note.
        let text = bridge("", "Tomas Orban, the ferry's captain, said the crew was ready.\n");
        assert!(kept(&text).iter().any(|(_, s)| s.starts_with("Tomas Orban")));
    }

    #[test]
    fn widget_openings_and_the_print_note_are_templates_even_as_sentences() {
        let text = bridge(
            "Watch: How do divers inspect a ferry ramp?\n\n",
            "A version of this article appears in print on May 3, 2025, Section A, Page 4 of the island edition with the headline: Ferry to Resume.\n",
        );
        let removed = removed(&text);
        assert!(removed.iter().any(|&(r, s)| r == Reason::Navigation && s.starts_with("Watch:")), "{removed:?}");
        assert!(removed.iter().any(|&(r, s)| r == Reason::Boilerplate && s.starts_with("A version of this article")), "{removed:?}");
    }

    #[test]
    fn credits_and_ad_markers_in_other_languages_and_share_networks_are_chrome() {
        for line in ["Foto: Agencia Sur", "Bild: Reuters", "Photo courtesy Harbour Authority"] {
            assert_eq!(chrome(line, word_count(line)), Some(Reason::Credit), "{line}");
        }
        for line in ["Publicidad", "Anzeige", "Donate now", "Facebook", "Share full article", "Click to email a link to a friend (Opens in new window)"] {
            assert_eq!(chrome(line, word_count(line)), Some(Reason::Boilerplate), "{line}");
        }
        // A caption ending with the site the picture is from.
        assert!(trailing_credit("Posters of the campaign. (onmeth.com)").is_some());
        assert!(trailing_credit("He studied law in the U.S. (Harvard)").is_none());
    }
}
