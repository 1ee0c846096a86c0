import type { Article, Bullet, Section } from '../domain/article.js';
import type { Audience } from '../domain/audience.js';
import type { SectionPlanRules } from '../domain/clinical-rules.js';
import { leastReviewed, type ReviewStatus } from '../domain/review-status.js';
import type { Source } from '../domain/source.js';
import type { Topic } from '../domain/topic.js';
import type { AnswerCandidate } from '../retrieve/gather-answer-evidence.js';
import { ANSWER_THRESHOLDS } from '../retrieve/ranking-settings.js';
import { bandClause } from '../retrieve/read-thresholds.js';
import { type CompiledFacets, UNIT_ANCHORS } from '../retrieve/compile-facets.js';
import { describeGaps } from './describe-gaps.js';
import { calculateDose } from './calculate-dose.js';
import { describeStudy } from './describe-study.js';
import { frameAnswer } from './frame-answer.js';
import { disclaimerFor } from './disclaimer.js';
import { makeAnswerTitle } from './make-answer-title.js';
import { CitationNumbering } from './to-reference.js';
import { PATIENT_SECTION, SUMMARY_SECTION } from '../domain/section-name.js';

export interface AnswerInput {
  compiled: CompiledFacets;
  candidates: AnswerCandidate[];
  topics: Map<string, Topic>;
  /** Every source a chosen statement may cite. */
  sources: (ids: string[]) => Map<string, Source>;
  plans: SectionPlanRules;
  audience: Audience;
  today: string;
}

export type ComposedAnswer = Omit<Article, 'trace' | 'status' | 'alert'> & {
  /** Facets the sources do not cover, said in the bottom line. */
  gaps: string[];
  /** True when the bottom line meets every facet asked. */
  direct: boolean;
};

interface Chosen {
  text: string;
  heading: string;
  evidence: string[];
  citations: string[];
  grade?: string;
  topicId?: string;
}

/** A plain-language statement leads a patient's bottom line when it scores at least this share of the best. */
const PLAIN_LEAD = 0.95;
const RELATED = 'Related';
/** How a medicine interacts: an enzyme or transporter it shares, or the QT interval. */
const INTERACTION_MECHANISM = /\bCYP\s?\d\w*|\bP-?gp\b|\bP-glycoprotein\b|\bQT\b/u;

/** How close to the best direct answer one must score for the details it meets to put it first. */
const FULLNESS_MARGIN = 0.9;

/**
 * The answer, built around the question: the bottom line is the statement (or two) that
 * meets every facet asked, with any facet the sources do not cover said plainly; sections
 * follow in order of relevance, shortest useful article first; related content of the same
 * subject comes after, compact; ingested literature appears as study findings in its own
 * section and never displaces a knowledge-base answer.
 */
export function composeAnswer(input: AnswerInput): ComposedAnswer | null {
  const { compiled, audience, plans } = input;
  const facets = compiled.facets;
  const forPatient = audience === 'patient';
  const knowledge = input.candidates.filter((candidate) => candidate.fromKnowledgeBase);
  const literature = input.candidates.filter((candidate) => !candidate.fromKnowledgeBase);
  const top = input.candidates[0]?.score.total ?? 0;
  if (top <= 0) return null;

  // 1. Bottom line: direct answers (patients: plain statements first).
  // Direct answers that meet the most asked details (population, numbers) first; for patients,
  // plain statements first among equals.
  const direct = knowledge.filter((candidate) => candidate.score.direct);
  // Meeting more details counts among answers nearly as good as the best, not over a much better one.
  const bestDirect = Math.max(0, ...direct.map((candidate) => candidate.score.total));
  // Numbers told in the case before the question are context: meeting them does not lead.
  const askedNumbers = new Set(
    facets.measurements.filter((measurement) => !measurement.context).map((measurement) => measurement.name),
  );
  const fullness = (candidate: AnswerCandidate) =>
    candidate.score.total >= bestDirect * FULLNESS_MARGIN
      ? candidate.score.populationsMet.length +
        candidate.score.measurementsMet.filter((name) => askedNumbers.has(name)).length
      : 0;
  const ordered = [...direct].sort((a, b) => fullness(b) - fullness(a) || b.score.total - a.score.total);
  // For patients, a plain statement leads when it answers nearly as well as the best one.
  if (forPatient) {
    const best = ordered[0]?.score.total ?? 0;
    const plain = ordered.find((candidate) => isPatientText(candidate) && candidate.score.total >= best * PLAIN_LEAD);
    if (plain && fullness(plain) === fullness(ordered[0] ?? plain)) {
      ordered.splice(ordered.indexOf(plain), 1);
      ordered.unshift(plain);
    }
  }
  const bottom: AnswerCandidate[] = [];
  for (const candidate of ordered) {
    if (bottom.length >= ANSWER_THRESHOLDS.bottomLine) break;
    if (bottom.length > 0 && candidate.score.total < (bottom[0]?.score.total ?? 0) * 0.8) continue;
    if (bottom.some((chosen) => similar(chosen.passage.text, candidate.passage.text))) continue;
    bottom.push(candidate);
  }
  const gaps = describeGaps(facets, input.candidates);
  let bottomLiterature: { candidate: AnswerCandidate; text: string } | null = null;
  if (bottom.length === 0) {
    // No statement meets every facet: the closest that speaks of the subject, with the gap said;
    // never one written for a population not asked about (a breastfed infant, for an adult's question).
    const aboutSubject = knowledge.filter(
      (candidate) => candidate.score.subject >= ANSWER_THRESHOLDS.directSubject && candidate.score.population >= 0,
    );
    const partial = aboutSubject.find((candidate) => !forPatient || isPatientText(candidate)) ?? aboutSubject[0];
    // Two medicines no source names together: say so, then what each one's interactions section says.
    // A statement naming the mechanism (CYP3A4, P-gp, QT) says most about a pair no source names.
    const ownInteractions =
      facets.intent === 'interaction'
        ? knowledge.filter((candidate) => candidate.passage.section === 'Interactions' && candidate.score.subject > 0)
        : [];
    const eachAlone =
      ownInteractions.find((candidate) => INTERACTION_MECHANISM.test(candidate.passage.text)) ?? ownInteractions[0];
    if (partial) bottom.push(partial);
    else if (eachAlone) bottom.push(eachAlone);
    else {
      const study = literature.find((candidate) => candidate.score.subject >= ANSWER_THRESHOLDS.directSubject);
      const text = study ? studyText(study, compiled) : null;
      if (study && text) bottomLiterature = { candidate: study, text };
    }
  }
  if (bottom.length === 0 && !bottomLiterature) return null;

  // 2. Sections: the other statements that answer, by relevance.
  const used = new Set<string>(bottom.map((candidate) => candidate.passage.id));
  const seenTexts = bottom.map((candidate) => candidate.passage.text);
  const sections = new Map<string, Chosen[]>();
  // A broad question ("how is gout treated?") gets the fuller article; a specific one (a drug, a
  // population, a number) the shortest useful one.
  const broad =
    compiled.measurements.length === 0 &&
    facets.entities.every((entity) => entity.kind !== 'drug') &&
    ['treatment', 'diagnosis', 'definition', 'prevention'].includes(facets.intent);
  const limit = forPatient ? plans.limits.patientBullets : broad ? plans.limits.broadBullets : plans.limits.bullets;
  const best = bottom[0]?.score.total ?? top;
  let count = 0;
  const add = (candidate: AnswerCandidate, heading: string) => {
    const list = sections.get(heading) ?? [];
    if (list.length >= plans.limits.perHeading) return false;
    list.push(chosenOf(candidate, heading));
    sections.set(heading, list);
    used.add(candidate.passage.id);
    seenTexts.push(candidate.passage.text);
    return true;
  };
  // A question about a population (pregnancy, children, kidney function) gets only statements that speak to it.
  const meetsPopulation = (candidate: AnswerCandidate) =>
    compiled.populations.length === 0 || candidate.score.populationsMet.length > 0;
  for (const candidate of knowledge) {
    if (count >= limit) break;
    if (used.has(candidate.passage.id) || !meetsPopulation(candidate)) continue;
    if (
      candidate.score.total < best * ANSWER_THRESHOLDS.relativeScore ||
      candidate.score.subject < ANSWER_THRESHOLDS.minSubject
    )
      continue;
    if (forPatient && !isPatientText(candidate) && direct.some(isPatientText)) continue;
    if (seenTexts.some((text) => similar(text, candidate.passage.text))) continue;
    if (add(candidate, headingOf(candidate, plans, forPatient))) count += 1;
  }

  // 2b. What this reader looks for (a pharmacist: dosing, interactions, kidney function; a nurse:
  // monitoring and when to escalate; a student: what it is and how it works), from the sources
  // of the same subject, even when they rank below the question's own answer.
  const wanted = new Set(plans.audienceFirst[audience] ?? []);
  let extra = 0;
  for (const candidate of forPatient ? [] : knowledge) {
    if (extra >= plans.limits.audienceExtra) break;
    if (!wanted.has(candidate.passage.section) || used.has(candidate.passage.id)) continue;
    // The subject's own statements, or the monograph of a drug the article already names.
    const drug = candidate.passage.topicId?.replace(/-/g, ' ');
    const namedDrug =
      drug !== undefined &&
      candidate.score.subject >= ANSWER_THRESHOLDS.minSubject &&
      seenTexts.some((text) => text.toLowerCase().includes(drug));
    if ((candidate.score.subject < ANSWER_THRESHOLDS.directSubject && !namedDrug) || !meetsPopulation(candidate))
      continue;
    if (seenTexts.some((text) => similar(text, candidate.passage.text))) continue;
    if (add(candidate, headingOf(candidate, plans, forPatient))) extra += 1;
  }

  // 3. Related content of the same subject, compact.
  let related = 0;
  for (const candidate of knowledge) {
    if (related >= plans.limits.related) break;
    if (used.has(candidate.passage.id) || candidate.score.subject < ANSWER_THRESHOLDS.directSubject) continue;
    if (forPatient !== isPatientText(candidate) || !meetsPopulation(candidate)) continue;
    if (seenTexts.some((text) => similar(text, candidate.passage.text))) continue;
    if (add(candidate, RELATED)) related += 1;
  }

  // 4. Ingested literature as study findings, in its own place.
  let studies = 0;
  for (const candidate of literature) {
    if (studies >= 3) break;
    if (bottomLiterature?.candidate === candidate) continue;
    if (
      candidate.score.subject < ANSWER_THRESHOLDS.directSubject ||
      candidate.score.total < best * ANSWER_THRESHOLDS.relativeScore
    )
      continue;
    const text = studyText(candidate, compiled);
    if (!text || seenTexts.some((seen) => similar(seen, text))) continue;
    const heading =
      candidate.source.origin === 'pubmed' || candidate.source.origin === 'pubmedqa'
        ? 'Studies'
        : 'Consumer health information';
    const list = sections.get(heading) ?? [];
    list.push({ text, heading, evidence: [candidate.passage.id], citations: citationsOf(candidate) });
    sections.set(heading, list);
    seenTexts.push(text);
    studies += 1;
  }

  // 5. Numbering in reading order: bottom line, then sections.
  const numbering = new CitationNumbering();
  const gapText = gaps.length > 0 ? `${gaps.join(' ')} ` : '';
  // A direct answer's opening words from the monograph's names and class, cited as its naming statement is.
  const frame = frameAnswer(facets, input.topics);
  const naming = frame
    ? knowledge
        .filter(
          (candidate) => candidate.passage.topicId === frame.topicId && candidate.passage.section === SUMMARY_SECTION,
        )
        .sort((a, b) => a.passage.ord - b.passage.ord)[0]
    : undefined;
  const bottomChosen = bottomLiterature
    ? [{ text: bottomLiterature.text, citations: citationsOf(bottomLiterature.candidate) }]
    : bottom.map((candidate) => ({ text: candidate.passage.text, citations: candidate.passage.citations }));
  // A per-kilogram dose worked out for the weight the question gives, next to the statement it comes from.
  const weight = facets.measurements.find((measurement) => measurement.name === 'weight')?.value;
  const withDoses =
    weight !== undefined && facets.intents.includes('dose')
      ? bottomChosen.flatMap((chosen) => {
          const dose = calculateDose(chosen.text, weight);
          return dose ? [chosen, { text: dose, citations: chosen.citations }] : [chosen];
        })
      : bottomChosen;
  // A table of bands answers one band: lead with the clause for the value asked ("at CrCl 25 mL/min").
  const banded = withDoses.flatMap((chosen) => {
    for (const measurement of facets.measurements.filter((asked) => !asked.inherited)) {
      const unit = UNIT_ANCHORS[measurement.name];
      const clause = unit ? bandClause(chosen.text, unit, measurement.value) : null;
      if (clause) {
        const value = `${measurement.value}${measurement.unit ? ` ${measurement.unit}` : ''}`;
        return [{ text: `At a ${measurement.label} of ${value}: ${clause}.`, citations: chosen.citations }, chosen];
      }
    }
    return [chosen];
  });
  const framed = frame && naming ? [{ text: frame.text, citations: naming.passage.citations }, ...banded] : banded;
  const bottomLine = {
    text: `${gapText}${framed.map((chosen) => chosen.text).join(' ')}`.trim(),
    citations: numbering.number(framed.flatMap((chosen) => chosen.citations)),
    // The statements it was made of, so its citations open the same passages as a bullet's.
    evidence: [
      ...new Set([
        ...(frame && naming ? [naming.passage.id] : []),
        ...(bottomLiterature
          ? [bottomLiterature.candidate.passage.id]
          : bottom.map((candidate) => candidate.passage.id)),
      ]),
    ],
  };
  const headingOrder = [...sections.keys()].sort((a, b) => rankOf(a) - rankOf(b));
  const articleSections: Section[] = headingOrder.map((heading) => ({
    heading,
    bullets: (sections.get(heading) ?? []).map((chosen): Bullet => {
      const bullet: Bullet = {
        text: chosen.text,
        citations: numbering.number(chosen.citations),
        evidence: chosen.evidence,
      };
      if (chosen.grade) bullet.grade = chosen.grade;
      return bullet;
    }),
  }));

  if (naming) used.add(naming.passage.id);
  const usedCandidates = [...input.candidates].filter((candidate) => used.has(candidate.passage.id));
  if (bottomLiterature) usedCandidates.push(bottomLiterature.candidate);
  const topicIds = [
    ...new Set(
      usedCandidates.map((candidate) => candidate.passage.topicId).filter((id): id is string => id !== undefined),
    ),
  ];
  const topicList = topicIds.map((id) => input.topics.get(id)).filter((topic): topic is Topic => topic !== undefined);
  const statuses: ReviewStatus[] = topicList.map((topic) => topic.reviewStatus);
  if (usedCandidates.some((candidate) => !candidate.fromKnowledgeBase) || statuses.length === 0)
    statuses.push('submitted');
  const dates = topicList.map((topic) => topic.updated).sort();
  const allCited = [
    ...framed.flatMap((chosen) => chosen.citations),
    ...[...sections.values()].flat().flatMap((chosen) => chosen.citations),
  ];

  return {
    question: facets.text,
    questionType: compiled.intents[0]?.rule.questionType ?? 'definition',
    title: makeAnswerTitle(facets),
    bottomLine,
    sections: articleSections,
    references: numbering.references(input.sources(allCited)),
    audience,
    reviewStatus: leastReviewed(statuses),
    lastUpdated: dates[dates.length - 1] ?? input.today,
    disclaimer: disclaimerFor(audience),
    topics: topicList.map((topic) => topic.id),
    gaps,
    direct: bottom.length > 0 && bottom.every((candidate) => candidate.score.direct),
  };

  function rankOf(heading: string): number {
    // What this reader looks for first, then sections in order of the best statement under
    // them; related, studies and consumer text last.
    if (heading === RELATED) return 1_000;
    if (heading === 'Studies') return 1_001;
    if (heading === 'Consumer health information') return 1_002;
    const first = (plans.audienceFirst[audience] ?? []).map((section) => plans.headings[section] ?? section);
    const preferred = first.indexOf(heading);
    return preferred >= 0 ? preferred : 100 + [...sections.keys()].indexOf(heading);
  }
}

function chosenOf(candidate: AnswerCandidate, heading: string): Chosen {
  const { passage } = candidate;
  const chosen: Chosen = { text: passage.text, heading, evidence: [passage.id], citations: passage.citations };
  const grade = [passage.grade?.strength, passage.grade?.evidence].filter(Boolean).join('; ');
  if (grade) chosen.grade = grade;
  if (passage.topicId) chosen.topicId = passage.topicId;
  return chosen;
}

function headingOf(candidate: AnswerCandidate, plans: SectionPlanRules, forPatient: boolean): string {
  const { section } = candidate.passage;
  if (forPatient && section !== PATIENT_SECTION) return 'More detail';
  return plans.headings[section] ?? section;
}

function citationsOf(candidate: AnswerCandidate): string[] {
  return candidate.passage.citations.length > 0 ? candidate.passage.citations : [candidate.passage.sourceId];
}

function isPatientText(candidate: AnswerCandidate): boolean {
  return candidate.passage.section === PATIENT_SECTION;
}

function studyText(candidate: AnswerCandidate, compiled: CompiledFacets): string | null {
  const names = [...compiled.required, ...compiled.alternatives];
  return describeStudy(candidate.passage, candidate.source, (sentence) => {
    const subject = names.filter((matcher) => matcher.names.test(sentence)).length / Math.max(names.length, 1);
    const terms = compiled.terms.filter((term) => term.test(sentence)).length / Math.max(compiled.terms.length, 1);
    return subject + 0.5 * terms;
  });
}

const wordSets = new Map<string, Set<string>>();
function words(text: string): Set<string> {
  let set = wordSets.get(text);
  if (!set) {
    set = new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
    if (wordSets.size > 20_000) wordSets.clear();
    wordSets.set(text, set);
  }
  return set;
}

function similar(a: string, b: string): boolean {
  const first = words(a);
  const second = words(b);
  let shared = 0;
  for (const word of first) if (second.has(word)) shared += 1;
  const union = first.size + second.size - shared;
  return union > 0 && shared / union >= ANSWER_THRESHOLDS.duplicate;
}
