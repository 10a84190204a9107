import type { Element, ElementContent, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { VFile } from 'vfile';
import { isLocalAddress, toLocalPath, type LocalLink } from '../local-files.ts';

/** A body image whose file is beside the Markdown, as the renderer found it. */
export interface RenderedImage {
  /** Its path inside the announcement's folder. */
  path: string;
  alt: string;
  title?: string;
  /** The first image, with little text before it: likely in the first screen, so not lazy. */
  eager: boolean;
}

declare module 'vfile' {
  interface DataMap {
    localImages: RenderedImage[];
    localLinks: LocalLink[];
  }
}

/** Text before the first image up to which it is taken to be in the first screen. */
const FIRST_SCREEN_CHARACTERS = 120;

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

/**
 * The body's own files: each link to a file beside the Markdown is recorded (the 附件 list shows
 * it), and each such image is replaced by a placeholder the page fills with a responsive picture
 * (src/lib/body-images.ts). An image alone in its paragraph becomes a `<figure>`, captioned by
 * its title (`![现场](现场.jpg "检查组在现场")`). Images from other sites load lazily.
 */
export function rehypeLocalFiles() {
  return (tree: Root, file: VFile) => {
    const images: RenderedImage[] = [];
    const links: LocalLink[] = [];
    let textBefore = 0;
    const walk = (parent: Root | Element) => {
      parent.children = parent.children.flatMap((child): RootContent[] => {
        if (child.type === 'text') {
          textBefore += child.value.trim().length;
          return [child];
        }
        if (child.type !== 'element') return [child];
        if (child.tagName === 'img') return [imageOrPlaceholder(child)];
        if (child.tagName === 'a' && typeof child.properties.href === 'string' && isLocalAddress(child.properties.href)) {
          links.push({ address: child.properties.href, text: toText(child).trim() });
        }
        // A paragraph holding one local image and nothing else becomes a figure.
        const content = child.children.filter((node) => !isBlank(node));
        const only = content.length === 1 && content[0]!.type === 'element' ? (content[0] as Element) : undefined;
        if (child.tagName === 'p' && only?.tagName === 'img' && isLocal(only)) {
          const title = typeof only.properties.title === 'string' && only.properties.title.trim() ? only.properties.title.trim() : undefined;
          const figure: Element = {
            type: 'element',
            tagName: 'figure',
            properties: { className: ['app-figure'] },
            children: [imageOrPlaceholder(only) as ElementContent, ...(title ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: title }] } as Element] : [])],
          };
          if (title) textBefore += title.length;
          return [figure];
        }
        walk(child);
        return [child];
      });
    };
    const isLocal = (image: Element) => typeof image.properties.src === 'string' && isLocalAddress(image.properties.src) && 'path' in toLocalPath(image.properties.src);
    const imageOrPlaceholder = (image: Element): RootContent => {
      if (!isLocal(image)) {
        image.properties.loading = 'lazy';
        image.properties.decoding = 'async';
        return image;
      }
      const local = toLocalPath(image.properties.src as string) as { path: string };
      const title = typeof image.properties.title === 'string' && image.properties.title.trim() ? image.properties.title.trim() : undefined;
      images.push({ path: local.path, alt: typeof image.properties.alt === 'string' ? image.properties.alt : '', ...(title && { title }), eager: images.length === 0 && textBefore <= FIRST_SCREEN_CHARACTERS });
      return { type: 'comment', value: `gazette-image:${images.length - 1}` };
    };
    walk(tree);
    file.data.localImages = images;
    file.data.localLinks = links;
  };
}
