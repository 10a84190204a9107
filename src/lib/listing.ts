/**
 * Ordering, grouping and paging of announcements. Pages receive the results and never
 * sort or filter themselves.
 */

/** What ordering needs to know about an item. */
export interface Dated {
  id: string;
  data: { date: Date };
}

/** Newest first; the id breaks ties so the order never depends on file-system order. */
export function byDateDescending(a: Dated, b: Dated): number {
  return b.data.date.getTime() - a.data.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One page of a paginated listing. */
export interface Page<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the listing has (at least 1, so an empty listing still has a page). */
  total: number;
  /** How many items the whole listing holds (共 N 条). */
  count: number;
  items: T[];
}

/**
 * Splits a listing into pages of `size` items.
 *
 * @example paginate([1, 2, 3], 2) // [{ number: 1, total: 2, count: 3, items: [1, 2] }, { number: 2, total: 2, count: 3, items: [3] }]
 */
export function paginate<T>(items: readonly T[], size: number): Page<T>[] {
  const total = Math.max(1, Math.ceil(items.length / size));
  return Array.from({ length: total }, (_, index) => ({
    number: index + 1,
    total,
    count: items.length,
    items: items.slice(index * size, (index + 1) * size),
  }));
}

/**
 * Groups items by a key, keeping first-seen order of keys and of items within a group.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
