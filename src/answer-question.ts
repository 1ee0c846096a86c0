import { composeArticle } from './compose/compose-article.js';
import { choosePrimaryTopics } from './compose/choose-primary-topics.js';
import { disclaimerFor } from './compose/disclaimer.js';
import type { Article, StageTrace } from './domain/article.js';
import type { Audience } from './domain/audience.js';
import { VesaliusError } from './domain/errors.js';
import type { SearchIndex } from './indexing/search-index.js';
import { planFollowUp, type FollowUpContext } from './retrieve/plan-follow-up.js';
import type { EvidenceRetriever } from './retrieve/retrieve-evidence.js';
import type { TermMatcher } from './retrieve/term-matcher.js';
import { tokenizeKeepCase } from './text/tokenize.js';
import { triageQuestion } from './triage/triage-question.js';
import { verifyArticle } from './verify/verify-article.js';

export interface AnswerDependencies {
  index: SearchIndex;
  retriever: EvidenceRetriever;
  /** Equivalent terms, for expanding the question. */
  lexicon: TermMatcher;
  /** Every known name (lexicon and topics), for recognising a health question. */
  names: () => TermMatcher;
  now: () => Date;
  maxQuestionChars: number;
}

export interface AnswerRequest {
  question: string;
  audience: Audience;
  /** The thread this question follows up, if any. */
  context?: FollowUpContext | null;
}

/** Share of the question's subject that the best evidence must cover to be an answer. */
export const MIN_COVERAGE = 0.5;

/** Share of the subject a statement's own text must cover to answer without a topic. */
export const MIN_DIRECT_COVERAGE = 0.7;

export const INSUFFICIENT_MESSAGE =
  'Insufficient evidence: the indexed sources do not answer this question. No answer is given rather than one without support. Try rephrasing with the condition or drug name, or ingest sources that cover it.';

/**
 * The only module that knows the order of the stages:
 * triage → analyse → retrieve → choose topics → compose → verify.
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
  const { audience: requested } = request;

  const triage = timed(
    'triage',
    () => triageQuestion(request.question, (text) => matchesLexicon(deps.names(), text)),
    (value) => ({ kind: value.kind }),
  );
  if (triage.kind === 'out_of_scope') {
    return emptyArticle(request, 'out_of_scope', triage.message, null, today, trace);
  }
  const question = triage.kind === 'clinical' ? triage.question : triage.followUp;
  const plan = timed(
    'analyze',
    () => planFollowUp(question, triage.kind === 'clinical' ? (request.context ?? null) : null, deps.lexicon),
    (value) => ({
      type: value.analysis.type,
      concepts: value.analysis.concepts.map((concept) => concept.label),
      followUp: value.preferTopics.length > 0,
    }),
  );
  const { analysis } = plan;
  const alert = triage.kind === 'emergency' ? triage.message : null;
  // In an emergency the reader is a person on the spot: plain words, whoever they are.
  const audience = alert ? 'patient' : requested;
  const evidence = timed(
    'retrieve',
    () => deps.retriever.retrieve(analysis, { limit: 40, audience }),
    (value) => ({ passages: value.length, best: value[0]?.passage.id ?? null }),
  );
  // An elliptical follow-up stays with its thread's topics; a new question picks its own.
  const topicIds = plan.preferTopics.length > 0 ? plan.preferTopics.slice(0, 3) : choosePrimaryTopics(evidence);
  // Without a topic named by the question, an answer needs passages that state the subject themselves.
  const directAnswer =
    evidence.filter((item) => item.textCoverage >= MIN_DIRECT_COVERAGE).length >= 2 ||
    evidence.some((item) => !item.passage.sourceId.startsWith('kb:') && item.coverage >= MIN_COVERAGE);
  if (topicIds.length === 0 && !directAnswer) {
    if (alert) return emptyArticle(request, 'emergency', alert, alert, today, trace);
    return emptyArticle(request, 'insufficient_evidence', INSUFFICIENT_MESSAGE, null, today, trace);
  }

  const composed = timed(
    'compose',
    () => {
      const topics = deps.index
        .getTopics(topicIds)
        .map((topic) => ({ topic, statements: deps.index.passagesOfSource(`kb:${topic.id}`) }));
      const citedIds = [
        ...topics.flatMap((entry) => entry.statements.flatMap((passage) => passage.citations)),
        ...evidence.flatMap((item) => [...item.passage.citations, item.passage.sourceId]),
      ];
      const sources = deps.retriever.sources(citedIds);
      return composeArticle({ analysis, evidence, topics, sources, audience, today, focus: plan.focus });
    },
    (value) => ({ sections: value.sections.length, references: value.references.length }),
  );

  if (composed.sections.length === 0 && composed.bottomLine.text === '') {
    if (alert) return emptyArticle(request, 'emergency', alert, alert, today, trace);
    return emptyArticle(request, 'insufficient_evidence', INSUFFICIENT_MESSAGE, null, today, trace);
  }
  const article: Article = {
    ...composed,
    question: request.question,
    status: alert ? 'emergency' : 'answered',
    alert,
    trace,
  };
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

function matchesLexicon(matcher: TermMatcher, text: string): boolean {
  const original = tokenizeKeepCase(text.slice(0, 2000));
  return (
    matcher.match(
      original.map((token) => token.toLowerCase()),
      original,
    ).length > 0
  );
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
