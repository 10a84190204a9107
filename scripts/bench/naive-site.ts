/**
 * The naive stack the benchmark compares against: a minimal Astro 7 site (content
 * collection, a page per announcement, one index, one feed) over the same corpus, indexed
 * afterwards by the Pagefind CLI. Written into a temporary folder next to the corpus.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  'package.json': JSON.stringify({ name: 'naive-site', private: true, type: 'module' }),
  // A cache folder of its own: in the shared node_modules, Astro's default, a second run would
  // find the first run's content store and skip most of its work.
  'astro.config.mjs': `import { defineConfig } from 'astro/config';\nexport default defineConfig({ site: 'https://example.gov.cn/', cacheDir: './.astro-cache' });\n`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { glob } from 'astro/loaders';
export const collections = {
  announcements: defineCollection({
    loader: glob({ pattern: '**/*.md', base: process.env.NAIVE_CONTENT }),
    schema: z.object({ title: z.string(), date: z.coerce.date(), source: z.string() }).passthrough(),
  }),
};
`,
  'src/pages/[...id].astro': `---
import { getCollection, render } from 'astro:content';
export async function getStaticPaths() {
  return (await getCollection('announcements')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>{entry.data.title}</title></head>
<body><h1>{entry.data.title}</h1><p>{entry.data.source}</p><Content /></body></html>
`,
  'src/pages/index.astro': `---
import { getCollection } from 'astro:content';
const entries = (await getCollection('announcements')).sort((a, b) => b.data.date.valueOf() - a.data.date.valueOf());
---
<html lang="zh-CN"><head><meta charset="utf-8"><title>公告</title></head>
<body><ul>{entries.map((e) => <li><a href={'/' + e.id + '/'}>{e.data.title}</a></li>)}</ul></body></html>
`,
  'src/pages/rss.xml.js': `import rss from '@astrojs/rss';
import { getCollection } from 'astro:content';
export async function GET(context) {
  const entries = (await getCollection('announcements')).sort((a, b) => b.data.date.valueOf() - a.data.date.valueOf()).slice(0, 50);
  return rss({ title: '公告', description: '公告', site: context.site, items: entries.map((e) => ({ title: e.data.title, pubDate: e.data.date, link: '/' + e.id + '/', content: e.rendered?.html })) });
}
`,
};

/**
 * Writes the naive site into `dir`, reading announcements from `announcementsDir`
 * (passed at build time as NAIVE_CONTENT) and using this project's node_modules.
 */
export function writeNaiveSite(dir: string, projectRoot: string): void {
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
}
