// Posts that list several roles (hiring threads, "we're hiring across …", numbered role lists):
// which lines name a role, which lines belong to which role, and which role a PM reader is after.
import type { Hit } from '../match/match.js';
import type { Line } from '../model.js';
import { headingCore, LIST_MARK } from './sections.js';
import { addTo } from '../util.js';

export interface RoleEntry {
  /** the role as the line names it */
  title: string;
  line: number;
  /** a product role (by the taxonomy's role markers) */
  isPm: boolean;
}

export interface RoleBlocks {
  /** every role the post names in a role line (or lists in its title), in order; empty for a one-role posting */
  roles: RoleEntry[];
  /** lines that belong to a listed role that is not a PM role, when a PM role is listed too: not what the PM role asks */
  otherRoleLines: Set<number>;
}

// a role named at the start of a line, then a separator: "Product Management – …", "Backend Engineer: …", "产品经理 | 上海"
const SEPARATOR_AFTER = /^\s*([-–—:：|(（/]|\s-\s)/;
/** Decoration a role line may start with before the role: markdown, a list mark, 【, a bold mark. */
function leadLength(text: string): number {
  let s = text;
  let cut = 0;
  for (;;) {
    const m = /^(\s+|#{1,6}\s*|\*\*|__|【|\[)/.exec(s) ?? LIST_MARK.exec(s);
    if (!m || m[0].length === 0) return cut;
    cut += m[0].length;
    s = s.slice(m[0].length);
  }
}

/**
 * A role line: a line (not the title) that names a role and is built like a role's name, not like
 * a sentence about one — a role heading (markdown, bold, 【】), a "Company | Role | Place" line, or a
 * line (list item or not) that starts with the role and follows it with a separator or ends soon after.
 */
function isRoleLine(line: Line, roleHit: { start: number; end: number }): boolean {
  if (line.roleHeading) return true;
  const text = line.text;
  if ((text.match(/\|/g) ?? []).length >= 2) return true;
  const lead = leadLength(text);
  // the role's words start the line, give or take a qualifier ("Senior/medior AI", "高级") of a few words
  if (roleHit.start - lead > 24) return false;
  const after = text.slice(roleHit.end);
  if (SEPARATOR_AFTER.test(after)) return true;
  const core = headingCore(text);
  return core.length <= 60 && !/[。;；,，.!！]\s*$/.test(text.trim());
}

/**
 * Finds the roles a post lists. A post lists several roles when two or more role lines stand in
 * its body, or its title names several roles. The lines from one role line up to the next belong
 * to that role; what stands before the first (and in the title) is asked of everyone.
 */
export function findRoleBlocks(lines: Line[], titleLine: number, hits: Hit[], isProductRole: (id: string) => boolean): RoleBlocks {
  const byLine = new Map<number, Hit[]>();
  for (const h of hits) {
    if (h.kind !== 'role') continue;
    addTo(byLine, h.mention.line, h);
  }
  const roleLines: { line: number; hit: Hit }[] = [];
  const bodyLines = [...byLine.keys()].filter((n) => n !== titleLine).length;
  // two role lines at least make a list of roles: with fewer lines naming a role there is none to find
  for (const [n, hs] of bodyLines < 2 ? [] : [...byLine].sort((a, b) => a[0] - b[0])) {
    if (n === titleLine) continue;
    const line = lines[n - 1];
    if (!line || line.isHeading || line.background) continue;
    // the role word that comes first in the line names the line's role
    const first = hs.reduce((a, b) => (b.col < a.col ? b : a));
    if (isRoleLine(line, { start: first.col, end: first.colEnd })) roleLines.push({ line: n, hit: first });
  }
  const titleRoles = titleLine ? (byLine.get(titleLine) ?? []) : [];
  const titleKinds = new Set(titleRoles.map((h) => isProductRole(h.owner)));
  const entry = (n: number, h: Hit): RoleEntry => ({ title: roleTitle(lines[n - 1]!.text, h), line: n, isPm: isProductRole(h.owner) });

  if (roleLines.length < 2) {
    // one role: a title naming a PM role and another one ("产品经理/前端开发工程师/SRE") still lists several
    if (titleKinds.size === 2) return { roles: titleRoles.map((h) => ({ title: h.mention.text, line: titleLine, isPm: isProductRole(h.owner) })), otherRoleLines: new Set() };
    return { roles: [], otherRoleLines: new Set() };
  }
  const roles = roleLines.map(({ line, hit }) => entry(line, hit));
  const otherRoleLines = new Set<number>();
  if (roles.some((r) => r.isPm) && roles.some((r) => !r.isPm)) {
    roleLines.forEach(({ line }, i) => {
      if (roles[i]!.isPm) return;
      const end = roleLines[i + 1]?.line ?? lines.length + 1;
      for (let n = line; n < end; n++) otherRoleLines.add(n);
    });
  }
  return { roles, otherRoleLines };
}

/** The role's name as its line gives it: the line's core up to the first separator after the role word. */
function roleTitle(text: string, h: Hit): string {
  const core = headingCore(text.split(/\s[–—-]\s|[:：|(（]/)[0] ?? text);
  return core.length > 0 && core.length <= 80 ? core : h.mention.text;
}
