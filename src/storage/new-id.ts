import { randomBytes } from 'node:crypto';

/**
 * A random id safe in URLs and on command lines: 16 lower-case hex characters (an id
 * starting with "-" would be read as an option by the CLI).
 */
export function newId(): string {
  return randomBytes(8).toString('hex');
}
