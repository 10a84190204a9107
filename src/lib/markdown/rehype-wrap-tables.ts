import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * Wraps each table in a focusable, labelled box that scrolls sideways on its own, so a
 * wide 政府信息公开 table never makes a phone's whole page scroll.
 */
export function rehypeWrapTables() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return;
      parent.children[index] = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['app-table-wrapper'], tabIndex: 0, role: 'region', ariaLabel: '表格（可左右滚动）' },
        children: [node],
      };
      return 'skip';
    });
  };
}
