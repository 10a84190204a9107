/**
 * The announcement's title. Portals put it in many places and in many states of
 * repair: a meta tag (ArticleTitle), the 标题 row of a 政府信息公开 table, the
 * `<title>` with the site name before or after it, a heading split over lines. The
 * visible line that best matches those sources wins, because it is what readers saw.
 */
import { normaliseText } from '../dedup/normalise.ts';
import { isChromeLine } from './chrome.ts';
import { findDates } from './chinese-date.ts';
import { TERMINAL_PUNCTUATION, tightenCjk, visibleLength } from './text-utils.ts';

/** The chosen title and the index of its visible line (-1 when it is not one line). */
export interface TitleChoice {
  title: string;
  line: number;
  /** Where it came from, for the report. */
  from: 'meta' | 'label' | 'document-title' | 'heading' | 'text' | 'export';
}

/**
 * Splits a `<title>` into its parts (article, column, site) and returns them, longest first.
 *
 * @example titleSegments('通知__2007年第23号国务院公报_中国政府网')[0] // '2007年第23号国务院公报'
 */
export function titleSegments(documentTitle: string): string[] {
  return tightenCjk(documentTitle)
    .split(/\s*(?:[_|｜]+|\s-\s|－|—{1,2}|-(?=[^-]{2,16}$))\s*/u)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '')
    .sort((a, b) => visibleLength(b) - visibleLength(a));
}

/**
 * The visible line (in the page's first part) that a known title matches: equal after
 * normalisation, or contained in it and covering at least `coverage` of it.
 */
export function findTitleLine(lines: readonly string[], title: string, coverage = 0.6): number {
  const key = normaliseText(title);
  if (!key) return -1;
  let best = -1;
  let bestLength = 0;
  lines.forEach((line, index) => {
    if (line.length > 160) return;
    const lineKey = normaliseText(line);
    if (lineKey.length < 4 || !key.includes(lineKey)) return;
    if (lineKey.length > bestLength) {
      best = index;
      bestLength = lineKey.length;
    }
  });
  return bestLength >= key.length * coverage ? best : -1;
}

export interface HtmlTitleInput {
  lines: readonly string[];
  meta: ReadonlyMap<string, string>;
  documentTitle?: string;
  headings: readonly string[];
  /** The value of a 标题 label in the page, if any. */
  labelled?: { value: string; line: number };
}

/**
 * Chooses an HTML page's title.
 *
 * @example chooseHtmlTitle({ lines: ['首页', '关于春节放假的通知'], meta: new Map(), documentTitle: '关于春节放假的通知_某市政府', headings: [] })
 * // { title: '关于春节放假的通知', line: 1, from: 'document-title' }
 */
export function chooseHtmlTitle(input: HtmlTitleInput): TitleChoice | undefined {
  const { lines, meta } = input;
  const metaTitle = meta.get('articletitle') ?? meta.get('title');
  if (metaTitle && visibleLength(metaTitle) >= 4) {
    const title = tightenCjk(metaTitle);
    return { title, line: findTitleLine(lines, title), from: 'meta' };
  }
  if (input.labelled && visibleLength(input.labelled.value) >= 4) {
    return { title: tightenCjk(input.labelled.value), line: input.labelled.line, from: 'label' };
  }
  if (input.documentTitle) {
    // The longest visible line contained in <title> is the article's title as shown.
    const whole = normaliseText(input.documentTitle);
    let best = -1;
    lines.forEach((line, index) => {
      const key = normaliseText(line);
      if (key.length < 5 || line.length > 160 || !whole.includes(key) || isChromeLine(line)) return;
      if (best < 0 || key.length > normaliseText(lines[best]!).length) best = index;
    });
    const segments = titleSegments(input.documentTitle);
    const longest = segments[0] ?? '';
    // Either the line is most of the <title>, or the <title> is that line plus a column name after a space.
    const line = best >= 0 ? tightenCjk(lines[best]!) : '';
    const covers = best >= 0 && normaliseText(line).length >= normaliseText(longest).length * 0.8;
    if (covers || (line && longest.startsWith(line) && /^\s/u.test(longest.slice(line.length)))) {
      return { title: tightenCjk(lines[best]!), line: best, from: 'document-title' };
    }
    if (visibleLength(longest) >= 5) return { title: longest, line: findTitleLine(lines, longest), from: 'document-title' };
  }
  const heading = input.headings.find((text) => visibleLength(text) >= 5 && !isChromeLine(text));
  if (heading) return { title: tightenCjk(heading), line: lines.indexOf(heading), from: 'heading' };
  return undefined;
}

/**
 * A text dump's title: the first short line that is not chrome, a date, a label or
 * a sentence, and that has a date within the next few lines (the page's meta line).
 * A dump with no such line has no title; the importer must not invent one.
 *
 * @example chooseTextTitle(['2020-07-14', '', '今年遂宁将建成7个省级安全社区', '• 2015年05月20日 17时18分'])?.line // 2
 */
export function chooseTextTitle(lines: readonly string[]): TitleChoice | undefined {
  const nonEmpty = lines.flatMap((line, index) => (line ? [index] : []));
  for (let position = 0; position < nonEmpty.length && position < 12; position++) {
    const index = nonEmpty[position]!;
    const line = lines[index]!;
    if (!isTitleLike(line)) continue;
    // The meta block (dates, 来源, a 信息公开 list) follows within a score of lines.
    const window = nonEmpty.slice(position + 1, position + 20).map((next) => lines[next]!);
    if (window.some((next) => findDates(next).length > 0)) return { title: tightenCjk(line), line: index, from: 'text' };
  }
  return undefined;
}

function isTitleLike(line: string): boolean {
  const length = visibleLength(line);
  if (length < 4 || length > 80) return false;
  if (isChromeLine(line) || TERMINAL_PUNCTUATION.test(line) || line.endsWith('。')) return false;
  if (/^[^：:]{1,8}[:：]/u.test(line)) return false;
  const date = findDates(line)[0];
  return !(date && date.index === 0);
}
