/**
 * npm run import -- <files or folders…> [--out content/announcements] [--dry-run] [--force] [--report report.json]
 *
 * Turns scraped portal pages (text dumps, saved HTML, crawler fragments and exports)
 * into announcement Markdown files. A thin CLI over src/import/run-import.ts.
 */
import { parseArgs } from 'node:util';
import { runImport, toReport, writeAtomically, type ImportRecord } from '../src/import/run-import.ts';

const USAGE = 'usage: npm run import -- <files or folders…> [--out content/announcements] [--dry-run] [--force] [--report report.json]';

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'content/announcements' },
      'dry-run': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      report: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
if (args.values.help || args.positionals.length === 0) {
  console.error(USAGE);
  process.exit(args.values.help ? 0 : 2);
}

const tty = process.stdout.isTTY === true;
let lastDraw = 0;
const started = performance.now();

/** On a terminal a one-line bar redrawn at most ten times a second; in a log, one line per input. */
function progress(record: ImportRecord, done: number, total: number): void {
  if (!tty) {
    const detail = record.reason ? `: ${record.reason}` : record.output ? ` → ${record.output}` : '';
    console.log(`${record.status.padEnd(9)} ${record.input}${detail}`);
    return;
  }
  const now = performance.now();
  if (now - lastDraw < 100 && done < total) return;
  lastDraw = now;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const rate = done / Math.max((now - started) / 1000, 0.001);
  process.stdout.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)} pages/s`);
  if (done >= total) process.stdout.write('\n');
}

const summary = await runImport({
  inputs: args.positionals,
  out: args.values.out,
  dryRun: args.values['dry-run'],
  force: args.values.force,
  onRecord: progress,
});

if (tty) {
  // Failures and skips matter after the bar is gone: list them.
  for (const record of summary.records) {
    if (record.status === 'failed' || record.status === 'skipped') console.log(`${record.status.padEnd(9)} ${record.input}: ${record.reason}`);
  }
}

if (args.values.report) {
  try {
    writeAtomically(args.values.report, `${JSON.stringify(toReport(summary.records), null, 2)}\n`);
  } catch (error) {
    console.error(`cannot write the report ${args.values.report}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

// Attachments are linked where the page published them: say which, so none is mistaken for a copy here.
const withAttachments = summary.records.filter((record) => record.status !== 'failed' && record.attachments.length > 0);
for (const record of withAttachments) {
  console.log(`attachments ${record.input}: ${record.attachments.map((attachment) => `${attachment.title} <${attachment.url}>`).join('; ')}`);
}
if (withAttachments.length) {
  const kept = withAttachments.reduce((sum, record) => sum + record.attachments.length, 0);
  console.log(`${kept} attachment link(s) kept at their original addresses, not downloaded: copy a file beside its announcement and write it as attachments: [{ file }] to serve it from this site`);
}

const { counts, seconds } = summary;
const pages = summary.records.length;
const rate = pages / Math.max(seconds, 0.001);
console.log(
  `${args.values['dry-run'] ? '(dry run) ' : ''}imported ${counts.imported}, unchanged ${counts.unchanged}, skipped ${counts.skipped}, failed ${counts.failed}` +
    ` — ${pages} pages in ${seconds.toFixed(1)} s (${rate.toFixed(0)} pages/s)`,
);
if (counts.failed > 0) process.exitCode = 1;
