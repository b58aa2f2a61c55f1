import type { Bilingual, PostingLanguage, Proficiency, Strength } from '../model.js';
import type { Gap, RequirementGap, StrengthItem } from '../gaps/gaps.js';
import type { Summary } from '../summary/summary.js';
import type { CategoryId } from '../taxonomy/types.js';

export const SCHEMA_VERSION = 1;

export interface MentionOut {
  text: string;
  line: number;
  start: number;
  end: number;
  strength: Strength;
  proficiency?: Proficiency;
  context: string;
}

export interface SkillOut {
  id: string;
  label: Bilingual;
  dimension: string;
  strength: Strength;
  proficiency?: Proficiency;
  count: number;
  mentions: MentionOut[];
}

export interface EvidenceOut {
  kind: 'skill' | 'role' | 'sub';
  id: string;
  text: string;
  line: number;
  start: number;
  end: number;
  context: string;
  contribution: number;
}

export interface SubLabelOut {
  id: string;
  label: Bilingual;
  count: number;
  mentions: MentionOut[];
}

export interface RequirementOut {
  kind: 'years' | 'degree' | 'major' | 'language' | 'industry';
  /** years: the minimum; degree: bachelor|master|phd|associate; others: the id or text */
  value: string | number;
  label: Bilingual;
  strength: Strength;
  text: string;
  line: number;
  start: number;
  end: number;
}

export interface PostingReport {
  source: string;
  language: PostingLanguage;
  title: string;
  /** the roles a post lists (a hiring thread, "we're hiring across …"); empty for a one-role posting */
  roles: { title: string; line: number; isPm: boolean }[];
  category: {
    id: CategoryId;
    label: Bilingual;
    confidence: number;
    /** categories that come close (confidence at least half the winner's and 0.2), most likely first */
    alternatives: { id: CategoryId; confidence: number }[];
    evidence: EvidenceOut[];
  };
  scores: Record<CategoryId, number>;
  subLabels: Record<string, SubLabelOut[]>;
  skills: SkillOut[];
  requirements: RequirementOut[];
  /** with a profile or résumé: 0–100, see computeGaps */
  fit?: number;
  gaps?: Gap[];
  requirementGaps?: RequirementGap[];
  strengths?: StrengthItem[];
}

export interface DuplicateOut {
  source: string;
  duplicateOf: string;
}

export interface ErrorOut {
  source: string;
  code: string;
  message: string;
}

export interface Report {
  schemaVersion: number;
  tool: { name: string; version: string };
  taxonomy: { id: string; version: string };
  postings: PostingReport[];
  errors: ErrorOut[];
  duplicates?: DuplicateOut[];
  summary?: Summary;
}
