#!/usr/bin/env node
// Scores any extractor's output with the benchmark's metric and the headline rule of run.mjs:
//   node scripts/extract-eval/score-json.mjs OUT.json [more.json ...]
// where each file is {"pages": {id: {"text": "...", "title": "..."}}} covering the 181 pages
// (the Rust extraction crates of docs/EXTRACTION.md's "Choosing a parser" were scored this way).
// True headlines come from run.mjs's captures (target/extract-eval/capture/): run it first.
import { readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trueHeadline } from './capture.mjs';
import { aggregate, scorePage, titleRight } from './metric.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const data = process.env.EXTRACT_DATA || (() => {
  const beside = join(ROOT, '../shared/data/article-extraction-benchmark');
  try {
    readFileSync(join(beside, 'ground-truth.json'));
    return beside;
  } catch {
    return '/work/shared/data/article-extraction-benchmark';
  }
})();
const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();
const headlines = Object.fromEntries(ids.map((id) => [id, trueHeadline(JSON.parse(readFileSync(join(ROOT, 'target/extract-eval/capture', `${id}.json`), 'utf8'))).headline]));
for (const file of process.argv.slice(2)) {
  const { pages } = JSON.parse(readFileSync(file, 'utf8'));
  const missing = ids.filter((id) => !pages[id]);
  if (missing.length) throw new Error(`${file}: ${missing.length} page(s) missing`);
  const agg = aggregate(ids.map((id) => scorePage(truth[id].articleBody, pages[id].text)));
  const withH = ids.filter((id) => headlines[id]);
  const right = withH.filter((id) => titleRight(headlines[id], pages[id].title)).length;
  const empty = ids.filter((id) => !(pages[id].text || '').trim()).length;
  console.log(`${basename(file).padEnd(28)} P=${agg.precision.toFixed(3)} R=${agg.recall.toFixed(3)} F1=${agg.f1.toFixed(3)}  headline ${right}/${withH.length}  empty ${empty}`);
}
