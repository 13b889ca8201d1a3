//! Shows how one benchmark page's HTML is read and extracted, block by block: its element, kind,
//! inherited hint, ancestors and verdict, and the element chosen as the article's.
//!
//!     cargo run --release --features html --example extract_debug -- ID_PREFIX

use flate2::read::GzDecoder;
use std::io::Read;
fn main() {
    let id = std::env::args().nth(1).unwrap();
    let dir = "../shared/data/article-extraction-benchmark";
    let path = std::fs::read_dir(format!("{dir}/html")).unwrap().map(|e| e.unwrap().path()).find(|p| p.to_string_lossy().contains(&id)).unwrap();
    let mut html = Vec::new();
    GzDecoder::new(std::fs::File::open(path).unwrap()).read_to_end(&mut html).unwrap();
    let html = String::from_utf8_lossy(&html);
    let page = storydiff::html::read(&html);
    let c = storydiff::extract::article(&page);
    let (_, hints, root) = storydiff::extract::root(&page);
    println!("root {root} {} {:?}", page.outline.elements[root].tag, page.outline.elements[root].hint);
    for b in &page.outline.blocks {
        let kept = c.blocks.iter().find(|k| k.span == b.span).map(|k| format!("{:?}", k.role)).unwrap_or_else(|| c.removed.iter().find(|k| k.span == b.span).map(|k| format!("-{:?}", k.reason)).unwrap_or_default());
        let mut chain = vec![]; let mut e = b.parent; while e != 0 && chain.len() < 6 { chain.push(page.outline.elements[e].tag.to_string()); e = page.outline.elements[e].parent; }
        let t = &page.text[b.span.clone()];
        println!("{:5} {:12} {:?} {:?} [{}] {}", b.parent, kept, b.kind, hints[b.parent], chain.join("<"), t.chars().take(90).collect::<String>());
    }
}
