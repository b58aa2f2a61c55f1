import type { Bilingual, Lang, Proficiency, Strength } from '../model.js';

/** The words of the human report, in both languages. */
export const T = {
  category: { zh: '岗位类型', en: 'Role' },
  confidence: { zh: '置信度', en: 'confidence' },
  why: { zh: '依据', en: 'Why' },
  between: { zh: '介于', en: 'between' },
  and: { zh: '与', en: 'and' },
  between2: { zh: '之间', en: '' },
  unreadLanguage: { zh: '注意：这份职位描述读来是{name}；jdlens 只读中文和英文，以下结果不可靠', en: 'Note: this posting reads as {name}; jdlens reads Chinese and English, so what follows is unreliable' },
  unreadPostings: { zh: '读来不是中文或英文的岗位（结果不可靠）', en: 'Postings in a language jdlens does not read (results unreliable)' },
  scores: { zh: '各类得分', en: 'Scores' },
  subLabels: { zh: '细分标签', en: 'Sub-labels' },
  skills: { zh: '技能要求', en: 'Skills asked for' },
  noSkills: { zh: '未识别到技能要求', en: 'No skills recognised' },
  mentioned: { zh: '也提到、但读来不是对你的要求', en: 'Also mentioned, not read as asked of you' },
  requirements: { zh: '硬性条件', en: 'Stated requirements' },
  line: { zh: '行', en: 'line' },
  language: { zh: '语言', en: 'Language' },
  untitled: { zh: '（无标题）', en: '(untitled)' },
  errors: { zh: '无法分析', en: 'Could not analyse' },
  checklist: { zh: '对照清单', en: 'Checklist' },
  checklistHint: { zh: '  （用 --profile 或 --resume 对照你自己的情况，得到差距与建议）', en: '  (pass --profile or --resume to see your gaps and advice)' },
  fit: { zh: '匹配度', en: 'Fit' },
  gaps: { zh: '你的差距', en: 'Your gaps' },
  requirementGaps: { zh: '未满足的硬性条件', en: 'Unmet requirements' },
  requirementUnknown: { zh: '无法核对的硬性条件（档案或简历中没有写）', en: 'Requirements your profile or résumé does not say' },
  youHave: { zh: '你：', en: 'you:' },
  missing: { zh: '缺失', en: 'missing' },
  partial: { zh: '不足', en: 'partial' },
  score: { zh: '分', en: 'score' },
  advice: { zh: '建议', en: 'Advice' },
  seed: { zh: '出处', en: 'From' },
  colCategory: { zh: '岗位类型', en: 'Category' },
  colLevel: { zh: '级别', en: 'Level' },
  bySeniority: { zh: '级别分布（写明级别的岗位）', en: 'Seniority (postings that state one)' },
  colShare: { zh: '占比', en: 'Share' },
  colPostings: { zh: '岗位数', en: 'Postings' },
  colDimension: { zh: '维度', en: 'Dimension' },
  colSkill: { zh: '技能', en: 'Skill' },
  colStrength: { zh: '要求强度', en: 'Strength' },
  colStatus: { zh: '状态', en: 'Status' },
  colTitle: { zh: '岗位', en: 'Posting' },
  colSource: { zh: '来源', en: 'Source' },
  more: { zh: '项未列出', en: 'more' },
  strengths: { zh: '你的优势', en: 'Your strengths' },
  summary: { zh: '市场概况', en: 'Market picture' },
  postings: { zh: '个岗位', en: 'postings' },
  duplicates: { zh: '个重复', en: 'duplicates' },
  errorsWord: { zh: '个错误', en: 'errors' },
  byCategory: { zh: '岗位类型分布', en: 'Postings by role' },
  byDimension: { zh: '各维度需求', en: 'Demand by dimension' },
  topSkills: { zh: '需求最多的技能', en: 'Skills in most demand' },
  strengthSplit: { zh: '必备/职责/加分/提及', en: 'required/duty/nice/mentioned' },
  learnFirst: { zh: '优先补齐（按岗位需求加权）', en: 'Learn first (weighted by how many postings want it)' },
  bestFit: { zh: '最匹配的岗位', en: 'Best-fitting postings' },
  duplicatesHead: { zh: '重复的岗位', en: 'Duplicate postings' },
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
