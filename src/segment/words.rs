//! The words the splitter knows: sentence openers, abbreviations by kind, speech verbs.
//!
//! Kept apart from the scan in `segment.rs` because they grow with every language covered,
//! while the scan does not.

/// Words that almost always start a sentence. After an abbreviation that can also end a
/// sentence (`U.S.`, `Inc.`, an initial), only one of these, or an opening quote, makes us
/// cut: `the U.S. The talks…` splits, `the U.S. President…` does not.
#[rustfmt::skip]
pub(super) const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "In", "On", "But", "And",
    "Or", "So", "Yet", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our",
    "My", "Your", "There", "Here", "When", "While", "After", "Before", "As", "At", "For",
    "From", "By", "With", "Without", "During", "Since", "Until", "Despite", "Although",
    "Though", "Because", "If", "However", "Meanwhile", "According", "Some", "Many", "Most",
    "Several", "Few", "All", "Both", "Each", "Every", "Other", "Another", "Now", "Then",
    "Still", "Also", "Last", "Earlier", "Later", "Today", "Yesterday", "What", "Who", "Why",
    "How", "Where", "Which", "Such", "One", "Two", "Three", "Four", "Five", "Six", "Seven",
    "Eight", "Nine", "Ten", "Did", "Do", "Does", "Is", "Are", "Was", "Were", "Has", "Have",
    "Had", "Can", "Could", "Would", "Should",
];

/// Titles stand before a name, so the period after them never ends a sentence. English, then
/// Spanish (`Srta.`, `Lic.`), German (`Hr.`, `Dr. med.`) and Italian (`Dott.`).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Mme", "Mlle", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps",
    "Gov", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Cpl", "Pvt", "Adm", "Rev",
    "Fr", "Msgr", "Hon", "Pres", "Supt", "Insp", "Det", "Const", "Mt", "Ft",
    "Sra", "Srta", "Sras", "Sres", "Dra", "Lic", "Licda", "Ing", "Arq", "Abg", "Dña", "Profa",
    "Mons", "Hr", "Hrn", "Dott", "Avv", "Dipl", "med", "jur", "phil", "rer", "nat", "habil",
];

/// Suffixes that end a name and often a sentence too (`shares of Acme Inc. The company…`).
#[rustfmt::skip]
const NAME_SUFFIXES: &[&str] = &["Jr", "Sr", "St", "Inc", "Corp", "Co", "Cos", "Ltd", "Bros"];

/// Abbreviated months, usually followed by a day or a year (`Jan. 5`, `30 Ago. 1984`):
/// English, then Spanish and German; and Spanish weekdays, followed by a day (`Lun. 15`).
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
    "Ene", "Abr", "Ago", "Set", "Dic", "Jän", "Mär", "Okt", "Dez",
    "Lun", "Mié", "Jue", "Vie", "Sáb", "Dom",
];

/// Abbreviations that introduce a number (`No. 10`, `p. 5`, `approx. 300`, `N°. 12`), then
/// Spanish (`art. 4`, `párrf. 5`) and German ones (`Str. 5`, `Abs. 2`).
#[rustfmt::skip]
const NUMBERED: &[&str] = &[
    "No", "Nos", "Nr", "Fig", "Figs", "Vol", "Vols", "p", "pp", "Art", "Ch", "Sec", "approx",
    "N°", "Nº", "n°", "nº", "Núm", "núm", "art", "párr", "párrf", "pág", "págs", "cap",
    "Str", "Abs", "Bd", "Kap", "Tel",
];

/// Abbreviations that sit inside a sentence by nature (`e.g. France`, `Ali vs. Frazier`),
/// then German ones (`bzw.`, `vgl.`, `eine kath. Schule`).
#[rustfmt::skip]
const INNER: &[&str] = &[
    "e.g", "i.e", "cf", "viz", "vs", "v", "Vs", "VS", "bzw", "vgl", "Vgl", "ca", "ggf", "evtl",
    "inkl", "zzgl", "sog", "bspw", "insb", "kath", "evang", "röm",
];

/// Verbs that attribute a quote: `“Why?” Smith asked.` is one sentence.
#[rustfmt::skip]
pub(super) const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "added", "adds", "told", "tells", "shouted", "yelled",
    "wrote", "writes", "replied", "recalled", "explained", "noted", "insisted", "wondered",
    "exclaimed", "declared", "tweeted",
];

/// After `a.m.`/`p.m.` a weekday continues the sentence (`9 p.m. Tuesday`).
#[rustfmt::skip]
pub(super) const WEEKDAYS: &[&str] = &[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Prepositions that open a time phrase at the start of a sentence (`At 5 a.m. Mr. Smith…`).
#[rustfmt::skip]
pub(super) const TIME_PREPOSITIONS: &[&str] = &[
    "At", "By", "From", "Until", "Till", "Before", "After", "Around", "About", "Since", "Shortly",
    "Just",
];

/// What the word before a single period is, as far as ending a sentence goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Abbrev {
    /// `Mr.`, `Dr.`: a name follows, never a boundary.
    Title,
    /// `e.g.`, `vs.`: never a boundary.
    Inner,
    /// `Jr.`, `Inc.`: a boundary only before a sentence opener.
    NameSuffix,
    /// `U.S.`, `J.`: a boundary only before a sentence opener or an opening quote.
    Acronym,
    /// `Jan.`: no boundary before a day number, otherwise like a name suffix.
    Month,
    /// `No.`, `p.`: no boundary before a number.
    Numbered,
    /// `a.m.`, `p.m.`: no boundary before a number, a weekday or a time zone.
    Clock,
}

/// `EST`, `GMT`, `KST`: short all-caps words after `a.m.`/`p.m.`.
pub(super) fn is_time_zone(word: &str) -> bool {
    (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

/// The kind of abbreviation `token` (the word before a period, without it) is, if any.
pub(super) fn abbreviation(token: &str) -> Option<Abbrev> {
    if matches!(token, "a.m" | "p.m" | "A.M" | "P.M") {
        return Some(Abbrev::Clock);
    }
    if INNER.contains(&token) {
        return Some(Abbrev::Inner);
    }
    if is_dotted_acronym(token) {
        return Some(Abbrev::Acronym);
    }
    let mut chars = token.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    };
    if single.is_some_and(char::is_uppercase) || is_doubled_letters(token) {
        return Some(Abbrev::Acronym); // an initial, `George W. Bush`, or Spanish `EE. UU.`
    }
    let lists = [
        (TITLES, Abbrev::Title),
        (NAME_SUFFIXES, Abbrev::NameSuffix),
        (MONTHS, Abbrev::Month),
        (NUMBERED, Abbrev::Numbered),
    ];
    let listed = lists.iter().find(|(list, _)| in_list(token, list)).map(|&(_, kind)| kind);
    // Any other lone letter is an abbreviation too (German `z. B.`, `d. h.`, `s. unten`): it
    // ends a sentence only where a sentence opener follows.
    listed.or_else(|| single.filter(|c| c.is_alphabetic()).map(|_| Abbrev::Acronym))
}

/// Full month names that follow a German ordinal day (`12. Juni`, `1. März`); the English
/// spellings are mostly the same words.
#[rustfmt::skip]
const MONTH_NAMES: &[&str] = &[
    "Januar", "Jänner", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember", "January", "February", "March", "May",
    "June", "July", "October", "December",
];

/// Whether `word` is a full month name (German or English).
pub(super) fn is_month_name(word: &str) -> bool {
    MONTH_NAMES.contains(&word)
}

/// `EE`, `UU`, `FF`, `AA`: Spanish plural abbreviations (`EE. UU.`, `FF. AA.`) double the
/// letter; `II` and `XX` are Roman numerals instead.
fn is_doubled_letters(token: &str) -> bool {
    matches!(token.as_bytes(), [a, b] if a == b && a.is_ascii_uppercase() && !matches!(a, b'I' | b'X'))
}

/// Exact match, or the all-caps spelling of a capitalized entry (`MR`, `INC` in headlines).
fn in_list(token: &str, list: &[&str]) -> bool {
    let all_caps = token.len() > 1 && token.bytes().all(|b| b.is_ascii_uppercase());
    list.iter()
        .any(|&a| a == token || (all_caps && a.eq_ignore_ascii_case(token)))
}

/// `U.S`, `D.C`, `Ph.D`, and lowercase ones of single letters, `u.a`, `d.h` (the final period
/// is the terminator itself). Lowercase parts of two or three letters are a domain (`kbs.co.kr`).
fn is_dotted_acronym(token: &str) -> bool {
    let (mut parts, mut longest) = (0, 0);
    for part in token.split('.') {
        let len = part.chars().count();
        if len == 0 || len > 3 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
        longest = longest.max(len);
    }
    parts >= 2 && (longest == 1 || token.chars().any(char::is_uppercase))
}
