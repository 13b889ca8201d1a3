#!/usr/bin/env node
// A small static file server for the page (no dependencies): serves the repository root, so
// that /www/ can import ../js/index.js and ../pkg/storydiff.js and fetch ../seeds/.
//
//   node scripts/serve.mjs          # port $PORT, else 8080 (or the next free one)
//   PORT=0 node scripts/serve.mjs   # any free port
//
// Prints `storydiff: http://localhost:PORT/www/` once it listens. HOST defaults to 127.0.0.1.
//
// The page loads its scripts bundled (build/app.js, build/worker.js, build/seeds.json: see
// scripts/bundle.mjs, run by scripts/build.sh). So that an edit of js/ or www/ shows on a reload,
// a request for build/ first bundles again when one of the bundles' sources (build/meta.json
// lists them) is newer than the bundles, or when there are none yet; a failure is printed (and
// the bundles built before are served) and tried again on a request 2 s later.

import { promises as fs } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = process.env.HOST || '127.0.0.1';
const TRIES = 20;
const serveFile = staticHandler(ROOT, { home: '/www/' });

let rebuilding = null;
let failed = null; // { newest, at }: the last bundling that failed, not tried again within 2 s for the same sources
/** Bundles again when a source of build/ changed since it was built (see scripts/bundle.mjs). */
async function freshBuild() {
  let meta;
  let built;
  try {
    const file = join(ROOT, 'build', 'meta.json');
    [meta, built] = await Promise.all([fs.readFile(file, 'utf8').then(JSON.parse), fs.stat(file)]);
  } catch {
    meta = null; // never bundled (a checkout built before the bundles existed): bundled here once
  }
  let newest = Infinity;
  if (meta) {
    const times = await Promise.all(Object.keys(meta.inputs).map((f) => fs.stat(join(ROOT, f)).then((s) => s.mtimeMs, () => Infinity)));
    newest = Math.max(...times);
    if (newest <= built.mtimeMs) return;
  }
  if (failed && failed.newest === newest && Date.now() - failed.at < 2000) return;
  const started = Date.now();
  try {
    const { bundle } = await import('./bundle.mjs');
    await bundle({ quiet: true });
    failed = null;
    process.stderr.write(`storydiff: ${meta ? 'sources changed: bundled build/ again' : 'bundled build/'} (${Date.now() - started} ms)\n`);
  } catch (err) {
    failed = { newest, at: Date.now() };
    process.stderr.write(`storydiff: build/ could not be bundled${meta ? ' again (the page gets the bundles built before)' : ' (run bash scripts/build.sh)'}: ${err.message.split('\n')[0]}\n`);
  }
}

function handle(req, res) {
  if (!req.url.startsWith('/build/')) return serveFile(req, res);
  rebuilding ??= freshBuild().finally(() => { rebuilding = null; });
  const serve = () => serveFile(req, res);
  rebuilding.then(serve, serve);
}

function listen(port, triesLeft) {
  const server = createServer(handle);
  server.once('error', (err) => {
    if (err.code === 'EADDRINUSE' && port !== 0 && triesLeft > 1) {
      listen(port + 1, triesLeft - 1);
    } else {
      process.stderr.write(`storydiff: cannot listen on ${HOST}:${port}: ${err.message}\n`);
      process.exit(1);
    }
  });
  server.listen(port, HOST, () => {
    const actual = server.address().port;
    process.stdout.write(`storydiff: http://localhost:${actual}/www/\n`);
    const stop = () => {
      server.close(() => process.exit(0));
      server.closeAllConnections();
      setTimeout(() => process.exit(0), 1000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

const requested = process.env.PORT === undefined || process.env.PORT === '' ? 8080 : Number(process.env.PORT);
if (!Number.isInteger(requested) || requested < 0 || requested > 65535) {
  process.stderr.write(`storydiff: PORT must be a port number (got "${process.env.PORT}")\n`);
  process.exit(1);
}
listen(requested, TRIES);
