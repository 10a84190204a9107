/**
 * Word lists for synthetic announcements. Places and people are composed from parts, so a
 * corpus of 100,000 notices does not repeat a handful of names; every person is fictional.
 */
import type { Random } from './random.ts';

export const CITIES = [
  '遂宁', '绵阳', '南充', '德阳', '广元', '宜宾', '泸州', '达州', '眉山', '乐山', '资阳', '内江',
  '自贡', '雅安', '巴中', '广安', '汉中', '宝鸡', '咸阳', '渭南', '安康', '商洛', '延安', '榆林',
  '九江', '赣州', '吉安', '宜春', '抚州', '上饶', '萍乡', '新余', '襄阳', '宜昌', '荆州', '黄冈',
] as const;

const PLACE_FIRST = '东西南北青龙凤金银白石清安平永新高长云阳丰宝华明兴福嘉瑞临双桂柳'.split('');
const PLACE_SECOND = '山河江城溪林川宁丰兴和泉源坪桥湖阳岭坝沟塘湾口园关'.split('');

/** A county-level district: 青溪区, 永丰县. */
export function district(random: Random): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + random.pick(['区', '县', '区', '市']);
}

/** A township or subdistrict: 龙泉镇, 金桥街道. */
export function township(random: Random): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + random.pick(['镇', '乡', '街道', '镇']);
}

/** A street: 凤凰路, 滨江大道. */
export function street(random: Random): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + random.pick(['路', '街', '大道', '北路', '南路', '巷']);
}

/** A village or community: 石桥村, 明月社区. */
export function village(random: Random): string {
  return random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + random.pick(['村', '社区', '村', '居委会']);
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱覃武戴孔汤庞樊兰殷施陶洪翟安颜倪严牛温芦季俞章鲁葛伍申尤毕聂柴焦向柳邢岳齐沿梅莫庄辛管祝左涂谷祁时舒耿牟卜路詹关苗凌费纪靳盛童欧甄项曲成游阳裴席卫查屈鲍位覃霍翁隋植甘景薄单包司柏宁柯阮桂闵欧阳解强柴华车冉房边'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌宇浩凯健俊帆帅旭宁龙林欣晨瑶婷雪琳晶颖倩琪慧佳雯梅兰凤洁波鑫亮飞毅峰建国志文博远航海清源'.split('');

/** A fictional person's name: 王建国, 李婷. */
export function personName(random: Random): string {
  const given = random.pick(GIVEN) + (random.chance(0.7) ? random.pick(GIVEN) : '');
  return random.pick(SURNAMES) + given;
}

export const DEPARTMENTS = [
  '应急管理局', '生态环境局', '市场监督管理局', '住房和城乡建设局', '交通运输局', '教育局',
  '卫生健康委员会', '农业农村局', '水利局', '自然资源和规划局', '统计局', '人力资源和社会保障局',
  '财政局', '民政局', '商务局', '文化广电旅游局', '林业局', '城市管理局', '发展和改革委员会',
  '经济和信息化局', '司法局', '退役军人事务局', '医疗保障局', '公安局交通警察支队', '消防救援支队',
] as const;

const TRADES = ['商贸', '建筑工程', '食品', '化工', '物流', '餐饮管理', '房地产开发', '机械制造', '农业科技', '环保科技', '医药', '建材', '汽车服务', '电子科技', '酒店管理', '物业服务'];

/** A fictional company: 青溪金泉商贸有限公司. */
export function company(random: Random): string {
  return (
    random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) + random.pick(PLACE_FIRST) + random.pick(PLACE_SECOND) +
    random.pick(TRADES) + random.pick(['有限公司', '有限责任公司', '股份有限公司'])
  );
}

/** Themes of ordinary work notices, each with the nouns its sentences talk about. */
export const TOPICS: ReadonlyArray<{ name: string; department: string; nouns: readonly string[] }> = [
  { name: '安全生产大检查', department: '应急管理局', nouns: ['隐患排查治理', '重大危险源监控', '危险化学品储存', '安全生产责任制', '应急预案演练', '特种设备检验', '有限空间作业', '动火作业审批', '企业主体责任', '双重预防机制'] },
  { name: '汛期防汛减灾', department: '水利局', nouns: ['山洪灾害预警', '水库安全度汛', '河道清障', '防汛物资储备', '地质灾害隐患点', '转移避险预案', '堤防巡查', '城市内涝防治', '雨情水情监测', '抢险救援队伍'] },
  { name: '森林草原防灭火', department: '林业局', nouns: ['野外用火管控', '护林员巡山', '火源管理', '防火检查站', '林区入口管理', '扑火队伍建设', '防火隔离带', '祭祀用火', '高火险天气预警', '火情早期处置'] },
  { name: '大气污染防治', department: '生态环境局', nouns: ['扬尘污染管控', '秸秆禁烧', '机动车尾气检测', '餐饮油烟治理', '工业企业错峰生产', '重污染天气应急', '挥发性有机物治理', '燃煤锅炉整治', '渣土车辆管理', '空气质量监测'] },
  { name: '食品安全专项整治', department: '市场监督管理局', nouns: ['校园食品安全', '农村集体聚餐', '食品生产许可', '冷链食品追溯', '小作坊小摊贩', '保健食品虚假宣传', '餐饮服务量化分级', '食品抽样检验', '进口食品查验', '网络订餐平台'] },
  { name: '消防安全隐患整治', department: '消防救援支队', nouns: ['高层建筑消防设施', '电动自行车充电', '人员密集场所', '消防通道占用', '老旧小区电气线路', '九小场所', '微型消防站', '消防安全培训', '易燃易爆物品', '疏散通道标识'] },
  { name: '农村人居环境整治', department: '农业农村局', nouns: ['农村生活垃圾治理', '厕所革命', '生活污水处理', '村容村貌提升', '畜禽粪污资源化利用', '农房风貌管控', '村庄清洁行动', '农业面源污染', '河塘沟渠清理', '庭院经济'] },
  { name: '优化营商环境', department: '发展和改革委员会', nouns: ['企业开办时间', '工程建设项目审批', '政务服务事项', '一网通办', '涉企收费清理', '中小企业融资', '惠企政策兑现', '营商环境评价', '证照分离改革', '信用体系建设'] },
  { name: '政务公开工作', department: '人民政府办公室', nouns: ['政府信息主动公开', '依申请公开办理', '政策解读', '政府网站集约化', '政务新媒体管理', '公开目录编制', '重大决策预公开', '政府开放日', '基层政务公开标准化', '信息公开年度报告'] },
  { name: '生活垃圾分类', department: '城市管理局', nouns: ['分类投放设施', '厨余垃圾处理', '可回收物体系', '有害垃圾收运', '示范小区创建', '垃圾分类宣传', '公共机构示范', '收运车辆标识', '督导员队伍', '源头减量'] },
  { name: '冬春季校园安全', department: '教育局', nouns: ['校车安全管理', '校园周边环境', '防溺水教育', '学生心理健康', '食堂食品安全', '校舍安全排查', '传染病防控', '安全教育平台', '寄宿制学校管理', '课后服务'] },
  { name: '道路交通安全整治', department: '公安局交通警察支队', nouns: ['酒驾醉驾整治', '农村道路交通安全', '货车超限超载', '客运车辆动态监控', '电动车头盔佩戴', '事故多发路段', '交通信号设施', '学校周边交通秩序', '重点车辆源头管理', '交通安全劝导站'] },
  { name: '就业创业服务', department: '人力资源和社会保障局', nouns: ['高校毕业生就业', '农民工返乡创业', '职业技能培训', '公益性岗位开发', '创业担保贷款', '零工市场建设', '就业见习基地', '失业保险稳岗返还', '用工监测', '劳动保障监察'] },
  { name: '城乡居民医保参保', department: '医疗保障局', nouns: ['参保缴费', '医保待遇享受', '异地就医结算', '门诊共济保障', '大病保险', '医疗救助', '定点医药机构管理', '医保基金监管', '医保电子凭证', '困难群众资助参保'] },
  { name: '耕地保护和粮食生产', department: '自然资源和规划局', nouns: ['耕地非农化', '永久基本农田', '高标准农田建设', '撂荒地复耕', '粮食播种面积', '种粮补贴发放', '农田水利设施', '耕地占补平衡', '土地卫片执法', '春耕备耕'] },
  { name: '文明城市创建', department: '文化广电旅游局', nouns: ['公益广告宣传', '志愿服务活动', '背街小巷整治', '农贸市场秩序', '公共文化设施', '文明交通劝导', '社区综合服务', '未成年人思想道德建设', '市容市貌', '网络文明'] },
];

/** Verbs that open a task: 加强, 做好… */
export const ACTIONS = ['加强', '做好', '推进', '落实', '规范', '提升', '强化', '深化', '巩固', '完善', '抓好', '统筹', '狠抓', '扎实开展', '全面排查', '持续推进'];

/** Who a task is addressed to. */
export const ADDRESSEES = ['各区县人民政府', '各乡镇（街道）', '市级各有关部门', '各行业主管部门', '各园区管委会', '各村（社区）', '各生产经营单位', '各级各部门', '各相关企业', '各县（市、区）'];

/** How firmly a task is put. */
export const MODALS = ['要', '必须', '应当', '要切实', '要进一步', '要认真', '务必', '要严格'];

/** What a task should achieve. */
export const OUTCOMES = [
  '确保各项措施落地见效', '切实保障人民群众生命财产安全', '坚决防范和遏制重特大事故发生', '不断提升群众满意度',
  '形成齐抓共管的工作格局', '推动工作取得实效', '确保不留死角、不留盲区', '为经济社会发展营造良好环境',
  '做到早发现、早报告、早处置', '切实增强群众获得感', '确保按期完成目标任务', '防止问题反弹回潮',
];

/** How a task is organised. */
export const METHODS = [
  '采取明查暗访、交叉检查等方式', '建立问题清单、责任清单和整改清单', '实行周调度、月通报制度', '组织专家开展技术指导',
  '加强部门联动和信息共享', '充分运用信息化手段', '实行包片包干责任制', '开展“回头看”复查', '结合网格化管理',
  '通过召开现场推进会', '利用广播、电视、微信公众号等载体', '聘请第三方机构评估',
];

/** Chinese characters often mistyped as a similar one, for "a typo fixed" copies. */
export const TYPO_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ['部署', '部暑'], ['截止', '截至'], ['账户', '帐户'], ['再次', '在次'], ['做好', '作好'], ['按照', '安照'],
  ['重视', '重事'], ['措施', '错施'], ['检查', '检察'], ['即将', '既将'], ['相关', '想关'],
];

/** Section headings: 一、… */
export const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** Local newspapers and outlets that republish notices, for datelines (遂宁日报讯). */
export const OUTLETS = ['日报', '晚报', '新闻网', '融媒'];

/** News agencies whose datelines read 新华社成都6月15日电. */
export const AGENCIES = ['新华社', '中新社'];

/** Provincial capitals an agency files from. */
export const DATELINE_CITIES = ['成都', '西安', '南昌', '武汉', '北京', '重庆'];
