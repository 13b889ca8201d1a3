//! What a page says about itself: JSON-LD `NewsArticle`, OpenGraph and `article:` meta tags,
//! `<time datetime>`, `<h1>`, `<title>`, the canonical URL and the language.

use super::dom::{Data, Dom};
use serde_json::Value;

/// A page's own metadata, each field from the first source that gives it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// The article's headline: JSON-LD `headline`, else `og:title`.
    pub headline: Option<String>,
    /// Whether `headline` is JSON-LD's (the article's own field) rather than `og:title` (which
    /// often carries the site's name).
    pub headline_from_json_ld: bool,
    /// The first `<h1>`'s text.
    pub h1: Option<String>,
    /// The `<title>`.
    pub title: Option<String>,
    /// Publication time as the page writes it (ISO 8601): JSON-LD `datePublished`,
    /// `article:published_time`, else the first `<time datetime>`.
    pub published: Option<String>,
    /// Authors' names: JSON-LD `author`, else `<meta name="author">`/`article:author`.
    pub authors: Vec<String>,
    /// The publisher: JSON-LD `publisher.name`, else `og:site_name`.
    pub outlet: Option<String>,
    /// The canonical URL (`<link rel="canonical">`, else `og:url`), when it is http(s).
    pub url: Option<String>,
    /// The page's language (`<html lang>`), lower case.
    pub lang: Option<String>,
    /// JSON-LD `articleBody`, which some publishers give in full.
    pub article_body: Option<String>,
}

/// Reads the metadata of the page `dom`.
pub(super) fn read(dom: &Dom) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut og = Og::default();
    let mut time = None;
    for id in 0..dom.nodes.len() {
        let Data::Element { name, .. } = &dom.nodes[id].data else { continue };
        match &*name.local {
            "html" => meta.lang = meta.lang.take().or_else(|| dom.attr(id, "lang").map(|l| l.trim().to_ascii_lowercase()).filter(|l| !l.is_empty())),
            "script" if dom.attr(id, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json")) => {
                if let Ok(value) = serde_json::from_str::<Value>(&dom.text_of(id)) {
                    json_ld(&value, &mut meta, 0);
                }
            }
            "meta" => {
                let key = dom.attr(id, "property").or_else(|| dom.attr(id, "name")).unwrap_or("").to_ascii_lowercase();
                if let Some(content) = dom.attr(id, "content").map(clean).filter(|c| !c.is_empty()) {
                    og.take(&key, content);
                }
            }
            "link" if dom.attr(id, "rel").is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("canonical"))) => {
                og.canonical = og.canonical.take().or_else(|| dom.attr(id, "href").map(str::to_string));
            }
            "time" if time.is_none() => time = dom.attr(id, "datetime").map(clean).filter(|t| !t.is_empty()),
            "h1" if meta.h1.is_none() => meta.h1 = Some(clean(&dom.text_of(id))).filter(|t| !t.is_empty()),
            "title" if meta.title.is_none() => meta.title = Some(clean(&dom.text_of(id))).filter(|t| !t.is_empty()),
            _ => {}
        }
    }
    meta.headline = meta.headline.or(og.title);
    meta.published = meta.published.or(og.published).or(time);
    if meta.authors.is_empty() {
        meta.authors = og.authors;
    }
    meta.outlet = meta.outlet.or(og.site);
    meta.url = og.canonical.or(og.url).filter(|u| u.starts_with("https://") || u.starts_with("http://"));
    meta
}

/// Meta and link tags, read before it is known whether JSON-LD gives the same.
#[derive(Default)]
struct Og {
    title: Option<String>,
    site: Option<String>,
    url: Option<String>,
    canonical: Option<String>,
    published: Option<String>,
    authors: Vec<String>,
}

impl Og {
    fn take(&mut self, key: &str, content: String) {
        let slot = match key {
            "og:title" | "twitter:title" => &mut self.title,
            "og:site_name" => &mut self.site,
            "og:url" => &mut self.url,
            "article:published_time" | "datepublished" | "pubdate" | "publishdate" | "date" | "dc.date" | "dc.date.issued" => &mut self.published,
            "author" | "article:author" | "byl" if !content.starts_with("http") => {
                let name = content.strip_prefix("By ").or_else(|| content.strip_prefix("by ")).unwrap_or(&content).to_string();
                if !self.authors.contains(&name) {
                    self.authors.push(name);
                }
                return;
            }
            _ => return,
        };
        if slot.is_none() {
            *slot = Some(content);
        }
    }
}

/// `s` with the character references some publishers leave in JSON-LD strings (`&#8217;`,
/// `&amp;`, `&quot;`) decoded; an unknown or invalid one is left as it is.
fn decode_references(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[..rest.len().min(12)].find(';');
        let decoded = end.and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "nbsp" => Some(' '),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .map(|h| u32::from_str_radix(h, 16).ok())
                    .unwrap_or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32)
                    .filter(|&c| c != '\0'),
            }?;
            Some((c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whitespace collapsed to single spaces, trimmed.
fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const ARTICLE_TYPES: &[&str] =
    &["NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle", "BlogPosting", "LiveBlogPosting", "Report"];

/// Reads the first article object in a JSON-LD value (top level, arrays, `@graph`).
fn json_ld(value: &Value, meta: &mut PageMeta, depth: usize) {
    if depth > 8 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| json_ld(v, meta, depth + 1)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                json_ld(graph, meta, depth + 1);
            }
            let typed = |t: &Value| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t));
            let is_article = match map.get("@type") {
                Some(Value::Array(ts)) => ts.iter().any(typed),
                Some(t) => typed(t),
                None => false,
            };
            if !is_article || meta.headline.is_some() {
                return;
            }
            let text = |key: &str| map.get(key).and_then(Value::as_str).map(clean).filter(|s| !s.is_empty());
            meta.headline = text("headline").or_else(|| text("name")).map(|h| decode_references(&h));
            meta.headline_from_json_ld = meta.headline.is_some();
            meta.published = meta.published.take().or_else(|| text("datePublished"));
            meta.article_body = text("articleBody");
            meta.outlet = meta.outlet.take().or_else(|| map.get("publisher").and_then(name_of));
            if meta.authors.is_empty() {
                meta.authors = match map.get("author") {
                    Some(Value::Array(list)) => list.iter().filter_map(name_of).collect(),
                    Some(one) => name_of(one).into_iter().collect(),
                    None => Vec::new(),
                };
            }
        }
        _ => {}
    }
}

/// A person's or organisation's name: a string, or an object's `name`.
fn name_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(clean(s)),
        Value::Object(map) => map.get("name").and_then(Value::as_str).map(clean),
        Value::Array(items) => items.first().and_then(name_of),
        _ => None,
    }
    .filter(|s| !s.is_empty() && !s.starts_with("http"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMeta {
        read(&Dom::parse(html))
    }

    #[test]
    fn json_ld_news_article_gives_headline_time_authors_and_publisher() {
        let m = meta(
            r#"<html lang="en-GB"><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},
            {"@type":["NewsArticle"],"headline":"Dam  bursts","datePublished":"2024-03-05T08:30:00Z","author":[{"@type":"Person","name":"Ann Lee"},{"name":"Bo Chan"}],
            "publisher":{"@type":"Organization","name":"Daily Times"}}]}</script><meta property="og:title" content="Other"></head><body><h1>Dam bursts</h1></body></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Dam bursts"));
        assert_eq!(m.published.as_deref(), Some("2024-03-05T08:30:00Z"));
        assert_eq!(m.authors, ["Ann Lee", "Bo Chan"]);
        assert_eq!(m.outlet.as_deref(), Some("Daily Times"));
        assert_eq!(m.lang.as_deref(), Some("en-gb"));
        assert_eq!(m.h1.as_deref(), Some("Dam bursts"));
    }

    #[test]
    fn open_graph_and_time_fill_in_without_json_ld() {
        let m = meta(
            r#"<head><meta property="og:title" content="Storm hits coast"><meta property="og:site_name" content="Coast News"><link rel="canonical" href="https://example.org/a">
            <meta name="author" content="By Kim Park"></head><body><time datetime="2023-01-02T10:00">Jan 2</time></body>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Storm hits coast"));
        assert_eq!(m.outlet.as_deref(), Some("Coast News"));
        assert_eq!(m.url.as_deref(), Some("https://example.org/a"));
        assert_eq!(m.published.as_deref(), Some("2023-01-02T10:00"));
        assert_eq!(m.authors, ["Kim Park"]);
    }

    #[test]
    fn broken_json_ld_and_script_urls_are_ignored() {
        let m = meta(r#"<script type="application/ld+json">{"@type":"NewsArticle",</script><link rel="canonical" href="javascript:alert(1)">"#);
        assert_eq!(m.headline, None);
        assert_eq!(m.url, None);
    }
}
