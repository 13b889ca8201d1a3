//! Code shared by the integration tests (and, by path, by `examples/accuracy.rs`).
pub mod scoring;
