//! The JS API: a thin wasm-bindgen layer over [`crate::compare`].

use crate::{Options, SourceInput};
use serde::Serialize;
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

/// Compares `sources` (`[{ name, text }]`) and returns the report as a plain JS object, built
/// here one object, field and string at a time (serde-wasm-bindgen).
#[wasm_bindgen]
pub fn compare(sources: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    run(sources, options)?
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not hand the report to JS: {e}")))
}

/// Like [`compare`], but returns the report as a [tape](crate::tape): `[ints, floats, text]`,
/// a `Uint32Array`, a `Float64Array` and a string, which `js/tape.js` turns into the same
/// object several times faster than [`compare`] builds it. The JS API's `compare` uses this.
#[wasm_bindgen(js_name = compareTape)]
pub fn compare_tape(sources: JsValue, options: JsValue) -> Result<js_sys::Array, JsError> {
    let tape = crate::tape::encode(&run(sources, options)?)
        .map_err(|e| JsError::new(&format!("could not hand the report to JS: {e}")))?;
    let ints = js_sys::Uint32Array::from(&tape.ints[..]);
    let floats = js_sys::Float64Array::from(&tape.floats[..]);
    Ok(js_sys::Array::of3(&ints, &floats, &JsValue::from_str(&tape.text)))
}

/// Like [`compare`], but returns the report as a JSON string: cheaper to hand over for large
/// reports that are saved or sent on rather than walked in JS.
#[wasm_bindgen(js_name = compareJson)]
pub fn compare_json(sources: JsValue, options: JsValue) -> Result<String, JsError> {
    serde_json::to_string(&run(sources, options)?)
        .map_err(|e| JsError::new(&format!("could not write the report as JSON: {e}")))
}
