// bin/storydiff.js with web pages: .html files, http(s) URLs fetched by Node (served here by a
// throwaway local server), and the one-line errors of a fetch that fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers.mjs';

const BIN = join(ROOT, 'bin/storydiff.js');
const PAGE_FILE = join(ROOT, 'tests/fixtures/pages/valley.html');
const WIRE_FILE = join(ROOT, 'tests/fixtures/pages/wire.txt');
const PAGE = readFileSync(PAGE_FILE);

/** Runs the CLI without blocking this process (the test's server must keep answering). */
function run(...args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

/** Serves the page at /valley, a 404 elsewhere, and an image at /photo.png; resolves to its base URL. */
function serve(t) {
  const server = createServer((req, res) => {
    if (req.url === '/valley') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (req.url === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64, 1));
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not here');
  });
  t.after(() => new Promise((resolve) => server.close(resolve)));
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`)));
}

/** A port on which nothing listens: one a server just had, closed again. */
function closedPort() {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

test('a .html file is read as a web page: its article, metadata and format', async () => {
  const r = await run('--json', '--lexical', PAGE_FILE, WIRE_FILE);
  assert.equal(r.code, 0, r.err);
  const [page, wire] = JSON.parse(r.out).sources;
  assert.equal(page.name, 'valley.html');
  assert.equal(page.format, 'html');
  assert.equal(page.title, 'Flood closes bridge');
  assert.equal(page.url, 'https://valley.example/news/flood-bridge');
  assert.ok(page.sentences.some((s) => s.text.startsWith('The river rose two metres')));
  assert.ok(!page.sentences.some((s) => /<|Most read/.test(s.text)), 'no markup or teasers as sentences');
  assert.equal(wire.format, 'text');
});

test('the summary header says how each source was read, with the page\'s URL', async () => {
  const r = await run(PAGE_FILE, WIRE_FILE);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /\[1\] valley\.html\n {4}format: {4}html \(web page, https:\/\/valley\.example\/news\/flood-bridge\)\n {4}title: {5}Flood closes bridge/);
  assert.match(r.out, /\[2\] wire\.txt\n {4}format: {4}text\n/);
});

test('an http:// URL is fetched and read as a web page, named by its URL', async (t) => {
  const base = await serve(t);
  const r = await run('--json', '--lexical', `${base}/valley`, WIRE_FILE);
  assert.equal(r.code, 0, r.err);
  const [page] = JSON.parse(r.out).sources;
  assert.equal(page.name, `${base}/valley`);
  assert.equal(page.format, 'html');
  assert.equal(page.title, 'Flood closes bridge');
  assert.equal(page.url, 'https://valley.example/news/flood-bridge');
});

test('a URL that refuses the connection: one clear line on stderr, exit 2', async () => {
  const url = `http://127.0.0.1:${await closedPort()}/story`;
  const r = await run(url, WIRE_FILE);
  assert.equal(r.code, 2);
  assert.equal(r.out, '');
  assert.equal(r.err, `storydiff: ${url}: could not fetch it (the connection was refused: ECONNREFUSED ${url.slice(7, url.lastIndexOf('/'))})\n`);
});

test('a URL answered with a status other than 2xx, or with something not a page, is an error', async (t) => {
  const base = await serve(t);
  const missing = await run(`${base}/gone`, WIRE_FILE);
  assert.equal(missing.code, 2);
  assert.equal(missing.err, `storydiff: ${base}/gone: the server answered HTTP 404 Not Found\n`);
  const image = await run(`${base}/photo.png`, WIRE_FILE);
  assert.equal(image.code, 2);
  assert.equal(image.err, `storydiff: ${base}/photo.png: not a web page (its type is image/png)\n`);
});
