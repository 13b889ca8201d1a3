//! Writes the pair scorer's training data: one row of features per sentence pair, with its
//! target, for `scripts/fit_scorer.py`.
//!
//! ```sh
//! cargo run --release --example pair_features -- vectors/minilm-static.bin > target/pairs.tsv
//! ```
//!
//! Two kinds of rows:
//! - `sts`: the STS news pairs (`../shared/data/sts-news/train.tsv`, or `STORYDIFF_STS`), the
//!   target their gold similarity over 5. Their sentences are indexed together, as one
//!   comparison, so that term weights come from a few thousand news sentences. Every fifth pair
//!   is held out (`split` = `test`).
//! - one set per file of `tests/labels/`: every candidate pair the pipeline would score (the term
//!   index's and the vectors'), plus every labeled pair it would not, the target 1 for a labeled
//!   match (or opposite claim, which is matched and flagged), 0 for an unlabeled pair; `related`
//!   pairs are left out. Pairs the rules call identical or minor are left out too: the model only
//!   ever judges the rest.

use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use storydiff::embed::{Embedded, Vectors};
use storydiff::index::{self, Unit};
use storydiff::normalize::{self, Vocabulary};
use storydiff::{align, neighbors, score, Kind, Role, SourceInput};

fn main() {
    let vectors = std::env::args().nth(1).map(|p| Vectors::from_bytes(&std::fs::read(&p).expect("vector file readable")).expect("a vector file"));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    println!("set\tsplit\ttarget\t{}", score::NAMES.join("\t"));
    sts(root, vectors.as_ref());
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("tests/labels")).expect("labels").map(|e| e.unwrap().path()).collect();
    files.sort();
    for file in files.iter().filter(|f| f.extension().is_some_and(|e| e == "json")) {
        labeled(root, file, vectors.as_ref());
    }
}

fn row(set: &str, split: &str, target: f64, f: &align::Features) {
    let values: Vec<String> = score::inputs(f).iter().map(|x| format!("{x:.6}")).collect();
    println!("{set}\t{split}\t{target}\t{}", values.join("\t"));
}

fn sts(root: &Path, vectors: Option<&Vectors>) {
    let path = std::env::var_os("STORYDIFF_STS").map(PathBuf::from).unwrap_or_else(|| root.join("../shared/data/sts-news/train.tsv"));
    let Ok(tsv) = std::fs::read_to_string(&path) else {
        eprintln!("{}: not found; STS rows skipped", path.display());
        return;
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
    for (k, (gold, _, _)) in rows.iter().enumerate() {
        let (a, b) = (2 * k, 2 * k + 1);
        if !units[a].comparable() || !units[b].comparable() {
            continue;
        }
        let f = align::features(&units, &index, embedded.as_ref(), a, b);
        row("sts", if k % 5 == 0 { "test" } else { "train" }, gold / 5.0, &f);
    }
}

fn labeled(root: &Path, file: &Path, vectors: Option<&Vectors>) {
    let labels: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let named = labels["dir"].as_str().unwrap();
    let dir = match (named.strip_prefix("../shared/data/ecbplus/"), std::env::var_os("STORYDIFF_ECB_DIR")) {
        (Some(cluster), Some(ecb)) => PathBuf::from(ecb).join(cluster),
        _ => root.join(named),
    };
    if !dir.is_dir() {
        eprintln!("{}: {} not found; skipped", file.display(), dir.display());
        return;
    }
    let set = file.file_stem().unwrap().to_string_lossy().to_string();
    let sources: Vec<SourceInput> = labels["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| SourceInput { name: f.as_str().unwrap().into(), text: std::fs::read_to_string(dir.join(f.as_str().unwrap())).unwrap() })
        .collect();
    let prepared = storydiff::prepare(&sources).unwrap();
    let units = &prepared.units;
    let embedded = vectors.map(|v| Embedded::new(v, units.iter().map(|u| &sources[u.source].text[u.span.clone()])));
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
    let mut pairs: Vec<(usize, usize)> = index::candidates(units, &prepared.index);
    if let Some(e) = &embedded {
        pairs.extend(neighbors::candidates(units, &e.data, e.dims));
    }
    pairs.extend(target.keys().copied());
    pairs.sort_unstable();
    pairs.dedup();
    for (a, b) in pairs {
        if related.contains(&(a, b)) || units[a].source == units[b].source {
            continue;
        }
        let by_rule = align::score(units, &prepared.index, None, a, b).is_some_and(|p| p.kind != Kind::Paraphrase);
        if by_rule || !units[a].comparable() || !units[b].comparable() {
            continue;
        }
        let f = align::features(units, &prepared.index, embedded.as_ref(), a, b);
        row(&set, "train", target.get(&(a, b)).copied().unwrap_or(0.0), &f);
    }
}
