import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { compileTaxonomy, type Pattern, type StoredList } from '../../src/match/compile.js';
import { DEFAULT_TAXONOMY, loadTaxonomy } from '../../src/taxonomy/load.js';
import { analyzerFrom, skillYaml, taxonomyYaml } from '../helpers/taxonomy.js';

const analyzer = analyzerFrom(
  taxonomyYaml(
    [
      skillYaml('ai', { zh: ['人工智能'], en: ['AI'] }),
      skillYaml('fine-tuning', { zh: ['微调'], en: ['fine-tuning', 'SFT'] }),
      skillYaml('prompt', { zh: ['提示词工程', 'Prompt工程'], en: ['prompt engineering'] }),
      skillYaml('product', { en: ['product strategy'] }),
      skillYaml('llm', { zh: ['大模型'], en: ['LLM'] }),
      skillYaml('ab', { zh: ['A/B测试'], en: ['A/B testing'] }),
    ].join('\n'),
  ),
);

const skillsOf = (text: string) => {
  const { report } = analyze({ source: 't', text }, analyzer);
  return report.skills;
};
const ids = (text: string) => skillsOf(text).map((s) => s.id).sort();

describe('role words against skill words in the real taxonomy', () => {
  it('keeps 产品经理 whole where a skill alias overlaps it (海外产品|经理)', async () => {
    const { loadAnalyzer } = await import('../../src/taxonomy/compiled.js');
    const real = loadAnalyzer();
    const { report, features } = analyze({ source: 't', text: '【海外产品经理】\n负责AIGC产品规划' }, real);
    // the role word is read in the title (what the category model sees), whatever the evidence shows first
    expect(features.map((f) => f.name)).toContain('role:pm-title@title');
    expect(report.category.id).not.toBe('not-pm');
  });
});

describe('alias matching', () => {
  it('never hits inside a longer word: "AI" is not in MAIL or PAID', () => {
    expect(ids('Send MAIL to the PAID tier')).toEqual([]);
    expect(ids('An AI-first team')).toEqual(['ai']);
  });

  it('matches English by stem: "fine-tuned models" hits "fine-tuning"', () => {
    expect(ids('Experience with fine-tuned models')).toEqual(['fine-tuning']);
  });

  it('does not match words that only share a Porter stem', () => {
    expect(ids('Productivity strategy for the team')).toEqual([]);
  });

  it('matches Chinese by whole tokens, with English terms inside Chinese sentences', () => {
    expect(ids('熟悉Prompt工程与SFT,了解大模型')).toEqual(['fine-tuning', 'llm', 'prompt']);
    expect(ids('负责提示词工程')).toEqual(['prompt']);
  });

  it('never matches across a line break', () => {
    expect(ids('prompt\nengineering')).toEqual([]);
    expect(ids('prompt engineering')).toEqual(['prompt']);
  });

  it('lets slashes and hyphens join the words of an alias', () => {
    expect(ids('Run A/B testing')).toEqual(['ab']);
    expect(ids('熟悉A/B测试')).toEqual(['ab']);
  });

  it('records the original text, line, offsets and section strength of every mention', () => {
    const text = 'ＡＩ产品经理\r\n任职要求：\r\n1、精通Ｐｒｏｍｐｔ工程\r\n2、有LLM经验者优先';
    const skills = skillsOf(text);
    for (const s of skills) for (const m of s.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    const prompt = skills.find((s) => s.id === 'prompt')!;
    expect(prompt.mentions[0]).toMatchObject({ text: 'Ｐｒｏｍｐｔ工程', line: 3, strength: 'required', proficiency: 'expert' });
    expect(skills.find((s) => s.id === 'llm')!.strength).toBe('preferred');
  });
});

describe('where matching looks for the patterns a token may start', () => {
  // the default taxonomy compiled in memory: every list as a plain list of patterns
  const compiled = compileTaxonomy(loadTaxonomy(DEFAULT_TAXONOMY));
  const name = (p: Pattern) => `${p.kind}:${p.owner}:${p.alias}`;
  const list = (l: StoredList | undefined) => (l as Pattern[]).map(name);

  it('a Latin word: its one-word patterns, and those whose second unit the next token can start, in the list order', () => {
    let checked = 0;
    for (const [key, stored] of Object.entries(compiled.index.latin)) {
      const all = stored as Pattern[];
      const starts = compiled.latinAt(key)!;
      const nexts = new Set<string | undefined>([undefined, 'zzz']);
      for (const p of all) if (p.units[1]) nexts.add(p.units[1].script === 'han' ? p.units[1].key[0] : p.units[1].key);
      for (const next of nexts) {
        const can = (p: Pattern) => {
          const u = p.units[1];
          if (!u) return true;
          if (next === undefined) return false;
          return u.script === 'han' ? u.key[0] === next : [u.key, ...compiled.table.formKeys[u.f!]!].includes(next);
        };
        expect(starts.after(next).map(name)).toEqual(all.filter(can).map(name));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('a Han character: the patterns by their whole first unit, each group in the list order', () => {
    for (const [first, stored] of Object.entries(compiled.index.han)) {
      const starts = compiled.hanAt(first)!;
      const units = new Set((stored as Pattern[]).map((p) => p.units[0]!.key));
      for (const u of units) expect((starts.byUnit.get(u) ?? []).map(name)).toEqual(list(stored).filter((_, i) => (stored as Pattern[])[i]!.units[0]!.key === u));
      expect(Math.max(...[...units].map((u) => u.length))).toBe(starts.longest);
    }
  });
});
