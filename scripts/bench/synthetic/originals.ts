/**
 * Original announcements: ordinary work notices, and four kinds of templated notice whose
 * members share most of their text but are different announcements (holiday arrangements
 * by year, monthly statistics, penalty decisions, water-supply interruptions).
 */
import type { Random } from './random.ts';
import {
  ACTIONS, ADDRESSEES, CITIES, company, DEPARTMENTS, district, METHODS, MODALS, ORDINALS, OUTCOMES,
  personName, street, TOPICS, township, village,
} from './vocabulary.ts';

/** An announcement before it gets an id: Markdown blocks, so copies can edit them one by one. */
export interface Draft {
  title: string;
  /** Markdown blocks, joined by blank lines to make the body. */
  blocks: string[];
  /** Index of the closing paragraph (contacts, a final appeal) a republisher may drop. */
  closing: number;
  date: Date;
  source: string;
  editor: string;
  /** Short slug prefix naming the kind: notice, holiday, stats, penalty, outage. */
  kind: string;
  /** Members of one templated family share this key. */
  family?: string;
}

/** An instant given as Beijing wall-clock time. */
export function beijing(year: number, month: number, day: number, hour = 9, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
}

export function chineseDate(date: Date): string {
  const local = new Date(date.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

const bodyLength = (blocks: readonly string[]) => blocks.reduce((sum, block) => sum + block.length + 2, 0);

function phone(random: Random): string {
  return `0${random.int(810, 839)}-${random.int(2000000, 8999999)}`;
}

/** One sentence of a work notice, built from slots so two notices rarely share a clause. */
function taskSentence(random: Random, nouns: readonly string[], city: string): string {
  const noun = random.pick(nouns);
  const other = random.pick(nouns);
  const shapes = [
    () => `${random.pick(ADDRESSEES)}${random.pick(MODALS)}${random.pick(ACTIONS)}${noun}，${random.pick(METHODS)}，${random.pick(ACTIONS)}${other}，${random.pick(OUTCOMES)}。`,
    () => `${random.int(2, 9)}月底前，${district(random)}、${district(random)}要完成${noun}工作，对排查出的${random.int(12, 480)}个问题逐一建立台账，${random.pick(OUTCOMES)}。`,
    () => `在${township(random)}${village(random)}开展${noun}试点，总结形成可复制、可推广的经验做法，${random.pick(METHODS)}，逐步在全市推开。`,
    () => `${city}市${random.pick(DEPARTMENTS)}牵头，会同${random.pick(DEPARTMENTS)}、${random.pick(DEPARTMENTS)}，围绕${noun}和${other}制定具体措施，每月${random.int(5, 25)}日前报送工作进展。`,
    () => `今年以来，全市累计投入资金${random.int(120, 9800)}万元，完成${noun}项目${random.int(6, 260)}个，${other}覆盖率达到${random.int(60, 99)}%以上。`,
    () => `对${noun}中发现的突出问题，${random.pick(MODALS)}${random.pick(['挂牌督办', '限期整改', '约谈提醒', '通报批评', '依法查处'])}，${random.pick(METHODS)}，${random.pick(OUTCOMES)}。`,
  ];
  return random.pick(shapes)();
}

function paragraph(random: Random, nouns: readonly string[], city: string, sentences: number): string {
  return Array.from({ length: sentences }, () => taskSentence(random, nouns, city)).join('');
}

/**
 * An ordinary work notice (通知 / 实施方案) on one of the topics: an address line, an
 * introduction, numbered sections with a list and a timetable, a contact paragraph and a
 * signature. Unique text: its sentences are drawn slot by slot.
 */
export function workNotice(random: Random): Draft {
  const topic = random.pick(TOPICS);
  const city = random.pick(CITIES);
  const year = random.int(2015, 2024);
  const date = beijing(year, random.int(1, 12), random.int(1, 28), random.int(8, 18), random.int(0, 59));
  const source = topic.department === '人民政府办公室' ? `${city}市人民政府办公室` : `${city}市${topic.department}`;
  const title = random.pick([
    `关于开展${year}年${topic.name}工作的通知`,
    `关于进一步做好${topic.name}工作的通知`,
    `${city}市${year}年${topic.name}实施方案`,
    `关于印发${city}市${topic.name}工作方案的通知`,
  ]);
  const target = random.int(1600, 2900);
  const nouns = topic.nouns;
  const blocks: string[] = [`${random.sample(ADDRESSEES, 2).join('，')}：`];
  blocks.push(
    `为${random.pick(ACTIONS)}${random.pick(nouns)}，${random.pick(ACTIONS)}${random.pick(nouns)}，根据上级有关要求，经${city}市人民政府同意，决定自${chineseDate(date)}起在全市开展${topic.name}工作。现将有关事项通知如下：`,
  );
  let section = 0;
  blocks.push(`## ${ORDINALS[section++]}、总体要求`, paragraph(random, nouns, city, random.int(2, 3)));
  blocks.push(`## ${ORDINALS[section++]}、主要任务`);
  const tasks = random.sample(nouns, random.int(3, 5));
  tasks.forEach((task, index) => blocks.push(`${index + 1}. **${task}**。${paragraph(random, nouns, city, random.int(1, 2))}`));
  blocks.push(`## ${ORDINALS[section++]}、时间安排`);
  const table = ['| 阶段 | 时间 | 主要内容 | 责任单位 |', '| --- | --- | --- | --- |'];
  for (const [index, stage] of ['动员部署', '自查自纠', '集中整治', '总结验收'].entries()) {
    const month = Math.min(12, ((date.getUTCMonth() + index) % 12) + 1);
    table.push(`| ${stage}阶段 | ${month}月${random.int(1, 15)}日至${month}月${random.int(16, 28)}日 | ${random.pick(nouns)} | ${random.pick(DEPARTMENTS)} |`);
  }
  blocks.push(table.join('\n'));
  blocks.push(`## ${ORDINALS[section++]}、工作要求`);
  let sub = 0;
  while (bodyLength(blocks) < target - 260 && sub < 8) {
    const heading = ['加强组织领导', '压实工作责任', '强化督导检查', '注重宣传引导', '加强资金保障', '严格考核问责', '建立长效机制', '做好信息报送'][sub]!;
    blocks.push(`（${ORDINALS[sub++]}）${heading}。${paragraph(random, nouns, city, random.int(2, 4))}`);
  }
  const closing = blocks.length;
  blocks.push(
    `请各单位于每月${random.int(20, 28)}日前将工作进展情况报送${source}。联系人：${personName(random)}，联系电话：${phone(random)}，电子邮箱：${random.pick(['sn', 'gov', 'work', 'office'])}${random.int(100, 999)}@163.com。`,
  );
  blocks.push(source, chineseDate(date));
  return { title, blocks, closing, date, source, editor: personName(random), kind: 'notice' };
}

const HOLIDAYS = [
  { name: '元旦', month: 1, day: 1 }, { name: '春节', month: 2, day: 10 }, { name: '清明节', month: 4, day: 4 },
  { name: '劳动节', month: 5, day: 1 }, { name: '端午节', month: 6, day: 12 }, { name: '中秋节', month: 9, day: 15 },
  { name: '国庆节', month: 10, day: 1 },
] as const;

/** Shared text of a family, drawn once from the family's own random source. */
function familyParagraphs(random: Random, nouns: readonly string[], city: string, minLength: number): string[] {
  const paragraphs: string[] = [];
  while (bodyLength(paragraphs) < minLength) paragraphs.push(`（${ORDINALS[paragraphs.length]}）${paragraph(random, nouns, city, 2)}`);
  return paragraphs;
}

/**
 * A family of holiday-arrangement notices: one city's 端午节 notice for several years. The
 * requirements text is the same every year; the year, the dates, the 文号 and the duty
 * roster differ, which is exactly what makes them different announcements.
 */
export function holidayFamily(random: Random, size: number): Draft[] {
  const city = random.pick(CITIES);
  const holiday = random.pick(HOLIDAYS);
  const shared = familyParagraphs(random.fork(), [...TOPICS[0]!.nouns, ...TOPICS[5]!.nouns, ...TOPICS[11]!.nouns], city, random.int(1300, 2300));
  const years = random.sample([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024], size).sort();
  const source = `${city}市人民政府办公室`;
  const editor = personName(random);
  return years.map((year) => {
    const start = holiday.day + random.int(-3, 3);
    const date = beijing(year, Math.max(1, holiday.month - 1), random.int(10, 25), 10, random.int(0, 59));
    const blocks = [
      '各区县人民政府，市级各部门，有关单位：',
      `根据《国务院办公厅关于${year}年部分节假日安排的通知》（国办发明电〔${year - 1}〕${random.int(5, 20)}号）精神，经${city}市人民政府同意，现将${year}年${holiday.name}放假安排及有关事项通知如下：`,
      `## 一、放假时间`,
      `${holiday.name}：${holiday.month}月${start}日至${holiday.month}月${start + 2}日放假调休，共3天。${holiday.month}月${start + 5}日（星期日）上班。`,
      `## 二、有关要求`,
      ...shared,
      `## 三、值班安排`,
      [
        '| 日期 | 带班领导 | 值班人员 | 值班电话 |',
        '| --- | --- | --- | --- |',
        ...[0, 1, 2].map((offset) => `| ${holiday.month}月${start + offset}日 | ${personName(random)} | ${personName(random)} | ${phone(random)} |`),
      ].join('\n'),
    ];
    const closing = blocks.length;
    blocks.push(
      `节日期间如遇重大突发事件，请及时报告市政府总值班室，联系电话：${phone(random)}，传真：${phone(random)}。`,
      source,
      chineseDate(date),
    );
    return {
      title: `关于${year}年${holiday.name}放假安排的通知`, blocks, closing, date, source, editor, kind: 'holiday',
      family: `holiday:${city}:${holiday.name}`,
    };
  });
}

const INDICATORS = ['规模以上工业增加值', '固定资产投资', '社会消费品零售总额', '一般公共预算收入', '居民消费价格', '城镇居民人均可支配收入', '金融机构人民币存款余额', '进出口总额'];

/**
 * A family of monthly statistics releases: the same release for several months, with the
 * same explanatory notes and other figures.
 */
export function statisticsFamily(random: Random, size: number): Draft[] {
  const city = random.pick(CITIES);
  const year = random.int(2015, 2024);
  const shared = random.fork();
  const intro = paragraph(shared, TOPICS[7]!.nouns, city, 2);
  const notes = INDICATORS.map(
    (indicator) => `${indicator}：指${shared.pick(['报告期内', '统计期内', '核算期内'])}${shared.pick(['全部', '辖区内', '统计范围内'])}${indicator.slice(0, 4)}相关单位${shared.pick(['按规定口径', '按国家统计制度', '按现行统计标准'])}填报汇总的数据，${shared.pick(['增速按可比价格计算', '增速按现价计算', '数据为快报数'])}，部分数据因四舍五入存在总计与分项合计不等的情况。`,
  );
  const months = random.sample([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], size).sort((a, b) => a - b);
  const source = `${city}市统计局`;
  const editor = personName(random);
  return months.map((month) => {
    const date = beijing(year, month + 1, random.int(10, 20), 15, 0);
    const figure = () => (random.int(-50, 150) / 10).toFixed(1);
    const blocks = [
      `${year}年1—${month}月，${intro}`,
      `## 一、主要指标完成情况`,
      ...INDICATORS.slice(0, 6).map(
        (indicator) => `${ORDINALS[INDICATORS.indexOf(indicator)]}是${indicator}。1—${month}月，全市${indicator}完成${random.int(50, 3000)}.${random.int(0, 9)}亿元，同比增长${figure()}%，增速比1—${Math.max(1, month - 1)}月${random.pick(['加快', '回落'])}${random.int(1, 30) / 10}个百分点，${random.pick(['居全省第', '列全省第'])}${random.int(1, 21)}位。`,
      ),
      '## 二、主要指标数据表',
      [
        `| 指标 | 1—${month}月 | 同比增长（%） | 全省位次 |`,
        '| --- | --- | --- | --- |',
        ...INDICATORS.map((indicator) => `| ${indicator}（亿元） | ${random.int(50, 3000)}.${random.int(0, 9)} | ${figure()} | ${random.int(1, 21)} |`),
      ].join('\n'),
      '## 三、指标解释',
      ...notes,
    ];
    const closing = blocks.length;
    blocks.push(`下一步，全市将${random.pick(ACTIONS)}${random.pick(TOPICS[7]!.nouns)}，确保完成全年目标任务。数据咨询电话：${phone(random)}。`, source, chineseDate(date));
    return {
      title: `${city}市${year}年1—${month}月国民经济运行情况`, blocks, closing, date, source, editor, kind: 'stats',
      family: `stats:${city}:${year}`,
    };
  });
}

const VIOLATIONS = [
  { what: '销售超过保质期的食品', law: '《中华人民共和国食品安全法》第三十四条第（十）项', basis: '《中华人民共和国食品安全法》第一百二十四条第一款', goods: '食品' },
  { what: '未取得食品经营许可从事食品经营活动', law: '《中华人民共和国食品安全法》第三十五条第一款', basis: '《中华人民共和国食品安全法》第一百二十二条第一款', goods: '食品' },
  { what: '使用未经检验的特种设备', law: '《中华人民共和国特种设备安全法》第三十二条第二款', basis: '《中华人民共和国特种设备安全法》第八十四条第（一）项', goods: '设备' },
  { what: '发布虚假广告', law: '《中华人民共和国广告法》第四条第一款', basis: '《中华人民共和国广告法》第五十五条第一款', goods: '宣传品' },
];

/**
 * A family of penalty decisions: one bureau's form for the same violation, issued to
 * different parties with other amounts, dates and 文号.
 */
export function penaltyFamily(random: Random, size: number): Draft[] {
  const city = random.pick(CITIES);
  const violation = random.pick(VIOLATIONS);
  const department = '市场监督管理局';
  const source = `${city}市${department}`;
  const shared = random.fork();
  const procedure = paragraph(shared, TOPICS[4]!.nouns, city, 2);
  const hearing = familyParagraphs(shared, TOPICS[4]!.nouns, city, random.int(550, 1200));
  const rights = `当事人应当自收到本处罚决定书之日起十五日内，持本决定书到指定银行缴纳罚没款。逾期不缴纳的，本局将依据《中华人民共和国行政处罚法》第七十二条第一款第（一）项的规定，每日按罚款数额的百分之三加处罚款。如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向${city}市人民政府申请行政复议，也可以在六个月内依法向${city}市${shared.pick(['船山区', '高新区', '中心城区'])}人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，本处罚决定不停止执行。`;
  const year = random.int(2016, 2024);
  const editor = personName(random);
  const abbreviation = city.slice(0, 1);
  return Array.from({ length: size }, () => {
    const date = beijing(year, random.int(1, 12), random.int(1, 28), random.int(9, 17), random.int(0, 59));
    const docNumber = `${abbreviation}市监处罚〔${year}〕${random.int(1, 999)}号`;
    const party = company(random);
    const quantity = random.int(3, 500);
    const value = random.int(100, 90000);
    const fine = random.int(5, 200) * 1000;
    const gain = random.int(50, value);
    const blocks = [
      `**${docNumber}**`,
      `当事人：${party}`,
      `统一社会信用代码：91${random.int(100000, 999999)}MA${random.int(10000000, 99999999)}`,
      `住所：${city}市${district(random)}${street(random)}${random.int(1, 999)}号`,
      `法定代表人：${personName(random)}`,
      '## 一、违法事实',
      `${chineseDate(new Date(date.getTime() - random.int(20, 90) * 86_400_000))}，本局执法人员依法对当事人经营场所进行检查，发现当事人${violation.what}，涉案${violation.goods}共计${quantity}件，货值金额${value}元，违法所得${gain}元。${procedure}`,
      `上述事实，有现场检查笔录、询问笔录、当事人营业执照复印件、进货凭证及照片等证据为证。当事人的上述行为违反了${violation.law}的规定，构成了${violation.what}的违法行为。`,
      `本局于${chineseDate(new Date(date.getTime() - random.int(5, 15) * 86_400_000))}向当事人送达了《行政处罚告知书》，告知当事人拟作出行政处罚的内容及事实、理由、依据，并告知当事人依法享有陈述、申辩和要求听证的权利。`,
      ...hearing,
      '## 二、处罚依据和决定',
      `依据${violation.basis}的规定，综合考虑当事人违法行为的事实、性质、情节及社会危害程度，本局决定对当事人作出如下行政处罚：`,
      `1. 没收违法所得${gain}元；\n2. 没收涉案${violation.goods}${quantity}件；\n3. 罚款${fine}元。`,
      '## 三、履行方式和救济途径',
      rights,
    ];
    const closing = blocks.length;
    blocks.push(`本局地址：${city}市${street(random)}${random.int(1, 300)}号，联系人：${personName(random)}，联系电话：${phone(random)}。`, source, chineseDate(date));
    return {
      title: `${source}行政处罚决定书（${docNumber}）`, blocks, closing, date, source, editor, kind: 'penalty',
      family: `penalty:${city}:${violation.what}:${year}`,
    };
  });
}

/**
 * A family of water-supply interruption notices: the same water company's form for other
 * streets and dates.
 */
export function outageFamily(random: Random, size: number): Draft[] {
  const city = random.pick(CITIES);
  const source = `${city}市${random.pick(['自来水有限公司', '水务集团有限公司', '供排水有限责任公司'])}`;
  const shared = random.fork();
  const advice = familyParagraphs(shared, TOPICS[9]!.nouns.concat(TOPICS[1]!.nouns), city, random.int(1000, 1900));
  const service = `我公司将组织施工人员连续作业，力争提前恢复供水。恢复供水初期可能出现水压偏低、水质浑浊等现象，请用户打开水龙头放水片刻，待水质清澈后再使用。停水期间，我公司将在${shared.pick(['片区内', '受影响区域'])}设置临时供水点，并安排送水车辆为有需要的老人、残疾人等特殊群体送水上门。`;
  const year = random.int(2015, 2024);
  const editor = personName(random);
  return Array.from({ length: size }, () => {
    const month = random.int(1, 12);
    const day = random.int(1, 28);
    const date = beijing(year, month, Math.max(1, day - 2), 16, random.int(0, 59));
    const road = street(random);
    const area = [street(random), street(random), village(random)];
    const blocks = [
      '广大用户：',
      `因${road}供水管网改造工程施工需要，我公司定于${year}年${month}月${day}日${random.int(6, 10)}时至${random.int(18, 23)}时对${road}片区实施临时停水。停水期间，${area.join('、')}等区域将停止供水，${street(random)}沿线将出现水压偏低现象。`,
      `## 一、停水范围`,
      area.map((place) => `- ${place}及周边${random.int(2, 9)}个小区`).join('\n'),
      '## 二、注意事项',
      ...advice,
      service,
      '## 三、临时供水点',
      ['| 序号 | 地点 | 开放时间 |', '| --- | --- | --- |', ...[1, 2, 3].map((n) => `| ${n} | ${village(random)}广场 | ${random.int(7, 10)}:00—${random.int(17, 21)}:00 |`)].join('\n'),
    ];
    const closing = blocks.length;
    blocks.push(`由此给您带来的不便，敬请谅解。服务热线：${phone(random)}（24小时）。`, source, chineseDate(date));
    return {
      title: `关于${road}片区${month}月${day}日临时停水的通知`, blocks, closing, date, source, editor, kind: 'outage',
      family: `outage:${source}:${year}`,
    };
  });
}

const MEETING_KINDS = ['工作推进会', '专题会议', '现场观摩会', '动员部署会', '工作调度会'];

/**
 * A news report (新闻) on one of the topics: a dated opening paragraph with figures and
 * units (排查整改问题221处), sections under headings, a list of measures, and a closing
 * paragraph with the meeting's demands. The kind newspapers republish with a dateline.
 */
export function newsReport(random: Random): Draft {
  const topic = random.pick(TOPICS);
  const city = random.pick(CITIES);
  const place = `${city}市${district(random)}`;
  const year = random.int(2015, 2024);
  const month = random.int(1, 12);
  const day = random.int(1, 27);
  const date = beijing(year, month, day + 1, random.int(8, 20), random.int(0, 59));
  const meeting = random.pick(MEETING_KINDS);
  const source = `${place}融媒体中心`;
  const title = random.pick([`${place}召开${topic.name}${meeting}`, `${place}扎实推进${topic.name}工作`, `${place}${topic.department}部署${topic.name}工作`]);
  const nouns = topic.nouns;
  const target = random.int(1600, 2800);
  const blocks: string[] = [
    `${month}月${day}日，${place}召开${topic.name}${meeting}，${random.pick(ACTIONS)}${random.pick(nouns)}。会议通报了前一阶段工作情况：今年以来，全区共排查整改问题${random.int(120, 980)}处，督办重点事项${random.int(12, 96)}件，${random.pick(nouns)}覆盖率达到${random.int(60, 99)}%。`,
    `## 一、工作成效`,
    paragraph(random, nouns, city, random.int(2, 3)),
    paragraph(random, nouns, city, random.int(2, 3)),
    `## 二、存在的问题`,
    paragraph(random, nouns, city, random.int(2, 3)),
    `## 三、下一步工作`,
    random.sample(nouns, 3).map((noun, index) => `${index + 1}. ${random.pick(ACTIONS)}${noun}，${random.pick(METHODS)}。`).join('\n'),
  ];
  while (bodyLength(blocks) < target - 200) blocks.push(paragraph(random, nouns, city, random.int(2, 3)));
  const closing = blocks.length;
  blocks.push(`会议要求，${random.pick(ADDRESSEES)}${random.pick(MODALS)}${random.pick(ACTIONS)}${random.pick(nouns)}，${random.pick(OUTCOMES)}，为全区经济社会高质量发展提供坚强保障。`);
  return { title, blocks, closing, date, source, editor: personName(random), kind: 'news' };
}

/**
 * A family of quarterly inspection reports (督查情况通报): one bureau's report for several
 * quarters with the same explanations and other counts, dates and group leaders. Some members
 * are single-slot variants of an earlier one: the same report with one count substituted
 * (221 → 231), or another date, or another group leader: the hardest negatives there are.
 * Counts come with units (发现问题221处), where a transcription that loses characters cuts in.
 */
export function inspectionFamily(random: Random, size: number): Draft[] {
  const city = random.pick(CITIES);
  const topic = random.pick(TOPICS);
  const department = topic.department === '人民政府办公室' ? '人民政府办公室' : topic.department;
  const source = `${city}市${department}`;
  const year = random.int(2016, 2024);
  const shared = random.fork();
  const background = paragraph(shared, topic.nouns, city, 2);
  const requirements = familyParagraphs(shared, topic.nouns, city, random.int(1000, 1600));
  const districts = Array.from({ length: 4 }, () => district(shared));
  type Slots = { quarter: number; counts: number[]; leader: string; date: Date; contact: string };
  const slots: Slots[] = [];
  const freshDate = (quarter: number) => beijing(year, quarter * 3 + 1 > 12 ? 12 : quarter * 3 + 1, random.int(3, 25), random.int(9, 17), random.int(0, 59));
  const leaders = new Set<string>();
  const newLeader = () => {
    // Another leader shares no character with the others: names that differ in one character
    // (王建国, 王建军) read as a typo fixed, the guard's documented limit.
    for (;;) {
      const name = personName(random);
      if ([...leaders].every((other) => ![...name].some((char) => other.includes(char)))) {
        leaders.add(name);
        return name;
      }
    }
  };
  const quarters = random.sample([1, 2, 3, 4], Math.min(4, size));
  for (let member = 0; member < size; member++) {
    const base = slots[random.int(0, Math.max(0, slots.length - 1))];
    const variant = base && member >= quarters.length ? random.pick(['figure', 'date', 'leader'] as const) : undefined;
    if (base && variant) {
      const counts = [...base.counts];
      if (variant === 'figure') {
        // One count substituted in one digit: 221 → 231.
        const at = random.int(0, counts.length - 1);
        const digits = String(counts[at]!).split('');
        const position = random.int(0, digits.length - 1);
        digits[position] = String((Number(digits[position]) + random.int(1, 8)) % 10);
        if (digits[0] === '0') digits[0] = '1';
        counts[at] = Number(digits.join(''));
      }
      const slot = {
        quarter: base.quarter,
        counts,
        leader: variant === 'leader' ? newLeader() : base.leader,
        date: variant === 'date' ? new Date(base.date.getTime() + random.int(1, 9) * 86_400_000) : base.date,
        contact: base.contact,
      };
      // Two variants drawn alike would be one notice twice, not two notices.
      const key = (other: Slots) => `${other.quarter}|${other.counts.join(',')}|${other.leader}|${other.date.getTime()}`;
      if (!slots.some((other) => key(other) === key(slot))) {
        slots.push(slot);
        continue;
      }
    }
    const quarter = quarters[member % quarters.length]!;
    const counts = Array.from({ length: 3 + districts.length * 2 }, () => random.int(12, 480));
    counts[2] = random.int(10, counts[1]!);
    // A count that is an earlier member's with a digit dropped or added (221 vs 22): other
    // notices, kept apart by a number that changed length.
    if (slots.length > 0 && random.chance(0.5)) {
      const earlier = random.pick(slots).counts[0]!;
      counts[0] = random.chance(0.5) && earlier >= 100 ? Math.floor(earlier / 10) : earlier * 10 + random.int(0, 9);
    }
    slots.push({ quarter, counts, leader: newLeader(), date: freshDate(quarter), contact: `联系人：${personName(random)}，联系电话：${phone(random)}。` });
  }
  const ordinal = ['一', '二', '三', '四'];
  // The slots a variant changes are never in the closing paragraph a republisher may drop: a
  // copy without it could not be told from its sibling by anyone.
  return slots.map(({ quarter, counts, leader, date, contact }) => {
    const [units, problems, fixed, ...perDistrict] = counts;
    const blocks = [
      '各区县人民政府，市级各有关部门：',
      `${chineseDate(date).slice(0, 5)}第${ordinal[quarter - 1]}季度，市${department}组织${units! % 9 + 3}个督查组，由${leader}带队，对全市${units}家重点单位开展${topic.name}督查，共发现问题${problems}处，已整改${fixed}处。现将有关情况通报如下：`,
      '## 一、基本情况',
      background,
      '## 二、各地督查发现问题情况',
      districts.map((name, index) => `- ${name}：检查单位${perDistrict[2 * index]}家，发现问题${perDistrict[2 * index + 1]}处。`).join('\n'),
      '## 三、工作要求',
      ...requirements,
    ];
    const closing = blocks.length;
    blocks.push(contact, source, chineseDate(date));
    return {
      title: `关于${year}年第${ordinal[quarter - 1]}季度${topic.name}督查情况的通报`, blocks, closing, date, source, editor: personName(random), kind: 'inspection',
      family: `inspection:${city}:${topic.name}:${year}`,
    };
  });
}
