// scripts/serve.mjs: MIME types, directory handling and refusing paths outside the root.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
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
function get(path) {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], location: res.headers.location }));
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
    '/seeds/index.json': 'application/json',
    '/seeds/000_ca52562f066d4038.txt': 'text/plain',
  };
  for (const [path, type] of Object.entries(cases)) {
    const r = await get(path);
    assert.equal(r.status, 200, path);
    assert.ok(r.type.startsWith(type), `${path}: ${r.type}`);
  }
});

test('redirects / and directories without a slash', async () => {
  assert.deepEqual(await get('/'), { status: 302, type: 'text/plain; charset=utf-8', location: '/www/' });
  const r = await get('/www');
  assert.equal(r.status, 301);
  assert.equal(r.location, '/www/');
});

test('refuses paths outside the root and hidden files', async () => {
  for (const path of ['/../../etc/passwd', '/www/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/.git/config', '/www/%00']) {
    const r = await get(path);
    assert.ok(r.status === 403 || r.status === 404 || r.status === 400, `${path}: ${r.status}`);
  }
  assert.equal((await get('/..%2f..%2fetc%2fpasswd')).status, 403);
  assert.equal((await get('/no/such/file')).status, 404);
});
