import { windowDays } from '../understand/read-recent-use.js';
import { findingValue } from '../understand/read-findings.js';
import type { CompiledFacets, SubjectMatcher } from './compile-facets.js';
import { coverage, readThresholds } from './read-thresholds.js';
import {
  ANSWER_THRESHOLDS,
  ANSWER_WEIGHTS,
  INTENT_FIT,
  MEASUREMENT_FIT,
  POPULATION_FIT,
  SUBJECT_MATCH,
  TERM_SUBJECT_MIN,
} from './ranking-settings.js';
import type { SectionName } from '../domain/section-name.js';

/** What scoring needs to know about one statement or passage. */
export interface ScoredText {
  text: string;
  section: string;
  topicId?: string | undefined;
  /** A plain-language statement for patients. */
  patient: boolean;
  /** Full-text relevance, 0–1 relative to the best hit (0 when not found by search). */
  search: number;
  /** Evidence weight of what it cites, 0–1. */
  evidence: number;
  /** The title and synonyms of the topic it belongs to. */
  keywords?: string;
  /** It names a condition the question does not ask about ("amoxicillin for sinusitis" when asked about pneumonia). */
  otherCondition?: boolean;
  /** In a topic that covers two conditions, it speaks only of the one not asked about (head lice for a scabies question). */
  otherPart?: boolean;
  /** It belongs to the monograph of a drug the question does not ask about (naming the subject only in passing). */
  foreignMonograph?: boolean;
  /** From the topic of a condition the question gives as background (a comorbidity), not of its subject. */
  backgroundTopic?: boolean;
}

export interface FacetScore {
  subject: number;
  intent: number;
  population: number;
  measurement: number;
  context: number;
  total: number;
  /** Meets every facet the question asks: a candidate for the bottom line. */
  direct: boolean;
  /** Asked populations it speaks to, and measurements whose value it covers. */
  populationsMet: string[];
  measurementsMet: string[];
}

/** Share of the question's other words (weighted by rarity) that the text contains. */
function weightedShare(compiled: CompiledFacets, text: string): number {
  let total = 0;
  let found = 0;
  compiled.terms.forEach((term, index) => {
    const weight = compiled.termWeights[index] ?? 1;
    total += weight;
    const polarity = polarityIn(text, term);
    if (polarity === null) return;
    // "without comorbidities" answers "no comorbidities"; "with comorbidities" contradicts it.
    if (polarity === (compiled.termNegated[index] ?? false)) found += weight;
    else found -= weight / 2;
  });
  return total === 0 ? 0 : Math.max(0, found) / total;
}

const DENIAL = /\b(no|not|without|non|absence of|free of|denies|never)\b[\s\w-]{0,20}$/iu;
/** Advice against doing it ("do not use it every night") speaks to the thing asked; it does not deny it. */
const DIRECTIVE = /\b(do not|don'?t|never|should not|must not|avoid)\b[\s\w-]{0,20}$/iu;

/** Whether a text mentions a term affirmed (false), only denied (true), or not at all (null). */
function polarityIn(text: string, term: RegExp): boolean | null {
  const global = new RegExp(term.source, 'giu');
  let denied = false;
  for (const match of text.matchAll(global)) {
    const before = text.slice(Math.max(0, (match.index ?? 0) - 30), match.index);
    if (!DENIAL.test(before) || DIRECTIVE.test(before)) return false;
    denied = true;
  }
  return denied ? true : null;
}

/** Where a class name stands for each of its drugs: interactions and warnings ("with NSAIDs"). */
const CLASS_SECTIONS = new Set<string>(['Interactions', 'Contraindications and warnings'] satisfies SectionName[]);

const GENERAL_INTENTS = new Set(['definition', 'treatment', 'symptoms', 'cause', 'prevention']);

/** Below this weight (kg) a child is well under 12 years old. */
const SMALL_CHILD_KG = 30;
/** Where a statement gives an age band ("children 12 and older", "aged 80 or older"). */
const AGE_WORDS = [/\b(years?|yrs?)\b/, /\baged?\b/, /\bchildren\b/];
const YEARS = /(years?|yrs?)\b/;

/** Populations defined by age: a statement for "patients aged 80 or older" does not speak to a 72-year-old. */
const AGE_POPULATIONS = new Set<string>(['infant', 'child', 'adult', 'older-adult']);

/** Whether the statement gives age bounds that leave the described patient out. */
function ageOutside(compiled: CompiledFacets, text: string): boolean {
  const age = compiled.measurements.find((measurement) => measurement.name === 'age');
  if (!age) {
    // No age given, but a child's weight under 30 kg: "children 12 and older" is not about them.
    const weight = compiled.facets.measurements.find((measurement) => measurement.name === 'weight');
    if (!weight || weight.value >= SMALL_CHILD_KG) return false;
    const bands = readThresholds(text, AGE_WORDS, YEARS);
    return bands.length > 0 && bands.every((band) => band.low >= 12);
  }
  const intervals = readThresholds(text, age.aliases, age.unit);
  return intervals.length > 0 && coverage(intervals, age.value, MEASUREMENT_FIT.openRange) === null;
}

/** How well one statement answers the question, facet by facet. Pure: no index, no I/O. */
export function scoreStatement(statement: ScoredText, compiled: CompiledFacets): FacetScore {
  const { text } = statement;
  // "Scabies" asked: a statement about head lice only, wherever it is, is about another condition.
  const subjectOf = (matcher: SubjectMatcher): number =>
    statement.otherPart && matcher.entity.kind === 'condition'
      ? Math.min(SUBJECT_MATCH.otherPart, subjectMatch(matcher))
      : subjectMatch(matcher);
  const askedConditions = compiled.facets.entities.filter(
    (entity) => entity.kind === 'condition' && !entity.background,
  ).length;
  // Another subject of the question points at this statement's topic ("4Ts score" at the HIT topic).
  const linkedByOther = (entity: SubjectMatcher['entity']) =>
    statement.topicId !== undefined &&
    compiled.facets.entities.some(
      (other) =>
        other !== entity &&
        !other.background &&
        (other.topics.includes(statement.topicId ?? '') || other.relatedTopics.includes(statement.topicId ?? '')),
    );
  const subjectMatch = (matcher: SubjectMatcher): number => {
    if (statement.topicId && matcher.entity.topics.includes(statement.topicId)) return SUBJECT_MATCH.ownTopic;
    if (matcher.names.test(text))
      return statement.foreignMonograph || statement.backgroundTopic
        ? SUBJECT_MATCH.namedElsewhere
        : SUBJECT_MATCH.named;
    if (matcher.members?.test(text)) return SUBJECT_MATCH.classMember;
    // "NSAIDs can reduce the effect of ACE inhibitors" speaks of ibuprofen with lisinopril; "raises the
    // anticoagulant effect of warfarin" speaks of warfarin, not apixaban.
    if (
      matcher.classes?.test(text) &&
      !matcher.siblings?.test(text) &&
      !statement.foreignMonograph &&
      CLASS_SECTIONS.has(statement.section)
    )
      return SUBJECT_MATCH.ownClass;
    if (matcher.treats?.test(text)) return SUBJECT_MATCH.classCondition;
    if (statement.topicId && matcher.memberTopics.has(statement.topicId)) return SUBJECT_MATCH.classMemberTopic;
    // A broader condition asked alongside a narrower one ("ILD" with "NSIP"): the narrower topic names it.
    if (
      matcher.entity.kind === 'condition' &&
      (askedConditions >= 2 || linkedByOther(matcher.entity)) &&
      statement.keywords &&
      !statement.foreignMonograph &&
      matcher.names.test(statement.keywords)
    ) {
      return SUBJECT_MATCH.topicNames;
    }
    // A test or term listed among a topic's names is what that topic is about; a drug listed there is not.
    if (statement.topicId && matcher.entity.relatedTopics.includes(statement.topicId)) {
      // Asked what a result of a test several topics list means ("positive ANA": lupus, lung disease), a
      // statement must name the test, not merely share a topic with it.
      const specific =
        matcher.entity.kind === 'term' &&
        matcher.entity.relatedTopics.length <= (compiled.facets.intent === 'test-result' ? 1 : 2);
      return specific ? SUBJECT_MATCH.termTopic : SUBJECT_MATCH.relatedTopic;
    }
    return 0;
  };
  // A drug standing in for the asked condition must not be speaking of another condition.
  const substitute =
    statement.otherCondition || statement.otherPart
      ? 0
      : Math.max(0, ...compiled.substitutes.map(({ matcher, credit }) => subjectOf(matcher) * credit));
  const termShare = weightedShare(compiled, text);
  const parts: number[] = compiled.required.map((matcher) =>
    matcher.entity.kind === 'condition' ? Math.max(subjectOf(matcher), substitute) : subjectOf(matcher),
  );
  if (compiled.alternatives.length > 0) parts.push(Math.max(...compiled.alternatives.map(subjectOf)));
  // With nothing named that Vesalius knows, the question's own words must carry the subject.
  const subject =
    parts.length === 0
      ? termShare >= TERM_SUBJECT_MIN
        ? termShare
        : 0
      : parts.reduce((sum, value) => sum + value, 0) / parts.length;

  let intent = 0;
  for (const { rule, weight } of compiled.intents) {
    const rank = rule.sections.indexOf(statement.section);
    let fit =
      rank >= 0 ? Math.max(INTENT_FIT.lowestSection, INTENT_FIT.firstSection - rank * INTENT_FIT.sectionStep) : 0;
    // A section written for the population asked ("Renal adjustment" for a CKD question) answers any intent about it.
    if (compiled.populations.some((population) => population.sections.includes(statement.section))) {
      fit = Math.max(fit, INTENT_FIT.populationSection);
    }
    const cued = rule.statementCues.some((cue) => cue.test(text));
    // Patient statements belong to no clinical section: their words carry the fit, except for
    // the general asks (what is it, how is it treated) that any of them may answer.
    if (statement.patient)
      fit = cued || GENERAL_INTENTS.has(rule.name) ? INTENT_FIT.patientBase : INTENT_FIT.patientUncued;
    if (cued) fit += INTENT_FIT.cue;
    else if (rule.cueRequired) fit *= INTENT_FIT.withoutRequiredCue;
    intent = Math.max(intent, fit * weight);
  }

  const populationsMet: string[] = [];
  let population = 0;
  if (compiled.populations.length > 0) {
    let sum = 0;
    let penalty = 0;
    let bonus = 0;
    const otherAges = ageOutside(compiled, text);
    for (const rule of compiled.populations) {
      const fit = rule.sections.includes(statement.section)
        ? POPULATION_FIT.section
        : rule.statementCues.some((cue) => cue.test(text)) && !(otherAges && AGE_POPULATIONS.has(rule.name))
          ? POPULATION_FIT.wording
          : 0;
      // Asked for adults, any statement speaks to them unless it speaks of children only.
      if (rule.excludes) {
        const onlyOthers =
          fit === 0 &&
          compiled.excludedPopulations.some(
            (other) =>
              rule.excludes?.includes(other.name) &&
              (other.sections.includes(statement.section) || other.statementCues.some((cue) => cue.test(text))),
          );
        if (!onlyOthers) populationsMet.push(rule.name);
        else penalty = POPULATION_FIT.unaskedPenalty;
        // Saying so ("for afebrile men") is worth what the rule gives it (nothing for "adults").
        if (fit > 0) bonus = Math.max(bonus, fit * (rule.wordingCredit ?? 0));
        continue;
      }
      if (fit > 0) populationsMet.push(rule.name);
      sum += fit;
    }
    const scored = compiled.populations.filter((rule) => !rule.excludes).length;
    population = (scored > 0 ? sum / scored : 0) + bonus - penalty;
    // A section written for a population not asked about ("Pediatric dosing" when liver disease is asked).
    if (
      compiled.unasked.some((rule) => rule.sections.includes(statement.section)) &&
      !compiled.populations.some((rule) => rule.sections.includes(statement.section))
    )
      population = Math.min(population, 0) - (penalty === 0 ? POPULATION_FIT.unaskedPenalty : 0);
  } else if (compiled.unasked.some((rule) => rule.sections.includes(statement.section))) {
    population = -POPULATION_FIT.unaskedPenalty;
  }

  const measurementsMet: string[] = [];
  let measurement = 0;
  if (compiled.measurements.length > 0) {
    let sum = 0;
    for (const asked of compiled.measurements) {
      const intervals = readThresholds(text, asked.aliases, asked.unit);
      if (intervals.length === 0) {
        sum +=
          statement.section === 'Renal adjustment' || statement.section === 'Hepatic adjustment'
            ? MEASUREMENT_FIT.sectionOnly
            : 0;
      } else {
        const fit = coverage(intervals, asked.value, MEASUREMENT_FIT.openRange);
        if (fit === null) sum += MEASUREMENT_FIT.outOfRange;
        else {
          sum += fit * MEASUREMENT_FIT.inRange;
          measurementsMet.push(asked.name);
        }
      }
    }
    measurement = sum / compiled.measurements.length;
  }

  const backgroundHits = compiled.background.filter((matcher) => matcher.test(text)).length;
  const findings = findingAgreement(compiled, text) + recentUseAgreement(compiled, text);
  const inheritedHits = compiled.inheritedPopulations.filter(
    (rule) => rule.sections.includes(statement.section) || rule.statementCues.some((cue) => cue.test(text)),
  ).length;
  const context =
    0.5 * (compiled.background.length === 0 ? 0 : backgroundHits / compiled.background.length) +
    0.5 * termShare +
    findings +
    0.25 * (compiled.inheritedPopulations.length === 0 ? 0 : inheritedHits / compiled.inheritedPopulations.length);

  const forPatient = compiled.audience === 'patient';
  const total =
    ANSWER_WEIGHTS.subject * subject +
    ANSWER_WEIGHTS.intent * intent +
    ANSWER_WEIGHTS.population * population +
    ANSWER_WEIGHTS.measurement * measurement +
    ANSWER_WEIGHTS.context * context +
    (compiled.focus ? ANSWER_WEIGHTS.followUpWords * termShare : 0) +
    ANSWER_WEIGHTS.search * statement.search +
    ANSWER_WEIGHTS.evidence * statement.evidence +
    (forPatient && statement.patient ? ANSWER_WEIGHTS.patientText : 0) +
    (compiled.facets.intent === 'dose' && DOSE_AMOUNT.test(text) && DOSE_FREQUENCY.test(text)
      ? ANSWER_WEIGHTS.doseDetail
      : 0) +
    (compiled.unaskedOnly.some((cue) => cue.test(text)) ? ANSWER_WEIGHTS.unaskedIntent : 0) +
    (compiled.oralExpected && (PARENTERAL.test(text) || PARENTERAL_ABBREVIATION.test(text)) && !ORAL.test(text)
      ? ANSWER_WEIGHTS.unaskedRoute
      : 0);
  const direct =
    subject >= ANSWER_THRESHOLDS.directSubject &&
    intent >= ANSWER_THRESHOLDS.directIntent &&
    (compiled.populations.every((rule) => rule.excludes)
      ? population >= 0
      : population >= ANSWER_THRESHOLDS.directPopulation) &&
    (compiled.measurements.length === 0 || measurementsMet.length > 0 || measurement >= 0);
  return { subject, intent, population, measurement, context, total, direct, populationsMet, measurementsMet };
}

const DOSE_AMOUNT = /\d\s*(mg|micrograms?|mcg|µg|g|units?|mL|mmol|mEq)(\s*\/\s*kg)?\b/i;
const DOSE_FREQUENCY =
  /\b(every|daily|twice|once|three times|four times|per day|a day|per dose|hourly|at bedtime|single dose)\b|\/\s*day\b/i;
const PARENTERAL =
  /\b(intravenous(ly)?|injections?|injectable|infusions?|intramuscular(ly)?|subcutaneous(ly)?|parenteral)\b/i;
/** "IV" and "IM" as routes, in capitals, not as numerals ("class IV"). */
const PARENTERAL_ABBREVIATION = /(?<!\b(class|stage|grade|type|phase|level|factor) )\b(IV|IM)\b/;
const ORAL = /\b(oral(ly)?|by mouth|tablets?|capsules?|liquid|syrup)\b/i;
const RESULT_BEFORE =
  /\b(non[\s-]?reactive|reactive|positive|negative|elevated|raised|high|low|normal|suppressed)\s+(?:serum\s+|plasma\s+|total\s+)?$/iu;
const RESULT_WORD =
  /^\s*(?:is|was|are|:)?\s*(non[\s-]?reactive|reactive|positive|negative|not detected|detected|undetectable|elevated|raised|high|low|normal)\b/iu;
/** "TSH is 10 mIU/L or higher", "TSH above the reference range": a high (or low) value in numbers. */
const RESULT_BOUND =
  /^\s*(?:is|was|are|of|:)?\s*(?:(?:[\d.,]+\s*(?:[a-zµ/%]+\s*)?or (higher|more|above|greater))|(above) the (?:reference|normal|upper)|(?:[\d.,]+\s*(?:[a-zµ/%]+\s*)?or (lower|less|below))|(below) the (?:reference|normal|lower))/iu;

/**
 * How far a statement reads the question's results the same way ("HBsAg negative, anti-HBs
 * positive"): +1 per finding stated with the same value, −1 per contradiction, over the findings.
 */
function findingAgreement(compiled: CompiledFacets, text: string): number {
  if (compiled.findings.length === 0) return 0;
  let sum = 0;
  for (const finding of compiled.findings) {
    let verdict = 0;
    for (const [start, end] of finding.names.occurrences(text)) {
      // "TSH is low" or "a low TSH".
      const word =
        RESULT_WORD.exec(text.slice(end, end + 20))?.[1] ??
        RESULT_BEFORE.exec(text.slice(Math.max(0, start - 25), start))?.[1];
      const bound = word ? null : RESULT_BOUND.exec(text.slice(end, end + 40));
      const value = word ? findingValue(word) : bound ? (bound[1] || bound[2] ? 'high' : 'low') : null;
      if (!value) continue;
      verdict = value === finding.value ? 1 : -1;
      if (verdict === 1) break;
    }
    sum += verdict;
  }
  return sum / compiled.findings.length;
}

/**
 * How far a statement speaks to the drugs the question says were taken recently: +1 when it
 * names the drug with a window that covers the time since ("taken in the past 30 days" for
 * three weeks ago), over the recent drugs.
 */
function recentUseAgreement(compiled: CompiledFacets, text: string): number {
  if (compiled.recentUse.length === 0) return 0;
  const window = windowDays(text);
  if (window === null) return 0;
  const met = compiled.recentUse.filter((use) => use.days <= window && use.names.test(text)).length;
  return met / compiled.recentUse.length;
}
