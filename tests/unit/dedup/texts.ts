/** Literal announcement texts shared by the dedup tests (modelled on the seed page). */

export const SAFETY_TITLE = '今年遂宁将建成7个省级安全社区';

export const SAFETY_PARAGRAPHS = [
  '日前，记者从市安监局获悉，根据市政府《2015年全市十项民生工程及21件民生大事方案》安排，我市今年将在全市各个区县和园区各完成1个乡镇或街道办事处省级安全社区建设。',
  '安全社区的创建，是加强社会管理、促进社会和谐的有效载体，是夯实基层基础、改善安全生产条件的内在要求，是预防各类事故、促进安全生产形势持续稳定好转的重要途径。',
  '记者从市安监局法规宣传教育科获悉，为确保能高标准如期完成安全社区建设任务，目前市安监局已从组织领导、责任落实、资金保障等方面，建立起完善的保障措施。',
  '据悉，遂宁市2015年计划建成省级安全社区的单位主要有：船山区育才路街道办事处；安居区磨溪镇；射洪县沱牌镇；蓬溪县赤城镇；大英县天保镇。目前，7个安全社区建设单位正按项目要求有序推进。',
  '此外，还加大配套资金的争取力度，据悉，来自省安监局关于安全社区建设的105万元补助资金已于年初全部划拨到各区县。',
  '安全社区建设重在宣传教育，市安监局结合“安全大讲堂”和“安全生产月”活动组织开展安全知识竞赛，发放《安全社区建设手册》，通过持续不断、反复宣传，扩大知晓率和覆盖面。',
  '记者采访了解到，市安监局实行每月交流制度，督促县（区）级推进办组织建设单位召开月度小结、交流会，收集工作推进情况，促进建设单位学习交流。',
];

export const SAFETY_BODY = SAFETY_PARAGRAPHS.join('\n\n');

/** A holiday notice for a year: the 2019 and 2020 ones share everything but the figures. */
export function holidayNotice(year: number, days: string, documentNumber: number, signed: string): { title: string; body: string } {
  return {
    title: `关于${year}年端午节放假安排的通知`,
    body: `各区县人民政府，市级各部门，有关单位：

根据《国务院办公厅关于${year}年部分节假日安排的通知》（国办发明电〔${year - 1}〕${documentNumber}号）精神，经市人民政府同意，现将${year}年端午节放假安排及有关事项通知如下：

## 一、放假时间

端午节：${days}放假，共3天。

## 二、有关要求

（一）各区县、各部门要妥善安排好假期值班和安全、保卫等工作，严格落实领导带班和24小时值班制度，遇有重大突发事件，要按规定及时报告并妥善处置，确保人民群众祥和平安度过节日假期。

（二）要加强节日期间安全生产工作，深入开展隐患排查治理，重点加强道路交通、消防、危险化学品、建筑施工、人员密集场所等领域的安全监管，坚决防范和遏制重特大事故发生。

（三）要加强节日市场监管，强化食品安全监督检查，维护良好市场秩序；要做好防汛准备，加强雨情水情监测和地质灾害隐患点巡查，确保安全度汛。

遂宁市人民政府办公室

${signed}`,
  };
}

/** A penalty decision: the same form for another party, amount or 文号. */
export function penaltyDecision(party: string, person: string, fine: string, documentNumber: string): { title: string; body: string } {
  return {
    title: `遂宁市市场监督管理局行政处罚决定书（${documentNumber}）`,
    body: `**${documentNumber}**

当事人：${party}

法定代表人：${person}

## 一、违法事实

本局执法人员依法对当事人经营场所进行检查，发现当事人销售超过保质期的食品。上述事实，有现场检查笔录、询问笔录、当事人营业执照复印件、进货凭证及照片等证据为证。当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。

## 二、处罚决定

依据《中华人民共和国食品安全法》第一百二十四条第一款的规定，综合考虑当事人违法行为的事实、性质、情节及社会危害程度，本局决定对当事人罚款${fine}元。

## 三、救济途径

当事人应当自收到本处罚决定书之日起十五日内，持本决定书到指定银行缴纳罚没款。如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向遂宁市人民政府申请行政复议，也可以在六个月内依法向人民法院提起行政诉讼。`,
  };
}

/** A quarterly inspection report: counts with units (发现问题221处), the kind a lossy transcription cuts into. */
export function inspectionReport(quarter: string, problems: number, fixed: number, leader: string): { title: string; body: string } {
  return {
    title: `关于2019年第${quarter}季度安全生产督查情况的通报`,
    body: `各区县人民政府，市级各有关部门：

2019年第${quarter}季度，市应急管理局组织6个督查组，由${leader}带队，对全市320家重点单位开展安全生产督查，共发现问题${problems}处，已整改${fixed}处。现将有关情况通报如下：

## 一、基本情况

各区县高度重视安全生产督查工作，主要负责同志亲自部署，分管负责同志具体抓落实，建立问题清单、责任清单和整改清单，实行销号管理。

## 二、存在的问题

部分企业安全生产主体责任落实不到位，隐患排查治理流于形式；个别区县监管力量薄弱，执法检查频次不够，问题整改跟踪不及时。

## 三、工作要求

各区县、各部门要切实提高政治站位，压紧压实安全生产责任，对督查发现的问题逐项整改到位，确保全市安全生产形势持续稳定。

联系人：周明，联系电话：0825-2222222。`,
  };
}
