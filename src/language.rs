//! Which language a source is written in, read from its kept text when the page does not say.
//!
//! Two steps, both plain counting over the start of the text. First the script most of its
//! letters are written in: a script that one language owns names it (Hangul is Korean, Thai is
//! Thai, Greek is Greek), Kana beside Han is Japanese and Han alone Chinese, and a few letters
//! tell apart the languages that share Cyrillic or Arabic script. Latin script is then told
//! apart by how many of its words are each language's commonest function words ("the", "und",
//! "les", "que"...), a word shared by several languages counting for each a share. Text too short
//! to tell, or in a Latin-script language without a profile here, gets no answer: `None` is
//! "not known", never a guess.
//!
//! The page uses it to say that a source in another language than the rest is compared only
//! with sources in its own language (a Korean article beside English ones shares no words, so
//! every sentence of it would otherwise read as unique).

use std::sync::OnceLock;

/// The most letters read: enough for any script, and the cost stays flat on a long article.
const SAMPLE_LETTERS: usize = 2000;
/// The most Latin-script words looked up in the function-word profiles.
const SAMPLE_WORDS: usize = 250;
/// Fewer letters than this tell nothing.
const MIN_LETTERS: usize = 12;

// Script buckets: the first five are told apart further; the others are one language each.
const LATIN: u8 = 0;
const CYRILLIC: u8 = 1;
const ARABIC: u8 = 2;
const HAN: u8 = 3;
const KANA: u8 = 4;
const KO: u8 = 5;
const EL: u8 = 6;
const HE: u8 = 7;
const HY: u8 = 8;
const KA: u8 = 9;
const HI: u8 = 10;
const BN: u8 = 11;
const PA: u8 = 12;
const GU: u8 = 13;
const TA: u8 = 14;
const TE: u8 = 15;
const KN: u8 = 16;
const ML: u8 = 17;
const SI: u8 = 18;
const TH: u8 = 19;
const LO: u8 = 20;
const MY: u8 = 21;
const KM: u8 = 22;
const AM: u8 = 23;

/// The language of each bucket from [`KO`] on (the first five are decided by [`identify`]).
const TAGS: [&str; 24] = [
    "", "", "", "zh", "ja", "ko", "el", "he", "hy", "ka", "hi", "bn", "pa", "gu", "ta", "te", "kn", "ml", "si", "th", "lo", "my", "km", "am",
];

/// Code point ranges (first, last, bucket), sorted and apart.
const RANGES: &[(u32, u32, u8)] = &[
    (0x41, 0x5A, LATIN),
    (0x61, 0x7A, LATIN),
    (0xC0, 0x24F, LATIN),
    (0x370, 0x3FF, EL),
    (0x400, 0x52F, CYRILLIC),
    (0x531, 0x58F, HY),
    (0x590, 0x5FF, HE),
    (0x600, 0x6FF, ARABIC),
    (0x750, 0x77F, ARABIC),
    (0x900, 0x97F, HI),
    (0x980, 0x9FF, BN),
    (0xA00, 0xA7F, PA),
    (0xA80, 0xAFF, GU),
    (0xB80, 0xBFF, TA),
    (0xC00, 0xC7F, TE),
    (0xC80, 0xCFF, KN),
    (0xD00, 0xD7F, ML),
    (0xD80, 0xDFF, SI),
    (0xE00, 0xE7F, TH),
    (0xE80, 0xEFF, LO),
    (0x1000, 0x109F, MY),
    (0x10A0, 0x10FF, KA),
    (0x1100, 0x11FF, KO),
    (0x1200, 0x137F, AM),
    (0x1780, 0x17FF, KM),
    (0x1E00, 0x1EFF, LATIN),
    (0x1F00, 0x1FFF, EL),
    (0x3040, 0x30FF, KANA),
    (0x3130, 0x318F, KO),
    (0x31F0, 0x31FF, KANA),
    (0x3400, 0x4DBF, HAN),
    (0x4E00, 0x9FFF, HAN),
    (0xAC00, 0xD7AF, KO),
    (0xF900, 0xFAFF, HAN),
    (0xFB50, 0xFDFF, ARABIC),
    (0xFE70, 0xFEFF, ARABIC),
    (0xFF66, 0xFF9D, KANA),
    (0x20000, 0x2FA1F, HAN),
];

/// The bucket of a letter, if its script is one counted here.
fn bucket(c: char) -> Option<u8> {
    let u = c as u32;
    let i = RANGES.partition_point(|&(first, _, _)| first <= u).checked_sub(1)?;
    let (_, last, b) = RANGES[i];
    (u <= last).then_some(b)
}

/// The Latin-script languages told apart, each by its commonest function words (lower case;
/// a word may stand in several lists). `l`, `d`, `qu`, `dell`, `nell`: what an apostrophe leaves.
const PROFILES: [(&str, &str); 10] = [
    ("en", "the a of and to in is that for it was on with as are by at from this be have has had were not which but they their said will an would been who its he she after"),
    ("de", "der die das und ist nicht ein eine zu den von mit sich des auf für im dem auch es an als nach wird bei einer um aus hat noch wie sie wurde sind über zum zur vor"),
    ("fr", "le la les et a des est une un du que qui dans pour pas sur au avec ce il elle sont ont par plus été aux cette mais ses leur où à l d qu selon"),
    ("es", "el la los las de que y a en del se por un una con para es al lo como más pero sus su fue ha han está desde sobre también según entre"),
    ("it", "il la di che e a è un una per non del della con sono gli le dei nel alla più da anche come ha stato questo delle ma l dell nell dopo"),
    ("pt", "o a os as de que e do da em um uma para com não no na dos das por mais se foi ao como mas ele ela são está pelo pela também após"),
    ("nl", "de het een en van is dat in op te niet zijn voor met die er aan ook als bij werd door maar om naar heeft wordt nog dan"),
    ("sv", "och att det som en på är för med den till inte av har om ett var jag men de från vid sig eller kan när också efter"),
    ("da", "og at det som en på er for med den til ikke af har om et var jeg men de fra ved sig eller kan når også efter havde blev"),
    ("pl", "i w na z że się nie do jest to jak o po co ale przez od dla są był tym oraz jego który jej roku także już"),
];

/// A word of up to eight bytes as a number (its UTF-8 bytes, the first lowest), so that the
/// lexicon sorts and searches as `(u64, usize)` pairs: the sort every other stage uses
/// ([`crate::sort`]), not another copy of it in the wasm.
fn pack(word: &str) -> u64 {
    word.bytes().rev().fold(0, |n, b| n << 8 | b as u64)
}

/// Every profile word, packed, with the profiles it stands in (bit `k` for `PROFILES[k]`),
/// sorted; built once.
fn lexicon() -> &'static [(u64, usize)] {
    static LEXICON: OnceLock<Vec<(u64, usize)>> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut words: Vec<(u64, usize)> = Vec::new();
        for (k, (_, list)) in PROFILES.iter().enumerate() {
            words.extend(list.split(' ').map(|w| (pack(w), 1 << k)));
        }
        words.sort_unstable();
        let mut merged: Vec<(u64, usize)> = Vec::with_capacity(words.len());
        for (w, bit) in words {
            match merged.last_mut() {
                Some(last) if last.0 == w => last.1 |= bit,
                _ => merged.push((w, bit)),
            }
        }
        merged
    })
}

/// Letters that tell apart the languages sharing Cyrillic or Arabic script, counted as met.
#[derive(Default)]
struct Marks {
    /// Russian `ы э`.
    ru: usize,
    /// Ukrainian `і ї є ґ`.
    uk: usize,
    /// Serbian `ђ ћ`, and `ј џ љ њ` that Macedonian shares.
    sr: usize,
    /// Bulgarian `ъ` (Russian has it too, rarely).
    bg: usize,
    /// Urdu `ٹ ڈ ڑ ں ے`.
    ur: usize,
    /// Persian (and Urdu) `پ چ ژ گ ک ی`.
    fa: usize,
}

impl Marks {
    fn count(&mut self, c: char) {
        match c {
            'ы' | 'э' | 'Ы' | 'Э' => self.ru += 1,
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => self.uk += 1,
            'ђ' | 'ћ' | 'ј' | 'џ' | 'љ' | 'њ' | 'Ђ' | 'Ћ' | 'Ј' | 'Џ' | 'Љ' | 'Њ' => self.sr += 1,
            'ъ' => self.bg += 1,
            '\u{0679}' | '\u{0688}' | '\u{0691}' | '\u{06BA}' | '\u{06D2}' => self.ur += 1,
            '\u{067E}' | '\u{0686}' | '\u{0698}' | '\u{06AF}' | '\u{06A9}' | '\u{06CC}' => self.fa += 1,
            _ => {}
        }
    }

    /// The language of a Cyrillic text of `letters` letters.
    fn cyrillic(&self, letters: usize) -> Option<&'static str> {
        let some = |n: usize| n * 200 >= letters; // half a percent of the letters or more
        if some(self.uk) && self.uk > self.ru {
            Some("uk")
        } else if some(self.sr) && self.sr > self.ru {
            Some("sr")
        } else if some(self.ru) {
            Some("ru")
        } else if some(self.bg) {
            Some("bg")
        } else {
            None
        }
    }

    /// The language of an Arabic-script text of `letters` letters.
    fn arabic(&self, letters: usize) -> &'static str {
        if self.ur * 100 >= letters {
            "ur"
        } else if self.fa * 50 >= letters {
            "fa"
        } else {
            "ar"
        }
    }
}

/// The language of a text given in pieces (a source's kept sentences, in reading order), as a
/// BCP 47 primary tag (`en`, `ko`, `ja`), or `None` when the text is too short or its language
/// is not one told apart here. Reads at most the first [`SAMPLE_LETTERS`] letters.
pub fn identify<'a>(pieces: impl IntoIterator<Item = &'a str>) -> Option<&'static str> {
    let lexicon = lexicon();
    let mut counts = [0usize; TAGS.len()];
    let mut marks = Marks::default();
    let mut letters = 0;
    // Latin letters outside ASCII: every profiled language but English writes them often.
    let mut accented = 0;
    // Latin-script words: the one being read (lower case, packed; `len` its bytes, and over
    // eight it is no function word), how many were looked up, and each profile's score (a word
    // in k profiles adds 60 / k to each) and hits.
    let (mut word, mut len) = (0u64, 0usize);
    let mut latin_word = true;
    let mut words = 0;
    let mut scores = [0u32; PROFILES.len()];
    let mut hits = [0u32; PROFILES.len()];
    let mut end_word = |word: &mut u64, len: &mut usize, latin: bool| {
        if *len > 0 && latin && words < SAMPLE_WORDS {
            words += 1;
            let found = lexicon.binary_search_by_key(word, |&(w, _)| w);
            if let (true, Ok(i)) = (*len <= 8, found) {
                let mask = lexicon[i].1;
                let share = 60 / mask.count_ones();
                for k in 0..PROFILES.len() {
                    if mask & (1 << k) != 0 {
                        scores[k] += share;
                        hits[k] += 1;
                    }
                }
            }
        }
        (*word, *len) = (0, 0);
    };
    'text: for piece in pieces {
        for c in piece.chars() {
            let Some(b) = (if c.is_ascii() { c.is_ascii_alphabetic().then_some(LATIN) } else if c.is_alphabetic() { bucket(c) } else { None }) else {
                end_word(&mut word, &mut len, latin_word);
                latin_word = true;
                continue;
            };
            counts[b as usize] += 1;
            letters += 1;
            if c.is_ascii() {
                // Most letters: lower-cased and packed at once.
                if len < 8 {
                    word |= (c.to_ascii_lowercase() as u64) << (8 * len);
                }
                len += 1;
            } else if b == LATIN {
                accented += 1;
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    for &byte in l.encode_utf8(&mut buf).as_bytes() {
                        if len < 8 {
                            word |= (byte as u64) << (8 * len);
                        }
                        len += 1;
                    }
                }
            } else {
                latin_word = false;
                marks.count(c);
            }
            if letters >= SAMPLE_LETTERS {
                break 'text;
            }
        }
        end_word(&mut word, &mut len, latin_word);
        latin_word = true;
    }
    end_word(&mut word, &mut len, latin_word);
    if letters < MIN_LETTERS {
        return None;
    }
    // The first of equally common scripts.
    let best = (0..counts.len()).rev().max_by_key(|&b| counts[b]).unwrap_or(0) as u8;
    match best {
        LATIN => latin(&scores, &hits, words, accented == 0),
        CYRILLIC => marks.cyrillic(counts[CYRILLIC as usize]),
        ARABIC => Some(marks.arabic(counts[ARABIC as usize])),
        // Japanese writes Han and Kana together: a tenth of Kana is Japanese, none is Chinese.
        HAN | KANA => {
            let (han, kana) = (counts[HAN as usize], counts[KANA as usize]);
            Some(if kana * 10 >= han + kana { "ja" } else { "zh" })
        }
        b => Some(TAGS[b as usize]),
    }
}

/// The Latin-script language whose function words score best among `words` words looked up,
/// when it is clear: at least three of its words, an eighth of all words or more, and a score
/// a quarter above the next language's. A text short of that (a headline, a line or two) is
/// English when English scores best or ties for it and no letter is accented (`ascii`): each
/// other language profiled here writes accented letters in nearly every sentence, Dutch the
/// least, and Dutch must be clear.
fn latin(scores: &[u32; PROFILES.len()], hits: &[u32; PROFILES.len()], words: usize, ascii: bool) -> Option<&'static str> {
    // The first of equal scores: English on a tie.
    let best = (0..scores.len()).max_by_key(|&k| (scores[k], std::cmp::Reverse(k)))?;
    let second = (0..scores.len()).filter(|&k| k != best).map(|k| scores[k]).max().unwrap_or(0);
    let clear = hits[best] >= 3 && hits[best] as usize * 8 >= words && scores[best] * 4 >= second * 5;
    let english = ascii && best == 0 && hits[0] > 0;
    (clear || english).then_some(PROFILES[best].0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_sorted_and_apart() {
        for w in RANGES.windows(2) {
            assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{:x?}", w);
        }
    }

    #[test]
    fn buckets_of_letters() {
        assert_eq!(bucket('é'), Some(LATIN));
        assert_eq!(bucket('한'), Some(KO));
        assert_eq!(bucket('の'), Some(KANA));
        assert_eq!(bucket('東'), Some(HAN));
        assert_eq!(bucket('ж'), Some(CYRILLIC));
        assert_eq!(bucket('ก'), Some(TH));
        assert_eq!(bucket('\u{2000}'), None);
    }

    #[test]
    fn profile_words_fit_in_eight_bytes_and_pack_in_order() {
        for (tag, list) in PROFILES {
            for w in list.split(' ') {
                assert!(!w.is_empty() && w.len() <= 8 && w == w.to_lowercase(), "{tag}: {w:?}");
            }
        }
        assert_eq!(pack("ab"), 0x6261);
        assert!(lexicon().windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn the_profiles_are_apart_enough() {
        // Every profile's words, read alone, name that profile.
        for (tag, list) in PROFILES {
            assert_eq!(identify([list]), Some(tag), "{tag}");
        }
    }

    #[test]
    fn too_little_text_is_not_known() {
        assert_eq!(identify(["The"]), None);
        assert_eq!(identify(["", "  12 345 !!"]), None);
        assert_eq!(identify(std::iter::empty()), None);
    }

    #[test]
    fn names_and_figures_alone_are_not_known() {
        // Twelve letters and more, but no function word of any language.
        assert_eq!(identify(["Pyongyang Seoul Washington Trump Kim 2018 Singapore"]), None);
    }

    #[test]
    fn a_korean_text_with_english_names_is_korean() {
        assert_eq!(identify(["북한은 월요일 Reuters 통신에 따르면 새로운 미사일을 발사했다고 밝혔다."]), Some("ko"));
    }

    #[test]
    fn japanese_has_kana_and_chinese_none() {
        assert_eq!(identify(["東京都は月曜日、新しい計画を発表しました。"]), Some("ja"));
        assert_eq!(identify(["北京市政府星期一宣布了新的交通计划。"]), Some("zh"));
    }

    #[test]
    fn a_short_unaccented_line_is_english_when_english_ties() {
        // "at" is English and Danish: a headline, unaccented, is read as English.
        assert_eq!(identify(["Esther Williams, swimming star, dies at 91"]), Some("en"));
        // Accented, it is not known.
        assert_eq!(identify(["Søren Kierkegaard, filosof, død at 42"]), None);
        assert_eq!(identify(["De stad is groot en het water is koud"]), Some("nl"));
    }

    #[test]
    fn the_sample_stops_early() {
        let long = "The council said that the road would be closed. ".repeat(10_000);
        assert_eq!(identify([long.as_str(), "Der Rat sagte, dass die Straße gesperrt wird."]), Some("en"));
    }
}
