// The static file handler behind the page server (scripts/serve.mjs) and the consumer tests'
// servers (tests/consumers/): GET and HEAD only, no path outside the root, no dot-files or
// dot-folders, the MIME types a browser needs for ES modules and WebAssembly, nosniff, no caching.

import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Content types by file extension. */
export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream', // the sentence vectors (vectors/minilm-static.bin)
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** Maps a URL path to a file under `root`, or null when it would leave `root`, is hidden or cannot be decoded. */
function toFile(root, urlPath) {
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
  const file = resolve(root, normalize(join('.', ...parts)));
  if (file !== root && !file.startsWith(root + sep)) return null;
  return file;
}

/**
 * A request handler serving the files under `root` (a folder's index.html for the folder).
 * `home`: where `/` redirects to (default: none, `/` serves root/index.html).
 */
export function staticHandler(root, { home = null } = {}) {
  const base = resolve(root);

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
    if (home && url.pathname === '/') return send(res, 302, `see ${home}\n`, { Location: home });

    const file = toFile(base, url.pathname);
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

  return (req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'internal error\n');
      else res.destroy();
    });
  };
}
