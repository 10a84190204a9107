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

  it('passes over a meta title or <title> that is only the site name', () => {
    const choice = chooseHtmlTitle({
      lines: ['某县人民政府', '首页', '关于做好防汛工作的通知', '发布时间：2019-06-15'],
      meta: new Map([['title', '某县人民政府'], ['sitename', '某县人民政府']]),
      documentTitle: '某县人民政府',
      headings: ['关于做好防汛工作的通知'],
    });
    expect(choice).toMatchObject({ title: '关于做好防汛工作的通知', line: 2 });
  });

  it('lets <h1> and og:title outvote a <title> the page does not show', () => {
    const choice = chooseHtmlTitle({
      lines: ['首页', '某镇召开夏季防汛工作会议', '2019年06月15日08:18'],
      meta: new Map([['og:title', '某镇召开夏季防汛工作会议']]),
      documentTitle: '信息公开目录',
      headings: ['某镇召开夏季防汛工作会议'],
    });
    expect(choice).toMatchObject({ title: '某镇召开夏季防汛工作会议', line: 1 });
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

  it('skips the navigation a text export opens with', () => {
    const lines = ['首页 走进某县 政务公开 政务服务 互动交流', '当前位置：首页 > 政务公开 > 通知公告', '某县人民政府', '关于做好端午节期间安全生产工作的通知', '发布时间：2019年06月15日08:18 来源：某县应急管理局', '各乡镇人民政府，县直各部门：'];
    expect(chooseTextTitle(lines)).toMatchObject({ title: '关于做好端午节期间安全生产工作的通知', line: 3 });
  });

  it('takes a title that opens with a date-time, and never a date line', () => {
    const lines = ['2018-10-17 09:00在某区人民法院第一法庭开庭审理甲公司与乙公司,丙公司买卖合同纠纷', '作者：本站发布时间：2018-10-17', '我院定于2018年10月17日 09时00分在本院第一法庭依法公开审理……'];
    expect(chooseTextTitle(lines)?.line).toBe(0);
    expect(chooseTextTitle(['2018-10-17 09:00', '正文。'])).toBeUndefined();
  });

  it('joins a title split after its issuers or before its number', () => {
    expect(chooseTextTitle(['中国人民银行 国家外汇管理局', '关于提升某项业务服务水平的通知', '发布日期：2023年11月20日'])?.title).toBe('中国人民银行 国家外汇管理局关于提升某项业务服务水平的通知');
    expect(chooseTextTitle(['中国人民银行公告', '（2007）第 21 号', '根据有关规定，现就某项业务的有关事项公告如下：', '一、某项业务可以开展。'])?.title).toBe('中国人民银行公告（2007）第 21 号');
  });

  it('never takes a 文号 line or a section heading, and titles a document exported without a date', () => {
    const lines = ['某委员会 某银行关于完善某项收费定价机制的通知', '', '发改价格[2016]557号', '', '各省、自治区、直辖市发展改革委；各分行：', '为贯彻落实有关精神，现就有关事项通知如下：', '一、完善定价机制的具体措施'];
    expect(chooseTextTitle(lines)).toMatchObject({ title: '某委员会 某银行关于完善某项收费定价机制的通知', line: 0 });
    expect(chooseTextTitle(['某行关于某群体账户服务的指导意见', '银发〔2019〕1号', '各分行：', '一、提高认识', '二、加强管理', '某行', '2019年3月5日'])?.line).toBe(0);
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
