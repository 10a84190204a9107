/**
 * Files an announcement refers to beside its Markdown: links to attachments and images in the
 * body, written as relative addresses (`附件1.pdf`, `images/现场.jpg`). An announcement's files
 * are found relative to the folder of its Markdown file and served under its page's address, so
 * a relative link works the same in the editor, on the page and (made absolute) in feeds.
 */
import { posix } from 'node:path';
import type { Html, Image, Link, Definition, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';

/** Why a relative address cannot be one of the announcement's files. */
export type LocalPathProblem = 'outside' | 'empty';

/** A relative address read as a path inside the announcement's folder, or why it is not one. */
export type LocalPath = { path: string } | { problem: LocalPathProblem };

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

// A file's name ends in an extension; a relative address without one (`x`, `../other/`) is not taken for a file.
const FILE_NAME = /\.[A-Za-z0-9]{1,10}$/;

/**
 * Whether `address` names a file beside the announcement: relative, without a scheme, not a
 * path on the site (`/announcements/…`), not a fragment (`#一`) or a query, and ending in a
 * file name with an extension.
 *
 * @example isLocalAddress('附件1.pdf') // true
 * @example isLocalAddress('https://www.gov.cn/a.pdf') // false
 * @example isLocalAddress('other-page/') // false
 */
export function isLocalAddress(address: string): boolean {
  const trimmed = address.trim();
  return trimmed !== '' && !SCHEME.test(trimmed) && !/^[/#?\\]/.test(trimmed) && FILE_NAME.test(trimmed.replace(/[?#].*$/s, ''));
}

/**
 * The path inside the announcement's folder that a relative address names: percent-escapes
 * decoded, `./` and the query or fragment left out. An address that climbs out of the folder
 * (`../other/a.pdf`) is a problem: the site serves only the announcement's own files under its
 * address.
 *
 * @example toLocalPath('./%E9%99%84%E4%BB%B6.pdf#page=2') // { path: '附件.pdf' }
 */
export function toLocalPath(address: string): LocalPath {
  let decoded = address.trim().replace(/[?#].*$/s, '');
  try {
    decoded = decodeURI(decoded);
  } catch {
    // A stray % is part of the name.
  }
  const path = posix.normalize(decoded.replace(/\\/g, '/'));
  if (path === '.' || path === '' || path.endsWith('/')) return { problem: 'empty' };
  if (path === '..' || path.startsWith('../') || posix.isAbsolute(path)) return { problem: 'outside' };
  return { path };
}

/** A link in the body to a file beside the Markdown. */
export interface LocalLink {
  /** As written. */
  address: string;
  /** The link's text: an attachment's title when front matter gives none. */
  text: string;
}

/** An image in the body whose file is beside the Markdown. */
export interface LocalImage {
  address: string;
  alt: string;
  title?: string;
}

/** What a body refers to beside its Markdown, in the order it is written. */
export interface LocalReferences {
  links: LocalLink[];
  images: LocalImage[];
}

const MAYBE_REFERENCE = /\]\(|\]:|<a\s|<img\s/i;
const HTML_ATTRIBUTE = /<(a|img)\b[^>]*?\s(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>/gi;
const HTML_ALT = /\salt\s*=\s*(?:"([^"]*)"|'([^']*)')/i;

const parser = unified().use(remarkParse);

const textOf = (node: { children?: unknown[]; value?: unknown }): string =>
  typeof node.value === 'string' ? node.value : (node.children ?? []).map((child) => textOf(child as { children?: unknown[]; value?: unknown })).join('');

/**
 * The links and images of a Markdown body that name files beside it: Markdown links, images and
 * reference definitions, and `<a href>` / `<img src>` written as HTML. A body that cannot hold
 * one (no `](`, `]:`, `<a` or `<img`) is not parsed at all, which keeps `npm run check` fast.
 *
 * @example findLocalReferences('附件：[岗位表](岗位表.xlsx)').links // [{ address: '岗位表.xlsx', text: '岗位表' }]
 */
export function findLocalReferences(markdown: string): LocalReferences {
  const found: LocalReferences = { links: [], images: [] };
  if (!MAYBE_REFERENCE.test(markdown)) return found;
  const tree = parser.parse(markdown) as Root;
  const definitions = new Map<string, Definition>();
  visit(tree, 'definition', (node: Definition) => {
    definitions.set(node.identifier, node);
  });
  visit(tree, (node) => {
    if (node.type === 'link' && isLocalAddress((node as Link).url)) found.links.push({ address: (node as Link).url, text: textOf(node as Link).trim() });
    else if (node.type === 'image' && isLocalAddress((node as Image).url)) {
      const image = node as Image;
      found.images.push({ address: image.url, alt: image.alt ?? '', ...(image.title && { title: image.title }) });
    } else if (node.type === 'linkReference' || node.type === 'imageReference') {
      const reference = node as { identifier: string; type: string; alt?: string | null };
      const definition = definitions.get(reference.identifier);
      if (!definition || !isLocalAddress(definition.url)) return;
      if (node.type === 'linkReference') found.links.push({ address: definition.url, text: textOf(node as { children?: unknown[] }).trim() });
      else found.images.push({ address: definition.url, alt: reference.alt ?? '', ...(definition.title && { title: definition.title }) });
    } else if (node.type === 'html') {
      for (const match of (node as Html).value.matchAll(HTML_ATTRIBUTE)) {
        const address = match[3] ?? match[4] ?? match[5] ?? '';
        if (!isLocalAddress(address)) continue;
        if (match[1]!.toLowerCase() === 'a') found.links.push({ address, text: '' });
        else {
          const alt = HTML_ALT.exec(match[0]);
          found.images.push({ address, alt: alt?.[1] ?? alt?.[2] ?? '' });
        }
      }
    }
  });
  return found;
}
