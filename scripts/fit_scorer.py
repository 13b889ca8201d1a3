"""Fits the pair scorer (src/score.rs): a logistic model over a pair's features.

    cargo run --release --example pair_features -- vectors/minilm-static.bin > target/pairs.tsv
    python3 scripts/fit_scorer.py target/pairs.tsv [--write]

Rows come from examples/pair_features.rs: STS news pairs (target: gold similarity / 5, a soft
label: the model learns the probability that a reader calls the two the same) and the pairs of
each labeled set in tests/labels/ (target 1 for a labeled match, 0 for any other candidate).
The loss is cross-entropy with L2 (ridge) regularization, minimized by Newton's method, so the
fit is deterministic. Labeled sets count as much as all STS pairs together: they are what
"the same claim" means in storydiff (two reports of one story share names and topic words
everywhere, which STS pairs rarely do).

Prints, for the semantic and the lexical model: the held-out STS Pearson correlation, and for
each labeled set the precision and recall at the threshold when that set was left out of the
fit (leave-one-set-out). With --write, replaces the weights in src/score.rs between its
BEGIN WEIGHTS / END WEIGHTS markers with the fit on all rows. numpy only.
"""
import re
import sys
from pathlib import Path

import numpy as np

THRESHOLD = 0.5
L2 = 1e-2
LABEL_SHARE = 1.0  # total weight of labeled rows relative to the STS training rows


def load(path):
    lines = Path(path).read_text().splitlines()
    names = lines[0].split("\t")[3:]
    sets, splits, y, X = [], [], [], []
    for line in lines[1:]:
        c = line.split("\t")
        sets.append(c[0])
        splits.append(c[1])
        y.append(float(c[2]))
        X.append([float(v) for v in c[3:]])
    return names, np.array(sets), np.array(splits), np.array(y), np.array(X)


def fit(X, y, w):
    """Weighted logistic regression with soft targets; returns (weights, bias)."""
    A = np.hstack([X, np.ones((len(X), 1))])
    beta = np.zeros(A.shape[1])
    reg = np.eye(A.shape[1]) * L2 * w.sum()
    reg[-1, -1] = 0.0
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(A @ beta)))
        grad = A.T @ (w * (p - y)) + reg @ beta
        hess = A.T @ (A * (w * p * (1 - p))[:, None]) + reg
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-10:
            break
    return beta[:-1], beta[-1]


def predict(X, model):
    weights, bias = model
    return 1.0 / (1.0 + np.exp(-(X @ weights + bias)))


def row_weights(sets, rows):
    """STS rows weigh 1 each; each labeled set's rows share LABEL_SHARE × (STS rows) / (sets)."""
    w = np.ones(len(sets))
    sts = (sets == "sts") & rows
    labeled = [s for s in np.unique(sets[rows]) if s != "sts"]
    for s in labeled:
        mine = (sets == s) & rows
        w[mine] = LABEL_SHARE * sts.sum() / len(labeled) / mine.sum()
    return w * rows


def report(name, names, sets, splits, y, X, keep):
    X = X[:, keep]
    print(f"\n## {name} model ({', '.join(np.array(names)[keep])})")
    train = ~((sets == "sts") & (splits == "test"))
    model = fit(X[train], y[train], row_weights(sets, train)[train])
    test = (sets == "sts") & (splits == "test")
    r = np.corrcoef(predict(X[test], model), y[test])[0, 1]
    print(f"STS held-out ({test.sum()} pairs): Pearson {r:.3f}")
    for s in sorted(set(sets) - {"sts"}):
        out = train & (sets != s)
        m = fit(X[out], y[out], row_weights(sets, out)[out])
        mine = sets == s
        p = predict(X[mine], m) >= THRESHOLD
        t = y[mine] >= 0.5
        tp = (p & t).sum()
        print(f"{s:28s} left out: precision {tp / max(p.sum(), 1):.3f} ({tp}/{p.sum()})  recall {tp / max(t.sum(), 1):.3f} ({tp}/{t.sum()})  (model pairs only)")
    everything = np.ones(len(y), bool)
    final = fit(X, y, row_weights(sets, everything))
    return final


def write(models, names):
    src = Path(__file__).resolve().parent.parent / "src/score.rs"
    text = src.read_text()
    body = []
    for const, (weights, bias, keep) in models.items():
        full = np.zeros(len(names))
        full[keep] = weights
        body.append(f"const {const}: [f64; INPUTS] = [{', '.join(f'{w:.4f}' for w in full)}];")
        body.append(f"const {const}_BIAS: f64 = {bias:.4f};")
    block = "// BEGIN WEIGHTS (written by scripts/fit_scorer.py)\n" + "\n".join(body) + "\n// END WEIGHTS"
    text = re.sub(r"// BEGIN WEIGHTS.*?// END WEIGHTS", block, text, flags=re.S)
    src.write_text(text)
    print(f"\nwrote {src}")


def main():
    names, sets, splits, y, X = load(sys.argv[1])
    everything = list(range(len(names)))
    lexical = [i for i, n in enumerate(names) if n != "embedding"]
    sem = report("semantic", names, sets, splits, y, X, everything)
    lex = report("lexical", names, sets, splits, y, X, lexical)
    for title, (weights, bias), keep in [("semantic", sem, everything), ("lexical", lex, lexical)]:
        print(f"{title}: " + ", ".join(f"{names[i]} {w:+.3f}" for i, w in zip(keep, weights)) + f", bias {bias:+.3f}")
    if "--write" in sys.argv:
        write({"SEMANTIC": (*sem, everything), "LEXICAL": (*lex, lexical)}, names)


if __name__ == "__main__":
    main()
