import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { chooseWorkers } from '../../src/batch/run.js';

describe('how many worker threads analyse a folder', () => {
  const files = (n: number) => Array.from({ length: n }, (_, i) => `p${i}.txt`);

  it('--jobs 1 analyses in this thread; --jobs N in N worker threads', () => {
    expect(chooseWorkers(1, files(100))).toBe(0);
    expect(chooseWorkers(3, files(5))).toBe(3);
  });

  it('by default: none for a few postings; one per core but the one that reads and writes, 1 to 4, for 32 or more', () => {
    expect(chooseWorkers(undefined, files(31))).toBe(0);
    const n = chooseWorkers(undefined, files(32));
    expect(n).toBe(Math.min(4, Math.max(1, availableParallelism() - 1)));
    expect(n).toBeGreaterThanOrEqual(1);
  });
});
