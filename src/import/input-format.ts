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

const HTML_KEYS = ['html', 'content_html', 'raw_html', 'page', 'source_html'];
const TEXT_KEYS = ['text', 'content', 'body', 'article', 'main_text'];
const URL_KEYS = ['url', 'original_url', 'link', 'source_url', 'page_url'];
const TITLE_KEYS = ['title', 'headline'];
const DATE_KEYS = ['publish_time', 'pubdate', 'pub_date', 'publish_date', 'release_time', 'date', 'published'];
const RETRIEVED_KEYS = ['crawl_time', 'crawled_at', 'fetch_time', 'fetched_at', 'retrieved', 'download_time'];

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
  return values.filter(isObject).map(toRecord).filter((record) => record.html !== undefined || record.text !== undefined);
}

function isJson(text: string): boolean {
  if (tryJson(text.trim()) !== undefined) return true;
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 && lines.every((line) => tryJson(line.trim()) !== undefined);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toRecord(value: Record<string, unknown>): ExportRecord {
  const scopes = [value, ...['info', 'meta', 'metadata'].map((key) => value[key]).filter(isObject)];
  const pick = (keys: string[]) => {
    for (const scope of scopes) {
      for (const key of keys) {
        const found = scope[key];
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
  return record;
}
