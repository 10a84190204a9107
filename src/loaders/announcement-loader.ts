import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { glob, type Loader } from 'astro/loaders';
import { ANNOUNCEMENT_GLOB, parseFrontMatter, toAnnouncementId } from '../lib/content-files.ts';

/**
 * Astro's glob loader, with two changes. Ids are file paths (`2015/suining-safety`), so
 * a URL survives a title edit. Front matter is read by Gazette's own parser, whose YAML
 * keeps `2015-05-20 17:18` as text for the schema to read in Beijing time (Astro's
 * parser would turn it into a UTC timestamp).
 */
export function announcementLoader(announcementsDir: string): Loader {
  const inner = glob({
    base: pathToFileURL(announcementsDir + '/').href,
    pattern: ANNOUNCEMENT_GLOB,
    generateId: ({ entry }) => toAnnouncementId(entry),
  });
  return {
    name: 'gazette-announcements',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          const source = await readFile(props.filePath!, 'utf8');
          const { data } = parseFrontMatter(source);
          return context.parseData({ ...props, data: (data ?? {}) as typeof props.data });
        },
      }),
  };
}

