import { defineCollection } from 'astro:content';
import { announcementLoader } from './loaders/announcement-loader.ts';
import { createAnnouncementSchema } from './lib/schema.ts';
import { renderVersionKey } from './lib/site-assembly.ts';
import { fileLimits } from './lib/validate.ts';
import { contentPaths, requireSiteConfig, resolveContentDir } from './lib/site-config.ts';

const contentDir = resolveContentDir();
const site = requireSiteConfig(contentDir);
const schema = createAnnouncementSchema(site.time_zone, site.columns);

export const collections = {
  announcements: defineCollection({
    loader: announcementLoader(contentPaths(contentDir).announcements, renderVersionKey(site), schema, fileLimits(site)),
    schema,
  }),
};
