/**
 * The article element (hast) → Markdown blocks (mdast). Layout tables are unwrapped
 * first so only real data tables become GFM tables, links and images are made
 * absolute against the page's address, and `<br>`-separated lines become paragraphs.
 */
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Paragraph, PhrasingContent, RootContent, Root as MdastRoot } from 'mdast';
import rehypeRemark from 'rehype-remark';
import { toText } from 'hast-util-to-text';
import { unified } from 'unified';

const toMarkdownTree = unified().use(rehypeRemark);
const PAGE_FURNITURE = new Set(['nav', 'aside', 'footer', 'header', 'menu']);

/**
 * Converts the article element to top-level Markdown blocks.
 *
 * @param baseUrl the page's address; relative links and images are resolved against it
 * @example htmlToBlocks(element, 'http://www.example.gov.cn/a/b.html') // [{ type: 'paragraph', … }, …]
 */
export function htmlToBlocks(root: Element | HastRoot, baseUrl?: string): RootContent[] {
  // A table cell chosen as the article holds blocks; converted as a cell it would flatten them.
  const unwrap = root.type === 'root' || ['td', 'th', 'tr', 'tbody', 'body', 'html'].includes(root.tagName);
  const hast: HastRoot = root.type === 'root' ? root : { type: 'root', children: unwrap ? root.children : [root] };
  prepare(hast, baseUrl);
  const mdast = toMarkdownTree.runSync(hast) as MdastRoot;
  return mdast.children.flatMap(splitAtBreaks);
}

function prepare(node: Element | HastRoot, baseUrl: string | undefined): void {
  const children: (typeof node.children)[number][] = [];
  for (const child of node.children) {
    if (child.type !== 'element') {
      children.push(child);
      continue;
    }
    if (PAGE_FURNITURE.has(child.tagName)) continue;
    if (child.tagName === 'table' && isLayoutTable(child)) {
      // A table used for page layout: keep its cells' content, drop the grid.
      const cells: ElementContent[] = [];
      collectCells(child, cells);
      const wrapper: Element = { type: 'element', tagName: 'div', properties: {}, children: cells };
      prepare(wrapper, baseUrl);
      children.push(wrapper);
      continue;
    }
    if (child.tagName === 'a') resolveAttribute(child, 'href', baseUrl);
    if (child.tagName === 'img') resolveAttribute(child, 'src', baseUrl);
    prepare(child, baseUrl);
    children.push(child);
  }
  node.children = children as typeof node.children;
}

function resolveAttribute(node: Element, name: 'href' | 'src', baseUrl: string | undefined): void {
  const value = node.properties[name];
  if (typeof value !== 'string') return;
  if (/^\s*(javascript|vbscript|data):/i.test(value) || value.trim() === '#') {
    delete node.properties[name];
    return;
  }
  if (!baseUrl) return;
  try {
    node.properties[name] = new URL(value.trim(), baseUrl).href;
  } catch {
    // An address the URL parser rejects stays as written.
  }
}

/**
 * A table is page layout, not data, when it nests another table, has a single
 * column, or has a cell holding a whole article's worth of text. Key/value tables
 * (行政处罚信息公开表) keep a few paragraphs in a cell and stay tables.
 */
export function isLayoutTable(table: Element): boolean {
  let nested = false;
  let maxColumns = 0;
  let longCell = false;
  const visit = (node: Element, depth: number) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'table') {
        nested = true;
        continue;
      }
      if (child.tagName === 'tr') {
        const cells = child.children.filter((cell) => cell.type === 'element' && (cell.tagName === 'td' || cell.tagName === 'th'));
        maxColumns = Math.max(maxColumns, cells.length);
        for (const cell of cells) {
          if (toText(cell as Element).trim().length > 800) longCell = true;
        }
      }
      visit(child, depth + 1);
    }
  };
  visit(table, 0);
  return nested || maxColumns <= 1 || longCell;
}

function collectCells(node: Element, out: ElementContent[]): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'td' || child.tagName === 'th') {
      out.push({ type: 'element', tagName: 'div', properties: {}, children: child.children });
    } else if (child.tagName === 'caption') {
      out.push({ type: 'element', tagName: 'p', properties: {}, children: child.children });
    } else {
      collectCells(child, out);
    }
  }
}

/** Portals separate paragraphs with `<br>`: one paragraph per line reads as the page did. */
function splitAtBreaks(block: RootContent): RootContent[] {
  if (block.type !== 'paragraph' || !block.children.some((child) => child.type === 'break')) return [block];
  const paragraphs: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  const flush = () => {
    if (current.length > 0) paragraphs.push({ type: 'paragraph', children: trimEdges(current) });
    current = [];
  };
  for (const child of block.children) {
    if (child.type === 'break') flush();
    else current.push(child);
  }
  flush();
  return paragraphs;
}

function trimEdges(children: PhrasingContent[]): PhrasingContent[] {
  const first = children[0];
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '');
  const last = children.at(-1);
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '');
  return children;
}
