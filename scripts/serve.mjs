#!/usr/bin/env node
// A small static file server for the page (no dependencies): serves the repository root, so
// that /www/ can import ../js/index.js and ../pkg/storydiff.js and fetch ../seeds/.
//
//   node scripts/serve.mjs          # port $PORT, else 8080 (or the next free one)
//   PORT=0 node scripts/serve.mjs   # any free port
//
// Prints `storydiff: http://localhost:PORT/www/` once it listens. HOST defaults to 127.0.0.1.

import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticHandler } from './static.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const HOST = process.env.HOST || '127.0.0.1';
const TRIES = 20;
const handle = staticHandler(ROOT, { home: '/www/' });

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
