//! The topic-stress set (issue 12, point 5, "Nothing lost"): twelve made-up articles whose
//! subject uses the words of page chrome (copyright, subscribers, newsletters, apps, cookies,
//! advertisers, photo credits, phone numbers and e-mail addresses, prices written 2.590.000,
//! sign-up and "most read" lists, readers' comments), each pasted with the chrome of a whole
//! page around it. `tests/fixtures/topic-stress/NN-slug.txt` is the paste, `.body` every
//! sentence of the article exactly as in the paste (the headline first, as `TITLE: …`; the
//! standfirst and captions are article sentences too), `.chrome` every line of page chrome
//! (each distinct line once). Bylines and date lines are in neither list: they may be removed
//! as metadata or kept, as long as they are not article sentences the labels name.
//!
//! Every body sentence must be kept as one sentence (role title for the headline, body or
//! caption for the rest) and every chrome line removed (no kept sentence overlaps any of its
//! occurrences in the paste). The test prints a table per fixture and fails on any loss; with
//! `STORYDIFF_TOPIC_STRESS_REPORT=1` it prints and passes, for work on the cleaner:
//!
//! `STORYDIFF_TOPIC_STRESS_REPORT=1 cargo test --release --features html --test topic_stress -- --nocapture`
//!
//! The set has been at 100% since 2026-12-07 (it was held by a floor below that before).

use std::ops::Range;
use std::path::PathBuf;
use storydiff::{compare, Options, Role, SourceInput, SourceReport};

/// The second source `compare` needs: a short article on nothing in particular.
const OTHER: &str = "Council approves budget\n\nThe city council approved its budget on Monday after a three-hour debate.\n\nThe vote was seven to two.\n";

struct Fixture {
    name: String,
    text: String,
    body: Vec<String>,
    chrome: Vec<String>,
}

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/topic-stress")
}

fn lines(path: &PathBuf) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().filter(|l| !l.trim().is_empty()).map(str::to_string).collect()
}

fn fixtures() -> Vec<Fixture> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .expect("tests/fixtures/topic-stress exists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".txt").map(str::to_string))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| {
            let base = dir().join(&name);
            let text = std::fs::read_to_string(base.with_extension("txt")).expect("paste");
            Fixture { body: lines(&base.with_extension("body")), chrome: lines(&base.with_extension("chrome")), text, name }
        })
        .collect()
}

/// UTF-16 offset of byte offset `i` of `text` (the report's offsets are UTF-16).
fn utf16(text: &str, i: usize) -> usize {
    text[..i].encode_utf16().count()
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// What happened to one expected body sentence that was not kept as it should be.
fn diagnose(text: &str, src: &SourceReport, sentence: &str) -> String {
    let Some(at) = text.find(sentence) else { return "not in the paste (label error)".into() };
    let span = utf16(text, at)..utf16(text, at + sentence.len());
    let reasons: Vec<String> = src
        .removed
        .iter()
        .filter(|r| overlaps(&(r.start..r.end), &span))
        .map(|r| format!("{:?}", r.reason).to_lowercase())
        .collect();
    let kept: Vec<String> = src.sentences.iter().filter(|s| overlaps(&(s.start..s.end), &span)).map(|s| format!("{:?} {:?}", s.role, s.text)).collect();
    match (reasons.is_empty(), kept.is_empty()) {
        (false, true) => format!("removed as {}", reasons.join("+")),
        (true, false) => format!("kept, split otherwise: {}", kept.join(" | ")),
        (false, false) => format!("partly removed as {}, partly kept: {}", reasons.join("+"), kept.join(" | ")),
        (true, true) => "dropped silently".into(),
    }
}

struct Row {
    name: String,
    body_kept: usize,
    body_total: usize,
    chrome_removed: usize,
    chrome_total: usize,
    title: Result<(), String>,
    lost: Vec<(String, String)>,
    leaked: Vec<(String, String)>,
}

fn check(f: &Fixture) -> Row {
    let sources = [SourceInput::new(f.name.clone(), f.text.clone()), SourceInput::new("other", OTHER)];
    let report = compare(&sources, &Options::default()).unwrap_or_else(|e| panic!("{}: {e}", f.name));
    let src = &report.sources[0];
    let text = &f.text;

    let mut lost = Vec::new();
    let mut title_text = None;
    for line in &f.body {
        let (sentence, title) = match line.strip_prefix("TITLE: ") {
            Some(t) => (t, true),
            None => (line.as_str(), false),
        };
        if title {
            title_text = Some(sentence);
        }
        let right_role = |r: Role| if title { r == Role::Title } else { matches!(r, Role::Body | Role::Caption) };
        if !src.sentences.iter().any(|s| s.text.trim() == sentence && right_role(s.role)) {
            let why = match src.sentences.iter().find(|s| s.text.trim() == sentence) {
                Some(s) => format!("kept with role {:?}", s.role),
                None => diagnose(text, src, sentence),
            };
            lost.push((sentence.to_string(), why));
        }
    }

    // Every occurrence of each chrome line: a whole line of the paste, trimmed.
    let mut occurrences: Vec<(&str, Range<usize>)> = Vec::new();
    let mut at = 0;
    for raw in text.split_inclusive('\n') {
        let line = raw.trim();
        if !line.is_empty() {
            let start = at + raw.find(line).unwrap();
            occurrences.push((line, utf16(text, start)..utf16(text, start + line.len())));
        }
        at += raw.len();
    }
    let mut leaked = Vec::new();
    for chrome in &f.chrome {
        let spans: Vec<&Range<usize>> = occurrences.iter().filter(|(l, _)| l == chrome).map(|(_, r)| r).collect();
        if spans.is_empty() {
            leaked.push((chrome.clone(), "not a line of the paste (label error)".into()));
            continue;
        }
        let into: Vec<String> = src
            .sentences
            .iter()
            .filter(|s| spans.iter().any(|r| overlaps(&(s.start..s.end), r)))
            .map(|s| format!("{:?} {:?}", s.role, s.text))
            .collect();
        if !into.is_empty() {
            leaked.push((chrome.clone(), format!("kept in {}", into.join(" | "))));
        }
    }

    let want = title_text.expect("each .body starts with TITLE:");
    let title = if src.title.as_deref().map(str::trim) != Some(want) {
        Err(format!("title {:?}", src.title))
    } else if !src.sentences.iter().any(|s| s.role == Role::Title && s.text.trim() == want) {
        Err("no title sentence".into())
    } else {
        Ok(())
    };
    Row {
        name: f.name.clone(),
        body_kept: f.body.len() - lost.len(),
        body_total: f.body.len(),
        chrome_removed: f.chrome.len() - leaked.len(),
        chrome_total: f.chrome.len(),
        title,
        lost,
        leaked,
    }
}

/// What the set measures, summed over the fixtures.
struct Totals {
    body_kept: usize,
    body: usize,
    chrome_removed: usize,
    chrome: usize,
    titles_right: usize,
    fixtures: usize,
}

#[test]
fn topic_stress_loses_no_body_and_keeps_no_chrome() {
    let t = measure();
    let failures = (t.body - t.body_kept) + (t.chrome - t.chrome_removed) + (t.fixtures - t.titles_right);
    if std::env::var("STORYDIFF_TOPIC_STRESS_REPORT").is_ok_and(|v| v == "1") {
        println!("\nSTORYDIFF_TOPIC_STRESS_REPORT=1: report only ({failures} failures not asserted)");
        return;
    }
    assert_eq!(failures, 0, "topic-stress: body kept {}/{}, chrome removed {}/{}, titles right {}/{} (see the table above)", t.body_kept, t.body, t.chrome_removed, t.chrome, t.titles_right, t.fixtures);
}

/// Checks every fixture, prints the table and what was lost or kept, and sums it up.
fn measure() -> Totals {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 12, "the topic-stress set has {} fixtures", fixtures.len());
    let rows: Vec<Row> = fixtures.iter().map(check).collect();

    println!("\ntopic-stress set (tests/fixtures/topic-stress)");
    println!("{:<28} {:>10} {:>14} {:>6}", "fixture", "body kept", "chrome removed", "title");
    let (mut bk, mut bt, mut cr, mut ct, mut tr) = (0, 0, 0, 0, 0);
    for r in &rows {
        let title = if r.title.is_ok() { "right" } else { "wrong" };
        println!("{:<28} {:>10} {:>14} {:>6}", r.name, format!("{}/{}", r.body_kept, r.body_total), format!("{}/{}", r.chrome_removed, r.chrome_total), title);
        bk += r.body_kept;
        bt += r.body_total;
        cr += r.chrome_removed;
        ct += r.chrome_total;
        tr += r.title.is_ok() as usize;
    }
    println!("{:<28} {:>10} {:>14} {:>6}", "total", format!("{bk}/{bt}"), format!("{cr}/{ct}"), format!("{tr}/{}", rows.len()));
    for r in &rows {
        if let Err(why) = &r.title {
            println!("\n{}: title wrong: {why}", r.name);
        }
        for (s, why) in &r.lost {
            println!("{}: body lost: {s:?}: {why}", r.name);
        }
        for (s, why) in &r.leaked {
            println!("{}: chrome kept: {s:?}: {why}", r.name);
        }
    }

    Totals { body_kept: bk, body: bt, chrome_removed: cr, chrome: ct, titles_right: tr, fixtures: rows.len() }
}
