import { stemmer } from 'stemmer';

const cache = new Map<string, string>();

/** Porter stem of a lower-case token, the same algorithm as the index's tokenizer. */
export function stemToken(token: string): string {
  let stem = cache.get(token);
  if (stem === undefined) {
    stem = /^[a-z]+$/.test(token) ? stemmer(token) : token;
    if (cache.size > 50_000) cache.clear();
    cache.set(token, stem);
  }
  return stem;
}
