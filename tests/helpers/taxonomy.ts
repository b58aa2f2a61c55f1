import { createAnalyzer, type Analyzer } from '../../src/analyze.js';
import { validateTaxonomy } from '../../src/taxonomy/load.js';
import type { Taxonomy } from '../../src/taxonomy/types.js';
import { parseYamlText } from '../../src/taxonomy/yaml-file.js';

const SEED = '000_e50b8844b51dd3ae.txt';

/** A small valid taxonomy as YAML; `skills` and `roles` are spliced in. */
export function taxonomyYaml(skills: string, roles = ''): string {
  const cats = ['model-side', 'application-side', 'traditional-ai', 'general-pm', 'not-pm']
    .map((id) => `  - { id: ${id}, label: { zh: ${id}, en: ${id} }, description: { zh: d, en: d }, source: ${SEED} }`)
    .join('\n');
  return `id: test\nversion: "1"\nlabel: { zh: 测试, en: test }\ncategories:\n${cats}\ndimensions:\n  - { id: dim, label: { zh: 维度, en: dim }, source: ${SEED} }\nskills:\n${skills}\n${roles ? `roles:\n${roles}\n` : ''}`;
}

export function skillYaml(id: string, aliases: { zh?: string[]; en?: string[] }, weights = '{ application-side: 1 }'): string {
  return `  - id: ${id}\n    label: { zh: ${id}, en: ${id} }\n    dimension: dim\n    aliases: { zh: [${(aliases.zh ?? []).join(', ')}], en: [${(aliases.en ?? []).join(', ')}] }\n    weights: ${weights}\n    advice: { zh: 建议, en: advice }\n    source: ${SEED}`;
}

export function taxonomyFrom(yaml: string): Taxonomy {
  const r = validateTaxonomy(parseYamlText(yaml, 'test.yaml', 'taxonomy'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.value;
}

export function analyzerFrom(yaml: string): Analyzer {
  return createAnalyzer(taxonomyFrom(yaml));
}
