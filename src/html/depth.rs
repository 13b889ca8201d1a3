//! A bound on how deeply a page nests, before the parser sees it.
//!
//! The HTML standard's tree builder looks through the stack of open elements for each new
//! tag ("is a `<p>` in button scope?"), so a page of 100,000 nested `<div>`s costs it
//! 100,000² steps (17 s natively). Browsers cap the depth (Chromium at 512); this pass does the
//! same ahead of the parser: tags nested deeper than [`MAX_DEPTH`] are dropped and their text
//! kept, in one linear scan. It counts only elements that are closed explicitly in practice:
//! void elements and those whose end tag may be left out (`<p>`, `<li>`, `<td>`...) are not
//! counted, so real pages are never touched.

use std::borrow::Cow;

/// The deepest nesting of counted elements kept.
pub const MAX_DEPTH: usize = 512;

/// Elements without content: never closed.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "frame", "basefont", "isindex"];

/// Elements whose end tag the standard lets a page leave out, so a count of their start tags
/// says nothing about depth.
const OPTIONAL_END: &[&str] =
    &["p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body"];

/// Elements whose content is raw text up to their end tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// `html` with the tags of counted elements nested deeper than [`MAX_DEPTH`] left out, or as
/// it is when none are.
pub fn bounded(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let mut drop: Vec<std::ops::Range<usize>> = Vec::new();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(lt) = memchr(b'<', bytes, at) {
        at = lt + 1;
        if bytes[at..].starts_with(b"!--") {
            at = find(bytes, b"-->", at + 3).map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + closing as usize;
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = name_start + bytes[name_start..].iter().position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>').unwrap_or(bytes.len() - name_start);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let end = memchr(b'>', bytes, name_end).map_or(bytes.len(), |e| e + 1);
        at = end;
        if !closing && RAW.contains(&name.as_str()) {
            // Skip to the end tag, which raw text cannot contain.
            let close = format!("</{name}");
            at = find_ignore_case(bytes, close.as_bytes(), at).unwrap_or(bytes.len());
            continue;
        }
        // `<path ... />` in an inline SVG closes itself: icons by the thousand are not depth.
        let self_closing = bytes[..end].ends_with(b"/>");
        if self_closing || VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
            continue;
        }
        if closing {
            if depth > MAX_DEPTH {
                drop.push(lt..end);
            }
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > MAX_DEPTH {
                drop.push(lt..end);
            }
        }
    }
    if drop.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for r in drop {
        out.push_str(&html[from..r.start]);
        from = r.end;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

fn memchr(needle: u8, hay: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.iter().position(|&b| b == needle).map(|p| p + from)
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn find_ignore_case(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| p + from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_pages_are_left_as_they_are() {
        let page = "<html><body><div><p>One<p>Two<ul><li>a<li>b</ul><img src=x><br><script>if (a<b) x='</div>'</script></div></body></html>";
        assert!(matches!(bounded(page), Cow::Borrowed(_)));
    }

    #[test]
    fn self_closing_tags_of_inline_svg_are_not_depth() {
        let icons = "<svg viewBox=\"0 0 24 24\"><path d=\"M12 2L2 7z\"/></svg>".repeat(2_000);
        let page = format!("<body>{icons}<main><article><p>Kept.</p></article></main></body>");
        assert!(matches!(bounded(&page), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_nested_too_deep_are_dropped_and_their_text_kept() {
        let page = "<div>".repeat(MAX_DEPTH + 10) + "deep text" + &"</div>".repeat(MAX_DEPTH + 10);
        let out = bounded(&page);
        assert_eq!(out.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(out.matches("</div>").count(), MAX_DEPTH);
        assert!(out.contains("deep text"));
    }
}
