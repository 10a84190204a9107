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
}

/**
 * A lookup from any spelling of a source (name, full name, alias) to its body.
 *
 * @example createSourceRegistry([{ name: '遂宁市人民政府', slug: 'suining', aliases: ['遂宁市府'] }]).resolve('遂宁市府').slug // 'suining'
 */
export function createSourceRegistry(entries: readonly SourceEntry[]) {
  const byName = new Map<string, Source>();
  for (const entry of entries) {
    const source: Source = { slug: entry.slug, name: entry.name, fullName: entry.full_name };
    for (const spelling of [entry.name, entry.full_name, ...entry.aliases]) {
      if (spelling) byName.set(normaliseSourceName(spelling), source);
    }
  }
  return {
    /** The body a `source` value names; an unlisted name becomes its own body. */
    resolve(name: string): Source {
      const key = normaliseSourceName(name);
      let source = byName.get(key);
      if (!source) {
        source = { slug: deriveSourceSlug(name), name: name.trim() };
        byName.set(key, source);
      }
      return source;
    },
  };
}

export type SourceRegistry = ReturnType<typeof createSourceRegistry>;

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
