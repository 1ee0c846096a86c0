import { tokenize } from '../text/tokenize.js';

/**
 * A phrase that means one thing ("long term", "long-term") as one term rather than two common
 * words: when the question holds a multi-word entry of a word-equivalence group, its words give
 * way to the group's first word. Changes `terms` in place.
 */
export function joinPhraseTerms(terms: string[], ask: string, equivalentWords: string[][]): void {
  for (const group of equivalentWords) {
    const phrase = group.find(
      (word) => /[\s-]/.test(word) && new RegExp(`\\b${escapeRegExp(word)}\\b`, 'iu').test(ask),
    );
    if (!phrase) continue;
    const parts = new Set(tokenize(phrase));
    for (let index = terms.length - 1; index >= 0; index -= 1)
      if (parts.has(terms[index] ?? '')) terms.splice(index, 1);
    terms.unshift(group[0] ?? phrase);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
