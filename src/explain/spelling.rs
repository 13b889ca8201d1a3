//! One name or term written two ways: an abbreviation (`Dec.` / `December`, `Sgt` /
//! `Sergeant`), an acronym (`IE` / `Internet Explorer`), an initial (`E.` / `East`), a familiar
//! first name (`Katie` / `Kathryn`), a spelling variant (`advisers` / `advisors`), or a short name
//! of a few countries and bodies (`UK` / `Britain`). Two runs a diff pairs that are one name
//! written two ways are no disagreement.

use crate::lcs::common_ends;
use crate::normalize::{self, Vocabulary, Word};

/// Whether two runs of words say the same after normalization, counting the usual
/// short and long names of a few countries and bodies as the same, and a word and its
/// abbreviation or other spelling (`Dec.`/`December`, `Sgt`/`Sergeant`, `U. K`/`UK`,
/// `Co-operation`/`Cooperation`, `Advisers`/`Advisors`).
pub(super) fn same_terms(a: &[Word], b: &[Word], v: &Vocabulary) -> bool {
    const ALIASES: &[&[&str]] = &[
        &["us", "usa", "united states", "united states of america", "america"],
        &["uk", "united kingdom", "britain", "great britain"],
        &["un", "united nations"],
        &["eu", "european union"],
        &["uae", "united arab emirates"],
    ];
    let terms = |w: &[Word]| normalize::terms(w, v).into_iter().map(|t| t.text).collect::<Vec<_>>();
    let name = |w: &[Word]| {
        let spaced = w.iter().map(|w| v.text(w.surface).replace('.', "")).collect::<Vec<_>>().join(" ");
        let compact: String = spaced.chars().filter(|c| c.is_alphanumeric()).collect();
        ALIASES.iter().find(|g| g.contains(&spaced.as_str()) || g.contains(&compact.as_str())).map_or(compact, |g| g[0].replace(' ', ""))
    };
    if terms(a) == terms(b) {
        return true;
    }
    let (na, nb) = (name(a), name(b));
    na == nb
        || (a.len() == 1 && b.len() == 1 && (abbreviates(&na, &nb) || abbreviates(&nb, &na) || one_edit_apart(&na, &nb)))
        || initials_of(a, b, v)
        || initials_of(b, a, v)
        || [a, b].iter().any(|w| w.iter().all(|w| HONORIFICS.contains(&v.text(w.surface).trim_end_matches('.'))))
}

/// Titles that stand for a person's first name (`Mr Smith`, `John Smith`): not a different name.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "madam", "mme", "m"];

/// `IE`/`Internet Explorer`, `AMA's`/`American Medical Association's`: an acronym (one word
/// written in capitals) of the other run's words. A word of one or two letters may give both
/// (`USGS`/`US Geological Survey`).
pub(super) fn initials_of(acronym: &[Word], words: &[Word], v: &Vocabulary) -> bool {
    let [w] = acronym else { return false };
    let letters: Vec<char> = v.text(w.surface).trim_end_matches("'s").chars().filter(|c| c.is_alphanumeric()).collect();
    let parts: Vec<Vec<char>> = words.iter().map(|w| v.text(w.surface).chars().filter(|c| c.is_alphanumeric()).collect()).collect();
    // Whether `letters` spell `parts` in order, each part by its first letter or, when it has
    // one or two, by all of them.
    fn spell(letters: &[char], parts: &[Vec<char>]) -> bool {
        match parts.split_first() {
            None => letters.is_empty(),
            Some((part, rest)) => {
                let whole = part.len() <= 2 && letters.starts_with(part) && spell(&letters[part.len()..], rest);
                whole || (part.first().is_some_and(|c| letters.first() == Some(c)) && spell(&letters[1..], rest))
            }
        }
    }
    words.len() >= 2 && spell(&letters, &parts)
}

/// `short` is an abbreviation of `long`: its start (`dec`/`december`, `ark`/`arkansas`), or
/// its letters in order with the same first and last letter (`sgt`/`sergeant`, `lt`/`lieutenant`).
fn abbreviates(short: &str, long: &str) -> bool {
    let (s, l) = (short.trim_end_matches('s'), long);
    if s.len() < 2 || s.len() >= l.len() || !s.is_ascii() || !l.is_ascii() {
        return false;
    }
    if l.starts_with(s) {
        return true;
    }
    let mut rest = l.bytes();
    s.bytes().all(|c| rest.any(|d| d == c)) && s.as_bytes()[0] == l.as_bytes()[0] && s.as_bytes()[s.len() - 1] == l.as_bytes()[l.len() - 1]
}

/// Whether the name `short` is written short for `long`, both as written: an initial (`E.` /
/// `East`), an abbreviation (`Mt` / `Mount`, see [`abbreviates`]), or the start of a name run
/// together (`Us` / `UsMagazine.com`).
pub(super) fn short_form(short: &str, long: &str) -> bool {
    let (s, l) = (short.trim_end_matches('.').to_lowercase(), long.to_lowercase());
    if s.is_empty() || s.len() >= l.len() || !s.is_ascii() || !l.is_ascii() {
        return false;
    }
    let initial = s.len() == 1 && l.starts_with(&s);
    let run_together = long.starts_with(short) && long[short.len()..].starts_with(|c: char| c.is_ascii_uppercase());
    initial || run_together || abbreviates(&s, &l)
}

/// Whether the first name `short` may be a familiar form of `long` (`Katie` / `Kathryn`,
/// `Patty` / `Patricia`): it ends in `-ie` or `-y` and shares the first three letters.
pub(super) fn familiar(short: &str, long: &str) -> bool {
    let (s, l) = (short.to_lowercase(), long.to_lowercase());
    s.is_ascii() && l.is_ascii() && s.len() >= 4 && s.len() < l.len() && (s.ends_with("ie") || s.ends_with('y')) && s[..3] == l[..3]
}

/// Spelling variants of a longer word: one letter added, dropped or changed
/// (`advisers`/`advisors`, `marshal`/`marshall`, `technicolor`/`technicolour`).
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().min(b.len()) < 6 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (prefix, suffix) = common_ends(&a, &b);
    a.len().max(b.len()) - prefix - suffix <= 1 && a.len().min(b.len()) - prefix - suffix <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_abbreviation_is_the_start_or_the_letters_in_order_with_both_ends() {
        assert!(abbreviates("dec", "december") && abbreviates("sgt", "sergeant") && abbreviates("lt", "lieutenant"));
        assert!(!abbreviates("sn", "saint") && !abbreviates("december", "dec") && !abbreviates("d", "december"));
    }

    #[test]
    fn a_short_form_is_an_initial_an_abbreviation_or_a_name_run_together() {
        assert!(short_form("E.", "East") && short_form("Mt", "Mount") && short_form("Us", "UsMagazine.com"));
        assert!(!short_form("W.", "East") && !short_form("Us", "Usher") && !short_form("East", "E."));
    }

    #[test]
    fn a_familiar_first_name_ends_in_ie_or_y_and_shares_three_letters() {
        assert!(familiar("Katie", "Kathryn") && familiar("Patty", "Patricia"));
        assert!(!familiar("Maggie", "Molly") && !familiar("Kat", "Kathryn") && !familiar("Kathryn", "Katie"));
    }

    #[test]
    fn spelling_variants_of_long_words_are_one_edit_apart() {
        assert!(one_edit_apart("advisers", "advisors") && one_edit_apart("technicolor", "technicolour"));
        assert!(!one_edit_apart("cats", "cots") && !one_edit_apart("advisers", "advising"));
    }
}
