//! Prints every line text cleaning keeps, with its role, for each file given (or for every
//! `.txt` file under a folder given): run it before and after a change to `clean` and diff the
//! two outputs to see every kept line that a change removes (the "no body sentence lost" check
//! on the seeds and ECB+).
//!
//!     cargo run --release --example kept_lines -- seeds ../shared/data/ecbplus > before.txt

fn files(path: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = std::fs::read_dir(path).unwrap().flatten().map(|e| e.path()).collect();
        entries.sort();
        for e in entries {
            files(&e, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt") {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut all = Vec::new();
    for arg in std::env::args().skip(1) {
        files(std::path::Path::new(&arg), &mut all);
    }
    for path in all {
        let text = std::fs::read_to_string(&path).expect("readable file");
        let c = storydiff::clean::clean(&text);
        println!("=== {} title={:?}", path.display(), c.meta.title);
        for b in &c.blocks {
            println!("{:?}\t{}", b.role, text[b.span.clone()].replace('\n', " "));
        }
    }
}
