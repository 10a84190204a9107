import type { APIContext } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { routes } from '../../../data/routes.ts';
import { sourceFeedTitle } from '../../../lib/feed.ts';
import type { Announcement } from '../../../lib/site-data.ts';
import type { Source } from '../../../lib/sources.ts';
import { paths } from '../../../lib/paths.ts';

export const getStaticPaths = routes.sourceFeeds;

export function GET({ props }: APIContext<{ source: Source; announcements: readonly Announcement[] }>) {
  return feedResponse(sourceFeedTitle(props.source), paths.sourceFeed(props.source.slug), props.announcements);
}
