//! Static sentence embeddings: a sentence's vector is the sum of its tokens' vectors.
//!
//! The table (`vectors/minilm-static.bin`, see `vectors/README.md`) was distilled from
//! all-MiniLM-L6-v2 the way model2vec does it: each vocabulary token run through the model
//! alone, reduced by PCA, weighed down by its frequency; then trained so that sums of token
//! vectors follow the model's sentence embeddings (also centred on their story's mean, as
//! [`Embedded`] centres) and the STS news pairs' similarity, and quantized to 8 bits with a
//! scale per token. No transformer runs here: a sentence costs a tokenization and one vector sum per
//! token, which is what lets two sentences that share no words (`a 97-1 vote` / `the final
//! tally was 97-1`) be compared at the speed of word overlap.

use crate::hash::Map;
use crate::wordpiece::WordPiece;

/// A loaded vector table and the tokenizer whose ids index it.
#[derive(Debug, Clone)]
pub struct Vectors {
    tokenizer: WordPiece,
    /// Dimensions per vector.
    dims: usize,
    /// Per token: its scale (the frequency weight folded in).
    scales: Vec<f32>,
    /// Per token, `dims` quantized components: `i8`s, kept as the file's bytes, so that loading
    /// them is one copy rather than a loop over 4.9 million bytes (which a fresh wasm instance
    /// runs on V8's baseline code, as a page's worker does).
    rows: Vec<u8>,
}

/// The first eight bytes of a vector file, format version 1.
pub const MAGIC: &[u8; 8] = b"SDVEC\x00\x01\x00";

/// Why a vector file could not be read.
#[derive(Debug, Clone, PartialEq)]
pub struct FormatError(pub String);

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "not a storydiff vector file: {}", self.0)
    }
}

impl std::error::Error for FormatError {}

/// Reads little-endian fields from the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], FormatError> {
        if self.0.len() < n {
            return Err(FormatError(format!("it ends before its {what}")));
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Ok(head)
    }

    fn u32(&mut self, what: &str) -> Result<usize, FormatError> {
        Ok(u32::from_le_bytes(self.take(4, what)?.try_into().expect("four bytes")) as usize)
    }
}

impl Vectors {
    /// Reads a vector file: the header, the vocabulary, the scales and the rows, as laid out in
    /// `vectors/README.md`.
    pub fn from_bytes(bytes: &[u8]) -> Result<Vectors, FormatError> {
        let mut r = Reader(bytes);
        if r.take(MAGIC.len(), "header")? != MAGIC {
            return Err(FormatError("wrong magic number or version".into()));
        }
        let dims = r.u32("dimensions")?;
        let tokens = r.u32("token count")?;
        let unk = r.u32("unknown token id")?;
        let flags = r.u32("flags")?;
        let max_chars = r.u32("word length limit")?;
        let vocab_bytes = r.u32("vocabulary length")?;
        if dims == 0 || dims > 1024 || tokens == 0 || tokens > 1 << 20 || unk >= tokens {
            return Err(FormatError(format!("implausible sizes ({dims} dimensions, {tokens} tokens)")));
        }
        let vocab = std::str::from_utf8(r.take(vocab_bytes, "vocabulary")?).map_err(|_| FormatError("the vocabulary is not UTF-8".into()))?;
        let names: Vec<&str> = vocab.strip_suffix('\n').unwrap_or(vocab).split('\n').collect();
        if names.len() != tokens {
            return Err(FormatError(format!("{} vocabulary entries for {tokens} tokens", names.len())));
        }
        let scales = r.take(4 * tokens, "scales")?.chunks_exact(4).map(|b| f32::from_le_bytes(b.try_into().expect("four bytes"))).collect();
        let rows = r.take(tokens * dims, "vectors")?.to_vec();
        if !r.0.is_empty() {
            return Err(FormatError(format!("{} bytes after the vectors", r.0.len())));
        }
        let tokenizer = WordPiece::new(names, unk as u32, flags & 1 != 0, max_chars);
        Ok(Vectors { tokenizer, dims, scales, rows })
    }

    /// How many components a sentence vector has.
    pub fn dims(&self) -> usize {
        self.dims
    }

    /// The tokenizer whose ids index the table.
    pub fn tokenizer(&self) -> &WordPiece {
        &self.tokenizer
    }

    /// Adds token `id`'s vector to `sum`.
    fn add(&self, id: u32, sum: &mut [f32]) {
        let id = id as usize;
        let scale = self.scales[id] / 127.0;
        if scale == 0.0 {
            return;
        }
        for (s, &q) in sum.iter_mut().zip(&self.rows[id * self.dims..(id + 1) * self.dims]) {
            *s += scale * q as i8 as f32;
        }
    }

    /// The sum of the token vectors of `text` (not normalized).
    pub fn sum(&self, text: &str) -> Vec<f32> {
        let mut sum = vec![0.0; self.dims];
        self.add_text(text, &mut Words::default(), &mut sum);
        sum
    }

    /// The unit-length vectors of many texts, one after another in one buffer (`dims` each;
    /// zeros for a text with no known token).
    pub fn embed_all<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<f32> {
        let mut out = Vec::new();
        // Words repeat across the sentences of one story: each distinct one is summed once.
        let mut words = Words::default();
        for text in texts {
            let at = out.len();
            out.resize(at + self.dims, 0.0);
            self.add_text(text, &mut words, &mut out[at..]);
            normalize(&mut out[at..]);
        }
        out
    }

    /// Adds the token vectors of `text` to `sum`, each word's taken from `words` or summed and
    /// kept there.
    fn add_text(&self, text: &str, words: &mut Words, sum: &mut [f32]) {
        let mut ids = Vec::new();
        let dims = self.dims;
        self.tokenizer.words(text, |word| {
            // One lookup by `&str` for a word seen before; a `String` key only for a new one.
            let at = match words.index.get(word) {
                Some(&at) => at,
                None => {
                    ids.clear();
                    self.tokenizer.pieces(word, &mut ids);
                    let mut v = vec![0.0; dims];
                    ids.iter().for_each(|&id| self.add(id, &mut v));
                    words.vectors.push(v.into_boxed_slice());
                    words.index.insert(word.to_string(), words.vectors.len() - 1);
                    words.vectors.len() - 1
                }
            };
            sum.iter_mut().zip(words.vectors[at].iter()).for_each(|(s, x)| *s += x);
        });
    }
}

/// The vectors of the distinct words of the texts embedded so far. Each in a box of its own:
/// one buffer for all of them, grown by doubling, had raised the wasm memory of all 982 ECB+
/// articles by 11 MB.
#[derive(Default)]
struct Words {
    /// Each word's index in `vectors`.
    index: Map<String, usize>,
    vectors: Vec<Box<[f32]>>,
}

/// The fewest sentences whose mean is taken for their story's lean. The mean of a few is
/// mostly those sentences themselves, and taking it away takes what they say: of two, every
/// centred cosine is −1 (the two become opposite), so a comparison of two sentences scored its
/// pair as if the vectors disagreed. On the STS news pairs compared two at a time, the centred
/// cosine's correlation with the gold was 0.125, the plain one's 0.808. With fewer than eight
/// sentences each is an eighth of the mean or more; from eight on, nothing changes: the
/// reports of the seeds and of all 86 ECB+ clusters are the same as when every comparison was
/// centred (at 12, two of them change).
pub const CENTRE_MIN: usize = 8;

/// The unit-length vector of every sentence of a comparison, in one buffer.
#[derive(Debug, Clone, Default)]
pub struct Embedded {
    /// Components per vector.
    pub dims: usize,
    /// Unit `u`'s vector is `data[u * dims..(u + 1) * dims]`.
    pub data: Vec<f32>,
}

impl Embedded {
    /// Embeds `texts` (one per unit, in unit order) with `vectors`, centred on their mean when
    /// there are at least [`CENTRE_MIN`] of them.
    ///
    /// Every sentence of one story leans the same way (its topic, its names), so plain cosines
    /// within a story are all high and tell little; the mean of the comparison's vectors is
    /// that shared lean, and what is left once it is taken away is what a sentence says.
    pub fn new<'t>(vectors: &Vectors, texts: impl IntoIterator<Item = &'t str>) -> Embedded {
        let dims = vectors.dims();
        let mut data = vectors.embed_all(texts);
        let n = data.len() / dims.max(1);
        if n >= CENTRE_MIN {
            let mut mean = vec![0.0f32; dims];
            for v in data.chunks_exact(dims) {
                mean.iter_mut().zip(v).for_each(|(m, x)| *m += x / n as f32);
            }
            for v in data.chunks_exact_mut(dims) {
                if v.iter().any(|&x| x != 0.0) {
                    v.iter_mut().zip(&mean).for_each(|(x, m)| *x -= m);
                    normalize(v);
                }
            }
        }
        Embedded { dims, data }
    }

    /// Unit `u`'s vector.
    pub fn of(&self, u: usize) -> &[f32] {
        &self.data[u * self.dims..(u + 1) * self.dims]
    }

    /// The cosine of units `a` and `b`.
    pub fn cosine(&self, a: usize, b: usize) -> f64 {
        dot(self.of(a), self.of(b)) as f64
    }
}

/// Scales `v` to unit length (a zero vector stays zero).
pub fn normalize(v: &mut [f32]) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if norm > 0.0 {
        v.iter_mut().for_each(|x| *x /= norm);
    }
}

/// The dot product: the cosine of two unit-length vectors.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file in the format of `vectors/README.md` with `vocab` and two dimensions.
    fn file(vocab: &[&str], scales: &[f32], rows: &[[i8; 2]]) -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        let text: String = vocab.iter().map(|t| format!("{t}\n")).collect();
        for n in [2, vocab.len(), 0, 3, 100, text.len()] {
            b.extend((n as u32).to_le_bytes());
        }
        b.extend(text.as_bytes());
        scales.iter().for_each(|s| b.extend(s.to_le_bytes()));
        rows.iter().for_each(|r| b.extend(r.iter().map(|&x| x as u8)));
        b
    }

    #[test]
    fn a_sentence_vector_is_the_sum_of_its_tokens_scaled() {
        let bytes = file(&["[UNK]", "vote", "tally", "##s"], &[0.0, 1.0, 2.0, 0.5], &[[0, 0], [127, 0], [0, 127], [127, 127]]);
        let v = Vectors::from_bytes(&bytes).unwrap();
        assert_eq!(v.sum("Vote"), vec![1.0, 0.0]);
        assert_eq!(v.sum("vote tallys"), vec![1.5, 2.5]);
        assert_eq!(v.sum("unknown"), vec![0.0, 0.0]);
        let all = v.embed_all(["vote", "tally", "vote vote", "zzz"]);
        assert_eq!(&all[0..2], &[1.0, 0.0]);
        assert_eq!(&all[2..4], &[0.0, 1.0]);
        assert_eq!(&all[4..6], &[1.0, 0.0]);
        assert_eq!(&all[6..8], &[0.0, 0.0]);
        // A special token written in the text is that token (here, `[UNK]`'s zero vector), in
        // both ways of summing.
        assert_eq!(v.sum("vote [UNK]"), vec![1.0, 0.0]);
        assert_eq!(&v.embed_all(["tally [UNK]"])[..], &[0.0, 1.0]);
    }

    #[test]
    fn a_few_sentences_keep_their_plain_cosine_and_many_are_centred() {
        let bytes = file(&["[UNK]", "vote", "tally", "senate"], &[0.0, 1.0, 1.0, 1.0], &[[0, 0], [127, 0], [90, 90], [0, 127]]);
        let v = Vectors::from_bytes(&bytes).unwrap();
        // Two sentences pointing nearly the same way: centred on their own mean they would be
        // opposite (cosine −1).
        let two = Embedded::new(&v, ["vote", "tally"]);
        assert!((two.cosine(0, 1) - std::f64::consts::FRAC_1_SQRT_2).abs() < 1e-3, "{}", two.cosine(0, 1));
        // With CENTRE_MIN sentences the mean is taken away: what all share no longer counts.
        let texts: Vec<&str> = std::iter::once("vote").chain(std::iter::repeat("tally").take(CENTRE_MIN - 1)).collect();
        let many = Embedded::new(&v, texts);
        assert!(many.cosine(1, 2) > 0.99 && many.cosine(0, 1) < 0.0, "{} {}", many.cosine(1, 2), many.cosine(0, 1));
    }

    #[test]
    fn a_truncated_or_foreign_file_is_refused_with_a_reason() {
        let bytes = file(&["[UNK]", "a"], &[0.0, 1.0], &[[0, 0], [1, 1]]);
        assert!(Vectors::from_bytes(&bytes[..bytes.len() - 1]).unwrap_err().0.contains("ends before its vectors"));
        assert!(Vectors::from_bytes(b"PK\x03\x04 zip").is_err());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Vectors::from_bytes(&longer).unwrap_err().0.contains("after the vectors"));
    }
}
