import { splitSentences } from './split-sentences.js';

/**
 * Flesch–Kincaid grade level of English text: 0.39 × words per sentence + 11.8 ×
 * syllables per word − 15.59. Syllables are estimated from vowel groups.
 */
export function readingGrade(text: string): number {
  const sentences = splitSentences(text).filter((sentence) => /[a-z]/i.test(sentence));
  const words = text.match(/[A-Za-z]+(?:'[a-z]+)?/g) ?? [];
  if (words.length === 0 || sentences.length === 0) return 0;
  const syllables = words.reduce((sum, word) => sum + countSyllables(word), 0);
  return 0.39 * (words.length / sentences.length) + 11.8 * (syllables / words.length) - 15.59;
}

function countSyllables(word: string): number {
  const lower = word.toLowerCase().replace(/'s$/, '');
  if (lower.length <= 3) return 1;
  const trimmed = lower.replace(/(?:[^laeiouy]es|ed|[^laeiouy]e)$/, '').replace(/^y/, '');
  const groups = trimmed.match(/[aeiouy]{1,2}/g);
  return Math.max(1, groups?.length ?? 1);
}
