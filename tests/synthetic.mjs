// Long articles made up for load tests: the benchmark's pathological rows (bench/pathological.mjs)
// and the page test's long pasted articles (tests/e2e/page.mjs). Deterministic, so that a
// figure or a failure can be reproduced.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A deterministic stream of 32-bit numbers (xorshift32). */
export function rng(seed = 0x9e3779b9) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
}

let seedWords = null;
/** The distinct words (runs of letters) of the seed articles, lower-cased and sorted. */
function words() {
  if (seedWords) return seedWords;
  const names = JSON.parse(readFileSync(join(ROOT, 'seeds', 'index.json'), 'utf8'));
  const texts = names.map((n) => readFileSync(join(ROOT, 'seeds', n), 'utf8').toLowerCase());
  seedWords = [...new Set(texts.flatMap((t) => t.match(/\p{L}+/gu) ?? []))].sort();
  return seedWords;
}

/**
 * An article of at least `bytes` bytes of UTF-8 (it ends on a whole paragraph), the same for the
 * same arguments: sentences of 6 to 25 words drawn from the seeds' vocabulary, capitalised, with
 * commas, figures, question marks and some quotations, in paragraphs of one to five sentences
 * separated by blank lines. Word salad to a reader, but shaped like news to the engine.
 */
export function syntheticArticle(bytes, seed = 13) {
  const vocabulary = words();
  const next = rng(seed);
  const sentence = () => {
    const n = 6 + (next() % 20);
    const ws = [];
    for (let i = 0; i < n; i++) {
      let w = next() % 16 === 0 ? String(1 + (next() % 2_000)) : vocabulary[next() % vocabulary.length];
      if (i > 0 && i < n - 1 && next() % 10 === 0) w += ',';
      ws.push(w);
    }
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    const body = ws.join(' ');
    if (next() % 8 === 0) return `“${body},” the minister said.`;
    return body + (next() % 15 === 0 ? '?' : '.');
  };
  const paragraphs = [];
  for (let total = 0; total < bytes;) {
    const p = Array.from({ length: 1 + (next() % 5) }, sentence).join(' ');
    paragraphs.push(p);
    total += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * A long article for the page's tests and benchmark: `syntheticArticle` of `bytes` under a
 * paste's outlet line and a headline one of the seeds carries too, so that it joins their story.
 */
export function bigArticle(bytes) {
  return ['Big Wire', 'Trump is receptive to contacts with North Korean leader, White House says', syntheticArticle(bytes)].join('\n\n');
}
