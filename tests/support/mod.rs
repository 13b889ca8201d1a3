//! Code shared by the integration tests (and, by path, by `examples/accuracy.rs`).
// Each test binary compiles all of it and uses a part.
#![allow(dead_code)]
pub mod scoring;
