//! The one place byte offsets become UTF-16 code units, the offsets JS strings use.

/// Maps byte offsets of one text to UTF-16 offsets.
///
/// Between two non-ASCII characters both counts advance together, so only the ends of
/// non-ASCII characters are stored; memory grows with those, not with the text.
#[derive(Debug, Clone)]
pub struct Utf16Map {
    /// `(byte end, UTF-16 end)` after each non-ASCII character, in order.
    marks: Vec<(usize, usize)>,
}

impl Utf16Map {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        let mut units = 0;
        for (i, c) in text.char_indices() {
            units += c.len_utf16();
            if !c.is_ascii() {
                marks.push((i + c.len_utf8(), units));
            }
        }
        Utf16Map { marks }
    }

    /// The UTF-16 offset of byte offset `byte` (which must be a char boundary).
    pub fn utf16(&self, byte: usize) -> usize {
        let k = self.marks.partition_point(|&(b, _)| b <= byte);
        match k.checked_sub(1).map(|k| self.marks[k]) {
            Some((b, u)) => u + (byte - b),
            None => byte,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a€b😀c";
        let map = Utf16Map::new(text);
        let expect: Vec<usize> = vec![0, 1, 2, 3, 5, 6];
        let bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        assert_eq!(bytes.iter().map(|&b| map.utf16(b)).collect::<Vec<_>>(), expect);
    }
}
