import { JdlensError } from '../errors.js';
import { DEGREE_LEVELS, degreeOf, lexicon, SENIORITY_LEVELS, termWord } from '../lexicon/lexicon.js';
import { seniorityRank } from '../requirements/seniority.js';
import { languageOf } from '../requirements/extract.js';
import { aliasKey } from '../taxonomy/load.js';
import type { Taxonomy } from '../taxonomy/types.js';
import { mergeProblems, profileShape, shapeProblems } from '../taxonomy/shapes.js';
import { loadYamlFile, type LoadedYaml } from '../taxonomy/yaml-file.js';
import { closest } from './suggest.js';
import type { HeldSkill, Level, Reader } from './types.js';

/** Finds a skill by id or by any alias or label, in either language. */
export function skillResolver(tax: Taxonomy): { resolve(name: string): string | undefined; names: string[] } {
  const by = new Map<string, string>();
  for (const s of tax.skills) {
    by.set(aliasKey(s.id), s.id);
    by.set(aliasKey(s.label.zh), s.id);
    by.set(aliasKey(s.label.en), s.id);
    for (const a of [...s.aliases.zh, ...s.aliases.en]) if (!by.has(aliasKey(a))) by.set(aliasKey(a), s.id);
  }
  return { resolve: (name) => by.get(aliasKey(name)), names: tax.skills.map((s) => s.id) };
}

function level(v: unknown): Level | undefined {
  return v === 0 || v === 1 || v === 2 || v === 3 ? v : undefined;
}

/** Reads and checks a profile; unknown skills are named with the closest known ids, file and line. */
export function loadProfile(file: string, tax: Taxonomy): Reader {
  const y = loadYamlFile(file, 'profile');
  return validateProfile(y, tax);
}

export function validateProfile(y: LoadedYaml, tax: Taxonomy): Reader {
  const problems: string[] = [];
  const fail = (path: (string | number)[], msg: string) => problems.push(`${y.file}:${y.lineOf(path)}: ${path.join('.') || '(top)'}: ${msg}`);
  const root = (y.value ?? {}) as Record<string, unknown>;
  if (typeof root !== 'object' || Array.isArray(root)) throw new JdlensError('profile', `${y.file}: a profile is a mapping (name, years, degree, domains, skills)`);
  // the shape (types, fields) by the schema library, the meaning (degrees, skill names, levels) below;
  // a field the shape already complains about is not named twice
  const shape = shapeProblems(profileShape(), { ...y, value: root }, 'dots');
  const reader: Reader = { domains: [], languages: [], skills: new Map(), sources: [y.file] };

  if (root.name !== undefined) {
    if (typeof root.name === 'string') reader.name = root.name;
    else fail(['name'], 'must be text');
  }
  if (root.years !== undefined) {
    if (typeof root.years === 'number' && root.years >= 0 && root.years <= 60) reader.years = root.years;
    else fail(['years'], 'must be a number of years, 0 to 60');
  }
  if (root.seniority !== undefined && root.seniority !== null) {
    const v = String(root.seniority).trim().toLowerCase();
    if (seniorityRank(v) >= 0) reader.seniority = v;
    else fail(['seniority'], `unknown level "${String(root.seniority)}" (one of: ${SENIORITY_LEVELS.join(', ')})`);
  }
  if (root.degree !== undefined) {
    // a level (bachelor …) or any word the lexicon has for one (本科, Master's, PhD)
    const d = typeof root.degree === 'string' ? degreeOf(root.degree) : undefined;
    if (d) reader.degree = d;
    else {
      // the levels, and each one's first Chinese word in the lexicon (大专, 本科 …)
      const zh = DEGREE_LEVELS.map((l) => lexicon().data.degrees[l].find((w) => /\p{Script=Han}/u.test(w))).filter((w) => w !== undefined).map(termWord);
      fail(['degree'], `unknown degree "${String(root.degree)}" (one of: ${[...DEGREE_LEVELS, ...zh].join(', ')})`);
    }
  }
  for (const key of ['domains', 'languages'] as const) {
    const v = root[key];
    if (v === undefined) continue;
    // a language by any of its names ("英语", "English", "Mandarin") is the value a posting's requirement has
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) reader[key] = v.map((x: string) => (key === 'languages' ? languageOf(x) : undefined) ?? x.trim().toLowerCase());
    else fail([key], 'must be a list of words');
  }

  const { resolve, names } = skillResolver(tax);
  // `skills:` with every entry still commented out (as `profile init` writes it) is an empty list
  const skills = root.skills ?? undefined;
  if (skills !== undefined && !Array.isArray(skills)) fail(['skills'], 'must be a list');
  (Array.isArray(skills) ? skills : []).forEach((raw, i) => {
    // an entry is `id`, `{ id: x, level: n }` or `x: n`
    let name: unknown;
    let lv: unknown = 2;
    if (typeof raw === 'string') name = raw;
    else if (raw && typeof raw === 'object' && !Array.isArray(raw)) {
      const o = raw as Record<string, unknown>;
      if ('id' in o) {
        name = o.id;
        lv = o.level ?? 2;
      } else {
        const entries = Object.entries(o);
        if (entries.length === 1) [name, lv] = entries[0]!;
      }
    }
    if (typeof name !== 'string' || name.trim() === '') {
      fail(['skills', i], 'each skill is an id, "id: level" or { id, level }');
      return;
    }
    const lvl = level(lv);
    if (lvl === undefined) {
      fail(['skills', i], `level of "${name}" must be 0, 1, 2 or 3 (0 none, 1 aware, 2 practised, 3 led/shipped)`);
      return;
    }
    const id = resolve(name);
    if (!id) {
      fail(['skills', i], `unknown skill "${name}" (did you mean: ${closest(name, names).join(', ')}?)`);
      return;
    }
    const held: HeldSkill = { id, level: lvl, from: 'profile' };
    reader.skills.set(id, held);
  });
  for (const k of Object.keys(root)) {
    if (!['name', 'years', 'degree', 'seniority', 'domains', 'languages', 'skills'].includes(k)) fail([k], `unknown field (known: name, years, degree, seniority, domains, languages, skills)`);
  }
  const all = mergeProblems(shape, problems);
  if (all.length) throw new JdlensError('profile', `${y.file}: invalid profile (${all.length} problem${all.length === 1 ? '' : 's'})`, { details: all });
  return reader;
}
