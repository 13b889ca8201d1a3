#!/usr/bin/env node
// Scores the output of `cargo run --release --example paste_eval` (text cleaning on the pasted
// text of the benchmark's pages) with the benchmark's metric and run.mjs's headline rule, for a
// quick loop while working on `clean`; `npm run eval:extract` stays the evaluation of record.
//
//   cargo run --release --example paste_eval > target/extract-eval/paste.json
//   node scripts/extract-eval/paste-score.mjs target/extract-eval/paste.json [--worst N] [--titles] [--diff OLD.json]
//
// --worst N lists the N pages of lowest F1; --titles lists the headline misses (true, got);
// --diff OLD.json lists the pages whose F1 or headline verdict changed from OLD.json.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trueHeadline } from './capture.mjs';
import { aggregate, scorePage, titleRight } from './metric.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const data = [join(ROOT, '../shared/data/article-extraction-benchmark'), '/work/shared/data/article-extraction-benchmark']
  .find((d) => { try { readFileSync(join(d, 'ground-truth.json')); return true; } catch { return false; } });
const truth = JSON.parse(readFileSync(join(data, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();
const caps = Object.fromEntries(ids.map((id) => [id, JSON.parse(readFileSync(join(ROOT, 'target/extract-eval/capture', `${id}.json`), 'utf8'))]));
const headlines = Object.fromEntries(ids.map((id) => [id, trueHeadline(caps[id]).headline]));

function score(file) {
  const out = JSON.parse(readFileSync(file, 'utf8'));
  const pages = Object.fromEntries(ids.map((id) => {
    const p = out[id] || { articleBody: '', headline: null };
    const s = scorePage(truth[id].articleBody, p.articleBody);
    return [id, { ...s, title: p.headline, titleOk: !!headlines[id] && titleRight(headlines[id], p.headline) }];
  }));
  return { pages, agg: aggregate(ids.map((id) => pages[id])), right: ids.filter((id) => pages[id].titleOk).length };
}

const main = score(args[0]);
const site = (id) => (truth[id].url || '').replace(/^https?:\/\/(www\.)?/, '').split('/')[0];
const f = (x) => (x === null ? '  -  ' : x.toFixed(3));
console.log(`P=${f(main.agg.precision)} R=${f(main.agg.recall)} F1=${f(main.agg.f1)}  headline ${main.right}/${ids.filter((id) => headlines[id]).length}`);
const worst = Number(option('--worst') || 0);
if (worst) {
  for (const id of [...ids].sort((a, b) => main.pages[a].f1 - main.pages[b].f1).slice(0, worst)) {
    const p = main.pages[id];
    console.log(`${id.slice(0, 8)} ${site(id).padEnd(28)} P=${f(p.precision)} R=${f(p.recall)} F1=${f(p.f1)}`);
  }
}
if (args.includes('--titles')) {
  for (const id of ids.filter((id) => headlines[id] && !main.pages[id].titleOk)) {
    console.log(`${id.slice(0, 8)} ${site(id).padEnd(24)} want ${JSON.stringify(headlines[id])}\n${' '.repeat(33)} got  ${JSON.stringify(main.pages[id].title)}`);
  }
}
const old = option('--diff');
if (old) {
  const before = score(old);
  console.log(`before: P=${f(before.agg.precision)} R=${f(before.agg.recall)} F1=${f(before.agg.f1)}  headline ${before.right}`);
  for (const id of ids) {
    const a = before.pages[id];
    const b = main.pages[id];
    if (Math.abs(a.f1 - b.f1) > 0.001 || a.titleOk !== b.titleOk) {
      const t = a.titleOk === b.titleOk ? '' : b.titleOk ? '  headline now right' : `  headline now WRONG (${JSON.stringify(b.title)})`;
      console.log(`${id.slice(0, 8)} ${site(id).padEnd(28)} F1 ${f(a.f1)} -> ${f(b.f1)} (P ${f(a.precision)} -> ${f(b.precision)}, R ${f(a.recall)} -> ${f(b.recall)})${t}`);
    }
  }
}
