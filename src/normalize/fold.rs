//! Unicode folding of a word's surface: NFC, plus the compatibility mappings news text needs
//! (full-width forms, ligatures, super- and subscript digits, the micro sign, vulgar fractions,
//! spaces and dot leaders), in place of full NFKC.
//!
//! Why not the crate's `nfkc()`: its decomposition iterator chooses canonical or compatibility
//! decomposition at run time, so using it links the compatibility tables (about 3,800 entries,
//! some 25 kB of the core wasm gzipped) even where they never apply. Canonical decomposition,
//! the combining classes and composition are the crate's own functions; only the compatibility
//! part is this module's, and covers what a word of news text carries. What full NFKC would fold
//! and this does not (Roman numerals, circled numbers, half-width katakana, Hangul compatibility
//! jamo, Arabic presentation forms, letter-like symbols) stays as written; `tests` counts it.

use unicode_normalization::char::{canonical_combining_class, compose as compose_pair, decompose_canonical};

/// `word` folded: the compatibility mappings below, then NFC.
pub(super) fn fold(word: &str) -> Vec<char> {
    let mut chars: Vec<char> = Vec::with_capacity(word.len());
    for c in word.chars() {
        compatible(c, &mut |c| decompose_canonical(c, |d| chars.push(d)));
    }
    reorder(&mut chars);
    compose(&mut chars);
    chars
}

/// Calls `emit` with what `c` maps to: itself, or its compatibility equivalent.
fn compatible(c: char, emit: &mut impl FnMut(char)) {
    let mut each = |s: &str| s.chars().for_each(&mut *emit);
    match c {
        // Full-width ASCII (`２０２４`, `ＡＢＣ`) and the ideographic space.
        '\u{FF01}'..='\u{FF5E}' => emit(char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)),
        '\u{3000}' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => emit(' '),
        '\u{FB00}' => each("ff"),
        '\u{FB01}' => each("fi"),
        '\u{FB02}' => each("fl"),
        '\u{FB03}' => each("ffi"),
        '\u{FB04}' => each("ffl"),
        '\u{FB05}' | '\u{FB06}' => each("st"),
        '\u{0132}' => each("IJ"),
        '\u{0133}' => each("ij"),
        '\u{017F}' => emit('s'),
        '\u{00B5}' => emit('\u{03BC}'),
        '\u{00B2}' => emit('2'),
        '\u{00B3}' => emit('3'),
        '\u{00B9}' => emit('1'),
        '\u{2070}' => emit('0'),
        '\u{2074}'..='\u{2079}' => emit(char::from_u32(c as u32 - 0x2070 + '0' as u32).unwrap_or(c)),
        '\u{2080}'..='\u{2089}' => emit(char::from_u32(c as u32 - 0x2080 + '0' as u32).unwrap_or(c)),
        '\u{00BC}' => each("1\u{2044}4"),
        '\u{00BD}' => each("1\u{2044}2"),
        '\u{00BE}' => each("3\u{2044}4"),
        '\u{2024}' => emit('.'),
        '\u{2025}' => each(".."),
        '\u{2026}' => each("..."),
        '\u{2122}' => each("TM"),
        _ => emit(c),
    }
}

/// Puts each run of combining marks in canonical order (by combining class, stably).
fn reorder(chars: &mut [char]) {
    for i in 1..chars.len() {
        let class = canonical_combining_class(chars[i]);
        let mut j = i;
        while class != 0 && j > 0 && canonical_combining_class(chars[j - 1]) > class {
            chars.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Canonical composition of decomposed, reordered `chars`, in place: what is composed is
/// never longer than what it is composed from, so the result is written over what was read.
fn compose(chars: &mut Vec<char>) {
    // The last starter written, and the combining class of the last character written after it
    // (none yet).
    let mut starter: Option<usize> = None;
    let mut last: Option<u8> = None;
    let mut written = 0;
    for read in 0..chars.len() {
        let c = chars[read];
        let class = canonical_combining_class(c);
        if let Some(s) = starter {
            // Not blocked: right after the starter, or after marks of a lower class.
            let open = last.is_none_or(|l| l != 0 && l < class);
            if let Some(both) = open.then(|| compose_pair(chars[s], c)).flatten() {
                chars[s] = both;
                continue;
            }
        }
        if class == 0 {
            starter = Some(written);
            last = None;
        } else {
            last = Some(class);
        }
        chars[written] = c;
        written += 1;
    }
    chars.truncate(written);
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn folded(s: &str) -> String {
        fold(s).into_iter().collect()
    }

    #[test]
    fn every_character_without_a_compatibility_mapping_comes_out_as_nfc() {
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            let nfc: String = s.nfc().collect();
            if s.nfkc().collect::<String>() == nfc {
                assert_eq!(folded(&s), nfc, "U+{:04X}", c as u32);
            }
        }
    }

    #[test]
    fn the_mapped_compatibility_characters_come_out_as_nfkc_and_the_rest_are_counted() {
        let (mut mapped, mut left) = (0, 0);
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let s = c.to_string();
            let nfkc: String = s.nfkc().collect();
            if nfkc == s.nfc().collect::<String>() {
                continue;
            }
            let mut emitted = String::new();
            compatible(c, &mut |d| emitted.push(d));
            if emitted != s {
                assert_eq!(folded(&s), nfkc, "U+{:04X}", c as u32);
                mapped += 1;
            } else {
                left += 1;
            }
        }
        // 147 mapped; 3,770 left as written (Unicode 14: mathematical alphanumerics, CJK
        // compatibility ideographs and squared words, Arabic presentation forms, ...).
        assert!(mapped >= 147 && mapped + left > 3_900, "mapped {mapped}, left {left}");
    }

    #[test]
    fn sequences_compose_as_nfc_does() {
        for s in [
            "cafe\u{0301}", "e\u{0301}\u{0323}", "e\u{0323}\u{0301}", "a\u{0308}\u{0304}", "\u{1100}\u{1161}\u{11A8}", "한국어", "Ω\u{0301}", "q\u{0307}\u{0323}",
            "\u{0041}\u{030A}\u{0301}", "A\u{0300}\u{0316}", "\u{0CCA}\u{0CD5}", "\u{0F73}", "ni\u{0303}o", "ÅSTRÖM", "d\u{0307}\u{0323}\u{0301}",
        ] {
            assert_eq!(folded(s), s.nfc().collect::<String>(), "{s:?}");
        }
        assert_eq!(folded("２０２４ﬁnal…"), "2024final...");
    }
}
