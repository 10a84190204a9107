import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const NOINDEX = /<meta name="robots" content="noindex"/;

/**
 * The sitemap lists what search engines should index: a page that tells robots
 * `noindex` (a duplicate's forwarding page, a withdrawn notice, the 404 page) is left
 * out. The page's own meta tag decides, so the two can never disagree.
 *
 * @param distDir the built site, read when the sitemap is written after the build
 */
export function sitemapFilter(distDir: string): (pageUrl: string) => boolean {
  return (pageUrl) => {
    const path = decodeURIComponent(new URL(pageUrl).pathname);
    try {
      return !NOINDEX.test(readFileSync(join(distDir, path, 'index.html'), 'utf8'));
    } catch {
      return true;
    }
  };
}
