//! The JS API: a thin wasm-bindgen layer over [`crate::compare`].
//!
//! The shipped module exports `loadVectors` and `compareTape`; the JS API builds everything else from the
//! tape. The other two ways of handing the report over, JS objects and a JSON string, are built
//! only with the `handover` feature, for the benchmark that weighs them against the tape.

use crate::{Kind, Options, SourceInput};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The arguments as the core takes them. Read field by field with `js_sys` rather than through
/// serde-wasm-bindgen, whose deserializer (and the float formatting its error messages pull in)
/// weighed on the shipped wasm's size budget; the JS API has checked their shape already, so
/// these errors are a backstop with short messages.
fn parse_args(sources: JsValue, options: JsValue) -> Result<(Vec<SourceInput>, Options), JsError> {
    let shape = || JsError::new("sources must be an array of { name, text } or { name, html } objects");
    let list = sources.dyn_ref::<js_sys::Array>().ok_or_else(shape)?;
    let sources = list
        .iter()
        .map(|item| {
            let text = |key: &str| if item.is_object() { field(&item, key).as_string() } else { None };
            let name = text("name").ok_or_else(shape)?;
            Ok(match text("html") {
                Some(html) => SourceInput::html(name, html),
                None => SourceInput::new(name, text("text").ok_or_else(shape)?),
            })
        })
        .collect::<Result<Vec<_>, JsError>>()?;
    let mut parsed = Options::default();
    if options.is_undefined() || options.is_null() {
        return Ok((sources, parsed));
    }
    if !options.is_object() {
        return Err(JsError::new("invalid options: not an object"));
    }
    let kinds = field(&options, "kinds");
    if !kinds.is_undefined() {
        let bad = || JsError::new("invalid options: kinds must be an array of \"identical\", \"minor\", \"paraphrase\"");
        let kinds = kinds.dyn_ref::<js_sys::Array>().ok_or_else(bad)?;
        parsed.kinds = kinds
            .iter()
            .map(|k| match k.as_string().as_deref() {
                Some("identical") => Ok(Kind::Identical),
                Some("minor") => Ok(Kind::Minor),
                Some("paraphrase") => Ok(Kind::Paraphrase),
                _ => Err(bad()),
            })
            .collect::<Result<_, _>>()?;
    }
    let min_score = field(&options, "minScore");
    if !min_score.is_undefined() {
        parsed.min_score = min_score.as_f64().ok_or_else(|| JsError::new("invalid options: minScore must be a number"))?;
        // Checked here rather than by `compare_with`, whose message prints the number (see
        // `crate::compare_checked`).
        if !(0.0..=1.0).contains(&parsed.min_score) {
            return Err(JsError::new("invalid options: minScore must be a number from 0 to 1"));
        }
    }
    Ok((sources, parsed))
}

/// `object[key]`, or `undefined` when it cannot be read.
fn field(object: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

// Talc in place of the standard library's dlmalloc: the core wasm 1.9 kB smaller gzipped (with
// the inliner's threshold in .cargo/config.toml, what brought it back under its 250 kB budget),
// the seeds no slower side by side in Node (3.58-3.60 against 3.63 ms), and all 982 ECB+
// articles in one comparison in 156.8 MB of wasm memory instead of 188.7 MB, in the same time.
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

thread_local! {
    /// The sentence vectors, once the JS side has handed them over: they are read once per
    /// module instance (about 4 MB) and serve every comparison after.
    static VECTORS: std::cell::RefCell<Option<crate::embed::Vectors>> = const { std::cell::RefCell::new(None) };
}

/// Reads a vector file (`vectors/minilm-static.bin`) into this module instance, so that every
/// later comparison matches by meaning too (`report.matching` is `"semantic"`). Throws, and
/// keeps whatever was loaded before, when the bytes are not a vector file.
#[wasm_bindgen(js_name = loadVectors)]
pub fn load_vectors(bytes: &[u8]) -> Result<(), JsError> {
    let vectors = crate::embed::Vectors::from_bytes(bytes).map_err(|e| JsError::new(&e.to_string()))?;
    VECTORS.with(|v| *v.borrow_mut() = Some(vectors));
    Ok(())
}

/// The report, for the `handover` exports.
#[cfg(feature = "handover")]
fn run(sources: JsValue, options: JsValue) -> Result<crate::Report, JsError> {
    let (sources, options) = parse_args(sources, options)?;
    VECTORS.with(|v| crate::compare_checked(&sources, &options, v.borrow().as_ref())).map_err(|e| JsError::new(&e.to_string()))
}

/// Compares `sources` (`[{ name, text }]`) and returns the report as a [tape](crate::tape):
/// `[ints, floats, text]`, a `Uint32Array`, a `Float64Array` and a string, which `js/tape.js`
/// turns into the report object. The JS API's `compare` and `compareJson` use this.
#[wasm_bindgen(js_name = compareTape)]
pub fn compare_tape(sources: JsValue, options: JsValue) -> Result<js_sys::Array, JsError> {
    let (sources, options) = parse_args(sources, options)?;
    let tape = VECTORS.with(|v| crate::compare_tape_checked(&sources, &options, v.borrow().as_ref())).map_err(|e| JsError::new(&e.to_string()))?;
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
