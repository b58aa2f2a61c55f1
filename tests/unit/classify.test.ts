import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { ownerPull } from '../../src/classify/classify.js';
import type { Mention } from '../../src/model.js';
import { analyzerFrom, skillYaml, taxonomyYaml } from '../helpers/taxonomy.js';

const roles = `  - id: pm
    label: { zh: 产品经理, en: PM }
    aliases: { zh: [产品经理], en: [product manager] }
    weights: { general-pm: 0.3, not-pm: -2 }
    source: 000_e50b8844b51dd3ae.txt
  - id: eng
    label: { zh: 工程师, en: engineer }
    aliases: { zh: [工程师], en: [engineer] }
    weights: { not-pm: 2 }
    bodyFactor: 0.1
    source: 000_e50b8844b51dd3ae.txt`;

const analyzer = analyzerFrom(
  taxonomyYaml(
    [
      skillYaml('pretraining', { zh: ['预训练'], en: ['pre-training'] }, '{ model-side: 2, general-pm: -1 }'),
      skillYaml('roi', { zh: ['ROI'], en: ['ROI'] }, '{ application-side: 2, general-pm: -0.5 }'),
      skillYaml('labeling', { zh: ['数据标注'], en: ['data labeling'] }, '{ traditional-ai: 2, general-pm: -0.5 }'),
      skillYaml('prd', { zh: ['PRD'], en: ['PRD'] }, '{ general-pm: 1 }'),
      skillYaml('coding', { zh: ['编程'], en: ['coding'] }, '{ not-pm: 2 }'),
    ].join('\n'),
    roles,
  ),
);

const classify = (text: string) => analyze({ source: 't', text }, analyzer).report.category;

describe('classify', () => {
  it('reaches all five categories', () => {
    expect(classify('大模型产品经理\n负责预训练数据与预训练评估').id).toBe('model-side');
    expect(classify('AIGC产品经理\n评估ROI,推动落地').id).toBe('application-side');
    expect(classify('AI产品经理\n负责数据标注流程').id).toBe('traditional-ai');
    expect(classify('产品经理\n撰写PRD').id).toBe('general-pm');
    expect(classify('算法工程师\n负责编程').id).toBe('not-pm');
  });

  it('lets the title decide PM or not: an engineer title with PM words in the body is not a PM role', () => {
    expect(classify('Machine learning engineer\nWork with the product manager on pre-training').id).toBe('not-pm');
    expect(classify('Product Manager\nWork with engineers on pre-training').id).toBe('model-side');
  });

  it('gives a confidence in [0, 1] and the hits that decided it', () => {
    const c = classify('大模型产品经理\n岗位职责\n负责预训练\n任职要求\n熟悉预训练与pre-training');
    expect(c.confidence).toBeGreaterThan(0.5);
    expect(classify('大模型产品经理\n负责预训练').confidence).toBeLessThan(c.confidence);
    expect(c.confidence).toBeLessThanOrEqual(1);
    expect(c.evidence.map((e) => e.id)).toContain('pretraining');
  });

  it('reads a title naming a PM role among others as a PM posting', () => {
    expect(classify('招聘 产品经理/前端工程师/后端工程师\n负责预训练数据').id).toBe('model-side');
  });

  it('calls a posting in which no word names a product role not a PM role, whatever skills it lists', () => {
    const c = classify('招聘 社群运营\n撰写PRD, 评估ROI');
    expect(c.id).toBe('not-pm');
    expect(c.confidence).toBeGreaterThanOrEqual(0.9);
  });

  it('calls a text with no signal at all not a PM role', () => {
    expect(classify('今天天气很好').id).toBe('not-pm');
  });

  it('counts repeated mentions with diminishing returns and the title once', () => {
    const m = (inTitle: boolean, strength: Mention['strength'] = 'required'): Mention => ({ text: 'x', line: 1, start: 0, end: 1, strength, context: '', inTitle, background: false, inRoleHeading: false, asksToKnow: false, proficiency: undefined });
    expect(ownerPull([m(false)], 2.5).pull).toBe(1);
    expect(ownerPull([m(false), m(false)], 2.5).pull).toBe(1.5);
    expect(ownerPull([m(true), m(true)], 2.5).pull).toBe(2.5);
    expect(ownerPull([m(false, 'preferred')], 2.5).pull).toBeLessThan(ownerPull([m(false, 'duty')], 2.5).pull);
  });
});
