//! Native benchmark of the storydiff core, driven by `bench/run.mjs` (`npm run bench`).
//!
//! ```sh
//! cargo build --release --example bench
//! target/release/examples/bench time [--runs N] [--budget-ms MS] [--all-pairs-max PAIRS] (--list FILE | FILE...)
//! target/release/examples/bench mem [--all-pairs] (--list FILE | FILE...)
//! target/release/examples/bench loop [--iters N] (--list FILE | FILE...)
//! ```
//!
//! `compare` runs as the public API does, with the sentence vectors (`vectors/minilm-static.bin`):
//! without them a native figure leaves out the semantic tier the wasm figures include.
//!
//! `time` prints one JSON object: `compare` end to end, then on the same `prepare` output the
//! indexed way (`index::candidates` + `align::align`) and the straightforward way (every
//! cross-source pair of comparable sentences + `align::align`: same scoring), run alternately,
//! each as median/min/max milliseconds, with both ways' matches. The straightforward way is
//! skipped above `--all-pairs-max` pairs (the report says so).
//!
//! `mem` runs `compare` once (or, with `--all-pairs`, prepare + all pairs + align) and prints
//! the process's peak resident set (VmHWM from /proc/self/status) before and after, in KiB;
//! the driver runs it in a fresh process per size.
//!
//! `loop` runs `compare` `--iters` times and prints nothing: a target for profilers
//! (`valgrind --tool=callgrind target/release/examples/bench loop ...`).
//!
//! The same measurements in wasm, without the JS layer, are `bench/core` (driven from Node by
//! `bench/core.mjs`); both take the all-pairs way from `bench/core/pairs.rs`.

use serde_json::{json, Value};
use std::collections::HashSet;
use std::time::Instant;
use storydiff::{align, index, Options, SourceInput};

#[path = "../bench/core/pairs.rs"]
mod pairs;
use pairs::{all_pairs, count_all_pairs};

/// The committed sentence vectors, read once.
fn vectors() -> &'static storydiff::embed::Vectors {
    static VECTORS: std::sync::OnceLock<storydiff::embed::Vectors> = std::sync::OnceLock::new();
    VECTORS.get_or_init(|| {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("vectors/minilm-static.bin");
        storydiff::embed::Vectors::from_bytes(&std::fs::read(&path).expect("vectors/minilm-static.bin readable")).expect("a vector file")
    })
}

struct Args {
    mode: String,
    files: Vec<String>,
    runs: usize,
    budget_ms: f64,
    all_pairs_max: u64,
    all_pairs: bool,
    iters: usize,
}

fn usage() -> ! {
    eprintln!("usage: bench (time|mem|loop) [--runs N] [--budget-ms MS] [--all-pairs-max PAIRS] [--all-pairs] [--iters N] (--list FILE | FILE...)");
    std::process::exit(2);
}

fn parse_args() -> Args {
    let mut it = std::env::args().skip(1);
    let mode = it.next().unwrap_or_else(|| usage());
    if !matches!(mode.as_str(), "time" | "mem" | "loop") {
        usage();
    }
    let mut args = Args { mode, files: Vec::new(), runs: 15, budget_ms: 10_000.0, all_pairs_max: 20_000_000, all_pairs: false, iters: 10 };
    let num = |v: Option<String>| -> f64 { v.and_then(|s| s.parse().ok()).unwrap_or_else(|| usage()) };
    while let Some(a) = it.next() {
        match a.as_str() {
            "--runs" => args.runs = num(it.next()).max(1.0) as usize,
            "--budget-ms" => args.budget_ms = num(it.next()),
            "--all-pairs-max" => args.all_pairs_max = num(it.next()) as u64,
            "--all-pairs" => args.all_pairs = true,
            "--iters" => args.iters = num(it.next()).max(1.0) as usize,
            "--list" => {
                let list = it.next().unwrap_or_else(|| usage());
                let text = std::fs::read_to_string(&list).unwrap_or_else(|e| {
                    eprintln!("bench: cannot read {list}: {e}");
                    std::process::exit(2)
                });
                args.files.extend(text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from));
            }
            s if s.starts_with("--") => usage(),
            _ => args.files.push(a),
        }
    }
    if args.files.len() < 2 {
        usage();
    }
    args
}

fn read_sources(files: &[String]) -> Vec<SourceInput> {
    files
        .iter()
        .map(|p| SourceInput {
            name: p.rsplit('/').next().unwrap_or(p).to_string(),
            text: std::fs::read_to_string(p).unwrap_or_else(|e| {
                eprintln!("bench: cannot read {p}: {e}");
                std::process::exit(2)
            }),
            ..SourceInput::default()
        })
        .collect()
}

/// CPU time of this thread in milliseconds (Linux): unlike wall time, it leaves out waiting
/// for a core on a busy machine.
#[cfg(target_os = "linux")]
fn thread_cpu_ms() -> f64 {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut t = Timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: clock_gettime writes one timespec (two 64-bit fields on x86_64/aarch64 Linux).
    if unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut t) } != 0 {
        return f64::NAN;
    }
    t.tv_sec as f64 * 1e3 + t.tv_nsec as f64 / 1e6
}

#[cfg(not(target_os = "linux"))]
fn thread_cpu_ms() -> f64 {
    f64::NAN
}

fn ms(start: Instant) -> f64 {
    start.elapsed().as_secs_f64() * 1000.0
}

fn stats(samples: &[f64]) -> Value {
    if samples.is_empty() {
        return Value::Null;
    }
    let mut s = samples.to_vec();
    s.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let n = s.len();
    let median = if n % 2 == 1 { s[n / 2] } else { (s[n / 2 - 1] + s[n / 2]) / 2.0 };
    json!({ "median": median, "min": s[0], "max": s[n - 1], "runs": n })
}

/// [`stats`] of the finite samples (CPU times are NaN where the clock is missing).
fn finite(samples: &[f64]) -> Value {
    stats(&samples.iter().copied().filter(|v| v.is_finite()).collect::<Vec<_>>())
}

/// Whether another run fits (the rule of `sideBySide` in bench/lib.mjs): at most `max` runs;
/// at least three unless the first run alone exceeded the budget; then more while the time
/// spent is under the budget.
fn more(samples: &[f64], max: usize, budget_ms: f64) -> bool {
    let spent: f64 = samples.iter().sum();
    samples.len() < max && (samples.is_empty() || (samples.len() < 3 && samples[0] <= budget_ms) || spent < budget_ms)
}

fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn pair_set(pairs: &[align::Pair]) -> HashSet<(usize, usize)> {
    pairs.iter().map(|p| (p.a, p.b)).collect()
}

fn time(args: &Args) -> Value {
    let sources = read_sources(&args.files);
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let options = Options::default();

    // Warm up, and the sizes of this input.
    let report = storydiff::compare_with(&sources, &options, Some(vectors())).unwrap_or_else(|e| {
        eprintln!("bench: {e}");
        std::process::exit(1)
    });
    let prepared = storydiff::prepare(&sources).expect("prepare succeeds where compare did");
    let units = &prepared.units;
    let comparable = units.iter().filter(|u| u.comparable()).count();
    let all_count = count_all_pairs(units);

    // compare end to end.
    let (mut compare_ms, mut compare_cpu) = (Vec::new(), Vec::new());
    while more(&compare_ms, args.runs, args.budget_ms) {
        let c = thread_cpu_ms();
        let t = Instant::now();
        let r = storydiff::compare_with(&sources, &options, Some(vectors())).unwrap();
        compare_ms.push(ms(t));
        compare_cpu.push(thread_cpu_ms() - c);
        std::hint::black_box(r);
    }

    let (mut prepare_ms, mut prepare_cpu) = (Vec::new(), Vec::new());
    while more(&prepare_ms, args.runs, args.budget_ms / 2.0) {
        let c = thread_cpu_ms();
        let t = Instant::now();
        let p = storydiff::prepare(&sources).unwrap();
        prepare_ms.push(ms(t));
        prepare_cpu.push(thread_cpu_ms() - c);
        std::hint::black_box(p);
    }


    // Matching, side by side on the same prepared input: indexed, then all pairs, alternately.
    let do_all = all_count <= args.all_pairs_max;
    let (mut cand_ms, mut align_ms, mut indexed_ms, mut indexed_cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut build_ms, mut align_all_ms, mut all_ms, mut all_cpu) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut indexed, mut everything) = (Vec::new(), Vec::new());
    let mut candidates_count = 0;
    loop {
        let go_indexed = more(&indexed_ms, args.runs, args.budget_ms);
        let go_all = do_all && more(&all_ms, args.runs, args.budget_ms * 3.0);
        if !go_indexed && !go_all {
            break;
        }
        if go_indexed {
            let cpu = thread_cpu_ms();
            let t = Instant::now();
            let candidates = index::candidates(units, &prepared.index);
            let c = ms(t);
            let t2 = Instant::now();
            indexed = align::align(units, &prepared.index, None, &candidates);
            let a = ms(t2);
            candidates_count = candidates.len();
            cand_ms.push(c);
            align_ms.push(a);
            indexed_ms.push(c + a);
            indexed_cpu.push(thread_cpu_ms() - cpu);
        }
        if go_all {
            let cpu = thread_cpu_ms();
            let t = Instant::now();
            let pairs = all_pairs(units);
            let b = ms(t);
            let t2 = Instant::now();
            everything = align::align(units, &prepared.index, None, &pairs);
            let a = ms(t2);
            drop(pairs);
            build_ms.push(b);
            align_all_ms.push(a);
            all_ms.push(b + a);
            all_cpu.push(thread_cpu_ms() - cpu);
        }
    }
    let (si, sa) = (pair_set(&indexed), pair_set(&everything));
    let kinds = |pairs: &[align::Pair]| {
        let mut k = [0usize; 3];
        for p in pairs {
            k[match p.kind {
                storydiff::Kind::Identical => 0,
                storydiff::Kind::Minor => 1,
                storydiff::Kind::Paraphrase => 2,
            }] += 1;
        }
        json!({ "identical": k[0], "minor": k[1], "paraphrase": k[2] })
    };
    json!({
        "articles": sources.len(),
        "bytes": bytes,
        "sentences": units.len(),
        "comparable": comparable,
        "candidatePairs": candidates_count,
        "allPairs": all_count,
        "reportMatches": report.matches.len(),
        "compare": stats(&compare_ms),
        "compareCpu": finite(&compare_cpu),
        "prepare": stats(&prepare_ms),
        "prepareCpu": finite(&prepare_cpu),
        "indexed": { "candidates": stats(&cand_ms), "align": stats(&align_ms), "total": stats(&indexed_ms), "totalCpu": finite(&indexed_cpu),
                     "matches": indexed.len(), "kinds": kinds(&indexed) },
        "allPairsWay": if do_all {
            json!({ "build": stats(&build_ms), "align": stats(&align_all_ms), "total": stats(&all_ms), "totalCpu": finite(&all_cpu),
                    "matches": everything.len(), "kinds": kinds(&everything),
                    "common": si.intersection(&sa).count(),
                    "onlyIndexed": si.difference(&sa).count(),
                    "onlyAllPairs": sa.difference(&si).count() })
        } else {
            json!({ "skipped": format!("{all_count} pairs is above the cap of {} (--all-pairs-max)", args.all_pairs_max) })
        },
    })
}

fn mem(args: &Args) -> Value {
    let sources = read_sources(&args.files);
    let before = peak_rss_kib();
    let t = Instant::now();
    let matches = if args.all_pairs {
        let prepared = storydiff::prepare(&sources).unwrap();
        let pairs = all_pairs(&prepared.units);
        align::align(&prepared.units, &prepared.index, None, &pairs).len()
    } else {
        storydiff::compare_with(&sources, &Options::default(), Some(vectors())).unwrap().matches.len()
    };
    let elapsed = ms(t);
    json!({ "articles": sources.len(), "allPairs": args.all_pairs, "matches": matches, "ms": elapsed,
            "peakRssKiBBefore": before, "peakRssKiB": peak_rss_kib() })
}

fn main() {
    let args = parse_args();
    let out = match args.mode.as_str() {
        "time" => time(&args),
        "mem" => mem(&args),
        _ => {
            let sources = read_sources(&args.files);
            for _ in 0..args.iters {
                std::hint::black_box(storydiff::compare_with(&sources, &Options::default(), Some(vectors())).unwrap());
            }
            return;
        }
    };
    println!("{out}");
}
