import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { toText } from 'hast-util-to-text';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { rehypePlugins, remarkPlugins } from './index.ts';

/**
 * Changes whenever the rendered output or its metadata changes shape, so bodies cached by
 * an earlier build are rendered again.
 */
export const RENDER_VERSION = 2;

/** Characters of plain text kept for summaries (feed descriptions). */
const EXCERPT_LENGTH = 200;

// A link or image whose address is not absolute: feeds must rewrite it against the page.
const RELATIVE_URL = /<(?:a|img)\s[^>]*?\b(?:href|src)="(?!https?:\/\/|mailto:|tel:)/;

/**
 * What feeds need of a rendered body, computed once when the body is rendered (and kept
 * with it in the body cache) rather than by parsing every body again for every feed.
 */
export function describeHtml(html: string): { excerpt: string; hasRelativeUrls: boolean } {
  const text = toText(unified().use(rehypeParse, { fragment: true }).parse(html)).replace(/\s+/g, ' ').trim();
  return { excerpt: text.slice(0, EXCERPT_LENGTH), hasRelativeUrls: RELATIVE_URL.test(html) };
}

/** A rendered body as Astro's content store keeps it. */
export interface RenderedBody {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
    /** The start of the body as plain text. */
    excerpt: string;
    /** Whether a link or image needs rewriting to be absolute. */
    hasRelativeUrls: boolean;
  };
}

/**
 * Astro's unified Markdown processor (@astrojs/markdown-remark) with Gazette's plugins:
 * the same pipeline `astro.config.mjs` configures, callable outside Astro (worker threads).
 *
 * @example const render = await createMarkdownRenderer(); (await render('# 标题')).html // '<h2 id="标题">标题</h2>'
 */
export async function createMarkdownRenderer(): Promise<(markdown: string) => Promise<RenderedBody>> {
  const processor = await createMarkdownProcessor({
    syntaxHighlight: false,
    gfm: true,
    smartypants: false,
    remarkPlugins,
    rehypePlugins,
  });
  return async (markdown) => {
    const result = await processor.render(markdown, { frontmatter: {} });
    const { headings, localImagePaths, remoteImagePaths } = result.metadata;
    return {
      html: result.code,
      metadata: {
        headings,
        localImagePaths,
        remoteImagePaths,
        imagePaths: [...localImagePaths, ...remoteImagePaths],
        ...describeHtml(result.code),
      },
    };
  };
}
