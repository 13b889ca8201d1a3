//! Sentence splitting (being written).
use std::ops::Range;

/// Splits `text[block]` into sentence byte ranges.
pub fn sentences(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let _ = text;
    vec![block]
}
