//! Dates and bylines: the lines that carry an article's date and authors, and the names in them.

use super::*;

pub(super) fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']);
    // Month names are ASCII words of three to nine letters that start with one of eight
    // letters: most words are ruled out here, and the rest lower-cased on the stack.
    if !(3..=9).contains(&w.len()) || !w.is_ascii() || !matches!(w.as_bytes()[0].to_ascii_lowercase(), b'a' | b'd' | b'f' | b'j' | b'm' | b'n' | b'o' | b's') {
        return None;
    }
    let mut lowered = [0u8; 9];
    lowered[..w.len()].copy_from_slice(w.as_bytes());
    lowered.make_ascii_lowercase();
    let w = std::str::from_utf8(&lowered[..w.len()]).expect("ASCII");
    // A month's name, or its start from the first three letters on (`Sept` too).
    let m = MONTHS.iter().position(|m| m.starts_with(&w[..3]))?;
    (MONTHS[m].starts_with(w) || w == "sept").then_some(m as u32 + 1)
}

pub(super) fn ymd(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// Three all-digit parts: year first (`2025-06-12`, `2025.06.12`), or, with slashes, year
/// last in the American order (`6/12/2025`; day first when the first part cannot be a month).
pub(super) fn numeric_date(parts: [&str; 3], slashed: bool) -> Option<String> {
    let n: [u32; 3] = [parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2].parse().ok()?];
    match (parts[0].len(), parts[1].len(), parts[2].len(), n) {
        (4, 1 | 2, 1 | 2, [y, m, d]) => ymd(y, m, d),
        (1 | 2, 1 | 2, 4, [m, d, y]) if slashed => ymd(y, m, d).filter(|_| m <= 12).or_else(|| ymd(y, d, m)),
        // 09/10/10: a two-digit year, this century's below 50.
        (1 | 2, 1 | 2, 2, [m, d, y]) if slashed => {
            let y = if y < 50 { 2000 + y } else { 1900 + y };
            ymd(y, m, d).filter(|_| m <= 12).or_else(|| ymd(y, d, m))
        }
        _ => None,
    }
}

/// A year token, also with a time glued to it (`2012-4:43`, `2011|12:35`): the year and
/// its length.
pub(super) fn year(t: &str) -> Option<(u32, usize)> {
    let digits = t.len() - t.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[digits..];
    let glued = rest.starts_with(['-', '|']) && rest.contains(':');
    (digits == 4 && (rest.is_empty() || glued)).then(|| t[..4].parse().ok()).flatten().map(|y| (y, 4))
}

/// Finds the first date in `s`: `2025-06-12`, `2025.06.12`, `12 June 2025`, `June 12, 2025`.
pub fn find_date(s: &str) -> Option<String> {
    find_date_at(s, usize::MAX).map(|(_, _, d)| d)
}

/// The first date in `s` with its byte range.
pub(super) fn find_date_at(s: &str, max_start: usize) -> Option<(usize, usize, String)> {
    // Every date form has digits; most lines have none. A date has one in its first token or
    // its second, so it starts no earlier than the token before the first digit's.
    let digit = first_digit(s.as_bytes())?;
    let token_start = |end: usize| s[..end].rfind(char::is_whitespace).map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let from = token_start(s[..token_start(digit)].trim_end().len());
    // A date is a few tokens long: the line is split as far as the dates looked for need.
    let mut toks = tokens(&s[from..]).map(|(at, t)| (from + at, t));
    while let Some((at, tok)) = toks.next() {
        if at > max_start {
            break;
        }
        let num = |t: &str| t.trim_end_matches(|c: char| c.is_alphabetic()).parse::<u32>().ok();
        let digits = tok.bytes().any(|b| b.is_ascii_digit());
        let named = month(tok);
        // Most tokens start no date form: neither a number nor a month.
        if !digits && named.is_none() {
            continue;
        }
        // The tokens after it, as far as the second that starts after `max_start`: as far as
        // a date looked for may reach.
        let mut past = 0;
        let mut after = toks
            .clone()
            .take_while(|&(a, _)| {
                past += (a > max_start) as usize;
                past <= 2
            })
            .map(|(a, t)| (a, t.trim_end_matches([',', '.'])));
        let ahead = [after.next(), after.next(), after.next(), after.next()];
        let next = |k: usize| ahead[k - 1];
        if digits {
            let mut nums = tok.split(['-', '.', '/']).filter(|p| !p.is_empty());
            if let (Some(a), Some(b), Some(c), None) = (nums.next(), nums.next(), nums.next(), nums.next()) {
                if [a, b, c].iter().all(|p| p.chars().all(|c| c.is_ascii_digit())) {
                    if let Some(date) = numeric_date([a, b, c], tok.contains('/')) {
                        return Some((at, at + tok.len(), date));
                    }
                }
            }
            // 6 / 6 / 2013: a slashed date written with spaces.
            if let (Some((_, "/")), Some((_, d)), Some((_, "/")), Some((ya, y))) = (next(1), next(2), next(3), next(4)) {
                let parts = [tok, d, y];
                if parts.iter().all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())) {
                    if let Some(date) = numeric_date(parts, true) {
                        return Some((at, ya + y.len(), date));
                    }
                }
            }
            // 12 June 2025
            if let (Some(d), Some((_, m)), Some((ya, y))) = (num(tok.trim_end_matches(',')), next(1), next(2)) {
                if let (Some(m), Some((yn, len))) = (month(m), year(y)) {
                    if let Some(date) = ymd(yn, m, d) {
                        return Some((at, ya + len, date));
                    }
                }
            }
        }
        // June 12, 2025
        if let Some(m) = named {
            let (Some((_, d)), Some((ya, y))) = (next(1), next(2)) else { continue };
            if let (Some(d), Some((yn, len))) = (num(d), year(y)) {
                if let Some(date) = ymd(yn, m, d) {
                    return Some((at, ya + len, date));
                }
            }
        }
    }
    None
}

/// The whitespace-separated tokens of `s` with their offsets.
pub(super) fn tokens(s: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    let mut end = 0;
    std::iter::from_fn(move || {
        let start = s.len() - s[end..].trim_start().len();
        end = s[start..].find(char::is_whitespace).map_or(s.len(), |len| start + len);
        (start < end).then(|| (start, &s[start..end]))
    })
}

/// A leading date line: `date 2025-06-12 World`, `Published: June 12, 2025`,
/// `입력 2025.06.12 (15:22)`, `Posted 11/27/2005 7:21 AM`. Returns the length of the date
/// part, the date, and whether what follows is only a short section name.
pub(super) fn date_prefix(s: &str) -> Option<(usize, Option<String>, bool)> {
    let body = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    let skipped = s.len() - body.len();
    // Most lines have no date: look for one before anything else.
    let (start, end, date) = find_date_at(body, 40)?;
    let l = lower(head(body, 32));
    let label_end = ["date", "published", "updated", "last updated", "posted", "first published", "입력", "수정", "등록"]
        .iter()
        .filter(|p| l.starts_with(*p))
        .map(|p| p.len())
        .max();
    let before = without_weekday(body[..start].trim_end_matches([':', ' ', ',']));
    let labelled = label_end.is_some_and(|e| e >= before.len().saturating_sub(1)) || before.trim().is_empty();
    if !labelled || start > 40 {
        return None;
    }
    let end = stamp_end(body, end);
    // `Tuesday, Oct. 10, 1972, Washington awoke …`: a date opening a sentence.
    if label_end.is_none() && body[..end].trim_end().ends_with(',') {
        return None;
    }
    let rest = body[end..].trim();
    let section = !rest.is_empty() && word_count(rest) <= 3 && !ends_sentence(rest) && rest.chars().next().is_some_and(char::is_uppercase);
    Some((skipped + end, Some(date), section))
}

/// `Friday, June 7, 2013`, `Posted: Sat June 8`: weekdays and stamp labels before a date
/// belong to the stamp, not to what precedes it.
pub(super) fn without_weekday(s: &str) -> &str {
    const LABELS: &[&str] =
        &["on", "posted", "published", "updated", "edited", "last", "first", "at", "|", "-", "release", "immediate", "for"];
    let mut s = s.trim_end_matches([':', ' ', ',', '|']);
    // Read backwards: times, then a weekday, then labels (`Posted`, `First published`);
    // a weekday before a label is the headline's (`… early Thursday Posted: 03/14/2013`).
    let mut labelled = false;
    loop {
        let (head, last) = s.rsplit_once(' ').unwrap_or(("", s));
        let l = lower(last.trim_end_matches([',', ':', '.', '|']));
        let weekday = is_weekday(&l);
        // A lone first word is a label only if it is a weekday (`On` opens sentences too).
        let label = LABELS.contains(&l.as_str()) && !head.is_empty();
        if l.is_empty() || !(label || (weekday && !labelled) || (!labelled && (is_time(&l) || is_zone(&l)))) {
            break;
        }
        labelled |= label;
        s = head.trim_end_matches([':', ' ', ',', '|']);
    }
    s
}

/// `Monday`, `mon`, `Thurs` (lower-cased).
pub(super) fn is_weekday(t: &str) -> bool {
    const SHORT: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
    WEEKDAYS.contains(&t) || SHORT.contains(&t)
}

/// `10:10`, `7:21`, `10:10am`: a clock time (never a bare number, which a headline may end with).
pub(super) fn is_time(t: &str) -> bool {
    let t = t.trim_end_matches(['a', 'p', 'm', '.']);
    t.contains(':') && t.chars().all(|c| c.is_ascii_digit() || c == ':') && t.starts_with(|c: char| c.is_ascii_digit())
}

/// `AM`, `PDT`, `GMT`: what follows a clock time in a stamp (lower-cased).
pub(super) fn is_zone(t: &str) -> bool {
    matches!(
        t,
        "am" | "pm" | "a.m" | "p.m" | "gmt" | "utc" | "et" | "pt" | "ct" | "edt" | "est" | "pdt" | "pst" | "cdt" | "cst" | "mdt" | "mst" | "kst" | "bst" | "cet" | "cest" | "ist" | "jst" | "hkt" | "aest" | "aedt" | "nzst" | "nzdt" | "sast" | "msk"
    )
}

/// Extends a date stamp over the times, zones and revision stamps that follow it:
/// `… 2013 at 11:00 AM EDT Originally published 05/03/2013 at 10:20 AM EDT`.
pub(super) fn stamp_end(body: &str, mut end: usize) -> usize {
    // The next token after `at` and the offset after it.
    let token = |at: usize| {
        let rest = &body[at..];
        let trimmed = rest.trim_start();
        let len = trimmed.find(char::is_whitespace).unwrap_or(trimmed.len());
        (len > 0).then(|| (lower(trimmed[..len].trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '|'))), at + rest.len() - trimmed.len() + len))
    };
    // `10:20`, `1:`, `41am`, `8pm`: a time or a piece of one.
    let clock = |t: &str| {
        let bare = t.trim_end_matches(':');
        let digits = bare.trim_end_matches(['a', 'p', 'm', '.']);
        (digits.len() < t.len() || digits.contains(':'))
            && digits.starts_with(|c: char| c.is_ascii_digit())
            && digits.chars().all(|c| c.is_ascii_digit() || c == ':')
    };
    let label = |t: &str| {
        let t = t.trim_end_matches(':');
        matches!(t, "updated" | "originally" | "published" | "posted" | "first" | "last" | "on" | "edited") || is_weekday(t)
    };
    // Whether the token before ends a split time (`08.` `23`, `11:` `41am`).
    let mut split_time = false;
    while let Some((t, next)) = token(end) {
        let numeric = t.chars().all(|c| c.is_ascii_digit() || matches!(c, ':' | '.' | '-' | '/'));
        // A bare number is a stamp's only inside a time: `08. 23 BST`, not `… PM 5 Thoughts`.
        let bare_number = !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
        let zone_next = || token(next).is_some_and(|(n, _)| is_zone(n.trim_end_matches('.')));
        let stampy = t.is_empty()
            || (numeric && (!bare_number || split_time || zone_next()))
            || clock(&t)
            || is_zone(t.trim_end_matches('.'))
            || t.starts_with("수정");
        let at_clock = |at: usize| token(at).is_some_and(|(t, _)| matches!(t.as_str(), "at" | "@") || clock(&t));
        split_time = false;
        if stampy {
            split_time = numeric && t.ends_with([':', '.']);
            end = next;
        } else if matches!(t.as_str(), "at" | "@") && token(next).is_some_and(|(t, _)| clock(&t)) {
            end = next;
        } else if label(&t) {
            // Labels belong to the stamp when a date or a time follows them (`Last updated
            // at 11:11 GMT`, `updated April 30, 2008`), and `updated` or `last updated` at its end.
            let mut after = next;
            let mut revision = matches!(t.trim_end_matches(':'), "updated" | "last");
            while let Some((t, n)) = token(after).filter(|(t, _)| label(t)) {
                revision &= matches!(t.trim_end_matches(':'), "updated" | "last");
                after = n;
            }
            match find_date_at(&body[after..], 16) {
                Some((start, date_end, _)) if body[after..after + start].trim().is_empty() => end = after + date_end,
                _ if at_clock(after) || revision => end = after,
                _ => return end,
            }
        } else {
            return end;
        }
    }
    end
}

/// A line that credits an author on its own: a byline (`by Jane Doe`), or `written by` /
/// `posted by` and a name.
pub(super) fn credited(s: &str) -> bool {
    if byline(s).is_some() {
        return true;
    }
    let l = s.trim_start();
    ["by ", "written by ", "posted by "].iter().any(|p| {
        l.get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p)) && l[p.len()..].split_whitespace().next().is_some_and(|w| is_name(w.trim_end_matches(',')))
    })
}

/// `By Jane Doe, John Roe and Ann Poe - 12 June 2025 - 08:08` → the authors;
/// `By Jane Doe, Reuters` → the author and the outlet (see [`outlet_like`]).
pub(super) fn byline(s: &str) -> Option<(Vec<String>, Option<String>)> {
    let rest = s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")).or_else(|| s.strip_prefix("by "))?;
    if word_count(s) > 30 || ends_sentence(s) && !s.ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let names_part = rest.split([' ', '|']).collect::<Vec<_>>().join(" ");
    // The names end at a dash or bar, or at the author's address.
    let address = names_part.find('@').map(|at| names_part[..at].rfind(' ').unwrap_or(0));
    let cut = [" - ", " | ", " — ", " – "].iter().filter_map(|sep| names_part.find(sep)).chain(address).min().unwrap_or(names_part.len());
    let names_part = &names_part[..cut];
    let mut authors = Vec::new();
    let mut outlet = None;
    let parts: Vec<&str> = names_part.split(", ").flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & ")).collect();
    for (k, part) in parts.iter().enumerate() {
        let name = part.trim().trim_end_matches(',');
        if name.is_empty() || find_date(name).is_some() {
            continue;
        }
        if !is_name(name) {
            break;
        }
        // The last part after a comma can name the outlet rather than a person.
        let last = parts[k + 1..].iter().all(|p| p.trim().is_empty() || find_date(p).is_some());
        if last && !authors.is_empty() && names_part.contains(", ") && outlet_like(name, &authors) {
            outlet = Some(name.to_string());
            break;
        }
        authors.push(name.to_string());
    }
    (!authors.is_empty()).then_some((authors, outlet))
}

/// A byline part that names an outlet, not a person: a known news agency (`Reuters`, `AFP`),
/// a name ending in an outlet word (`Associated Press`, `The Daily Times`), or an acronym
/// where the authors' names are not written in capitals (`CNN`).
pub(super) fn outlet_like(part: &str, authors: &[String]) -> bool {
    const OUTLET_WORDS: &[&str] = &[
        "press", "news", "times", "post", "herald", "journal", "tribune", "agency", "wire", "network", "telegraph",
        "gazette", "chronicle", "examiner", "guardian", "observer", "independent", "standard", "express", "mail",
        "daily", "weekly", "magazine", "radio", "television", "tv", "broadcasting", "media", "newswire", "service",
    ];
    let l = lower(part);
    let last = l.rsplit(' ').next().unwrap_or("");
    let acronym = part.len() >= 2 && part.len() <= 5 && part.chars().all(|c| c.is_ascii_uppercase())
        && authors.iter().any(|a| a.chars().any(char::is_lowercase));
    AGENCIES.contains(&l.as_str()) || (part.contains(' ') && OUTLET_WORDS.contains(&last)) || acronym
}

/// Two to four capitalised words: a person's name, or an outlet's.
pub(super) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (1..=4).contains(&words.len())
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'' | '’')))
}
