import { describe, expect, it } from 'vitest';
import { clusterAnnouncements, type DedupInput } from '../../../src/dedup/index.ts';
import { holidayNotice, inspectionReport, penaltyDecision, SAFETY_BODY, SAFETY_PARAGRAPHS, SAFETY_TITLE } from './texts.ts';

const item = (id: string, date: string, source: string, title: string, body: string, extra: Partial<DedupInput> = {}): DedupInput => ({
  id,
  title,
  body,
  date: new Date(date),
  source,
  ...extra,
});

const original = item('2015/suining-safety', '2015-05-20T17:18:00+08:00', '遂宁市人民政府', SAFETY_TITLE, SAFETY_BODY);
const exact = item('2015/anju-safety', '2015-05-21T09:00:00+08:00', '安居区人民政府', SAFETY_TITLE, SAFETY_BODY.replace(/，/g, ','));
const near = item(
  '2015/chuanshan-safety',
  '2015-05-20T17:18:00+08:00',
  '船山区人民政府',
  SAFETY_TITLE,
  ['（转载自遂宁市人民政府网站）', '近日，市政府网站发布消息，介绍今年全市安全社区建设安排。', ...SAFETY_PARAGRAPHS.slice(0, -1)].join('\n\n'),
);
const y2019 = holidayNotice(2019, '6月7日至9日', 25, '2019年5月28日');
const y2020 = holidayNotice(2020, '6月25日至27日', 1, '2020年6月10日');
const holiday2019 = item('2019/holiday', '2019-05-28T10:00:00+08:00', '遂宁市人民政府办公室', y2019.title, y2019.body);
const holiday2020 = item('2020/holiday', '2020-06-10T10:00:00+08:00', '遂宁市人民政府办公室', y2020.title, y2020.body);

describe('clusterAnnouncements', () => {
  it('groups exact and near copies, canonical first published (a same-minute copy cites it)', async () => {
    expect(await clusterAnnouncements([near, exact, original, holiday2019, holiday2020])).toEqual([
      {
        canonical: '2015/suining-safety',
        duplicates: [
          { id: '2015/chuanshan-safety', similarity: expect.any(Number), reason: 'near-duplicate: 1 passage added, 1 passage dropped' },
          { id: '2015/anju-safety', similarity: 1, reason: 'identical after normalisation' },
        ],
      },
    ]);
  });

  it('gives the same clusters whatever the input order', async () => {
    const items = [near, exact, original, holiday2019, holiday2020];
    expect(await clusterAnnouncements([...items].reverse())).toEqual(await clusterAnnouncements(items));
  });

  it('keeps templated notices apart, and their copies with them', async () => {
    const copy2019 = item('2019/holiday-copy', '2019-05-29T10:00:00+08:00', '船山区人民政府', y2019.title, `来源：遂宁市人民政府办公室\n\n${y2019.body}`);
    const copy2020 = item('2020/holiday-copy', '2020-06-11T10:00:00+08:00', '船山区人民政府', y2020.title, y2020.body);
    const clusters = await clusterAnnouncements([holiday2019, holiday2020, copy2019, copy2020]);
    expect(clusters.map((cluster) => [cluster.canonical, ...cluster.duplicates.map((d) => d.id)])).toEqual([
      ['2019/holiday', '2019/holiday-copy'],
      ['2020/holiday', '2020/holiday-copy'],
    ]);
  });

  it('never merges penalty decisions for other parties or amounts', async () => {
    const forms = [
      penaltyDecision('遂宁金泉商贸有限公司', '王建国', '50000', '遂市监处罚〔2020〕12号'),
      penaltyDecision('遂宁银河物流有限公司', '李秀英', '50000', '遂市监处罚〔2020〕13号'),
      penaltyDecision('遂宁金泉商贸有限公司', '王建国', '80000', '遂市监处罚〔2020〕14号'),
    ];
    const items = forms.map((form, index) => item(`2020/penalty-${index}`, '2020-03-01T10:00:00+08:00', '遂宁市市场监督管理局', form.title, form.body));
    expect(await clusterAnnouncements(items)).toEqual([]);
  });

  it('never chains two kept-apart notices through a copy lacking their differences', async () => {
    // Two reports alike but for one figure, and a copy that dropped the passage holding it:
    // the copy is compatible with both, the two reports are not.
    const figures = (count: number) => `截至目前，全市共排查整改各类安全隐患${count}处，整改资金已全部落实到位。`;
    const a = item('2015/report-a', '2015-05-20T10:00:00+08:00', '遂宁市人民政府', SAFETY_TITLE, [...SAFETY_PARAGRAPHS, figures(221)].join('\n\n'));
    const b = item('2015/report-b', '2015-05-21T10:00:00+08:00', '遂宁市人民政府', SAFETY_TITLE, [...SAFETY_PARAGRAPHS, figures(212)].join('\n\n'));
    const copy = item('2015/report-copy', '2015-05-22T10:00:00+08:00', '船山区人民政府', SAFETY_TITLE, SAFETY_PARAGRAPHS.join('\n\n'));
    const clusters = await clusterAnnouncements([a, b, copy]);
    const members = clusters.map((cluster) => [cluster.canonical, ...cluster.duplicates.map((d) => d.id)].sort());
    // The copy joins one of them; the two reports never share a cluster.
    expect(members).toEqual([['2015/report-a', '2015/report-copy']]);
  });

  it('honours not_duplicate_of, in either direction', async () => {
    expect(await clusterAnnouncements([original, { ...exact, notDuplicateOf: ['2015/suining-safety'] }])).toEqual([]);
    expect(await clusterAnnouncements([{ ...original, notDuplicateOf: ['2015/anju-safety'] }, exact])).toEqual([]);
  });

  it('honours a front-matter canonical, even for a text it would not merge', async () => {
    const clusters = await clusterAnnouncements([original, { ...exact, canonical: '2015/anju-safety' }, { ...holiday2019, canonical: '2015/anju-safety' }]);
    expect(clusters).toHaveLength(1);
    expect(clusters[0]!.canonical).toBe('2015/anju-safety');
    expect(clusters[0]!.duplicates.map((d) => [d.id, d.reason])).toEqual([
      ['2015/suining-safety', 'identical after normalisation'],
      ['2019/holiday', 'front matter canonical: 2015/anju-safety'],
    ]);
  });

  it('returns nothing for an empty or all-distinct input', async () => {
    expect(await clusterAnnouncements([])).toEqual([]);
    expect(await clusterAnnouncements([original, holiday2019])).toEqual([]);
  });

  it('gives the same clusters with a helper thread, also when there is nothing to compare', async () => {
    const items = [near, exact, original, holiday2019, holiday2020];
    expect(await clusterAnnouncements(items, { workers: 1 })).toEqual(await clusterAnnouncements(items, { workers: 0 }));
    expect(await clusterAnnouncements([original, holiday2019], { workers: 1 })).toEqual([]);
  });
});

describe('clusterAnnouncements: damaged copies', () => {
  const report = inspectionReport('二', 221, 189, '王建国');
  const corrected = inspectionReport('二', 221, 180, '王建国');
  const first = item('2019/report', '2019-07-05T10:00:00+08:00', '某市应急管理局', report.title, report.body);
  const second = item('2019/report-b', '2019-07-06T10:00:00+08:00', '某市应急管理局', corrected.title, corrected.body);

  it('joins a copy that lost characters across a number to its notice', async () => {
    const lossy = item('2019/report-copy', '2019-07-06T09:00:00+08:00', '某区人民政府', report.title, report.body.replace('共发现问题221处，', '共发现问题22，'));
    expect(await clusterAnnouncements([first, lossy])).toEqual([
      { canonical: '2019/report', duplicates: [{ id: '2019/report-copy', similarity: expect.any(Number), reason: 'near-duplicate: 1 character edit (1 lost across a number)' }] },
    ]);
  });

  it('joins neither notice when the loss hides the very figure that tells them apart', async () => {
    // 已整改18 fits 已整改189处 and 已整改180处 alike.
    const lossy = item('2019/report-copy', '2019-07-07T09:00:00+08:00', '某区人民政府', report.title, report.body.replace('已整改189处。', '已整改18。'));
    expect(await clusterAnnouncements([first, second, lossy])).toEqual([]);
  });
});
