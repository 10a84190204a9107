import { copyFileSync, createReadStream, existsSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { servedFiles } from '../lib/announcement-files.ts';
import { fileTypeOf } from '../lib/attachments.ts';
import { contentPaths, requireSiteConfig, resolveContentDir } from '../lib/site-config.ts';

/**
 * Copies each announcement's attachments beside its page in the output folder
 * (`dist/announcements/2016/plan/附件1.pdf`), and serves them from the content folder in
 * `astro dev`. A file whose copy is already in place (same size and modification time, which the
 * copy keeps) is not copied again. The files it serves are reported to the stale-output step
 * through {@link AttachmentsIntegration.served}, so a copy left in place is not taken for stale.
 */
export interface AttachmentsIntegration extends AstroIntegration {
  /** The output files this build serves as attachments (absolute paths). */
  served: Set<string>;
}

export function attachmentsIntegration(): AttachmentsIntegration {
  const served = new Set<string>();
  return {
    name: 'gazette-attachments',
    served,
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const contentDir = resolveContentDir();
        let copied = 0;
        served.clear();
        const files = servedFiles(contentPaths(contentDir).announcements, requireSiteConfig(contentDir));
        for (const file of files) {
          const target = join(outDir, file.output);
          served.add(target);
          const source = statSync(file.source);
          if (existsSync(target)) {
            const existing = statSync(target);
            if (existing.size === source.size && Math.round(existing.mtimeMs) === Math.round(source.mtimeMs)) continue;
          }
          mkdirSync(dirname(target), { recursive: true });
          copyFileSync(file.source, target);
          utimesSync(target, source.atime, source.mtime);
          copied++;
        }
        if (files.length) logger.info(`${files.length} attachment(s) served beside their pages, ${copied} copied`);
      },
      'astro:server:setup': ({ server }) => {
        // In `astro dev`, an attachment's address serves the file beside the Markdown.
        server.middlewares.use((request, response, next) => {
          const path = decodeURIComponent((request.url ?? '').split('?')[0]!);
          if (!path.startsWith('/announcements/') || path.endsWith('/')) return next();
          const contentDir = resolveContentDir();
          const file = servedFiles(contentPaths(contentDir).announcements, requireSiteConfig(contentDir)).find((candidate) => `/${relative('.', candidate.output).split(sep).join('/')}` === path);
          if (!file) return next();
          response.setHeader('Content-Type', fileTypeOf(file.source).mime);
          response.setHeader('Content-Length', String(statSync(file.source).size));
          createReadStream(file.source).pipe(response);
        });
      },
    },
  };
}
