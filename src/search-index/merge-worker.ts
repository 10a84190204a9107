/**
 * Merges the indexed parts into one search index on its own thread, so the merge's memory
 * is freed when it ends rather than left in the build's heap.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { mergeSearchBundles, type SortValues } from './merge.ts';

const { partFolders, outputPath, sortValues } = workerData as { partFolders: string[]; outputPath: string; sortValues: [string, SortValues][] };
const sortValuesByUrl = new Map(sortValues);
await mergeSearchBundles(partFolders, outputPath, { sortValuesOf: (url) => sortValuesByUrl.get(url) });
parentPort!.postMessage('done');
