/**
 * Scoring an import against hand-checked expectations (a reference folder's
 * expected.jsonl): is each field what a careful reader of the page would write down?
 * Pure comparisons; scripts/import-eval.ts does the reading and printing.
 */
import { findRepeatedRuns } from '../dedup/repeated-runs.ts';
import { findDates } from './chinese-date.ts';
import type { PageImport } from './import-page.ts';

/** One line of expected.jsonl (the fields the evaluation uses). */
export interface ExpectedPage {
  file: string;
  title: string | null;
  /** As the page shows it: `2019-09-18 06:23`, `2019-03-06`, `2017-05-15 10:49:00`. */
  date: string | null;
  source: string | null;
  editor: string | null;
  duplicated_body: boolean;
  /** Fields whose expected value the annotator was unsure about, e.g. `date (meta only …)`. */
  unsure?: string[];
  extra?: Record<string, string>;
}

export const EVALUATED_FIELDS = ['title', 'date', 'source', 'editor', 'body_once', 'no_chrome'] as const;
export type EvaluatedField = (typeof EVALUATED_FIELDS)[number];

export interface FieldScore {
  field: EvaluatedField;
  ok: boolean;
  expected: string;
  actual: string;
  /** The annotator marked this field unsure. */
  unsure: boolean;
}

const comparable = (text: string) => text.normalize('NFKC').replace(/\s+/gu, '');

/**
 * True when the imported date equals the expected one at the precision the page
 * shows: a day-only page must import as a day, a minute as that minute.
 *
 * @example sameDateAsShown('2015-05-20T17:18:00+08:00', '2015-05-20 17:18') // true
 * @example sameDateAsShown('2015-05-20T17:18:00+08:00', '2015-05-20') // false: the page shows only a day
 */
export function sameDateAsShown(actual: string | undefined, expected: string | null): boolean {
  if (expected === null) return actual === undefined;
  if (actual === undefined) return false;
  const want = findDates(expected)[0];
  const got = findDates(actual)[0];
  if (!want || !got) return false;
  if (want.year !== got.year || want.month !== got.month || want.day !== got.day) return false;
  if (want.precision === 'day') return got.precision === 'day';
  if (got.precision === 'day' || want.hour !== got.hour || want.minute !== got.minute) return false;
  return want.precision !== 'second' || want.second === got.second;
}

/** Words that only portal furniture uses; any body block holding one failed to strip chrome. */
const CHROME_MARKERS = [
  '扫一扫', '【字体', '字体：', '字号：', '打印本页', '关闭窗口', '【打印】', '【关闭】', '分享到', '主办单位', '运行维护单位',
  '网站标识码', 'ICP备', '公网安备', '长者专区', '手机版', '电脑版', '上一篇', '下一篇', '浏览次数', '访问量', '返回顶部', '版权所有',
];

/**
 * Lists the body's blocks that look like chrome (empty when the body is clean).
 *
 * @example chromeLeft('正文。\n\n扫一扫在手机打开当前页\n') // ['扫一扫在手机打开当前页']
 */
export function chromeLeft(body: string): string[] {
  return body
    .split(/\n{2,}/)
    .map((block) => block.trim())
    .filter((block) => block !== '' && block.length <= 120 && CHROME_MARKERS.some((marker) => block.includes(marker)));
}

/** True when no long run of the body's blocks stands twice (a doubled article). */
export function bodyKeptOnce(body: string): boolean {
  return findRepeatedRuns(body.split(/\n{2,}/)).length === 0;
}

/** Right and total fields of one field (or of all), for the figures a reference set reports. */
export interface FieldTally {
  field: EvaluatedField | 'overall' | 'sure';
  right: number;
  total: number;
}

/**
 * Per-field accuracy of a set's scores, then the overall figure and the figure without the
 * annotator's unsure fields.
 *
 * @example tallyScores(scores).at(-2) // { field: 'overall', right: 84, total: 96 }
 */
export function tallyScores(scores: readonly FieldScore[]): FieldTally[] {
  const count = (list: readonly FieldScore[]) => list.filter((score) => score.ok).length;
  const tallies: FieldTally[] = EVALUATED_FIELDS.map((field) => {
    const of = scores.filter((score) => score.field === field);
    return { field, right: count(of), total: of.length };
  });
  const sure = scores.filter((score) => !score.unsure);
  tallies.push({ field: 'overall', right: count(scores), total: scores.length }, { field: 'sure', right: count(sure), total: sure.length });
  return tallies;
}

/**
 * Scores one imported page against its expectation.
 *
 * @example scorePage(importBytes(bytes)[0]!, expected).filter((score) => !score.ok)
 */
export function scorePage(result: PageImport, expected: ExpectedPage): FieldScore[] {
  const unsureFields = new Set((expected.unsure ?? []).map((note) => note.split(/[\s(（]/u)[0]));
  const fields = result.fields;
  const text = (value: string | null | undefined) => (value === null || value === undefined ? '∅' : value);
  const same = (actual: string | undefined, want: string | null) =>
    want === null ? actual === undefined : actual !== undefined && comparable(actual) === comparable(want);
  const left = chromeLeft(result.body);
  const scores: Omit<FieldScore, 'unsure'>[] = [
    { field: 'title', ok: same(fields.title, expected.title), expected: text(expected.title), actual: text(fields.title) },
    { field: 'date', ok: sameDateAsShown(fields.date, expected.date), expected: text(expected.date), actual: text(fields.date) },
    { field: 'source', ok: same(fields.source, expected.source), expected: text(expected.source), actual: text(fields.source) },
    { field: 'editor', ok: same(fields.editor, expected.editor), expected: text(expected.editor), actual: text(fields.editor) },
    { field: 'body_once', ok: bodyKeptOnce(result.body), expected: 'body once', actual: bodyKeptOnce(result.body) ? 'body once' : 'body repeated' },
    { field: 'no_chrome', ok: left.length === 0, expected: 'no chrome', actual: left.length === 0 ? 'no chrome' : left.join(' / ').slice(0, 80) },
  ];
  return scores.map((score) => ({ ...score, unsure: unsureFields.has(score.field === 'body_once' ? 'duplicated_body' : score.field) }));
}
