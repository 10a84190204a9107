/** Meta tags an announcement page carries beyond the basics. */
import { toWallTimeText } from './dates.ts';
import type { Announcement } from './site-data.ts';

/**
 * The government page-design meta tags (政府网站网页设计规范): ArticleTitle, PubDate,
 * ContentSource, ColumnName, Keywords, Author.
 */
export function governmentMeta(announcement: Announcement, timeZone: string): Record<string, string | undefined> {
  const { data } = announcement;
  return {
    ArticleTitle: data.title,
    PubDate: toWallTimeText(data.date, timeZone),
    ContentSource: data.source,
    ColumnName: data.column,
    Keywords: data.tags.length ? data.tags.join(',') : undefined,
    Author: data.editor,
  };
}
