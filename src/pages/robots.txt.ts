import { site } from '../data/site.ts';
import { absoluteUrl, paths } from '../lib/paths.ts';

export function GET() {
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(paths.sitemap(), site.url)}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
