//! The report: every type that leaves the crate, in one place.
//!
//! This is the stable contract (`version` 1) that the JS API returns as an object and the
//! CLI prints as JSON. Offsets here are UTF-16 code units into the source's input text, so
//! that in JS `text.slice(start, end)` gives back the span; inside the crate spans are byte
//! offsets, and [`crate::offsets`] converts them once, when the report is assembled.

use serde::{Deserialize, Serialize};

/// The version of the report format; bumped on any incompatible change.
pub const REPORT_VERSION: u32 = 1;

/// One article to compare: a display name and the text as pasted, or the page's HTML.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct SourceInput {
    /// Shown in the report and the page; usually a file name or an outlet.
    pub name: String,
    /// The article as copied from a web page, page chrome and all; or the page's HTML.
    pub text: String,
    /// Whether `text` is plain text or HTML; [`Format::Auto`] reads a whole HTML document as
    /// HTML (with the `html` feature) and anything else as text.
    #[serde(default)]
    pub format: Format,
}

impl SourceInput {
    /// A source of plain text, or of HTML when the text is a whole HTML document.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceInput {
        SourceInput { name: name.into(), text: text.into(), format: Format::Auto }
    }

    /// A source that is a web page's HTML.
    pub fn html(name: impl Into<String>, html: impl Into<String>) -> SourceInput {
        SourceInput { name: name.into(), text: html.into(), format: Format::Html }
    }
}

/// What a source's input is.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Decide from the input: a whole HTML document is HTML, anything else text.
    #[default]
    Auto,
    /// Plain text, as pasted.
    Text,
    /// A web page's HTML.
    Html,
}

/// The full result of [`crate::compare`].
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Report {
    /// Always [`REPORT_VERSION`].
    pub version: u32,
    /// One entry per input, in input order.
    pub sources: Vec<SourceReport>,
    /// Each unordered pair of matching sentences from different sources, once, `a` before `b`.
    pub matches: Vec<Match>,
    /// Families of sentences that say the same thing, shared by the most sources first. Every matched
    /// sentence is in exactly one.
    pub groups: Vec<Group>,
    /// Direct quotations, each linked across every source that carries it.
    pub quotes: Vec<Quote>,
    /// `similarity[i][j]`: the share of sentences of sources `i` and `j` that match the
    /// other source (1 on the diagonal).
    pub similarity: Vec<Vec<f64>>,
    /// Which matching ran: `semantic` when sentence vectors were loaded, else `lexical`.
    pub matching: Matching,
}

/// Which kind of matching produced a report.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Matching {
    /// Word overlap, order and anchors only: the same claim in other words may be missed.
    Lexical,
    /// Word overlap plus static sentence embeddings, so paraphrases are found too.
    Semantic,
}

/// One article after cleaning and splitting.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SourceReport {
    /// The name given in the input.
    pub name: String,
    /// The headline, when the text has one.
    pub title: Option<String>,
    /// The publisher, when the text names it (header block, sign-off, dateline, copyright).
    pub outlet: Option<String>,
    /// Publication date as `YYYY-MM-DD`, when the text gives one.
    pub published: Option<String>,
    /// Bylined authors, in order.
    pub authors: Vec<String>,
    /// The article's sentences in reading order: title, captions, body.
    pub sentences: Vec<Sentence>,
    /// Spans of the input that are not article text, each with why it was removed.
    pub removed: Vec<Removed>,
    /// How the input was read: `text`, or `html` for a web page.
    pub format: Format,
    /// For a web page: its visible text, which the offsets of `sentences` and `removed`
    /// index (for text, they index the input itself, and this is `null`).
    pub text: Option<String>,
    /// The page's canonical URL, when its HTML gives one.
    pub url: Option<String>,
    /// The language: as a web page's HTML declares it (`en`, `de-at`), else as its kept text
    /// reads ([`crate::language::identify`]: `en`, `ko`), or `null` when neither tells.
    pub lang: Option<String>,
    /// Publication date and time as the page gives it (ISO 8601), when it gives a time.
    pub datetime: Option<String>,
}

/// One sentence of an article.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Sentence {
    /// The sentence exactly as in the input (`input.slice(start, end)`).
    pub text: String,
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// What part of the article it is.
    pub role: Role,
    /// How many other sources share it: a reported match with it, or a member in its group.
    pub support: usize,
    /// Index into `groups`, when it belongs to one.
    pub group: Option<usize>,
    /// For a sentence no other source shares: its closest sentence in the other sources, when
    /// one is close enough to show, so that a reader can judge the verdict "unique".
    pub nearest: Option<Nearest>,
}

/// The closest sentence of another source to a sentence left unique.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Nearest {
    /// Index into `sources`.
    pub source: usize,
    /// Index into that source's `sentences`.
    pub sentence: usize,
    /// How likely the two state the same claim, 0 to 1 (below the threshold for a match).
    pub score: f64,
}

/// What part of an article a sentence is.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The headline.
    Title,
    /// Running text.
    Body,
    /// An image caption.
    Caption,
    /// A broadcast speaker label such as `Jane Doe / Minister`; never matched.
    Speaker,
}

/// A span of the input that is not article text.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Removed {
    /// The removed text exactly as in the input.
    pub text: String,
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// Why it was removed.
    pub reason: Reason,
}

/// Why a span was removed.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Reason {
    /// Subscription, sign-in, app and newsletter prompts, share buttons and similar chrome.
    Boilerplate,
    /// Menus, related-story and headline lists.
    Navigation,
    /// Tip lines, phone numbers, e-mail addresses, addresses.
    Contact,
    /// Copyright and rights lines.
    Copyright,
    /// Photo and image credits.
    Credit,
    /// Site chrome in another language (script) than the article.
    Language,
    /// A repeated copy of text that appears earlier in the same input.
    Duplicate,
    /// Date, byline, outlet, section and programme lines, read into the metadata.
    Metadata,
    /// Script labels such as `[LEAD]` or `[REPORT]`.
    Label,
    /// Reader comments under a web page's article.
    Comments,
    /// Other parts of a web page than the article: sidebars, teasers, page furniture.
    Outside,
}

/// How closely two matched sentences agree.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// The same words after normalization (NFKC, case, quote/dash/apostrophe variants, spacing).
    Identical,
    /// Small edits: attribution changed, spelling variants, a clause added or cut.
    Minor,
    /// The same claim in other words.
    Paraphrase,
}

/// A pair of sentences from two different sources that carry the same content.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Match {
    /// `[source, sentence]` of the first sentence (the lower source index).
    pub a: (usize, usize),
    /// `[source, sentence]` of the second sentence.
    pub b: (usize, usize),
    /// How closely they agree.
    pub kind: Kind,
    /// Similarity in 0..=1 (1 for identical).
    pub score: f64,
    /// Word-level differences, in reading order, covering both sentences.
    pub diff: Vec<DiffOp>,
    /// Details that differ between the two: numbers, names, places, days, or a claim one
    /// affirms and the other denies.
    pub conflicts: Vec<Conflict>,
}

/// One step of a word-level diff between `a` and `b` of a match.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DiffOp {
    /// `equal`, `delete` (only in `a`), `insert` (only in `b`).
    pub op: DiffTag,
    /// The words of `a` this step covers (empty for `insert`).
    pub a: String,
    /// The words of `b` this step covers (empty for `delete`).
    pub b: String,
}

/// The kind of a [`DiffOp`].
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DiffTag {
    /// Present in both.
    Equal,
    /// Only in `a`.
    Delete,
    /// Only in `b`.
    Insert,
}

/// A detail that two matched sentences state differently.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Conflict {
    /// `number`, `name`, `place`, `date` or `polarity`.
    pub kind: ConflictKind,
    /// The detail as `a` states it.
    pub a: String,
    /// The detail as `b` states it.
    pub b: String,
}

/// The kind of a [`Conflict`].
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum ConflictKind {
    /// Different figures.
    Number,
    /// Different people or organisations.
    Name,
    /// Different places (including `X-based`).
    Place,
    /// Different days, months or years.
    Date,
    /// The same claim, affirmed by one and denied by the other (`has shown` / `has not
    /// shown`); `a` and `b` are the negating or affirming words as each states them.
    Polarity,
}

/// A family of sentences from different sources that say the same thing.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Group {
    /// `[source, sentence]` of each member, by source: one sentence per source, except where a
    /// source says the same thing in two sentences.
    pub members: Vec<(usize, usize)>,
    /// The closest kind of match that links members (identical before minor before paraphrase).
    pub kind: Kind,
    /// The text of the member with the most links inside the group, for display.
    pub text: String,
}

/// A direct quotation and every source that carries it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Quote {
    /// Who said it, when an attribution was found.
    pub speaker: Option<String>,
    /// The longest variant, for display.
    pub text: String,
    /// Each place the quotation occurs, at most one per sentence.
    pub occurrences: Vec<QuoteOccurrence>,
}

/// Where a quotation occurs.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QuoteOccurrence {
    /// Index into `sources`.
    pub source: usize,
    /// Index into that source's `sentences`.
    pub sentence: usize,
    /// The quoted words as this source gives them, without the quote marks.
    pub text: String,
    /// Start, in UTF-16 code units into the input.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units into the input.
    pub end: usize,
    /// Who this source says said it.
    pub speaker: Option<String>,
}

/// Which matches to report.
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(default, rename_all = "camelCase")]
pub struct Options {
    /// Match kinds to report; the others are dropped before groups and support are derived.
    pub kinds: Vec<Kind>,
    /// Matches scoring below this are dropped.
    pub min_score: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options { kinds: vec![Kind::Identical, Kind::Minor, Kind::Paraphrase], min_score: 0.0 }
    }
}
