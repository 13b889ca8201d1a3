//! Sentence splitting for news prose.
//!
//! One forward scan over the block stops at every run of terminators (`.`, `!`, `?`, `…`,
//! CJK `。！？．`) and judges it from a small neighbourhood: the word before it, the closing
//! quotes after it, and the first word of what follows. Every look-around is either capped
//! or covers text the main scan has not passed yet, so the whole split stays linear in the
//! length of the block even for pathological input (megabytes without punctuation, or a
//! period every other character).

use std::ops::Range;

mod items;
mod words;

use words::{abbreviation, is_month_name, is_time_zone, Abbrev, SENTENCE_OPENERS, SPEECH_VERBS, TIME_PREPOSITIONS, WEEKDAYS};

/// Splits the block `text[block]` (one paragraph, possibly several lines) into sentences.
///
/// Returns byte ranges into `text`, in order, each trimmed of surrounding whitespace,
/// non-empty, within `block`, non-overlapping; together they cover every non-whitespace
/// character of the block. A block without sentence-final punctuation (a headline, a
/// speaker line, a caption) comes back as one sentence. Out-of-range blocks or block ends
/// that fall inside a character are clamped inward rather than rejected, so callers never
/// have to guard against a panic.
pub fn sentences(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let Some((base, s)) = clamp_block(text, block) else {
        return Vec::new();
    };
    let pieces = trimmed_pieces(s, &find_cuts(s));
    attach_bare_punctuation(s, pieces)
        .into_iter()
        .map(|r| r.start + base..r.end + base)
        .collect()
}

/// Longest word (in chars) looked at behind a terminator; longer words are never abbreviations.
const MAX_TOKEN_CHARS: usize = 32;
/// Longest stretch of spaces, dashes and opening quotes skipped to find the next word.
const MAX_LOOKAHEAD_CHARS: usize = 64;
/// Longest next word (in chars) compared against the lists of sentence openers.
const MAX_WORD_CHARS: usize = 24;

/// Longest stretch (in chars) searched for a quote attribution after `?”`.
const MAX_ATTRIBUTION_CHARS: usize = 100;

/// What follows a terminator run (after its closing quotes and the whitespace).
#[derive(Debug)]
enum Next<'a> {
    /// The block ends (possibly after stray opening quotes): nothing to cut.
    End,
    /// Lowercase or trailing punctuation: the sentence goes on (`?” she asked`).
    Continues,
    /// Something that can open a sentence.
    Starts(NextWord<'a>),
}

#[derive(Debug)]
struct NextWord<'a> {
    /// Byte position of `first` in the block.
    at: usize,
    /// First visible character after any opening quotes or dashes.
    first: char,
    /// The leading letters of the next word (capped), for list look-ups.
    word: &'a str,
    /// An opening quote stood before the word.
    quoted: bool,
    /// The word is a single letter with a period (`L. A. Deputy`): an initial, not `A`.
    initial: bool,
}

impl NextWord<'_> {
    /// Whether this looks like the start of a new sentence even after an ambiguous abbreviation.
    fn is_opener(&self) -> bool {
        self.quoted || (!self.initial && SENTENCE_OPENERS.contains(&self.word))
    }

    fn is_number(&self) -> bool {
        self.first.is_numeric() || self.first == '#'
    }
}

impl Abbrev {
    /// Whether a period after this abbreviation ends the sentence, given what follows.
    fn allows_cut(self, next: &NextWord, closed: bool) -> bool {
        match self {
            Abbrev::Title | Abbrev::Inner => false,
            // A closing quote or bracket after the period means the phrase is over.
            _ if closed => true,
            Abbrev::NameSuffix | Abbrev::Acronym => next.is_opener(),
            Abbrev::Month => !next.is_number() && next.is_opener(),
            Abbrev::Numbered => !next.is_number(),
            Abbrev::Clock => !(next.is_number() || WEEKDAYS.contains(&next.word) || is_time_zone(next.word)),
        }
    }
}

/// Clamps `block` into `text` and onto char boundaries (inward, so we stay within the block).
fn clamp_block(text: &str, block: Range<usize>) -> Option<(usize, &str)> {
    let start = text.ceil_char_boundary(block.start);
    let end = text.floor_char_boundary(block.end);
    if start >= end {
        return None;
    }
    text.get(start..end).map(|s| (start, s))
}

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// Whitespace for the purpose of finding gaps; zero-width spaces count, as pasted text is
/// full of them, but trimming uses plain `char::is_whitespace` so that they stay covered.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Sentence terminators that need a space after them. Besides Latin punctuation: the
/// Devanagari danda, Arabic and Urdu marks, the Armenian full stop, Ethiopic marks.
const TERMINATORS: &str = ".!?…‼⁇⁈⁉‽।॥؟۔։።፧";
/// Question and exclamation marks among the terminators.
const QUESTION_EXCLAMATION: &str = "!?‼⁇⁈⁉‽؟፧";
/// CJK terminators end a sentence with no space after them.
const CJK_TERMINATORS: &str = "。！？．｡︒";
/// Closing quotes and brackets that stay with the sentence they close.
const CLOSERS: &str = "”’\"')]}»›」』）］｝】〉》〕〗〙〛＂＇〞〟";
/// Opening quotes; the straight ones are both opening and closing.
const OPENING_QUOTES: &str = "“‘\"'«‹„‚「『＂〝";
/// Brackets, dashes and bullets that may stand before the first word of a sentence.
const OTHER_LEAD_INS: &str = "([{（［【〈《〔¿¡-–—•·*⁃‣◦▪►●";

/// Whether `c` is one of the characters of `set`. None of the sets holds a letter, a digit
/// or a space, which are most of any text: those answer at once.
fn in_set(set: &str, c: char) -> bool {
    !(c.is_ascii_alphanumeric() || c == ' ') && set.contains(c)
}

#[inline]
fn is_terminator(c: char) -> bool {
    // Asked of every character of the text: ASCII, most of it, without searching the sets.
    if c.is_ascii() {
        return matches!(c, '.' | '!' | '?');
    }
    TERMINATORS.contains(c) || is_cjk_terminator(c)
}

fn is_question_or_exclamation(c: char) -> bool {
    in_set(QUESTION_EXCLAMATION, c)
}

fn is_cjk_terminator(c: char) -> bool {
    !c.is_ascii() && CJK_TERMINATORS.contains(c)
}

fn is_closer(c: char) -> bool {
    in_set(CLOSERS, c)
}

fn is_opening_quote(c: char) -> bool {
    in_set(OPENING_QUOTES, c)
}

/// Characters that may stand before the first word of a sentence.
fn is_lead_in(c: char) -> bool {
    is_opening_quote(c) || in_set(OTHER_LEAD_INS, c)
}

/// Punctuation that can only continue a sentence, never open one.
fn is_trailing_punct(c: char) -> bool {
    is_terminator(c) || in_set(",;:%", c) || (is_closer(c) && !is_opening_quote(c))
}

/// Kana and Han ideographs: scripts written without spaces between sentences.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
        || matches!(c, '\u{F900}'..='\u{FAFF}')
}

/// Byte positions in `s` where one sentence ends and the next begins.
fn find_cuts(s: &str) -> Vec<usize> {
    let mut cuts = Vec::new();
    let mut sentence_start: Option<usize> = None;
    let mut items = items::item_starts(s).into_iter().peekable();
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while items.next_if(|&at| at < i).is_some() {}
        if items.next_if_eq(&i).is_some() && cuts.last() != Some(&i) {
            cuts.push(i);
            sentence_start = None;
        }
        // ASCII, most of the text, without decoding.
        let c = match bytes[i] {
            b if b < 0x80 => b as char,
            _ => match char_at(s, i) {
                Some(c) => c,
                None => break,
            },
        };
        if sentence_start.is_none() && !is_space(c) {
            sentence_start = Some(i);
        }
        if !is_terminator(c) {
            i += c.len_utf8();
            continue;
        }
        let run = terminator_run(s, i);
        let (cut, resume) = match spaced_ellipsis(s, &run) {
            Some((end, dots)) => judge_spaced_ellipsis(s, run.start, end, dots, sentence_start),
            None => {
                let cut = judge_run(s, run.clone(), sentence_start);
                (cut, cut.unwrap_or(run.end))
            }
        };
        if let Some(cut) = cut {
            cuts.push(cut);
            sentence_start = None;
        }
        i = resume;
    }
    cuts
}

/// `. . .`, the spaced ellipsis of edited quotations: when the single period `run` opens a
/// chain of at least three periods each one space apart, returns where the chain ends and
/// how many periods it has.
fn spaced_ellipsis(s: &str, run: &Range<usize>) -> Option<(usize, usize)> {
    if s.get(run.clone()) != Some(".") {
        return None;
    }
    let bytes = s.as_bytes();
    let (mut end, mut dots) = (run.end, 1);
    while bytes.get(end) == Some(&b' ') && bytes.get(end + 1) == Some(&b'.') {
        end += 2;
        dots += 1;
    }
    // `. ..` or `. . ...`: not the spaced form; the runs are judged one by one.
    (dots >= 3 && bytes.get(end) != Some(&b'.')).then_some((end, dots))
}

/// Judges a spaced ellipsis of `dots` periods from `first` to `end` (MLA style): three spaced
/// periods after a space mark words left out inside the sentence (`is . . . I did not`), never
/// its end; a fourth period ends the sentence (`a period . . . . Next`); and a period glued to
/// the word before (`compounds. . . . The practice`) ends the sentence there, the spaced
/// periods after it opening the next one. Returns the cut, if any, and where to go on.
fn judge_spaced_ellipsis(
    s: &str,
    first: usize,
    end: usize,
    dots: usize,
    sentence_start: Option<usize>,
) -> (Option<usize>, usize) {
    let glued = char_before(s, first).is_some_and(|c| !is_space(c));
    if !glued && dots == 3 {
        return (None, end);
    }
    match judge_run(s, first..end, sentence_start) {
        Some(cut) if glued && dots >= 4 && cut == end => (Some(first + 1), first + 1),
        Some(cut) => (Some(cut), cut),
        None => (None, end),
    }
}

/// The run of terminators starting at `start` (`?!`, `...`, `。`).
fn terminator_run(s: &str, start: usize) -> Range<usize> {
    let tail = s.get(start..).unwrap_or("");
    let len: usize = tail
        .chars()
        .take_while(|&c| is_terminator(c))
        .map(char::len_utf8)
        .sum();
    start..start + len
}

/// `end` moved past any closing quotes and brackets, and past emoji and other pictographs
/// (and U+FFFD, what a broken character becomes): they close the sentence they follow. So do
/// `“` and `‘` glued to a terminator: they close German quotations (`„Und auch keine Lust.“`).
fn skip_closers(s: &str, end: usize) -> usize {
    let tail = s.get(end..).unwrap_or("");
    end + tail
        .chars()
        .take_while(|&c| is_closer(c) || is_pictograph(c) || matches!(c, '“' | '‘'))
        .map(char::len_utf8)
        .sum::<usize>()
}

/// Emoji and pictographs with what joins and modifies them, and the replacement character.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{FE0F}' | '\u{200D}' | '\u{FFFD}')
}

/// Decides whether the terminator `run` ends a sentence; returns where the next one begins.
fn judge_run(s: &str, run: Range<usize>, sentence_start: Option<usize>) -> Option<usize> {
    let run_text = s.get(run.clone())?;
    // `[...]`, `(…)`: words left out of a quotation, not the end of anything.
    if matches!(char_before(s, run.start), Some('[' | '(')) && matches!(char_at(s, run.end), Some(']' | ')')) {
        return None;
    }
    let close_end = skip_closers(s, run.end);
    if is_cjk_run(s, &run, run_text) {
        // A title in 《》 (`《摔跤吧！爸爸》`) is a name: its punctuation ends nothing.
        if in_title_brackets(s, run.start) {
            return None;
        }
        // CJK prose puts no space after its terminators; but in Japanese a quotative particle
        // after the closing bracket (`「本当？」と聞いた`) carries the sentence on.
        let particle = close_end > run.end && char_at(s, close_end).is_some_and(|c| matches!(c, 'と' | 'っ'));
        return (!particle).then_some(close_end);
    }
    let after = char_at(s, close_end)?;
    if !is_space(after) {
        // `3.5`, `kbs.co.kr`, `U.S.-led`: glued text never splits, except between CJK characters.
        let cjk_around = char_before(s, run.start).is_some_and(is_cjk) && is_cjk(after);
        return cjk_around.then_some(close_end);
    }
    let close_end = absorb_detached_closers(s, close_end);
    let next = match read_next(s, close_end) {
        Next::End | Next::Continues => return None,
        Next::Starts(next) => next,
    };
    if run_text == "." && !period_allows_cut(s, run.start, sentence_start, &next, close_end > run.end) {
        return None;
    }
    let quoted = s.get(run.end..close_end).is_some_and(|t| {
        t.chars()
            .any(|c| is_opening_quote(c) || matches!(c, '”' | '’' | '»'))
    });
    if quoted && run_text.chars().all(is_question_or_exclamation) && attribution_follows(s, next.at) {
        return None;
    }
    Some(close_end)
}

/// Longest stretch (in chars) searched either way for the brackets of a 《title》.
const MAX_TITLE_CHARS: usize = 32;

/// Whether `at` lies between `《` and `》` (or `〈` and `〉`), each within a short reach.
fn in_title_brackets(s: &str, at: usize) -> bool {
    let head = s.get(..at).unwrap_or("");
    let tail = s.get(at..).unwrap_or("");
    let opened = head
        .chars()
        .rev()
        .take(MAX_TITLE_CHARS)
        .find(|c| matches!(c, '《' | '》' | '〈' | '〉'))
        .is_some_and(|c| matches!(c, '《' | '〈'));
    opened
        && tail
            .chars()
            .take(MAX_TITLE_CHARS)
            .find(|c| matches!(c, '《' | '》' | '〈' | '〉'))
            .is_some_and(|c| matches!(c, '》' | '〉'))
}

/// A run containing a CJK terminator ends the sentence; the full-width period between digits
/// (`３．５`) is a decimal point instead.
fn is_cjk_run(s: &str, run: &Range<usize>, run_text: &str) -> bool {
    if run_text == "．" {
        let digits_around = char_before(s, run.start).is_some_and(char::is_numeric)
            && char_at(s, run.end).is_some_and(char::is_numeric);
        return !digits_around;
    }
    run_text.chars().any(is_cjk_terminator)
}

/// Re-tokenized text puts spaces inside quotes (`we will win . " He left`): a lone group of
/// closers between spaces right after a terminator still belongs to the sentence it closes.
fn absorb_detached_closers(s: &str, pos: usize) -> usize {
    let tail = s.get(pos..).unwrap_or("");
    let mut chars = tail.char_indices().skip_while(|&(_, c)| is_space(c)).peekable();
    let mut end = None;
    while let Some(&(i, c)) = chars.peek() {
        if !is_closer(c) {
            break;
        }
        end = Some(i + c.len_utf8());
        chars.next();
    }
    match (end, chars.peek()) {
        (Some(end), None) => pos + end,
        (Some(end), Some(&(_, c))) if is_space(c) => pos + end,
        _ => pos,
    }
}

/// Reads what follows a terminator, from `pos` (a space) on.
fn read_next(s: &str, pos: usize) -> Next<'_> {
    let tail = s.get(pos..).unwrap_or("");
    let mut quoted = false;
    for (n, (i, c)) in tail.char_indices().enumerate() {
        if n >= MAX_LOOKAHEAD_CHARS {
            // Miles of dashes or quotes: whatever comes next, it is not this sentence any more.
            return Next::Starts(NextWord {
                at: pos + i,
                first: c,
                word: "",
                quoted,
                initial: false,
            });
        }
        if is_space(c) {
            continue;
        }
        if is_lead_in(c) {
            quoted |= is_opening_quote(c);
            continue;
        }
        if c.is_lowercase() || is_trailing_punct(c) {
            return Next::Continues;
        }
        let rest = tail.get(i..).unwrap_or("");
        let word_len: usize = rest
            .chars()
            .take(MAX_WORD_CHARS)
            .take_while(|c| c.is_alphabetic())
            .map(char::len_utf8)
            .sum();
        let word = rest.get(..word_len).unwrap_or("");
        let initial = word.chars().count() == 1 && char_at(rest, word_len) == Some('.');
        return Next::Starts(NextWord {
            at: pos + i,
            first: c,
            word,
            quoted,
            initial,
        });
    }
    Next::End
}

/// `“Why?” Smith asked.`: after a quoted question or exclamation, up to three capitalized
/// words and a speech verb attribute the quote instead of starting a sentence. (After a
/// period the writer chose to end the sentence; a comma would have kept it going.)
fn attribution_follows(s: &str, at: usize) -> bool {
    let tail = s.get(at..).unwrap_or("");
    let end = tail
        .char_indices()
        .nth(MAX_ATTRIBUTION_CHARS)
        .map_or(tail.len(), |(i, _)| i);
    let window = tail.get(..end).unwrap_or("");
    for (n, word) in window.split_whitespace().take(4).enumerate() {
        let letters = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if n > 0 && SPEECH_VERBS.contains(&letters) {
            return true;
        }
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// Whether a single period at `dot` ends the sentence, judging by the word before it.
fn period_allows_cut(
    s: &str,
    dot: usize,
    sentence_start: Option<usize>,
    next: &NextWord,
    closed: bool,
) -> bool {
    let Some((token_start, raw)) = token_before(s, dot) else {
        return true; // too long to be an abbreviation
    };
    let token = raw.trim_start_matches(is_lead_in);
    if opens_sentence(s, token_start, sentence_start) && is_list_marker(token) {
        return false;
    }
    // `you and I. Did…`: after a lowercase word, `I` is the pronoun, not an initial
    // (`Albert I. Jones`), and ends the sentence like any word.
    if token == "I" && word_before(s, token_start).is_some_and(|w| w.starts_with(char::is_lowercase)) {
        return true;
    }
    // `vom 12. Juni`: a day number before a month name is a German ordinal date.
    if (1..=2).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit()) && is_month_name(next.word) {
        return false;
    }
    // `a 6. 1-magnitude quake`, `a level of 0. 07 percent`, `USB 3. 0,`: a decimal point with
    // a space after it, as texts spaced after every point give it (all of ECB+), not the end of
    // a sentence (176 of ECB+'s 14,383 cuts were these, each leaving two pieces no other report
    // states). Told by the figure after it running on into letters (`1-magnitude`, `7GHz`) or
    // into a word of measure (`46. 8 percent`), or by a word before the figure that no sentence
    // ends on (`of 0.`, `a 6.`); `1 + 1 es 2. 2 + 2 es 4.`, `He died at 85. 2 sons survive him.`
    // are two sentences each. A day and a month after the figure (`Dies
    // Aged 91. 07 June 2013`) start a line of the page run into this one.
    let figure = token.trim_start_matches(['$', '€', '£']);
    let spaced_decimal = || {
        let after = s.get(next.at..).unwrap_or("");
        let digits_end = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
        let rest = &after[digits_end..];
        // A letter, hyphen or percent sign right after the decimals, or a unit word after them;
        // not a comma or any word (`He was 45. 1,200 people came`, `48. 12 senators did not`).
        let glued = rest.starts_with(|c: char| c.is_alphabetic() || c == '-' || c == '%')
            || rest.strip_prefix(' ').is_some_and(|r| DECIMAL_UNITS.contains(&r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("")));
        let month = is_month_name(rest.trim_start().split(|c: char| !c.is_alphabetic()).next().unwrap_or(""));
        let before = word_before(s, token_start).map(|w| w.to_lowercase());
        let leads_in = before.is_some_and(|w| DECIMAL_LEAD_INS.contains(&w.as_str()));
        s.get(dot + 1..next.at) == Some(" ") && (glued || leads_in) && !month
    };
    if (1..=3).contains(&figure.len()) && figure.bytes().all(|b| b.is_ascii_digit()) && next.first.is_ascii_digit() && spaced_decimal() {
        return false;
    }
    match abbreviation(token) {
        // `At 5 a.m. Mr. Smith went…`: a time phrase that opens the sentence is not one.
        Some(Abbrev::Clock) if fronted_time(s, sentence_start, token_start) => false,
        Some(kind) => kind.allows_cut(next, closed),
        None => true,
    }
}

/// Words before a figure that no sentence ends on, so that a point after the figure is a
/// decimal point (see [`period_allows_cut`]).
const DECIMAL_LEAD_INS: &[&str] = &["a", "an", "of", "the"];

/// Words of measure after a figure's decimals (`46. 8 percent`, `14. 4 points`), which a new
/// sentence opening with a figure seldom has next.
const DECIMAL_UNITS: &[&str] = &[
    "billion", "feet", "hours", "inches", "kilometers", "kilometres", "meters", "metres", "miles", "million", "minutes", "per", "percent",
    "points", "pounds", "seconds", "trillion", "yards",
];

/// Whether the sentence so far, before the word at `at`, is a preposition and a time
/// (`At 5`, `By 10:30`, `Shortly after 6`) and nothing else.
fn fronted_time(s: &str, sentence_start: Option<usize>, at: usize) -> bool {
    let Some(start) = sentence_start.filter(|&start| start <= at && at - start <= 32) else {
        return false;
    };
    let words: Vec<&str> = s.get(start..at).unwrap_or("").split_whitespace().collect();
    match words.as_slice() {
        [first, .., time] if words.len() <= 3 => {
            TIME_PREPOSITIONS.contains(&first.trim_start_matches(is_lead_in))
                && time.starts_with(|c: char| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The word before the one starting at `start`, across a few spaces.
fn word_before(s: &str, start: usize) -> Option<&str> {
    let head = s.get(..start)?;
    let spaces: usize = head.chars().rev().take(4).take_while(|&c| is_space(c)).map(char::len_utf8).sum();
    token_before(s, start - spaces).map(|(_, w)| w).filter(|w| !w.is_empty())
}

/// The word that ends at `end` (back to the previous space), or `None` when it is too long.
fn token_before(s: &str, end: usize) -> Option<(usize, &str)> {
    let head = s.get(..end)?;
    let mut start = end;
    for (n, (i, c)) in head.char_indices().rev().enumerate() {
        if is_space(c) {
            break;
        }
        if n >= MAX_TOKEN_CHARS {
            return None;
        }
        start = i;
    }
    head.get(start..).map(|t| (start, t))
}

/// Whether only spaces, bullets and other lead-ins (`• 9.`) stand between the start of the
/// sentence and `at`; a short stretch only, so that no text is read twice.
fn opens_sentence(s: &str, at: usize, sentence_start: Option<usize>) -> bool {
    sentence_start.is_some_and(|start| {
        start <= at && at - start <= 16 && s.get(start..at).is_some_and(|t| t.chars().all(|c| is_space(c) || is_lead_in(c)))
    })
}

/// `1.`, `a.`, `iv.` at the very start of a sentence number a list item.
fn is_list_marker(token: &str) -> bool {
    let digits = (1..=3).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_digit());
    let mut chars = token.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    let roman = (1..=4).contains(&token.len())
        && (token.bytes().all(|b| b"ivx".contains(&b)) || token.bytes().all(|b| b"IVX".contains(&b)));
    digits || single_letter || roman
}

/// The text between cuts, trimmed, with empty pieces dropped.
fn trimmed_pieces(s: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut pieces = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for &end in cuts.iter().chain(std::iter::once(&s.len())) {
        if let Some(piece) = s.get(start..end) {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed_end = start + piece.trim_end().len();
            if start + lead < trimmed_end {
                pieces.push(start + lead..trimmed_end);
            }
        }
        start = end;
    }
    pieces
}

/// Pieces without a letter or digit (a stray `”`, an emoji, `...`) are not sentences: they
/// join the sentence before them, or the one after when they open the block.
fn attach_bare_punctuation(s: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    let mut pending: Option<Range<usize>> = None;
    for piece in pieces {
        let wordy = s
            .get(piece.clone())
            .is_some_and(|t| t.chars().any(char::is_alphanumeric));
        if wordy {
            let start = pending.take().map_or(piece.start, |p| p.start);
            out.push(start..piece.end);
        } else if let Some(last) = out.last_mut() {
            last.end = piece.end;
        } else {
            pending = Some(pending.map_or(piece.start, |p| p.start)..piece.end);
        }
    }
    out.extend(pending);
    out
}

#[cfg(test)]
mod tests;
