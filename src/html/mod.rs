//! Reading a web page: HTML in, the page's visible text as blocks with what the markup says
//! about each, and the page's metadata.
//!
//! A [`Page`] is plain data for [`crate::extract`], which decides which blocks are the article.
//! Its `text` is the visible text, one block to a paragraph (blank lines between): what the
//! report's spans index for an HTML source, and what the user sees as its text. Nothing of the
//! markup survives into it: no tag, attribute or URL is ever inserted anywhere as markup.

mod depth;
mod dom;
mod meta;

pub use meta::PageMeta;

pub use crate::blocks::{Block, Element, Hint, Kind, Outline};

use dom::{Data, Dom, Id};

/// A web page read into blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The visible text, blocks separated by blank lines.
    pub text: String,
    /// The text's blocks and the elements that hold them.
    pub outline: Outline,
    /// What the page says about itself (JSON-LD, OpenGraph, `<time>`, `<h1>`, ...).
    pub meta: PageMeta,
}

/// Tags whose content a reader never sees as text.
const UNSEEN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas", "video", "audio", "button", "select",
    "textarea", "input", "option", "datalist", "dialog", "map",
];

/// Tags that start and end a block.
const BLOCK_LEVEL: &[&str] = &[
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "div", "dl", "dt", "fieldset", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre",
    "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
];

/// Reads `html` into a [`Page`]. Never fails: whatever the markup, the result is the text a
/// browser would show, split at block elements.
pub fn read(html: &str) -> Page {
    let dom = Dom::parse(&depth::bounded(html));
    let meta = meta::read(&dom);
    let mut reader = Reader { dom: &dom, page: Page { meta, ..Page::default() }, open: String::new(), links: 0, kind: Kind::Text };
    reader.walk();
    reader.page
}

struct Reader<'a> {
    dom: &'a Dom,
    page: Page,
    /// The text of the block being read, whitespace already collapsed.
    open: String,
    /// Link bytes in `open`.
    links: usize,
    /// The kind of the innermost block element around `open`.
    kind: Kind,
}

enum Step {
    Enter(Id, usize, bool),
    Leave { element: Option<usize>, kind: Kind },
}

impl Reader<'_> {
    /// Walks the tree in document order with an explicit stack (pages nest deeply).
    fn walk(&mut self) {
        self.page.outline.elements.push(Element { parent: 0, tag: "html".into(), hint: Hint::None });
        let mut stack = vec![Step::Enter(0, 0, false)];
        while let Some(step) = stack.pop() {
            match step {
                Step::Leave { element, kind } => {
                    if let Some(e) = element {
                        self.flush(e);
                    }
                    self.kind = kind;
                }
                Step::Enter(id, parent, in_link) => match &self.dom.nodes[id].data {
                    Data::Text(t) => self.text(t, in_link),
                    Data::Element { .. } => {
                        let tag = self.dom.tag(id);
                        if UNSEEN.contains(&tag) || self.hidden(id) {
                            continue;
                        }
                        if tag == "br" {
                            self.flush(parent);
                            continue;
                        }
                        if tag == "img" {
                            continue;
                        }
                        let block = BLOCK_LEVEL.contains(&tag);
                        let mut here = parent;
                        let outer_kind = self.kind;
                        if block {
                            self.flush(parent);
                            here = self.page.outline.elements.len();
                            if tag != "html" {
                                self.page.outline.elements.push(Element { parent, tag: tag.to_string().into(), hint: hint(self.dom, id, tag) });
                            } else {
                                here = 0;
                            }
                            self.kind = kind_of(tag).unwrap_or(Kind::Text);
                        }
                        let link = in_link || tag == "a";
                        stack.push(Step::Leave { element: block.then_some(here), kind: outer_kind });
                        let at = stack.len();
                        stack.extend(self.dom.children(id).map(|c| Step::Enter(c, here, link)));
                        stack[at..].reverse();
                    }
                    Data::Document => {
                        let at = stack.len();
                        stack.extend(self.dom.children(id).map(|c| Step::Enter(c, 0, false)));
                        stack[at..].reverse();
                    }
                    Data::Other => {}
                },
            }
        }
        self.flush(0);
    }

    /// Whether the element is hidden from readers by its attributes.
    fn hidden(&self, id: Id) -> bool {
        if self.dom.attr(id, "hidden").is_some() || self.dom.attr(id, "aria-hidden") == Some("true") {
            return true;
        }
        self.dom.attr(id, "style").is_some_and(|s| {
            let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
    }

    /// Adds text to the open block, collapsing whitespace as a browser renders it.
    fn text(&mut self, t: &str, in_link: bool) {
        let before = self.open.len();
        for c in t.chars() {
            if c.is_whitespace() {
                if !self.open.is_empty() && !self.open.ends_with(' ') {
                    self.open.push(' ');
                }
            } else if c != '\0' {
                self.open.push(c);
            }
        }
        if in_link {
            self.links += self.open.len() - before;
        }
    }

    /// Ends the open block, if it has any text, as a block of `parent`.
    fn flush(&mut self, parent: usize) {
        let text = self.open.trim();
        if !text.is_empty() {
            let page = &mut self.page;
            if !page.text.is_empty() {
                page.text.push_str("\n\n");
            }
            let start = page.text.len();
            page.text.push_str(text);
            let link_bytes = self.links.min(text.len());
            page.outline.blocks.push(Block { span: start..page.text.len(), kind: self.kind, parent, link_bytes });
        }
        self.open.clear();
        self.links = 0;
    }
}

fn kind_of(tag: &str) -> Option<Kind> {
    Some(match tag {
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading(tag.as_bytes()[1] - b'0'),
        "p" => Kind::Paragraph,
        "li" | "dt" | "dd" => Kind::ListItem,
        "figcaption" | "caption" => Kind::Caption,
        "blockquote" => Kind::Quote,
        "td" | "th" => Kind::Cell,
        "pre" => Kind::Preformatted,
        _ => return None,
    })
}

/// Words in class names and ids that say what an element holds, by the hint they give; a
/// trailing `*` also takes longer words that begin with it ("comments*": "commentslist"), so
/// "ad" is not "header" and "comment" is not "commentary".
const HINT_WORDS: &[(&str, Hint)] = &[
    ("comment", Hint::Comments),
    ("comments*", Hint::Comments),
    ("disqus*", Hint::Comments),
    ("nav", Hint::Navigation),
    ("navbar*", Hint::Navigation),
    ("navigation*", Hint::Navigation),
    ("menu*", Hint::Navigation),
    ("breadcrumb*", Hint::Navigation),
    ("related*", Hint::Navigation),
    ("recommend*", Hint::Navigation),
    ("popular*", Hint::Navigation),
    ("trending*", Hint::Navigation),
    ("mostread*", Hint::Navigation),
    ("teaser*", Hint::Navigation),
    ("outbrain*", Hint::Navigation),
    ("taboola*", Hint::Navigation),
    ("tags", Hint::Navigation),
    ("taglist*", Hint::Navigation),
    ("topics", Hint::Navigation),
    ("pagination*", Hint::Navigation),
    ("share*", Hint::Boilerplate),
    ("sharing*", Hint::Boilerplate),
    ("social*", Hint::Boilerplate),
    ("newsletter*", Hint::Boilerplate),
    ("subscribe*", Hint::Boilerplate),
    ("subscription*", Hint::Boilerplate),
    ("signup*", Hint::Boilerplate),
    ("paywall*", Hint::Boilerplate),
    ("promo*", Hint::Boilerplate),
    ("advert*", Hint::Boilerplate),
    ("ad", Hint::Boilerplate),
    ("ads", Hint::Boilerplate),
    ("sponsor*", Hint::Boilerplate),
    ("cookie*", Hint::Boilerplate),
    ("consent*", Hint::Boilerplate),
    ("footer*", Hint::Boilerplate),
    ("copyright*", Hint::Boilerplate),
    ("byline*", Hint::Byline),
    ("dateline*", Hint::Byline),
    ("timestamp*", Hint::Byline),
    ("sidebar*", Hint::Aside),
    ("widget*", Hint::Aside),
    ("caption*", Hint::Figure),
    ("figure*", Hint::Figure),
];

/// Class names and ids (without their dashes) that mark the article's text.
const ARTICLE_NAMES: &[&str] = &["articlebody", "storybody", "entrycontent", "postcontent", "articletext", "articlecontent", "storycontent", "postbody"];

/// Class names and ids (without their dashes) of story lists.
const LIST_NAMES: &[&str] = &["mostread", "mostpopular", "mostviewed", "readmore", "morestories", "youmayalsolike"];

/// What the element's tag and attributes say about its content.
fn hint(dom: &Dom, id: Id, tag: &str) -> Hint {
    match tag {
        "nav" | "menu" => return Hint::Navigation,
        "footer" => return Hint::Boilerplate,
        "aside" => return Hint::Aside,
        "form" => return Hint::Boilerplate,
        "figure" | "figcaption" => return Hint::Figure,
        _ => {}
    }
    if dom.attr(id, "itemprop").is_some_and(|p| p.eq_ignore_ascii_case("articleBody")) {
        return Hint::Article;
    }
    match dom.attr(id, "role") {
        Some("navigation" | "menu" | "menubar") => return Hint::Navigation,
        Some("complementary") => return Hint::Aside,
        Some("contentinfo" | "banner") => return Hint::Boilerplate,
        _ => {}
    }
    let named = [dom.attr(id, "class"), dom.attr(id, "id")];
    for names in named.into_iter().flatten() {
        for name in names.split_whitespace() {
            let joined: String = name.chars().filter(char::is_ascii_alphanumeric).collect::<String>().to_ascii_lowercase();
            if ARTICLE_NAMES.iter().any(|a| joined.contains(a)) {
                return Hint::Article;
            }
            if LIST_NAMES.iter().any(|a| joined.contains(a)) {
                return Hint::Navigation;
            }
        }
        for word in names.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
            let word = word.to_ascii_lowercase();
            for &(key, h) in HINT_WORDS {
                let hit = match key.strip_suffix('*') {
                    Some(prefix) => word.starts_with(prefix),
                    None => word == key,
                };
                if hit {
                    return h;
                }
            }
        }
    }
    if matches!(tag, "article" | "main") {
        return Hint::Article;
    }
    Hint::None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<(String, Kind)> {
        let page = read(html);
        page.outline.blocks.iter().map(|b| (page.text[b.span.clone()].to_string(), b.kind)).collect()
    }

    #[test]
    fn block_elements_become_blocks_and_whitespace_collapses() {
        let got = blocks("<h1>Title\n  here</h1><p>One   <b>bold</b>\nline.</p><ul><li>a</li><li>b</li></ul>");
        assert_eq!(
            got,
            [
                ("Title here".to_string(), Kind::Heading(1)),
                ("One bold line.".to_string(), Kind::Paragraph),
                ("a".to_string(), Kind::ListItem),
                ("b".to_string(), Kind::ListItem)
            ]
        );
    }

    #[test]
    fn scripts_styles_and_hidden_elements_are_not_text() {
        let got = blocks("<p>Seen.</p><script>var x='<p>no</p>';</script><style>p{}</style><p hidden>no</p><p style='display: none'>no</p><p>Too.</p>");
        assert_eq!(got.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["Seen.", "Too."]);
    }

    #[test]
    fn a_line_break_ends_a_block() {
        let got = blocks("<div>First line.<br><br>Second line.</div>");
        assert_eq!(got.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(), ["First line.", "Second line."]);
    }

    #[test]
    fn entities_are_decoded_and_invalid_ones_kept_as_text() {
        let got = blocks("<p>caf&eacute; &amp; &#x1F600; &#0; &bogus; &#xD800;</p>");
        assert_eq!(got[0].0, "café & \u{1F600} \u{FFFD} &bogus; \u{FFFD}");
    }

    #[test]
    fn a_hundred_thousand_nested_elements_are_read() {
        let page = read(&("<div>".repeat(100_000) + "<p>deep</p>"));
        assert_eq!(&page.text, "deep");
    }

    #[test]
    fn link_text_is_counted() {
        let page = read("<p>Read <a href='x'>more here</a></p>");
        assert_eq!(page.outline.blocks[0].link_bytes, "more here".len());
    }

    #[test]
    fn class_names_give_hints_by_whole_words_or_prefixes() {
        let page = read("<div class='site-header'><p>a</p></div><div class='ad'><p>b</p></div><div id='comments-list'><p>c</p></div><div class='article-body'><p>d</p></div>");
        let inherited = page.outline.inherited_hints(|_| false);
        let hints: Vec<Hint> = page.outline.blocks.iter().map(|b| inherited[b.parent]).collect();
        assert_eq!(hints, [Hint::None, Hint::Boilerplate, Hint::Comments, Hint::Article]);
    }
}
