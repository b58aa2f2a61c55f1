/** 0 none, 1 aware, 2 practised, 3 led or shipped. */
export type Level = 0 | 1 | 2 | 3;

export interface HeldSkill {
  id: string;
  level: Level;
  /** where it comes from: "profile" or the résumé line that proves it */
  from: 'profile' | 'resume';
  evidence?: string;
}

/** The reader, from a profile file, a résumé, or both (the profile wins on conflicts). */
export interface Reader {
  name?: string;
  years?: number;
  /** associate | bachelor | master | phd */
  degree?: string;
  /** intern | junior | mid | senior | staff | principal | director | vp */
  seniority?: string;
  domains: string[];
  languages: string[];
  skills: Map<string, HeldSkill>;
  sources: string[];
}
