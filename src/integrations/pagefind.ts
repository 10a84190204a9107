import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/**
 * Builds the Chinese search index into `dist/pagefind/` once Astro has written the
 * pages, through Pagefind's Node API. Only elements marked `data-pagefind-body` (listed
 * announcements) are indexed.
 */
export function pagefindIntegration(): AstroIntegration {
  return {
    name: 'gazette-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const outDir = fileURLToPath(dir);
        const { index, errors: createErrors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not start: ${createErrors.join('; ')}`);
        const { errors, page_count } = await index.addDirectory({ path: outDir });
        if (errors.length) throw new Error(`Pagefind could not index ${outDir}: ${errors.join('; ')}`);
        const written = await index.writeFiles({ outputPath: `${outDir}/pagefind` });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`indexed ${page_count} pages for search in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      },
    },
  };
}
