/**
 * Stable file names. Importing the same page again must land on the same file, so
 * the id comes from the page's address when it is known, otherwise from its
 * normalised title, day and source, never from the import time or the input's name.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { normaliseText } from '../dedup/normalise.ts';

const TRACKING_PARAMS = /^(spm|utm_\w+|from|isappinstalled|share_token|scene|clicktime|enterid)$/i;

/**
 * The address with what varies between visits removed (tracking parameters, the
 * fragment, the host's case), so two crawls of one page agree.
 *
 * @example canonicalUrl('HTTP://News.CJN.cn/a/t1.htm?spm=zm1066#top') // 'http://news.cjn.cn/a/t1.htm'
 */
export function canonicalUrl(address: string): string {
  try {
    const url = new URL(address.trim());
    url.hash = '';
    for (const key of [...url.searchParams.keys()]) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
    url.searchParams.sort();
    return url.href;
  } catch {
    return address.trim();
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 8);
}

/** Lower-case ASCII letters, digits and single hyphens, at most `max` characters. */
function slug(text: string, max: number): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
}

/**
 * A readable stem from a Chinese title: the initials of its first characters' pinyin,
 * with ASCII letters and digits kept, of the title normalised (width, spaces, punctuation).
 *
 * @example titleStem('今年遂宁将建成7个省级安全社区') // 'jnsnjjc7gsjaqsq'
 */
export function titleStem(title: string): string {
  // From the normalised title, so spacing and punctuation changes keep the same stem.
  const initials = pinyin(normaliseText(title).slice(0, 24), { pattern: 'first', toneType: 'none', type: 'array', nonZh: 'consecutive' });
  return slug(initials.join(''), 24);
}

export interface IdentityInput {
  title: string;
  /** The front-matter date (its day is used). */
  date: string;
  source?: string;
  originalUrl?: string;
}

/**
 * The announcement's id (file name without `.md`).
 *
 * @example announcementId({ title: '关于春节放假的通知', date: '2015-02-01', originalUrl: 'http://www.a.gov.cn/t20150201_1.htm' }) // 't20150201-1-…'
 */
export function announcementId(input: IdentityInput): string {
  if (input.originalUrl) {
    const url = canonicalUrl(input.originalUrl);
    let last = '';
    try {
      const path = new URL(url).pathname.split('/').filter(Boolean);
      last = (path.at(-1) ?? '').replace(/\.[a-z]+$/i, '');
    } catch {
      last = '';
    }
    const stem = slug(last, 20) || titleStem(input.title) || 'page';
    return `${stem}-${shortHash(url)}`;
  }
  const key = [normaliseText(input.title), input.date.slice(0, 10), normaliseText(input.source ?? '')].join('|');
  return `${titleStem(input.title) || 'announcement'}-${shortHash(key)}`;
}
