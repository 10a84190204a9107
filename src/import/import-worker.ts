/**
 * Worker thread for large batches (src/util/worker-pool.ts): reads and imports the file it is
 * given, answers with the plain-data results. Writing stays on the main thread, so the
 * no-overwrite and same-output checks see every result in input order.
 */
import { importFileResults, type FileResults } from './run-import.ts';

export default function importFile(file: string): FileResults {
  return importFileResults(file);
}
