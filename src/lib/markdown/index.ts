import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import { rehypeRawWhenPresent } from './rehype-raw-when-present.ts';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { remarkCollapseRepeats } from './remark-collapse-repeats.ts';
import { rehypeKeepFigures } from './rehype-keep-figures.ts';
import { rehypeLocalFiles } from './rehype-local-files.ts';
import { rehypeWrapTables } from './rehype-wrap-tables.ts';
import { remarkDemoteHeadings } from './remark-demote-headings.ts';
import { announcementSanitizeSchema } from './sanitize.ts';

/** The remark plugins every announcement body goes through, in order. */
export const remarkPlugins: RemarkPlugins = [remarkCollapseRepeats, remarkDemoteHeadings];

/**
 * The rehype plugins: HTML written in the Markdown is parsed into the tree first (otherwise
 * the sanitiser drops it whole, text included), then sanitised, then Gazette adds what it
 * trusts itself (heading ids, table boxes, the body's own images and links, figures kept on one
 * line). Heading ids come before the figures' spans, so an id is the heading's text.
 */
export const rehypePlugins: RehypePlugins = [rehypeRawWhenPresent, [rehypeSanitize, announcementSanitizeSchema], rehypeSlug, rehypeWrapTables, rehypeLocalFiles, rehypeKeepFigures];
