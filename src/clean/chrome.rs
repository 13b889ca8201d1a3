//! Pass 1: the patterns that mark a line as chrome wherever it stands (prompts, copyright,
//! contact, credits, labels, templates).

use super::*;

/// Pass 1 for one line: cuts its date prefix and classes it as chrome or metadata when a
/// pattern says so. Returns the [`word_count`] of what is left, which the later passes read too.
pub(super) fn classify(text: &str, line: &mut Line, script: Script, out: &mut Cleaned) -> usize {
    let s = &text[line.span.clone()];
    if let Some((len, date, rest_is_section)) = date_prefix(s) {
        if out.meta.published.is_none() {
            out.meta.published = date;
        }
        let rest = trim_span(text, line.span.start + len..line.span.end);
        // (`05/10/2018 -`: a date and a dash is a date line.)
        if !text[rest.clone()].contains(char::is_alphanumeric) || rest_is_section {
            if !rest.is_empty() && out.meta.section.is_none() {
                out.meta.section = Some(text[rest.clone()].to_string());
            }
            line.class = Class::Cut(Reason::Metadata);
            return word_count(s);
        }
        out.removed.push(Cut { span: trim_span(text, line.span.start..rest.start), reason: Reason::Metadata });
        line.span = rest;
        return classify(text, line, script, out);
    }
    let words = word_count(s);
    if relative_stamp(s) {
        line.class = Class::Cut(Reason::Metadata);
        line.stamp = true;
        return words;
    }
    if foreign(s, script) {
        line.class = Class::Cut(Reason::Language);
        return words;
    }
    let whole = template(s);
    // A byline with the author's address (`By Jane Roe | jroe@courier.com`) is a byline.
    let contact_byline = || byline(s).is_some();
    if let Some(reason) = whole.or_else(|| chrome(s, words)).filter(|&r| r != Reason::Contact || !contact_byline()) {
        if reason == Reason::Copyright && out.meta.outlet.is_none() {
            out.meta.outlet = copyright_holder(s);
        }
        if whole.is_some() || !is_prose(s, words) {
            line.class = Class::Cut(reason);
        }
        if whole.is_none() {
            line.keyword = Some(reason);
        }
        return words;
    }
    if let Some((authors, outlet)) = byline(s) {
        if out.meta.authors.is_empty() {
            out.meta.authors = authors;
        }
        if out.meta.outlet.is_none() {
            out.meta.outlet = outlet;
        }
        if out.meta.published.is_none() {
            out.meta.published = find_date(s);
        }
        line.class = Class::Cut(Reason::Metadata);
    } else if glued_teaser(s) {
        line.glued = true;
    }
    words
}

/// How many lines apart two teasers of one list stand at most (headline and summary, a time
/// stamp, a label between them).
pub(super) const GLUED_NEAR: usize = 4;

/// `3h ago`, `2 days ago at 07:52 am`, `updated 16M ago`, `Published 22 hours ago`: a time
/// relative to the reader's, on a line of its own.
pub(super) fn relative_stamp(s: &str) -> bool {
    // (Every line is asked: most have no `ago` to lower-case one for.)
    if s.len() > 48 || !s.as_bytes().windows(3).any(|w| w.eq_ignore_ascii_case(b"ago")) {
        return false;
    }
    let l = lower(s);
    let words: Vec<&str> = l.split_whitespace().collect();
    let Some(at) = words.iter().position(|&w| w == "ago") else { return false };
    (1..=3).contains(&at) && words.len() <= 7 && words[..at].iter().any(|w| w.bytes().any(|b| b.is_ascii_digit()) || matches!(*w, "a" | "an" | "moments" | "few"))
}

/// A teaser whose headline the paste ran into its summary, as `innerText` does with inline
/// elements: `Police: 2 In Custody After Death Of Student-AthleteA 24-year-old woman and …` or
/// `… Applications To 250,000The state of Michigan will …`. The headline part is in title case
/// (every word of four letters or more capitalised) and its last word runs, without a space,
/// into the capital that starts a sentence.
pub(super) fn glued_teaser(s: &str) -> bool {
    // The glue is a lower-case letter or digit then a capital: a line of ASCII without that
    // pair has none, and most lines are asked (decoding every line's characters was a tenth
    // of cleaning the seeds).
    let head = &s.as_bytes()[..s.len().min(302)];
    if head.is_ascii() && !head.windows(2).any(|w| (w[0].is_ascii_lowercase() || w[0].is_ascii_digit()) && w[1].is_ascii_uppercase()) {
        return false;
    }
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if at > 300 {
            return false;
        }
        let after = chars.peek().map(|&(_, n)| n);
        let joined = prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
            && c.is_uppercase()
            && after.is_some_and(|n| n.is_lowercase() || (n == ' ' && matches!(c, 'A' | 'I')));
        prev = Some(c);
        if !joined {
            continue;
        }
        let head = &s[..at];
        // The word the capital is glued to: a word of its own (`Athlete`, `250,000`), not the
        // start of a name written in one (`MacBook`, `iPhone`).
        let last = head.rsplit(' ').next().unwrap_or("");
        if last.chars().count() < 4 || !last.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let tail = &s[at..];
        // Every word of four letters or more capitalised, three of them at least.
        let long: Vec<&str> = head.split_whitespace().filter(|w| w.chars().count() > 3).collect();
        let capitalised = long.len() >= 3 && long.iter().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || !c.is_alphanumeric()));
        if word_count(head) <= 20 && capitalised && !head.contains(['.', '!', '?']) && word_count(tail) >= 6 {
            return true;
        }
    }
    false
}

/// Chrome recognisable from one line of a web page's article. A prose line is removed only when
/// it is a chrome template as a whole, never for a keyword in it: an article about copyright or
/// subscriptions says "copyright" and "subscribe" in its sentences.
#[cfg(feature = "html")]
pub(crate) fn chrome_line(s: &str, prose: bool) -> Option<Reason> {
    if prose {
        return template(s);
    }
    // What the paste's first pass also tells from a line alone: a byline, a date or a time
    // relative to the reader's on a line of its own (a page that marks none of them in its markup).
    let date_line = || date_prefix(s).is_some_and(|(len, _, section)| section || !s[len..].contains(char::is_alphanumeric));
    let metadata = || relative_stamp(s) || date_line() || byline(s).is_some();
    chrome(s, word_count(s)).or_else(|| metadata().then_some(Reason::Metadata))
}

/// The reason for removing a line that is a chrome template as a whole, or that opens with a
/// widget's label ([`WIDGET_OPENINGS`]) or the print-edition note.
pub(super) fn template(s: &str) -> Option<Reason> {
    if starts_with_any(s, WIDGET_OPENINGS) && word_count(s) <= WIDGET_WORDS {
        return Some(Reason::Navigation);
    }
    if starts_with_ignore_case(s, PRINT_NOTE) {
        return Some(Reason::Boilerplate);
    }
    // Only lines as short as the templates are lower-cased: classify asks of every line.
    if s.len() > TEMPLATE_BYTES {
        return None;
    }
    let l = lower(s.trim().trim_end_matches('.'));
    TEMPLATES.iter().find(|t| t.0 == l).map(|t| t.1)
}

/// Labels page widgets print before their own text, lower case: an embedded video or a link
/// to another story (`Watch: What the ruling means`, `Read more: …`).
pub(super) const WIDGET_OPENINGS: &[&str] = &["watch:", "watch now:", "video:", "listen:", "read more:", "read also:", "also read:", "read next:", "see also:", "related:"];

/// The most words of a line a widget's label opens.
pub(super) const WIDGET_WORDS: usize = 20;

/// How the print-edition note under an article opens, whatever follows.
pub(super) const PRINT_NOTE: &str = "a version of this article appears in print on";

/// Longer than the longest of [`TEMPLATES`], in bytes, with room for spaces around it.
pub(super) const TEMPLATE_BYTES: usize = 96;

/// Whole lines of chrome that read as sentences, lower case, without a final full stop.
pub(super) const TEMPLATES: &[(&str, Reason)] = &[
    ("all rights reserved", Reason::Copyright),
    ("sign up to read this article", Reason::Boilerplate),
    ("subscribe to continue reading", Reason::Boilerplate),
    ("this article is for subscribers only", Reason::Boilerplate),
    ("we use cookies to improve your experience on our site", Reason::Boilerplate),
    ("this material may not be published, broadcast, rewritten or redistributed", Reason::Copyright),
    ("this material may not be published, broadcast, rewritten, or redistributed", Reason::Copyright),
    ("the associated press contributed to this report", Reason::Metadata),
];

/// How the lists of other stories on a page are headed, lower case.
pub(super) const LIST_HEADS: &[&str] = &[
    "related", "more from", "most read", "most popular", "recommended", "top stories", "our picks", "trending", "latest news", "latest stories", "latest videos", "read next", "see also",
    "also read", "you may also like", "more stories", "editor's picks", "editors’ picks", "popular now", "republish",
];

/// Chrome recognisable from the line alone, which has `words` words ([`word_count`]).
pub(super) fn chrome(s: &str, words: usize) -> Option<Reason> {
    // Most of the checks are for short lines: a long one is only looked at from its start.
    // Only the lines short enough for the phrase lists get the filter for them.
    let l = Lowered::new(if words <= 40 { s } else { head(s, 32) }, words <= 15);
    // `Ⓒ` lower-cases to `ⓒ`.
    let sign = || !s.is_ascii() && ['©', 'ⓒ', 'Ⓒ'].iter().any(|&c| l.text.contains(c));
    if words <= 40 && (l.has("copyright") || sign() || l.has("all rights reserved")) {
        return Some(Reason::Copyright);
    }
    if is_label(s) {
        return Some(Reason::Label);
    }
    if is_credit(s, words, &l) {
        return Some(Reason::Credit);
    }
    if words <= 25 && (has_email(s) || has_phone(s)) {
        return Some(Reason::Contact);
    }
    if words <= 12 && starts_with_any(&l.text, LIST_HEADS) {
        return Some(Reason::Navigation);
    }
    if words <= 15 && (is_prompt(&l) || is_standards(&l)) {
        return Some(Reason::Boilerplate);
    }
    if url_only(s) || starts_with_any(&l.text, &["reporting by", "writing by", "editing by", "additional reporting", "compiled by"]) {
        return Some(Reason::Metadata);
    }
    None
}

/// A line as the phrase rules read it, in lower case as far as they can tell ([`comparable`]),
/// with the three-byte sequences it contains regardless of ASCII case (hashed into 512 bits):
/// a phrase with a sequence the line lacks is not in it, which spares most phrase scans
/// (checking all of a phrase's sequences, not only its first, rules out phrases that start
/// like common words: `our standards`).
pub(super) struct Lowered<'a> {
    text: Cow<'a, str>,
    trigrams: [u64; 8],
}

impl<'a> Lowered<'a> {
    /// `line` with the filter when `filtered`: building it costs more than the few phrases a
    /// long line is searched for (a line without one may have any phrase as far as it tells).
    pub(super) fn new(line: &'a str, filtered: bool) -> Self {
        let text = comparable(line);
        if !filtered {
            return Lowered { text, trigrams: [!0; 8] };
        }
        let mut trigrams = [0u64; 8];
        // The last three bytes as `trigram` reads them, shifted along rather than reloaded.
        let mut last = 0u32;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            last = last >> 8 | (b as u32) << 16;
            if i >= 2 {
                let h = trigram_hash(last);
                trigrams[h >> 6] |= 1 << (h & 63);
            }
        }
        Lowered { text, trigrams }
    }

    /// Whether the line may contain `needle` (it does not when this says no).
    fn may_have(&self, needle: &str) -> bool {
        needle.as_bytes().windows(3).all(|w| {
            let h = trigram(w);
            self.trigrams[h >> 6] >> (h & 63) & 1 == 1
        })
    }

    /// Whether the line contains `needle` (lower-case).
    pub(super) fn has(&self, needle: &str) -> bool {
        self.may_have(needle) && find_ignore_case(&self.text, needle).is_some()
    }
}

/// The hash of three bytes regardless of ASCII case (other bytes may hash alike: it is a filter).
pub(super) fn trigram(w: &[u8]) -> usize {
    trigram_hash(u32::from_le_bytes([w[0], w[1], w[2], 0]))
}

/// [`trigram`] of three bytes in the low ones of `x`, first byte lowest.
pub(super) fn trigram_hash(x: u32) -> usize {
    ((x | 0x0020_2020).wrapping_mul(0x9E37_79B1) >> 23) as usize
}

/// `s` as the rules compare it with their lower-case ASCII words, regardless of ASCII case:
/// comparing so finds what lower-casing `s` would, since no other character lower-cases to
/// ASCII, but for `İ` (to `i` and a dot) and the Kelvin sign (to `k`), which get `s`
/// lower-cased (copied) after all.
pub(super) fn comparable(s: &str) -> Cow<'_, str> {
    if !s.is_ascii() && (s.contains('\u{130}') || s.contains('\u{212A}')) {
        Cow::Owned(lower(s))
    } else {
        Cow::Borrowed(s)
    }
}

/// Where `hay` contains `needle` (lower-case) regardless of ASCII case: a scan for its first
/// two bytes, eight places at a time, which on the short lines these rules look at beats the
/// standard library's search (its set-up costs more than the scan).
pub(super) fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else { return Some(0) };
    // Where the needle may start.
    let starts = (h.len() + 1).checked_sub(n.len())?;
    let found = |at: usize| h[at].to_ascii_lowercase() == first && h[at..at + n.len()].eq_ignore_ascii_case(n);
    let mut base = 0;
    for (w, next) in words(&h[..starts]).zip(words(h.get(1..).unwrap_or_default())) {
        let mut places = bytes_eq(w, first) & n.get(1).map_or(HIGH, |&b| bytes_eq(next, b));
        while places != 0 {
            if found(base + first_marked(places)) {
                return Some(base + first_marked(places));
            }
            places &= places - 1;
        }
        base += 8;
    }
    (base..starts).find(|&at| found(at))
}

/// Whether `w` is one of `words` (lower-case ASCII) regardless of ASCII case, as a word of a
/// [`comparable`] line.
pub(super) fn is_any(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether `s` starts with one of `prefixes` (lower-case ASCII) regardless of ASCII case; see
/// [`starts_with_ignore_case`].
pub(super) fn starts_with_any(s: &str, prefixes: &[&str]) -> bool {
    // The first byte alone rules out most prefixes: it is lower-cased once.
    let first = s.as_bytes().first().map(u8::to_ascii_lowercase);
    prefixes.iter().any(|p| p.as_bytes().first() == first.as_ref() && starts_with_ignore_case(s, p))
}

/// Whether `s` starts with `prefix` (lower-case ASCII) regardless of ASCII case: whether
/// lower-casing `s` would make it start with `prefix` when `s` is [`comparable`], or when
/// `prefix` neither ends with an `i` nor has a `k` (which `İ` and the Kelvin sign give).
pub(super) fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    let (s, p) = (s.as_bytes(), prefix.as_bytes());
    s.first().map(u8::to_ascii_lowercase) == p.first().copied() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

/// Subscription, sign-in, app, newsletter and sharing prompts.
pub(super) fn is_prompt(l: &Lowered) -> bool {
    const PHRASES: &[&str] = &[
        "sign up", "sign in", "signup", "log in", "login", "subscribe", "subscription", "subscriber", "newsletter",
        "download the app", "get the app", "our app", "start reading", "continue reading", "read more",
        "read the full", "already a member", "already have an account", "create an account", "free trial",
        "days free", "premium", "membership", "click here", "follow us", "share this", "share on",
        "advertisement", "listen to this article", "skip to", "cookie", "enable javascript", "turn on notifications",
        "support our journalism", "become a member", "unlock", "paywall", "donate now", "republish this",
        "share full article", "opens in new window", "opens in a new window", "opens in a new tab", "register for free",
    ];
    if PHRASES.iter().any(|p| l.has(p)) {
        return true;
    }
    // Single-word chrome: share buttons (and the networks they share to) and ad markers.
    let single = l.text.trim_matches(|c: char| !c.is_alphanumeric());
    const SINGLE: &[&str] = &[
        "share", "tweet", "print", "email", "comments", "advertisement", "ad", "menu", "search", "close", "donate", "register", "facebook",
        "twitter", "whatsapp", "linkedin", "reddit", "pinterest", "telegram", "flipboard", "bluesky", "messenger", "publicidad", "anuncio",
        "werbung", "anzeige", "publicité", "pubblicità", "reklama", "advertentie",
    ];
    if is_any(single, SINGLE) {
        return true;
    }
    // Prompts talk to the reader about the product: "you" plus product words, or a short line
    // about an app. Most lines have neither word, which their filter tells.
    if !(l.may_have("you") || l.may_have("app")) {
        return false;
    }
    const PRODUCT: &[&str] = &[
        "app", "apps", "read", "reading", "news", "access", "titles", "sources", "member", "account", "notifications",
        "inbox", "email", "free", "download", "place",
    ];
    let (mut second_person, mut product, mut app, mut words) = (false, false, false, 0);
    for w in l.text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        words += 1;
        second_person |= is_any(w, &["you", "your"]);
        product |= is_any(w, PRODUCT);
        app |= w.eq_ignore_ascii_case("app");
    }
    (second_person && product) || app && words <= 5
}

/// The outlet pointing the reader to its own rules: `Our Standards: The Thomson Reuters Trust
/// Principles.`, `Read our editorial guidelines`, `Corrections policy: …`. The wording must
/// address the reader (start with it, with `our`, or with `read`/`see`/`learn`, or label it
/// with a colon), so that a sentence about someone's guidelines stays.
pub(super) fn is_standards(l: &Lowered) -> bool {
    const TOPICS: &[&str] = &[
        "our standards", "trust principles", "editorial guidelines", "editorial standards", "editorial policy",
        "editorial policies", "editorial values", "corrections policy", "ethics policy", "code of ethics",
        "journalistic standards", "fact-checking policy",
    ];
    let text = l.text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let Some(at) = TOPICS.iter().filter(|t| l.may_have(t)).filter_map(|t| find_ignore_case(text, t)).min() else { return false };
    let before = &text[..at];
    at == 0
        || text[at..].contains(':')
        || starts_with_any(before, &["our ", "read ", "see ", "learn ", "view ", "find out", "about ", "more about", "how we"])
}

/// `[LEAD]`, `[REPORT]`, `[ANCHOR]`: script labels of broadcast transcripts.
pub(super) fn is_label(s: &str) -> bool {
    let inner = match s.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        Some(i) => i,
        None => return false,
    };
    !inner.contains(['[', ']']) && word_count(inner) <= 3 && inner.chars().any(char::is_alphabetic)
}

/// Photo credits: `Image: AGENCY/Name`, `Photo: …`, `(AP Photo/Name)`, `Getty Images`.
/// `words` is the line's [`word_count`] and `l` the line as the phrase rules read it.
pub(super) fn is_credit(s: &str, words: usize, l: &Lowered) -> bool {
    let prefixes = [
        "image:", "photo:", "photograph:", "picture:", "credit:", "photo credit", "image credit", "pictured:", "file photo", "(photo", "[photo",
        "photo courtesy", "image courtesy", "courtesy photo", "foto:", "fotos:", "bild:", "imagen:", "crédito:", "credito:",
    ];
    if starts_with_any(s, &prefixes) {
        return true;
    }
    words <= 8 && (credit_words(l) || agency_slash(s) || starts_with_any(s, &["courtesy of "]))
}

/// International news and picture agencies whose names credit photos and close bylines.
pub(super) const AGENCIES: &[&str] = &["ap", "afp", "reuters", "epa", "getty", "xinhua", "kyodo", "dpa", "ansa", "efe", "anadolu", "bloomberg", "shutterstock", "alamy"];

/// Credit wording in a short line, word by word: `photo by`, `file photo`, `Getty Images`,
/// `AP Photo`, and a picture agency after a slash or `via` (`Jane Roe / Reuters`, `via AFP`).
/// Whole words only: `via Apple's store` is not a credit.
pub(super) fn credit_words(l: &Lowered) -> bool {
    // Every form has `photo`, `images`, `via` or a slash, which most lines lack.
    if !(l.may_have("photo") || l.may_have("images") || l.may_have("via") || l.text.contains('/')) {
        return false;
    }
    let words = l.text.split(|c: char| !c.is_alphanumeric() && c != '/').flat_map(|w| w.split_inclusive('/')).filter(|w| !w.is_empty());
    let agency = |w: &str| is_any(w.trim_end_matches('/'), AGENCIES);
    const PAIRS: [(&str, &str); 4] = [("photo", "by"), ("file", "photo"), ("getty", "images"), ("images", "via")];
    words.clone().zip(words.skip(1)).any(|(a, b)| {
        PAIRS.iter().any(|&(x, y)| a.eq_ignore_ascii_case(x) && b.eq_ignore_ascii_case(y))
            || (agency(a) && is_any(b, &["photo", "photo/", "images", "images/"]))
            || ((a.eq_ignore_ascii_case("via") || a.ends_with('/')) && agency(b))
    })
}

/// `REUTERS/Kevin Lamarque`: an all-capitals agency, a slash, a photographer.
pub(super) fn agency_slash(s: &str) -> bool {
    s.contains('/')
        && s.split('/').next().is_some_and(|head| {
            let head = head.trim_start_matches(|c: char| !c.is_alphanumeric());
            head.len() >= 2 && head.chars().all(|c| c.is_uppercase() || c == ' ')
        })
}

/// A trailing bracketed credit on a caption line: `… June 30, 2019 [KCNA via Reuters]`.
pub(super) fn trailing_credit(s: &str) -> Option<usize> {
    let trimmed = s.trim_end();
    let (open, close) = match trimmed.chars().last()? {
        ']' => ('[', ']'),
        ')' => ('(', ')'),
        _ => return None,
    };
    let start = trimmed.rfind(open)?;
    let inner = &trimmed[start + 1..trimmed.len() - close.len_utf8()];
    let l = lower(inner);
    // (A web address alone credits the site the picture is from: `(onmeth.com)`.)
    let address = inner.rsplit_once('.').is_some_and(|(host, tld)| {
        host.len() >= 2 && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-') && (2..=6).contains(&tld.len()) && tld.bytes().all(|b| b.is_ascii_lowercase())
    }) && word_count(&trimmed[..start]) >= 3;
    let creditish = l.contains(" via ") || l.contains('/') || l.contains("photo") || l.contains("image") || l.contains("getty") || l.contains("file") || address;
    (start > 0 && word_count(inner) <= 8 && creditish).then_some(start)
}

pub(super) fn has_email(s: &str) -> bool {
    // Most lines have no `@` and are done with here.
    s.contains('@') && s.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        match w.split_once('@') {
            Some((user, host)) => !user.is_empty() && host.contains('.') && !host.starts_with('.'),
            None => false,
        }
    })
}

/// Phone numbers: groups of digits joined by hyphens or periods, at least seven digits in all;
/// not a number with periods between thousands (`2.590.000`, as German and Spanish write them).
pub(super) fn has_phone(s: &str) -> bool {
    // Most lines have fewer than seven digits in all and are done with here.
    has_digits(s.as_bytes(), 7) && s.split(|c: char| c.is_whitespace() || c == ',').any(|w| {
        let w = w.trim_matches(|c: char| !c.is_ascii_digit());
        // Seven digits at least: most words have none, and are done with here.
        if w.bytes().filter(u8::is_ascii_digit).count() < 7 {
            return false;
        }
        let groups: Vec<&str> = w.split(['-', '.']).collect();
        groups.len() >= 3
            && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit()) && g.len() <= 4)
            && groups.iter().map(|g| g.len()).sum::<usize>() >= 7
            && !(groups[0].len() == 4 && groups.len() == 3) // a date: 2025-06-12
            && (w.contains('-') || !is_dotted_thousands(&groups))
    })
}

/// `2`, `590`, `000`: one to three digits without a leading zero, then groups of three.
pub(super) fn is_dotted_thousands(groups: &[&str]) -> bool {
    let first = groups[0];
    (1..=3).contains(&first.len()) && !first.starts_with('0') && groups[1..].iter().all(|g| g.len() == 3)
}

pub(super) fn url_only(s: &str) -> bool {
    starts_with_any(s, &["http://", "https://", "www."]) && !s.contains(char::is_whitespace)
}

/// The first `n` bytes of `s`, or fewer to end on a character boundary: enough to test what a
/// line starts with without lower-casing all of it.
pub(super) fn head(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

pub(super) fn copyright_holder(s: &str) -> Option<String> {
    let l = lower(s);
    let from = ["ⓒ", "©", "(c)", "copyright"].iter().filter_map(|m| l.find(m).map(|i| i + m.len())).max()?;
    let rest = s.get(from..)?;
    let mut out = String::new();
    for w in rest.split_whitespace() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
        if bare.chars().all(|c| c.is_ascii_digit()) || bare.eq_ignore_ascii_case("copyright") {
            continue;
        }
        if !bare.chars().next().is_some_and(char::is_uppercase) || lower(bare) == "all" {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(bare);
        if w.ends_with(['.', ',', ';']) {
            break;
        }
    }
    (!out.is_empty()).then_some(out)
}
