//! Fuzz target `html`: any bytes as a web page, read, extracted and compared; the harness lives in
//! tests/fuzz_regressions/harness.rs, shared with the regression test (tests/fuzz_regressions.rs).
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/fuzz_regressions/harness.rs"]
mod harness;

fuzz_target!(|data: &[u8]| harness::html(data));
