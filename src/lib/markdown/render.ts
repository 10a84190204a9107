import { toText } from 'hast-util-to-text';
import type { Root } from 'hast';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import type { VFile } from 'vfile';
import { rehypePlugins, remarkPlugins } from './index.ts';
import type { LocalLink } from '../local-files.ts';
import type { RenderedImage } from './rehype-local-files.ts';

/**
 * Changes whenever the rendered output or what is kept with it changes, so bodies cached by
 * an earlier build are rendered again.
 */
export const RENDER_VERSION = 5;

/** Characters of plain text kept for summaries (feed descriptions). */
const EXCERPT_LENGTH = 200;

// A link or image whose address is not absolute: feeds must rewrite it against the page.
const RELATIVE_URL = /<(?:a|img)\s[^>]*?\b(?:href|src)="(?!https?:\/\/|mailto:|tel:)/;

/** A rendered body and what feeds need of it, computed once, when it is rendered. */
export interface RenderedBody {
  /** Sanitised HTML. */
  html: string;
  /** The start of the body as plain text. */
  excerpt: string;
  /** Whether a link or image needs rewriting to be absolute. */
  hasRelativeUrls: boolean;
  /** The images beside the Markdown, in the order of their placeholders in `html`. */
  images: RenderedImage[];
  /** The links to files beside the Markdown: attachments when front matter does not name them. */
  links: LocalLink[];
}

/** Records the body's plain text from the finished tree, so it need not be parsed again. */
function rehypeExcerpt() {
  return (tree: Root, file: VFile) => {
    file.data.excerpt = toText(tree).replace(/\s+/g, ' ').trim().slice(0, EXCERPT_LENGTH);
  };
}

declare module 'vfile' {
  interface DataMap {
    excerpt: string;
  }
}

/**
 * Gazette's Markdown pipeline for announcement bodies: GFM, the remark and rehype plugins of
 * src/lib/markdown/index.ts (the same lists astro.config.mjs gives Astro's processor), HTML.
 * Built here rather than with @astrojs/markdown-remark's processor, which adds image and
 * heading passes the bodies do not use and parses the whole tree through parse5 a second
 * time: a third of the rendering time, and rendering is most of a cold build.
 *
 * @example const render = createMarkdownRenderer(); (await render('# 标题')).html // '<h2 id="标题">标题</h2>'
 */
export function createMarkdownRenderer(): (markdown: string) => Promise<RenderedBody> {
  const processor = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkPlugins as PluggableList)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypePlugins as PluggableList)
    .use(rehypeExcerpt)
    .use(rehypeStringify)
    .freeze();
  return async (markdown) => {
    const file = await processor.process(markdown);
    const html = String(file.value);
    return { html, excerpt: file.data.excerpt ?? '', hasRelativeUrls: RELATIVE_URL.test(html), images: file.data.localImages ?? [], links: file.data.localLinks ?? [] };
  };
}
