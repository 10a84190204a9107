import type { SyntheticAnnouncement } from './corpus.ts';

/** How well predicted clusters match a synthetic corpus's labels. */
export interface ClusterScore {
  /** Predicted same-announcement pairs that are truly copies (1 when none were predicted). */
  precision: number;
  /** True copy pairs that were predicted (1 when there are none). */
  recall: number;
  truePairs: number;
  predictedPairs: number;
  /** Predicted pairs of two different announcements. */
  falseMergePairs: number;
  /** Of those, pairs of two members of one templated family (2019 vs 2020 holiday notice). */
  templatedFalseMergePairs: number;
  /** Share of predicted clusters containing their true original that chose it as canonical. */
  canonicalAccuracy: number;
}

const pairs = (n: number) => (n * (n - 1)) / 2;

/**
 * Scores clusters against the corpus labels by pairs: every two announcements in one
 * predicted cluster form a predicted pair, every two with the same label group a true pair.
 *
 * @param corpus the labelled announcements
 * @param clusters as returned by clusterAnnouncements (only `canonical` and duplicate ids are read)
 * @example scoreClusters(corpus, await clusterAnnouncements(inputs)).precision // ≥ 0.99
 */
export function scoreClusters(
  corpus: readonly SyntheticAnnouncement[],
  clusters: ReadonlyArray<{ canonical: string; duplicates: ReadonlyArray<{ id: string }> }>,
): ClusterScore {
  const byId = new Map(corpus.map((item) => [item.id, item]));
  const groupSizes = new Map<string, number>();
  for (const item of corpus) groupSizes.set(item.label.group, (groupSizes.get(item.label.group) ?? 0) + 1);
  let truePairs = 0;
  for (const size of groupSizes.values()) truePairs += pairs(size);

  let predictedPairs = 0;
  let correct = 0;
  let templatedFalse = 0;
  let withOriginal = 0;
  let canonicalRight = 0;
  for (const cluster of clusters) {
    const members = [cluster.canonical, ...cluster.duplicates.map((duplicate) => duplicate.id)].map((id) => byId.get(id)!);
    predictedPairs += pairs(members.length);
    const byGroup = new Map<string, number>();
    const byFamily = new Map<string, Map<string, number>>();
    for (const member of members) {
      byGroup.set(member.label.group, (byGroup.get(member.label.group) ?? 0) + 1);
      const family = member.label.family;
      if (!family) continue;
      if (!byFamily.has(family)) byFamily.set(family, new Map());
      const groups = byFamily.get(family)!;
      groups.set(member.label.group, (groups.get(member.label.group) ?? 0) + 1);
    }
    for (const size of byGroup.values()) correct += pairs(size);
    for (const groups of byFamily.values()) {
      const total = [...groups.values()].reduce((sum, size) => sum + size, 0);
      templatedFalse += pairs(total) - [...groups.values()].reduce((sum, size) => sum + pairs(size), 0);
    }
    const canonical = byId.get(cluster.canonical)!;
    const original = members.find((member) => member.id === member.label.group && member.label.group === canonical.label.group);
    if (original) {
      withOriginal++;
      if (original.id === cluster.canonical) canonicalRight++;
    }
  }
  return {
    precision: predictedPairs ? correct / predictedPairs : 1,
    recall: truePairs ? correct / truePairs : 1,
    truePairs,
    predictedPairs,
    falseMergePairs: predictedPairs - correct,
    templatedFalseMergePairs: templatedFalse,
    canonicalAccuracy: withOriginal ? canonicalRight / withOriginal : 1,
  };
}
