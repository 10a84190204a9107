/**
 * Label normalisation: the meta labels of a page written the way the field readers expect
 * (`来源：…`, `发布日期：…`). Portals space labels out letter by letter to line them up in table
 * layouts (`发 文 日 期：`, `来　　源：`), put a label and its value in two cells with no colon
 * (`发布机构⇥某局`), or give a row of labels and a row of values under it. Each of those
 * becomes `label：value` text; every other line is left as it was. The field lines keep one
 * entry per page line, so line numbers still point at the page.
 */
import { SPACE } from './text-utils.ts';

/**
 * Labels of meta lines and 信息公开 catalogues, as a bare cell or line may hold them. Long
 * enough (two characters or more) that an ordinary word in a cell is not taken for one.
 */
export const CATALOGUE_LABELS = [
  '标题', '名称', '公开事项名称', '信息名称', '文件名称', '索引号', '主题分类', '分类', '发文机关', '发文机构', '发布机构', '发文单位',
  '发布单位', '主办单位', '成文日期', '发文日期', '发布日期', '发布时间', '制发日期', '生效日期', '废止日期', '发文字号', '文号',
  '文件编号', '主题词', '关键词', '有效性', '时效性', '内容概述', '来源', '信息来源', '文章来源', '作者', '责任编辑', '公文种类',
  '体裁分类', '组配分类', '服务对象',
] as const;

const LABEL_SET = new Set<string>(CATALOGUE_LABELS);

// A run of single Han characters, each followed by spaces, ending at a colon: 发 文 日 期： or
// 来 源：. The run may not start inside a word (政府 来 源： closes up only 来 源).
const SPACED_LABEL = new RegExp(`(?<![\\p{Script=Han}])((?:\\p{Script=Han}${SPACE}+)+\\p{Script=Han})(?=${SPACE}*[:：])`, 'gu');
const SPACES = new RegExp(`${SPACE}+`, 'gu');

/**
 * Closes up labels spaced out letter by letter before their colon.
 *
 * @example closeUpLabels('发 布 时 间：2019-06-15 来　　源：某县人民政府') // '发布时间：2019-06-15 来源：某县人民政府'
 */
export function closeUpLabels(line: string): string {
  if (!line.includes(':') && !line.includes('：')) return line;
  return line.replace(SPACED_LABEL, (run) => run.replace(SPACES, ''));
}

/** The label a cell holds when it is nothing but a label (spaces and a trailing colon allowed). */
function bareLabel(cell: string): string | undefined {
  const compact = cell.replace(SPACES, '').replace(/[:：]$/u, '');
  return LABEL_SET.has(compact) ? compact : undefined;
}

/**
 * One line's label normalisation: spaced labels closed up, and a table cell that holds only
 * a label given its colon, so `发布机构⇥某局` reads `发布机构：⇥某局`.
 *
 * @example normaliseLabelLine('发 布 日 期\t2019-06-15') // '发布日期：\t2019-06-15'
 */
export function normaliseLabelLine(line: string): string {
  const closed = closeUpLabels(line);
  if (!closed.includes('\t')) {
    const label = bareLabel(closed);
    return label && !/[:：]$/u.test(closed) ? `${label}：` : closed;
  }
  return closed
    .split('\t')
    .map((cell) => {
      const label = bareLabel(cell);
      return label && !/[:：]\s*$/u.test(cell) ? `${label}：` : cell;
    })
    .join('\t');
}

/**
 * The page's lines as field readers see them: each line normalised (see
 * {@link normaliseLabelLine}), and a row of bare labels followed by a row with as many values
 * read as `label：value` pairs on the label row. One output line per input line.
 *
 * @example normaliseFieldLines(['索引号\t发布机构\t发布日期', '001/2019\t某县政府\t2019-06-15'])[0]
 * // '索引号：001/2019\t发布机构：某县政府\t发布日期：2019-06-15'
 */
export function normaliseFieldLines(lines: readonly string[]): string[] {
  const out = lines.map(normaliseLabelLine);
  for (let index = 0; index + 1 < lines.length; index++) {
    const labels = lines[index]!.split('\t');
    if (labels.length < 2 || !labels.every((cell) => bareLabel(cell) !== undefined)) continue;
    const next = lines.slice(index + 1, index + 3).findIndex((line) => line.trim() !== '');
    if (next < 0) continue;
    const values = lines[index + 1 + next]!.split('\t');
    if (values.length !== labels.length || values.some((cell) => bareLabel(cell) !== undefined)) continue;
    out[index] = labels.map((cell, column) => `${bareLabel(cell)}：${values[column]!.trim()}`).join('\t');
    out[index + 1 + next] = '';
  }
  return out;
}
