/** The site's configuration, read once per build from the content folder. */
import { requireSiteConfig, requireSources, resolveContentDir } from '../lib/site-config.ts';
import { orderColumns } from '../lib/site-data.ts';

const contentDir = resolveContentDir();

export const site = requireSiteConfig(contentDir);
/** The issuing bodies listed in sources.yaml. */
export const sources = requireSources(contentDir);
/** site.yaml's columns in navigation order. */
export const columns = orderColumns(site.columns);
