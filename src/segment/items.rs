//! Inline lists: `1.) The first item 2.) The second item`, `a. … b. …`, `• 9. … • 10. …`.
//!
//! A block that opens with a list marker may run its next items on in the same line with no
//! terminator between them. The next marker in the same style (the next number or letter, or
//! the same bullet) starts a new sentence; nothing else in the block is looked at, so prose
//! that merely holds a number and a period is left to the sentence rules.

/// Bullets that open list items. Not `-`, `*` or `·`, which also join words and headline parts.
const BULLETS: &[char] = &['•', '⁃', '‣', '◦', '▪', '►', '●'];

/// How a numbered item's marker ends after its number or letter, longest first.
const MARKER_ENDS: &[&str] = &[".)", ")", "."];

/// Byte positions in `s` where a later item of a list that opens the block begins.
pub(super) fn item_starts(s: &str) -> Vec<usize> {
    let lead = s.len() - s.trim_start().len();
    let rest = &s[lead..];
    let mut starts = Vec::new();
    let Some(first) = rest.chars().next() else {
        return starts;
    };
    if BULLETS.contains(&first) {
        // `• 9. The first item • 10. The second item`: each bullet after a space is an item.
        for (i, c) in rest.char_indices().skip(1) {
            if c == first && rest[..i].ends_with(char::is_whitespace) {
                starts.push(lead + i);
            }
        }
        return starts;
    }
    let Some((label, end)) = leading_marker(rest) else {
        return starts;
    };
    // Search for each next marker from where the last one was found: one pass over the block.
    let mut from = 0;
    let mut next = successor(&label);
    while let Some(label) = next {
        let marker = format!("{label}{end}");
        let Some(hit) = rest[from..].find(&marker).map(|h| from + h) else {
            break;
        };
        let after = hit + marker.len();
        let spaced_before = rest[..hit].ends_with(char::is_whitespace);
        let spaced_after = rest[after..].starts_with(char::is_whitespace);
        if spaced_before && spaced_after {
            starts.push(lead + hit);
            next = successor(&label);
            from = after;
        } else {
            // The marker starts with an ASCII character, so `hit + 1` is a char boundary.
            next = Some(label);
            from = hit + 1;
        }
    }
    starts
}

/// The marker `1.)`, `1)`, `1.` or `a.` (one to three digits, or one lowercase letter) that
/// opens `text` and is followed by a space: its number or letter and how it ends.
fn leading_marker(text: &str) -> Option<(String, &'static str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let label_len = match digits {
        1..=3 => digits,
        0 if text.bytes().next().is_some_and(|b| b.is_ascii_lowercase()) => 1,
        _ => return None,
    };
    let tail = &text[label_len..];
    let end = MARKER_ENDS.iter().find(|e| tail.starts_with(*e))?;
    tail[end.len()..]
        .starts_with(char::is_whitespace)
        .then(|| (text[..label_len].to_string(), *end))
}

/// The label of the item after `label`: `2` after `1`, `b` after `a`.
fn successor(label: &str) -> Option<String> {
    if let Ok(n) = label.parse::<u32>() {
        return Some((n + 1).to_string());
    }
    match label.as_bytes() {
        [b] if b.is_ascii_lowercase() && *b < b'z' => Some(char::from(b + 1).to_string()),
        _ => None,
    }
}
