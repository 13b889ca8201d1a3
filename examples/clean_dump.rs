//! Prints how `clean` splits each file given on the command line: kept blocks and removed spans.
fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let c = storydiff::clean::clean(&text);
        println!("=== {path}\n{:?}", c.meta);
        for b in &c.blocks {
            println!("  KEEP {:?}: {}", b.role, &text[b.span.clone()].chars().take(90).collect::<String>());
        }
        for r in &c.removed {
            println!("  CUT  {:?}: {}", r.reason, &text[r.span.clone()].chars().take(90).collect::<String>());
        }
    }
}
