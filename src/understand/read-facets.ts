import { readRecentUse } from './read-recent-use.js';
import type { Intent, PopulationName } from '../domain/clinical-rules.js';
import type { Entity, Population, QuestionFacets } from '../domain/question-facets.js';
import { STOPWORDS } from '../retrieve/stopwords.js';
import { SUBSTANCE } from '../text/substances.js';
import { tokenize } from '../text/tokenize.js';
import type { CompiledRules } from './compile-rules.js';
import type { EntityIndex } from './entity-index.js';
import { conditionsOfResults, readFindings, resultsOutOfRange } from './read-findings.js';
import { QUESTION_WORDS, readTerms } from './read-terms.js';
import { markPatientContext } from './mark-patient-context.js';
import { isMeasurementWord, isPopulationWord, namesPopulation } from './word-kinds.js';
import { readMeasurements } from './read-measurements.js';
import type { CorrectedText } from './spelling-corrector.js';

export interface FacetReaders {
  rules: CompiledRules;
  entities: EntityIndex;
}

/** A question longer than this is read as a vignette: its question sentence leads, the rest is context. */
const VIGNETTE_CHARS = 220;

/** Words of asking that carry no subject. */

/** Where a matched name stands in the text (tokens may be joined by spaces, hyphens or slashes there). */
function locate(text: string, label: string, from: number): number {
  const pattern = label
    .split(/\s+/)
    .map((token) => token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\-/]+');
  const regex = new RegExp(pattern, 'giu');
  regex.lastIndex = from;
  const match = regex.exec(text) ?? new RegExp(pattern, 'iu').exec(text);
  return match?.index ?? -1;
}

/** Length of a located name in the text (its separators may differ from the label's). */
function spanLength(text: string, at: number, label: string): number {
  const words = label.split(/\s+/).length;
  const match = new RegExp(`^(?:[\\p{L}\\p{N}]+[\\s\\-/]*){${words}}`, 'u').exec(text.slice(at));
  return (match?.[0] ?? label).trimEnd().length;
}

/** Whether every mention of a word in the text is denied ("no comorbidities"). */
function isNegatedIn(text: string, word: string): boolean {
  const mentions = [...text.matchAll(new RegExp(`(?<![\\p{L}])${word}`, 'giu'))];
  return (
    mentions.length > 0 &&
    mentions.every((match) => NEGATED.test(text.slice(Math.max(0, (match.index ?? 0) - 45), match.index)))
  );
}

/** Words that introduce the patient's other conditions ("in a patient with CKD", "who also has diabetes"). */
const COMORBIDITY =
  /\b(?:(?:in|for) (?:a|an|the|this|my) (?:\d+[- ]year[- ]old )?(?:patient|person|man|woman|adult|child|boy|girl|pt|outpatient|inpatient|smoker|resident|someone)(?: who (?:has|have)| with| known to have)|who (?:also )?(?:has|have)|with (?:known |a history of |underlying |co-?existing )?|after(?: a| an| her| his| their| my)?(?: recent)?)\s+(?:\w+\s+){0,2}$/iu;

/** Words before a name that deny it. */
const NEGATED =
  /\b(no|not|without|denies|never had|no (personal or family )?history of|negative for|free of)\s+(\w+\s+){0,3}$/iu;

/** Words before a drug that make it background ("on metformin", "takes amlodipine"). */
const CURRENT_MEDICINE =
  /\b(on|taking|takes|receiving|treated with|started (him|her|me) on|currently on)\s+(\w+\s+){0,2}$/iu;

/**
 * Reads a question as facets: what it asks (intents), about what (drugs, classes,
 * conditions), for whom (pregnancy, breastfeeding, age, kidney and liver function), with
 * which numbers, after correcting spelling. Long vignettes are reduced to their question:
 * its sentence decides the intent and the subject, the rest supplies context.
 */
export function readFacets(spelled: CorrectedText, readers: FacetReaders): QuestionFacets {
  const { rules } = readers;
  const text = spelled.text.replace(/\s+/g, ' ').trim();
  const { ask, ranges } = askOf(text);

  const found = readers.entities.find(text);
  // Token offsets → character offsets are not tracked by the matcher, so locate each label.
  const entities: Entity[] = [];
  const qualifiers: Entity[] = [];
  let searchFrom = 0;
  for (const { entity } of found) {
    const at = locate(text, entity.label, searchFrom);
    if (at >= 0) searchFrom = at + 1;
    const before = text.slice(Math.max(0, at - 45), at);
    // "no history of pancreatitis", "has no mechanical valve": not what the patient has.
    if (NEGATED.test(before)) continue;
    const span: Partial<Entity> = at >= 0 ? { span: [at, at + spanLength(text, at, entity.label)] } : {};
    // A word that names a measurement ("potassium") qualifies the question; a condition named by its
    // result ("hyperkalaemia") is a subject like any other.
    if (
      isPopulationWord(entity.label, rules) ||
      (isMeasurementWord(entity.label, rules) && entity.kind !== 'condition')
    ) {
      qualifiers.push({ ...entity, ...span, background: false });
      continue;
    }
    // A name not found where written ("H. pylori" across a full stop) is in the question when the whole message is.
    const inAsk = at < 0 ? ask === text : ranges.some(([from, to]) => at >= from && at < to);
    const background =
      !inAsk ||
      (entity.kind === 'drug' && CURRENT_MEDICINE.test(before) && ask === text && text.length > VIGNETTE_CHARS);
    const same = entities.find((known) => known.name === entity.name && known.kind === entity.kind);
    if (same) {
      // "Is Tylenol the same as paracetamol?": two names of one drug, both kept as mentions.
      if (!(same.mentions ?? []).includes(entity.label))
        same.mentions = [...(same.mentions ?? [same.label]), entity.label];
      continue;
    }
    entities.push({ ...entity, ...span, background });
  }
  // "Gout flare in a patient with CKD stage 4": a later condition introduced as the patient's is
  // a comorbidity, the setting of the question, not its subject.
  const conditions = entities.filter((entity) => entity.kind === 'condition' && !entity.background);
  for (const entity of conditions.slice(1)) {
    const start = entity.span?.[0];
    if (start === undefined) continue;
    if (COMORBIDITY.test(text.slice(Math.max(0, start - 40), start))) entity.background = true;
  }
  // "Cellulitis with penicillin allergy": a condition that says who the question is for is its setting
  // when another condition is asked; asked alone ("ceftriaxone with a penicillin allergy") it stays a subject.
  const isSetting = (entity: Entity) => entity.kind === 'condition' && namesPopulation(entity.label, rules);
  if (entities.some((entity) => entity.kind === 'condition' && !entity.background && !isSetting(entity)))
    for (const entity of entities) if (isSetting(entity)) entity.background = true;
  // A question sentence that names nothing ("What does this mean?", "Which class should be
  // added?") is about its context: a short message's whole context, a long vignette's lead
  // problem (the first condition it names) with the rest as background.
  if (entities.length > 0 && entities.every((entity) => entity.background)) {
    // A short message naming one or two things is about them all; a case naming more (a 58-year-old
    // with diabetes on metformin after an MI: "what should be added?") is about its lead problem.
    if (text.length <= VIGNETTE_CHARS && entities.filter((entity) => entity.kind !== 'term').length <= 2)
      for (const entity of entities) entity.background = false;
    else {
      const lead = entities.find((entity) => entity.kind === 'condition') ?? entities[0];
      if (lead) lead.background = false;
    }
  } else if (text.length > VIGNETTE_CHARS && entities.every((entity) => entity.background || entity.kind === 'term')) {
    // "…What is the recommended antibiotic?": a generic word asked of a vignette's lead problem.
    const lead = entities.find((entity) => entity.kind === 'condition' && entity.background);
    if (lead) lead.background = false;
  }
  // "My A1c came back at 6.1%": the test itself is the subject when nothing else is named. A
  // population word is not ("coffee while breastfeeding" is about coffee, which the sources may lack).
  const otherWords = tokenize(ask).filter(
    (word) =>
      word.length > 3 &&
      !STOPWORDS.has(word) &&
      !QUESTION_WORDS.has(word) &&
      !qualifiers.some((entity) => entity.label.toLowerCase().includes(word)),
  );
  if (entities.length === 0)
    entities.push(
      ...qualifiers.filter(
        (entity) =>
          (entity.kind !== 'term' ||
            entity.topics.length > 0 ||
            entity.relatedTopics.length > 0 ||
            entity.names.length > 1) &&
          !(isPopulationWord(entity.label, rules) && otherWords.length > 0),
      ),
    );

  const { measurements, ageYears } = readMeasurements(text, rules);
  // "Sodium 118 and confused": a result far out of range names its condition when nothing else does
  // (a test's abbreviation, "MCV", is not a condition).
  if (
    entities.every((entity) => entity.background || (entity.kind === 'term' && /^[A-Z0-9]{2,6}$/u.test(entity.label)))
  ) {
    for (const condition of conditionsOfResults(measurements, rules)) {
      const entity = readers.entities.find(condition)[0]?.entity;
      if (entity && !entities.some((known) => known.name === entity.name)) entities.push(entity);
    }
  }
  const populations = readPopulations(text, rules, measurements, ageYears);
  markPatientContext({ populations, measurements }, text, ask, rules);
  // Words that only name the population ("liver disease", "pregnant") are the population.
  const populationWords = rules.populations.flatMap((rule) =>
    rule.cues.flatMap((cue) =>
      [...text.matchAll(new RegExp(cue.source, 'giu'))].flatMap((match) => tokenize(match[0])),
    ),
  );
  // "My child has a fever": a word that only names who is asked about is not a subject.
  const populationWordSet = new Set(populationWords);
  for (let at = entities.length - 1; at >= 0; at -= 1) {
    const entity = entities[at];
    if (entity?.kind === 'term' && tokenize(entity.label).every((word) => populationWordSet.has(word)))
      entities.splice(at, 1);
  }
  // "UTI in a man": the topic written for the population asked ("UTI in men"), when there is one.
  for (const [at, entity] of entities.entries()) {
    if (entity.kind !== 'condition' && entity.kind !== 'term') continue;
    for (const population of populations) {
      const phrase = `${entity.label} ${population.phrase}`;
      const found = readers.entities.find(phrase)[0]?.entity;
      if (found?.kind !== 'condition' || found.label.toLowerCase() !== phrase.toLowerCase()) continue;
      // Already exactly that topic; otherwise narrow to it ("UTI" names cystitis in women and UTI in men).
      if (found.topics.length === entity.topics.length && found.topics.every((id) => entity.topics.includes(id)))
        continue;
      entities[at] = {
        ...found,
        label: entity.label,
        ...(entity.span ? { span: entity.span } : {}),
        background: entity.background,
      };
      break;
    }
  }
  const intents = readIntents(ask, text, rules, entities);
  // "Nitrofurantoin in pregnancy": a drug named with pregnancy or breastfeeding asks whether it is safe.
  if (
    intents.length === 0 &&
    entities.some((entity) => (entity.kind === 'drug' || entity.kind === 'class') && !entity.background) &&
    populations.some((population) => population.name === 'pregnancy' || population.name === 'breastfeeding')
  )
    intents.push('safety');
  const entityWords = new Set(entities.flatMap((entity) => entity.label.toLowerCase().split(/[\s-]+/)));
  const unknownTerms = spelled.unknown.filter((word) => !entityWords.has(word.toLowerCase()) && word.length >= 5);

  const terms = readTerms({ ask, text, entities, populationWords, rules });
  // "Fever in a 3 week old baby": nothing named, but a word with who it is about names a topic ("fever in infants").
  if (entities.length === 0) {
    for (const term of terms) {
      const found = populations
        .map((population) => readers.entities.find(`${term} ${population.phrase}`)[0]?.entity)
        .find((entity) => entity !== undefined && (entity.topics.length > 0 || entity.relatedTopics.length > 0));
      if (found) {
        entities.push({ ...found, label: term });
        break;
      }
    }
  }

  const negatedTerms = terms.filter((term) => isNegatedIn(text, term));
  const findings = [...readFindings(text, [...entities, ...qualifiers]), ...resultsOutOfRange(measurements, rules)];

  return {
    text,
    terms,
    negatedTerms,
    findings,
    recentUse: readRecentUse(text, entities),
    corrected: spelled.corrections.length > 0 ? text : null,
    intent: intents[0] ?? (entities.some((entity) => entity.kind === 'drug') ? 'definition' : 'treatment'),
    intents,
    entities,
    populations,
    measurements,
    ageYears,
    unknownTerms,
    followUp: false,
  };
}

/**
 * The question within a message: its sentences that ask something (ending in "?"); for a
 * long vignette without one, its last sentence; else the whole text. With the character
 * ranges of those sentences, to tell the subject from the context.
 */
function askOf(text: string): { ask: string; ranges: Array<[number, number]> } {
  const sentences: Array<{ text: string; start: number }> = [];
  // A decimal point ("potassium 7.1") does not end a sentence.
  for (const match of text.matchAll(/(?:[^.?!]|\.(?=\d))+[.?!]*/g))
    sentences.push({ text: match[0], start: match.index ?? 0 });
  const whole = { ask: text, ranges: [[0, text.length]] as Array<[number, number]> };
  if (sentences.length < 2) return whole;
  const asking = sentences.filter((sentence) => sentence.text.trim().endsWith('?'));
  const chosen = asking.length > 0 ? asking : text.length > VIGNETTE_CHARS ? sentences.slice(-1) : [];
  if (chosen.length === 0) return whole;
  return {
    ask: chosen.map((sentence) => sentence.text.trim()).join(' '),
    ranges: chosen.map((sentence) => [sentence.start, sentence.start + sentence.text.length]),
  };
}

/** Specific asks a case may state before a generic "what should I do?". */
const TOLD_IN_CASE = new Set<Intent>(['missed-dose', 'side-effects', 'stopping']);

function readIntents(ask: string, text: string, rules: CompiledRules, entities: Entity[]): Intent[] {
  const found: Intent[] = [];
  for (const rule of rules.intents) {
    if (rule.cues.some((cue) => cue.test(ask))) found.push(rule.name);
  }
  if (found.length === 0) {
    for (const rule of rules.intents) if (rule.cues.some((cue) => cue.test(text))) found.push(rule.name);
  } else if (!found.some((intent) => intent !== 'treatment')) {
    // "I forgot my pill yesterday. What should I do?": the case says what the generic "what should I do" is about.
    const told = rules.intents
      .filter((rule) => TOLD_IN_CASE.has(rule.name) && rule.cues.some((cue) => cue.test(text)))
      .map((rule) => rule.name);
    found.unshift(...told);
  }
  const drugs = entities.filter((entity) => entity.kind === 'drug' || entity.kind === 'class');
  let intents = found.filter((intent) => {
    if (intent === 'interaction')
      return (
        drugs.length >= 2 ||
        /\bwith (it|this|that|them)\b/iu.test(ask) ||
        // With one drug named, it must say so ("interact") or name what the drug meets ("with alcohol").
        (drugs.length === 1 && (/\binteract/iu.test(ask) || SUBSTANCE.test(ask)))
      );
    if (intent === 'brand-generic') return drugs.length >= 1;
    // "Does diabetes cause kidney disease?" asks a cause; only a medicine has side effects.
    if (intent === 'side-effects') return drugs.length >= 1 || /side[- ]?effects?|adverse/i.test(ask);
    return true;
  });
  // Asking whether a new drug is safe for someone already on another one is an interaction question too.
  if (
    intents.includes('safety') &&
    !intents.includes('interaction') &&
    drugs.some((entity) => entity.background) &&
    drugs.some((entity) => !entity.background)
  ) {
    intents.push('interaction');
  }
  // "What is X?" about a drug asks what it is and does.
  if (intents[0] === 'definition' && drugs.length > 0 && !intents.includes('mechanism'))
    intents = ['definition', 'mechanism', ...intents.slice(1)];
  // "I missed two days of my pills, what should I do?": the doing is about the missed dose, not treatment.
  if (intents[0] === 'missed-dose') intents = intents.filter((intent) => intent !== 'treatment');
  return intents;
}

function readPopulations(
  text: string,
  rules: CompiledRules,
  measurements: ReturnType<typeof readMeasurements>['measurements'],
  ageYears: number | null,
): Population[] {
  const names = new Set<PopulationName>();
  for (const rule of rules.populations) if (rule.cues.some((cue) => cue.test(text))) names.add(rule.name);
  for (const measurement of measurements) {
    const rule = rules.measurements.find((candidate) => candidate.name === measurement.name);
    const implied =
      rule?.impliesBelow === undefined || measurement.value < rule.impliesBelow ? rule?.implies : undefined;
    // A normal value names kidney function without making it the question ("normal renal function").
    if (implied && !(implied === 'renal' && /\bnormal (renal|kidney) function\b/iu.test(text))) names.add(implied);
  }
  if (
    /\bnormal (renal|kidney) function\b/iu.test(text) &&
    !measurements.some((m) => m.name === 'crcl' || m.name === 'egfr')
  )
    names.delete('renal');
  // "eGFR 72" names kidney function without reducing it: not a kidney-dosing question by itself.
  const kidneyNumbers = measurements.filter((m) => m.name === 'egfr' || m.name === 'crcl');
  if (
    names.has('renal') &&
    kidneyNumbers.length > 0 &&
    kidneyNumbers.every((m) => {
      const below = rules.measurements.find((rule) => rule.name === m.name)?.impliesBelow;
      return below !== undefined && m.value >= below;
    }) &&
    !/\b(kidney|renal|ckd|dialysis|creatinine clearance|cr ?cl)\b/iu.test(text)
  )
    names.delete('renal');
  if (names.has('breastfeeding')) {
    // "breastfeeding a 2-month-old": the age is the baby's, not the patient's.
    names.delete('infant');
    names.delete('child');
  } else if (ageYears !== null) {
    if (ageYears < 1) names.add('infant');
    else if (ageYears < 18) names.add('child');
    else if (ageYears >= 65) names.add('older-adult');
    if (ageYears >= 18) {
      names.delete('child');
      names.delete('infant');
    }
  }
  if (names.has('infant')) names.delete('child');
  if (names.has('infant') || names.has('child')) {
    // A boy or a girl: children's statements rarely divide by sex, and "in men" would mislead.
    names.delete('male');
    names.delete('female');
  }
  return rules.populations
    .filter((rule) => names.has(rule.name))
    .map((rule) => ({ name: rule.name, phrase: rule.phrase }));
}
