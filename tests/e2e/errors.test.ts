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

  it('an unknown option or a bad option value: one jdlens: line, exit 2; --lang in any case', () => {
    const bogus = jdlens(['analyze', '--bogus'], { input: 'x' });
    expect(bogus.code).toBe(2);
    expect(bogus.stderr).toBe("jdlens: unknown option '--bogus' (see jdlens --help)\n");
    for (const [args, msg] of [
      [['--lang', 'fr'], /--lang <lang>' argument 'fr' is invalid\. takes zh or en/],
      [['--format', 'xml'], /Allowed choices are json, md, text/],
      [['--jobs', '0'], /takes a whole number from 1 to 64/],
      [['--json', '-o', '/tmp/x.md'], /--json writes JSON, but --out \/tmp\/x\.md names a Markdown file/],
    ] as const) {
      const r = jdlens(['analyze', ...args], { input: '产品经理\n岗位职责\n1、负责产品规划' });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(msg);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^jdlens: /);
    }
    const upper = jdlens(['analyze', '--lang', 'EN'], { input: '产品经理\n岗位职责\n1、负责产品规划' });
    expect(upper.code).toBe(0);
    expect(upper.stdout).toMatch(/^Role: /m);
  });

  it('help pages show examples; the top one exit codes and environment variables', () => {
    const top = jdlens(['--help']).stdout;
    expect(top).toMatch(/Examples:/);
    expect(top).toMatch(/Exit codes:[\s\S]*130\/143/);
    expect(top).toMatch(/Environment:[\s\S]*NO_COLOR[\s\S]*JDLENS_CORPUS/);
    for (const cmd of [['analyze'], ['fit'], ['terms'], ['profile', 'init']]) expect(jdlens([...cmd, '--help']).stdout, cmd.join(' ')).toMatch(/Examples:\n {2}jdlens /);
  });

  it('--no-color is accepted by every command; -o and -j are --out and --json', () => {
    expect(jdlens(['profile', 'init', '--no-color']).code).toBe(0);
    expect(jdlens(['terms', '-', '--no-color'], { input: '产品经理\n负责规划' }).code).not.toBe(2);
    const r = jdlens(['analyze', '-j', '--no-color'], { input: '产品经理\n岗位职责\n1、负责产品规划' });
    expect(JSON.parse(r.stdout).postings).toHaveLength(1);
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
