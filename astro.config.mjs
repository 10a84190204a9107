// Wiring only: the site address from site.yaml, the Markdown pipeline, integrations.
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import { fileURLToPath } from 'node:url';
import { defineConfig, sharpImageService } from 'astro/config';
import { attachmentsIntegration } from './src/integrations/attachments.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { staleOutputIntegration } from './src/integrations/stale-output.ts';
import { resolveCacheDir } from './src/lib/body-cache.ts';
import { rehypePlugins, remarkPlugins } from './src/lib/markdown/index.ts';
import { requireSiteConfig, resolveContentDir } from './src/lib/site-config.ts';
import { sitemapFilter } from './src/lib/sitemap-filter.ts';

const site = requireSiteConfig(resolveContentDir());
// Build tests and benchmarks build several content folders side by side.
const outDir = process.env.GAZETTE_OUT_DIR ?? './dist';
const attachments = attachmentsIntegration();

export default defineConfig({
  site: site.url,
  outDir,
  cacheDir: resolveCacheDir(),
  trailingSlash: 'always',
  // Pages are rendered a few at a time so one page's file writes overlap the next one's rendering:
  // with one at a time, a cold 10,000-announcement build spent a quarter of its time waiting on disk.
  build: { format: 'directory', concurrency: 4 },
  // Body images through sharp (src/components/AnnouncementBody.astro). AVIF is most of a cold
  // build's image time: at effort 2 a 960 px photograph encodes in 192 ms for 12.9 KB, at 3 in
  // 338 ms for 12.1 KB (sharp's default, 4, is slower again); its WebP is 19.1 KB.
  image: { service: sharpImageService({ avif: { effort: 2 } }) },
  // Astro's default Markdown processor runs no remark/rehype plugins: name unified explicitly.
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins, gfm: true, smartypants: false }),
    syntaxHighlight: false,
  },
  // stale-output comes last: it removes what the build no longer produces (attachments left in place are produced).
  integrations: [
    sitemap({ filter: sitemapFilter(fileURLToPath(new URL(outDir, new URL('./', import.meta.url)))) }),
    pagefindIntegration(),
    attachments,
    staleOutputIntegration({ alsoProduced: () => attachments.served }),
  ],
  // Build into the previous dist/: unchanged pages stay where they are (see stale-output.ts).
  vite: { build: { emptyOutDir: false } },
  // A strict Content-Security-Policy as a <meta> tag: Astro hashes its own inline scripts and
  // styles; Pagefind's search runs WebAssembly, which needs 'wasm-unsafe-eval'.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: https:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "connect-src 'self'",
        "worker-src 'self' blob:",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Pages whose getStaticPaths cacheKey (src/data/routes.ts) is unchanged are copied from the
  // previous build: a one-file change re-renders the pages that show it, not the whole site.
  experimental: { incrementalBuild: true },
  devToolbar: { enabled: false },
});
