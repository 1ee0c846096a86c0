import type { Entity, QuestionFacets } from '../domain/question-facets.js';
import type { ThreadContext } from '../domain/thread-context.js';
import type { EntityIndex } from './entity-index.js';

/** A follow-up that leans on its thread: "and if…", "what about…", "in pregnancy?". */
const ELLIPTICAL =
  /^(and|but|so|what about|how about|what if|if|in|for|during|with|also|then|same|how long|how often|which one|she|he|they|her|his|their)\b/iu;
/** Words that point back at the drug the thread's answer named ("it", "which one"). */
const POINTS_BACK = /\b(it|this|that|them|these|those|which one|the same one)\b/iu;
/** Words that point back at the thread's treatment in general ("the antibiotics", "the treatment"). */
const REFERS_TO_TREATMENT = /\bthe (antibiotics?|medicines?|medications?|drugs?|pills?|tablets?|treatment|course)\b/iu;

const isSubject = (entity: Entity) => !entity.background && entity.kind !== 'term';

/**
 * Completes a follow-up with its thread: an elliptical follow-up keeps the thread's subject
 * (and the drug its answer named, when the follow-up points back at it) and adds its own
 * facet; a follow-up with a subject of its own keeps the thread's patient (population,
 * numbers) and has the thread's subject as background. Intent is the follow-up's own when it
 * states one, else the thread's.
 */
export function followThread(own: QuestionFacets, context: ThreadContext, entities: EntityIndex): QuestionFacets {
  const ownIntentStated = own.intents.length > 0;
  const previous = context.facets ?? facetsFromTopics(context, entities);
  const ownSubjects = own.entities.filter(isSubject);
  const pointsBack = POINTS_BACK.test(own.text);
  const elliptical = ownSubjects.length === 0 || ELLIPTICAL.test(own.text.trim()) || pointsBack;

  const threadSubjects = previous.entities
    .filter(isSubject)
    .map((entity) => ({ ...entity, origin: 'thread' as const }));
  const answerDrugs = (context.answerDrugs ?? [])
    .map((id) => entities.entityForTopic(id, 'answer'))
    .filter((entity): entity is Entity => entity !== null);

  let merged: Entity[];
  if (!elliptical) {
    // A new subject in the same conversation: the thread's subject becomes context.
    merged = [...own.entities, ...threadSubjects.map((entity) => ({ ...entity, background: true }))];
  } else {
    const ownDrugs = ownSubjects.filter((entity) => entity.kind === 'drug' || entity.kind === 'class');
    const ownConditions = own.entities.filter((entity) => entity.kind === 'condition' || entity.kind === 'term');
    // The answer's drugs are what "it" and "which one" mean, and what a new patient detail
    // (pregnancy, kidney function) puts in question.
    const newDetail =
      own.populations.some((population) => !previous.populations.some((known) => known.name === population.name)) ||
      own.measurements.length > 0 ||
      REFERS_TO_TREATMENT.test(own.text);
    // A thread about a medicine: "it" is that medicine ("does it interact with fluconazole?"), not
    // the others its answer happened to name.
    const threadDrug = threadSubjects.some((entity) => entity.kind === 'drug' || entity.kind === 'class');
    const itIsThreadDrug = pointsBack && threadDrug;
    // Pointed at ("stay on it"), they are the subject; put in question by a new detail, they may
    // stand in for the thread's condition.
    const backReference = itIsThreadDrug
      ? []
      : pointsBack
        ? answerDrugs
        : ownDrugs.length === 0 && newDetail
          ? answerDrugs.map((entity) => ({ ...entity, background: true }))
          : [];
    // "Can he stay on it?": the thread's drug is the subject; a newly named condition is a qualifier.
    merged = [
      ...ownDrugs,
      // A follow-up that names its own drug ("can she take tramadol with it?") asks about that drug;
      // the thread's subject stays as context.
      ...threadSubjects
        .filter((entity) => !ownDrugs.some((drug) => drug.name === entity.name))
        .map((entity) => ({
          ...entity,
          background: ownDrugs.length > 0 && !(itIsThreadDrug && (entity.kind === 'drug' || entity.kind === 'class')),
        })),
      ...backReference.filter(
        (entity) => !ownDrugs.some((drug) => drug.topics.some((id) => entity.topics.includes(id))),
      ),
      ...ownConditions.map((entity) => ({ ...entity, background: threadSubjects.length > 0 })),
    ];
  }
  const unique: Entity[] = [];
  for (const entity of merged)
    if (!unique.some((known) => known.name === entity.name && known.kind === entity.kind)) unique.push(entity);

  const intents = ownIntentStated ? own.intents : [...previous.intents];
  // The patient's details carry over, as context: what this follow-up adds is what it asks.
  const populations = own.populations.map((population) => ({ ...population, inherited: false }));
  for (const population of previous.populations) {
    if (!populations.some((known) => known.name === population.name))
      populations.push({ ...population, inherited: true });
  }
  const measurements = own.measurements.map((measurement) => ({ ...measurement, inherited: false }));
  for (const measurement of previous.measurements) {
    if (!measurements.some((known) => known.name === measurement.name))
      measurements.push({ ...measurement, inherited: true });
  }

  return {
    ...own,
    intent: intents[0] ?? previous.intent,
    intents: intents.length > 0 ? intents : previous.intents,
    entities: unique,
    populations,
    measurements,
    ageYears: own.ageYears ?? previous.ageYears,
    terms: own.terms,
    followUp: true,
  };
}

/** A thread stored before facets were kept: rebuild its subject from its topics. */
function facetsFromTopics(context: ThreadContext, entities: EntityIndex): QuestionFacets {
  const subject = context.topics
    .slice(0, 2)
    .map((id) => entities.entityForTopic(id, 'thread'))
    .filter((entity): entity is Entity => entity !== null);
  return {
    text: context.question,
    corrected: null,
    intent: 'treatment',
    intents: [],
    entities: subject,
    populations: [],
    measurements: [],
    ageYears: null,
    terms: [],
    negatedTerms: [],
    findings: [],
    recentUse: [],
    unknownTerms: [],
    followUp: false,
  };
}
