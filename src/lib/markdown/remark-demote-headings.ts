import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

/**
 * The page's title is its only `<h1>`: a `#` heading in a body becomes `##`, keeping
 * the outline screen readers navigate by intact.
 */
export function remarkDemoteHeadings() {
  return (tree: Root) => {
    visit(tree, 'heading', (node) => {
      if (node.depth === 1) node.depth = 2;
    });
  };
}
