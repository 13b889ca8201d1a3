// Shared helpers for the node tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SEED_NAMES = JSON.parse(readFileSync(new URL('../../seeds/index.json', import.meta.url), 'utf8'));
export const seedPath = (name) => fileURLToPath(new URL(`../../seeds/${name}`, import.meta.url));
export const loadSeeds = () => SEED_NAMES.map((name) => ({ name, text: readFileSync(seedPath(name), 'utf8') }));

/** A string that is clearly not text but has no NUL (so the engine, not the JS check, refuses it). */
export function binaryWithoutNul() {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = 1 + ((i * 131 + 7) % 255);
  return bytes.toString('utf8');
}
