/**
 * Markdown helpers: the plain text of an mdast block, text lines as paragraphs, and
 * the one stringifier (GFM tables, `##` headings, `-` bullets) every body goes through.
 */
import type { Nodes, Paragraph, RootContent, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';

const stringifier = unified().use(remarkGfm).use(remarkStringify, {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
});

/**
 * The visible text of an mdast node, image alt text included.
 *
 * @example blockText({ type: 'paragraph', children: [{ type: 'text', value: '正文' }] }) // '正文'
 */
export function blockText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if (node.type === 'break') return '\n';
  if ('children' in node) {
    const separator = node.type === 'table' || node.type === 'tableRow' || node.type === 'list' ? '\n' : '';
    return (node.children as Nodes[]).map(blockText).join(node.type === 'tableRow' ? '\t' : separator);
  }
  return '';
}

/** A paragraph holding one line of text. */
export function paragraph(text: string): Paragraph {
  return { type: 'paragraph', children: [{ type: 'text', value: text }] };
}

/**
 * Serialises blocks as Markdown with GFM tables.
 *
 * @example toMarkdown([paragraph('正文。')]) // '正文。\n'
 */
export function toMarkdown(blocks: readonly RootContent[]): string {
  const root: Root = { type: 'root', children: [...blocks] };
  return String(stringifier.stringify(root));
}
