import type { Bilingual, Lang, Proficiency, Strength } from '../model.js';

/** The words of the human report, in both languages. */
export const T = {
  category: { zh: '岗位类型', en: 'Role' },
  confidence: { zh: '置信度', en: 'confidence' },
  why: { zh: '依据', en: 'Why' },
  scores: { zh: '各类得分', en: 'Scores' },
  subLabels: { zh: '细分标签', en: 'Sub-labels' },
  skills: { zh: '技能要求', en: 'Skills asked for' },
  noSkills: { zh: '未识别到技能要求', en: 'No skills recognised' },
  requirements: { zh: '硬性条件', en: 'Stated requirements' },
  line: { zh: '行', en: 'line' },
  language: { zh: '语言', en: 'Language' },
  untitled: { zh: '（无标题）', en: '(untitled)' },
  errors: { zh: '无法分析', en: 'Could not analyse' },
} satisfies Record<string, Bilingual>;

export const STRENGTH_LABEL: Record<Strength, Bilingual> = {
  required: { zh: '必备', en: 'required' },
  duty: { zh: '职责', en: 'duty' },
  preferred: { zh: '加分', en: 'nice-to-have' },
  unknown: { zh: '提及', en: 'mentioned' },
};

export const PROFICIENCY_LABEL: Record<Proficiency, Bilingual> = {
  expert: { zh: '精通', en: 'expert' },
  proficient: { zh: '熟练', en: 'proficient' },
  familiar: { zh: '熟悉', en: 'familiar' },
  aware: { zh: '了解', en: 'aware' },
};

export function t(b: Bilingual, lang: Lang): string {
  return b[lang];
}
