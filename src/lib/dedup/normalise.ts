/**
 * Text normalisation shared by every comparison: two texts that differ only in width
 * (ＡＢＣ/ABC), whitespace or punctuation (，/,) normalise to the same string.
 *
 * @example normaliseText('今年 遂宁，将建成７个！') // '今年遂宁将建成7个'
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]+/gu, '');
}
