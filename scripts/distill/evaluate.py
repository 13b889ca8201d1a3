#!/usr/bin/env python3
"""Measure static vectors on the STS news pairs (Pearson of cosine vs gold), and optionally sweep D/L.

  python scripts/distill/evaluate.py                       # the committed vectors/minilm-static.bin
                                                           # (all pairs and the held-out fifth)
  python scripts/distill/evaluate.py --sweep               # table over dims and quantisation levels
  python scripts/distill/evaluate.py --reference           # full all-MiniLM-L6-v2 cosine on the same pairs

The sweep recomputes the token states (about 2 minutes; --cache FILE.npy keeps them between runs)
and builds each candidate exactly as distill.py does, then pools and scores it from the quantised
rows; the gzip size is that of the whole .bin (header + vocab + scales + rows).
"""
import argparse
import gzip
import os
import struct
import sys

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import numpy as np  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import distill  # noqa: E402
import sdvec  # noqa: E402

DEFAULT_STS = os.path.join(distill.REPO, "..", "shared", "data", "sts-news", "train.tsv")


def load_sts(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")][1:]
    return [r[3] for r in rows], [r[4] for r in rows], np.array([float(r[2]) for r in rows]), [r[0] for r in rows]


def count_matrix(seqs, n):
    m = np.zeros((len(seqs), n), dtype=np.float64)
    for i, s in enumerate(seqs):
        for t in s:
            m[i, t] += 1
    return m


def pearson_of(emb, ca, cb, gold):
    a, b = ca @ emb, cb @ emb
    na, nb = np.linalg.norm(a, axis=1), np.linalg.norm(b, axis=1)
    cos = (a * b).sum(1) / np.maximum(na * nb, 1e-300)
    return float(np.corrcoef(cos, gold)[0, 1])


def held_out_report(emb, ca, cb, gold):
    """Pearson on all pairs and on the held-out fifth (pairs k % 5 == 0, as examples/accuracy.rs
    splits them), plain and centred on the mean of all the pairs' unit sentence vectors (what
    src/embed.rs does to one comparison: docs/ACCURACY.md's "static embedding cosine alone")."""
    a, b = ca @ emb, cb @ emb
    a = a / np.maximum(np.linalg.norm(a, axis=1, keepdims=True), 1e-300)
    b = b / np.maximum(np.linalg.norm(b, axis=1, keepdims=True), 1e-300)
    mu = np.concatenate([a, b]).mean(axis=0)
    ac, bc = a - mu, b - mu
    ac /= np.maximum(np.linalg.norm(ac, axis=1, keepdims=True), 1e-300)
    bc /= np.maximum(np.linalg.norm(bc, axis=1, keepdims=True), 1e-300)
    held = np.arange(len(gold)) % 5 == 0
    out = {}
    for name, (x, y) in {"plain": (a, b), "centred": (ac, bc)}.items():
        c = (x * y).sum(1)
        out[name] = (float(np.corrcoef(c, gold)[0, 1]), float(np.corrcoef(c[held], gold[held])[0, 1]))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sts", default=DEFAULT_STS)
    ap.add_argument("--bin", default=os.path.join(distill.REPO, "vectors", "minilm-static.bin"))
    ap.add_argument("--sweep", action="store_true")
    ap.add_argument("--dims", default="64,96,128,144,160,176,192")
    ap.add_argument("--levels", default="127,31,16,12,8")
    ap.add_argument("--cache", default=None, help="npy file to keep the token states in")
    ap.add_argument("--reference", action="store_true")
    args = ap.parse_args()

    s1, s2, gold, sets = load_sts(args.sts)
    tok = sdvec.hf_tokenizer()
    a_ids = [sdvec.encode(tok, s) for s in s1]
    b_ids = [sdvec.encode(tok, s) for s in s2]

    if os.path.exists(args.bin):
        sv = sdvec.StaticVectors(args.bin)
        ca, cb = count_matrix(a_ids, sv.tokens), count_matrix(b_ids, sv.tokens)
        print("%s: D=%d pearson %.4f (%d pairs)" % (args.bin, sv.dims, pearson_of(sv.matrix(), ca, cb, gold), len(gold)))
        for name, (r_all, r_held) in held_out_report(sv.matrix(), ca, cb, gold).items():
            print("  %-8s all pairs %.4f, held-out fifth (%d pairs) %.4f" % (name, r_all, (np.arange(len(gold)) % 5 == 0).sum(), r_held))

    if args.reference:
        import torch
        from sentence_transformers import SentenceTransformer
        torch.set_num_threads(2)
        model = SentenceTransformer(distill.model_dir(), device="cpu")
        ea = model.encode(s1, batch_size=64, normalize_embeddings=True)
        eb = model.encode(s2, batch_size=64, normalize_embeddings=True)
        print("full all-MiniLM-L6-v2 cosine pearson %.4f" % np.corrcoef((ea * eb).sum(1), gold)[0, 1])
        held = np.arange(len(gold)) % 5 == 0
        print("  held-out fifth %.4f" % np.corrcoef((ea * eb).sum(1)[held], gold[held])[0, 1])

    if args.sweep:
        mdir = distill.model_dir()
        vocab_bytes = open(os.path.join(mdir, "vocab.txt"), "rb").read()
        vocab = vocab_bytes.decode("utf-8").split("\n")[:-1]
        n = len(vocab)
        keep = np.array([distill.SPECIAL_RE.fullmatch(t) is None for t in vocab])
        if args.cache and os.path.exists(args.cache):
            states = np.load(args.cache)
        else:
            states = distill.token_states(mdir, n)
            if args.cache:
                np.save(args.cache, states)
        x = states[:, :2, :].mean(axis=1)
        dims = [int(d) for d in args.dims.split(",")]
        proj, _ = distill.pca(x[keep], max(dims), 1)
        w = distill.zipf_sif(keep, 3e-4)
        ca, cb = count_matrix(a_ids, n), count_matrix(b_ids, n)
        print("| D | L (levels per sign) | Pearson float64 | Pearson quantised | .bin bytes | gzip -9 bytes |")
        print("|---|---|---|---|---|---|")
        for d in dims:
            e = np.zeros((n, d))
            e[keep] = proj[:, :d]
            e *= w[:, None]
            pf = pearson_of(e, ca, cb, gold)
            for lv in [int(v) for v in args.levels.split(",")]:
                q, scale = distill.quantise(e, lv)
                q[~keep] = 0
                scale[~keep] = 0
                scale32 = scale.astype("<f4")
                eq = scale32.astype(np.float64)[:, None] * q.astype(np.float64) / 127.0
                blob = (distill.MAGIC + struct.pack("<6I", d, n, 100, 3, 100, len(vocab_bytes)) + vocab_bytes
                        + scale32.tobytes() + q.tobytes())
                gz = len(gzip.compress(blob, compresslevel=9, mtime=0))
                print("| %d | %d | %.4f | %.4f | %d | %d |" % (d, lv, pf, pearson_of(eq, ca, cb, gold), len(blob), gz),
                      flush=True)


if __name__ == "__main__":
    main()
