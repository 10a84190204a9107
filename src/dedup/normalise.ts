const DROP = /[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]/u;

/**
 * Per UTF-16 code unit, built once: what the character becomes. DROPPED for punctuation,
 * symbols and spaces (after NFKC: ，becomes , and goes), SLOW when it may change with its
 * neighbours (combining marks, conjoining jamo, surrogates, context-sensitive case such as
 * Σ) so the whole text takes the exact path, otherwise the code unit it maps to (A → a,
 * ７ → 7, ｂ → b). Reading a table is about ten times faster than a Unicode-property regex,
 * which matters at 100,000 announcements.
 */
const DROPPED = 0xffff;
const SLOW = 0xfffe;
let table: Uint16Array | null = null;

function mapTable(): Uint16Array {
  if (table) return table;
  table = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const char = String.fromCharCode(code);
    if ((code >= 0xd800 && code <= 0xdfff) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f) || /\p{M}/u.test(char)) {
      table[code] = SLOW;
      continue;
    }
    const mapped = [...char.normalize('NFKC').toLowerCase()].filter((part) => !DROP.test(part)).join('');
    if (mapped === '') table[code] = DROPPED;
    else if (mapped === char && (code < 0x80 || char.toUpperCase() === char)) table[code] = code;
    else if (mapped.length === 1 && (mapped.charCodeAt(0) < 0x80 || (mapped >= '\u4e00' && mapped <= '\u9fff'))) table[code] = mapped.charCodeAt(0);
    else table[code] = SLOW;
  }
  return table;
}

function slowNormalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{Z}\s\u200b-\u200d\ufeff]+/gu, '');
}

/**
 * Text normalisation shared by every comparison: two texts that differ only in width
 * (ＡＢＣ/ABC), case, whitespace or punctuation (，/,) normalise to the same string.
 * Symbols go too, so Markdown markup (`#`, `*`, `|`, `-`) never counts as content.
 * Equivalent to NFKC, then lower case, then removing `\p{P}\p{S}\p{Z}`, white space and
 * zero-width characters; plain Chinese and ASCII text takes a table-driven fast path.
 *
 * @param text any text, Markdown or plain
 * @example normaliseText('今年 遂宁，将建成７个！') // '今年遂宁将建成7个'
 */
export function normaliseText(text: string): string {
  const map = mapTable();
  let out = '';
  let from = 0;
  // Runs of characters that stay as they are are sliced, not copied one by one.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = map[code]!;
    if (mapped === code) continue;
    if (mapped === SLOW) return slowNormalise(text);
    out += text.slice(from, i);
    from = i + 1;
    if (mapped !== DROPPED) out += String.fromCharCode(mapped);
  }
  return from === 0 ? text : out + text.slice(from);
}

/** A reusable buffer of UTF-16 code units: `codes[0..length)` is the text. */
export interface CodeBuffer {
  codes: Uint16Array;
  length: number;
}

/** An empty buffer for {@link normaliseInto}; it grows as needed and is reused call after call. */
export function createCodeBuffer(): CodeBuffer {
  return { codes: new Uint16Array(4096), length: 0 };
}

/**
 * Writes the code units of `normaliseText(text)` into `into`, without building a string.
 * Shingling and MinHash read code units anyway, and at 100,000 announcements the strings
 * (and the garbage collection they cause) cost more than the hashing.
 *
 * @param text any text, Markdown or plain
 * @param into a buffer from {@link createCodeBuffer}; its previous content is replaced
 * @example normaliseInto('今年 遂宁！', buffer) // buffer.codes.subarray(0, buffer.length) holds 今年遂宁
 */
export function normaliseInto(text: string, into: CodeBuffer): void {
  const map = mapTable();
  if (into.codes.length < text.length) into.codes = new Uint16Array(text.length * 2);
  const codes = into.codes;
  let length = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mapped = map[code]!;
    // U+FFFE and U+FFFF map to themselves: test that before the two markers.
    if (mapped !== code) {
      if (mapped === DROPPED) continue;
      if (mapped === SLOW) return copyInto(slowNormalise(text), into);
    }
    codes[length++] = mapped;
  }
  into.length = length;
}

/**
 * Writes the code units of `parts.join('')` into `into`.
 *
 * @param parts strings, e.g. passages from {@link toUnits}
 * @param into a buffer from {@link createCodeBuffer}; its previous content is replaced
 */
export function joinInto(parts: readonly string[], into: CodeBuffer): void {
  let total = 0;
  for (const part of parts) total += part.length;
  if (into.codes.length < total) into.codes = new Uint16Array(total * 2);
  const codes = into.codes;
  let length = 0;
  for (const part of parts) for (let i = 0; i < part.length; i++) codes[length++] = part.charCodeAt(i);
  into.length = length;
}

function copyInto(text: string, into: CodeBuffer): void {
  joinInto([text], into);
}

/**
 * The readable text of a Markdown body, line structure kept: link and image targets,
 * HTML tags, ordered-list numbers and a news dateline opening the body are dropped. Link
 * targets differ between portals republishing the same notice, list numbers shift when an
 * item is dropped, and a newspaper puts its dateline (本报讯（记者 某某）, 新华社成都6月15日电)
 * before the first paragraph, so none of them should make two copies look different (or alike).
 *
 * @param markdown a Markdown body
 * @example markdownToText('1. 见[附件](/a.pdf)<br>') // '见附件'
 */
export function markdownToText(markdown: string): string {
  let text = withoutDateline(markdown);
  // Each pattern runs only when its marker is present: most bodies have no links or HTML.
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (text.includes(']:')) text = text.replace(/^\s*\[[^\]\n]+\]:\s*\S+.*$/gm, '');
  if (text.includes('<')) text = text.replace(/<[^>\n]+>/g, '');
  return ORDERED_ITEM_ANYWHERE.test(text) ? text.replace(/^(\s*)\d{1,3}[.)]\s+/gm, '$1') : text;
}

const BYLINE = String.raw`(?:\s*[（(](?:(?:记者|通讯员|见习记者|特约记者|实习生)[^（()）\n]{1,40})[)）])?`;
const DAY = String.raw`(?:\d{1,2}月\d{1,2}日)?`;
/**
 * Datelines a newspaper or news agency prints before the first paragraph:
 * 本报讯, 本报讯（记者 某某）, 本报成都6月15日讯, 遂宁讯（记者 某某）, 遂宁日报讯,
 * 新华社成都6月15日电（记者 某某）, and a bare （记者 某某 通讯员 某某）. Each form needs its
 * 讯 or 电 in a newsroom's shape, so a paragraph opening with 供电公司 or 通讯 is left alone.
 */
const DATELINE = new RegExp(
  '^(?:' +
    [
      String.raw`(?:本报|本台|本网|本刊)[\p{Script=Han}]{0,8}?${DAY}讯${BYLINE}`,
      String.raw`(?:新华社|中新社|中国新闻社|新华网|人民网|中新网|央视网|央广网)[\p{Script=Han}]{0,8}?${DAY}电${BYLINE}`,
      String.raw`[\p{Script=Han}]{2,8}?${DAY}电(?=[（(](?:记者|通讯员))${BYLINE}`,
      String.raw`[\p{Script=Han}]{2,8}?(?:日报|晚报|新闻网|融媒|网|台)讯${BYLINE}`,
      String.raw`[\p{Script=Han}]{2,8}?讯(?=[（(](?:记者|通讯员))${BYLINE}`,
      String.raw`[（(](?:记者|通讯员|见习记者|特约记者)[^（()）\n]{1,40}[)）]`,
    ].join('|') +
    String.raw`)[\s\u3000:：]*`,
  'u',
);

/** How many of the first lines may open with the dateline: a notice's addressee line comes before it. */
const DATELINE_LINES = 5;

/**
 * The text without the news dateline opening its first paragraph (see {@link DATELINE}).
 * Only the starts of the first few non-empty lines are looked at, and only one dateline is
 * removed: further down, such words are text.
 *
 * @example withoutDateline('本报讯（记者 王某）6月14日，某镇召开会议。') // '6月14日，某镇召开会议。'
 */
export function withoutDateline(text: string): string {
  // Cheap test first: most bodies hold neither 讯, 电 nor a reporter's byline near the start.
  if (!/[讯电]|记者|通讯员/u.test(text.slice(0, 400))) return text;
  let from = 0;
  for (let line = 0; line < DATELINE_LINES && from < text.length; line++) {
    const start = text.slice(from).search(/\S/u);
    if (start < 0) return text;
    const at = from + start;
    const match = DATELINE.exec(text.slice(at, at + 120));
    if (match && match[0].length > 0) return text.slice(0, at) + text.slice(at + match[0].length);
    const end = text.indexOf('\n', at);
    if (end < 0) return text;
    from = end + 1;
  }
  return text;
}

// A cheap test before the line-anchored replacement, which scans slowly in multiline mode.
const ORDERED_ITEM_ANYWHERE = /(?:^|\n)[ \t]*\d{1,3}[.)]\s/;

/**
 * Splits text into sentence-sized units (lines, and sentences ending in 。！？；) and
 * normalises each, dropping empty ones. The guard aligns two announcements unit by unit,
 * so a lead line or a 转载 note shows up as an added unit and a changed figure as a
 * changed one.
 *
 * @param text plain text, e.g. from {@link markdownToText}
 * @example toUnits('一、总则。适用范围；\n附件') // ['一总则', '适用范围', '附件']
 */
export function toUnits(text: string): string[] {
  const map = mapTable();
  const units: string[] = [];
  let unit = '';
  let from = 0;
  // One pass with the normalisation table; runs of kept characters are sliced, not copied
  // one by one. Any character that needs the exact path sends the whole text there.
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    const mapped = map[code]!;
    if (mapped === code && !UNIT_END.has(code)) continue;
    if (mapped === SLOW) return slowUnits(text);
    unit += text.slice(from, i);
    from = i + 1;
    if (UNIT_END.has(code)) {
      if (unit) units.push(unit);
      unit = '';
    } else if (mapped !== DROPPED) unit += String.fromCharCode(mapped);
  }
  return units;
}

// Line breaks and sentence ends, full-width and ASCII: 。！？；!?; and \n.
const UNIT_END = new Set([10, 0x3002, 0xff01, 0xff1f, 0xff1b, 33, 63, 59]);

function slowUnits(text: string): string[] {
  const units: string[] = [];
  for (const piece of text.split(/[\n。！？；!?;]+/u)) {
    const unit = normaliseText(piece);
    if (unit) units.push(unit);
  }
  return units;
}
