import type { Bilingual } from '../model.js';

export const CATEGORY_IDS = ['model-side', 'application-side', 'traditional-ai', 'general-pm', 'not-pm'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Where an entry comes from: a seed article (file and section) or the postings themselves. */
export interface SourceRef {
  seed: string;
  section?: string;
}

export interface Category {
  id: CategoryId;
  label: Bilingual;
  description: Bilingual;
  source: SourceRef;
}

export interface Dimension {
  id: string;
  label: Bilingual;
  source: SourceRef;
}

export interface Aliases {
  zh: string[];
  en: string[];
}

/** When an ambiguous alias counts: its clause must hold one of `needs` (if given) and none of `not`. */
export interface Sense {
  needs?: string[];
  not?: string[];
}

export interface Skill {
  id: string;
  label: Bilingual;
  dimension: string;
  aliases: Aliases;
  weights: Partial<Record<CategoryId, number>>;
  advice: Bilingual;
  source: SourceRef;
  /** a signal of the role's kind ("AI", "人工智能") rather than a skill: it classifies, it is not listed */
  signalOnly: boolean;
  /** word senses of ambiguous aliases, by alias: 部署 counts only near a model word, 工作流 not with 容器 */
  senses?: Record<string, Sense>;
  /**
   * a field of knowledge (LLMs, ML, NLP …): listed as asked for only where the posting asks to know
   * it (熟悉/理解/原理/experience with …), not where it only names the topic ("基于大模型打造…")
   */
  knowledge: boolean;
  /**
   * skills that hands-on experience with this one shows on a résumé: who built an LLM-powered
   * assistant knows how LLMs work (ids of other skills)
   */
  shows?: string[];
  /**
   * which age of AI the skill belongs to: `generative` (LLMs, prompts, agents, image generation —
   * AI 2.0) or `classic` (recommendation, search, CV/NLP models trained for one task — AI 1.0);
   * none for a skill of no AI age. The category model reads whether a posting names any of either.
   */
  era?: Era;
}

/** The ages of AI a skill may belong to (the taxonomy's `era`). */
export const ERAS = ['generative', 'classic'] as const;
export type Era = (typeof ERAS)[number];

/** A role marker: words in a title or body that say what kind of job it is (PM, engineer …). */
export interface RoleMarker {
  id: string;
  label: Bilingual;
  aliases: Aliases;
  weights: Partial<Record<CategoryId, number>>;
  /** what a hit in the title counts (a skill's strongest mention counts 1) */
  titleFactor: number;
  /** what a hit in the body counts, times its section strength: PM postings name engineers too */
  bodyFactor: number;
  /** a product role (PM, product owner …) rather than another job (engineer, designer …) */
  product: boolean;
  /** names an AI product role (AI产品经理, LLM PM, strategy PM …) rather than a PM in general */
  ai: boolean;
  source: SourceRef;
}

export interface SubLabelValue {
  id: string;
  label: Bilingual;
  aliases: Aliases;
  source: SourceRef;
  /** word senses of ambiguous aliases, as a skill's: "vision" counts only near an image or model word */
  senses?: Record<string, Sense>;
}

export interface SubLabelGroup {
  id: string;
  label: Bilingual;
  values: SubLabelValue[];
}

export interface Taxonomy {
  /** the articles sources cite, by the name they cite them with: title and URL for a reader */
  seeds: Record<string, { title: string; url?: string }>;
  id: string;
  version: string;
  label: Bilingual;
  categories: Category[];
  dimensions: Dimension[];
  skills: Skill[];
  roles: RoleMarker[];
  subLabels: SubLabelGroup[];
  /** the file it was loaded from */
  file: string;
}

export const WEIGHT_MIN = -3;
export const WEIGHT_MAX = 3;
