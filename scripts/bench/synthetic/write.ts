import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { deriveSourceSlug } from '../../../src/lib/sources.ts';
import { toMarkdownFile, type SyntheticAnnouncement } from './corpus.ts';

/**
 * Writes announcements as `<folder>/announcements/<id>.md`, laid out like `content/`, so the
 * CLI, the build and the benchmarks can read a synthetic corpus like a real one. Generated
 * place names can sound alike (双源区, 双园区) and would share a pinyin address, which the site
 * refuses: as a maintainer would, a sources.yaml gives each such body a slug of its own.
 *
 * @param folder the content folder to write into (created if missing)
 * @param items announcements from generateCorpus
 * @example await writeCorpus('/tmp/corpus', generateCorpus({ count: 1000 }))
 */
export async function writeCorpus(folder: string, items: readonly Pick<SyntheticAnnouncement, 'id' | 'frontMatter' | 'body'>[]): Promise<void> {
  const folders = new Set(items.map((item) => dirname(join(folder, 'announcements', `${item.id}.md`))));
  for (const path of folders) await mkdir(path, { recursive: true });
  for (const item of items) await writeFile(join(folder, 'announcements', `${item.id}.md`), toMarkdownFile(item));
  const listed = sourcesWithOwnSlugs(items.map((item) => item.frontMatter.source));
  if (listed.length) await writeFile(join(folder, 'sources.yaml'), stringify(listed));
}

/** The sources, in order of first use, whose derived slug an earlier source already has, each with a free slug. */
function sourcesWithOwnSlugs(sources: readonly string[]): { name: string; slug: string }[] {
  const taken = new Map<string, string>();
  const listed: { name: string; slug: string }[] = [];
  for (const name of new Set(sources)) {
    const slug = deriveSourceSlug(name);
    if (!taken.has(slug)) {
      taken.set(slug, name);
      continue;
    }
    let n = 2;
    while (taken.has(`${slug}-${n}`)) n++;
    taken.set(`${slug}-${n}`, name);
    listed.push({ name, slug: `${slug}-${n}` });
  }
  return listed;
}
