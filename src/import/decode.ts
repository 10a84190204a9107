/**
 * Bytes → text. Scraped pages arrive as UTF-8, GBK, GB2312 or GB18030, with or
 * without a byte-order mark, and their `<meta charset>` is often wrong (a page
 * saved as UTF-8 keeps its old `gb2312` declaration). So the bytes decide, and a
 * declaration that disagrees only produces a warning.
 */

/** Why an input could not be turned into text, in words an operator can act on. */
export class UndecodableInputError extends Error {
  /** A short machine-readable cause: `empty`, `binary` or `undecodable`. */
  readonly code: 'empty' | 'binary' | 'undecodable';
  constructor(code: UndecodableInputError['code'], message: string) {
    super(message);
    this.code = code;
  }
}

/** The decoded text and how it was read. */
export interface DecodedText {
  text: string;
  /** The encoding the bytes were read with. */
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';
  /** The charset the page declares in a meta tag, lower-cased, if any. */
  declared?: string;
  warnings: string[];
}

const GB_FAMILY = new Set(['gbk', 'gb2312', 'gb18030', 'x-gbk', 'cp936', 'euc-cn', 'hz-gb-2312']);

/**
 * Decodes scraped bytes, detecting the encoding from the bytes themselves: a BOM
 * wins; otherwise strict UTF-8, then strict GB18030 (a superset of GBK and GB2312).
 * Valid multi-byte UTF-8 is vanishingly rare in GBK text, so trying UTF-8 first is safe.
 *
 * @throws {UndecodableInputError} for empty, binary or undecodable input
 * @example decodeBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3])).text // '你好' (GBK)
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw new UndecodableInputError('empty', 'the file is empty');
  const warnings: string[] = [];

  let encoding: DecodedText['encoding'];
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    encoding = 'utf-8';
    text = strictDecode('utf-8', bytes.subarray(3)) ?? lenientUtf8(bytes.subarray(3), warnings);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    if (looksBinary(bytes)) throw new UndecodableInputError('binary', 'the file is binary, not a text or HTML page');
    const utf8 = strictDecode('utf-8', bytes);
    if (utf8 !== undefined) {
      encoding = 'utf-8';
      text = utf8;
    } else {
      const gb = strictDecode('gb18030', bytes);
      if (gb === undefined || !looksLikeText(gb)) {
        throw new UndecodableInputError('undecodable', 'the bytes are neither UTF-8 nor GBK/GB18030 text');
      }
      encoding = 'gb18030';
      text = gb;
    }
  }

  if (text.trim() === '') throw new UndecodableInputError('empty', 'the file holds only whitespace');
  const declared = declaredCharset(text);
  // Pure ASCII reads the same in every one of these encodings: nothing to warn about.
  if (declared && !sameFamily(declared, encoding) && /[^\x00-\x7f]/.test(text)) {
    warnings.push(`the page declares charset ${declared} but its bytes are ${encoding}; read as ${encoding}`);
  }
  return { text, encoding, declared, warnings };
}

function strictDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

// A UTF-8 BOM followed by a few broken bytes is still a UTF-8 page: keep what reads.
function lenientUtf8(bytes: Uint8Array, warnings: string[]): string {
  warnings.push('the file has a UTF-8 byte-order mark but some invalid bytes; they were replaced');
  return new TextDecoder('utf-8').decode(bytes);
}

/** NUL bytes or many control characters in the first 8 KB mean an image, PDF or archive. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return true;
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20)) control++;
  }
  return control > sample.length * 0.05;
}

/**
 * GB18030 accepts most byte soup, so a decode that "succeeds" must also read as
 * text: mostly ASCII, CJK ideographs and CJK punctuation, little private-use noise.
 */
function looksLikeText(text: string): boolean {
  let good = 0;
  let total = 0;
  for (const char of text.slice(0, 20_000)) {
    total++;
    const code = char.codePointAt(0)!;
    if (
      (code >= 0x20 && code < 0x7f) ||
      code === 0x09 || code === 0x0a || code === 0x0d ||
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0x3000 && code <= 0x303f) ||
      (code >= 0xff00 && code <= 0xffef) ||
      (code >= 0x2000 && code <= 0x206f) ||
      code === 0xa0 || code === 0xb7 || code === 0x25cf || code === 0x2022
    ) good++;
  }
  return total > 0 && good / total >= 0.9;
}

const CHARSET_PATTERN = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i;

/** The charset a page declares in its first few kilobytes, lower-cased. */
export function declaredCharset(text: string): string | undefined {
  return CHARSET_PATTERN.exec(text.slice(0, 4096))?.[1]?.toLowerCase();
}

function sameFamily(declared: string, encoding: DecodedText['encoding']): boolean {
  if (encoding === 'gb18030') return GB_FAMILY.has(declared);
  if (encoding === 'utf-8') return declared === 'utf-8' || declared === 'utf8';
  return declared.startsWith('utf-16') || declared === 'unicode';
}
