//! The report as a flat tape, for handing it to JS in two pieces instead of thousands.
//!
//! Building a JS object graph from wasm costs one call across the boundary per object, field
//! and string (serde-wasm-bindgen), and each string is decoded on its own. The tape instead
//! is an array of integers, an array of floats and one string with every text of the report
//! run together; a
//! small decoder in JS (`js/tape.js`) rebuilds the same objects from them, slicing the texts
//! out of the one string. Any `Serialize` value is written as `serde_json` would write it
//! (structs as objects, unit variants as their names, `None` as `null`), so the decoded
//! object equals `JSON.parse` of the JSON report.
//!
//! The integers, read from the start, describe one value:
//!
//! | tag | value | followed by |
//! |---|---|---|
//! | 0 | `null` | |
//! | 1 | `false` | |
//! | 2 | `true` | |
//! | 3 | a whole number from 0 to 2³²−1 | the number |
//! | 4 | any other number | nothing: it is the next of the floats |
//! | 5 | a string | its length `n` in UTF-16 code units: the next `n` units of the text |
//! | 6 | an array | its length, then each item |
//! | 7 | an object | its field count, then per field a key and the value |
//! | 8 | an object with computed keys (a map) | its entry count, then per entry a string value (the key) and the value |
//! | 9 | a string kept with the keys | a key, as below: the string is that key's text |
//! | 10 | a string written before | its start and its length in UTF-16 units of the text, inside one string (tag 5) read before |
//!
//! A key below 2³¹ is the index of a key seen before; 2³¹ + `n` is a new key whose text is the
//! next `n` units of the text (and whose index is the number of keys seen before it). Whole
//! numbers (offsets, indices, counts: nearly all of a report's numbers) take four bytes, and
//! only the others (scores) eight.
//!
//! [`encode`] writes tags 0 to 8 only. [`report`] also writes the names of the report's enums
//! (`equal`, `body`, …) as tag 9, so that each is one string in JS however often it occurs, and
//! the texts that repeat part of a sentence written before (the words of each diff and
//! conflict, each occurrence of a quotation) as tag 10: on the seeds, the text that crosses to
//! JS (and is decoded from UTF-8 there) is 21,100 UTF-16 units instead of 67,900.

use crate::explain::DiffSpan;
use crate::hash::Map;
use crate::offsets::utf16_len;
use crate::report::{ConflictKind, DiffTag, Format, Match, Matching, Quote, Reason, Report, Role, SourceReport};
use serde::ser::{self, Serialize};
use std::fmt;

/// A value written as integers, floats and text; see the [module](self) for the layout.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tape {
    /// Tags, lengths, keys and whole numbers.
    pub ints: Vec<u32>,
    /// The numbers that are not whole numbers from 0 to 2³²−1, in order.
    pub floats: Vec<f64>,
    /// Every string and new key, in order.
    pub text: String,
}

/// Why a value could not be written (only maps with keys that are not strings).
#[derive(Debug, Clone, PartialEq)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INT: u32 = 3;
const FLOAT: u32 = 4;
const STRING: u32 = 5;
const ARRAY: u32 = 6;
const OBJECT: u32 = 7;
const MAP: u32 = 8;
const NAME: u32 = 9;
const SLICE: u32 = 10;
/// Added to a new key's length.
const NEW_KEY: u32 = 1 << 31;

/// Writes `value` as a tape.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<Tape, Error> {
    let mut encoder = Encoder::default();
    value.serialize(&mut encoder)?;
    Ok(encoder.tape)
}

#[derive(Default)]
struct Encoder {
    tape: Tape,
    /// Keys by address: a struct's field names are the same static strings every time, so
    /// their address finds them without hashing their text.
    keys: Map<(usize, usize), u32>,
}

impl Encoder {
    fn push(&mut self, n: u32) {
        self.tape.ints.push(n);
    }

    fn string(&mut self, s: &str) {
        self.push(STRING);
        self.push(utf16_len(s) as u32);
        self.tape.text.push_str(s);
    }

    fn key(&mut self, key: &'static str) {
        let next = self.keys.len() as u32;
        let known = *self.keys.entry((key.as_ptr() as usize, key.len())).or_insert(next);
        if known == next {
            self.push(NEW_KEY + utf16_len(key) as u32);
            self.tape.text.push_str(key);
        } else {
            self.push(known);
        }
    }

    /// Starts a container: its tag and a count to fill in when it ends.
    fn open(&mut self, tag: u32) -> Compound<'_> {
        self.push(tag);
        let at = self.tape.ints.len();
        self.push(0);
        Compound { encoder: self, at, count: 0 }
    }

    /// `{ "Variant": … }`: the object around the content of a non-unit enum variant.
    fn variant(&mut self, variant: &'static str) {
        self.push(OBJECT);
        self.push(1);
        self.key(variant);
    }
}

/// An array, object or map being written.
struct Compound<'a> {
    encoder: &'a mut Encoder,
    /// Where its count goes.
    at: usize,
    count: usize,
}

impl Compound<'_> {
    fn item<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.count += 1;
        value.serialize(&mut *self.encoder)
    }

    fn end(self) -> Result<(), Error> {
        self.encoder.tape.ints[self.at] = self.count as u32;
        Ok(())
    }
}

/// Every other number is written as the `f64` it converts to, as JS holds it.
macro_rules! numbers_as_f64 {
    ($($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Error> {
            self.serialize_f64(v as f64)
        }
    )*};
}

impl<'a> ser::Serializer for &'a mut Encoder {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Compound<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Compound<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.push(if v { TRUE } else { FALSE });
        Ok(())
    }
    numbers_as_f64!(serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64, serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64, serialize_f32: f32);
    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        // As in JSON, a number that is not finite is null.
        if !v.is_finite() {
            self.push(NULL);
        } else if v.fract() == 0.0 && v.is_sign_positive() && v <= u32::MAX as f64 {
            self.push(INT);
            self.push(v as u32);
        } else {
            self.push(FLOAT);
            self.tape.floats.push(v);
        }
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.string(v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.string(v);
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.open(ARRAY);
        for b in v {
            seq.item(b)?;
        }
        seq.end()
    }
    fn serialize_none(self) -> Result<(), Error> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Error> {
        self.push(NULL);
        Ok(())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(self, _name: &'static str, _index: u32, variant: &'static str) -> Result<(), Error> {
        self.string(variant);
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _name: &'static str, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.variant(variant);
        value.serialize(self)
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple(self, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(ARRAY))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(ARRAY))
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>, Error> {
        Ok(self.open(MAP))
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>, Error> {
        Ok(self.open(OBJECT))
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'a>, Error> {
        self.variant(variant);
        Ok(self.open(OBJECT))
    }
}

/// The compound traits whose items have no key: each writes the item and counts it.
macro_rules! items {
    ($($name:ident :: $method:ident),*) => {$(
        impl ser::$name for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

items!(SerializeSeq::serialize_element, SerializeTuple::serialize_element, SerializeTupleStruct::serialize_field, SerializeTupleVariant::serialize_field);

/// The compound traits whose items are fields: each writes the key, then the item.
macro_rules! fields {
    ($($name:ident),*) => {$(
        impl ser::$name for Compound<'_> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result<(), Error> {
                self.encoder.key(key);
                self.item(value)
            }
            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        let before = self.encoder.tape.ints.len();
        key.serialize(&mut *self.encoder)?;
        if self.encoder.tape.ints.get(before) != Some(&STRING) {
            return Err(Error("a map key must be a string".into()));
        }
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.item(value)
    }
    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Writes a report as a tape, field by field: the value [`encode`] writes of it (a test checks
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

    /// A number as [`Encoder`] writes an `f64`.
    fn number(&mut self, v: f64) {
        if !v.is_finite() {
            self.push(NULL);
        } else if v.fract() == 0.0 && v.is_sign_positive() && v <= u32::MAX as f64 {
            self.push(INT);
            self.push(v as u32);
        } else {
            self.push(FLOAT);
            self.tape.floats.push(v);
        }
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
    use serde::Serialize;
    use serde_json::{json, Value};

    /// What `js/tape.js` does, in Rust: rebuilds the value the tape describes.
    fn decode(tape: &Tape) -> Value {
        struct Reader<'a> {
            tape: &'a Tape,
            text: Vec<u16>,
            at: usize,
            float_at: usize,
            text_at: usize,
            keys: Vec<String>,
            /// Each string value's span in `text`, for the slices.
            strings: Vec<std::ops::Range<usize>>,
        }
        impl Reader<'_> {
            fn next(&mut self) -> u32 {
                self.at += 1;
                self.tape.ints[self.at - 1]
            }
            fn text(&mut self, len: usize) -> String {
                self.text_at += len;
                String::from_utf16(&self.text[self.text_at - len..self.text_at]).unwrap()
            }
            fn key(&mut self) -> String {
                let k = self.next();
                if k >= NEW_KEY {
                    let key = self.text((k - NEW_KEY) as usize);
                    self.keys.push(key.clone());
                    key
                } else {
                    self.keys[k as usize].clone()
                }
            }
            fn value(&mut self) -> Value {
                match self.next() {
                    NULL => Value::Null,
                    FALSE => Value::Bool(false),
                    TRUE => Value::Bool(true),
                    INT => json!(self.next() as f64),
                    FLOAT => {
                        self.float_at += 1;
                        json!(self.tape.floats[self.float_at - 1])
                    }
                    STRING => {
                        let len = self.next() as usize;
                        self.strings.push(self.text_at..self.text_at + len);
                        Value::String(self.text(len))
                    }
                    NAME => Value::String(self.key()),
                    SLICE => {
                        let (start, len) = (self.next() as usize, self.next() as usize);
                        assert!(self.strings.iter().any(|s| s.start <= start && start + len <= s.end), "a slice of one string read before");
                        Value::String(String::from_utf16(&self.text[start..start + len]).unwrap())
                    }
                    ARRAY => (0..self.next()).map(|_| self.value()).collect(),
                    OBJECT => Value::Object((0..self.next()).map(|_| (self.key(), self.value())).collect()),
                    MAP => Value::Object(
                        (0..self.next()).map(|_| (self.value().as_str().unwrap().to_string(), self.value())).collect(),
                    ),
                    tag => panic!("unknown tag {tag}"),
                }
            }
        }
        let mut reader = Reader { tape, text: tape.text.encode_utf16().collect(), at: 0, float_at: 0, text_at: 0, keys: Vec::new(), strings: Vec::new() };
        let value = reader.value();
        assert_eq!(reader.at, tape.ints.len(), "every integer is read");
        assert_eq!(reader.float_at, tape.floats.len(), "every float is read");
        assert_eq!(reader.text_at, reader.text.len(), "the whole text is read");
        value
    }

    /// serde_json writes integers as integers; the tape, like JS, has only numbers.
    fn as_floats(v: Value) -> Value {
        match v {
            Value::Number(n) => json!(n.as_f64().unwrap()),
            Value::Array(a) => a.into_iter().map(as_floats).collect(),
            Value::Object(o) => Value::Object(o.into_iter().map(|(k, v)| (k, as_floats(v))).collect()),
            other => other,
        }
    }

    fn round_trips<T: Serialize>(value: &T) {
        let expected = as_floats(serde_json::to_value(value).unwrap());
        assert_eq!(decode(&encode(value).unwrap()), expected);
    }

    #[derive(Serialize)]
    #[serde(rename_all = "lowercase")]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, String),
        Struct { x: f64, name: Option<String> },
    }

    #[derive(Serialize)]
    struct Everything {
        flag: bool,
        small: i8,
        big: u64,
        ratio: f32,
        letter: char,
        text: String,
        nothing: Option<u32>,
        something: Option<u32>,
        unit: (),
        pair: (u32, &'static str),
        shapes: Vec<Shape>,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        skipped: Vec<u8>,
        #[serde(rename = "renamedKey")]
        renamed: Vec<Vec<u32>>,
        map: std::collections::BTreeMap<String, u32>,
    }

    #[test]
    fn every_serde_shape_decodes_to_what_serde_json_writes() {
        let value = Everything {
            flag: true,
            small: -3,
            big: 1 << 40,
            ratio: 0.5,
            letter: '한',
            text: "Kim \"said\" — 😀 é \u{FFFD} done".into(),
            nothing: None,
            something: Some(7),
            unit: (),
            pair: (1, "one"),
            shapes: vec![Shape::Unit, Shape::Newtype(2), Shape::Tuple(-1, "t".into()), Shape::Struct { x: 1.25, name: None }],
            skipped: vec![],
            renamed: vec![vec![], vec![1, 2]],
            map: [("b".to_string(), 2), ("a😀".to_string(), 1)].into_iter().collect(),
        };
        round_trips(&value);
    }

    #[test]
    fn keys_are_written_once_and_then_referred_to() {
        #[derive(Serialize)]
        struct Point {
            x: u8,
        }
        let tape = encode(&vec![Point { x: 1 }, Point { x: 2 }]).unwrap();
        assert_eq!(tape.text, "x");
        assert_eq!(tape.ints, [ARRAY, 2, OBJECT, 1, NEW_KEY + 1, INT, 1, OBJECT, 1, 0, INT, 2]);
        assert!(tape.floats.is_empty());
    }

    #[test]
    fn numbers_that_json_cannot_hold_are_null() {
        round_trips(&vec![f64::NAN, f64::INFINITY, 1.5]);
    }

    #[test]
    fn whole_numbers_take_an_integer_and_the_others_a_float() {
        let values = vec![0.0, 7.0, 4_294_967_295.0, 4_294_967_296.0, -1.0, -0.0, 0.25];
        let tape = encode(&values).unwrap();
        assert_eq!(tape.floats, [4_294_967_296.0, -1.0, -0.0, 0.25]);
        assert!(tape.floats[2].is_sign_negative(), "-0 keeps its sign");
        round_trips(&values);
    }

    #[test]
    fn map_keys_must_be_strings() {
        let map: std::collections::BTreeMap<u32, u32> = [(1, 2)].into_iter().collect();
        assert!(encode(&map).is_err());
    }

    /// What `report` writes decodes to the report's JSON, as what `encode` writes does.
    fn report_round_trips(r: &crate::Report) {
        let expected = as_floats(serde_json::to_value(r).unwrap());
        assert_eq!(decode(&report(r)), expected);
    }

    /// What `compare_tape` writes (the word diffs as spans) is what `report` writes of the
    /// report `compare_with` returns (the word diffs as strings).
    fn tape_is_the_reports(sources: &[crate::SourceInput], vectors: Option<&crate::embed::Vectors>) {
        let options = crate::Options::default();
        let tape = crate::compare_tape(sources, &options, vectors).unwrap();
        assert_eq!(tape, report(&crate::compare_with(sources, &options, vectors).unwrap()));
    }

    #[test]
    fn reports_written_field_by_field_decode_to_their_json() {
        let read = |dir: &str| -> Vec<crate::SourceInput> {
            let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
            files.sort();
            files.iter().map(|p| crate::SourceInput::new(p.display().to_string(), std::fs::read_to_string(p).unwrap())).collect()
        };
        let vectors = crate::embed::Vectors::from_bytes(&std::fs::read("vectors/minilm-static.bin").unwrap()).unwrap();
        for dir in ["seeds", "tests/fixtures/paraphrase", "tests/fixtures/paraphrase2"] {
            let sources = read(dir);
            report_round_trips(&crate::compare(&sources, &crate::Options::default()).unwrap());
            report_round_trips(&crate::compare_with(&sources, &crate::Options::default(), Some(&vectors)).unwrap());
            tape_is_the_reports(&sources, None);
            tape_is_the_reports(&sources, Some(&vectors));
        }
        let odd = vec![
            crate::SourceInput::new("wire 😀", "Rain fell on Paris on Monday, officials said. Roads were closed."),
            crate::SourceInput::new("paper", "Rain fell on Paris on Monday, the mayor said. 한국 뉴스."),
        ];
        report_round_trips(&crate::compare(&odd, &crate::Options::default()).unwrap());
        tape_is_the_reports(&odd, None);
        #[cfg(feature = "html")]
        {
            let page = "<html lang=en><head><link rel=canonical href='https://example.org/a'><meta property='article:published_time' content='2024-01-02T03:04:05Z'></head>\
                <body><nav><a href=/>Home</a></nav><article><h1>Rain in Paris</h1><p>Rain fell on Paris on Monday, officials said today.</p></article><section class=comments><p>What a wet week it has been for everyone here.</p></section></body></html>";
            let mixed = vec![crate::SourceInput::html("page", page), odd[0].clone()];
            report_round_trips(&crate::compare(&mixed, &crate::Options::default()).unwrap());
            tape_is_the_reports(&mixed, None);
        }
    }

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

    #[test]
    fn the_words_of_a_diff_refer_to_their_sentence() {
        let sources = vec![
            crate::SourceInput::new("wire", "Rain fell on Paris on Monday, officials said. Roads were closed."),
            crate::SourceInput::new("paper", "Rain fell on Paris on Monday, the mayor said. Roads were closed."),
        ];
        let r = crate::compare(&sources, &crate::Options::default()).unwrap();
        assert!(r.matches.iter().any(|m| m.diff.len() > 1));
        let tape = report(&r);
        assert!(tape.ints.contains(&SLICE));
        // Each sentence's text once (and a group's), though both sides of every diff repeat it.
        let groups = r.groups.iter().filter(|g| g.text.contains("Rain fell on Paris")).count();
        assert_eq!(tape.text.matches("Rain fell on Paris").count(), 2 + groups);
        report_round_trips(&r);
    }

    #[test]
    fn a_report_decodes_to_its_json() {
        let sources = vec![
            crate::SourceInput::new("wire 😀", "Rain fell on Paris on Monday, officials said. Roads were closed."),
            crate::SourceInput::new("paper", "Rain fell on Paris on Monday, the mayor said. 한국 뉴스."),
        ];
        round_trips(&crate::compare(&sources, &crate::Options::default()).unwrap());
    }
}
