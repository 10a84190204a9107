/**
 * Labelled fields in a page's visible text: 来源, 责任编辑, the publish date, and the
 * 政府信息公开 catalogue entries (索引号, 文号, 发布机构). Works on lines, so a text
 * dump, a saved portal page and a crawler fragment are read the same way.
 */
import { findDates, type FoundDate } from './chinese-date.ts';
import { SPACE, spacedLabel } from './text-utils.ts';

/** Labels that may follow a value on the same line; a value stops where one starts. */
const ALL_LABELS = [
  '信息来源', '文章来源', '稿件来源', '来源于', '来源', '作者', '发布时间', '发布日期', '发稿时间', '发表时间', '更新时间',
  '日期', '时间', '责任编辑', '责编', '编辑', '浏览次数', '浏览量', '访问量', '点击数', '点击量', '阅读次数', '阅读量',
  '字体', '字号', '文章类型', '索引号', '主题分类', '分类', '发文机关', '发文机构', '发布机构', '发文单位', '成文日期',
  '发文日期', '发文字号', '文号', '标题', '主题词', '有效性', '内容概述', '摄影', '通讯员', '记者', '审核', '核稿', '校对',
  '分享', '打印', '生效日期', '废止日期', '公开方式', '公开范围',
];
const LABEL_START = new RegExp(`(?:${ALL_LABELS.map(spacedLabel).join('|')})${SPACE}*[:：]`, 'u');
const COLON = `${SPACE}*[:：]${SPACE}*`;

/** A field value and the line it was read from. */
export interface LabelledValue {
  value: string | undefined;
  line: number;
}

export interface FindLabelOptions {
  /** Lines at or after this index are preferred (the title's line); earlier lines are a fallback. */
  after?: number;
  /** Ignore lines longer than this: labels sit in short meta lines, not in prose. */
  maxLineLength?: number;
  /** Keep spaces inside the value (titles) instead of taking its first word (names of bodies). */
  keepSpaces?: boolean;
  /**
   * The value may name several bodies separated by spaces (`中国人民银行 国家外汇管理局`):
   * words are kept while each reads as the name of a body, so a reporter's name after the
   * outlet (`中国新闻网 王帆`) is still left out.
   */
  organisations?: boolean;
  /** Only lines this accepts are read (a page region); all lines by default. */
  within?: (index: number) => boolean;
}

/**
 * The value after a label such as `来源：`, `发布机构：`, `索 引 号：` in the page's lines.
 * A label with nothing after it (`来源： 访问量：199`) yields an empty value, which
 * callers read as "the page says nothing"; a label alone on a line takes the next
 * line as its value (the list layout of 信息公开 pages).
 *
 * @param label a regular-expression source for the label (see {@link spacedLabel})
 * @example findLabelledValue(['来源: 遂宁市府'], '来源')?.value // '遂宁市府'
 */
export function findLabelledValue(lines: readonly string[], label: string, options: FindLabelOptions = {}): LabelledValue | undefined {
  return findAllLabelledValues(lines, label, options)[0];
}

/**
 * Every occurrence of a label, nearest the title first (see {@link findLabelledValue}).
 *
 * @example findAllLabelledValues(['标题', '来源：甲报', '正文', '（来源：乙报）'], '来源').map((found) => found.value) // ['甲报', '乙报']
 */
export function findAllLabelledValues(lines: readonly string[], label: string, options: FindLabelOptions = {}): LabelledValue[] {
  const { after = 0, maxLineLength = 120, keepSpaces = false, organisations = false, within } = options;
  const pattern = new RegExp(`(?:${label})${COLON}`, 'u');
  const found: LabelledValue[] = [];
  for (const index of searchOrder(lines.length, after)) {
    if (within && !within(index)) continue;
    const line = lines[index]!;
    if (line.length > maxLineLength) continue;
    const match = pattern.exec(line);
    if (!match) continue;
    let rest = line.slice(match.index + match[0].length);
    // A label alone on its line takes the next line as its value (the list layout of 信息公开
    // pages); one closing a line of other labels (日期：… 来源：) is simply empty.
    if (rest.trim() === '' && line.slice(0, match.index).trim() === '') {
      const next = nextNonEmpty(lines, index);
      if (next !== undefined && lines[next]!.length <= 60 && !LABEL_START.test(lines[next]!) && !/[，。；]/u.test(lines[next]!)) rest = lines[next]!;
    }
    found.push({ value: cutValue(rest, keepSpaces, organisations), line: index });
  }
  return found;
}

/**
 * Line indexes nearest the title first: meta lines sit just below it (or a few lines
 * above, on some portals); the same label far down is a byline or a disclaimer.
 */
function searchOrder(length: number, after: number): number[] {
  const distance = (index: number) => (index >= after ? index - after : (after - index) * 2);
  return Array.from({ length }, (_, index) => index).sort((a, b) => distance(a) - distance(b) || a - b);
}

function nextNonEmpty(lines: readonly string[], index: number): number | undefined {
  for (let i = index + 1; i < lines.length && i <= index + 2; i++) if (lines[i]!.trim()) return i;
  return undefined;
}

/** A value ends at the next label, a bracket or bar, a glued date, or a wide gap. */
function cutValue(rest: string, keepSpaces: boolean, organisations = false): string | undefined {
  let value = rest;
  const nextLabel = LABEL_START.exec(value);
  if (nextLabel) value = value.slice(0, nextLabel.index);
  value = value.split(/[【】\[\]|｜<>《》“”"]|\t/u)[0]!;
  const date = findDates(value)[0];
  if (date) value = value.slice(0, date.index) + value.slice(date.index + date.length);
  value = value.replace(/^[\s(（]+|[\s)）,，。;；]+$/gu, '').trim();
  if (!keepSpaces) {
    const words = value.split(/\s+/u);
    let kept = 1;
    if (organisations) while (kept < words.length && kept < 8 && isBodyName(words[kept]!)) kept++;
    value = words.slice(0, kept).join(' ');
  }
  return value === '' ? undefined : value;
}

// How names of bodies end (局, 委, 报, 社, 中心 …) and words only outlets use anywhere in the name.
const BODY_ENDING = /(?:报|社|网|台|局|委|办|院|部|厅|署|会|行|中心|政府|公司|集团|所|处|科|队|站|馆|刊|杂志|新闻|版|室|组|团|校|大学|协会|分局|支行|法院|检察院|党委|人大|政协)$/u;
const OUTLET_WORD = /日报|晚报|新闻|电视|广播|杂志|新华|人民网/u;
const NOT_A_BODY = new Set(['本站', '本网', '佚名', '未知', '管理员', '匿名', '网络', '原创', '本站原创', '其他', '无']);

/**
 * Whether a word reads as the name of a body (an office, an outlet, a company) rather than
 * a person's name or a placeholder. Two or three Han characters are a person's name unless
 * they end like a body (新华社, 人民网).
 *
 * @example isBodyName('国家外汇管理局') // true
 * @example isBodyName('王帆') // false
 */
export function isBodyName(word: string): boolean {
  const text = word.trim();
  if (text.length < 2 || text.length > 40 || NOT_A_BODY.has(text) || /^[\d\p{P}\s]+$/u.test(text)) return false;
  if (/^[A-Za-z][\w.-]*$/u.test(text)) return false;
  return BODY_ENDING.test(text) || OUTLET_WORD.test(text);
}

// 资料来源 / 数据来源 / 图片来源 inside the body credit material, not the publisher.
const SOURCE_LABEL = `(?<!资料|数据|图片|视频|图表|照片|素材)(?:信息|文章|稿件|新闻)?${spacedLabel('来源')}于?`;

/** The 来源 of the page, or undefined when the label is absent or empty. */
export function findSource(lines: readonly string[], after = 0): LabelledValue | undefined {
  return findLabelledValue(lines, SOURCE_LABEL, { after, maxLineLength: 100 });
}

/**
 * 责任编辑 (or 责编, or a bare 编辑 when no 责任编辑 is given), several names joined by
 * one space.
 *
 * @example findEditor(['编辑：倪仕轩   责任编辑：杨格'])?.value // '杨格'
 */
export function findEditor(lines: readonly string[], after = 0): LabelledValue | undefined {
  for (const label of [`${spacedLabel('责任编辑')}|${spacedLabel('责编')}`, `(?<!责任|主|总)${spacedLabel('编辑')}`]) {
    const pattern = new RegExp(`(?:${label})${COLON}`, 'gu');
    for (const index of searchOrder(lines.length, after)) {
      const line = lines[index]!;
      for (const match of line.matchAll(pattern)) {
        // In a long line only a label at its very end counts: the editor appended to the
        // last paragraph (……。责任编辑：王某), not the word inside prose.
        if (line.length > 100 && match.index < line.length - 40) continue;
        let names = readNames(line.slice(match.index + match[0].length));
        // The label ends its line and the name stands on the next one.
        if (names.length === 0 && line.slice(match.index + match[0].length).trim() === '') {
          const next = nextNonEmpty(lines, index);
          if (next !== undefined && lines[next]!.length <= 30) names = readNames(lines[next]!);
        }
        if (names.length > 0) return { value: names.join(' '), line: index };
      }
    }
  }
  return undefined;
}

// A name in Han characters, or a Latin handle as content systems record editors (admin, zhang_s, wangli01).
const NAME = /^(?:[\p{Script=Han}·]{2,6}|[A-Za-z][A-Za-z0-9_.'-]{1,30})$/u;

function readNames(rest: string): string[] {
  const nextLabel = LABEL_START.exec(rest);
  const text = (nextLabel ? rest.slice(0, nextLabel.index) : rest).split(/[【】\[\]|｜()（）<>。]/u)[0]!;
  const names: string[] = [];
  for (const token of text.split(/[\s、，,/;；]+/u)) {
    if (!token) continue;
    if (!NAME.test(token)) break;
    names.push(token);
  }
  return names.slice(0, 8);
}

// 银发〔2023〕231号, 发改价格[2016]557号, 国务院令第737号, 京政发(2019)12号.
const DOCUMENT_NUMBER = /[〔［\[（(【]\s*(?:19|20)\d{2}\s*[〕］\]）)】]|\d\s*号\s*$/u;

/**
 * Whether a 文号 field holds a document number. A value of another shape was read from an
 * unrelated line (the next label's value, a heading) and is dropped.
 *
 * @example isDocumentNumber('银发〔2023〕231号') // true
 * @example isDocumentNumber('规范性文件') // false
 */
export function isDocumentNumber(value: string): boolean {
  return /[\p{Script=Han}A-Za-z]/u.test(value) && DOCUMENT_NUMBER.test(value) && value.length <= 60;
}

/** A date found in the page and why it was believed to be the publish date. */
export interface PublishDate extends FoundDate {
  line: number;
  /**
   * `publish` for 发布时间-style labels, `generic` for 日期/时间, `unlabelled` for a bare date in a
   * meta line, `statement` for a date the text says the document was published on
   * (（1992年12月11日国务院令第107号发布）).
   */
  kind: 'publish' | 'generic' | 'unlabelled' | 'statement';
}

const PUBLISH_LABEL = /(发布时间|发布日期|发稿时间|发表时间|发布于|公开日期|发文时间)\s*[:：]?\s*$/u;
const GENERIC_LABEL = /(?<!成文|发文|印发|生成|施行|实施|生效|废止|更新|修改|截止)(日期|时间)\s*[:：]?\s*$/u;
const OTHER_DATE_LABEL = /(成文日期|发文日期|印发日期|生成日期|施行日期|实施日期|生效日期|废止日期|截止日期|更新时间|修改时间)\s*[:：]?\s*$/u;
const META_WORDS = /来源|作者|浏览|点击|访问|编辑|字体|字号|星期/u;

/**
 * The publish date shown on the page: a 发布时间-style label wins, then 日期/时间,
 * then a bare date standing in a short meta line just below the title. Document
 * dates (成文日期, 发文日期) and dates inside prose are never taken.
 *
 * @param titleLine index of the title's line, or -1 when the title is not a visible line
 * @example findPublishDate(['标题', '2015年05月20日 17时18分'], 0)?.precision // 'minute'
 */
export function findPublishDate(lines: readonly string[], titleLine: number): PublishDate | undefined {
  const candidates: PublishDate[] = [];
  // The meta block ends where the body's prose starts: a bare date after that is the
  // document's own (a signature date), not the page's publish date.
  const firstProse = lines.findIndex((line, index) => index > titleLine && isProseLine(line));
  const beforeBody = (index: number) => firstProse < 0 || index < firstProse;
  lines.forEach((line, index) => {
    if (line.length > 200) return;
    for (const date of findDates(line)) {
      let before = line.slice(Math.max(0, date.index - 10), date.index);
      // List layout: the label stands alone on the line above.
      if (before.trim() === '') {
        const previous = lines.slice(Math.max(0, index - 3), index).findLast((text) => text.trim() !== '');
        if (previous !== undefined) before = previous.slice(-10);
      }
      if (OTHER_DATE_LABEL.test(before)) continue;
      if (PUBLISH_LABEL.test(before)) candidates.push({ ...date, line: index, kind: 'publish' });
      else if (GENERIC_LABEL.test(before)) candidates.push({ ...date, line: index, kind: 'generic' });
      else if (titleLine >= 0 && index > titleLine && index <= titleLine + 6 && beforeBody(index)) {
        if (isMetaLine(line, date) && !followsSignature(lines, index)) candidates.push({ ...date, line: index, kind: 'unlabelled' });
        else if (statesPublication(line, date)) candidates.push({ ...date, line: index, kind: 'statement' });
      }
    }
  });
  const rank = { publish: 0, generic: 1, unlabelled: 2, statement: 3 };
  const distance = (date: PublishDate) => (date.line >= titleLine ? date.line - titleLine : 1000 + titleLine - date.line);
  candidates.sort((a, b) => rank[a.kind] - rank[b.kind] || distance(a) - distance(b));
  return candidates[0];
}

/** Running text: long enough and punctuated like a sentence. */
function isProseLine(line: string): boolean {
  return line.length >= 30 && /[，。；！？]/u.test(line) && !/^[^：:]{1,8}[:：]/u.test(line);
}

// An office-holder's signature over a date: 总　理　　李克强, 中国人民银行 行 长 潘功胜.
const SIGNATURE = /(?:总理|行长|主席|部长|局长|主任|署长|省长|市长|县长|区长|镇长|乡长|书记|院长|会长|委员长|厅长|司长|社长|校长|董事长|总经理)[\p{Script=Han}·]{2,4}$/u;

/** A bare date right under a signature is the day the document was signed, not published. */
function followsSignature(lines: readonly string[], index: number): boolean {
  const previous = lines.slice(Math.max(0, index - 2), index).findLast((text) => text.trim() !== '');
  return previous !== undefined && previous.length <= 40 && SIGNATURE.test(previous.replace(/\s/gu, ''));
}

/** A date the same clause says the document was published on: …令第107号发布. */
function statesPublication(line: string, date: FoundDate): boolean {
  const clause = line.slice(date.index + date.length).split(/[\s　，,。；;）)、]|(?=\d{4}\s*年)/u)[0] ?? '';
  return clause.length <= 30 && /(?:发布|公布|印发)$/u.test(clause);
}

/** A line that carries page metadata rather than prose: little else beside the date. */
function isMetaLine(line: string, date: FoundDate): boolean {
  const rest = (line.slice(0, date.index) + line.slice(date.index + date.length)).trim();
  return rest.length <= 12 || META_WORDS.test(rest);
}

/**
 * The crawl date at the top of a text dump (`2020-07-14` alone on the first line):
 * when the page was fetched, never when it was published.
 */
export function findRetrievedDate(lines: readonly string[]): FoundDate | undefined {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first < 0) return undefined;
  const line = lines[first]!.trim();
  const date = findDates(line)[0];
  return date && date.index === 0 && date.length === line.length ? date : undefined;
}
