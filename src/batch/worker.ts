import { parentPort, workerData } from 'node:worker_threads';
import { loadAnalyzer } from '../taxonomy/compiled.js';
import { injectedFault, processPosting, readerFromData, type Done, type Job, type ReaderData } from './process.js';

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

/** One posting in a worker: whatever goes wrong in its analysis is that posting's error, not the run's. */
function inWorker(job: Job): Done {
  try {
    if (injectedFault('throw', job.posting.text)) throw new Error('injected fault');
    return processPosting(job, opts);
  } catch (err) {
    const message = `${job.posting.source}: the analysis failed in a worker thread (${err instanceof Error ? err.message : String(err)})`;
    return { seq: job.seq, error: { source: job.posting.source, code: 'worker', message } };
  }
}

parentPort!.on('message', (jobs: Job[] | 'stop') => {
  // stopping between jobs, never inside nodejieba's native code, which must not be torn down mid-call
  if (jobs === 'stop') process.exit(0);
  if (jobs.some((j) => injectedFault('exit', j.posting.text))) process.exit(70);
  parentPort!.postMessage(jobs.map(inWorker));
});
