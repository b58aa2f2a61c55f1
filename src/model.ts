// The data that flows through the pipeline: read → normalise → segment → match → sections → classify → report.

export type Lang = 'zh' | 'en';
export type Bilingual = { zh: string; en: string };
export type Strength = 'required' | 'duty' | 'preferred' | 'unknown';
export type PostingLanguage = 'zh' | 'en' | 'mixed';

/** A posting's raw text as read, before any change. */
export interface SourceText {
  source: string;
  text: string;
}

/** Text after NFKC and whitespace folding, with a map back to the original offsets. */
export interface NormalisedText {
  original: string;
  text: string;
  /** for each UTF-16 unit of `text`: start offset of the original unit(s) it came from */
  starts: Int32Array;
  /** for each UTF-16 unit of `text`: end offset (exclusive) in the original */
  ends: Int32Array;
  /** start offset (in `text`) of every line; lines are split on \n only */
  lineStarts: number[];
  /** Traditional characters were read as Simplified (`text` is Simplified, `original` is not) */
  simplified: boolean;
}

export type Script = 'han' | 'latin';

export interface Token {
  /** the token as written, in normalised text */
  text: string;
  /** the matching key: Porter stem of the lower-cased word for Latin, the word itself for Han */
  key: string;
  script: Script;
  /** offsets into the normalised text */
  start: number;
  end: number;
  /** 1-based line number */
  line: number;
}

/** The groups of lexicon terms: a hit of one group never overlaps another of the same group. */
export type TermGroup =
  | 'heading'
  | 'niceToHave'
  | 'notNiceToHave'
  | 'proficiency'
  | 'asksToKnow'
  | 'seniority'
  | 'levelCue'
  | 'employerLead'
  | 'degree'
  | 'major.field'
  | 'major.after'
  | 'major.before'
  | 'boilerplate'
  | 'voice'
  | 'language.cue'
  | 'language.quality'
  | 'language.notAfter'
  | `language:${string}`;

/** One lexicon term found in a line: its group, the value it stands for, where it stands in the line (Line.text). */
export interface TermHit {
  group: TermGroup;
  value: string;
  col: number;
  colEnd: number;
}

export interface Line {
  /** 1-based */
  number: number;
  text: string;
  /** the line's strength: its section's, or preferred when a nice-to-have marker stands in it */
  strength: Strength;
  /** the strength of the section the line stands in, whatever markers it holds */
  section: Strength;
  isHeading: boolean;
  /** in a section about the company, benefits or how to apply: not something the posting asks for */
  background: boolean;
  /** a markdown or bold heading that is not a section heading: a role's name on a page of several */
  roleHeading: boolean;
  /** the lexicon's terms in the line (headings, markers, degrees …), in order */
  terms: readonly TermHit[];
}

export interface Mention {
  text: string;
  line: number;
  /** offsets into the original input: original.slice(start, end) === text */
  start: number;
  end: number;
  strength: Strength;
  /** the proficiency word before it in its clause (精通, familiar with …), if any */
  proficiency: Proficiency | undefined;
  /** the whole line the mention stands in, normalised (NFKC) but in its own script, trimmed to 240 characters */
  context: string;
  inTitle: boolean;
  background: boolean;
  /** stands in a role heading (see Line.roleHeading) */
  inRoleHeading: boolean;
  /** its clause asks the reader to know something (熟悉, 理解, experience with …) */
  asksToKnow: boolean;
}

export type Proficiency = 'expert' | 'proficient' | 'familiar' | 'aware';

export interface SkillHit {
  id: string;
  mentions: Mention[];
}
