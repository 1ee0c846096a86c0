import { editDistance } from '../text/edit-distance.js';

interface Correction {
  from: string;
  to: string;
}

export interface CorrectedText {
  text: string;
  corrections: Correction[];
  /** Words found in no dictionary and close to no known term: names Vesalius knows nothing about. */
  unknown: string[];
}

export interface SpellingSources {
  /** Chat shorthand read as what it stands for ("u" → "you"). */
  shorthand: Record<string, string>;
  /** Words of the knowledge base with their counts: the terms a correction may land on. */
  vocabulary: () => Map<string, number>;
  /** Which words the dictionaries know (English and medical). */
  known: (words: string[]) => Set<string>;
}

/** Shortest word that is corrected at all, and the edit budget by length. */
const MIN_LENGTH = 5;
const maxEdits = (length: number) => (length >= 8 ? 2 : 1);

/**
 * Corrects misspelt words against the knowledge base's own vocabulary ("tretment" →
 * "treatment", "insullin" → "insulin") and expands shorthand. A word that is in a
 * dictionary is never changed; one that is in none and close to nothing is reported as
 * unknown (an invented drug name, a syndrome Vesalius has no source on).
 */
export class SpellingCorrector {
  private byLength: Map<number, Array<[string, number]>> | null = null;

  constructor(private readonly sources: SpellingSources) {}

  correct(text: string): CorrectedText {
    const words = [...text.matchAll(/[\p{L}][\p{L}'’]*/gu)].map((match) => match[0]);
    const vocabulary = this.sources.vocabulary();
    const candidates = new Set<string>();
    for (const word of words) {
      if (isContraction(word)) continue;
      const lower = bare(word);
      if (lower.length >= MIN_LENGTH && !vocabulary.has(lower) && !this.sources.shorthand[lower]) candidates.add(lower);
    }
    const known = candidates.size > 0 ? this.sources.known([...candidates]) : new Set<string>();
    const corrections: Correction[] = [];
    const unknown: string[] = [];
    const replaced = text.replace(/[\p{L}][\p{L}'’]*/gu, (word) => {
      const lower = bare(word);
      const expansion = this.sources.shorthand[lower];
      if (expansion) {
        corrections.push({ from: word, to: expansion });
        return expansion;
      }
      if (isContraction(word) || !candidates.has(lower) || known.has(lower) || known.has(singular(lower))) return word;
      const best = this.closest(lower, vocabulary);
      if (best) {
        corrections.push({ from: word, to: best });
        return best;
      }
      unknown.push(word);
      return word;
    });
    return { text: replaced, corrections: corrections.filter((c) => c.from.toLowerCase() !== c.to), unknown };
  }

  private closest(word: string, vocabulary: Map<string, number>): string | null {
    this.byLength ??= groupByLength(vocabulary);
    const budget = maxEdits(word.length);
    let best: string | null = null;
    let bestDistance = budget + 1;
    let bestCount = 0;
    for (let length = word.length - budget; length <= word.length + budget; length += 1) {
      for (const [candidate, count] of this.byLength.get(length) ?? []) {
        // Two edits only when the first letter is right: fewer false corrections.
        if (candidate[0] !== word[0] && budget > 1) continue;
        const distance = editDistance(word, candidate, Math.min(budget, bestDistance));
        if (distance < bestDistance || (distance === bestDistance && count > bestCount)) {
          best = candidate;
          bestDistance = distance;
          bestCount = count;
        }
      }
    }
    return bestDistance <= budget ? best : null;
  }
}

/** "doesn't", "I'm", "we'll": ordinary words with an apostrophe, never corrected. */
function isContraction(word: string): boolean {
  return /['’](t|m|re|ll|ve|d)$/i.test(word);
}

function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
}

function singular(word: string): string {
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

function groupByLength(vocabulary: Map<string, number>): Map<number, Array<[string, number]>> {
  const groups = new Map<number, Array<[string, number]>>();
  for (const entry of vocabulary) {
    if (entry[0].length < 4 || /\d/.test(entry[0])) continue;
    const list = groups.get(entry[0].length) ?? [];
    list.push(entry);
    groups.set(entry[0].length, list);
  }
  return groups;
}
