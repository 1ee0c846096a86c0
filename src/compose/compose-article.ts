import type { Article, Bullet, Reference, Section } from '../domain/article.js';
import type { Audience } from '../domain/audience.js';
import { evidenceLevelOf, type EvidenceLevel } from '../domain/evidence-level.js';
import type { Passage } from '../domain/passage.js';
import type { QuestionType } from '../domain/question-type.js';
import { leastReviewed, type ReviewStatus } from '../domain/review-status.js';
import type { Source } from '../domain/source.js';
import type { Topic } from '../domain/topic.js';
import type { Concept, QuestionAnalysis } from '../retrieve/analyze-question.js';
import { conceptCoverage } from '../retrieve/retrieve-evidence.js';
import { stemToken } from '../text/stem-token.js';
import { tokenize } from '../text/tokenize.js';
import type { RankedEvidence } from '../retrieve/retrieve-evidence.js';
import { classifySentence } from './classify-sentence.js';
import { disclaimerFor } from './disclaimer.js';
import { makeTitle } from './make-title.js';
import { HEADING_FOR_SECTION, sectionPlan } from './section-plan.js';
import { pickSentences } from './pick-sentences.js';

export interface ComposeInput {
  analysis: QuestionAnalysis;
  evidence: RankedEvidence[];
  /** Main topics, best first, with all their statements (in file order). */
  topics: Array<{ topic: Topic; statements: Passage[] }>;
  /** Every source a candidate statement may cite. */
  sources: Map<string, Source>;
  audience: Audience;
  /** ISO date used when no dated content is involved. */
  today: string;
  /** A follow-up's own subject: when set, only statements that address it are used. */
  focus?: Concept[] | null;
}

interface Candidate {
  text: string;
  heading: string;
  evidence: string[];
  citations: string[];
  /** Selection priority: higher is kept first. */
  priority: number;
  /** Display order within a heading. */
  order: number;
  isSummary: boolean;
  grade?: string;
  topicId?: string;
}

const MAX_BULLETS = { patient: 10, other: 30 };
const PATIENT_SECTION = 'Patient summary';

/**
 * Builds the article from ranked evidence without a language model: every bullet is a
 * statement taken from an indexed passage and cites the sources behind it.
 */
export function composeArticle(input: ComposeInput): Omit<Article, 'trace' | 'status' | 'alert'> {
  const { analysis, audience } = input;
  const plan = sectionPlan(analysis.type, audience);
  const candidates = collectCandidates(input, plan.expand);

  const bottom = chooseBottomLine(candidates, audience, analysis.type);
  const used = new Set<Candidate>(bottom);
  const seen: Array<Set<string>> = bottom.map((candidate) => wordSet(candidate.text));
  const byHeading = new Map<string, Candidate[]>();
  const maxTotal = audience === 'patient' ? MAX_BULLETS.patient : MAX_BULLETS.other;
  let total = 0;
  for (const candidate of [...candidates].sort((a, b) => b.priority - a.priority)) {
    if (used.has(candidate) || total >= maxTotal) continue;
    const words = wordSet(candidate.text);
    if (seen.some((other) => jaccard(words, other) >= 0.6)) continue;
    const list = byHeading.get(candidate.heading) ?? [];
    if (list.length >= plan.maxPerHeading) continue;
    list.push(candidate);
    byHeading.set(candidate.heading, list);
    seen.push(words);
    used.add(candidate);
    total += 1;
  }

  const extra = [...byHeading.keys()]
    .filter((heading) => !plan.order.includes(heading))
    .sort((a, b) => canonicalRank(a) - canonicalRank(b));
  const headings = [...plan.order.filter((heading) => byHeading.has(heading)), ...extra];
  const numbering = new Map<string, number>();
  const number = (ids: string[]) =>
    ids.map((id) => {
      let n = numbering.get(id);
      if (n === undefined) {
        n = numbering.size + 1;
        numbering.set(id, n);
      }
      return n;
    });

  const bottomLine = {
    text: bottom.map((candidate) => candidate.text).join(' '),
    citations: [...new Set(number(bottom.flatMap((candidate) => candidate.citations)))],
  };
  const sections: Section[] = headings.map((heading) => ({
    heading,
    bullets: (byHeading.get(heading) ?? [])
      .sort((a, b) => a.order - b.order)
      .map((candidate): Bullet => {
        const bullet: Bullet = {
          text: candidate.text,
          citations: [...new Set(number(candidate.citations))],
          evidence: candidate.evidence,
        };
        if (candidate.grade) bullet.grade = candidate.grade;
        return bullet;
      }),
  }));

  const references: Reference[] = [...numbering.entries()].map(([id, n]) => toReference(n, id, input.sources.get(id)));
  const usedTopics = new Set(
    [...used].map((candidate) => candidate.topicId).filter((id): id is string => id !== undefined),
  );
  const topicList = input.topics.map((entry) => entry.topic).filter((topic) => usedTopics.has(topic.id));
  const usesCorpus = [...used].some((candidate) => candidate.topicId === undefined);
  const statuses: ReviewStatus[] = topicList.map((topic) => topic.reviewStatus);
  if (usesCorpus || statuses.length === 0) statuses.push('submitted');
  const dates = topicList.map((topic) => topic.updated).sort();

  return {
    question: analysis.text,
    questionType: analysis.type,
    title: makeTitle(analysis.text, analysis.type, input.topics[0]?.topic.title),
    bottomLine,
    sections,
    references,
    audience,
    reviewStatus: leastReviewed(statuses),
    lastUpdated: dates[dates.length - 1] ?? input.today,
    disclaimer: disclaimerFor(audience),
    topics: topicList.map((topic) => topic.id),
  };
}

function collectCandidates(input: ComposeInput, expand: string[]): Candidate[] {
  const { evidence, audience, analysis } = input;
  const forPatient = audience === 'patient';
  const candidates: Candidate[] = [];
  const byPassage = new Map<string, Candidate>();
  const topScore = evidence[0]?.score ?? 1;
  const evidenceScore = new Map(evidence.map((item) => [item.passage.id, item.score / topScore]));
  const topicRank = new Map(input.topics.map((entry, rank) => [entry.topic.id, rank]));

  const addStatement = (passage: Passage, priority: number) => {
    const existing = byPassage.get(passage.id);
    if (existing) {
      existing.priority = Math.max(existing.priority, priority);
      return;
    }
    const isPatientText = passage.section === PATIENT_SECTION;
    if (isPatientText !== forPatient && !(forPatient && passage.section === 'Emergency')) return;
    const rank = topicRank.get(passage.topicId ?? '') ?? 9;
    const candidate: Candidate = {
      text: passage.text,
      heading: HEADING_FOR_SECTION[passage.section] ?? passage.section,
      evidence: [passage.id],
      citations: passage.citations,
      priority,
      order: rank * 1000 + passage.ord,
      isSummary: passage.section === 'Summary' || isPatientText,
    };
    if (passage.topicId !== undefined) candidate.topicId = passage.topicId;
    const grade = [passage.grade?.strength, passage.grade?.evidence].filter(Boolean).join('; ');
    if (grade) candidate.grade = grade;
    byPassage.set(passage.id, candidate);
    candidates.push(candidate);
  };

  if (input.focus && input.focus.length > 0) {
    // A focused follow-up: statements of the thread's topics (and retrieved ones) that address its own subject.
    const focus = input.focus;
    const addresses = (passage: Passage) =>
      conceptCoverage(focus, new Set(tokenize(`${passage.section} ${passage.text}`).map(stemToken))) >= 0.5;
    for (const entry of input.topics)
      for (const passage of entry.statements)
        if (addresses(passage)) addStatement(passage, 0.5 + (evidenceScore.get(passage.id) ?? 0) * 0.5);
    // Statements of other topics must also be about the thread's subject, not only the follow-up's.
    for (const item of evidence)
      if (item.passage.sourceId.startsWith('kb:') && addresses(item.passage) && item.textCoverage >= 0.8)
        addStatement(item.passage, 0.3 + (item.score / topScore) * 0.5);
    return candidates;
  }

  // 1. The main topics' statements in the sections this question type needs.
  input.topics.forEach((entry, rank) => {
    for (const passage of entry.statements) {
      if (!expand.includes(passage.section)) continue;
      if (rank > 0 && !evidenceScore.has(passage.id)) continue;
      const base = rank === 0 ? 0.6 : 0.35;
      addStatement(passage, base + (evidenceScore.get(passage.id) ?? 0) * 0.5);
    }
  });

  // 2. Retrieved statements of other topics that match the question closely.
  for (const item of evidence) {
    const relative = item.score / topScore;
    // With no sections to bring in whole (safety questions), statements must name the subject themselves.
    const ofMainTopic = topicRank.has(item.passage.topicId ?? '') && expand.length > 0;
    if (
      item.passage.sourceId.startsWith('kb:') &&
      (ofMainTopic ? relative >= 0.5 && item.coverage >= 0.3 : relative >= 0.6 && item.textCoverage >= 0.6)
    ) {
      addStatement(item.passage, 0.3 + relative * 0.5);
    }
  }

  // 3. Corpus passages (abstracts, consumer-health pages) when the knowledge base is thin.
  const kbCount = candidates.length;
  if (kbCount < 6) {
    let order = 0;
    for (const item of evidence.filter((entry) => !entry.passage.sourceId.startsWith('kb:')).slice(0, 8)) {
      const relative = item.score / topScore;
      if (relative < 0.5 || item.coverage < 0.5) continue;
      const sentences = pickSentences(item.passage.text, analysis, audience === 'patient' ? 3 : 2);
      for (const sentence of sentences) {
        order += 1;
        candidates.push({
          text: sentence.text,
          heading: classifySentence(sentence.text, item.passage.answers[0], analysis.type),
          evidence: [item.passage.id],
          citations: item.passage.citations.length > 0 ? item.passage.citations : [item.passage.sourceId],
          priority: relative * 0.6 + sentence.relevance * 0.3 - order * 0.001,
          order: 10_000 + order,
          isSummary: false,
        });
      }
    }
  }
  return candidates;
}

/** Words that show a summary statement speaks to the kind of question asked. */
const TYPE_CUES: Partial<Record<QuestionType, RegExp>> = {
  treatment: /\b(treat|therap|first-line|recommend|start|initiat|agent|drug|antibiotic|manage)/i,
  dosing: /\b(\d+\s?(mg|mcg|g|units?)\b|dose|dosing)/i,
  diagnosis: /\b(diagnos|test|confirm|criteria|imaging|work-?up)/i,
  monitoring: /\b(monitor|every \d|check|follow)/i,
  prevention: /\b(prevent|vaccin|prophyla|reduce the risk)/i,
  screening: /\b(screen)/i,
  prognosis: /\b(prognos|surviv|mortality|outcome|progress)/i,
  cause: /\b(cause|risk factor|due to)/i,
  symptoms: /\b(symptom|present|sign)/i,
};

/**
 * The strongest statement(s): from the main topic's summary, the ones that speak to the
 * question type, in the editors' order; else the best-supported top statement.
 */
function chooseBottomLine(candidates: Candidate[], audience: Audience, type: QuestionType): Candidate[] {
  if (candidates.length === 0) return [];
  const summaries = candidates.filter((candidate) => candidate.isSummary && candidate.order < 1000);
  if (summaries.length > 0) {
    const cue = TYPE_CUES[type];
    const fit = (candidate: Candidate) =>
      candidate.priority + (cue?.test(candidate.text) ? 0.3 : 0) - candidate.order * 0.001;
    const ranked = [...summaries].sort((a, b) => fit(b) - fit(a));
    const chosen = ranked.slice(0, audience === 'patient' ? 1 : 2);
    return chosen.sort((a, b) => a.order - b.order);
  }
  return [[...candidates].sort((a, b) => b.priority - a.priority)[0]!];
}

/** Where a heading the plan does not name goes: the order a clinician reads a topic in. */
const CANONICAL_ORDER = [
  'Key points',
  'What you should know',
  'Overview',
  'Clinical features',
  'Red flags',
  'Diagnosis and evaluation',
  'Causes and risk factors',
  'Treatment',
  'First-line therapy',
  'Alternatives',
  'Dosing',
  'Monitoring',
  'Special considerations',
  'Safety',
  'Pitfalls',
  'When to refer',
  'Prevention',
  'Screening',
  'Prognosis',
  'Complications',
];

function canonicalRank(heading: string): number {
  const rank = CANONICAL_ORDER.indexOf(heading);
  return rank < 0 ? CANONICAL_ORDER.length : rank;
}

function toReference(n: number, id: string, source: Source | undefined): Reference {
  const kind = source?.kind ?? 'other';
  const level: EvidenceLevel = evidenceLevelOf(kind);
  return {
    n,
    sourceId: id,
    title: source?.title ?? id,
    authors: source?.authors ?? [],
    journal: source?.journal ?? null,
    year: source?.year ?? null,
    pmid: source?.pmid ?? null,
    doi: source?.doi ?? null,
    url:
      source?.url ??
      (source?.pmid
        ? `https://pubmed.ncbi.nlm.nih.gov/${source.pmid}/`
        : source?.doi
          ? `https://doi.org/${source.doi}`
          : null),
    evidenceLevel: level,
    kind,
  };
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[a-z0-9]+/g) ?? []);
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  const union = a.size + b.size - shared;
  return union === 0 ? 0 : shared / union;
}
