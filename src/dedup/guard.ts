/**
 * The guard: decides whether two texts that share most of their shingles are one
 * announcement lightly edited, or two announcements cut from one template.
 *
 * Shingle similarity cannot tell them apart: 关于2019年端午节放假安排的通知 and the 2020 one,
 * or two penalty decisions for other people, share 90% of their characters. What differs is
 * *how* they differ. Copies of one notice differ by whole passages added or dropped (a lead
 * line, a 转载 / 来源 note, a closing paragraph) and by a handful of single characters
 * (a typo fixed; punctuation is already normalised away). Templated notices differ by
 * *substitutions*: a figure, a date, a 文号, a name, a place. So the two texts are aligned
 * passage by passage, changed passages character by character, and any substituted figure
 * or any substituted run of two or more characters keeps them apart. A false merge hides a
 * real announcement, a missed duplicate only shows it twice, so every doubt counts as a
 * difference.
 */

/** What the guard decided and why, in words a reviewer can check against the two files. */
export interface GuardVerdict {
  /** True when the differences are only those of a lightly edited copy. */
  compatible: boolean;
  /** The first difference that keeps the texts apart, or a summary of the edits. */
  reason: string;
  /** Passages only the second text has. */
  added: number;
  /** Passages only the first text has. */
  dropped: number;
  /** Single-character edits (typo fixes) inside otherwise matching passages. */
  edits: number;
  /**
   * Of those edits, runs of characters one text lost where the loss cut into a number
   * (整改问题221处 → 整改问题22); absent when there are none. Such a copy is accepted as damaged,
   * unless it fits another notice as well (see {@link withoutDoubtfulDamage}).
   */
  lost?: number;
}

/**
 * At most four small edits inside matching passages. A republished copy fixes a typo or
 * two; a templated notice that differs only in non-numeric single characters in more than
 * four places is more likely a different notice.
 */
export const MAX_CHAR_EDITS = 4;

/**
 * A changed stretch at least this long (in normalised characters) reads as a passage added
 * or dropped (a note, a clause, a closing sentence), not as an edit of the sentence.
 */
const PASSAGE_CHARS = 20;

/**
 * Alignment tables above this many cells are not computed: texts that far apart in
 * structure are not light edits of each other.
 */
const MAX_CELLS = 2_000_000;

// Arabic digits after NFKC, Chinese numerals (including financial forms) and the units
// that change an amount's size: any of these in a substitution is a changed figure.
const NUMERAL = /[0-9〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟]/u;
const DIGIT = /[0-9]/;
// In text only one side has, a lone 一 is usually a word (统一, 进一步); a figure is a digit,
// two numerals in a row (二〇二〇, 十五) or an amount unit.
const FIGURE = /[0-9]|[〇零一二三四五六七八九十百千两壹贰叁肆伍陆柒捌玖拾佰仟]{2}|[万亿千百]元/u;

type Op = 0 | 1 | 2; // match, drop (first only), add (second only)

/** A longest-common-subsequence edit script between two sequences of comparable items. */
function align<T>(a: ArrayLike<T>, b: ArrayLike<T>): Op[] | null {
  const n = a.length;
  const m = b.length;
  if ((n + 1) * (m + 1) > MAX_CELLS) return null;
  const width = m + 1;
  const table = new Int32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j] ? table[(i + 1) * width + j + 1]! + 1 : Math.max(table[(i + 1) * width + j]!, table[i * width + j + 1]!);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      ops.push(0);
      i++;
      j++;
    } else if (j >= m || (i < n && table[(i + 1) * width + j]! >= table[i * width + j + 1]!)) {
      ops.push(1);
      i++;
    } else {
      ops.push(2);
      j++;
    }
  }
  return ops;
}

interface Tally {
  added: number;
  dropped: number;
  edits: number;
  lost?: number;
  conflict: string | null;
}

/**
 * Where two sequences (strings, or lists of passages) stop agreeing: the length of their
 * common start, and the ends of each once their common end is cut off.
 *
 * @example trimCommonEnds('2019年通知', '2020年通知') // { start: 2, endA: 4, endB: 4 }
 */
function trimCommonEnds<T>(first: ArrayLike<T>, second: ArrayLike<T>): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < first.length && start < second.length && first[start] === second[start]) start++;
  let endA = first.length;
  let endB = second.length;
  while (endA > start && endB > start && first[endA - 1] === second[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}

/** Classifies the character-level differences inside one changed stretch of passages. */
function inspectChangedText(first: string, second: string, tally: Tally): void {
  if (first === second) return;
  // Align only the middle: a changed figure in a long passage leaves long equal ends.
  const { start, endA, endB } = trimCommonEnds(first, second);
  const middle = align(first.slice(start, endA), second.slice(start, endB));
  if (!middle) {
    tally.conflict = 'a passage was rewritten';
    return;
  }
  const ops: Op[] = new Array<Op>(start).fill(0).concat(middle, new Array<Op>(first.length - endA).fill(0));
  let i = 0;
  let j = 0;
  let k = 0;
  while (k < ops.length && !tally.conflict) {
    if (ops[k] === 0) {
      i++;
      j++;
      k++;
      continue;
    }
    const before = i > 0 ? first[i - 1]! : '';
    let removed = '';
    let inserted = '';
    while (k < ops.length && ops[k] !== 0) {
      if (ops[k] === 1) removed += first[i++];
      else inserted += second[j++];
      k++;
    }
    const after = i < first.length ? first[i]! : '';
    classify(removed, inserted, before, after, tally);
  }
}

/**
 * Whether a stretch only one text has is a short run lost from the other where it cut into a
 * number: the number's end and the characters after it (1处 after 22), or the characters
 * before a number and its start. Never digits alone, and never more than a few characters.
 */
function isCutIntoNumber(text: string, before: string, after: string): boolean {
  if (text.length > LOST_RUN) return false;
  if (DIGIT.test(before) && /^\d+[^\d]+$/u.test(text)) return true;
  return DIGIT.test(after) && /^[^\d]+\d+$/u.test(text);
}

/** The longest run a transcription may lose across a number: a digit or two and a unit (万元). */
const LOST_RUN = 5;

function classify(removed: string, inserted: string, before: string, after: string, tally: Tally): void {
  if (removed && inserted) {
    if (NUMERAL.test(removed) || NUMERAL.test(inserted)) tally.conflict = `figures differ: ${removed} → ${inserted}`;
    else if (removed.length > 1 || inserted.length > 1) tally.conflict = `wording differs: ${removed} → ${inserted}`;
    else tally.edits++;
    return;
  }
  const text = removed || inserted;
  if ((DIGIT.test(text[0]!) && DIGIT.test(before)) || (DIGIT.test(text.at(-1)!) && DIGIT.test(after))) {
    // Characters lost in transcription may cut into a number: 整改问题221处 → 整改问题22 lost
    // the number's last digit and the unit after it. That is damage to a copy. Digits alone
    // added or dropped (12 → 123, 5000 → 500) change the number, and keep notices apart.
    if (isCutIntoNumber(text, before, after)) {
      tally.edits++;
      tally.lost = (tally.lost ?? 0) + 1;
      return;
    }
    tally.conflict = `a number differs: ${removed ? `${before}${removed}${after} → ${before}${after}` : `${before}${after} → ${before}${inserted}${after}`}`;
    return;
  }
  const passage = () => (removed ? tally.dropped++ : tally.added++);
  if (text.length >= PASSAGE_CHARS) return void passage();
  if (FIGURE.test(text)) {
    tally.conflict = `a figure ${removed ? 'is missing' : 'was added'}: ${text}`;
    return;
  }
  // A few words at the start or end of a changed stretch: a clause added or cut, e.g. a
  // sentence split differently around a new lead line.
  if ((before === '' || after === '') && text.length >= 4) return void passage();
  tally.edits++;
}

/**
 * Two passages this alike (2·LCS / total length) are one passage edited; less alike, two
 * different passages. Date lines that differ in a figure (2019年5月20日 / 2020年5月22日)
 * score 0.7; two different lead lines that both quote the title score about 0.6.
 */
const SAME_PASSAGE = 0.7;

/** 2·LCS(a, b) / (|a| + |b|), in one row of memory. */
export function passageSimilarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  if ((2 * Math.min(a.length, b.length)) / (a.length + b.length) < SAME_PASSAGE) return 0;
  // Equal ends are part of the LCS; only the middle needs the table.
  let start = 0;
  while (start < a.length && start < b.length && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  const row = new Int32Array(endB - start + 1);
  for (let i = start; i < endA; i++) {
    let diagonal = 0;
    const code = a.charCodeAt(i);
    for (let j = 1; j <= endB - start; j++) {
      const above = row[j]!;
      row[j] = code === b.charCodeAt(start + j - 1) ? diagonal + 1 : Math.max(above, row[j - 1]!);
      diagonal = above;
    }
  }
  const common = start + (a.length - endA) + row[endB - start]!;
  return (2 * common) / (a.length + b.length);
}

/**
 * A stretch where passages of the first text stand in place of passages of the second.
 * Passages that pair up (alike by {@link SAME_PASSAGE}, in order) are one passage edited and
 * get the character-level check; the rest were dropped or added. At the very start (after
 * the title) or end, a different passage on each side is a lead line or note swapped for
 * another; anywhere else it means the content itself was replaced.
 */
function inspectReplacedPassages(removed: readonly string[], inserted: readonly string[], atEdge: boolean, tally: Tally): void {
  let next = 0;
  let unpairedRemoved: string | null = null;
  let unpairedInserted: string | null = null;
  for (const passage of removed) {
    let match = -1;
    for (let k = next; k < inserted.length; k++) {
      if (passageSimilarity(passage, inserted[k]!) >= SAME_PASSAGE) {
        match = k;
        break;
      }
    }
    if (match < 0) {
      tally.dropped++;
      unpairedRemoved ??= passage;
      continue;
    }
    for (let k = next; k < match; k++) {
      tally.added++;
      unpairedInserted ??= inserted[k]!;
    }
    inspectChangedText(passage, inserted[match]!, tally);
    if (tally.conflict) return;
    next = match + 1;
  }
  for (let k = next; k < inserted.length; k++) {
    tally.added++;
    unpairedInserted ??= inserted[k]!;
  }
  if (!atEdge && unpairedRemoved !== null && unpairedInserted !== null) {
    tally.conflict = `a passage was replaced: ${clip(unpairedRemoved)} → ${clip(unpairedInserted)}`;
  }
}

const clip = (text: string) => (text.length > 24 ? `${text.slice(0, 24)}…` : text);

/**
 * Compares two announcements passage by passage (see toUnits) and decides whether they
 * may be copies of one announcement.
 *
 * @param first the first text's normalised passages
 * @param second the second text's normalised passages
 * @param maxEdits single-character edits tolerated (default {@link MAX_CHAR_EDITS})
 * @example
 * compareUnits(['关于2019年端午节放假安排的通知', '放假3天'], ['关于2020年端午节放假安排的通知', '放假3天'])
 * // { compatible: false, reason: 'figures differ: 19 → 20', … }
 */
export function compareUnits(first: readonly string[], second: readonly string[], maxEdits = MAX_CHAR_EDITS): GuardVerdict {
  const tally: Tally = { added: 0, dropped: 0, edits: 0, conflict: null };
  const { start, endA, endB } = trimCommonEnds(first, second);
  // Fast path for templated notices: where the texts first (and last) differ, the two
  // passages at that spot are usually one passage with another year or amount. If they are
  // alike and differ in a figure, the texts are kept apart without aligning them whole.
  // Only a conflict returns early, and a conflict found here is one a reviewer would accept:
  // two alike passages, side by side, with other figures.
  for (const [x, y] of [[start, start], [endA - 1, endB - 1]] as const) {
    if (x < start || y < start || x >= endA || y >= endB) continue;
    if (passageSimilarity(first[x]!, second[y]!) < SAME_PASSAGE) continue;
    const probe: Tally = { added: 0, dropped: 0, edits: 0, conflict: null };
    inspectChangedText(first[x]!, second[y]!, probe);
    if (probe.conflict) return verdict(probe);
  }
  // Passages become small integers, so the alignment compares numbers, not strings.
  const ids = new Map<string, number>();
  const intern = (passages: readonly string[], from: number, to: number) => {
    const out = new Int32Array(to - from);
    for (let k = from; k < to; k++) {
      let id = ids.get(passages[k]!);
      if (id === undefined) ids.set(passages[k]!, (id = ids.size));
      out[k - from] = id;
    }
    return out;
  };
  const ops = align(intern(first, start, endA), intern(second, start, endB));
  if (!ops) return verdict({ ...tally, conflict: 'too many passages differ to compare' });
  let i = start;
  let j = start;
  let k = 0;
  while (k < ops.length && !tally.conflict) {
    if (ops[k] === 0) {
      i++;
      j++;
      k++;
      continue;
    }
    const removed: string[] = [];
    const inserted: string[] = [];
    while (k < ops.length && ops[k] !== 0) {
      if (ops[k] === 1) removed.push(first[i++]!);
      else inserted.push(second[j++]!);
      k++;
    }
    if (removed.length === 0) tally.added += inserted.length;
    else if (inserted.length === 0) tally.dropped += removed.length;
    // A sentence split differently because a 。 became a ，: nothing changed.
    else if (removed.join('') === inserted.join('')) continue;
    else {
      const atEdge = (i - removed.length <= 1 && j - inserted.length <= 1) || (i === first.length && j === second.length);
      inspectReplacedPassages(removed, inserted, atEdge, tally);
    }
  }
  if (!tally.conflict && tally.edits > maxEdits) tally.conflict = `wording differs in ${tally.edits} places`;
  return verdict(tally);
}

/**
 * The same verdict read the other way round: what the first text added, the second dropped.
 *
 * @example reverseVerdict(compareUnits(a, b)) // equals compareUnits(b, a) for compatible texts
 */
export function reverseVerdict(forward: GuardVerdict): GuardVerdict {
  if (!forward.compatible) return forward;
  return verdict({ added: forward.dropped, dropped: forward.added, edits: forward.edits, lost: forward.lost, conflict: null });
}

function verdict(tally: Tally): GuardVerdict {
  const { added, dropped, edits, lost, conflict } = tally;
  if (conflict) return { compatible: false, reason: conflict, added, dropped, edits };
  const parts = [
    added && `${added} passage${added > 1 ? 's' : ''} added`,
    dropped && `${dropped} passage${dropped > 1 ? 's' : ''} dropped`,
    edits && `${edits} character edit${edits > 1 ? 's' : ''}${lost ? ` (${lost} lost across a number)` : ''}`,
  ].filter(Boolean);
  return {
    compatible: true,
    reason: parts.length ? `near-duplicate: ${parts.join(', ')}` : 'identical after normalisation',
    added,
    dropped,
    edits,
    ...(lost ? { lost } : {}),
  };
}

/**
 * The accepted pairs without the doubtful ones: a text accepted only as a damaged copy (a
 * loss cut into a number) of two notices the guard keeps apart could be a copy of either,
 * its damage hiding the very figure that tells them apart (已整改35 fits 已整改359处 and
 * 已整改350处). It joins neither; its pairs accepted without damage still count. A false merge
 * hides an announcement, a missed copy only shows it twice.
 *
 * @param pairs accepted pairs
 * @param isDamaged whether a pair was accepted only with a loss cut into a number (its verdict's `lost`)
 * @param apart whether the guard keeps two texts apart
 * @returns the pairs to join, in their order
 */
export function withoutDoubtfulDamage<P extends { a: number; b: number }>(
  pairs: readonly P[],
  isDamaged: (pair: P) => boolean,
  apart: (x: number, y: number) => boolean,
): P[] {
  const damaged = new Map<number, number[]>();
  for (const pair of pairs) {
    if (!isDamaged(pair)) continue;
    for (const [node, other] of [[pair.a, pair.b], [pair.b, pair.a]] as const) {
      const list = damaged.get(node);
      if (list) list.push(other);
      else damaged.set(node, [other]);
    }
  }
  const doubtful = new Set<number>();
  for (const [node, others] of damaged) {
    if (others.length < 2) continue;
    for (let i = 0; i < others.length && !doubtful.has(node); i++) {
      for (let j = i + 1; j < others.length; j++) {
        if (apart(others[i]!, others[j]!)) {
          doubtful.add(node);
          break;
        }
      }
    }
  }
  if (doubtful.size === 0) return [...pairs];
  return pairs.filter((pair) => !isDamaged(pair) || !(doubtful.has(pair.a) || doubtful.has(pair.b)));
}
