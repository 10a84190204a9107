import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toMarkdownFile, type SyntheticAnnouncement } from './corpus.ts';

/**
 * Writes announcements as `<folder>/announcements/<id>.md`, laid out like `content/`, so the
 * CLI, the build and the benchmarks can read a synthetic corpus like a real one.
 *
 * @param folder the content folder to write into (created if missing)
 * @param items announcements from generateCorpus
 * @example await writeCorpus('/tmp/corpus', generateCorpus({ count: 1000 }))
 */
export async function writeCorpus(folder: string, items: readonly Pick<SyntheticAnnouncement, 'id' | 'frontMatter' | 'body'>[]): Promise<void> {
  const folders = new Set(items.map((item) => dirname(join(folder, 'announcements', `${item.id}.md`))));
  for (const path of folders) await mkdir(path, { recursive: true });
  for (const item of items) await writeFile(join(folder, 'announcements', `${item.id}.md`), toMarkdownFile(item));
}
