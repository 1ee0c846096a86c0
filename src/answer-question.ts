import { composeAnswer } from './compose/compose-answer.js';
import { disclaimerFor } from './compose/disclaimer.js';
import type { Article, StageTrace } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import { VesaliusError } from './domain/errors.js';
import type { QuestionFacets } from './domain/question-facets.js';
import type { Source } from './domain/source.js';
import type { ThreadContext } from './domain/thread-context.js';
import type { Topic } from './domain/topic.js';
import type { AnswerCandidate, AnswerRetriever } from './retrieve/gather-answer-evidence.js';
import { compileFacets } from './retrieve/compile-facets.js';
import { triageQuestion } from './triage/triage-question.js';
import type { CompiledRules } from './understand/compile-rules.js';
import type { EntityIndex } from './understand/entity-index.js';
import { followThread } from './understand/follow-thread.js';
import { readFacets } from './understand/read-facets.js';
import type { SpellingCorrector } from './understand/spelling-corrector.js';
import { verifyArticle } from './verify/verify-article.js';
import { PATIENT_SECTION } from './domain/section-name.js';

export interface AnswerDependencies {
  rules: CompiledRules;
  entities: () => EntityIndex;
  speller: () => SpellingCorrector;
  answers: AnswerRetriever;
  topics: (ids: string[]) => Map<string, Topic>;
  sources: (ids: string[]) => Map<string, Source>;
  now: () => Date;
  maxQuestionChars: number;
}

export interface AnswerRequest {
  question: string;
  audience: Audience;
  /** The thread this question follows up, if any. */
  context?: ThreadContext | null;
}

const INSUFFICIENT_MESSAGE =
  'Insufficient evidence: the indexed sources do not answer this question. No answer is given rather than one without support. Try rephrasing with the condition or drug name, or ingest sources that cover it.';

/**
 * The only module that knows the order of the stages:
 * spell → triage → read facets (and the thread) → gather evidence → compose → verify.
 */
export function answerQuestion(deps: AnswerDependencies, request: AnswerRequest): Article {
  if (typeof request.question !== 'string')
    throw new VesaliusError('INVALID_INPUT', 'question must be a string.', { details: { field: 'question' } });
  if (request.question.length > deps.maxQuestionChars) {
    throw new VesaliusError(
      'INVALID_INPUT',
      `question is ${request.question.length} characters long; the limit is ${deps.maxQuestionChars}. Shorten it to the clinical question itself.`,
      { details: { field: 'question' } },
    );
  }
  const trace: StageTrace[] = [];
  const timed = <T>(stage: string, run: () => T, detail?: (value: T) => Record<string, unknown>): T => {
    const started = performance.now();
    const value = run();
    const entry: StageTrace = { stage, ms: round(performance.now() - started) };
    if (detail) entry.detail = detail(value);
    trace.push(entry);
    return value;
  };
  const today = deps.now().toISOString().slice(0, 10);

  const spelled = timed(
    'spell',
    () => deps.speller().correct(request.question),
    (value) => ({
      corrections: value.corrections,
      unknown: value.unknown,
    }),
  );
  const triage = timed(
    'triage',
    () =>
      triageQuestion(
        spelled.text,
        { patterns: deps.rules.triage, messages: deps.rules.source.triage.messages },
        (text) => deps.entities().find(text).length > 0,
        { followUp: Boolean(request.context) },
      ),
    (value) => ({ kind: value.kind }),
  );
  if (triage.kind === 'out_of_scope') return emptyArticle(request, 'out_of_scope', triage.message, null, today, trace);

  // In an emergency the reader is a person on the spot: the alert first, then plain statements only.
  const emergency = triage.kind === 'emergency';
  const audience: Audience = emergency ? 'patient' : request.audience;
  const facets = timed(
    'understand',
    () => {
      const read = emergency
        ? { text: triage.followUp, corrections: [], unknown: [] }
        : { ...spelled, text: triage.question };
      const own = readFacets(read, { rules: deps.rules, entities: deps.entities() });
      return request.context && !emergency ? followThread(own, request.context, deps.entities()) : own;
    },
    (value) => ({ facets: value }),
  );
  const alert = emergency ? triage.message : null;
  if (!emergency && facets.unknownTerms.length > 0) {
    const names = facets.unknownTerms.map((term) => `"${term}"`).join(', ');
    const message = `Insufficient evidence: no indexed source mentions ${names}. Vesalius answers only from its sources and does not guess about names it does not know. Check the spelling, or ingest a source that covers it.`;
    return emptyArticle(request, 'insufficient_evidence', message, null, today, trace);
  }

  const compiled = compileFacets(facets, deps.rules, audience, (name) => deps.entities().drugTopicsOf(name));
  const candidates = timed(
    'retrieve',
    () => deps.answers.gather(compiled),
    (value) => ({
      candidates: value.length,
      // The best few with their facet scores: why this answer (for reviewers and tuning).
      best: value.slice(0, 8).map((candidate) => ({
        id: candidate.passage.id,
        total: round(candidate.score.total),
        subject: round(candidate.score.subject),
        intent: round(candidate.score.intent),
        population: round(candidate.score.population),
        measurement: round(candidate.score.measurement),
        context: round(candidate.score.context),
        direct: candidate.score.direct,
      })),
    }),
  );
  const usable = emergency ? emergencyStatements(candidates, deps.rules.triage) : candidates;
  const composed = timed(
    'compose',
    () =>
      composeAnswer({
        compiled,
        candidates: usable,
        topics: deps.topics([
          ...new Set(
            usable.map((candidate) => candidate.passage.topicId).filter((id): id is string => id !== undefined),
          ),
        ]),
        sources: deps.sources,
        plans: deps.rules.source.sectionPlans,
        audience,
        today,
      }),
    (value) => ({
      direct: value?.direct ?? false,
      gaps: value?.gaps ?? [],
      sections: value?.sections.length ?? 0,
      references: value?.references.length ?? 0,
      answerDrugs: value ? answerDrugsOf(value.bottomLine.text, deps) : [],
    }),
  );

  if (!composed) {
    if (alert) return emptyArticle(request, 'emergency', alert, alert, today, trace);
    return emptyArticle(request, 'insufficient_evidence', INSUFFICIENT_MESSAGE, null, today, trace);
  }
  const { gaps: _gaps, direct: _direct, ...content } = composed;
  const article: Article = {
    ...content,
    // An emergency is named for what is happening, not for the follow-up question that found its statements.
    ...(triage.kind === 'emergency'
      ? { title: triage.reason === 'crisis' ? 'Help is available now' : `Seek emergency care now: ${triage.reason}` }
      : {}),
    question: request.question,
    status: alert ? 'emergency' : 'answered',
    alert,
    trace,
  };
  if (facets.corrected && !emergency) article.correctedQuestion = facets.corrected;
  const report = timed(
    'verify',
    () => verifyArticle(article),
    (value) => ({ ok: value.ok, problems: value.problems }),
  );
  if (!report.ok) {
    throw new VesaliusError('VERIFICATION_FAILED', `internal check failed: ${report.problems.join('; ')}`, {
      details: { problems: report.problems },
    });
  }
  return article;
}

/** What a follow-up needs from an answer: its facets and the drugs its bottom line named. */
export function threadContextOf(article: Article): ThreadContext {
  const understood = article.trace.find((entry) => entry.stage === 'understand')?.detail?.['facets'] as
    | QuestionFacets
    | undefined;
  const answerDrugs = article.trace.find((entry) => entry.stage === 'compose')?.detail?.['answerDrugs'] as
    | string[]
    | undefined;
  const context: ThreadContext = {
    question: article.question,
    questionType: article.questionType,
    topics: article.topics,
    topicTitle: null,
  };
  if (understood) context.facets = understood;
  if (answerDrugs) context.answerDrugs = answerDrugs;
  return context;
}

function answerDrugsOf(text: string, deps: AnswerDependencies): string[] {
  return [
    ...new Set(
      deps
        .entities()
        .find(text)
        .flatMap(({ entity }) => (entity.kind === 'drug' ? entity.topics : [])),
    ),
  ];
}

function emptyArticle(
  request: AnswerRequest,
  status: Article['status'],
  message: string,
  alert: string | null,
  today: string,
  trace: StageTrace[],
): Article {
  const titles: Record<Article['status'], string> = {
    out_of_scope: 'Outside the scope of Vesalius',
    insufficient_evidence: 'Insufficient evidence',
    emergency: 'Seek emergency care now',
    answered: '',
  };
  return {
    question: request.question,
    status,
    questionType: 'definition',
    title: titles[status],
    alert,
    bottomLine: { text: message, citations: [] },
    sections: [],
    references: [],
    audience: request.audience,
    reviewStatus: 'submitted',
    lastUpdated: today,
    disclaimer: disclaimerFor(request.audience),
    topics: [],
    trace,
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Added to a statement that says what to do now, so it leads an emergency answer. */
const ACT_NOW_BONUS = 1;

/**
 * For someone in an emergency now: plain patient statements only, none that reassure or send
 * home, and those that say what to do now (call, go, give) first.
 */
function emergencyStatements(
  candidates: AnswerCandidate[],
  triage: { notInEmergency: RegExp[]; actNow: RegExp[] },
): AnswerCandidate[] {
  return candidates
    .filter(
      (candidate) =>
        candidate.passage.section === PATIENT_SECTION &&
        !triage.notInEmergency.some((pattern) => pattern.test(candidate.passage.text)),
    )
    .map((candidate) =>
      triage.actNow.some((pattern) => pattern.test(candidate.passage.text))
        ? { ...candidate, score: { ...candidate.score, total: candidate.score.total + ACT_NOW_BONUS } }
        : candidate,
    )
    .sort((a, b) => b.score.total - a.score.total);
}
