import { collapseRepeatedRuns, findRepeatedRuns, type RepeatedRun, type RepeatedRunOptions } from './repeated-runs.ts';

/** One Markdown block and where it stands in the source, so it can be cut out exactly. */
export interface MarkdownBlock {
  /** The block's source text. */
  text: string;
  /** Offset of its first character in the Markdown. */
  start: number;
  /** Offset just past its last character (its line break excluded). */
  end: number;
}

// A line starting one of these is a block of its own even without a blank line before it:
// headings, list items, table rows and quotes each repeat or stay as a unit.
const BLOCK_START = /^\s{0,3}(?:#{1,6}\s|[-*+]\s|\d{1,3}[.)]\s|\||>)/;
const FENCE = /^\s{0,3}(?:```|~~~)/;

/**
 * Splits a Markdown body into blocks: paragraphs (lines up to a blank line), and each
 * heading, list item, table row and quote line on its own. Fenced code stays one block.
 * This is a line scanner, not a full parser: it is fast enough to run on every
 * announcement at build and in `npm run check`, and it only has to find the boundaries a
 * doubled scrape repeats.
 *
 * @param markdown a Markdown body (no front matter)
 * @example splitMarkdownBlocks('# 标题\n\n正文\n- 甲\n- 乙').map((b) => b.text) // ['# 标题', '正文', '- 甲', '- 乙']
 */
export function splitMarkdownBlocks(markdown: string): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let open: MarkdownBlock | null = null;
  let inFence = false;
  let offset = 0;
  for (const line of markdown.split('\n')) {
    const start = offset;
    const end = start + line.replace(/\r$/, '').length;
    offset += line.length + 1;
    if (inFence) {
      open!.end = end;
      open!.text = markdown.slice(open!.start, end);
      if (FENCE.test(line)) {
        inFence = false;
        open = null;
      }
      continue;
    }
    if (!line.trim()) {
      open = null;
      continue;
    }
    if (FENCE.test(line)) {
      inFence = true;
      open = { text: line, start, end };
      blocks.push(open);
      continue;
    }
    if (open && !BLOCK_START.test(line)) {
      open.end = end;
      open.text = markdown.slice(open.start, end);
      continue;
    }
    open = { text: markdown.slice(start, end), start, end };
    blocks.push(open);
    // A heading or table row never continues onto the next line.
    if (/^\s{0,3}(?:#{1,6}\s|\|)/.test(line)) open = null;
  }
  return blocks;
}

/**
 * Reports the runs of blocks that a Markdown body holds twice, as when a scraper saved a
 * page's article together with its print or elder-mode copy. Indices in each
 * {@link RepeatedRun} refer to {@link splitMarkdownBlocks}. Short lines that legitimately
 * repeat (an 附件 line, a table header, a signature) are not reported: a run must make up
 * a substantial share of the text (see {@link findRepeatedRuns}).
 *
 * @param markdown a Markdown body (no front matter)
 * @param options thresholds passed to {@link findRepeatedRuns}
 * @returns the repeated runs, in order; empty when the body holds its text once
 * @example findDoubledBody(article + '\n\n' + article) // [{ firstStart: 0, repeatStart: n, length: n, share: 1 }]
 */
export function findDoubledBody(markdown: string, options?: RepeatedRunOptions): RepeatedRun[] {
  return findRepeatedRuns(
    splitMarkdownBlocks(markdown).map((block) => block.text),
    options,
  );
}

/**
 * The Markdown body with every repeated run cut out, keeping the first copy, for showing a
 * doubled scrape once at build. Nothing else in the text changes.
 *
 * @param markdown a Markdown body (no front matter)
 * @returns the collapsed Markdown and the runs removed (empty runs: the input unchanged)
 * @example collapseDoubledBody(article + '\n\n' + article).markdown // article
 */
export function collapseDoubledBody(
  markdown: string,
  options?: RepeatedRunOptions,
): { markdown: string; runs: RepeatedRun[] } {
  const blocks = splitMarkdownBlocks(markdown);
  const { runs } = collapseRepeatedRuns(blocks, (block) => block.text, options);
  if (runs.length === 0) return { markdown, runs };
  const cuts = runs
    .map((run) => ({
      // Cut from the end of the block before the repeat, so the blank lines between the
      // copies go with it and the kept text ends as it did.
      from: run.repeatStart > 0 ? blocks[run.repeatStart - 1]!.end : blocks[run.repeatStart]!.start,
      to: blocks[run.repeatStart + run.length - 1]!.end,
    }))
    .sort((a, b) => a.from - b.from);
  let out = '';
  let cursor = 0;
  for (const cut of cuts) {
    out += markdown.slice(cursor, cut.from);
    cursor = cut.to;
  }
  out += markdown.slice(cursor);
  return { markdown: out, runs };
}
