#!/usr/bin/env python3
"""The sentence corpus the token table is trained on (tokenlearn-style, see distill.py --train).

Deterministic: files in sorted order, a fixed sentence splitter, duplicates dropped (first kept).

  - ECB+ (../shared/data/ecbplus, CC-BY 3.0): every article's sentences, except the articles of the
    topics whose clusters the labeled sets in tests/labels/ use (ecb_4, 11, 16, 20, 38: both halves
    of each topic, `*_ecb` and `*_ecbplus`, are left out), so the labels stay out of sample;
  - STS news pairs (../shared/data/sts-news/train.tsv): both sentences of every pair except the
    held-out fifth (pairs k % 5 == 0, as examples/accuracy.rs splits them), which is never seen.

  python scripts/distill/corpus.py            # prints counts and the corpus sha256
"""
import hashlib
import json
import os
import re
import sys

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATA = os.path.join(REPO, "..", "shared", "data")

SPLIT_RE = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])")


def labeled_topics():
    """ECB+ topic numbers whose clusters appear in tests/labels/*.json."""
    topics = set()
    d = os.path.join(REPO, "tests", "labels")
    for f in sorted(os.listdir(d)):
        if f.endswith(".json"):
            m = re.match(r"\.\./shared/data/ecbplus/(\d+)_", json.load(open(os.path.join(d, f)))["dir"])
            if m:
                topics.add(int(m.group(1)))
    return sorted(topics)


def split_sentences(text):
    out = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        for s in SPLIT_RE.split(para):
            s = s.strip()
            if len(s.split()) >= 3:
                out.append(s)
    return out


def ecb_sentences(exclude_topics, groups=None):
    """Sentences of the ECB+ articles outside exclude_topics; if groups is a list, each sentence's
    cluster name is appended to it."""
    root = os.path.join(DATA, "ecbplus")
    out = []
    for cluster in sorted(os.listdir(root), key=lambda c: (int(c.split("_")[0]), c) if c[0].isdigit() else (10**9, c)):
        path = os.path.join(root, cluster)
        if not os.path.isdir(path) or int(cluster.split("_")[0]) in exclude_topics:
            continue
        for f in sorted(os.listdir(path)):
            text = open(os.path.join(path, f), encoding="utf-8").read()
            if cluster.endswith("ecbplus"):  # the first line is the article's URL
                text = text.split("\n", 1)[1] if "\n" in text else ""
            sents = split_sentences(text)
            out.extend(sents)
            if groups is not None:
                groups.extend([cluster] * len(sents))
    return out


def sts_rows(path=None):
    path = path or os.path.join(DATA, "sts-news", "train.tsv")
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")][1:]
    return [(float(r[2]), r[3].strip(), r[4].strip()) for r in rows]


def sts_train_sentences(exclude_mod=(0,)):
    out = []
    for k, (_, a, b) in enumerate(sts_rows()):
        if k % 5 not in exclude_mod:
            out.extend([a, b])
    return out


def build(exclude_sts_mod=(0,), with_groups=False):
    """(sentences, description[, groups]). Duplicates (exact text) dropped, first occurrence kept;
    groups: each sentence's ECB+ cluster (a story), or "sts" for the STS sentences."""
    topics = labeled_topics()
    ecb_groups = []
    ecb = ecb_sentences(set(topics), ecb_groups)
    sts = sts_train_sentences(exclude_sts_mod)
    # A sentence that also occurs (case aside) in a held-out pair is left out wherever it comes from.
    held = {x.lower() for k, (_, a, b) in enumerate(sts_rows()) if k % 5 in exclude_sts_mod for x in (a, b)}
    seen, sents, groups = set(), [], []
    for s, g in zip(ecb + sts, ecb_groups + ["sts"] * len(sts)):
        if s not in seen and s.lower() not in held:
            seen.add(s)
            sents.append(s)
            groups.append(g)
    desc = {
        "ecbplus_sentences": len(ecb),
        "ecbplus_topics_excluded": topics,
        "sts_sentences": len(sts),
        "sts_pairs_excluded": "k %% 5 in %s (k = pair index in train.tsv)" % list(exclude_sts_mod),
        "held_out_sentences_dropped": "any sentence equal (case aside) to one of a held-out pair",
        "unique_sentences": len(sents),
        "sha256": hashlib.sha256("\n".join(sents).encode("utf-8")).hexdigest(),
    }
    return (sents, desc, groups) if with_groups else (sents, desc)


if __name__ == "__main__":
    sents, desc = build()
    print(json.dumps(desc, indent=2))
    if "--print" in sys.argv:
        print("\n".join(sents[:50]))
