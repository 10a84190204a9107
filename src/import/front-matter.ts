/**
 * The announcement file: YAML front matter in the site schema's key order, then the
 * Markdown body. Date strings are single-quoted so no YAML reader turns them into
 * timestamps in the build machine's zone.
 */
import { Document, isScalar } from 'yaml';
import { ANNOUNCEMENT_KEYS, toSchemaText, type AnnouncementKey } from '../lib/schema.ts';

/**
 * The front-matter keys the importer writes: a subset of the schema's keys (src/lib/schema.ts
 * documents their meaning), so a key the schema drops or renames fails the type check here.
 */
export interface AnnouncementFrontMatter extends Partial<Record<AnnouncementKey, unknown>> {
  title: string;
  subtitle?: string;
  /** `2015-05-20T17:18:00+08:00`, or `2015-05-20` when the page shows only a day. */
  date: string;
  source: string;
  editor?: string;
  doc_number?: string;
  index_number?: string;
  publisher?: string;
  column?: string;
  tags?: string[];
  original_url?: string;
  /** `YYYY-MM-DD`: when the page was fetched. */
  retrieved?: string;
  /** 附件 the page links to, at their original addresses. */
  attachments?: { url: string; title: string }[];
}

const QUOTED_KEYS = new Set<AnnouncementKey>(['date', 'retrieved']);

/**
 * Serialises front matter and body into the file's text.
 *
 * @example toAnnouncementFile({ title: '通知', date: '2015-05-20', source: '遂宁市府' }, '正文。\n')
 * // "---\ntitle: 通知\ndate: '2015-05-20'\nsource: 遂宁市府\n---\n\n正文。\n"
 */
export function toAnnouncementFile(frontMatter: AnnouncementFrontMatter, body: string): string {
  const ordered: Record<string, unknown> = {};
  for (const key of ANNOUNCEMENT_KEYS) {
    // Text is written as the schema will read it: a value that is nothing but invisible
    // characters (a scraped 索引号 cell holding a NUL) is left out, not written as an empty key.
    const raw = frontMatter[key];
    const value = typeof raw === 'string' ? toSchemaText(raw) : Array.isArray(raw) ? raw.map((item) => (typeof item === 'string' ? toSchemaText(item) : item)).filter((item) => item !== '') : raw;
    if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    ordered[key] = value;
  }
  const document = new Document(ordered);
  for (const key of QUOTED_KEYS) {
    const node = document.get(key, true);
    if (isScalar(node)) node.type = 'QUOTE_SINGLE';
  }
  const yaml = document.toString({ lineWidth: 0 });
  return `---\n${yaml}---\n\n${body.trim() === '' ? '' : body.replace(/\n*$/, '\n')}`;
}
