/**
 * Where content lives and what site.yaml and sources.yaml say. `GAZETTE_CONTENT` points
 * the build and the tools at another folder laid out like `content/`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { formatIssues, formatProblem, keysByPath, siteSchema, sourcesSchema, type ContentProblem, type SiteConfig, type SourceEntry } from './schema.ts';
import { spellingsOf } from './sources.ts';

/** The content folder: `$GAZETTE_CONTENT`, else `content/` under `root`. */
export function resolveContentDir(root = process.cwd(), env: NodeJS.ProcessEnv = process.env): string {
  return resolve(root, env.GAZETTE_CONTENT || 'content');
}

/** The folders and files inside a content folder. */
export function contentPaths(contentDir: string) {
  return {
    announcements: join(contentDir, 'announcements'),
    site: join(contentDir, 'site.yaml'),
    sources: join(contentDir, 'sources.yaml'),
  };
}

/** A configuration file's value, or the problems that stop it being used. */
export type Loaded<T> = { ok: true; value: T } | { ok: false; problems: ContentProblem[] };

function loadYaml<S extends z.ZodType>(file: string, schema: S, fallback: unknown, displayName: string, keys: ReadonlyMap<string, readonly string[]>): Loaded<z.output<S>> {
  let raw: unknown = fallback;
  if (existsSync(file)) {
    const invalid = (message: string): Loaded<z.output<S>> => ({ ok: false, problems: [{ file: displayName, field: '', message }] });
    let text: string;
    try {
      text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    } catch (error) {
      return invalid(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    }
    // Read as the front matter is (content-files.ts): the core schema, and the same message shape.
    const document = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
    const error = document.errors[0];
    if (error) {
      const where = error.linePos?.[0] ? ` at line ${error.linePos[0].line}` : '';
      return invalid(`invalid YAML${where}: ${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
    }
    try {
      raw = document.toJS({ maxAliasCount: 100 }) ?? fallback;
    } catch (error) {
      return invalid(`invalid YAML: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: formatIssues(displayName, result.error.issues, keys) };
}

/** site.yaml, with defaults for every key; a missing file means all defaults. */
export function loadSiteConfig(contentDir: string, displayName = 'site.yaml'): Loaded<SiteConfig> {
  return loadYaml(contentPaths(contentDir).site, siteSchema, {}, displayName, keysByPath(siteSchema));
}

/**
 * sources.yaml; a missing file means no listed bodies (each source gets a derived slug).
 * Two bodies may not share a slug, and one spelling may not name two bodies.
 */
export function loadSources(contentDir: string, displayName = 'sources.yaml'): Loaded<SourceEntry[]> {
  const loaded = loadYaml(contentPaths(contentDir).sources, sourcesSchema, [], displayName, keysByPath(sourcesSchema.element));
  if (!loaded.ok) return loaded;
  const problems: ContentProblem[] = [];
  const slugs = new Map<string, number>();
  const spellings = new Map<string, number>();
  loaded.value.forEach((entry, index) => {
    const earlier = slugs.get(entry.slug);
    if (earlier !== undefined) problems.push({ file: displayName, field: `${index}.slug`, message: `"${entry.slug}" is already the slug of ${loaded.value[earlier]!.name} (give each body its own slug)` });
    else slugs.set(entry.slug, index);
    for (const spelling of spellingsOf(entry)) {
      const owner = spellings.get(spelling);
      if (owner !== undefined && owner !== index) problems.push({ file: displayName, field: `${index}.aliases`, message: `"${spelling}" already names ${loaded.value[owner]!.name} (a spelling can belong to one body only)` });
      else spellings.set(spelling, index);
    }
  });
  return problems.length ? { ok: false, problems } : loaded;
}

/** Like {@link loadSiteConfig}, but throws: for the build, which has already been checked. */
export function requireSiteConfig(contentDir: string): SiteConfig {
  const loaded = loadSiteConfig(contentDir);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.value;
}

/** Like {@link loadSources}, but throws. */
export function requireSources(contentDir: string): SourceEntry[] {
  const loaded = loadSources(contentDir);
  if (!loaded.ok) throw new Error(loaded.problems.map(formatProblem).join('\n'));
  return loaded.value;
}
