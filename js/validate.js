// Argument checks shared by the browser (index.js) and Node (node.js) entry points, so that
// bad input gets a clear message before it reaches the WebAssembly module. The element, the
// worker and the page use its constants and helpers too, so each rule is written once.

/** The match kinds, closest first. */
export const KINDS = ['identical', 'minor', 'paraphrase'];
const OPTION_KEYS = ['kinds', 'minScore'];

/** The engine's limit per source, in bytes of UTF-8. */
export const MAX_BYTES = 8 << 20;

/** The message of anything thrown (an Error's message, or the value as a string). */
export const errorMessage = (err) => (err && typeof err.message === 'string' ? err.message : String(err));

/**
 * Why the text of source `name` cannot be compared ("source "x" is empty", "… is not text"), or
 * null when it can. The byte limit is the engine's to enforce (it knows the exact size).
 */
export function sourceProblem(name, text) {
  if (text.trim() === '') return `source "${name}" is empty`;
  if (text.includes('\u0000')) return `source "${name}" is not text (it looks like binary data)`;
  return null;
}

/**
 * Whether `text` is a whole HTML document rather than text that may quote a tag or two: it opens
 * (after white space and a byte-order mark) with a doctype or an `<html>` tag, or with a tag and
 * has `<body` or `<head` in its first 2,048 characters. The same rule as the engine's
 * `is_html_document` (src/lib.rs), so the JS side loads the HTML reader exactly when the engine
 * would read a text as a web page.
 */
export function isHtmlDocument(text) {
  // Rust's white space is Unicode's White_Space: JS's \s plus NEL (U+0085).
  // Every rule below needs a tag first: an article's text is ruled out by its first character,
  // without copying and lower-casing its first 2,048 (5% of a comparison of the seeds in Node).
  const first = text.search(/[^\s\u0085\uFEFF]/);
  if (first < 0 || text[first] !== '<') return false;
  const start = text.slice(first);
  // The first 2,048 characters (code points, as the engine counts), lowercased in ASCII only
  // (as to_ascii_lowercase: toLowerCase would turn the Kelvin sign into a "k").
  const head = [...start.slice(0, 4096)].slice(0, 2048).join('').replace(/[A-Z]+/g, (m) => m.toLowerCase());
  return head.startsWith('<!doctype html') || head.startsWith('<html') || (head.startsWith('<') && (head.includes('<body') || head.includes('<head')));
}

/** Whether a checked source (see checkArgs) is a web page: given as `html`, or a whole HTML document as `text`. */
export const isHtmlSource = (source) => typeof source.html === 'string' || isHtmlDocument(source.text);

/**
 * Why the HTML of source `name` cannot be compared ("source "x" is empty"), or null when it can.
 * Markup is the engine's to judge (a NUL in a page is noise it drops, not a sign of binary data).
 */
export function htmlProblem(name, html) {
  if (html.trim() === '') return `source "${name}" is empty`;
  return null;
}

const describe = (value) =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : typeof value;

/**
 * Checks `sources` and `options` and returns copies of them in the shape the wasm module
 * expects (`[{ name, text } | { name, html }]`, `{ kinds?, minScore? }` or undefined). Throws a TypeError for
 * arguments of the wrong type and an Error for values the comparison cannot use.
 */
export function checkArgs(sources, options) {
  if (!Array.isArray(sources)) {
    throw new TypeError(`sources must be an array of { name, text } or { name, html } objects, not ${describe(sources)}`);
  }
  if (sources.length === 0) {
    throw new Error('no sources given: compare needs at least two articles');
  }
  if (sources.length === 1) {
    throw new Error('only 1 source given: compare needs at least two articles');
  }
  const clean = sources.map((source, i) => {
    if (source === null || typeof source !== 'object' || Array.isArray(source)) {
      throw new TypeError(`sources[${i}] must be a { name, text } or { name, html } object, not ${describe(source)}`);
    }
    const { name, text, html } = source;
    if (typeof name !== 'string') {
      throw new TypeError(`sources[${i}].name must be a string, not ${describe(name)}`);
    }
    // A web page's markup, read by the HTML build of the engine (see isHtmlSource).
    if (html !== undefined) {
      if (typeof html !== 'string') throw new TypeError(`sources[${i}].html must be a string, not ${describe(html)}`);
      if (text !== undefined) throw new TypeError(`sources[${i}] has both text and html: give one`);
      const problem = htmlProblem(name, html);
      if (problem) throw new Error(problem);
      return { name, html };
    }
    if (typeof text !== 'string') {
      throw new TypeError(`sources[${i}].text must be a string, not ${describe(text)}`);
    }
    const problem = sourceProblem(name, text);
    if (problem) throw new Error(problem);
    return { name, text };
  });

  if (options === undefined || options === null) return [clean, undefined];
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`options must be an object, not ${describe(options)}`);
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new TypeError(`unknown option "${key}" (known options: ${OPTION_KEYS.join(', ')})`);
    }
  }
  const out = {};
  if (options.kinds !== undefined) {
    if (!Array.isArray(options.kinds)) {
      throw new TypeError(`options.kinds must be an array of ${KINDS.map((k) => `"${k}"`).join(', ')}`);
    }
    for (const kind of options.kinds) {
      if (!KINDS.includes(kind)) {
        throw new TypeError(`options.kinds: unknown kind ${JSON.stringify(kind)} (use ${KINDS.join(', ')})`);
      }
    }
    out.kinds = [...options.kinds];
  }
  if (options.minScore !== undefined) {
    const s = options.minScore;
    if (typeof s !== 'number' || !Number.isFinite(s)) {
      throw new TypeError(`options.minScore must be a number between 0 and 1, not ${describe(s)}`);
    }
    if (s < 0 || s > 1) {
      throw new RangeError(`options.minScore must be between 0 and 1 (got ${s})`);
    }
    out.minScore = s;
  }
  return [clean, out];
}

/**
 * Checks the arguments, calls the wasm module's comparison (`compareTape`) and turns whatever it
 * throws into a plain Error with a message. A trap in the engine (its memory may be left in a bad
 * state) is marked `internal: true`; the message alone cannot tell, since it may quote source
 * names.
 */
export function callWasm(wasmFunction, sources, options) {
  const [s, o] = checkArgs(sources, options);
  try {
    return wasmFunction(s, o);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      throw Object.assign(new Error(`storydiff internal error (${err.message}); please report it with the input that caused it`), { internal: true });
    }
    throw new Error(errorMessage(err));
  }
}
