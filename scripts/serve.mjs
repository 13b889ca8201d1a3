#!/usr/bin/env node
// A small static file server for the page (no dependencies): serves the repository root, so
// that /www/ can import ../js/index.js and ../pkg/storydiff.js and fetch ../seeds/.
//
//   node scripts/serve.mjs          # port $PORT, else 8080 (or the next free one)
//   PORT=0 node scripts/serve.mjs   # any free port
//
// Prints `storydiff: http://localhost:PORT/www/` once it listens. HOST defaults to 127.0.0.1.

import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME } from './mime.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = process.env.HOST || '127.0.0.1';
const TRIES = 20;

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** Maps a URL path to a file under ROOT, or null when it would leave ROOT or is hidden. */
function toFile(urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const parts = path.split(/[\\/]+/).filter(Boolean);
  // No dot-files or dot-folders (.git, .ci, ...), and no `..` segments at all.
  if (parts.some((p) => p.startsWith('.'))) return null;
  const file = resolve(ROOT, normalize(join('.', ...parts)));
  if (file !== ROOT && !file.startsWith(ROOT + sep)) return null;
  return file;
}

async function handle(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
  }
  let url;
  try {
    url = new URL(req.url, 'http://localhost');
  } catch {
    return send(res, 400, 'bad request\n');
  }
  if (url.pathname === '/') return send(res, 302, 'see /www/\n', { Location: '/www/' });

  const file = toFile(url.pathname);
  if (!file) return send(res, 403, 'forbidden\n');

  let target = file;
  let stat;
  try {
    stat = await fs.stat(target);
    if (stat.isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        return send(res, 301, 'moved\n', { Location: url.pathname + '/' + url.search });
      }
      target = join(target, 'index.html');
      stat = await fs.stat(target);
    }
  } catch {
    return send(res, 404, 'not found\n');
  }
  if (!stat.isFile()) return send(res, 404, 'not found\n');

  res.writeHead(200, {
    'Content-Type': MIME[extname(target).toLowerCase()] || 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(target)
    .on('error', () => res.destroy())
    .pipe(res);
}

function listen(port, triesLeft) {
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    });
  });
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
