//! Scripts: which writing system a text is mostly in, so that lines in another (a site's menu
//! in English around a Korean article) can be told.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Script {
    Latin,
    Cyrillic,
    Greek,
    Arabic,
    Hebrew,
    Hangul,
    Han,
    Other,
}

pub(super) fn is_hangul_syllable(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}')
}

/// Curly quotes, dashes, typographic spaces: never letters.
pub(super) fn is_general_punctuation(c: char) -> bool {
    matches!(c, '\u{2000}'..='\u{206F}')
}

pub(super) fn script_of(c: char) -> Option<Script> {
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

pub(super) const SCRIPTS: [Script; 8] =
    [Script::Latin, Script::Cyrillic, Script::Greek, Script::Arabic, Script::Hebrew, Script::Hangul, Script::Han, Script::Other];

/// How many letters of each script `s` has, indexed like [`SCRIPTS`].
pub(super) fn script_counts(s: &str) -> [usize; 8] {
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
pub(super) fn dominant_script(text: &str) -> Script {
    // The first of equally common scripts, Latin when there are no letters.
    let counts = script_counts(text);
    let best = (0..SCRIPTS.len()).rev().max_by_key(|&k| counts[k]).unwrap_or(0);
    SCRIPTS[best]
}

/// A line mostly written in another script than the article is site chrome in another
/// language (a Korean footer under an English article, say).
pub(super) fn foreign(line: &str, script: Script) -> bool {
    if line.is_ascii() {
        // Every letter Latin: foreign to a non-Latin article when there are two or more.
        return script != Script::Latin && line.bytes().filter(u8::is_ascii_alphabetic).nth(1).is_some();
    }
    let counts = script_counts(line);
    let total: usize = counts.iter().sum();
    let native = counts[script as usize];
    total >= 2 && native * 10 < total * 3
}
