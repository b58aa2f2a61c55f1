import { Chalk, type ChalkInstance } from 'chalk';

/**
 * Colour only when stdout is a terminal and NO_COLOR is unset (chalk itself ignores NO_COLOR);
 * FORCE_COLOR turns it on anyway (FORCE_COLOR=0 off), --no-color turns it off.
 */
export function makeColor(stream: NodeJS.WriteStream, wanted: boolean | undefined, env = process.env): ChalkInstance {
  let on = Boolean(stream.isTTY);
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') on = false;
  const force = env.FORCE_COLOR;
  if (force === '0' || force === 'false') on = false;
  else if (force !== undefined && force !== '') on = true;
  if (wanted === false) on = false;
  return new Chalk({ level: on ? 1 : 0 });
}
