import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../src/import/import-page.ts';
import { createAnnouncementSchema } from '../../../src/lib/schema.ts';
import { parseFrontMatter } from '../../../src/lib/content-files.ts';

const page = `<!doctype html><html><head><meta charset="utf-8"><title>关于公开招聘教师的公告_遂宁市教育局</title></head><body>
<div class="article"><h1>关于公开招聘教师的公告</h1><div class="info">发布时间：2019-06-15 09:00　来源：遂宁市教育局</div>
<div class="content"><p>根据工作需要，现面向社会公开招聘中小学教师20名。有关事项公告如下。</p><p>一、招聘岗位和人数详见附件。</p>
<p>附件1：<a href="/files/2019/gangwei.xls">岗位表</a></p><p>附件2：<a href="../files/2019/baoming.doc">附件2：报名表</a></p><p>附件3：<a href="https://www.jyj.example.gov.cn/files/2019/gangwei.xls">岗位表（重复）</a></p><p>详见<a href="/xxgk/other.html">另一页</a>。</p></div></div></body></html>`;
const bytes = new TextEncoder().encode(page);

describe('attachment links on a scraped page', () => {
  it('are kept as attachments at their original addresses, once each, titled without their numbering, and the file passes the schema', () => {
    const [result] = importBytes(bytes, { url: 'https://www.jyj.example.gov.cn/tzgg/2019/0615/a.html' });
    expect(result!.attachments).toEqual([
      { url: 'https://www.jyj.example.gov.cn/files/2019/gangwei.xls', title: '岗位表' },
      { url: 'https://www.jyj.example.gov.cn/tzgg/2019/files/2019/baoming.doc', title: '报名表' },
    ]);
    const { data, body } = parseFrontMatter(result!.file!.text);
    expect(createAnnouncementSchema().parse(data).attachments).toEqual(result!.attachments);
    // The body keeps the links as the page had them, made absolute.
    expect(body).toContain('附件1：[岗位表](https://www.jyj.example.gov.cn/files/2019/gangwei.xls)');
  });

  it('without the page\'s address, keep no attachment they cannot address, and say so', () => {
    const [result] = importBytes(bytes);
    expect(result!.attachments).toEqual([{ url: 'https://www.jyj.example.gov.cn/files/2019/gangwei.xls', title: '岗位表（重复）' }]);
    expect(result!.warnings).toEqual([
      "the link to /files/2019/gangwei.xls names a file on the page's own site, whose address is unknown: not kept as an attachment",
      "the link to ../files/2019/baoming.doc has no address to keep (the page's own address is unknown): kept its text only",
    ]);
    expect(result!.body).toContain('附件2：附件2：报名表');
  });
});
