import { describe, expect, it } from 'vitest';
import { toPlainDateTime } from '../../../src/import/chinese-date.ts';
import { findEditor, findLabelledValue, findPublishDate, findRetrievedDate, findSource } from '../../../src/import/fields.ts';
import { spacedLabel } from '../../../src/import/text-utils.ts';

describe('findSource', () => {
  it.each([
    [['标题', '来源: 遂宁市府'], '遂宁市府'],
    [['标题', '时间：2019-09-18 06:23 来源： 山西日报'], '山西日报'],
    [['标题', '来源于：东区办事处'], '东区办事处'],
    [['标题', '信息来源：市统计局'], '市统计局'],
    [['标题', '2023-06-15 08:10 来源：中国新闻网 王帆'], '中国新闻网'],
    [['标题', '来源：遂宁市府2015-05-20'], '遂宁市府'],
  ])('reads %j', (lines, source) => {
    expect(findSource(lines, 0)?.value).toBe(source);
  });

  it('reads an empty label as no source', () => {
    expect(findSource(['标题', '来源： 访问量：199 发布日期：2017-05-15'], 0)?.value).toBeUndefined();
    expect(findSource(['标题', '来源: | 发布时间: 2018-05-17 |'], 0)?.value).toBeUndefined();
  });

  it('ignores 资料来源 inside the body and prefers the line next to the title', () => {
    const lines = ['标题', '2020-10-04 20:30 来源: 长江网', '正文……', '（资料来源：参考消息、海外网等）'];
    expect(findSource(lines, 0)?.value).toBe('长江网');
    expect(findSource(['标题', '（资料来源：参考消息）'], 0)).toBeUndefined();
  });

  it('takes the next line in the list layout of 信息公开 pages', () => {
    expect(findLabelledValue(['索引号:', '', '6107280000/2024-001005'], spacedLabel('索引号'))?.value).toBe('6107280000/2024-001005');
    expect(findSource(['来源:', '', '发文机构:', '县政府网站'])?.value).toBeUndefined();
  });

  it('reads spaced catalogue labels in table rows', () => {
    expect(findLabelledValue(['索 引 号：\t000014349/2018-00213\t主题分类：\t综合政务'], spacedLabel('索引号'))?.value).toBe('000014349/2018-00213');
  });
});

describe('findEditor', () => {
  it.each([
    [['责任编辑: 白婉苹'], '白婉苹'],
    [['【编辑：姚昊】'], '姚昊'],
    [['编辑：倪仕轩 责任编辑：杨格'], '杨格'],
    [['责任编辑：陈一豪 唐浚中 全丽 熊冬梅', '29 ]'], '陈一豪 唐浚中 全丽 熊冬梅'],
    [['发布日期：2019-03-06 责任编辑：龙慧'], '龙慧'],
  ])('reads %j', (lines, editor) => {
    expect(findEditor(lines)?.value).toBe(editor);
  });

  it('finds nothing when the label has no name', () => {
    expect(findEditor(['责任编辑：'])).toBeUndefined();
  });
});

describe('findPublishDate', () => {
  it('prefers a 发布 label over document dates and distractors', () => {
    const lines = ['2023年10月11日 星期三', '万载县统计公报', '来源： 访问量：199 发布日期：2017-05-15 10:49:00'];
    expect(toPlainDateTime(findPublishDate(lines, 1)!)).toBe('2017-05-15 10:49:00');
  });

  it('never takes 成文日期 or 发文日期 for the publish date', () => {
    const lines = ['规则', '发文日期:', '2024年04月06日 16:40', '发布日期:', '2024年04月06日 16:34'];
    expect(toPlainDateTime(findPublishDate(lines, 0)!)).toBe('2024-04-06 16:34');
    expect(findPublishDate(['规则', '成文日期：2018年12月04日'], 0)).toBeUndefined();
  });

  it('takes a bare date in the meta line under the title, not one in prose', () => {
    expect(toPlainDateTime(findPublishDate(['标题', '2015年05月20日 17时18分'], 0)!)).toBe('2015-05-20 17:18');
    expect(findPublishDate(['标题', '（2007年6月29日第十届全国人民代表大会常务委员会第二十八次会议通过）'], 0)).toBeUndefined();
  });
});

describe('findRetrievedDate', () => {
  it('reads the crawl date on the first line of a dump', () => {
    expect(findRetrievedDate(['2020-07-14', '', '标题'])).toMatchObject({ year: 2020, month: 7, day: 14 });
    expect(findRetrievedDate(['标题', '2020-07-14'])).toBeUndefined();
  });
});
