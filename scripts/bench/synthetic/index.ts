/** Seeded, reproducible synthetic announcements with labelled duplicates. */
export { generateCorpus, NEAR_EDITS, toMarkdownFile, type CorpusOptions, type SyntheticAnnouncement, type SyntheticFrontMatter, type SyntheticLabel } from './corpus.ts';
export { createRandom, type Random } from './random.ts';
export { writeCorpus } from './write.ts';
export { scoreClusters, type ClusterScore } from './evaluate.ts';
