import type { ClinicalRules } from '../domain/clinical-rules.js';
import type { CompiledRules } from '../understand/compile-rules.js';

/**
 * Screens a question before anything is retrieved: emergencies (a person describing
 * red-flag symptoms now), crises, manipulation attempts and requests that are clearly not
 * about health. Pure and deterministic; the rules are reviewed data (knowledge/rules/triage.yaml).
 */
export type Triage =
  | {
      kind: 'emergency';
      reason: string;
      message: string;
      /** A question that finds useful content for this emergency. */ followUp: string;
    }
  | { kind: 'out_of_scope'; reason: 'not_health' | 'manipulation' | 'empty'; message: string }
  | { kind: 'clinical'; question: string };

export interface TriageRules {
  patterns: CompiledRules['triage'];
  messages: ClinicalRules['triage']['messages'];
}

/**
 * `knownTerms` tells whether the text names something Vesalius knows (a drug, condition,
 * test): any question that does is in scope, however it is worded.
 */
export function triageQuestion(
  raw: string,
  rules: TriageRules,
  knownTerms: (text: string) => boolean = () => false,
  options: { followUp?: boolean } = {},
): Triage {
  const { patterns, messages } = rules;
  const question = raw.replace(/\s+/g, ' ').trim();
  if (question.length === 0) return { kind: 'out_of_scope', reason: 'empty', message: messages.empty };

  if (patterns.crisis.some((pattern) => pattern.test(question))) {
    return {
      kind: 'emergency',
      reason: 'crisis',
      message: messages.crisis,
      followUp: 'suicide risk in major depression',
    };
  }
  const personal = patterns.personal.some((pattern) => pattern.test(question));
  const clinician = patterns.clinician.some((pattern) => pattern.test(question));
  if (personal && !clinician) {
    for (const flag of patterns.redFlags) {
      if (flag.patterns.some((pattern) => pattern.test(question))) {
        const message = flag.advice ? `${messages.emergency} ${flag.advice}` : messages.emergency;
        return { kind: 'emergency', reason: flag.name, message, followUp: flag.followUp };
      }
    }
  }

  // Manipulation: drop the manipulative sentences; what remains is answered as usual, and a
  // request that was only manipulation is refused.
  const sentences = question.split(/(?<=[.!?;:])\s+|\n+/);
  const kept = sentences.filter((sentence) => !patterns.manipulation.some((pattern) => pattern.test(sentence)));
  const remaining = kept.join(' ').trim();
  const isHealth = (text: string) =>
    text.length > 0 && (patterns.healthWords.some((pattern) => pattern.test(text)) || knownTerms(text));
  if (kept.length < sentences.length && !isHealth(remaining)) {
    return { kind: 'out_of_scope', reason: 'manipulation', message: messages.manipulation };
  }
  // A follow-up takes its subject from its thread ("and if his CrCl is 40?").
  if (!isHealth(remaining) && !options.followUp)
    return { kind: 'out_of_scope', reason: 'not_health', message: messages.outOfScope };
  // Clearly another kind of request (code, a poem) with only a passing health word is still not a health question.
  if (patterns.notHealth.some((pattern) => pattern.test(remaining)) && !knownTerms(remaining)) {
    return { kind: 'out_of_scope', reason: 'not_health', message: messages.outOfScope };
  }
  return { kind: 'clinical', question: remaining };
}
