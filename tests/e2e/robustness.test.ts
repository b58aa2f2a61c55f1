import { createServer, type Server } from 'node:net';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, jdlens, parseReport } from '../helpers/cli.js';

const ZH = '大模型产品经理\n岗位职责：\n1、负责大模型评测体系与微调数据\n任职要求：\n1、熟悉Prompt工程，3年以上经验';
const BIG5 = '大模型產品經理\n崗位職責：\n1、負責大模型評測體系與微調數據\n任職要求：\n1、熟悉提示詞工程，3年以上經驗，本科以上學歷';
const utf16be = (s: string) => Buffer.from(Buffer.from(s, 'utf16le').swap16());

let dir: string;
let server: Server;
const bad: Record<string, { write: (p: string) => void | Promise<void>; message: RegExp; code: string }> = {
  'empty.txt': { write: (p) => writeFileSync(p, ''), message: /is empty$/, code: 'empty' },
  'blank.md': { write: (p) => writeFileSync(p, ' \r\n\t\u3000\n'), message: /is empty$/, code: 'empty' },
  'nul.txt': { write: (p) => writeFileSync(p, Buffer.from([0x41, 0x00, 0x42, 0x43])), message: /is a binary file, not text$/, code: 'binary' },
  'image.txt': { write: (p) => writeFileSync(p, readFileSync(fixture('folder/edge/logo.png'))), message: /is a binary file/, code: 'binary' },
  'scan.pdf': { write: (p) => writeFileSync(p, '%PDF-1.7\n%âãÏÓ\n'), message: /is a PDF; jdlens reads text/, code: 'pdf' },
  'huge.txt': { write: (p) => writeFileSync(p, Buffer.alloc(6 * 1024 * 1024, 0x61)), message: /over the 5242880-byte limit/, code: 'too-large' },
  'latin1.txt': { write: (p) => writeFileSync(p, Buffer.from([0xc9, 0x74, 0xe9, 0x20, 0xe0, 0x20, 0xff, 0xfe, 0xfd, 0x80, 0x81])), message: /not UTF-8, and its encoding could not be told/, code: 'decode' },
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jdlens-robust-'));
  for (const [name, c] of Object.entries(bad)) await c.write(join(dir, name));
  // a socket cannot be read as a file, even by root
  server = createServer();
  await new Promise<void>((res) => server.listen(join(dir, 'socket.txt'), res));
  symlinkSync(join(dir, 'loop-b'), join(dir, 'loop-a'));
  symlinkSync(join(dir, 'loop-a'), join(dir, 'loop-b'));
  const outside = mkdtempSync(join(tmpdir(), 'jdlens-outside-'));
  writeFileSync(join(outside, 'secret.txt'), ZH);
  symlinkSync(join(outside, 'secret.txt'), join(dir, 'outside.txt'));
  mkdirSync(join(dir, 'good'));
  writeFileSync(join(dir, 'good', 'a-zh.txt'), ZH);
  writeFileSync(join(dir, 'good', 'b-big5.txt'), iconv.encode(BIG5, 'big5'));
  writeFileSync(join(dir, 'good', 'c-en.md'), readFileSync(fixture('postings/en-traditional-ai-recommendations.txt')));
  symlinkSync(join(dir, 'good'), join(dir, 'good', 'self'));
});

afterAll(() => server?.close());

describe('inputs that must work', () => {
  const cases: [string, Buffer | string][] = [
    ['UTF-8', ZH],
    ['UTF-8 with BOM', `\ufeff${ZH}`],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, 'utf16le')])],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ZH)])],
    ['GB18030/GBK', iconv.encode(ZH, 'gbk')],
    ['Windows line endings', ZH.replace(/\n/g, '\r\n')],
    ['zero-width and non-breaking spaces, emoji', ZH.replace('Prompt', 'Pro\u200bmpt\u00a0😀 ').replace('大模型', '大\u200d模型')],
    ['a very long line', `${ZH}\n${'负责AI产品 '.repeat(60_000)}`],
  ];
  for (const [name, bytes] of cases) {
    it(name, () => {
      const f = join(dir, `ok-${name.replace(/\W+/g, '-')}.txt`);
      writeFileSync(f, bytes);
      const r = jdlens(['analyze', f, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const p = parseReport(r.stdout).postings[0];
      expect(p.category.id).toBe('model-side');
      expect(p.skills.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['model-evaluation', 'fine-tuning']));
    });
  }

  it('Big5 Traditional Chinese: matched as Simplified, quoted as written', () => {
    const r = jdlens(['analyze', join(dir, 'good', 'b-big5.txt'), '--json']);
    expect(r.code).toBe(0);
    const p = parseReport(r.stdout).postings[0];
    expect(p.category.id).toBe('model-side');
    const prompt = p.skills.find((s: { id: string }) => s.id === 'prompt-engineering');
    expect(prompt.mentions[0].text).toBe('提示詞工程');
    expect(p.skills.find((s: { id: string }) => s.id === 'fine-tuning').mentions[0].text).toBe('微調');
    expect(BIG5.slice(prompt.mentions[0].start, prompt.mentions[0].end)).toBe('提示詞工程');
    // the title too is shown as written
    expect(p.title).toBe('大模型產品經理');
    // and so are the lines quoted as evidence
    expect(prompt.mentions[0].context).toBe('1、熟悉提示詞工程,3年以上經驗,本科以上學歷');
    const text = jdlens(['analyze', join(dir, 'good', 'b-big5.txt')]);
    expect(text.stdout).toContain('大模型產品經理  (');
    // the matched words are marked [like this] without colour; the line is quoted as written
    expect(text.stdout.replace(/[[\]]/g, '')).toContain('1、負責大模型評測體系與微調數據');
    expect(text.stdout).not.toContain('负责大模型评测体系');
  });

  it('a Traditional front-matter title is shown as written', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'jdlens-trad-')), 'trad-front-matter.md');
    writeFileSync(f, '---\ntitle: "ＡＩ產品經理（大模型）"\n---\n任職要求：熟悉提示詞工程\n');
    const p = parseReport(jdlens(['analyze', f, '--json']).stdout).postings[0];
    expect(p.title).toBe('AI產品經理(大模型)');
  });
});

describe('inputs that must be refused: one line, exit 2', () => {
  for (const [name, c] of Object.entries(bad)) {
    it(name, () => {
      const r = jdlens(['analyze', join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr.trim()).toMatch(new RegExp(`^jdlens: ${join(dir, name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
      expect(r.stderr.trim()).toMatch(c.message);
    });
  }

  it('an unreadable file', () => {
    const r = jdlens(['analyze', join(dir, 'socket.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/socket\.txt: cannot read/);
  });

  it('a path that does not exist, and a symbolic-link loop', () => {
    expect(jdlens(['analyze', join(dir, 'nope.txt')]).stderr).toMatch(/nope\.txt: no such file\n$/);
    const loop = jdlens(['analyze', join(dir, 'loop-a')]);
    expect(loop.code).toBe(2);
    expect(loop.stderr).toMatch(/loop-a: too many levels of symbolic links/);
  });
});

describe('a folder of all the bad inputs and three good postings', () => {
  it('exits 3 with three results and one error line per bad file', () => {
    const r = jdlens(['analyze', dir, '--json']);
    expect(r.code).toBe(3);
    const doc = parseReport(r.stdout);
    const good = doc.postings.map((p: { source: string }) => p.source.replace(`${dir}/`, '')).filter((s: string) => s.startsWith('good/'));
    expect(good).toEqual(['good/a-zh.txt', 'good/b-big5.txt', 'good/c-en.md']);
    const errors = Object.fromEntries(doc.errors.map((e: { source: string; code: string }) => [e.source.replace(`${dir}/`, ''), e.code]));
    for (const [name, c] of Object.entries(bad)) expect(errors[name], name).toBe(c.code);
    // a socket is no regular file: skipped (said with --verbose), never opened
    expect(errors['socket.txt']).toBeUndefined();
    expect(Object.keys(errors)).toEqual(expect.arrayContaining(['loop-a', 'loop-b', 'outside.txt', 'good/self']));
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(doc.errors.length);
    for (const l of lines) expect(l).toMatch(/^jdlens: /);
    expect(r.stderr).toMatch(/outside\.txt: symbolic link points outside/);
    expect(r.stderr).toMatch(/self: symbolic link loop, not followed/);
  });
});

describe('bad YAML', () => {
  const write = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };

  it('malformed taxonomy: line and column', () => {
    const f = write('t1.yaml', 'id: x\ncategories: [\n  - a\n');
    const r = jdlens(['analyze', '--taxonomy', f], { input: 'PM' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`t1\\.yaml:\\d+:\\d+: `));
  });

  it('an alias bomb is refused by the yaml library limit', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const f = write('bomb.yaml', `${levels.join('\n')}\n`);
    const r = jdlens(['analyze', '--taxonomy', f], { input: 'PM' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bomb\.yaml: .*(alias|Excessive)/i);
  });

  it('wrong types: named with file, line and field', () => {
    const f = write('types.yaml', 'id: [1]\nversion: 2\nlabel: hello\ncategories: {}\ndimensions: []\nskills: 7\n');
    const r = jdlens(['analyze', '--taxonomy', f], { input: 'PM' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/types\.yaml:1: id: must be a non-empty string/);
    expect(r.stderr).toMatch(/types\.yaml:3: label: must be a mapping/);
    expect(r.stderr).toMatch(/types\.yaml:6: skills: must be a list/);
  });

  it('thousands of skills still load and match', () => {
    const seed = '000_e50b8844b51dd3ae.txt';
    const cats = ['model-side', 'application-side', 'traditional-ai', 'general-pm', 'not-pm'].map((id) => `  - { id: ${id}, label: { zh: ${id}, en: ${id} }, description: { zh: d, en: d }, source: ${seed} }`).join('\n');
    const skills = Array.from({ length: 5000 }, (_, i) => `  - { id: s${i}, label: { zh: 技能${i}, en: skill ${i} }, dimension: d, aliases: { zh: [技能${i}号], en: [skillword${i}] }, weights: { general-pm: 1 }, advice: { zh: 学, en: learn }, source: ${seed} }`).join('\n');
    const f = write('big.yaml', `id: big\nversion: "1"\nlabel: { zh: 大, en: big }\ncategories:\n${cats}\ndimensions:\n  - { id: d, label: { zh: 维, en: d }, source: ${seed} }\nskills:\n${skills}\n`);
    const r = jdlens(['analyze', '--taxonomy', f, '--json'], { input: 'Product Manager\nskillword4999 and 技能17号' });
    expect(r.code, r.stderr).toBe(0);
    expect(parseReport(r.stdout).postings[0].skills.map((s: { id: string }) => s.id).sort()).toEqual(['s17', 's4999']);
  });

  it('a profile with the wrong types', () => {
    const f = write('me.yaml', 'years: lots\ndegree: wizard\nskills: prompt\n');
    const r = jdlens(['analyze', fixture('postings/zh-general-pm-tools.txt'), '--profile', f]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/me\.yaml:1: years: must be a number/);
    expect(r.stderr).toMatch(/me\.yaml:2: degree: unknown degree "wizard"/);
    expect(r.stderr).toMatch(/me\.yaml:3: skills: must be a list/);
  });
});

describe('--out that cannot be written', () => {
  it('under a file instead of a folder: an error before any work', () => {
    const r = jdlens(['analyze', fixture('postings'), '--out', join(dir, 'empty.txt', 'report.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not a folder/);
  });
});
