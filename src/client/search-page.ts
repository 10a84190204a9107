/**
 * The search page's own behaviour around Pagefind's Component UI: it merges the older
 * parts of the search index into the default instance, so one query searches every
 * announcement, and lets the reader order results by relevance or by date.
 */
interface PagefindInstance {
  options: { mergeIndex: { bundlePath: string }[] };
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
 * @param bundlePaths the older parts' bundle paths, from the page's `data-merge-index`
 */
export async function loadSearch(uiUrl: string, bundlePaths: readonly string[]): Promise<PagefindInstance> {
  await import(/* @vite-ignore */ uiUrl);
  const components = (window as unknown as { PagefindComponents: PagefindComponentsGlobal }).PagefindComponents;
  // The instance reads mergeIndex when Pagefind itself has downloaded, which is always
  // after this continuation: setting it here is in time even with `preload`.
  const instance = components.getInstanceManager().getInstance('default');
  instance.options.mergeIndex.push(...bundlePaths.map((bundlePath) => ({ bundlePath })));
  return instance;
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
