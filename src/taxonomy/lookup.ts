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
