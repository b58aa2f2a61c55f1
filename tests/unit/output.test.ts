import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { makeColor } from '../../src/cli/color.js';
import { canDraw } from '../../src/cli/progress.js';
import { quote, wrap } from '../../src/report/text.js';

const plain = new Chalk({ level: 0 });
const tty = { isTTY: true, columns: 120 } as NodeJS.WriteStream;

describe('output that fits', () => {
  it('quotes a line within its room by display width (CJK counts 2), the matched words marked and kept in view', () => {
    const line = '3.熟悉大模型训练、微调(SFT、LoRA)、评测与推理部署的技术链路,能够与算法团队一起定义模型评测体系,推动平台能力落地并持续迭代优化';
    const q = quote(line, '推理部署', 40, plain);
    expect(stringWidth(q)).toBeLessThanOrEqual(40);
    expect(q).toContain('[推理部署]');
    expect(q.endsWith('…')).toBe(true);
    const far = quote(line, '迭代优化', 40, plain);
    expect(far.startsWith('…')).toBe(true);
    expect(far).toContain('[迭代优化]');
    // colour marks without brackets
    expect(quote('Own the roadmap', 'roadmap', 80, new Chalk({ level: 1 }))).toBe(`Own the ${new Chalk({ level: 1 }).bold.yellow('roadmap')}`);
  });

  it('cuts English at word boundaries, never inside a word', () => {
    const q = quote('Work with machine-learning engineers on model objectives, features and training data, and decide what ships', 'features', 44, plain);
    expect(stringWidth(q)).toBeLessThanOrEqual(44);
    expect(q).toMatch(/^…?\[?[A-Za-z]/);
    const words = new Set('Work with machine-learning engineers on model objectives, features and training data, and decide what ships'.split(/[^A-Za-z]+/));
    for (const w of q.split(/[^A-Za-z]+/).filter(Boolean)) expect(words.has(w), w).toBe(true);
  });

  it('wraps long text into lines of the width', () => {
    for (const l of wrap('建议：收集 20 种以上同类提示词模板，对比优缺点，再为一个真实业务场景写出自己的模板并记录效果。Collect 20+ prompt templates for one kind of task.', 30)) expect(stringWidth(l)).toBeLessThanOrEqual(30);
  });

  it('colour: a terminal, unless NO_COLOR, FORCE_COLOR=0 or --no-color; FORCE_COLOR=1 anywhere', () => {
    expect(makeColor(tty, undefined, {}).level).toBe(1);
    expect(makeColor(tty, undefined, { NO_COLOR: '1' }).level).toBe(0);
    expect(makeColor(tty, undefined, { FORCE_COLOR: '0' }).level).toBe(0);
    expect(makeColor(tty, false, {}).level).toBe(0);
    expect(makeColor({ isTTY: false } as NodeJS.WriteStream, undefined, { FORCE_COLOR: '1' }).level).toBe(1);
  });

  it('a spinner only where it can draw: a terminal with a width, not TERM=dumb', () => {
    expect(canDraw(tty, {})).toBe(true);
    expect(canDraw({ isTTY: true, columns: 0 } as NodeJS.WriteStream, {})).toBe(false);
    expect(canDraw(tty, { TERM: 'dumb' })).toBe(false);
    expect(canDraw({ isTTY: false, columns: 80 } as NodeJS.WriteStream, {})).toBe(false);
  });
});
