import { normaliseText } from './normalise.ts';

// 转载自…, 转自…, 来源：…, 信息来源：…, 稿源：… : the notes a republisher leaves. 来源 and
// the like need their colon: without it they are ordinary words (资金来源).
const CITATION = /(?:(?:转载自|转载于|转自)\s*[:：]?|(?:信息来源|来源|稿源|出处)\s*[:：])\s*([^\s，,。；;、)）\]】|]{2,40})/gu;

/**
 * The issuers a text says it was copied from (转载自 / 来源 notes), normalised.
 *
 * @param text a title and body
 * @example citedSources('（转载自遂宁市人民政府网站）') // ['遂宁市人民政府网站']
 */
export function citedSources(text: string): string[] {
  const names: string[] = [];
  for (const match of text.normalize('NFKC').matchAll(CITATION)) {
    const name = normaliseText(match[1]!);
    if (name.length >= 2) names.push(name);
  }
  return names;
}

/** One cluster member as canonical selection sees it. */
export interface CanonicalCandidate {
  id: string;
  date: Date;
  source: string;
  /** Sources this member's text cites, from {@link citedSources}. */
  cites: readonly string[];
  /** The member's front-matter `canonical`, if any. */
  canonical?: string;
}

/**
 * Whether a citation names a source. Portals cite loosely (遂宁市人民政府网站 for the source
 * 遂宁市人民政府), so either containing the other counts; aliases (遂宁市府) come from
 * content/sources.yaml through `aliases`.
 */
function citesSource(citation: string, source: string, aliases: readonly string[]): boolean {
  return [source, ...aliases].some((name) => {
    const key = normaliseText(name);
    return key.length >= 2 && (citation.includes(key) || key.includes(citation));
  });
}

/**
 * Picks the canonical copy of a cluster. A maintainer's front-matter `canonical` naming a
 * member wins (the most-named one if members disagree). Otherwise the earliest publication
 * wins, as the original; at the same instant, the source the other members cite (转载自 /
 * 来源), since a copy names its original; then the smallest id, so the choice never depends
 * on file order.
 *
 * @param members the cluster's members (at least one)
 * @param sourceAliases other names of each source, keyed by the source as written in `source`
 * @returns the canonical member's id
 */
export function chooseCanonical(
  members: readonly CanonicalCandidate[],
  sourceAliases: Readonly<Record<string, readonly string[]>> = {},
): string {
  const ids = new Set(members.map((member) => member.id));
  const votes = new Map<string, number>();
  for (const member of members) {
    if (member.canonical && ids.has(member.canonical)) {
      votes.set(member.canonical, (votes.get(member.canonical) ?? 0) + 1);
    }
  }
  const citations = (candidate: CanonicalCandidate) =>
    members.filter(
      (other) =>
        other.id !== candidate.id &&
        other.cites.some((cited) => citesSource(cited, candidate.source, sourceAliases[candidate.source] ?? [])),
    ).length;
  const ranked = [...members].sort(
    (a, b) =>
      (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) ||
      a.date.getTime() - b.date.getTime() ||
      (a.date.getTime() === b.date.getTime() ? citations(b) - citations(a) : 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return ranked[0]!.id;
}
