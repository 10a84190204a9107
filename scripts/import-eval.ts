/**
 * npm run import:eval -- <folder…>
 *
 * Imports every page listed in each reference set's expected.jsonl (nothing is written) and
 * prints, set by set, every wrong field with what was expected and what was found, then the
 * per-field accuracy and the overall figure. A folder without expected.jsonl stands for the
 * reference sets below it (tests/fixtures/import-reference → its tune and holdout parts).
 * See /work/shared/reference-pages/README.md for the format.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { EVALUATED_FIELDS, scorePage, tallyScores, type ExpectedPage, type FieldScore } from '../src/import/evaluate.ts';
import { importBytes } from '../src/import/import-page.ts';

const USAGE = 'usage: npm run import:eval -- <folder with expected.jsonl, or a folder of such folders>…';
const folders = process.argv.slice(2);
if (folders.length === 0 || folders.some((folder) => folder.startsWith('-'))) {
  console.error(USAGE);
  process.exit(2);
}

/** The reference sets a folder names: itself, or every folder below it that holds an expected.jsonl. */
function referenceSets(folder: string): string[] {
  if (existsSync(join(folder, 'expected.jsonl'))) return [folder];
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((name) => referenceSets(join(folder, name)));
}

function readExpectations(set: string): ExpectedPage[] {
  return readFileSync(join(set, 'expected.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExpectedPage);
}

const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${((100 * part) / whole).toFixed(1)}%`);

/** Scores one set, printing its misses and figures; returns its scores. */
function evaluateSet(set: string): FieldScore[] {
  const expectations = readExpectations(set);
  const all: FieldScore[] = [];
  console.log(`== ${set} (${expectations.length} pages)`);
  for (const expected of expectations) {
    let scores: FieldScore[];
    try {
      // The file name goes along, as the batch importer passes it: a text export may date itself only there.
      const result = importBytes(readFileSync(join(set, expected.file)), { fileName: basename(expected.file) })[0];
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
  printTallies(all);
  return all;
}

function printTallies(scores: readonly FieldScore[]): void {
  console.log('\nfield        right / pages');
  for (const tally of tallyScores(scores)) {
    if (tally.field === 'overall') console.log(`\noverall      ${tally.right} / ${tally.total} fields right: ${percent(tally.right, tally.total)}`);
    else if (tally.field === 'sure') console.log(`without the annotator's unsure fields: ${tally.right} / ${tally.total}: ${percent(tally.right, tally.total)}`);
    else console.log(`${tally.field.padEnd(12)} ${String(tally.right).padStart(3)} / ${String(tally.total).padEnd(3)} ${percent(tally.right, tally.total)}`);
  }
}

const sets = folders.flatMap((folder) => {
  const found = referenceSets(folder);
  if (found.length === 0) {
    console.error(`${folder}: no expected.jsonl in it or in any folder below it`);
    process.exit(2);
  }
  return found;
});

const summary: Array<{ set: string; right: number; total: number }> = [];
for (const [index, set] of sets.entries()) {
  if (index > 0) console.log('');
  let scores: FieldScore[];
  try {
    scores = evaluateSet(set);
  } catch (error) {
    console.error(`cannot read ${join(set, 'expected.jsonl')}: ${(error as Error).message}`);
    process.exit(2);
  }
  const overall = tallyScores(scores).find((tally) => tally.field === 'overall')!;
  summary.push({ set, right: overall.right, total: overall.total });
}
if (summary.length > 1) {
  console.log('\nset                                        fields right');
  for (const { set, right, total } of summary) console.log(`${set.padEnd(42)} ${String(right).padStart(4)} / ${String(total).padEnd(4)} ${percent(right, total)}`);
}
