import type { Intent } from '../domain/clinical-rules.js';
import type { QuestionFacets } from '../domain/question-facets.js';
import type { AnswerCandidate } from '../retrieve/gather-answer-evidence.js';
import { ANSWER_THRESHOLDS } from '../retrieve/ranking-settings.js';
import { lowerFirst } from '../text/letter-case.js';
import { SUBSTANCE, SUBSTANCE_WORD } from '../text/substances.js';

const INTENT_NOUNS: Partial<Record<Intent, string>> = {
  dose: 'a dose',
  administration: 'advice on how to take it',
  duration: 'a duration of treatment',
  interaction: 'an interaction',
  'side-effects': 'side effects',
  stopping: 'advice on stopping',
  'brand-generic': 'brand and generic names',
  mechanism: 'how it works',
  monitoring: 'monitoring advice',
  target: 'a treatment target',
  timing: 'the timing',
  'missed-dose': 'advice on a missed dose',
  screening: 'screening advice',
  'test-result': 'an interpretation of this result',
  cause: 'the causes',
};

/** Measurements whose value decides a dose (kidney function): the answer says when no statement covers the value. */
const DOSE_DECIDING = new Set(['crcl', 'egfr', 'creatinine']);

/**
 * The facets of the question that no statement about its subject covers, each as one plain
 * sentence ("The indexed sources do not address gabapentin in pregnancy."), so the reader
 * knows exactly which part is unanswered rather than getting an answer to another question.
 */
export function describeGaps(facets: QuestionFacets, candidates: AnswerCandidate[]): string[] {
  const aboutSubject = candidates.filter((candidate) => candidate.score.subject >= ANSWER_THRESHOLDS.directSubject);
  const subject = subjectPhrase(facets);
  // Two medicines that no source names together.
  const drugs = facets.entities.filter((entity) => !entity.background && entity.kind === 'drug');
  const forAskedPopulation = aboutSubject.filter((candidate) => candidate.score.population >= 0);
  if (forAskedPopulation.length === 0 && facets.intent === 'interaction' && drugs.length >= 2)
    return [
      `The indexed sources do not address an interaction between ${drugs.map((drug) => drug.name).join(' and ')}.`,
    ];
  if (aboutSubject.length === 0) return [];
  // "Can I drink alcohol with amoxicillin?": no statement about the drug names what it meets.
  // "Is coffee bad for high blood pressure?": the same for a substance asked about with a condition.
  const meets =
    facets.intent === 'interaction' && drugs.length === 1
      ? SUBSTANCE.exec(facets.text)?.[1]
      : facets.intent === 'safety'
        ? SUBSTANCE_WORD.exec(facets.text)?.[1]
        : undefined;
  const subjectTopics = facets.entities.filter((entity) => !entity.background).flatMap((entity) => entity.topics);
  const ownMonograph = (candidate: AnswerCandidate) => subjectTopics.includes(candidate.passage.topicId ?? '');
  const named = meets ? new RegExp(`\\b${meets.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu') : null;
  if (named && !aboutSubject.some((candidate) => ownMonograph(candidate) && named.test(candidate.passage.text)))
    return [
      drugs.length > 0
        ? `The indexed sources do not address ${subject} with ${meets?.toLowerCase()}.`
        : `The indexed sources do not address ${meets?.toLowerCase()} in ${lowerFirst(subject)}.`,
    ];
  const gaps: string[] = [];
  const noun = INTENT_NOUNS[facets.intent];
  if (noun && !aboutSubject.some((candidate) => candidate.score.intent >= ANSWER_THRESHOLDS.directIntent)) {
    gaps.push(`The indexed sources do not give ${noun} for ${subject}.`);
  }
  for (const population of facets.populations.filter((asked) => !asked.inherited)) {
    if (!aboutSubject.some((candidate) => candidate.score.populationsMet.includes(population.name))) {
      gaps.push(`The indexed sources do not address ${subject} ${population.phrase}.`);
    }
  }
  // A kidney-function number decides a dose; for other questions it is context.
  const dosing = facets.intents.includes('dose') || facets.intent === 'safety';
  for (const measurement of facets.measurements.filter((asked) => !asked.inherited && !asked.context)) {
    if (!DOSE_DECIDING.has(measurement.name) || !dosing) continue;
    if (!aboutSubject.some((candidate) => candidate.score.measurementsMet.includes(measurement.name))) {
      gaps.push(
        `The indexed sources give no specific advice on ${subject} at a ${measurement.label} of ${measurement.value}${measurement.unit ? ` ${measurement.unit}` : ''}.`,
      );
    }
  }
  return gaps;
}

function subjectPhrase(facets: QuestionFacets): string {
  const names = facets.entities
    .filter((entity) => !entity.background && entity.kind !== 'term')
    .map((entity) => entity.name.replace(/\s*\([^)]*\)\s*$/, ''));
  return names.length > 0 ? [...new Set(names)].join(' and ') : 'this question';
}
