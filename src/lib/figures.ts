/**
 * Figures that must stay on one line: a number with the unit or date characters attached to it
 * (915.8亿元, 2015年05月20日, 12,480元, 第15个, 8.4%) and the year and serial of a 文号
 * (〔2015〕21号). Browsers may break a line between a digit and a Chinese character, so at
 * large type on a phone "2015年05月20日" came out as "2015年05 / 月20日"; pages wrap each
 * figure in a no-wrap span (src/components/Figures.astro, and rehype-keep-figures.ts for bodies).
 *
 * Runs of ASCII digits and letters (an 索引号, a telephone number) are left alone: browsers never
 * break inside them unless they are wider than the line, when breaking beats scrolling sideways.
 * A slash between two such runs gets a break opportunity, so a long 索引号 can wrap after it.
 */

// Units and date characters that read as part of the number before them.
const UNIT = '(?:%|‰|[万亿千百]?(?:美元|元|平方米|平方公里|立方米|公顷|公里|千米|公斤|千克|小时|分钟|吨|米|克|人|名|个|次|项|户|家|所|件|台|辆|套|座|条|份|亩|倍|岁|天|秒|年|月|日|号|时|分|周|届|批|期|元)|[万亿])';
const NUMBER = String.raw`\d+(?:[.,:：\-–—～~]\d+)*`;
// `第` before a number, then number-and-unit pairs written together (2015年05月20日); or a 文号's 〔2015〕21号.
const FIGURE = new RegExp(`第?(?:${NUMBER}${UNIT}?)+|[〔［\\[]\\d{4}[〕］\\]]第?\\d+号`, 'gu');
// A figure longer than this is left to break: kept whole it could be wider than a phone's line at 特大.
const MAX_FIGURE_LENGTH = 14;
// Only figures that hold a character browsers break around need a span: pure ASCII never breaks.
const BREAKABLE = /[^\x00-\x7F]/;
const SLASH_BEFORE_DIGIT = /(?<=[0-9A-Za-z]\/)(?=[0-9A-Za-z])/g;

/** A piece of text: plain, a figure to keep on one line, or a place the line may break. */
export type TextPart = { text: string } | { figure: string } | { break: true };

/**
 * Cuts `text` into plain runs, figures that must not break, and break opportunities.
 *
 * @example splitFigures('地区生产总值915.8亿元') // [{ text: '地区生产总值' }, { figure: '915.8亿元' }]
 * @example splitFigures('008652141/2015-00312') // [{ text: '008652141/' }, { break: true }, { text: '2015-00312' }]
 */
export function splitFigures(text: string): TextPart[] {
  const parts: TextPart[] = [];
  const pushText = (run: string) => {
    let start = 0;
    for (const match of run.matchAll(SLASH_BEFORE_DIGIT)) {
      parts.push({ text: run.slice(start, match.index) }, { break: true });
      start = match.index;
    }
    if (start < run.length) parts.push({ text: run.slice(start) });
  };
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(FIGURE)) {
    const figure = match[0];
    if (figure.length > MAX_FIGURE_LENGTH || !BREAKABLE.test(figure)) continue;
    plain += text.slice(last, match.index);
    if (plain) pushText(plain);
    plain = '';
    parts.push({ figure });
    last = match.index + figure.length;
  }
  plain += text.slice(last);
  if (plain) pushText(plain);
  return parts;
}

/** Whether `text` has anything {@link splitFigures} would mark, so most text nodes are left as they are. */
export function hasFigures(text: string): boolean {
  return splitFigures(text).some((part) => !('text' in part));
}

/**
 * An address (a feed's URL) that may break after each slash rather than anywhere.
 *
 * @example splitAddress('https://a.gov.cn/rss.xml') // [{ text: 'https://' }, { break: true }, { text: 'a.gov.cn/' }, { break: true }, { text: 'rss.xml' }]
 */
export function splitAddress(address: string): TextPart[] {
  return address.split(/(?<=\/)(?!\/)/).flatMap((run, index): TextPart[] => (index === 0 ? [{ text: run }] : [{ break: true }, { text: run }]));
}
