import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

type Dump = Record<string, { tokens: string[]; category: string; skills: string[] }>;
const dump = (env: Record<string, string>): Dump => {
  const r = spawnSync(process.execPath, ['tests/helpers/segdump.mjs'], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as Dump;
};

describe('the compact jieba dictionary against the full one', () => {
  const compact = dump({});
  const full = dump({ JDLENS_FULL_DICT: '1' });

  it('agrees on at least 99.5 % of the tokens over the corpus', () => {
    let same = 0;
    let total = 0;
    for (const [source, f] of Object.entries(full)) {
      const c = new Set(compact[source]!.tokens);
      total += f.tokens.length;
      same += f.tokens.filter((t) => c.has(t)).length;
    }
    expect(total).toBeGreaterThan(100_000);
    expect(same / total).toBeGreaterThanOrEqual(0.995);
  });

  it('gives identical categories and skills for every fixture and corpus posting', () => {
    const differ = Object.keys(full).filter((s) => full[s]!.category !== compact[s]!.category || full[s]!.skills.join() !== compact[s]!.skills.join());
    expect(differ).toEqual([]);
  });
});
