//! storydiff: compare how different outlets report the same news story.
//!
//! ```
//! use storydiff::{compare, Options, SourceInput};
//!
//! let sources = vec![
//!     SourceInput::new("wire", "Rain fell on Paris on Monday. Officials said roads were closed."),
//!     SourceInput::new("paper", "Rain fell on Paris on Monday. The mayor thanked volunteers."),
//! ];
//! let report = compare(&sources, &Options::default()).unwrap();
//! assert_eq!(report.matches.len(), 1);
//! assert_eq!(report.sources[0].sentences[1].support, 0); // only the wire has it
//! ```

pub mod report;
pub mod offsets;
pub mod group;
pub mod hash;
pub mod align;
pub mod explain;
pub mod anchor;
pub mod blocks;
pub mod clean;
#[cfg(feature = "html")]
pub mod html;
#[cfg(feature = "html")]
pub mod extract;
pub mod index;
pub mod language;
pub mod lexicon;
pub mod normalize;
pub mod polarity;
pub mod quote;
pub mod refute;
pub mod segment;
pub mod tape;
pub mod embed;
pub mod wordpiece;
pub mod neighbors;
pub mod score;
mod sort;
mod lcs;

pub use report::*;

use std::fmt;

/// Why a comparison could not run; the message is meant for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Fewer than two sources were given.
    TooFewSources(usize),
    /// A source has no text.
    EmptySource(String),
    /// A source is not text (control bytes, NULs, replacement characters).
    BinarySource(String),
    /// More sources than [`MAX_SOURCES`].
    TooManySources(usize),
    /// A source longer than [`MAX_SOURCE_BYTES`]: its name and length in bytes.
    SourceTooLarge(String, usize),
    /// All sources together longer than [`MAX_TOTAL_BYTES`]: their length in bytes.
    TooMuchText(usize),
    /// A minimum score outside 0..=1 (or not a number).
    BadOption(String),
    /// A source given as HTML to a build without the `html` feature.
    HtmlUnsupported(String),
}

/// The most sources one comparison takes.
pub const MAX_SOURCES: usize = 2000;
/// The most UTF-8 bytes one source may have (8 MiB).
pub const MAX_SOURCE_BYTES: usize = 8 << 20;
/// The most UTF-8 bytes all sources together may have (64 MiB).
pub const MAX_TOTAL_BYTES: usize = 64 << 20;

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooFewSources(0) => write!(f, "no sources given: compare needs at least two articles"),
            Error::TooFewSources(n) => write!(f, "only {n} source given: compare needs at least two articles"),
            Error::EmptySource(name) => write!(f, "source \"{name}\" is empty"),
            Error::BinarySource(name) => write!(f, "source \"{name}\" is not text (it looks like binary data)"),
            Error::TooManySources(n) => write!(f, "{n} sources given: the limit is {MAX_SOURCES} sources per comparison"),
            Error::SourceTooLarge(name, bytes) => {
                write!(f, "source \"{name}\" has {bytes} bytes: the limit is {MAX_SOURCE_BYTES} bytes (8 MiB) per source")
            }
            Error::TooMuchText(bytes) => write!(f, "the sources have {bytes} bytes in all: the limit is {MAX_TOTAL_BYTES} bytes (64 MiB) per comparison"),
            Error::BadOption(what) => write!(f, "invalid option: {what}"),
            Error::HtmlUnsupported(name) => write!(f, "source \"{name}\" is HTML, and this build of storydiff reads text only (the html build reads web pages)"),
        }
    }
}

impl std::error::Error for Error {}

/// Cleans, splits and cross-matches `sources` by their words alone, returning the full report
/// (`matching` is `lexical`); [`compare_with`] matches by meaning too.
pub fn compare(sources: &[SourceInput], options: &Options) -> Result<Report, Error> {
    compare_with(sources, options, None)
}

/// Cleans, splits and cross-matches `sources`, returning the full report; with `vectors`, the
/// same claim in other words is matched too (`matching` is `semantic`).
///
/// The stages run in order, each a plain function over plain data: [`clean::clean`] each
/// input, [`segment::sentences`] each kept block, [`normalize`] each sentence into words and
/// terms, [`embed`] each sentence into a vector, [`index::candidates`] and
/// [`neighbors::candidates`] to find pairs worth scoring, [`align::align`] to score them with
/// [`score::same_claim`] (and [`align::opposed`] the opposite claims); then [`group::families`]
/// gathers the matches, [`align::implied`] adds the pairs a family implies, [`align::nearest`]
/// finds the closest counterpart of each sentence left unique, and quotations, support and
/// similarity are derived into the report.
pub fn compare_with(sources: &[SourceInput], options: &Options, vectors: Option<&embed::Vectors>) -> Result<Report, Error> {
    check(options)?;
    compare_checked(sources, options, vectors)
}

/// [`compare_with`], the report written as a [tape](tape): what the wasm API hands to JS, equal
/// to `tape::report(&compare_with(…)?)`, without a `String` for each run of each word diff.
pub fn compare_tape(sources: &[SourceInput], options: &Options, vectors: Option<&embed::Vectors>) -> Result<tape::Tape, Error> {
    check(options)?;
    compare_tape_checked(sources, options, vectors)
}

/// Checks the options [`compare_checked`] takes as given.
fn check(options: &Options) -> Result<(), Error> {
    if !(0.0..=1.0).contains(&options.min_score) {
        return Err(Error::BadOption(format!("minScore must be a number from 0 to 1, not {}", options.min_score)));
    }
    Ok(())
}

/// [`compare_with`] once `options.min_score` is known to be in range. The wasm API checks it
/// itself (src/wasm.rs) and calls this, so that [`check`]'s message, the one place that formats
/// an `f64`, is not linked into the shipped module: `core::fmt::float` and `flt2dec` cost
/// 9.9 kB of it gzipped.
pub(crate) fn compare_checked(sources: &[SourceInput], options: &Options, vectors: Option<&embed::Vectors>) -> Result<Report, Error> {
    compare_parts(sources, options, vectors, None)
}

/// [`compare_tape`] once the options are known to be in range (the wasm API checks them; see
/// [`compare_checked`]). The word diffs go from [`explain::explain_spans`] to the tape as spans
/// of their sentences, never as a `String` per run of words.
pub(crate) fn compare_tape_checked(sources: &[SourceInput], options: &Options, vectors: Option<&embed::Vectors>) -> Result<tape::Tape, Error> {
    let mut diffs = Vec::new();
    let report = compare_parts(sources, options, vectors, Some(&mut diffs))?;
    Ok(tape::report_with_diffs(&report, &diffs))
}

/// [`compare_checked`], or with `diffs`, the report with each match's `diff` left empty and
/// its runs pushed to `diffs` instead, as byte spans of the match's two sentences' texts.
fn compare_parts(sources: &[SourceInput], options: &Options, vectors: Option<&embed::Vectors>, diffs: Option<&mut Vec<Vec<explain::DiffSpan>>>) -> Result<Report, Error> {
    let prepared = prepare(sources)?;
    let units = &prepared.units;
    let texts = prepared.texts(sources);
    let embedded = vectors.map(|v| embed::Embedded::new(v, units.iter().map(|u| &texts[u.source][u.span.clone()])));
    let embedded = embedded.as_ref();
    let mut candidates = index::candidates(units, &prepared.index);
    if let Some(e) = embedded {
        // Both lists are sorted and without repeats: merged rather than sorted together (on
        // all 982 ECB+ articles the sort was 4% of a comparison's instructions).
        candidates = index::merge_sorted(candidates, neighbors::candidates(units, &e.data, e.dims));
        candidates.dedup();
    }
    let wanted = |p: &align::Pair| options.kinds.contains(&p.kind) && p.score >= options.min_score;
    let claims = align::UnitClaims::new(units, &prepared.index.vocabulary);
    let (matches, near, screened) = align::align_all(units, &prepared.index, embedded, &candidates, &claims);
    // Only those the screen let through are wanted again (by `nearest`).
    drop(candidates);
    let mut pairs: Vec<align::Pair> = matches.into_iter().filter(wanted).collect();
    let opposed = align::opposed(units, &prepared.index, embedded, &texts, &near, &claims, &pairs);
    pairs.extend(opposed.into_iter().filter(wanted));
    let anchored = anchor::anchored(units, &prepared.index, embedded, &pairs);
    pairs.extend(anchored.into_iter().filter(wanted));
    refute::keep_unrefuted(units, &prepared.index, &texts, &claims, &mut pairs);
    sort::by_key(&mut pairs, |p| sort::pair(p.a, p.b));
    let families = group::families(units, &pairs);
    let mut implied: Vec<align::Pair> = align::implied(units, &prepared.index, embedded, &families, &pairs).into_iter().filter(wanted).collect();
    refute::keep_unrefuted(units, &prepared.index, &texts, &claims, &mut implied);
    pairs.extend(implied);
    sort::by_key(&mut pairs, |p| sort::pair(p.a, p.b));
    let mut lonely = vec![true; units.len()];
    for p in &pairs {
        lonely[p.a] = false;
        lonely[p.b] = false;
    }
    for family in &families {
        family.members.iter().for_each(|&u| lonely[u] = false);
    }
    let nearest = align::nearest(units, &prepared.index, embedded, &screened, &lonely, NEAREST_MIN);
    let matching = if embedded.is_some() { Matching::Semantic } else { Matching::Lexical };
    Ok(assemble(sources, &texts, &prepared, &pairs, families, &nearest, matching, &claims, diffs))
}

/// A sentence left unique is shown its closest counterpart from this probability of stating
/// the same claim on: below it the closest is a sentence on the same topic, which tells the
/// reader nothing the verdict does not.
pub const NEAREST_MIN: f64 = 0.1;

/// The inputs cleaned, split into sentences and indexed: everything before matching.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// Each source's cleaning result.
    pub docs: Vec<clean::Cleaned>,
    /// Every sentence of every source, source by source, in reading order.
    pub units: Vec<index::Unit>,
    /// For each unit, the index of the block (paragraph) of its source it came from.
    pub blocks: Vec<usize>,
    /// Term weights over all units.
    pub index: index::Index,
    /// For each source read as HTML, the page's visible text, which its spans index.
    pub pages: Vec<Option<String>>,
}

impl Prepared {
    /// The text each source's spans index: the input, or for a web page its visible text.
    pub fn texts<'a>(&'a self, sources: &'a [SourceInput]) -> Vec<&'a str> {
        sources.iter().zip(&self.pages).map(|(s, page)| page.as_deref().unwrap_or(&s.text)).collect()
    }
}

/// Reads one source: a web page into its visible text and its article, plain text into its
/// article. Returns the page text (for HTML) and the cleaning result over the text it indexes.
fn read(source: &SourceInput) -> Result<(Option<String>, clean::Cleaned), Error> {
    let html = match source.format {
        Format::Html => true,
        Format::Text => false,
        Format::Auto => cfg!(feature = "html") && is_html_document(&source.text),
    };
    if !html {
        return Ok((None, clean::clean(&source.text)));
    }
    #[cfg(feature = "html")]
    {
        let page = html::read(&source.text);
        let cleaned = extract::article(&page);
        Ok((Some(page.text), cleaned))
    }
    #[cfg(not(feature = "html"))]
    Err(Error::HtmlUnsupported(source.name.clone()))
}

/// Whether `text` is a whole HTML document rather than text (which may quote a tag or two):
/// it opens with a doctype or an `<html>` tag, or with a tag and has a `<body>` or `<head>`.
pub fn is_html_document(text: &str) -> bool {
    let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
    let head: String = start.chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || (head.starts_with('<') && (head.contains("<body") || head.contains("<head")))
}

/// Runs the stages up to matching: validate, clean, split, normalize, index.
pub fn prepare(sources: &[SourceInput]) -> Result<Prepared, Error> {
    validate(sources)?;
    let mut docs = Vec::with_capacity(sources.len());
    // Distinct surfaces and terms come to about a word per six bytes of a few articles, and
    // grow far slower than the text of many.
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let mut vocabulary = normalize::Vocabulary::with_capacity((bytes / 6).min(1 << 16));
    let mut units = Vec::new();
    let mut blocks = Vec::new();
    let mut pages = Vec::with_capacity(sources.len());
    for (s, source) in sources.iter().enumerate() {
        let (page, cleaned) = read(source)?;
        pages.push(page);
        let text = pages[s].as_deref().unwrap_or(&source.text);
        for (b, block) in cleaned.blocks.iter().enumerate() {
            let spans = match block.role {
                Role::Body | Role::Caption => segment::sentences(text, block.span.clone()),
                Role::Title | Role::Speaker => vec![block.span.clone()],
            };
            for span in spans {
                let words = normalize::words(text, span.clone(), &mut vocabulary);
                units.push(index::Unit { source: s, span, role: block.role, words });
                blocks.push(b);
            }
        }
        docs.push(cleaned);
    }
    let index = index::build(&units, vocabulary);
    Ok(Prepared { docs, units, blocks, index, pages })
}

/// Checks the limits and the inputs before any work starts.
fn validate(sources: &[SourceInput]) -> Result<(), Error> {
    if sources.len() < 2 {
        return Err(Error::TooFewSources(sources.len()));
    }
    if sources.len() > MAX_SOURCES {
        return Err(Error::TooManySources(sources.len()));
    }
    if let Some(big) = sources.iter().find(|s| s.text.len() > MAX_SOURCE_BYTES) {
        return Err(Error::SourceTooLarge(big.name.clone(), big.text.len()));
    }
    let total: usize = sources.iter().map(|s| s.text.len()).sum();
    if total > MAX_TOTAL_BYTES {
        return Err(Error::TooMuchText(total));
    }
    for source in sources {
        let text = &source.text;
        if text.trim_matches(|c: char| c.is_whitespace() || c == '\0' || c == '\u{FEFF}').is_empty() {
            return Err(Error::EmptySource(source.name.clone()));
        }
        // Binary data decodes to control characters and replacement characters; a few NULs
        // in text are noise, but text that is half NULs is UTF-16 read as bytes.
        let Signs { all, odd, nul } = binary_signs(text);
        if odd * 10 > all || nul * 3 > all {
            return Err(Error::BinarySource(source.name.clone()));
        }
    }
    Ok(())
}

/// What tells binary data from text, counted in characters.
#[derive(Debug, PartialEq)]
struct Signs {
    /// Characters.
    all: usize,
    /// Control characters other than whitespace and NUL, and U+FFFD (what an undecodable byte
    /// becomes).
    odd: usize,
    /// NULs.
    nul: usize,
}

/// Counts [`Signs`] from the bytes, which spares decoding every character of the input: the
/// only non-ASCII characters that count are the C1 controls (`C2 80`–`C2 9F`, but U+0085,
/// which is whitespace) and U+FFFD (`EF BF BD`).
fn binary_signs(text: &str) -> Signs {
    let b = text.as_bytes();
    let mut signs = Signs { all: text.chars().count(), odd: 0, nul: 0 };
    for (i, &x) in b.iter().enumerate() {
        if x >= 0x20 && !matches!(x, 0x7F | 0xC2 | 0xEF) {
            continue;
        }
        match x {
            0 => signs.nul += 1,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => {}
            0xC2 => signs.odd += matches!(b.get(i + 1), Some(0x80..=0x84 | 0x86..=0x9F)) as usize,
            0xEF => signs.odd += (b.get(i + 1..i + 3) == Some(&[0xBF, 0xBD][..])) as usize,
            _ => signs.odd += 1,
        }
    }
    signs
}

/// Derives groups, support, quotations and the similarity matrix from the scored pairs, and
/// writes the report with UTF-16 offsets.
#[allow(clippy::too_many_arguments)]
fn assemble(
    sources: &[SourceInput],
    texts: &[&str],
    prepared: &Prepared,
    pairs: &[align::Pair],
    groups: Vec<group::Family>,
    nearest: &[Option<(usize, f64)>],
    matching: Matching,
    claims: &align::UnitClaims,
    mut diffs: Option<&mut Vec<Vec<explain::DiffSpan>>>,
) -> Report {
    let (docs, units, blocks_of) = (&prepared.docs, &prepared.units, &prepared.blocks);
    let n = sources.len();
    // Local sentence number of each unit, and the first unit of each source.
    let mut local = vec![0usize; units.len()];
    let mut first = vec![units.len(); n];
    let mut count = vec![0usize; n];
    for (u, unit) in units.iter().enumerate() {
        local[u] = count[unit.source];
        count[unit.source] += 1;
        first[unit.source] = first[unit.source].min(u);
    }
    let at = |u: usize| (units[u].source, local[u]);

    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); units.len()];
    for p in pairs {
        partners[p.a].push(units[p.b].source);
        partners[p.b].push(units[p.a].source);
    }
    let mut group_of = vec![None; units.len()];
    for (g, family) in groups.iter().enumerate() {
        for &u in &family.members {
            group_of[u] = Some(g);
            partners[u].extend(family.members.iter().map(|&v| units[v].source).filter(|&s| s != units[u].source));
        }
    }
    for list in partners.iter_mut() {
        list.sort_unstable();
        list.dedup();
    }

    let maps: Vec<offsets::Utf16Map> = texts.iter().map(|t| offsets::Utf16Map::new(t)).collect();
    let span16 = |s: usize, span: &std::ops::Range<usize>| (maps[s].utf16(span.start), maps[s].utf16(span.end));

    let mut reports: Vec<SourceReport> = sources
        .iter()
        .zip(docs)
        .enumerate()
        .map(|(s, (source, doc))| SourceReport {
            name: source.name.clone(),
            title: doc.meta.title.clone(),
            outlet: doc.meta.outlet.clone(),
            published: doc.meta.published.clone(),
            authors: doc.meta.authors.clone(),
            sentences: Vec::with_capacity(count[s]),
            removed: doc
                .removed
                .iter()
                .map(|cut| {
                    let (start, end) = span16(s, &cut.span);
                    Removed { text: texts[s][cut.span.clone()].to_string(), start, end, reason: cut.reason }
                })
                .collect(),
            format: if prepared.pages[s].is_some() { Format::Html } else { Format::Text },
            text: prepared.pages[s].clone(),
            url: doc.meta.url.clone(),
            lang: doc.meta.lang.clone().or_else(|| language::identify(units[first[s]..first[s] + count[s]].iter().map(|u| &texts[s][u.span.clone()])).map(String::from)),
            datetime: doc.meta.datetime.clone(),
        })
        .collect();
    for (u, unit) in units.iter().enumerate() {
        let (start, end) = span16(unit.source, &unit.span);
        reports[unit.source].sentences.push(Sentence {
            text: texts[unit.source][unit.span.clone()].to_string(),
            start,
            end,
            role: unit.role,
            support: partners[u].len(),
            group: group_of[u],
            nearest: nearest[u].filter(|_| partners[u].is_empty()).map(|(v, score)| Nearest { source: units[v].source, sentence: local[v], score }),
        });
    }

    let matches = pairs
        .iter()
        .map(|p| {
            let side = |u: usize| claims.side(units, &prepared.index, texts, u);
            let (v, with_conflicts) = (&prepared.index.vocabulary, p.kind != Kind::Identical);
            let (diff, conflicts) = match diffs.as_deref_mut() {
                None => explain::explain(v, &side(p.a), &side(p.b), with_conflicts),
                Some(diffs) => {
                    let (runs, conflicts) = explain::explain_spans(v, &side(p.a), &side(p.b), with_conflicts);
                    // From the source's text to the sentence's.
                    let within = |span: &std::ops::Range<usize>, u: usize| if span.is_empty() { 0..0 } else { span.start - units[u].span.start..span.end - units[u].span.start };
                    diffs.push(runs.into_iter().map(|r| explain::DiffSpan { a: within(&r.a, p.a), b: within(&r.b, p.b), op: r.op }).collect());
                    (Vec::new(), conflicts)
                }
            };
            Match { a: at(p.a), b: at(p.b), kind: p.kind, score: p.score, diff, conflicts }
        })
        .collect();

    let groups = groups
        .into_iter()
        .map(|family| {
            let text = texts[units[family.center].source][units[family.center].span.clone()].to_string();
            Group { members: family.members.iter().map(|&u| at(u)).collect(), kind: family.kind, text }
        })
        .collect();

    let mut quoted = Vec::new();
    for s in 0..n {
        let range = first[s]..first[s] + count[s];
        if range.is_empty() {
            continue;
        }
        quoted.extend(quote::extract(texts[s], &units[range.clone()], &blocks_of[range], first[s], &prepared.index.vocabulary));
    }
    let quotes = group::quote_families(units, &prepared.index, &quoted, pairs)
        .into_iter()
        .map(|family| {
            let occurrences: Vec<QuoteOccurrence> = family
                .iter()
                .map(|&q| {
                    let quote = &quoted[q];
                    let s = units[quote.unit].source;
                    let (start, end) = span16(s, &quote.span);
                    QuoteOccurrence { source: s, sentence: local[quote.unit], text: texts[s][quote.span.clone()].to_string(), start, end, speaker: quote.speaker.clone() }
                })
                .collect();
            let text = occurrences.iter().map(|o| &o.text).max_by_key(|t| t.chars().count()).cloned().unwrap_or_default();
            Quote { speaker: group::consensus(occurrences.iter().map(|o| o.speaker.as_deref())), text, occurrences }
        })
        .collect();

    let similarity = group::similarity(units, &partners, n);
    Report { version: REPORT_VERSION, sources: reports, matches, groups, quotes, similarity, matching }
}

#[cfg(target_arch = "wasm32")]
mod wasm;

#[cfg(test)]
mod tests {
    use super::*;

    /// [`Signs`] as the definition says, character by character.
    fn signs_by_chars(text: &str) -> Signs {
        let mut signs = Signs { all: 0, odd: 0, nul: 0 };
        for c in text.chars() {
            signs.all += 1;
            match c {
                '\0' => signs.nul += 1,
                '\u{FFFD}' => signs.odd += 1,
                c if c.is_control() && !c.is_whitespace() => signs.odd += 1,
                _ => {}
            }
        }
        signs
    }

    #[test]
    fn binary_signs_counted_from_bytes_are_those_of_the_characters() {
        let samples = [
            "", "plain text\r\n\ttabbed", "nul\0 and bell\u{7} and del\u{7F}", "C1: \u{80}\u{85}\u{9F}\u{A0}\u{AB}",
            "replacement \u{FFFD}\u{FFFC}\u{FFFE} \u{EFBF}", "Korea’s 뉴스 東京 🗳 \u{2028}", "\u{C2}\u{BF}\u{BD}",
        ];
        for text in samples {
            assert_eq!(binary_signs(text), signs_by_chars(text), "{text:?}");
        }
        let every: String = (0..0x3000u32).chain(0xFFF0..0x10000).filter_map(char::from_u32).collect();
        assert_eq!(binary_signs(&every), signs_by_chars(&every));
    }
}
