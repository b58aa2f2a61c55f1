import { describe, expect, it } from 'vitest';
import { lineOf, normalise, toOriginal } from '../../src/normalise/normalise.js';
import { detectLanguage, readLanguage } from '../../src/normalise/language.js';

describe('normalise', () => {
  it('turns full-width letters, digits and punctuation half-width (NFKC)', () => {
    const n = normalise('ＡＩ产品经理：３年以上，Ｐｒｏｍｐｔ');
    expect(n.text).toBe('AI产品经理:3年以上,Prompt');
  });

  it('keeps a map back to the original offsets', () => {
    const original = 'ＡＩ　　产品\r\n熟悉Ｐｒｏｍｐｔ';
    const n = normalise(original);
    const at = n.text.indexOf('Prompt');
    const o = toOriginal(n, at, at + 'Prompt'.length);
    expect(original.slice(o.start, o.end)).toBe('Ｐｒｏｍｐｔ');
    const ai = toOriginal(n, 0, 2);
    expect(original.slice(ai.start, ai.end)).toBe('ＡＩ');
  });

  it('turns CRLF and CR into LF and keeps line structure', () => {
    const n = normalise('a\r\nb\rc\nd');
    expect(n.text).toBe('a\nb\nc\nd');
    expect(n.lineStarts).toEqual([0, 2, 4, 6]);
    expect(lineOf(n, n.text.indexOf('c'))).toBe(3);
  });

  it('collapses runs of spaces, tabs and ideographic spaces into one space', () => {
    expect(normalise('a \t\u3000 b\u00a0\u00a0c').text).toBe('a b c');
  });

  it('drops zero-width characters and a BOM', () => {
    const original = '\ufeffPro\u200bmpt';
    const n = normalise(original);
    expect(n.text).toBe('Prompt');
    const o = toOriginal(n, 0, n.text.length);
    expect(original.slice(o.start, o.end)).toBe('Pro\u200bmpt');
  });

  it('leaves lone surrogates as they are instead of throwing', () => {
    expect(() => normalise('a\ud800b')).not.toThrow();
  });
});

describe('detectLanguage', () => {
  it('tells Chinese, English and mixed text apart', () => {
    expect(detectLanguage('负责大模型产品的规划与设计，推动 Prompt 与 RAG 能力落地')).toBe('zh');
    expect(detectLanguage('Own the roadmap for our LLM evaluation platform')).toBe('en');
    expect(detectLanguage('Own the roadmap for our evaluation platform. 负责评测平台规划')).toBe('mixed');
  });
});

describe('a posting in a language jdlens does not read', () => {
  const unread = (text: string) => readLanguage(text).unread?.code;
  const german =
    'Wir suchen einen erfahrenen Produktmanager für künstliche Intelligenz. Du verantwortest die Produktstrategie unserer Plattform, arbeitest eng mit den Entwicklern zusammen und entscheidest anhand von Daten, welche Funktionen als Nächstes kommen. Du hast mindestens drei Jahre Erfahrung und sprichst sehr gut Deutsch.';
  const french =
    "Nous recherchons un chef de produit pour notre plateforme d'intelligence artificielle. Vous définissez la stratégie du produit avec les équipes techniques, vous priorisez les besoins des clients et vous suivez les indicateurs de succès. Vous avez au moins trois ans d'expérience.";
  const spanish =
    'Buscamos un gerente de producto con experiencia en inteligencia artificial. Serás responsable de la estrategia del producto, trabajarás con los equipos de ingeniería y definirás las prioridades a partir de los datos de uso. Tienes al menos tres años de experiencia en empresas de tecnología.';

  it('names Japanese, Korean and Russian by their script and the identifier, in both languages', () => {
    const ja = readLanguage('AIプロダクトマネージャー\n・大規模言語モデルを活用した新規プロダクトの企画・要件定義\n・エンジニアと連携した開発推進').unread;
    expect(ja).toEqual({ code: 'jpn', label: { zh: '日语', en: 'Japanese' } });
    expect(unread('AI 프로덕트 매니저\n주요 업무\n- 대규모 언어 모델 기반 신규 서비스 기획\n- 프롬프트 설계 및 평가 지표 수립')).toBe('kor');
    expect(unread('Мы ищем менеджера по продукту в команду искусственного интеллекта. Вы будете отвечать за стратегию продукта, работать вместе с разработчиками и дизайнерами, анализировать потребности клиентов и определять приоритеты. У вас есть опыт работы от трёх лет.')).toBe('rus');
  });

  it('names a Latin-script posting with few English words by the identifier', () => {
    expect(unread(german)).toBe('deu');
    expect(unread(french)).toBe('fra');
    expect(unread(spanish)).toBe('spa');
  });

  it('leaves Chinese, English, the two mixed, terse English and a text too short to tell alone', () => {
    expect(unread('负责大模型产品的规划与设计，熟悉 Prompt 工程与 RAG，3 年以上产品经验；与算法团队协作推进模型评测。')).toBeUndefined();
    expect(unread('We are looking for a product manager who will own the roadmap of our AI platform and work with engineers and designers to ship features that our customers love.')).toBeUndefined();
    expect(unread('岗位职责：负责 AI Agent 平台的产品规划。Requirements: experience with LLM evaluation, prompt design and RAG pipelines; strong communication.')).toBeUndefined();
    // a list of skills has few function words but reads as English
    expect(unread('Skills: Python, SQL, Looker, dbt, Airflow, Snowflake. Product analytics, experimentation, A/B testing, funnel analysis, cohort retention, pricing, roadmap, OKRs, stakeholder management, Jira, Confluence, Figma, PostgreSQL, Kafka, Kubernetes, AWS, GCP, LLM evaluation, prompt engineering, RAG.')).toBeUndefined();
    expect(unread('Produktmanager KI (m/w/d), Berlin, Vollzeit')).toBeUndefined();
    // a Chinese posting that names a Japanese product keeps Chinese
    expect(unread('负责海外市场的 AI 产品规划，熟悉日本市场，了解「ソフトバンク」等合作方，3 年以上产品经验，能推动跨团队协作落地。')).toBeUndefined();
  });
});
