//! Fuzz regressions: replays every input saved under tests/fuzz_regressions/ through the same
//! harness the cargo-fuzz targets run (tests/fuzz_regressions/harness.rs), plus a few edge-case
//! inputs written by hand. A file named `<target>-<n>.bin` goes to target `clean`, `segment` or
//! `compare`; see docs/FUZZING.md for how the inputs were found.

#[path = "fuzz_regressions/harness.rs"]
mod harness;

use std::panic;
use std::path::Path;

fn run(target: &str, data: &[u8]) {
    match target {
        "clean" => harness::clean(data),
        "segment" => harness::segment(data),
        "compare" => harness::compare(data),
        #[cfg(feature = "html")]
        "html" => harness::html(data),
        _ => panic!("no fuzz target named {target:?}"),
    }
}

/// Runs every case, then fails once, naming every case that panicked.
fn run_all(cases: Vec<(String, String, Vec<u8>)>) {
    let failed: Vec<String> = cases
        .into_iter()
        .filter_map(|(label, target, data)| {
            panic::catch_unwind(|| run(&target, &data)).err().map(|e| {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default();
                format!("{label}: {msg}")
            })
        })
        .collect();
    assert!(failed.is_empty(), "{} fuzz input(s) panic:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn saved_crash_inputs_pass() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/fuzz_regressions/ exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".bin") else { continue };
        let target = stem.rsplit_once('-').map_or(stem, |(t, _)| t).to_string();
        cases.push((name, target, std::fs::read(&path).unwrap()));
    }
    assert!(!cases.is_empty(), "no saved inputs (<target>-<n>.bin) in {}", dir.display());
    cases.sort();
    run_all(cases);
}

/// A segment input: the 5 header bytes that pick the range, then the text.
fn seg(head: [u8; 5], text: &[u8]) -> Vec<u8> {
    let mut v = head.to_vec();
    v.extend_from_slice(text);
    v
}

/// Sources joined by the separator byte, as the compare target splits them.
fn sources(texts: &[&[u8]]) -> Vec<u8> {
    texts.join(&harness::SEPARATOR)
}

/// Edge cases written by hand (docs/FUZZING.md lists them): no panic, and every contract the
/// harness checks holds.
#[test]
fn edge_cases_neither_panic_nor_break_spans() {
    let article: &[u8] = "Rain fell on Paris on Monday. Officials said roads were closed.\n\n“We will not stop,” the mayor said.".as_bytes();
    let cases: Vec<(&str, &str, Vec<u8>)> = vec![
        // Cleaning: nothing, only line breaks, invalid UTF-8, a lone BOM, CR-only line ends,
        // combining marks with no base, mixed scripts line by line.
        ("clean/empty", "clean", vec![]),
        ("clean/newlines", "clean", b"\n\r\n\r\r\n\n".to_vec()),
        ("clean/invalid-utf8", "clean", vec![0xC3, 0x28, b'.', 0xE2, 0x82, b'\n', 0xF0, 0x9F, 0x92]),
        ("clean/bom", "clean", "\u{FEFF}".as_bytes().to_vec()),
        ("clean/cr-lines", "clean", b"Title\rBy A. Writer\rThe story starts here. It goes on.\r".to_vec()),
        ("clean/combining", "clean", "\u{301}\u{301}.\n\u{301} \u{308}.".as_bytes().to_vec()),
        ("clean/scripts", "clean", "Москва заявила.\nThe Kremlin said.\n東京は言った。\nالقاهرة قالت.".as_bytes().to_vec()),
        // Splitting: ranges past the end, reversed, near usize::MAX, inside a character.
        ("segment/past-end", "segment", seg([0x22, 5, 0, 9, 0], b"One. Two.")),
        ("segment/reversed", "segment", seg([0x00, 9, 0, 2, 0], b"One. Two. Three.")),
        ("segment/usize-max", "segment", seg([0x33, 0, 0, 0, 0], b"One. Two.")),
        ("segment/max-to-zero", "segment", seg([0x03, 0, 0, 0, 0], b"One. Two.")),
        ("segment/inside-char", "segment", seg([0x00, 1, 0, 5, 0], "é… ü。 ß.".as_bytes())),
        ("segment/only-dots", "segment", seg([0x40, 0, 0, 0, 0], b"... .. . ....")),
        ("segment/cjk", "segment", seg([0x40, 0, 0, 0, 0], "今日は晴れ。明日は雨！本当？".as_bytes())),
        ("segment/quotes", "segment", seg([0x40, 0, 0, 0, 0], "“Go.” ‘Now!’ \"U.S.\" Inc. The end…".as_bytes())),
        ("segment/zero-width", "segment", seg([0x40, 0, 0, 0, 0], "A.\u{200B}B.\u{200B}\u{200B}C.".as_bytes())),
        ("segment/empty-text", "segment", seg([0x55, 1, 0, 2, 0], b"")),
        // Comparing: no sources' text, one separator, too many separators, NULs, copies.
        ("compare/empty", "compare", vec![]),
        ("compare/separator-only", "compare", vec![harness::SEPARATOR]),
        ("compare/five-pieces", "compare", sources(&[article, article, b"x.", article, article])),
        ("compare/nul-half", "compare", sources(&[article, b"\0a\0b\0c\0d"])),
        ("compare/copies", "compare", article.to_vec()),
        ("compare/invalid-utf8", "compare", sources(&[article, &[0xC3, 0x28, 0xC3, 0x28, b' ', b'a', b'.']])),
        ("compare/same-sentence", "compare", sources(&[b"Same. Same. Same. Same.", b"Same. Same.", b"Same."])),
        ("compare/quotes-only", "compare", sources(&["“A,” he said. “A,” he said.".as_bytes(), "‘A,’ she said.".as_bytes()])),
    ];
    #[cfg(feature = "html")]
    let cases = {
        let mut cases = cases;
        // Web pages: nothing, a lone tag, a broken comment and doctype, a script never closed,
        // a template, entities at the end of input, a table with stray text, invalid UTF-8.
        for (label, page) in [
            ("html/empty", &b""[..]),
            ("html/lone-tag", b"<p"),
            ("html/broken-comment", b"<!-- never closed <p>text</p>"),
            ("html/doctype-only", b"<!DOCTYPE html>"),
            ("html/open-script", b"<p>a</p><script>var x = '<p>b</p>"),
            ("html/template", b"<template><p>inert</p></template><p>seen</p>"),
            ("html/entity-at-end", b"<p>caf&eacute&#x"),
            ("html/stray-table-text", b"<table>one<tr>two<td>three</table>four"),
            ("html/invalid-utf8", &[b'<', b'p', b'>', 0xC3, 0x28, 0xF0, 0x9F, b'<', b'/', b'p', b'>']),
        ] {
            cases.push((label, "html", page.to_vec()));
        }
        cases
    };
    run_all(cases.into_iter().map(|(l, t, d)| (l.to_string(), t.to_string(), d)).collect());
}
