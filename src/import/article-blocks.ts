/**
 * From the raw blocks of the article region to the body: chrome and repeated
 * title/meta lines out, a doubled article collapsed to one copy, the tail after the
 * article's end cut, short section titles turned into `##` headings.
 */
import type { Heading, RootContent } from 'mdast';
import { collapseRepeatedRuns } from '../dedup/repeated-runs.ts';
import { normaliseText } from '../dedup/normalise.ts';
import { findDates } from './chinese-date.ts';
import { isChromeLine, isEndMarker } from './chrome.ts';
import { blockText } from './markdown.ts';
import { cleanLine, TERMINAL_PUNCTUATION, visibleLength } from './text-utils.ts';

export interface ArticleBlocksOptions {
  /** The announcement's title; copies of it (whole or split over lines) are removed. */
  title: string;
  /**
   * Text dumps have no markup, so their first short unpunctuated line after the
   * header is the subtitle (副标题); HTML pages mark subtitles outside the body.
   */
  detectSubtitle: boolean;
}

export interface ArticleBlocks {
  blocks: RootContent[];
  subtitle?: string;
  /** How many blocks were dropped as a second copy of the article. */
  droppedRepeats: number;
}

interface Item {
  block: RootContent;
  text: string;
  key: string;
}

const META_LINE =
  /^[【\[（(]?\s*(来源|信息来源|来源于|文章来源|稿件来源|作者|发布时间|发布日期|发稿时间|发表时间|时间|日期|责任编辑|责编|编辑|审核|校对|浏览次数|访问量|点击数|点击量|阅读次数|文章类型|发布机构|发文机关|发文机构|索引号|主题分类|发文字号|文号|成文日期|发文日期|有效性|内容概述|主题词)\s*[:：]/u;
/** A byline under the article: short, with a 来源 or 编辑 label somewhere in it. */
const BYLINE = /(来源|责任编辑|编辑|作者)\s*[:：]/u;
const CATALOGUE_LABELS = ['索引号', '主题分类', '发文机关', '发布机构', '成文日期', '发文字号', '发布日期', '主题词', '文号', '有效性', '标题'];
const NUMBERED_HEADING = /^(第[一二三四五六七八九十百零〇\d]+[章节篇部分编]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])/u;

/**
 * Cleans the article's blocks into the announcement body.
 *
 * @example cleanArticleBlocks({ blocks, title: '今年遂宁将建成7个省级安全社区', detectSubtitle: true })
 */
export function cleanArticleBlocks(blocks: readonly RootContent[], options: ArticleBlocksOptions): ArticleBlocks {
  const titleKey = normaliseText(options.title);
  let items: Item[] = blocks
    .map((block) => ({ block, text: cleanLine(blockText(block)), key: normaliseText(blockText(block)) }))
    .filter((item) => item.key !== '' || hasMedia(item.block))
    .filter((item) => isEndMarker(item.text) || !isChrome(item))
    .filter((item) => item.key !== titleKey && !isCatalogueTable(item));

  // A second copy of the article (elder-mode, print, download panel) goes, by content.
  const collapsed = collapseRepeatedRuns(items, (item) => item.text);
  const droppedRepeats = items.length - collapsed.kept.length;
  items = collapsed.kept;

  // The article ends at its editor line, QR prompt, related links or footer.
  const firstProse = items.findIndex(isProse);
  const end = items.findIndex((item, index) => index > firstProse && firstProse >= 0 && isEndMarker(item.text));
  if (end >= 0) items = items.slice(0, end);
  items = items.filter((item) => !isEndMarker(item.text));

  // Meta lines (date, 来源, 编辑) and title fragments only count as such around the prose.
  const start = items.findIndex(isProse);
  const last = items.findLastIndex(isProse);
  let valueOfLabel = false;
  items = items.filter((item, index) => {
    const outside = start < 0 || index < start || index > last;
    const isValue = valueOfLabel;
    valueOfLabel = false;
    if (!outside) return true;
    // A bare date under the article is the document's signature date (落款): it stays.
    if (isMetaLine(item.text) && (index < start || !isBareDate(item.text))) {
      // 信息公开 lists put a label alone on a line and its value on the next.
      valueOfLabel = /[:：]$/u.test(item.text);
      return false;
    }
    if (isValue && item.text.length <= 60 && !isProse(item)) return false;
    if (index > last && item.text.length <= 60 && BYLINE.test(item.text)) return false;
    if (index < start && item.key.length >= 4 && titleKey.includes(item.key)) return false;
    return true;
  });

  let subtitle: string | undefined;
  if (options.detectSubtitle && items.length > 1 && isSubtitle(items[0]!, items[1]!)) {
    subtitle = items[0]!.text;
    items = items.slice(1);
  }

  const out = items.map((item, index) => toHeadingIfTitled(item, items[index - 1], items[index + 1])).map(trimIndent);
  return { blocks: normaliseHeadingDepths(out), subtitle, droppedRepeats };
}

function hasMedia(block: RootContent): boolean {
  let found = false;
  const visit = (node: RootContent) => {
    if (node.type === 'image' || (node.type === 'link' && node.url)) found = true;
    if ('children' in node) (node.children as RootContent[]).forEach(visit);
  };
  visit(block);
  return found;
}

function isChrome(item: Item): boolean {
  if (item.block.type === 'table' || item.block.type === 'image') return false;
  return item.text.length <= 80 && isChromeLine(item.text);
}

/** The 政府信息公开 catalogue grid: its values go to front matter, not the body. */
function isCatalogueTable(item: Item): boolean {
  if (item.block.type !== 'table') return false;
  const compact = item.text.replace(/\s/g, '');
  return CATALOGUE_LABELS.filter((label) => compact.includes(label)).length >= 3;
}

/** Running text: long enough and punctuated like a sentence. */
function isProse(item: Item): boolean {
  if (item.block.type === 'table' || item.block.type === 'list') return true;
  return visibleLength(item.text) >= 30 && /[，。；,;！？]/u.test(item.text);
}

function isMetaLine(text: string): boolean {
  if (text.length > 100) return false;
  if (META_LINE.test(text)) return true;
  const date = findDates(text)[0];
  if (!date) return false;
  const rest = (text.slice(0, date.index) + text.slice(date.index + date.length)).trim();
  return rest === '' || /^\|?\s*星期.$/u.test(rest) || /来源|作者|编辑/u.test(rest);
}

function isBareDate(text: string): boolean {
  const date = findDates(text)[0];
  return date !== undefined && text.slice(0, date.index).trim() === '' && text.slice(date.index + date.length).trim() === '';
}

function isSubtitle(first: Item, next: Item): boolean {
  if (first.block.type !== 'paragraph') return false;
  const length = visibleLength(first.text);
  return length >= 4 && length <= 40 && !TERMINAL_PUNCTUATION.test(first.text) && !NUMBERED_HEADING.test(first.text) && isProse(next);
}

/**
 * A short, unpunctuated paragraph is a section title when it is numbered like one
 * (第一章, 一、, （一）), wholly bold, or stands right before a longer paragraph.
 */
function toHeadingIfTitled(item: Item, previous: Item | undefined, next: Item | undefined): RootContent {
  const block = item.block;
  if (block.type !== 'paragraph') return block;
  const length = visibleLength(item.text);
  if (length < 2 || length > 40 || TERMINAL_PUNCTUATION.test(item.text) || /[。！？]/u.test(item.text)) return block;
  if (findDates(item.text).length > 0 || /^图|摄|供图|图片来源|^\d+$/u.test(item.text)) return block;
  const numbered = NUMBERED_HEADING.test(item.text) && length <= 30;
  const bold = block.children.length === 1 && block.children[0]!.type === 'strong';
  const beforeProse = next !== undefined && next.block.type === 'paragraph' && isProse(next) && visibleLength(next.text) >= length * 2;
  const afterHeading = previous?.block.type === 'paragraph' && !isProse(previous) && visibleLength(previous.text) <= 40;
  if (!numbered && !bold && !(beforeProse && !afterHeading && length >= 4)) return block;
  const children = bold ? (block.children[0] as { children: Heading['children'] }).children : block.children;
  return { type: 'heading', depth: 2, children };
}

/**
 * Portals indent paragraphs with ideographic spaces (　　); Markdown paragraphs carry
 * no indentation, and leading spaces would otherwise survive as `&#x3000;` entities.
 */
function trimIndent(block: RootContent): RootContent {
  if (block.type !== 'paragraph' && block.type !== 'heading') return block;
  // Trims the first (or last) text reached, dropping texts that were only spaces.
  const trimEdge = (nodes: RootContent[], side: 'start' | 'end'): boolean => {
    while (nodes.length > 0) {
      const index = side === 'start' ? 0 : nodes.length - 1;
      const node = nodes[index]!;
      if (node.type === 'text') {
        node.value = side === 'start' ? node.value.replace(/^[\s\u3000]+/u, '') : node.value.replace(/[\s\u3000]+$/u, '');
        if (node.value !== '') return true;
        nodes.splice(index, 1);
      } else if ('children' in node && node.type !== 'link') {
        if (trimEdge(node.children as RootContent[], side)) return true;
        if ((node.children as RootContent[]).length > 0) return true;
        nodes.splice(index, 1);
      } else {
        return true;
      }
    }
    return false;
  };
  trimEdge(block.children, 'start');
  trimEdge(block.children, 'end');
  return block;
}

/** The page's top heading level becomes `##` (the title is the page's `#`), deeper ones follow. */
function normaliseHeadingDepths(blocks: RootContent[]): RootContent[] {
  const depths = blocks.filter((block): block is Heading => block.type === 'heading').map((heading) => heading.depth);
  if (depths.length === 0) return blocks;
  const shift = 2 - Math.min(...depths);
  return blocks.map((block) =>
    block.type === 'heading' ? { ...block, depth: Math.min(6, Math.max(2, block.depth + shift)) as Heading['depth'] } : block,
  );
}
