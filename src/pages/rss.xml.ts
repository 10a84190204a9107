import { siteData } from '../data/announcements.ts';
import { feedResponse } from '../data/feeds.ts';
import { site } from '../data/site.ts';
import { paths } from '../lib/paths.ts';

export function GET() {
  return feedResponse(site.name, paths.feed(), siteData.listed);
}
