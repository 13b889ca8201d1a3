//! The report written to a tape by hand (see [`report`]).

use super::*;
use crate::explain::DiffSpan;
use crate::report::{ConflictKind, DiffTag, Format, Match, Matching, Quote, Reason, Report, Role, SourceReport};

/// Writes a report as a tape, field by field: the value [`encode`](super::encode) writes of it (a test checks
/// both decode to the same JSON), without serde's generic serializer, which the report's types
/// instantiated into 3.8 kB of the shipped wasm (gzipped), and without looking each field's key
/// up in a hash map.
pub fn report(r: &Report) -> Tape {
    let mut w = Writer { tape: Tape::default(), keys: [u32::MAX; KEYS], next: 0, units: 0, sentences: Vec::new() };
    w.report(r, None);
    w.tape
}

/// [`report`] of a report whose matches' word diffs are given apart: `diffs[k]` is match
/// `k`'s, each run as byte spans of its two sentences' texts (the matches' own `diff` is not
/// read). The tape is the one [`report`] writes of the report with those diffs in it.
pub(crate) fn report_with_diffs(r: &Report, diffs: &[Vec<DiffSpan>]) -> Tape {
    let mut w = Writer { tape: room_for(r, diffs), keys: [u32::MAX; KEYS], next: 0, units: 0, sentences: Vec::new() };
    w.report(r, Some(diffs));
    w.tape
}

/// An empty tape with room for about what [`report_with_diffs`] writes of `r`: the parts of
/// each item as [`Writer`] writes them, so that the tape is not copied again and again as it
/// grows (all 982 ECB+ articles: 25 MB of integers).
fn room_for(r: &Report, diffs: &[Vec<DiffSpan>]) -> Tape {
    let n = r.sources.len();
    let (mut ints, mut floats, mut text) = (64 + n * (2 + 2 * n), r.matches.len(), 2048);
    for s in &r.sources {
        ints += 40 + 24 * s.sentences.len() + 14 * s.removed.len();
        floats += s.sentences.len();
        text += s.sentences.iter().map(|x| x.text.len()).sum::<usize>() + s.removed.iter().map(|x| x.text.len()).sum::<usize>();
        let given = [&s.title, &s.outlet, &s.published, &s.text, &s.url, &s.lang, &s.datetime];
        text += 16 + s.name.len() + given.iter().filter_map(|x| x.as_ref()).map(String::len).sum::<usize>() + s.authors.iter().map(String::len).sum::<usize>();
    }
    // A conflict's words are written out when they are not its sentence's (`X-based`).
    text += r.matches.iter().flat_map(|m| &m.conflicts).map(|c| c.a.len() + c.b.len()).sum::<usize>();
    ints += r.matches.iter().map(|m| 28 + 13 * m.conflicts.len()).sum::<usize>() + 13 * diffs.iter().map(Vec::len).sum::<usize>();
    ints += r.groups.iter().map(|g| 12 + 6 * g.members.len()).sum::<usize>();
    ints += r.quotes.iter().map(|q| 12 + 22 * q.occurrences.len()).sum::<usize>();
    text += r.groups.iter().map(|g| g.text.len()).sum::<usize>() + r.quotes.iter().map(|q| q.text.len()).sum::<usize>();
    Tape { ints: Vec::with_capacity(ints), floats: Vec::with_capacity(floats), text: String::with_capacity(text) }
}

/// Every key a report has, and the names of its enums (written as [`NAME`]s), in the order of
/// [`Key::text`].
#[derive(Clone, Copy)]
enum Key {
    Version,
    Sources,
    Matches,
    Groups,
    Quotes,
    Similarity,
    Matching,
    Name,
    Title,
    Outlet,
    Published,
    Authors,
    Sentences,
    Removed,
    Text,
    Start,
    End,
    Role,
    Support,
    Group,
    Nearest,
    Source,
    Sentence,
    Score,
    Reason,
    A,
    B,
    Kind,
    Diff,
    Conflicts,
    Op,
    Members,
    Speaker,
    Occurrences,
    Format,
    Url,
    Lang,
    Datetime,
    // The names that are not keys too (`title`, `speaker` and `name` are).
    Equal,
    Delete,
    Insert,
    Identical,
    Minor,
    Paraphrase,
    Body,
    Caption,
    Boilerplate,
    Navigation,
    Contact,
    Copyright,
    Credit,
    Language,
    Duplicate,
    Metadata,
    Label,
    Comments,
    Outside,
    Number,
    Place,
    Date,
    Polarity,
}

/// How many [`Key`]s there are.
const KEYS: usize = Key::Polarity as usize + 1;

impl Key {
    /// The key as the report's JSON names it.
    fn text(self) -> &'static str {
        use Key::*;
        match self {
            Version => "version",
            Sources => "sources",
            Matches => "matches",
            Groups => "groups",
            Quotes => "quotes",
            Similarity => "similarity",
            Matching => "matching",
            Name => "name",
            Title => "title",
            Outlet => "outlet",
            Published => "published",
            Authors => "authors",
            Sentences => "sentences",
            Removed => "removed",
            Text => "text",
            Start => "start",
            End => "end",
            Role => "role",
            Support => "support",
            Group => "group",
            Nearest => "nearest",
            Source => "source",
            Sentence => "sentence",
            Score => "score",
            Reason => "reason",
            A => "a",
            B => "b",
            Kind => "kind",
            Diff => "diff",
            Conflicts => "conflicts",
            Op => "op",
            Members => "members",
            Speaker => "speaker",
            Occurrences => "occurrences",
            Format => "format",
            Url => "url",
            Lang => "lang",
            Datetime => "datetime",
            Equal => "equal",
            Delete => "delete",
            Insert => "insert",
            Identical => "identical",
            Minor => "minor",
            Paraphrase => "paraphrase",
            Body => "body",
            Caption => "caption",
            Boilerplate => "boilerplate",
            Navigation => "navigation",
            Contact => "contact",
            Copyright => "copyright",
            Credit => "credit",
            Language => "language",
            Duplicate => "duplicate",
            Metadata => "metadata",
            Label => "label",
            Comments => "comments",
            Outside => "outside",
            Number => "number",
            Place => "place",
            Date => "date",
            Polarity => "polarity",
        }
    }
}

/// The writer behind [`report`].
struct Writer {
    tape: Tape,
    /// Each key's index once written, else `u32::MAX`.
    keys: [u32; KEYS],
    /// The index of the next new key.
    next: u32,
    /// The length of the text written so far, in UTF-16 units (what a [`SLICE`] counts).
    units: usize,
    /// Where each sentence's text starts in the text, by source.
    sentences: Vec<Vec<usize>>,
}

/// A sentence's text and where it starts in the tape's text (in UTF-16 units).
type Written<'r> = (&'r str, usize);

impl Writer {
    fn push(&mut self, n: u32) {
        self.tape.ints.push(n);
    }

    fn key(&mut self, key: Key) {
        let known = self.keys[key as usize];
        if known != u32::MAX {
            self.push(known);
        } else {
            self.keys[key as usize] = self.next;
            self.next += 1;
            self.push(NEW_KEY + key.text().len() as u32);
            self.tape.text.push_str(key.text());
            self.units += key.text().len();
        }
    }

    /// The name of an enum's variant, kept with the keys. Not inlined: 41 bytes less wasm
    /// (gzipped) than at each of its six calls.
    #[inline(never)]
    fn name(&mut self, name: Key) {
        self.push(NAME);
        self.key(name);
    }

    /// Sentence `sentence` of source `source`, when written.
    fn written<'r>(&self, r: &'r Report, (source, sentence): (usize, usize)) -> Option<Written<'r>> {
        let text = &r.sources.get(source)?.sentences.get(sentence)?.text;
        Some((text, *self.sentences.get(source)?.get(sentence)?))
    }

    /// `s` as a [`SLICE`] of a sentence written before, when it is part of that sentence at or
    /// after `from` (a byte offset in the sentence and its UTF-16 offset, moved past it); else
    /// nothing is written and the answer is false.
    fn slice(&mut self, s: &str, (within, at): Written, from: &mut (usize, usize)) -> bool {
        let Some(rest) = within.get(from.0..) else { return false };
        // Looked for from `from` on, one position after another: the next run of a diff is a
        // space or a mark or two further on (`str::find` costs more to set up than that). Bytes
        // equal to a `str` start at a character boundary.
        // The first byte (`s` is not empty: see [`Writer::part`]) is compared before the rest,
        // which is a call to `memcmp` in wasm.
        let (first, bytes) = (s.as_bytes()[0], s.as_bytes());
        let Some(k) = rest.as_bytes().windows(s.len()).position(|w| w[0] == first && w == bytes) else { return false };
        let start = from.1 + utf16_len(rest.get(..k).unwrap_or_default());
        let len = utf16_len(s);
        self.push(SLICE);
        self.push((at + start) as u32);
        self.push(len as u32);
        *from = (from.0 + k + s.len(), start + len);
        true
    }

    /// The text at byte range `span` of the sentence `within`, as a [`SLICE`] of it (the text
    /// [`Writer::part`] would write of it: the same characters); `from` is the byte offset in the
    /// sentence and its UTF-16 offset after the last span written of it, moved to the end of
    /// this one. Empty, or not in the sentence, it is written as [`Writer::part`] writes it.
    fn span_of(&mut self, span: &std::ops::Range<usize>, within: Option<Written>, from: &mut (usize, usize)) {
        let Some(((text, at), s)) = within.and_then(|(t, at)| Some(((t, at), t.get(span.clone()).filter(|s| !s.is_empty())?))) else {
            return self.string("");
        };
        // Counted on from the last span when this one comes after it (runs come in order).
        let start = match text.get(from.0..span.start) {
            Some(gap) => from.1 + utf16_len(gap),
            None => utf16_len(&text[..span.start]),
        };
        let len = utf16_len(s);
        self.push(SLICE);
        self.push((at + start) as u32);
        self.push(len as u32);
        *from = (span.end, start + len);
    }

    /// `s`, which is most likely part of the sentence `within`: as a [`SLICE`] of it when it
    /// is (see [`Writer::slice`]), else as a string.
    fn part(&mut self, s: &str, within: Option<Written>, from: &mut (usize, usize)) {
        if s.is_empty() || !within.is_some_and(|w| self.slice(s, w, from)) {
            self.string(s);
        }
    }

    /// An object with `fields` fields; each is written as its key, then its value.
    fn object(&mut self, fields: u32) {
        self.push(OBJECT);
        self.push(fields);
    }

    fn array(&mut self, len: usize) {
        self.push(ARRAY);
        self.push(len as u32);
    }

    /// A number, as the [`encode`](super::encode)r writes an `f64`.
    fn number(&mut self, v: f64) {
        self.tape.number(v);
    }

    /// A count or an index, as serde hands it to [`Encoder`]: the `f64` it converts to.
    fn count(&mut self, n: usize) {
        self.number(n as f64);
    }

    fn string(&mut self, s: &str) {
        let len = utf16_len(s);
        self.push(STRING);
        self.push(len as u32);
        self.tape.text.push_str(s);
        self.units += len;
    }

    fn optional_string(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.string(s),
            None => self.push(NULL),
        }
    }

    /// The `text`, `start` and `end` fields of a sentence, removed span or quotation; the text
    /// as a part of the sentence `within` when it is one (see [`Writer::part`]). Returns where
    /// a text written out starts in the tape's text.
    fn span(&mut self, text: &str, start: usize, end: usize, within: Option<Written>) -> usize {
        self.key(Key::Text);
        let at = self.units;
        self.part(text, within, &mut (0, 0));
        self.key(Key::Start);
        self.count(start);
        self.key(Key::End);
        self.count(end);
        at
    }

    /// `[source, sentence]`.
    fn place(&mut self, (source, sentence): (usize, usize)) {
        self.array(2);
        self.count(source);
        self.count(sentence);
    }

    fn report(&mut self, r: &Report, diffs: Option<&[Vec<DiffSpan>]>) {
        self.object(7);
        self.key(Key::Version);
        self.count(r.version as usize);
        self.key(Key::Sources);
        self.array(r.sources.len());
        r.sources.iter().for_each(|s| self.source(s));
        self.key(Key::Matches);
        self.array(r.matches.len());
        for (k, m) in r.matches.iter().enumerate() {
            self.matched(r, m, diffs.and_then(|d| d.get(k)));
        }
        self.key(Key::Groups);
        self.array(r.groups.len());
        for g in &r.groups {
            self.object(3);
            self.key(Key::Members);
            self.array(g.members.len());
            g.members.iter().for_each(|&m| self.place(m));
            self.key(Key::Kind);
            self.name(kind_name(g.kind));
            self.key(Key::Text);
            self.string(&g.text);
        }
        self.key(Key::Quotes);
        self.array(r.quotes.len());
        r.quotes.iter().for_each(|q| self.quote(r, q));
        self.key(Key::Similarity);
        self.array(r.similarity.len());
        for row in &r.similarity {
            self.array(row.len());
            row.iter().for_each(|&x| self.number(x));
        }
        self.key(Key::Matching);
        self.string(match r.matching {
            Matching::Lexical => "lexical",
            Matching::Semantic => "semantic",
        });
    }

    fn source(&mut self, s: &SourceReport) {
        self.object(12);
        self.key(Key::Name);
        self.string(&s.name);
        self.key(Key::Title);
        self.optional_string(&s.title);
        self.key(Key::Outlet);
        self.optional_string(&s.outlet);
        self.key(Key::Published);
        self.optional_string(&s.published);
        self.key(Key::Authors);
        self.array(s.authors.len());
        s.authors.iter().for_each(|a| self.string(a));
        self.key(Key::Sentences);
        self.array(s.sentences.len());
        let mut starts = Vec::with_capacity(s.sentences.len());
        for x in &s.sentences {
            self.object(7);
            starts.push(self.span(&x.text, x.start, x.end, None));
            self.key(Key::Role);
            self.name(role_name(x.role));
            self.key(Key::Support);
            self.count(x.support);
            self.key(Key::Group);
            match x.group {
                Some(g) => self.count(g),
                None => self.push(NULL),
            }
            self.key(Key::Nearest);
            match &x.nearest {
                Some(n) => {
                    self.object(3);
                    self.key(Key::Source);
                    self.count(n.source);
                    self.key(Key::Sentence);
                    self.count(n.sentence);
                    self.key(Key::Score);
                    self.number(n.score);
                }
                None => self.push(NULL),
            }
        }
        self.sentences.push(starts);
        self.key(Key::Removed);
        self.array(s.removed.len());
        for x in &s.removed {
            self.object(4);
            self.span(&x.text, x.start, x.end, None);
            self.key(Key::Reason);
            self.name(reason_name(x.reason));
        }
        self.key(Key::Format);
        self.string(match s.format {
            Format::Auto => "auto",
            Format::Text => "text",
            Format::Html => "html",
        });
        self.key(Key::Text);
        self.optional_string(&s.text);
        self.key(Key::Url);
        self.optional_string(&s.url);
        self.key(Key::Lang);
        self.optional_string(&s.lang);
        self.key(Key::Datetime);
        self.optional_string(&s.datetime);
    }

    /// One run of a word diff: its words in each of the two sentences, as a part of its
    /// sentence after the run before ([`Writer::part`] of its text, [`Writer::span_of`] of its
    /// span).
    fn diff_run(&mut self, op: DiffTag, sides: [RunSide; 2], within: [Option<Written>; 2], from: [&mut (usize, usize); 2]) {
        self.object(3);
        self.key(Key::Op);
        self.name(op_name(op));
        for (((key, side), within), from) in [Key::A, Key::B].into_iter().zip(sides).zip(within).zip(from) {
            self.key(key);
            match side {
                RunSide::Text(t) => self.part(t, within, from),
                RunSide::Span(span) => self.span_of(span, within, from),
            }
        }
    }

    /// A match, with its word diff from `diff` when given (see [`report_with_diffs`]).
    fn matched<'r>(&mut self, r: &'r Report, m: &'r Match, diff: Option<&Vec<DiffSpan>>) {
        self.object(6);
        self.key(Key::A);
        self.place(m.a);
        self.key(Key::B);
        self.place(m.b);
        self.key(Key::Kind);
        self.name(kind_name(m.kind));
        self.key(Key::Score);
        self.number(m.score);
        // Each side of the diff is the words of one sentence, run after run.
        let (a, b) = (self.written(r, m.a), self.written(r, m.b));
        let (mut from_a, mut from_b) = ((0, 0), (0, 0));
        self.key(Key::Diff);
        match diff {
            // A run given as spans is written as the slice of its sentence it is: where it
            // lies is known, so it is not looked for (the search was about half of writing a tape).
            Some(spans) => {
                self.array(spans.len());
                for d in spans {
                    self.diff_run(d.op, [RunSide::Span(&d.a), RunSide::Span(&d.b)], [a, b], [&mut from_a, &mut from_b]);
                }
            }
            None => {
                self.array(m.diff.len());
                for d in &m.diff {
                    self.diff_run(d.op, [RunSide::Text(&d.a), RunSide::Text(&d.b)], [a, b], [&mut from_a, &mut from_b]);
                }
            }
        }
        self.key(Key::Conflicts);
        self.array(m.conflicts.len());
        for c in &m.conflicts {
            self.object(3);
            self.key(Key::Kind);
            self.name(conflict_name(c.kind));
            self.key(Key::A);
            self.part(&c.a, a, &mut (0, 0));
            self.key(Key::B);
            self.part(&c.b, b, &mut (0, 0));
        }
    }

    fn quote(&mut self, r: &Report, q: &Quote) {
        self.object(3);
        self.key(Key::Speaker);
        self.optional_string(&q.speaker);
        self.key(Key::Text);
        self.string(&q.text);
        self.key(Key::Occurrences);
        self.array(q.occurrences.len());
        for o in &q.occurrences {
            self.object(6);
            self.key(Key::Source);
            self.count(o.source);
            self.key(Key::Sentence);
            self.count(o.sentence);
            let sentence = self.written(r, (o.source, o.sentence));
            self.span(&o.text, o.start, o.end, sentence);
            self.key(Key::Speaker);
            self.optional_string(&o.speaker);
        }
    }
}

/// One side of a run of a word diff: its text (a report's `DiffOp`), or its byte span in its
/// sentence (a [`DiffSpan`]).
enum RunSide<'a> {
    Text(&'a str),
    Span(&'a std::ops::Range<usize>),
}

fn op_name(op: DiffTag) -> Key {
    match op {
        DiffTag::Equal => Key::Equal,
        DiffTag::Delete => Key::Delete,
        DiffTag::Insert => Key::Insert,
    }
}

/// The JSON names of the report's enums (`#[serde(rename_all = "lowercase")]`; a test checks
/// each against serde's).
fn kind_name(k: crate::Kind) -> Key {
    match k {
        crate::Kind::Identical => Key::Identical,
        crate::Kind::Minor => Key::Minor,
        crate::Kind::Paraphrase => Key::Paraphrase,
    }
}

fn role_name(r: Role) -> Key {
    match r {
        Role::Title => Key::Title,
        Role::Body => Key::Body,
        Role::Caption => Key::Caption,
        Role::Speaker => Key::Speaker,
    }
}

fn reason_name(r: Reason) -> Key {
    match r {
        Reason::Boilerplate => Key::Boilerplate,
        Reason::Navigation => Key::Navigation,
        Reason::Contact => Key::Contact,
        Reason::Copyright => Key::Copyright,
        Reason::Credit => Key::Credit,
        Reason::Language => Key::Language,
        Reason::Duplicate => Key::Duplicate,
        Reason::Metadata => Key::Metadata,
        Reason::Label => Key::Label,
        Reason::Comments => Key::Comments,
        Reason::Outside => Key::Outside,
    }
}

fn conflict_name(k: ConflictKind) -> Key {
    match k {
        ConflictKind::Number => Key::Number,
        ConflictKind::Name => Key::Name,
        ConflictKind::Place => Key::Place,
        ConflictKind::Date => Key::Date,
        ConflictKind::Polarity => Key::Polarity,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_names_are_serdes() {
        use crate::report::*;
        let json = |v: serde_json::Value| v.as_str().unwrap().to_string();
        for k in [Kind::Identical, Kind::Minor, Kind::Paraphrase] {
            assert_eq!(kind_name(k).text(), json(serde_json::to_value(k).unwrap()));
        }
        for r in [Role::Title, Role::Body, Role::Caption, Role::Speaker] {
            assert_eq!(role_name(r).text(), json(serde_json::to_value(r).unwrap()));
        }
        use Reason::*;
        for r in [Boilerplate, Navigation, Contact, Copyright, Credit, Language, Duplicate, Metadata, Label, Comments, Outside] {
            assert_eq!(reason_name(r).text(), json(serde_json::to_value(r).unwrap()));
        }
        use ConflictKind::*;
        for k in [Number, Name, Place, Date, Polarity] {
            assert_eq!(conflict_name(k).text(), json(serde_json::to_value(k).unwrap()));
        }
    }
}
