import { describe, expect, it } from 'vitest';
import { countOf, extractRequirements, minimumDegree } from '../../src/requirements/extract.js';
import { readText } from '../../src/analyze.js';
import { defaultAnalyzer } from '../helpers/reading.js';

const reqs = (text: string) => {
  const r = readText(text, defaultAnalyzer());
  return extractRequirements(r.norm, r.sections.lines);
};

describe('structured requirements', () => {
  it('reads years of experience in Chinese and English, not calendar years', () => {
    expect(reqs('产品经理\n任职要求\n1、3年以上互联网产品经验').find((r) => r.kind === 'years')?.value).toBe(3);
    expect(reqs('PM\nRequirements\n* 5+ years of product management experience').find((r) => r.kind === 'years')?.value).toBe(5);
    expect(reqs('PM\nRequirements\n* At least 3-5 years of experience in product').find((r) => r.kind === 'years')?.value).toBe(3);
    expect(reqs('团队成立于 2023 年').filter((r) => r.kind === 'years')).toEqual([]);
  });

  it('reads a degree however it is named: Bachelor or Master of …, a university degree; not "master the craft"', () => {
    const degrees = (t: string) => reqs(`PM\nRequirements\n${t}`).filter((r) => r.kind === 'degree').map((r) => r.value);
    expect(degrees('* Bachelor or Master of Business or Computer Science')).toEqual(['bachelor', 'master']);
    expect(degrees('- University degree in any field')).toEqual(['bachelor']);
    expect(degrees('* You want to master the craft of product')).toEqual([]);
  });

  it('reports a requirement once, and knows every line that states it', () => {
    const read = readText('两个岗位\n任职要求\n1、本科及以上学历，3年以上产品经验\n2、熟悉 SQL\n3、本科以上学历，3年以上数据分析经验', defaultAnalyzer());
    const stating = new Set<number>();
    const r = extractRequirements(read.norm, read.sections.lines, stating);
    expect(r.filter((x) => x.kind === 'degree').map((x) => x.line)).toEqual([3]);
    expect(r.filter((x) => x.kind === 'years').map((x) => x.line)).toEqual([3]);
    expect([...stating].sort()).toEqual([3, 5]);
  });

  it('reads years written in Chinese numerals and English number words, with experience near', () => {
    const years = (t: string) => reqs(`PM\n任职要求\n${t}`).filter((r) => r.kind === 'years').map((r) => r.value);
    expect(years('6.三年及以上产品策划工作经验。')).toEqual([3]);
    expect(years('两年以上B端产品经验')).toEqual([2]);
    expect(years('十年以上从业经验')).toEqual([10]);
    expect(years('二十年以上行业经验')).toEqual([20]);
    expect(years('* Two years of experience in B2B SaaS')).toEqual([2]);
    // a number word with no experience near is no requirement; nor is 一年一度
    expect(years('* We grew threefold in two years.')).toEqual([]);
    expect(years('一年一度的黑客松')).toEqual([]);
    expect(countOf('二十五')).toBe(25);
    expect(countOf('十十')).toBeNaN();
  });

  it('reads degrees and takes the lowest required one as the minimum', () => {
    const r = reqs('PM\n任职要求\n本科及以上学历,硕士优先');
    expect(r.filter((x) => x.kind === 'degree').map((x) => x.value)).toEqual(['bachelor', 'master']);
    expect(minimumDegree(r)).toBe('bachelor');
    expect(reqs("PM\nRequirements\nBachelor's degree in Computer Science").find((x) => x.kind === 'degree')?.value).toBe('bachelor');
  });

  it('reads majors, working language and industry background', () => {
    const r = reqs('PM\n任职要求\n计算机、人工智能等相关专业优先\n英语可作为工作语言\n有电商行业背景');
    expect(r.find((x) => x.kind === 'major')?.value).toBe('计算机、人工智能');
    expect(r.find((x) => x.kind === 'language')?.value).toBe('english');
    expect(r.find((x) => x.kind === 'industry')?.value).toBe('电商');
    expect(reqs('PM\n任职要求\n3、英语作为工作语言。').find((x) => x.kind === 'language')?.value).toBe('english');
  });

  it('reads a working language wherever a clause says how well it is used, each language named there once', () => {
    const langs = (t: string) => reqs(`PM\nRequirements\n${t}`).filter((r) => r.kind === 'language').map((r) => r.value);
    expect(langs('语言：中英双语熟练读写')).toEqual(['english', 'chinese']);
    expect(langs('- Chinese/English: good at speaking and writing')).toEqual(['english', 'chinese']);
    expect(langs('Fluent in English and Mandarin')).toEqual(['english', 'chinese']);
    expect(langs('Requirements: strong English, overlap with CET hours.')).toEqual(['english']);
    expect(langs('熟练使用日语者优先')).toEqual(['japanese']);
    // a language that names a market, a people's users or a time zone is no skill asked for
    expect(langs('Experience with the Chinese market and English-speaking users')).toEqual([]);
    expect(langs('Strong Chinese market knowledge')).toEqual([]);
    expect(langs('Work with our team on CET hours')).toEqual([]);
  });

  it('reads an industry named as a sector or space, not a generic "relevant industry experience"', () => {
    const industry = (t: string) => reqs(`PM\nRequirements\n${t}`).filter((r) => r.kind === 'industry').map((r) => r.value);
    expect(industry('* Hospitality sector experience helps')).toEqual(['Hospitality']);
    expect(industry('* Experienced in the payments sector and its rules.')).toEqual(['payments']);
    expect(industry('* Relevant industry experience required')).toEqual([]);
  });

  it('slices its evidence exactly out of the original text', () => {
    const text = 'PM\r\n任职要求\r\n１、３年以上经验';
    const read = readText(text, defaultAnalyzer());
    const r = extractRequirements(read.norm, read.sections.lines);
    for (const x of r) expect(text.slice(x.start, x.end)).toBe(x.text);
  });
});
