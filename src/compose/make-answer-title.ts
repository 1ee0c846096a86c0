import type { Intent } from '../domain/clinical-rules.js';
import type { QuestionFacets } from '../domain/question-facets.js';
import { capitalise, lowerFirst } from '../text/letter-case.js';
import { SUBSTANCE } from '../text/substances.js';

const INTENT_TITLES: Record<Intent, (subject: string) => string> = {
  'brand-generic': (subject) => `${subject}: brand and generic names`,
  mechanism: (subject) => `${subject}: what it is and how it works`,
  definition: (subject) => subject,
  dose: (subject) => `Dose of ${lowerFirst(subject)}`,
  administration: (subject) => `How to take ${lowerFirst(subject)}`,
  duration: (subject) => `How long to treat ${lowerFirst(subject)}`,
  'missed-dose': (subject) => `Missed dose of ${lowerFirst(subject)}`,
  safety: (subject) => `Safety of ${lowerFirst(subject)}`,
  interaction: (subject) => `Interactions: ${subject}`,
  'side-effects': (subject) => `${subject}: side effects`,
  stopping: (subject) => `Stopping ${lowerFirst(subject)}`,
  comparison: (subject) => `Comparing ${lowerFirst(subject)}`,
  'test-result': (subject) => `What the result means: ${lowerFirst(subject)}`,
  treatment: (subject) => `Treatment of ${lowerFirst(subject)}`,
  diagnosis: (subject) => `Diagnosis of ${lowerFirst(subject)}`,
  monitoring: (subject) => `Monitoring ${lowerFirst(subject)}`,
  target: (subject) => `Treatment target in ${lowerFirst(subject)}`,
  timing: (subject) => `Timing of ${lowerFirst(subject)}`,
  prognosis: (subject) => `Outlook in ${lowerFirst(subject)}`,
  prevention: (subject) => `Prevention of ${lowerFirst(subject)}`,
  screening: (subject) => `Screening for ${lowerFirst(subject)}`,
  cause: (subject) => `Causes of ${lowerFirst(subject)}`,
  symptoms: (subject) => `Symptoms of ${lowerFirst(subject)}`,
  complications: (subject) => `Complications of ${lowerFirst(subject)}`,
};

const MAX_TITLE = 120;

/**
 * The question's subject, whole: intent, then the drugs and conditions asked about, then
 * the population and numbers ("Rivaroxaban dose in atrial fibrillation with creatinine
 * clearance 40 mL/min"). Never cut inside a word.
 */
export function makeAnswerTitle(facets: QuestionFacets): string {
  const asked = facets.entities.filter((entity) => !entity.background);
  // The subject as the question names it ("Valtrex", "type 2 diabetes"), each named once.
  const label = (entity: (typeof asked)[number]) =>
    entity.origin === 'question' ? entity.label : display(entity.name);
  const drugs = distinct(asked.filter((entity) => entity.kind === 'drug' || entity.kind === 'class').map(label));
  const conditions = distinct(asked.filter((entity) => entity.kind === 'condition').map(label));
  const terms = distinct(asked.filter((entity) => entity.kind === 'term').map(label));
  const joiner = facets.intent === 'interaction' ? ' with ' : facets.intent === 'comparison' ? ' versus ' : ' and ';
  // The question's own words from its first subject to its last ("ILD with an NSIP pattern and elevated IgE").
  const spans = asked.flatMap((entity) => (entity.span ? [entity.span] : []));
  const from = Math.min(...spans.map(([start]) => start));
  const to = Math.max(...spans.map(([, end]) => end));
  const phrase = spans.length >= 2 && to - from <= 80 ? facets.text.slice(from, to) : '';
  let subject =
    phrase && drugs.length === 0 ? phrase : drugs.length > 0 ? drugs.join(joiner) : conditions.join(' and ');
  // "Atorvastatin with grapefruit": what a single drug meets is part of the subject.
  const meets = facets.intent === 'interaction' && drugs.length === 1 ? SUBSTANCE.exec(facets.text)?.[1] : undefined;
  if (meets) subject = `${subject} with ${meets.toLowerCase()}`;
  // Nothing named: the question's own content words ("fever"), else its words after "what is".
  if (!subject)
    subject =
      terms.length > 0
        ? terms.join(' and ')
        : facets.terms.length > 0 && facets.terms.length <= 3
          ? facets.terms.join(' ')
          : fallbackSubject(facets.text);
  const setting = drugs.length > 0 && conditions.length > 0 ? ` in ${lowerFirst(conditions.join(' and '))}` : '';
  // "What an HbA1c of 6.1% means": the result itself is the subject.
  const result = facets.intent === 'test-result' ? facets.measurements[0] : undefined;
  if (result && drugs.length === 0) {
    return shorten(
      `What ${result.label === 'INR' ? 'an' : 'a'} ${result.label} of ${result.value}${result.unit === '%' ? '%' : result.unit ? ` ${result.unit}` : ''} means`,
    );
  }
  // "Which antibiotic, at what dose, for AOM?": a condition has no dose; its treatment does.
  const conditionDose = facets.intent === 'dose' && drugs.length === 0 && conditions.length > 0;
  const parts = [
    conditionDose
      ? terms[0] && subject.toLowerCase().includes(terms[0].toLowerCase())
        ? capitalise(subject)
        : `${capitalise(terms[0] ?? 'treatment')} dose for ${lowerFirst(subject)}`
      : facets.intent === 'duration' && drugs.length > 0
        ? `How long to take ${lowerFirst(subject)}${setting.replace(/^ in /, ' for ')}`
        : facets.intent === 'treatment' && drugs.length > 0 && conditions.length === 0
          ? `${capitalise(subject)} therapy`
          : INTENT_TITLES[facets.intent](capitalise(subject)) + setting,
  ];
  // "A 67-year-old man with…": the sex of a described patient is context, not the title's subject.
  const describedPatient = facets.ageYears !== null;
  for (const population of facets.populations.filter((asked) => !asked.inherited)) {
    if ((population.name === 'male' || population.name === 'female') && describedPatient) continue;
    if (population.name === 'renal' && facets.measurements.some((m) => m.name === 'crcl' || m.name === 'egfr'))
      continue;
    if (population.name === 'renal' && /kidney|renal/i.test(parts.join(' '))) continue;
    if (population.name === 'hepatic' && /liver|hepatic|cirrho/i.test(parts.join(' '))) continue;
    if (population.name === 'penicillin-allergy' && /allerg/i.test(parts.join(' '))) continue;
    if (parts.join(' ').toLowerCase().includes(population.phrase.toLowerCase())) continue;
    parts.push(population.phrase);
  }
  for (const measurement of facets.measurements.filter((asked) => !asked.inherited && !asked.context)) {
    if (measurement.name === 'weight' || measurement.name === 'heart-rate') continue;
    // Already in the question's own words ("hyperkalaemia with potassium 7.1 and peaked T waves").
    if (parts.join(' ').toLowerCase().includes(measurement.text.toLowerCase())) continue;
    parts.push(`with ${measurement.label} ${measurement.value}${measurement.unit ? ` ${measurement.unit}` : ''}`);
  }
  return shorten(capitalise(parts.join(' ')));
}

/** Names once each, dropping one whose words all appear in another ("CKD" inside "diabetes with CKD"). */
function distinct(names: string[]): string[] {
  const kept: string[] = [];
  for (const name of names) {
    const words = name.toLowerCase().split(/\W+/).filter(Boolean);
    if (kept.some((other) => words.every((word) => other.toLowerCase().includes(word)))) continue;
    kept.push(name);
  }
  return kept;
}

function fallbackSubject(text: string): string {
  return text
    .replace(/[?.!]+$/, '')
    .replace(/^(what|how|is|are|can|should|does|do|which|when|why)\b.*?\b(of|for|about|is|are)\s+/i, '')
    .trim();
}

function display(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '');
}

function shorten(title: string): string {
  if (title.length <= MAX_TITLE) return title;
  const cut = title.slice(0, MAX_TITLE);
  return `${cut.slice(0, cut.lastIndexOf(' ')).replace(/[,;:\s]+$/, '')}…`;
}
