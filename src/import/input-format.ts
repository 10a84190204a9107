/**
 * What kind of scraped input a decoded file is: an HTML page or fragment, a plain
 * text dump, or a crawler export (JSON Lines / JSON with one record per page).
 */

export type InputFormat = 'html' | 'text' | 'export';

/** One page as a crawler exported it, with the fields crawlers commonly name. */
export interface ExportRecord {
  /** The page's HTML, when the crawler kept it. */
  html?: string;
  /** The page's extracted text, when that is all the crawler kept. */
  text?: string;
  url?: string;
  title?: string;
  /** A publish time the crawler recorded (often unreliable; used only as a fallback). */
  date?: string;
  /** When the crawler fetched the page. */
  retrieved?: string;
  /** The outlet or body the crawler recorded for the article (`source`, or an `author` naming a body). */
  source?: string;
  /** The site the crawler was reading (`spider_from`, `site_name`): where the page stood, not who wrote it. */
  site?: string;
}

/**
 * Guesses the format from the text itself, not the file name: crawlers save HTML
 * as .txt and text as .html.
 *
 * @example detectFormat('<div class="wrap"><p>正文</p></div>') // 'html'
 * @example detectFormat('{"text": "……", "url": "https://…"}') // 'export'
 */
export function detectFormat(text: string): InputFormat {
  const head = text.slice(0, 4096).trimStart();
  // Any JSON is an export; one without page text is reported as such, not read as prose.
  if ((head.startsWith('{') || head.startsWith('[')) && isJson(text)) return 'export';
  if (/<(?:!doctype|html|head|body|meta|title|div|p|table|span|br|article|section|font|td)\b[^>]*>/i.test(head)) return 'html';
  return 'text';
}

// Keys are compared without case, `_` or `-`: publish_time, publishTime and PublishTime are one key.
const HTML_KEYS = ['html', 'content_html', 'raw_html', 'page', 'source_html'];
const TEXT_KEYS = ['text', 'content', 'body', 'article', 'main_text', 'contents', 'content_text', 'article_content', 'news_content', 'full_text', 'detail'];
const URL_KEYS = ['url', 'original_url', 'link', 'source_url', 'page_url', 'detail_url', 'href'];
const TITLE_KEYS = ['title', 'headline', 'article_title', 'news_title'];
const DATE_KEYS = ['publish_time', 'pubdate', 'pub_date', 'publish_date', 'release_time', 'release_date', 'pub_time', 'date', 'published', 'time'];
const RETRIEVED_KEYS = ['crawl_time', 'crawled_at', 'fetch_time', 'fetched_at', 'retrieved', 'download_time'];
// `author` often holds the outlet a repost credits (经济日报); whether it names a body is the importer's call.
const SOURCE_KEYS = ['source', 'news_source', 'source_name', 'media', 'origin', 'author'];
const SITE_KEYS = ['spider_from', 'site_name', 'sitename', 'site', 'website'];

/**
 * The records of a crawler export: JSON Lines, a JSON array or one JSON object.
 * Nested `info`/`meta` objects are searched too. Lines that are not JSON objects
 * are skipped; a file with none yields an empty list.
 *
 * @example parseExport('{"text":"正文","info":{"url":"https://a.gov.cn/1.html"}}')[0]?.url // 'https://a.gov.cn/1.html'
 */
export function parseExport(text: string): ExportRecord[] {
  const values: unknown[] = [];
  const whole = tryJson(text.trim());
  if (Array.isArray(whole)) values.push(...whole);
  else if (whole !== undefined) values.push(whole);
  else for (const line of text.split('\n')) if (line.trim().startsWith('{')) values.push(tryJson(line.trim()));
  return values.filter(isObject).flatMap((value) => recordsOf(value, 0));
}

/**
 * The page records an object holds: itself when it carries page text, otherwise the records
 * of the lists it wraps (`{"data": {"list": [{…}, …]}}`, as site APIs and crawlers save them).
 */
function recordsOf(value: Record<string, unknown>, depth: number): ExportRecord[] {
  const record = toRecord(value);
  if (record.html !== undefined || record.text !== undefined) return [record];
  if (depth >= 3) return [];
  return Object.values(value).flatMap((inner) => {
    if (Array.isArray(inner)) return inner.filter(isObject).flatMap((item) => recordsOf(item, depth + 1));
    return isObject(inner) ? recordsOf(inner, depth + 1) : [];
  });
}

const keyOf = (key: string) => key.toLowerCase().replace(/[_-]/g, '');

function isJson(text: string): boolean {
  if (tryJson(text.trim()) !== undefined) return true;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => tryJson(line.trim()) !== undefined);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Python's json module writes NaN and Infinity for missing numbers; strict JSON has none.
    if (!/NaN|Infinity/.test(text)) return undefined;
    try {
      return JSON.parse(withoutBareNumbers(text));
    } catch {
      return undefined;
    }
  }
}

/**
 * The text with every bare `NaN`, `Infinity` and `-Infinity` outside strings replaced by
 * `null`, so a crawler export written by Python's json module parses.
 *
 * @example withoutBareNumbers('{"views": NaN, "title": "NaN"}') // '{"views": null, "title": "NaN"}'
 */
export function withoutBareNumbers(text: string): string {
  let out = '';
  let inString = false;
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
      continue;
    }
    const match = /^(?:-?Infinity|NaN)(?![\w])/.exec(text.slice(i, i + 9));
    if (match && !/[\w.]/.test(text[i - 1] ?? '')) {
      out += text.slice(from, i) + 'null';
      i += match[0].length - 1;
      from = i + 1;
    }
  }
  return out + text.slice(from);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRecord(value: Record<string, unknown>): ExportRecord {
  const scopes = [value, ...['info', 'meta', 'metadata'].map((key) => value[key]).filter(isObject)].map(
    (scope) => new Map(Object.entries(scope).map(([key, found]) => [keyOf(key), found] as const)),
  );
  const pick = (keys: string[]) => {
    for (const scope of scopes) {
      for (const key of keys) {
        const found = scope.get(keyOf(key));
        if (typeof found === 'string' && found.trim() !== '') return found;
      }
    }
    return undefined;
  };
  const record: ExportRecord = {};
  const assign = (key: keyof ExportRecord, found: string | undefined) => {
    if (found !== undefined) record[key] = found;
  };
  assign('html', pick(HTML_KEYS));
  assign('text', pick(TEXT_KEYS));
  assign('url', pick(URL_KEYS));
  assign('title', pick(TITLE_KEYS));
  assign('date', pick(DATE_KEYS));
  assign('retrieved', pick(RETRIEVED_KEYS));
  assign('source', pick(SOURCE_KEYS));
  assign('site', pick(SITE_KEYS));
  return record;
}
