import type { Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import { visit, EXIT } from 'unist-util-visit';
import type { VFile } from 'vfile';

/**
 * rehype-raw, run only on a tree that holds HTML written in the Markdown. rehype-raw takes
 * the whole tree through an HTML parser even when there is none, and most bodies have none.
 */
export function rehypeRawWhenPresent() {
  const parseRaw = rehypeRaw();
  return (tree: Root, file: VFile) => {
    let present = false;
    visit(tree, 'raw', () => {
      present = true;
      return EXIT;
    });
    return present ? parseRaw(tree, file) : undefined;
  };
}
