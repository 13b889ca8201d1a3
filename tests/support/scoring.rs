//! The label scorer, shared by `tests/labels.rs` (floors) and `examples/accuracy.rs` (the table
//! in `docs/ACCURACY.md`): runs a comparison on labeled article sets (`tests/labels/*.json`,
//! written by reading the articles, not the code) and measures what the labels say.
//!
//! A label names a sentence by a verbatim snippet of it (its first occurrence in the file).
//! Match precision counts every reported match not labeled as a pair (`related` pairs are
//! neither required nor wrong); recall counts the labeled identical/minor/paraphrase pairs
//! found; a pair labeled as opposite claims (a `polarity` conflict) is matched and flagged, so it
//! counts as a right match; `negatives` are pairs that must not match. Run the test with
//! `-- --nocapture` to see the table; `STORYDIFF_EXPLAIN=1` also prints each
//! miss and false match with the features the scorer looked at.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use storydiff::embed::Vectors;
use storydiff::{compare_with, Options, Report, SourceInput};

type At = (usize, usize);

pub struct Labeled {
    pub name: String,
    pub sources: Vec<SourceInput>,
    pub labels: Value,
}

/// Reads a label file of `tests/labels/` and its articles; `None` when the articles are not on
/// this machine.
pub fn load(file: &str) -> Option<Labeled> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels: Value = serde_json::from_str(&std::fs::read_to_string(root.join("tests/labels").join(file)).ok()?).ok()?;
    // ECB+ sets name `../shared/data/ecbplus/<cluster>`; STORYDIFF_ECB_DIR moves the corpus, as for
    // tests/compare.rs and the benchmark.
    let named = labels["dir"].as_str()?;
    let dir: PathBuf = match (named.strip_prefix("../shared/data/ecbplus/"), std::env::var_os("STORYDIFF_ECB_DIR")) {
        (Some(cluster), Some(ecb)) => PathBuf::from(ecb).join(cluster),
        _ => root.join(named),
    };
    if !dir.is_dir() {
        eprintln!("{file}: {} is not on this machine; skipped", dir.display());
        return None;
    }
    let sources = labels["files"]
        .as_array()?
        .iter()
        .map(|f| {
            let name = f.as_str().unwrap_or_default().to_string();
            let text = std::fs::read_to_string(dir.join(&name)).expect("labeled file readable");
            SourceInput::new(name, text)
        })
        .collect();
    Some(Labeled { name: file.to_string(), sources, labels })
}

/// The sentence holding the first occurrence of `snippet` in source `s`, if any.
fn locate(report: &Report, sources: &[SourceInput], s: usize, snippet: &str) -> Option<usize> {
    let text = &sources[s].text;
    let byte = text.find(snippet)?;
    let start = text[..byte].encode_utf16().count();
    let end = start + snippet.encode_utf16().count();
    report.sources[s].sentences.iter().position(|x| x.start < end && start < x.end)
}

fn at(report: &Report, sources: &[SourceInput], v: &Value) -> Result<At, String> {
    let s = v[0].as_u64().ok_or("bad label")? as usize;
    let snippet = v[1].as_str().ok_or("bad label")?;
    locate(report, sources, s, snippet).map(|k| (s, k)).ok_or_else(|| format!("source {s}: no sentence holds {snippet:?}"))
}

fn key(a: At, b: At) -> (At, At) {
    (a.min(b), a.max(b))
}

/// What a comparison got right and wrong on one labeled set.
#[derive(Debug, Default)]
pub struct Score {
    pub predicted: usize,
    pub true_positive: usize,
    pub required: usize,
    pub found: usize,
    pub paraphrase_required: usize,
    pub paraphrase_found: usize,
    pub unique_total: usize,
    pub unique_kept: usize,
    pub quotes_total: usize,
    pub quotes_linked: usize,
    pub lost: Vec<String>,
    pub leaks: Vec<String>,
    pub titles_missed: Vec<String>,
    /// Conflicts the report gives, and how many of them are on a labeled conflict pair.
    pub conflicts_reported: usize,
    pub conflicts_on_labeled: usize,
    /// Labeled conflict pairs, and how many of them the report gives a conflict for.
    pub conflicts_labeled: usize,
    pub conflicts_found: usize,
    /// Labeled pairs that must not match, and the texts of those that did.
    pub negatives_total: usize,
    pub negatives_matched: Vec<String>,
    /// Pairs labeled as opposite claims, and how many are matched with a polarity conflict.
    pub polarity_labeled: usize,
    pub polarity_flagged: usize,
    /// Sentences that carry a nearest counterpart.
    pub nearest_shown: usize,
    /// The same counts read from the report's groups: every two sentences of different sources
    /// in one group count as matched, as the page shows them.
    pub grouped: usize,
    pub grouped_true: usize,
    pub grouped_found: usize,
    pub grouped_paraphrase_found: usize,
    /// Sentences with a labeled counterpart in another source, and how many of them the report
    /// leaves unique (support 0): the "only this source says it" the issue calls the worst error.
    pub shared_labeled: usize,
    pub shared_left_unique: usize,
    /// For each of those: the score of its nearest counterpart (0 without one), and whether
    /// that counterpart is one the labels pair it with.
    pub left_unique_nearest: Vec<(f64, bool)>,
    /// For each labeled unique sentence the report keeps unique: its nearest counterpart's score.
    pub unique_nearest: Vec<f64>,
}

impl Score {
    /// Adds another set's counts to these (for a total over sets).
    pub fn add(&mut self, o: &Score) {
        self.predicted += o.predicted;
        self.true_positive += o.true_positive;
        self.required += o.required;
        self.found += o.found;
        self.paraphrase_required += o.paraphrase_required;
        self.paraphrase_found += o.paraphrase_found;
        self.unique_total += o.unique_total;
        self.unique_kept += o.unique_kept;
        self.negatives_total += o.negatives_total;
        self.negatives_matched.extend(o.negatives_matched.iter().cloned());
        self.grouped += o.grouped;
        self.grouped_true += o.grouped_true;
        self.grouped_found += o.grouped_found;
        self.grouped_paraphrase_found += o.grouped_paraphrase_found;
        self.shared_labeled += o.shared_labeled;
        self.shared_left_unique += o.shared_left_unique;
        self.left_unique_nearest.extend_from_slice(&o.left_unique_nearest);
        self.unique_nearest.extend_from_slice(&o.unique_nearest);
    }

    pub fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.true_positive as f64 / self.predicted as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.required == 0 { 1.0 } else { self.found as f64 / self.required as f64 }
    }
    pub fn paraphrase_recall(&self) -> f64 {
        if self.paraphrase_required == 0 { 1.0 } else { self.paraphrase_found as f64 / self.paraphrase_required as f64 }
    }
}

/// The label file names of `tests/labels/` that start with `prefix`, sorted.
pub fn files(prefix: &str) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labels"))
        .expect("labels folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".json"))
        .collect();
    files.sort();
    files
}

/// The vectors committed in `vectors/`, which the shipped page, element and CLI load.
pub fn vectors() -> Vectors {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/minilm-static.bin");
    Vectors::from_bytes(&std::fs::read(path).expect("vectors/minilm-static.bin is in the repo")).expect("a vector file")
}

/// Compares a labeled set (semantically with `vectors`, else lexically), measures it against
/// its labels and prints a line of figures (more with `STORYDIFF_EXPLAIN`).
pub fn score(set: &Labeled, vectors: Option<&Vectors>) -> Score {
    let report = compare_with(&set.sources, &Options::default(), vectors).expect("labeled sets compare");
    let explain = std::env::var("STORYDIFF_EXPLAIN").is_ok();
    let mut sc = Score::default();
    let src = &set.sources;
    let text_of = |(s, k): At| report.sources[s].sentences[k].text.clone();

    let mut required: HashMap<(At, At), String> = HashMap::new();
    let mut acceptable: BTreeSet<(At, At)> = BTreeSet::new();
    for pair in set.labels["pairs"].as_array().into_iter().flatten() {
        let (a, b) = match (at(&report, src, &pair["a"]), at(&report, src, &pair["b"])) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                sc.lost.push(e);
                continue;
            }
        };
        let kind = pair["kind"].as_str().unwrap_or("");
        acceptable.insert(key(a, b));
        if kind != "related" {
            required.entry(key(a, b)).or_insert_with(|| kind.to_string());
        }
    }
    let mut polarity: BTreeSet<(At, At)> = BTreeSet::new();
    for c in set.labels["conflicts"].as_array().into_iter().flatten().filter(|c| c["kind"] == "polarity") {
        if let (Ok(a), Ok(b)) = (at(&report, src, &c["a"]), at(&report, src, &c["b"])) {
            polarity.insert(key(a, b));
            acceptable.insert(key(a, b));
        }
    }
    let predicted: HashMap<(At, At), &storydiff::Match> = report.matches.iter().map(|m| (key(m.a, m.b), m)).collect();
    sc.predicted = predicted.len();
    sc.true_positive = predicted.keys().filter(|k| acceptable.contains(k)).count();
    sc.required = required.len();
    sc.found = required.keys().filter(|k| predicted.contains_key(k)).count();
    sc.paraphrase_required = required.values().filter(|k| *k == "paraphrase").count();
    sc.paraphrase_found = required.iter().filter(|(k, v)| *v == "paraphrase" && predicted.contains_key(k)).count();
    let mut grouped: BTreeSet<(At, At)> = predicted.keys().copied().collect();
    for g in &report.groups {
        for (i, &a) in g.members.iter().enumerate() {
            for &b in &g.members[i + 1..] {
                if a.0 != b.0 {
                    grouped.insert(key(a, b));
                }
            }
        }
    }
    if explain {
        for k in grouped.iter().filter(|k| !acceptable.contains(k) && !predicted.contains_key(k)) {
            println!("GROUPED, NOT LABELED {:?} {:?}\n   {}\n   {}", k.0, k.1, text_of(k.0), text_of(k.1));
        }
    }
    let shared: BTreeSet<At> = required.keys().flat_map(|&(a, b)| [a, b]).collect();
    sc.shared_labeled = shared.len();
    for &(s, k) in &shared {
        let sentence = &report.sources[s].sentences[k];
        if sentence.support == 0 {
            sc.shared_left_unique += 1;
            let near = sentence.nearest.as_ref();
            sc.left_unique_nearest.push((near.map_or(0.0, |n| n.score), near.is_some_and(|n| required.contains_key(&key((s, k), (n.source, n.sentence))))));
            if explain {
                println!("FALSE UNIQUE {:?}: {}", (s, k), text_of((s, k)));
            }
        }
    }
    sc.grouped = grouped.len();
    sc.grouped_true = grouped.iter().filter(|k| acceptable.contains(k)).count();
    sc.grouped_found = required.keys().filter(|k| grouped.contains(k)).count();
    sc.grouped_paraphrase_found = required.iter().filter(|(k, v)| *v == "paraphrase" && grouped.contains(k)).count();

    if let Ok(path) = std::env::var("STORYDIFF_DUMP") {
        use std::io::Write;
        let prepared = storydiff::prepare(src).expect("prepared");
        let mut out = std::fs::OpenOptions::new().create(true).append(true).open(path).expect("dump file");
        let firsts: Vec<usize> = (0..src.len()).map(|s| prepared.units.iter().position(|u| u.source == s).unwrap_or(0)).collect();
        let u = &prepared.units;
        for i in 0..u.len() {
            for j in i + 1..u.len() {
                if u[i].source == u[j].source || !u[i].comparable() || !u[j].comparable() {
                    continue;
                }
                let (a, b) = ((u[i].source, i - firsts[u[i].source]), (u[j].source, j - firsts[u[j].source]));
                let label = required.get(&key(a, b)).cloned().unwrap_or_else(|| if acceptable.contains(&key(a, b)) { "related".into() } else { "none".into() });
                let f = storydiff::align::features(&prepared.index, None, i, j);
                writeln!(out, "{{\"a\":{i},\"b\":{j},\"sa\":{},\"sb\":{},\"set\":\"{}\",\"label\":\"{label}\",\"dice\":{},\"cont\":{},\"shorter\":{},\"cos\":{},\"shared\":{},\"fewest\":{},\"overlap\":{},\"pred\":{}}}",
                    u[i].source, u[j].source, set.name, f.dice, f.containment, f.shorter, f.cosine, f.shared, f.fewest, f.overlap, predicted.contains_key(&key(a, b))).expect("written");
            }
        }
    }
    if explain {
        let prepared = storydiff::prepare(src).expect("prepared");
        let embedded = vectors.map(|v| storydiff::embed::Embedded::new(v, prepared.units.iter().map(|u| &src[u.source].text[u.span.clone()])));
        let unit_of = |(s, k): At| prepared.units.iter().position(|u| u.source == s).map(|f| f + k).unwrap_or(0);
        let feat = |a: At, b: At| storydiff::align::features(&prepared.index, embedded.as_ref(), unit_of(a), unit_of(b));
        for (k, m) in &predicted {
            if !acceptable.contains(k) {
                println!("FALSE {:?} {:?} {:?} {:.2}\n   {}\n   {}\n   {:?}", m.kind, k.0, k.1, m.score, text_of(k.0), text_of(k.1), feat(k.0, k.1));
            }
        }
        for (k, kind) in &required {
            if !predicted.contains_key(k) {
                let f = feat(k.0, k.1);
                println!("MISS {kind} {:?} {:?} score {:.2}\n   {}\n   {}\n   {:?}", k.0, k.1, storydiff::score::same_claim(&f, embedded.is_some()), text_of(k.0), text_of(k.1), f);
            }
        }
    }

    for n in set.labels["negatives"].as_array().into_iter().flatten() {
        match (at(&report, src, &n["a"]), at(&report, src, &n["b"])) {
            (Ok(a), Ok(b)) => {
                sc.negatives_total += 1;
                if predicted.contains_key(&key(a, b)) {
                    sc.negatives_matched.push(format!("{} / {}", text_of(a), text_of(b)));
                }
            }
            (Err(e), _) | (_, Err(e)) => sc.lost.push(e),
        }
    }
    sc.polarity_labeled = polarity.len();
    sc.polarity_flagged = polarity
        .iter()
        .filter(|k| predicted.get(k).is_some_and(|m| m.conflicts.iter().any(|c| serde_json::to_value(c.kind).is_ok_and(|v| v == "polarity"))))
        .count();
    sc.nearest_shown = report.sources.iter().flat_map(|s| &s.sentences).filter(|x| x.nearest.is_some()).count();
    for u in set.labels["unique"].as_array().into_iter().flatten() {
        match at(&report, src, u) {
            Ok((s, k)) => {
                sc.unique_total += 1;
                let sentence = &report.sources[s].sentences[k];
                if sentence.support == 0 {
                    sc.unique_kept += 1;
                    sc.unique_nearest.push(sentence.nearest.as_ref().map_or(0.0, |n| n.score));
                } else if explain {
                    println!("NOT UNIQUE {:?}: {}", (s, k), text_of((s, k)));
                }
            }
            Err(e) => sc.lost.push(e),
        }
    }
    for q in set.labels["quotes"].as_array().into_iter().flatten() {
        let occ: Vec<At> = q["occurrences"].as_array().into_iter().flatten().filter_map(|o| at(&report, src, o).ok()).collect();
        let sources: BTreeSet<usize> = occ.iter().map(|o| o.0).collect();
        if sources.len() < 2 {
            continue;
        }
        sc.quotes_total += 1;
        let linked = report.quotes.iter().any(|fam| occ.iter().all(|o| fam.occurrences.iter().any(|x| (x.source, x.sentence) == *o)));
        if linked {
            sc.quotes_linked += 1;
        } else if explain {
            println!("QUOTE NOT LINKED {:?} {occ:?}", q["speaker"]);
        }
    }
    for b in set.labels["boilerplate"].as_array().into_iter().flatten() {
        let s = b[0].as_u64().unwrap_or(0) as usize;
        let snippet = b[1].as_str().unwrap_or("");
        if locate(&report, src, s, snippet).is_some() {
            sc.leaks.push(format!("source {s}: {snippet:?} is in a sentence"));
        }
    }
    let mut labeled_conflicts: BTreeSet<(At, At)> = BTreeSet::new();
    for c in set.labels["conflicts"].as_array().into_iter().flatten() {
        match (at(&report, src, &c["a"]), at(&report, src, &c["b"])) {
            (Ok(a), Ok(b)) => {
                labeled_conflicts.insert(key(a, b));
            }
            (Err(e), _) | (_, Err(e)) => sc.lost.push(e),
        }
    }
    sc.conflicts_labeled = labeled_conflicts.len();
    for (k, m) in &predicted {
        sc.conflicts_reported += m.conflicts.len();
        if labeled_conflicts.contains(k) {
            sc.conflicts_on_labeled += m.conflicts.len();
            sc.conflicts_found += !m.conflicts.is_empty() as usize;
        } else if explain {
            for c in &m.conflicts {
                println!("CONFLICT NOT LABELED {:?} {:?} {:?}: {:?} / {:?}", c.kind, k.0, k.1, c.a, c.b);
            }
        }
    }
    for t in set.labels["titles"].as_array().into_iter().flatten() {
        let ok = at(&report, src, t).is_ok_and(|(s, k)| report.sources[s].sentences[k].role == storydiff::Role::Title);
        if !ok {
            sc.titles_missed.push(t[1].as_str().unwrap_or("").to_string());
        }
    }
    println!(
        "{:<22} precision {:.3} ({}/{})  recall {:.3} ({}/{})  paraphrase recall {:.3} ({}/{})  unique kept {}/{}  negatives matched {}/{}  polarity flagged {}/{}  quotes linked {}/{}  conflicts found {}/{}, on labeled pairs {}/{}  lost {} leaks {} titles missed {}",
        set.name,
        sc.precision(),
        sc.true_positive,
        sc.predicted,
        sc.recall(),
        sc.found,
        sc.required,
        sc.paraphrase_recall(),
        sc.paraphrase_found,
        sc.paraphrase_required,
        sc.unique_kept,
        sc.unique_total,
        sc.negatives_matched.len(),
        sc.negatives_total,
        sc.polarity_flagged,
        sc.polarity_labeled,
        sc.quotes_linked,
        sc.quotes_total,
        sc.conflicts_found,
        sc.conflicts_labeled,
        sc.conflicts_on_labeled,
        sc.conflicts_reported,
        sc.lost.len(),
        sc.leaks.len(),
        sc.titles_missed.len()
    );
    println!(
        "{:<22} by group: precision {:.3} ({}/{})  recall {:.3} ({}/{})  paraphrase recall ({}/{})  labeled shared, left unique {}/{}",
        set.name,
        sc.grouped_true as f64 / sc.grouped.max(1) as f64,
        sc.grouped_true,
        sc.grouped,
        sc.grouped_found as f64 / sc.required.max(1) as f64,
        sc.grouped_found,
        sc.required,
        sc.grouped_paraphrase_found,
        sc.paraphrase_required,
        sc.shared_left_unique,
        sc.shared_labeled
    );
    for l in sc.lost.iter().chain(&sc.leaks).chain(&sc.titles_missed).chain(&sc.negatives_matched) {
        println!("    {l}");
    }
    sc
}

