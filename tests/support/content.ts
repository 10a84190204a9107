/** Literal content for unit tests: announcements as the site data reads them, and content folders on disk. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createAnnouncementSchema } from '../../src/lib/schema.ts';
import type { AnnouncementInput } from '../../src/lib/site-data.ts';

type AnnouncementSchema = ReturnType<typeof createAnnouncementSchema>;
const beijing = createAnnouncementSchema('Asia/Shanghai');

/**
 * An announcement as the collection gives it to the site data: front matter through the schema
 * (Beijing time unless `schema` says otherwise), a body, and no attachments or images.
 *
 * @example announcementInput('2016/a', { title: '甲', date: '2016-05-01', source: '遂宁市安监局' })
 */
export function announcementInput(
  id: string,
  frontMatter: Record<string, unknown>,
  { schema = beijing, ...extra }: Partial<AnnouncementInput> & { schema?: AnnouncementSchema } = {},
): AnnouncementInput {
  return {
    id,
    data: schema.parse(frontMatter),
    digest: id,
    html: '<p>正文</p>',
    excerpt: '正文',
    hasRelativeUrls: false,
    attachments: [],
    images: [],
    ...extra,
  };
}

/** A content folder in the temporary directory holding `files` (paths relative to it). */
export function contentFolder(files: Record<string, string>, prefix = 'gazette-content-'): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
