import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from './index.ts';

/** A rendered body as Astro's content store keeps it. */
export interface RenderedBody {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    imagePaths: string[];
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
      metadata: { headings, localImagePaths, remoteImagePaths, imagePaths: [...localImagePaths, ...remoteImagePaths] },
    };
  };
}
