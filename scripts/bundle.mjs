#!/usr/bin/env node
// Bundles the page's scripts for loading (run by scripts/build.sh after the wasm build):
//
//   build/app.js      www/app.js with everything it imports (the element's modules, js/*.js):
//                     what www/index.html loads, one request instead of some thirty
//   build/worker.js   js/worker.js with the wasm-bindgen glue it imports: the comparison worker
//                     the bundled element starts
//   build/seeds.json  the seed articles (seeds/index.json and the files it lists) in one file,
//                     [{ name, text }]: the page's demo, one request instead of one and then five
//   build/*.map       source maps: the browser's developer tools show the modules of js/ and www/
//   build/meta.json   esbuild's metafile: which sources went into the bundles (scripts/serve.mjs
//                     rebuilds when one of them is newer than the bundles)
//
//   node scripts/bundle.mjs
//
// The sources stay one module per concern (js/element/*.js): the bundle is only how the page
// loads them (one ES module graph of ~35 files cost about 200 ms before the seeds could even be
// fetched, measured in Chromium). The npm package ships the sources as they are (package.json
// "exports"); a consumer's own bundler puts them together.
//
// `new URL('relative', import.meta.url)` (the worker, the wasm, the vectors) is resolved against
// the source file and rewritten relative to build/, and the element's worker URL points at the
// worker bundle: the bundles work from build/ as the sources do from js/.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const OUT = join(ROOT, 'build');
const ENTRIES = { app: 'www/app.js', worker: 'js/worker.js' };
// Source files the bundles stand in for: a URL to one of them points at its bundle instead.
const BUNDLED = new Map(Object.entries(ENTRIES).map(([name, src]) => [join(ROOT, src), join(OUT, `${name}.js`)]));

// `new URL('…', import.meta.url)` with a plain string literal.
const URL_REF = /new URL\((['"])([^'"`$]+)\1,\s*import\.meta\.url\)/g;

/** An esbuild plugin: rewrites each file's URLs relative to itself into URLs relative to build/. */
const urlsFromBuild = {
  name: 'urls-from-build',
  setup(build) {
    build.onLoad({ filter: /\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const contents = source.replace(URL_REF, (all, quote, ref) => {
        const target = resolve(dirname(args.path), ref);
        let rel = relative(OUT, BUNDLED.get(target) ?? target).split('\\').join('/');
        if (!rel.startsWith('.')) rel = `./${rel}`;
        return `new URL(${quote}${rel}${quote}, import.meta.url)`;
      });
      return { contents, loader: 'js' };
    });
  },
};

/** The seed articles as seeds/index.json lists them (file names, named by their file name). */
function seedList() {
  const list = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8'));
  if (!Array.isArray(list) || !list.every((f) => typeof f === 'string')) throw new Error('seeds/index.json must list file names');
  return list.map((f) => ({ name: f, file: join('seeds', f) }));
}

/** Builds the bundles into build/; resolves to esbuild's metafile. */
export async function bundle({ quiet = false } = {}) {
  const esbuild = await import('esbuild');
  // Written over, not emptied first: when a build fails, the bundles built before stay.
  mkdirSync(OUT, { recursive: true });
  const common = {
    absWorkingDir: ROOT,
    outdir: OUT,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: 'linked',
    sourcesContent: true,
    metafile: true,
    logLevel: quiet ? 'error' : 'warning',
    plugins: [urlsFromBuild],
  };
  // One file each, no shared chunks: a chunk imported by a bundle is one more request, one after
  // the other, before it can run. (The page's import() of js/index.js, the engine on the main
  // thread where there are no workers, is inlined too: 15 kB.)
  const [page, worker] = await Promise.all([
    esbuild.build({ ...common, entryPoints: [{ in: ENTRIES.app, out: 'app' }] }),
    esbuild.build({ ...common, entryPoints: [{ in: ENTRIES.worker, out: 'worker' }] }),
  ]);
  const result = { metafile: { inputs: { ...page.metafile.inputs, ...worker.metafile.inputs }, outputs: { ...page.metafile.outputs, ...worker.metafile.outputs } } };
  const seeds = seedList();
  const seedsJson = JSON.stringify(seeds.map(({ name, file }) => ({ name, text: readFileSync(join(ROOT, file), 'utf8') })));
  writeFileSync(join(OUT, 'seeds.json'), seedsJson);
  for (const { file } of seeds) result.metafile.inputs[file] = { bytes: 0, imports: [] };
  result.metafile.inputs['seeds/index.json'] = { bytes: 0, imports: [] };
  result.metafile.outputs['build/seeds.json'] = { bytes: Buffer.byteLength(seedsJson), inputs: {} };
  writeFileSync(join(OUT, 'meta.json'), JSON.stringify(result.metafile));
  return result.metafile;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const meta = await bundle();
    for (const [file, out] of Object.entries(meta.outputs)) {
      if (!file.endsWith('.map')) console.log(`bundle: ${file} ${out.bytes} bytes`);
    }
  } catch (err) {
    if (err.code === 'ERR_MODULE_NOT_FOUND') console.error('bundle: esbuild is not installed: run npm install (or bash scripts/setup.sh)');
    else console.error(`bundle: ${err.message}`);
    process.exit(1);
  }
}
