// A tiny static file server for the consumer tests: serves one folder on 127.0.0.1 (any free
// port), with the MIME types a browser needs for ES modules and WebAssembly.
import { createServer } from 'node:http';
import { createReadStream, promises as fs } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { MIME } from '../../scripts/mime.mjs';

/** Serves `root`; resolves to { url, close, requests } once listening. */
export function serve(root) {
  const base = resolve(root);
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    let file = resolve(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      let st = await fs.stat(file);
      if (st.isDirectory()) {
        file = join(file, 'index.html');
        st = await fs.stat(file);
      }
      res.writeHead(200, { 'Content-Type': MIME[extname(file)] || 'application/octet-stream', 'Content-Length': st.size, 'Cache-Control': 'no-store' });
      createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolveListen) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolveListen({
        url: `http://127.0.0.1:${port}/`,
        requests,
        close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }),
      });
    });
  });
}
