import type { Taxonomy } from '../taxonomy/types.js';

/** `jdlens profile init`: a commented profile template listing every skill of the taxonomy. */
export function profileTemplate(tax: Taxonomy): string {
  const out = [
    '# jdlens profile — who you are, for `jdlens analyze posting.txt --profile me.yaml`.',
    '# Levels: 0 none, 1 aware, 2 practised, 3 led/shipped. A bare skill id means 2.',
    '# Skills may be named by id or by any alias, in Chinese or English ("提示词工程", "RAG").',
    '',
    'name: ""',
    'years: 0            # years of product-management experience',
    'degree: bachelor    # associate | bachelor | master | phd (or 大专 | 本科 | 硕士 | 博士)',
    'seniority: mid      # intern | junior | mid | senior | staff | principal | director | vp',
    'domains: []         # industries you have worked in, e.g. [电商, content, fintech]',
    'languages: []       # working languages, e.g. [chinese, english]',
    'skills:',
    '  # uncomment what you have, and set a level where it is not 2',
  ];
  for (const d of tax.dimensions) {
    const skills = tax.skills.filter((s) => s.dimension === d.id && !s.signalOnly);
    if (!skills.length) continue;
    out.push('', `  # ${d.label.en} / ${d.label.zh}`);
    for (const s of skills) out.push(`  # - ${s.id}: 2`.padEnd(40) + `# ${s.label.zh} / ${s.label.en}`);
  }
  return `${out.join('\n')}\n`;
}
