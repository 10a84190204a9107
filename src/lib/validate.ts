/**
 * Validates a whole content folder without building: every announcement, site.yaml and
 * sources.yaml. Reports every problem in every file, never only the first.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findDoubledBody } from '../dedup/index.ts';
import { ContentFolderError, displayPath, FrontMatterError, listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from './content-files.ts';
import { paths as sitePaths } from './paths.ts';
import { checkAnnouncementFiles, type FileLimits } from './attachments.ts';
import { findLocalReferences } from './local-files.ts';
import { createAnnouncementSchema, DEFAULT_INDEX_NUMBER_PATTERN, formatIssues, keysByPath, nearestKey, type AnnouncementData, type ContentProblem, type SiteConfig, type SourceEntry } from './schema.ts';
import { contentPaths, loadSiteConfig, loadSources } from './site-config.ts';
import { createSourceRegistry } from './sources.ts';

/** A file that passed validation. */
export interface ValidAnnouncement {
  id: string;
  file: string;
  data: AnnouncementData;
  body: string;
}

export interface ValidationResult {
  announcements: ValidAnnouncement[];
  /** site.yaml's values, when it is valid (all defaults without the file). */
  site?: SiteConfig;
  /** sources.yaml's bodies, when it is valid. */
  sources?: SourceEntry[];
  /** Problems that fail the build. */
  problems: ContentProblem[];
  /** Things worth fixing that do not stop the build. */
  warnings: ContentProblem[];
}

/** Bigger files are refused: a front matter this large is a broken export, not an announcement. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Validates `contentDir`. File names in messages are relative to `displayRoot`.
 *
 * @example validateContent('content').problems // [] when everything is valid
 */
export function validateContent(contentDir: string, displayRoot = process.cwd()): ValidationResult {
  const paths = contentPaths(contentDir);
  const show = (path: string) => displayPath(path, displayRoot);
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];

  const folderProblem = checkContentFolder(contentDir, show);
  if (folderProblem) return { announcements: [], problems: [folderProblem], warnings };

  const site = loadSiteConfig(contentDir, show(paths.site));
  if (!site.ok) problems.push(...site.problems);
  const sources = loadSources(contentDir, show(paths.sources));
  if (!sources.ok) problems.push(...sources.problems);

  const schema = createAnnouncementSchema(site.ok ? site.value.time_zone : undefined, site.ok ? site.value.columns : []);
  const limits = fileLimits(site.ok ? site.value : undefined);
  const indexPattern = site.ok ? site.value.index_number_pattern : DEFAULT_INDEX_NUMBER_PATTERN;
  const indexNumber = new RegExp(indexPattern, 'u');
  const announcements: ValidAnnouncement[] = [];
  let files: string[];
  try {
    files = listAnnouncementFiles(paths.announcements);
  } catch (error) {
    if (!(error instanceof ContentFolderError)) throw error;
    return { announcements: [], problems: [...problems, { file: show(error.folder), field: '', message: error.reason }], warnings };
  }
  for (const path of files) {
    const file = show(join(paths.announcements, path));
    const checked = validateAnnouncementFile(join(paths.announcements, path), file, schema, limits);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (!checked.announcement) continue;
    const { index_number } = checked.announcement.data;
    if (index_number && !indexNumber.test(index_number)) {
      warnings.push({ file, field: 'index_number', message: `"${index_number}" does not follow the site's 索引号 pattern ${indexPattern} (organisation code/year-serial, e.g. 11510900MB1234567X/2024-00012; site.yaml's index_number_pattern sets it)` });
    }
    announcements.push({ ...checked.announcement, id: toAnnouncementId(path) });
  }
  const referenceProblems = [...checkSameIds(announcements), ...checkReferences(announcements), ...checkSourceSlugs(announcements, sources.ok ? sources.value : [])];
  problems.push(...referenceProblems);
  const broken = new Set(referenceProblems.map((problem) => problem.file));
  return {
    announcements: announcements.filter((a) => !broken.has(a.file)),
    site: site.ok ? site.value : undefined,
    sources: sources.ok ? sources.value : undefined,
    problems,
    warnings,
  };
}

/** A content folder that is missing, or holds no announcements/ folder, is named before anything else is read. */
function checkContentFolder(contentDir: string, show: (path: string) => string): ContentProblem | undefined {
  const folder = (path: string) => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return false;
    }
  };
  if (!folder(contentDir)) {
    return { file: show(contentDir), field: '', message: 'content folder does not exist (check GAZETTE_CONTENT, or run the command in the project folder)' };
  }
  const announcements = contentPaths(contentDir).announcements;
  if (!folder(announcements)) {
    return { file: show(announcements), field: '', message: 'does not exist (a content folder holds announcements/<year>/<name>.md, site.yaml and sources.yaml)' };
  }
  return undefined;
}

/**
 * Two unlisted sources whose derived slugs are the same would share one page and feed under
 * the first one's name: an error on every file of the second, suggesting a slug of its own.
 */
function checkSourceSlugs(announcements: readonly ValidAnnouncement[], sources: readonly SourceEntry[]): ContentProblem[] {
  const registry = createSourceRegistry(sources);
  const problems: ContentProblem[] = [];
  for (const { file, data } of announcements) {
    const before = registry.collisions().length;
    registry.resolve(data.source);
    const collision = registry.collisions()[before];
    if (!collision) continue;
    problems.push({
      file,
      field: 'source',
      message:
        `"${collision.name}" and "${collision.taken}" would share the address ${sitePaths.source(collision.slug)} ` +
        `(in sources.yaml, list "${collision.name}" as an alias of "${collision.taken}" if they are one body, or with a slug of its own, e.g. slug: ${collision.slug}-2)`,
    });
  }
  return problems;
}

export type AnnouncementSchema = ReturnType<typeof createAnnouncementSchema>;

/** The limits the file checks apply, from site.yaml (its defaults without one). */
export function fileLimits(site: Pick<SiteConfig, 'large_attachment_mb'> | undefined): FileLimits {
  return { largeBytes: (site?.large_attachment_mb ?? 50) * 1024 * 1024 };
}

/** The keys valid at each depth of front matter, for "did you mean" hints. */
const ANNOUNCEMENT_KEYS_BY_PATH = keysByPath(createAnnouncementSchema());

function validateAnnouncementFile(path: string, file: string, schema: AnnouncementSchema, limits: FileLimits): CheckedFile {
  const fail = (message: string) => ({ problems: [{ file, field: '', message }], warnings: [] });
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (bytes.length > MAX_FILE_BYTES) return fail(`is ${(bytes.length / 1048576).toFixed(1)} MB; announcements must be under 5 MB`);
  if (bytes.includes(0)) return fail('is a binary file, not Markdown text');
  const source = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (source.includes('\uFFFD')) return fail('is not UTF-8 text (save it as UTF-8; `npm run import` converts GBK pages)');
  const checked = validateAnnouncementText(source, file, schema);
  if (!checked.announcement) return checked;
  const files = checkAnnouncementFiles(path, file, checked.announcement.data, findLocalReferences(checked.announcement.body), limits);
  return { announcement: files.problems.length ? undefined : checked.announcement, problems: [...checked.problems, ...files.problems], warnings: [...checked.warnings, ...files.warnings] };
}

/** What checking one file found: the announcement when it is valid, and every problem. */
export interface CheckedFile {
  announcement?: Omit<ValidAnnouncement, 'id'>;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/**
 * Checks one announcement file's text: its front matter against `schema`, and its body for
 * an article held twice. The content loader uses it too, to report a file it cannot load.
 *
 * @param file the name problems carry
 */
export function validateAnnouncementText(source: string, file: string, schema: AnnouncementSchema): CheckedFile {
  const fail = (message: string) => ({ problems: [{ file, field: '', message }], warnings: [] });
  let parsed;
  try {
    parsed = parseFrontMatter(source);
  } catch (error) {
    if (error instanceof FrontMatterError) return fail(error.message);
    throw error;
  }
  if (!parsed.data) {
    return fail('has no front matter (start the file with a --- block holding at least title, date and source)');
  }
  const result = schema.safeParse(parsed.data);
  if (!result.success) return { problems: formatIssues(file, result.error.issues, ANNOUNCEMENT_KEYS_BY_PATH), warnings: [] };

  const warnings: ContentProblem[] = [];
  const doubled = findDoubledBody(parsed.body).reduce((sum, run) => sum + run.length, 0);
  if (doubled > 0) {
    warnings.push({
      file,
      field: 'body',
      message: `${doubled} blocks repeat earlier ones (the article is in the file twice); the site shows them once, but delete the second copy`,
    });
  }
  return { announcement: { file, data: result.data, body: parsed.body }, problems: [], warnings };
}

/** `2016/x.md` and the bundle `2016/x/index.md` would both be the announcement 2016/x. */
function checkSameIds(announcements: readonly ValidAnnouncement[]): ContentProblem[] {
  const first = new Map<string, ValidAnnouncement>();
  const problems: ContentProblem[] = [];
  for (const announcement of announcements) {
    const earlier = first.get(announcement.id);
    if (!earlier) first.set(announcement.id, announcement);
    else problems.push({ file: announcement.file, field: '', message: `has the same id (${announcement.id}) and address as ${earlier.file} (keep one of them: a folder's index.md is named by its folder)` });
  }
  return problems;
}

/** A message for an id that names no announcement, with the nearest one suggested. */
function unknownId(value: string, ids: readonly string[]): string {
  const nearest = nearestKey(value, ids);
  return `"${value}" is not an announcement (${nearest ? `did you mean "${nearest}"?` : 'write the id as a path under announcements/ without .md, e.g. 2016/safety-month-plan'})`;
}

/**
 * `canonical` must name an announcement that exists and is not itself a copy;
 * `withdrawn.replaced_by` and `validity.replaced_by` one that exists, has a page (is not a draft)
 * and is not this one; so must `interprets` and each of `related`, whose pages link back.
 */
function checkReferences(announcements: readonly ValidAnnouncement[]): ContentProblem[] {
  const byId = new Map(announcements.map((a) => [a.id, a]));
  const ids = [...byId.keys()];
  const problems: ContentProblem[] = [];
  const linkable = (id: string, file: string, field: string, target: string, what: string) => {
    const found = byId.get(target);
    if (!found) problems.push({ file, field, message: unknownId(target, ids) });
    else if (found.id === id) problems.push({ file, field, message: `names this file itself (name ${what}, or remove the key)` });
    else if (found.data.draft) problems.push({ file, field, message: `"${target}" is a draft, so it has no page to link to (publish it first, or remove the key)` });
  };
  for (const { id, file, data } of announcements) {
    if (data.validity?.replacedBy) linkable(id, file, 'validity.replaced_by', data.validity.replacedBy, 'the announcement now in force');
    if (data.interprets) linkable(id, file, 'interprets', data.interprets, 'the policy this interprets');
    data.related.forEach((related, index) => linkable(id, file, `related.${index}`, related, 'another announcement'));
    const replacedBy = data.withdrawn?.replacedBy;
    if (replacedBy) {
      const replacement = byId.get(replacedBy);
      const field = 'withdrawn.replaced_by';
      if (!replacement) problems.push({ file, field, message: `"${replacedBy}" is not an announcement (write the id as a path under announcements/ without .md, e.g. 2016/recruitment-second)` });
      else if (replacement.id === id) problems.push({ file, field, message: 'names this file itself (name the announcement that replaces it, or remove the key)' });
      else if (replacement.data.draft) problems.push({ file, field, message: `"${replacedBy}" is a draft, so it has no page to link to (publish it first, or remove the key)` });
    }
    if (!data.canonical) continue;
    const target = byId.get(data.canonical);
    if (!target) {
      problems.push({ file, field: 'canonical', message: `"${data.canonical}" is not an announcement (write the id as a path under announcements/ without .md, e.g. 2015/suining-safety)` });
    } else if (target.id === id) {
      problems.push({ file, field: 'canonical', message: 'names this file itself (remove the key, or name the original)' });
    } else if (target.data.canonical) {
      problems.push({ file, field: 'canonical', message: `"${data.canonical}" is itself a copy of "${target.data.canonical}" (name that one instead)` });
    }
  }
  return problems;
}
