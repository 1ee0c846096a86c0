import type { Entity } from '../domain/question-facets.js';
import { STOPWORDS, TYPE_WORDS } from '../retrieve/stopwords.js';
import { tokenize } from '../text/tokenize.js';
import type { CompiledRules } from './compile-rules.js';
import { joinPhraseTerms } from './join-phrase-terms.js';

/** Words that ask rather than say what about. */
export const QUESTION_WORDS = new Set(
  'should would could does did what which when where how why can may might will shall also still now just ok okay safe fine want wants need needs help year years old month months week weeks day days man woman men women adult adults male female boy girl patient'.split(
    ' ',
  ),
);

/**
 * The question's own content words beyond its subjects, its intent and its population ("recheck",
 * "eyes", "every night"): what is asked within the subject. At most 24.
 */
export function readTerms(input: {
  ask: string;
  text: string;
  entities: Entity[];
  populationWords: string[];
  rules: CompiledRules;
}): string[] {
  const { ask, text, entities, populationWords, rules } = input;
  // Words that only say what is asked ("how long", "side effects") are the intent, not the subject.
  // Only the cue's own words: what its wildcards spanned ("how often … their eyes checked") is content.
  const intentWords = rules.intents.flatMap((rule) =>
    rule.cues.flatMap((cue) => {
      // The cue's letters without regular-expression syntax ("re-?check" → "recheck").
      const source = cue.source.toLowerCase().replace(/\\[bsdw]|[\\^$.*+?()[\]{}|-]/gu, '');
      return [...ask.matchAll(new RegExp(cue.source, 'giu'))]
        .flatMap((match) => tokenize(match[0]))
        .filter((word) => source.includes(word.slice(0, Math.max(3, word.length - 2))));
    }),
  );
  // A subject's own words are covered; words a long synonym adds ("honey" in "honey for cough")
  // are what the question is about within that subject, and stay as terms.
  const covered = new Set([
    ...entities.flatMap((entity) => {
      const own = new Set(
        entity.names
          .filter((name) => name.toLowerCase() !== entity.label.toLowerCase())
          .flatMap((name) => tokenize(name)),
      );
      const words = tokenize(entity.label);
      // Only a phrase joining the subject to something else ("honey for cough") adds words.
      const joined = /\s(for|with|after|before|during|in)\s/iu.test(entity.label);
      // A listed phrase ("Tdap in pregnancy") names a topic loosely: its own words ("tdap") still say what is asked.
      if (joined && entity.kind === 'term') return words.filter((word) => STOPWORDS.has(word));
      return own.size === 0 || !joined ? words : words.filter((word) => own.has(word) || STOPWORDS.has(word));
    }),
    ...intentWords,
    ...populationWords,
  ]);
  const terms = [
    ...new Set(
      tokenize(ask === text ? text : `${ask} ${text}`).filter(
        (word) =>
          word.length > 2 &&
          !/^\d/.test(word) &&
          !STOPWORDS.has(word) &&
          !TYPE_WORDS.has(word) &&
          !covered.has(word) &&
          !QUESTION_WORDS.has(word),
      ),
    ),
  ].slice(0, 24);
  joinPhraseTerms(terms, ask, rules.source.equivalentWords);
  return terms;
}
