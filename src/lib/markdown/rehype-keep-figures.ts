import type { Element, ElementContent, Root, Text } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import { hasFigures, splitFigures } from '../figures.ts';

/** Elements whose text is shown as written: never rewrapped. */
const VERBATIM = new Set(['code', 'pre', 'kbd', 'samp', 'script', 'style']);

/**
 * Keeps each figure of a body (915.8亿元, 2015年6月10日, 〔2015〕21号) on one line by wrapping it in
 * `<span class="app-nowrap">`, and lets a long 索引号 break after its slash (see src/lib/figures.ts).
 * Runs after sanitising: the spans are Gazette's own.
 */
export function rehypeKeepFigures() {
  return (tree: Root) => {
    visit(tree, (node, index, parent) => {
      if (node.type === 'element' && VERBATIM.has(node.tagName)) return SKIP;
      if (node.type !== 'text' || !parent || index === undefined || !hasFigures(node.value)) return;
      const replacement: ElementContent[] = splitFigures(node.value).map((part): ElementContent => {
        if ('figure' in part) return { type: 'element', tagName: 'span', properties: { className: ['app-nowrap'] }, children: [{ type: 'text', value: part.figure }] } satisfies Element;
        if ('break' in part) return { type: 'element', tagName: 'wbr', properties: {}, children: [] } satisfies Element;
        return { type: 'text', value: part.text } satisfies Text;
      });
      (parent.children as ElementContent[]).splice(index, 1, ...replacement);
      return [SKIP, index + replacement.length];
    });
  };
}
