//! storydiff: compare how different outlets report the same news story.
//!
//! ```
//! use storydiff::{compare, Options, SourceInput};
//!
//! let sources = vec![
//!     SourceInput { name: "wire".into(), text: "Rain fell on Paris on Monday. Officials said roads were closed.".into() },
//!     SourceInput { name: "paper".into(), text: "Rain fell on Paris on Monday. The mayor thanked volunteers.".into() },
//! ];
//! let report = compare(&sources, &Options::default()).unwrap();
//! assert_eq!(report.matches.len(), 1);
//! assert_eq!(report.sources[0].sentences[1].support, 0); // only the wire has it
//! ```

pub mod report;
pub mod clean;
pub mod normalize;
pub mod segment;

pub use report::*;

use std::fmt;

/// Why a comparison could not run; the message is meant for the user.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// Fewer than two sources were given.
    TooFewSources(usize),
    /// A source has no text.
    EmptySource(String),
    /// A source is not text (control bytes, NULs, replacement characters).
    BinarySource(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::TooFewSources(0) => write!(f, "no sources given: compare needs at least two articles"),
            Error::TooFewSources(n) => write!(f, "only {n} source given: compare needs at least two articles"),
            Error::EmptySource(name) => write!(f, "source \"{name}\" is empty"),
            Error::BinarySource(name) => write!(f, "source \"{name}\" is not text (it looks like binary data)"),
        }
    }
}

impl std::error::Error for Error {}

/// Cleans, splits and cross-matches `sources`, returning the full report.
pub fn compare(sources: &[SourceInput], options: &Options) -> Result<Report, Error> {
    let _ = options;
    if sources.len() < 2 {
        return Err(Error::TooFewSources(sources.len()));
    }
    Ok(Report { version: REPORT_VERSION, sources: vec![], matches: vec![], groups: vec![], quotes: vec![], similarity: vec![] })
}

#[cfg(target_arch = "wasm32")]
mod wasm;
