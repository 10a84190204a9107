import type { APIContext } from 'astro';
import { siteData } from '../../../data/announcements.ts';
import { feedResponse } from '../../../data/feeds.ts';
import type { Source } from '../../../lib/sources.ts';
import { paths } from '../../../lib/paths.ts';

export function getStaticPaths() {
  return siteData.sources.map(({ source, announcements }) => ({ params: { slug: source.slug }, props: { source, announcements } }));
}

export function GET({ props }: APIContext<{ source: Source; announcements: typeof siteData.listed }>) {
  return feedResponse(`${props.source.name}的公告`, paths.sourceFeed(props.source.slug), props.announcements);
}
