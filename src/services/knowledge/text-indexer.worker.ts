import os from 'node:os';
import { indexText, type IndexOutcome, type IndexTask } from './text-indexer.js';

// Background work: when the CPUs are busy, the server's requests go first. A platform that refuses only loses that.
try {
  os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
} catch {
  // keeps the normal priority
}

/** The worker process's entry (tinypool calls the default export once per document). */
export default function run(task: IndexTask): Promise<IndexOutcome> {
  return indexText(task);
}
