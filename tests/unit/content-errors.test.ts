import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/schema.ts';
import { requireSiteConfig } from '../../src/lib/site-config.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { contentFolder } from '../support/content.ts';

const announcement = (title: string, source: string) => `---\ntitle: ${title}\ndate: 2016-05-20\nsource: ${source}\n---\n\n正文。\n`;
const lines = (contentDir: string) => validateContent(contentDir, contentDir).problems.map(formatProblem);

describe('content folder problems', () => {
  it('names a content folder that does not exist instead of checking nothing', () => {
    const missing = join(tmpdir(), 'gazette-no-such-content-folder');
    expect(lines(missing)).toEqual([`${missing}: content folder does not exist (check GAZETTE_CONTENT, or run the command in the project folder)`]);
  });

  it('names a content folder without announcements/', () => {
    const root = contentFolder({ 'site.yaml': 'name: 测试站\n' });
    expect(lines(root)).toEqual(['announcements: does not exist (a content folder holds announcements/<year>/<name>.md, site.yaml and sources.yaml)']);
  });
});

describe('source slugs', () => {
  it('refuses two unlisted sources whose pinyin slugs collide, naming both and suggesting a slug', () => {
    const root = contentFolder({
      'announcements/2016/a.md': announcement('甲', '遂宁市局'),
      'announcements/2016/b.md': announcement('乙', '隧宁市局'),
      'announcements/2016/c.md': announcement('丙', '遂宁市局'),
    });
    expect(lines(root)).toEqual([
      'announcements/2016/b.md → source: "隧宁市局" and "遂宁市局" would share the address /sources/suiningshiju/ (in sources.yaml, list "隧宁市局" as an alias of "遂宁市局" if they are one body, or with a slug of its own, e.g. slug: suiningshiju-2)',
    ]);
  });

  it('refuses an unlisted source whose slug a listed body already has', () => {
    const root = contentFolder({
      'sources.yaml': '- name: 遂宁市人民政府\n  slug: suiningshiju\n',
      'announcements/2016/a.md': announcement('甲', '遂宁市局'),
    });
    expect(lines(root)).toEqual([
      'announcements/2016/a.md → source: "遂宁市局" and "遂宁市人民政府" would share the address /sources/suiningshiju/ (in sources.yaml, list "遂宁市局" as an alias of "遂宁市人民政府" if they are one body, or with a slug of its own, e.g. slug: suiningshiju-2)',
    ]);
  });

  it('accepts the collision once sources.yaml gives the body its own slug', () => {
    const root = contentFolder({
      'sources.yaml': '- name: 隧宁市局\n  slug: suining-2\n',
      'announcements/2016/a.md': announcement('甲', '遂宁市局'),
      'announcements/2016/b.md': announcement('乙', '隧宁市局'),
    });
    expect(lines(root)).toEqual([]);
  });
});

describe('site.yaml problems', () => {
  it('are reported as file → field: problem (fix), like announcements', () => {
    const root = contentFolder({ 'site.yaml': 'name: 测试站\npage_size: 0\ntime_zone: Beijing\nnmae: x\n', 'announcements/.keep': '' });
    expect(lines(root)).toEqual([
      'site.yaml → time_zone: time_zone is not an IANA time zone (write Asia/Shanghai)',
      'site.yaml → page_size: page_size must be between 1 and 200',
      'site.yaml → nmae: unknown key (did you mean "name"?)',
    ]);
  });

  it('name the line of invalid YAML', () => {
    const root = contentFolder({ 'site.yaml': 'name: 测试站\nurl: "https://x.gov.cn/\n', 'announcements/.keep': '' });
    expect(lines(root)).toEqual(['site.yaml: invalid YAML at line 3: Missing closing "quote']);
  });

  it('stop the build with the same lines, never an object dump', () => {
    const root = contentFolder({ 'site.yaml': 'page_size: 0\n' });
    expect(() => requireSiteConfig(root)).toThrow(/^.*site\.yaml → page_size: page_size must be between 1 and 200$/);
  });
});
