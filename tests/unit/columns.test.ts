import { describe, expect, it } from 'vitest';
import { createAnnouncementSchema, formatProblem, siteSchema } from '../../src/lib/schema.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { contentFolder } from '../support/content.ts';

const lines = (contentDir: string) => validateContent(contentDir, contentDir).problems.map(formatProblem);
const announcement = (extra: string, title = '关于做好节日值班工作的通知') => `---\ntitle: ${title}\ndate: 2016-05-20\nsource: 遂宁市人民政府\n${extra}---\n\n正文。\n`;
const COLUMNS = 'columns:\n  - name: 通知公告\n    slug: tzgg\n  - name: 政策文件\n    slug: zcwj\n';

describe('an announcement\'s column', () => {
  it('must be one of site.yaml\'s columns, a near miss naming the nearest', () => {
    const root = contentFolder({
      'site.yaml': COLUMNS,
      'announcements/2016/a.md': announcement('column: 通知公示\n'),
      'announcements/2016/b.md': announcement('column: 人事信息\n'),
      'announcements/2016/c.md': announcement('column: zcwj\n'),
      'announcements/2016/d.md': announcement('column: 政策文件\n'),
    });
    expect(lines(root)).toEqual([
      'announcements/2016/a.md → column: "通知公示" is not a column in site.yaml (did you mean "通知公告"?)',
      'announcements/2016/b.md → column: "人事信息" is not a column in site.yaml (columns: 通知公告, 政策文件)',
    ]);
  });

  it('is free text when site.yaml has no columns, as before', () => {
    expect(createAnnouncementSchema('Asia/Shanghai').parse({ title: '通知', date: '2016-05-20', source: '市政府', column: '任何栏目' }).column).toBe('任何栏目');
  });
});

describe('withdrawn.replaced_by', () => {
  it('must name an announcement with a page, not the withdrawn one itself', () => {
    const withdrawn = (id: string) => `withdrawn:\n  date: 2016-05-21\n  reason: 有误\n  replaced_by: ${id}\n`;
    const root = contentFolder({
      'announcements/2016/a.md': announcement(withdrawn('2016/nothing')),
      'announcements/2016/b.md': announcement(withdrawn('2016/b')),
      'announcements/2016/c.md': announcement(withdrawn('2016/draft')),
      'announcements/2016/d.md': announcement(withdrawn('2016/e')),
      'announcements/2016/draft.md': announcement('draft: true\n', '草稿'),
      'announcements/2016/e.md': announcement('', '更正后的通知'),
    });
    expect(lines(root)).toEqual([
      'announcements/2016/a.md → withdrawn.replaced_by: "2016/nothing" is not an announcement (write the id as a path under announcements/ without .md, e.g. 2016/recruitment-second)',
      'announcements/2016/b.md → withdrawn.replaced_by: names this file itself (name the announcement that replaces it, or remove the key)',
      'announcements/2016/c.md → withdrawn.replaced_by: "2016/draft" is a draft, so it has no page to link to (publish it first, or remove the key)',
    ]);
  });
});

describe('site.yaml\'s portal keys', () => {
  it('report each bad column, logo, badge and error-report value with its fix', () => {
    const root = contentFolder({
      'site.yaml': [
        'logo: logo.svg',
        'error_report: ftp://example.gov.cn/',
        'government_badge:',
        '  certificate: https://bszs.conac.cn/sitename?method=show&id=1',
        'columns:',
        '  - name: 通知公告',
        '    slug: tzgg',
        '  - name: 通知公告',
        '    slug: Tzgg',
        '  - name: 政策文件',
        '    slug: tzgg',
        '    oder: 2',
        '',
      ].join('\n'),
      'announcements/.keep': '',
    });
    expect(lines(root)).toEqual([
      'site.yaml → logo: logo must be a path on the site (/images/logo.svg, a file in public/) or an https:// address',
      'site.yaml → government_badge.image: government_badge.image is missing',
      'site.yaml → error_report: error_report must be an http(s) address or a mailto: link',
      'site.yaml → columns.1.slug: columns.slug must be lower-case letters, digits and hyphens (tzgg)',
      'site.yaml → columns.2.oder: unknown key (did you mean "order"?)',
      'site.yaml → columns.1.name: "通知公告" is already the name of the column 通知公告 (give each column its own name)',
      'site.yaml → columns.2.slug: "tzgg" is already the slug of the column 通知公告 (give each column its own slug)',
    ]);
  });

  it('name a column name or slug used twice', () => {
    const result = siteSchema.safeParse({ columns: [{ name: '通知公告', slug: 'tzgg' }, { name: '通知公告', slug: 'tz' }, { name: '政策', slug: 'tzgg' }] });
    expect(result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([
      'columns.1.name: "通知公告" is already the name of the column 通知公告 (give each column its own name)',
      'columns.2.slug: "tzgg" is already the slug of the column 通知公告 (give each column its own slug)',
    ]);
  });

  it('accept a mailto: error report, a site path or https logo, and a full badge', () => {
    const site = siteSchema.parse({
      logo: 'https://www.example.gov.cn/logo.png',
      error_report: 'mailto:wzb@example.gov.cn',
      government_badge: { image: '/images/red.png', certificate: 'https://bszs.conac.cn/sitename?method=show&id=1' },
      columns: [{ name: '通知公告', slug: 'tzgg', order: 2 }],
    });
    expect(site.columns).toEqual([{ name: '通知公告', slug: 'tzgg', order: 2 }]);
    expect(siteSchema.parse({}).columns).toEqual([]);
  });
});
