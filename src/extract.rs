//! Extraction: find the article in a web page read into blocks ([`crate::html::Page`]), and
//! say why everything else is not it.
//!
//! The article is the element whose text is most prose and least everything else: every block
//! scores its prose bytes for each element it is in and its other bytes against them, and the
//! best-scoring element holds the article, unless an element the markup names as the article
//! (`<article>`, `itemprop="articleBody"`, an `article-body` class) holds a fair share of that
//! prose. Chrome hints on an element that holds most of the page's prose (a layout wrapper
//! named `with-sidebar`) are not taken. Inside it, blocks are kept unless their markup marks
//! them as chrome (comments, share bars, related lists...), they are mostly links, or a short,
//! non-prose line matches a chrome pattern of [`crate::clean`]; a full prose sentence is never
//! removed by a keyword. Outside it, blocks are removed with the reason their markup gives, or
//! as page text outside the article. The headline is found from the page's metadata.

use crate::clean::{self, Cleaned, Cut, Kept, Meta};
use crate::html::{Block, Hint, Kind, Page};
use crate::report::{Reason, Role};

/// The article of `page`: spans of `page.text` kept with a role or removed with a reason, and
/// the metadata.
pub fn article(page: &Page) -> Cleaned {
    let text = &page.text;
    let (prose, hints, root) = root(page);
    let inside = page.outline.within(root);
    let title = headline(page);

    let listed = headed_lists(page, &inside, &prose);

    let mut out = Cleaned { meta: meta(page), ..Cleaned::default() };
    for (i, b) in page.outline.blocks.iter().enumerate() {
        let s = &text[b.span.clone()];
        let verdict = if Some(i) == title {
            Ok(Role::Title)
        } else if !inside[b.parent] {
            Err(match removed_reason(hints[b.parent]) {
                Some(Reason::Outside) | None if links(b) > 0.5 => Reason::Navigation,
                Some(reason) => reason,
                None => Reason::Outside,
            })
        } else {
            judge(b, s, hints[b.parent], prose[i]).and_then(|role| listed[i].map_or(Ok(role), Err))
        };
        match verdict {
            Ok(role) => out.blocks.push(Kept { span: b.span.clone(), role }),
            Err(reason) => out.removed.push(Cut { span: b.span.clone(), reason }),
        }
    }
    // The headline as the page's JSON-LD gives it (the article's own `headline` field, which the
    // issue asks for as metadata; the block kept as the title is the heading shown); else as the
    // page shows it, rather than as `og:title` spells it (often with the site's name).
    if let Some(t) = title.filter(|_| !page.meta.headline_from_json_ld) {
        out.meta.title = Some(text[page.outline.blocks[t].span.clone()].to_string());
    }
    out
}

/// For each block inside the article, the reason it goes when it is one of a list that a
/// heading marked as chrome heads (`Related stories`, `Share this:`), as in a paste's boxes
/// ([`crate::blocks::Outline::headed_lists`]): the list of other stories or the buttons under it.
fn headed_lists(page: &Page, inside: &[bool], prose: &[bool]) -> Vec<Option<Reason>> {
    let blocks = &page.outline.blocks;
    let text = |i: usize| &page.text[blocks[i].span.clone()];
    let words: Vec<usize> = (0..blocks.len()).map(|i| clean::word_count(text(i))).collect();
    // The cheap tests first: the line patterns are asked of short headings in the article only.
    let reason = |i: usize| {
        let head = inside[blocks[i].parent] && words[i] <= 4 && clean::box_head(text(i));
        head.then(|| clean::chrome_line(text(i), prose[i])).flatten().filter(|r| matches!(r, Reason::Navigation | Reason::Boilerplate))
    };
    let mut out = vec![None; blocks.len()];
    for (head, list) in page.outline.headed_lists(|i| reason(i).is_some(), |i| words[i] <= LIST_ITEM_WORDS) {
        let r = reason(head);
        out[list].iter_mut().for_each(|o| *o = r);
    }
    out
}

/// The most words a block of a list of other stories has (a story's headline).
const LIST_ITEM_WORDS: usize = 15;

/// The element of `page` that holds the article, with which blocks are prose and each
/// element's trusted hint.
pub fn root(page: &Page) -> (Vec<bool>, Vec<Hint>, usize) {
    let prose: Vec<bool> = page.outline.blocks.iter().map(|b| is_prose(&page.text[b.span.clone()], b)).collect();
    let hints = trusted_hints(page, &prose);
    let root = container(page, &hints, &prose);
    (prose, hints, root)
}

/// A block inside the article: kept with a role, or the reason it is not article text.
fn judge(b: &Block, s: &str, hint: Hint, prose: bool) -> Result<Role, Reason> {
    if let Some(reason) = removed_reason(hint) {
        return Err(reason);
    }
    if !prose && links(b) > 0.5 {
        return Err(Reason::Navigation);
    }
    if let Some(reason) = clean::chrome_line(s, prose) {
        return Err(reason);
    }
    Ok(if hint == Hint::Figure || b.kind == Kind::Caption { Role::Caption } else { Role::Body })
}

/// Each element's hint as [`Page::inherited_hints`] gives it, leaving out the chrome hints of
/// elements that hold most of the page's prose: a layout wrapper named `with-sidebar` or
/// `main-nav-layout` around the whole article says nothing about the article.
fn trusted_hints(page: &Page, prose: &[bool]) -> Vec<Hint> {
    let mut own = vec![0.0; page.outline.elements.len()];
    for (b, _) in page.outline.blocks.iter().zip(prose).filter(|(_, &p)| p) {
        own[b.parent] += b.span.len() as f64;
    }
    let prose_bytes = page.outline.subtree_sums(own);
    let total = prose_bytes[0];
    page.outline.inherited_hints(|e| removed_reason(page.outline.elements[e].hint).is_some() && prose_bytes[e] > WRAPPER_SHARE * total)
}

/// The share of a page's prose above which an element's chrome hint is not taken.
const WRAPPER_SHARE: f64 = 0.5;

/// The reason for removing text whose markup gives `hint`.
fn removed_reason(hint: Hint) -> Option<Reason> {
    match hint {
        Hint::Navigation => Some(Reason::Navigation),
        Hint::Comments => Some(Reason::Comments),
        Hint::Boilerplate => Some(Reason::Boilerplate),
        Hint::Byline => Some(Reason::Metadata),
        Hint::Aside => Some(Reason::Outside),
        Hint::None | Hint::Article | Hint::Figure => None,
    }
}

/// The share of a block's text that is link text.
fn links(b: &Block) -> f64 {
    b.link_bytes as f64 / b.span.len().max(1) as f64
}

/// Whether a block reads as running text: sentences, not a label, a menu item or a teaser.
fn is_prose(s: &str, b: &Block) -> bool {
    if matches!(b.kind, Kind::Heading(_)) || links(b) > 0.5 {
        return false;
    }
    let words = clean::word_count(s);
    // A lead-in to a quotation or a list ends in a colon.
    let ends = clean::ends_sentence(s) || s.trim_end().ends_with(':');
    (words >= 8 && ends) || words >= 25
}

/// The element that holds the article: the one whose subtree has the most prose bytes net of
/// its other bytes (text marked as chrome counts against the elements around it), unless an
/// element the markup names as the article (`<article>`, `itemprop="articleBody"`, an
/// `article-body` class) holds a fair share of that prose: then the best of those.
fn container(page: &Page, hints: &[Hint], prose: &[bool]) -> usize {
    let n = page.outline.elements.len();
    let mut net = vec![0.0f64; n];
    let mut good = vec![0.0f64; n];
    for (i, b) in page.outline.blocks.iter().enumerate() {
        let bytes = b.span.len() as f64;
        if prose[i] && removed_reason(hints[b.parent]).is_none() {
            net[b.parent] += bytes - b.link_bytes as f64;
            good[b.parent] += bytes;
        } else {
            net[b.parent] -= OTHER_WEIGHT * bytes;
        }
    }
    let net = page.outline.subtree_sums(net);
    let good = page.outline.subtree_sums(good);
    let best_of = |candidates: &mut dyn Iterator<Item = usize>| candidates.max_by(|&a, &b| net[a].total_cmp(&net[b]).then(b.cmp(&a)));
    let best = best_of(&mut (0..n)).unwrap_or(0);
    let enough = (ARTICLE_SHARE * good[best]).max(ARTICLE_MIN_BYTES);
    best_of(&mut (0..n).filter(|&e| page.outline.elements[e].hint == Hint::Article && good[e] >= enough)).unwrap_or(best)
}

/// The share of the best element's prose that an element named as the article must hold to be
/// taken instead.
const ARTICLE_SHARE: f64 = 0.3;

/// The least prose, in bytes, an element named as the article must hold to be taken.
const ARTICLE_MIN_BYTES: f64 = 200.0;

/// How much a byte of text that is not prose counts against an element, beside a byte of prose.
const OTHER_WEIGHT: f64 = 0.5;

/// The block that is the headline: the heading that the page's metadata names as its headline,
/// else its first `<h1>`.
fn headline(page: &Page) -> Option<usize> {
    let wanted = [page.meta.headline.as_deref(), page.meta.h1.as_deref()];
    for want in wanted.into_iter().flatten() {
        let want = comparable(want);
        let found = page.outline.blocks.iter().position(|b| {
            let got = comparable(&page.text[b.span.clone()]);
            matches!(b.kind, Kind::Heading(_)) && !got.is_empty() && (got == want || (got.len() * 5 >= want.len() * 4 && want.contains(&got)))
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The `YYYY-MM-DD` an ISO 8601 date or date-time starts with.
fn iso_date(s: &str) -> Option<String> {
    let d = s.trim().get(..10)?;
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    (digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10)).then(|| d.to_string())
}

/// Lower-case letters and digits only, for comparing headlines across their markup.
fn comparable(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The report's metadata from the page's own.
fn meta(page: &Page) -> Meta {
    let m = &page.meta;
    Meta {
        title: m.headline.clone().or_else(|| m.h1.clone()),
        outlet: m.outlet.clone(),
        published: m.published.as_deref().and_then(|p| iso_date(p).or_else(|| clean::find_date(p))),
        authors: m.authors.clone(),
        section: None,
        url: m.url.clone(),
        lang: m.lang.clone(),
        datetime: m.published.clone().filter(|p| p.contains('T') || p.contains(':')),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::read;

    fn kept(html: &str) -> (Vec<(String, Role)>, Vec<(String, Reason)>) {
        let page = read(html);
        let c = article(&page);
        (
            c.blocks.iter().map(|b| (page.text[b.span.clone()].to_string(), b.role)).collect(),
            c.removed.iter().map(|r| (page.text[r.span.clone()].to_string(), r.reason)).collect(),
        )
    }

    /// The reason the block reading `t` was removed for, if it was.
    fn reason_of(removed: &[(String, Reason)], t: &str) -> Option<Reason> {
        removed.iter().find(|(s, _)| s == t).map(|r| r.1)
    }

    /// Checks that the page `html` removes each of `lines` for `reason`; returns what it keeps.
    fn removes_as(html: &str, reason: Reason, lines: &[&str]) -> Vec<String> {
        let (kept, removed) = kept(html);
        for line in lines {
            assert_eq!(reason_of(&removed, line), Some(reason), "{line}");
        }
        kept.into_iter().map(|(t, _)| t).collect()
    }

    const PAGE: &str = r#"<html><head><meta property="og:title" content="Flood closes bridge | Daily"></head><body>
        <nav><ul><li><a href="/">Home</a></li><li><a href="/w">World</a></li></ul></nav>
        <main><h1>Flood closes bridge</h1><div class="byline">By Ann Lee</div>
        <div class="story"><p>The river rose two metres overnight and the old bridge was closed to traffic on Monday.</p>
        <figure><img src="x.jpg"><figcaption>The bridge at noon.</figcaption></figure>
        <p>Engineers said the structure would be inspected before it reopens, which could take a week.</p>
        <div class="share-bar"><a href="/s">Share on Facebook</a></div>
        <p>Residents were asked to use the ferry, which will run every hour until further notice.</p></div>
        <section class="comments"><p>This bridge should have been replaced years ago, everyone knows it.</p></section></main>
        <aside><h2>Most read</h2><ul><li><a href="/1">Mayor resigns after vote</a></li></ul></aside>
        <footer><p>© 2024 Daily. All rights reserved.</p></footer></body></html>"#;

    #[test]
    fn a_list_under_a_related_heading_inside_the_article_goes_and_an_article_list_stays() {
        let html = r#"<html><body><article><h1>Ferry back after storm</h1>
            <p>The ferry to the island ran again on Monday, a week after the storm closed the harbour.</p>
            <p>What changes for passengers:</p><ul><li>Boats leave every hour</li><li>Tickets cost 4 euros</li></ul>
            <div><h3>Related stories</h3><ul><li>Bridge repairs to start in May</li><li>Council backs a new pier</li></ul></div>
            <p>By noon, 300 passengers had crossed, the operator said in a statement on its website.</p>
            </article></body></html>"#;
        let kept = removes_as(html, Reason::Navigation, &["Related stories", "Bridge repairs to start in May", "Council backs a new pier"]);
        for line in ["What changes for passengers:", "Boats leave every hour", "Tickets cost 4 euros"] {
            assert!(kept.iter().any(|t| t == line), "{line}: {kept:?}");
        }
        assert!(kept.iter().any(|t| t.starts_with("By noon, 300 passengers")), "{kept:?}");
    }

    #[test]
    fn unmarked_byline_date_and_time_lines_in_the_article_are_metadata_and_prose_stays() {
        let html = r#"<html><body><article><h1>Ferry back after storm</h1>
            <p>By Ann Lee and Tom Park</p><p>March 4, 2024</p><p>2 hours ago</p>
            <p>The ferry to the island ran again on Monday, a week after the storm closed the harbour.</p>
            <p>By noon, 300 passengers had crossed, the operator said in a statement on its website.</p>
            </article></body></html>"#;
        let kept = removes_as(html, Reason::Metadata, &["By Ann Lee and Tom Park", "March 4, 2024", "2 hours ago"]);
        assert!(kept.iter().any(|t| t.starts_with("By noon, 300 passengers")), "{kept:?}");
    }

    #[test]
    fn the_article_is_kept_and_the_chrome_around_it_removed_with_reasons() {
        let (kept, removed) = kept(PAGE);
        let kept: Vec<&str> = kept.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            kept,
            [
                "Flood closes bridge",
                "The river rose two metres overnight and the old bridge was closed to traffic on Monday.",
                "The bridge at noon.",
                "Engineers said the structure would be inspected before it reopens, which could take a week.",
                "Residents were asked to use the ferry, which will run every hour until further notice."
            ]
        );
        let reason = |t: &str| reason_of(&removed, t);
        assert_eq!(reason("Home"), Some(Reason::Navigation));
        assert_eq!(reason("By Ann Lee"), Some(Reason::Metadata));
        assert_eq!(reason("Share on Facebook"), Some(Reason::Boilerplate));
        assert_eq!(reason("This bridge should have been replaced years ago, everyone knows it."), Some(Reason::Comments));
        assert_eq!(reason("Most read"), Some(Reason::Outside));
        assert_eq!(reason("© 2024 Daily. All rights reserved."), Some(Reason::Boilerplate));
    }

    #[test]
    fn the_headline_is_the_heading_the_metadata_names() {
        let (kept, _) = kept(PAGE);
        assert_eq!(kept[0], ("Flood closes bridge".to_string(), Role::Title));
        let (kept, _) = kept_from_body("<h2>Weather</h2><h1>Council votes to close school</h1><p>The council voted on Tuesday to close the village school at the end of the year.</p>");
        assert_eq!(kept.iter().find(|k| k.1 == Role::Title).map(|k| k.0.as_str()), Some("Council votes to close school"));
    }

    fn kept_from_body(body: &str) -> (Vec<(String, Role)>, Vec<(String, Reason)>) {
        kept(&format!("<html><body>{body}</body></html>"))
    }

    #[test]
    fn prose_about_subscriptions_and_copyright_is_kept() {
        let (kept, _) = kept_from_body(
            "<article><h1>Court rules on copyright</h1><p>The court ruled that the newspaper's copyright covered the photographs, all rights reserved by the agency.</p>\
             <p>Subscribers who signed up for the newsletter will be refunded, the company said in a statement on Friday.</p></article>",
        );
        assert_eq!(kept.len(), 3, "{kept:?}");
    }
}
