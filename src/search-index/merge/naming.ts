/**
 * How Pagefind names the files it writes, so that a merged bundle's files carry the names
 * one Pagefind session would have given them: unchanged content keeps its name from build
 * to build, and a browser's cached copy stays valid.
 */
import { createHash } from 'node:crypto';
import type { MetaChunk } from './bundle.ts';
import { compareCodePoints } from './order.ts';

/**
 * Pagefind's `full_hash`: SHA-1, each byte in hex without a leading zero (Rust's `{:x?}`),
 * so the text is 20 to 40 characters long.
 */
export function pagefindFullHash(bytes: Uint8Array): string {
  let text = '';
  for (const byte of createHash('sha1').update(bytes).digest()) text += byte.toString(16);
  return text;
}

/**
 * Names word-index and filter files (`<language>_<hash>`): the first 7 hex digits, two more
 * each time the name is taken by an earlier file of the same kind, and the whole hash at most
 * (identical content then shares the name).
 */
export class ChunkNames {
  private readonly taken = new Set<string>();
  private readonly language: string;

  constructor(language: string) {
    this.language = language;
  }

  name(content: Uint8Array): string {
    const hash = `${this.language}_${pagefindFullHash(content)}`;
    let length = this.language.length + 8;
    let name = hash.slice(0, length);
    while (this.taken.has(name) && length < hash.length) {
      length += 2;
      name = hash.slice(0, length);
    }
    this.taken.add(name);
    return name;
  }
}

/** The metadata file's name: the language and 8 more hex digits than a chunk's name. */
export function metaName(language: string, content: Uint8Array): string {
  return `${language}_${pagefindFullHash(content).slice(0, language.length + 8)}`;
}

/** The shortest name Pagefind gives a page's fragment: `<language>_` and 7 hex digits. */
export function baseFragmentName(language: string, name: string): string {
  return name.slice(0, language.length + 8);
}

/**
 * Names the fragments of pages whose shortest names collide, as Pagefind does within one
 * index: in page order, the first keeps the shortest name and each later one takes one
 * more digit of its own hash until the name is free. `fullHashes` are the pages' full
 * hashes (`pagefindFullHash` of the fragment's content), in page order.
 */
export function collidingFragmentNames(language: string, fullHashes: readonly string[], describe: (index: number) => string): string[] {
  const owners = new Map<string, number>();
  return fullHashes.map((fullHash, index) => {
    const hash = `${language}_${fullHash}`;
    let length = language.length + 8;
    let name = hash.slice(0, length);
    for (let owner = owners.get(name); owner !== undefined; owner = owners.get(name)) {
      // One session would index such a page twice; merging cannot tell which copy to keep.
      if (fullHashes[owner] === fullHash)
        throw new Error(`${describe(index)} and ${describe(owner)} are the same page (identical fragments); a page must be in one part only`);
      name = hash.slice(0, ++length);
    }
    owners.set(name, index);
    return name;
  });
}

/**
 * Shortens chunk bounds as Pagefind does, so a query term finds the same chunks: between
 * neighbours, the shortest prefixes that still tell them apart.
 */
export function trimChunkBounds(chunks: MetaChunk[]): void {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const current = chunks[i]!;
    const next = chunks[i + 1]!;
    const to = Array.from(current.to);
    const from = Array.from(next.from);
    let common = 0;
    while (common < to.length && common < from.length && to[common] === from[common]) common++;
    const toPrefix = to.slice(0, common + 1).join('');
    // Not trimmed where the chunk's end would then sort before its start.
    if (compareCodePoints(toPrefix, current.from) >= 0) current.to = toPrefix;
    next.from = from.slice(0, common + 1).join('');
  }
}
