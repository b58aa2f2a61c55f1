import type { FeatureSource } from '../classify/features.js';
import type { Skill, Taxonomy } from './types.js';

const byId = new WeakMap<Taxonomy, Map<string, Skill>>();

/** A taxonomy's skills by id, built once per taxonomy however many postings ask. */
export function skillsById(taxonomy: Taxonomy): Map<string, Skill> {
  let m = byId.get(taxonomy);
  if (!m) {
    m = new Map(taxonomy.skills.map((s) => [s.id, s]));
    byId.set(taxonomy, m);
  }
  return m;
}

const sources = new WeakMap<Taxonomy, FeatureSource>();

/** What the category model's features need to know of a taxonomy, worked out once per taxonomy. */
export function featureSource(taxonomy: Taxonomy): FeatureSource {
  let s = sources.get(taxonomy);
  if (!s) {
    const skills = skillsById(taxonomy);
    const product = new Set(taxonomy.roles.filter((r) => r.product).map((r) => r.id));
    const ai = new Set(taxonomy.roles.filter((r) => r.product && r.ai).map((r) => r.id));
    s = { dimensionOf: (id) => skills.get(id)?.dimension, isProductRole: (id) => product.has(id), isAiRole: (id) => ai.has(id), isSignal: (id) => skills.get(id)?.signalOnly ?? false, eraOf: (id) => skills.get(id)?.era };
    sources.set(taxonomy, s);
  }
  return s;
}
