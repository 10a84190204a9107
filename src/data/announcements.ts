/**
 * The one place the announcements collection is read. Drops drafts, collapses copies of
 * one notice into its canonical page, sorts and groups (src/lib/site-assembly.ts); pages
 * import the results.
 */
import { getCollection } from 'astro:content';
import { BodyCache, resolveCacheDir } from '../lib/body-cache.ts';
import { assembleSiteData } from '../lib/site-assembly.ts';
import { site, sources } from './site.ts';

const entries = (await getCollection('announcements')).map(({ id, data, digest }) => ({ id, data, digest: String(digest) }));

export const siteData = await assembleSiteData(entries, new BodyCache(resolveCacheDir()), site, sources);
