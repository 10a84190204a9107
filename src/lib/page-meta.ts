/** An announcement page's title and the meta tags it carries beyond the basics. */
import { toWallTimeText } from './dates.ts';
import { statusMark } from './government-info.ts';
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
    Keywords: data.keywords.length || data.tags.length ? [...data.keywords, ...data.tags].join(',') : undefined,
    Author: data.editor,
  };
}

/** The mark a withdrawn announcement's title and heading carry, so a shared link does not look current. */
export const WITHDRAWN_MARK = '【已撤回】';

/**
 * The page's own title (Base appends the site's name), marked when the notice is withdrawn or
 * the document no longer in force (【已废止】, 【已失效】).
 *
 * @example pageTitle(withdrawnAnnouncement) // '【已撤回】遂宁市2016年公开招聘社区工作者公告'
 */
export function pageTitle(announcement: Announcement): string {
  return announcement.data.withdrawn ? `${WITHDRAWN_MARK}${announcement.data.title}` : `${statusMark(announcement.data)}${announcement.data.title}`;
}
