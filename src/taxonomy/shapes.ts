// The shapes of the YAML files a user writes — taxonomy and profile — as TypeBox schemas: what
// types and fields each part may hold is checked here, by the schema library, and every problem is
// reported as FILE:LINE: field.path: message. What the shapes cannot say (ids that must be unique,
// aliases two skills claim, a dimension that must exist, a weight's range) the loaders check after.
import { createRequire } from 'node:module';
import type { TSchema } from '@sinclair/typebox';
import type { ValueError } from '@sinclair/typebox/value';
import { ERAS } from './types.js';
import type { LoadedYaml } from './yaml-file.js';

// TypeBox is loaded when a YAML file is checked: a run on the precompiled default taxonomy never needs it
const require = createRequire(import.meta.url);
const typebox = () => require('@sinclair/typebox') as typeof import('@sinclair/typebox');
const typeboxValue = () => require('@sinclair/typebox/value') as typeof import('@sinclair/typebox/value');

function shapes() {
  const { Type } = typebox();

  const Text = Type.Union([Type.String({ minLength: 1 }), Type.Number()]);
  const Bilingual = Type.Object({ zh: Text, en: Text }, { additionalProperties: false });
  const Words = Type.Array(Text);
  const Aliases = Type.Object({ zh: Type.Optional(Words), en: Type.Optional(Words) }, { additionalProperties: false });
  const Weights = Type.Record(Type.String(), Type.Number());
  const Sense = Type.Object({ needs: Type.Optional(Words), not: Type.Optional(Words) }, { additionalProperties: false });

  const Category = Type.Object({ id: Text, label: Bilingual, description: Bilingual, source: Text }, { additionalProperties: false });
  const Dimension = Type.Object({ id: Text, label: Bilingual, source: Text }, { additionalProperties: false });
  const Skill = Type.Object(
    {
      id: Text,
      label: Bilingual,
      dimension: Text,
      aliases: Aliases,
      weights: Type.Optional(Weights),
      advice: Bilingual,
      source: Text,
      signalOnly: Type.Optional(Type.Boolean()),
      knowledge: Type.Optional(Type.Boolean()),
      senses: Type.Optional(Type.Record(Type.String(), Sense)),
      shows: Type.Optional(Type.Array(Text)),
      era: Type.Optional(Type.Union(ERAS.map((e) => Type.Literal(e)))),
    },
    { additionalProperties: false },
  );
  const Role = Type.Object(
    {
      id: Text,
      label: Bilingual,
      aliases: Aliases,
      weights: Type.Optional(Weights),
      titleFactor: Type.Optional(Type.Number()),
      bodyFactor: Type.Optional(Type.Number()),
      product: Type.Optional(Type.Boolean()),
      ai: Type.Optional(Type.Boolean()),
      source: Text,
    },
    { additionalProperties: false },
  );
  const SubLabelValue = Type.Object({ id: Text, label: Bilingual, aliases: Aliases, source: Text, senses: Type.Optional(Type.Record(Type.String(), Sense)) }, { additionalProperties: false });
  const SubLabelGroup = Type.Object({ id: Text, label: Bilingual, values: Type.Array(SubLabelValue) }, { additionalProperties: false });
  const Seed = Type.Object({ title: Text, url: Type.Optional(Type.String()) }, { additionalProperties: false });

  const TaxonomyShape = Type.Object(
    {
      id: Text,
      version: Text,
      label: Bilingual,
      seeds: Type.Optional(Type.Record(Type.String(), Seed)),
      categories: Type.Array(Category),
      dimensions: Type.Array(Dimension),
      skills: Type.Array(Skill),
      roles: Type.Optional(Type.Array(Role)),
      subLabels: Type.Optional(Type.Array(SubLabelGroup)),
    },
    { additionalProperties: false },
  );

  const ProfileSkill = Type.Union([Text, Type.Record(Type.String(), Type.Union([Type.Number(), Type.String(), Type.Null()]))]);
  const ProfileShape = Type.Object(
    {
      name: Type.Optional(Type.Union([Type.String(), Type.Null()])),
      years: Type.Optional(Type.Number()),
      degree: Type.Optional(Text),
      seniority: Type.Optional(Type.Union([Text, Type.Null()])),
      domains: Type.Optional(Type.Union([Words, Type.Null()])),
      languages: Type.Optional(Type.Union([Words, Type.Null()])),
      // `skills:` with every entry still commented out (as `profile init` writes it) is null
      skills: Type.Optional(Type.Union([Type.Array(ProfileSkill), Type.Null()])),
    },
    { additionalProperties: false },
  );
  return { TaxonomyShape, ProfileShape };
}

let built: ReturnType<typeof shapes> | undefined;
/** The shape of a taxonomy file and of a profile, built on first use. */
export const taxonomyShape = () => (built ??= shapes()).TaxonomyShape;
export const profileShape = () => (built ??= shapes()).ProfileShape;

/** What a schema error says, in the words the rest of jdlens uses. */
function message(e: ValueError): string {
  const { ValueErrorType } = typeboxValue();
  const t = (e.schema as { type?: string; anyOf?: { type?: string }[] }).type ?? (e.schema as { anyOf?: { type?: string }[] }).anyOf?.map((s) => s.type).find((x) => x && x !== 'null');
  // one of a few words (an era): name them
  const words = (e.schema as { anyOf?: { const?: unknown }[] }).anyOf?.map((s) => s.const);
  if (words?.length && words.every((w) => typeof w === 'string')) return `must be ${words.join(' or ')}`;
  switch (e.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'missing';
    case ValueErrorType.ObjectAdditionalProperties:
      return 'unknown field';
    case ValueErrorType.StringMinLength:
      return 'must be a non-empty string';
    default:
      if (t === 'object') return 'must be a mapping';
      if (t === 'array') return 'must be a list';
      if (t === 'string') return 'must be a non-empty string';
      if (t === 'number' || t === 'integer') return 'must be a number';
      if (t === 'boolean') return 'must be true or false';
      return e.message;
  }
}

type Style = 'brackets' | 'dots';

/** "skills[0].weights" (taxonomy) or "skills.0" (profile): how each loader names a field. */
function fieldName(path: (string | number)[], style: Style): string {
  if (path.length === 0) return '(top)';
  return path.map((p, i) => (typeof p === 'number' ? (style === 'brackets' ? `[${p}]` : `${i ? '.' : ''}${p}`) : `${i ? '.' : ''}${p}`)).join('');
}

/**
 * Every place a YAML document breaks its shape, one line each: file, line of the node, field, what
 * is wrong. A union's many alternatives make one complaint, at the deepest path that went wrong.
 */
export function shapeProblems(schema: TSchema, y: LoadedYaml, style: Style): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const e of typeboxValue().Value.Errors(schema, y.value)) {
    const path = e.path
      .split('/')
      .slice(1)
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const key = path.join('/');
    // a field already complained about (union alternatives, or its own sub-fields) says it once
    if ([...seen].some((s) => key === s || key.startsWith(`${s}/`))) continue;
    seen.add(key);
    out.push(`${y.file}:${y.lineOf(path)}: ${fieldName(path, style)}: ${message(e)}`);
    if (out.length >= 50) break;
  }
  return out;
}

/**
 * The shape's problems, then the loader's own checks of meaning, a field the shape already
 * complained about (or one inside it) named once.
 */
export function mergeProblems(shape: string[], meaning: string[]): string[] {
  const fieldOf = (line: string) => line.replace(/^.*?:\d+: /, '').replace(/: .*$/, '');
  const said = shape.map(fieldOf);
  const inside = (f: string) => said.some((s) => f === s || f.startsWith(`${s}.`) || f.startsWith(`${s}[`));
  return [...shape, ...meaning.filter((l) => !inside(fieldOf(l)))];
}
