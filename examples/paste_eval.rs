//! Runs text cleaning over the pasted-text captures of the extraction benchmark
//! (`target/extract-eval/capture/<id>.json`, written by `npm run eval:extract`) and writes what
//! it keeps as `{id: {articleBody, headline}}`, for a quick score while working on `clean`;
//! `npm run eval:extract` is the evaluation of record.
//!
//!     cargo run --release --example paste_eval > target/extract-eval/storydiff-paste.json

use storydiff::report::Role;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "target/extract-eval/capture".into());
    let mut out = serde_json::Map::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("captures").map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        let cap: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let text = cap["text"].as_str().unwrap_or("");
        let cleaned = storydiff::clean::clean(text);
        let body: Vec<&str> = cleaned.blocks.iter().filter(|b| b.role == Role::Body).map(|b| &text[b.span.clone()]).collect();
        out.insert(cap["id"].as_str().unwrap().to_string(), serde_json::json!({ "articleBody": body.join("\n"), "headline": cleaned.meta.title }));
    }
    println!("{}", serde_json::to_string_pretty(&out).unwrap());
}
