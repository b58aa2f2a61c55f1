// What a posting shows the category model: explainable features the pipeline already computes.
// Every feature is one thing a reader can point at: a skill, role word or sub-label at one place
// in the posting (the title, a role's own heading, what the posting asks: a requirement, a duty,
// a nice-to-have, body text of no known kind), a dimension's or a word group's total there or in
// company/benefit text, or the posting's shape.
import type { Hit } from '../match/match.js';
import type { Mention, PostingLanguage } from '../model.js';
import type { Era } from '../taxonomy/types.js';

/** Where a mention stands. */
export type Place = 'title' | 'heading' | 'required' | 'duty' | 'preferred' | 'body' | 'background';

export function placeOf(m: Mention): Place {
  if (m.inTitle) return 'title';
  if (m.inRoleHeading) return 'heading';
  if (m.background) return 'background';
  return m.strength === 'unknown' ? 'body' : m.strength;
}

/** Places that say what the posting asks of the reader: the model reads them as one, "asked". */
const ASKED: ReadonlySet<Place> = new Set(['required', 'duty', 'preferred', 'body']);

export interface Feature {
  name: string;
  value: number;
  /** the mention that stands for it in evidence (none for shape features) */
  mention?: Mention;
  /** what that mention is a hit of */
  owner?: { kind: Hit['kind']; id: string };
}

export interface PostingShape {
  language: PostingLanguage;
  hasHeadings: boolean;
  hasTitle: boolean;
  /** the roles a post lists, when it lists several */
  roles: { isPm: boolean }[];
}

/**
 * Repetition helps but saturates: the first mention counts 1, each further one half the one
 * before (1, 1.5, 1.75 … < 2). A title names a thing once, however often its words repeat.
 */
function saturating(n: number, place: Place): number {
  if (place === 'title') return 1;
  return 2 - 2 ** (1 - n);
}

type Names = { own: string; groups: string[] };
const nameCache = new WeakMap<FeatureSource, Map<string, Map<string, Names>>>();

/**
 * The feature names one hit feeds at one place: its own ("skill:agents@asked") and the groups it
 * belongs to (its dimension, product or other role words, AI role words, AI signal words), worked
 * out once per owner and place.
 */
function namesOf(h: Hit, where: string, source: FeatureSource): Names {
  let byOwner = nameCache.get(source);
  if (!byOwner) nameCache.set(source, (byOwner = new Map()));
  let byPlace = byOwner.get(h.owner);
  if (!byPlace) byOwner.set(h.owner, (byPlace = new Map()));
  // an owner id is one kind's (a skill's, a role's or a sub-label's): the place is all that varies
  const known = byPlace.get(where);
  if (known && known.own.startsWith(h.kind)) return known;
  const groups: string[] = [];
  if (h.kind === 'role') {
    // every product role word together, every other job word together: what generalises across words
    groups.push(`roles:${source.isProductRole(h.owner) ? 'product' : 'other'}@${where}`);
    if (source.isAiRole(h.owner)) groups.push(`roles:product-ai@${where}`);
  } else if (h.kind === 'skill') {
    const dim = source.dimensionOf(h.owner);
    if (dim) groups.push(`dim:${dim}@${where}`);
    // every word that signals AI ("AI", "人工智能") together
    if (source.isSignal(h.owner)) groups.push(`signals:ai@${where}`);
  }
  const n = { own: `${h.kind}:${h.owner}@${where}`, groups };
  byPlace.set(where, n);
  return n;
}

/** The model's view of one posting, in a fixed order (by name). */
export interface FeatureSource {
  /** a skill's dimension */
  dimensionOf(skillId: string): string | undefined;
  /** whether a role marker names a product role */
  isProductRole(roleId: string): boolean;
  /** whether a role marker names an AI product role (AI产品经理, LLM PM …) */
  isAiRole(roleId: string): boolean;
  /** whether a skill is a signal of the role's kind ("AI", "人工智能") rather than a skill */
  isSignal(skillId: string): boolean;
  /** the age of AI a skill belongs to (generative or classic), if any */
  eraOf(skillId: string): Era | undefined;
}

export function postingFeatures(hits: Hit[], source: FeatureSource, shape: PostingShape): Feature[] {
  const groups = new Map<string, { n: number; place: Place; first: Hit }>();
  const add = (name: string, place: Place, h: Hit) => {
    const g = groups.get(name);
    if (g) {
      g.n++;
      if (h.mention.start < g.first.mention.start) g.first = h;
    } else groups.set(name, { n: 1, place, first: h });
  };
  let roleInTitle = false;
  const eras = new Set<Era>();
  for (const h of hits) {
    const place = placeOf(h.mention);
    if (h.kind === 'skill' && place !== 'background') {
      const era = source.eraOf(h.owner);
      if (era) eras.add(era);
    }
    // what a posting asks for counts alike in every section: its strength decides skills, not the category
    const where = ASKED.has(place) ? 'asked' : place;
    const names = namesOf(h, where, source);
    // company, benefits and applying text speaks of the employer, not the role: there a word counts
    // only toward its groups (how much the text speaks of AI, of each dimension, of which roles);
    // one word of it ("health" insurance, a "sales" team) says nothing to learn from
    if (where !== 'background') add(names.own, place, h);
    if (h.kind === 'role' && place === 'title') roleInTitle = true;
    for (const n of names.groups) add(n, place, h);
  }
  const out: Feature[] = [];
  for (const [name, g] of groups) out.push({ name, value: saturating(g.n, g.place), mention: g.first.mention, owner: { kind: g.first.kind, id: g.first.owner } });
  out.push({ name: `lang:${shape.language}`, value: 1 });
  if (shape.hasHeadings) out.push({ name: 'shape:headings', value: 1 });
  if (shape.roles.length >= 2) out.push({ name: shape.roles.some((r) => r.isPm) ? 'shape:roles-listed-with-pm' : 'shape:roles-listed-no-pm', value: 1 });
  // which age of AI the posting speaks of: none of generative AI at all, or classic AI only
  // (recommendation, search, CV models) — what tells a traditional AI role from an LLM one
  if (!eras.has('generative')) {
    out.push({ name: 'era:no-generative', value: 1 });
    if (eras.has('classic')) out.push({ name: 'era:classic-only', value: 1 });
  }
  if (!shape.hasTitle) out.push({ name: 'shape:no-title', value: 1 });
  else if (!roleInTitle) out.push({ name: 'shape:no-role-in-title', value: 1 });
  return out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
