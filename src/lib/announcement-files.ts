/**
 * Which files beside the Markdown the site serves, and where: every attachment of every
 * announcement with a page (drafts have none), at its path inside the announcement's folder
 * under the announcement's address. Read from the files, like the checks, so the build's copy
 * step needs nothing from Astro.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { attachmentRefs, filesFolderOf } from './attachments.ts';
import { listAnnouncementFiles, parseFrontMatter, toAnnouncementId } from './content-files.ts';
import { findLocalReferences } from './local-files.ts';
import { createAnnouncementSchema, type SiteConfig } from './schema.ts';

/** A file the site serves beside an announcement's page. */
export interface ServedFile {
  /** The file in the content folder. */
  source: string;
  /** Its path under the output folder, as `paths.announcementFile` addresses it, unescaped. */
  output: string;
}

// A file that names no attachment and links nothing cannot have a file to serve: not parsed.
const MAY_HAVE_FILES = /^attachments\s*:|\]\(|\]:|<a\s/im;

/** The attachments of every announcement under `announcementsDir` with a page, as files to copy. */
export function servedFiles(announcementsDir: string, site: Pick<SiteConfig, 'time_zone' | 'columns'>): ServedFile[] {
  const schema = createAnnouncementSchema(site.time_zone, site.columns);
  const files: ServedFile[] = [];
  for (const path of listAnnouncementFiles(announcementsDir)) {
    const markdownPath = join(announcementsDir, path);
    const text = readFileSync(markdownPath, 'utf8');
    if (!MAY_HAVE_FILES.test(text)) continue;
    const { data, body } = parseFrontMatter(text);
    const parsed = schema.safeParse(data ?? {});
    if (!parsed.success || parsed.data.draft) continue;
    const id = toAnnouncementId(path);
    for (const ref of attachmentRefs(parsed.data, findLocalReferences(body).links)) {
      if (ref.file !== undefined) files.push({ source: join(filesFolderOf(markdownPath), ref.file), output: join('announcements', ...id.split('/'), ...ref.file.split('/')) });
    }
  }
  return files;
}
