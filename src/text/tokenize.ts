/** Longest question text that is analysed; the rest is ignored (never an error). */
export const MAX_QUERY_CHARS = 2000;

/** Splits text into lower-case word tokens (letters and digits), the way the index does. */
export function tokenize(text: string): string[] {
  // Fast path for plain ASCII, which most text is; same tokens as the Unicode path.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const tokens = text
    .normalize('NFKC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return tokens ?? [];
}

/** Like tokenize, but keeps the original case (for case-sensitive abbreviations). */
export function tokenizeKeepCase(text: string): string[] {
  return text.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}
