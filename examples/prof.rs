//! A profiling target for the semantic path, which `examples/bench.rs loop` (lexical) does not
//! take: runs `compare_with` with `vectors/minilm-static.bin` (by words only when
//! `STORYDIFF_LEXICAL=1`) ITERS times on the files, or writes the JSON report to `$DUMP` once.
//!
//! ```sh
//! cargo build --release --example prof
//! valgrind --tool=callgrind target/release/examples/prof 20 seeds/0*.txt
//! DUMP=out.json target/release/examples/prof 1 FILES.list   # a file of paths, one a line
//! ```
fn main() {
    let mut args = std::env::args().skip(1);
    let iters: usize = args.next().unwrap().parse().unwrap();
    let files: Vec<String> = args.collect();
    let files: Vec<String> = if files.len() == 1 && files[0].ends_with(".list") { std::fs::read_to_string(&files[0]).unwrap().lines().map(String::from).collect() } else { files };
    let sources: Vec<storydiff::SourceInput> = files.iter().map(|p| storydiff::SourceInput::new(p.rsplit('/').next().unwrap(), std::fs::read_to_string(p).unwrap())).collect();
    let vectors = if std::env::var("STORYDIFF_LEXICAL").is_ok() { None } else { Some(storydiff::embed::Vectors::from_bytes(&std::fs::read("vectors/minilm-static.bin").unwrap()).unwrap()) };
    if let Ok(path) = std::env::var("DUMP") {
        let r = storydiff::compare_with(&sources, &storydiff::Options::default(), vectors.as_ref()).unwrap();
        std::fs::write(path, serde_json::to_string(&r).unwrap()).unwrap();
        return;
    }
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..iters {
        let r = storydiff::compare_with(&sources, &storydiff::Options::default(), vectors.as_ref()).unwrap();
        n += r.matches.len();
    }
    eprintln!("{} matches, {:.3} ms/iter", n / iters, t.elapsed().as_secs_f64() * 1000.0 / iters as f64);
}
