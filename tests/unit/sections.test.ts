import { describe, expect, it } from 'vitest';
import { sectionsOf } from '../helpers/reading.js';

const strengths = (text: string) => sectionsOf(text).lines.map((l) => (l.isHeading ? 'H' : l.strength));

describe('detectSections', () => {
  it('keeps the bars of a "Company | Role | Place" title and cleans each part', () => {
    const r = sectionsOf(['**COVU** | Sr. Product Manager | Remote (US) |', '', 'We build insurance software.'].join('\n'));
    expect(r.title).toBe('COVU | Sr. Product Manager | Remote (US)');
    expect(r.titleLine).toBe(1);
    expect(sectionsOf(['## AI产品经理：', '岗位职责'].slice(0, 1).join('\n')).title).toBe('AI产品经理');
  });

  it('reads Chinese headings for duties, requirements and nice-to-haves', () => {
    const text = 'AI产品经理\n岗位职责：\n1、负责产品规划\n任职要求：\n1、3年以上经验\n加分项：\n1、有大模型经验';
    expect(strengths(text)).toEqual(['unknown', 'H', 'duty', 'H', 'required', 'H', 'preferred']);
  });

  it('reads English headings with markdown decoration', () => {
    const text = 'Product Manager\n## Responsibilities\n* Own the roadmap\n## Requirements\n* 3+ years\n**Nice to have**\n* RAG';
    expect(strengths(text)).toEqual(['unknown', 'H', 'duty', 'H', 'required', 'H', 'preferred']);
  });

  it('marks an inline "…者优先" or "is a plus" line as a nice-to-have, but not 优先级', () => {
    const text = '产品经理\n任职要求\n1、本科\n2、有AIGC经验者优先\n3、能排定需求优先级\n4. Python is a plus';
    expect(strengths(text)).toEqual(['unknown', 'H', 'required', 'preferred', 'required', 'preferred']);
  });

  it('takes a heading with its first item on the same line', () => {
    const text = '标题\n任职要求：本科以上学历\n熟悉LLM';
    expect(strengths(text)).toEqual(['unknown', 'required', 'required']);
  });

  it('without headings, a numbered list restarting at 1 turns duties into requirements', () => {
    const text = '大模型产品经理\n1、负责平台规划\n2、推动落地\n1、3年以上经验\n2、熟悉LLM';
    expect(strengths(text)).toEqual(['unknown', 'duty', 'duty', 'required', 'required']);
  });

  it('reads bilingual headings part by part', () => {
    const text = 'PM\nAbout the role 岗位职责\n- a\nRequirements / 任职要求\n- b';
    expect(strengths(text)).toEqual(['unknown', 'H', 'duty', 'H', 'required']);
  });

  it('takes the title from front matter, else the first line that is not a heading', () => {
    expect(sectionsOf(['---', 'title: AI产品经理', '---', '岗位职责', 'x'].join('\n')).title).toBe('AI产品经理');
    expect(sectionsOf(['title: Senior PM', 'x'].join('\n')).title).toBe('Senior PM');
    expect(sectionsOf(['', '## 【广州】产品经理', '岗位职责'].join('\n')).title).toBe('广州 产品经理');
  });

  it('marks company and benefits sections as background', () => {
    const r = sectionsOf(['PM', '关于我们', '我们是AI公司', '岗位职责', '负责Agent'].join('\n'));
    expect(r.lines.map((l) => l.background)).toEqual([false, false, true, false, false]);
  });

  it("a prose line that begins with the employer's name (a part of the title), or with At/在 and then it, speaks of the company", () => {
    const en = sectionsOf(
      [
        'Acme Robotics | Senior Product Manager | Remote',
        'Acme Robotics uses machine learning and computer vision to sort parcels for the largest carriers.',
        "At Acme Robotics, we believe that warehouses should run themselves, and we're hiring a PM to help.",
        'Responsibilities',
        '- Acme Robotics customers rely on you: own the roadmap of our operator console',
        'Own the roadmap of the operator console with engineering and design every quarter.',
      ].join('\n'),
    );
    expect(en.lines.map((l) => l.background)).toEqual([false, true, true, false, false, false]);
    const zh = sectionsOf(['推荐策略产品经理-星河科技', '星河科技致力于用大模型重塑内容分发，服务上亿用户，是行业领先的平台公司。', '岗位职责', '1、负责推荐策略的规划与迭代，提升分发效率和用户留存'].join('\n'));
    expect(zh.lines.map((l) => l.background)).toEqual([false, true, false, false]);
    // a line whose first clause names a role speaks of the role
    const hiring = sectionsOf(['Acme Robotics | Senior Product Manager | Remote', 'Acme Robotics is hiring a Senior Product Manager to own the operator console.'].join('\n'));
    expect(hiring.lines.map((l) => l.background)).toEqual([false, false]);
    // a title's role part, a short line or a part of two letters is no employer's name
    const short = sectionsOf(['AI | Product Manager', 'AI products are what you will own here, end to end, from idea to launch.', 'Product Manager duties: own the roadmap and the launch of every release'].join('\n'));
    expect(short.lines.map((l) => l.background)).toEqual([false, false, false]);
  });
});
