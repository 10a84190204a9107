/**
 * The announcement's title. Portals put it in many places and in many states of
 * repair: a meta tag (ArticleTitle), the 标题 row of a 政府信息公开 table, the
 * `<title>` with the site name before or after it, a heading split over lines. The
 * visible line that best matches those sources wins, because it is what readers saw.
 */
import { normaliseText } from '../dedup/normalise.ts';
import { isChromeLine } from './chrome.ts';
import { findDates } from './chinese-date.ts';
import { isBodyName } from './fields.ts';
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
 * Chooses an HTML page's title: the ArticleTitle (or og:title, or title) meta tag, else the
 * 标题 row of a 信息公开 table, else the visible line the `<title>` holds (or its longest
 * part), else the first heading. A candidate that is only the site's name (SiteName, the
 * last part of every `<title>`: 某县人民政府) is passed over. The choice must then agree with
 * the page: when nothing else the page says (`<title>`, `<h1>`, og:title, the first heading)
 * contains it or is contained in it, while two of those agree on another title, that title
 * wins.
 *
 * @example chooseHtmlTitle({ lines: ['首页', '关于春节放假的通知'], meta: new Map(), documentTitle: '关于春节放假的通知_某市政府', headings: [] })
 * // { title: '关于春节放假的通知', line: 1, from: 'document-title' }
 */
export function chooseHtmlTitle(input: HtmlTitleInput): TitleChoice | undefined {
  const sites = siteNames(input);
  const choice = firstHtmlTitle(input, sites);
  return confirmedByAgreement(choice, input, sites);
}

/**
 * The parts of a `<title>` that name the site rather than the article: the last part (…_中国政府网),
 * or a first part named like a site (万载县人民政府 | …), never the longest part.
 *
 * @example siteTitleParts('万载县人民政府 | 万载县2015年国民经济和社会发展统计公报') // ['万载县人民政府']
 */
export function siteTitleParts(documentTitle: string | undefined): string[] {
  if (!documentTitle) return [];
  const parts = tightenCjk(documentTitle)
    .split(/\s*(?:[_|｜]+|\s-\s|－|—{1,2}|-(?=[^-]{2,16}$))\s*/u)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const siteLike = (part: string) => /(?:人民政府|政府|网站|网|门户)$/u.test(part);
  // A <title> that is only a portal's name (某县人民政府) names no article at all.
  if (parts.length < 2) return parts.length === 1 && siteLike(parts[0]!) ? [parts[0]!] : [];
  const longest = Math.max(...parts.map((part) => visibleLength(part)));
  const names: string[] = [];
  // The last part names the site when it is shorter than the article's part or names a body (…_国家某局).
  if (visibleLength(parts.at(-1)!) < longest || /(?:局|委|院|部|厅|署|办|中心|政府|网站|网)$/u.test(parts.at(-1)!)) names.push(parts.at(-1)!);
  if (visibleLength(parts[0]!) < longest && siteLike(parts[0]!)) names.push(parts[0]!);
  return names;
}

/** Names the site goes by: its SiteName meta tag and the `<title>` parts that name it. */
function siteNames(input: HtmlTitleInput): Set<string> {
  const names = new Set<string>();
  const siteName = input.meta.get('sitename') ?? input.meta.get('og:site_name');
  if (siteName) names.add(normaliseText(siteName));
  for (const part of siteTitleParts(input.documentTitle)) names.add(normaliseText(part));
  names.delete('');
  return names;
}

function firstHtmlTitle(input: HtmlTitleInput, sites: ReadonlySet<string>): TitleChoice | undefined {
  const { lines, meta } = input;
  const isSite = (text: string) => sites.has(normaliseText(text));
  const metaTitle = [meta.get('articletitle'), meta.get('title'), meta.get('og:title')].find(
    (text) => text !== undefined && visibleLength(text) >= 4 && !isSite(text),
  );
  if (metaTitle) {
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
      if (key.length < 5 || line.length > 160 || !whole.includes(key) || isChromeLine(line) || sites.has(key)) return;
      if (best < 0 || key.length > normaliseText(lines[best]!).length) best = index;
    });
    const segments = titleSegments(input.documentTitle).filter((segment) => !isSite(segment));
    // A visible line that is a whole part of the <title>: both say it is the title.
    if (best >= 0 && segments.some((segment) => normaliseText(segment) === normaliseText(lines[best]!))) {
      return { title: tightenCjk(lines[best]!), line: best, from: 'document-title' };
    }
    const longest = segments[0] ?? '';
    // Either the line is most of the <title>, or the <title> is that line plus a column name after a space.
    const line = best >= 0 ? tightenCjk(lines[best]!) : '';
    const covers = best >= 0 && normaliseText(line).length >= normaliseText(longest).length * 0.8;
    if (covers || (line && longest.startsWith(line) && /^\s/u.test(longest.slice(line.length)))) {
      return { title: tightenCjk(lines[best]!), line: best, from: 'document-title' };
    }
    if (visibleLength(longest) >= 5) return { title: longest, line: findTitleLine(lines, longest), from: 'document-title' };
  }
  const heading = input.headings.find((text) => visibleLength(text) >= 5 && !isChromeLine(text) && !isSite(text));
  if (heading) return { title: tightenCjk(heading), line: lines.indexOf(heading), from: 'heading' };
  return undefined;
}

/** Whether two titles are one title as two sources give it (one holds the other). */
function agree(a: string, b: string): boolean {
  const x = normaliseText(a);
  const y = normaliseText(b);
  return x.length >= 4 && y.length >= 4 && (x.includes(y) || y.includes(x));
}

function confirmedByAgreement(choice: TitleChoice | undefined, input: HtmlTitleInput, sites: ReadonlySet<string>): TitleChoice | undefined {
  const documentTitle = input.documentTitle ? titleSegments(input.documentTitle).find((segment) => !sites.has(normaliseText(segment))) : undefined;
  const heading = input.headings.find((text) => visibleLength(text) >= 5 && !isChromeLine(text) && !sites.has(normaliseText(text)));
  const offered: Array<{ text: string | undefined; from: TitleChoice['from'] }> = [
    { text: input.meta.get('og:title'), from: 'meta' },
    { text: documentTitle, from: 'document-title' },
    { text: heading, from: 'heading' },
    { text: input.meta.get('articletitle'), from: 'meta' },
  ];
  const sources = offered.flatMap(({ text, from }) => (text !== undefined && visibleLength(text) >= 4 ? [{ text, from }] : []));
  const support = (text: string) => sources.filter((source) => source.text !== text && agree(source.text, text)).length;
  if (choice && support(choice.title) > 0) return choice;
  // Two sources agreeing on another title outvote one the page does not otherwise show.
  const agreed = sources.filter((source) => (!choice || !agree(source.text, choice.title)) && support(source.text) >= 2);
  if (agreed.length === 0) return choice;
  // The visible, shortest form: <title> and og:title often add the site's name to the <h1>.
  const best = [...agreed].sort((a, b) => normaliseText(a.text).length - normaliseText(b.text).length)[0]!;
  const title = tightenCjk(best.text);
  return { title, line: findTitleLine(input.lines, title), from: best.from };
}

/** Options for {@link chooseTextTitle}. */
export interface TextTitleOptions {
  /** How many non-empty lines from the top may hold the title (default 15). */
  window?: number;
}

/**
 * A text dump's title. Candidates are the short lines near the top that are not chrome,
 * navigation, a date, a label, a 文号 or a sentence (a line may begin with a date-time when
 * text follows: court notices list hearings so). The title is the candidate standing right
 * above the page's meta line (a date, a 来源 or 发布 label), else the first candidate with a
 * dated meta line in the score of lines below it (a 信息公开 list), else, for documents that carry no date at all (decrees,
 * notices exported without their page), the first line of the dump when the body follows it.
 * A title split over two lines (`中国人民银行 国家外汇管理局` / `关于…的通知`, `…公告` /
 * `（2007）第21号`) is joined. A dump with none of these has no title: the importer must not
 * invent one.
 *
 * @example chooseTextTitle(['2020-07-14', '', '今年遂宁将建成7个省级安全社区', '• 2015年05月20日 17时18分'])?.line // 2
 */
export function chooseTextTitle(lines: readonly string[], options: TextTitleOptions = {}): TitleChoice | undefined {
  const nonEmpty = lines.flatMap((line, index) => (line ? [index] : []));
  // The title and the meta block come before the body: once prose has begun, a short line is
  // a section heading (一、…) and a dated line a sentence of the body.
  const firstProse = nonEmpty.findIndex((index) => isProse(lines[index]!));
  const top = nonEmpty.slice(0, Math.min(options.window ?? 15, firstProse < 0 ? Infinity : firstProse));
  const candidates = top.filter((index) => isTitleLike(lines[index]!));
  if (candidates.length === 0) return undefined;
  const position = (index: number) => nonEmpty.indexOf(index);

  // Right above the meta line: navigation and breadcrumbs come before the title, not between.
  // A date under the issuer's name closes the document (落款); it is no meta line.
  const firstMeta = top.find((index, at) => isMetaLine(lines[index]!) && !(at > 0 && isBodyName(lines[top[at - 1]!]!) && isCrawlDate(lines[index]!)));
  if (firstMeta !== undefined) {
    const above = candidates.filter((index) => index < firstMeta && position(firstMeta) - position(index) <= 3);
    // Not the site's name standing over it (某县人民政府), nor a subtitle (——记…) under it.
    const startsSplitTitle = (index: number) => lines[index + 1] !== undefined && finishesTitle(lines[index]!, lines[index + 1]!);
    const titled = above.filter((index) => (!isBodyName(lines[index]!) || startsSplitTitle(index)) && !/^[—–－-]/u.test(lines[index]!));
    const chosen = titled.find((index) => !isContinuation(lines, index, titled)) ?? above[0];
    if (chosen !== undefined) return joined(lines, chosen, firstMeta);
  }
  for (const index of candidates) {
    const window = nonEmpty.slice(position(index) + 1, position(index) + 20).map((next) => lines[next]!);
    if (window.some((next) => findDates(next).length > 0 && isMetaLine(next))) return joined(lines, index, undefined);
  }
  // No date anywhere near: a document exported without its page. Its first line (after a crawl
  // date) is the title when the document follows it.
  const first = nonEmpty.find((index) => !isCrawlDate(lines[index]!));
  if (first !== undefined && candidates[0] === first) {
    const rest = nonEmpty.slice(position(first) + 1, position(first) + 6).map((next) => lines[next]!);
    if (rest.some((next) => isProse(next) || isDocumentNumberLine(next))) return joined(lines, first, undefined);
  }
  return undefined;
}

/** The chosen line, with the line after it when that line finishes the title. */
function joined(lines: readonly string[], index: number, meta: number | undefined): TitleChoice {
  const line = lines[index]!;
  const next = lines.findIndex((text, at) => at > index && text !== '');
  const second = next >= 0 && next === index + 1 && next !== meta ? lines[next]! : undefined;
  if (second !== undefined && finishesTitle(line, second)) return { title: tightenCjk(`${line}${second}`), line: index, from: 'text' };
  return { title: tightenCjk(line), line: index, from: 'text' };
}

/** A line that is the second half of a title split after its issuers or before its number. */
function finishesTitle(first: string, second: string): boolean {
  if (isMetaLine(second) || visibleLength(second) > 60) return false;
  // 中国人民银行公告 / （2007）第 21 号: the kind of document, then its number.
  if (/(?:公告|通告|公报)$/u.test(first) && /^[（(][^）)]{1,12}[）)]\s*第?\s*\d+\s*号$|^第\s*\d+\s*号$/u.test(second.trim())) return true;
  // 中国人民银行 国家外汇管理局 / 关于提升…的通知: the issuers of a joint document, then the
  // subject. One body alone over a 关于 line is more often the site's banner than half a title.
  const issuers = first.split(/\s+/u);
  return isTitleLike(second) && /^关于/u.test(second) && issuers.length >= 2 && issuers.every((word) => BODY_END.test(word));
}

// How names of bodies end: 行, 局, 委, 会, 部, 院, 厅, 署, 办, 府, 中心.
const BODY_END = /(?:行|局|委|会|部|院|厅|署|办|府|中心|公司|政府)$/u;

/** The second line of a split title is not a title on its own. */
function isContinuation(lines: readonly string[], index: number, candidates: readonly number[]): boolean {
  const previous = candidates.filter((other) => other < index).at(-1);
  return previous !== undefined && previous === index - 1 && finishesTitle(lines[previous]!, lines[index]!);
}

function isCrawlDate(line: string): boolean {
  const date = findDates(line)[0];
  return date !== undefined && date.index === 0 && date.length === line.trim().length;
}

/** A line with the page's metadata: a date, or a 来源 / 发布 / 作者 label. */
function isMetaLine(line: string): boolean {
  if (line.length > 120 || line.endsWith('。') || (visibleLength(line) > 40 && /[，。；]/u.test(line))) return false;
  if (/(?:来源|发布时间|发布日期|发稿时间|作者|发布机构|索引号|浏览次数|点击数)\s*[:：]/u.test(line)) return true;
  const date = findDates(line)[0];
  if (!date) return false;
  const rest = (line.slice(0, date.index) + line.slice(date.index + date.length)).trim();
  return visibleLength(rest) <= 20 || /[:：]/u.test(rest);
}

/**
 * Running text: long enough and punctuated like sentences. A comma alone does not make
 * prose: titles list parties or bodies with one (…有限公司,…有限公司…纠纷).
 */
function isProse(line: string): boolean {
  if (visibleLength(line) < 20) return false;
  return /[。；;！？]/u.test(line) || (line.match(/[，,]/gu)?.length ?? 0) >= 2;
}

// 发改价格[2016]557号, 银发〔2023〕231号, 第737号: a whole line that is a document number.
const DOCUMENT_NUMBER_LINE = /^(?:[\p{Script=Han}A-Za-z]{1,16}\s*)?[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]\s*第?\s*\d+\s*号$|^第\s*\d+\s*号$/u;

/** A line that is only a 文号 (never a title, though it stands where titles do). */
export function isDocumentNumberLine(line: string): boolean {
  const text = line.trim();
  return DOCUMENT_NUMBER_LINE.test(text) && !/(?:公告|通告|令|公报|决定)\s*[〔［\[（(【]/u.test(text);
}

/**
 * A menu: three or more short words in a row (首页 政务公开 政务服务 互动交流), unless every
 * word names a body (the issuers of a joint notice: 中国人民银行 发展改革委 证监会).
 */
function isNavigation(line: string): boolean {
  const words = line.split(/[\s|｜丨·•]+/u).filter((word) => word !== '');
  if (words.length < 3 || !words.every((word) => visibleLength(word) <= 6) || /[，。；,;：:]/u.test(line)) return false;
  return !words.every((word) => BODY_END.test(word));
}

// 一、总则 / （二）… / 第三章 …: a section of the body, never the document's title.
const SECTION_HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十百零〇\d]+[章节条篇部分])/u;

function isTitleLike(line: string): boolean {
  const length = visibleLength(line);
  if (length < 4 || length > 120) return false;
  if (isChromeLine(line) || TERMINAL_PUNCTUATION.test(line) || line.endsWith('。')) return false;
  if (/^[^：:]{1,8}[:：]/u.test(line) || isNavigation(line) || isDocumentNumberLine(line) || SECTION_HEADING.test(line)) return false;
  const date = findDates(line)[0];
  if (!date || date.index !== 0) return length <= 80;
  // A line may open with a date-time when a title follows (2018-10-17 08:00在…开庭审理…).
  const rest = line.slice(date.length).trim();
  return visibleLength(rest) >= 8 && !/[:：]/u.test(rest.slice(0, 10)) && findDates(rest).length === 0;
}
