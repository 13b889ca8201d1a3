//! Shows what text cleaning keeps and removes in one paste, line by line, with roles and reasons:
//! for working on `clean` against a page that scores badly in `examples/paste_eval.rs`.
//!
//!     cargo run --release --example clean_debug -- FILE.txt|CAPTURE.json

fn main() {
    let path = std::env::args().nth(1).unwrap();
    let raw = std::fs::read_to_string(&path).unwrap();
    let text = if path.ends_with(".json") { serde_json::from_str::<serde_json::Value>(&raw).unwrap()["text"].as_str().unwrap().to_string() } else { raw };
    let c = storydiff::clean::clean(&text);
    let mut all: Vec<(usize, String)> = c.blocks.iter().map(|b| (b.span.start, format!("KEEP {:?}", b.role))).collect();
    all.extend(c.removed.iter().map(|r| (r.span.start, format!("  -{:?}", r.reason))));
    all.sort();
    for (start, tag) in all {
        let end = c.blocks.iter().map(|b| b.span.clone()).chain(c.removed.iter().map(|r| r.span.clone())).find(|s| s.start == start).unwrap().end;
        println!("{tag:14} {}", text[start..end].chars().take(100).collect::<String>().replace('\n', " / "));
    }
    println!("TITLE {:?}", c.meta.title);
}
