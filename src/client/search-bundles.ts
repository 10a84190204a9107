/**
 * Loads Pagefind's Component UI and merges the older parts of the search index into the
 * default instance, so one query searches every announcement.
 */
interface PagefindInstance {
  options: { mergeIndex: { bundlePath: string }[] };
}
interface PagefindComponentsGlobal {
  getInstanceManager(): { getInstance(name?: string): PagefindInstance };
}

/**
 * @param uiUrl the Component UI script
 * @param bundlePaths the older parts' bundle paths, from the page's `data-merge-index`
 */
export async function loadSearch(uiUrl: string, bundlePaths: readonly string[]): Promise<void> {
  await import(/* @vite-ignore */ uiUrl);
  const components = (window as unknown as { PagefindComponents: PagefindComponentsGlobal }).PagefindComponents;
  // The instance reads mergeIndex when Pagefind itself has downloaded, which is always
  // after this continuation: setting it here is in time even with `preload`.
  const instance = components.getInstanceManager().getInstance('default');
  instance.options.mergeIndex.push(...bundlePaths.map((bundlePath) => ({ bundlePath })));
}
