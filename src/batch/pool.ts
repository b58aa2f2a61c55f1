import { Worker } from 'node:worker_threads';
import type { Done, Job } from './process.js';
import type { WorkerInit } from './worker.js';

const WORKER = new URL('./worker.js', import.meta.url);

interface Slot {
  w: Worker;
  waiting: { resolve: (d: Done[]) => void; reject: (e: Error) => void }[];
  exited: boolean;
}

/**
 * Worker threads that analyse postings in parallel. Jobs go out in small batches to the least busy
 * live worker; each worker answers its batches in order, and the caller keeps the batches in
 * sequence. A worker that fails (throws, or exits) rejects the batches it held; the pool says it is
 * broken and the caller does the rest itself.
 */
export class Pool {
  private readonly slots: Slot[];
  broken = false;

  constructor(size: number, init: WorkerInit) {
    this.slots = Array.from({ length: size }, () => {
      const slot: Slot = { w: new Worker(WORKER, { workerData: init, resourceLimits: { maxOldGenerationSizeMb: 128 } }), waiting: [], exited: false };
      slot.w.on('message', (done: Done[]) => slot.waiting.shift()?.resolve(done));
      const fail = (err: Error) => {
        this.broken = true;
        for (const p of slot.waiting.splice(0)) p.reject(err);
      };
      slot.w.on('error', fail);
      slot.w.on('exit', (code) => {
        slot.exited = true;
        if (slot.waiting.length) fail(new Error(`worker thread exited (${code})`));
      });
      return slot;
    });
  }

  run(jobs: Job[]): Promise<Done[]> {
    const live = this.slots.filter((s) => !s.exited);
    if (live.length === 0) return Promise.reject(new Error('no worker thread left'));
    const slot = live.reduce((a, b) => (b.waiting.length < a.waiting.length ? b : a));
    return new Promise((resolve, reject) => {
      slot.waiting.push({ resolve, reject });
      slot.w.postMessage(jobs);
    });
  }

  /**
   * Asks every live worker to stop once its current batch is done, and waits until all have; one
   * that does not stop within a few seconds is terminated. Never waits on a worker that is gone.
   */
  async close(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            if (s.exited) return resolve();
            const force = setTimeout(() => void s.w.terminate(), 3000);
            s.w.once('exit', () => {
              clearTimeout(force);
              resolve();
            });
            s.w.postMessage('stop');
          }),
      ),
    );
  }
}
