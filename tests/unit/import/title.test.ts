import { describe, expect, it } from 'vitest';
import { chooseHtmlTitle, chooseTextTitle, findTitleLine, titleSegments } from '../../../src/import/title.ts';

describe('titleSegments', () => {
  it('splits a <title> into article, column and site, longest first', () => {
    expect(titleSegments('外媒眼中的武汉长假：蓬勃发展，欢声笑语_首页武汉_新闻中心_长江网_cjn.cn')[0]).toBe('外媒眼中的武汉长假：蓬勃发展，欢声笑语');
    expect(titleSegments('万载县人民政府 | 万载县2015年国民经济和社会发展统计公报')[0]).toBe('万载县2015年国民经济和社会发展统计公报');
    expect(titleSegments('习近平主持召开座谈会-中国科普网')[0]).toBe('习近平主持召开座谈会');
    expect(titleSegments('调整2007　年末国债余额限额的决议__2007年第23号国务院公报_中国政府网')[0]).toBe('调整2007年末国债余额限额的决议');
  });
});

describe('chooseHtmlTitle', () => {
  it('prefers the ArticleTitle meta tag', () => {
    const meta = new Map([['articletitle', '行政处罚信息公开表(罚字〔2024〕1号)']]);
    expect(chooseHtmlTitle({ lines: ['某局', '行政处罚信息公开表'], meta, documentTitle: '某局', headings: [] })).toMatchObject({
      title: '行政处罚信息公开表(罚字〔2024〕1号)',
      from: 'meta',
    });
  });

  it('takes the visible line that <title> contains, not the site name around it', () => {
    const choice = chooseHtmlTitle({
      lines: ['中山网', '顺德区一行到众创金融街开展调研工作', '来源于：东区办事处'],
      meta: new Map(),
      documentTitle: '顺德区一行到众创金融街开展调研工作 东区办事处_中山网',
      headings: [],
    });
    expect(choice).toEqual({ title: '顺德区一行到众创金融街开展调研工作', line: 1, from: 'document-title' });
  });

  it('uses the <title> when the heading is split over lines', () => {
    const choice = chooseHtmlTitle({
      lines: ['全国人民代表大会常务委员会', '关于批准某项决议'],
      meta: new Map(),
      documentTitle: '全国人民代表大会常务委员会关于批准某项决议__2007年第23号国务院公报_中国政府网',
      headings: [],
    });
    expect(choice?.title).toBe('全国人民代表大会常务委员会关于批准某项决议');
  });

  it('uses the 标题 row of a 信息公开 table in a fragment', () => {
    const choice = chooseHtmlTitle({ lines: ['x'], meta: new Map(), headings: [], labelled: { value: '国务院办公厅关于节假日安排的通知', line: 0 } });
    expect(choice?.from).toBe('label');
  });
});

describe('chooseTextTitle', () => {
  it('skips the crawl date and breadcrumb and needs a date below', () => {
    expect(chooseTextTitle(['2020-07-14', '', '今年遂宁将建成7个省级安全社区', '', '  • 2015年05月20日 17时18分'])).toMatchObject({
      title: '今年遂宁将建成7个省级安全社区',
      line: 2,
    });
    expect(chooseTextTitle(['当前的位置: 首页 > 网站年度报表', '自查报告', '日期:2022-06-14 10:48'])?.title).toBe('自查报告');
  });

  it('does not invent a title for text without one', () => {
    expect(chooseTextTitle(['“裸官”，是指配偶移居国外的干部。', '“裸官”更容易无所畏惧地贪财', '正文继续。'])).toBeUndefined();
  });
});

describe('findTitleLine', () => {
  it('finds a line covering most of the title', () => {
    expect(findTitleLine(['首页', '国家金融监督管理总局行政处罚信息公开表'], '国家金融监督管理总局行政处罚信息公开表（金罚决字〔2024〕36号）')).toBe(1);
    expect(findTitleLine(['首页'], '某个标题')).toBe(-1);
  });
});
