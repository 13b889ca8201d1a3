//! The scorer: runs `compare` on labeled article sets (`tests/labels/*.json`, written by
//! reading the articles, not the code) and measures what the labels say.
//!
//! A label names a sentence by a verbatim snippet of it (its first occurrence in the file).
//! Match precision counts every reported match not labeled as a pair (`related` pairs are
//! neither required nor wrong); recall counts the labeled identical/minor/paraphrase pairs
//! found. Run with `-- --nocapture` to see the table; `STORYDIFF_EXPLAIN=1` also prints each
//! miss and false match with the features the scorer looked at.

use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use storydiff::{compare, Options, Report, SourceInput};

type At = (usize, usize);

struct Labeled {
    name: String,
    sources: Vec<SourceInput>,
    labels: Value,
}

fn load(file: &str) -> Option<Labeled> {
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
            SourceInput { name, text }
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

#[derive(Debug, Default)]
struct Score {
    predicted: usize,
    true_positive: usize,
    required: usize,
    found: usize,
    paraphrase_required: usize,
    paraphrase_found: usize,
    unique_total: usize,
    unique_kept: usize,
    quotes_total: usize,
    quotes_linked: usize,
    lost: Vec<String>,
    leaks: Vec<String>,
    titles_missed: Vec<String>,
    /// Conflicts the report gives, and how many of them are on a labeled conflict pair.
    conflicts_reported: usize,
    conflicts_on_labeled: usize,
    /// Labeled conflict pairs, and how many of them the report gives a conflict for.
    conflicts_labeled: usize,
    conflicts_found: usize,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.predicted == 0 { 1.0 } else { self.true_positive as f64 / self.predicted as f64 }
    }
    fn recall(&self) -> f64 {
        if self.required == 0 { 1.0 } else { self.found as f64 / self.required as f64 }
    }
    fn paraphrase_recall(&self) -> f64 {
        if self.paraphrase_required == 0 { 1.0 } else { self.paraphrase_found as f64 / self.paraphrase_required as f64 }
    }
}

fn score(set: &Labeled) -> Score {
    let report = compare(&set.sources, &Options::default()).expect("labeled sets compare");
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
    let predicted: HashMap<(At, At), &storydiff::Match> = report.matches.iter().map(|m| (key(m.a, m.b), m)).collect();
    sc.predicted = predicted.len();
    sc.true_positive = predicted.keys().filter(|k| acceptable.contains(k)).count();
    sc.required = required.len();
    sc.found = required.keys().filter(|k| predicted.contains_key(k)).count();
    sc.paraphrase_required = required.values().filter(|k| *k == "paraphrase").count();
    sc.paraphrase_found = required.iter().filter(|(k, v)| *v == "paraphrase" && predicted.contains_key(k)).count();

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
                let f = storydiff::align::features(&prepared.units, &prepared.index, None, i, j);
                writeln!(out, "{{\"a\":{i},\"b\":{j},\"sa\":{},\"sb\":{},\"set\":\"{}\",\"label\":\"{label}\",\"dice\":{},\"cont\":{},\"shorter\":{},\"cos\":{},\"shared\":{},\"fewest\":{},\"overlap\":{},\"pred\":{}}}",
                    u[i].source, u[j].source, set.name, f.dice, f.containment, f.shorter, f.cosine, f.shared, f.fewest, f.overlap, predicted.contains_key(&key(a, b))).expect("written");
            }
        }
    }
    if explain {
        let prepared = storydiff::prepare(src).expect("prepared");
        let unit_of = |(s, k): At| prepared.units.iter().position(|u| u.source == s).map(|f| f + k).unwrap_or(0);
        let feat = |a: At, b: At| storydiff::align::features(&prepared.units, &prepared.index, None, unit_of(a), unit_of(b));
        for (k, m) in &predicted {
            if !acceptable.contains(k) {
                println!("FALSE {:?} {:?} {:?} {:.2}\n   {}\n   {}\n   {:?}", m.kind, k.0, k.1, m.score, text_of(k.0), text_of(k.1), feat(k.0, k.1));
            }
        }
        for (k, kind) in &required {
            if !predicted.contains_key(k) {
                println!("MISS {kind} {:?} {:?}\n   {}\n   {}\n   {:?}", k.0, k.1, text_of(k.0), text_of(k.1), feat(k.0, k.1));
            }
        }
    }

    for u in set.labels["unique"].as_array().into_iter().flatten() {
        match at(&report, src, u) {
            Ok((s, k)) => {
                sc.unique_total += 1;
                if report.sources[s].sentences[k].support == 0 {
                    sc.unique_kept += 1;
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
        "{:<22} precision {:.3} ({}/{})  recall {:.3} ({}/{})  paraphrase recall {:.3} ({}/{})  unique kept {}/{}  quotes linked {}/{}  conflicts found {}/{}, on labeled pairs {}/{}  lost {} leaks {} titles missed {}",
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
    for l in sc.lost.iter().chain(&sc.leaks).chain(&sc.titles_missed) {
        println!("    {l}");
    }
    sc
}

#[test]
fn seeds_meet_the_labels() {
    let set = load("seeds.json").expect("seed labels and seeds are in the repo");
    let sc = score(&set);
    assert!(sc.lost.is_empty(), "labeled sentences lost: {:?}", sc.lost);
    assert!(sc.leaks.is_empty(), "boilerplate left in sentences: {:?}", sc.leaks);
    assert!(sc.titles_missed.is_empty(), "titles not found: {:?}", sc.titles_missed);
    assert!(sc.precision() >= 0.95, "match precision {:.3} below 0.95", sc.precision());
    assert_eq!(sc.unique_kept, sc.unique_total, "sentences only one source has were matched");
    assert_eq!(sc.quotes_linked, sc.quotes_total, "shared quotations not linked across all their sources");
    assert!(sc.recall() >= 0.62, "recall {:.3} fell below 0.62", sc.recall());
    assert!(sc.paraphrase_recall() >= 0.55, "paraphrase recall {:.3} fell below 0.55", sc.paraphrase_recall());
    // The seeds' labeled conflicts (Seoul-based vs U.S.-based NK News) are found, and no
    // conflict is reported between sentences the labels do not say conflict.
    assert!(sc.conflicts_found >= 2, "labeled conflicts found: {}/{}", sc.conflicts_found, sc.conflicts_labeled);
    assert_eq!(sc.conflicts_on_labeled, sc.conflicts_reported, "conflicts reported on pairs the labels do not say conflict");
}

/// Recall floor of each ECB+ label set: the recall measured when the floor was set, less a
/// small margin (about one labeled pair; ecb_16 has only four, so its floor keeps three).
/// Measured: ecb_20 0.467 (14/30), ecb_4 0.421 (32/76), ecb_16 0.750 (3/4).
const ECB_RECALL_FLOORS: &[(&str, f64)] = &[("ecb_20_ecb.json", 0.43), ("ecb_4_ecbplus.json", 0.40), ("ecb_16_ecb.json", 0.7)];

#[test]
fn ecb_clusters_meet_the_labels() {
    let mut files: Vec<String> = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/labels"))
        .expect("labels folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with("ecb_") && n.ends_with(".json"))
        .collect();
    files.sort();
    for file in files {
        let floor = ECB_RECALL_FLOORS.iter().find(|(f, _)| *f == file).map(|&(_, r)| r).unwrap_or_else(|| panic!("{file}: no recall floor in ECB_RECALL_FLOORS"));
        let Some(set) = load(&file) else { continue };
        let sc = score(&set);
        assert!(sc.lost.is_empty(), "{file}: labeled sentences lost: {:?}", sc.lost);
        assert!(sc.precision() >= 0.9, "{file}: match precision {:.3} below 0.9", sc.precision());
        assert!(sc.recall() >= floor, "{file}: recall {:.3} fell below {floor}", sc.recall());
        assert_eq!(sc.conflicts_on_labeled, sc.conflicts_reported, "{file}: conflicts reported on pairs the labels do not say conflict");
    }
}
