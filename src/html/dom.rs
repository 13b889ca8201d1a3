//! The document tree html5ever builds: nodes in one vector, linked by index.
//!
//! html5ever parses by the HTML standard (unclosed tags, misnested markup, `</p>` inside
//! `<script>`, entities valid or not) and hands each step to a [`TreeSink`]; this one keeps the
//! nodes in an arena rather than `Rc`s, so that a page of 100,000 nested elements is built and
//! dropped without recursion. Element handles carry their name, so the parser asks for names
//! without borrowing the arena while it is being changed.

use html5ever::interface::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, ParseOpts, QualName};
use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

/// Index of a node in [`Dom::nodes`].
pub type Id = usize;

const NONE: Id = usize::MAX;

/// A parsed document.
#[derive(Debug, Default)]
pub struct Dom {
    /// Every node; the document is node 0.
    pub nodes: Vec<Node>,
}

/// One node and its links.
#[derive(Debug)]
pub struct Node {
    parent: Id,
    first: Id,
    last: Id,
    prev: Id,
    next: Id,
    /// What the node is.
    pub data: Data,
}

/// What a node is.
#[derive(Debug)]
pub enum Data {
    /// The document itself.
    Document,
    /// An element, with its name and attributes.
    Element { name: Rc<QualName>, attrs: Vec<Attribute> },
    /// Text, adjacent runs already joined.
    Text(StrTendril),
    /// Comments, doctypes, processing instructions: nothing a reader sees.
    Other,
}

impl Dom {
    /// Parses `html` by the HTML standard; never fails (errors are recovered as browsers do).
    pub fn parse(html: &str) -> Dom {
        let sink = Sink { dom: RefCell::new(Dom { nodes: vec![Node::new(Data::Document)] }), no_name: QualName::new(None, ns!(), local_name!("")) };
        parse_document(sink, ParseOpts::default()).one(StrTendril::from(html))
    }

    /// The children of `id`, in order.
    pub fn children(&self, id: Id) -> impl Iterator<Item = Id> + '_ {
        let mut at = self.nodes[id].first;
        std::iter::from_fn(move || {
            (at != NONE).then(|| {
                let this = at;
                at = self.nodes[at].next;
                this
            })
        })
    }

    /// The element's local name (`p`, `div`), or "" for other nodes.
    pub fn tag(&self, id: Id) -> &str {
        match &self.nodes[id].data {
            Data::Element { name, .. } => &name.local,
            _ => "",
        }
    }

    /// The value of attribute `key` of element `id`.
    pub fn attr(&self, id: Id, key: &str) -> Option<&str> {
        match &self.nodes[id].data {
            Data::Element { attrs, .. } => attrs.iter().find(|a| &*a.name.local == key).map(|a| &*a.value),
            _ => None,
        }
    }

    /// All text under `id`, in document order, without any whitespace handling.
    pub fn text_of(&self, id: Id) -> String {
        let mut out = String::new();
        let mut stack = vec![id];
        while let Some(n) = stack.pop() {
            if let Data::Text(t) = &self.nodes[n].data {
                out.push_str(t);
            }
            let at = stack.len();
            stack.extend(self.children(n));
            stack[at..].reverse();
        }
        out
    }

    fn link_last(&mut self, parent: Id, child: Id) {
        let last = self.nodes[parent].last;
        self.nodes[child].parent = parent;
        self.nodes[child].prev = last;
        self.nodes[child].next = NONE;
        if last == NONE {
            self.nodes[parent].first = child;
        } else {
            self.nodes[last].next = child;
        }
        self.nodes[parent].last = child;
    }

    fn link_before(&mut self, sibling: Id, child: Id) {
        let parent = self.nodes[sibling].parent;
        let prev = self.nodes[sibling].prev;
        self.nodes[child].parent = parent;
        self.nodes[child].prev = prev;
        self.nodes[child].next = sibling;
        self.nodes[sibling].prev = child;
        if prev == NONE {
            self.nodes[parent].first = child;
        } else {
            self.nodes[prev].next = child;
        }
    }

    fn unlink(&mut self, id: Id) {
        let Node { parent, prev, next, .. } = self.nodes[id];
        if parent == NONE {
            return;
        }
        if prev == NONE {
            self.nodes[parent].first = next;
        } else {
            self.nodes[prev].next = next;
        }
        if next == NONE {
            self.nodes[parent].last = prev;
        } else {
            self.nodes[next].prev = prev;
        }
        self.nodes[id].parent = NONE;
        self.nodes[id].prev = NONE;
        self.nodes[id].next = NONE;
    }

    fn push(&mut self, data: Data) -> Id {
        self.nodes.push(Node::new(data));
        self.nodes.len() - 1
    }

    /// Adds text after `prev` (the node it would follow) under `parent`, joined with `prev` when
    /// that is text, as the standard asks.
    fn text_after(&mut self, parent: Id, prev: Id, text: StrTendril, before: Option<Id>) {
        if prev != NONE {
            if let Data::Text(t) = &mut self.nodes[prev].data {
                t.push_tendril(&text);
                return;
            }
        }
        let id = self.push(Data::Text(text));
        match before {
            Some(sibling) => self.link_before(sibling, id),
            None => self.link_last(parent, id),
        }
    }
}

impl Node {
    fn new(data: Data) -> Node {
        Node { parent: NONE, first: NONE, last: NONE, prev: NONE, next: NONE, data }
    }
}

/// A handle the parser holds: the node's index, and for elements their name.
#[derive(Clone)]
struct Handle {
    id: Id,
    name: Option<Rc<QualName>>,
}

struct Sink {
    dom: RefCell<Dom>,
    /// Answered for a node that is not an element, which the parser does not ask about.
    no_name: QualName,
}

impl TreeSink for Sink {
    type Handle = Handle;
    type Output = Dom;
    type ElemName<'a> = &'a QualName;

    fn finish(self) -> Dom {
        self.dom.into_inner()
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> Handle {
        Handle { id: 0, name: None }
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> &'a QualName {
        target.name.as_deref().unwrap_or(&self.no_name)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, _flags: ElementFlags) -> Handle {
        let name = Rc::new(name);
        let id = self.dom.borrow_mut().push(Data::Element { name: name.clone(), attrs });
        Handle { id, name: Some(name) }
    }

    fn create_comment(&self, _text: StrTendril) -> Handle {
        Handle { id: self.dom.borrow_mut().push(Data::Other), name: None }
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> Handle {
        Handle { id: self.dom.borrow_mut().push(Data::Other), name: None }
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        match child {
            NodeOrText::AppendNode(node) => dom.link_last(parent.id, node.id),
            NodeOrText::AppendText(text) => {
                let last = dom.nodes[parent.id].last;
                dom.text_after(parent.id, last, text, None);
            }
        }
    }

    fn append_based_on_parent_node(&self, element: &Handle, prev_element: &Handle, child: NodeOrText<Handle>) {
        let has_parent = self.dom.borrow().nodes[element.id].parent != NONE;
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {}

    fn get_template_contents(&self, target: &Handle) -> Handle {
        // Template contents are inert: kept as the template's own children, which the reader
        // skips with the template.
        target.clone()
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        x.id == y.id
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        let mut dom = self.dom.borrow_mut();
        match new_node {
            NodeOrText::AppendNode(node) => {
                dom.unlink(node.id);
                dom.link_before(sibling.id, node.id);
            }
            NodeOrText::AppendText(text) => {
                let parent = dom.nodes[sibling.id].parent;
                let prev = dom.nodes[sibling.id].prev;
                dom.text_after(parent, prev, text, Some(sibling.id));
            }
        }
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        if let Data::Element { attrs: have, .. } = &mut self.dom.borrow_mut().nodes[target.id].data {
            for a in attrs {
                if !have.iter().any(|h| h.name == a.name) {
                    have.push(a);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.dom.borrow_mut().unlink(target.id);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        let mut dom = self.dom.borrow_mut();
        while dom.nodes[node.id].first != NONE {
            let child = dom.nodes[node.id].first;
            dom.unlink(child);
            dom.link_last(new_parent.id, child);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(dom: &Dom, id: Id) -> Vec<String> {
        dom.children(id).map(|c| dom.tag(c).to_string()).collect()
    }

    #[test]
    fn unclosed_paragraphs_become_siblings() {
        let dom = Dom::parse("<body><p>one<p>two</body>");
        let html = dom.children(0).next().unwrap();
        let body = dom.children(html).nth(1).unwrap();
        assert_eq!(tags(&dom, body), ["p", "p"]);
        assert_eq!(dom.text_of(body), "onetwo");
    }

    #[test]
    fn a_closing_p_inside_a_script_is_script_text() {
        let dom = Dom::parse("<p>a<script>x = '</p>';</script>b</p>");
        assert_eq!(dom.text_of(0), "ax = '</p>';b");
    }

    #[test]
    fn misnested_formatting_is_repaired_without_losing_text() {
        let dom = Dom::parse("<p><b>bold <i>both</b> italic</i> end</p><table>stray<tr><td>cell</td></tr></table>");
        let text = dom.text_of(0);
        for part in ["bold ", "both", " italic", " end", "stray", "cell"] {
            assert!(text.contains(part), "{part:?} in {text:?}");
        }
    }

    #[test]
    fn comments_and_doctypes_are_not_text() {
        let dom = Dom::parse("<!DOCTYPE html><!-- a --><p>b<!-- c --></p><?pi x?>");
        assert_eq!(dom.text_of(0), "b");
    }

    #[test]
    fn deep_nesting_is_built_and_dropped_without_recursion() {
        // Deeper pages are cut to depth 512 before parsing (`super::super::depth`).
        let html = "<div>".repeat(3_000) + "deep";
        let dom = Dom::parse(&html);
        assert!(dom.text_of(0).ends_with("deep"));
    }
}
