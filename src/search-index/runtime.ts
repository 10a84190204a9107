/**
 * Pagefind's browser runtime: its JavaScript, CSS and WebAssembly, which live inside the
 * Pagefind binary of the installed `pagefind` package and come out of an empty index. The
 * index itself is written by write-part.ts and merge.ts; the runtime is served beside it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as pagefind from 'pagefind';
import type { BundleFormat } from './write-part.ts';

/** The empty index's entry file: it tells the runtime's version, and is not written. */
const ENTRY = 'pagefind-entry.json';

/**
 * Writes the runtime's files into `folder` (replacing what is there) and returns the bundle
 * format they read: Pagefind's version and the characters it counts as parts of words.
 *
 * @throws when Pagefind cannot start or has no files to give
 */
export async function writeRuntime(folder: string): Promise<BundleFormat> {
  try {
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const { files, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind could not give its runtime files: ${fileErrors.join('; ')}`);
    const entryFile = files.find((file) => file.path === ENTRY);
    if (!entryFile) throw new Error(`Pagefind gave no ${ENTRY}`);
    const entry = JSON.parse(new TextDecoder().decode(entryFile.content)) as { version?: unknown; include_characters?: unknown };
    if (typeof entry.version !== 'string' || !Array.isArray(entry.include_characters)) throw new Error(`Pagefind's ${ENTRY} has no version or include_characters`);
    const partial = `${folder}.partial`;
    rmSync(partial, { recursive: true, force: true });
    for (const file of files.filter((file) => file !== entryFile)) {
      mkdirSync(dirname(join(partial, file.path)), { recursive: true });
      writeFileSync(join(partial, file.path), file.content);
    }
    rmSync(folder, { recursive: true, force: true });
    renameSync(partial, folder);
    return { version: entry.version, includeCharacters: entry.include_characters as string[] };
  } finally {
    await pagefind.close();
  }
}
