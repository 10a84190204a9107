import { defaultSchema, type Options } from 'rehype-sanitize';

/**
 * What an announcement body may contain once rendered: text structure, tables, images
 * and links. Scripts, event handlers, iframes, forms, inline styles and `javascript:`
 * URLs are removed, whatever the Markdown or imported HTML held.
 */
export const announcementSanitizeSchema: Options = {
  ...defaultSchema,
  // Heading ids are added after sanitising; no prefix needed on ours.
  clobberPrefix: '',
  clobber: [],
  tagNames: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
    'a', 'img', 'strong', 'b', 'em', 'i', 'u', 'del', 's', 'sub', 'sup', 'mark', 'small', 'span', 'figure', 'figcaption',
  ],
  attributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    td: ['align', 'colSpan', 'rowSpan'],
    ol: ['start'],
    '*': [],
  },
  protocols: {
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
  strip: ['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript'],
};
