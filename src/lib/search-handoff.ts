/**
 * How the site's data reaches the search indexer in a build. Astro evaluates the site's data
 * module (src/data/announcements.ts) once, in the build's own process, as page rendering
 * starts; the indexer (src/integrations/pagefind.ts) takes that data from there rather than
 * assembling a second copy of the site on a thread of its own, which held ~0.5 GB at 10,000
 * announcements beside Astro's own. The two meet on a global: an integration's hooks and the
 * pages' bundled modules share no module instance, only the process.
 */
import type { SiteData } from './site-data.ts';

/** The site's data as search indexes it. */
export interface SearchableSite {
  siteData: SiteData;
  timeZone: string;
}

type Receiver = (site: SearchableSite) => void;

const RECEIVER = Symbol.for('gazette.search-indexer');
const shared = globalThis as typeof globalThis & { [RECEIVER]?: Receiver };

/**
 * Waits for the site's data (indexer side): resolves once the data module hands it over.
 * One build waits at a time; `stopWaiting` withdraws, for a build that ended without it.
 */
export function waitForSiteData(): { arrived: Promise<SearchableSite>; stopWaiting: () => void } {
  let stopWaiting = () => {};
  const arrived = new Promise<SearchableSite>((resolve) => {
    const receiver: Receiver = (site) => {
      stopWaiting();
      resolve(site);
    };
    shared[RECEIVER] = receiver;
    stopWaiting = () => {
      if (shared[RECEIVER] === receiver) delete shared[RECEIVER];
    };
  });
  return { arrived, stopWaiting };
}

/** Hands the site's data to a waiting indexer (data module side); nothing waits outside a build. */
export function handOverSiteData(site: SearchableSite): void {
  shared[RECEIVER]?.(site);
}
