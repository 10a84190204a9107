import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSanitize from 'rehype-sanitize';
import rehypeSlug from 'rehype-slug';
import { remarkCollapseRepeats } from './remark-collapse-repeats.ts';
import { rehypeWrapTables } from './rehype-wrap-tables.ts';
import { remarkDemoteHeadings } from './remark-demote-headings.ts';
import { announcementSanitizeSchema } from './sanitize.ts';

/** The remark plugins every announcement body goes through, in order. */
export const remarkPlugins: RemarkPlugins = [remarkCollapseRepeats, remarkDemoteHeadings];

/** The rehype plugins: sanitise first, then add what Gazette itself trusts (heading ids, table boxes). */
export const rehypePlugins: RehypePlugins = [[rehypeSanitize, announcementSanitizeSchema], rehypeSlug, rehypeWrapTables];
