//! The JS API: a thin wasm-bindgen layer over [`crate::compare`].
//!
//! The shipped module exports only `compareTape`; the JS API builds everything else from the
//! tape. The other two ways of handing the report over, JS objects and a JSON string, are built
//! only with the `handover` feature, for the benchmark that weighs them against the tape.

use crate::{Options, SourceInput};
use wasm_bindgen::prelude::*;

fn parse_args(sources: JsValue, options: JsValue) -> Result<(Vec<SourceInput>, Options), JsError> {
    if !js_sys::Array::is_array(&sources) {
        return Err(JsError::new("sources must be an array of { name, text } objects"));
    }
    let sources: Vec<SourceInput> = serde_wasm_bindgen::from_value(sources)
        .map_err(|e| JsError::new(&format!("sources must be an array of {{ name, text }} objects: {e}")))?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(|e| JsError::new(&format!("invalid options: {e}")))?
    };
    Ok((sources, options))
}

fn run(sources: JsValue, options: JsValue) -> Result<crate::Report, JsError> {
    let (sources, options) = parse_args(sources, options)?;
    crate::compare(&sources, &options).map_err(|e| JsError::new(&e.to_string()))
}

/// Compares `sources` (`[{ name, text }]`) and returns the report as a [tape](crate::tape):
/// `[ints, floats, text]`, a `Uint32Array`, a `Float64Array` and a string, which `js/tape.js`
/// turns into the report object. The JS API's `compare` and `compareJson` use this.
#[wasm_bindgen(js_name = compareTape)]
pub fn compare_tape(sources: JsValue, options: JsValue) -> Result<js_sys::Array, JsError> {
    let tape = crate::tape::encode(&run(sources, options)?)
        .map_err(|e| JsError::new(&format!("could not hand the report to JS: {e}")))?;
    let ints = js_sys::Uint32Array::from(&tape.ints[..]);
    let floats = js_sys::Float64Array::from(&tape.floats[..]);
    Ok(js_sys::Array::of3(&ints, &floats, &JsValue::from_str(&tape.text)))
}

/// The report handed over as JS objects and as a JSON string, for the benchmark only
/// (`bench/run.mjs` builds them into a module of its own): nothing in the product uses them, and
/// they weigh on the shipped wasm's size (serde-wasm-bindgen's serializer and serde_json's, each
/// instantiated for the whole report).
#[cfg(feature = "handover")]
mod handover {
    use super::run;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// Like `compareTape`, but returns the report as a plain JS object, built here one object,
    /// field and string at a time (serde-wasm-bindgen).
    #[wasm_bindgen]
    pub fn compare(sources: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        run(sources, options)?
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&format!("could not hand the report to JS: {e}")))
    }

    /// Like `compareTape`, but returns the report as a JSON string (serde_json).
    #[wasm_bindgen(js_name = compareJson)]
    pub fn compare_json(sources: JsValue, options: JsValue) -> Result<String, JsError> {
        serde_json::to_string(&run(sources, options)?)
            .map_err(|e| JsError::new(&format!("could not write the report as JSON: {e}")))
    }
}
