//! The fuzz harness, shared by the cargo-fuzz targets (fuzz/fuzz_targets/*.rs) and the
//! regression test (tests/fuzz_regressions.rs), so a saved crash replays through exactly the
//! code that found it. Each function takes the raw fuzz input; a panic is a finding.
//!
//! Beyond "no panic", each checks the documented contract that keeps later stages from
//! panicking: every span slices the text it came from. [`assert_report_spans`], the check on a
//! whole report, is used by tests/hostile.rs and tests/compare.rs as well.

#![allow(dead_code)]

use std::ops::Range;
use storydiff::{normalize, segment, Options, Report, SourceInput};

/// `clean::clean` over any bytes, decoded lossily; every block and removed span must slice the
/// input (the report slices the text with them).
pub fn clean(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let cleaned = storydiff::clean::clean(&text);
    for block in &cleaned.blocks {
        assert!(text.get(block.span.clone()).is_some(), "block span {:?} does not slice the input", block.span);
    }
    for cut in &cleaned.removed {
        assert!(text.get(cut.span.clone()).is_some(), "removed span {:?} does not slice the input", cut.span);
    }
}

/// A web page read and its article extracted (`html::read`, `extract::article`) from any bytes,
/// decoded lossily: every block and removed span slices the page text. Then the page is compared as HTML beside a copy of itself, and the report's spans checked.
#[cfg(feature = "html")]
pub fn html(data: &[u8]) {
    let input = String::from_utf8_lossy(data);
    let page = storydiff::html::read(&input);
    let cleaned = storydiff::extract::article(&page);
    for span in cleaned.blocks.iter().map(|b| &b.span).chain(cleaned.removed.iter().map(|c| &c.span)) {
        assert!(page.text.get(span.clone()).is_some(), "span {span:?} does not slice the page text");
    }
    let sources = [SourceInput::html("a", input.clone()), SourceInput::html("b", input.into_owned())];
    if let Ok(report) = storydiff::compare(&sources, &Options::default()) {
        assert_report_spans(&report, &sources);
        storydiff::tape::encode(&report).expect("report encodes as a tape");
    }
}

/// `segment::sentences` (and `normalize::words`) over arbitrary text and an arbitrary, possibly
/// invalid, range: out of bounds, reversed, inside a character, near `usize::MAX`. The first 5
/// bytes pick the range (see [`pick`]), the rest is the text, decoded lossily; the whole text is
/// split too. Checks the documented contract of `sentences`: ranges in order, non-empty,
/// non-overlapping, on character boundaries, inside the block (clamped inward to character
/// boundaries), with only whitespace left between them; and every word inside its sentence.
pub fn segment(data: &[u8]) {
    if data.len() < 5 {
        return;
    }
    let (head, rest) = data.split_at(5);
    let text = String::from_utf8_lossy(rest);
    let len = text.len();
    let start = pick(head[0] & 0x0f, u16::from_le_bytes([head[1], head[2]]), len);
    let end = pick(head[0] >> 4, u16::from_le_bytes([head[3], head[4]]), len);
    check_sentences(&text, start..end);
    check_sentences(&text, 0..len);
}

/// One end of the range: a small offset, an offset from the end, past the end, near
/// `usize::MAX`, the end itself, or an offset inside the text.
fn pick(kind: u8, raw: u16, len: usize) -> usize {
    let raw = raw as usize;
    match kind % 6 {
        0 => raw,
        1 => len.saturating_sub(raw),
        2 => len + raw,
        3 => usize::MAX - raw,
        4 => len,
        _ => raw % (len + 1),
    }
}

fn check_sentences(text: &str, block: Range<usize>) {
    let got = segment::sentences(text, block.clone());
    // The block clamped into the text and inward onto character boundaries.
    let lo = text.ceil_char_boundary(block.start);
    let hi = text.floor_char_boundary(block.end);
    if lo >= hi {
        assert!(got.is_empty(), "sentences {got:?} from the empty block {block:?}");
    }
    let mut covered = lo;
    let mut vocabulary = normalize::Vocabulary::default();
    for r in &got {
        assert!(r.start < r.end, "empty or reversed sentence {r:?}");
        assert!(r.start >= covered, "sentence {r:?} overlaps the one before or starts before {block:?}");
        assert!(r.end <= hi, "sentence {r:?} ends past block {block:?}");
        assert!(text.get(r.clone()).is_some(), "sentence {r:?} does not slice the text");
        let gap = &text[covered..r.start];
        assert!(gap.chars().all(char::is_whitespace), "non-whitespace {gap:?} before {r:?} left out");
        covered = r.end;
        for w in normalize::words(text, r.clone(), &mut vocabulary) {
            assert!(w.span.start >= r.start && w.span.end <= r.end, "word {:?} outside sentence {r:?}", w.span);
            assert!(text.get(w.span.clone()).is_some(), "word span {:?} does not slice the text", w.span);
        }
    }
    if lo < hi {
        let gap = &text[covered..hi];
        assert!(gap.chars().all(char::is_whitespace), "non-whitespace {gap:?} at the end of {block:?} left out");
    }
    // The word splitter is public too and takes any range.
    let _ = normalize::words(text, block, &mut vocabulary);
}

/// The byte that separates sources in a compare input; it never occurs in UTF-8.
pub const SEPARATOR: u8 = 0xFF;

/// `compare` over 2–4 sources: the input is split on [`SEPARATOR`] into at most 4 pieces, each
/// decoded lossily; an input without a separator is compared with a copy of itself. Errors are
/// fine. A report is checked with [`assert_report_spans`] and written as a tape, as the wasm
/// hands it to JS.
pub fn compare(data: &[u8]) {
    let mut pieces: Vec<&[u8]> = data.splitn(4, |&b| b == SEPARATOR).collect();
    if pieces.len() == 1 {
        pieces.push(pieces[0]);
    }
    let sources: Vec<SourceInput> = pieces
        .iter()
        .enumerate()
        .map(|(i, p)| SourceInput::new(format!("s{i}"), String::from_utf8_lossy(p).into_owned()))
        .collect();
    let Ok(report) = storydiff::compare(&sources, &Options::default()) else {
        return;
    };
    assert_report_spans(&report, &sources);
    storydiff::tape::encode(&report).expect("report encodes as a tape");
}

/// The report's references hold for the inputs it was made from: one source report per input;
/// every sentence, removed span and quotation occurrence is the UTF-16 slice of its input (for a
/// web page, of the page text the report gives) that its offsets name, and every occurrence names a sentence that exists; every match joins
/// existing sentences of two different sources. Also used by tests/hostile.rs and
/// tests/compare.rs.
pub fn assert_report_spans(report: &Report, sources: &[SourceInput]) {
    assert_eq!(report.sources.len(), sources.len(), "one source report per input");
    let units: Vec<Vec<u16>> = sources.iter().zip(&report.sources).map(|(s, r)| r.text.as_deref().unwrap_or(&s.text).encode_utf16().collect()).collect();
    for (s, r) in report.sources.iter().enumerate() {
        for x in &r.sentences {
            assert_eq!(utf16_slice(&units[s], x.start, x.end).as_deref(), Some(x.text.as_str()), "{}: sentence offsets {}..{}", r.name, x.start, x.end);
        }
        for x in &r.removed {
            assert_eq!(utf16_slice(&units[s], x.start, x.end).as_deref(), Some(x.text.as_str()), "{}: removed offsets {}..{}", r.name, x.start, x.end);
        }
    }
    for q in &report.quotes {
        for o in &q.occurrences {
            assert!(o.source < sources.len() && o.sentence < report.sources[o.source].sentences.len(), "quotation in sentence {:?}", (o.source, o.sentence));
            assert_eq!(utf16_slice(&units[o.source], o.start, o.end).as_deref(), Some(o.text.as_str()), "quotation offsets {}..{} in source {}", o.start, o.end, o.source);
        }
    }
    for m in &report.matches {
        assert!(m.a.0 < sources.len() && m.b.0 < sources.len() && m.a.0 != m.b.0, "match between {:?} and {:?}", m.a, m.b);
        assert!(m.a.1 < report.sources[m.a.0].sentences.len() && m.b.1 < report.sources[m.b.0].sentences.len(), "match between {:?} and {:?}: no such sentence", m.a, m.b);
    }
}

fn utf16_slice(units: &[u16], start: usize, end: usize) -> Option<String> {
    String::from_utf16(units.get(start..end)?).ok()
}
