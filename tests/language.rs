//! The language each source is read as (`src/language.rs`), on text that is not in `seeds/`:
//! one short made-up article per language in `tests/fixtures/languages/` (the file name is the
//! language; `none-*` are in a language told apart by no profile, and must get none), and every
//! ECB+ article, all English.

use storydiff::{compare, language, prepare, Options, SourceInput};

fn fixtures() -> Vec<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/languages");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().map(|f| f.path()).collect();
    files.sort();
    files.iter().map(|f| (f.file_stem().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(f).unwrap())).collect()
}

#[test]
fn each_fixture_is_read_as_its_language_in_the_report() {
    let all = fixtures();
    assert!(all.len() >= 20, "{} fixtures", all.len());
    let english = &all.iter().find(|(tag, _)| tag == "en").unwrap().1;
    let mut wrong = Vec::new();
    for (tag, text) in &all {
        let sources = [SourceInput::new(tag.as_str(), text.as_str()), SourceInput::new("en", english.as_str())];
        let report = compare(&sources, &Options::default()).unwrap();
        let want = if tag.starts_with("none") { None } else { Some(tag.as_str()) };
        if report.sources[0].lang.as_deref() != want {
            wrong.push(format!("{tag}: {:?}", report.sources[0].lang));
        }
        assert_eq!(report.sources[1].lang.as_deref(), Some("en"));
    }
    assert!(wrong.is_empty(), "read as another language: {wrong:?}");
}

#[test]
fn the_first_sentence_alone_is_enough_for_most() {
    // One sentence of each fixture: a short text is read right, or not at all, never wrong.
    let mut known = 0;
    for (tag, text) in fixtures() {
        let first = text.split_inclusive(['.', '。', '।']).next().unwrap();
        let got = language::identify([first]);
        let want = if tag.starts_with("none") { None } else { Some(tag.as_str()) };
        assert!(got.is_none() || got == want, "{tag}: {first:?} read as {got:?}");
        known += (got.is_some()) as usize;
    }
    assert!(known >= 15, "only {known} fixtures known from their first sentence");
}

#[test]
fn a_page_that_declares_its_language_keeps_it() {
    let page = "<!doctype html><html lang=\"de-AT\"><body><article><h1>Flood closes bridge</h1><p>The council said on Monday that the bridge would stay closed.</p></article></body></html>";
    let sources = [SourceInput::html("page", page), SourceInput::new("text", "The council said on Monday that the bridge would stay closed for a week.")];
    match compare(&sources, &Options::default()) {
        Ok(r) => {
            assert_eq!(r.sources[0].lang.as_deref(), Some("de-at"));
            assert_eq!(r.sources[1].lang.as_deref(), Some("en"));
        }
        // A build without the `html` feature refuses the page.
        Err(e) => assert!(matches!(e, storydiff::Error::HtmlUnsupported(_)), "{e}"),
    }
}

/// Every ECB+ article (`STORYDIFF_ECB_DIR`, else `../shared/data/ecbplus`), read as the report
/// reads it (its kept sentences), is English, or not known: none is read as another language.
/// One article is not known: all it keeps is "PHILADELPHIA 76ERS Fired Jim O'Brien, coach. Named
/// Maurice Cheeks coach.", which has no function word of any language. Skipped, and said so,
/// without the corpus.
#[test]
fn every_ecb_article_is_english() {
    let root = std::env::var_os("STORYDIFF_ECB_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/ecbplus"));
    let Ok(dirs) = std::fs::read_dir(&root) else {
        eprintln!("every_ecb_article_is_english: no ECB+ data at {} (set STORYDIFF_ECB_DIR); skipped", root.display());
        return;
    };
    let (mut articles, mut english, mut unknown, mut wrong) = (0, 0, Vec::new(), Vec::new());
    let mut dirs: Vec<_> = dirs.flatten().map(|d| d.path()).filter(|p| p.is_dir()).collect();
    dirs.sort();
    for dir in dirs {
        let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().map(|f| f.path()).filter(|p| p.extension().is_some_and(|e| e == "txt")).collect();
        files.sort();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            // Each article alone, beside a copy of itself (prepare wants two sources).
            let sources = [SourceInput::new("a", text.as_str()), SourceInput::new("b", text.as_str())];
            let prepared = prepare(&sources).unwrap();
            let kept = prepared.units.iter().filter(|u| u.source == 0).map(|u| &text[u.span.clone()]);
            let name = f.file_name().unwrap().to_string_lossy().into_owned();
            articles += 1;
            match language::identify(kept) {
                Some("en") => english += 1,
                None => unknown.push(name),
                Some(other) => wrong.push(format!("{name}: {other}")),
            }
        }
    }
    eprintln!("every_ecb_article_is_english: {articles} articles, {english} English, not known: {unknown:?}, another language: {wrong:?}");
    assert!(wrong.is_empty(), "read as another language: {wrong:#?}");
    assert!(unknown.len() <= 1, "not known: {unknown:#?}");
    assert!(articles < 900 || english + 1 >= articles, "{english} of {articles} English");
}
