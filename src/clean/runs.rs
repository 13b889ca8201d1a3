//! The article's runs: which stretch of lines is the article, told by the weight of its prose
//! against the chrome, teasers and reader comments around it.

use super::*;

/// Running prose rather than a headline: a sentence end or many words, not in title case.
pub(super) fn sentence_like(s: &str) -> bool {
    let words = word_count(s);
    (ends_sentence(s) || s.contains(". ") || words >= 12) && words >= 3 && !title_case(s)
}

/// The article's runs of lines: which lines stand in them. A run goes from a prose line to a
/// prose line while its prose outweighs the chrome inside it, and ends where it weighs most
/// ([`find_runs`]): each prose line counts its bytes,
/// each other line kept or removed a fixed cost, and a line that marks reader comments a cost no
/// paragraph outweighs. The heaviest run is the article's; another run is too when it weighs at
/// least [`RUN_SHARE`] of it (a short article split by a block of links), unless reader comments
/// come between them. So a site's blurb above the menus and the comments and teasers below the
/// article fall outside, while subheads, captions and an "Advertisement" inside it do not split it.
pub(super) fn article_runs(text: &str, lines: &[Line]) -> Option<Vec<bool>> {
    let mut comments = Vec::new();
    let weights: Vec<f64> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let marker = line.class != Class::Prose && comment_marker(&text[line.span.clone()]);
            if marker {
                comments.push(i);
            }
            match line.class {
                Class::Prose => line.span.len() as f64,
                Class::Caption => 0.0,
                _ if marker => -COMMENT_COST,
                _ if line.stamp => -STAMP_COST,
                _ if furniture(line) => -FURNITURE_COST,
                _ => -LINE_COST,
            }
        })
        .collect();
    let prose: Vec<bool> = lines.iter().map(|l| l.class == Class::Prose).collect();
    let mut runs: Vec<(f64, usize, usize)> = Vec::new();
    find_runs(&weights, &prose, 0..lines.len(), RUN_SPLITS, &mut runs);
    // Reader comments come after the article: a run after the first comment marker is the
    // article's only when no run comes before it.
    // A bare "Comments" or "Reply" may be a button of the share bar above the article; only
    // markers that cannot be one count here.
    let first_thread = comments.iter().copied().find(|&c| thread_marker(&text[lines[c].span.clone()]));
    let before_comments = |r: &&(f64, usize, usize)| first_thread.is_none_or(|c| r.1 < c);
    let candidates: Vec<&(f64, usize, usize)> = if runs.iter().any(|r| before_comments(&r)) { runs.iter().filter(before_comments).collect() } else { runs.iter().collect() };
    // A run right under a byline or a date (not a relative stamp) weighs double here: that is
    // where an article starts, while a site's blurb or a tag cloud below it stands under menus.
    let dated = |first: usize| lines[first.saturating_sub(DATED_NEAR)..first].iter().any(|l| l.class == Class::Cut(Reason::Metadata) && !l.stamp);
    let chosen = |r: &(f64, usize, usize)| if dated(r.1) { 2.0 * r.0 } else { r.0 };
    let &(heaviest, main_first, main_last) = candidates.into_iter().max_by(|a, b| chosen(a).total_cmp(&chosen(b)))?;
    let mut inside = vec![false; lines.len()];
    inside[main_first..=main_last].iter_mut().for_each(|x| *x = true);
    // Outward from the article's run, each side in turn: a run joins when it is heavy enough or
    // only a few lines stand between it and the article's text, unless comments come between.
    let main = runs.iter().position(|r| r.1 == main_first).unwrap_or(0);
    let (mut near_first, mut near_last) = (main_first, main_last);
    let before = runs[..main].iter().rev().map(|r| (r, true));
    let after = runs[main + 1..].iter().map(|r| (r, false));
    for (&(weight, first, last), earlier) in before.chain(after) {
        // The lines between the run and the article's text so far.
        let between = if earlier { last + 1..near_first } else { near_last + 1..first };
        // A relative time stamp between them is an entry of a list of stories or comments.
        let gap = lines[between.clone()].iter().map(|l| if l.stamp { RUN_GAP } else { (l.class != Class::Prose && !furniture(l)) as usize }).sum::<usize>();
        if !comments.iter().any(|c| between.contains(c)) && ((weight >= RUN_SHARE * heaviest && weight >= gap as f64 * LINE_COST) || gap < RUN_GAP) {
            inside[first..=last].iter_mut().for_each(|x| *x = true);
            if earlier {
                near_first = first;
            } else {
                near_last = last;
            }
        }
    }
    Some(inside)
}

/// The runs of prose in `range`, in order, each as (weight, first line, last line): a run goes
/// from a prose line while the sum of the lines' weights stays above zero, and ends at the prose
/// line where that sum was greatest (what follows it weighs less than the chrome before it: a
/// list of other stories' headlines and one paragraph of the site's below an article). What
/// comes after that line is read again for runs of its own, `depth` times more at most.
pub(super) fn find_runs(weights: &[f64], prose: &[bool], range: Range<usize>, depth: usize, runs: &mut Vec<(f64, usize, usize)>) {
    // (sum, first line, greatest sum, its line, last prose line)
    let mut open: Option<(f64, usize, f64, usize, usize)> = None;
    let close = |(_, first, best, best_end, last): (f64, usize, f64, usize, usize), runs: &mut Vec<(f64, usize, usize)>| {
        runs.push((best, first, best_end));
        if last > best_end {
            if depth > 0 {
                find_runs(weights, prose, best_end + 1..last + 1, depth - 1, runs);
            } else if let Some(start) = (best_end + 1..=last).find(|&i| prose[i]) {
                runs.push((weights[start..=last].iter().sum(), start, last));
            }
        }
    };
    for i in range {
        let w = weights[i];
        open = match open {
            Some((sum, first, best, best_end, last)) if sum + w > 0.0 => {
                let s = sum + w;
                match (prose[i], s > best) {
                    (true, true) => Some((s, first, s, i, i)),
                    (true, false) => Some((s, first, best, best_end, i)),
                    _ => Some((s, first, best, best_end, last)),
                }
            }
            Some(o) => {
                close(o, runs);
                prose[i].then_some((w, i, w, i, i))
            }
            None => prose[i].then_some((w, i, w, i, i)),
        };
    }
    if let Some(o) = open {
        close(o, runs);
    }
}

/// How many times [`find_runs`] reads again what follows a run's heaviest point.
pub(super) const RUN_SPLITS: usize = 8;

/// Takes out of the article's runs the list of teasers that ends them: at least
/// [`TEASERS_MIN`] paragraphs at the end, each a single short paragraph under a line of its own
/// that is not prose (a headline, an author's name), after paragraphs that follow one another.
/// A story list reads so (headline, summary, headline, summary); an article's sections carry
/// more than one paragraph, or longer ones.
pub(super) fn drop_teasers(text: &str, lines: &[Line], inside: &mut [bool]) {
    let prose: Vec<usize> = (0..lines.len()).filter(|&i| inside[i] && lines[i].class == Class::Prose).collect();
    // Each prose line, whether it reads as a teaser: short, and with a line that is not prose
    // and not furniture right before it.
    let teaser = |k: usize| {
        let i = prose[k];
        k > 0 && lines[i].span.len() <= TEASER_BYTES && i > prose[k - 1] + 1 && (prose[k - 1] + 1..i).any(|j| !furniture(&lines[j]) && title_case(&text[lines[j].span.clone()]))
    };
    let mut start = prose.len();
    while start > 0 && teaser(start - 1) {
        start -= 1;
    }
    // Before the list, the article itself: paragraphs that follow one another.
    let dense = prose[..start].windows(2).filter(|w| w[1] == w[0] + 1).count();
    if prose.len() - start >= TEASERS_MIN && dense >= TEASERS_MIN {
        let from = prose[start - 1] + 1;
        inside[from..].iter_mut().for_each(|x| *x = false);
    }
}

/// The fewest teasers that make a list.
pub(super) const TEASERS_MIN: usize = 4;

/// The longest paragraph, in bytes, that reads as a teaser's summary.
pub(super) const TEASER_BYTES: usize = 400;

/// How many lines above a run a byline or a date marks it as the article's.
pub(super) const DATED_NEAR: usize = 4;

/// How heavy, beside the article's heaviest run of prose, another run must be to be the
/// article's too.
pub(super) const RUN_SHARE: f64 = 0.25;

/// Fewer lines than this between two runs of prose do not part them: a stray line of chrome
/// is not the end of the article.
pub(super) const RUN_GAP: usize = 4;

/// What a line that is not prose costs the run of the article it stands in, in bytes of prose.
pub(super) const LINE_COST: f64 = 40.0;

/// What a byline, a date, a photo credit or a label costs the run it stands in: they are the
/// article's own furniture, between its standfirst and its body or under a photo.
pub(super) const FURNITURE_COST: f64 = 5.0;

/// Lines of the article's furniture: bylines, dates, credits, labels.
pub(super) fn furniture(line: &Line) -> bool {
    matches!(line.class, Class::Cut(Reason::Metadata | Reason::Credit | Reason::Label))
}

/// What a relative time stamp (`3h ago`) costs the run it stands in: more than a teaser's
/// summary weighs, less than an entry of a live report.
pub(super) const STAMP_COST: f64 = 400.0;

/// What a line marking reader comments costs the run it stands in.
pub(super) const COMMENT_COST: f64 = 2000.0;

/// Whether a comment marker (`comment_marker`) is one that only a thread of comments has: not a
/// bare "Comments" or "Reply", which may be buttons of a share bar.
pub(super) fn thread_marker(marker: &str) -> bool {
    !BUTTON_HEADS.contains(&lower(marker.trim()).trim_end_matches([':', '.']))
}

/// Lines that head or punctuate reader comments: `23 Comments`, `Leave a Reply`, `Reply`.
pub(super) fn comment_marker(s: &str) -> bool {
    // Every marker is short; most lines are not, and are spared the lower-casing.
    if s.len() >= COMMENT_MARKER_BYTES {
        return false;
    }
    let l = lower(s.trim());
    let l = l.trim_end_matches([':', '.']);
    if BUTTON_HEADS.contains(&l) || COMMENT_HEADS.contains(&l) {
        return true;
    }
    // `Alex on September 17, 2018 at 6:34 am said:`
    if (l.ends_with(" said") || l.ends_with(" says")) && s.ends_with(':') && s.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    // `23 Comments` (`0 Comments` heads no thread: it is a link by the byline)
    let mut words = l.split_whitespace();
    words.next().is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()) && n.bytes().any(|b| b != b'0')) && words.next().is_some_and(|w| COMMENT_COUNTS.contains(&w)) && words.next().is_none()
}

/// The longest comment marker, in bytes (`Alex on September 17, 2018 at 6:34 am said:`).
pub(super) const COMMENT_MARKER_BYTES: usize = 80;

/// Comment markers that may also be buttons of a share bar ([`thread_marker`]), lower case,
/// without a final colon or full stop.
pub(super) const BUTTON_HEADS: &[&str] = &["reply", "comments", "responses"];

/// Lines that only head reader comments, lower case, without a final colon or full stop.
pub(super) const COMMENT_HEADS: &[&str] = &[
    "leave a reply", "leave a comment", "post a comment", "add a comment", "join the conversation", "join the discussion",
    "show comments", "view comments", "comments are closed", "what do you think?", "reader comments",
];

/// What a count of comments is counted in (`23 comments`).
pub(super) const COMMENT_COUNTS: &[&str] = &["comments", "comment", "responses", "replies"];
