/** The site's main navigation: its sections, in the order the header lists them. */
import { paths } from './paths.ts';

export const mainNavigation = [
  { section: 'home', href: paths.home(), text: '首页' },
  { section: 'sources', href: paths.sources(), text: '发布机构' },
  { section: 'archive', href: paths.archive(), text: '按月归档' },
  { section: 'search', href: paths.search(), text: '搜索' },
] as const;

/** The section a page belongs to, marked `aria-current` in the header. */
export type Section = (typeof mainNavigation)[number]['section'];
