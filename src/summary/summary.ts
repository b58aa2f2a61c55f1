import type { Bilingual, Strength } from '../model.js';
import { byString, round3 } from '../util.js';
import type { FitRow, GapDemand, PostingReport, ShareRow, SkillDemand, Summary } from '../contract/report.js';

export type { Summary };
import { SENIORITY_LEVELS } from '../lexicon/lexicon.js';
import { SENIORITY_LABEL } from '../requirements/seniority.js';
import { skillsById } from '../taxonomy/lookup.js';
import { CATEGORY_IDS, type CategoryId, type Taxonomy } from '../taxonomy/types.js';

/** What the summary needs of a posting report: all a worker thread sends besides the report itself. */
export interface SummaryInput {
  source: string;
  title: string;
  category: { id: CategoryId };
  subLabels: Record<string, { id: string }[]>;
  skills: { id: string; dimension: string; strength: Strength }[];
  fit?: number;
  gaps?: { skillId: string; score: number }[];
  /** the posting's seniority level, when it states one */
  seniority?: string;
  /** the language it is written in, when jdlens does not read it */
  unreadLanguage?: { code: string; label: Bilingual };
}

/** The part of a report the summary counts. */
export function summaryInput(p: PostingReport): SummaryInput {
  const s: SummaryInput = {
    source: p.source,
    title: p.title,
    category: { id: p.category.id },
    subLabels: Object.fromEntries(Object.entries(p.subLabels).map(([g, vs]) => [g, vs.map((v) => ({ id: v.id }))])),
    skills: p.skills.map((k) => ({ id: k.id, dimension: k.dimension, strength: k.strength })),
  };
  if (p.fit !== undefined) s.fit = p.fit;
  const level = p.requirements.find((r) => r.kind === 'seniority' && !r.fromYears);
  if (level) s.seniority = String(level.value);
  if (p.gaps) s.gaps = p.gaps.map((g) => ({ skillId: g.skillId, score: g.score }));
  if (p.unreadLanguage) s.unreadLanguage = p.unreadLanguage;
  return s;
}

/**
 * Builds the summary one posting at a time, keeping counts only (and one short row per posting
 * for the fit ranking), so a folder of any size streams through in flat memory.
 */
export class SummaryBuilder {
  private n = 0;
  private dup = 0;
  private err = 0;
  private readonly cat = new Map<string, number>();
  private readonly sub = new Map<string, Map<string, number>>();
  private readonly skill = new Map<string, { n: number; by: Record<Strength, number> }>();
  private readonly dim = new Map<string, number>();
  private readonly gap = new Map<string, { n: number; w: number }>();
  private readonly fits: FitRow[] = [];
  private readonly level = new Map<string, number>();
  private readonly unread = new Map<string, { label: Bilingual; n: number }>();
  private withProfile = false;

  constructor(private readonly tax: Taxonomy) {}

  add(p: SummaryInput): void {
    this.n++;
    this.cat.set(p.category.id, (this.cat.get(p.category.id) ?? 0) + 1);
    for (const [g, values] of Object.entries(p.subLabels)) {
      const m = this.sub.get(g) ?? new Map<string, number>();
      for (const v of values) m.set(v.id, (m.get(v.id) ?? 0) + 1);
      this.sub.set(g, m);
    }
    const dims = new Set<string>();
    for (const s of p.skills) {
      const e = this.skill.get(s.id) ?? { n: 0, by: { required: 0, duty: 0, preferred: 0, unknown: 0 } };
      e.n++;
      e.by[s.strength]++;
      this.skill.set(s.id, e);
      dims.add(s.dimension);
    }
    for (const d of dims) this.dim.set(d, (this.dim.get(d) ?? 0) + 1);
    if (p.seniority) this.level.set(p.seniority, (this.level.get(p.seniority) ?? 0) + 1);
    if (p.unreadLanguage) {
      const e = this.unread.get(p.unreadLanguage.code) ?? { label: p.unreadLanguage.label, n: 0 };
      e.n++;
      this.unread.set(p.unreadLanguage.code, e);
    }
    // a reader looking for PM roles: engineer and researcher postings neither rank nor teach
    if (p.fit !== undefined) this.withProfile = true;
    if (p.fit !== undefined && p.category.id !== 'not-pm') {
      this.fits.push({ source: p.source, title: p.title, category: p.category.id, fit: p.fit });
      for (const g of p.gaps ?? []) {
        const e = this.gap.get(g.skillId) ?? { n: 0, w: 0 };
        e.n++;
        e.w += g.score;
        this.gap.set(g.skillId, e);
      }
    }
  }

  duplicate(): void {
    this.dup++;
  }

  error(): void {
    this.err++;
  }

  build(): Summary {
    const share = (k: number) => (this.n ? round3(k / this.n) : 0);
    const cats = new Map(this.tax.categories.map((c) => [c.id, c]));
    const skills = skillsById(this.tax);
    const order = (a: ShareRow, b: ShareRow) => b.postings - a.postings || byString(a.id, b.id);
    const summary: Summary = {
      postings: this.n,
      duplicates: this.dup,
      errors: this.err,
      categories: CATEGORY_IDS.map((id) => ({ id, label: cats.get(id)!.label, postings: this.cat.get(id) ?? 0, share: share(this.cat.get(id) ?? 0) })).sort(order),
      subLabels: Object.fromEntries(
        this.tax.subLabels.map((g) => [
          g.id,
          g.values.map((v) => ({ id: v.id, label: v.label, postings: this.sub.get(g.id)?.get(v.id) ?? 0, share: share(this.sub.get(g.id)?.get(v.id) ?? 0) })).sort(order),
        ]),
      ),
      skills: [...this.skill]
        .map(([id, e]) => ({ id, label: skills.get(id)!.label, dimension: skills.get(id)!.dimension, postings: e.n, share: share(e.n), byStrength: e.by }))
        .sort(order),
      dimensions: this.tax.dimensions.map((d) => ({ id: d.id, label: d.label, postings: this.dim.get(d.id) ?? 0, share: share(this.dim.get(d.id) ?? 0) })).sort(order),
      // the level mix, in the scale's order
      seniority: SENIORITY_LEVELS.filter((l) => this.level.has(l)).map((l) => ({ id: l, label: SENIORITY_LABEL[l], postings: this.level.get(l)!, share: share(this.level.get(l)!) })),
    };
    if (this.unread.size) summary.unreadLanguages = [...this.unread].map(([id, e]) => ({ id, label: e.label, postings: e.n, share: share(e.n) })).sort(order);
    if (this.withProfile) {
      summary.gaps = [...this.gap]
        .map(([id, e]) => ({ id, label: skills.get(id)!.label, dimension: skills.get(id)!.dimension, postings: e.n, share: share(e.n), weight: Math.round(e.w * 100) / 100, advice: skills.get(id)!.advice }))
        .sort((a, b) => b.weight - a.weight || byString(a.id, b.id));
      summary.fit = [...this.fits].sort((a, b) => b.fit - a.fit || (a.source < b.source ? -1 : 1));
    }
    return summary;
  }
}
