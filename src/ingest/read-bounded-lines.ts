import type { Readable } from 'node:stream';

export type BoundedLine = { text: string; tooLong: false } | { text: ''; tooLong: true; length: number };

/**
 * Splits a text stream into lines, like readline, but never holds more than `maxChars`
 * of one line: a longer line is reported by its length and its text dropped, so one
 * hostile record cannot take the memory of the whole ingest. CRLF endings are trimmed.
 */
export async function* readBoundedLines(input: Readable, maxChars: number): AsyncGenerator<BoundedLine> {
  let pending = '';
  let overflow = 0;
  const finish = (part: string): BoundedLine => {
    if (overflow > 0) {
      const length = overflow + part.length;
      overflow = 0;
      return { text: '', tooLong: true, length };
    }
    const text = (pending + part).replace(/\r$/, '');
    pending = '';
    return { text, tooLong: false };
  };
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    const text = typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let from = 0;
    for (let newline = text.indexOf('\n'); newline >= 0; newline = text.indexOf('\n', from)) {
      yield finish(text.slice(from, newline));
      from = newline + 1;
    }
    const rest = text.slice(from);
    if (overflow > 0) overflow += rest.length;
    else if (pending.length + rest.length > maxChars) {
      overflow = pending.length + rest.length;
      pending = '';
    } else pending += rest;
  }
  if (pending !== '' || overflow > 0) yield finish('');
}
