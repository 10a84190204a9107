/**
 * Merges the indexed parts into one search index on a thread of its own
 * (src/util/worker-pool.ts), so the merge's memory is freed when it ends rather than left in
 * the build's heap.
 */
import { mergeSearchBundles, type SortValues } from './merge.ts';

/** The parts' folders in merge order, the merged index's folder, every page's sort values by URL, and the merged index's chunk size. */
export interface MergeTask {
  partFolders: string[];
  outputPath: string;
  sortValues: [string, SortValues][];
  indexChunkSize?: number;
}

export default async function mergeParts({ partFolders, outputPath, sortValues, indexChunkSize }: MergeTask): Promise<void> {
  const sortValuesByUrl = new Map(sortValues);
  await mergeSearchBundles(partFolders, outputPath, { sortValuesOf: (url) => sortValuesByUrl.get(url), ...(indexChunkSize !== undefined && { indexChunkSize }) });
}
