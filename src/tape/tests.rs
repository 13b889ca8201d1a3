//! The tape's tests: every report and value it writes decodes to what `serde_json` writes.

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
