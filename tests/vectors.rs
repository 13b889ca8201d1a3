//! The committed sentence vectors: the file is the one the distillation recorded, and the
//! tokenizer and pooling in Rust give what the source model's own tokenizer and the distillation
//! script give (pins written by `scripts/distill/distill.py` from the source model); and a
//! comparison of two sentences reads their plain vectors, not vectors centred on the two.

mod support;

use std::path::Path;
use storydiff::embed::{dot, normalize, Vectors};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Undoes the pin files' escapes: `\\t`, `\\n`, `\\r`, `\\\\` and `\\u{HEX}`.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('\\') => out.push('\\'),
            Some('u') => {
                let hex: String = chars.by_ref().skip(1).take_while(|&c| c != '}').collect();
                out.push(char::from_u32(u32::from_str_radix(&hex, 16).expect("hex escape")).expect("a code point"));
            }
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

fn pins(file: &str) -> Vec<Vec<String>> {
    std::fs::read_to_string(root().join("tests/tokenizer").join(file))
        .expect("pin file")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

#[test]
fn the_tokenizer_gives_the_source_models_token_ids() {
    let vectors = support::scoring::vectors();
    let mut wrong = Vec::new();
    let rows = pins("wordpiece.tsv");
    for row in &rows {
        let input = unescape(&row[0]);
        let want: Vec<u32> = row.get(1).map(|ids| ids.split_whitespace().map(|x| x.parse().unwrap()).collect()).unwrap_or_default();
        let got = vectors.tokenizer().encode(&input);
        if got != want {
            wrong.push(format!("{input:?}: {got:?}, the model's tokenizer gives {want:?}"));
        }
    }
    println!("tokenizer: {} of {} inputs as the source tokenizer cuts them", rows.len() - wrong.len(), rows.len());
    assert!(rows.len() >= 400, "only {} pinned inputs", rows.len());
    assert!(wrong.is_empty(), "{} of {} differ:\n{}", wrong.len(), rows.len(), wrong.join("\n"));
}

#[test]
fn a_sentence_vector_is_the_distillations_sum_of_token_vectors() {
    let vectors = support::scoring::vectors();
    let mut sums = 0;
    for row in pins("pooling.tsv") {
        match row.len() {
            2 => {
                let want: Vec<f32> = row[1].split(',').map(|x| x.trim().parse().unwrap()).collect();
                let got = vectors.sum(&unescape(&row[0]));
                assert_eq!(got.len(), want.len());
                for (g, w) in got.iter().zip(&want) {
                    assert!((g - w).abs() <= 1e-4 * (1.0 + w.abs()), "{:?}: {g} against {w}", row[0]);
                }
                sums += 1;
            }
            3 => {
                let (mut a, mut b) = (vectors.sum(&unescape(&row[0])), vectors.sum(&unescape(&row[1])));
                normalize(&mut a);
                normalize(&mut b);
                let want: f32 = row[2].parse().unwrap();
                assert!((dot(&a, &b) - want).abs() < 1e-4, "{:?} / {:?}: {} against {want}", row[0], row[1], dot(&a, &b));
            }
            _ => panic!("bad pooling pin {row:?}"),
        }
    }
    assert!(sums >= 20);
}

#[test]
fn the_committed_vectors_are_the_file_the_distillation_recorded() {
    use sha2::{Digest, Sha256};
    let manifest: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(root().join("vectors/manifest.json")).unwrap()).unwrap();
    let bytes = std::fs::read(root().join("vectors/minilm-static.bin")).unwrap();
    let digest: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(digest, manifest["sha256"].as_str().unwrap(), "vectors/minilm-static.bin is not the file in vectors/manifest.json");
    assert_eq!(bytes.len() as u64, manifest["bytes"].as_u64().unwrap());
    let vectors = Vectors::from_bytes(&bytes).expect("the format of vectors/README.md");
    assert_eq!(vectors.dims() as u64, manifest["parameters"]["dims"].as_u64().unwrap());
}

/// The report of `texts`, one source each, compared with the committed vectors.
fn compared(texts: &[&str]) -> storydiff::Report {
    let vectors = Vectors::from_bytes(&std::fs::read(root().join("vectors/minilm-static.bin")).unwrap()).unwrap();
    let sources: Vec<storydiff::SourceInput> = texts.iter().enumerate().map(|(i, t)| storydiff::SourceInput::new(format!("s{i}"), format!("{t}\n"))).collect();
    storydiff::compare_with(&sources, &storydiff::Options::default(), Some(&vectors)).unwrap()
}

#[test]
fn two_one_sentence_sources_are_compared_by_their_plain_vectors() {
    // Centred on the mean of two, any two vectors are opposite: this pair's score fell under
    // the floor for showing a nearest counterpart at all (0.1); by their plain vectors it is
    // 0.18, and the reader sees the other sentence beside each.
    let report = compared(&["The president is expected to sign the bill this week.", "The White House said the president would sign it within days."]);
    let nearest = report.sources[0].sentences[0].nearest.as_ref().expect("a nearest counterpart");
    assert_eq!((nearest.source, nearest.sentence), (1, 0));
}

#[test]
fn two_short_reports_sharing_a_figure_and_close_in_meaning_state_the_same_fact() {
    // Their sources share no other claim, so only the vectors can link them for the figure
    // (src/anchor.rs); before, the pair was a plain "unique" on each side (0.15).
    let report = compared(&["The Senate approved the bill on Tuesday by a 97-1 vote.", "Senators passed the measure Tuesday; the final tally was 97-1."]);
    assert!(report.matches.iter().any(|m| m.a == (0, 0) && m.b == (1, 0)), "{:?}", report.matches);
}

#[test]
fn the_same_figure_in_two_different_stories_is_not_a_match_with_the_vectors_either() {
    let report = compared(&[
        "The striker signed with the club for eight seasons. The club's offer came to $160 million over the contract.",
        "Thieves emptied a jewellery boutique near the river overnight. Police said the stolen gems had a value of $160 million.",
    ]);
    assert!(report.matches.is_empty(), "{:?}", report.matches);
}
