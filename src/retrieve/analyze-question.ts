import type { QuestionType } from '../domain/question-type.js';
import { detectQuestionType } from './detect-question-type.js';
import { spellingVariants } from './spelling-variants.js';
import { STOPWORDS, TYPE_WORDS } from './stopwords.js';
import type { TermMatcher } from './term-matcher.js';
import { MAX_QUERY_CHARS, tokenize, tokenizeKeepCase } from '../text/tokenize.js';

/** One thing the question is about, with every way of writing it. */
export interface Concept {
  label: string;
  phrases: string[][];
  weight: number;
  /** True for words that say what kind of answer is wanted ("treatment"), not its subject. */
  typeWord: boolean;
}

export interface QuestionAnalysis {
  text: string;
  type: QuestionType;
  concepts: Concept[];
}

const MAX_CONCEPTS = 24;

/** Question → type and concepts (abbreviations, synonyms and spellings expanded). */
export function analyzeQuestion(
  question: string,
  matcher: TermMatcher,
  variants: ReadonlyArray<readonly [string, string]> = [],
): QuestionAnalysis {
  const text = question.slice(0, MAX_QUERY_CHARS);
  const original = tokenizeKeepCase(text);
  const tokens = original.map((token) => token.toLowerCase());
  const concepts: Concept[] = [];
  const covered = new Set<number>();
  const seen = new Set<string>();
  for (const match of matcher.match(tokens, original)) {
    for (let position = match.start; position < match.end; position += 1) covered.add(position);
    const label = tokens.slice(match.start, match.end).join(' ');
    const key = match.equivalent ? `group:${match.group}` : label;
    if (seen.has(key)) continue;
    seen.add(key);
    const terms = match.equivalent ? (matcher.groups[match.group] ?? []) : [label];
    const phrases = uniquePhrases(terms.flatMap((term) => withVariants(tokenize(term), variants)));
    const allStop = tokens
      .slice(match.start, match.end)
      .every((token) => STOPWORDS.has(token) || TYPE_WORDS.has(token));
    concepts.push({ label, phrases, weight: allStop ? 0.5 : 2, typeWord: allStop });
  }
  const seenTokens = new Set<string>();
  for (const [position, token] of tokens.entries()) {
    if (covered.has(position) || STOPWORDS.has(token) || seenTokens.has(token)) continue;
    if (token.length < 2 && !/\d/.test(token)) continue;
    // A lone number means little ("2" of "type 2") unless nothing else is asked.
    if (/^\d+$/.test(token) && token.length < 3) continue;
    seenTokens.add(token);
    const typeWord = TYPE_WORDS.has(token);
    concepts.push({ label: token, phrases: withVariants([token], variants), weight: typeWord ? 0.5 : 1, typeWord });
  }
  return { text, type: detectQuestionType(text), concepts: concepts.slice(0, MAX_CONCEPTS) };
}

function withVariants(tokens: string[], pairs: ReadonlyArray<readonly [string, string]>): string[][] {
  const phrases = [tokens];
  tokens.forEach((token, index) => {
    for (const variant of spellingVariants(token, pairs)) {
      const copy = [...tokens];
      copy.splice(index, 1, ...tokenize(variant));
      phrases.push(copy);
    }
  });
  return phrases;
}

function uniquePhrases(phrases: string[][]): string[][] {
  const seen = new Set<string>();
  return phrases.filter((phrase) => {
    const key = phrase.join(' ');
    if (phrase.length === 0 || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
