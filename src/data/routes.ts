/**
 * The static paths of every paginated and grouped route, so route files stay one line.
 */
import { paginate } from '../lib/listing.ts';
import { siteData } from './announcements.ts';
import { site } from './site.ts';

/** `/page/2/`… (page 1 is the home page). */
export function homePages() {
  return paginate(siteData.listed, site.page_size)
    .slice(1)
    .map((page) => ({ params: { page: String(page.number) }, props: { page } }));
}

/** The home page's listing. */
export function firstHomePage() {
  return paginate(siteData.listed, site.page_size)[0]!;
}

/** `/announcements/<id>/` for every non-draft announcement. */
export function announcementPages() {
  return siteData.pages.map((announcement) => ({
    params: { id: announcement.id },
    props: { announcement, canonical: announcement.canonicalId ? siteData.byId.get(announcement.canonicalId) : undefined, ...siteData.neighbours(announcement.id) },
  }));
}

/** `/sources/<slug>/` and `/sources/<slug>/page/<n>/`. */
export function sourcePages({ firstOnly }: { firstOnly: boolean }) {
  return siteData.sources.flatMap(({ source, announcements }) =>
    paginate(announcements, site.page_size)
      .filter((page) => (firstOnly ? page.number === 1 : page.number > 1))
      .map((page) => ({ params: firstOnly ? { slug: source.slug } : { slug: source.slug, page: String(page.number) }, props: { source, page } })),
  );
}

/** `/archive/<year>/`. */
export function yearPages() {
  return siteData.years.map((year) => ({ params: { year: year.year }, props: { year } }));
}

/** `/archive/<year>/<month>/`. */
export function monthPages() {
  return siteData.years.flatMap((year) => year.months.map((month) => ({ params: { year: month.year, month: month.month }, props: { month } })));
}
