import type { APIContext } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { sourceFeeds } from '../../../data/routes.ts';
import type { Announcement } from '../../../lib/site-data.ts';
import type { Source } from '../../../lib/sources.ts';
import { paths } from '../../../lib/paths.ts';

export const getStaticPaths = sourceFeeds;

export function GET({ props }: APIContext<{ source: Source; announcements: readonly Announcement[] }>) {
  return feedResponse(`${props.source.name}的公告`, paths.sourceFeed(props.source.slug), props.announcements);
}
