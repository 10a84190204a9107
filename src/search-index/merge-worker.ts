/**
 * Merges the indexed parts into one search index on a thread of its own
 * (src/util/worker-pool.ts), so the merge's memory is freed when it ends rather than left in
 * the build's heap.
 */
import { mergeSearchBundles, type SortValues } from './merge.ts';

/** The parts' folders in merge order, the merged index's folder, and every page's sort values by URL. */
export interface MergeTask {
  partFolders: string[];
  outputPath: string;
  sortValues: [string, SortValues][];
}

export default async function mergeParts({ partFolders, outputPath, sortValues }: MergeTask): Promise<void> {
  const sortValuesByUrl = new Map(sortValues);
  await mergeSearchBundles(partFolders, outputPath, { sortValuesOf: (url) => sortValuesByUrl.get(url) });
}
