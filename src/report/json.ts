import type { ErrorOut, PostingReport, Report } from './types.js';
import { SCHEMA_VERSION } from './types.js';
import type { Taxonomy } from '../taxonomy/types.js';

export interface ToolInfo {
  name: string;
  version: string;
}

/** The versioned JSON document other tools read; its schema is schema/report.schema.json. */
export function buildReport(tool: ToolInfo, tax: Taxonomy, postings: PostingReport[], errors: ErrorOut[]): Report {
  return { schemaVersion: SCHEMA_VERSION, tool, taxonomy: { id: tax.id, version: tax.version }, postings, errors };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
