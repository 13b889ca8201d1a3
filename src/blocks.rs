//! Blocks: the one model both kinds of input are read into before the article is found in them.
//!
//! A web page ([`crate::html::read`]) and a pasted page ([`crate::clean::outline`]) both become
//! an [`Outline`]: blocks of text in reading order, each with the kind of thing it is and the
//! element that holds it, elements nested in one another. A web page says much of this in its
//! markup (tags, nesting, class names read as [`Hint`]s); a paste says less: its lines are the
//! blocks (each in an element of its own), runs of lines with no blank line between them the
//! elements that hold those (a share bar, a list of links, a caption over its credit), and a
//! bullet marks a list item. The extractors,
//! [`crate::extract`] for pages and [`crate::clean`] for pastes, read what each outline knows.

use std::borrow::Cow;
use std::ops::Range;

/// The blocks of an input and the elements that hold them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outline {
    /// The blocks in reading order.
    pub blocks: Vec<Block>,
    /// The elements that contain blocks, each after its parent; [`Block::parent`] and
    /// [`Element::parent`] index this. The first is the root, its own parent.
    pub elements: Vec<Element>,
}

impl Outline {
    /// Each element's hint, or when it has none its nearest ancestor's: what the markup says
    /// about the text inside it. Hints of the elements `ignored` leaves out are not taken.
    pub fn inherited_hints(&self, ignored: impl Fn(usize) -> bool) -> Vec<Hint> {
        let mut out: Vec<Hint> = Vec::with_capacity(self.elements.len());
        for (i, e) in self.elements.iter().enumerate() {
            // Parents come before their children, so the parent's hint is known.
            let inherited = if out.is_empty() { Hint::None } else { out[e.parent] };
            out.push(if e.hint == Hint::None || ignored(i) { inherited } else { e.hint });
        }
        out
    }

    /// The lists that a heading heads: for each block `heads` says is a list's heading (`Related
    /// stories`, `Share this:`) and that opens its element, the blocks after it inside that
    /// element, up to the first that `short` says is not one of a list's short lines. The
    /// element is the heading's [`Outline::container`]: in a paste its box, in a web page the
    /// `<div>` around the heading and its `<ul>`. Returns each heading with the range of
    /// blocks it heads (empty ones left out).
    pub fn headed_lists(&self, heads: impl Fn(usize) -> bool, short: impl Fn(usize) -> bool) -> Vec<(usize, Range<usize>)> {
        let end = self.subtree_ends();
        let inside = |e: usize, b: usize| (e..end[e]).contains(&self.blocks[b].parent);
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.blocks.len() {
            let e = self.container(i);
            let opens = i == 0 || !inside(e, i - 1);
            let head = i;
            i += 1;
            if !(opens && heads(head)) {
                continue;
            }
            while i < self.blocks.len() && inside(e, i) && short(i) {
                i += 1;
            }
            if i > head + 1 {
                out.push((head, head + 1..i));
            }
        }
        out
    }

    /// The element around block `b`'s own element: in a web page the `<div>` or `<ul>` around
    /// its `<p>` or `<li>`, in a paste the box its line stands in.
    pub fn container(&self, b: usize) -> usize {
        self.elements[self.blocks[b].parent].parent
    }

    /// Which elements are `root` or inside it.
    pub fn within(&self, root: usize) -> Vec<bool> {
        let end = self.subtree_ends()[root];
        (0..self.elements.len()).map(|e| (root..end).contains(&e)).collect()
    }

    /// For each element, one past the last element of its subtree: elements come in document
    /// order, parents first, so a subtree is a run of them.
    fn subtree_ends(&self) -> Vec<usize> {
        let mut end: Vec<usize> = (1..=self.elements.len()).collect();
        for e in (1..self.elements.len()).rev() {
            let p = self.elements[e].parent;
            end[p] = end[p].max(end[e]);
        }
        end
    }

    /// Sums a value per element over each element's subtree.
    pub fn subtree_sums(&self, mut own: Vec<f64>) -> Vec<f64> {
        // Elements come after their parents: adding each to its parent from the end sums subtrees.
        for e in (1..self.elements.len()).rev() {
            own[self.elements[e].parent] += own[e];
        }
        own
    }
}

/// A paragraph-like run of text: what one block-level element holds directly, or one line of a
/// paste.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Byte range in the text read (a page's visible text, or the paste).
    pub span: Range<usize>,
    /// The kind of element that holds it.
    pub kind: Kind,
    /// The element that holds it, in [`Outline::elements`].
    pub parent: usize,
    /// Bytes of its text that are link text (none known in a paste).
    pub link_bytes: usize,
}

/// The kind of element a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `<h1>`..`<h6>`, with the level.
    Heading(u8),
    /// `<p>`; in a paste, a line that reads as prose.
    Paragraph,
    /// `<li>`, `<dt>`, `<dd>`; in a paste, a line opened by a bullet or a number (`• `, `2) `).
    ListItem,
    /// `<figcaption>`, `<caption>`.
    Caption,
    /// `<blockquote>`.
    Quote,
    /// `<td>`, `<th>`.
    Cell,
    /// `<pre>`.
    Preformatted,
    /// Text directly in a `<div>` or another container; in a paste, any other line.
    Text,
}

/// An element that contains blocks.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Its parent in [`Outline::elements`]; the root is its own parent.
    pub parent: usize,
    /// Its tag name; in a paste, `paste` for the root, `box` for a run of lines and `line` for
    /// each line's own.
    pub tag: Cow<'static, str>,
    /// What its tag, class, id, role and itemprop say about its content.
    pub hint: Hint,
}

/// What an element's markup says about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Nothing.
    None,
    /// The article: `<article>`, `<main>`, `itemprop="articleBody"`, an `article-body` class.
    Article,
    /// Menus, breadcrumbs, tag lists, related or most-read story lists.
    Navigation,
    /// Reader comments.
    Comments,
    /// Share bars, newsletter and subscription boxes, ads, cookie notices, site footers.
    Boilerplate,
    /// Bylines, datelines, timestamps.
    Byline,
    /// A sidebar or `<aside>`: beside the article, not of it.
    Aside,
    /// A figure or caption.
    Figure,
}
