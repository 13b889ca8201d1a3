//! Quotations: what was said in quote marks (or under a transcript's speaker line), by whom,
//! and which sources carry the same words.

use crate::index::Unit;
use crate::normalize::{self, Vocabulary};
use crate::polarity::{self, Claims};
use crate::report::Role;
use std::ops::Range;

/// One quotation inside one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Quoted {
    /// Global index of the unit (sentence) it is in.
    pub unit: usize,
    /// Byte range of the quoted words (inside the marks) in the source's input.
    pub span: Range<usize>,
    /// Who the sentence says said it.
    pub speaker: Option<String>,
    /// What the quoted words affirm and deny (see [`crate::polarity`]), read once to compare
    /// the quotation with others: opposite claims are never variants of one quotation.
    pub claims: Claims,
}

const OPEN_CLOSE: &[(char, char)] = &[('“', '”'), ('«', '»'), ('„', '“'), ('「', '」'), ('『', '』'), ('‘', '’')];

/// Finds the quotations in the sentences of one source (`units`, all from the same input
/// `text`, in reading order, `first` being the global index of `units[0]`).
///
/// A quotation may run over several sentences of a paragraph; each sentence gets the part
/// inside it. In transcripts, the paragraph after a speaker line (`Jane Doe / Minister`) is
/// that speaker's words.
pub fn extract(text: &str, units: &[Unit], blocks: &[usize], first: usize, vocabulary: &Vocabulary) -> Vec<Quoted> {
    let mut out = Vec::new();
    let mut last_speaker: Option<String> = None;
    let mut open: Option<char> = None;
    let mut transcript: Option<(usize, String)> = None;
    for (k, unit) in units.iter().enumerate() {
        if unit.role == Role::Speaker {
            let name = text[unit.span.clone()].split(" / ").next().unwrap_or("").trim_end_matches(':').trim().to_string();
            transcript = blocks.get(k + 1).map(|&b| (b, name));
            continue;
        }
        if let Some((block, name)) = &transcript {
            if blocks[k] == *block {
                out.push(quoted(text, unit, first + k, unit.span.clone(), Some(name.clone()), vocabulary));
                last_speaker = Some(name.clone());
                continue;
            }
            transcript = None;
        }
        if k > 0 && blocks[k] != blocks[k - 1] {
            open = None;
        }
        let spans = quote_spans(text, unit.span.clone(), &mut open);
        if spans.is_empty() {
            continue;
        }
        let speaker = attribution(text, unit, &spans, vocabulary).map(|s| match s {
            Said::Name(n) => n,
            Said::Pronoun => last_speaker.clone().unwrap_or_default(),
        });
        let speaker = speaker.filter(|s| !s.is_empty());
        if speaker.as_deref().is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase)) {
            last_speaker = speaker.clone();
        }
        for span in spans {
            out.push(quoted(text, unit, first + k, span, speaker.clone(), vocabulary));
        }
    }
    out
}

/// The quotation `span` of `unit` (global index `index`), its claims read.
fn quoted(text: &str, unit: &Unit, index: usize, span: Range<usize>, speaker: Option<String>, v: &Vocabulary) -> Quoted {
    // The words inside the marks, a stretch of the sentence's words (which are in order).
    let from = unit.words.partition_point(|w| w.span.start < span.start);
    let to = unit.words.partition_point(|w| w.span.end <= span.end).max(from);
    Quoted { unit: index, claims: polarity::claims(v, text, &unit.words[from..to]), span, speaker }
}

/// The quoted stretches of `text[range]`; `open` carries a quotation left open by the
/// previous sentence of the same paragraph.
fn quote_spans(text: &str, range: Range<usize>, open: &mut Option<char>) -> Vec<Range<usize>> {
    let s = &text[range.clone()];
    let mut out = Vec::new();
    // Most sentences quote nothing: one cheap pass tells.
    if open.is_none() && !may_open_quote(s) {
        return out;
    }
    let mut start = open.map(|_| 0);
    let mut straight_open = *open == Some('"');
    let mut prev = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // Every quote mark but the straight one is outside ASCII.
        if c.is_ascii() && c != '"' {
            prev = Some(c);
            continue;
        }
        let next = chars.peek().map(|&(_, c)| c);
        match (*open, start) {
            (Some(o), Some(st)) => {
                let closes = if o == '"' { c == '"' } else { OPEN_CLOSE.iter().any(|&(a, b)| a == o && b == c) };
                // A closing single quote is also an apostrophe: it closes only before a non-letter.
                let apostrophe = c == '’' && next.is_some_and(char::is_alphabetic);
                if closes && !apostrophe {
                    push_span(&mut out, s, range.start, st, i);
                    if o != '‘' {
                        // Headlines quote inside quotes: “Trump ‘receptive’ to talks”.
                        let inner = quote_spans(text, range.start + st..range.start + i, &mut None);
                        out.extend(inner.into_iter().filter(|r| r.len() < i - st));
                    }
                    *open = None;
                    start = None;
                    straight_open = false;
                }
            }
            _ => {
                let opens = if c == '"' {
                    !straight_open
                } else {
                    OPEN_CLOSE.iter().any(|&(a, _)| a == c) && !(c == '‘' && prev.is_some_and(char::is_alphanumeric))
                };
                if opens {
                    *open = Some(c);
                    start = Some(i + c.len_utf8());
                    straight_open = c == '"';
                }
            }
        }
        prev = Some(c);
    }
    if let (Some(_), Some(st)) = (*open, start) {
        push_span(&mut out, s, range.start, st, s.len());
    }
    out
}

/// Whether `s` holds a straight double quote or one of the opening marks of [`OPEN_CLOSE`],
/// read from the bytes: decoding every character of every sentence costs more than the rest
/// of the quotation search.
fn may_open_quote(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &x)| match x {
        b'"' => true,
        // “ „ ‘ (U+201C, U+201E, U+2018), « (U+00AB), 「 『 (U+300C, U+300E)
        0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x9C | 0x9E | 0x98)),
        0xC2 => b.get(i + 1) == Some(&0xAB),
        0xE3 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x8C | 0x8E)),
        _ => false,
    })
}

fn push_span(out: &mut Vec<Range<usize>>, s: &str, base: usize, start: usize, end: usize) {
    let inner = &s[start..end];
    let lead = inner.len() - inner.trim_start().len();
    // The sentence's own comma or period inside the marks is not part of what was said.
    let trimmed = inner.trim().trim_end_matches([',', ' ', '.', ';', ':']);
    if trimmed.chars().any(char::is_alphanumeric) {
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

enum Said {
    Name(String),
    Pronoun,
}

const VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "asked", "wrote", "writes", "tweeted",
    "posted", "explained", "noted", "warned", "insisted", "replied", "declared", "announced", "claimed",
    "called", "calls", "recalled", "continued", "argued", "urged", "described", "dubbed", "according",
];

/// Whether a word (lower case) says who said something: `said`, `told`, `according` (to).
pub(crate) fn is_speech_verb(word: &str) -> bool {
    VERBS.contains(&word)
}

const TITLES: &[&str] = &[
    "president", "secretary", "press", "minister", "prime", "spokesperson", "spokesman", "spokeswoman", "chief",
    "director", "mr", "mrs", "ms", "dr", "sen", "rep", "gov", "senator", "governor", "leader", "judge",
    "sheriff", "officer", "captain", "commander", "general", "foreign", "defense", "defence", "deputy",
    "ambassador", "envoy", "mayor", "chairman", "chairwoman", "ceo", "professor", "prof", "lawyer", "attorney",
];

/// Words of institutions and groups: an attribution holding one (`White House`, `NK News`,
/// `Indian Navy`, `Authorities`) names no one person, and may stand for any of its people.
const INSTITUTIONS: &[&str] = &[
    "administration", "agency", "army", "association", "authorities", "authority", "board", "bureau", "campaign", "center",
    "centre", "channel", "church", "club", "commission", "committee", "company", "congress", "corp", "corporation", "council",
    "court", "critics", "department", "embassy", "family", "force", "forces", "foundation", "government", "group", "herald",
    "hospital", "house", "inc", "institute", "journal", "kremlin", "league", "ltd", "magazine", "media", "military",
    "ministry", "navy", "neighbors", "neighbours", "network", "news", "office", "organisation", "organization",
    "parliament", "party", "pentagon", "people", "post", "protesters", "radio", "report", "reporter", "reporters", "reports",
    "residents", "senate", "service", "services", "station", "statement", "team", "times", "tribune", "tv", "union",
    "university",
];

/// Whether two attributions name different people: both are personal names (see [`person`])
/// and neither's words are all among the other's (`Leavitt` and `Karoline Leavitt`, `Kim` and
/// `Kim Jong Un` are one person). A description or an institution (`a White House
/// spokesperson`, `White House`) is nobody in particular, and differs from no one.
pub fn different_people(a: &str, b: &str) -> bool {
    match (person(a), person(b)) {
        (Some(x), Some(y)) => !same_person(&x, &y),
        _ => false,
    }
}

/// Whether two personal names (as [`person`] gives them) name one person: the words of one
/// are all among the other's.
pub fn same_person(x: &[String], y: &[String]) -> bool {
    x.iter().all(|w| y.contains(w)) || y.iter().all(|w| x.contains(w))
}

/// The words of an attribution that is a personal name, lower-cased, after its last title or
/// institution word (`Police Constable Tim Fanning` → `tim`, `fanning`), without initials and
/// with hyphenated parts apart (`Jong-un` → `jong`, `un`); `None` when it is not one: a word in
/// lower case, nothing after the titles (`Alaska Governor`), or a function word or month left.
pub fn person(speaker: &str) -> Option<Vec<String>> {
    use crate::lexicon::{is_role, MONTHS, WEEKDAYS};
    let tokens: Vec<&str> = speaker.split_whitespace().collect();
    if tokens.iter().any(|t| !t.starts_with(char::is_uppercase)) {
        return None;
    }
    let clean = |t: &str| {
        let t = t.trim_matches(|c: char| !c.is_alphanumeric()).replace('’', "'");
        t.strip_suffix("'s").unwrap_or(&t).to_lowercase()
    };
    let titled = |t: &&str| is_role(&clean(t)) || INSTITUTIONS.contains(&clean(t).as_str());
    let rest = &tokens[tokens.iter().rposition(|t| titled(&t)).map_or(0, |p| p + 1)..];
    // `May` is a name far more often than the month is a speaker.
    let odd = |w: &str| normalize::is_stopword(w) || (MONTHS.contains(&w) && w != "may") || WEEKDAYS.contains(&w);
    if rest.is_empty() || rest.len() > 4 || rest.iter().any(|t| odd(&clean(t))) {
        return None;
    }
    let words: Vec<String> = rest.iter().flat_map(|t| clean(t).split('-').map(str::to_string).collect::<Vec<_>>()).filter(|w| w.chars().count() > 1).collect();
    (!words.is_empty()).then_some(words)
}

/// Who the sentence says spoke: the name next to a speech verb outside the quotation marks
/// (`…,” Leavitt told reporters`, `said Jane Doe`, `Leavitt told reporters that Trump “…`), a
/// short noun phrase (`a White House spokesperson said`), or a pronoun that refers back.
fn attribution(text: &str, unit: &Unit, quotes: &[Range<usize>], v: &Vocabulary) -> Option<Said> {
    let inside = |w: &normalize::Word| quotes.iter().any(|q| w.span.start >= q.start && w.span.end <= q.end);
    let words: Vec<&normalize::Word> = unit.words.iter().filter(|w| !inside(w)).collect();
    // The speech verb nearest the quotation is the one that introduces it.
    let distance = |w: &normalize::Word| quotes.iter().map(|q| q.start.abs_diff(w.span.end).min(q.end.abs_diff(w.span.start))).min().unwrap_or(0);
    let mut verbs: Vec<usize> = (0..words.len()).filter(|&i| VERBS.contains(&v.text(words[i].surface))).collect();
    crate::sort::by_key(&mut verbs, |&i| distance(words[i]) as u64);
    for i in verbs {
        let w = words[i];
        if v.text(w.surface) == "according" {
            return name_run(text, &words[i + 1..], true, v).map(Said::Name);
        }
        // Subject before the verb, in the same clause.
        let mut j = i;
        while j > 0 && contiguous(text, words[j - 1], words[j]) {
            j -= 1;
        }
        // Skip auxiliaries and adverbs between subject and verb: "has said", "famously called".
        let mut k = i;
        while k > j && (matches!(v.text(words[k - 1].surface), "has" | "have" | "had" | "was" | "is" | "were" | "will" | "would" | "also" | "did" | "then" | "later") || v.text(words[k - 1].surface).ends_with("ly")) {
            k -= 1;
        }
        let before = &words[j..k];
        if let Some(last) = before.last() {
            if matches!(v.text(last.surface), "she" | "he" | "they") {
                return Some(Said::Pronoun);
            }
        }
        if let Some(name) = name_run(text, before, false, v) {
            return Some(Said::Name(name));
        }
        if (1..=4).contains(&before.len()) && before.iter().any(|w| w.capitalized) {
            let phrase: Vec<&str> = before.iter().skip_while(|w| matches!(v.text(w.surface), "a" | "an" | "the")).map(|w| &text[w.span.clone()]).collect();
            return Some(Said::Name(phrase.join(" ")));
        }
        // Inverted: "said Jane Doe".
        if let Some(name) = name_run(text, &words[i + 1..], true, v) {
            return Some(Said::Name(name));
        }
    }
    None
}

/// Two words are in the same clause when only spaces separate them.
fn contiguous(text: &str, a: &normalize::Word, b: &normalize::Word) -> bool {
    text.get(a.span.end..b.span.start).is_some_and(|gap| gap.chars().all(char::is_whitespace))
}

/// The capitalised run adjacent to a verb, without its leading titles (`White House Press
/// Secretary Karoline Leavitt` → `Karoline Leavitt`). `forward` reads the run after the verb.
fn name_run(text: &str, words: &[&normalize::Word], forward: bool, v: &Vocabulary) -> Option<String> {
    let mut run: Vec<&normalize::Word> = Vec::new();
    let order: Box<dyn Iterator<Item = &&normalize::Word>> = if forward { Box::new(words.iter()) } else { Box::new(words.iter().rev()) };
    for w in order {
        if w.capitalized && !normalize::is_stopword(v.text(w.surface)) {
            run.push(w);
        } else if run.is_empty() && forward && matches!(v.text(w.surface), "to" | "the") {
            continue;
        } else {
            break;
        }
    }
    if !forward {
        run.reverse();
    }
    if forward && words.first().is_some_and(|w| !w.capitalized && v.text(w.surface) != "to") && run.is_empty() {
        return None;
    }
    let after_title = run.iter().rposition(|w| TITLES.contains(&v.text(w.surface))).map_or(0, |p| p + 1);
    let name: Vec<&str> = run[after_title..].iter().map(|w| &text[w.span.clone()]).collect();
    (!name.is_empty() && name.len() <= 4).then(|| name.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_scan_finds_every_opening_mark_and_nothing_else() {
        for &(open, _) in OPEN_CLOSE {
            assert!(may_open_quote(&format!("he said {open}yes")), "{open}");
        }
        assert!(may_open_quote("he said \"yes\""));
        for plain in ["it’s over, isn’t it", "they’re » done ” now", "「」 no, 』 and 」", "plain ASCII text"] {
            assert_eq!(may_open_quote(plain), plain.contains(|c: char| c == '"' || OPEN_CLOSE.iter().any(|&(a, _)| a == c)), "{plain}");
        }
    }

    fn quotes(paragraphs: &[&str]) -> Vec<(String, Option<String>)> {
        let text = paragraphs.join("\n");
        let mut units = Vec::new();
        let mut blocks = Vec::new();
        let mut vocabulary = Vocabulary::default();
        let mut at = 0;
        for (b, p) in paragraphs.iter().enumerate() {
            let role = if p.contains(" / ") { Role::Speaker } else { Role::Body };
            let words = normalize::words(&text, at..at + p.len(), &mut vocabulary);
            units.push(Unit { source: 0, span: at..at + p.len(), role, words });
            blocks.push(b);
            at += p.len() + 1;
        }
        extract(&text, &units, &blocks, 0, &vocabulary).into_iter().map(|q| (text[q.span].to_string(), q.speaker)).collect()
    }

    #[test]
    fn speaker_after_the_quote() {
        assert_eq!(quotes(&["“We will rebuild,” Mayor Ana Ruiz told reporters."]), [("We will rebuild".into(), Some("Ana Ruiz".into()))]);
    }

    #[test]
    fn speaker_before_the_quote_without_titles() {
        assert_eq!(
            quotes(&["Health Minister Omar Haddad said the plan was “a first step”."]),
            [("a first step".into(), Some("Omar Haddad".into()))]
        );
    }

    #[test]
    fn inverted_attribution() {
        assert_eq!(quotes(&["\"It is over,\" said Lena Berg."]), [("It is over".into(), Some("Lena Berg".into()))]);
    }

    #[test]
    fn pronoun_refers_to_the_previous_speaker() {
        let q = quotes(&["“We are ready,” Ana Ruiz said.", "“The rest will follow,” she added."]);
        assert_eq!(q[1], ("The rest will follow".into(), Some("Ana Ruiz".into())));
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        assert_eq!(quotes(&["The mayor called it ‘the city’s finest hour’ on Monday."])[0].0, "the city’s finest hour");
    }

    #[test]
    fn quotes_inside_quotes_are_found() {
        let q = quotes(&["“Mayor ‘open’ to talks”"]);
        assert_eq!(q.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["Mayor ‘open’ to talks", "open"]);
    }

    #[test]
    fn auxiliaries_and_adverbs_do_not_hide_the_speaker() {
        assert_eq!(quotes(&["He wrote what Ana Ruiz famously called “beautiful letters”."])[0].1.as_deref(), Some("Ana Ruiz"));
    }

    #[test]
    fn one_person_named_in_full_or_in_part_is_not_two() {
        assert!(!different_people("Leavitt", "Karoline Leavitt"));
        assert!(!different_people("Kim Jong-un", "Kim"));
        assert!(!different_people("Undersheriff James Gage", "Gage"));
        assert!(different_people("Karoline Leavitt", "Donald Trump"));
        assert!(different_people("Trump", "Biden"));
    }

    #[test]
    fn descriptions_and_institutions_differ_from_no_one() {
        for nobody in ["White House", "a White House spokesperson", "president", "Alaska Governor", "Indian Navy", "Authorities", "Deputies", "As I", "November"] {
            assert_eq!(person(nobody), None, "{nobody}");
            assert!(!different_people(nobody, "Karoline Leavitt"), "{nobody}");
        }
        assert_eq!(person("Police Constable Tim Fanning"), Some(vec!["tim".to_string(), "fanning".to_string()]));
    }

    #[test]
    fn transcript_speaker_line_attributes_the_next_paragraph() {
        let q = quotes(&["Ana Ruiz / Mayor of Oakvale", "We will rebuild the bridge."]);
        assert_eq!(q, [("We will rebuild the bridge.".into(), Some("Ana Ruiz".into()))]);
    }
}
