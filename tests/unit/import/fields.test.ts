import { describe, expect, it } from 'vitest';
import { toPlainDateTime } from '../../../src/import/chinese-date.ts';
import { findAllLabelledValues, findEditor, findLabelledValue, findPublishDate, findRetrievedDate, findSource, isBodyName, isDocumentNumber } from '../../../src/import/fields.ts';
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

  it.each([
    [['（责任编辑：admin）'], 'admin'],
    [['责任编辑：zhang_s01'], 'zhang_s01'],
    [['编辑：wangli 审核：李四'], 'wangli'],
  ])('reads a Latin handle as a content system records it: %j', (lines, editor) => {
    expect(findEditor(lines)?.value).toBe(editor);
  });

  it('reads the editor after a full-width colon at the end of the article', () => {
    const last = `${'全县各乡镇要按照要求认真抓好落实，确保各项工作取得实效，切实保障人民群众生命财产安全。'.repeat(2)}责任编辑：刘洋。`;
    expect(findEditor(['标题', last], 0)?.value).toBe('刘洋');
    expect(findEditor(['标题', '正文结束。', '责任编辑：', '刘洋'], 0)?.value).toBe('刘洋');
  });

  it('does not read 编辑 in the middle of a long paragraph as a label', () => {
    const prose = `会议要求，各单位编辑：${'要认真做好信息报送工作，按时完成各项任务，'.repeat(4)}确保取得实效。`;
    expect(findEditor([prose])).toBeUndefined();
  });
});

describe('several bodies in one field', () => {
  it('keeps every name of a body, and stops at a person', () => {
    expect(findLabelledValue(['发文机关：中国人民银行 国家外汇管理局'], '发文机关', { organisations: true })?.value).toBe('中国人民银行 国家外汇管理局');
    expect(findLabelledValue(['来源：中国新闻网 王帆'], '来源', { organisations: true })?.value).toBe('中国新闻网');
    expect(findLabelledValue(['发文机关：中国人民银行 国家外汇管理局'], '发文机关')?.value).toBe('中国人民银行');
  });

  it('tells names of bodies from names of people and placeholders', () => {
    expect(['新华社', '人民日报海外版', '发展改革委', '证监会', '某县人民政府', '中国新闻网'].every(isBodyName)).toBe(true);
    expect(['王帆', '廖睿灵', '本站', 'admin', '2019'].some(isBodyName)).toBe(false);
  });

  it('lists every occurrence of a label, nearest the title first', () => {
    expect(findAllLabelledValues(['标题', '来源：甲报', '正文。', '（来源：乙报）'], '来源').map((found) => found.value)).toEqual(['甲报', '乙报']);
  });
});

describe('isDocumentNumber', () => {
  it('accepts document numbers and refuses values read from unrelated lines', () => {
    expect(['银发〔2023〕231号', '发改价格[2016]557号', '国务院令第737号', '京政发(2019)12号'].every(isDocumentNumber)).toBe(true);
    expect(['规范性文件', '2019-06-15', '无', '某县人民政府办公室'].some(isDocumentNumber)).toBe(false);
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

  it('reads spaced labels once they are closed up, and a time glued to 日', () => {
    expect(toPlainDateTime(findPublishDate(['标题', '发布时间：2019年06月15日08:18 来源：某镇人民政府'], 0)!)).toBe('2019-06-15 08:18');
  });

  it('does not take the date under a signature, nor a date after the body has begun', () => {
    const decree = ['某条例', '中华人民共和国国务院令', '第1号', '总　理　　张某某', '2021年1月26日', '某条例'];
    expect(findPublishDate(decree, 0)).toBeUndefined();
    const notice = ['关于某事的通知', '各乡镇人民政府，县直各部门：', '为做好某项工作，经县政府同意，现将有关事项通知如下，请认真贯彻执行。', '某县人民政府办公室', '2019年6月15日'];
    expect(findPublishDate(notice, 0)).toBeUndefined();
  });

  it('takes a date the text says the document was published on, below any labelled date', () => {
    const history = ['某管理条例', '（1992年12月11日中华人民共和国国务院令第107号发布 根据2011年1月8日《某决定》修订）', '第一章 总则'];
    expect(findPublishDate(history, 0)).toMatchObject({ year: 1992, month: 12, day: 11, kind: 'statement' });
    expect(findPublishDate([...history.slice(0, 1), '发布日期：2011-01-08', ...history.slice(1)], 0)).toMatchObject({ year: 2011, kind: 'publish' });
  });
});

describe('findRetrievedDate', () => {
  it('reads the crawl date on the first line of a dump', () => {
    expect(findRetrievedDate(['2020-07-14', '', '标题'])).toMatchObject({ year: 2020, month: 7, day: 14 });
    expect(findRetrievedDate(['标题', '2020-07-14'])).toBeUndefined();
  });
});
