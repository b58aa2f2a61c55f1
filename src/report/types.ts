// The JSON report's types: defined once, in the contract (src/contract/report.ts), from which the
// schema is generated. Only types come from there; TypeBox is not loaded at run time.
export { SCHEMA_VERSION } from '../contract/version.js';
export type {
  DuplicateOut,
  ErrorOut,
  EvidenceOut,
  Gap,
  MentionOut,
  PostingReport,
  Report,
  RequirementGap,
  RequirementOut,
  SkillOut,
  StrengthItem,
  SubLabelOut,
  Summary,
} from '../contract/report.js';
