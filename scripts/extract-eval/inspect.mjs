#!/usr/bin/env node
// Shows why a page scores as it does for storydiff (or another system of scores.json):
//   node scripts/extract-eval/inspect.mjs ID-PREFIX [system]
// prints the lines of the ground truth that the system's text misses (most of their 4-grams
// absent) and the lines it keeps that the truth does not have. Run after run.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { shingles } from './metric.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'target/extract-eval');
const [prefix, system = 'storydiff'] = process.argv.slice(2);
const data = process.env.EXTRACT_DATA || '/work/shared/data/article-extraction-benchmark';
const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8'));
const id = Object.keys(truth).find((k) => k.startsWith(prefix));
if (!id) throw new Error(`no page ${prefix}`);
const pred = system === 'storydiff'
  ? readFileSync(join(OUT, 'storydiff', `${id}.txt`), 'utf8').split('\n==== removed spans ====')[0]
  : system === 'paste'
    ? JSON.parse(readFileSync(join(OUT, 'capture', `${id}.json`), 'utf8')).text
    : JSON.parse(readFileSync(join(OUT, `${system}.json`), 'utf8')).pages[id].text;
const scores = JSON.parse(readFileSync(join(OUT, 'scores.json'), 'utf8')).pages[id];
console.log(id, scores.url, JSON.stringify(scores.systems[system]));
const missing = (lines, other) => {
  const set = shingles(other);
  return lines.filter((l) => {
    const s = [...shingles(l).keys()];
    return s.length && s.filter((k) => !set.has(k)).length > s.length / 2;
  });
};
const cut = (l) => (l.length > 160 ? `${l.slice(0, 157)}...` : l);
const m = missing(truth[id].articleBody.split(/\n+/), pred);
console.log(`\n-- truth lines missed (${m.length}):`);
m.slice(0, 40).forEach((l) => console.log('  ', cut(l)));
const x = missing(pred.split(/\n+/), truth[id].articleBody);
console.log(`\n-- kept lines not in the truth (${x.length}):`);
x.slice(0, 60).forEach((l) => console.log('  ', cut(l)));
if (system === 'storydiff') {
  const removed = readFileSync(join(OUT, 'storydiff', `${id}.txt`), 'utf8').split('\n==== removed spans ====')[1] || '';
  const set = shingles(truth[id].articleBody);
  const lost = removed.split('\n').filter((l) => [...shingles(l).keys()].some((k) => set.has(k)));
  console.log(`\n-- removed spans that share 4-grams with the truth (${lost.length}):`);
  lost.slice(0, 30).forEach((l) => console.log('  ', cut(l)));
}
