import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { collectInputs, runImport, toReport, writeAtomically } from '../../../src/import/run-import.ts';

const fixtures = new URL('../../fixtures/', import.meta.url).pathname;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gazette-import-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const seed = () => join(fixtures, 'scraped/seed-text-dump.txt');
const files = (root: string): string[] =>
  readdirSync(root, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(root, entry.name)) : [join(root, entry.name)],
  );

describe('runImport', () => {
  it("gives the importer each file's name, which may be all that dates a text export", async () => {
    const input = join(dir, '20190615_某镇防汛会议.txt');
    writeFileSync(input, '某镇召开防汛工作会议\n\n会议要求，各村要压实防汛责任，加强隐患排查，确保安全度汛，切实保障人民群众生命财产安全。\n');
    const [record] = (await runImport({ inputs: [input], out: join(dir, 'out'), dryRun: true })).records;
    expect(record).toMatchObject({ status: 'imported', fields: { title: '某镇召开防汛工作会议', date: '2019-06-15' } });
  });

  it('writes one file per announcement under <out>/<year>/ and is a no-op the second time', async () => {
    const out = join(dir, 'out');
    const first = await runImport({ inputs: [seed()], out });
    expect(first.counts).toEqual({ imported: 1, unchanged: 0, skipped: 0, failed: 0 });
    expect(first.records[0]!.output).toMatch(/\/2015\/jnsnjjc7gsjaqsq-[0-9a-f]{8}\.md$/);
    const second = await runImport({ inputs: [seed()], out });
    expect(second.records[0]!.status).toBe('unchanged');
    expect(files(out)).toHaveLength(1);
  });

  it('skips a file that exists with other content unless --force', async () => {
    const out = join(dir, 'out');
    const path = (await runImport({ inputs: [seed()], out })).records[0]!.output!;
    writeFileSync(path, 'edited by hand\n');
    const skipped = (await runImport({ inputs: [seed()], out })).records[0]!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toContain('exists with other content; --force overwrites it');
    expect(readFileSync(path, 'utf8')).toBe('edited by hand\n');
    expect((await runImport({ inputs: [seed()], out, force: true })).records[0]!.status).toBe('imported');
    expect(readFileSync(path, 'utf8')).toContain('title: 今年遂宁将建成7个省级安全社区');
  });

  it('writes nothing with --dry-run', async () => {
    const out = join(dir, 'out');
    const summary = await runImport({ inputs: [join(fixtures, 'scraped')], out, dryRun: true });
    expect(summary.counts.imported).toBe(10);
    expect(existsSync(out)).toBe(false);
  });

  it('imports the good inputs and fails the bad ones, one record per input', async () => {
    const out = join(dir, 'out');
    const summary = await runImport({ inputs: [join(fixtures, 'import-bad'), seed(), join(dir, 'missing.html')], out });
    expect(summary.counts).toEqual({ imported: 1, unchanged: 0, skipped: 0, failed: 8 });
    expect(summary.records.find((record) => record.input.endsWith('missing.html'))?.reason).toBe('cannot read: no such file or folder');
  });

  it('gives the same records on worker threads as on the main thread', async () => {
    const inputs = [join(fixtures, 'scraped'), join(fixtures, 'import-bad')];
    const single = await runImport({ inputs, out: join(dir, 'one'), dryRun: true, workers: 1 });
    const threaded = await runImport({ inputs, out: join(dir, 'one'), dryRun: true, workers: 2 });
    expect(threaded.records).toEqual(single.records);
  });

  it('reports a second input that would write the same file with other content', async () => {
    const out = join(dir, 'out');
    cpSync(seed(), join(dir, 'a.txt'));
    writeFileSync(join(dir, 'b.txt'), readFileSync(seed(), 'utf8').replace('记者采访了解到', '记者了解到'));
    const summary = await runImport({ inputs: [join(dir, 'a.txt'), join(dir, 'b.txt')], out });
    expect(summary.records.map((record) => record.status)).toEqual(['imported', 'skipped']);
  });
});

describe('collectInputs', () => {
  it('takes page files folder by folder in a stable order, leaving out hidden ones and expected.jsonl', () => {
    for (const path of ['b.html', 'a/z.txt', 'a-b.json', 'B.htm', 'a/expected.jsonl', 'a/image.png', '.cache/x.html', 'a/.hidden.txt']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '');
    }
    const { files: found, missing } = collectInputs([dir, join(dir, 'a/image.png'), join(dir, 'missing')]);
    expect(found.map((path) => path.slice(dir.length + 1))).toEqual(['a/z.txt', 'a-b.json', 'B.htm', 'b.html', 'a/image.png']);
    expect(missing.map((record) => [record.input.slice(dir.length + 1), record.reason])).toEqual([['missing', 'cannot read: no such file or folder']]);
  });
});

describe('toReport', () => {
  it('has exactly the documented keys on every record', async () => {
    const summary = await runImport({ inputs: [seed(), join(fixtures, 'import-bad/empty.txt')], out: join(dir, 'out'), dryRun: true });
    const report = toReport(summary.records);
    for (const record of report.records) expect(Object.keys(record)).toEqual(['input', 'status', 'output', 'fields', 'attachments', 'warnings', 'reason']);
    expect(report.records[1]).toMatchObject({ status: 'failed', output: null, reason: 'the file is empty' });
  });
});

describe('writeAtomically', () => {
  it('leaves only the final file behind', () => {
    const path = join(dir, 'deep/er/file.md');
    writeAtomically(path, 'a');
    writeAtomically(path, 'b');
    expect(readFileSync(path, 'utf8')).toBe('b');
    expect(readdirSync(join(dir, 'deep/er'))).toEqual(['file.md']);
  });
});
