#!/usr/bin/env node
// storydiff command line: compare how two or more saved articles report the same story.
// Sources are text files, web pages saved as .html/.htm files, or http(s) URLs of web pages
// (fetched once each, no retries, at most FETCH_TIMEOUT_MS). Errors print one line,
// `storydiff: <message>`, on stderr and exit with code 2.

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORMATS, format } from './format.js';

const USAGE = `usage: storydiff [--format text|json|markdown|csv] [--lexical] [--min-score X] [--kinds identical,minor,paraphrase] SOURCE SOURCE...

Compares how two or more articles report the same story: which sentences they share, which are
unique, which quotations they carry and where their details differ. Each SOURCE is a plain-text
file (page chrome and all), a web page saved as a .html or .htm file, or the http:// or https://
URL of a web page, which is fetched (once, with a 20 s timeout). Everything else runs locally.

options:
  --format F          what to print: text (a summary, the default), json (the full report,
                      the contract in src/report.rs), markdown, or csv (one row per sentence,
                      each shared group's members first: every source's own wording). Every
                      format lists, for each shared group, each source's wording, and notes
                      sources in another language and sources repeating another
  --json              the same as --format json
  --lexical           match by words only, without the sentence vectors (faster; the
                      same claim in other words may be missed)
  --min-score X       drop matches scoring below X (0 to 1; default 0)
  --kinds LIST        comma-separated match kinds to keep: identical, minor, paraphrase
                      (default: all three)
  -h, --help          show this help
  -V, --version       show the version`;

const KINDS = ['identical', 'minor', 'paraphrase'];
/** Files read as web pages, by their name. */
const HTML_FILE = /\.html?$/i;
const URL_ARG = /^https?:\/\//i;
const FETCH_TIMEOUT_MS = 20_000;
/** The engine's limit per source (js/validate.js's MAX_BYTES): a bigger page is not downloaded in full. */
const MAX_BYTES = 8 << 20;

class UsageError extends Error {}

function fail(message, code = 2) {
  process.stderr.write(`storydiff: ${String(message).split('\n')[0]}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const opts = { format: undefined, lexical: false, help: false, version: false, minScore: undefined, kinds: undefined, files: [] };
  const takeValue = (flag, inline, i) => {
    if (inline !== undefined) return [inline, i];
    if (i + 1 >= argv.length) throw new UsageError(`${flag} needs a value`);
    return [argv[i + 1], i + 1];
  };
  let onlyFiles = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyFiles || arg === '-' || !arg.startsWith('-')) {
      opts.files.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyFiles = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    const inline = arg.startsWith('--') && eq > 0 ? arg.slice(eq + 1) : undefined;
    switch (flag) {
      case '-h':
      case '--help':
        opts.help = true;
        break;
      case '-V':
      case '--version':
        opts.version = true;
        break;
      case '--json':
        if (inline !== undefined) throw new UsageError('--json takes no value');
        if (opts.format && opts.format !== 'json') throw new UsageError(`--json and --format ${opts.format} disagree`);
        opts.format = 'json';
        break;
      case '--format': {
        let value;
        [value, i] = takeValue(flag, inline, i);
        const f = value.trim().toLowerCase();
        if (!FORMATS.includes(f)) throw new UsageError(`unknown format "${value}" for --format (use ${FORMATS.join(', ')})`);
        if (opts.format && opts.format !== f) throw new UsageError(`--format ${f} and --${opts.format === 'json' ? 'json' : `format ${opts.format}`} disagree`);
        opts.format = f;
        break;
      }
      case '--lexical':
        if (inline !== undefined) throw new UsageError('--lexical takes no value');
        opts.lexical = true;
        break;
      case '--min-score': {
        let value;
        [value, i] = takeValue(flag, inline, i);
        const n = Number(value);
        if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) {
          throw new UsageError(`--min-score must be a number between 0 and 1 (got "${value}")`);
        }
        opts.minScore = n;
        break;
      }
      case '--kinds': {
        let value;
        [value, i] = takeValue(flag, inline, i);
        const kinds = value.split(',').map((k) => k.trim().toLowerCase()).filter(Boolean);
        if (kinds.length === 0) throw new UsageError(`--kinds needs at least one of ${KINDS.join(', ')}`);
        for (const k of kinds) {
          if (!KINDS.includes(k)) throw new UsageError(`unknown kind "${k}" in --kinds (use ${KINDS.join(', ')})`);
        }
        opts.kinds = [...new Set(kinds)];
        break;
      }
      default:
        throw new UsageError(`unknown option ${flag} (try --help)`);
    }
  }
  return opts;
}

/**
 * Decodes a web page's bytes: UTF-8 when they are valid UTF-8, else the charset its HTTP header
 * or its <meta charset> names, else windows-1252 (what browsers fall back to); never refused for
 * its bytes, since the engine reads any page.
 */
function decodeHtml(bytes, headerCharset) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
    const meta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
    for (const label of [headerCharset, meta && meta[1], 'windows-1252']) {
      if (!label) continue;
      try {
        return new TextDecoder(label).decode(bytes);
      } catch {
        // an unknown label: try the next
      }
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Reads the source `file` names: `{ text }`, or `{ html }` for a .html/.htm file. */
function readSource(file) {
  if (file === '-') throw new UsageError('reading from standard input is not supported; give file names');
  let bytes;
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`${file}: is a directory`);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    const why =
      err.code === 'ENOENT' ? 'no such file'
      : err.code === 'EACCES' ? 'permission denied'
      : err.code === 'EISDIR' ? 'is a directory'
      : err.message;
    throw new UsageError(`${file}: ${why}`);
  }
  if (bytes.length === 0) throw new UsageError(`${file}: file is empty`);
  if (bytes.includes(0)) throw new UsageError(`${file}: not a text file (it looks like binary data)`);
  if (HTML_FILE.test(file)) {
    const html = decodeHtml(bytes);
    if (html.trim() === '') throw new UsageError(`${file}: file is empty (only whitespace)`);
    return { html };
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`${file}: not a text file (it is not valid UTF-8)`);
  }
  if (text.trim() === '') throw new UsageError(`${file}: file is empty (only whitespace)`);
  return { text };
}

// What Node's fetch failures mean, by the code of their cause.
const NET_ERRORS = {
  ECONNREFUSED: 'the connection was refused',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name could not be looked up',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
};

/** Why a fetch failed, in words: "the connection was refused (ECONNREFUSED 127.0.0.1:8080)". */
function fetchFailure(err) {
  if (err && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${FETCH_TIMEOUT_MS / 1000} s`;
  const cause = err && err.cause;
  if (cause && NET_ERRORS[cause.code]) {
    const where = cause.address ? ` ${cause.address}${cause.port ? `:${cause.port}` : ''}` : cause.hostname ? ` ${cause.hostname}` : '';
    return `${NET_ERRORS[cause.code]}: ${cause.code}${where}`;
  }
  return (cause && cause.message) || (err && err.message) || String(err);
}

/**
 * Fetches the web page at `url` (Node's fetch: one attempt, redirects followed, at most
 * FETCH_TIMEOUT_MS): `{ html }`, or `{ text }` for a text/plain answer. Any failure, a status
 * other than 2xx, or an answer that is neither a page nor text is a UsageError naming the URL.
 */
async function fetchSource(url) {
  let res;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1' } });
  } catch (err) {
    throw new UsageError(`${url}: could not fetch it (${fetchFailure(err)})`);
  }
  if (!res.ok) {
    res.body?.cancel().catch(() => {});
    throw new UsageError(`${url}: the server answered HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
  }
  const type = (res.headers.get('content-type') || '').toLowerCase();
  const isText = /^text\/plain\b/.test(type);
  if (type && !isText && !/html|xml/.test(type)) {
    res.body?.cancel().catch(() => {});
    throw new UsageError(`${url}: not a web page (its type is ${type.split(';')[0]})`);
  }
  if (Number(res.headers.get('content-length')) > MAX_BYTES) {
    res.body?.cancel().catch(() => {});
    throw new UsageError(`${url}: the page is larger than ${MAX_BYTES >> 20} MiB`);
  }
  let bytes;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (err) {
    throw new UsageError(`${url}: could not fetch it (${fetchFailure(err)})`);
  }
  if (bytes.length > MAX_BYTES) throw new UsageError(`${url}: the page is larger than ${MAX_BYTES >> 20} MiB`);
  const charset = /charset=["']?([\w-]+)/.exec(type)?.[1];
  const content = decodeHtml(bytes, charset);
  if (content.trim() === '') throw new UsageError(`${url}: the page is empty`);
  return isText ? { text: content } : { html: content };
}

function sourceNames(files) {
  // A URL is named by itself: its last path segment would say little.
  const bases = files.map((f) => (URL_ARG.test(f) ? f : basename(f)));
  const dup = new Set(bases.filter((b, i) => bases.indexOf(b) !== i));
  // Two files with the same base name keep their paths, so the summary can tell them apart.
  return files.map((f, i) => (dup.has(bases[i]) ? f : bases[i]));
}

/**
 * `compare` without the sentence vectors (--lexical): the wasm module loaded as js/node.js loads
 * it (the HTML build when `html`: a source is a web page), but no vectors read into it.
 */
async function lexicalCompare(html) {
  // Web pages need the HTML build (pkg/html/): the core reads text only.
  const dir = html ? '../pkg/html/' : '../pkg/';
  const wasmUrl = new URL(`${dir}storydiff_bg.wasm`, import.meta.url);
  let bytes;
  try {
    bytes = readFileSync(wasmUrl);
  } catch (err) {
    if (err.code === 'ENOENT') throw new Error(`the WebAssembly build is missing (${fileURLToPath(wasmUrl)}); run \`npm run build\` first`);
    throw err;
  }
  const glue = await import(new URL(`${dir}storydiff.js`, import.meta.url).href);
  const { callWasm } = await import('../js/validate.js');
  const { decodeTape } = await import('../js/tape.js');
  glue.initSync({ module: bytes });
  return (sources, options) => decodeTape(...callWasm(glue.compareTape, sources, options));
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    fail(err.message);
  }
  if (opts.help) {
    process.stdout.write(USAGE + '\n');
    return;
  }
  if (opts.version) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    process.stdout.write(`storydiff ${pkg.version}\n`);
    return;
  }
  if (opts.files.length === 0) fail('no files given (usage: storydiff [--format F] SOURCE SOURCE...; try --help)');
  if (opts.files.length === 1) fail('only one file given: storydiff compares two or more articles');

  let sources;
  try {
    const names = sourceNames(opts.files);
    // Files first, so a typo in a file name fails before any download; the URLs in parallel.
    const read = opts.files.map((file) => (URL_ARG.test(file) ? null : readSource(file)));
    const fetched = await Promise.all(opts.files.map((file, i) => read[i] ?? fetchSource(file)));
    sources = fetched.map((content, i) => ({ name: names[i], ...content }));
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    fail(err.message);
  }

  let compare;
  try {
    const { isHtmlSource } = await import('../js/validate.js');
    const html = sources.some((s) => isHtmlSource(s));
    compare = opts.lexical ? await lexicalCompare(html) : (await import('../js/node.js')).compare;
  } catch (err) {
    fail(err.message.replace(/^storydiff: /, ''), 1);
  }

  const options = {};
  if (opts.kinds) options.kinds = opts.kinds;
  if (opts.minScore !== undefined) options.minScore = opts.minScore;

  let report;
  try {
    report = compare(sources, options);
  } catch (err) {
    // Input the engine refuses (e.g. text that looks binary) is the user's to fix: exit 2.
    fail(err.message, /internal error/.test(err.message) ? 1 : 2);
  }
  process.stdout.write(format(report, opts.format || 'text'));
}

process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  fail(err.message, 1);
});
process.on('uncaughtException', (err) => fail(`internal error: ${err && err.message}`, 1));
process.on('unhandledRejection', (err) => fail(`internal error: ${err && err.message}`, 1));

await main();
