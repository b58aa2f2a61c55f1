import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/cli.js';

/** The corpus suite needs the shared corpus: say in one line where it looks and how to point elsewhere. */
export default function setup(): void {
  if (!existsSync(join(CORPUS, 'dev', 'labels.tsv'))) {
    throw new Error(`no corpus at ${CORPUS}: put the shared corpus (dev/, train/, bulk/) there, or set JDLENS_CORPUS to where it is`);
  }
}
