/**
 * The part of CBOR that Pagefind's index files use: unsigned and negative integers, text
 * strings and definite-length arrays (minicbor writes every struct as an array of its
 * fields). Written like minicbor writes it, with the shortest integer and length heads,
 * so a merged file is byte for byte the file Pagefind would write for the same content.
 */

const MAJOR_UNSIGNED = 0;
const MAJOR_NEGATIVE = 1;
const MAJOR_TEXT = 3;
const MAJOR_ARRAY = 4;

/** A decoded item: what the readers above this module work with for small structures. */
export type CborValue = number | string | CborValue[];

/** Reads CBOR items one after the other from `bytes`, starting at `position`. */
export class CborReader {
  readonly bytes: Uint8Array;
  /** Named in errors, so a broken or unexpected file can be found. */
  readonly file: string;
  position: number;
  /** The argument of the last head read: a value, or a length. */
  private argument = 0;

  constructor(bytes: Uint8Array, file: string, position = 0) {
    this.bytes = bytes;
    this.file = file;
    this.position = position;
  }

  get atEnd(): boolean {
    return this.position >= this.bytes.length;
  }

  fail(what: string): never {
    throw new Error(`${this.file}: ${what} at byte ${this.position}; not a Pagefind 1.6 file, or a format this merge does not know`);
  }

  /** Reads an item's head; returns its major type and sets {@link argument}. */
  private head(): number {
    const bytes = this.bytes;
    if (this.position >= bytes.length) this.fail('unexpected end of data');
    const initial = bytes[this.position++]!;
    const info = initial & 0x1f;
    if (info < 24) this.argument = info;
    else if (info === 24) this.argument = bytes[this.position++]!;
    else if (info === 25) {
      this.argument = (bytes[this.position]! << 8) | bytes[this.position + 1]!;
      this.position += 2;
    } else if (info === 26) {
      this.argument = bytes[this.position]! * 0x1000000 + ((bytes[this.position + 1]! << 16) | (bytes[this.position + 2]! << 8) | bytes[this.position + 3]!);
      this.position += 4;
    } else if (info === 27) {
      const high = bytes[this.position]! * 0x1000000 + ((bytes[this.position + 1]! << 16) | (bytes[this.position + 2]! << 8) | bytes[this.position + 3]!);
      const low = bytes[this.position + 4]! * 0x1000000 + ((bytes[this.position + 5]! << 16) | (bytes[this.position + 6]! << 8) | bytes[this.position + 7]!);
      if (high >= 0x200000) this.fail('an integer beyond 2^53');
      this.argument = high * 0x100000000 + low;
      this.position += 8;
    } else this.fail('an indefinite length or a reserved head');
    if (this.position > bytes.length) this.fail('unexpected end of data');
    return initial >> 5;
  }

  uint(): number {
    // Small values and short arrays, the usual case, are read without the general head.
    const initial = this.bytes[this.position]!;
    if (initial < 24) {
      this.position++;
      return initial;
    }
    if (this.head() !== MAJOR_UNSIGNED) this.fail('expected an unsigned integer');
    return this.argument;
  }

  int(): number {
    const major = this.head();
    if (major === MAJOR_UNSIGNED) return this.argument;
    if (major === MAJOR_NEGATIVE) return -1 - this.argument;
    return this.fail('expected an integer');
  }

  /** Reads a text string's head; returns its length in bytes, which follow. */
  textLength(): number {
    if (this.head() !== MAJOR_TEXT) this.fail('expected a text string');
    if (this.position + this.argument > this.bytes.length) this.fail('unexpected end of data');
    return this.argument;
  }

  text(): string {
    if (this.head() !== MAJOR_TEXT) this.fail('expected a text string');
    const start = this.position;
    this.position += this.argument;
    if (this.position > this.bytes.length) this.fail('unexpected end of data');
    return textDecoder.decode(this.bytes.subarray(start, this.position));
  }

  /** Reads an array head; returns its length. */
  array(): number {
    const initial = this.bytes[this.position]!;
    if (initial >= 0x80 && initial < 0x98) {
      this.position++;
      return initial - 0x80;
    }
    if (this.head() !== MAJOR_ARRAY) this.fail('expected an array');
    return this.argument;
  }

  /** Reads an array head and checks it has `length` items (a struct of that many fields). */
  struct(length: number, name: string): void {
    if (this.bytes[this.position] === 0x80 + length) this.position++;
    else if (this.array() !== length) this.fail(`expected ${name} with ${length} fields`);
  }

  /** Skips `count` integers: the location lists are copied as they are, never decoded. */
  skipInts(count: number): void {
    const bytes = this.bytes;
    let position = this.position;
    for (let i = 0; i < count; i++) {
      const initial = bytes[position]!;
      const info = initial & 0x1f;
      // Major types 0 and 1 (the top two bits clear), with a head of at most 8 bytes.
      if (initial >> 6 !== 0 || info > 27) {
        this.position = position;
        this.fail('expected an integer');
      }
      position += info < 24 ? 1 : 1 + (1 << (info - 24));
    }
    if (position > bytes.length) this.fail('unexpected end of data');
    this.position = position;
  }

  /** Reads any item of the subset, for the small structures (metadata, filters). */
  value(): CborValue {
    const major = this.head();
    if (major === MAJOR_UNSIGNED) return this.argument;
    if (major === MAJOR_NEGATIVE) return -1 - this.argument;
    if (major === MAJOR_TEXT) {
      const start = this.position;
      this.position += this.argument;
      if (this.position > this.bytes.length) this.fail('unexpected end of data');
      return textDecoder.decode(this.bytes.subarray(start, this.position));
    }
    if (major === MAJOR_ARRAY) {
      const items: CborValue[] = new Array(this.argument);
      for (let i = 0; i < items.length; i++) items[i] = this.value();
      return items;
    }
    return this.fail(`an unexpected item (major type ${major})`);
  }
}

const textDecoder = new TextDecoder('utf-8', { fatal: true });
const textEncoder = new TextEncoder();

/**
 * Appends CBOR items to a growing buffer. Space can be reserved before the items, for heads
 * known only at the end (a chunk's word count, the `pagefind_dcd` header), so a finished
 * file is handed on without being copied.
 */
export class CborWriter {
  private buffer: Uint8Array;
  private readonly start: number;
  private length: number;

  constructor(capacity = 1 << 16, reserved = 0) {
    this.buffer = new Uint8Array(capacity + reserved);
    this.start = reserved;
    this.length = reserved;
  }

  get byteLength(): number {
    return this.length - this.start;
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < this.length + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
  }

  private head(major: number, argument: number): void {
    this.reserve(9);
    const buffer = this.buffer;
    const type = major << 5;
    if (argument < 24) buffer[this.length++] = type | argument;
    else if (argument < 0x100) {
      buffer[this.length++] = type | 24;
      buffer[this.length++] = argument;
    } else if (argument < 0x10000) {
      buffer[this.length++] = type | 25;
      buffer[this.length++] = argument >> 8;
      buffer[this.length++] = argument & 0xff;
    } else if (argument < 0x100000000) {
      buffer[this.length++] = type | 26;
      buffer[this.length++] = argument >>> 24;
      buffer[this.length++] = (argument >> 16) & 0xff;
      buffer[this.length++] = (argument >> 8) & 0xff;
      buffer[this.length++] = argument & 0xff;
    } else {
      const high = Math.floor(argument / 0x100000000);
      buffer[this.length++] = type | 27;
      for (const word of [high, argument >>> 0]) {
        buffer[this.length++] = word >>> 24;
        buffer[this.length++] = (word >> 16) & 0xff;
        buffer[this.length++] = (word >> 8) & 0xff;
        buffer[this.length++] = word & 0xff;
      }
    }
  }

  uint(value: number): void {
    this.head(MAJOR_UNSIGNED, value);
  }

  int(value: number): void {
    if (value >= 0) this.head(MAJOR_UNSIGNED, value);
    else this.head(MAJOR_NEGATIVE, -1 - value);
  }

  text(value: string): void {
    const encoded = textEncoder.encode(value);
    this.head(MAJOR_TEXT, encoded.length);
    this.raw(encoded);
  }

  array(length: number): void {
    this.head(MAJOR_ARRAY, length);
  }

  /** Appends bytes that are already CBOR, e.g. a location list copied from a part. */
  raw(bytes: Uint8Array, start = 0, end = bytes.length): void {
    this.reserve(end - start);
    this.buffer.set(bytes.subarray(start, end), this.length);
    this.length += end - start;
  }

  /** Writes any item of the subset. */
  value(value: CborValue): void {
    if (typeof value === 'number') this.int(value);
    else if (typeof value === 'string') this.text(value);
    else {
      this.array(value.length);
      for (const item of value) this.value(item);
    }
  }

  /** The bytes written so far (a view, valid until the next write). */
  bytes(): Uint8Array {
    return this.buffer.subarray(this.start, this.length);
  }

  /** The bytes written so far after `prefix`, put in the reserved space before them. */
  bytesAfter(prefix: Uint8Array): Uint8Array {
    if (prefix.length > this.start) throw new Error(`a prefix of ${prefix.length} bytes where ${this.start} are reserved`);
    this.buffer.set(prefix, this.start - prefix.length);
    return this.buffer.subarray(this.start - prefix.length, this.length);
  }
}
