//! Runs HTML extraction over the article-extraction benchmark's pages and writes what it keeps,
//! as the benchmark's prediction JSON (`{id: {articleBody, headline}}`), for
//! `scripts/extract-eval/` to score.
//!
//!     cargo run --release --features html --example extract -- [BENCHMARK_DIR] > target/extract-eval/storydiff-html.json
//!
//! BENCHMARK_DIR defaults to `../shared/data/article-extraction-benchmark`.

use flate2::read::GzDecoder;
use std::io::Read;
use storydiff::report::Role;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "../shared/data/article-extraction-benchmark".into());
    let truth: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{dir}/ground-truth.json")).expect("ground-truth.json")).expect("JSON");
    let mut out = serde_json::Map::new();
    let mut slowest = (0.0f64, String::new());
    for id in truth.as_object().expect("an object").keys() {
        let mut html = Vec::new();
        GzDecoder::new(std::fs::File::open(format!("{dir}/html/{id}.html.gz")).expect("page")).read_to_end(&mut html).expect("gzip");
        let html = String::from_utf8_lossy(&html);
        let started = std::time::Instant::now();
        let page = storydiff::html::read(&html);
        let cleaned = storydiff::extract::article(&page);
        let ms = started.elapsed().as_secs_f64() * 1000.0;
        if ms > slowest.0 {
            slowest = (ms, id.clone());
        }
        let body: Vec<&str> = cleaned.blocks.iter().filter(|b| b.role == Role::Body).map(|b| &page.text[b.span.clone()]).collect();
        out.insert(id.clone(), serde_json::json!({ "articleBody": body.join("\n"), "headline": cleaned.meta.title }));
    }
    eprintln!("slowest page: {:.1} ms ({})", slowest.0, slowest.1);
    println!("{}", serde_json::to_string_pretty(&out).expect("JSON"));
}
