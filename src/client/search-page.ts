/**
 * The search page's own behaviour around Pagefind's Component UI: it lets the reader order
 * results by relevance or by date.
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
