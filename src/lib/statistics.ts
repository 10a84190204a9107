/**
 * 政府网站工作年度报表: how many announcements the site published, per year, per month of the
 * latest year, per column and per issuing body, counted the way the annual report counts
 * information released: each notice once (a copy another body also published is not counted
 * again), withdrawn notices included in the year they were published (they were released, and
 * their pages stay), drafts never. The years, columns and bodies each add up to the total; the
 * months add up to the latest year's.
 */
import type { SiteData } from './site-data.ts';

/** One bar of a chart and one row of its table. */
export interface Figure {
  /** 2016年, 5月, 通知公告, 遂宁市人民政府. */
  label: string;
  /** The value in the CSV and JSON: 2016, 2016-05, the column's slug, the source's slug. */
  key: string;
  count: number;
}

/** A breakdown: what it counts and its figures. */
export interface Breakdown {
  id: 'years' | 'months' | 'columns' | 'sources';
  title: string;
  /** The CSV's 分类 column. */
  category: string;
  figures: Figure[];
}

export interface SiteFigures {
  /** Notices published, each once, withdrawn included. */
  total: number;
  /** Of those, notices withdrawn since. */
  withdrawn: number;
  /** Copies of notices (another body's publication) not counted again. */
  copies: number;
  /** The year the month breakdown is of. */
  latestYear?: string;
  breakdowns: Breakdown[];
}

/** The breakdown label for announcements in no column. */
export const NO_COLUMN = '未分栏目';

/** The site's publishing figures (see the module comment for how they are counted). */
export function computeFigures(siteData: Pick<SiteData, 'pages' | 'columns'>): SiteFigures {
  const counted = siteData.pages.filter((page) => !page.canonicalId);
  const count = <K extends string>(keyOf: (page: (typeof counted)[number]) => K) => {
    const counts = new Map<K, number>();
    for (const page of counted) counts.set(keyOf(page), (counts.get(keyOf(page)) ?? 0) + 1);
    return counts;
  };
  const years = [...count((page) => page.year)].sort(([a], [b]) => a.localeCompare(b));
  const latestYear = years.at(-1)?.[0];
  const months = count((page) => (page.year === latestYear ? page.month : ''));
  const columns = count((page) => page.column?.slug ?? '');
  const sources = new Map<string, { name: string; count: number }>();
  for (const page of counted) {
    const entry = sources.get(page.source.slug) ?? { name: page.source.name, count: 0 };
    entry.count++;
    sources.set(page.source.slug, entry);
  }
  const breakdowns: Breakdown[] = [
    { id: 'years', title: '各年度发布数量', category: '年度', figures: years.map(([year, n]) => ({ label: `${year}年`, key: year, count: n })) },
  ];
  if (latestYear) {
    breakdowns.push({
      id: 'months',
      title: `${latestYear}年各月发布数量`,
      category: '月份',
      figures: Array.from({ length: 12 }, (_, index) => {
        const month = String(index + 1).padStart(2, '0');
        return { label: `${index + 1}月`, key: `${latestYear}-${month}`, count: months.get(month) ?? 0 };
      }),
    });
  }
  if (siteData.columns.length) {
    const figures = siteData.columns.map(({ column }) => ({ label: column.name, key: column.slug, count: columns.get(column.slug) ?? 0 }));
    if (columns.get('')) figures.push({ label: NO_COLUMN, key: '', count: columns.get('')! });
    breakdowns.push({ id: 'columns', title: '各栏目发布数量', category: '栏目', figures });
  }
  breakdowns.push({
    id: 'sources',
    title: '各发布机构发布数量',
    category: '发布机构',
    figures: [...sources].map(([slug, { name, count: n }]) => ({ label: name, key: slug, count: n })).sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)),
  });
  return {
    total: counted.length,
    withdrawn: counted.filter((page) => page.data.withdrawn).length,
    copies: siteData.pages.length - counted.length,
    ...(latestYear && { latestYear }),
    breakdowns,
  };
}

const csvField = (value: string | number) => {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The figures as CSV (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so spreadsheet
 * programs read the Chinese): 分类,名称,代码,数量, one row per figure, the totals first.
 */
export function figuresToCsv(figures: SiteFigures): string {
  const rows: (string | number)[][] = [
    ['分类', '名称', '代码', '数量'],
    ['合计', '发布总数', 'total', figures.total],
    ['合计', '其中已撤回', 'withdrawn', figures.withdrawn],
    ['合计', '未重复计数的转载', 'copies', figures.copies],
    ...figures.breakdowns.flatMap((breakdown) => breakdown.figures.map((figure) => [breakdown.category, figure.label, figure.key, figure.count])),
  ];
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** How the figures are counted, in the words the page and the downloads use. */
export const COUNTING_RULES = [
  '每条公告计一次：同一公告由多个机构发布（转载）时，只按首发页面计入，转载不重复计数。',
  '已撤回的公告计入其发布当年（撤回前已经发布，页面仍保留），并单列“其中已撤回”。',
  '草稿不计入。各年度、各栏目、各发布机构的数量之和均等于发布总数，各月数量之和等于该年度数量。',
] as const;

/** The figures as JSON, for other systems (no build time: the same content gives the same file). */
export function figuresToJson(figures: SiteFigures): string {
  return `${JSON.stringify(
    {
      total: figures.total,
      withdrawn: figures.withdrawn,
      copies: figures.copies,
      latest_year: figures.latestYear ?? null,
      counting: COUNTING_RULES,
      ...Object.fromEntries(figures.breakdowns.map((breakdown) => [breakdown.id, breakdown.figures.map(({ label, key, count }) => ({ key, label, count }))])),
    },
    null,
    2,
  )}\n`;
}
