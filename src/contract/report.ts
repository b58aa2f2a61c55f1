// The JSON report, the versioned contract with other tools, defined once: the TypeScript types of
// the stages' outputs are derived from it (Static), and schema/report.schema.json is generated
// from it at build time (scripts/build-assets.mjs; a test holds the committed file to it).
// The code imports only types from here: TypeBox itself is loaded by the build and the tests.
import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

const Str = Type.String();
const Int0 = Type.Integer({ minimum: 0 });
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const CategoryIdT = Type.Union(['model-side', 'application-side', 'traditional-ai', 'general-pm', 'not-pm'].map((c) => Type.Literal(c)) as never as [TSchema], { $id: 'categoryId' });
const CategoryRef = Type.Unsafe<'model-side' | 'application-side' | 'traditional-ai' | 'general-pm' | 'not-pm'>(Type.Ref('categoryId'));
export const StrengthT = Type.Union([Type.Literal('required'), Type.Literal('duty'), Type.Literal('preferred'), Type.Literal('unknown')], { $id: 'strength' });
const StrengthRef = Type.Unsafe<Static<typeof StrengthT>>(Type.Ref('strength'));
export const ProficiencyT = Type.Union([Type.Literal('expert'), Type.Literal('proficient'), Type.Literal('familiar'), Type.Literal('aware')], { $id: 'proficiency' });
const ProficiencyRef = Type.Unsafe<Static<typeof ProficiencyT>>(Type.Ref('proficiency'));
export const BilingualT = Type.Object({ zh: Str, en: Str }, { $id: 'bilingual', additionalProperties: false });
const BilingualRef = Type.Unsafe<Static<typeof BilingualT>>(Type.Ref('bilingual'));

/** Where a quoted piece stands: the original input sliced at [start, end), its 1-based line. */
const offsets = {
  text: Type.String({ description: 'the original input sliced at [start, end)' }),
  line: Type.Integer({ minimum: 1 }),
  start: Int0,
  end: Int0,
};

export const MentionT = Type.Object(
  {
    ...offsets,
    strength: StrengthRef,
    proficiency: Type.Optional(ProficiencyRef),
    context: Type.String({ description: "the line the mention stands in (normalised, trimmed to 240 characters, in the posting's own script)" }),
  },
  { $id: 'mention', additionalProperties: false },
);
const MentionRef = Type.Unsafe<Static<typeof MentionT>>(Type.Ref('mention'));

export const EvidenceT = Type.Object(
  {
    ...offsets,
    kind: Type.Union([Type.Literal('skill'), Type.Literal('role'), Type.Literal('sub')]),
    id: Str,
    context: Str,
    contribution: Type.Number({ description: "what the line added toward the category over the runner-up, under the fitted weights" }),
  },
  { $id: 'evidence', additionalProperties: false },
);

export const SkillT = Type.Object(
  {
    id: Str,
    label: BilingualRef,
    dimension: Str,
    strength: StrengthRef,
    proficiency: Type.Optional(ProficiencyRef),
    count: Type.Integer({ minimum: 1 }),
    mentions: Type.Array(MentionRef, { minItems: 1 }),
  },
  { $id: 'skill', additionalProperties: false },
);

export const SubLabelT = Type.Object({ id: Str, label: BilingualRef, count: Type.Integer({ minimum: 1 }), mentions: Type.Array(MentionRef) }, { $id: 'subLabel', additionalProperties: false });

const RequirementKind = Type.Union([Type.Literal('years'), Type.Literal('degree'), Type.Literal('major'), Type.Literal('language'), Type.Literal('industry'), Type.Literal('seniority')]);
export const RequirementT = Type.Object(
  {
    ...offsets,
    kind: RequirementKind,
    value: Type.Union([Str, Type.Number()], { description: 'years: the minimum; degree: bachelor|master|phd|associate; seniority: intern|junior|mid|senior|staff|principal|director|vp (an ordered scale); others: the id or text' }),
    label: BilingualRef,
    strength: StrengthRef,
    agreesWithYears: Type.Optional(Type.Boolean({ description: 'seniority: whether the years of experience asked for fit the stated level (within one step)' })),
    fromYears: Type.Optional(Type.Boolean({ description: 'seniority: no level is stated; the years of experience asked for give it' })),
  },
  { $id: 'requirement', additionalProperties: false },
);

const Level = Type.Union([Type.Literal(0), Type.Literal(1), Type.Literal(2), Type.Literal(3)]);
export const GapT = Type.Object(
  {
    skillId: Str,
    label: BilingualRef,
    dimension: Str,
    status: Type.Union([Type.Literal('missing'), Type.Literal('partial')]),
    required: Level,
    held: Level,
    strength: StrengthRef,
    score: Type.Number(),
    evidence: MentionRef,
    advice: BilingualRef,
    source: Str,
    seed: Type.Optional(
      Type.Object({ title: Str, url: Type.Optional(Str) }, { additionalProperties: false, description: 'the article the advice comes from: its title and, where it has one, its URL' }),
    ),
  },
  { $id: 'gap', additionalProperties: false },
);

export const RequirementGapT = Type.Object(
  {
    kind: RequirementKind,
    label: BilingualRef,
    required: Type.Union([Str, Type.Number()]),
    held: Nullable(Type.Union([Str, Type.Number()])),
    met: Nullable(Type.Boolean(), ),
    evidence: Type.Optional(Str),
  },
  { $id: 'requirementGap', additionalProperties: false },
);

export const StrengthItemT = Type.Object(
  { skillId: Str, label: BilingualRef, dimension: Str, held: Level, evidence: MentionRef, resumeEvidence: Type.Optional(Str) },
  { $id: 'strengthItem', additionalProperties: false },
);

const Probability = Type.Number({ minimum: 0, maximum: 1 });
export const PostingT = Type.Object(
  {
    source: Str,
    language: Type.Union([Type.Literal('zh'), Type.Literal('en'), Type.Literal('mixed')]),
    unreadLanguage: Type.Optional(
      Type.Object({ code: Str, label: BilingualRef }, {
        additionalProperties: false,
        description:
          "present when the posting is written in a language jdlens does not read (it reads Chinese and English): its ISO 639-3 code as identified ('und' when the script says so but the language is not identified) and its name. The posting is still read as `language` says; its category, skills and requirements then deserve little trust",
      }),
    ),
    title: Str,
    roles: Type.Optional(
      Type.Array(Type.Object({ title: Str, line: Type.Integer({ minimum: 1 }), isPm: Type.Boolean() }, { additionalProperties: false }), {
        description: "the roles a post lists (hiring threads, numbered role lists); empty for a one-role posting. The category follows the PM role when one is listed; skills and requirements are that role's lines plus what the post asks of everyone",
      }),
    ),
    category: Type.Object(
      {
        id: CategoryRef,
        label: BilingualRef,
        confidence: Probability,
        alternatives: Type.Optional(
          Type.Array(Type.Object({ id: CategoryRef, confidence: Probability }, { additionalProperties: false }), {
            description: "categories whose confidence is at least 0.2 and at least half the winner's, most likely first",
          }),
        ),
        evidence: Type.Array(Type.Unsafe<Static<typeof EvidenceT>>(Type.Ref('evidence'))),
      },
      { additionalProperties: false },
    ),
    scores: Type.Object(
      { 'model-side': Type.Number(), 'application-side': Type.Number(), 'traditional-ai': Type.Number(), 'general-pm': Type.Number(), 'not-pm': Type.Number() },
      { additionalProperties: false, description: "the fitted model's probability of each category (with a user taxonomy without a model: its weighted sums)" },
    ),
    subLabels: Type.Record(Str, Type.Array(Type.Unsafe<Static<typeof SubLabelT>>(Type.Ref('subLabel')))),
    skills: Type.Array(Type.Unsafe<Static<typeof SkillT>>(Type.Ref('skill'))),
    mentioned: Type.Optional(
      Type.Array(
        Type.Object({ dimension: Str, label: BilingualRef, asked: Probability, skills: Type.Array(Str) }, { additionalProperties: false }),
        {
          description:
            "dimensions whose words the posting holds but the fitted gate does not read as asked of the reader (a blurb's 'we build AI agents'): the probability it gave and the skills named; with a fitted model only, most likely first",
        },
      ),
    ),
    requirements: Type.Array(Type.Unsafe<Static<typeof RequirementT>>(Type.Ref('requirement'))),
    fit: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    gaps: Type.Optional(Type.Array(Type.Unsafe<Static<typeof GapT>>(Type.Ref('gap')))),
    requirementGaps: Type.Optional(Type.Array(Type.Unsafe<Static<typeof RequirementGapT>>(Type.Ref('requirementGap')))),
    strengths: Type.Optional(Type.Array(Type.Unsafe<Static<typeof StrengthItemT>>(Type.Ref('strengthItem')))),
  },
  { $id: 'posting', additionalProperties: false },
);

export const ErrorT = Type.Object({ source: Str, code: Str, message: Str }, { $id: 'error', additionalProperties: false });

const shareRow = { id: Str, label: BilingualRef, postings: Int0, share: Probability };
export const ShareRowT = Type.Object(shareRow, { additionalProperties: false });
export const SkillDemandT = Type.Object({ ...shareRow, dimension: Str, byStrength: Type.Object({ required: Int0, duty: Int0, preferred: Int0, unknown: Int0 }, { additionalProperties: false }) }, { additionalProperties: false });
export const GapDemandT = Type.Object({ ...shareRow, dimension: Str, weight: Type.Number({ description: 'summed gap scores: what to learn first, weighted by how many postings want it' }), advice: BilingualRef }, { additionalProperties: false });
export const FitRowT = Type.Object({ source: Str, title: Str, category: CategoryRef, fit: Type.Integer({ minimum: 0, maximum: 100 }) }, { additionalProperties: false });

export const SummaryT = Type.Object(
  {
    postings: Int0,
    duplicates: Int0,
    errors: Int0,
    categories: Type.Array(ShareRowT),
    subLabels: Type.Record(Str, Type.Array(ShareRowT)),
    skills: Type.Array(SkillDemandT),
    dimensions: Type.Array(ShareRowT),
    seniority: Type.Optional(Type.Array(ShareRowT, { description: 'the level mix: postings per seniority level (intern … vp), those that state one' })),
    unreadLanguages: Type.Optional(
      Type.Array(ShareRowT, { description: 'postings written in a language jdlens does not read, per language (id: its ISO 639-3 code, see posting.unreadLanguage); present when there are any. They are counted above too' }),
    ),
    gaps: Type.Optional(Type.Array(GapDemandT, { description: "with a profile: the reader's most frequent gaps over the PM postings" })),
    fit: Type.Optional(Type.Array(FitRowT, { description: 'with a profile: the PM postings ranked by fit' })),
  },
  { $id: 'summary', additionalProperties: false },
);

export const ReportT = Type.Object(
  {
    schemaVersion: Type.Literal(SCHEMA_VERSION),
    tool: Type.Object({ name: Type.Literal('jdlens'), version: Str }, { additionalProperties: false }),
    taxonomy: Type.Object({ id: Str, version: Str }, { additionalProperties: false }),
    postings: Type.Array(Type.Unsafe<Static<typeof PostingT>>(Type.Ref('posting'))),
    errors: Type.Array(Type.Unsafe<Static<typeof ErrorT>>(Type.Ref('error'))),
    duplicates: Type.Optional(Type.Array(Type.Object({ source: Str, duplicateOf: Str }, { additionalProperties: false }))),
    summary: Type.Optional(Type.Unsafe<Static<typeof SummaryT>>(Type.Ref('summary'))),
  },
  { additionalProperties: false },
);

const DEFINITIONS = [CategoryIdT, StrengthT, ProficiencyT, BilingualT, MentionT, EvidenceT, SkillT, SubLabelT, RequirementT, GapT, RequirementGapT, StrengthItemT, PostingT, ErrorT, SummaryT];

/** The JSON Schema (draft-07) of the report, as schema/report.schema.json holds it. */
export function reportSchema(): object {
  const strip = (s: unknown): unknown => JSON.parse(JSON.stringify(s, (k, v) => (k === '$id' ? undefined : v)));
  const refs = (s: unknown): unknown => JSON.parse(JSON.stringify(s).replace(/"\$ref":"([a-zA-Z]+)"/g, '"$ref":"#/definitions/$1"'));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/jdlens/jdlens/schema/report.schema.json',
    title: 'jdlens report',
    description: 'What `jdlens analyze --json` prints. Generated from src/contract/report.ts. schemaVersion changes only when a field changes meaning or is removed; new optional fields may appear within a version.',
    ...(refs(strip(ReportT)) as object),
    definitions: Object.fromEntries(DEFINITIONS.map((d) => [d.$id!, refs(strip(d))])),
  };
}

export type CategoryIdOut = Static<typeof CategoryIdT>;
export type MentionOut = Static<typeof MentionT>;
export type EvidenceOut = Static<typeof EvidenceT>;
export type SkillOut = Static<typeof SkillT>;
export type SubLabelOut = Static<typeof SubLabelT>;
export type RequirementOut = Static<typeof RequirementT>;
export type Gap = Static<typeof GapT>;
export type RequirementGap = Static<typeof RequirementGapT>;
export type StrengthItem = Static<typeof StrengthItemT>;
export type PostingReport = Static<typeof PostingT>;
export type ErrorOut = Static<typeof ErrorT>;
export type ShareRow = Static<typeof ShareRowT>;
export type SkillDemand = Static<typeof SkillDemandT>;
export type GapDemand = Static<typeof GapDemandT>;
export type FitRow = Static<typeof FitRowT>;
export type Summary = Static<typeof SummaryT>;
export type DuplicateOut = { source: string; duplicateOf: string };
export type Report = Static<typeof ReportT>;
