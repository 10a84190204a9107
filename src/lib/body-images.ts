/**
 * Images in an announcement's body whose files are beside its Markdown, on their way through
 * Astro's image pipeline. The loader records each as an image import of the entry (a value
 * `__ASTRO_IMAGE_./现场.jpg` in its data, which Astro's content layer resolves, relative to the
 * Markdown file, into the image's metadata); the renderer leaves a placeholder where each image
 * stands (see src/lib/markdown/rehype-local-files.ts); the page puts a responsive `<picture>`
 * there, and feeds an `<img>` with an absolute address.
 */
import { toLocalPath, type LocalImage } from './local-files.ts';

/** The key of the entry's data under which the loader records its body's images. */
export const BODY_IMAGES_KEY = '__bodyImages';

/** What Astro's content layer puts before a value it is to resolve into an image's metadata. */
const IMAGE_IMPORT_PREFIX = '__ASTRO_IMAGE_';

/**
 * The image imports of a body's local images, by their path inside the announcement's folder;
 * undefined when there are none.
 *
 * @example toImageImports([{ address: './现场.jpg', alt: '现场' }]) // { '现场.jpg': '__ASTRO_IMAGE_./现场.jpg' }
 */
export function toImageImports(images: readonly LocalImage[]): Record<string, string> | undefined {
  const imports: Record<string, string> = {};
  for (const image of images) {
    const local = toLocalPath(image.address);
    if ('path' in local) imports[local.path] = `${IMAGE_IMPORT_PREFIX}./${local.path}`;
  }
  return Object.keys(imports).length ? imports : undefined;
}

/** An image's file as Astro's pipeline describes it (Astro's ImageMetadata). */
export interface ImageSource {
  /** The original's address in the build (it carries a digest of the file). */
  src: string;
  width: number;
  height: number;
  format: string;
}

/**
 * A body image as the page and feeds show it: where it stands in the body (placeholder `index`),
 * its text, whether it is near enough the top to load at once, and its file's metadata.
 */
export interface BodyImage {
  /** Its path inside the announcement's folder. */
  path: string;
  alt: string;
  title?: string;
  /** Loaded at once rather than when scrolled to: the first image, near the top of the body. */
  eager: boolean;
  source: ImageSource;
}

const PLACEHOLDER = /<!--gazette-image:(\d+)-->/g;

/** A body cut at its images: HTML between them, and each image's number. */
export type BodyPart = { html: string } | { image: number };

/**
 * Cuts rendered HTML at its image placeholders, so a page can render a picture in each place.
 *
 * @example splitAtImages('<p>a</p><!--gazette-image:0-->') // [{ html: '<p>a</p>' }, { image: 0 }]
 */
export function splitAtImages(html: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let last = 0;
  for (const match of html.matchAll(PLACEHOLDER)) {
    if (match.index > last) parts.push({ html: html.slice(last, match.index) });
    parts.push({ image: Number(match[1]) });
    last = match.index + match[0].length;
  }
  if (last < html.length) parts.push({ html: html.slice(last) });
  return parts;
}

/** Replaces each image placeholder with the HTML `imageHtml` gives for it (feeds). */
export function replaceImages(html: string, imageHtml: (index: number) => string): string {
  return html.replace(PLACEHOLDER, (_match, index: string) => imageHtml(Number(index)));
}

/** The widths (px) a body image is made in: a phone's and a wide screen's body column, at one and two pixels per point. */
export const BODY_IMAGE_WIDTHS: readonly number[] = [480, 960];

/**
 * How the body column's width relates to the window: the full width less the page margins on a
 * phone, at most the article's column (about 44rem) on a wide screen.
 */
export const BODY_IMAGE_SIZES = '(min-width: 48rem) 44rem, calc(100vw - 2rem)';

/** The modern formats offered before the fallback (the original's format, or PNG). */
export const BODY_IMAGE_FORMATS = ['avif', 'webp'] as const;

/** The transforms of one body image: its widths (none wider than the original) and the width its fallback `src` has. */
export function imageWidths(source: Pick<ImageSource, 'width'>): { width: number; widths: number[] } {
  const widths = BODY_IMAGE_WIDTHS.filter((width) => width < source.width);
  if (widths.length < BODY_IMAGE_WIDTHS.length) widths.push(source.width);
  return { width: widths.at(-1)!, widths };
}

/** The format of an image's fallback: JPEG stays JPEG, GIF stays GIF, everything else becomes PNG (as Astro's Picture does). */
export function fallbackFormat(source: Pick<ImageSource, 'format'>): string {
  return ['jpg', 'jpeg', 'gif'].includes(source.format) ? source.format : 'png';
}
