//! The public contract of `compare`: errors, offsets, pairs, groups and options.

#[path = "fuzz_regressions/harness.rs"]
mod harness;

use storydiff::index::CLIQUE;
use storydiff::{compare, Error, Kind, Options, Report, Role, SourceInput};

fn src(name: &str, text: &str) -> SourceInput {
    SourceInput::new(name, text)
}

const WIRE: &str = "Flood forces 300 from homes in Oakvale\r\n\r\nFlooding forced the evacuation of 300 residents from the riverside district of Oakvale on Monday, officials said. 🌊\r\n\r\n“We have never seen water this high,” Mayor Ana Ruiz told reporters.\r\n\r\nThe river peaked at 6.2 metres overnight, the highest level since 1998.\r\n\r\nSubscribe to our newsletter\r\n";
const PAPER: &str = "Oakvale evacuates riverside district\n\nSome 300 people living in Oakvale's riverside district had to evacuate on Monday because of the flooding.\n\n“We have never seen water this high,” Ruiz said.\n\nThe river peaked at 5.8 metres overnight, the highest level since 1998.\n\nVolunteers from the Red Cross handed out blankets at the school gym.\n\n© 2024 Oakvale Paper. 東京";

fn report() -> Report {
    compare(&[src("wire", WIRE), src("paper", PAPER)], &Options::default()).expect("compares")
}

#[test]
fn too_few_sources_is_an_error() {
    assert_eq!(compare(&[], &Options::default()), Err(Error::TooFewSources(0)));
    assert_eq!(compare(&[src("a", WIRE)], &Options::default()), Err(Error::TooFewSources(1)));
}

#[test]
fn empty_and_binary_sources_are_errors_naming_the_source() {
    let e = compare(&[src("a", WIRE), src("blank", " \n\t ")], &Options::default()).unwrap_err();
    assert_eq!(e, Error::EmptySource("blank".into()));
    assert!(e.to_string().contains("blank"));
    let binary: String = (0u8..200).map(|b| b as char).collect::<String>().replace(char::is_alphanumeric, "\u{1}");
    let e = compare(&[src("a", WIRE), src("bin", &binary)], &Options::default()).unwrap_err();
    assert_eq!(e, Error::BinarySource("bin".into()));
}

#[test]
fn every_span_is_a_utf16_slice_of_its_input() {
    let r = report();
    assert!(!r.quotes.is_empty() && !r.sources[0].removed.is_empty(), "the example has quotations and removed lines to check");
    harness::assert_report_spans(&r, &[src("wire", WIRE), src("paper", PAPER)]);
}

#[test]
fn titles_metadata_and_chrome_are_read() {
    let r = report();
    assert_eq!(r.version, 1);
    assert_eq!(r.sources[0].title.as_deref(), Some("Flood forces 300 from homes in Oakvale"));
    assert_eq!(r.sources[0].sentences[0].role, Role::Title);
    assert_eq!(r.sources[1].outlet.as_deref(), Some("Oakvale Paper"));
    assert!(r.sources[0].removed.iter().any(|x| x.text == "Subscribe to our newsletter"));
}

#[test]
fn shared_and_unique_sentences() {
    let r = report();
    let find = |s: usize, needle: &str| r.sources[s].sentences.iter().position(|x| x.text.contains(needle)).expect(needle);
    let pair = |a: (usize, usize), b: (usize, usize)| r.matches.iter().find(|m| (m.a, m.b) == (a, b));
    let quote = pair((0, find(0, "never seen")), (1, find(1, "never seen"))).expect("quote sentences match");
    assert_eq!(quote.kind, Kind::Minor);
    let flood = pair((0, find(0, "Flooding forced")), (1, find(1, "Some 300"))).expect("paraphrase found");
    assert_eq!(flood.kind, Kind::Paraphrase);
    let river = pair((0, find(0, "peaked")), (1, find(1, "peaked"))).expect("figures sentence matches");
    assert!(river.conflicts.iter().any(|c| c.a == "6.2" && c.b == "5.8"), "{:?}", river.conflicts);
    assert_eq!(r.sources[1].sentences[find(1, "Red Cross")].support, 0);
    assert!(r.quotes.iter().any(|q| q.occurrences.len() == 2 && q.speaker.as_deref() == Some("Ana Ruiz")));
}

#[test]
fn each_pair_once_and_every_matched_sentence_in_a_group() {
    let r = report();
    let mut seen = std::collections::HashSet::new();
    for m in &r.matches {
        assert!(m.a.0 < m.b.0, "a comes from the lower source");
        assert!(seen.insert((m.a, m.b)));
        assert!((0.0..=1.0).contains(&m.score));
    }
    for (g, group) in r.groups.iter().enumerate() {
        let sources: std::collections::HashSet<usize> = group.members.iter().map(|m| m.0).collect();
        assert!(sources.len() >= 2);
        for &(s, k) in &group.members {
            assert_eq!(r.sources[s].sentences[k].group, Some(g));
            assert!(r.sources[s].sentences[k].support >= sources.len() - 1);
        }
    }
    for m in &r.matches {
        for (s, k) in [m.a, m.b] {
            assert!(r.sources[s].sentences[k].group.is_some(), "matched sentence {s}/{k} has no group");
        }
    }
    assert_eq!(r.similarity[0][0], 1.0);
    assert_eq!(r.similarity[0][1], r.similarity[1][0]);
}

#[test]
fn options_filter_kinds_and_scores() {
    let only_minor = Options { kinds: vec![Kind::Minor], ..Options::default() };
    let r = compare(&[src("wire", WIRE), src("paper", PAPER)], &only_minor).unwrap();
    assert!(!r.matches.is_empty() && r.matches.iter().all(|m| m.kind == Kind::Minor));
    let strict = Options { min_score: 1.0, ..Options::default() };
    let r = compare(&[src("wire", WIRE), src("paper", PAPER)], &strict).unwrap();
    assert!(r.matches.is_empty() && r.groups.is_empty());
    assert!(r.sources.iter().flat_map(|s| &s.sentences).all(|x| x.support == 0));
}

#[test]
fn identical_copies_are_identical() {
    let r = compare(&[src("a", WIRE), src("b", WIRE)], &Options::default()).unwrap();
    let n = r.sources[0].sentences.len();
    assert_eq!(r.matches.iter().filter(|m| m.kind == Kind::Identical && m.a.1 == m.b.1).count(), n);
}

/// Every non-blank character of the input is in a sentence or a removed span: nothing is
/// dropped silently.
fn assert_accounted(text: &str, source: &storydiff::SourceReport) {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut covered = vec![false; units.len()];
    for (a, b) in source.sentences.iter().map(|x| (x.start, x.end)).chain(source.removed.iter().map(|x| (x.start, x.end))) {
        covered[a..b].iter_mut().for_each(|c| *c = true);
    }
    for (i, &u) in units.iter().enumerate() {
        let ch = char::from_u32(u as u32).unwrap_or('x');
        assert!(covered[i] || ch.is_whitespace() || matches!(u, 0xFEFF | 0x200B..=0x200F), "{}: unit {i} ({ch:?}) dropped: …{}…", source.name, String::from_utf16_lossy(&units[i.saturating_sub(30)..(i + 30).min(units.len())]));
    }
}

#[test]
fn seeds_lose_no_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().filter(|f| f.path().extension().is_some_and(|e| e == "txt")).collect();
    files.sort_by_key(|f| f.file_name());
    let sources: Vec<SourceInput> = files.iter().map(|f| src(&f.file_name().to_string_lossy(), &std::fs::read_to_string(f.path()).unwrap())).collect();
    let r = compare(&sources, &Options::default()).unwrap();
    for (s, source) in r.sources.iter().enumerate() {
        assert_accounted(&sources[s].text, source);
    }
}

/// The ECB+ articles (`<cluster>/*.txt`): `STORYDIFF_ECB_DIR`, else `../shared/data/ecbplus`
/// beside the crate, as for `npm run bench`. Skipped, and said so, when the folder is missing.
#[test]
fn ecb_clusters_give_sensible_reports() {
    let root = std::env::var_os("STORYDIFF_ECB_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ecbplus"));
    let Ok(dirs) = std::fs::read_dir(&root) else {
        eprintln!("ecb_clusters_give_sensible_reports: no ECB+ data at {} (set STORYDIFF_ECB_DIR); skipped", root.display());
        return;
    };
    let mut dirs: Vec<_> = dirs.flatten().map(|d| d.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    let mut clusters = 0;
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        let sources: Vec<SourceInput> = files
            .iter()
            .map(|f| src(&f.file_name().unwrap().to_string_lossy(), &std::fs::read_to_string(f).unwrap()))
            .collect();
        if sources.len() < 2 {
            continue;
        }
        let r = compare(&sources, &Options::default()).unwrap();
        harness::assert_report_spans(&r, &sources);
        for (s, source) in r.sources.iter().enumerate() {
            assert_accounted(&sources[s].text, source);
            assert!(!source.sentences.is_empty(), "{}: no sentences", sources[s].name);
            let kept: usize = source.sentences.iter().map(|x| x.text.len()).sum();
            // The sparsest ECB+ article keeps about a third of its text in sentences (the rest is
            // site chrome); below a quarter, cleaning would be eating the article.
            let len = sources[s].text.trim().len();
            assert!(kept * 4 > len, "{}: cleaning left only {kept} of {len} bytes (a quarter or less) in sentences", sources[s].name);
        }
        clusters += 1;
    }
    // The corpus has 86 clusters; a much smaller count means the folder is not the corpus.
    assert!(clusters > 50 || std::env::var_os("STORYDIFF_ECB_DIR").is_some(), "only {clusters} clusters of two or more articles in {}", root.display());
    assert!(clusters > 0, "no cluster of two or more articles in {}", root.display());
    eprintln!("ecb_clusters_give_sensible_reports: {clusters} clusters from {}", root.display());
}

#[test]
fn many_copies_of_one_article_give_linear_output() {
    let sources: Vec<SourceInput> = (0..200).map(|i| src(&format!("copy{i}"), WIRE)).collect();
    let r = compare(&sources, &Options::default()).unwrap();
    let sentences = r.sources[0].sentences.len();
    // A clique of the first CLIQUE copies, then one link per further copy.
    assert!(r.matches.len() <= sentences * (CLIQUE * (CLIQUE - 1) / 2 + 200), "{} matches", r.matches.len());
    assert!(r.sources.iter().all(|s| s.sentences.iter().all(|x| x.support == 199)));
    assert!(r.quotes.iter().all(|q| q.occurrences.len() == 200));
}

#[test]
fn a_sentence_repeated_within_one_source_is_never_matched_with_itself() {
    let line = "The ministry confirmed the figures on Tuesday.\n";
    // One paragraph (cleaning drops repeated paragraphs, not repeated sentences inside one).
    let repeated = line.trim_end().repeat(40).replace(".T", ". T");
    let r = compare(&[src("a", &repeated), src("b", &repeated), src("c", line)], &Options::default()).unwrap();
    assert!(r.matches.iter().all(|m| m.a.0 != m.b.0), "a same-source match");
    // Every copy in a and b is linked to the other sources, however often its own source repeats it.
    for s in &r.sources[..2] {
        assert!(s.sentences.iter().all(|x| x.support == 2), "{:?}", s.sentences.iter().map(|x| x.support).collect::<Vec<_>>());
    }
}

#[test]
fn limits_are_checked_before_work_with_errors_naming_them() {
    let many: Vec<SourceInput> = (0..=storydiff::MAX_SOURCES).map(|i| src(&i.to_string(), "Hi.")).collect();
    let e = compare(&many, &Options::default()).unwrap_err();
    assert!(e.to_string().contains("limit is 2000 sources"), "{e}");
    let huge = "word ".repeat(storydiff::MAX_SOURCE_BYTES / 5 + 1);
    let e = compare(&[src("a", WIRE), src("huge", &huge)], &Options::default()).unwrap_err();
    assert!(matches!(e, Error::SourceTooLarge(ref n, _) if n == "huge") && e.to_string().contains("per source"), "{e}");
    let big = "word ".repeat(storydiff::MAX_SOURCE_BYTES / 5 - 10);
    let lots: Vec<SourceInput> = (0..9).map(|i| src(&i.to_string(), &big)).collect();
    let e = compare(&lots, &Options::default()).unwrap_err();
    assert!(matches!(e, Error::TooMuchText(_)) && e.to_string().contains("per comparison"), "{e}");
    let e = compare(&[src("a", WIRE), src("b", PAPER)], &Options { min_score: 2.0, ..Options::default() }).unwrap_err();
    assert!(e.to_string().contains("minScore"), "{e}");
}
