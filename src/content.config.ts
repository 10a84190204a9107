import { defineCollection } from 'astro:content';
import { announcementLoader } from './loaders/announcement-loader.ts';
import { RENDER_VERSION } from './lib/markdown/render.ts';
import { createAnnouncementSchema } from './lib/schema.ts';
import { contentPaths, requireSiteConfig, resolveContentDir } from './lib/site-config.ts';

const contentDir = resolveContentDir();
const site = requireSiteConfig(contentDir);

export const collections = {
  announcements: defineCollection({
    loader: announcementLoader(contentPaths(contentDir).announcements, `${site.time_zone} ${RENDER_VERSION}`),
    schema: createAnnouncementSchema(site.time_zone),
  }),
};
