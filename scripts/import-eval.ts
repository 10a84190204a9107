/**
 * npm run import:eval -- <folder>
 *
 * Imports every page listed in <folder>/expected.jsonl (nothing is written) and prints
 * per-page misses, per-field accuracy and the overall figure. The folder's pages are
 * read in place; see /work/shared/reference-pages/README.md for the format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVALUATED_FIELDS, scorePage, type ExpectedPage, type FieldScore } from '../src/import/evaluate.ts';
import { importBytes } from '../src/import/import-page.ts';

const folder = process.argv[2];
if (!folder || folder.startsWith('-')) {
  console.error('usage: npm run import:eval -- <folder with expected.jsonl>');
  process.exit(2);
}

let expectations: ExpectedPage[];
try {
  expectations = readFileSync(join(folder, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExpectedPage);
} catch (error) {
  console.error(`cannot read ${join(folder, 'expected.jsonl')}: ${(error as Error).message}`);
  process.exit(2);
}

const all: FieldScore[] = [];
for (const expected of expectations) {
  let scores: FieldScore[];
  try {
    const result = importBytes(readFileSync(join(folder, expected.file)))[0];
    if (!result) throw new Error('no page in the file');
    scores = scorePage(result, expected);
  } catch (error) {
    console.log(`${expected.file}: could not import (${(error as Error).message})`);
    scores = EVALUATED_FIELDS.map((field) => ({ field, ok: false, expected: '', actual: 'import failed', unsure: false }));
  }
  all.push(...scores);
  const misses = scores.filter((score) => !score.ok);
  const mark = misses.length === 0 ? 'ok ' : 'MISS';
  console.log(`${mark} ${expected.file}${misses.map((m) => `\n       ${m.field}${m.unsure ? ' (unsure)' : ''}: expected ${m.expected}, got ${m.actual}`).join('')}`);
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);
console.log('\nfield        right / pages');
for (const field of EVALUATED_FIELDS) {
  const scores = all.filter((score) => score.field === field);
  const right = scores.filter((score) => score.ok).length;
  console.log(`${field.padEnd(12)} ${String(right).padStart(3)} / ${String(scores.length).padEnd(3)} ${percent(right, scores.length)}`);
}
const right = all.filter((score) => score.ok).length;
const sure = all.filter((score) => !score.unsure);
const sureRight = sure.filter((score) => score.ok).length;
console.log(`\noverall      ${right} / ${all.length} fields right: ${percent(right, all.length)}`);
console.log(`without the annotator's unsure fields: ${sureRight} / ${sure.length}: ${percent(sureRight, sure.length)}`);
