import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { processPosting, readerFromData, type Job, type ReaderData } from './process.js';

export interface WorkerInit {
  taxonomy: string;
  /** the fitted model file the main thread uses, or false for none */
  model: string | false;
  reader?: ReaderData;
  asJson: boolean;
}

// A worker thread: the same analyzer as the main thread would build, fed postings one by one.
const init = workerData as WorkerInit;
const opts = { analyzer: loadAnalyzer(init.taxonomy, { model: init.model }), reader: init.reader ? readerFromData(init.reader) : undefined, asJson: init.asJson };
parentPort!.on('message', (jobs: Job[] | 'stop') => {
  // stopping between jobs, never inside nodejieba's native code, which must not be torn down mid-call
  if (jobs === 'stop') process.exit(0);
  parentPort!.postMessage(jobs.map((job) => processPosting(job, opts)));
});
