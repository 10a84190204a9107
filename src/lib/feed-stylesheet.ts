/**
 * The XSLT stylesheet every feed names, so a reader who opens /rss.xml in a browser sees a page
 * in Chinese that says what a feed is and how to subscribe, with the feed's latest items,
 * instead of raw XML under the browser's "no style information" notice. Feed readers ignore it.
 *
 * Browsers are retiring XSLT (Chromium shows a deprecation banner above the page), so the
 * 订阅 page (/subscribe/) is where the site sends readers; this only helps those who land on a
 * feed's address directly.
 */

export interface FeedStylesheetOptions {
  siteName: string;
  /** The page's language, e.g. zh-CN. */
  language: string;
  /** Where the page links: the home page and the 订阅 page. */
  homePath: string;
  subscribePath: string;
  /** Minutes east of UTC that items' dates are shown in (480 for Beijing time). */
  offsetMinutes: number;
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// A cut of the site's tokens (src/styles/tokens.css): the page cannot load the site's stylesheet,
// whose name carries a content hash.
const STYLE = `
:root { color-scheme: light; }
body { margin: 0; font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", sans-serif; font-size: 112.5%; line-height: 1.8; color: #1b1b1b; background: #fff; overflow-wrap: break-word; }
a { color: #0b4ea2; text-underline-offset: 0.2em; }
a:focus-visible { outline: 3px solid #1b1b1b; outline-offset: 2px; box-shadow: 0 0 0 6px #ffbf47; }
.band { background: #9f1d20; color: #fff; }
.band a { color: #fff; font-weight: 700; font-size: 1.2rem; text-decoration: none; }
.wrap { max-width: 48rem; margin: 0 auto; padding: 0.75rem 1rem; }
.notice { margin: 1rem 0; padding: 0.75rem 1rem; background: #f5f3f0; border-left: 4px solid #9f1d20; }
h1 { font-size: 1.5rem; line-height: 1.4; margin: 1rem 0 0.25rem; text-wrap: balance; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 0.5rem; }
code { font-family: inherit; background: #f5f3f0; padding: 0.1em 0.3em; word-break: break-all; }
ol { padding-left: 1.5em; }
ul.items { list-style: none; padding: 0; margin: 0; }
ul.items li { padding: 0.6rem 0; border-bottom: 1px solid #c9c4bd; }
ul.items a { font-weight: 600; }
.meta { display: block; color: #4a4a4a; font-size: 0.95rem; }
time { white-space: nowrap; }
`;

/**
 * The stylesheet's text. Dates are RSS's RFC 822 (`Wed, 20 May 2015 09:18:00 GMT`), shown as
 * the day in the site's zone: XSLT 1.0 has no date functions, so the day is worked out here.
 */
export function feedStylesheet({ siteName, language, homePath, subscribePath, offsetMinutes }: FeedStylesheetOptions): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom">
  <xsl:output method="html" encoding="UTF-8" indent="no" doctype-system="about:legacy-compat"/>
  <xsl:template match="/">
    <html lang="${escapeXml(language)}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title>订阅：<xsl:value-of select="rss/channel/title"/></title>
        <style>${STYLE}</style>
      </head>
      <body>
        <header class="band"><div class="wrap"><a href="${escapeXml(homePath)}">${escapeXml(siteName)}</a></div></header>
        <main class="wrap">
          <p class="notice"><strong>这是一个 RSS 订阅源。</strong>订阅后，这里发布的新公告会自动出现在您的 RSS 阅读器里，不必反复打开网站查看。</p>
          <h1><xsl:value-of select="rss/channel/title"/></h1>
          <p><xsl:value-of select="rss/channel/description"/></p>
          <h2>如何订阅</h2>
          <ol>
            <li>复制本页的地址：<code><xsl:value-of select="rss/channel/atom:link[@rel='self']/@href"/></code></li>
            <li>打开您使用的 RSS 阅读器（手机应用、浏览器扩展或邮箱的订阅功能），选择“添加订阅”，粘贴这个地址。</li>
          </ol>
          <p><a href="${escapeXml(subscribePath)}">全部订阅源</a>　<a href="${escapeXml(homePath)}">返回网站首页</a></p>
          <h2>最新公告</h2>
          <ul class="items">
            <xsl:for-each select="rss/channel/item">
              <li>
                <a href="{link}"><xsl:value-of select="title"/></a>
                <span class="meta">
                  <xsl:call-template name="day"><xsl:with-param name="rfc822" select="pubDate"/></xsl:call-template>
                  <xsl:for-each select="category">　<xsl:value-of select="."/></xsl:for-each>
                </span>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- The calendar day of an RFC 822 instant, ${offsetMinutes} minutes east of UTC, as <time>. -->
  <xsl:template name="day">
    <xsl:param name="rfc822"/>
    <xsl:variable name="lengths" select="'312831303130313130313031'"/>
    <xsl:variable name="day" select="number(substring($rfc822, 6, 2))"/>
    <xsl:variable name="month" select="string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', substring($rfc822, 9, 3))) div 3 + 1"/>
    <xsl:variable name="year" select="number(substring($rfc822, 13, 4))"/>
    <xsl:variable name="minutes" select="number(substring($rfc822, 18, 2)) * 60 + number(substring($rfc822, 21, 2)) + (${offsetMinutes})"/>
    <xsl:variable name="shifted" select="$day + floor($minutes div 1440)"/>
    <xsl:variable name="leap" select="number(($year mod 4 = 0 and $year mod 100 != 0) or $year mod 400 = 0)"/>
    <xsl:variable name="length" select="number(substring($lengths, $month * 2 - 1, 2)) + number($month = 2) * $leap"/>
    <xsl:variable name="before" select="($month + 10) mod 12 + 1"/>
    <xsl:variable name="y" select="$year + number($shifted &gt; $length and $month = 12) - number($shifted &lt; 1 and $month = 1)"/>
    <xsl:variable name="m">
      <xsl:choose>
        <xsl:when test="$shifted &gt; $length"><xsl:value-of select="$month mod 12 + 1"/></xsl:when>
        <xsl:when test="$shifted &lt; 1"><xsl:value-of select="$before"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$month"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="d">
      <xsl:choose>
        <xsl:when test="$shifted &gt; $length">1</xsl:when>
        <xsl:when test="$shifted &lt; 1"><xsl:value-of select="number(substring($lengths, $before * 2 - 1, 2)) + number($before = 2) * $leap"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$shifted"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <time datetime="{$y}-{format-number($m, '00')}-{format-number($d, '00')}"><xsl:value-of select="$y"/>年<xsl:value-of select="format-number($m, '00')"/>月<xsl:value-of select="format-number($d, '00')"/>日</time>
  </xsl:template>
</xsl:stylesheet>
`;
}
