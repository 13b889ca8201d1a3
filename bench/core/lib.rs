//! Exports for `bench/core.mjs`: load the sources (a JSON array of `{ name, text }` written
//! into memory from [`bench_alloc`]), then time each call from JS. Each returns a count, so
//! that the work cannot be optimized away and both ways of matching can be checked against
//! each other.

use std::cell::RefCell;
use storydiff::{align, index, Options, Prepared, SourceInput};

mod pairs;

thread_local! {
    static SOURCES: RefCell<Vec<SourceInput>> = const { RefCell::new(Vec::new()) };
    static PREPARED: RefCell<Option<Prepared>> = const { RefCell::new(None) };
}

/// Room for `len` bytes of input, handed over to [`bench_load`].
#[no_mangle]
pub extern "C" fn bench_alloc(len: usize) -> *mut u8 {
    let mut buf = Vec::<u8>::with_capacity(len);
    let ptr = buf.as_mut_ptr();
    std::mem::forget(buf);
    ptr
}

/// Takes the JSON written at `ptr` (from [`bench_alloc`]), returns how many sources it holds
/// (0 if unreadable).
///
/// # Safety
/// `ptr` must come from `bench_alloc(len)` and hold `len` initialized bytes.
#[no_mangle]
pub unsafe extern "C" fn bench_load(ptr: *mut u8, len: usize) -> u32 {
    let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
    let sources: Vec<SourceInput> = serde_json::from_slice(&bytes).unwrap_or_default();
    let n = sources.len() as u32;
    SOURCES.with(|s| *s.borrow_mut() = sources);
    PREPARED.with(|p| *p.borrow_mut() = None);
    n
}

/// `compare` end to end, the report built but not handed to JS: its number of matches.
#[no_mangle]
pub extern "C" fn bench_compare() -> u32 {
    SOURCES.with(|s| storydiff::compare(&s.borrow(), &Options::default()).map(|r| r.matches.len() as u32).unwrap_or(u32::MAX))
}

/// Runs and keeps `prepare` (what both ways of matching start from): its number of sentences.
#[no_mangle]
pub extern "C" fn bench_prepare() -> u32 {
    let prepared = SOURCES.with(|s| storydiff::prepare(&s.borrow()).ok());
    let n = prepared.as_ref().map_or(u32::MAX, |p| p.units.len() as u32);
    PREPARED.with(|p| *p.borrow_mut() = prepared);
    n
}

fn with_prepared(f: impl FnOnce(&Prepared) -> f64) -> f64 {
    PREPARED.with(|p| p.borrow().as_ref().map_or(-1.0, f))
}

/// The indexed way: `index::candidates` + `align::align`; its number of matches.
#[no_mangle]
pub extern "C" fn bench_indexed() -> f64 {
    with_prepared(|p| {
        let candidates = index::candidates(&p.units, &p.index);
        align::align(&p.units, &p.index, None, &candidates).len() as f64
    })
}

/// How many candidate pairs the index proposes.
#[no_mangle]
pub extern "C" fn bench_candidates() -> f64 {
    with_prepared(|p| index::candidates(&p.units, &p.index).len() as f64)
}

/// The straightforward way: every cross-source pair + `align::align`; its number of matches.
#[no_mangle]
pub extern "C" fn bench_all_pairs() -> f64 {
    with_prepared(|p| {
        let pairs = pairs::all_pairs(&p.units);
        align::align(&p.units, &p.index, None, &pairs).len() as f64
    })
}

/// How many pairs the straightforward way scores.
#[no_mangle]
pub extern "C" fn bench_all_pairs_count() -> f64 {
    with_prepared(|p| pairs::count_all_pairs(&p.units) as f64)
}
