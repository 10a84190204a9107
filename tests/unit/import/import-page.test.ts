import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { importBytes, importText } from '../../../src/import/import-page.ts';
import { createAnnouncementSchema } from '../../../src/lib/schema.ts';

const fixture = (path: string) => readFileSync(new URL(`../../fixtures/${path}`, import.meta.url));
const only = (path: string) => {
  const results = importBytes(fixture(path));
  expect(results).toHaveLength(1);
  return results[0]!;
};
const frontMatterOf = (text: string) => parse(text.split('---\n')[1]!) as Record<string, unknown>;

describe('the seed text dump', () => {
  const result = only('scraped/seed-text-dump.txt');

  it('imports to the fields the issue names', () => {
    expect(result.fields).toEqual({
      title: '今年遂宁将建成7个省级安全社区',
      subtitle: '将居民身边的“不安全因素”消灭在萌芽状态',
      date: '2015-05-20T17:18:00+08:00',
      source: '遂宁市府',
      editor: '白婉苹',
      retrieved: '2020-07-14',
    });
    expect(result.duplicatedBody).toBe(true);
  });

  it('keeps the body once: 11 blocks, 2 headings and 9 paragraphs, no chrome', () => {
    const blocks = result.body.trim().split('\n\n');
    expect(blocks).toHaveLength(11);
    expect(blocks.filter((block) => block.startsWith('## '))).toEqual(['## 民生实事介绍 区县园区各建成1个安全社区', '## 部门实施路径 三个强化助推安全社区建设']);
    expect(result.body).not.toMatch(/字体|扫一扫|主办单位|微信|手机版|责任编辑|来源/);
    expect(new Set(blocks).size).toBe(11);
  });
});

describe('fixtures modelled on portal layouts', () => {
  it('TRS-style portal page: fields, absolute links, no chrome', () => {
    const result = only('scraped/trs-portal.html');
    expect(result.fields).toMatchObject({
      title: '青川市关于开展2021年春季植树活动的通知',
      date: '2021-03-08T09:30:00+08:00',
      source: '青川市林业局',
      editor: '周明 林晓',
      column: '通知公告',
      original_url: 'http://www.example-city.gov.cn/zwgk/tzgg/202103/t20210308_1234.html',
    });
    expect(result.body).toContain('## 一、活动时间');
    expect(result.body).toContain('1. 各区县要加强组织领导');
    expect(result.body).toContain('(http://www.example-city.gov.cn/zwgk/tzgg/202103/P020210308_plan.pdf)');
    expect(result.body).not.toMatch(/打印|字体|分享|扫一扫|主办单位|相关链接|造林工作总结|浏览次数/);
  });

  it('政府信息公开 page: catalogue fields, 发布机构 as source, a GFM table', () => {
    const result = only('scraped/xxgk-table.html');
    expect(result.fields).toMatchObject({
      title: '关于2022年度财政专项资金分配结果的公示',
      date: '2022-06-30',
      source: '青川市财政局',
      publisher: '青川市财政局',
      doc_number: '青财预〔2022〕17号',
      index_number: '99990001/2022-00042',
    });
    expect(result.body).toMatch(/\| 序号 \| 项目名称 +\| 金额（万元） \|/);
    expect(result.body).not.toContain('索');
  });

  it('elder-mode double: one copy, visible date kept over a disagreeing meta tag', () => {
    const result = only('scraped/elder-mode-double.html');
    expect(result.duplicatedBody).toBe(true);
    expect(result.body.match(/会议指出/g)).toHaveLength(1);
    expect(result.fields.date).toBe('2023-04-18T16:05:00+08:00');
    expect(result.warnings.some((warning) => warning.includes('<meta name="pubdate"> says 2023-05-02'))).toBe(true);
    expect(result.body).not.toContain('长者专区');
  });

  it('GB18030 text and UTF-8-with-BOM text read the same way', () => {
    const gb = only('scraped/gb18030-text-dump.txt');
    expect(gb.fields).toMatchObject({ title: '青川市举办2023年秋季招聘会', date: '2023-08-30T14:20:00+08:00', retrieved: '2023-09-01', editor: '许文' });
    expect(gb.body).toContain('## 一、岗位覆盖面广');
    expect(only('scraped/utf8-bom-text-dump.txt').fields.title).toBe('青川市举办2023年秋季招聘会（第二场）');
  });

  it('charset declarations that lie in either direction', () => {
    const utf8 = only('scraped/charset-mismatch.html');
    expect(utf8.fields).toMatchObject({ title: '青川市图书馆延长开放时间', source: '青川日报', editor: '程雪', date: '2024-01-15T07:45:00+08:00' });
    expect(utf8.warnings[0]).toContain('declares charset gb2312');
    const gbk = only('scraped/gbk-declared-utf8.html');
    expect(gbk.fields.title).toBe('青川市图书馆延长开放时间（续）');
    expect(gbk.warnings[0]).toContain('declares charset utf-8 but its bytes are gb18030');
  });

  it('crawler export: one page per record, URL and crawl time from the record', () => {
    const [first, second] = importBytes(fixture('scraped/crawler-export.jsonl'));
    expect(first?.fields).toMatchObject({ title: '青川市召开防汛工作会议', retrieved: '2022-05-20', editor: '冯涛', source: '青川市水利局' });
    expect(second?.fields).toMatchObject({ title: '青川市开展儿童节主题活动', date: '2022-06-01', source: '青川市妇联' });
    expect(second?.fields.title).not.toBe('青川网');
  });

  it('every imported fixture passes the site schema', () => {
    const schema = createAnnouncementSchema();
    for (const name of ['seed-text-dump.txt', 'trs-portal.html', 'xxgk-table.html', 'elder-mode-double.html', 'gb18030-text-dump.txt', 'charset-mismatch.html', 'crawler-export.jsonl']) {
      for (const result of importBytes(fixture(`scraped/${name}`))) {
        const parsed = schema.safeParse(frontMatterOf(result.file!.text));
        expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      }
    }
  });
});

describe('bad input', () => {
  it.each([
    ['import-bad/empty.txt', 'the file is empty'],
    ['import-bad/only-whitespace.txt', 'the file holds only whitespace'],
    ['import-bad/binary.html', 'the file is binary, not a text or HTML page'],
    ['import-bad/undecodable.txt', 'the bytes are neither UTF-8 nor GBK/GB18030 text'],
    // Its first line is a title over its body; the date is what it lacks.
    ['import-bad/no-date.txt', 'no publish date found'],
    ['import-bad/no-title-export.jsonl', 'no title or publish date found'],
    ['import-bad/json-without-page.json', 'the JSON holds no page (no text or html field)'],
  ])('%s fails with a reason', (path, reason) => {
    const [result] = importBytes(fixture(path));
    expect(result?.file).toBeUndefined();
    expect(result?.reason).toBe(reason);
  });

  it('still reports the fields a failed page does show', () => {
    const [result] = importBytes(fixture('import-bad/no-title-export.jsonl'));
    expect(result?.fields.editor).toBe('甲乙 丙丁');
    expect(result?.fields.title).toBeUndefined();
  });

  it('reads a page without 来源 with source 未注明 and a warning', () => {
    const result = importText('<title>关于某事的通知_某市</title><h1>关于某事的通知</h1><p>发布日期：2019-03-06</p><p>正文内容，说明了一件事情的经过。</p>');
    expect(result.fields.source).toBeUndefined();
    expect(frontMatterOf(result.file!.text).source).toBe('未注明');
    expect(result.warnings).toContain('no 来源 on the page; wrote source: 未注明');
  });
});

// Literal pages of the kinds the unseen-page issue names, written for these tests.
describe('county and township pages', () => {
  it('a text export that opens with the portal navigation, with spaced labels and a glued date-time', () => {
    const text = [
      '首页 走进某县 政务公开 政务服务 互动交流',
      '当前位置：首页 > 政务公开 > 乡镇动态',
      '某镇召开2019年夏季防汛工作会议',
      '发 布 时 间：2019年06月15日08:18　　来　　源：某镇人民政府',
      '6月14日，某镇召开2019年夏季防汛工作会议，安排部署今年汛期各项工作，镇村两级干部共60余人参加会议。',
      '会议要求，各村要压实防汛责任，加强隐患排查，确保安全度汛。责任编辑：lizhen',
      '主办单位：某县人民政府办公室 版权所有',
    ].join('\n');
    const result = importText(text);
    expect(result.fields).toMatchObject({ title: '某镇召开2019年夏季防汛工作会议', date: '2019-06-15T08:18:00+08:00', source: '某镇人民政府', editor: 'lizhen' });
    expect(result.body).not.toMatch(/首页|当前位置|主办单位/);
  });

  it('a 信息公开 table whose labels and values sit in separate cells, or a row of labels over a row of values', () => {
    const cells = importText(
      '<title>某县人民政府</title><table><tr><td>发 布 机 构</td><td>某县应急管理局</td><td>发 文 日 期</td><td>2019-06-10</td></tr>' +
        '<tr><td>发布日期</td><td>2019-06-15</td><td>文号</td><td>某应急发〔2019〕8号</td></tr></table>' +
        '<h1>关于开展安全生产月活动的通知</h1><p>各乡镇人民政府，县直各部门：为深入开展安全生产月活动，现将有关事项通知如下，请认真贯彻执行。</p>',
    );
    expect(cells.fields).toMatchObject({ title: '关于开展安全生产月活动的通知', date: '2019-06-15', source: '某县应急管理局', doc_number: '某应急发〔2019〕8号' });
    const rows = importText(
      '<h1>关于开展安全生产月活动的通知</h1><table><tr><td>索引号</td><td>发布机构</td><td>发布日期</td></tr><tr><td>001/2019-00012</td><td>某镇人民政府</td><td>2019-06-15</td></tr></table>' +
        '<p>各村、各单位：为深入开展安全生产月活动，现将有关事项通知如下，请认真贯彻执行。</p>',
    );
    expect(rows.fields).toMatchObject({ date: '2019-06-15', source: '某镇人民政府', index_number: '001/2019-00012' });
  });

  it('a provincial office page under its national body footer keeps the office as source', () => {
    const result = importText(
      '<title>关于某事的公告_国家某某监督管理总局</title><h1>关于某事的公告</h1><p>发布时间：2024-03-01 发布机构：浙江监管局</p>' +
        '<p>根据有关规定，现将某事公告如下，请有关单位认真执行，并及时报告执行中的问题。</p>' +
        '<div class="footer">主办单位：国家某某监督管理总局 网站标识码：bm00000000 京ICP备00000000号</div>',
    );
    expect(result.fields).toMatchObject({ title: '关于某事的公告', source: '浙江监管局' });
  });

  it('never fills 文号 from an unrelated line', () => {
    const result = importText('关于某事的通知\n发布日期：2019-06-15\n文号：\n规范性文件\n各乡镇人民政府，县直各部门：现将有关事项通知如下，请认真贯彻执行。');
    expect(result.fields.doc_number).toBeUndefined();
  });
});

describe('dates that only the title, the file name or the crawler states', () => {
  it('takes the date opening the title when the page shows no other', () => {
    const result = importText('2019年6月15日某镇召开防汛工作会议\n\n会议要求，各村要压实防汛责任，加强隐患排查，确保安全度汛，切实保障人民群众生命财产安全。');
    expect(result.fields.date).toBe('2019-06-15');
    expect(result.warnings).toContain('no publish date on the page; took 2019-06-15 from the start of the title');
  });

  it('takes the date in the file name last of all', () => {
    const text = '某镇召开防汛工作会议\n\n会议要求，各村要压实防汛责任，加强隐患排查，确保安全度汛，切实保障人民群众生命财产安全。';
    const [named] = importBytes(new TextEncoder().encode(text), { fileName: '20190615_防汛会议.txt' });
    expect(named?.fields.date).toBe('2019-06-15');
    expect(named?.warnings).toContain('no publish date on the page; took 2019-06-15 from the file name 20190615_防汛会议.txt');
    expect(importBytes(new TextEncoder().encode(text), { fileName: '1539739244.4322484.txt' })[0]?.reason).toBe('no publish date found');
  });

  it("adds the crawler's time to a page that shows only the day, unless it is midnight padding", () => {
    const page = (time: string) => `{"title":"某通知","content":"某通知\\n发布日期：2025-10-30\\n各单位：现将有关事项通知如下，请认真贯彻执行。","publish_time":"2025-10-30 ${time}"}`;
    expect(importText(page('10:40:24')).fields.date).toBe('2025-10-30T10:40:24+08:00');
    expect(importText(page('00:00:00')).fields.date).toBe('2025-10-30');
    expect(importText(page('23:59:59')).fields.date).toBe('2025-10-30');
  });

  it('imports a whole-file JSON export with bare NaN', () => {
    const result = importText('[{"title": "某县民用车辆拥有量", "content": "某县民用车辆拥有量\\n发布日期：2025-04-02\\n截至年底，全县民用车辆拥有量持续增长，较上年有所提高。", "views": NaN}]');
    expect(result.fields).toMatchObject({ title: '某县民用车辆拥有量', date: '2025-04-02' });
  });
});

describe('a page the site would refuse', () => {
  it('fails with the schema\'s reason instead of writing a file npm run check rejects', () => {
    // A broken </title> runs the title into the page's navigation.
    const html = `<html><head><meta name="PubDate" content="2023-05-02 08:00"><title>关于做好防汛工作的通知/title></head><body><div class="nav">${'<a href="/">首页</a> '.repeat(40)}</div><h2>关于做好防汛工作的通知</h2><p>正文内容，正文内容。</p></body></html>`;
    const result = importText(html);
    if (result.file) {
      // Whatever title was chosen, it is one the schema accepts.
      expect(result.fields.title!.length).toBeLessThanOrEqual(200);
    } else {
      expect(result.reason).toMatch(/^the page's title cannot be used: title is longer than 200 characters$/);
    }
  });
});
