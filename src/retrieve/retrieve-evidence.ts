import type { Audience } from '../domain/audience.js';
import { evidenceLevelOf, evidenceWeight, type EvidenceLevel } from '../domain/evidence-level.js';
import type { Passage } from '../domain/passage.js';
import type { QuestionType } from '../domain/question-type.js';
import type { Source } from '../domain/source.js';
import type { SearchIndex } from '../indexing/search-index.js';
import type { Concept, QuestionAnalysis } from './analyze-question.js';
import { stemToken } from '../text/stem-token.js';
import { STOPWORDS } from './stopwords.js';
import { tokenize } from '../text/tokenize.js';
import { PATIENT_SECTION } from '../domain/section-name.js';

export interface RankedEvidence {
  passage: Passage;
  /** The passage's own source (a knowledge-base topic, a MedQuAD page, an abstract). */
  source: Source;
  /** Best evidence level among the sources the passage cites. */
  level: EvidenceLevel;
  score: number;
  /** Share of the question's subject (weighted by rarity) the passage mentions (0–1). */
  coverage: number;
  /** The same share, counted in the passage's title and keywords only. */
  titleCoverage: number;
  /** The same share, counted in the passage's own text only. */
  textCoverage: number;
}

export interface RetrieveOptions {
  limit: number;
  audience?: Audience;
  /** How many engine hits to rerank. */
  candidates?: number;
  origins?: string[];
}

/** Weights of the reranking features; tuned on ../shared/dev (see bench/eval-retrieval.ts). */
const RANK_WEIGHTS = {
  bm25: 0.35,
  coverage: 0.2,
  titleCoverage: 0.3,
  titleFit: 0.15,
  typeMatch: 0.25,
  evidence: 0.06,
  recency: 0.03,
  patientFit: 0.1,
  sameSourceDecay: 0.92,
  /** BM25 over the passage's own text only... */
  textBm25: 0,
  /** ...and for research questions ("Does X reduce the risk of Y?"), answered by a study's own words. */
  researchTextBm25: 0.45,
  /** A research question asks about an association: the passage must speak of every part of it. */
  researchCoverage: 0.5,
  /** A research question's wording says little about which section answers it. */
  researchTypeMatch: 0.05,
  /** Share of title and synonym credit a knowledge-base statement gets (they are its topic's, not its own). */
  sharedTitle: 0.25,
};

/**
 * Retrieves and reranks evidence: engine BM25 (column-weighted) → features (concept
 * coverage in text and title, question-type fit, evidence level, recency, audience) →
 * diversity across sources and removal of duplicate text.
 */
export class EvidenceRetriever {
  private readonly sourceCache = new Map<string, Source>();
  /** Stemmed word sets per passage and per title/keyword string (many passages share a topic's). */
  private readonly passageStems = new Map<string, PassageStems>();
  private readonly fieldStems = new Map<string, Set<string>>();

  constructor(private readonly index: SearchIndex) {}

  retrieve(analysis: QuestionAnalysis, options: RetrieveOptions): RankedEvidence[] {
    const subject = this.weightByRarity(analysis.concepts.filter((concept) => !concept.typeWord));
    const searchable = analysis.concepts.filter((concept) => !concept.typeWord);
    const concepts = (searchable.length > 0 ? searchable : analysis.concepts).map((concept) => ({
      phrases: concept.phrases,
      weight: concept.weight,
    }));
    const query = { concepts, withTextScore: true, ...(options.origins ? { origins: options.origins } : {}) };
    const limit = options.candidates ?? 150;
    // Candidates by all fields and by passage text alone: a statement's topic synonyms must not
    // crowd out the passage whose own words answer.
    const research = isResearchQuestion(analysis);
    const byId = new Map(this.index.search(query, limit).map((hit) => [hit.passage.id, hit]));
    if (research) {
      for (const hit of this.index.search({ ...query, textOnly: true }, limit))
        if (!byId.has(hit.passage.id)) byId.set(hit.passage.id, hit);
    }
    const hits = [...byId.values()];
    if (hits.length === 0) return [];
    const forPatient = options.audience === 'patient';
    const maxScore = Math.max(...hits.map((hit) => hit.score), 1e-9);
    const maxText = Math.max(...hits.map((hit) => hit.textScore), 1e-9);
    // A research question ("Does X reduce Y?") is answered by a study whose own text matches;
    // a consumer question ("What are the symptoms of X?") by the passage titled and sectioned for it.
    const textWeight = research ? RANK_WEIGHTS.researchTextBm25 : RANK_WEIGHTS.textBm25;
    const questionTokens = new Set(tokenize(analysis.text).map(stemToken));
    this.loadSources(hits.flatMap((hit) => [hit.passage.sourceId, ...hit.passage.citations]));

    const scored: RankedEvidence[] = [];
    for (const hit of hits) {
      const { passage } = hit;
      const isPatientText = passage.section === PATIENT_SECTION;
      if (isPatientText && !forPatient) continue;
      const source = this.sourceCache.get(passage.sourceId);
      if (!source) continue;
      const level = this.bestLevel(passage, source);
      const stems = this.stemsOf(passage);
      const coverage = conceptCoverage(subject, stems.all);
      // A title names a topic; synonyms only half as surely (they often list drugs and related terms).
      const titleCoverage = Math.max(
        conceptCoverage(subject, stems.title),
        0.6 * conceptCoverage(subject, stems.named),
      );
      const textCoverage = conceptCoverage(subject, stems.text);
      // A knowledge-base statement shares its topic's title and synonyms with every other statement
      // of the topic: they say little about whether this statement answers, so its own words count.
      const shared = source.origin === 'knowledge-base' ? RANK_WEIGHTS.sharedTitle : 1;
      const titleFit = titleFitness(passage.title, questionTokens) * shared;
      const year = passage.year ?? source.year;
      const recency = year === undefined ? 0.5 : Math.min(1, Math.max(0, (year - 1990) / 36));
      const patientFit = forPatient ? (isPatientText || source.kind === 'patient-information' ? 1 : 0) : 0;
      const score =
        RANK_WEIGHTS.bm25 * (hit.score / maxScore) +
        textWeight * (hit.textScore / maxText) +
        (research ? RANK_WEIGHTS.researchCoverage : RANK_WEIGHTS.coverage) *
          (shared < 1 ? Math.max(textCoverage, shared * coverage) : coverage) +
        RANK_WEIGHTS.titleCoverage * titleCoverage * shared +
        RANK_WEIGHTS.titleFit * titleFit * titleCoverage +
        (research ? RANK_WEIGHTS.researchTypeMatch : RANK_WEIGHTS.typeMatch) * typeFit(analysis.type, passage.answers) +
        RANK_WEIGHTS.evidence * evidenceWeight(level) +
        RANK_WEIGHTS.recency * recency +
        RANK_WEIGHTS.patientFit * patientFit;
      scored.push({ passage, source, level, score, coverage, titleCoverage, textCoverage });
    }
    scored.sort((a, b) => b.score - a.score);
    return diversify(scored, options.limit);
  }

  /**
   * Scales each concept's weight by how rare it is in the index (inverse document
   * frequency), so "keep ... under control" cannot outweigh "asthma" in coverage.
   */
  private weightByRarity(concepts: Concept[]): Concept[] {
    const words = [...new Set(concepts.flatMap((concept) => concept.phrases.flat()))];
    const { documents, frequencies } = this.index.termStatistics(words);
    const idf = (word: string) => Math.log(1 + documents / ((frequencies.get(word) ?? 0) + 1));
    return concepts.map((concept) => {
      const rarity = Math.max(
        ...concept.phrases.map(
          (phrase) => phrase.reduce((sum, word) => sum + idf(word), 0) / Math.max(phrase.length, 1),
        ),
      );
      return { ...concept, weight: concept.weight * Math.max(rarity, 0.1) };
    });
  }

  /** Sources by id, from the cache or the index. */
  sources(ids: string[]): Map<string, Source> {
    this.loadSources(ids);
    const found = new Map<string, Source>();
    for (const id of ids) {
      const source = this.sourceCache.get(id);
      if (source) found.set(id, source);
    }
    return found;
  }

  /** Forget cached sources and word sets (after an ingest). */
  invalidate(): void {
    this.sourceCache.clear();
    this.passageStems.clear();
    this.fieldStems.clear();
  }

  private stemsOf(passage: Passage): PassageStems {
    let stems = this.passageStems.get(passage.id);
    if (stems) return stems;
    const field = (text: string) => {
      let set = this.fieldStems.get(text);
      if (!set) {
        set = stemSet(text);
        if (this.fieldStems.size > 20_000) this.fieldStems.clear();
        this.fieldStems.set(text, set);
      }
      return set;
    };
    const title = field(passage.title);
    const named = field(`${passage.title} ${passage.keywords}`);
    const text = stemSet(passage.text);
    const all = new Set([...named, ...field(passage.section), ...text]);
    stems = { title, named, text, all };
    if (this.passageStems.size > 50_000) this.passageStems.clear();
    this.passageStems.set(passage.id, stems);
    return stems;
  }

  private loadSources(ids: string[]): void {
    const missing = [...new Set(ids)].filter((id) => !this.sourceCache.has(id));
    if (missing.length === 0) return;
    for (const source of this.index.getSources(missing)) this.sourceCache.set(source.id, source);
  }

  private bestLevel(passage: Passage, source: Source): EvidenceLevel {
    let best: EvidenceLevel = evidenceLevelOf(source.kind === 'knowledge-base-topic' ? 'other' : source.kind);
    for (const id of passage.citations) {
      const cited = this.sourceCache.get(id);
      if (!cited) continue;
      const level = evidenceLevelOf(cited.kind);
      if (level < best) best = level;
    }
    return best;
  }
}

interface PassageStems {
  title: Set<string>;
  named: Set<string>;
  text: Set<string>;
  all: Set<string>;
}

function stemSet(text: string): Set<string> {
  return new Set(tokenize(text).map(stemToken));
}

/** Weighted share of concepts with at least one phrase whose every token appears. */
function conceptCoverage(concepts: Concept[], tokens: Set<string>): number {
  let total = 0;
  let found = 0;
  for (const concept of concepts) {
    total += concept.weight;
    if (concept.phrases.some((phrase) => phrase.every((token) => tokens.has(stemToken(token)))))
      found += concept.weight;
  }
  return total === 0 ? 0 : found / total;
}

/** Share of a title's words that the question uses: 1 when the question names exactly this topic. */
function titleFitness(title: string, questionTokens: Set<string>): number {
  const words = tokenize(title)
    .filter((token) => !STOPWORDS.has(token))
    .map(stemToken);
  if (words.length === 0) return 0;
  return words.filter((word) => questionTokens.has(word)).length / words.length;
}

function typeFit(type: QuestionType, answers: QuestionType[]): number {
  if (answers.length === 0) return 0.2;
  if (answers[0] === type) return 1;
  if (answers.includes(type)) return 0.7;
  if ((type === 'dosing' || type === 'monitoring') && answers.includes('treatment')) return 0.5;
  if (type === 'prevention' && answers.includes('screening')) return 0.5;
  return 0;
}

/** Removes repeated text and lets each further passage of one source count a little less. */
function diversify(ranked: RankedEvidence[], limit: number): RankedEvidence[] {
  const perSource = new Map<string, number>();
  const seenText = new Set<string>();
  const adjusted: RankedEvidence[] = [];
  for (const item of ranked) {
    const key = item.passage.text.toLowerCase().replace(/\W+/g, ' ').trim().slice(0, 300);
    if (seenText.has(key)) continue;
    seenText.add(key);
    const count = perSource.get(item.source.id) ?? 0;
    perSource.set(item.source.id, count + 1);
    const decay = item.source.origin === 'knowledge-base' ? 1 : RANK_WEIGHTS.sameSourceDecay ** count;
    adjusted.push({ ...item, score: item.score * decay });
  }
  adjusted.sort((a, b) => b.score - a.score);
  return adjusted.slice(0, limit);
}

const CONSUMER = /^(what|how|who|where|when|which|why|do you have information|are there)\b/i;
const TEMPLATED = new Set<QuestionType>(['inheritance', 'genetics', 'frequency', 'research']);

/**
 * A research question ("Does X reduce the risk of Y?", "Telemedicine in type 1 diabetes: is
 * technology enough?") rather than a consumer one ("What are the symptoms of X?"): a yes/no
 * question about an effect or association.
 */
function isResearchQuestion(analysis: QuestionAnalysis): boolean {
  const text = analysis.text.trim();
  return text.length > 30 && /\?$/.test(text) && !CONSUMER.test(text) && !TEMPLATED.has(analysis.type);
}
