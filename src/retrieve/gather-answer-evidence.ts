import type { Entity } from '../domain/question-facets.js';
import { evidenceLevelOf, evidenceWeight, type EvidenceLevel } from '../domain/evidence-level.js';
import type { Passage } from '../domain/passage.js';
import type { Source } from '../domain/source.js';
import type { SearchIndex } from '../indexing/search-index.js';
import type { EntityIndex } from '../understand/entity-index.js';
import { tokenize } from '../text/tokenize.js';
import { ANSWER_THRESHOLDS } from './ranking-settings.js';
import { type CompiledFacets, subjectMatcher } from './compile-facets.js';
import { type FacetScore, scoreStatement } from './score-statement.js';
import { STOPWORDS } from './stopwords.js';
import { topicSourceId } from '../domain/ids.js';
import { PATIENT_SECTION, type SectionName } from '../domain/section-name.js';

export interface AnswerCandidate {
  passage: Passage;
  /** The passage's own source (a knowledge-base topic, an abstract, a consumer-health page). */
  source: Source;
  level: EvidenceLevel;
  score: FacetScore;
  fromKnowledgeBase: boolean;
}

/** Treatment sections whose drugs are worth checking for the asked population. */
const TREATMENT_SECTIONS = new Set<string>([
  'Summary',
  'First-line therapy',
  'Alternatives',
  'Dosing',
  'Special considerations',
] satisfies SectionName[]);
/** Credit of a drug that a condition's treatment statements name, standing in for the condition. */
const EXPANSION_CREDIT = 0.75;

/**
 * Statement-level retrieval: gathers every statement of the question's subjects (their
 * monographs and topics, class members, the drugs a condition is treated with when a
 * population or kidney function is asked about) plus full-text hits from everything
 * indexed, and scores each by how many of the question's facets it addresses.
 */
export class AnswerRetriever {
  private readonly statements = new Map<string, Passage[]>();
  private readonly namedConditions = new Map<string, string[][]>();
  private readonly namedDrugs = new Map<string, Entity[]>();

  constructor(
    private readonly index: SearchIndex,
    private readonly entities: () => EntityIndex,
    private readonly sources: (ids: string[]) => Map<string, Source>,
    /** Advice written for a person on their own ("call 911"): never given to clinicians. */
    private readonly layAdvice: RegExp[] = [],
  ) {}

  gather(compiled: CompiledFacets): AnswerCandidate[] {
    const { facets } = compiled;
    const subjects = facets.entities;
    this.weighTerms(compiled);
    const topicIds = new Set<string>();
    for (const entity of subjects) {
      for (const id of entity.topics) topicIds.add(id);
      if (!entity.background) for (const id of entity.relatedTopics.slice(0, 4)) topicIds.add(id);
      if (!entity.background)
        for (const member of entity.members) for (const id of this.entities().drugTopicsOf(member)) topicIds.add(id);
    }
    this.expandDrugs(compiled, topicIds);

    const pool = new Map<string, { passage: Passage; search: number }>();
    for (const id of topicIds)
      for (const passage of this.statementsOf(id)) pool.set(passage.id, { passage, search: 0 });
    for (const hit of this.search(subjects, facets.terms)) {
      const entry = pool.get(hit.passage.id);
      if (entry) entry.search = hit.search;
      else pool.set(hit.passage.id, hit);
    }

    const passages = [...pool.values()];
    const askedConditions = new Set(
      subjects.filter((entity) => entity.kind === 'condition').flatMap((entity) => entity.topics),
    );
    const askedDrugTopics = new Set([
      ...subjects.filter((entity) => entity.kind === 'drug').flatMap((entity) => entity.topics),
      ...compiled.substitutes.flatMap(({ matcher }) => matcher.entity.topics),
      ...[...compiled.required, ...compiled.alternatives].flatMap((matcher) => [...matcher.memberTopics]),
    ]);
    // A comorbidity's own topic ("COPD" in a pneumonia question) speaks of the subject only in passing.
    const subjectTopics = new Set(subjects.filter((entity) => !entity.background).flatMap((entity) => entity.topics));
    const backgroundTopics = new Set(
      subjects
        .filter((entity) => entity.background && entity.kind === 'condition')
        .flatMap((entity) => entity.topics)
        .filter((id) => !subjectTopics.has(id)),
    );
    const sources = this.sources(passages.flatMap(({ passage }) => [passage.sourceId, ...passage.citations]));
    const candidates: AnswerCandidate[] = [];
    for (const { passage, search } of passages) {
      const source = sources.get(passage.sourceId);
      if (!source) continue;
      const patient = passage.section === PATIENT_SECTION;
      if (patient && compiled.audience !== 'patient') continue;
      // Physicians and pharmacists asking about treatment are the care "call 911" sends people to;
      // nurses teach patients, so they keep it.
      const treating = compiled.audience === 'physician' || compiled.audience === 'pharmacist';
      if (treating && this.layAdvice.some((pattern) => pattern.test(passage.text))) continue;
      const level = bestLevel(passage, source, sources);
      const score = scoreStatement(
        {
          text: passage.text,
          section: passage.section,
          topicId: passage.topicId,
          patient,
          search,
          evidence: evidenceWeight(level),
          keywords: passage.keywords,
          backgroundTopic: passage.topicId !== undefined && backgroundTopics.has(passage.topicId),
          foreignMonograph:
            passage.topicId !== undefined && this.isDrug(passage.topicId) && !askedDrugTopics.has(passage.topicId),
          otherCondition: compiled.substitutes.length > 0 && this.namesOtherCondition(passage, askedConditions),
          otherPart: this.speaksOfOtherPart(passage, subjects, facets.text),
        },
        compiled,
      );
      if (score.subject <= 0) continue;
      candidates.push({ passage, source, level, score, fromKnowledgeBase: source.origin === 'knowledge-base' });
    }
    return candidates.sort((a, b) => b.score.total - a.score.total);
  }

  /**
   * For a condition asked about within a two-condition topic ("scabies" in "Scabies and head
   * lice"), whether a statement (in that topic or any other) names only the part not asked about.
   */
  private speaksOfOtherPart(passage: Passage, subjects: Entity[], question: string): boolean {
    const text = passage.text.toLowerCase();
    const lowerQuestion = question.toLowerCase();
    for (const entity of subjects) {
      if (entity.kind !== 'condition' || entity.background) continue;
      const label = entity.label.toLowerCase();
      for (const topicId of entity.topics) {
        const parts = this.entities()
          .partsOf(topicId)
          .map((part) => part.toLowerCase());
        if (parts.length < 2) continue;
        // A question that names two of the parts ("TSH 12 with a normal free T4") is about both.
        if (parts.filter((part) => lowerQuestion.includes(part)).length >= 2) continue;
        const askedPart = parts.find((part) => label.includes(part) || part.includes(label));
        if (!askedPart || text.includes(askedPart)) continue;
        if (parts.some((part) => part !== askedPart && text.includes(part))) return true;
      }
    }
    return false;
  }

  /** Whether a statement names a condition other than the asked ones. */
  private namesOtherCondition(passage: Passage, asked: Set<string>): boolean {
    return this.conditionsNamed(passage).some((topics) => !topics.some((id) => asked.has(id)));
  }

  /**
   * The conditions a statement names, each as the topics it could be (fixed for a statement, so
   * worked out once): a condition's own topics, or for a term, the condition topics that list it.
   */
  private conditionsNamed(passage: Passage): string[][] {
    let named = this.namedConditions.get(passage.id);
    if (!named) {
      const index = this.entities();
      named = index.find(passage.text).flatMap(({ entity }) => {
        if (entity.kind === 'condition') return [entity.topics];
        const conditions = entity.relatedTopics.filter((id) => index.topic(id)?.kind === 'condition');
        return entity.kind === 'term' && conditions.length > 0 ? [conditions] : [];
      });
      this.namedConditions.set(passage.id, named);
    }
    return named;
  }

  /** The drugs a statement names (worked out once per statement). */
  private drugsNamed(passage: Passage): Entity[] {
    let named = this.namedDrugs.get(passage.id);
    if (!named) {
      named = this.entities()
        .find(passage.text)
        .flatMap(({ entity }) => (entity.kind === 'drug' ? [entity] : []));
      this.namedDrugs.set(passage.id, named);
    }
    return named;
  }

  private isDrug(topicId: string): boolean {
    return this.entities().topic(topicId)?.kind === 'drug';
  }

  /** Rarer words weigh more: inverse document frequency from the index. */
  private weighTerms(compiled: CompiledFacets): void {
    const terms = compiled.facets.terms;
    if (terms.length === 0) return;
    const { documents, frequencies } = this.index.termStatistics(terms);
    compiled.termWeights = terms.map((term) => Math.log(1 + documents / ((frequencies.get(term) ?? 0) + 1)));
  }

  /** Forget cached statements (after the knowledge base or an ingest changed the index). */
  invalidate(): void {
    this.statements.clear();
    this.namedConditions.clear();
    this.namedDrugs.clear();
  }

  private statementsOf(topicId: string): Passage[] {
    let list = this.statements.get(topicId);
    if (!list) {
      list = this.index.passagesOfSource(topicSourceId(topicId));
      this.statements.set(topicId, list);
    }
    return list;
  }

  /**
   * "Migraine in pregnancy", "cystitis with a CrCl of 25": the condition's own statements
   * rarely say it all, so the drugs its treatment statements name are checked too.
   */
  private expandDrugs(compiled: CompiledFacets, topicIds: Set<string>): void {
    const { facets } = compiled;
    const needsDrugs = facets.populations.length > 0 || facets.measurements.length > 0 || facets.intent === 'safety';
    if (!needsDrugs) return;
    const conditions = facets.entities.filter((entity) => entity.kind === 'condition' && !entity.background);
    if (conditions.length === 0 || facets.entities.some((entity) => entity.kind === 'drug' && !entity.background))
      return;
    const named = new Map<string, Entity>();
    for (const condition of conditions) {
      for (const topicId of condition.topics) {
        for (const statement of this.statementsOf(topicId)) {
          if (!TREATMENT_SECTIONS.has(statement.section)) continue;
          for (const entity of this.drugsNamed(statement)) if (!named.has(entity.name)) named.set(entity.name, entity);
        }
      }
    }
    for (const entity of [...named.values()].slice(0, 12)) {
      for (const id of entity.topics) topicIds.add(id);
      compiled.substitutes.push({
        matcher: subjectMatcher(entity, (name) => this.entities().drugTopicsOf(name)),
        credit: EXPANSION_CREDIT,
      });
    }
  }

  private search(entities: Entity[], terms: string[]): Array<{ passage: Passage; search: number }> {
    const concepts = [
      ...entities.map((entity) => ({
        phrases: entity.names
          .slice(0, 5)
          .map((name) => tokenize(name))
          .filter((phrase) => phrase.length > 0),
        weight: entity.background ? 1 : 2,
      })),
      ...terms.filter((term) => !STOPWORDS.has(term)).map((term) => ({ phrases: [[term]], weight: 1 })),
    ].filter((concept) => concept.phrases.length > 0);
    if (concepts.length === 0) return [];
    const hits = this.index.search({ concepts }, ANSWER_THRESHOLDS.searchCandidates);
    const best = Math.max(...hits.map((hit) => hit.score), 1e-9);
    return hits.map((hit) => ({ passage: hit.passage, search: hit.score / best }));
  }
}

function bestLevel(passage: Passage, source: Source, sources: Map<string, Source>): EvidenceLevel {
  let best: EvidenceLevel = evidenceLevelOf(source.kind === 'knowledge-base-topic' ? 'other' : source.kind);
  for (const id of passage.citations) {
    const cited = sources.get(id);
    if (!cited) continue;
    const level = evidenceLevelOf(cited.kind);
    if (level < best) best = level;
  }
  return best;
}
