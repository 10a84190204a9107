/**
 * Finds publish dates written the ways Chinese portals write them and turns them
 * into front-matter values through the site's schema (src/lib/schema.ts), so the zone
 * rules live in one place.
 */
import { DEFAULT_TIME_ZONE, toFrontMatterDate as toFrontMatterDateText } from '../lib/schema.ts';

/** A calendar date, with a time when the text shows one, found inside a string. */
export interface FoundDate {
  year: number;
  month: number;
  day: number;
  hour?: number;
  minute?: number;
  second?: number;
  /** How much the text shows: a day, a minute or a second. */
  precision: 'day' | 'minute' | 'second';
  /** Where the match starts in the searched text, and its length. */
  index: number;
  length: number;
}

// 17:18, 17:18:05, 17时18分, 17时18分05秒.
const TIME = String.raw`(?:\s*(?:T|-)?\s*(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*分)?(?:\s*[:：]\s*(\d{1,2})(?:\s*秒)?|(?<=分)\s*(\d{1,2})\s*秒)?)?`;
// 2015-05-20, 2015/5/20, 2015.05.20 (one separator throughout) or 2015年05月20日, then an optional
// time. After 日 the time may follow with no space at all (2019年06月15日08:18): a digit right
// after 日 is accepted only as the start of such a time.
const DATE_PATTERN = new RegExp(
  String.raw`(?<!\d)(?:(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)|(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*(?:日(?=\d{1,2}\s*[:：时]\s*\d)|日?(?!\d)))` +
    TIME,
  'g',
);

/**
 * Every plausible date in `text`, in order. Impossible dates (2015-13-45) are skipped.
 *
 * @example findDates('2015年05月20日 17时18分')[0] // { year: 2015, month: 5, day: 20, hour: 17, minute: 18, precision: 'minute', … }
 */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const year = Number(match[1] ?? match[5]);
    const month = Number(match[3] ?? match[6]);
    const day = Number(match[4] ?? match[7]);
    if (year < 1949 || year > 2100) continue;
    const [hour, minute, second] = [match[8], match[9], match[10] ?? match[11]].map((part) => (part === undefined ? undefined : Number(part)));
    const hasTime = hour !== undefined && minute !== undefined && hour < 24 && minute < 60 && (second === undefined || second < 60);
    const candidate: FoundDate = {
      year,
      month,
      day,
      precision: hasTime ? (second === undefined ? 'minute' : 'second') : 'day',
      index: match.index,
      // A time that is out of range is not part of the date.
      length: hasTime ? match[0].length : dayPartLength(match[0]),
    };
    if (hasTime) Object.assign(candidate, { hour, minute, second });
    if (isValid(candidate)) found.push(candidate);
  }
  return found;
}

function dayPartLength(matched: string): number {
  const day = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?)/.exec(matched);
  return day ? day[0].length : matched.length;
}

// A calendar check only: converting every date in a long page through the zone rules is slow.
function isValid(date: FoundDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  return date.day <= new Date(Date.UTC(date.year, date.month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');

/** `2015-05-20`, `2015-05-20 17:18` or `2015-05-20 17:18:05`: the date at the precision shown. */
export function toPlainDateTime(date: FoundDate): string {
  const day = `${date.year}-${pad(date.month)}-${pad(date.day)}`;
  if (date.precision === 'day') return day;
  const time = `${pad(date.hour!)}:${pad(date.minute!)}`;
  return date.precision === 'second' ? `${day} ${time}:${pad(date.second!)}` : `${day} ${time}`;
}

/**
 * The front-matter value: a bare day when the page shows only a day, otherwise ISO 8601
 * with the zone's offset.
 *
 * @example toFrontMatterDate(findDates('2015-05-20 17:18')[0]!) // '2015-05-20T17:18:00+08:00'
 */
export function toFrontMatterDate(date: FoundDate, timeZone = DEFAULT_TIME_ZONE): string {
  return toFrontMatterDateText(toPlainDateTime(date), timeZone);
}

/** True when two dates name the same moment at the coarser of their two precisions. */
export function sameDate(a: FoundDate, b: FoundDate): boolean {
  if (a.year !== b.year || a.month !== b.month || a.day !== b.day) return false;
  if (a.precision === 'day' || b.precision === 'day') return true;
  return a.hour === b.hour && a.minute === b.minute;
}
