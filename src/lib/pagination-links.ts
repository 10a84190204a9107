/** One link in a pagination bar. */
export interface PaginationLink {
  href: string;
  /** What the link shows: 上一页, 3, 下一页. */
  text: string;
  /** What a screen reader announces. */
  label: string;
  current: boolean;
}

/** Pages shown on each side of the current one before the bar skips ahead. */
const WINDOW = 2;

/**
 * The links of a pagination bar: previous, first, a window around the current page, last, next.
 *
 * @example paginationLinks(1, 3, (n) => `/page/${n}/`).map((l) => l.text) // ['1', '2', '3', '下一页']
 */
export function paginationLinks(current: number, total: number, hrefOf: (page: number) => string): PaginationLink[] {
  if (total <= 1) return [];
  const numbers = new Set([1, total]);
  for (let page = current - WINDOW; page <= current + WINDOW; page++) if (page >= 1 && page <= total) numbers.add(page);
  const links: PaginationLink[] = [];
  if (current > 1) links.push({ href: hrefOf(current - 1), text: '上一页', label: `上一页，第${current - 1}页`, current: false });
  for (const page of [...numbers].sort((a, b) => a - b)) {
    links.push({ href: hrefOf(page), text: String(page), label: `第${page}页，共${total}页`, current: page === current });
  }
  if (current < total) links.push({ href: hrefOf(current + 1), text: '下一页', label: `下一页，第${current + 1}页`, current: false });
  return links;
}
