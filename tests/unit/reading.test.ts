import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, createAnalyzer, readText, type Analyzer } from '../../src/analyze.js';
import { isJdlensError } from '../../src/errors.js';
import { readLexiconFiles, type LexiconData } from '../../src/lexicon/lexicon.js';
import { compileTaxonomy } from '../../src/match/compile.js';
import { extractRequirements } from '../../src/requirements/extract.js';
import { loadTaxonomy } from '../../src/taxonomy/load.js';

const analyzer = createAnalyzer(loadTaxonomy());
const strengths = (text: string) => readText(text, analyzer).sections.lines.map((l) => (l.isHeading ? 'H' : l.background ? 'bg' : l.strength));
const skillIds = (text: string) => analyze({ source: 't', text }, analyzer).report.skills.map((s) => s.id);
const subLabelIds = (text: string) => Object.entries(analyze({ source: 't', text }, analyzer).report.subLabels).flatMap(([g, vs]) => vs.map((v) => `${g}/${v.id}`));

describe('sections that hold on postings nobody here wrote', () => {
  it('a nice-to-have heading in the middle does not make the numbered lists above it company intro', () => {
    const text = '高级产品经理\n\n1、负责客服系统的产品规划\n2、推动大模型能力落地\n1、本科以上学历\n2、3年以上B端经验\n\n优先考虑：\n1、有工单系统经验';
    expect(strengths(text)).toEqual(['unknown', 'bg', 'duty', 'duty', 'required', 'required', 'required', 'H', 'preferred']);
  });

  it('headings are read from their words, not a list of phrases: unseen wordings of duties and requirements', () => {
    expect(strengths('产品经理\n## 核心职责\n- 规划产品\n## 必备要求\n- 本科')).toEqual(['unknown', 'H', 'duty', 'H', 'required']);
    expect(strengths("PM\n**What you'll bring to the team:**\n- SQL\n**Key responsibilities of this role**\n- roadmap")).toEqual(['unknown', 'H', 'required', 'H', 'duty']);
  });

  it('a heading of duties and requirements together lets the numbered lists decide', () => {
    expect(strengths('产品经理\n## 岗位要求、职责\n1. 负责规划\n2. 推动落地\n1. 本科\n2. 英语')).toEqual(['unknown', 'H', 'duty', 'duty', 'required', 'required']);
  });

  it('numbered items in every common form mark the turn to requirements', () => {
    for (const [a, b] of [['1，', '2，'], ['①', '②'], ['(1)', '(2)'], ['１．', '２．']]) {
      const text = `产品经理\n${a}负责规划\n${b}推动落地\n${a}本科以上\n${b}熟悉SQL`;
      expect(strengths(text), a).toEqual(['unknown', 'duty', 'duty', 'required', 'required']);
    }
  });

  it('English headings of benefits, the company, diversity and "who are you" take their kind from their words', () => {
    const r = strengths('Product Manager\n### Who are you?\n* 5+ years in product\n### _What we have for you, in short:_\n* Flexible hours\n_ **About Acme:**_\nAcme builds tools\n** _Our commitment to diversity and inclusion:_**\nWe hire widely');
    expect(r).toEqual(['unknown', 'H', 'required', 'H', 'bg', 'H', 'bg', 'H', 'bg']);
  });

  it('what a role is responsible for, and is not, what is desired and what a company values take their kind from their words', () => {
    const r = strengths('Product Manager\nThe Product Manager is responsible for:\n* Own the discovery\n### Not responsible for, in this role\n- Technical decisions\n**Desired Characteristics:**\n* SQL\n### Our core values\n* Act with care\n#### 👋 Role\n* Ship');
    expect(r).toEqual(['unknown', 'H', 'duty', 'H', 'bg', 'H', 'preferred', 'H', 'bg', 'H', 'duty']);
    expect(strengths('产品经理\n必备条件：\n1、本科\n岗位亮点\n- 不打卡')).toEqual(['unknown', 'H', 'required', 'H', 'bg']);
  });

  it('where and when the work is done is background in both languages, whatever section it stands in', () => {
    const r = strengths('Product Manager\n## Requirements\n- 3+ years in product\n- This is a fully remote position, overlapping US time zones\n- The base pay ranges from $100,000/year\n- Offers depend on a background check\n任职要求\n1、本科\n2、工作地点：上海\n3、能接受短期出差');
    expect(r).toEqual(['unknown', 'H', 'required', 'bg', 'bg', 'bg', 'H', 'required', 'bg', 'bg']);
    // working with people in other time zones is asked of the reader, not a term of the job
    expect(strengths('PM\n## Requirements\n- Experience leading work with stakeholders across time zones\n任职要求\n1、能与不同时区的团队协作')).toEqual(['unknown', 'H', 'required', 'H', 'required']);
    // a hiring thread's lead-in to its list of roles asks nothing
    expect(strengths('Acme | Remote\nWe are actively hiring across teams:\n- Product Manager\n- Backend Engineer')).toEqual(['unknown', 'bg', 'unknown', 'unknown']);
  });

  it('a number and a space open an item only before Chinese text: "16 weeks of leave" is no list item', () => {
    expect(strengths('PM\n## Benefits\n* 16 weeks of paid parental leave\n* Health insurance')).toEqual(['unknown', 'H', 'bg', 'bg']);
  });

  it('a heading the lexicon cannot name ends the company text before it', () => {
    expect(strengths('PM\n## 工作性质\n全职\n## 数据平台组\n- 负责指标体系')).toEqual(['unknown', 'H', 'bg', 'unknown', 'unknown']);
  });

  it('a heading the lexicon cannot name ends a section of requirements from the same height, not from below', () => {
    // "### Extra information" stands as high as "### Qualifications": what follows is no requirement
    expect(strengths('PM\n### Qualifications\n- 5+ years in product\n### Extra information\n- Our office has a rooftop garden')).toEqual(['unknown', 'H', 'required', 'unknown', 'unknown']);
    // a bold line under a markdown heading is a part of its section
    expect(strengths('PM\n### Qualifications\n**Analytics**\n- SQL and dashboards')).toEqual(['unknown', 'H', 'required', 'required']);
    // a known heading word keeps its kind at any height: "You" and "Tech stack" ask for something
    expect(strengths('PM\n#### Role\n- Own growth\n#### 👋 You\n- 5+ years in product\n#### Tech stack\n- Amplitude')).toEqual(['unknown', 'H', 'duty', 'H', 'required', 'H', 'required']);
  });

  it('where the work is done, and whom the role reports to, are background', () => {
    const r = strengths('Product Manager\n## Requirements\n- 4+ years in product\n- This role is onsite in Austin\n- The role reports to the VP of Product\n- Experience with analytics tools');
    expect(r).toEqual(['unknown', 'H', 'required', 'bg', 'bg', 'required']);
  });

  it('a line of pay alone, a link without its scheme and an @handle are background; a range of years is not', () => {
    const r = strengths('Product Manager\nRequirements\n- 3-5 years of product experience\n$150,000—$190,000 USD\n1) RMB 25-35K per month, open to discussion\nMore: notion.so/acme-careers\n电报群：@acme_jobs\n- 10-20% of your time on research');
    expect(r).toEqual(['unknown', 'H', 'required', 'bg', 'bg', 'bg', 'bg', 'required']);
  });

  it('benefits headings in the words postings use: "Why join X?", "What we have to offer"', () => {
    const r = strengths('Product Manager\n## Requirements\n- 3+ years in product\n### Why join Lumenfield?\n- A team of exceptional engineers\n## What we have to offer\n- A learning budget\n- Remote work flexibility');
    expect(r).toEqual(['unknown', 'H', 'required', 'H', 'bg', 'H', 'bg', 'bg']);
  });

  it('legal notices, encouragement to apply and job-board tags are background; the requirement beside them is not', () => {
    const r = strengths(
      'Product Manager\n## Requirements\n- 3+ years in product\n- Even if you do not meet every point above, we encourage you to apply.\n- Qualified applicants with criminal histories will be considered.\n- See our candidate privacy notice.\n_#LI-Hybrid_\n- Experience with analytics tools',
    );
    expect(r).toEqual(['unknown', 'H', 'required', 'bg', 'bg', 'bg', 'bg', 'required']);
  });

  it('benefits, equal opportunity and how to apply are background in both languages', () => {
    const r = strengths('Product Manager\n## Responsibilities\n- Own the roadmap\n- We offer health insurance, 401k and parental leave\n- We are an equal opportunity employer regardless of race\n- To apply, send your resume\n岗位职责\n1、负责产品规划\n2、五险一金，带薪年假');
    expect(r).toEqual(['unknown', 'H', 'duty', 'bg', 'bg', 'bg', 'H', 'duty', 'bg']);
  });
});

describe('word senses: an ambiguous alias counts only where its clause means it', () => {
  it('an alias matches whole words only: 上线 is not in 线上线下, 数据集 not in 数据集成 (the lexicon\'s words teach the segmenter)', () => {
    expect(skillIds('产品经理\n岗位职责\n1、负责新功能上线与迭代')).toContain('project-management');
    expect(skillIds('产品经理\n岗位职责\n1、负责线上线下渠道融合')).not.toContain('project-management');
    expect(skillIds('产品经理\n岗位职责\n1、构建高质量训练数据集')).toContain('training-data');
    expect(skillIds('产品经理\n岗位职责\n1、负责数据集成与治理')).not.toContain('training-data');
  });

  it('data sets and compute belong to models only near a model word', () => {
    expect(skillIds('Product Manager\nRequirements\n- Experience curating datasets for model training')).toContain('training-data');
    expect(skillIds('Product Manager\nRequirements\n- Basic SQL, able to query multiple data sets')).not.toContain('training-data');
    expect(skillIds('Product Manager\nRequirements\n- Understanding of GPU compute for LLM inference')).toContain('ai-infra-mlops');
    expect(skillIds('Product Manager\nRequirements\n- Background in cloud computing and storage')).not.toContain('ai-infra-mlops');
  });

  it('部署 is model deployment near a model word, not for smart contracts', () => {
    expect(skillIds('产品经理\n岗位职责\n1、负责把训练好的模型部署到线上并监控效果')).toContain('deployment-inference');
    expect(skillIds('产品经理\n岗位职责\n1、负责智能合约的部署与升级')).not.toContain('deployment-inference');
  });

  it('召回 is retrieval, not winning back users; 信息流 is a feed, not a flow beside 资金流; 优先级排序 is no ranking', () => {
    expect(skillIds('产品经理\n岗位职责\n1、优化向量召回与排序策略')).toContain('search-strategy');
    expect(skillIds('产品经理\n岗位职责\n1、制定拉新、留存及召回策略')).not.toContain('search-strategy');
    expect(skillIds('产品经理\n岗位职责\n1、负责首页信息流的个性化分发')).toContain('recommendation-systems');
    expect(skillIds('产品经理\n岗位职责\n1、梳理订单的资金流和信息流')).not.toContain('recommendation-systems');
    expect(skillIds('产品经理\n岗位职责\n1、对需求做优先级排序')).not.toContain('search-strategy');
  });

  it('"industry experience" is work outside academia, no industry: a domain counts where it is named', () => {
    expect(skillIds('Machine Learning Engineer\nRequirements\n- 5+ years of industry experience in applied machine learning')).not.toContain('domain-vertical');
    expect(skillIds('Product Manager\nRequirements\n- 3+ years of fintech industry experience')).toContain('finance-insurance');
  });

  it('backend and frontend are skills when asked for, not the engineers one works beside', () => {
    expect(skillIds('Engineer\nRequirements\n- 5+ years of backend development in Go')).toContain('software-engineering');
    expect(skillIds('Product Manager\nResponsibilities\n- Lead a team of frontend developers and a designer')).not.toContain('software-engineering');
  });

  it('对齐 is alignment only with a model, not 对齐指标和节奏', () => {
    expect(skillIds('产品经理\n岗位职责\n1、推动模型与人类偏好的对齐')).toContain('fine-tuning');
    expect(skillIds('产品经理\n岗位职责\n1、与研发对齐指标、节奏和交付')).not.toContain('fine-tuning');
  });

  it('trade-offs are no trading, training people is no model training, a chain of blocks is no prompt chaining', () => {
    expect(skillIds('Product Manager\nResponsibilities\n- Make trade-offs between scope and time')).not.toContain('finance-insurance');
    expect(skillIds('Product Manager\nResponsibilities\n- Build trading tools for crypto markets')).toContain('finance-insurance');
    expect(skillIds('Product Manager\nResponsibilities\n- Lead training for new employees')).not.toContain('model-training');
    expect(skillIds('Product Manager\nResponsibilities\n- Own the training pipelines of our LLM models')).toContain('model-training');
    expect(skillIds('Product Manager\nResponsibilities\n- Integrate apps with BNB chaining and bridges')).not.toContain('workflow-orchestration');
  });

  it('转化为 ("turn into") is no conversion metric; 容器编排 is no workflow orchestration', () => {
    expect(skillIds('产品经理\n岗位职责\n1、把用户需求转化为产品方案')).not.toContain('metrics-growth');
    expect(skillIds('产品经理\n岗位职责\n1、提升注册转化与留存')).toContain('metrics-growth');
    expect(skillIds('产品经理\n岗位职责\n1、负责容器编排平台的规划')).not.toContain('workflow-orchestration');
    expect(skillIds('产品经理\n岗位职责\n1、设计Agent的任务编排与工具调用')).toContain('workflow-orchestration');
  });

  it('an industry is named by its own words: a chat or trading bot is no robot, a team trip no travel business, cost alone no ROI', () => {
    expect(skillIds('产品经理\n岗位职责\n1、负责客服机器人与问答机器人的体验优化')).not.toContain('automotive-hardware');
    expect(skillIds('产品经理\n岗位职责\n1、负责人形机器人的交互产品规划')).toContain('automotive-hardware');
    expect(skillIds('产品经理\n岗位职责\n1、负责酒店与出行预订的搜索体验')).toContain('travel-local');
    expect(skillIds('产品经理\n任职要求\n1、负责组织公司旅游与年会')).not.toContain('travel-local');
    expect(skillIds('Product Manager\nRequirements\n- Willing to travel up to 20%')).not.toContain('travel-local');
    expect(skillIds('Product Manager\nResponsibilities\n- Balance latency, cost and quality of our LLM features')).toContain('roi-analysis');
    expect(skillIds('Product Manager\nResponsibilities\n- Reduce the cost of shipping orders')).not.toContain('roi-analysis');
  });
});

describe("a line that speaks of the employer by name is the company's, not what it asks", () => {
  it('a skill named only where the company describes itself is not listed', () => {
    const text = (line: string) => `Acme Logistics | Product Manager | Remote\nRequirements\n${line}\n- Own the roadmap of our dispatch console\n- Write clear product requirements`;
    expect(skillIds(text('Acme Logistics has experience with machine learning to route millions of parcels every day.'))).not.toContain('ml-dl-basics');
    expect(skillIds(text('Experience with machine learning to route millions of parcels every day.'))).toContain('ml-dl-basics');
  });
});

describe('word senses: a query, a Copilot, a bill and a policy', () => {
  it('a query is a search query near search words, not an SQL query or React Query', () => {
    expect(skillIds('产品经理\n岗位职责\n1、优化Query理解与召回排序策略')).toContain('search-strategy');
    expect(skillIds('Product Manager\nRequirements\n- Basic SQL knowledge, able to query our warehouse')).not.toContain('search-strategy');
    expect(skillIds('Engineer\nRequirements\n- Experience with React Query and Redux')).not.toContain('search-strategy');
  });

  it('Copilot is a coding assistant beside coding words, not a product named Copilot', () => {
    expect(skillIds('Engineer\nRequirements\n- Daily use of Copilot or Cursor for coding')).toContain('ai-coding-tools');
    expect(skillIds('Product Manager\nResponsibilities\n- Own the roadmap of our Sales Copilot for account managers')).not.toContain('ai-coding-tools');
  });

  it('账单 is monetisation as billing for use, not a wallet statement', () => {
    expect(skillIds('产品经理\n岗位职责\n1、设计API调用的计费与账单体系')).toContain('commercialization');
    expect(skillIds('产品经理\n岗位职责\n1、负责钱包账单页面的对账体验')).not.toContain('commercialization');
  });

  it('系统设计 is software system design beside engineering words, not a product system designed', () => {
    expect(skillIds('开发工程师\n任职要求\n1、有高并发系统设计和开发经验')).toContain('software-engineering');
    expect(skillIds('产品经理\n任职要求\n1、具备较强的系统设计能力，能抽象复杂业务流程')).not.toContain('software-engineering');
  });

  it('政策 is policy a PM tracks (法规, 监管, 趋势), not an ad incentive or a risk policy', () => {
    expect(skillIds('产品经理\n任职要求\n1、关注AI监管政策与行业趋势')).toContain('policy-funding');
    expect(skillIds('产品经理\n岗位职责\n1、负责广告政策的上架与核算')).not.toContain('policy-funding');
    expect(skillIds('产品经理\n岗位职责\n1、协同风险政策团队推动催收策略落地')).not.toContain('policy-funding');
  });
});

describe('word senses of sub-labels: a product vision is no vision model, the voice of the customer no voice product', () => {
  it('vision is multimodal near an image or model word, not a product vision', () => {
    expect(subLabelIds('Product Manager\nResponsibilities\n- Own the vision, strategy and roadmap for our AI products')).not.toContain('modality/multimodal');
    expect(subLabelIds('Product Manager\nResponsibilities\n- Ship features built on computer vision models for retail cameras')).toContain('modality/multimodal');
  });

  it('voice is multimodal with speech or a model, not the voice of the customer', () => {
    expect(subLabelIds('Product Manager\nResponsibilities\n- Be the voice of the customer in every planning meeting')).not.toContain('modality/multimodal');
    expect(subLabelIds('Product Manager\nResponsibilities\n- Own our voice agents and speech synthesis models')).toContain('modality/multimodal');
  });

  it('视觉 is vision AI (视觉生成, 视觉识别), not visual design', () => {
    expect(subLabelIds('产品经理\n岗位职责\n1、与交互、视觉设计团队协作，提升产品体验')).not.toContain('modality/multimodal');
    expect(subLabelIds('产品经理\n岗位职责\n1、负责视觉生成模型在创作场景的落地')).toContain('modality/multimodal');
  });

  it('customer support is an AI product family with a bot or an assistant, not the support team', () => {
    expect(subLabelIds('Product Manager\nResponsibilities\n- Work with engineering, sales and customer support')).not.toContain('product-family/assistant-service');
    expect(subLabelIds('Product Manager\nResponsibilities\n- Build AI agents that automate customer support')).toContain('product-family/assistant-service');
  });

  it('"conversational in" a field is familiarity, not a conversational product', () => {
    expect(subLabelIds('Product Manager\nRequirements\n- Conversational in AI/ML and Python is a plus')).not.toContain('product-family/conversational');
    expect(subLabelIds('Product Manager\nResponsibilities\n- Own our conversational assistant for shoppers')).toContain('product-family/conversational');
  });
});

describe("the lexicon's words are found by the aliases' matcher", () => {
  const requirements = (text: string) => analyze({ source: 't', text }, analyzer).report.requirements.map((r) => `${r.kind}:${r.value}`);
  const mentionOf = (text: string, id: string) => analyze({ source: 't', text }, analyzer).report.skills.find((s) => s.id === id)?.mentions[0];

  it('a Han term is a word of its own: 优先 is no part of 优先级, 理工 none of 经理工作', () => {
    expect(strengths('产品经理\n任职要求\n1、能排定需求优先级\n2、有大模型经验者优先')).toEqual(['unknown', 'H', 'required', 'preferred']);
    expect(requirements('产品经理\n任职要求\n1、3年以上产品经理工作经验，相关专业')).not.toContain('major:理工');
  });

  it('a term starts or ends a word the segmenter was told: 资深|产品经理, 产品|总监, 深入|理解', () => {
    expect(requirements('资深产品经理（AI方向）\n岗位职责\n1、负责产品规划')).toContain('seniority:senior');
    expect(requirements('AI产品总监\n岗位职责\n1、负责产品规划')).toContain('seniority:director');
    expect(mentionOf('产品经理\n任职要求\n1、深入理解大模型原理', 'llm-principles')?.proficiency).toBe('expert');
  });

  it('a term marked "…" is part of longer words: 本科… in 本科学历, 计算机… in 计算机科学与技术', () => {
    expect(requirements('产品经理\n任职要求\n1、本科学历，计算机科学与技术等相关专业')).toEqual(expect.arrayContaining(['degree:bachelor', 'major:计算机科学与技术']));
    expect(requirements('产品经理\n任职要求\n1、硕士学位优先')).toContain('degree:master');
  });

  it('a Latin term keeps what it writes between and around its words, and a plural covers its singular', () => {
    expect(requirements('Product Manager\nRequirements\n- B.S. in Computer Science')).toContain('degree:bachelor');
    expect(strengths('Product Manager\n### Requirement\n- SQL\n- Medical, dental and 401(k) matching')).toEqual(['unknown', 'H', 'required', 'bg']);
    expect(strengths('Product Manager\nRequirements\n- $150k/year base\n- Yearly planning')).toEqual(['unknown', 'H', 'bg', 'required']);
  });

  it('markdown emphasis around a word does not hide it: "_Role Summary:_" is a heading', () => {
    expect(strengths('Product Manager\n_Responsibilities:_\n- Own the roadmap\n_Requirements:_\n- SQL')).toEqual(['unknown', 'H', 'duty', 'H', 'required']);
  });

  it('within one list the longest term wins: "deep understanding of" is expert, not also aware', () => {
    expect(mentionOf('Product Manager\nRequirements\n- Deep understanding of RAG pipelines', 'rag-knowledge')?.proficiency).toBe('expert');
  });
});

describe('lexicon files', () => {
  /** A lexicon folder of one file, and the problems reading it reports (none: the data read). */
  const lexiconOf = (yaml: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'jdlens-lex-'));
    writeFileSync(join(dir, 'xx.yaml'), yaml);
    try {
      return { data: readLexiconFiles(dir), problems: '' };
    } catch (err) {
      expect(isJdlensError(err)).toBe(true);
      return { data: undefined, problems: (err as { details: string[] }).details.join('\n') };
    }
  };
  /** The default taxonomy compiled with a lexicon of one's own: its terms are found by the same matcher. */
  const withLexicon = (data: LexiconData): Analyzer => {
    const taxonomy = loadTaxonomy();
    return { taxonomy, compiled: compileTaxonomy(taxonomy, data) };
  };
  const requirementsIn = (text: string, analyzer: Analyzer) => {
    const read = readText(`Posting\n${text}`, analyzer);
    return extractRequirements(read.norm, read.sections.lines).map((r) => `${r.kind}:${r.value}`);
  };
  const BASE = 'language: xx\nheadings: {}\nniceToHave: []\nproficiency: {}\nasksToKnow: []\nboilerplate: {}\n';

  it('are checked like a taxonomy: every problem with its file and line', () => {
    const { problems } = lexiconOf('language: xx\nheadings:\n  duty: [a]\n  chores: [b]\nniceToHave: x\nproficiency: {}\nasksToKnow: []\nboilerplate: {}\n');
    expect(problems).toMatch(/xx\.yaml:4: headings\.chores: unknown kind/);
    expect(problems).toMatch(/xx\.yaml:5: niceToHave: must be a list of words/);
  });

  it('degrees and majors are data: a lexicon that names them makes them read, and checks their kinds', () => {
    expect(lexiconOf(`${BASE}degrees:\n  licence: [Licence]\n`).problems).toMatch(/xx\.yaml:8: degrees\.licence: unknown kind/);
    const { data } = lexiconOf(`${BASE}degrees:\n  master: [Laurea Magistrale, master's]\nmajors:\n  before: [laurea in]\n`);
    const own = withLexicon(data!);
    expect(requirementsIn('- Laurea Magistrale in Informatica', own)).toEqual(['degree:master']);
    // as written: no plural s, so a degree word never reads a verb's forms
    expect(requirementsIn('- Mastering the craft', own)).toEqual([]);
    expect(requirementsIn('- laurea in Ingegneria Informatica.', own)).toEqual(['major:Ingegneria Informatica']);
  });

  it('years and industries are data: the expressions, numbers and words of a lexicon find them; a bad expression is reported with its line', () => {
    expect(lexiconOf(`${BASE}requirements:\n  years:\n    - hints: [jahr]\n      expression: '(\\d+ Jahre'\n`).problems).toMatch(/xx\.yaml:10: requirements\.years\.0\.expression: not a regular expression/);
    expect(lexiconOf(`${BASE}requirements:\n  years:\n    - hints: [jahr]\n      expression: '\\d+ Jahre'\n`).problems).toMatch(/xx\.yaml:10: requirements\.years\.0\.expression: must hold a group/);
    expect(lexiconOf(`${BASE}requirements:\n  numbers: { drei: three }\n`).problems).toMatch(/xx\.yaml:8: requirements\.numbers\.drei: must be a whole number/);
    const { data } = lexiconOf(
      `${BASE}requirements:\n  numbers: { drei: 3 }\n  years:\n    - hints: [jahr]\n      expression: '(\\d{1,2}|drei)\\+? Jahre'\n  industry:\n    - hints: [branche]\n      expression: 'Erfahrung in der (\\w+?)branche'\n  notIndustry: [gleichen]\n`,
    );
    const read = readText('Stellenanzeige\n- Mindestens drei Jahre Berufserfahrung\n- 5+ Jahre im Produktmanagement\n- Erfahrung in der Versicherungsbranche\n- Erfahrung in der gleichenBranche', withLexicon(data!));
    const found = extractRequirements(read.norm, read.sections.lines, undefined, data!.requirements).map((r) => `${r.kind}:${r.value}`);
    expect(found).toEqual(['years:3', 'years:5', 'industry:Versicherungs']);
    // the default lexicon knows none of it
    expect(extractRequirements(read.norm, read.sections.lines).filter((r) => r.kind === 'years' || r.kind === 'industry')).toEqual([]);
  });

  it('a working language is data: a lexicon that names one more language makes it read', () => {
    expect(lexiconOf(`${BASE}workingLanguage:\n  names: { italian: [Italian] }\n  cues: [fluent]\n  colours: [red]\n`).problems).toMatch(/xx\.yaml:10: workingLanguage\.colours: unknown field/);
    const { data } = lexiconOf(`${BASE}workingLanguage:\n  names: { italian: [Italian, Italiano] }\n  cues: [fluent]\n`);
    expect(data!.workingLanguage.names).toEqual({ italian: ['Italian', 'Italiano'] });
    const own = withLexicon(data!);
    expect(requirementsIn('- Fluent in Italiano', own)).toEqual(['language:italian']);
    expect(requirementsIn('- Italiano', own)).toEqual([]);
  });
});
