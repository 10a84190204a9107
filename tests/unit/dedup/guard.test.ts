import { describe, expect, it } from 'vitest';
import { compareUnits, passageSimilarity, withoutDoubtfulDamage } from '../../../src/dedup/guard.ts';
import { markdownToText, toUnits } from '../../../src/dedup/normalise.ts';
import { holidayNotice, inspectionReport, penaltyDecision, SAFETY_PARAGRAPHS, SAFETY_TITLE } from './texts.ts';

const units = (title: string, body: string) => toUnits(`${title}\n${markdownToText(body)}`);
const safety = (paragraphs: readonly string[]) => units(SAFETY_TITLE, paragraphs.join('\n\n'));
const original = safety(SAFETY_PARAGRAPHS);

describe('compareUnits: copies of one announcement', () => {
  it('accepts identical text', () => {
    expect(compareUnits(original, original)).toMatchObject({ compatible: true, reason: 'identical after normalisation' });
  });

  it('accepts a new lead line, a dropped closing paragraph and a fixed typo', () => {
    const edited = ['近日，市政府网站发布消息，介绍今年全市安全社区建设安排。', ...SAFETY_PARAGRAPHS.slice(0, -1)];
    edited[4] = edited[4]!.replace('有序推进', '有续推进');
    expect(compareUnits(original, safety(edited))).toMatchObject({
      compatible: true,
      reason: 'near-duplicate: 1 passage added, 1 passage dropped, 1 character edit',
    });
  });

  it('accepts punctuation changes, even where a 。 became a ，', () => {
    const edited = SAFETY_PARAGRAPHS.map((paragraph) => paragraph.replace(/。目前/, '，目前').replace(/，/g, ', '));
    expect(compareUnits(original, safety(edited)).compatible).toBe(true);
  });

  it('accepts two copies that each swapped in another lead line', () => {
    const a = safety(['（编者按：现将全文转发如下，请认真贯彻执行。）', ...SAFETY_PARAGRAPHS]);
    const b = safety(['2015年5月21日，遂宁市人民政府发布今年遂宁将建成7个省级安全社区的消息，全文如下：', ...SAFETY_PARAGRAPHS]);
    expect(compareUnits(a, b).compatible).toBe(true);
  });
});

describe('compareUnits: republished and damaged copies', () => {
  const report = inspectionReport('二', 221, 180, '王建国');
  const base = units(report.title, report.body);

  it('accepts a news dateline before the first paragraph, with the closing paragraph dropped', () => {
    const republished = report.body
      .replace('2019年第二季度，', '本报讯（记者 李娜）2019年第二季度，')
      .replace(/\n\n联系人：[^\n]+$/u, '');
    expect(compareUnits(base, units(report.title, republished))).toMatchObject({ compatible: true, reason: 'near-duplicate: 1 passage dropped' });
    const agency = report.body.replace('2019年第二季度，', '新华社成都7月5日电（记者 李娜）2019年第二季度，');
    expect(compareUnits(base, units(report.title, agency)).compatible).toBe(true);
  });

  it('accepts characters lost in transcription where the loss cuts into a number', () => {
    const lossy = report.body.replace('共发现问题221处，', '共发现问题22，');
    expect(compareUnits(base, units(report.title, lossy))).toMatchObject({
      compatible: true,
      lost: 1,
      reason: 'near-duplicate: 1 character edit (1 lost across a number)',
    });
    expect(compareUnits(units(report.title, lossy), base)).toMatchObject({ compatible: true, lost: 1 });
  });

  it('keeps a replaced figure, a figure with other digits, or a figure dropped whole apart, as strictly as before', () => {
    const other = (text: string) => compareUnits(base, units(report.title, report.body.replace('共发现问题221处，', text)));
    expect(other('共发现问题231处，').reason).toBe('figures differ: 2 → 3');
    expect(other('共发现问题22处，').reason).toBe('a number differs: 21处 → 2处');
    expect(other('共发现问题2210处，').reason).toBe('a number differs: 1处 → 10处');
    expect(other('共发现问题，').reason).toBe('a figure is missing: 221处');
  });
});

describe('withoutDoubtfulDamage', () => {
  it('drops the damaged pairs of a text that fits two notices kept apart, and nothing else', () => {
    // 0 and 1 are notices kept apart; 2 fits both only as a damaged copy; 3 is an exact copy of 0.
    const pairs = [
      { a: 0, b: 2, lost: true },
      { a: 1, b: 2, lost: true },
      { a: 0, b: 3, lost: false },
    ];
    const apart = (x: number, y: number) => (x === 0 && y === 1) || (x === 1 && y === 0);
    expect(withoutDoubtfulDamage(pairs, (pair) => pair.lost, apart)).toEqual([{ a: 0, b: 3, lost: false }]);
    expect(withoutDoubtfulDamage(pairs, (pair) => pair.lost, () => false)).toEqual(pairs);
  });
});

describe('compareUnits: templated but different announcements', () => {
  const y2019 = holidayNotice(2019, '6月7日至9日', 25, '2019年5月28日');
  const y2020 = holidayNotice(2020, '6月25日至27日', 1, '2020年6月10日');

  it('keeps the 2019 and 2020 holiday notices apart', () => {
    const verdict = compareUnits(units(y2019.title, y2019.body), units(y2020.title, y2020.body));
    expect(verdict).toMatchObject({ compatible: false, reason: 'figures differ: 19 → 20' });
  });

  it('keeps penalty decisions for other parties, people, amounts or 文号 apart', () => {
    const base = penaltyDecision('遂宁金泉商贸有限公司', '王建国', '50000', '遂市监处罚〔2020〕12号');
    const compare = (other: { title: string; body: string }) => compareUnits(units(base.title, base.body), units(other.title, other.body));
    expect(compare(penaltyDecision('遂宁金泉商贸有限公司', '王建国', '80000', '遂市监处罚〔2020〕12号')).reason).toBe('figures differ: 5 → 8');
    expect(compare(penaltyDecision('遂宁金泉商贸有限公司', '王建国', '50000', '遂市监处罚〔2020〕13号')).reason).toBe('figures differ: 2 → 3');
    expect(compare(penaltyDecision('遂宁银河物流有限公司', '王建国', '50000', '遂市监处罚〔2020〕12号')).compatible).toBe(false);
    // A wholly other name leaves too little of the line to pair it: the line counts as replaced.
    expect(compare(penaltyDecision('遂宁金泉商贸有限公司', '李秀英', '50000', '遂市监处罚〔2020〕12号')).reason).toBe('a passage was replaced: 法定代表人王建国 → 法定代表人李秀英');
    // The known limit: one changed character reads as a typo fix. Real decisions for another
    // person also differ in amount and 文号, which the guard does catch.
    expect(compare(penaltyDecision('遂宁金泉商贸有限公司', '王建军', '50000', '遂市监处罚〔2020〕12号')).compatible).toBe(true);
  });

  it('sees a number changed by added digits', () => {
    const a = ['共补助资金105万元用于社区建设'];
    expect(compareUnits(a, ['共补助资金1050万元用于社区建设'])).toMatchObject({ compatible: false, reason: 'a number differs: 5万 → 50万' });
  });

  it('sees a changed place name and a changed Chinese numeral', () => {
    expect(compareUnits(['船山区育才路街道办事处开展试点工作'], ['安居区育才路街道办事处开展试点工作']).compatible).toBe(false);
    expect(compareUnits(['本次活动共持续三天请各单位做好安排'], ['本次活动共持续五天请各单位做好安排']).reason).toBe('figures differ: 三 → 五');
  });

  it('refuses more single-character edits than a typo fix explains', () => {
    const a = ['甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'];
    const b = ['甲乙丙丁戊已庚辛壬葵子丑寅卯晨巳午末申酉戍亥'];
    expect(compareUnits(a, b)).toMatchObject({ compatible: false, reason: 'wording differs in 5 places' });
    expect(compareUnits(a, b, 5).compatible).toBe(true);
  });

  it('refuses a passage replaced in the middle of the text', () => {
    const replaced = [...SAFETY_PARAGRAPHS];
    replaced[3] = '全市今年还将新建应急避难场所，配备必要的物资和设施，完善社区应急预案体系。';
    expect(compareUnits(original, safety(replaced)).reason).toMatch(/^a passage was replaced/);
  });
});

describe('passageSimilarity', () => {
  it('is 2·LCS over the total length, 0 when lengths alone rule it out', () => {
    expect(passageSimilarity('2019年5月20日', '2020年5月22日')).toBeCloseTo(0.7, 5);
    expect(passageSimilarity('abc', 'abc')).toBe(1);
    expect(passageSimilarity('a', 'abcdefgh')).toBe(0);
  });
});
