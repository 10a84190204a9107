/**
 * Portal chrome: the furniture around an article that must not reach the body
 * (font-size switches, print/close, QR-code prompts, share buttons, mobile/desktop
 * switches, footers with 主办单位 and 备案 numbers, 长者专区 labels, view counters).
 * Matched by wording, because every portal's markup differs but the words do not.
 */
import { cleanLine } from './text-utils.ts';

const SHARE_WORDS = '微信|微博|新浪微博|腾讯微博|客户端|头条号|QQ空间|QQ|qq|人人网|豆瓣|更多|分享|分享到|抖音|快手|今日头条|学习强国|\\+1';

/** Whole lines that are chrome wherever they stand. */
const CHROME_LINE_PATTERNS: RegExp[] = [
  /^【?\s*(字体|字号)\s*[:：]?.{0,16}$/u,
  /^(调整字体|字号减小|字号增大|放大|正常|缩小|默认|大|中|小|超大|\s)+$/u,
  /^[【\[]?(打印|打印本页|打印此页|打印文章|关闭|关闭窗口|关闭本页|返回|返回顶部|回到顶部|收藏|纠错|我要纠错|加入收藏|保存|下载)[】\]]?([\s|｜]*[【\[]?(打印|打印本页|打印此页|关闭|关闭窗口|关闭本页|返回|返回顶部|收藏|纠错|加入收藏|保存|下载|分享)[】\]]?)*$/u,
  /^(打印|分享|字体).{0,30}(放大|缩小|分享|打印)/u,
  /扫一扫|扫描二维码|二维码|用微信扫|在手机打开|手机扫一扫/u,
  new RegExp(`^(分享到|分享)?[:：]?\\s*((${SHARE_WORDS})[\\s|｜、,，]*)+$`, 'u'),
  /^(手机版|电脑版|触屏版|移动版|PC版|简体版?|繁體版?|繁体版?|无障碍|无障碍浏览|关怀版|长者模式|长者专区|适老化|老年模式|English|EN|登录|注册)(\s+(手机版|电脑版|触屏版|移动版|PC版|简体版?|繁體版?|繁体版?|无障碍|无障碍浏览|关怀版|长者模式|长者专区|适老化|老年模式|English|EN|登录|注册))*$/iu,
  /(主办单位|承办单位|主管单位|运行维护单位|维护单位|技术支持|网站标识码|版权所有|ICP备|ICP证|公网安备|公安备案|网安备|建议使用.*浏览器|分辨率)/iu,
  /^(浏览次数|浏览量|访问量|阅读次数|阅读量|点击数|点击量|点击次数|访问次数)\s*[:：]?\s*\d*\s*(次)?$/u,
  /^(上一篇|下一篇|上一条|下一条)\s*[:：]?/u,
  /^(相关信息|相关链接|相关稿件|相关文章|相关阅读|相关新闻|延伸阅读|推荐阅读|热点推荐|附件下载|附件信息|网站地图|联系我们|关于我们|设为首页|加入收藏|版权与免责声明|免责声明|版权声明)\s*[:：]?$/u,
  /^(当前位置|当前的位置|您的位置|您当前的位置|您现在的位置|现在位置|所在位置)\s*[:：]/u,
  /^(首页\s*)?(>|>>|»|›)/u,
  /^Baidu$|^map$|^✖$|^\|$/iu,
];

/** Words of toolbars and share bars; a line made only of these is chrome. */
const CHROME_WORDS = new RegExp(
  `(打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|返回顶部|回到顶部|加入收藏|收藏|我要纠错|纠错|分享到|分享|字体|字号|调整字体|放大|缩小|正常|默认|超大|大|中|小|手机版|电脑版|${SHARE_WORDS})`,
  'gu',
);

function onlyChromeWords(text: string): boolean {
  return text.replace(CHROME_WORDS, '').replace(/[\s|｜:：【】\[\]()（）、,，/·]/gu, '') === '';
}

/**
 * True when a whole line (or block) is portal chrome.
 *
 * @example isChromeLine('【字体:大 中 小】') // true
 * @example isChromeLine('扫一扫在手机打开当前页') // true
 * @example isChromeLine('日前,记者从市安监局获悉。') // false
 */
export function isChromeLine(line: string): boolean {
  const text = cleanLine(line);
  if (!text) return true;
  // Prose never reads as chrome, however many chrome words it mentions.
  if (text.length > 80) return false;
  return onlyChromeWords(text) || CHROME_LINE_PATTERNS.some((pattern) => pattern.test(text));
}

/**
 * True when a line marks the end of an article in a page dump: the editor line,
 * the QR prompt, related links, previous/next, or the footer. Everything after it
 * is page furniture, unless it repeats the article (which the collapse step handles).
 *
 * @example isEndMarker('责任编辑: 白婉苹') // true
 */
export function isEndMarker(line: string): boolean {
  const text = cleanLine(line);
  if (text.length > 80) return false;
  return (
    /^[【\[（(]?\s*(责任编辑|责编)\s*[:：]/u.test(text) ||
    /扫一扫|在手机打开/u.test(text) ||
    /^(相关信息|相关链接|相关稿件|相关文章|相关阅读|相关新闻|延伸阅读|推荐阅读)\s*[:：]?$/u.test(text) ||
    /^(上一篇|下一篇|上一条|下一条)\s*[:：]?/u.test(text) ||
    /^(主办单位|版权所有|网站标识码|版权与免责声明|免责声明|版权声明)/u.test(text)
  );
}
