import { availableParallelism } from 'node:os';
import { chooseCanonical, citedSources, type CanonicalCandidate } from './canonical.ts';
import { findDoubledBody } from './doubled-body.ts';
import { compareUnits, MAX_CHAR_EDITS, reverseVerdict, withoutDoubtfulDamage, type GuardVerdict } from './guard.ts';
import { DEFAULT_LSH, estimateAtLeast, lshCandidateKeys } from './minhash.ts';
import { createCodeBuffer, type CodeBuffer } from './normalise.ts';
import { runBatches, startHelpers, type Helpers } from './parallel.ts';
import { normaliseItem, passagesOf, reviewBatch, shingleSetOfPassages, signBatch, type ReviewBatch, type SignBatch } from './review.ts';
import { jaccard, mix32, SHINGLE_SIZE } from './shingles.ts';

/** One announcement as deduplication sees it. */
export interface DedupInput {
  /** Stable id: the file's path under announcements/ without extension. */
  id: string;
  title: string;
  /** The Markdown body. */
  body: string;
  /** Publication instant; the earliest copy is the canonical one. */
  date: Date;
  /** Issuing body as written in front matter. */
  source: string;
  /** Front-matter override: the id of this announcement's canonical copy. */
  canonical?: string;
  /** Front-matter override: ids this announcement must never be merged with. */
  notDuplicateOf?: string[];
}

/** A copy in a cluster, measured against the canonical copy. */
export interface DuplicateMember {
  id: string;
  /** Jaccard similarity of its 5-gram shingles with the canonical copy's (0–1). */
  similarity: number;
  /** Why it was merged, for review: the edits seen, or the override that merged it. */
  reason: string;
}

/** One announcement published more than once. */
export interface Cluster {
  canonical: string;
  duplicates: DuplicateMember[];
}

/** Tuning knobs; the defaults are the documented, measured ones. */
export interface DedupOptions {
  /** Characters per shingle (default 5). */
  shingleSize?: number;
  /** LSH bands (default 20). */
  bands?: number;
  /** Rows per band (default 6). */
  rows?: number;
  /** Shingle Jaccard a pair needs before the guard looks at it (default 0.7). */
  threshold?: number;
  /** Single-character edits the guard tolerates (default 4). */
  maxCharEdits?: number;
  /** Other names of each source (from content/sources.yaml), for matching 转载自 notes. */
  sourceAliases?: Readonly<Record<string, readonly string[]>>;
  /**
   * Helper threads to share the work with (default: one fewer than the machine's cores, at
   * most 3, and none below 2,000 announcements). The clusters are the same for any number.
   */
  workers?: number;
}

/**
 * Shingle Jaccard of 0.7 to be compared at all. A 1,500-character notice with a new lead
 * line, a 转载 note, a dropped closing paragraph and a typo fixed keeps about 0.8; the
 * figure that separates templated notices is the guard's job, not this threshold's, so it
 * only has to reject texts that share a topic but not a body. data-juicer uses the same
 * 0.7 for Chinese 5-grams.
 */
export const DEFAULT_THRESHOLD = 0.7;

/**
 * Signature agreement below threshold − 0.15 is not worth an exact comparison: that is
 * more than three standard errors of a 120-position estimate, so a real pair is almost never
 * dropped, while chance LSH collisions are discarded before any shingle set is built.
 */
const ESTIMATE_MARGIN = 0.15;

/** Below this many announcements, starting helper threads costs more than it saves. */
const PARALLEL_FROM = 2000;

/** Helper threads by default: the other cores, up to three (memory grows with each). */
function defaultHelpers(): number {
  return Math.max(0, Math.min(3, availableParallelism() - 1));
}

/** Texts signed per batch: big enough that handing a batch over costs little, small enough to share out evenly. */
const SIGN_BATCH = 2000;

/** Candidate pairs reviewed per batch (whole groups, so a batch may hold more). */
const REVIEW_BATCH = 2000;

/** Shingle sets and passages kept for at most this many texts at once while clusters are reviewed (about 40 MB). */
const CACHE_SIZE = 4096;

/** Union-find with cannot-link constraints: a merge that would join two forbidden members is refused. */
class Components {
  readonly parent: Int32Array;
  readonly forbidden = new Map<number, Set<number>>();
  constructor(size: number) {
    this.parent = Int32Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    let root = index;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[index] !== root) {
      const next = this.parent[index]!;
      this.parent[index] = root;
      index = next;
    }
    return root;
  }
  forbid(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (!this.forbidden.has(ra)) this.forbidden.set(ra, new Set());
    if (!this.forbidden.has(rb)) this.forbidden.set(rb, new Set());
    this.forbidden.get(ra)!.add(b);
    this.forbidden.get(rb)!.add(a);
  }
  /** Joins the components of a and b unless a forbidden pair would end up together. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const fa = this.forbidden.get(ra);
    const fb = this.forbidden.get(rb);
    if (fa) for (const x of fa) if (this.find(x) === rb) return false;
    if (fb) for (const x of fb) if (this.find(x) === ra) return false;
    this.parent[rb] = ra;
    if (fb) {
      if (fa) for (const x of fb) fa.add(x);
      else this.forbidden.set(ra, fb);
      this.forbidden.delete(rb);
    }
    return true;
  }
}

/**
 * A 53-bit fingerprint of a text's MinHash signature. Equal texts have equal signatures, so
 * exact copies share a fingerprint without hashing their text a second time; texts that
 * merely share a signature are told apart by comparing the texts themselves.
 */
function fingerprint(signature: Uint32Array): number {
  let h1 = 0x811c9dc5;
  let h2 = signature.length;
  for (let i = 0; i < signature.length; i++) {
    const value = signature[i]!;
    h1 = Math.imul(h1 ^ value, 0x01000193);
    h2 = Math.imul(h2 + value, 0x5bd1e995) ^ (h2 >>> 15);
  }
  return mix32(h1) * 2 ** 21 + (mix32(h2) & 0x1fffff);
}

/** Whether two buffers hold the same text. */
function sameCodes(a: CodeBuffer, b: CodeBuffer): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a.codes[i] !== b.codes[i]) return false;
  return true;
}

/**
 * Groups announcements that are copies of one another and picks each group's canonical copy.
 *
 * Pipeline: normalise (NFKC, punctuation and whitespace out; 转载 / 来源 / 编辑 lines left
 * out) → character 5-gram shingles → one-permutation MinHash (120 positions), whose
 * fingerprint also finds exact copies → LSH with 20 bands of 6 rows for candidate pairs →
 * signature agreement ≥ 0.55 → the guard (guard.ts: figures, dates, amounts, names, places
 * and 文号 that differ keep two notices apart) → exact shingle Jaccard ≥ 0.7 for the pairs
 * it accepts → union-find, strongest pairs first, refusing any merge that would join two
 * notices the guard or a maintainer (`notDuplicateOf`) kept apart → canonical copy (see
 * chooseCanonical). A front-matter `canonical` merges its announcement with that copy even
 * when the text comparison would not.
 *
 * Cost grows near-linearly: every text is read a few times, and only candidate pairs (about
 * as many as there are real near-copies and templated siblings) are compared exactly.
 *
 * @param items the announcements, drafts already removed
 * @param options tuning; the defaults are documented on each constant
 * @returns clusters with at least one duplicate, ordered by the canonical copy's date then
 *   id; duplicates ordered the same way
 * @throws when a batch fails on a helper thread or this one, naming the batch
 * @example
 * await clusterAnnouncements([original, republished]) // [{ canonical: original.id, duplicates: [{ id: republished.id, similarity: 0.86, reason: 'near-duplicate: 1 passage added' }] }]
 */
export async function clusterAnnouncements(items: readonly DedupInput[], options: DedupOptions = {}): Promise<Cluster[]> {
  // Helper threads for the two costly stages, when the corpus is large enough to repay
  // starting them (see parallel.ts); the results are the same with or without them.
  const helpers = startHelpers(options.workers ?? (items.length >= PARALLEL_FROM ? defaultHelpers() : 0));
  try {
    return await clusterWith(items, options, helpers);
  } finally {
    await helpers?.close();
  }
}

async function clusterWith(items: readonly DedupInput[], options: DedupOptions, helpers: Helpers | undefined): Promise<Cluster[]> {
  const shingleSize = options.shingleSize ?? SHINGLE_SIZE;
  const bands = options.bands ?? DEFAULT_LSH.bands;
  const rows = options.rows ?? DEFAULT_LSH.rows;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const maxEdits = options.maxCharEdits ?? MAX_CHAR_EDITS;
  const count = items.length;
  const indexById = new Map<string, number>();
  items.forEach((item, index) => indexById.set(item.id, index));

  // Announcements a maintainer has spoken about are compared individually, never folded into
  // an exact-copy group where their override would be lost.
  const special = new Set<number>();
  items.forEach((item, index) => {
    if (item.canonical || item.notDuplicateOf?.length) special.add(index);
    for (const other of item.notDuplicateOf ?? []) {
      const target = indexById.get(other);
      if (target !== undefined) special.add(target);
    }
  });

  // Every text's signature, in batches shared with the helpers.
  const positions = bands * rows;
  const packed = await runBatches(
    Math.ceil(count / SIGN_BATCH),
    (batch): SignBatch => {
      const slice = items.slice(batch * SIGN_BATCH, (batch + 1) * SIGN_BATCH);
      return { kind: 'sign', titles: slice.map((item) => item.title), bodies: slice.map((item) => item.body), positions, shingleSize };
    },
    signBatch,
    helpers,
    (batch) => `dedup: signing ${items[batch * SIGN_BATCH]!.id} and the ${Math.min(SIGN_BATCH, count - batch * SIGN_BATCH) - 1} announcements after it`,
  );
  const signatureOf = (index: number) => {
    const batch = packed[Math.floor(index / SIGN_BATCH)]!;
    const offset = (index % SIGN_BATCH) * positions;
    return batch.subarray(offset, offset + positions);
  };

  // Its fingerprint, and a signature for each text that is not an exact copy of one already
  // seen. Texts whose fingerprints agree are compared in full, normalised into reused
  // buffers rather than strings.
  const firstByPrint = new Map<number, number>();
  const exactEdges: Array<[number, number]> = [];
  const entries: number[] = [];
  const signatures: Uint32Array[] = [];
  const buffer = createCodeBuffer();
  const other = createCodeBuffer();
  for (let index = 0; index < count; index++) {
    const signature = signatureOf(index);
    const print = fingerprint(signature);
    const first = special.has(index) ? undefined : firstByPrint.get(print);
    if (first !== undefined) {
      normaliseItem(items[index]!.title, items[index]!.body, buffer);
      normaliseItem(items[first]!.title, items[first]!.body, other);
      if (sameCodes(buffer, other)) {
        exactEdges.push([first, index]);
        continue;
      }
    }
    if (!special.has(index) && first === undefined) firstByPrint.set(print, index);
    entries.push(index);
    signatures.push(signature);
  }

  const components = new Components(count);
  for (const [index, item] of items.entries()) {
    for (const other of item.notDuplicateOf ?? []) {
      const target = indexById.get(other);
      if (target !== undefined && target !== index) components.forbid(index, target);
    }
  }
  // Maintainers' `canonical` first: it binds even where the text comparison would not.
  for (const [index, item] of items.entries()) {
    const target = item.canonical === undefined ? undefined : indexById.get(item.canonical);
    if (target !== undefined && target !== index) components.union(target, index);
  }

  const edges: Array<{ a: number; b: number; similarity: number }> = exactEdges.map(([a, b]) => ({ a, b, similarity: 1 }));
  // Similarities already measured, by pair (smaller index first), so the review of each
  // cluster below rarely builds a shingle set again.
  const accepted = new Map<number, { similarity: number; verdict: GuardVerdict }>();
  const identical: GuardVerdict = { compatible: true, reason: 'identical after normalisation', added: 0, dropped: 0, edits: 0 };
  for (const [a, b] of exactEdges) accepted.set(Math.min(a, b) * count + Math.max(a, b), { similarity: 1, verdict: identical });
  const { pairs, groupStarts } = candidatePairs(signatures, entries, { bands, rows }, threshold - ESTIMATE_MARGIN);
  // Review batches of whole groups, so a text's passages are built once per batch.
  const batchStarts = [0];
  for (const start of groupStarts) if (start - batchStarts.at(-1)! >= REVIEW_BATCH) batchStarts.push(start);
  batchStarts.push(pairs.length);
  const reviews = await runBatches(
    batchStarts.length - 1,
    (batch): ReviewBatch => {
      const local = new Map<number, number>();
      const members: DedupInput[] = [];
      const from = batchStarts[batch]!;
      const to = batchStarts[batch + 1]!;
      const flat = new Int32Array(2 * (to - from));
      for (let k = from; k < to; k++) {
        for (let side = 0; side < 2; side++) {
          const index = pairs[k]![side]!;
          let at = local.get(index);
          if (at === undefined) {
            local.set(index, (at = members.length));
            members.push(items[index]!);
          }
          flat[2 * (k - from) + side] = at;
        }
      }
      return { kind: 'review', titles: members.map((item) => item.title), bodies: members.map((item) => item.body), pairs: flat, shingleSize, maxEdits };
    },
    reviewBatch,
    helpers,
    (batch) => {
      const first = pairs[batchStarts[batch]!];
      return `dedup: comparing ${batchStarts[batch + 1]! - batchStarts[batch]!} candidate pairs${first ? `, the first with ${items[first[0]]!.id}` : ''}`;
    },
  );
  for (let batch = 0; batch < reviews.length; batch++) {
    const { verdicts, similarities } = reviews[batch]!;
    for (let k = 0; k < verdicts.length; k++) {
      const [a, b] = pairs[batchStarts[batch]! + k]!;
      const verdict = verdicts[k]!;
      if (verdict === null) {
        // A pair the guard separates may never end up in one cluster through a third copy.
        components.forbid(a, b);
        continue;
      }
      const similarity = similarities[k]!;
      if (similarity >= threshold) {
        edges.push({ a, b, similarity });
        accepted.set(a * count + b, { similarity, verdict });
      }
    }
  }
  edges.sort((p, q) => q.similarity - p.similarity || p.a - q.a || p.b - q.b);
  // A text accepted only as a damaged copy of two notices kept apart joins neither (see guard.ts).
  const damaged = (edge: { a: number; b: number }) => !!accepted.get(Math.min(edge.a, edge.b) * count + Math.max(edge.a, edge.b))?.verdict.lost;
  const apart = (x: number, y: number) => components.forbidden.get(components.find(x))?.has(y) ?? false;
  for (const edge of withoutDoubtfulDamage(edges, damaged, apart)) components.union(edge.a, edge.b);

  const groups = new Map<number, number[]>();
  for (let index = 0; index < count; index++) {
    const root = components.find(index);
    const group = groups.get(root);
    if (group) group.push(index);
    else groups.set(root, [index]);
  }

  // Pairs not compared above (a copy that joined through another member) are compared
  // against the canonical copy now; a small cache serves the canonical copy of each cluster.
  const unitCache = new Map<number, string[]>();
  const setCache = new Map<number, Uint32Array>();
  const remember = <T>(cache: Map<number, T>, index: number, make: () => T): T => {
    let found = cache.get(index);
    if (found === undefined) {
      found = make();
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(index, found);
    }
    return found;
  };
  const cachedUnits = (index: number) => remember(unitCache, index, () => passagesOf(items[index]!.title, items[index]!.body));
  const cachedSet = (index: number) => remember(setCache, index, () => shingleSetOfPassages(cachedUnits(index), shingleSize));

  const clusters: Array<Cluster & { date: number }> = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    // Citations only matter when several members share the earliest date; reading every
    // member's notes otherwise would cost a scan of each body for nothing.
    const earliest = Math.min(...members.map((index) => items[index]!.date.getTime()));
    const tied = members.filter((index) => items[index]!.date.getTime() === earliest).length > 1;
    const candidates: CanonicalCandidate[] = members.map((index) => {
      const item = items[index]!;
      return {
        id: item.id,
        date: item.date,
        source: item.source,
        cites: tied ? citedSources(`${item.title}\n${item.body}`) : [],
        ...(item.canonical ? { canonical: item.canonical } : {}),
      };
    });
    const canonicalId = chooseCanonical(candidates, options.sourceAliases);
    const canonicalIndex = indexById.get(canonicalId)!;

    const duplicates = members
      .filter((index) => index !== canonicalIndex)
      .sort((a, b) => items[a]!.date.getTime() - items[b]!.date.getTime() || compareIds(items[a]!.id, items[b]!.id))
      .map((index): DuplicateMember => {
        const item = items[index]!;
        // Measured already when the pair was compared; measured now when the copy joined
        // through another member or a front-matter canonical.
        const known = accepted.get(Math.min(index, canonicalIndex) * count + Math.max(index, canonicalIndex));
        const similarity = Math.round((known?.similarity ?? jaccard(cachedSet(canonicalIndex), cachedSet(index))) * 1000) / 1000;
        // Pairs were compared smaller index first; the reason reads from the canonical copy.
        const verdict = known
          ? canonicalIndex < index
            ? known.verdict
            : reverseVerdict(known.verdict)
          : compareUnits(cachedUnits(canonicalIndex), cachedUnits(index), maxEdits);
        let reason: string;
        if (item.canonical === canonicalId) reason = `front matter canonical: ${canonicalId}`;
        else if (verdict.compatible && similarity >= threshold) reason = verdict.reason;
        else reason = `through another copy in the cluster (against the canonical copy: ${verdict.compatible ? `similarity ${similarity}` : verdict.reason})`;
        // Tell the reviewer why dozens of passages were "added": the page was scraped twice.
        if (verdict.added > verdict.dropped + 5 && findDoubledBody(item.body).length) reason = `body holds its text twice; ${reason}`;
        return { id: item.id, similarity, reason };
      });
    clusters.push({ canonical: canonicalId, duplicates, date: items[canonicalIndex]!.date.getTime() });
  }
  clusters.sort((p, q) => p.date - q.date || compareIds(p.canonical, q.canonical));
  return clusters.map(({ canonical, duplicates }) => ({ canonical, duplicates }));
}

/**
 * LSH candidate pairs whose signatures agree on at least `minEstimate` of their positions,
 * as item indices, ordered so that pairs of one connected group come together: the caches
 * of passages and shingle sets then hold a whole family of templated notices at once.
 */
function candidatePairs(
  signatures: readonly Uint32Array[],
  entries: readonly number[],
  lsh: { bands: number; rows: number },
  minEstimate: number,
): { pairs: Array<[number, number]>; groupStarts: number[] } {
  const count = signatures.length;
  const all = lshCandidateKeys(signatures, lsh);
  const kept: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const key = all[k]!;
    if (estimateAtLeast(signatures[Math.floor(key / count)]!, signatures[key % count]!, minEstimate)) kept.push(key);
  }
  const groups = new Components(count);
  for (const key of kept) groups.union(Math.floor(key / count), key % count);
  // Pairs arrive ordered by (x, y); a stable counting sort by group keeps that order within
  // each group and orders the groups by their root.
  const roots = new Int32Array(kept.length);
  const starts = new Int32Array(count + 1);
  for (let k = 0; k < kept.length; k++) {
    roots[k] = groups.find(Math.floor(kept[k]! / count));
    starts[roots[k]! + 1]!++;
  }
  const groupStarts: number[] = [];
  for (let root = 0; root < count; root++) {
    if (starts[root + 1]! > 0) groupStarts.push(starts[root]!);
    starts[root + 1]! += starts[root]!;
  }
  const ordered = new Array<[number, number]>(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const key = kept[k]!;
    ordered[starts[roots[k]!]!++] = [entries[Math.floor(key / count)]!, entries[key % count]!];
  }
  return { pairs: ordered, groupStarts };
}

/** Code-unit order: the same on every machine, unlike localeCompare. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
