import type { IndexQuery } from './search-index.js';

/**
 * Builds an FTS5 MATCH expression from a structured query. Every token is
 * double-quoted after stripping anything but letters and digits, so no user text can
 * become FTS5 syntax (NEAR, *, -, column filters, unbalanced quotes). Returns null when
 * nothing searchable is left.
 */
export function toFtsMatch(query: IndexQuery): string | null {
  const alternatives = new Set<string>();
  for (const concept of query.concepts) {
    for (const phrase of concept.phrases) {
      const tokens = phrase.map(cleanToken).filter((token) => token.length > 0);
      if (tokens.length === 0) continue;
      alternatives.add(`"${tokens.join(' ')}"`);
    }
  }
  if (alternatives.size === 0) return null;
  // A phrase that contains another ("chronic kidney disease" beside "kidney disease") matches
  // only rows the shorter one matches: dropping it keeps the same rows and saves FTS5 the work.
  const phrases = [...alternatives];
  const kept = phrases.filter(
    (phrase) =>
      !phrases.some((other) => other !== phrase && ` ${phrase.slice(1, -1)} `.includes(` ${other.slice(1, -1)} `)),
  );
  return kept.join(' OR ');
}

function cleanToken(token: string): string {
  return token
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .toLowerCase();
}
