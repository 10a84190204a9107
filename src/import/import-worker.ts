/**
 * Worker thread for large batches: reads and imports files it is sent, answers with
 * the plain-data results. Writing stays on the main thread, so the no-overwrite and
 * same-output checks see every result in input order.
 */
import { parentPort } from 'node:worker_threads';
import { importFileResults, type FileResults } from './run-import.ts';

parentPort?.on('message', (message: { index: number; file: string }) => {
  const reply: FileResults & { index: number } = { index: message.index, ...importFileResults(message.file) };
  parentPort?.postMessage(reply);
});
