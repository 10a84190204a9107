import { site } from '../data/site.ts';
import { standardOffsetMinutes } from '../lib/dates.ts';
import { feedStylesheet } from '../lib/feed-stylesheet.ts';
import { paths } from '../lib/paths.ts';

export function GET() {
  const xsl = feedStylesheet({ siteName: site.name, language: site.language, homePath: paths.home(), subscribePath: paths.subscribe(), offsetMinutes: standardOffsetMinutes(site.time_zone) });
  return new Response(xsl, { headers: { 'Content-Type': 'application/xslt+xml; charset=utf-8' } });
}
