import type { APIContext } from 'astro';
import { feedResponse } from '../../../data/feeds.ts';
import { routes } from '../../../data/routes.ts';
import { site } from '../../../data/site.ts';
import { columnFeedTitle } from '../../../lib/routes.ts';
import type { Announcement, Column } from '../../../lib/site-data.ts';
import { paths } from '../../../lib/paths.ts';

export const getStaticPaths = routes.columnFeeds;

export function GET({ props }: APIContext<{ column: Column; announcements: readonly Announcement[] }>) {
  return feedResponse(columnFeedTitle(site.name, props.column), paths.columnFeed(props.column.slug), props.announcements);
}
