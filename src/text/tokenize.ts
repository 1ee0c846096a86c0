/** Longest question text that is analysed; the rest is ignored (never an error). */
export const MAX_QUERY_CHARS = 2000;

/** Splits text into lower-case word tokens (letters and digits), the way the index does. */
export function tokenize(text: string): string[] {
  const tokens = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
  return tokens ?? [];
}

/** Like tokenize, but keeps the original case (for case-sensitive abbreviations). */
export function tokenizeKeepCase(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}
