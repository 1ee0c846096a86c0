import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { isVesaliusError } from '../../domain/errors.js';
import type { Vesalius } from '../../wiring.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin?: () => Promise<string>;
}

/** What every command gets: the terminal, the index, and the exit code to return. */
export interface CliContext {
  io: Io;
  /** Opens the index (the given file, or the configured one) and says when it had to be rebuilt. */
  open: (db: string | undefined) => Vesalius;
  exitCode: number;
}

/** Bad usage, said in one line (exit code 2). */
export class UsageError extends Error {}

/** A system error in words, with the path when there is one. */
export function describeFileError(error: NodeJS.ErrnoException): string {
  const what: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EADDRINUSE: 'the address is already in use (another server on that port? pick another with --port)',
    EADDRNOTAVAIL: 'that address is not available on this machine (check --host)',
  };
  const reason = (error.code && what[error.code]) ?? error.message;
  return error.path && !reason.includes(error.path) ? `${error.path}: ${reason}` : reason;
}

export function positiveInt(value: string, name: string, allowZero = false): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < (allowZero ? 0 : 1))
    throw new UsageError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return parsed;
}

/** Reads JSON lines and prints one JSON result per input line, in order; a bad line gets an error object. */
export async function eachJsonLine(
  file: string,
  handle: (record: Record<string, unknown>, line: number) => unknown,
  io: Io,
): Promise<void> {
  const input = createReadStream(file, { encoding: 'utf8' });
  // Open errors (missing file, a folder, no permission) become one clear message, not a stack trace.
  await new Promise<void>((resolve, reject) => {
    input.once('ready', () => resolve());
    input.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot read the batch file ${file}: ${describeFileError(error)}`)),
    );
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let result: unknown;
    try {
      const record = JSON.parse(text) as unknown;
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw new SyntaxError('expected a JSON object');
      result = handle(record as Record<string, unknown>, line);
    } catch (error) {
      const code = isVesaliusError(error) ? error.code : 'INVALID_INPUT';
      result = { error: { code, message: `line ${line}: ${(error as Error).message}` } };
    }
    io.out(`${JSON.stringify(result)}\n`);
  }
}
