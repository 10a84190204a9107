/**
 * A labelled synthetic corpus: originals, templated families, and copies of them (exact,
 * lightly edited, scraped twice), each labelled with the original it copies, for measuring
 * deduplication and for the scale benchmark.
 */
import { toIsoWithOffset, toYearMonth } from '../../../src/lib/dates.ts';
import { chineseDate, holidayFamily, inspectionFamily, newsReport, outageFamily, penaltyFamily, statisticsFamily, workNotice, type Draft } from './originals.ts';
import { createRandom, type Random } from './random.ts';
import { AGENCIES, CITIES, DATELINE_CITIES, district, OUTLETS, personName, TYPO_PAIRS } from './vocabulary.ts';

/** Front matter as written to the Markdown file. */
export interface SyntheticFrontMatter {
  title: string;
  /** ISO 8601 with +08:00. */
  date: string;
  source: string;
  editor: string;
  canonical?: string;
  not_duplicate_of?: string[];
}

/** The ground truth behind one synthetic announcement. */
export interface SyntheticLabel {
  /** Id of the original this is a copy of, or its own id for an original. */
  group: string;
  /** original: a unique notice; templated: a member of a family; the rest are copies. */
  kind: 'original' | 'templated' | 'exact' | 'near' | 'doubled';
  /** Templated family key, shared by the family's members and their copies. */
  family?: string;
  /** For near copies: the edits applied. */
  edits?: string[];
  /** Whether the body holds its text twice. */
  doubledBody: boolean;
}

/** One synthetic announcement. */
export interface SyntheticAnnouncement {
  /** Path under announcements/ without extension: `2019/holiday-0004k2`. */
  id: string;
  frontMatter: SyntheticFrontMatter;
  /** Markdown body. */
  body: string;
  label: SyntheticLabel;
}

export interface CorpusOptions {
  /** Same seed, same corpus. */
  seed?: number;
  /** How many announcements (copies included). */
  count: number;
  /** Share of originals that start a templated family (default 0.22). */
  templatedShare?: number;
  /** Chance that an original gets copies (default 0.3). */
  copyShare?: number;
  /** Chance that an original's own body is scraped twice (default 0.03). */
  doubledShare?: number;
  /** Share of unique originals that are news reports rather than work notices (default 0.3). */
  newsShare?: number;
}

/**
 * The kinds of light edit a republisher makes: a lead line, a 转载 note, a dropped closing
 * paragraph, punctuation, a typo fixed; a news dateline put before the first paragraph
 * (本报讯, 某地讯（记者 某某）, 新华社某地6月15日电), usually with the closing paragraph dropped;
 * characters lost in transcription where the loss cuts into a number (整改问题221处。 →
 * 整改问题22。).
 */
export const NEAR_EDITS = ['lead', 'note', 'drop-closing', 'punctuation', 'typo', 'dateline', 'lossy'] as const;
type NearEdit = (typeof NEAR_EDITS)[number];

/** A news dateline as a newspaper or agency puts it before the first paragraph. */
function dateline(random: Random, original: Draft): string {
  const city = original.source.match(/^(.+?)市/)?.[1] ?? random.pick(CITIES);
  const local = new Date(original.date.getTime() + 8 * 3_600_000);
  const day = `${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
  const reporter = () => personName(random);
  return random.pick([
    () => '本报讯　',
    () => `本报讯（记者 ${reporter()}）`,
    () => `本报讯（记者 ${reporter()} 通讯员 ${reporter()}）`,
    () => `${city}讯（记者 ${reporter()}）`,
    () => `${city}${random.pick(OUTLETS)}讯（记者 ${reporter()}）`,
    () => `本报${city}${day}讯`,
    () => `${random.pick(AGENCIES)}${random.pick(DATELINE_CITIES)}${day}电（记者 ${reporter()}）`,
    () => `${random.pick(AGENCIES)}${random.pick(DATELINE_CITIES)}${day}电　`,
  ])();
}

// A count with its unit inside a sentence: 221处, 96件, 3800万元.
const COUNT_WITH_UNIT = /(\d{2,})(万元|处|件|个|家|项|人|起|次)/gu;

function copySource(random: Random, original: Draft): string {
  const city = original.source.match(/^(.+?)市/)?.[1] ?? random.pick(CITIES);
  return random.pick([`${city}市${district(random)}人民政府`, `${random.pick(CITIES)}市人民政府`, `${city}市人民政府`, `${city}市融媒体中心`]);
}

/** Applies one edit; returns false when it does not apply to this text (no typo to fix). */
function applyEdit(random: Random, blocks: string[], original: Draft, edit: NearEdit): boolean {
  switch (edit) {
    case 'lead':
      blocks.unshift(
        random.pick([
          `${chineseDate(original.date)}，${original.source}印发《${original.title}》，全文如下：`,
          `编者按：为便于广大群众及时了解相关政策，现将《${original.title}》全文转发如下，请各单位认真贯彻执行。`,
          `近日，${original.source}发布通知，对有关工作作出安排部署。`,
        ]),
      );
      return true;
    case 'note': {
      const note = random.pick([`（转载自${original.source}网站）`, `来源：${original.source}`, `信息来源：${original.source}门户网站`]);
      if (random.chance(0.5)) blocks.unshift(note);
      else blocks.push(note);
      return true;
    }
    case 'drop-closing': {
      const index = blocks.indexOf(original.blocks[original.closing]!);
      if (index < 0) return false;
      blocks.splice(index, 1);
      return true;
    }
    case 'punctuation': {
      const swaps: Array<[RegExp, string]> = [[/，/g, ', '], [/：/g, ':'], [/（/g, '('], [/）/g, ')'], [/；/g, ';'], [/、/g, ',']];
      const chosen = random.sample(swaps, random.int(1, 3));
      for (let i = 0; i < blocks.length; i++) {
        for (const [pattern, replacement] of chosen) blocks[i] = blocks[i]!.replace(pattern, (match) => (random.chance(0.6) ? replacement : match));
      }
      return true;
    }
    case 'dateline': {
      // Glued to the article's first paragraph (after an addressee line), as a newspaper
      // prints it; often the closing paragraph goes too.
      const plain = (block: string) => !/^(?:#|\||-|\d+\.|\*\*)/u.test(block);
      const opening = blocks.slice(0, 3).findIndex((block) => plain(block) && !/[:：]$/u.test(block) && block.length >= 30);
      const index = opening >= 0 ? opening : Math.max(0, blocks.findIndex(plain));
      blocks[index] = dateline(random, original) + blocks[index]!;
      if (random.chance(0.6)) {
        const closing = blocks.indexOf(original.blocks[original.closing]!);
        if (closing >= 0) blocks.splice(closing, 1);
      }
      return true;
    }
    case 'lossy': {
      // A transcription that lost the last digit of a count and its unit: 221处。 → 22。
      const candidates: Array<{ block: number; at: number; digits: string; unit: string }> = [];
      blocks.forEach((block, index) => {
        if (/^(?:#|\|)/u.test(block)) return;
        for (const match of block.matchAll(COUNT_WITH_UNIT)) candidates.push({ block: index, at: match.index, digits: match[1]!, unit: match[2]! });
      });
      if (candidates.length === 0) return false;
      const { block, at, digits, unit } = random.pick(candidates);
      const text = blocks[block]!;
      blocks[block] = text.slice(0, at) + digits.slice(0, -1) + text.slice(at + digits.length + unit.length);
      return true;
    }
    case 'typo': {
      for (const [right, wrong] of random.sample(TYPO_PAIRS, TYPO_PAIRS.length)) {
        const index = blocks.findIndex((block) => block.includes(right));
        if (index >= 0) {
          blocks[index] = blocks[index]!.replace(right, wrong);
          return true;
        }
      }
      return false;
    }
  }
}

/** The body as a careless scraper saves it: the article, then its print copy with title and date. */
function doubled(draft: Draft, blocks: readonly string[]): string[] {
  return [...blocks, `**${draft.title}**`, `${chineseDate(draft.date)}　来源：${draft.source}`, ...blocks];
}

interface Pending {
  draft: Draft;
  blocks: string[];
  date: Date;
  source: string;
  editor: string;
  label: Omit<SyntheticLabel, 'group'>;
  /** Index of the original in the pending list, or -1 for an original. */
  copyOf: number;
}

/**
 * Generates a labelled corpus. Equal options give an equal corpus.
 *
 * @param options size, seed and mix
 * @returns announcements in a shuffled order, ids unique
 * @example generateCorpus({ seed: 1, count: 100 }).length // 100
 */
export function generateCorpus(options: CorpusOptions): SyntheticAnnouncement[] {
  const { count, seed = 1, templatedShare = 0.22, copyShare = 0.3, doubledShare = 0.03, newsShare = 0.3 } = options;
  const random = createRandom(seed);
  const pending: Pending[] = [];
  while (pending.length < count) {
    let originals: Draft[];
    if (random.chance(templatedShare)) {
      const make = random.pick([holidayFamily, statisticsFamily, penaltyFamily, outageFamily, inspectionFamily]);
      originals = make(random.fork(), random.int(3, 8));
    } else originals = [random.chance(newsShare) ? newsReport(random.fork()) : workNotice(random.fork())];
    for (const draft of originals) {
      const originalIndex = pending.length;
      const kind = draft.family ? 'templated' : 'original';
      const isDoubled = random.chance(doubledShare);
      pending.push({
        draft,
        blocks: isDoubled ? doubled(draft, draft.blocks) : [...draft.blocks],
        date: draft.date,
        source: draft.source,
        editor: draft.editor,
        label: { kind, ...(draft.family ? { family: draft.family } : {}), doubledBody: isDoubled },
        copyOf: -1,
      });
      if (!random.chance(copyShare)) continue;
      for (let copies = random.int(1, 3); copies > 0; copies--) {
        const copy = random.fork();
        const roll = copy.next();
        const blocks = [...draft.blocks];
        const edits: NearEdit[] = [];
        let kindOfCopy: SyntheticLabel['kind'] = 'exact';
        if (roll < 0.6) {
          kindOfCopy = 'near';
          for (const edit of copy.sample(NEAR_EDITS, copy.int(1, 4))) if (applyEdit(copy, blocks, draft, edit)) edits.push(edit);
          if (edits.length === 0 && applyEdit(copy, blocks, draft, 'note')) edits.push('note');
        } else if (roll < 0.75) kindOfCopy = 'doubled';
        // A copy at the very minute of its original carries a 转载 note naming it, as real
        // ones do: otherwise nothing could tell which came first.
        const sameInstant = kindOfCopy === 'near' && edits.includes('note') && copy.chance(0.2);
        const date = sameInstant ? draft.date : new Date(draft.date.getTime() + copy.int(1, 96) * 3_600_000);
        pending.push({
          draft,
          blocks: kindOfCopy === 'doubled' ? doubled(draft, blocks) : blocks,
          date,
          source: copySource(copy, draft),
          editor: personName(copy),
          label: { kind: kindOfCopy, ...(draft.family ? { family: draft.family } : {}), ...(edits.length ? { edits } : {}), doubledBody: kindOfCopy === 'doubled' },
          copyOf: originalIndex,
        });
      }
    }
  }
  pending.length = count;

  const ids = pending.map((item, index) => {
    const { year } = toYearMonth(item.date);
    return `${year}/${item.draft.kind}-${index.toString(36).padStart(5, '0')}`;
  });
  const announcements = pending.map((item, index): SyntheticAnnouncement => ({
    id: ids[index]!,
    frontMatter: { title: item.draft.title, date: toIsoWithOffset(item.date), source: item.source, editor: item.editor },
    body: item.blocks.join('\n\n') + '\n',
    label: { group: ids[item.copyOf < 0 ? index : item.copyOf]!, ...item.label },
  }));
  return random.sample(announcements, announcements.length);
}

/**
 * The announcement as a Markdown file with YAML front matter. Strings are written as
 * double-quoted scalars (JSON strings are valid YAML), so the date stays a string.
 *
 * @example toMarkdownFile(item) // '---\ntitle: "关于…"\ndate: "2019-05-20T09:00:00+08:00"\n…---\n\n…'
 */
export function toMarkdownFile(item: Pick<SyntheticAnnouncement, 'frontMatter' | 'body'>): string {
  const { title, date, source, editor, canonical, not_duplicate_of } = item.frontMatter;
  const lines = ['---', `title: ${JSON.stringify(title)}`, `date: ${JSON.stringify(date)}`, `source: ${JSON.stringify(source)}`, `editor: ${JSON.stringify(editor)}`];
  if (canonical) lines.push(`canonical: ${JSON.stringify(canonical)}`);
  if (not_duplicate_of?.length) lines.push(`not_duplicate_of: [${not_duplicate_of.map((id) => JSON.stringify(id)).join(', ')}]`);
  lines.push('---', '', item.body);
  return lines.join('\n');
}
