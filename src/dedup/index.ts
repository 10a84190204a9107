/**
 * Deduplication: each announcement once, however often it was published.
 * normalise → shingle → fingerprint → cluster → choose canonical; see cluster.ts.
 */
export { clusterAnnouncements, DEFAULT_THRESHOLD, type Cluster, type DedupInput, type DedupOptions, type DuplicateMember } from './cluster.ts';
export { chooseCanonical, citedSources, type CanonicalCandidate } from './canonical.ts';
export { collapseDoubledBody, findDoubledBody, splitMarkdownBlocks, type MarkdownBlock } from './doubled-body.ts';
export { compareUnits, MAX_CHAR_EDITS, type GuardVerdict } from './guard.ts';
export { DEFAULT_LSH, estimateJaccard, lshCandidatePairs, minHashSignature, type LshOptions } from './minhash.ts';
export { markdownToText, normaliseText, toUnits } from './normalise.ts';
export { collapseRepeatedRuns, findRepeatedRuns, type RepeatedRun, type RepeatedRunOptions } from './repeated-runs.ts';
export { jaccard, shingleSet, SHINGLE_SIZE } from './shingles.ts';
