/**
 * 附件: the files an announcement declares in front matter (`attachments: [{ file, title }]`) or
 * links from its body, what readers are told of each (type, size, PDF page count), and the
 * checks that a file exists and is not empty. Files live beside the Markdown and are served under
 * the announcement's address: `announcements/2016/safety-month-plan/index.md` with `附件1.pdf`
 * beside it gives `/announcements/2016/safety-month-plan/附件1.pdf`.
 */
import { statSync } from 'node:fs';
import { dirname, extname, join, posix } from 'node:path';
import type { AnnouncementData, ContentProblem } from './schema.ts';
import { paths } from './paths.ts';
import { findLocalReferences, toLocalPath, type LocalReferences, type LocalLink } from './local-files.ts';

/** A kind of file as readers are told it, with the MIME type feeds and servers give it. */
export interface FileType {
  /** PDF, Word, Excel, WPS文字, 压缩包, 图片… */
  label: string;
  mime: string;
}

const TYPES: Record<string, FileType> = {
  pdf: { label: 'PDF', mime: 'application/pdf' },
  ofd: { label: 'OFD', mime: 'application/ofd' },
  doc: { label: 'Word', mime: 'application/msword' },
  docx: { label: 'Word', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xls: { label: 'Excel', mime: 'application/vnd.ms-excel' },
  xlsx: { label: 'Excel', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  ppt: { label: 'PowerPoint', mime: 'application/vnd.ms-powerpoint' },
  pptx: { label: 'PowerPoint', mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
  // Kingsoft WPS Office's own formats, as freedesktop.org's MIME database names them.
  wps: { label: 'WPS文字', mime: 'application/wps-office.wps' },
  et: { label: 'WPS表格', mime: 'application/wps-office.et' },
  dps: { label: 'WPS演示', mime: 'application/wps-office.dps' },
  odt: { label: 'ODF文本', mime: 'application/vnd.oasis.opendocument.text' },
  ods: { label: 'ODF表格', mime: 'application/vnd.oasis.opendocument.spreadsheet' },
  rtf: { label: 'RTF', mime: 'application/rtf' },
  txt: { label: '文本', mime: 'text/plain' },
  csv: { label: 'CSV', mime: 'text/csv' },
  zip: { label: '压缩包', mime: 'application/zip' },
  rar: { label: '压缩包', mime: 'application/vnd.rar' },
  '7z': { label: '压缩包', mime: 'application/x-7z-compressed' },
  gz: { label: '压缩包', mime: 'application/gzip' },
  jpg: { label: '图片', mime: 'image/jpeg' },
  jpeg: { label: '图片', mime: 'image/jpeg' },
  png: { label: '图片', mime: 'image/png' },
  gif: { label: '图片', mime: 'image/gif' },
  webp: { label: '图片', mime: 'image/webp' },
  tif: { label: '图片', mime: 'image/tiff' },
  tiff: { label: '图片', mime: 'image/tiff' },
  mp3: { label: '音频', mime: 'audio/mpeg' },
  mp4: { label: '视频', mime: 'video/mp4' },
};

/** The extensions of files that are attachments by their type: an imported page's link to one is kept as an attachment. */
export const ATTACHMENT_EXTENSIONS: readonly string[] = Object.keys(TYPES).filter((extension) => !['txt', 'csv', 'mp3', 'mp4'].includes(extension) && TYPES[extension]!.label !== '图片');

/**
 * The type readers are told for a file name or address; an unknown extension is named as it is.
 *
 * @example fileTypeOf('附件1：岗位表.xlsx').label // 'Excel'
 */
export function fileTypeOf(name: string): FileType {
  const extension = extname(name.replace(/[?#].*$/s, '')).slice(1).toLowerCase();
  return TYPES[extension] ?? { label: extension ? extension.toUpperCase() : '文件', mime: 'application/octet-stream' };
}

/**
 * A size as portals write it: whole KB under a megabyte, MB with one decimal above.
 *
 * @example formatFileSize(1_234_567) // '1.2 MB'
 * @example formatFileSize(300) // '1 KB'
 */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const megabytes = bytes / (1024 * 1024);
  return `${megabytes < 10 ? megabytes.toFixed(1) : Math.round(megabytes)} MB`;
}

/** An attachment as an announcement names it, before its file is looked at. */
export interface AttachmentRef {
  title: string;
  /** The file's path inside the announcement's folder. */
  file?: string;
  /** An imported attachment's original address. */
  url?: string;
}

/** An attachment as readers see it in the 附件 list and feeds. */
export interface Attachment {
  title: string;
  /** The name the file is saved under. */
  fileName: string;
  /** A path on the site, or the original address of an imported attachment. */
  href: string;
  /** Whether `href` is another site's address (its size is not known). */
  remote: boolean;
  type: FileType;
  bytes?: number;
  /** A PDF's page count. */
  pages?: number;
}

/** The folder an announcement's files are found in: the folder of its Markdown file. */
export const filesFolderOf = (markdownPath: string): string => dirname(markdownPath);

/** A file's name without its folders, as readers save it. */
const baseName = (path: string) => posix.basename(path.replace(/\\/g, '/'));

/** Where an attachment's file is served: under its announcement's address, at its path inside the announcement's folder. */
export function attachmentPath(id: string, file: string): string {
  return paths.announcementFile(id, file);
}

/**
 * An announcement's attachments in the order readers see them: those its front matter declares,
 * then files its body links to that front matter does not name (titled by the link's text).
 * Addresses that cannot be one of its files are left to {@link checkAnnouncementFiles}.
 */
export function attachmentRefs(data: Pick<AnnouncementData, 'attachments'>, bodyLinks: readonly LocalLink[]): AttachmentRef[] {
  const refs: AttachmentRef[] = [];
  const seen = new Set<string>();
  for (const attachment of data.attachments) {
    if (attachment.url !== undefined) {
      refs.push({ title: attachment.title ?? decodeName(baseName(new URL(attachment.url).pathname)), url: attachment.url });
      continue;
    }
    const local = toLocalPath(attachment.file!);
    if (!('path' in local) || seen.has(local.path)) continue;
    seen.add(local.path);
    refs.push({ title: attachment.title ?? baseName(local.path), file: local.path });
  }
  for (const link of bodyLinks) {
    const local = toLocalPath(link.address);
    if (!('path' in local) || seen.has(local.path)) continue;
    seen.add(local.path);
    refs.push({ title: link.text || baseName(local.path), file: local.path });
  }
  return refs;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name) || name;
  } catch {
    return name;
  }
}

/** Reads a PDF's page count, or undefined when the file cannot be read as a PDF. */
export type PageCounter = (absolutePath: string, bytes: number, modifiedMs: number) => Promise<number | undefined>;

/**
 * Everything readers are told of each attachment: its size from the file system and, for a PDF,
 * its page count.
 *
 * @param folder the folder of the announcement's Markdown file
 * @param countPages reads a PDF's page count (see src/lib/pdf-pages.ts), cached between builds
 */
export async function describeAttachments(id: string, folder: string, refs: readonly AttachmentRef[], countPages: PageCounter): Promise<Attachment[]> {
  return Promise.all(
    refs.map(async (ref): Promise<Attachment> => {
      if (ref.url !== undefined) {
        return { title: ref.title, fileName: decodeName(baseName(new URL(ref.url).pathname)) || ref.title, href: ref.url, remote: true, type: fileTypeOf(new URL(ref.url).pathname) };
      }
      const absolute = join(folder, ref.file!);
      const stats = statSync(absolute);
      const type = fileTypeOf(ref.file!);
      const pages = type.label === 'PDF' ? await countPages(absolute, stats.size, stats.mtimeMs) : undefined;
      return { title: ref.title, fileName: baseName(ref.file!), href: attachmentPath(id, ref.file!), remote: false, type, bytes: stats.size, ...(pages !== undefined && { pages }) };
    }),
  );
}

/** What the 附件 list says after a title: `PDF，1.2 MB，3页`. */
export function describeAttachment(attachment: Pick<Attachment, 'type' | 'bytes' | 'pages'>): string {
  return [attachment.type.label, attachment.bytes !== undefined && formatFileSize(attachment.bytes), attachment.pages !== undefined && `${attachment.pages}页`].filter(Boolean).join('，');
}

/** Image files the site processes into responsive sizes (Astro's image service, with sharp). */
export const IMAGE_EXTENSIONS: readonly string[] = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'avif', 'tif', 'tiff'];

/** The limits the checks apply, from site.yaml. */
export interface FileLimits {
  /** A file larger than this is a warning. */
  largeBytes: number;
}

/**
 * The problems with an announcement's files: a declared attachment, a linked file or an image that
 * does not exist, is empty, is a folder or lies outside the announcement's folder (errors, since
 * readers would meet a broken link), an attachment over the size limit and an image without alt
 * text (warnings). Each names the announcement's file and the file it refers to.
 *
 * @param markdownPath the announcement's file on disk; `file` is how messages name it
 * @param references the body's local links and images (see {@link findLocalReferences})
 */
export function checkAnnouncementFiles(
  markdownPath: string,
  file: string,
  data: Pick<AnnouncementData, 'attachments'>,
  references: LocalReferences,
  limits: FileLimits,
): { problems: ContentProblem[]; warnings: ContentProblem[] } {
  const problems: ContentProblem[] = [];
  const warnings: ContentProblem[] = [];
  const folder = filesFolderOf(markdownPath);
  const checked = new Set<string>();
  const check = (field: string, address: string, what: string, isImage = false) => {
    const local = toLocalPath(address);
    if (!('path' in local)) {
      problems.push({
        file,
        field,
        message:
          local.problem === 'outside'
            ? `"${address}" is outside the announcement's folder (put the ${what} beside the Markdown file, or link another announcement by its address, /announcements/<id>/)`
            : `"${address}" does not name a file`,
      });
      return;
    }
    const key = `${field} ${local.path}`;
    if (checked.has(key)) return;
    checked.add(key);
    const absolute = join(folder, local.path);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      problems.push({ file, field, message: `${what} "${local.path}" does not exist (put it beside ${baseName(markdownPath)}, or correct the name)` });
      return;
    }
    if (stats.isDirectory()) {
      problems.push({ file, field, message: `"${local.path}" is a folder, not a file` });
      return;
    }
    if (stats.size === 0) {
      problems.push({ file, field, message: `${what} "${local.path}" is empty (0 bytes): readers would download nothing` });
      return;
    }
    if (!isImage && local.path.toLowerCase() === 'index.html') {
      problems.push({ file, field, message: `"${local.path}" would replace the announcement's own page (rename the file)` });
      return;
    }
    if (isImage && !IMAGE_EXTENSIONS.includes(extname(local.path).slice(1).toLowerCase())) {
      problems.push({ file, field, message: `image "${local.path}" is not a picture the site can resize (use a .jpg, .png, .webp or .gif file, or link it as an attachment)` });
      return;
    }
    if (!isImage && stats.size > limits.largeBytes) {
      warnings.push({ file, field, message: `attachment "${local.path}" is ${formatFileSize(stats.size)}, over the ${formatFileSize(limits.largeBytes)} that site.yaml's large_attachment_mb allows (readers on phones download it; compress or split it)` });
    }
  };
  data.attachments.forEach((attachment, index) => {
    if (attachment.file !== undefined) check(`attachments.${index}.file`, attachment.file, 'attachment');
  });
  for (const link of references.links) check('body', link.address, 'linked file');
  for (const image of references.images) {
    check('body', image.address, 'image', true);
    if (!image.alt.trim()) warnings.push({ file, field: 'body', message: `image "${image.address}" has no alt text (write ![what it shows](${image.address}) so readers who cannot see it know)` });
  }
  return { problems, warnings };
}

export { findLocalReferences };
