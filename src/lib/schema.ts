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

/** What the announcement schema needs to know of a site's 栏目. */
export interface ColumnNames {
  name: string;
  slug: string;
}

/**
 * 栏目: with columns in site.yaml, the value must name one of them (by name or slug), and a
 * near miss suggests the nearest; without columns any text is accepted, as before.
 */
function columnField(columns: readonly ColumnNames[]) {
  const field = optionalText('column');
  if (columns.length === 0) return field;
  const names = columns.map((column) => column.name);
  return field.superRefine((value, context) => {
    if (value === undefined || columns.some((column) => column.name === value || column.slug === value)) return;
    const nearest = nearestKey(value, names);
    context.addIssue({
      code: 'custom',
      message: nearest
        ? `"${value}" is not a column in site.yaml (did you mean "${nearest}"?)`
        : `"${value}" is not a column in site.yaml (columns: ${names.join(', ')})`,
    });
  });
}

/** The statuses of a 政务公开 document that is no longer 有效 (validity.status). */
export const VALIDITY_STATUSES = ['已废止', '已失效', '已修订'] as const;
export type ValidityStatus = (typeof VALIDITY_STATUSES)[number];

/** What a document's validity reads when it says nothing: still in force. */
export const VALID = '有效';

/**
 * 附件: a file beside the Markdown (`file`, a path relative to the announcement file, inside its
 * folder) or, for an imported page, the attachment's original address (`url`), which is linked
 * and never downloaded. `title` defaults to the file's name.
 */
const attachmentField = z
  .strictObject({
    file: optionalText('attachments.file'),
    url: z.preprocess(
      (value) => (value === null || value === '' ? undefined : value),
      z.url({ protocol: /^https?$/, error: 'attachments.url must be an http(s) address' }).optional(),
    ),
    title: optionalText('attachments.title', MAX_TITLE_LENGTH),
  })
  .superRefine((value, context) => {
    if (value.file === undefined && value.url === undefined) context.addIssue({ code: 'custom', message: 'each attachment needs a file (a path beside the Markdown, e.g. 附件1.pdf) or the url it was published at' });
    if (value.file !== undefined && value.url !== undefined) context.addIssue({ code: 'custom', path: ['url'], message: 'give a file or a url, not both (a file beside the Markdown is served by the site; a url is linked as it is)' });
  });

/**
 * 有效性: `有效` (the default), or `{ status: 已废止 | 已失效 | 已修订, date, note, replaced_by }`.
 */
function validityField(timeZone: string) {
  return z.preprocess(
    (value) => (value === null || value === '' ? undefined : value),
    z
      .union([
        z.literal(VALID),
        z.strictObject({
          status: z.enum(VALIDITY_STATUSES, { error: `validity.status must be one of ${VALIDITY_STATUSES.join(', ')} (or write validity: ${VALID})` }),
          date: dateField(timeZone),
          note: optionalText('validity.note'),
          replaced_by: optionalText('validity.replaced_by'),
        }),
      ], { error: `validity must be ${VALID} or { status: ${VALIDITY_STATUSES.join(' | ')}, date, note, replaced_by }` })
      .optional(),
  );
}

/**
 * The keys an author writes in a file's front matter, in the order they are documented and
 * written by the importer, for a site whose dates are read in `timeZone`.
 */
function announcementFields(timeZone: string, columns: readonly ColumnNames[] = []) {
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
    /**
     * 栏目: the portal column (通知公告, 政策文件…). With `columns` in site.yaml it must name one of
     * them, and the announcement is listed on that column's page and feed; it is also the
     * ColumnName meta tag.
     */
    column: columnField(columns),
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
    /**
     * A withdrawn notice keeps its page, with a banner and 已撤回 in its title, but leaves
     * listings, feeds and search. `replaced_by` is the id of the announcement that replaces it.
     */
    withdrawn: z
      .strictObject({
        date: dateField(timeZone),
        reason: text('withdrawn.reason'),
        replaced_by: optionalText('withdrawn.replaced_by'),
      })
      .optional(),
    /** Marks this file as a copy of another: the id (`2015/suining-safety`) of the canonical announcement. */
    canonical: optionalText('canonical'),
    /** Ids of announcements that look alike but must never be merged with this one. */
    not_duplicate_of: list(text('not_duplicate_of')),
    /**
     * 附件: `[{ file, title }]`, files beside the Markdown (`岗位表.xlsx`, or a path inside the
     * announcement's folder), listed under the body with their type, size and (PDF) page count;
     * an imported page's attachments keep their original address as `{ url, title }`.
     */
    attachments: list(attachmentField),
    /** 主题分类 of the 政府信息公开 catalogue (综合政务, 劳动、人事、监察…). */
    topic: optionalText('topic'),
    /** 公文种类: 通知, 公告, 通告, 意见, 办法, 决定… */
    doc_type: optionalText('doc_type'),
    /** 成文日期: the day the document was signed, which may be before its publication. */
    written: z.preprocess((value) => (value === null || value === '' ? undefined : value), dateField(timeZone).optional()),
    /** 主题词, shown in the 政务公开 table (write a list or one line). */
    keywords: list(text('keywords')),
    /**
     * 有效性: 有效 unless said otherwise; `{ status: 已废止 | 已失效 | 已修订, date, note, replaced_by }`
     * for a document that is no longer in force. It stays listed and searchable, with a banner;
     * `replaced_by` is the id of the announcement now in force.
     */
    validity: validityField(timeZone),
    /** 政策解读: the id of the policy this announcement interprets (`2016/safety-month-plan`); the two pages link each other. */
    interprets: optionalText('interprets'),
    /** 相关公告: ids of related announcements; each page links the other. */
    related: list(text('related')),
  });
}

/**
 * Builds the announcement schema for a site whose dates are read in `timeZone` and whose
 * site.yaml lists `columns` (an announcement's `column` must name one of them, when there are any).
 */
export function createAnnouncementSchema(timeZone = DEFAULT_TIME_ZONE, columns: readonly ColumnNames[] = []) {
  return announcementFields(timeZone, columns)
    .transform(({ date, updated, retrieved, withdrawn, written, validity, attachments, ...rest }) => ({
      ...rest,
      date: date.date,
      datePrecision: date.precision,
      updated: updated.map((change) => ({ date: change.date.date, note: change.note })),
      retrieved: retrieved?.date,
      withdrawn: withdrawn && { date: withdrawn.date.date, reason: withdrawn.reason, replacedBy: withdrawn.replaced_by },
      attachments: attachments.map(({ file, url, title }) => ({ ...(file !== undefined && { file }), ...(url !== undefined && { url }), ...(title !== undefined && { title }) })),
      written: written && { date: written.date, precision: written.precision },
      validity: validity === undefined || validity === VALID ? undefined : { status: validity.status, date: validity.date.date, note: validity.note, replacedBy: validity.replaced_by },
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

/** 索引号 by default: organisation code (9 or 18 characters), `/`, year, `-`, serial. */
export const DEFAULT_INDEX_NUMBER_PATTERN = '^[0-9A-Z]{9}(?:[0-9A-Z]{9})?/\\d{4}-\\d+$';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const slugField = (field: string, example: string) =>
  text(field).refine((slug) => SLUG.test(slug), `${field} must be lower-case letters, digits and hyphens (${example})`);

/** A file the site serves (`/images/logo.svg`, from public/) or an https address. */
const imageField = (field: string) =>
  optionalText(field).refine((value) => value === undefined || /^\/(?!\/)|^https:\/\//.test(value), `${field} must be a path on the site (/images/logo.svg, a file in public/) or an https:// address`);

/** One 栏目 of site.yaml's `columns`. */
export const columnSchema = z.strictObject({
  /** The name readers see and authors write in `column:` (通知公告). */
  name: text('columns.name', 20),
  /** Lower-case ASCII used in URLs: /columns/tzgg/. */
  slug: slugField('columns.slug', 'tzgg'),
  /** One sentence under the column's heading. */
  description: optionalText('columns.description'),
  /** Position in the navigation, smallest first; columns without one follow in the order listed. */
  order: z.int({ error: 'columns.order must be a whole number' }).optional(),
});

export type ColumnEntry = z.output<typeof columnSchema>;

/** content/site.yaml: the portal's identity, shown in the header, footer and meta tags. */
export const siteSchema = z.strictObject({
  /** 网站名称, e.g. 遂宁市人民政府. */
  name: text('name').default('Gazette 公告'),
  /** One sentence for search engines and feed readers. */
  description: text('description').default('政府信息公开与通知公告'),
  /** The public address the site is served from, used for canonical links and feeds. */
  url: z.url({ protocol: /^https?$/, error: 'url must be the site\'s public http(s) address, e.g. https://www.example.gov.cn/' }).default('https://example.gov.cn/'),
  /** The portal's logo or emblem, shown before its name in the header: a path on the site or an https address. */
  logo: imageField('logo'),
  /** 主办单位. */
  organizer: optionalText('organizer'),
  /** 承办单位, when it is not the 主办单位. */
  undertaker: optionalText('undertaker'),
  /** 运行维护单位. */
  operator: optionalText('operator'),
  /** 联系方式 in the footer: a telephone number, an address or an e-mail, as one line. */
  contact: optionalText('contact'),
  /** 网站标识码 (10 characters, e.g. 5109000001). */
  site_code: optionalText('site_code'),
  /** ICP备案号, e.g. 蜀ICP备05003828号. Linked to beian.miit.gov.cn. */
  icp: optionalText('icp'),
  /** 公安机关备案号, e.g. 川公网安备 51090302000104号. Linked to beian.mps.gov.cn, with its badge. */
  police_record: optionalText('police_record'),
  /**
   * 党政机关网站标识: the badge image issued to the site (a path on the site or an https address)
   * and the address of its certificate (https://bszs.conac.cn/sitename?method=show&id=…).
   */
  government_badge: z
    .strictObject({
      image: imageField('government_badge.image').pipe(z.string({ error: 'government_badge.image is missing' })),
      certificate: z.url({ protocol: /^https?$/, error: 'government_badge.certificate must be the http(s) address of the certificate' }),
    })
    .optional(),
  /** 政府网站找错: where readers report an error on the site, an http(s) address or a mailto: link. */
  error_report: z
    .preprocess(
      (value) => (value === null || value === '' ? undefined : value),
      z.url({ protocol: /^(https?|mailto)$/, error: 'error_report must be an http(s) address or a mailto: link' }).optional(),
    ),
  /** Page language. */
  language: text('language').default('zh-CN'),
  /** IANA zone that offset-less dates are read in. */
  time_zone: text('time_zone')
    .refine((zone) => isTimeZone(zone), { message: 'time_zone is not an IANA time zone (write Asia/Shanghai)' })
    .default(DEFAULT_TIME_ZONE),
  /**
   * The pattern every `index_number` (索引号) follows, as a regular expression; a value that does
   * not match is a warning naming the file. By default: the organisation code (9 characters, or
   * the 18-character 统一社会信用代码), `/`, the year, `-` and a serial: 11510900MB1234567X/2024-00012.
   */
  index_number_pattern: text('index_number_pattern')
    .refine((pattern) => isRegExp(pattern), { message: 'index_number_pattern is not a regular expression (e.g. ^[0-9A-Z]{9}(?:[0-9A-Z]{9})?/\\d{4}-\\d+$)' })
    .default(DEFAULT_INDEX_NUMBER_PATTERN),
  /** 附件 larger than this many megabytes are reported as a warning (readers on phones download them). */
  large_attachment_mb: z.number({ error: 'large_attachment_mb must be a number of megabytes' }).positive('large_attachment_mb must be more than 0').default(50),
  /** Announcements per listing page. */
  page_size: z.int({ error: 'page_size must be a whole number' }).min(1, 'page_size must be between 1 and 200').max(200, 'page_size must be between 1 and 200').default(20),
  /**
   * 栏目: the portal's columns, each with a listing page, a feed and a place in the main
   * navigation. Without it the site has no columns and `column` is free text.
   */
  columns: z
    .array(columnSchema)
    .default([])
    .superRefine((columns, context) => {
      const seen = new Map<string, number>();
      columns.forEach((column, index) => {
        for (const [key, value] of [['name', column.name], ['slug', column.slug]] as const) {
          const earlier = seen.get(`${key} ${value}`);
          if (earlier !== undefined) context.addIssue({ code: 'custom', path: [index, key], message: `"${value}" is already the ${key} of the column ${columns[earlier]!.name} (give each column its own ${key})` });
          else seen.set(`${key} ${value}`, index);
        }
      });
    }),
});

export type SiteConfig = z.output<typeof siteSchema>;

function isRegExp(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

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
    slug: slugField('slug', 'suining-gov'),
    /** The full legal name, when `name` is short. */
    full_name: optionalText('full_name'),
    /** Other spellings found in `source` fields (遂宁市府). */
    aliases: list(text('aliases')),
    /** The heading the body is listed under on the sources page (市政府, 部门, 区县…). */
    group: optionalText('group'),
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
 * The keys valid inside an object schema at every depth, by path with list positions left
 * out (`''`, `columns`, `withdrawn`), for "did you mean" hints on nested keys.
 *
 * @example keysByPath(siteSchema).get('columns') // ['name', 'slug', 'description', 'order']
 */
export function keysByPath(schema: z.ZodType): Map<string, readonly string[]> {
  const found = new Map<string, readonly string[]>();
  const walk = (node: z.core.$ZodType, path: string) => {
    const def = node._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      // A union of objects (validity) offers the keys of each.
      found.set(path, [...new Set([...(found.get(path) ?? []), ...Object.keys(shape)])]);
      for (const [key, child] of Object.entries(shape)) walk(child, path ? `${path}.${key}` : key);
    } else {
      // Wrappers (optional, default, pipe, preprocess, array) hold the schema inside.
      for (const inner of [def.innerType, def.in, def.out, def.element, ...((def.options as unknown[] | undefined) ?? [])]) if (inner) walk(inner as z.core.$ZodType, path);
    }
  };
  walk(schema, '');
  return found;
}

/**
 * Turns Zod issues into one problem per field, with hints: a misspelt key names the
 * key it probably meant.
 *
 * @param knownKeys keys valid at the top level, or by path (see {@link keysByPath}), for "did you mean" hints
 */
export function formatIssues(file: string, issues: readonly z.core.$ZodIssue[], knownKeys: readonly string[] | ReadonlyMap<string, readonly string[]>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const at = issue.path.filter((part) => typeof part === 'string').join('.');
      const keys = Array.isArray(knownKeys) ? knownKeys : ((knownKeys as ReadonlyMap<string, readonly string[]>).get(at) ?? []);
      for (const key of issue.keys) {
        const nearest = nearestKey(key, keys);
        const where = field ? `${field}.${key}` : key;
        problems.push({
          file,
          field: where,
          message: nearest ? `unknown key (did you mean "${nearest}"?)` : `unknown key (valid keys: ${keys.join(', ')})`,
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
