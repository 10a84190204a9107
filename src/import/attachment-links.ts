/**
 * 附件 on a scraped page: links to files (附件：岗位表.xls) are kept as the announcement's
 * attachments at their original addresses. The importer never downloads them; the links stay in
 * the body as the page had them.
 */
import type { Link, Parent, RootContent } from 'mdast';
import { visit, SKIP } from 'unist-util-visit';
import { ATTACHMENT_EXTENSIONS } from '../lib/attachments.ts';
import { isLocalAddress } from '../lib/local-files.ts';
import { blockText } from './markdown.ts';

/** An attachment as the importer writes it in front matter. */
export interface ImportedAttachment {
  url: string;
  title: string;
}

const EXTENSION = new RegExp(`\\.(${ATTACHMENT_EXTENSIONS.join('|')})$`, 'i');
// 附件1：, 附件2. and 附件 before a title are the list's numbering, not the title.
const NUMBERING = /^附件\s*\d*\s*[：:.、]?\s*/u;

/** Whether an absolute address names a file by its extension (…/zhaopin.xls, …/a.pdf?id=3). */
function isFileAddress(address: string): boolean {
  try {
    const url = new URL(address);
    return /^https?:$/.test(url.protocol) && EXTENSION.test(decodeURIComponent(url.pathname));
  } catch {
    return false;
  }
}

/**
 * The attachments the article's links point to, once each, titled by the link's text; a link to
 * a file whose address stayed relative (the page's own address is unknown) cannot be kept: it
 * becomes its text, with a warning, since the site would look for the file beside the Markdown.
 *
 * @param blocks the article as mdast blocks; relative file links in it are replaced by their text
 */
export function keepAttachmentLinks(blocks: RootContent[], warnings: string[]): ImportedAttachment[] {
  const attachments: ImportedAttachment[] = [];
  const seen = new Set<string>();
  const root = { type: 'root', children: blocks } as Parent;
  visit(root, 'link', (node: Link, index, parent) => {
    if (isFileAddress(node.url)) {
      if (!seen.has(node.url)) {
        seen.add(node.url);
        const text = blockText(node).trim().replace(NUMBERING, '');
        attachments.push({ url: node.url, title: text || decodeURIComponent(new URL(node.url).pathname.split('/').pop()!) });
      }
      return SKIP;
    }
    if (node.url.startsWith('/') && !node.url.startsWith('//') && EXTENSION.test(node.url.replace(/[?#].*$/s, ''))) {
      warnings.push(`the link to ${node.url} names a file on the page's own site, whose address is unknown: not kept as an attachment`);
      return SKIP;
    }
    if (isLocalAddress(node.url) && parent && index !== undefined) {
      warnings.push(`the link to ${node.url} has no address to keep (the page's own address is unknown): kept its text only`);
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    return undefined;
  });
  return attachments;
}
