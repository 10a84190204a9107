/**
 * Validates a whole content folder without building: every announcement, site.yaml and
 * sources.yaml. Reports every problem in every file, never only the first.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FrontMatterError, listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from './content-files.ts';
import { findDoubledBody } from '../dedup/doubled-body.ts';
import { ANNOUNCEMENT_KEYS, createAnnouncementSchema, formatIssues, type AnnouncementData, type ContentProblem } from './schema.ts';
import { contentPaths, loadSiteConfig, loadSources } from './site-config.ts';

/** A file that passed validation. */
export interface ValidAnnouncement {
  id: string;
  file: string;
  data: AnnouncementData;
  body: string;
}

export interface ValidationResult {
  announcements: ValidAnnouncement[];
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
  const show = (path: string) => relative(displayRoot, path) || path;
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];

  const site = loadSiteConfig(contentDir, show(paths.site));
  if (!site.ok) problems.push(...site.problems);
  const sources = loadSources(contentDir, show(paths.sources));
  if (!sources.ok) problems.push(...sources.problems);

  const schema = createAnnouncementSchema(site.ok ? site.value.time_zone : undefined);
  const announcements: ValidAnnouncement[] = [];
  for (const path of listAnnouncementFiles(paths.announcements)) {
    const file = show(join(paths.announcements, path));
    const checked = validateAnnouncementFile(join(paths.announcements, path), file, schema);
    problems.push(...checked.problems);
    warnings.push(...checked.warnings);
    if (checked.announcement) announcements.push({ ...checked.announcement, id: toAnnouncementId(path) });
  }
  const referenceProblems = checkReferences(announcements);
  problems.push(...referenceProblems);
  const broken = new Set(referenceProblems.map((problem) => problem.file));
  return { announcements: announcements.filter((a) => !broken.has(a.file)), problems, warnings };
}

type AnnouncementSchema = ReturnType<typeof createAnnouncementSchema>;

function validateAnnouncementFile(
  path: string,
  file: string,
  schema: AnnouncementSchema,
): { announcement?: Omit<ValidAnnouncement, 'id'>; problems: ContentProblem[]; warnings: ContentProblem[] } {
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
  if (!result.success) return { problems: formatIssues(file, result.error.issues, ANNOUNCEMENT_KEYS), warnings: [] };

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

/** `canonical` must name an announcement that exists and is not itself a copy. */
function checkReferences(announcements: readonly ValidAnnouncement[]): ContentProblem[] {
  const byId = new Map(announcements.map((a) => [a.id, a]));
  const problems: ContentProblem[] = [];
  for (const { id, file, data } of announcements) {
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
