import { fileURLToPath } from 'node:url';
import { JdlensError } from '../errors.js';
import type { Bilingual } from '../model.js';
import { mergeProblems, shapeProblems, taxonomyShape } from './shapes.js';
import { loadYamlFile, type LoadedYaml } from './yaml-file.js';
import {
  CATEGORY_IDS,
  ERAS,
  WEIGHT_MAX,
  WEIGHT_MIN,
  type Aliases,
  type Category,
  type CategoryId,
  type Dimension,
  type Era,
  type RoleMarker,
  type Sense,
  type Skill,
  type SourceRef,
  type SubLabelGroup,
  type Taxonomy,
} from './types.js';

export const DEFAULT_TAXONOMY = fileURLToPath(new URL('../../taxonomies/ai-pm.yaml', import.meta.url));

/** A seed file name as it stands in ../shared/seeds, or "postings": what the default taxonomy cites (a test holds it to this). */
export const SEED_RE = /^(\d{3}_[0-9a-f]{16}\.txt|postings)$/;
/** A taxonomy of this many entries is surely not meant; checking stays linear below it. */
const MAX_ENTRIES = 20_000;

type Path = (string | number)[];

class Checker {
  readonly problems: string[] = [];
  constructor(private readonly y: LoadedYaml) {}

  fail(path: Path, message: string): void {
    const field = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
    this.problems.push(`${this.y.file}:${this.y.lineOf(path)}: ${field}: ${message}`);
  }

  obj(v: unknown, path: Path): Record<string, unknown> | undefined {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    this.fail(path, v === undefined ? 'missing' : 'must be a mapping');
    return undefined;
  }

  list(v: unknown, path: Path, optional = false): unknown[] {
    if (v === undefined && optional) return [];
    if (Array.isArray(v)) {
      if (v.length > MAX_ENTRIES) {
        this.fail(path, `${v.length} entries is over the limit of ${MAX_ENTRIES}`);
        return v.slice(0, MAX_ENTRIES);
      }
      return v;
    }
    this.fail(path, v === undefined ? 'missing' : 'must be a list');
    return [];
  }

  str(v: unknown, path: Path): string {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
    this.fail(path, v === undefined ? 'missing' : 'must be a non-empty string');
    return '';
  }

  bool(v: unknown, path: Path): boolean {
    if (v === undefined) return false;
    if (typeof v === 'boolean') return v;
    this.fail(path, 'must be true or false');
    return false;
  }

  bilingual(v: unknown, path: Path): Bilingual {
    const o = this.obj(v, path);
    if (!o) return { zh: '', en: '' };
    // an unquoted comma in a flow mapping ({ en: a, b }) makes a stray key: say so
    for (const k of Object.keys(o)) if (k !== 'zh' && k !== 'en') this.fail([...path, k], `unexpected key "${k}" (only zh and en; quote text that holds a comma)`);
    return { zh: this.str(o.zh, [...path, 'zh']), en: this.str(o.en, [...path, 'en']) };
  }

  source(v: unknown, path: Path): SourceRef {
    if (typeof v === 'string') {
      // "001_x.txt §一.2" or "postings"
      // any source a user's taxonomy cites; the default taxonomy's seed rule is a test of its own
      const [seed = '', ...rest] = v.trim().split(/\s+/);
      if (!seed) this.fail(path, 'must name its source');
      return rest.length ? { seed, section: rest.join(' ') } : { seed };
    }
    this.fail(path, v === undefined ? 'missing (every entry cites its source)' : 'must be a string like "001_… .txt §一.2"');
    return { seed: '' };
  }

  aliases(v: unknown, path: Path): Aliases {
    const o = this.obj(v, path);
    if (!o) return { zh: [], en: [] };
    const out: Aliases = { zh: [], en: [] };
    for (const lang of ['zh', 'en'] as const) {
      const raw = this.list(o[lang], [...path, lang], true);
      raw.forEach((a, i) => {
        const s = this.str(a, [...path, lang, i]);
        if (s) out[lang].push(s);
      });
    }
    if (out.zh.length + out.en.length === 0) this.fail(path, 'needs at least one alias');
    return out;
  }

  weights(v: unknown, path: Path): Partial<Record<CategoryId, number>> {
    const o = this.obj(v, path);
    const out: Partial<Record<CategoryId, number>> = {};
    if (!o) return out;
    for (const [k, w] of Object.entries(o)) {
      if (!(CATEGORY_IDS as readonly string[]).includes(k)) {
        this.fail([...path, k], `unknown category "${k}" (known: ${CATEGORY_IDS.join(', ')})`);
        continue;
      }
      if (typeof w !== 'number' || !Number.isFinite(w)) {
        this.fail([...path, k], 'must be a number');
        continue;
      }
      if (w < WEIGHT_MIN || w > WEIGHT_MAX) {
        this.fail([...path, k], `weight ${w} is out of range [${WEIGHT_MIN}, ${WEIGHT_MAX}]`);
        continue;
      }
      out[k as CategoryId] = w;
    }
    return out;
  }
}

/** The key two aliases collide on: case, width and spacing do not make a different alias. */
export function aliasKey(alias: string): string {
  return alias.normalize('NFKC').toLowerCase().replace(/[\s\-_]+/g, ' ').trim();
}

export function validateTaxonomy(y: LoadedYaml): { ok: true; value: Taxonomy } | { ok: false; problems: string[] } {
  // the shape (types, fields) by the schema library, the meaning (ids, aliases, references, ranges)
  // by the checks below; a field the shape already complains about is not named twice
  const shape = shapeProblems(taxonomyShape(), y, 'brackets');
  const c = new Checker(y);
  const root = c.obj(y.value, []) ?? {};
  const ids = new Set<string>();
  const claimId = (id: string, path: Path) => {
    if (!id) return;
    if (ids.has(id)) c.fail(path, `duplicate id "${id}"`);
    ids.add(id);
  };

  const categories: Category[] = c.list(root.categories, ['categories']).map((raw, i) => {
    const p: Path = ['categories', i];
    const o = c.obj(raw, p) ?? {};
    const id = c.str(o.id, [...p, 'id']);
    if (id && !(CATEGORY_IDS as readonly string[]).includes(id)) c.fail([...p, 'id'], `unknown category "${id}" (known: ${CATEGORY_IDS.join(', ')})`);
    claimId(id, [...p, 'id']);
    return { id: id as CategoryId, label: c.bilingual(o.label, [...p, 'label']), description: c.bilingual(o.description, [...p, 'description']), source: c.source(o.source, [...p, 'source']) };
  });
  for (const id of CATEGORY_IDS) {
    if (!categories.some((k) => k.id === id)) c.fail(['categories'], `category "${id}" is missing`);
  }

  const dimensions: Dimension[] = c.list(root.dimensions, ['dimensions']).map((raw, i) => {
    const p: Path = ['dimensions', i];
    const o = c.obj(raw, p) ?? {};
    const id = c.str(o.id, [...p, 'id']);
    claimId(id, [...p, 'id']);
    return { id, label: c.bilingual(o.label, [...p, 'label']), source: c.source(o.source, [...p, 'source']) };
  });
  const dimIds = new Set(dimensions.map((d) => d.id));

  const aliasOwner = new Map<string, string>();
  /** senses: { <alias>: { needs: [words], not: [words] } }: each key one of the entry's own aliases */
  const senses = (v: unknown, path: Path, aliases: Aliases): { senses?: Record<string, Sense> } => {
    if (v === undefined) return {};
    const o = c.obj(v, path);
    if (!o) return {};
    const own = new Set([...aliases.zh, ...aliases.en]);
    const out: Record<string, Sense> = {};
    for (const [alias, raw] of Object.entries(o)) {
      const q = [...path, alias];
      if (!own.has(alias)) c.fail(q, `"${alias}" is not one of this entry's aliases`);
      const so = c.obj(raw, q);
      if (!so) continue;
      for (const k of Object.keys(so)) if (k !== 'needs' && k !== 'not') c.fail([...q, k], `unexpected key "${k}" (needs, not)`);
      const sense: Sense = {};
      for (const k of ['needs', 'not'] as const) {
        if (so[k] === undefined) continue;
        const words = c.list(so[k], [...q, k]).map((w, i) => c.str(w, [...q, k, i])).filter(Boolean);
        if (words.length) sense[k] = words;
      }
      if (!sense.needs && !sense.not) c.fail(q, 'needs "needs" or "not" (a list of words)');
      out[alias] = sense;
    }
    return { senses: out };
  };

  const claimAliases = (owner: string, aliases: Aliases, p: Path, scope: string) => {
    for (const lang of ['zh', 'en'] as const) {
      aliases[lang].forEach((a, j) => {
        const key = `${scope}:${aliasKey(a)}`;
        const prev = aliasOwner.get(key);
        if (prev && prev !== owner) c.fail([...p, 'aliases', lang, j], `alias "${a}" is claimed by "${prev}" and "${owner}"`);
        else aliasOwner.set(key, owner);
      });
    }
  };

  const era = (v: unknown, p: Path): { era?: Era } => {
    if (v === undefined) return {};
    const era = ERAS.find((e) => e === v);
    if (era) return { era };
    c.fail(p, `must be ${ERAS.join(' or ')}`);
    return {};
  };

  const skills: Skill[] = c.list(root.skills, ['skills']).map((raw, i) => {
    const p: Path = ['skills', i];
    const o = c.obj(raw, p) ?? {};
    const id = c.str(o.id, [...p, 'id']);
    claimId(id, [...p, 'id']);
    const dimension = c.str(o.dimension, [...p, 'dimension']);
    if (dimension && !dimIds.has(dimension)) c.fail([...p, 'dimension'], `unknown dimension "${dimension}"`);
    const aliases = c.aliases(o.aliases, [...p, 'aliases']);
    claimAliases(id, aliases, p, 'skill');
    return {
      id,
      label: c.bilingual(o.label, [...p, 'label']),
      dimension,
      aliases,
      weights: c.weights(o.weights, [...p, 'weights']),
      advice: c.bilingual(o.advice, [...p, 'advice']),
      source: c.source(o.source, [...p, 'source']),
      signalOnly: c.bool(o.signalOnly, [...p, 'signalOnly']),
      knowledge: c.bool(o.knowledge, [...p, 'knowledge']),
      ...senses(o.senses, [...p, 'senses'], aliases),
      ...(Array.isArray(o.shows) ? { shows: o.shows.filter((x): x is string => typeof x === 'string') } : {}),
      ...era(o.era, [...p, 'era']),
    };
  });
  // what a skill shows must be other skills of this taxonomy
  const skillIds = new Set(skills.map((s) => s.id));
  skills.forEach((s, i) =>
    (s.shows ?? []).forEach((x, j) => {
      if (!skillIds.has(x)) c.fail(['skills', i, 'shows', j], `unknown skill "${x}"`);
      else if (x === s.id) c.fail(['skills', i, 'shows', j], 'a skill cannot show itself');
    }),
  );

  const roles: RoleMarker[] = c.list(root.roles, ['roles'], true).map((raw, i) => {
    const p: Path = ['roles', i];
    const o = c.obj(raw, p) ?? {};
    const id = c.str(o.id, [...p, 'id']);
    claimId(id, [...p, 'id']);
    const aliases = c.aliases(o.aliases, [...p, 'aliases']);
    claimAliases(id, aliases, p, 'role');
    const factor = (key: 'titleFactor' | 'bodyFactor', dflt: number): number => {
      const v = o[key];
      if (v === undefined) return dflt;
      if (typeof v === 'number' && v >= 0 && v <= 10) return v;
      c.fail([...p, key], 'must be a number in [0, 10]');
      return dflt;
    };
    const weights = c.weights(o.weights, [...p, 'weights']);
    return {
      id,
      label: c.bilingual(o.label, [...p, 'label']),
      aliases,
      weights,
      // a product role unless it says otherwise; without the field, its pull toward not-pm decides
      product: o.product === undefined ? (weights['not-pm'] ?? 0) < 0 : c.bool(o.product, [...p, 'product']),
      ai: c.bool(o.ai, [...p, 'ai']),
      titleFactor: factor('titleFactor', 3),
      bodyFactor: factor('bodyFactor', 0.3),
      source: c.source(o.source, [...p, 'source']),
    };
  });

  const subLabels: SubLabelGroup[] = c.list(root.subLabels, ['subLabels'], true).map((raw, i) => {
    const p: Path = ['subLabels', i];
    const o = c.obj(raw, p) ?? {};
    const id = c.str(o.id, [...p, 'id']);
    claimId(id, [...p, 'id']);
    const values = c.list(o.values, [...p, 'values']).map((rv, j) => {
      const q: Path = [...p, 'values', j];
      const v = c.obj(rv, q) ?? {};
      const vid = c.str(v.id, [...q, 'id']);
      claimId(`${id}/${vid}`, [...q, 'id']);
      const aliases = c.aliases(v.aliases, [...q, 'aliases']);
      return { id: vid, label: c.bilingual(v.label, [...q, 'label']), aliases, source: c.source(v.source, [...q, 'source']), ...senses(v.senses, [...q, 'senses'], aliases) };
    });
    return { id, label: c.bilingual(o.label, [...p, 'label']), values };
  });

  // seeds: { <source>: { title, url } }: how advice names the article it comes from
  const seeds: Record<string, { title: string; url?: string }> = {};
  if (root.seeds !== undefined) {
    const so = c.obj(root.seeds, ['seeds']) ?? {};
    for (const [ref, raw] of Object.entries(so)) {
      const o = c.obj(raw, ['seeds', ref]);
      if (!o) continue;
      const title = c.str(o.title, ['seeds', ref, 'title']);
      if (o.url !== undefined && (typeof o.url !== 'string' || !/^https?:\/\//.test(o.url))) c.fail(['seeds', ref, 'url'], 'must be an http(s) URL');
      seeds[ref] = typeof o.url === 'string' ? { title, url: o.url } : { title };
    }
  }

  const value: Taxonomy = {
    seeds,
    id: c.str(root.id, ['id']),
    version: c.str(root.version, ['version']),
    label: c.bilingual(root.label, ['label']),
    categories,
    dimensions,
    skills,
    roles,
    subLabels,
    file: y.file,
  };
  const problems = mergeProblems(shape, c.problems);
  return problems.length ? { ok: false, problems } : { ok: true, value };
}

export function loadTaxonomy(file: string = DEFAULT_TAXONOMY): Taxonomy {
  const y = loadYamlFile(file, 'taxonomy');
  const result = validateTaxonomy(y);
  if (!result.ok) {
    const n = result.problems.length;
    throw new JdlensError('taxonomy', `${file}: invalid taxonomy (${n} problem${n === 1 ? '' : 's'})`, { details: result.problems });
  }
  return result.value;
}
