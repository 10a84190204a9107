import { describe, expect, it } from 'vitest';
import { chooseSource, footerOwners } from '../../../src/import/source.ts';

const BODY = '为切实做好今年汛期安全防范工作，确保人民群众生命财产安全，现将有关事项通知如下。';

describe('chooseSource', () => {
  it('takes the 来源 under the title', () => {
    expect(chooseSource({ lines: ['关于做好防汛工作的通知', '发布时间：2019-06-15 来源：某县应急管理局', BODY], titleLine: 0 })).toEqual({
      value: '某县应急管理局',
      from: 'label',
      line: 1,
    });
  });

  it('reads nothing in the footer: the parent body that owns the site is not the source', () => {
    const lines = ['某监管局关于某事的公告', '发布时间：2024-03-01', BODY, '发布机构：浙江监管局', '主办单位：国家某某监督管理总局 版权所有', '来源：国家某某监督管理总局网站'];
    expect(chooseSource({ lines, titleLine: 0 })?.value).toBe('浙江监管局');
    expect(footerOwners(lines)).toEqual(['国家某某监督管理总局']);
  });

  it('passes over the site name when the page names another body', () => {
    const lines = ['某县召开会议', '来源：某县人民政府', BODY];
    expect(chooseSource({ lines, titleLine: 0, recordSource: '某县融媒体中心', siteNames: ['某县人民政府'] })?.value).toBe('某县融媒体中心');
    // With nothing else, the site's own 来源 stands: a provincial office publishing its own notice.
    expect(chooseSource({ lines, titleLine: 0, siteNames: ['某县人民政府'] })?.value).toBe('某县人民政府');
  });

  it('takes the outlet a crawler recorded for a repost, not a person', () => {
    expect(chooseSource({ lines: ['能源结构持续优化', BODY], titleLine: 0, recordSource: '经济日报', siteNames: ['国家能源局'] })?.value).toBe('经济日报');
    expect(chooseSource({ lines: ['某标题', BODY], titleLine: 0, recordSource: '廖睿灵' })).toBeUndefined();
  });

  it('reads 主办单位 as the issuer inside a 信息公开 catalogue, above the body', () => {
    const lines = ['公开事项名称:', '某局关于某事的复函', '索引号:', '000019705/2025-000316', '主办单位:', '国家某局', '制发日期:', '2025-09-25', BODY];
    expect(chooseSource({ lines, titleLine: 1 })).toMatchObject({ value: '国家某局', from: 'issuer' });
  });

  it('keeps an empty 来源 as "the page says nothing", whatever the meta tag says', () => {
    const lines = ['某通知', '日期：2025-02-26 11:54 来源：', BODY, '发布机构：某委员会'];
    expect(chooseSource({ lines, titleLine: 0, metaSource: '产业处' })).toBeUndefined();
  });

  it('takes a （来源：…） line closing the article when the header has none', () => {
    expect(chooseSource({ lines: ['某标题', '2019-06-15', BODY, '（来源：某日报）'], titleLine: 0 })).toMatchObject({ value: '某日报', from: 'closing-label' });
  });

  it('keeps several issuers of a joint document', () => {
    expect(chooseSource({ lines: ['某通知', '发文机关：', '中国人民银行 发展改革委 证监会', BODY], titleLine: 0 })?.value).toBe('中国人民银行 发展改革委 证监会');
  });
});
