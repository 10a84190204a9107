import { createHash } from 'node:crypto';

/**
 * A digest of everything a page shows, for Astro's incremental build: a page whose key
 * and template are unchanged is copied from the previous build instead of rendered.
 * Dates are hashed by their instant; key order is as written, which is stable here
 * because keys are built from literals.
 *
 * @example cacheKeyOf({ title: '通知', date: new Date(0) }) === cacheKeyOf({ title: '通知', date: new Date(0) }) // true
 */
export function cacheKeyOf(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value, (_key, item: unknown) => (item instanceof Date ? item.toISOString() : item)))
    .digest('hex')
    .slice(0, 32);
}
