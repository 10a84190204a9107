/**
 * A PDF's page count for the 附件 list, read with unpdf (Mozilla's PDF.js, built for servers)
 * and kept between builds in the build cache by the file's path, size and modification time,
 * so an unchanged 50 MB PDF is not parsed again on every build.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageCounter } from './attachments.ts';

const CACHE_FILE = 'gazette-pdf-pages.json';

/** Reads the page count of the PDF `bytes`; undefined when they are not a readable PDF. */
export async function countPdfPages(bytes: Uint8Array): Promise<number | undefined> {
  const { getDocumentProxy } = await import('unpdf');
  try {
    const document = await getDocumentProxy(bytes, { verbosity: 0 });
    const pages = document.numPages;
    await document.loadingTask.destroy();
    return pages;
  } catch {
    return undefined;
  }
}

/**
 * A page counter whose answers are kept in `<cacheDir>/gazette-pdf-pages.json`; call `save()`
 * when the build has described every attachment.
 */
export function createPageCounter(cacheDir: string): PageCounter & { save(): void } {
  const path = join(cacheDir, CACHE_FILE);
  let known: Record<string, number | null> = {};
  try {
    if (existsSync(path)) known = JSON.parse(readFileSync(path, 'utf8')) as Record<string, number | null>;
  } catch {
    known = {};
  }
  const used: Record<string, number | null> = {};
  let changed = false;
  const counter = async (absolutePath: string, bytes: number, modifiedMs: number) => {
    const key = `${absolutePath}\n${bytes}\n${Math.round(modifiedMs)}`;
    if (!(key in known)) {
      known[key] = (await countPdfPages(new Uint8Array(readFileSync(absolutePath)))) ?? null;
      changed = true;
    }
    used[key] = known[key]!;
    return known[key] ?? undefined;
  };
  return Object.assign(counter, {
    save() {
      if (!changed && Object.keys(used).length === Object.keys(known).length) return;
      mkdirSync(cacheDir, { recursive: true });
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(used));
      renameSync(partial, path);
    },
  });
}
