/**
 * The article's 来源, chosen among every candidate the page offers by where each stands.
 *
 * A page names many bodies: the 来源 under the title, a （来源：…） line closing the article, the
 * issuer of a 信息公开 catalogue (发布机构, 发文机关, or 主办单位 inside the catalogue), the
 * `ContentSource` meta tag, the outlet a crawler recorded (an export's `source` or `author`
 * key), and, in the footer, the site's owner (主办单位：国家…局, 版权所有). The footer names
 * where the page stood, never who wrote the article, so nothing is read there; and a
 * candidate that is only the site's own name (a portal reposting a newspaper's article, a
 * provincial office's page under its national body's footer) gives way to any other.
 */
import { findAllLabelledValues, isBodyName, type LabelledValue } from './fields.ts';
import { normaliseText } from '../dedup/normalise.ts';
import { spacedLabel } from './text-utils.ts';

/** Where a 来源 candidate came from, for the report and the tests. */
export type SourceOrigin = 'label' | 'closing-label' | 'issuer' | 'meta' | 'export';

export interface SourceChoice {
  value: string;
  from: SourceOrigin;
  /** The line it was read from (-1 for meta tags and export keys). */
  line: number;
}

export interface SourceInput {
  /** The page's field lines (see labels.ts). */
  lines: readonly string[];
  /** The title's line, or -1 when the title is not a visible line. */
  titleLine: number;
  /** `<meta name="ContentSource">` or `source`, when the page has one. */
  metaSource?: string;
  /** The outlet a crawler's record names (its `source` or `author` key). */
  recordSource?: string;
  /** Names the site goes by: `SiteName` meta, the crawler's site key, the `<title>`'s last part. */
  siteNames?: readonly string[];
}

// 资料来源 / 数据来源 / 图片来源 inside the body credit material, not the publisher.
const SOURCE_LABEL = `(?<!资料|数据|图片|视频|图表|照片|素材)(?:信息|文章|稿件|新闻)?${spacedLabel('来源')}于?`;
const ISSUER_LABEL = ['发布机构', '发文机关', '发文单位', '发布单位', '发文机构'].map(spacedLabel).join('|');
// Lines that begin a portal footer: from here on the page is the site's, not the article's.
const FOOTER_START = /^(?:主办单位|主办|承办单位|承办|主管单位|版权所有|Copyright|网站标识码|运行维护单位|运维单位|技术支持|联系我们|网站地图)|ICP备|公网安备/iu;
const OWNER = /(?:主办单位|主办|版权所有|Copyright\s*©?|©)\s*[:：]?\s*(?:\d{4}\s*)?([\p{Script=Han}（）()]{4,40})/giu;

/** Running text: long enough and punctuated like a sentence. */
function isProse(line: string): boolean {
  return line.length >= 30 && /[，。；！？]/u.test(line) && !/^[^：:]{1,8}[:：]/u.test(line);
}

/** The page's regions: the meta block above the body, the body with its closing lines, the footer. */
function regions(lines: readonly string[], titleLine: number) {
  const start = Math.max(0, titleLine);
  const firstProse = lines.findIndex((line, index) => index > start && isProse(line));
  const lastProse = lines.findLastIndex((line) => isProse(line));
  let footer = lines.length;
  for (let index = Math.max(lastProse, start) + 1; index < lines.length; index++) {
    if (FOOTER_START.test(lines[index]!)) {
      footer = index;
      break;
    }
  }
  const headerEnd = firstProse < 0 ? Math.min(lines.length, start + 12) : firstProse;
  return {
    isHeader: (index: number) => index >= Math.max(0, titleLine - 4) && index < headerEnd,
    isClosing: (index: number) => lastProse >= 0 && index >= lastProse - 1 && index <= lastProse + 4 && index < footer,
    isFooter: (index: number) => index >= footer,
  };
}

/**
 * The names the site's footer gives its owner (主办单位：…, 版权所有：…).
 *
 * @example footerOwners(['正文……', '主办单位：国家金融监督管理总局 版权所有']) // ['国家金融监督管理总局']
 */
export function footerOwners(lines: readonly string[]): string[] {
  const names: string[] = [];
  for (const line of lines) {
    if (line.length > 160 || !/主办|版权所有|Copyright|©/iu.test(line)) continue;
    for (const match of line.matchAll(OWNER)) names.push(match[1]!.replace(/(?:网站|门户网站|网)$/u, ''));
  }
  return names.filter((name) => name.length >= 2);
}

/**
 * Chooses the 来源. An empty 来源 label above the body means the page says nothing: neither a
 * meta tag nor the issuer speaks for it (the issuer still becomes the front matter's source,
 * with a warning); a crawler's outlet still does, since the crawler read it from the page the
 * export no longer shows.
 *
 * @example chooseSource({ lines: ['能源结构持续优化', '前三季度，我国经济稳定增长……'], titleLine: 0, recordSource: '经济日报', siteNames: ['国家能源局'] })
 * // { value: '经济日报', from: 'export', line: -1 }
 */
export function chooseSource(input: SourceInput): SourceChoice | undefined {
  const { lines, titleLine } = input;
  const where = regions(lines, titleLine);
  const after = Math.max(0, titleLine);
  const sites = [...(input.siteNames ?? []), ...footerOwners(lines)].map(normaliseText).filter((name) => name.length >= 2);
  const isSite = (value: string) => {
    const key = normaliseText(value);
    return sites.some((site) => site === key || site === `${key}网站` || key === `${site}网站`);
  };

  const labels = findAllLabelledValues(lines, SOURCE_LABEL, { after, maxLineLength: 100, organisations: true }).filter((found) => !where.isFooter(found.line));
  const headerLabels = labels.filter((found) => where.isHeader(found.line));
  const saysNothing = headerLabels.length > 0 && headerLabels.every((found) => found.value === undefined);

  const candidates: Array<SourceChoice & { score: number }> = [];
  const add = (found: LabelledValue | undefined, from: SourceOrigin, score: number) => {
    if (found?.value) candidates.push({ value: found.value, from, line: found.line, score });
  };
  for (const found of labels) add(found, where.isHeader(found.line) ? 'label' : where.isClosing(found.line) ? 'closing-label' : 'label', where.isHeader(found.line) ? 100 : where.isClosing(found.line) ? 90 : 80);
  // The issuer of a 信息公开 catalogue; 主办单位 counts only inside the catalogue, above the body.
  for (const found of findAllLabelledValues(lines, ISSUER_LABEL, { after, organisations: true })) {
    if (!where.isFooter(found.line)) add(found, 'issuer', 70);
  }
  for (const found of findAllLabelledValues(lines, spacedLabel('主办单位'), { after, organisations: true, within: where.isHeader })) add(found, 'issuer', 70);
  if (!saysNothing && labels.length === 0 && input.metaSource && isBodyName(input.metaSource)) add({ value: input.metaSource, line: -1 }, 'meta', 60);
  if (input.recordSource && isBodyName(input.recordSource)) add({ value: input.recordSource, line: -1 }, 'export', 65);

  // A website (县政府网站) is where the page stood, not who issued it.
  const usable = candidates.filter((candidate) => !(candidate.from === 'issuer' && /网站$|网$/u.test(candidate.value)));
  if (usable.length === 0) return undefined;
  const scored = (saysNothing ? usable.filter((candidate) => candidate.from === 'export') : usable).map((candidate) => ({ ...candidate, score: candidate.score - (isSite(candidate.value) ? 50 : 0) }));
  if (scored.length === 0) return undefined;
  scored.sort((a, b) => b.score - a.score);
  const { value, from, line } = scored[0]!;
  return { value, from, line };
}
