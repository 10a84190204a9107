/**
 * The importer's pipeline for one decoded page: find the article, extract its fields,
 * clean and collapse its body, and build the announcement file. Pure: no file access.
 *
 * decode (decode.ts) → format (input-format.ts) → article & fields → body → file
 */
import type { RootContent } from 'mdast';
import { findDates, sameDate, toFrontMatterDate, toPlainDateTime, type FoundDate } from './chinese-date.ts';
import { cleanArticleBlocks } from './article-blocks.ts';
import { announcementId } from './article-id.ts';
import { isChromeLine } from './chrome.ts';
import { decodeBytes, UndecodableInputError } from './decode.ts';
import { findEditor, findLabelledValue, findPublishDate, findRetrievedDate, isDocumentNumber } from './fields.ts';
import { normaliseFieldLines } from './labels.ts';
import { chooseSource } from './source.ts';
import { toAnnouncementFile, type AnnouncementFrontMatter } from './front-matter.ts';
import { createAnnouncementSchema, toSchemaText } from '../lib/schema.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { isHttpUrl, parseHtmlPage } from './html-page.ts';
import { detectFormat, parseExport, type ExportRecord } from './input-format.ts';
import { keepAttachmentLinks, type ImportedAttachment } from './attachment-links.ts';
import { paragraph, toMarkdown } from './markdown.ts';
import { cleanLine, spacedLabel, TERMINAL_PUNCTUATION, visibleLength } from './text-utils.ts';
import { chooseHtmlTitle, chooseTextTitle, findTitleLine, siteTitleParts, type TitleChoice } from './title.ts';

/** The fields as the page states them; `undefined` when the page does not say. */
export interface ExtractedFields {
  title?: string;
  subtitle?: string;
  date?: string;
  source?: string;
  editor?: string;
  doc_number?: string;
  index_number?: string;
  publisher?: string;
  column?: string;
  original_url?: string;
  retrieved?: string;
}

/** One page's import result. */
export interface PageImport {
  /** `undefined` when the page could not become an announcement (see `reason`). */
  file?: { id: string; year: string; text: string };
  fields: ExtractedFields;
  warnings: string[];
  /** Why the page failed, in words an operator can act on. */
  reason?: string;
  /** True when the page held its article twice and one copy was dropped. */
  duplicatedBody: boolean;
  /** The body as Markdown (also inside `file.text`). */
  body: string;
  format: 'html' | 'text' | 'export';
  /** Files the page links to, kept as attachments at their original addresses (not downloaded). */
  attachments: ImportedAttachment[];
}

export interface ImportOptions {
  /** The page's address when known from outside the file (a crawler's record). */
  url?: string;
  timeZone?: string;
  /**
   * The input file's name (no folder), e.g. `20190615_通知.txt`. Some text exports state their
   * date only there; it is used when the page itself shows no publish date.
   */
  fileName?: string;
}

/**
 * Imports one input file's bytes. A crawler export yields one result per record;
 * every other input yields one.
 *
 * @example importBytes(readFileSync('seed.txt'))[0]?.fields.title // '今年遂宁将建成7个省级安全社区'
 */
export function importBytes(bytes: Uint8Array, options: ImportOptions = {}): PageImport[] {
  let decoded;
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (error instanceof UndecodableInputError) return [failure(error.message, [], 'text')];
    throw error;
  }
  const format = detectFormat(decoded.text);
  if (format === 'export') {
    const records = parseExport(decoded.text);
    if (records.length === 0) return [failure('the JSON holds no page (no text or html field)', decoded.warnings, 'export')];
    return records.map((record) => withWarnings(importRecord(record, options), decoded.warnings));
  }
  return [withWarnings(importText(decoded.text, options), decoded.warnings)];
}

function withWarnings(result: PageImport, warnings: string[]): PageImport {
  return warnings.length === 0 ? result : { ...result, warnings: [...warnings, ...result.warnings] };
}

function failure(reason: string, warnings: string[], format: PageImport['format'], fields: ExtractedFields = {}): PageImport {
  return { fields, warnings, reason, duplicatedBody: false, body: '', format, attachments: [] };
}

/**
 * Imports one decoded page (HTML or a text dump; the format is detected).
 *
 * @example importText('<title>通知_某市</title><h1>通知</h1><p>发布日期：2019-03-06</p><p>正文，正文。</p>').fields.date // '2019-03-06'
 */
export function importText(text: string, options: ImportOptions = {}): PageImport {
  const format = detectFormat(text);
  if (format === 'export') {
    return parseExport(text).map((record) => importRecord(record, options))[0] ?? failure('the export holds no page', [], 'export');
  }
  return format === 'html' ? importHtml(text, options) : importPlainText(text, options);
}

function importRecord(record: ExportRecord, options: ImportOptions): PageImport {
  const url = options.url ?? (record.url && isHttpUrl(record.url) ? record.url : undefined);
  const hints: RecordHints = { title: record.title, date: record.date, retrieved: record.retrieved, source: record.source, site: record.site };
  const result = record.html !== undefined ? importHtml(record.html, { ...options, url }, hints) : importPlainText(record.text ?? '', { ...options, url }, hints);
  return { ...result, format: 'export' };
}

/** What a crawler's record says besides the page itself; used only where the page is silent. */
interface RecordHints {
  title?: string;
  date?: string;
  retrieved?: string;
  /** The outlet the crawler recorded (a 来源 candidate). */
  source?: string;
  /** The site the crawler read (never a 来源 of its own). */
  site?: string;
}

/** What the fields are read with besides the lines: where the page says who it is. */
interface PageContext {
  metaDates: { key: string; date: FoundDate }[];
  metaSource?: string;
  siteNames: string[];
  fileName?: string;
}

/** The front matter the site accepts; dates written with their offset read the same in any zone. */
const announcementSchema = createAnnouncementSchema();

const META_DATE_KEYS = ['pubdate', 'publishdate', 'firstpublishedtime', 'publishtime', 'article:published_time', 'dc.date', 'og:release_date', 'date'];
const META_SOURCE_KEYS = ['contentsource', 'source'];

function importHtml(html: string, options: ImportOptions, hints: RecordHints = {}): PageImport {
  const page = parseHtmlPage(html);
  const warnings: string[] = [];
  const { lines, meta } = page;
  const fieldLines = normaliseFieldLines(lines);
  const url = options.url ?? page.url;
  const labelled = findLabelledValue(fieldLines, spacedLabel('标题'), { keepSpaces: true, maxLineLength: 300 });
  let title = chooseHtmlTitle({
    lines,
    meta,
    documentTitle: page.documentTitle,
    headings: page.headings,
    labelled: labelled?.value ? { value: labelled.value, line: labelled.line } : undefined,
  });
  if (!title && hints.title) title = trustedHintTitle(hints.title, lines);

  const metaDates = META_DATE_KEYS.flatMap((key) => {
    const value = meta.get(key);
    const found = value ? findDates(value)[0] : undefined;
    return found ? [{ key, date: placeholderTimeToDay(found) }] : [];
  });
  const metaSource = META_SOURCE_KEYS.map((key) => meta.get(key)).find((value) => value && visibleLength(value) >= 2);
  const siteNames = [meta.get('sitename'), hints.site, ...siteTitleParts(page.documentTitle)].filter((name): name is string => !!name);
  const fields = extractCommonFields(fieldLines, title, warnings, hints, { metaDates, metaSource, siteNames, fileName: options.fileName });
  if (title && title.line >= 0) fields.subtitle = htmlSubtitle(lines, title.line);
  fields.column = meta.get('columnname') || undefined;
  fields.original_url = url;

  const blocks = htmlToBlocks(page.contentRoot, url);
  return finish(fields, blocks, title, warnings, false, 'html');
}

function importPlainText(text: string, options: ImportOptions, hints: RecordHints = {}): PageImport {
  const warnings: string[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  let title = chooseTextTitle(lines);
  if (!title && hints.title) title = trustedHintTitle(hints.title, lines);
  const siteNames = hints.site ? [hints.site] : [];
  const fields = extractCommonFields(normaliseFieldLines(lines), title, warnings, hints, { metaDates: [], siteNames, fileName: options.fileName });
  const retrieved = findRetrievedDate(lines);
  if (retrieved && (!title || title.line < 0 || lines.findIndex((line) => line !== '') < title.line)) {
    fields.retrieved = toPlainDateTime({ ...retrieved, precision: 'day' });
  }
  fields.original_url = options.url;
  const start = title && title.line >= 0 ? title.line + 1 : 0;
  const blocks = lines.slice(start).filter((line) => line !== '').map((line) => paragraph(line));
  return finish(fields, blocks, title, warnings, true, 'text');
}

/** A crawler's title is trusted when the page shows it, or when it is long enough not to be a site name. */
function trustedHintTitle(hint: string, lines: readonly string[]): TitleChoice | undefined {
  const line = findTitleLine(lines, hint, 0.9);
  if (line >= 0 || visibleLength(hint) >= 6) return { title: hint.trim(), line, from: 'export' };
  return undefined;
}

/** Meta times of 00:00:00 or 23:59:59 are "some time that day", not a published minute. */
function placeholderTimeToDay(date: FoundDate): FoundDate {
  const placeholder = (date.hour === 0 && date.minute === 0) || (date.hour === 23 && date.minute === 59);
  return placeholder ? { ...date, precision: 'day', hour: undefined, minute: undefined, second: undefined } : date;
}

/**
 * The page's day with the crawler's time of day: when the page shows only the day and the
 * record has a time on that same day, the record is the more precise statement of one fact.
 * A time of 00:00:00 (or 23:59) is the day padded, not a time.
 */
function withRecordTime(visible: FoundDate, hint: string | undefined): FoundDate | undefined {
  const recorded = hint ? findDates(hint)[0] : undefined;
  if (!recorded || visible.precision !== 'day' || recorded.precision === 'day' || !sameDate(visible, recorded)) return undefined;
  if ((recorded.hour === 0 && recorded.minute === 0 && !recorded.second) || (recorded.hour === 23 && recorded.minute === 59)) return undefined;
  return { ...visible, hour: recorded.hour, minute: recorded.minute, second: recorded.second, precision: recorded.precision };
}

// 20190615_通知.txt, 2019-06-15-通知.html, 通知_2019年6月15日.txt.
const FILE_NAME_DATE = /(?<!\d)((?:19|20)\d{2})([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)|((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日/u;

/** A whole date in an input file's name, if it has one. */
export function dateInFileName(fileName: string | undefined): FoundDate | undefined {
  const match = fileName ? FILE_NAME_DATE.exec(fileName) : null;
  if (!match) return undefined;
  const text = match[1] ? `${match[1]}-${match[3]}-${match[4]}` : `${match[5]}-${match[6]}-${match[7]}`;
  return findDates(text)[0];
}

function extractCommonFields(
  lines: readonly string[],
  title: TitleChoice | undefined,
  warnings: string[],
  hints: RecordHints,
  context: PageContext,
): ExtractedFields {
  const { metaDates } = context;
  const after = title?.line ?? 0;
  const fields: ExtractedFields = {};
  if (title) fields.title = title.title;

  const found = findPublishDate(lines, title?.line ?? -1);
  const recordTime = found ? withRecordTime(found, hints.date) : undefined;
  if (recordTime) warnings.push(`the page shows only the day ${toPlainDateTime(found!)}; took the time from the crawler's record (${toPlainDateTime(recordTime)})`);
  const visible = recordTime ?? found;
  // A dump that dates itself only in its title (2019年6月15日全县…) or only in its file name.
  const titleDate = title ? findDates(title.title)[0] : undefined;
  const leadingTitleDate = titleDate && titleDate.index === 0 ? titleDate : undefined;
  const fileDate = dateInFileName(context.fileName);
  if (visible) {
    fields.date = toFrontMatterDate(visible);
    for (const { key, date } of metaDates) {
      if (!sameDate(visible, date)) {
        warnings.push(`the page shows ${toPlainDateTime(visible)} but <meta name="${key}"> says ${toPlainDateTime(date)}; kept the visible date`);
        break;
      }
    }
  } else if (metaDates[0]) {
    fields.date = toFrontMatterDate(metaDates[0].date);
    warnings.push(`no publish date on the page; took ${toPlainDateTime(metaDates[0].date)} from <meta name="${metaDates[0].key}">`);
  } else if (hints.date && findDates(hints.date)[0]) {
    const date = findDates(hints.date)[0]!;
    fields.date = toFrontMatterDate(date);
    warnings.push(`no publish date on the page; took ${toPlainDateTime(date)} from the crawler's record`);
  } else if (leadingTitleDate) {
    fields.date = toFrontMatterDate(leadingTitleDate);
    warnings.push(`no publish date on the page; took ${toPlainDateTime(leadingTitleDate)} from the start of the title`);
  } else if (fileDate) {
    fields.date = toFrontMatterDate(fileDate);
    warnings.push(`no publish date on the page; took ${toPlainDateTime(fileDate)} from the file name ${context.fileName}`);
  }
  if (hints.retrieved && findDates(hints.retrieved)[0]) {
    fields.retrieved = toPlainDateTime({ ...findDates(hints.retrieved)[0]!, precision: 'day' });
  }

  const source = chooseSource({
    lines,
    titleLine: title?.line ?? -1,
    metaSource: context.metaSource,
    recordSource: hints.source,
    siteNames: context.siteNames,
  });
  if (source) fields.source = source.value;
  const publisher = findLabelledValue(lines, ['发布机构', '发文机关', '发文单位', '发布单位', '发文机构'].map(spacedLabel).join('|'), { after, organisations: true });
  if (publisher?.value) fields.publisher = publisher.value;
  const editor = findEditor(lines, after);
  if (editor?.value) fields.editor = editor.value;
  // 文号 only from its own field, and only when the value is shaped like one.
  const docNumber = findLabelledValue(lines, ['发文字号', '文号', '发文文号'].map(spacedLabel).join('|'), { after, keepSpaces: true });
  if (docNumber?.value && isDocumentNumber(docNumber.value)) fields.doc_number = docNumber.value.replace(/\s+/gu, '');
  const indexNumber = findLabelledValue(lines, spacedLabel('索引号'), { after });
  if (indexNumber?.value) fields.index_number = indexNumber.value;
  return fields;
}

/** A short line between the title and the meta line is the subtitle (副标题). */
function htmlSubtitle(lines: readonly string[], titleLine: number): string | undefined {
  const candidate = lines[titleLine + 1];
  const next = lines[titleLine + 2];
  if (!candidate || !next) return undefined;
  const length = visibleLength(candidate);
  if (length < 4 || length > 50 || TERMINAL_PUNCTUATION.test(candidate) || isChromeLine(candidate)) return undefined;
  if (findDates(candidate).length > 0 || /[:：]/u.test(candidate)) return undefined;
  return findDates(next).length > 0 || /来源|作者|发布/u.test(next) ? candidate : undefined;
}

function finish(
  fields: ExtractedFields,
  rawBlocks: RootContent[],
  title: TitleChoice | undefined,
  warnings: string[],
  isText: boolean,
  format: PageImport['format'],
): PageImport {
  // Values as the site's schema reads them, so what the report says is what the file holds.
  for (const key of Object.keys(fields) as (keyof ExtractedFields)[]) {
    const value = fields[key] === undefined ? '' : toSchemaText(fields[key]);
    if (value) fields[key] = value;
    else delete fields[key];
  }
  const article = cleanArticleBlocks(rawBlocks, { title: fields.title ?? '', detectSubtitle: isText && !fields.subtitle });
  if (article.subtitle) fields.subtitle = article.subtitle;
  if (fields.subtitle && fields.subtitle === fields.title) delete fields.subtitle;
  const attachments = keepAttachmentLinks(article.blocks, warnings);
  const body = toMarkdown(article.blocks);
  const duplicatedBody = article.droppedRepeats > 0;
  if (duplicatedBody) warnings.push(`the page holds its article twice; kept the first copy (${article.droppedRepeats} blocks dropped)`);

  if (!title || !fields.title) {
    const reason = fields.date ? 'no title found' : 'no title or publish date found';
    return { ...failure(reason, warnings, format, fields), duplicatedBody };
  }
  if (!fields.date) return { ...failure('no publish date found', warnings, format, fields), duplicatedBody };
  if (article.blocks.length === 0) warnings.push('the article body is empty');

  let source = fields.source;
  if (!source) {
    // A website (县政府网站) is where the page stood, not who issued it.
    const publisher = fields.publisher && !/网站$|网$/u.test(fields.publisher) ? fields.publisher : undefined;
    source = publisher ?? '未注明';
    warnings.push(publisher ? `no 来源 on the page; used the publisher ${publisher}` : 'no 来源 on the page; wrote source: 未注明');
  }
  const frontMatter: AnnouncementFrontMatter = {
    title: fields.title,
    subtitle: fields.subtitle,
    date: fields.date,
    source,
    editor: fields.editor,
    doc_number: fields.doc_number,
    index_number: fields.index_number,
    publisher: fields.publisher,
    column: fields.column,
    original_url: fields.original_url,
    retrieved: fields.retrieved,
    attachments: attachments.length ? attachments : undefined,
  };
  // The site checks every file against its schema: a page that would fail there (a title run on
  // past 200 characters because the page's markup is broken) is refused here, with the reason.
  const checked = announcementSchema.safeParse(frontMatter);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    return { ...failure(`the page's ${issue.path.join('.')} cannot be used: ${issue.message}`, warnings, format, fields), duplicatedBody };
  }
  const id = announcementId({ title: fields.title, date: fields.date, source: fields.source, originalUrl: fields.original_url });
  return {
    file: { id, year: fields.date.slice(0, 4), text: toAnnouncementFile(frontMatter, body) },
    fields,
    warnings,
    duplicatedBody,
    body,
    format,
    attachments,
  };
}
