/**
 * Dates are parsed once and formatted in one place.
 *
 * Announcements are published in Beijing time. A value written without an offset
 * (`2015-05-20 17:18`, `2015-05-20`) is wall-clock time in the site's zone, never the
 * build machine's, so every conversion here names its zone explicitly.
 */

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A publish time and how much of it the author wrote down. */
export interface ParsedDate {
  /** The instant. */
  date: Date;
  /** `minute` when a time of day was given, `day` for a bare date. */
  precision: 'day' | 'minute';
}

/** Why a date string was rejected, in words an author can act on. */
export class DateParseError extends Error {}

const DATE_PATTERN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses an ISO 8601 date or date-time. Without an offset it is read in `timeZone`.
 * Impossible calendar dates (2022-02-30, 2015-13-45) are rejected, not rolled over.
 *
 * @example parseDate('2015-05-20 17:18') // 2015-05-20T09:18:00Z, precision 'minute'
 */
export function parseDate(text: string, timeZone = DEFAULT_TIME_ZONE): ParsedDate {
  const match = DATE_PATTERN.exec(text.trim());
  if (!match) throw new DateParseError(`"${text}" is not a date`);
  const [, y, mo, d, h, mi, s, offset] = match;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
  };
  if (parts.month < 1 || parts.month > 12) {
    throw new DateParseError(`"${text}" is not a date: there is no month ${mo}`);
  }
  if (!isRealDate(parts.year, parts.month, parts.day)) {
    throw new DateParseError(`"${text}" is not a date: ${y}-${mo} has no day ${d}`);
  }
  if (parts.hour > 23 || parts.minute > 59 || parts.second > 59) {
    throw new DateParseError(`"${text}" is not a time of day`);
  }
  const precision = h === undefined ? 'day' : 'minute';
  if (offset) {
    const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
    return { date: new Date(local - offsetMinutes(offset) * 60_000), precision };
  }
  return { date: wallTimeToDate(parts, timeZone), precision };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function offsetMinutes(offset: string): number {
  if (offset.toUpperCase() === 'Z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const partFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partFormatters.set(timeZone, formatter);
  }
  return formatter;
}

// formatToParts is slow and a site shows each date on many pages (its own, listings, feeds).
const wallTimes = new Map<string, Readonly<WallTime>>();

/** The wall-clock reading of `date` in `timeZone`. */
export function toWallTime(date: Date, timeZone = DEFAULT_TIME_ZONE): Readonly<WallTime> {
  const key = `${timeZone} ${date.getTime()}`;
  let wall = wallTimes.get(key);
  if (wall) return wall;
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(date)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  wall = Object.freeze({
    year: values.year!,
    month: values.month!,
    day: values.day!,
    hour: values.hour!,
    minute: values.minute!,
    second: values.second!,
  });
  wallTimes.set(key, wall);
  return wall;
}

function zoneOffsetMinutes(date: Date, timeZone: string): number {
  const wall = toWallTime(date, timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.round((asUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
}

function wallTimeToDate(wall: WallTime, timeZone: string): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // Two passes settle the offset even next to a daylight-saving change.
  let instant = naive - zoneOffsetMinutes(new Date(naive), timeZone) * 60_000;
  instant = naive - zoneOffsetMinutes(new Date(instant), timeZone) * 60_000;
  return new Date(instant);
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * ISO 8601 with the zone's offset, as written into front matter and `<time datetime>`.
 * @example toIsoWithOffset(date) // '2015-05-20T17:18:00+08:00'
 */
export function toIsoWithOffset(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const wall = toWallTime(date, timeZone);
  const offset = zoneOffsetMinutes(date, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return (
    `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}

/** `2015-05-20`, the calendar day in the zone. */
export function toIsoDay(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const wall = toWallTime(date, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}`;
}

/**
 * How readers see a date: `2015年05月20日 17:18`, or `2015年05月20日` for a bare date.
 */
export function formatChineseDate(
  date: Date,
  precision: ParsedDate['precision'] = 'minute',
  timeZone = DEFAULT_TIME_ZONE,
): string {
  const wall = toWallTime(date, timeZone);
  const day = `${wall.year}年${pad(wall.month)}月${pad(wall.day)}日`;
  return precision === 'day' ? day : `${day} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** `2015-05-20 17:18`, the wall-clock time in the zone, as the PubDate meta tag writes it. */
export function toWallTimeText(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  const wall = toWallTime(date, timeZone);
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)} ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** RFC 822, as RSS writes dates: `Wed, 20 May 2015 09:18:00 GMT`. */
export function toRfc822(date: Date): string {
  return date.toUTCString();
}

/**
 * The zone's standard offset from UTC in minutes (480 for Asia/Shanghai), the smaller of its
 * January and July offsets: for the feed stylesheet, which has no time-zone database.
 */
export function standardOffsetMinutes(timeZone = DEFAULT_TIME_ZONE): number {
  return Math.min(zoneOffsetMinutes(new Date(Date.UTC(2000, 0, 1)), timeZone), zoneOffsetMinutes(new Date(Date.UTC(2000, 6, 1)), timeZone));
}

/** `{ year: '2015', month: '05' }` in the zone, for archive grouping and URLs. */
export function toYearMonth(date: Date, timeZone = DEFAULT_TIME_ZONE): { year: string; month: string } {
  const wall = toWallTime(date, timeZone);
  return { year: String(wall.year), month: pad(wall.month) };
}

/** `2015年05月`, the heading of a month's archive. */
export function formatChineseMonth(year: string, month: string): string {
  return `${year}年${month}月`;
}
