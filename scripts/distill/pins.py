#!/usr/bin/env python3
"""Write the Rust tokenizer/pooling pin files tests/tokenizer/wordpiece.tsv and pooling.tsv.

Expected values come from the model's own HF tokenizer (tokenizer.json through the `tokenizers`
library, add_special_tokens=False, no truncation) and from vectors/minilm-static.bin read back in
Python (scripts/distill/sdvec.py). The inputs are picked deterministically (fixed seed) from
../shared/data/sts-news/train.tsv and ../shared/data/ecbplus, plus a hand-written list of edge cases.
"""
import glob
import os
import random
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import distill  # noqa: E402
import sdvec  # noqa: E402

DATA = os.path.join(distill.REPO, "..", "shared", "data")
OUT = os.path.join(distill.REPO, "tests", "tokenizer")
SEED = 20261206

ESCAPE_DOC = ("escapes in the text columns: \\\\ = backslash, \\t = TAB, \\n = LF, \\r = CR, \\u{HEX} = that code point "
              "(used for every other character of category Cc, Cf, Co, Cn, Cs, Zl, Zp, Zs, Mn or Me except the plain space); "
              "and a '#' that starts the input; all other characters are literal UTF-8")


def esc(s):
    out = []
    for i, c in enumerate(s):
        if i == 0 and c == "#":
            out.append("\\u{23}")  # so that no input line looks like a comment
            continue
        if c == "\\":
            out.append("\\\\")
        elif c == "\t":
            out.append("\\t")
        elif c == "\n":
            out.append("\\n")
        elif c == "\r":
            out.append("\\r")
        elif c != " " and unicodedata.category(c) in ("Cc", "Cf", "Co", "Cn", "Cs", "Zl", "Zp", "Zs", "Mn", "Me"):
            out.append("\\u{%x}" % ord(c))
        else:
            out.append(c)
    return "".join(out)


def unesc(s):
    def rep(m):
        g = m.group(0)
        return {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}.get(g) or chr(int(g[3:-1], 16))
    return re.sub(r"\\\\|\\t|\\n|\\r|\\u\{[0-9a-f]+\}", rep, s)


TRICKY = [
    # accents, case, NFD
    "café", "cafe\u0301", "naïve", "NAÏVE", "Ångström", "\u212bngstr\u00f6m", "Müller", "MÜLLER", "Zoë",
    "résumé", "Señor", "São", "Łódź", "Dvořák", "Erdoğan", "İstanbul", "ﬁnance", "straße", "STRASSE", "ẞ",
    "ΟΔΥΣΣΕΑΣ", "Σ", "Ὀδυσσεύς", "McDONALD'S", "iPhone", "UNITED", "NATO", "U.S.", "U.N.", "Ph.D.",
    # apostrophes and quotes
    "Trump's", "Trump’s", "don't", "don’t", "rock'n'roll", "'90s", "‘quoted’", "“Hello,”", "«Bonjour»",
    "„Guten", "\"quoted\"", "`tick`",
    # hyphens, numbers, money, dates
    "97-1", "$84,000", "2.590.000", "3.5%", "1990s", "mid-1990s", "9/11", "24/7", "7:35", "1,000,000",
    "€5bn", "£20m", "¥100", "₹500", "5°C", "−12", "+44", "#1", "@user", "e-mail", "x²", "½", "3½",
    "COVID-19", "F-16s", "3rd", "21st", "No.1",
    # dashes and other punctuation
    "—", "–", "well—known", "1990–2000", "a―b", "wait…", "¿Qué?", "¡Hola!", "a·b", "§12", "¶",
    "*", "a&b", "AT&T", "a_b", "a|b", "a~b", "a^b", "<tag>", "a=b", "100+", "[brackets]", "{x}",
    "http://www.example.com/a?b=c", "user@example.com", "C:\\path\\file", "a\\b",
    # special-token literals: the HF tokenizer matches these (case-sensitive) as single ids
    "[CLS]", "[SEP]", "[MASK]", "[PAD]", "[UNK]", "x[SEP]y", "[cls]", "[unused1]",
    # other scripts
    "東京", "東京都庁", "北京is", "뉴스", "한국어", "ニュース", "ひらがな", "Москва", "ПУТИН", "Київ",
    "القاهرة", "مُحَمَّد", "עִבְרִית", "हिन्दी", "ภาษาไทย", "Ελλάδα", "𠀀", "\uf900", "①", "Ⅻ", "™", "©2020",
    # emoji
    "😀", "👍🏽", "👨\u200d👩\u200d👧", "🇺🇸", "I❤NY", "smile😀face",
    # long words: 100 and 101 characters, and length counted after normalisation
    "a" * 100, "a" * 101, "x" * 100, "x" * 101, "Pneumonoultramicroscopicsilicovolcanoconiosis",
    "e\u0301" * 60 + "e" * 40, "e\u0301" * 60 + "e" * 41, "д" * 100, "д" * 101, "é" * 101,
    # control characters, zero-width and Unicode spaces
    "tab\there", "new\nline", "cr\rlf\r\n", "nul\x00byte", "bell\x07", "vt\x0bff\x0c", "del\x7f", "nel\x85x",
    "repl\ufffdchar", "zero\u200bwidth", "zw\u200cnj\u200dj", "bom\ufeffmark", "soft\u00adhyphen",
    "word\u2060joiner", "nb\u00a0sp", "thin\u2009space", "narrow\u202fnb", "ideo\u3000space", "em\u2003space",
    "ogham\u1680space", "math\u205fspace", "line\u2028sep", "para\u2029sep", "rtl\u200fmark", "lrm\u200emark",
    "priv\ue000ate", "  leading and trailing  ", "", " ", "\u200b", "\x00",
]

EXTRA_SENTENCES = [
    "Müller’s café — “naïve” claims about $84,000 and 3.5% growth in the 1990s.",
    "Officials in 東京 said the 97-1 vote (2.590.000 ballots) was final.",
    "The U.S. and U.N. don't agree; Erdoğan's office called it “unacceptable”…",
    "Police said a 26-year-old man was arrested at 7:35 a.m. on Monday.\u00a0Nobody was hurt.",
    "Москва and Київ traded claims – again – on Tuesday 😀.",
    "HEADLINE: FIRE KILLS 3 IN ÅNGSTRÖM STREET BLAZE",
    "She said: \"It's over.\"\tHe said:\n\"No, it isn't.\"",
    "Zero\u200bwidth, soft\u00adhyphen and BOM\ufeff are removed before splitting.",
]


def words_from(texts, n_multi, n_single, tok, rng, exclude):
    words = sorted({w for t in texts for w in t.split() if w not in exclude})
    rng.shuffle(words)
    multi, single = [], []
    for w in words:
        ids = sdvec.encode(tok, w)
        if len(ids) >= 2 and len(multi) < n_multi:
            multi.append(w)
        elif len(ids) == 1 and len(single) < n_single:
            single.append(w)
        if len(multi) >= n_multi and len(single) >= n_single:
            break
    return multi + single


def main():
    tok = sdvec.hf_tokenizer()
    rng = random.Random(SEED)

    sts = [line.rstrip("\n").split("\t") for line in open(os.path.join(DATA, "sts-news", "train.tsv"), encoding="utf-8")][1:]
    sts_sents = [s.strip() for r in sts for s in (r[3], r[4])]
    ecb_sents = []
    for path in sorted(glob.glob(os.path.join(DATA, "ecbplus", "*", "*.txt"))):
        lines = open(path, encoding="utf-8").read().split("\n")
        if lines and lines[0].startswith("http"):
            lines = lines[1:]
        for para in lines:
            ecb_sents.extend(s.strip() for s in re.split(r"(?<=[.!?])\s+", para) if s.strip())

    seen = set(TRICKY)
    words = words_from(sts_sents, 75, 75, tok, rng, seen)
    seen.update(words)
    words += words_from(ecb_sents, 75, 75, tok, rng, seen)

    pick = lambda pool, k: rng.sample(sorted({s for s in pool if 40 <= len(s) <= 240}), k)  # noqa: E731
    sentences = pick(ecb_sents, 30) + pick(sts_sents, 26) + EXTRA_SENTENCES

    # The transformers tokenizer object must agree with the tokenizers-library one on every input.
    from transformers import AutoTokenizer
    hf = AutoTokenizer.from_pretrained(distill.model_dir())

    os.makedirs(OUT, exist_ok=True)
    n_lines = 0
    with open(os.path.join(OUT, "wordpiece.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# input<TAB>token ids of all-MiniLM-L6-v2's HF tokenizer (tokenizer.json: BertNormalizer clean_text, "
                "handle_chinese_chars, strip_accents, lowercase; BertPreTokenizer; WordPiece max 100 chars), "
                "add_special_tokens=False, no truncation. An empty ids column means no tokens.\n")
        f.write("# " + ESCAPE_DOC + ".\n")
        f.write("# generated by scripts/distill/pins.py; lines starting with # are comments.\n")
        for section, items in (("edge cases", TRICKY), ("words from STS news and ECB+", words),
                               ("sentences from ECB+, STS news and hand-written", sentences)):
            f.write("# --- %s\n" % section)
            for s in items:
                ids = sdvec.encode(tok, s)
                assert hf(s, add_special_tokens=False)["input_ids"] == ids, s
                assert unesc(esc(s)) == s
                f.write("%s\t%s\n" % (esc(s), " ".join(map(str, ids))))
                n_lines += 1
    print("wordpiece.tsv: %d cases" % n_lines)

    sv = sdvec.StaticVectors(os.path.join(distill.REPO, "vectors", "minilm-static.bin"))
    pool_sents = sentences[:12] + sentences[30:42] + EXTRA_SENTENCES[:4] + ["😀 🎉", ""]
    pairs = [r for r in rng.sample(sts, 10)]
    with open(os.path.join(OUT, "pooling.tsv"), "w", encoding="utf-8", newline="\n") as f:
        f.write("# Sentence vectors from vectors/minilm-static.bin (sha256 %s), D=%d.\n"
                % (__import__("hashlib").sha256(open(os.path.join(distill.REPO, "vectors", "minilm-static.bin"), "rb").read()).hexdigest(), sv.dims))
        f.write("# 2 columns: sentence<TAB>D comma-separated values = sum over the sentence's token ids (wordpiece.tsv "
                "rules, no special tokens) of scale[t]*q[t][k]/127, computed in float64 in token order, printed %.9g. "
                "A sentence whose tokens all have scale 0 (or no tokens) sums to zeros.\n")
        f.write("# 3 columns: sentenceA<TAB>sentenceB<TAB>cosine of their sum vectors (float64). Compare with a tolerance "
                "(e.g. 1e-5 relative to the vector norm, 1e-6 on cosines): f32 accumulation differs in the last bits.\n")
        f.write("# " + ESCAPE_DOC + ".\n")
        for s in pool_sents:
            v = sv.pool(sdvec.encode(tok, s))
            f.write("%s\t%s\n" % (esc(s), ",".join("%.9g" % x for x in v)))
        for r in pairs:
            a, b = r[3], r[4]
            c = sdvec.cosine(sv.pool(sdvec.encode(tok, a)), sv.pool(sdvec.encode(tok, b)))
            f.write("%s\t%s\t%.9g\n" % (esc(a), esc(b), c))
    print("pooling.tsv: %d vectors, %d pairs" % (len(pool_sents), len(pairs)))


if __name__ == "__main__":
    main()
