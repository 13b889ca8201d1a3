//! The headline of a pasted page: which line, near the top of the article, is its title.
//!
//! A whole web page pasted as text puts menus, banners, widgets and lists of other stories'
//! headlines above the article, and the article's own headline among them. What tells it apart
//! is where it stands and what surrounds it, not its words alone:
//! - the article's opening repeats its topic words ([`echo`]);
//! - a byline or a date line, or the article's first paragraph, follows it, with at most share
//!   buttons, photo credits and labels between;
//! - it stands near the body: few other lines come between them;
//! - it is not itself a sentence ending in a full stop (a standfirst, a caption), a line of a
//!   list of other headlines, a menu item or a line a chrome pattern marks.
//!
//! Each line in a window before the body (and the body's first lines, which read as prose when
//! the headline ends in a question mark or is long) gets a score from these; the best line is
//! the headline when its score says it is one ([`MIN_SCORE`]), else the caller's older rule
//! decides.

use super::{credited, ends_sentence, is_name, lower, title_case, word_count, Class, Line};
use crate::report::Reason;
use std::ops::Range;

/// How many lines before the body are looked at.
const WINDOW: usize = 150;

/// How many of the body's first lines may be the headline: its first only, so that nothing
/// kept comes before the headline (cleaning what cleaning kept must change nothing).
const BODY_LINES: usize = 0;

/// The least score a line needs to be taken as the headline.
const MIN_SCORE: f64 = 0.5;

/// The line of `lines` that is the headline, for an article whose body runs from line `first`
/// to line `last`; `None` when no line scores enough.
pub(super) fn choose(text: &str, lines: &[Line], first: usize, last: usize) -> Option<usize> {
    // The opening's topic words, from the body's first prose line and from each of the next
    // few (a headline in the body is compared with what follows it, not with itself).
    let openings = Opening::from_each(text, lines, first..(first + BODY_LINES + 2).min(last + 2), last);
    let opening_at = |i: usize| if i < first { &openings[0] } else { &openings[i - first + 1] };
    let from = first.saturating_sub(WINDOW);
    let to = (first + BODY_LINES).min(last);
    // For each line before the body, how many lines that tell something stand between it and
    // the body: counted once from the body up, not again for every line.
    let mut between = vec![0; first.saturating_sub(from) + 1];
    for i in (from..first).rev() {
        let k = i - from;
        between[k] = between[k + 1] + usize::from(i + 1 < first && !passes(&lines[i + 1]) && !furniture_at(text, lines, i + 1, first));
    }
    let scores: Vec<Option<f64>> = (from..=to).map(|i| score(text, lines, i, first, opening_at(i), between.get(i - from).copied().unwrap_or(0))).collect();
    let mut best: Option<(f64, usize)> = None;
    // `STORYDIFF_HEADLINE_DEBUG=1` prints every line's score (not in the wasm).
    #[cfg(not(target_arch = "wasm32"))]
    let debug = std::env::var_os("STORYDIFF_HEADLINE_DEBUG").is_some();
    for (k, i) in (from..=to).enumerate() {
        let Some(mut score) = scores[k] else { continue };
        // A headline stands over its standfirst: a longer line that would be a headline by what
        // follows it.
        // (A date, a byline or a label may stand between them: `Editorial`, `New, 15 comments`.)
        // A date between them says the first is a section's name over a dated headline.
        let dated = |j: usize| lines[j].stamp || super::find_date(&text[lines[j].span.clone()]).is_some();
        let label = |j: usize| (furniture_at(text, lines, j, first) && !dated(j)) || (lines[j].class == Class::Short && word_count(&text[lines[j].span.clone()]) <= 2);
        let next = (i + 1..lines.len().min(i + 6)).find(|&j| !passes(&lines[j]) && !label(j));
        // (A section's name over the headline is not a headline over a standfirst.)
        if let Some(j) = next.filter(|&j| j <= to && word_count(&text[lines[i].span.clone()]) >= 3) {
            let (si, sj) = (&text[lines[i].span.clone()], &text[lines[j].span.clone()]);
            let (wi, wj) = (word_count(si), word_count(sj));
            // A headline is about the article (the opening has its words). Under it, a
            // standfirst is a sentence or longer than it; a dek is about the article too (and is
            // not the headline again, after a breadcrumb run into it: `HomeNews Headline`).
            let about = opening_at(i).echo(si) > 0.0;
            let dek = about && wi >= 5 && !si.contains(sj) && opening_at(j).echo(sj) > 0.0;
            let standfirst = scores[j - from].is_some() && ((about && wj > wi && (ends_sentence(sj) || wj >= 12)) || dek);
            let after = (j + 1..lines.len().min(j + 6)).find(|&n| !passes(&lines[n]));
            if standfirst && after.is_some_and(|n| n == first || furniture_at(text, lines, n, first)) {
                score += if dek { 1.5 } else { 1.0 };
            }
        }
        #[cfg(not(target_arch = "wasm32"))]
        if debug {
            let s = &text[lines[i].span.clone()];
            eprintln!("headline: {score:.2} line {i} ({:?}, keyword {:?}, echo {:.2}, body from {first}): {s:?}", lines[i].class, lines[i].keyword, opening_at(i).echo(s));
        }
        // On a tie, the line nearer the body.
        if best.is_none_or(|(b, _)| score >= b) {
            best = Some((score, i));
        }
    }
    best.filter(|&(s, _)| s >= MIN_SCORE).map(|(_, i)| i)
}

/// The topic words of a body's opening (its first 1,500 bytes of prose), as [`stem`] keys.
#[derive(Default)]
struct Opening {
    keys: crate::hash::Set<u64>,
}

impl Opening {
    /// The openings of the body from each line of `starts` to line `last`. They share most of
    /// their lines, whose words are read once.
    fn from_each(text: &str, lines: &[Line], starts: Range<usize>, last: usize) -> Vec<Opening> {
        if last >= lines.len() {
            return starts.map(|_| Opening::default()).collect();
        }
        let mut stems: Vec<Option<Vec<u64>>> = vec![None; (last + 1).saturating_sub(starts.start)];
        let mut out = Vec::with_capacity(starts.len());
        for from in starts.clone() {
            let mut keys = crate::hash::Set::default();
            let mut bytes = 0;
            for i in (from..=last).filter(|&i| lines[i].class == Class::Prose) {
                let line_stems = stems[i - starts.start].get_or_insert_with(|| topic_words(&text[lines[i].span.clone()]).map(stem).collect());
                keys.extend(line_stems.iter().copied());
                bytes += lines[i].span.len();
                if bytes > 1500 {
                    break;
                }
            }
            out.push(Opening { keys });
        }
        out
    }

    /// The share of `s`'s topic words the opening has (0 when it has fewer than two of them).
    fn echo(&self, s: &str) -> f64 {
        let (mut all, mut found) = (0, 0);
        for w in topic_words(s) {
            all += 1;
            found += self.keys.contains(&stem(w)) as usize;
        }
        if all < 2 || found < 2 {
            return 0.0;
        }
        found as f64 / all as f64
    }
}

/// The words of `s` that carry its topic: four letters or more, not function words (`this`,
/// `with`, `from`). They are compared by [`stem`].
fn topic_words(s: &str) -> impl Iterator<Item = &str> + '_ {
    alphanumeric_runs(s).filter(|w| w.len() >= 4 && w.chars().nth(3).is_some() && !crate::normalize::is_lowered_stopword(w))
}

/// The runs of letters and digits in `s`, as `s.split(|c| !c.is_alphanumeric())` gives them
/// but without its empty pieces, and deciding ASCII bytes without decoding them: splitting
/// by characters was a tenth of cleaning the seeds.
fn alphanumeric_runs(s: &str) -> impl Iterator<Item = &str> + '_ {
    let bytes = s.as_bytes();
    let mut at = 0;
    // Whether the character at `i` is a letter or digit, and its length.
    let at_char = move |i: usize| match bytes[i] {
        b if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
        _ => {
            let c = s[i..].chars().next().expect("a character starts here");
            (c.is_alphanumeric(), c.len_utf8())
        }
    };
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let (alphanumeric, len) = at_char(at);
            if alphanumeric {
                break;
            }
            at += len;
        }
        let start = at;
        while at < bytes.len() {
            let (alphanumeric, len) = at_char(at);
            if !alphanumeric {
                break;
            }
            at += len;
        }
        (at > start).then(|| &s[start..at])
    })
}

/// What a topic word is compared by: its first five letters, lower case, so that "injured"
/// finds "injury" and "critically" "critical". As a number rather than a string: the
/// openings' keys were a third of cleaning the seeds as strings (each a hashed, allocated
/// `String`). Five ASCII letters are the number exactly; other words hash their lower-cased
/// letters, with the top bit set so they never meet an ASCII key.
fn stem(w: &str) -> u64 {
    let five = &w.as_bytes()[..w.len().min(5)];
    // (ASCII bytes are characters: these five are the first five letters.)
    if five.is_ascii() {
        return five.iter().fold(0, |k, b| k << 8 | u64::from(b.to_ascii_lowercase()));
    }
    let mut h = crate::hash::FastHasher::default();
    for c in w.chars().take(5).flat_map(char::to_lowercase) {
        std::hash::Hasher::write_u32(&mut h, c as u32);
    }
    std::hash::Hasher::finish(&h) | 1 << 63
}

/// Lines that stand between a headline and what follows it without telling anything: share
/// buttons, photo credits, labels, captions, a second copy of a line; every line cleaning
/// removes but bylines and dates (cleaning what cleaning kept must choose the same headline).
fn passes(l: &Line) -> bool {
    matches!(l.class, Class::Cut(r) if r != Reason::Metadata) || l.class == Class::Caption
}

/// A byline or a date line (what pass 1 cut as metadata before the header is read), or a
/// line that credits an author (`By Jane Doe | Special to the Press`), or an author's name on
/// its own line with a date or the body after it (a name alone may be a button: `Give Feedback`).
fn furniture_at(text: &str, lines: &[Line], j: usize, first: usize) -> bool {
    let l = &lines[j];
    let s = &text[l.span.clone()];
    if matches!(l.class, Class::Cut(Reason::Metadata)) || (l.class == Class::Short && (credited(s) || stamp(s))) {
        return true;
    }
    // `Detroit News wire services` over `Published 11:11 PM EST Nov 19, 2019`.
    let then_date = || (j + 1..lines.len().min(j + 3)).find(|&n| !passes(&lines[n])).is_some_and(|n| matches!(lines[n].class, Class::Cut(Reason::Metadata)));
    if l.class == Class::Short && word_count(s) <= 5 && !s.ends_with(['.', '?', '!', ':']) && then_date() {
        return true;
    }
    let name = l.class == Class::Short && is_name(s) && word_count(s) >= 2 && s.chars().any(char::is_lowercase);
    // (A name printed twice is one.)
    name && (j + 1..lines.len().min(j + 6)).find(|&n| !passes(&lines[n]) && text[lines[n].span.clone()] != *s).is_some_and(|n| n == first || matches!(lines[n].class, Class::Cut(Reason::Metadata)))
}

/// A line that reads like another story's headline: short, not prose, four words or more, with
/// no byline, date or body under it.
fn headline_like(text: &str, lines: &[Line], j: usize, first: usize) -> bool {
    let l = &lines[j];
    matches!(l.class, Class::Short | Class::Cut(Reason::Duplicate) | Class::Cut(Reason::Navigation)) && word_count(&text[l.span.clone()]) >= 4 && !heads(text, lines, j, first)
}

/// Whether a byline, a date or the body follows line `j` (what stands under a headline or a
/// standfirst).
fn heads(text: &str, lines: &[Line], j: usize, first: usize) -> bool {
    (j + 1..lines.len().min(j + 6)).find(|&n| !passes(&lines[n])).is_some_and(|n| n == first || furniture_at(text, lines, n, first))
}

/// Line `i`'s score as the headline, or `None` when it cannot be one; `between` lines that tell
/// something stand between it and the body.
fn score(text: &str, lines: &[Line], i: usize, first: usize, opening: &Opening, between: usize) -> Option<f64> {
    let l = &lines[i];
    let s = &text[l.span.clone()];
    let words = word_count(s);
    let in_body = i >= first;
    let eligible = match l.class {
        Class::Short => true,
        Class::Prose => in_body,
        Class::Cut(Reason::Outside | Reason::Duplicate) => true,
        Class::Cut(Reason::Boilerplate | Reason::Navigation) => l.keyword.is_some(),
        _ => false,
    };
    let next = (i + 1..lines.len().min(i + 6)).find(|&j| !passes(&lines[j]));
    let bylined = next.is_some_and(|j| credited(&text[lines[j].span.clone()]));
    // (A short headline in title case reads as a name, but no name stands right over a byline.)
    if !eligible || l.glued || numeric(s) || super::comment_marker(s) || s.contains('\t') || captioned(s) || !(2..=40).contains(&words) || (words <= 8 && super::find_date(s).is_some()) || (words <= 4 && is_name(s) && !(bylined && next == Some(i + 1))) || s.contains('\n') && (words > 30 || s.lines().all(|p| word_count(p) <= 1)) || credited(s) {
        return None;
    }
    let full_stop = ends_sentence(s) && !s.trim_end().ends_with(['?', '!', '？', '！']);
    if in_body && (full_stop || words > 16) {
        return None;
    }
    let mut score = 0.0;
    // The opening repeats its words.
    let echo = opening.echo(s);
    score += 2.0 * echo;
    // What follows it.
    if let Some(j) = next {
        if bylined {
            // A byline: the surest sign.
            score += 1.3;
        } else if furniture_at(text, lines, j, first) {
            score += 1.0;
        } else if j == first || (lines[j].class == Class::Prose && j > first) {
            score += 0.6;
        } else if !in_body
            && matches!(lines[j].class, Class::Short | Class::Cut(Reason::Outside))
            && word_count(&text[lines[j].span.clone()]) >= 8
            && !title_case(&text[lines[j].span.clone()])
            && heads(text, lines, j, first)
        {
            // A standfirst (prose outside the article's runs, or a long line without a final stop).
            score += 0.4;
        }
    }
    // How far from the body.
    if !in_body {
        score -= 0.08 * between.min(15) as f64;
    } else {
        score -= 0.3 * (i - first) as f64;
    }
    // Its shape: kickers and banners are written in capitals (a headline is, less often).
    if s.chars().filter(|c| c.is_alphabetic()).count() >= 8 && !s.chars().any(char::is_lowercase) {
        score -= 0.3;
    }
    if full_stop {
        score -= 1.0;
    }
    if words < 3 {
        score -= 0.5;
    }
    // Long lines are more likely standfirsts, the longer the likelier.
    score -= 0.03 * words.saturating_sub(14) as f64;
    if words > 25 {
        score -= 0.5;
    }
    // A lead-in to what follows (`Here's why:`, `… (all times local):`).
    if s.trim_end().ends_with([':', '：']) || stamp(s) {
        score -= 1.0;
    }
    // A chrome keyword, unless the opening repeats the line's words (a headline about
    // cookies or subscribers).
    if l.keyword.is_some() {
        score -= 1.0 - echo;
    }
    // One of a list of headlines: lines like it on both sides.
    let prev = (0..i).rev().take(5).find(|&j| !passes(&lines[j]));
    if prev.is_some_and(|p| headline_like(text, lines, p, first)) && next.is_some_and(|n| headline_like(text, lines, n, first)) {
        score -= 0.8;
    }
    Some(score)
}

/// A photo caption with its credit (`… (Credit: iStock)`, `… (Photo: AP)`): not a headline.
fn captioned(s: &str) -> bool {
    if super::trailing_credit(s).is_some() {
        return true;
    }
    let l = lower(s);
    // (A sentence run into an agency's name by the paste: `… in New York.Reuters`.)
    ["(credit", "(photo", "(image", "photo:", "credit:"].iter().any(|p| l.contains(p)) || l.rsplit_once('.').is_some_and(|(_, agency)| super::AGENCIES.contains(&agency))
}

/// A date stamp the date reader does not read (`PUBLISHED WED, NOV 20 20194:29 AM ESTUPDATED`).
fn stamp(s: &str) -> bool {
    let l = lower(s);
    ["published", "updated", "posted"].iter().any(|p| l.starts_with(p)) && s.bytes().any(|b| b.is_ascii_digit())
}

/// A line of numbers more than words (`Nov.November 18, 2019 12:02 PM`, a score line).
fn numeric(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.iter().filter(|w| w.bytes().any(|b| b.is_ascii_digit())).count() * 2 > words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alphanumeric_runs_split_as_characters_do() {
        for s in ["", "  ", "Crash kills 3 near Köln — “Aftermath”…", "naïve café 2.590.000", "ĐĐ ab-cd_ef 한국어 text", "x"] {
            let by_chars: Vec<&str> = s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
            assert_eq!(alphanumeric_runs(s).collect::<Vec<_>>(), by_chars, "{s:?}");
        }
    }

    #[test]
    fn stems_compare_the_first_five_letters_in_lower_case() {
        assert_eq!(stem("Injured"), stem("injury"));
        assert_eq!(stem("Überall"), stem("überaus"));
        assert_ne!(stem("Inject"), stem("injured"));
        assert_ne!(stem("Ärzte"), stem("Arzte"));
        assert_eq!(stem("ÄRZTEKAMMER"), stem("ärztetag"));
        assert_ne!(stem("ärztin"), stem("ärzte"));
    }
}
