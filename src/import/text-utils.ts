/**
 * Small text helpers shared by the importer's modules: whitespace, CJK checks and
 * label patterns that tolerate the spacing portals put inside labels (索 引 号, 标　　题).
 */

/** Every kind of horizontal space a scraped page uses, including ideographic and no-break spaces. */
export const SPACE = '[\\t \\u00a0\\u2002-\\u200b\\u3000\\ufeff]';

/**
 * Trims a line and collapses inner runs of spaces to one (tabs, which separate table
 * cells, stay as one tab), removing list bullets
 * left over from text dumps (• ·) at the start.
 *
 * @example cleanLine('  •   来源:  遂宁市府 ') // '来源: 遂宁市府'
 */
export function cleanLine(line: string): string {
  return line
    .replace(/[ \u00a0\u2002-\u200b\u3000\ufeff]+/g, ' ')
    // Tabs separate table cells (label and value): keep one, without spaces around it.
    .replace(/ ?\t[\t ]*/g, '\t')
    .trim()
    .replace(/^[•·●◆◇■□▪►▶\-*]\s*(?=\S)/u, '')
    .trim();
}

/**
 * Removes spaces that only pad Chinese text (between two CJK characters, or a CJK
 * character and a digit), keeping spaces between Latin words and between title parts.
 *
 * @example tightenCjk('2007　年末国债') // '2007年末国债'
 */
export function tightenCjk(text: string): string {
  return text.replace(/([\p{Script=Han}\d])[\u3000\u00a0]+(?=[\p{Script=Han}\d])/gu, '$1').replace(/\s+/g, ' ').trim();
}

/** Ends like a sentence or a clause: not a heading, title or name. */
export const TERMINAL_PUNCTUATION = /[。！？；，、,;：:…!?]$/;

/** Characters that count towards text length: everything but whitespace. */
export function visibleLength(text: string): number {
  let count = 0;
  for (const char of text) if (!/\s/.test(char)) count++;
  return count;
}

/** Count of Chinese and Western sentence punctuation, a sign of running prose. */
export function punctuationCount(text: string): number {
  let count = 0;
  for (const char of text) if ('，。、；：！？,.;'.includes(char)) count++;
  return count;
}

/**
 * A regular-expression source matching a label with optional spaces between its
 * characters, so `索引号` also finds `索 引 号` and `索　引　号`.
 *
 * @example new RegExp(spacedLabel('索引号')).test('索 引 号：') // true
 */
export function spacedLabel(label: string): string {
  return [...label].map(escapeRegExp).join(`${SPACE}*`);
}

/** Escapes a string for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
