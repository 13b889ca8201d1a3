//! Web pages as sources: HTML read into its article, beside plain text, and hostile HTML.
//! Built with the `html` feature (`cargo test --features html`).
#![cfg(feature = "html")]

#[path = "fuzz_regressions/harness.rs"]
mod harness;

use harness::assert_report_spans;
use storydiff::{compare, Format, Options, Reason, Report, Role, SourceInput};

const PAGE: &str = r#"<!DOCTYPE html><html lang="en"><head><title>Flood closes bridge | Valley News</title>
<link rel="canonical" href="https://valley.example/news/flood-bridge">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood closes bridge","datePublished":"2024-03-05T08:30:00+01:00",
"author":{"@type":"Person","name":"Ann Lee"},"publisher":{"name":"Valley News"}}</script></head>
<body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="banner">Got a tip for us?</div></header>
<main><article><h1>Flood closes bridge</h1><p class="byline">By Ann Lee, 5 March 2024</p>
<p>The river rose two metres overnight and the old bridge was closed to traffic on Monday.</p>
<p>Engineers said the structure would be inspected before it reopens, which could take a week.</p>
<div class="social-share"><a href="/s">Share</a> <a href="/t">Tweet</a></div>
<p>Residents were asked to use the ferry, which will run every hour until further notice.</p></article>
<section id="comments"><h2>Comments</h2><p>They should have fixed that bridge years ago, as everyone in town knows.</p></section></main>
<aside class="most-read"><h2>Most read</h2><ol><li><a href="/a">Mayor resigns after budget vote</a></li><li><a href="/b">Storm warning for weekend</a></li></ol></aside>
<footer><p>© 2024 Valley News. All rights reserved.</p></footer></body></html>"#;

const WIRE: &str = "Flood closes valley bridge\n\nThe river rose two metres overnight and the old bridge was closed to traffic on Monday.\n\nEngineers said the structure would be inspected before it reopens.";

fn sentences(r: &Report, s: usize, role: Role) -> Vec<&str> {
    r.sources[s].sentences.iter().filter(|x| x.role == role).map(|x| x.text.as_str()).collect()
}

#[test]
fn a_web_page_is_compared_by_its_article_text() {
    let sources = [SourceInput::html("valley", PAGE), SourceInput::new("wire", WIRE)];
    let r = compare(&sources, &Options::default()).expect("compares");
    assert_report_spans(&r, &sources);
    let page = &r.sources[0];
    assert_eq!(page.format, Format::Html);
    assert_eq!(r.sources[1].format, Format::Text);
    assert_eq!(r.sources[1].text, None);
    assert_eq!(sentences(&r, 0, Role::Title), ["Flood closes bridge"]);
    assert_eq!(
        sentences(&r, 0, Role::Body),
        [
            "The river rose two metres overnight and the old bridge was closed to traffic on Monday.",
            "Engineers said the structure would be inspected before it reopens, which could take a week.",
            "Residents were asked to use the ferry, which will run every hour until further notice."
        ]
    );
    assert_eq!(page.sentences[1].support, 1, "the first body sentence is shared with the wire");
    assert_eq!(page.title.as_deref(), Some("Flood closes bridge"));
    assert_eq!(page.outlet.as_deref(), Some("Valley News"));
    assert_eq!(page.authors, ["Ann Lee"]);
    assert_eq!(page.published.as_deref(), Some("2024-03-05"));
    assert_eq!(page.datetime.as_deref(), Some("2024-03-05T08:30:00+01:00"));
    assert_eq!(page.url.as_deref(), Some("https://valley.example/news/flood-bridge"));
    assert_eq!(page.lang.as_deref(), Some("en"));
}

#[test]
fn the_page_text_is_what_the_offsets_index_and_has_no_markup() {
    let sources = [SourceInput::html("valley", PAGE), SourceInput::new("wire", WIRE)];
    let r = compare(&sources, &Options::default()).unwrap();
    let text = r.sources[0].text.as_deref().expect("an HTML source has its text");
    assert!(!text.contains('<') && !text.contains("ld+json") && !text.contains("canonical"), "{text}");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    for s in &r.sources[0].sentences {
        assert_eq!(String::from_utf16(&utf16[s.start..s.end]).unwrap(), s.text);
    }
    for cut in &r.sources[0].removed {
        assert_eq!(String::from_utf16(&utf16[cut.start..cut.end]).unwrap(), cut.text);
    }
}

#[test]
fn page_chrome_is_removed_with_its_reason() {
    let sources = [SourceInput::html("valley", PAGE), SourceInput::new("wire", WIRE)];
    let r = compare(&sources, &Options::default()).unwrap();
    let reason = |t: &str| r.sources[0].removed.iter().find(|c| c.text == t).map(|c| c.reason);
    assert_eq!(reason("Home World"), Some(Reason::Navigation));
    assert_eq!(reason("Share Tweet"), Some(Reason::Boilerplate));
    assert_eq!(reason("They should have fixed that bridge years ago, as everyone in town knows."), Some(Reason::Comments));
    assert_eq!(reason("Mayor resigns after budget vote"), Some(Reason::Navigation));
    assert_eq!(reason("© 2024 Valley News. All rights reserved."), Some(Reason::Boilerplate));
    assert!(reason("Got a tip for us?").is_some());
    assert!(reason("By Ann Lee, 5 March 2024").is_some());
}

#[test]
fn a_whole_html_document_given_as_text_is_read_as_html() {
    let sources = [SourceInput::new("pasted source", format!("\u{FEFF}\n  {PAGE}")), SourceInput::new("wire", WIRE)];
    let r = compare(&sources, &Options::default()).unwrap();
    assert_eq!(r.sources[0].format, Format::Html);
    assert_eq!(sentences(&r, 0, Role::Title), ["Flood closes bridge"]);
}

#[test]
fn text_that_quotes_a_tag_stays_text() {
    let text = "The <b> tag makes text bold, the guide explained on Tuesday.\n\nWriters were told to use <em> instead when they mean emphasis.";
    let sources = [SourceInput::new("guide", text), SourceInput::new("wire", WIRE)];
    let r = compare(&sources, &Options::default()).unwrap();
    assert_eq!(r.sources[0].format, Format::Text);
    assert!(!storydiff::is_html_document(text));
}

/// Compares hostile `html` beside the wire text: no panic, valid spans, nothing of the markup
/// in the text.
fn hostile(html: &str) -> Report {
    let sources = [SourceInput::html("hostile", html), SourceInput::new("wire", WIRE)];
    match compare(&sources, &Options::default()) {
        Ok(r) => {
            assert_report_spans(&r, &sources);
            r
        }
        Err(e) => panic!("hostile HTML should give a report: {e}"),
    }
}

#[test]
fn hostile_markup_gives_a_report_and_never_its_scripts() {
    let cases = [
        "<p>Unclosed <b>tags <i>everywhere<p>and a second paragraph that goes on for a while without end",
        "<p>a</p><script>document.write('</p><p>injected paragraph from a script</p>')</script><p>b</p>",
        "<p>&amp; &lt;script&gt;alert(1)&lt;/script&gt; &#0; &#x110000; &#xD800; &notanentity; &#99999999999;</p>",
        "<p>nul\0bytes\0inside a paragraph of text that says something.</p>",
        "<img src=x onerror=alert(1)><svg onload=alert(1)><p>After the vectors, a sentence.</p><iframe src=javascript:alert(1)></iframe>",
        "<a href=\"javascript:alert(1)\">click</a><div style=\"background:url(javascript:alert(1))\">styled text here</div>",
        "<table><tr><td>cell<table><tr><td>nested</table></td></tr>stray text</table>",
    ];
    for html in cases {
        let r = hostile(html);
        let text = r.sources[0].text.clone().unwrap_or_default();
        assert!(!text.contains("alert(1)") || html.contains("&lt;script&gt;"), "{html:?} gave {text:?}");
        assert!(!text.contains("injected paragraph"), "script text leaked: {text:?}");
    }
}

#[test]
fn huge_pages_deep_nesting_and_huge_attributes_are_bounded() {
    let deep = "<div>".repeat(100_000) + "<p>The deepest paragraph says something about the bridge.</p>";
    assert!(hostile(&deep).sources[0].text.as_deref().unwrap().contains("deepest paragraph"));
    let attr = format!("<p title=\"{}\">A paragraph with a huge attribute.</p>", "x".repeat(2 << 20));
    hostile(&attr);
    let big: String = (0..60_000).map(|i| format!("<p>Paragraph {i} of a very long page about the river and the bridge.</p>\n")).collect();
    assert!(big.len() > 4 << 20);
    let r = hostile(&big);
    assert!(r.sources[0].sentences.len() > 50_000);
}
