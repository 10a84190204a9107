/** The site's configuration, read once per build from the content folder. */
import { requireSiteConfig, requireSources, resolveContentDir } from '../lib/site-config.ts';
import { createSourceRegistry } from '../lib/sources.ts';

const contentDir = resolveContentDir();

export const site = requireSiteConfig(contentDir);
export const sourceRegistry = createSourceRegistry(requireSources(contentDir));
