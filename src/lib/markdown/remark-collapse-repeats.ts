import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { collapseRepeatedRuns } from '../../dedup/repeated-runs.ts';

/**
 * Shows a body that holds its article twice (a scraped elder-mode or print copy) once.
 * Only runs that make up a substantial share of the text are dropped, so a repeated
 * 附件 line or signature stays; `npm run check` names the file so it can be fixed there.
 */
export function remarkCollapseRepeats() {
  return (tree: Root) => {
    tree.children = collapseRepeatedRuns(tree.children, (node) => toString(node)).kept;
  };
}
