//! Pass 3: short lines judged by where they stand: the header above the article, subheads and
//! speakers inside it, sign-offs and menus below it.

use super::*;

pub(super) const SECTIONS: &[&str] = &[
    "world", "politics", "business", "economy", "markets", "sport", "sports", "tech", "technology", "science",
    "health", "opinion", "culture", "entertainment", "lifestyle", "travel", "news", "local", "national",
    "international", "asia", "europe", "americas", "africa", "middle east", "us", "uk", "video", "analysis",
    "features", "environment", "climate", "breaking news", "latest",
];

/// Before the body: the headline and the header block around it (outlet, section, author).
///
/// The headline is the first line of three words or more that is not a name, without a
/// programme tag such as `[News Today]` or a trailing date stamp. When every line is
/// name-like (`Fed Cuts Rates Again` is written like a name) and nothing marks a header block
/// (a section name, a line printed twice, an outlet over a section), the first line of two
/// words or more is the headline: an article starts with it. A name line is an author only
/// where the context says so: in a header block, or right under the headline.
///
/// `chosen` is the headline when [`headline::choose`] found it: `Some(Some(line))` before the
/// body, `Some(None)` in it; `None` leaves the choice to the rules here.
pub(super) fn header(text: &str, lines: &mut [Line], chosen: Option<Option<usize>>, meta: &mut Meta, removed: &mut Vec<Cut>) {
    let short = |l: &Line| l.class == Class::Short;
    let line = |i: usize| &text[lines[i].span.clone()];
    // Short lines by the hash of their keys, which spares most comparisons.
    let hashes: Vec<Option<u64>> = (0..lines.len()).map(|i| short(&lines[i]).then(|| key_hash(line(i), usize::MAX))).collect();
    let known: Vec<(&str, u64)> = SECTIONS.iter().copied().chain(meta.section.as_deref()).map(|k| (k, key_hash(k, usize::MAX))).collect();
    let sections: Vec<bool> = (0..lines.len()).map(|i| known.iter().any(|&(k, h)| hashes[i] == Some(h) && same_key(k, line(i)))).collect();
    let names: Vec<bool> = lines.iter().map(|l| short(l) && is_name(&text[l.span.clone()])).collect();
    let words: Vec<usize> = lines.iter().map(|l| if short(l) && !l.glued { word_count(&text[l.span.clone()]) } else { 0 }).collect();
    // A line printed twice in a row.
    let repeated: Vec<bool> = (0..lines.len())
        .map(|i| {
            let same = |j: usize| j < lines.len() && hashes[i].is_some() && hashes[i] == hashes[j] && same_key(line(i), line(j));
            (i > 0 && same(i - 1)) || same(i + 1)
        })
        .collect();
    let is_section = |i: usize| sections.get(i).copied().unwrap_or(false);
    let outlet_over_section = |i: usize| names[i] && is_section(i + 1);
    // Paragraphs (runs of lines without a blank between them) holding a header-block line.
    let mut paragraph = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        paragraph.push(paragraph.last().map_or(0, |&p| p + (l.after_blank && i > 0) as usize));
    }
    // Only short lines are sections, repeated, names or counted here, so only they can be evidence.
    let evidence = |i: usize| is_section(i) || repeated[i] || outlet_over_section(i);
    let block_paragraphs: Vec<usize> = (0..lines.len()).filter(|&i| evidence(i)).map(|i| paragraph[i]).collect();
    let block = !block_paragraphs.is_empty();
    // The headline [`headline::choose`] found; else the first line long enough. A line cut for a
    // keyword alone (a headline about subscribers says "subscribers") may be the headline too.
    let keyword_cut: Vec<bool> =
        lines.iter().map(|l| matches!(l.keyword, Some(Reason::Boilerplate | Reason::Navigation)) && matches!(l.class, Class::Cut(_))).collect();
    let title = chosen.unwrap_or_else(|| {
        (0..lines.len()).find(|&i| words[i] >= 3 && !names[i]).or_else(|| (0..lines.len()).find(|&i| words[i] >= 2 && !block_paragraphs.contains(&paragraph[i])))
    });
    // The line before each, skipping removed lines: whether a name sits right under the headline.
    let mut previous_kept: Option<usize> = None;
    for i in 0..lines.len() {
        if Some(i) == title && (keyword_cut[i] || !short(&lines[i])) {
            lines[i].class = Class::Title;
            previous_kept = Some(i);
            continue;
        }
        if !short(&lines[i]) {
            if !matches!(lines[i].class, Class::Cut(_)) {
                previous_kept = Some(i);
            }
            continue;
        }
        let under_title = previous_kept.is_some() && previous_kept == title;
        previous_kept = Some(i);
        let s = &text[lines[i].span.clone()];
        if Some(i) == title {
            lines[i].class = Class::Title;
            if let Some(tag_end) = programme_tag(s) {
                let rest = trim_span(text, lines[i].span.start + tag_end..lines[i].span.end);
                removed.push(Cut { span: lines[i].span.start..rest.start, reason: Reason::Metadata });
                if meta.section.is_none() {
                    meta.section = Some(s[1..tag_end].trim_end_matches([']', ' ']).to_string());
                }
                lines[i].span = rest;
            }
            trailing_stamp(text, &mut lines[i], meta, removed);
            continue;
        }
        if lines[i].glued {
            lines[i].class = Class::Cut(Reason::Navigation);
            continue;
        }
        if sentence_like(s) && title.is_none_or(|t| i > t) {
            // A standfirst or a first paragraph that does not end like a sentence (under the
            // headline: kept above it, it would be the headline when the text is cleaned again).
            lines[i].class = Class::Body;
            continue;
        }
        lines[i].class = Class::Cut(Reason::Metadata);
        if is_section(i) {
            meta.section.get_or_insert_with(|| s.to_string());
        } else if repeated[i] {
            meta.outlet.get_or_insert_with(|| s.to_string());
        } else if outlet_over_section(i) && meta.outlet.is_none() {
            meta.outlet = Some(s.to_string());
        } else if names[i]
            && ((block && title.is_none_or(|t| i < t)) || under_title)
            && meta.authors.is_empty()
            && !meta.outlet.as_deref().is_some_and(|o| same_key(o, s))
        {
            meta.authors.push(s.to_string());
        }
    }
}

/// A date stamp closing a headline line (`Star Dies at 91 10:10 AM PDT 6 / 6 / 2013`): the
/// date is read and the stamp, times and weekday included, removed as metadata.
pub(super) fn trailing_stamp(text: &str, line: &mut Line, meta: &mut Meta, removed: &mut Vec<Cut>) {
    let s = &text[line.span.clone()];
    let Some((start, end, date)) = find_date_at(s, usize::MAX).filter(|&(start, _, _)| start > 0) else { return };
    if stamp_end(s, end) != s.len() {
        return;
    }
    let title = without_weekday(s[..start].trim_end());
    if word_count(title) < 2 {
        return;
    }
    meta.published.get_or_insert(date);
    removed.push(Cut { span: trim_span(text, line.span.start + title.len()..line.span.end), reason: Reason::Metadata });
    line.span = trim_span(text, line.span.start..line.span.start + title.len());
}

/// Pages flattened to one line run the headline into the first paragraph:
/// `Quake shakes town, damages homes An earthquake shook…` or `Star dies at 91 June 6, 2013
/// The actress…`. The headline ends at a date, or where a capitalised article (`A`, `An`,
/// `The`) follows a word with no punctuation, which prose does not do.
pub(super) fn runon_title(text: &str, line: &mut Line, address: &str, out: &mut Cleaned) -> Option<Line> {
    let s = &text[line.span.clone()];
    let toks: Vec<(usize, &str)> = tokens(s).collect();
    let head_end = toks.get(30).map_or(s.len(), |&(at, _)| at);
    let date = find_date_at(&s[..head_end], usize::MAX).filter(|&(start, _, _)| start > 0);
    let (title_end, body_start) = match &date {
        Some((start, end, _)) => (*start, stamp_end(s, *end)),
        None => {
            let open = |k: usize| toks[k - 1].1.ends_with(|c: char| c.is_alphanumeric());
            // A headline does not end on a preposition, an article or a conjunction: after
            // one, the article starts a name (`centered near The Geysers`), not the first
            // sentence. Capitals are a shouted headline's own (`HAVE DIED IN A BLAZE`).
            let dangling = |k: usize| {
                let prev = toks[k - 1].1;
                prev.chars().any(char::is_lowercase) && DANGLING.contains(&lower(prev).as_str())
            };
            let article = (3..toks.len().min(25)).find(|&k| matches!(toks[k].1, "A" | "An" | "The") && open(k) && !dangling(k));
            // The first sentence often starts with the name the headline starts with. Before
            // it, the headline ends on a word that is neither a function word (`that`) nor
            // capitalised (which would make one longer name: `former World Champion, …`).
            let name = opening_name(&toks);
            let ends_headline = |k: usize| {
                let prev = toks[k - 1].1;
                open(k) && !prev.chars().any(char::is_uppercase) && !crate::normalize::is_lowered_stopword(prev)
            };
            let repeated = (name >= 2)
                .then(|| {
                    (3..toks.len().min(25).saturating_sub(name - 1))
                        .find(|&k| ends_headline(k) && (0..name).all(|j| bare(toks[k + j].1) == bare(toks[j].1)))
                })
                .flatten();
            // The words of the address's last part (`…/78310-red-sox-to-break-bank`), when
            // the line starts with all of them and goes on with a capital. Sites cut long
            // addresses short, so after a headline in title case, two capitalised words may
            // be the rest of it (`… Yvonne Hiller Charged | With Two Counts`): not split there.
            let slug = slug_words(address);
            let capital = |k: usize| toks.get(k).is_some_and(|t| t.1.starts_with(char::is_uppercase));
            let spelled = (slug.len() >= 3 && toks.len() > slug.len() + 3)
                .then_some(slug.len())
                .filter(|&n| slug.iter().zip(&toks).all(|(w, t)| bare(t.1).eq_ignore_ascii_case(w)) && capital(n))
                .filter(|&n| !(capital(n + 1) && title_case(&s[..toks[n].0])));
            let k = article.into_iter().chain(repeated).chain(spelled).min()?;
            (toks[k].0, toks[k].0)
        }
    };
    let title = without_weekday(s[..title_end].trim_end());
    let title_end = title.len();
    if word_count(title) < 3 || title.contains(['.', '!', '?']) {
        return None;
    }
    if let Some((_, _, published)) = date {
        out.meta.published.get_or_insert(published);
    }
    // The stamp between headline and body (`Updated 9:06 AM`), with or without a date.
    let stamp = trim_span(text, line.span.start + title_end..line.span.start + body_start);
    if !stamp.is_empty() {
        out.removed.push(Cut { span: stamp, reason: Reason::Metadata });
    }
    let title_span = trim_span(text, line.span.start..line.span.start + title_end);
    line.span = trim_span(text, line.span.start + body_start..line.span.end);
    Some(Line { span: title_span, class: Class::Title, after_blank: true, keyword: None, stamp: false, glued: false })
}

/// Words no headline ends on. Not the particles of phrasal verbs (`in`, `over`, `out`, `up`),
/// which do (`Bush's season over`).
pub(super) const DANGLING: &[&str] = &[
    "a", "across", "against", "along", "amid", "among", "an", "and", "at", "behind", "beside", "between", "beyond", "but", "by", "during", "for", "from", "into", "near",
    "nor", "of", "onto", "or", "per", "than", "the", "to", "toward", "towards", "upon", "via", "whose", "with", "within", "without",
];

/// The words of the last part of a page address (`…/78310-red-sox-to-break-bank.html` →
/// `red sox to break bank`): its words of letters, without the extension and the numbers.
pub(super) fn slug_words(address: &str) -> Vec<&str> {
    let path = address.split(['?', '#']).next().unwrap_or("").trim_end_matches('/');
    let last = path.rsplit('/').next().unwrap_or("");
    let last = last.rsplit_once('.').filter(|(_, ext)| ext.len() <= 5 && ext.chars().all(|c| c.is_ascii_alphabetic())).map_or(last, |(stem, _)| stem);
    if path.len() == last.len() {
        return Vec::new();
    }
    last.split(['-', '_']).filter(|w| !w.is_empty() && !w.chars().all(|c| c.is_ascii_digit())).collect()
}

/// How many capitalised words (up to three, the last may end with a comma) open a line: a
/// name such as `Esther Williams,`.
pub(super) fn opening_name(toks: &[(usize, &str)]) -> usize {
    let mut n = 0;
    while n < 3 && toks.get(n).is_some_and(|&(_, t)| is_name(bare(t))) {
        n += 1;
        if toks[n - 1].1.ends_with(',') {
            break;
        }
    }
    n
}

/// A token without the punctuation around it.
pub(super) fn bare(t: &str) -> &str {
    t.trim_matches(|c: char| !c.is_alphanumeric())
}

/// `[News Today] Headline`: a bracketed programme or tag before a headline.
pub(super) fn programme_tag(s: &str) -> Option<usize> {
    let inner_end = s.strip_prefix('[')?.find(']')? + 1;
    let tag = &s[1..inner_end];
    // What follows must still be a headline (three words or more) once the tag is gone.
    let rest = s.get(inner_end + 1..)?;
    (word_count(tag) <= 4 && word_count(rest) >= 3).then_some(inner_end + 1)
}

/// Inside the body: short lines are subheads, or speaker labels of a transcript
/// (`Jane Doe / Minister`), unless several headline-like lines come in a row (an inline list
/// of links; a list in sentence case, such as specifications, is content).
pub(super) fn middle(text: &str, lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].class != Class::Short {
            i += 1;
            continue;
        }
        // A run of short lines; removed lines between them do not break it, so that the
        // verdict is the same once they are gone.
        let mut run = Vec::new();
        let mut j = i;
        while j < lines.len() && matches!(lines[j].class, Class::Short | Class::Cut(_)) {
            if lines[j].class == Class::Short {
                run.push(j);
            }
            j += 1;
        }
        for &k in &run {
            let s = &text[lines[k].span.clone()];
            // A speaker label (`Name / Role`, one slash) is a speaker even in a run of short
            // lines, where it is written in title case like the links of a menu.
            lines[k].class = if is_speaker(s) && s.matches(" / ").count() <= 1 {
                Class::Speaker
            } else if run.len() >= 3 && title_case(s) {
                Class::Cut(Reason::Navigation)
            } else if s.bytes().all(|b| b.is_ascii_digit() || b == b':') {
                // A count or a running time (`14`, `2:31`) by a share bar or a video.
                Class::Cut(Reason::Label)
            } else {
                Class::Body
            };
        }
        i = j;
    }
}

pub(super) fn is_speaker(s: &str) -> bool {
    let words = word_count(s);
    (words <= 12 && s.contains(" / ") && s.split(" / ").next().is_some_and(is_name)) || (words <= 6 && s.ends_with(':') && is_name(s.trim_end_matches(':')))
}

/// A note on the article's author closing it: the byline's name (two words at least) as the
/// subject of a short sentence, `Jane Roe covers health care for The Courier.`
pub(super) fn author_note(s: &str, authors: &[String]) -> bool {
    // (The verb after the name is ASCII lower case: `covers`, `is`, `writes`.)
    let note = |a: &String| a.contains(' ') && s.starts_with(a.as_str()) && s.as_bytes().get(a.len()) == Some(&b' ') && s.as_bytes().get(a.len() + 1).is_some_and(u8::is_ascii_lowercase);
    word_count(s) <= AUTHOR_NOTE_WORDS && authors.iter().any(note)
}

/// The most words of an author's note.
pub(super) const AUTHOR_NOTE_WORDS: usize = 40;

/// After the body: a one-line sign-off (`Reuters`) is the outlet; sentences that continue the
/// body before any chrome (`No one was hurt.`) stay; other short lines are menus, headline
/// lists and leftover prompts.
pub(super) fn tail(text: &str, lines: &mut [Line], meta: &mut Meta) {
    let known = |s: &str, meta: &Meta| [&meta.outlet, &meta.section].iter().any(|m| m.as_deref().is_some_and(|m| same_key(m, s)));
    let shorts = lines.iter().filter(|l| l.class == Class::Short).count();
    let mut chrome = false;
    for (n, line) in lines.iter_mut().enumerate() {
        if line.class != Class::Short {
            chrome |= matches!(line.class, Class::Cut(_));
            continue;
        }
        let s = &text[line.span.clone()];
        line.class = if known(s, meta) {
            Class::Cut(Reason::Metadata)
        } else if n == 0 && word_count(s) <= 3 && is_name(s) {
            meta.outlet.get_or_insert_with(|| s.to_string());
            Class::Cut(Reason::Metadata)
        } else if !chrome && !line.glued && sentence_like(s) {
            Class::Body
        } else if shorts >= 3 {
            Class::Cut(Reason::Navigation)
        } else {
            Class::Cut(Reason::Boilerplate)
        };
        chrome |= line.class != Class::Body;
    }
}

/// Most words capitalised, as headlines and menu items are written.
pub(super) fn title_case(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let long: Vec<&&str> = words.iter().filter(|w| w.chars().count() > 3).collect();
    !long.is_empty() && long.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count() * 10 >= long.len() * 7
}

/// `SEOUL, June 12 (Yonhap) -- ` or `WASHINGTON (Reuters) - ` opening the first paragraph.
pub(super) fn dateline(text: &str, line: &mut Line, out: &mut Cleaned) {
    let s = &text[line.span.clone()];
    let Some(open) = s.find('(') else { return };
    let Some(close) = s[open..].find(')').map(|c| open + c) else { return };
    let head = &s[..open];
    let agency = &s[open + 1..close];
    let after = &s[close + 1..];
    let dash = after.trim_start();
    let Some(rest) = ["--", "—", "–", "-"].iter().find_map(|d| dash.strip_prefix(d)) else { return };
    let city = head.split(',').next().unwrap_or("");
    if open > 60 || !is_name(agency) || city.is_empty() || city.chars().any(|c| c.is_lowercase()) {
        return;
    }
    let end = line.span.start + s.len() - rest.trim_start().len();
    out.removed.push(Cut { span: line.span.start..end, reason: Reason::Metadata });
    out.meta.outlet.get_or_insert_with(|| agency.to_string());
    line.span = end..line.span.end;
}

/// `… relations. (Yonhap)` closing the last paragraph: the outlet's sign-off.
pub(super) fn signoff(text: &str, line: &mut Line, out: &mut Cleaned) {
    let s = &text[line.span.clone()];
    if !s.ends_with(')') {
        return;
    }
    let Some(open) = s.rfind('(') else { return };
    let inner = &s[open + 1..s.len() - 1];
    if !is_name(inner) || word_count(inner) > 3 || !ends_sentence(&s[..open]) {
        return;
    }
    let start = line.span.start + open;
    out.removed.push(Cut { span: start..line.span.end, reason: Reason::Metadata });
    out.meta.outlet.get_or_insert_with(|| inner.to_string());
    line.span = trim_span(text, line.span.start..start);
}
