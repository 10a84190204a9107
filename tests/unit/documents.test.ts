import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attachmentRefs, describeAttachment, describeAttachments, fileTypeOf, formatFileSize } from '../../src/lib/attachments.ts';
import { toAnnouncementId } from '../../src/lib/content-files.ts';
import { findLocalReferences, toLocalPath } from '../../src/lib/local-files.ts';
import { countPdfPages } from '../../src/lib/pdf-pages.ts';
import { governmentInfoItems, hasGovernmentInfo, statusMark } from '../../src/lib/government-info.ts';
import { createAnnouncementSchema, formatIssues, formatProblem, keysByPath } from '../../src/lib/schema.ts';
import { validateContent } from '../../src/lib/validate.ts';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}/`, import.meta.url));
const root = fileURLToPath(new URL('../../', import.meta.url));
const schema = createAnnouncementSchema('Asia/Shanghai');
const parse = (frontMatter: Record<string, unknown>) => schema.parse({ title: '通知', date: '2016-05-20', source: '测试局', ...frontMatter });

describe('attachment types and sizes', () => {
  it('names the types readers know, with their MIME types', () => {
    expect(['a.pdf', 'b.DOCX', '附件1：岗位表.xls', 'c.wps', 'd.et', 'e.rar', 'f.jpg', 'g.ofd', 'h.xyz', 'i'].map((name) => fileTypeOf(name).label)).toEqual([
      'PDF', 'Word', 'Excel', 'WPS文字', 'WPS表格', '压缩包', '图片', 'OFD', 'XYZ', '文件',
    ]);
    expect(fileTypeOf('a.xlsx').mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(fileTypeOf('https://x.gov.cn/a.doc?id=1').mime).toBe('application/msword');
  });

  it('writes sizes as portals do: whole KB, MB with a decimal under 10', () => {
    expect([0, 300, 25_600, 1_048_575, 1_234_567, 52_428_800].map(formatFileSize)).toEqual(['1 KB', '1 KB', '25 KB', '1024 KB', '1.2 MB', '50 MB']);
    expect(describeAttachment({ type: fileTypeOf('a.pdf'), bytes: 221_883, pages: 3 })).toBe('PDF，217 KB，3页');
    expect(describeAttachment({ type: fileTypeOf('a.xls') })).toBe('Excel');
  });
});

describe('files beside the Markdown', () => {
  it('reads relative addresses as paths inside the announcement folder', () => {
    expect(toLocalPath('./%E9%99%84%E4%BB%B6.pdf#page=2')).toEqual({ path: '附件.pdf' });
    expect(toLocalPath('images/../a.png')).toEqual({ path: 'a.png' });
    expect(toLocalPath('../other/a.pdf')).toEqual({ problem: 'outside' });
  });

  it('finds links and images in Markdown, reference definitions and HTML, and nothing on other sites', () => {
    const found = findLocalReferences('[表][1] ![图](a.jpg "标题") [站外](https://x.gov.cn/a.pdf) [站内](/announcements/2016/a/)\n\n<a href="b.doc">说明</a><img src=\'c.png\' alt="c">\n\n[1]: 表.xlsx');
    expect(found.links).toEqual([{ address: '表.xlsx', text: '表' }, { address: 'b.doc', text: '' }]);
    expect(found.images).toEqual([{ address: 'a.jpg', alt: '图', title: '标题' }, { address: 'c.png', alt: 'c' }]);
  });

  it('gives a bundle\'s index.md its folder\'s id, so moving a file into a folder keeps its address', () => {
    expect(toAnnouncementId('2016/safety-month-plan/index.md')).toBe('2016/safety-month-plan');
    expect(toAnnouncementId('2016/safety-month-plan.md')).toBe('2016/safety-month-plan');
  });

  it('lists declared attachments first, then files the body links, each once, titled by front matter, the link or the name', () => {
    const data = parse({ attachments: [{ file: '附件1.pdf', title: '实施方案' }, { file: 'b.xlsx' }, { url: 'https://x.gov.cn/files/%E5%B2%97%E4%BD%8D.xls' }] });
    expect(attachmentRefs(data, [{ address: 'b.xlsx', text: '另一个标题' }, { address: 'c.doc', text: '说明' }])).toEqual([
      { title: '实施方案', file: '附件1.pdf' },
      { title: 'b.xlsx', file: 'b.xlsx' },
      { title: '岗位.xls', url: 'https://x.gov.cn/files/%E5%B2%97%E4%BD%8D.xls' },
      { title: '说明', file: 'c.doc' },
    ]);
  });

  it('describes the sample policy\'s attachments from the files: type, size, a PDF\'s page count, the address beside the page', async () => {
    const folder = join(root, 'content/announcements/2016/safety-month-plan');
    const data = parse({ attachments: [{ file: '活动方案.pdf', title: '方案' }] });
    const described = await describeAttachments('2016/safety-month-plan', folder, attachmentRefs(data, [{ address: '活动安排表.xlsx', text: '安排表' }]), (path) => countPdfPages(new Uint8Array(readFileSync(path))));
    expect(described.map(({ title, fileName, href, type, bytes, pages }) => ({ title, fileName, href, type: type.label, bytes, pages }))).toEqual([
      { title: '方案', fileName: '活动方案.pdf', href: '/announcements/2016/safety-month-plan/%E6%B4%BB%E5%8A%A8%E6%96%B9%E6%A1%88.pdf', type: 'PDF', bytes: readFileSync(join(folder, '活动方案.pdf')).length, pages: 3 },
      { title: '安排表', fileName: '活动安排表.xlsx', href: '/announcements/2016/safety-month-plan/%E6%B4%BB%E5%8A%A8%E5%AE%89%E6%8E%92%E8%A1%A8.xlsx', type: 'Excel', bytes: readFileSync(join(folder, '活动安排表.xlsx')).length, pages: undefined },
    ]);
  });

  it('counts nothing for a file that is not a PDF', async () => {
    expect(await countPdfPages(new TextEncoder().encode('not a pdf'))).toBeUndefined();
  });
});

describe('npm run check on announcements with broken files and links', () => {
  const result = validateContent(fixture('documents-bad'), root);

  it('names the announcement and the file of each missing, empty or outside file, and the id and nearest id of each unknown link', () => {
    expect(result.problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/documents-bad/announcements/2016/body-link-missing.md → body: linked file "岗位表.xlsx" does not exist (put it beside body-link-missing.md, or correct the name)",
        "tests/fixtures/documents-bad/announcements/2016/empty-attachment/index.md → attachments.0.file: attachment "空白.doc" is empty (0 bytes): readers would download nothing",
        "tests/fixtures/documents-bad/announcements/2016/missing-attachment/index.md → attachments.0.file: attachment "附件1.pdf" does not exist (put it beside index.md, or correct the name)",
        "tests/fixtures/documents-bad/announcements/2016/missing-image/index.md → body: image "现场.jpg" does not exist (put it beside index.md, or correct the name)",
        "tests/fixtures/documents-bad/announcements/2016/outside.md → body: "../other/a.pdf" is outside the announcement's folder (put the linked file beside the Markdown file, or link another announcement by its address, /announcements/<id>/)",
        "tests/fixtures/documents-bad/announcements/2016/same-id/index.md: has the same id (2016/same-id) and address as tests/fixtures/documents-bad/announcements/2016/same-id.md (keep one of them: a folder's index.md is named by its folder)",
        "tests/fixtures/documents-bad/announcements/2016/abolished-unknown.md → validity.replaced_by: "2016/valid-policy-2" is not an announcement (did you mean "2016/valid-policy"?)",
        "tests/fixtures/documents-bad/announcements/2016/unknown-interprets.md → interprets: "2016/valid-polcy" is not an announcement (did you mean "2016/valid-policy"?)",
        "tests/fixtures/documents-bad/announcements/2016/unknown-related.md → related.1: "2099/nothing" is not an announcement (write the id as a path under announcements/ without .md, e.g. 2016/safety-month-plan)",
      ]
    `);
  });

  it('warns of an image without alt text, an attachment over site.yaml\'s size and a 索引号 off the pattern, naming the file', () => {
    expect(result.warnings.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "tests/fixtures/documents-bad/announcements/2016/bad-index.md → index_number: "遂宁-2016-12" does not follow the site's 索引号 pattern ^[0-9A-Z]{9}(?:[0-9A-Z]{9})?/\\d{4}-\\d+$ (organisation code/year-serial, e.g. 11510900MB1234567X/2024-00012; site.yaml's index_number_pattern sets it)",
        "tests/fixtures/documents-bad/announcements/2016/large/index.md → attachments.0.file: attachment "big.pdf" is 217 KB, over the 1 KB that site.yaml's large_attachment_mb allows (readers on phones download it; compress or split it)",
        "tests/fixtures/documents-bad/announcements/2016/no-alt/index.md → body: image "pic.png" has no alt text (write ![what it shows](pic.png) so readers who cannot see it know)",
      ]
    `);
  });

  it('reports a misspelt key inside an attachment or the validity with the key it meant', () => {
    const result = schema.safeParse({ title: 't', date: '2016-01-01', source: 's', attachments: [{ fiel: 'a.pdf' }], validity: { status: '已废止', date: '2018-01-01', replaced_bye: 'x' } });
    expect(formatIssues('f.md', result.error!.issues, keysByPath(schema)).map(formatProblem)).toEqual([
      'f.md → attachments.0.fiel: unknown key (did you mean "file"?)',
      'f.md → attachments.0: each attachment needs a file (a path beside the Markdown, e.g. 附件1.pdf) or the url it was published at',
      'f.md → validity.replaced_bye: unknown key (did you mean "replaced_by"?)',
    ]);
  });

  it('accepts the sample site as it is', () => {
    const sample = validateContent(join(root, 'content'), root);
    expect(sample.problems).toEqual([]);
    expect(sample.warnings).toEqual([]);
  });
});

describe('政务公开 metadata', () => {
  it('makes a document of an announcement with a 索引号, 主题分类, 公文种类, 成文日期, 主题词 or validity, not of one with a 文号 alone', () => {
    expect(hasGovernmentInfo(parse({ doc_number: '遂府办发〔2015〕21号' }))).toBe(false);
    for (const fields of [{ index_number: '008652141/2016-00105' }, { topic: '综合政务' }, { doc_type: '通知' }, { written: '2016-05-01' }, { keywords: '安全' }, { validity: { status: '已失效', date: '2018-01-01' } }]) {
      expect(hasGovernmentInfo(parse(fields)), JSON.stringify(fields)).toBe(true);
    }
    expect(hasGovernmentInfo(parse({ validity: '有效' }))).toBe(false);
  });

  it('lays the table out in the portals\' order, with the last pair of an odd row across it', () => {
    const items = governmentInfoItems(parse({ index_number: '008652141/2016-00105', topic: '劳动、人事、监察', written: '2016-04-08', doc_type: '通知', keywords: ['职称', '评审'] }), '遂宁市人力资源和社会保障局');
    expect(items.map((item) => [item.label, item.wide])).toEqual([
      ['索引号', true], ['主题分类', false], ['发布机构', false], ['成文日期', false], ['文号', false], ['发布日期', false], ['有效性', false], ['公文种类', true], ['主题词', true],
    ]);
    expect(items.find((item) => item.label === '文号')).toMatchObject({ text: '—' });
  });

  it('marks the title of a document no longer in force, not of a revised one', () => {
    expect(statusMark(parse({ validity: { status: '已废止', date: '2018-03-01' } }))).toBe('【已废止】');
    expect(statusMark(parse({ validity: { status: '已失效', date: '2018-03-01' } }))).toBe('【已失效】');
    expect(statusMark(parse({ validity: { status: '已修订', date: '2018-03-01' } }))).toBe('');
    expect(statusMark(parse({}))).toBe('');
  });
});
