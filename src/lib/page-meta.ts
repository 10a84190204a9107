/** Meta tags an announcement page carries beyond the basics. */
import { toWallTime } from './dates.ts';
import type { Announcement } from './site-data.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * The government page-design meta tags (政府网站网页设计规范): ArticleTitle, PubDate,
 * ContentSource, ColumnName, Keywords, Author.
 */
export function governmentMeta(announcement: Announcement, timeZone: string): Record<string, string | undefined> {
  const { data } = announcement;
  const wall = toWallTime(data.date, timeZone);
  return {
    ArticleTitle: data.title,
    PubDate: `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`,
    ContentSource: data.source,
    ColumnName: data.column,
    Keywords: data.tags.length ? data.tags.join(',') : undefined,
    Author: data.editor,
  };
}
