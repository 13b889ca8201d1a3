// scripts/serve.mjs and its handler (scripts/static.mjs, also behind the consumer tests' servers):
// MIME types, directory handling and refusing paths outside the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { staticHandler } from '../../scripts/static.mjs';
import { ROOT } from './helpers.mjs';

let server;
let port;

test.before(async () => {
  server = spawn(process.execPath, [join(ROOT, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  port = await new Promise((resolve, reject) => {
    let buf = '';
    server.stdout.on('data', (d) => {
      buf += d;
      const m = buf.match(/^storydiff: http:\/\/localhost:(\d+)\/www\/$/m);
      if (m) resolve(Number(m[1]));
    });
    server.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
});
test.after(() => server.kill('SIGTERM'));

// Raw paths (no URL normalisation by the client), so traversal attempts reach the server as sent.
function get(path, at = port) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: at, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location, nosniff: res.headers['x-content-type-options'] }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves files with the right MIME types', async () => {
  const cases = {
    '/www/': 'text/html',
    '/www/app.js': 'text/javascript',
    '/www/style.css': 'text/css',
    '/js/index.js': 'text/javascript',
    '/pkg/storydiff.js': 'text/javascript',
    '/pkg/storydiff_bg.wasm': 'application/wasm',
    '/vectors/minilm-static.bin': 'application/octet-stream',
    '/seeds/index.json': 'application/json',
    '/seeds/000_ca52562f066d4038.txt': 'text/plain',
  };
  for (const [path, type] of Object.entries(cases)) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.ok(r.type.startsWith(type), `${path}: ${r.type}`);
    assert.equal(r.nosniff, 'nosniff', path);
  }
});

test('redirects / and directories without a slash', async () => {
  assert.deepEqual(await get('/'), { status: 302, type: 'text/plain; charset=utf-8', location: '/www/', nosniff: undefined });
  const r = await get('/www');
  assert.equal(r.status, 301);
  assert.equal(r.location, '/www/');
});

test('refuses paths outside the root and hidden files', async () => {
  for (const path of ['/../../etc/passwd', '/www/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/.git/config', '/www/%00', '/www/%E0%A4%A', '/%zz']) {
    const r = await get(path);
    assert.ok(r.status === 403 || r.status === 404 || r.status === 400, `${path}: ${r.status}`);
  }
  assert.equal((await get('/..%2f..%2fetc%2fpasswd')).status, 403);
  assert.equal((await get('/no/such/file')).status, 404);
});

test('staticHandler without a home: / serves the root index.html; folders, dot-files and bad escapes as for the page', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storydiff-static-'));
  mkdirSync(join(dir, 'sub'));
  mkdirSync(join(dir, '.hidden'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  writeFileSync(join(dir, 'sub', 'index.html'), '<!doctype html><title>sub</title>');
  writeFileSync(join(dir, '.hidden', 'secret.txt'), 'no');
  writeFileSync(join(dir, 'a.wasm'), 'wasm');
  const server = createServer(staticHandler(dir));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const at = server.address().port;
  try {
    assert.equal((await get('/', at)).status, 200);
    assert.ok((await get('/', at)).type.startsWith('text/html'));
    assert.equal((await get('/a.wasm', at)).type, 'application/wasm');
    assert.equal((await get('/sub', at)).status, 301);
    assert.equal((await get('/sub/', at)).status, 200);
    for (const path of ['/.hidden/secret.txt', '/%2ehidden/secret.txt', '/%E0%A4%A', '/..%2fetc%2fpasswd']) assert.equal((await get(path, at)).status, 403, path);
    assert.equal((await get('/missing.txt', at)).status, 404);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  }
});
