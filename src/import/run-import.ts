/**
 * A batch import: collect the input files, import each, write the announcements
 * atomically, and keep one record per input for the summary and the JSON report.
 * This is the only importer module that touches the file system.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { walkTree, type TreeEntry } from '../util/files.ts';
import { runInOrder, withWorkerPool } from '../util/worker-pool.ts';
import type { ImportedAttachment } from './attachment-links.ts';
import { importBytes, type ExtractedFields, type PageImport } from './import-page.ts';

/** One input's outcome, as written to `--report`. */
export interface ImportRecord {
  input: string;
  status: 'imported' | 'unchanged' | 'skipped' | 'failed';
  /** The announcement file written (or that would be, with --dry-run); null when none. */
  output: string | null;
  fields: ExtractedFields;
  /** The page's 附件, kept at their original addresses: the importer does not download them. */
  attachments: ImportedAttachment[];
  warnings: string[];
  reason: string | null;
}

export interface RunOptions {
  /** Files and folders to import; folders are searched recursively. */
  inputs: readonly string[];
  /** The announcements folder, e.g. content/announcements. */
  out: string;
  dryRun?: boolean;
  force?: boolean;
  /** Called after each input, for progress display. */
  onRecord?: (record: ImportRecord, done: number, total: number) => void;
  /**
   * Worker threads that read and parse pages; the default uses every core for
   * batches of more than 200 files. 1 imports on the main thread.
   */
  workers?: number;
}

export interface RunSummary {
  records: ImportRecord[];
  counts: Record<ImportRecord['status'], number>;
  seconds: number;
}

/** Extensions of scraped pages; anything else in a folder (images, notes) is not an input. */
const PAGE_EXTENSIONS = new Set(['.html', '.htm', '.shtml', '.xhtml', '.txt', '.text', '.jsonl', '.json', '.ndjson']);

/**
 * The files to import: files named directly are always taken (so a bad one is
 * reported), folders contribute their page files, sorted for a stable order.
 *
 * @example collectInputs(['tests/fixtures/scraped']).files // ['tests/fixtures/scraped/…', …]
 */
export function collectInputs(paths: readonly string[]): { files: string[]; missing: ImportRecord[] } {
  const files: string[] = [];
  const missing: ImportRecord[] = [];
  for (const path of paths) {
    try {
      if (statSync(path).isDirectory()) {
        // Pushed as found: a subfolder that cannot be read leaves the pages before it listed.
        for (const entry of walkTree(path, { order: (a, b) => a.localeCompare(b), descend: (folder) => !folder.name.startsWith('.') })) {
          if (isPageFile(entry)) files.push(entry.path);
        }
      } else files.push(path);
    } catch (error) {
      missing.push(failed(path, `cannot read: ${describeFsError(error)}`));
    }
  }
  return { files, missing };
}

function isPageFile(entry: TreeEntry): boolean {
  const { name } = entry;
  return entry.isFile && !name.startsWith('.') && PAGE_EXTENSIONS.has(extname(name).toLowerCase()) && name !== 'expected.jsonl';
}

function failed(input: string, reason: string, fields: ExtractedFields = {}, warnings: string[] = []): ImportRecord {
  return { input, status: 'failed', output: null, fields, attachments: [], warnings, reason };
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}

/**
 * Writes a file so that readers see the old content or the new, never half of it:
 * the text goes to a temporary file in the same folder, which is then renamed.
 */
export function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // Nothing was left behind.
    }
    throw error;
  }
}

function readExisting(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Imports every input. Never throws for a bad input: it becomes a failed record.
 *
 * @example (await runImport({ inputs: ['scraped/'], out: 'content/announcements' })).counts // { imported: 3, unchanged: 0, skipped: 0, failed: 1 }
 */
export async function runImport(options: RunOptions): Promise<RunSummary> {
  const started = performance.now();
  const { files, missing } = collectInputs(options.inputs);
  const records: ImportRecord[] = [...missing];
  const total = files.length + missing.length;
  missing.forEach((record, index) => options.onRecord?.(record, index + 1, total));
  const writtenThisRun = new Map<string, string>();
  const accept = (file: string, outcome: FileResults) => {
    for (const record of placeFile(file, outcome, options, writtenThisRun)) {
      records.push(record);
      options.onRecord?.(record, Math.min(records.length, total), total);
    }
  };

  const workers = Math.max(1, options.workers ?? (files.length > 200 ? availableParallelism() : 1));
  if (workers === 1) for (const file of files) accept(file, importFileResults(file));
  else await importInWorkers(files, workers, accept);

  const counts = { imported: 0, unchanged: 0, skipped: 0, failed: 0 };
  for (const record of records) counts[record.status]++;
  return { records, counts, seconds: (performance.now() - started) / 1000 };
}

/**
 * Parses files on worker threads and hands results back in input order, so the
 * outcome is the same as a single-threaded run.
 *
 * @throws when a worker fails, naming the file it was reading
 */
async function importInWorkers(files: readonly string[], count: number, accept: (file: string, outcome: FileResults) => void): Promise<void> {
  if (files.length === 0) return;
  const file = new URL('./import-worker.ts', import.meta.url);
  // Two files in flight per worker, both handed to it (the pool's default window), keep it busy while the main thread writes.
  await withWorkerPool<string, FileResults, void>({ file, threads: Math.min(count, files.length), eager: true, tasksPerThread: 2 }, (pool) =>
    runInOrder(pool, files, (input) => input, (outcome, index) => accept(files[index]!, outcome)),
  );
}

/** What importing one file produced: its pages, or why it could not be read. */
export interface FileResults {
  results?: PageImport[];
  error?: string;
}

/**
 * Reads and imports one file; never throws. Exported for the worker threads.
 *
 * @example importFileResults('seed.txt').results?.[0]?.fields.title
 */
export function importFileResults(file: string): FileResults {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    return { error: `cannot read: ${describeFsError(error)}` };
  }
  try {
    return { results: importBytes(bytes, { fileName: basename(file) }) };
  } catch (error) {
    // A bug in the importer must not stop the batch or print a stack trace.
    return { error: `the importer could not read this page (${(error as Error).message})` };
  }
}

function placeFile(file: string, outcome: FileResults, options: RunOptions, writtenThisRun: Map<string, string>): ImportRecord[] {
  if (!outcome.results) return [failed(file, outcome.error ?? 'not an announcement')];
  const results = outcome.results;
  return results.map((result, index) => {
    const input = results.length > 1 ? `${file}#${index + 1}` : file;
    return place(input, result, options, writtenThisRun);
  });
}

function place(input: string, result: PageImport, options: RunOptions, writtenThisRun: Map<string, string>): ImportRecord {
  if (!result.file) return failed(input, result.reason ?? 'not an announcement', result.fields, result.warnings);
  const output = join(options.out, result.file.year, `${result.file.id}.md`);
  const base = { input, output, fields: result.fields, attachments: result.attachments, warnings: result.warnings };
  const earlier = writtenThisRun.get(output);
  if (earlier !== undefined) {
    const same = readExisting(output) === result.file.text || options.dryRun;
    return same
      ? { ...base, status: 'unchanged', reason: `same announcement as ${earlier}` }
      : { ...base, status: 'skipped', reason: `${earlier} in this run already wrote ${output} with other content` };
  }
  const existing = readExisting(output);
  if (existing === result.file.text) {
    writtenThisRun.set(output, input);
    return { ...base, status: 'unchanged', reason: null };
  }
  if (existing !== undefined && !options.force) {
    return { ...base, status: 'skipped', reason: `${output} exists with other content; --force overwrites it` };
  }
  if (!options.dryRun) {
    try {
      writeAtomically(output, result.file.text);
    } catch (error) {
      return { ...base, status: 'failed', reason: `cannot write ${output}: ${describeFsError(error)}` };
    }
  }
  writtenThisRun.set(output, input);
  return { ...base, status: 'imported', reason: null };
}

/** The `--report` document: one record per input, keys in the documented order, paths as given. */
export function toReport(records: readonly ImportRecord[]): { records: ImportRecord[] } {
  return {
    records: records.map((record) => ({
      input: record.input,
      status: record.status,
      output: record.output,
      fields: record.fields,
      attachments: record.attachments,
      warnings: record.warnings,
      reason: record.reason,
    })),
  };
}
