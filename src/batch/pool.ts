import { Worker } from 'node:worker_threads';
import type { Done, Job } from './process.js';
import type { WorkerInit } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

interface Slot {
  w: Worker;
  waiting: { resolve: (d: Done[]) => void; reject: (e: Error) => void }[];
}

/**
 * Worker threads that analyse postings in parallel. Jobs go out in small batches to the least busy
 * worker; each worker answers its batches in order, and the caller keeps the batches in sequence.
 */
export class Pool {
  private readonly slots: Slot[];

  constructor(size: number, init: WorkerInit) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { w: new Worker(WORKER, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: 128 } }), waiting: [] };
      slot.w.on('message', (done: Done[]) => slot.waiting.shift()?.resolve(done));
      slot.w.on('error', (err) => {
        for (const p of slot.waiting.splice(0)) p.reject(err);
      });
      return slot;
    });
  }

  run(jobs: Job[]): Promise<Done[]> {
    const slot = this.slots.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
    return new Promise((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.w.postMessage(jobs);
    });
  }

  /** Asks every worker to stop once its current batch is done, and waits until all have. */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.w.once('exit', () => resolve());
            s.w.postMessage('stop');
          }),
      ),
    );
  }
}
