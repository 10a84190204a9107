/** One link in a pagination bar. */
export interface PaginationLink {
  /** Where it goes; none for 首页 and 上一页 on the first page (and 下一页, 尾页 on the last). */
  href?: string;
  /** What the link shows: 首页, 上一页, 3, 下一页, 尾页. */
  text: string;
  /** What a screen reader announces. */
  label: string;
  current: boolean;
}

/** Pages shown on each side of the current one. */
const WINDOW = 2;

/**
 * The links of a pagination bar, as portals lay it out: 首页, 上一页, a window of page numbers
 * around the current one, 下一页, 尾页. At the ends 首页 / 上一页 and 下一页 / 尾页 stay in place
 * without a link, so the bar does not move under the reader's finger.
 *
 * @example paginationLinks(1, 3, (n) => `/page/${n}/`).map((l) => l.text) // ['首页', '上一页', '1', '2', '3', '下一页', '尾页']
 */
export function paginationLinks(current: number, total: number, hrefOf: (page: number) => string): PaginationLink[] {
  if (total <= 1) return [];
  const first = Math.max(1, Math.min(current - WINDOW, total - 2 * WINDOW));
  const last = Math.min(total, first + 2 * WINDOW);
  const to = (page: number, enabled: boolean) => (enabled ? hrefOf(page) : undefined);
  const links: PaginationLink[] = [
    { href: to(1, current > 1), text: '首页', label: `首页，第1页`, current: false },
    { href: to(current - 1, current > 1), text: '上一页', label: `上一页，第${current - 1}页`, current: false },
  ];
  for (let page = first; page <= last; page++) {
    links.push({ href: hrefOf(page), text: String(page), label: `第${page}页，共${total}页`, current: page === current });
  }
  links.push(
    { href: to(current + 1, current < total), text: '下一页', label: `下一页，第${current + 1}页`, current: false },
    { href: to(total, current < total), text: '尾页', label: `尾页，第${total}页`, current: false },
  );
  return links;
}
