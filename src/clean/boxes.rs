//! Pass 2: what a line is told by the lines around it: repeats, prose, boxes of short lines,
//! appeals, captions and their credits.

use super::*;

/// What of `s` makes it the same line as another, whatever their case, spacing and leading
/// bullets: `s` from its first letter, digit, bracket or quote on.
pub(super) fn key_text(s: &str) -> &str {
    s.trim_start_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '[' | '“' | '"' | '‘' | '\''))
}

/// The words of [`key_text`], which are the same line's lower-cased.
pub(super) fn key_words(s: &str) -> std::str::SplitWhitespace<'_> {
    key_text(s).split_whitespace()
}

/// Whether `a` and `b` are the same line: the same [`key_words`], lower-cased.
pub(super) fn same_key(a: &str, b: &str) -> bool {
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
pub(super) fn key_hash(s: &str, words: usize) -> u64 {
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
pub(super) const KEY_HASHED: usize = 24;

/// A line repeated from earlier in the text is a second copy (pages that print the body
/// twice, a headline repeated in a breadcrumb). Short lines repeat legitimately (a label, a
/// speaker), so only lines of four words or more (`words`, by line) count.
pub(super) fn mark_duplicates(text: &str, lines: &mut [Line], words: &[usize]) {
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
pub(super) fn is_prose(s: &str, words: usize) -> bool {
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
pub(super) fn paragraphed(lines: &[Line], words: &[usize]) -> bool {
    let (mut long, mut parted) = (0, 0);
    for (l, _) in lines.iter().zip(words).filter(|(_, &w)| w >= PARAGRAPH_WORDS) {
        long += 1;
        parted += l.after_blank as usize;
    }
    parted >= 3 && parted * 5 >= long * 4
}

/// The fewest words of a line [`paragraphed`] counts as a paragraph.
pub(super) const PARAGRAPH_WORDS: usize = 15;

/// A box headed by a chrome line (`Recommended articles`, `Related stories`, `Republish this
/// story`, `Share this:`) is chrome as a whole: the short lines under it, up to the next blank
/// line, are the list of stories or the buttons it heads, whatever their words. A line of more
/// than [`BOX_LINE_WORDS`] words ends the box: a paragraph is never taken with it.
pub(super) fn mark_boxes(text: &str, outline: &Outline, lines: &mut [Line], words: &[usize]) {
    let reason = |l: &Line| match l.class {
        Class::Cut(r @ (Reason::Navigation | Reason::Boilerplate)) => Some(r),
        _ => None,
    };
    let heads = |i: usize| reason(&lines[i]).is_some() && words[i] <= 4 && box_head(&text[lines[i].span.clone()]);
    let lists = outline.headed_lists(heads, |i| words[i] <= BOX_LINE_WORDS);
    for (head, list) in lists {
        let r = reason(&lines[head]).expect("a list's heading is chrome");
        for line in &mut lines[list] {
            if !matches!(line.class, Class::Cut(_)) {
                line.class = Class::Cut(r);
            }
        }
    }
}

/// The most words a line of a chrome box has (a story's headline, a sharing note).
pub(super) const BOX_LINE_WORDS: usize = 15;

/// A chrome line that heads what follows it: a label with a colon (`Share this:`), or the name
/// of a list of stories or of a sharing box.
pub(crate) fn box_head(s: &str) -> bool {
    s.trim_end().ends_with(':') || starts_with_any(s, LIST_HEADS)
}

/// A reader appeal beside its button: a short line with a prompt in it (`Support local news.
/// Become a member of The Observer today.`) right over or under a button line removed as chrome
/// (`Donate now`), in one box. A paragraph of the article is longer, or stands in a box of its
/// own.
pub(super) fn mark_pitches(lines: &mut [Line], words: &[usize]) {
    let button = |l: &Line| l.class == Class::Cut(Reason::Boilerplate);
    for i in 0..lines.len() {
        let beside = (!lines[i].after_blank && i > 0 && button(&lines[i - 1])) || lines.get(i + 1).is_some_and(|n| !n.after_blank && button(n));
        if lines[i].class == Class::Prose && lines[i].keyword == Some(Reason::Boilerplate) && words[i] <= PITCH_WORDS && beside {
            lines[i].class = Class::Cut(Reason::Boilerplate);
        }
    }
}

/// The most words of a reader appeal.
pub(super) const PITCH_WORDS: usize = 20;

/// A photo credit that names no agency or photographer's role: a name alone (`Northlight
/// Pictures`) on the line under a caption ([`CAPTION_WORDS`] at most), closing its box.
pub(super) fn mark_bare_credits(text: &str, lines: &mut [Line], words: &[usize]) {
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
pub(super) const CAPTION_WORDS: usize = 40;

/// A line followed by a credit line, or ending with a bracketed credit, is a caption.
pub(super) fn mark_captions(text: &str, lines: &mut [Line], out: &mut Cleaned) {
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
