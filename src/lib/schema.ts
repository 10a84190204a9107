/**
 * The front-matter contract: what an author may write at the top of an announcement,
 * and what site.yaml and sources.yaml hold. One Zod schema each; every message names the
 * field and says how to fix it (see {@link formatIssues}).
 */
import { z } from 'zod';
import { DateParseError, DEFAULT_TIME_ZONE, parseDate, toIsoWithOffset, type ParsedDate } from './dates.ts';

export { DEFAULT_TIME_ZONE };

const DATE_HINT = 'write 2015-05-20 or 2015-05-20T17:18:00+08:00';
const MAX_TITLE_LENGTH = 200;
const MAX_LINE_LENGTH = 500;

/** A date field: ISO 8601 text, read in `timeZone` when it has no offset. */
function dateField(timeZone: string) {
  return z.unknown().transform((value, context): ParsedDate => {
    if (value instanceof Date) {
      // Only reached when a YAML parser that knows timestamps was used: its UTC reading
      // of an offset-less value is the author's wall-clock time in the site's zone.
      const iso = value.toISOString().slice(0, 19);
      return parseDate(iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso, timeZone);
    }
    if (typeof value !== 'string') {
      context.addIssue({ code: 'custom', message: `${JSON.stringify(value) ?? 'nothing'} is not a date (${DATE_HINT})` });
      return z.NEVER;
    }
    try {
      return parseDate(value, timeZone);
    } catch (error) {
      if (!(error instanceof DateParseError)) throw error;
      context.addIssue({ code: 'custom', message: `${error.message} (${DATE_HINT})` });
      return z.NEVER;
    }
  });
}

// Control and zero-width characters are invisible in a title and illegal in feeds.
const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;

/**
 * A text value as the schema reads it: control and zero-width characters removed, ends trimmed.
 * A value empty after this is no value (the schema calls it empty).
 *
 * @example toSchemaText(' 遂宁市府\u200B ') // '遂宁市府'
 */
export function toSchemaText(value: string): string {
  return value.replace(INVISIBLE, '').trim();
}

const text = (field: string, max = MAX_LINE_LENGTH) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is missing` : `${field} must be text`) })
    .transform((value) => value.replace(INVISIBLE, ''))
    .pipe(
      z
        .string()
        .trim()
        .min(1, `${field} is empty`)
        .max(max, `${field} is longer than ${max} characters`),
    );

const optionalText = (field: string, max = MAX_LINE_LENGTH) =>
  z.preprocess((value) => (value === null || value === '' ? undefined : value), text(field, max).optional());

/** Keys written as a YAML list or a single value both become a list. */
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (value === undefined || value === null ? [] : Array.isArray(value) ? value : [value]), z.array(item));

/**
 * The keys an author writes in a file's front matter, in the order they are documented and
 * written by the importer, for a site whose dates are read in `timeZone`.
 */
function announcementFields(timeZone: string) {
  return z.strictObject({
    /** 标题. Required. Shown as the page heading and in listings, feeds and search. */
    title: text('title', MAX_TITLE_LENGTH),
    /** 副标题, shown under the title. */
    subtitle: optionalText('subtitle', MAX_TITLE_LENGTH),
    /** 发布时间. Required. `2015-05-20 17:18` means Beijing time; add `+08:00` or `Z` to be explicit. */
    date: dateField(timeZone),
    /** 来源: the issuing body, as readers know it (遂宁市府). Listed bodies live in sources.yaml. */
    source: text('source'),
    /** 责任编辑; several names separated by spaces. */
    editor: optionalText('editor'),
    /** Later changes, newest last: `{ date, note }` each, shown as the page's history. */
    updated: list(
      z.strictObject({
        date: dateField(timeZone),
        note: text('updated.note'),
      }),
    ),
    /** 文号, e.g. 遂府发〔2015〕12号. */
    doc_number: optionalText('doc_number'),
    /** 索引号 from the 政府信息公开 catalogue. */
    index_number: optionalText('index_number'),
    /** 发布机构: the full name of the publishing body when it differs from `source`. */
    publisher: optionalText('publisher'),
    /** 栏目: the portal column (通知公告, 政务要闻…), used for the ColumnName meta tag. */
    column: optionalText('column'),
    /** Free keywords. */
    tags: list(text('tags')),
    /** Where the announcement was first published, for imported pages. */
    original_url: z.preprocess(
      (value) => (value === null || value === '' ? undefined : value),
      z.url({ protocol: /^https?$/, error: 'original_url must be an http(s) address' }).optional(),
    ),
    /** The day an imported page was fetched; never the publish date. */
    retrieved: z.preprocess((value) => (value === null || value === '' ? undefined : value), dateField(timeZone).optional()),
    /** `true` keeps the file out of the site entirely. */
    draft: z.boolean({ error: 'draft must be true or false' }).default(false),
    /** A withdrawn notice keeps its page, with a banner, but leaves listings, feeds and search. */
    withdrawn: z
      .strictObject({
        date: dateField(timeZone),
        reason: text('withdrawn.reason'),
      })
      .optional(),
    /** Marks this file as a copy of another: the id (`2015/suining-safety`) of the canonical announcement. */
    canonical: optionalText('canonical'),
    /** Ids of announcements that look alike but must never be merged with this one. */
    not_duplicate_of: list(text('not_duplicate_of')),
  });
}

/** Builds the announcement schema for a site whose dates are read in `timeZone`. */
export function createAnnouncementSchema(timeZone = DEFAULT_TIME_ZONE) {
  return announcementFields(timeZone)
    .transform(({ date, updated, retrieved, withdrawn, ...rest }) => ({
      ...rest,
      date: date.date,
      datePrecision: date.precision,
      updated: updated.map((change) => ({ date: change.date.date, note: change.note })),
      retrieved: retrieved?.date,
      withdrawn: withdrawn && { date: withdrawn.date.date, reason: withdrawn.reason },
    }));
}

export type AnnouncementData = z.output<ReturnType<typeof createAnnouncementSchema>>;

/** A front-matter key an author may use. */
export type AnnouncementKey = keyof ReturnType<typeof announcementFields>['shape'];

/** The front-matter keys, in the schema's order: for "did you mean" hints and for writing files. */
export const ANNOUNCEMENT_KEYS = Object.keys(announcementFields(DEFAULT_TIME_ZONE).shape) as readonly AnnouncementKey[];

/**
 * A date as a file writes it: a bare day as it is, a time of day as ISO 8601 with the offset of
 * `timeZone`, so no reader of the file has to know the site's zone.
 *
 * @param wallTime `2015-05-20` or `2015-05-20 17:18[:05]`, wall-clock time in `timeZone`
 * @example toFrontMatterDate('2015-05-20 17:18') // '2015-05-20T17:18:00+08:00'
 */
export function toFrontMatterDate(wallTime: string, timeZone = DEFAULT_TIME_ZONE): string {
  const parsed = parseDate(wallTime, timeZone);
  return parsed.precision === 'day' ? wallTime : toIsoWithOffset(parsed.date, timeZone);
}

/** content/site.yaml: the portal's identity, shown in the header, footer and meta tags. */
export const siteSchema = z.strictObject({
  /** 网站名称, e.g. 遂宁市人民政府. */
  name: text('name').default('Gazette 公告'),
  /** One sentence for search engines and feed readers. */
  description: text('description').default('政府信息公开与通知公告'),
  /** The public address the site is served from, used for canonical links and feeds. */
  url: z.url({ protocol: /^https?$/, error: 'url must be the site\'s public http(s) address, e.g. https://www.example.gov.cn/' }).default('https://example.gov.cn/'),
  /** 主办单位. */
  organizer: optionalText('organizer'),
  /** 承办 / 运行维护单位. */
  operator: optionalText('operator'),
  /** 网站标识码 (10 characters, e.g. 5109000001). */
  site_code: optionalText('site_code'),
  /** ICP备案号, e.g. 蜀ICP备05003828号. Linked to beian.miit.gov.cn. */
  icp: optionalText('icp'),
  /** 公安机关备案号, e.g. 川公网安备 51090302000104号. Linked to beian.mps.gov.cn. */
  police_record: optionalText('police_record'),
  /** Page language. */
  language: text('language').default('zh-CN'),
  /** IANA zone that offset-less dates are read in. */
  time_zone: text('time_zone')
    .refine((zone) => isTimeZone(zone), { message: 'time_zone is not an IANA time zone (write Asia/Shanghai)' })
    .default(DEFAULT_TIME_ZONE),
  /** Announcements per listing page. */
  page_size: z.int({ error: 'page_size must be a whole number' }).min(1, 'page_size must be between 1 and 200').max(200, 'page_size must be between 1 and 200').default(20),
});

export type SiteConfig = z.output<typeof siteSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** content/sources.yaml: the issuing bodies, so aliases share one page and feed. */
export const sourcesSchema = z.array(
  z.strictObject({
    /** The name readers see, e.g. 遂宁市人民政府. */
    name: text('name'),
    /** Lower-case ASCII used in URLs: /sources/suining/. */
    slug: text('slug').refine((slug) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug), 'slug must be lower-case letters, digits and hyphens (suining-gov)'),
    /** The full legal name, when `name` is short. */
    full_name: optionalText('full_name'),
    /** Other spellings found in `source` fields (遂宁市府). */
    aliases: list(text('aliases')),
  }),
);

export type SourceEntry = z.output<typeof sourcesSchema>[number];

/** One problem in one file, as shown to maintainers: `file → field: problem`. */
export interface ContentProblem {
  file: string;
  field: string;
  message: string;
}

/** Formats a problem as the single line the build and `npm run check` print. */
export function formatProblem(problem: ContentProblem): string {
  return problem.field ? `${problem.file} → ${problem.field}: ${problem.message}` : `${problem.file}: ${problem.message}`;
}

/**
 * Turns Zod issues into one problem per field, with hints: a misspelt key names the
 * key it probably meant.
 *
 * @param knownKeys keys valid at the top level, for "did you mean" hints
 */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const nearest = nearestKey(key, knownKeys);
        const where = field ? `${field}.${key}` : key;
        problems.push({
          file,
          field: where,
          message: nearest ? `unknown key (did you mean "${nearest}"?)` : `unknown key (valid keys: ${knownKeys.join(', ')})`,
        });
      }
      continue;
    }
    problems.push({ file, field: field || '(front matter)', message: issue.message });
  }
  return problems;
}

/** The closest valid key by edit distance, if it is close enough to be a typo. */
export function nearestKey(key: string, knownKeys: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of knownKeys) {
    const distance = editDistance(key.toLowerCase(), candidate);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
