/**
 * Issuing bodies (来源): which source names are one body, and each body's slug.
 */
import { pinyin } from 'pinyin-pro';
import type { SourceEntry } from './schema.ts';

/** One issuing body as the site shows it. */
export interface Source {
  /** URL segment: /sources/<slug>/. */
  slug: string;
  /** The name readers see. */
  name: string;
  /** The full name, when sources.yaml gives one. */
  fullName?: string;
  /** The heading sources.yaml lists the body under (市政府, 部门, 区县…). */
  group?: string;
}

/** Two bodies that would share one address: an error, since one would hide the other. */
export interface SlugCollision {
  slug: string;
  /** The body that has the slug first (listed, or first seen). */
  taken: string;
  /** The unlisted source whose derived slug is the same. */
  name: string;
}

/**
 * A lookup from any spelling of a source (name, full name, alias) to its body.
 *
 * @example createSourceRegistry([{ name: '遂宁市人民政府', slug: 'suining', aliases: ['遂宁市府'] }]).resolve('遂宁市府').slug // 'suining'
 */
export function createSourceRegistry(entries: readonly SourceEntry[]) {
  const byName = new Map<string, Source>();
  const bySlug = new Map<string, Source>();
  const collisions: SlugCollision[] = [];
  for (const entry of entries) {
    const source: Source = { slug: entry.slug, name: entry.name, fullName: entry.full_name, ...(entry.group && { group: entry.group }) };
    bySlug.set(source.slug, source);
    for (const spelling of spellingsOf(entry)) byName.set(normaliseSourceName(spelling), source);
  }
  return {
    /** The body a `source` value names; an unlisted name becomes its own body. */
    resolve(name: string): Source {
      const key = normaliseSourceName(name);
      let source = byName.get(key);
      if (!source) {
        source = { slug: deriveSourceSlug(name), name: name.trim() };
        const taken = bySlug.get(source.slug);
        if (taken) collisions.push({ slug: source.slug, taken: taken.name, name: source.name });
        else bySlug.set(source.slug, source);
        byName.set(key, source);
      }
      return source;
    },
    /** Unlisted sources resolved so far whose slug another body already has. */
    collisions(): readonly SlugCollision[] {
      return collisions;
    },
  };
}

export type SourceRegistry = ReturnType<typeof createSourceRegistry>;

/** A listed body's name, full name and aliases, each once. */
export function spellingsOf(entry: SourceEntry): string[] {
  return [...new Set([entry.name, entry.full_name, ...entry.aliases].filter((spelling): spelling is string => !!spelling))];
}

/**
 * Each spelling of a listed body mapped to all of its spellings, so a 转载自 note that uses
 * another spelling than a file's `source` still names that body (see src/dedup/canonical.ts).
 *
 * @example sourceSpellings([{ name: '遂宁市人民政府', slug: 'suining', aliases: ['遂宁市府'] }])['遂宁市府'] // ['遂宁市人民政府', '遂宁市府']
 */
export function sourceSpellings(entries: readonly SourceEntry[]): Record<string, string[]> {
  const spellings: Record<string, string[]> = {};
  for (const entry of entries) {
    const all = spellingsOf(entry);
    for (const spelling of all) spellings[spelling] = all;
  }
  return spellings;
}

function normaliseSourceName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/**
 * A readable, stable slug for a source not listed in sources.yaml: its pinyin, so the
 * same name always gives the same URL.
 *
 * @example deriveSourceSlug('遂宁市府') // 'suiningshifu'
 */
export function deriveSourceSlug(name: string): string {
  const latin = pinyin(normaliseSourceName(name), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return latin || 'source';
}
