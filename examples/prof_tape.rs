//! A profiling target for what the wasm's `compareTape` does, natively: `compare_tape` with the
//! vectors, ITERS times on the files (instruction counts under callgrind are steadier than
//! timings in Node on a shared machine).
//!
//! ```sh
//! cargo build --release --example prof_tape
//! valgrind --tool=callgrind target/release/examples/prof_tape 20 seeds/0*.txt
//! ```
fn main() {
    let mut args = std::env::args().skip(1);
    let iters: usize = args.next().unwrap().parse().unwrap();
    let files: Vec<String> = args.collect();
    let sources: Vec<storydiff::SourceInput> = files.iter().map(|p| storydiff::SourceInput::new(p.rsplit('/').next().unwrap(), std::fs::read_to_string(p).unwrap())).collect();
    let vectors = storydiff::embed::Vectors::from_bytes(&std::fs::read("vectors/minilm-static.bin").unwrap()).unwrap();
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..iters {
        n += storydiff::compare_tape(&sources, &storydiff::Options::default(), Some(&vectors)).unwrap().ints.len();
    }
    eprintln!("{} ints, {:.3} ms/iter", n / iters, t.elapsed().as_secs_f64() * 1000.0 / iters as f64);
}
