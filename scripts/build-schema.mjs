// npm run schema: writes schema/report.schema.json from the contract it is defined in
// (src/contract/report.ts, built into dist/). A unit test fails when the two disagree.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const { reportSchema } = await import('../dist/contract/report.js');
writeFileSync(join(root, 'schema', 'report.schema.json'), `${JSON.stringify(reportSchema(), null, 2)}\n`);
process.stdout.write('schema/report.schema.json written from src/contract/report.ts\n');
