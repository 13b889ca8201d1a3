//! Cleaning: separate the article from the page chrome pasted with it, and read its metadata.
//!
//! Works on the lines of the paste's [`outline`] (each line a block; a run of lines between blank
//! lines a box of the page), in three passes:
//! 1. each line on its own: patterns that mark chrome anywhere (prompts, copyright, contact,
//!    credits, labels, date and byline lines), lines in another script than the article,
//!    and lines repeated from earlier in the text;
//! 2. what is left is prose (a sentence-like line) or short (no final punctuation, or few
//!    words); prose that is not a caption marks the body;
//! 3. short lines are judged by where they are: before the body they are the headline and the
//!    header block (outlet, section, author), inside it subheads and speaker lines, after it
//!    sign-offs, menus and headline lists.
//!
//! The passes live in their own modules: [`lines`] reads the text into lines, [`chrome`] and
//! [`dates`] hold pass 1's patterns, [`boxes`] pass 2, [`runs`] finds the article's stretch of
//! lines and [`position`] and [`headline`] judge the lines around it; [`script`] tells the
//! article's writing system.
//!
//! Nothing is rewritten: the result is spans of the input, each kept with a role or removed
//! with a reason, so the page can show every removed span and a user can restore it.

use crate::blocks::{Block, Element, Hint, Kind, Outline};
use crate::lexicon::{MONTHS, WEEKDAYS};
use crate::normalize::is_ideograph;
use crate::report::{Reason, Role};
use std::borrow::Cow;
use std::ops::Range;

mod boxes;
mod chrome;
mod dates;
mod headline;
mod lines;
mod position;
mod runs;
mod script;

use boxes::*;
use chrome::*;
use dates::*;
use lines::*;
use position::*;
use runs::*;
use script::*;

pub use dates::find_date;
pub use lines::outline;
#[cfg(feature = "html")]
pub(crate) use boxes::box_head;
pub(crate) use boxes::ends_sentence;
#[cfg(feature = "html")]
pub(crate) use chrome::chrome_line;
pub(crate) use lines::word_count;

/// A kept paragraph of the article, to be split into sentences.
#[derive(Debug, Clone, PartialEq)]
pub struct Kept {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// What part of the article it is.
    pub role: Role,
}

/// A removed span of the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Cut {
    /// Byte range in the input.
    pub span: Range<usize>,
    /// Why it is not article text.
    pub reason: Reason,
}

/// What the text says about the article itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    /// The headline.
    pub title: Option<String>,
    /// The publisher.
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Bylined authors.
    pub authors: Vec<String>,
    /// Section or programme name (`World`, `News Today`).
    pub section: Option<String>,
    /// A web page's canonical URL.
    pub url: Option<String>,
    /// A web page's declared language.
    pub lang: Option<String>,
    /// Publication date and time as a web page gives it (ISO 8601).
    pub datetime: Option<String>,
}

/// An article separated from its page chrome.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cleaned {
    /// Kept paragraphs in reading order.
    pub blocks: Vec<Kept>,
    /// Removed spans in input order; together with `blocks` they cover every non-blank line.
    pub removed: Vec<Cut>,
    /// Title, outlet, date, authors.
    pub meta: Meta,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Class {
    Cut(Reason),
    Prose,
    Short,
    Title,
    Caption,
    Speaker,
    Body,
}

#[derive(Debug, Clone)]
struct Line {
    /// The line without surrounding whitespace (and without cut prefixes/suffixes).
    span: Range<usize>,
    class: Class,
    /// A blank line came before it: paragraphs never join across one.
    after_blank: bool,
    /// For a line that reads as a sentence, the reason a chrome keyword in it gives: it is
    /// removed for it only outside the article, never between the article's first and last
    /// paragraphs (an article about copyright says "copyright").
    keyword: Option<Reason>,
    /// A time relative to the reader's (`3h ago`): lists of stories and reader comments print
    /// one under each entry, an article's text does not.
    stamp: bool,
    /// A teaser's headline run into its summary (`… Student-AthleteA 24-year-old woman …`).
    glued: bool,
}

/// Separates the article in `text` from page chrome and reads its metadata.
pub fn clean(text: &str) -> Cleaned {
    let mut out = Cleaned::default();
    let outline = outline(text);
    // A line is the first of its box when a blank line came before it.
    let mut lines: Vec<Line> = (outline.blocks.iter().enumerate())
        .map(|(i, b)| Line { span: b.span.clone(), class: Class::Short, after_blank: i == 0 || outline.container(i - 1) != outline.container(i), keyword: None, stamp: false, glued: false })
        .collect();
    let script = dominant_script(text);

    let words: Vec<usize> = lines.iter_mut().map(|line| classify(text, line, script, &mut out)).collect();
    // A teaser run into its summary comes in a list of them: one alone is more likely a
    // headline run into its article, or a name written in one (`BlackBerry`).
    let glued: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].glued).collect();
    for (k, &i) in glued.iter().enumerate() {
        let near = |j: Option<&usize>| j.is_some_and(|&j| j.abs_diff(i) <= GLUED_NEAR);
        lines[i].glued = near(k.checked_sub(1).and_then(|p| glued.get(p))) || near(glued.get(k + 1));
    }
    mark_duplicates(text, &mut lines, &words);
    // Boxes, appeals and bare credits are told by lines that share a box (no blank line
    // between them), which only a text whose paragraphs are parted by blank lines shows.
    let boxed = paragraphed(&lines, &words);
    if boxed {
        mark_boxes(text, &outline, &mut lines, &words);
    }
    for ((line, &words), block) in lines.iter_mut().zip(&words).zip(&outline.blocks) {
        // The outline read the line as prose or not already, unless pass 1 cut a date off its
        // start or it is a list item (which may be prose too).
        let read = line.span == block.span && block.kind != Kind::ListItem;
        let prose = if read { block.kind == Kind::Paragraph } else { is_prose(&text[line.span.clone()], words) };
        if line.class == Class::Short && !line.glued && prose {
            line.class = Class::Prose;
        }
    }
    if boxed {
        mark_pitches(&mut lines, &words);
    }
    mark_captions(text, &mut lines, &mut out);
    // After the captions: a caption over a bare name is told by that name alone, which a
    // paragraph outside the article may have under it too; it stays prose, for the runs to judge.
    if boxed {
        mark_bare_credits(text, &mut lines, &words);
    }

    let runs = article_runs(text, &lines).map(|mut r| {
        drop_teasers(text, &lines, &mut r);
        r
    });
    // The article's first and last paragraphs are ones no keyword marks: a copyright or
    // standards line that reads as a sentence at its edge is not inside it.
    let mut body: Vec<usize> = (0..lines.len()).filter(|&i| lines[i].class == Class::Prose && lines[i].keyword.is_none() && runs.as_ref().is_some_and(|r| r[i])).collect();
    // A note on the author closing the article is not its last paragraph.
    if let Some(&last) = body.last().filter(|&&i| author_note(&text[lines[i].span.clone()], &out.meta.authors)) {
        lines[last].class = Class::Cut(Reason::Metadata);
        body.pop();
    }
    match (body.first(), body.last()) {
        (Some(&first), Some(&last)) => {
            // Prose outside the article's runs: a site's blurb above it, teasers or reader
            // comments below it.
            for (i, line) in lines.iter_mut().enumerate() {
                if let (Some(reason), true, Class::Prose) = (line.keyword, i < first || i > last, line.class) {
                    line.class = Class::Cut(reason);
                } else if line.class == Class::Prose && !runs.as_ref().is_some_and(|r| r[i]) {
                    line.class = Class::Cut(Reason::Outside);
                }
            }
            let chosen = headline::choose(text, &lines, first, last);
            let mut first = first;
            header(text, &mut lines[..first], chosen.map(|t| (t < first).then_some(t)), &mut out.meta, &mut out.removed);
            // The standfirst: prose right under the headline with only removed lines (byline,
            // date, share buttons) between it and the body. That chrome can part it from the
            // body's run, but it is the article's.
            if let Some(t) = chosen.filter(|&t| t < first) {
                // (A photo and its caption may stand between them too.)
                let cut = |l: &Line| matches!(l.class, Class::Cut(r) if r != Reason::Outside) || l.class == Class::Caption;
                if let Some(j) = (t + 1..first).find(|&j| !cut(&lines[j])) {
                    if lines[j].class == Class::Cut(Reason::Outside) && lines[j].keyword.is_none() && lines[j + 1..first].iter().all(cut) {
                        lines[j].class = Class::Body;
                    }
                }
            }
            // A headline that reads as prose (a question, a long one) stood first in the body.
            if let Some(t) = chosen.filter(|&t| t >= first) {
                lines[t].class = Class::Title;
                if let Some(next) = (t + 1..=last).find(|&i| lines[i].class == Class::Prose) {
                    first = next;
                }
            }
            middle(text, &mut lines[first..=last]);
            tail(text, &mut lines[last + 1..], &mut out.meta);
            dateline(text, &mut lines[first], &mut out);
            signoff(text, &mut lines[last], &mut out);
            if chosen.is_none() && !lines[..first].iter().any(|l| l.class == Class::Title) {
                // The page's address, pasted before the article, often spells its headline.
                let address = lines[..first].iter().map(|l| &text[l.span.clone()]).find(|s| url_only(s)).unwrap_or("");
                if let Some(title) = runon_title(text, &mut lines[first], address, &mut out) {
                    lines.insert(first, title);
                }
            }
        }
        // No prose at all: the lines are all the article there is.
        _ => middle(text, &mut lines),
    }

    for line in &lines {
        let role = match line.class {
            Class::Cut(reason) => {
                out.removed.push(Cut { span: line.span.clone(), reason });
                continue;
            }
            Class::Title => Role::Title,
            Class::Caption => Role::Caption,
            Class::Speaker => Role::Speaker,
            Class::Prose | Class::Short | Class::Body => Role::Body,
        };
        if line.span.is_empty() {
            continue;
        }
        if role == Role::Title && out.meta.title.is_none() {
            out.meta.title = Some(text[line.span.clone()].to_string());
        }
        out.blocks.push(Kept { span: line.span.clone(), role });
    }
    crate::sort::by_key(&mut out.removed, |c| crate::sort::pair(c.span.start, c.span.end));
    out
}

#[cfg(test)]
mod tests;
