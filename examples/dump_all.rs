//! Writes the report of the seeds and of each ECB+ cluster, with the vectors, as JSON into a
//! directory (`seeds.json`, `<cluster>.json`): for checking that a change leaves reports as they
//! were, or reading what it changed, by comparing two builds' directories.
//!
//! ```sh
//! cargo run --release --example dump_all -- /tmp/before   # run from the repository's root
//! ```
use std::path::PathBuf;
fn main() {
    let out = PathBuf::from(std::env::args().nth(1).unwrap());
    std::fs::create_dir_all(&out).unwrap();
    let vectors = storydiff::embed::Vectors::from_bytes(&std::fs::read("vectors/minilm-static.bin").unwrap()).unwrap();
    let mut dirs: Vec<PathBuf> = vec![PathBuf::from("seeds")];
    let mut c: Vec<PathBuf> = std::fs::read_dir("../shared/data/ecbplus").unwrap().filter_map(|e| Some(e.ok()?.path())).filter(|p| p.is_dir()).collect();
    c.sort();
    dirs.extend(c);
    for d in dirs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&d).unwrap().filter_map(|e| Some(e.ok()?.path())).filter(|p| p.extension().is_some_and(|x| x == "txt")).collect();
        files.sort();
        let sources: Vec<storydiff::SourceInput> = files.iter().map(|f| storydiff::SourceInput::new(f.file_name().unwrap().to_string_lossy(), std::fs::read_to_string(f).unwrap())).collect();
        if sources.len() < 2 { continue; }
        let r = storydiff::compare_with(&sources, &storydiff::Options::default(), Some(&vectors)).unwrap();
        std::fs::write(out.join(format!("{}.json", d.file_name().unwrap().to_string_lossy())), serde_json::to_string(&r).unwrap()).unwrap();
    }
}
