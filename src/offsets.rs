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

/// The UTF-16 code units of the character a UTF-8 byte begins: none for a continuation byte,
/// two for the lead byte of a four-byte sequence (outside the Basic Multilingual Plane, a
/// surrogate pair), one for any other.
fn units_begun(b: u8) -> usize {
    ((b & 0xC0) != 0x80) as usize + (b >= 0xF0) as usize
}

/// The length of `s` in UTF-16 code units, as a JS string has it.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.bytes().map(units_begun).sum()
}

impl Utf16Map {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::new();
        // Bytes beyond the UTF-16 units of the characters so far: a character of two or three
        // bytes is one unit, one of four bytes (a surrogate pair) two. Read from each
        // character's lead byte, without decoding the text.
        let mut surplus = 0;
        for (i, &b) in text.as_bytes().iter().enumerate() {
            if b >= 0xC0 {
                let len = match b {
                    0xF0.. => 4,
                    0xE0.. => 3,
                    _ => 2,
                };
                surplus += len - units_begun(b);
                marks.push((i + len, i + len - surplus));
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

    #[test]
    fn every_char_boundary_maps_to_the_utf16_length_before_it() {
        let text = "Korea’s «talks» 東京 ö 😀𝄞 한국어 end";
        let map = Utf16Map::new(text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.utf16(i), text[..i].encode_utf16().count(), "at byte {i}");
            assert_eq!(utf16_len(&text[..i]), text[..i].encode_utf16().count(), "at byte {i}");
        }
    }
}
