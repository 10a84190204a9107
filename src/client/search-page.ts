/**
 * The search page's own behaviour around Pagefind's Component UI: it starts the UI once the
 * page is painted, and lets the reader order results by relevance or by date.
 */
interface PagefindInstance {
  searchTerm: string;
  searchSort: Record<string, 'asc' | 'desc'>;
  triggerSearch(term: string): void;
}
interface PagefindComponentsGlobal {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

/**
 * Loads the Component UI and returns its default instance.
 *
 * @param uiUrl the Component UI script
 */
export async function loadSearch(uiUrl: string): Promise<PagefindInstance> {
  await import(/* @vite-ignore */ uiUrl);
  const components = (window as unknown as { PagefindComponents: PagefindComponentsGlobal }).PagefindComponents;
  return components.getInstanceManager().getInstance('default');
}

/**
 * Orders results by the `<select>`'s value: empty for relevance, `date:desc` for newest
 * first (announcements carry a `date` sort key), and searches again.
 */
export function wireSortControl(select: HTMLSelectElement, instance: PagefindInstance): void {
  select.addEventListener('change', () => {
    const [key, direction] = select.value.split(':');
    instance.searchSort = key ? { [key]: direction === 'asc' ? 'asc' : 'desc' } : {};
    if (instance.searchTerm) instance.triggerSearch(instance.searchTerm);
  });
}

/**
 * Starts Pagefind's UI (about 180 KB, then its index and filters) once the browser has shown
 * the page (first contentful paint), so its download and rendering on a slow phone never hold
 * that paint back; its components fill the space the stylesheet reserves for them.
 *
 * @param uiUrl the Component UI script
 * @param sortSelectId the `<select>` of the sort order
 */
export function startSearchAfterFirstPaint(uiUrl: string, sortSelectId: string): void {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    void loadSearch(uiUrl).then((instance) => {
      const sort = document.getElementById(sortSelectId);
      if (sort instanceof HTMLSelectElement) wireSortControl(sort, instance);
    });
  };
  if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (list.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      start();
    }).observe({ type: 'paint', buffered: true });
    // In case no paint is reported (a tab opened in the background), after a few seconds anyway.
    setTimeout(start, 3000);
  } else {
    start();
  }
}
