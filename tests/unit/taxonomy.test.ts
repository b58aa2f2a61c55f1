import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JdlensError } from '../../src/errors.js';
import { loadTaxonomy, SEED_RE, validateTaxonomy } from '../../src/taxonomy/load.js';
import { CATEGORY_IDS } from '../../src/taxonomy/types.js';
import { inflectionsOf } from '../../src/segment/inflections.js';
import { segmentPhrase } from '../../src/segment/segment.js';
import { parseYamlText } from '../../src/taxonomy/yaml-file.js';
import { skillYaml, taxonomyYaml } from '../helpers/taxonomy.js';

const problems = (yaml: string) => {
  const r = validateTaxonomy(parseYamlText(yaml, 'bad.yaml', 'taxonomy'));
  return r.ok ? [] : r.problems;
};

describe('taxonomy validation', () => {
  it('accepts a well-formed taxonomy', () => {
    expect(problems(taxonomyYaml(skillYaml('a', { en: ['alpha'] })))).toEqual([]);
  });

  it("a sub-label value's senses are checked as a skill's: each key one of its own aliases", () => {
    const sub = (key: string) =>
      `${taxonomyYaml(skillYaml('a', { en: ['alpha'] }))}subLabels:\n  - id: modality\n    label: { zh: 模态, en: modality }\n    values:\n      - id: multimodal\n        label: { zh: 多模态, en: multimodal }\n        aliases: { en: [vision] }\n        source: 000_e50b8844b51dd3ae.txt\n        senses:\n          ${key}: { needs: [image] }\n`;
    expect(problems(sub('vision'))).toEqual([]);
    const p = problems(sub('voice'));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^bad\.yaml:\d+: subLabels\[0\]\.values\[0\]\.senses\.voice: "voice" is not one of this entry's aliases$/);
  });

  it('names file, line and field for an unknown dimension', () => {
    const yaml = taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace('dimension: dim', 'dimension: nope'));
    const p = problems(yaml);
    expect(p).toHaveLength(1);
    const line = yaml.split('\n').findIndex((l) => l.includes('dimension: nope')) + 1;
    expect(p[0]).toBe(`bad.yaml:${line}: skills[0].dimension: unknown dimension "nope"`);
  });

  it('rejects an unknown category in weights, a weight out of range, a duplicate id, a shared alias and a missing label', () => {
    const yaml = taxonomyYaml(
      [
        skillYaml('a', { en: ['alpha'] }, '{ bogus: 1 }'),
        skillYaml('b', { en: ['beta'] }, '{ general-pm: 9 }'),
        skillYaml('a', { en: ['gamma'] }),
        skillYaml('d', { en: ['Alpha'] }),
        skillYaml('e', { en: ['epsilon'] }).replace('label: { zh: e, en: e }', 'label: { zh: e }'),
      ].join('\n'),
    );
    const p = problems(yaml).join('\n');
    expect(p).toMatch(/skills\[0\]\.weights\.bogus: unknown category "bogus"/);
    expect(p).toMatch(/skills\[1\]\.weights\.general-pm: weight 9 is out of range/);
    expect(p).toMatch(/skills\[2\]\.id: duplicate id "a"/);
    expect(p).toMatch(/alias "Alpha" is claimed by "a" and "d"/);
    expect(p).toMatch(/skills\[4\]\.label\.en: missing/);
  });

  it('checks the shape with the schema library: an unknown field or a wrong type, with its line', () => {
    const p = problems(taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace('    source:', '    colour: blue\n    source:').replace('dimension: dim', 'dimension: [dim]')));
    expect(p.join('\n')).toMatch(/:\d+: skills\[0\]\.colour: unknown field/);
    expect(p.join('\n')).toMatch(/:\d+: skills\[0\]\.dimension: must be a non-empty string/);
  });

  it('takes an era of generative or classic, nothing else', () => {
    expect(problems(taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace('    source:', '    era: classic\n    source:')))).toEqual([]);
    const yaml = taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace('    source:', '    era: modern\n    source:'));
    const line = yaml.split('\n').findIndex((l) => l.includes('era: modern')) + 1;
    expect(problems(yaml)).toContain(`bad.yaml:${line}: skills[0].era: must be generative or classic`);
  });

  it('lets a user taxonomy cite any source, but not none', () => {
    expect(problems(taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace(/source: .*/, 'source: wikipedia')))).toEqual([]);
    expect(problems(taxonomyYaml(skillYaml('a', { en: ['alpha'] }).replace(/source: .*/, 'source: ""'))).join()).toMatch(/source/);
  });

  it('reports malformed YAML with line and column, as a JdlensError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jdlens-tax-'));
    const f = join(dir, 'broken.yaml');
    writeFileSync(f, 'id: x\nskills: [a, b\n');
    expect(() => loadTaxonomy(f)).toThrow(JdlensError);
    try {
      loadTaxonomy(f);
    } catch (e) {
      expect((e as JdlensError).details[0]).toMatch(/broken\.yaml:\d+:\d+: /);
    }
  });

  it('refuses alias bombs (yaml anchors expanding without bound)', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(',')}]`)].join('\n');
    expect(() => validateTaxonomy(parseYamlText(bomb, 'bomb.yaml', 'taxonomy'))).toThrow(JdlensError);
  });
});

describe('the default taxonomy', () => {
  const tax = loadTaxonomy();

  it('has the five categories and the twelve dimensions of DOMAIN.md', () => {
    expect(tax.categories.map((c) => c.id).sort()).toEqual([...CATEGORY_IDS].sort());
    expect(tax.dimensions.map((d) => d.id).sort()).toEqual(
      ['prompt-design', 'roi-evaluation', 'domain-expertise', 'model-understanding', 'model-lifecycle', 'application-architecture', 'aigc-tools', 'industry-tracking', 'mvp-validation', 'safety-compliance', 'search-ranking', 'product-fundamentals'].sort(),
    );
  });

  it('has at least 60 skills, every dimension used, every entry citing its seed', () => {
    expect(tax.skills.length).toBeGreaterThanOrEqual(60);
    for (const d of tax.dimensions) expect(tax.skills.some((s) => s.dimension === d.id)).toBe(true);
    // the default taxonomy cites the seed articles (or real postings), each of them named with its title and URL
    for (const e of [...tax.categories, ...tax.dimensions, ...tax.skills, ...tax.roles]) {
      expect(e.source.seed).toMatch(SEED_RE);
      expect(tax.seeds[e.source.seed]?.title, e.source.seed).toBeTruthy();
    }
    for (const [ref, s] of Object.entries(tax.seeds)) if (ref !== 'postings') expect(s.url, ref).toMatch(/^https:\/\//);
    const seeds = new Set(tax.skills.map((s) => s.source.seed));
    expect(seeds.size).toBeGreaterThanOrEqual(5);
  });

  it('has sub-labels for modality, business model, product family and employer type', () => {
    expect(tax.subLabels.map((g) => g.id).sort()).toEqual(['business-model', 'employer-type', 'modality', 'product-family']);
  });

  it('gives every skill advice and aliases, most in both languages', () => {
    for (const s of tax.skills) {
      expect(s.advice.zh.length).toBeGreaterThan(5);
      expect(s.advice.en.length).toBeGreaterThan(5);
    }
    const both = tax.skills.filter((s) => s.aliases.zh.length > 0 && s.aliases.en.length > 0).length;
    expect(both / tax.skills.length).toBeGreaterThan(0.9);
  });
});

describe('the JSON contract', () => {
  it('schema/report.schema.json is what src/contract/report.ts generates (npm run schema)', async () => {
    const { readFileSync } = await import('node:fs');
    const { reportSchema } = await import('../../src/contract/report.js');
    expect(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')).toBe(`${JSON.stringify(reportSchema(), null, 2)}\n`);
  });
});

describe('the default taxonomy lists no inflection by hand', () => {
  it('no English alias is a word form of another alias of the same skill, role or sub-label (matching already joins them)', () => {
    const t = loadTaxonomy();
    const owners = [...t.skills, ...t.roles, ...t.subLabels.flatMap((g) => g.values)].map((o) => ({ id: o.id, en: o.aliases.en }));
    const same: string[] = [];
    for (const o of owners) {
      const units = o.en.map((a) => segmentPhrase(a));
      for (let i = 0; i < o.en.length; i++) {
        for (let j = i + 1; j < o.en.length; j++) {
          const a = units[i]!;
          const b = units[j]!;
          if (a.length === b.length && a.every((u, k) => u.script === 'latin' && inflectionsOf(u.word).includes(b[k]!.word.toLowerCase()))) same.push(`${o.id}: ${o.en[i]} = ${o.en[j]}`);
        }
      }
    }
    expect(same).toEqual([]);
  });
});
