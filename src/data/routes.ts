/**
 * The routes of this build (src/lib/routes.ts) over its data; route files take their
 * getStaticPaths from here, so each stays one line.
 */
import { createRoutes } from '../lib/routes.ts';
import { siteData } from './announcements.ts';
import { site, sources } from './site.ts';

export const routes = createRoutes(siteData, site, sources);
