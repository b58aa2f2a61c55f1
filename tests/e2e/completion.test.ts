import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jdlens } from '../helpers/cli.js';

/** What the bash completion offers for a command line, the cursor at its end, run in a real bash. */
function offered(script: string, words: string[], cwd: string): string[] {
  const line = words.map((w) => `'${w}'`).join(' ');
  const prog = `source ${script}; complete -p jdlens; COMP_WORDS=(${line}); COMP_CWORD=${words.length - 1}; _jdlens; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', prog], { cwd, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  const [spec, ...rest] = r.stdout.split('\n');
  expect(spec).toMatch(/^complete .*-F _jdlens jdlens$/);
  return rest.filter(Boolean);
}

describe('jdlens completion', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jdlens-compl-'));
  const script = join(dir, 'jdlens.bash');
  writeFileSync(script, jdlens(['completion', 'bash']).stdout);
  writeFileSync(join(dir, 'posting-a.txt'), 'x');
  writeFileSync(join(dir, 'posting-b.md'), 'x');

  it('bash: commands, options, --format and --lang values, files for inputs', () => {
    expect(offered(script, ['jdlens', ''], dir)).toEqual(expect.arrayContaining(['analyze', 'fit', 'terms', 'profile', 'completion']));
    expect(offered(script, ['jdlens', 'an'], dir)).toEqual(['analyze']);
    expect(offered(script, ['jdlens', 'analyze', '--fo'], dir)).toEqual(['--format']);
    expect(offered(script, ['jdlens', 'analyze', '--format', ''], dir).sort()).toEqual(['html', 'json', 'md', 'text']);
    expect(offered(script, ['jdlens', 'analyze', '--lang', ''], dir).sort()).toEqual(['en', 'zh']);
    expect(offered(script, ['jdlens', 'analyze', 'post'], dir).sort()).toEqual(['posting-a.txt', 'posting-b.md']);
    expect(offered(script, ['jdlens', 'analyze', '--profile', 'posting-a'], dir)).toEqual(['posting-a.txt']);
    expect(offered(script, ['jdlens', 'profile', ''], dir)).toContain('init');
    expect(offered(script, ['jdlens', 'completion', ''], dir).sort()).toEqual(['bash', 'fish', 'zsh']);
  });

  it('zsh and fish scripts name the same commands and values; a bad shell is a usage error', () => {
    const zsh = jdlens(['completion', 'zsh']);
    expect(zsh.stdout).toMatch(/^#compdef jdlens/);
    expect(zsh.stdout).toContain('bashcompinit');
    const fish = jdlens(['completion', 'fish']).stdout;
    expect(fish).toContain("-a 'analyze profile fit terms completion'");
    expect(fish).toMatch(/-l format -xa 'json md text html'/);
    expect(fish).toMatch(/-l lang -xa 'zh en'/);
    const bad = jdlens(['completion', 'tcsh']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^jdlens: .*Allowed choices are bash, zsh, fish/);
  });
});
