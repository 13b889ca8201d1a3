//! Measures matching accuracy and writes `docs/ACCURACY.md` (`npm run eval`); with `--pairs`,
//! writes the pair scorer's training data instead.
//!
//! ```sh
//! cargo run --release --example accuracy                  # docs/ACCURACY.md
//! cargo run --release --example accuracy -- --pairs > target/pairs.tsv   # for scripts/fit_scorer.py
//! cargo run --release --example accuracy -- --pair-texts > target/pair-texts.tsv  # for scripts/peers/
//! ```
//!
//! The table: every labeled set of `tests/labels/` compared with the vectors and without (see
//! `tests/support/scoring.rs` for what is counted); on the held-out fifth of the STS news pairs,
//! the Pearson correlation with the gold of the semantic and lexical scorers and of the plain
//! TF-IDF cosine and static-embedding cosine beside them; and how many of the pairs the scorer
//! accepts among *all* pairs of a story the candidate stages propose (the seeds and every ECB+
//! cluster). Figures of peers that run in Python (the full MiniLM) are read from
//! `target/peers/*.tsv` when `scripts/peers/sts_minilm.py` has written them.
//!
//! The pair rows (`--pairs`) are of two kinds:
//! - `sts`: the STS news pairs (`../shared/data/sts-news/train.tsv`, or `STORYDIFF_STS`), the
//!   target their gold similarity over 5. Their sentences are indexed together, as one
//!   comparison, so that term weights come from a few thousand news sentences. Every fifth pair
//!   is held out (`split` = `test`).
//! - one set per file of `tests/labels/`: every pair of sentences of different sources, the target 1 for a labeled
//!   match (or opposite claim, which is matched and flagged), 0 for an unlabeled pair; `related`
//!   pairs are left out. Pairs the rules call identical or minor are left out too: the model only
//!   ever judges the rest.

#[path = "../tests/support/scoring.rs"]
mod scoring;

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use storydiff::embed::{Embedded, Vectors};
use storydiff::index::{self, Unit};
use storydiff::normalize::{self, Vocabulary};
use storydiff::{align, neighbors, score, Kind, Role, SourceInput};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let vectors = scoring::vectors();
    let texts_too = std::env::args().any(|a| a == "--pair-texts");
    if texts_too || std::env::args().any(|a| a == "--pairs") {
        if texts_too {
            println!("set\ttarget\ta\tb");
        } else {
            println!("set\tsplit\ttarget\t{}", score::NAMES.join("\t"));
            for (split, gold, f) in sts(root, Some(&vectors)) {
                row("sts", split, gold, &f);
            }
        }
        for file in scoring::files("") {
            let (set, rows) = labeled(root, &root.join("tests/labels").join(file), &vectors);
            for (target, f, texts) in &rows {
                if texts_too {
                    println!("{set}\t{target}\t{}\t{}", texts[0].replace(['\t', '\n'], " "), texts[1].replace(['\t', '\n'], " "));
                } else {
                    row(&set, "train", *target, f);
                }
            }
        }
        return;
    }
    if std::env::args().any(|a| a == "--labels") {
        print!("{}", labeled_table(&vectors));
        return;
    }
    let doc = table(root, &vectors);
    let out = root.join("docs/ACCURACY.md");
    std::fs::write(&out, doc).expect("docs/ACCURACY.md written");
    eprintln!("wrote {}", out.display());
}

fn row(set: &str, split: &str, target: f64, f: &align::Features) {
    let values: Vec<String> = score::inputs(f).iter().map(|x| format!("{x:.6}")).collect();
    println!("{set}\t{split}\t{target}\t{}", values.join("\t"));
}

/// The STS news pairs' features with the split (`test` for every fifth pair) and the gold
/// similarity over 5; empty when the file is not on this machine.
fn sts(root: &Path, vectors: Option<&Vectors>) -> Vec<(&'static str, f64, align::Features)> {
    let path = std::env::var_os("STORYDIFF_STS").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data/sts-news/train.tsv"));
    let Ok(tsv) = std::fs::read_to_string(&path) else {
        eprintln!("{}: not found; STS rows skipped", path.display());
        return Vec::new();
    };
    let rows: Vec<(f64, String, String)> = tsv
        .lines()
        .skip(1)
        .filter_map(|l| {
            let c: Vec<&str> = l.split('\t').collect();
            Some((c.get(2)?.parse().ok()?, c.get(3)?.trim().to_string(), c.get(4)?.trim().to_string()))
        })
        .collect();
    let texts: Vec<&str> = rows.iter().flat_map(|(_, a, b)| [a.as_str(), b.as_str()]).collect();
    let mut vocabulary = Vocabulary::with_capacity(1 << 14);
    let units: Vec<Unit> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Unit { source: i, span: 0..t.len(), role: Role::Body, words: normalize::words(t, 0..t.len(), &mut vocabulary) })
        .collect();
    let index = index::build(&units, vocabulary);
    let embedded = vectors.map(|v| Embedded::new(v, texts.iter().copied()));
    rows.iter()
        .enumerate()
        .filter(|&(k, _)| units[2 * k].comparable() && units[2 * k + 1].comparable())
        .map(|(k, (gold, _, _))| (if k % 5 == 0 { "test" } else { "train" }, gold / 5.0, with_anchor(&index, embedded.as_ref(), 2 * k, 2 * k + 1)))
        .collect()
}

/// A pair's features with the anchor feature as [`storydiff::anchor`] sets it: each labeled set
/// is one story, and each STS pair one topic, so the gate on the sources is taken as passed.
fn with_anchor(index: &index::Index, embedded: Option<&Embedded>, a: usize, b: usize) -> align::Features {
    let mut f = align::features(index, embedded, a, b);
    f.anchor = if storydiff::anchor::shares(index, a, b) { 1.0 } else { 0.0 };
    f
}

/// One labeled set's pairs (see the module comment): its name and each pair's target and features.
fn labeled(root: &Path, file: &Path, vectors: &Vectors) -> (String, Vec<(f64, align::Features, [String; 2])>) {
    let labels: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let named = labels["dir"].as_str().unwrap();
    let dir = match (named.strip_prefix("../shared/data/ecbplus/"), std::env::var_os("STORYDIFF_ECB_DIR")) {
        (Some(cluster), Some(ecb)) => PathBuf::from(ecb).join(cluster),
        _ => root.join(named),
    };
    if !dir.is_dir() {
        eprintln!("{}: {} not found; skipped", file.display(), dir.display());
        return (String::new(), Vec::new());
    }
    let set = file.file_stem().unwrap().to_string_lossy().to_string();
    let sources: Vec<SourceInput> = labels["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| SourceInput::new(f.as_str().unwrap(), std::fs::read_to_string(dir.join(f.as_str().unwrap())).unwrap()))
        .collect();
    let prepared = storydiff::prepare(&sources).unwrap();
    let units = &prepared.units;
    let embedded = Some(Embedded::new(vectors, units.iter().map(|u| &sources[u.source].text[u.span.clone()])));
    // The unit holding the first occurrence of a label's snippet.
    let unit_of = |v: &Value| -> Option<usize> {
        let s = v[0].as_u64()? as usize;
        let byte = sources[s].text.find(v[1].as_str()?)?;
        units.iter().position(|u| u.source == s && u.span.start <= byte && byte < u.span.end)
    };
    let pair_of = |p: &Value| Some((unit_of(&p["a"])?, unit_of(&p["b"])?)).map(|(a, b)| (a.min(b), a.max(b)));
    let mut target: HashMap<(usize, usize), f64> = HashMap::new();
    let mut related: HashSet<(usize, usize)> = HashSet::new();
    for p in labels["pairs"].as_array().into_iter().flatten() {
        let Some(key) = pair_of(p) else { continue };
        if p["kind"] == "related" {
            related.insert(key);
        } else {
            target.insert(key, 1.0);
        }
    }
    for c in labels["conflicts"].as_array().into_iter().flatten().filter(|c| c["kind"] == "polarity") {
        if let Some(key) = pair_of(c) {
            target.insert(key, 1.0);
        }
    }
    // Every pair of the story, not only the candidates: the pairs that share only the story's
    // names and topic words are the negatives a scorer must learn to refuse.
    let pairs = (0..units.len()).flat_map(|a| (a + 1..units.len()).map(move |b| (a, b)));
    let mut rows = Vec::new();
    for (a, b) in pairs {
        if related.contains(&(a, b)) || units[a].source == units[b].source {
            continue;
        }
        let by_rule = align::score(units, &prepared.index, None, a, b).is_some_and(|p| p.kind != Kind::Paraphrase);
        if by_rule || !units[a].comparable() || !units[b].comparable() {
            continue;
        }
        let f = with_anchor(&prepared.index, embedded.as_ref(), a, b);
        let text = |u: usize| sources[units[u].source].text[units[u].span.clone()].to_string();
        rows.push((target.get(&(a, b)).copied().unwrap_or(0.0), f, [text(a), text(b)]));
    }
    (set, rows)
}

/// The area under the ROC curve: the chance that a random positive scores above a random
/// negative (ties count half).
fn auc(scores: &[f64], positive: &[bool]) -> f64 {
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&i, &j| scores[i].total_cmp(&scores[j]));
    let (mut rank_sum, mut i) = (0.0, 0);
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && scores[order[j + 1]] == scores[order[i]] {
            j += 1;
        }
        let mid = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += order[i..=j].iter().filter(|&&k| positive[k]).count() as f64 * mid;
        i = j + 1;
    }
    let p = positive.iter().filter(|&&x| x).count() as f64;
    let n = positive.len() as f64 - p;
    (rank_sum - p * (p + 1.0) / 2.0) / (p * n)
}

fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let cov: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let (vx, vy): (f64, f64) = (x.iter().map(|a| (a - mx).powi(2)).sum(), y.iter().map(|b| (b - my).powi(2)).sum());
    cov / (vx * vy).sqrt()
}

/// Of the pairs the scorer accepts among all cross-source pairs of `sources`, how many the
/// candidate stages propose: (accepted, proposed among them, candidates, all pairs).
fn candidate_recall(sources: &[SourceInput], vectors: &Vectors) -> [usize; 4] {
    let prepared = storydiff::prepare(sources).unwrap();
    let units = &prepared.units;
    let embedded = Embedded::new(vectors, units.iter().map(|u| &sources[u.source].text[u.span.clone()]));
    let mut proposed: Vec<(usize, usize)> = index::candidates(units, &prepared.index);
    proposed.extend(neighbors::candidates(units, &embedded.data, embedded.dims));
    let proposed: HashSet<(usize, usize)> = proposed.into_iter().collect();
    let (mut accepted, mut found, mut all) = (0, 0, 0);
    for a in 0..units.len() {
        for b in a + 1..units.len() {
            if units[a].source == units[b].source || !units[a].comparable() || !units[b].comparable() {
                continue;
            }
            all += 1;
            if align::score(units, &prepared.index, Some(&embedded), a, b).is_some() {
                accepted += 1;
                found += proposed.contains(&(a, b)) as usize;
            }
        }
    }
    [accepted, found, proposed.len(), all]
}

fn ecb_clusters(root: &Path) -> Vec<Vec<SourceInput>> {
    let dir = std::env::var_os("STORYDIFF_ECB_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data/ecbplus"));
    let mut clusters: Vec<PathBuf> = std::fs::read_dir(&dir).map(|d| d.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.is_dir()).collect()).unwrap_or_default();
    clusters.sort();
    clusters
        .iter()
        .map(|c| {
            let mut files: Vec<PathBuf> = std::fs::read_dir(c).unwrap().filter_map(|e| Some(e.ok()?.path())).collect();
            files.sort();
            files.iter().map(|f| SourceInput::new(f.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(f).unwrap())).collect()
        })
        .filter(|s: &Vec<SourceInput>| s.len() >= 2)
        .collect()
}

/// A peer's figure written by a script of `scripts/peers/` (`name<TAB>value` lines).
fn peer(root: &Path, file: &str, key: &str) -> Option<f64> {
    let text = std::fs::read_to_string(root.join("target/peers").join(file)).ok()?;
    text.lines().find_map(|l| l.strip_prefix(key)?.strip_prefix('\t')?.trim().parse().ok())
}

/// What the scorer would gain from the full transformer in place of the static vectors, when
/// `scripts/peers/sts_minilm.py` has refitted it both ways (leaving each set out in turn).
fn swapped(root: &Path) -> String {
    let get = |k: &str| peer(root, "sts_minilm.tsv", k);
    let (Some(auc), Some(p), Some(r), Some(sp), Some(sr)) = (get("minilm_scorer_auc"), get("minilm_loso_precision"), get("minilm_loso_recall"), get("static_loso_precision"), get("static_loso_recall")) else {
        return String::new();
    };
    // What the figures say, not a conclusion written once: a gain of a tenth of recall or more
    // would be worth distilling better vectors for.
    let verdict = if r - sr < 0.1 && p >= sp - 0.02 {
        "The transformer itself would add little within one story: most of what the labels\npair and the scorer misses is told in words neither model links."
    } else {
        "Better vectors would move these figures: the transformer is worth distilling further."
    };
    format!(
        "| storydiff scorer refitted on the full MiniLM's cosine instead of the vectors' (peer, `scripts/peers/sts_minilm.py`) | {auc:.3} |\n\nHow far better vectors could take the scorer: refitted with the transformer's cosine (centred on each\nset's mean, as the vectors' is) in place of the vectors', leaving each labeled set out in turn and\naccepting at even odds, precision and recall over all pairs (no pipeline) go from {sp:.3} / {sr:.3} to\n{p:.3} / {r:.3}. {verdict}\n"
    )
}

/// The labeled sets' table, semantic and lexical rows side by side, with a total row each.
fn labeled_table(vectors: &Vectors) -> String {
    let mut doc = String::new();
    doc += "| set | matching | precision | recall | paraphrase recall | by group: precision | by group: recall | shared, left unique | unique kept | negatives matched | polarity flagged | unique with a nearest |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n";
    let mut totals = [scoring::Score::default(), scoring::Score::default()];
    for file in scoring::files("") {
        let Some(set) = scoring::load(&file) else { continue };
        for (name, v) in [("semantic", Some(vectors)), ("lexical", None)] {
            let sc = scoring::score(&set, v);
            totals[(name == "lexical") as usize].add(&sc);
            let _ = writeln!(
                doc,
                "| {} | {name} | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.3} ({}/{}) | {} | {} | {}/{} | {}/{} | {}/{} | {}/{} | {} |",
                file.trim_end_matches(".json"),
                sc.precision(), sc.true_positive, sc.predicted,
                sc.recall(), sc.found, sc.required,
                sc.paraphrase_recall(), sc.paraphrase_found, sc.paraphrase_required,
                grouped_precision(&sc), grouped_recall(&sc),
                sc.shared_left_unique, sc.shared_labeled,
                sc.unique_kept, sc.unique_total,
                sc.negatives_matched.len(), sc.negatives_total,
                sc.polarity_flagged, sc.polarity_labeled,
                sc.nearest_shown,
            );
        }
    }
    for (name, t) in ["semantic", "lexical"].iter().zip(&totals) {
        let _ = writeln!(doc, "| **all sets** | {name} | {:.3} ({}/{}) | {:.3} ({}/{}) | {:.3} ({}/{}) | {} | {} | {}/{} | {}/{} | {}/{} | | |", t.precision(), t.true_positive, t.predicted, t.recall(), t.found, t.required, t.paraphrase_recall(), t.paraphrase_found, t.paraphrase_required, grouped_precision(t), grouped_recall(t), t.shared_left_unique, t.shared_labeled, t.unique_kept, t.unique_total, t.negatives_matched.len(), t.negatives_total);
    }
    doc += &doubt_table(&totals[0]);
    doc
}

/// How well a unique sentence's nearest counterpart tells a doubtful verdict from a sound one,
/// over all sets with vectors: at each score floor, the wrongly unique sentences (labeled shared)
/// whose nearest reaches it, and the rightly unique ones (labeled unique) whose nearest does.
fn doubt_table(t: &scoring::Score) -> String {
    let mut doc = format!(
        "\n### Unique, with a near counterpart\n\nA sentence the report leaves unique carries its nearest counterpart and that pair's score (the\nprobability that the two state the same claim). The page marks a unique sentence `unique?` when that\nscore is at least 0.3 (`DOUBTFUL_MIN` in `js/verdicts.js`; the CLI lists it with `?`). Over all sets with vectors, of\nthe {} sentences labeled shared but left unique and the {} labeled unique and left so, how many a\nfloor marks (for the first, in brackets, how many of those point at a labeled counterpart):\n\n| nearest score at least | shared, left unique: marked | unique: marked |\n|---|---|---|\n",
        t.left_unique_nearest.len(),
        t.unique_nearest.len()
    );
    for floor in [0.2, 0.3, 0.4, 0.5] {
        let marked: Vec<bool> = t.left_unique_nearest.iter().filter(|n| n.0 >= floor).map(|n| n.1).collect();
        let right = marked.iter().filter(|&&r| r).count();
        let unique = t.unique_nearest.iter().filter(|&&s| s >= floor).count();
        let _ = writeln!(doc, "| {floor:.1} | {} of {} ({right}) | {unique} of {} |", marked.len(), t.left_unique_nearest.len(), t.unique_nearest.len());
    }
    doc
}

/// Precision counted over every two sentences of different sources in one group.
fn grouped_precision(sc: &scoring::Score) -> String {
    format!("{:.3} ({}/{})", sc.grouped_true as f64 / sc.grouped.max(1) as f64, sc.grouped_true, sc.grouped)
}

/// Recall counted by group: a labeled pair found when its two sentences share a group.
fn grouped_recall(sc: &scoring::Score) -> String {
    format!("{:.3} ({}/{})", sc.grouped_found as f64 / sc.required.max(1) as f64, sc.grouped_found, sc.required)
}

/// The rows of a table of scores measured by `measure` (Pearson, AUC): storydiff's two scorers,
/// TF-IDF, the vectors alone, and the full MiniLM's `peer_key` figure when its script has run.
fn score_rows(doc: &mut String, root: &Path, measure: &dyn Fn(&dyn Fn(&align::Features) -> f64) -> f64, peer_key: &str) {
    let _ = writeln!(doc, "| storydiff semantic scorer (`score::same_claim`, with vectors) | {:.3} |", measure(&|f| score::same_claim(f, true)));
    let _ = writeln!(doc, "| storydiff lexical scorer (without vectors) | {:.3} |", measure(&|f| score::same_claim(f, false)));
    let _ = writeln!(doc, "| TF-IDF cosine (the term index's weights) | {:.3} |", measure(&|f| f.cosine));
    let _ = writeln!(doc, "| static embedding cosine alone (centred on the comparison's mean) | {:.3} |", measure(&|f| f.embedding));
    match peer(root, "sts_minilm.tsv", peer_key) {
        Some(p) => { let _ = writeln!(doc, "| all-MiniLM-L6-v2, the full transformer (peer, `scripts/peers/sts_minilm.py`) | {p:.3} |"); }
        None => *doc += "| all-MiniLM-L6-v2, the full transformer | not run (`scripts/peers/sts_minilm.py` writes it) |\n",
    }
}

fn table(root: &Path, vectors: &Vectors) -> String {
    let mut doc = String::from("# Matching accuracy\n\nWritten by `npm run eval` (`cargo run --release --example accuracy`); see `examples/accuracy.rs` for\nwhat each figure counts. Labels are in `tests/labels/`, written by reading the articles.\n\n");
    doc += "## Labeled sets\n\nEach set compared with the sentence vectors (`semantic`, as shipped) and without them (`lexical`,\nwhat runs when the vectors cannot be loaded). Precision counts every reported match not labeled as a\nmatch (related pairs and opposite claims are not wrong); recall counts the labeled identical, minor\nand paraphrase pairs found. *Negatives* are labeled pairs that must not match; *polarity* counts\npairs labeled as opposite claims that are matched with a `polarity` conflict.\n\n*By group* counts the same labels against the report's groups, as the page shows them: every two\nsentences of different sources in one group count as matched (a group joins a claim's wordings,\nso a headline and a quotation stating it are one row even where no direct match scored them).\n*Shared, left unique* counts the sentences that have a labeled counterpart in another source and\nthat the report calls unique (support 0): the \"only this source says it\" a reader would trust\nwrongly.\n\n";
    doc += &labeled_table(vectors);
    let pairs = sts(root, Some(vectors));
    let test: Vec<&(&str, f64, align::Features)> = pairs.iter().filter(|p| p.0 == "test").collect();
    if !test.is_empty() {
        let gold: Vec<f64> = test.iter().map(|p| p.1).collect();
        let r = |f: &dyn Fn(&align::Features) -> f64| pearson(&test.iter().map(|p| f(&p.2)).collect::<Vec<_>>(), &gold);
        let _ = write!(doc, "\n## STS news pairs, held-out fifth ({} pairs)\n\nPearson correlation of each score with the gold similarity. The scorers' final fit uses the labeled\nsets only (`scripts/fit_scorer.py` says why), so these pairs are all out of sample; the fifth is\nthe one the fits that did use STS held out. The gold grades likeness (2: \"not equivalent, but share\nsome details\"), and the score is a probability of the same claim: refitted on the STS training\npairs themselves (each pair compared on its own) to the same claim (a grade of 3.5 and up), a model\nof every input reaches 0.711 on this fifth; only one fitted to the grade itself reaches 0.810 (`scripts/fit_scorer.py`, 2026-12-07).\n\n| score | Pearson |\n|---|---|\n", test.len());
        score_rows(&mut doc, root, &r, "pearson");
    }
    let mut all: Vec<(f64, align::Features, [String; 2])> = Vec::new();
    for file in scoring::files("") {
        all.extend(labeled(root, &root.join("tests/labels").join(file), vectors).1);
    }
    if !all.is_empty() {
        let positive: Vec<bool> = all.iter().map(|p| p.0 >= 0.5).collect();
        let a = |f: &dyn Fn(&align::Features) -> f64| auc(&all.iter().map(|p| f(&p.1)).collect::<Vec<_>>(), &positive);
        let _ = write!(doc, "\n## Within one story\n\nThe area under the ROC curve over every cross-source pair of the labeled sets that the rules do not\ncall identical or minor ({} pairs, {} of them labeled matches): how well each score ranks the pairs that\nstate the same claim above those that share only the story's names and topic. This is where the\nstatic vectors are weak: on STS pairs, unrelated to each other, their cosine beats the word scores;\nwithin one story it ranks far below them, and adds little to them.\n\n| score | AUC |\n|---|---|\n", all.len(), positive.iter().filter(|&&x| x).count());
        score_rows(&mut doc, root, &a, "auc");
        doc += &swapped(root);
    }
    doc += "\n## Candidates\n\nOf the pairs the scorer accepts when *every* cross-source pair of a story is scored, the share the\ncandidate stages (term index and vector hashing) propose, and how many pairs they propose instead\nof all.\n\n| stories | accepted among all pairs | proposed | recall | pairs proposed | all pairs |\n|---|---|---|---|---|---|\n";
    let seeds = scoring::load("seeds.json").map(|s| s.sources).unwrap_or_default();
    let mut rows = vec![("the seeds".to_string(), vec![seeds])];
    let ecb = ecb_clusters(root);
    if !ecb.is_empty() {
        rows.push((format!("ECB+, each of {} clusters", ecb.len()), ecb));
    }
    for (name, stories) in rows {
        let mut t = [0usize; 4];
        for s in &stories {
            let c = candidate_recall(s, vectors);
            (0..4).for_each(|i| t[i] += c[i]);
        }
        let _ = writeln!(doc, "| {name} | {} | {} | {:.3} | {} | {} |", t[0], t[1], t[1] as f64 / t[0].max(1) as f64, t[2], t[3]);
    }
    // Each story compared once for both kinds of sample.
    let mut reports: HashMap<String, Option<storydiff::Report>> = HashMap::new();
    doc += &match_sample(root, vectors, &mut reports);
    doc += &unique_sample(root, vectors, &mut reports);
    doc += &conflict_sample(root, vectors, &mut reports);
    doc
}

/// The conflicts of the samples read blind in `tests/conflicts/` (a random sample of those
/// reported, those the rule for figures stated in different places added, those the rules for
/// ranges, short names and sources took out, and a second random sample) that the engine
/// still reports: how many of them are real disagreements. Empty when the ECB+ data is missing.
fn conflict_sample(root: &Path, vectors: &Vectors, reports: &mut HashMap<String, Option<storydiff::Report>>) -> String {
    let mut rows = String::new();
    let samples = [
        ("sample.json", None, "a random 100 of the 505 reported"),
        ("moved.json", None, "the 28 an early version of the figures rule added"),
        ("scoped.json", None, "the 91 the rules for ranges, short names and sources took out"),
        ("current.json", None, "a random 60 of the 263 reported before the last of those rules"),
        ("census.json", Some("dev"), "all 237 reported on 2026-12-08: the half the rules after it were read from"),
        ("census.json", Some("test"), "all 237 reported on 2026-12-08: the other half, held out"),
    ];
    for (file, half, name) in samples {
        let Some(mut items) = sample_items(root, "tests/conflicts", file) else { return String::new() };
        if let Some(half) = half {
            items.retain(|item| item["half"] == half);
        }
        // The conflict the label names, on the two sentences' match.
        let conflicted = |m: &storydiff::Match, item: &Value| {
            let flagged = (item["flagged"][0].as_str().unwrap_or_default(), item["flagged"][1].as_str().unwrap_or_default());
            m.conflicts.iter().any(|c| (c.a.as_str(), c.b.as_str()) == flagged)
        };
        let Some(counts) = still_reported(root, vectors, reports, &items, conflicted) else { return String::new() };
        let get = |k: &str| counts.get(k).copied().unwrap_or_default();
        let (real, wrong, unsure) = (get("real"), get("false"), get("unsure"));
        let _ = writeln!(
            rows,
            "| {name} (`{file}`) | {} / {} | {} / {} | {} / {} | {:.3} / {:.3} |",
            real.1, real.0, wrong.1, wrong.0, unsure.1, unsure.0, share(real.1, wrong.1), share(real.0, wrong.0)
        );
    }
    format!(
        "\n## Conflicts, samples read blind\n\nConflicts reported over the seeds and the 86 ECB+ clusters on 2026-12-07 and 2026-12-08, each labeled by reading its\ntwo sentences alone (`tests/conflicts/`): a real disagreement (two values for one detail of one\nthing), or not (different things, a place within another, a value both state, a spelling variant).\nEach cell: in the sample / still reported; the last, the share of real ones among them (unsure\nones aside).\n\n| sample | real | not a disagreement | unsure | real among them |\n|---|---|---|---|---|\n{rows}"
    )
}

/// The samples of matches read blind in `tests/matches/` (a random sample of the paraphrases
/// reported over the ECB+ clusters, and of those the headline rule added and took out): per
/// label (the same claim, related, different facts, unsure), how many there are and how many the
/// engine still reports. Empty when the ECB+ data is missing.
fn match_sample(root: &Path, vectors: &Vectors, reports: &mut HashMap<String, Option<storydiff::Report>>) -> String {
    let mut rows = String::new();
    for (file, name) in [("random.json", "a random 50 of the 16,457 paraphrases reported"), ("headlines_added.json", "a random 40 of the 334 the headline rule added"), ("headlines_removed.json", "a random 20 of the 122 the headline rule took out")] {
        let Some(items) = sample_items(root, "tests/matches", file) else { return String::new() };
        let Some(counts) = still_reported(root, vectors, reports, &items, |_, _| true) else { return String::new() };
        let get = |k: &str| counts.get(k).copied().unwrap_or_default();
        let (same, related, no, unsure) = (get("match"), get("related"), get("no"), get("unsure"));
        let _ = writeln!(
            rows,
            "| {name} (`{file}`) | {} / {} | {} / {} | {} / {} | {} / {} | {:.3} / {:.3} |",
            same.1, same.0, related.1, related.0, no.1, no.0, unsure.1, unsure.0,
            share(same.1 + related.1, no.1), share(same.0 + related.0, no.0)
        );
    }
    format!(
        "\n## Matches, samples read blind\n\nThe labeled sets are a few stories read whole. These are paraphrase matches drawn at random from\nthe reports of all 86 ECB+ clusters (`tests/matches/`), each labeled by a helper from its two\nsentences alone, without knowing which were reported: the same claim (or one containing the\nother's), a related statement about the same detail, or different facts (other people, another\nincident of the same kind, background). Each cell: in the sample / still reported; the last, the\nshare not wrong (the same claim or related, as precision counts above; unsure ones aside). ECB+\nclusters hold several incidents of one kind (more than one rehab stay, two players arrested),\nwhich the labeled stories do not.\n\n| sample | same claim | related | different facts | unsure | not wrong |\n|---|---|---|---|---|---|\n{rows}"
    )
}

/// Per label of `items` (matches or conflicts read blind): how many the engine still reports
/// (a match of the two sentences for which `wanted` holds), and how many there are. `None` when
/// a story's articles are missing.
fn still_reported(root: &Path, vectors: &Vectors, reports: &mut HashMap<String, Option<storydiff::Report>>, items: &[Value], wanted: impl Fn(&storydiff::Match, &Value) -> bool) -> Option<HashMap<String, (usize, usize)>> {
    recount(root, vectors, reports, items, |report, item| {
        let (a, b) = (sentence_at(report, &item["a"]), sentence_at(report, &item["b"]));
        a.zip(b).is_some_and(|(a, b)| report.matches.iter().any(|m| (m.a, m.b) == (a, b) && wanted(m, item)))
    })
}

/// Per label of `items` (each names its story): how many `holds` of in the story's report now,
/// and how many there are. `None` when a story's articles are missing.
fn recount(root: &Path, vectors: &Vectors, reports: &mut HashMap<String, Option<storydiff::Report>>, items: &[Value], holds: impl Fn(&storydiff::Report, &Value) -> bool) -> Option<HashMap<String, (usize, usize)>> {
    let mut counts: HashMap<String, (usize, usize)> = HashMap::new();
    for item in items {
        let story = item["story"].as_str().unwrap_or_default();
        let report = reports.entry(story.to_string()).or_insert_with(|| {
            let dir = if story == "seeds" { root.join("seeds") } else { root.join("../shared/data/ecbplus").join(story) };
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir).ok()?.filter_map(|e| Some(e.ok()?.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
            files.sort();
            let sources: Vec<SourceInput> = files.iter().map(|f| SourceInput::new(f.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(f).unwrap())).collect();
            storydiff::compare_with(&sources, &storydiff::Options::default(), Some(vectors)).ok()
        });
        let held = holds(report.as_ref()?, item);
        let e = counts.entry(item["label"].as_str().unwrap_or_default().to_string()).or_default();
        e.0 += held as usize;
        e.1 += 1;
    }
    Some(counts)
}

/// The items of a sample read blind (`dir/file`, `{ "about", "items" }`); `None` when the file
/// is not there.
fn sample_items(root: &Path, dir: &str, file: &str) -> Option<Vec<Value>> {
    let text = std::fs::read_to_string(root.join(dir).join(file)).ok()?;
    let mut sample: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{dir}/{file} is not JSON: {e}"));
    Some(sample["items"].as_array_mut().map(std::mem::take).unwrap_or_default())
}

/// The share of `r` among `r` and `w` (0 when both are 0).
fn share(r: usize, w: usize) -> f64 {
    r as f64 / (r + w).max(1) as f64
}

/// The sentence a label names, `[file, start of its text]`: its source and its place there;
/// else the sentence that holds that text, where segmentation since joined it to the one
/// before (`A 6.` and `1-magnitude quake struck …`, one sentence since 2026-12-08).
fn sentence_at(report: &storydiff::Report, side: &Value) -> Option<(usize, usize)> {
    let (name, start) = (side[0].as_str().unwrap_or_default(), side[1].as_str().unwrap_or_default());
    let s = report.sources.iter().position(|s| s.name == name)?;
    let sentences = &report.sources[s].sentences;
    Some((s, sentences.iter().position(|x| x.text.starts_with(start)).or_else(|| sentences.iter().position(|x| x.text.contains(start)))?))
}

/// The unique verdicts of the sample read in `tests/unique/` (a random sample of the sentences
/// the reports of the 86 ECB+ clusters call unique, each looked for in the other reports by
/// reading them): per label (stated elsewhere, in part, nowhere, unsure), how many there are
/// and how many the engine still calls unique. Empty when the ECB+ data is missing.
fn unique_sample(root: &Path, vectors: &Vectors, reports: &mut HashMap<String, Option<storydiff::Report>>) -> String {
    let Some(items) = sample_items(root, "tests/unique", "random.json") else { return String::new() };
    let unique = |report: &storydiff::Report, item: &Value| sentence_at(report, &item["sentence"]).is_some_and(|(s, k)| report.sources[s].sentences[k].support == 0);
    let Some(counts) = recount(root, vectors, reports, &items, unique) else { return String::new() };
    let get = |k: &str| counts.get(k).copied().unwrap_or_default();
    let (shared, partly, alone, unsure) = (get("shared"), get("partly"), get("unique"), get("unsure"));
    format!(
        "\n## Unique verdicts, a sample read\n\nA random {} of the sentences (a headline or body sentence of six words or more) that the reports\nof the 86 ECB+ clusters called unique on 2026-12-07, each looked for by a helper in every other\nreport of its cluster, reading them (`tests/unique/random.json`): is its claim stated elsewhere,\nin part, or nowhere? Each cell: in the sample / still called unique; the last, the share truly\nunique among them (unsure ones aside; a claim stated in part counts as not unique).\n\n| stated in another report | in part | nowhere | unsure | truly unique |\n|---|---|---|---|---|\n| {} / {} | {} / {} | {} / {} | {} / {} | {:.3} / {:.3} |\n",
        items.len(), shared.1, shared.0, partly.1, partly.0, alone.1, alone.0, unsure.1, unsure.0,
        share(alone.1, shared.1 + partly.1), share(alone.0, shared.0 + partly.0)
    )
}
