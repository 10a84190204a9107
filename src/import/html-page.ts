/**
 * An HTML page or fragment, parsed once into hast and read for what the importer
 * needs: meta tags, the document title, the page's own URL, its visible text as
 * lines, heading candidates, and the element that holds the article.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import rehypeParse from 'rehype-parse';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';
import { cleanLine, punctuationCount, visibleLength } from './text-utils.ts';

/** What the rest of the importer reads from an HTML page. */
export interface HtmlPage {
  tree: Root;
  /** Meta tags by lower-cased name, property or itemprop; the first non-empty value wins. */
  meta: Map<string, string>;
  /** The `<title>` text. */
  documentTitle?: string;
  /** The page's own address, when the file records it. */
  url?: string;
  /** Visible text, one cleaned line per block, table cells separated by tabs. */
  lines: string[];
  /** Texts of h1–h3 and title-like elements, in document order. */
  headings: string[];
  /** The element holding the article (see {@link findContentRoot}). */
  contentRoot: Element | Root;
}

const parser = unified().use(rehypeParse);

/** Elements that never carry readable page text. */
const NEVER_TEXT = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'select', 'option',
  'button', 'input', 'textarea', 'map', 'audio', 'video', 'head',
]);
/** Page regions that hold navigation and furniture, not the article. */
const FURNITURE = new Set(['nav', 'aside', 'footer', 'header', 'menu']);
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul', 'caption',
]);

/**
 * Parses an HTML page (or a fragment from a crawler database) for import.
 *
 * @example parseHtmlPage('<title>通知_某市政府</title><h1>通知</h1><p>正文。</p>').documentTitle // '通知_某市政府'
 */
export function parseHtmlPage(html: string): HtmlPage {
  const tree = parser.parse(html);
  const url = findRecordedUrl(tree);
  const meta = new Map<string, string>();
  let documentTitle: string | undefined;
  walk(tree, (node) => {
    if (node.tagName === 'meta') {
      const key = String(node.properties.name ?? node.properties.property ?? node.properties.itemProp ?? '').toLowerCase();
      const content = String(node.properties.content ?? '').trim();
      if (key && content && !meta.has(key)) meta.set(key, content);
    } else if (node.tagName === 'title' && documentTitle === undefined) {
      const text = toText(node).trim();
      if (text) documentTitle = text;
    }
  });
  removeInvisible(tree);
  const headings: string[] = [];
  walk(tree, (node) => {
    if (/^h[1-3]$/.test(node.tagName) || isTitleLike(node)) {
      const text = cleanLine(toText(node));
      if (text && text.length <= 120) headings.push(text);
    }
  });
  const body = findBody(tree);
  const lines = toText(body)
    .split('\n')
    .map(cleanLine)
    .filter((line) => line !== '');
  return { tree, meta, documentTitle, url: url ?? metaUrl(meta, tree), lines, headings, contentRoot: findContentRoot(body) };
}

type Visitor = (node: Element, parent: Element | Root) => void;

function walk(node: Element | Root, visit: Visitor): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    visit(child, node);
    walk(child, visit);
  }
}

/** `<!-- saved from url=(0083)http://… -->` from a browser, or a bare URL comment from a crawler. */
function findRecordedUrl(tree: Root): string | undefined {
  let found: string | undefined;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (found) return;
      if (child.type === 'comment') {
        const match = /^\s*(?:saved from url=\(\d+\))?\s*(https?:\/\/\S+?)\s*$/i.exec(child.value);
        if (match) found = match[1];
      } else if (child.type === 'element' && (child.tagName === 'html' || child.tagName === 'head')) visit(child);
    }
  };
  visit(tree);
  return found && isHttpUrl(found) ? found : undefined;
}

function metaUrl(meta: Map<string, string>, tree: Root): string | undefined {
  let canonical: string | undefined;
  walk(tree, (node) => {
    const rel = node.properties.rel;
    if (!canonical && node.tagName === 'link' && Array.isArray(rel) && rel.includes('canonical')) {
      canonical = String(node.properties.href ?? '');
    }
  });
  const candidate = canonical || meta.get('og:url') || meta.get('url');
  return candidate && isHttpUrl(candidate) ? candidate : undefined;
}

/** True for an absolute http(s) address. */
export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Scripts, styles, comments and elements hidden from readers are not part of the page's text. */
function removeInvisible(node: Element | Root): void {
  node.children = node.children.filter((child) => {
    if (child.type === 'comment' || child.type === 'doctype') return false;
    if (child.type !== 'element') return true;
    if (NEVER_TEXT.has(child.tagName) || isHidden(child)) return false;
    removeInvisible(child);
    return true;
  }) as typeof node.children;
}

function isHidden(node: Element): boolean {
  if (node.properties.hidden !== undefined && node.properties.hidden !== false) return true;
  const style = String(node.properties.style ?? '').replace(/\s/g, '').toLowerCase();
  return style.includes('display:none') || style.includes('visibility:hidden');
}

function isTitleLike(node: Element): boolean {
  const names = [...classList(node), String(node.properties.id ?? '')].join(' ').toLowerCase();
  return /(^|[\s_-])(title|tit|bt|headline|article-title|arttitle|news_title|detail-title)([\s_-]|$)/.test(names);
}

function classList(node: Element): string[] {
  const value = node.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
}

function findBody(tree: Root): Element | Root {
  let body: Element | undefined;
  walk(tree, (node) => {
    if (!body && node.tagName === 'body') body = node;
  });
  return body ?? tree;
}

/**
 * The smallest element that still holds most of the page's prose.
 *
 * Every block's own text is weighed by how much it reads like running text
 * (punctuation, length) and discounted when it is mostly link text (menus, related
 * lists). Starting at the body, we descend into the child holding at least 70% of
 * the current element's weight. This is readability's paragraph scoring turned into
 * a descent, which copes with portals that put the article in tables or bare `<div>`s
 * with `<br>` line breaks; a hidden duplicate elsewhere makes the descent stop at a
 * common ancestor, and the collapse step removes the copy.
 *
 * @example findContentRoot(parseHtmlPage(html).tree) // the <div class="TRS_Editor"> of a TRS page
 */
export function findContentRoot(body: Element | Root): Element | Root {
  const weights = new Map<Element | Root, number>();
  const ownWeights = new Map<Element | Root, number>();
  const add = (path: readonly (Element | Root)[], weight: number) => {
    for (const node of path) weights.set(node, (weights.get(node) ?? 0) + weight);
    ownWeights.set(path.at(-1)!, weight);
  };

  // Gather each block's own text (inline descendants included) and its link text.
  const visit = (node: Element | Root, path: (Element | Root)[], inFurniture: boolean) => {
    let own = '';
    let linked = '';
    const collectInline = (child: ElementContent | RootContent, inLink: boolean) => {
      if (child.type === 'text') {
        own += child.value;
        if (inLink) linked += child.value;
      } else if (child.type === 'element') {
        if (BLOCK.has(child.tagName)) {
          visit(child, [...path, child], inFurniture || FURNITURE.has(child.tagName) || isFurnitureByName(child));
        } else {
          for (const grandchild of child.children) collectInline(grandchild, inLink || child.tagName === 'a');
        }
      }
    };
    for (const child of node.children) collectInline(child, false);
    const length = visibleLength(own);
    if (length < 10 || inFurniture) return;
    const linkShare = visibleLength(linked) / length;
    if (linkShare > 0.5) return;
    add(path, (punctuationCount(own) + length / 40) * (1 - linkShare));
  };
  visit(body, [body], false);

  let current: Element | Root = body;
  const total = weights.get(body) ?? 0;
  if (total === 0) return body;
  for (;;) {
    const here = weights.get(current) ?? 0;
    let best: Element | undefined;
    let bestWeight = 0;
    for (const child of current.children) {
      if (child.type !== 'element') continue;
      const weight = weights.get(child) ?? 0;
      if (weight > bestWeight) {
        best = child;
        bestWeight = weight;
      }
    }
    // Never descend into a single paragraph: that would drop the article's other paragraphs.
    if (!best || bestWeight < here * 0.7 || (ownWeights.get(best) ?? 0) > bestWeight * 0.5) return current;
    current = best;
  }
}

function isFurnitureByName(node: Element): boolean {
  const names = [...classList(node), String(node.properties.id ?? '')].join(' ').toLowerCase();
  return /(^|[\s_-])(nav|navbar|menu|footer|foot|header|sidebar|breadcrumb|crumb|share|copyright|friendlink|links)([\s_-]|$)/.test(names);
}
