import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, fixture, jdlens } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'jdlens-err-'));

describe('errors and exit codes', () => {
  it('a missing file: one line naming it, exit 2', () => {
    const r = jdlens(['analyze', 'no/such/posting.txt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('jdlens: no/such/posting.txt: no such file\n');
    expect(r.stdout).toBe('');
  });

  it('a directory where a file is expected: exit 2; a folder to analyze with no postings in it: exit 2', () => {
    const d = tmp();
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--resume', d]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`jdlens: ${d}: is a directory, expected a file\n`);
    const empty = jdlens(['analyze', d]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/no posting files found/);
  });

  it('empty or whitespace-only input: exit 2', () => {
    const f = join(tmp(), 'empty.txt');
    writeFileSync(f, '  \n\t\n');
    expect(jdlens(['analyze', f])).toMatchObject({ code: 2, stderr: `jdlens: ${f}: is empty\n` });
    expect(jdlens(['analyze'], { input: '' })).toMatchObject({ code: 2, stderr: 'jdlens: <stdin>: is empty\n' });
  });

  it('an invalid taxonomy: one line per problem naming file, line and field, exit 2, no stack trace', () => {
    const f = join(tmp(), 'bad.yaml');
    writeFileSync(f, 'id: x\nversion: "1"\nlabel: { zh: x, en: x }\ncategories: []\ndimensions: []\nskills:\n  - id: a\n    dimension: nowhere\n');
    const r = jdlens(['analyze', '--taxonomy', f], { input: 'PM' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/invalid taxonomy/);
    expect(r.stderr).toMatch(new RegExp(`${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:8: skills\\[0\\]\\.dimension: unknown dimension "nowhere"`));
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown option or --lang value: exit 2', () => {
    expect(jdlens(['analyze', '--bogus'], { input: 'x' }).code).toBe(2);
    const r = jdlens(['analyze', '--lang', 'fr'], { input: 'x' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--lang takes zh or en/);
  });

  it('a terminal on stdin and no posting: usage, exit 2', () => {
    // util-linux `script` gives the CLI a pseudo-terminal as stdin
    const r = spawnSync('script', ['-qec', `node ${BIN} analyze`, '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('jdlens: no posting given');
    expect(r.stdout).toContain('Usage: jdlens analyze');
  });

  it('--help and --version', () => {
    const h = jdlens(['--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/analyze/);
    const v = jdlens(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('ends quietly when stdout is closed early (| head -1)', () => {
    const r = spawnSync('bash', ['-c', `node ${BIN} analyze ${fixture('postings/zh-model-side-platform.txt')} | head -1`], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toBe('');
  });
});
