//! Times each stage of `compare` on the files given (native): where the time goes.
use std::time::Instant;
fn main() {
    let sources: Vec<storydiff::SourceInput> = std::env::args()
        .skip(1)
        .map(|p| storydiff::SourceInput { name: p.clone(), text: std::fs::read_to_string(&p).expect("readable file") })
        .collect();
    let t = Instant::now();
    let prepared = storydiff::prepare(&sources).expect("valid input");
    let t_prepare = t.elapsed();
    let t = Instant::now();
    let candidates = storydiff::index::candidates(&prepared.units, &prepared.index);
    let t_candidates = t.elapsed();
    let t = Instant::now();
    let pairs = storydiff::align::align(&prepared.units, &prepared.index, &candidates);
    let t_align = t.elapsed();
    let t = Instant::now();
    let report = storydiff::compare(&sources, &storydiff::Options::default()).expect("valid input");
    let t_all = t.elapsed();
    println!(
        "units {} candidates {} pairs {} matches {} | prepare {:?} candidates {:?} align {:?} compare {:?}",
        prepared.units.len(),
        candidates.len(),
        pairs.len(),
        report.matches.len(),
        t_prepare,
        t_candidates,
        t_align,
        t_all
    );
}
