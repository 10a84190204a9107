/**
 * Merges the parts' word indexes into one, streaming: each part's chunks hold its words in
 * order, so a k-way merge reads one chunk per part at a time and writes merged chunks as
 * they fill. A word's page list is `[page, locations, meta locations]` per page, page
 * numbers delta-coded; a part's list is copied as it is but for its first page number,
 * which becomes a delta from the previous part's last page. Locations are per page (their
 * weights included) and never decoded; words are compared and copied as UTF-8 bytes, whose
 * order is Pagefind's (Rust's) order of strings.
 */
import { join } from 'node:path';
import { CborReader, CborWriter } from './cbor.ts';
import { PAGEFIND_HEADER, readPacked } from './bundle.ts';

/** A part's page list of one word (or one spelling variant), within `bytes`. */
interface PageRun {
  bytes: Uint8Array;
  count: number;
  /** The part's numbers of the first and last page. */
  first: number;
  last: number;
  /**
   * The bytes to copy: from the first page's locations (after its page number, the one
   * number to rewrite) to the end of the list; the other pages' numbers are deltas within
   * the part and stay as they are.
   */
  bodyStart: number;
  end: number;
  /** What Pagefind counts towards a chunk's size: locations, meta locations and one per page. */
  size: number;
}

interface Variant {
  /** A spelling with diacritics, e.g. `café` under `cafe`. */
  form: string;
  pages: PageRun | undefined;
}

/**
 * Reads one part's words in order, a chunk at a time. The current word is kept in fields
 * rather than objects: most of the merge's time is spent here.
 */
export class PartWords {
  readonly part: number;
  /** The part's first page in the merged numbering. */
  readonly offset: number;
  /** Whether there is a current word. */
  hasWord = false;
  /** The chunk holding the current word, and the word's UTF-8 bytes and CBOR text item there. */
  bytes: Uint8Array = new Uint8Array(0);
  wordStart = 0;
  wordEnd = 0;
  itemStart = 0;
  /** The word's own pages; undefined when it only has variants. */
  pages: PageRun | undefined;
  variants: Variant[] | undefined;

  private readonly files: string[];
  /** Renumbers meta fields when the part's list of them is not the merged one. */
  private readonly fieldMap: readonly number[] | undefined;
  private next = 0;
  private reader: CborReader | undefined;
  private wordsLeft = 0;

  constructor(part: number, offset: number, dir: string, chunkHashes: readonly string[], fieldMap: readonly number[] | undefined) {
    this.part = part;
    this.offset = offset;
    this.files = chunkHashes.map((hash) => join(dir, 'index', `${hash}.pf_index`));
    this.fieldMap = fieldMap;
  }

  /** Moves to the next word, reading the next chunk when this one is done. */
  advance(): void {
    const previous = this.hasWord ? this.bytes : undefined;
    const previousStart = this.wordStart;
    const previousEnd = this.wordEnd;
    while (this.wordsLeft === 0) {
      if (this.next >= this.files.length) {
        this.hasWord = false;
        return;
      }
      this.loadChunk();
    }
    this.wordsLeft--;
    this.readWord(this.reader!);
    // The merge relies on each part's words being in order.
    if (previous && compareBytes(previous, previousStart, previousEnd, this.bytes, this.wordStart, this.wordEnd) >= 0) this.reader!.fail('a word out of order');
  }

  private loadChunk(): void {
    const file = this.files[this.next++]!;
    const reader = new CborReader(readPacked(file), file);
    reader.struct(1, 'a word index');
    this.wordsLeft = reader.array();
    this.reader = reader;
    this.bytes = reader.bytes;
    if (this.wordsLeft === 0 && !reader.atEnd) reader.fail('data after the words');
  }

  private readWord(reader: CborReader): void {
    reader.struct(3, 'a word');
    this.itemStart = reader.position;
    const length = reader.textLength();
    this.wordStart = reader.position;
    this.wordEnd = reader.position += length;
    this.pages = this.readPages(reader);
    const variants = reader.array();
    this.variants = undefined;
    if (variants > 0) {
      this.variants = new Array<Variant>(variants);
      for (let i = 0; i < variants; i++) {
        reader.struct(2, 'a word variant');
        this.variants[i] = { form: reader.text(), pages: this.readPages(reader) };
      }
    }
    if (this.wordsLeft === 0 && !reader.atEnd) reader.fail('data after the words');
    this.hasWord = true;
  }

  private readPages(reader: CborReader): PageRun | undefined {
    const count = reader.array();
    if (count === 0) return undefined;
    const start = reader.position;
    let page = 0;
    let size = 0;
    let first = 0;
    let bodyStart = 0;
    for (let i = 0; i < count; i++) {
      reader.struct(3, 'a page of a word');
      page += reader.uint();
      if (i === 0) {
        first = page;
        bodyStart = reader.position;
      }
      const locations = reader.array();
      reader.skipInts(locations);
      const metaLocations = reader.array();
      reader.skipInts(metaLocations);
      size += locations + metaLocations + 1;
    }
    const run: PageRun = { bytes: reader.bytes, count, first, last: page, bodyStart, end: reader.position, size };
    return this.fieldMap ? renumberMetaFields(run, start, this.fieldMap, reader.file) : run;
  }
}

/** Orders UTF-8 byte ranges: Rust's order of strings. */
function compareBytes(x: Uint8Array, xStart: number, xEnd: number, y: Uint8Array, yStart: number, yEnd: number): number {
  const length = Math.min(xEnd - xStart, yEnd - yStart);
  for (let i = 0; i < length; i++) {
    const difference = x[xStart + i]! - y[yStart + i]!;
    if (difference !== 0) return difference;
  }
  return xEnd - xStart - (yEnd - yStart);
}

/** Orders two parts' current words, then the parts. */
function compareWords(a: PartWords, b: PartWords): number {
  return compareBytes(a.bytes, a.wordStart, a.wordEnd, b.bytes, b.wordStart, b.wordEnd) || a.part - b.part;
}

function sameWord(a: PartWords, b: PartWords): boolean {
  return compareBytes(a.bytes, a.wordStart, a.wordEnd, b.bytes, b.wordStart, b.wordEnd) === 0;
}

/**
 * Rewrites a page list's meta locations for the merged list of meta fields. A meta location
 * list is `-(field + 1)` then delta-coded positions, per field in field order; the merged
 * list of fields is the sorted union of the parts', so renumbering keeps that order.
 */
function renumberMetaFields(run: PageRun, start: number, fieldMap: readonly number[], file: string): PageRun {
  const reader = new CborReader(run.bytes, file, start);
  const writer = new CborWriter(run.end - start + 64);
  let bodyStart = 0;
  for (let i = 0; i < run.count; i++) {
    reader.struct(3, 'a page of a word');
    writer.array(3);
    writer.uint(reader.uint());
    if (i === 0) bodyStart = writer.byteLength;
    const locationsStart = reader.position;
    reader.skipInts(reader.array());
    writer.raw(run.bytes, locationsStart, reader.position);
    const metaLocations = reader.array();
    writer.array(metaLocations);
    for (let j = 0; j < metaLocations; j++) {
      const value = reader.int();
      if (value >= 0) writer.uint(value);
      else writer.int(-((fieldMap[-value - 1] ?? reader.fail(`meta field ${-value - 1} beyond the ${fieldMap.length} fields`)) + 1));
    }
  }
  const bytes = writer.bytes().slice();
  return { ...run, bytes, bodyStart, end: bytes.length };
}

/** Writes a page list from the parts' runs of one word, in part order. */
function writePages(writer: CborWriter, runs: readonly (PageRun | undefined)[], parts: readonly PartWords[]): void {
  let count = 0;
  for (const run of runs) if (run) count += run.count;
  writer.array(count);
  let last = 0;
  runs.forEach((run, index) => {
    if (!run) return;
    const offset = parts[index]!.offset;
    writer.array(3);
    writer.uint(offset + run.first - last);
    writer.raw(run.bytes, run.bodyStart, run.end);
    last = offset + run.last;
  });
}

/** Writes `[word, pages, variants]` for parts whose current word is the same; returns its size as Pagefind counts it. */
function writeWord(writer: CborWriter, parts: readonly PartWords[]): number {
  const word = parts[0]!;
  let size = 0;
  let count = 0;
  let withVariants = false;
  for (const part of parts) {
    if (part.pages) {
      count += part.pages.count;
      size += part.pages.size;
    }
    if (part.variants) withVariants = true;
  }
  writer.array(3);
  writer.raw(word.bytes, word.itemStart, word.wordEnd);
  // The common case, written without building arrays: the parts' runs one after the other.
  writer.array(count);
  let last = 0;
  for (const part of parts) {
    const run = part.pages;
    if (!run) continue;
    writer.array(3);
    writer.uint(part.offset + run.first - last);
    writer.raw(run.bytes, run.bodyStart, run.end);
    last = part.offset + run.last;
  }
  if (!withVariants) {
    writer.array(0);
    return size;
  }
  // A variant keeps its place of first appearance: the earlier part's order, then new forms.
  const variants = new Map<string, (PageRun | undefined)[]>();
  parts.forEach((part, index) => {
    for (const variant of part.variants ?? []) {
      let runs = variants.get(variant.form);
      if (!runs) variants.set(variant.form, (runs = new Array<PageRun | undefined>(parts.length)));
      runs[index] = variant.pages;
      size += variant.pages?.size ?? 0;
    }
  });
  writer.array(variants.size);
  for (const [form, runs] of variants) {
    writer.array(2);
    writer.text(form);
    writePages(writer, runs, parts);
  }
  return size;
}

/** A word-index chunk as written: its CBOR, the file's header before it, and its first and last word. */
export interface WordChunk {
  /** `pagefind_dcd` and the CBOR, in a buffer of its own (to be handed to a worker). */
  packed: Uint8Array;
  content: Uint8Array;
  first: string;
  last: string;
}

const utf8 = new TextDecoder();
/** Room for the header and the heads `[[` with the word count, written once the chunk is full. */
const RESERVED = PAGEFIND_HEADER.length + 6;

/**
 * Merges the parts' words and cuts the result into chunks the way Pagefind does: words in
 * order, a chunk closed once its size (locations, meta locations and one per page, over the
 * word's pages and its variants' pages) reaches `chunkSize`. `onChunk` gets each chunk in order.
 */
export async function mergeWords(parts: readonly PartWords[], chunkSize: number, onChunk: (chunk: WordChunk) => Promise<void>): Promise<void> {
  const heap = new PartHeap();
  for (const part of parts) {
    part.advance();
    if (part.hasWord) heap.push(part);
  }
  let body = new CborWriter(1 << 18, RESERVED);
  let words = 0;
  let size = 0;
  let first = '';
  let lastStart = 0;
  let lastEnd = 0;
  const same: PartWords[] = [];
  while (heap.size > 0) {
    // The heap orders equal words by part, so they come out in page order.
    same.push(heap.pop());
    while (heap.size > 0 && sameWord(heap.peek(), same[0]!)) same.push(heap.pop());
    const word = same[0]!;
    if (words === 0) first = utf8.decode(word.bytes.subarray(word.wordStart, word.wordEnd));
    lastStart = body.byteLength + (word.wordStart - word.itemStart) + 1;
    size += writeWord(body, same);
    lastEnd = lastStart + (word.wordEnd - word.wordStart);
    words++;
    for (const part of same) {
      part.advance();
      if (part.hasWord) heap.push(part);
    }
    same.length = 0;
    if (size >= chunkSize) {
      await onChunk(closeChunk(body, words, first, utf8.decode(body.bytes().subarray(lastStart, lastEnd))));
      // The closed chunk's buffer is handed on; the next starts in one of about its size.
      body = new CborWriter(body.byteLength + (body.byteLength >> 2), RESERVED);
      words = 0;
      size = 0;
    }
  }
  if (words > 0) await onChunk(closeChunk(body, words, first, utf8.decode(body.bytes().subarray(lastStart, lastEnd))));
}

/** The body's words as a chunk file's content, `[[word, …]]`, after the file's header. */
function closeChunk(body: CborWriter, words: number, first: string, last: string): WordChunk {
  const heads = new CborWriter(16);
  heads.raw(PAGEFIND_HEADER);
  heads.array(1);
  heads.array(words);
  const packed = body.bytesAfter(heads.bytes());
  return { packed, content: packed.subarray(PAGEFIND_HEADER.length), first, last };
}

/** A binary min-heap of parts by their current word, then by part. */
class PartHeap {
  private readonly items: PartWords[] = [];

  get size(): number {
    return this.items.length;
  }

  peek(): PartWords {
    return this.items[0]!;
  }

  push(part: PartWords): void {
    const items = this.items;
    let index = items.push(part) - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (compareWords(items[index]!, items[parent]!) >= 0) break;
      [items[index], items[parent]] = [items[parent]!, items[index]!];
      index = parent;
    }
  }

  pop(): PartWords {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && compareWords(items[left]!, items[smallest]!) < 0) smallest = left;
        if (right < items.length && compareWords(items[right]!, items[smallest]!) < 0) smallest = right;
        if (smallest === index) break;
        [items[index], items[smallest]] = [items[smallest]!, items[index]!];
        index = smallest;
      }
    }
    return top;
  }
}
