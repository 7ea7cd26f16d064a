import { indexText, type IndexOutcome, type IndexTask } from './text-indexer.js';

/** The worker thread's entry (piscina calls the default export once per document). */
export default function run(task: IndexTask): Promise<IndexOutcome> {
  return indexText(task);
}
