import { parse as parseYaml } from 'yaml';
import type { Passage } from '../domain/passage.js';
import type { QuestionType } from '../domain/question-type.js';
import type { Source } from '../domain/source.js';
import type { Topic } from '../domain/topic.js';
import type { IndexUnit } from '../indexing/search-index.js';
import { readingGrade } from '../text/reading-grade.js';
import { frontMatterSchema } from './topic-front-matter.js';
import { referenceSourceId } from './reference-source-id.js';
import { PATIENT_SECTION } from '../domain/section-name.js';
import { REQUIRED_DRUG_SECTIONS, SECTION_ANSWERS, isKnownSection } from './topic-sections.js';
import { topicSourceId } from '../domain/ids.js';
export { referenceSourceId } from './reference-source-id.js';

/** Highest Flesch–Kincaid grade accepted for a topic's patient summary. */
const MAX_PATIENT_GRADE = 8;

export interface TopicProblem {
  severity: 'error' | 'warning';
  location: string;
  message: string;
}

export interface ParsedTopic {
  unit: IndexUnit | null;
  problems: TopicProblem[];
  statements: number;
}

const STATEMENT = /^-\s+(.+?)\s*\[((?:\s*@[A-Za-z0-9][\w.-]*\s*[;,]?)+)\]\s*(?:\{([^{}]*)\})?\s*$/;
/** A number followed directly by a dosing frequency, with no unit in between. */
const DOSE_WITHOUT_UNIT =
  /\b\d[\d,.]*(?:\s*(?:-|–|to)\s*\d[\d,.]*)?\s+(?:once|twice|daily|every|q\d+h|bid|tid|qid|nightly|weekly)\b/i;

/** Parses and validates one knowledge-base topic file (markdown with YAML front matter). */
export function parseTopicFile(file: string, content: string): ParsedTopic {
  const problems: TopicProblem[] = [];
  const error = (location: string, message: string) => problems.push({ severity: 'error', location, message });
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(content);
  if (!match) {
    error('file', 'no YAML front matter: the file must start with a "---" line, the fields, and a closing "---" line');
    return { unit: null, problems, statements: 0 };
  }
  const frontText = match[1] ?? '';
  const body = match[2] ?? '';
  const bodyStartLine = frontText.split('\n').length + 3;
  let raw: unknown;
  try {
    raw = parseYaml(frontText);
  } catch (cause) {
    error('front matter', `invalid YAML: ${(cause as Error).message}`);
    return { unit: null, problems, statements: 0 };
  }
  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) error(`front matter: ${issue.path.join('.') || 'root'}`, issue.message);
    return { unit: null, problems, statements: 0 };
  }
  const front = parsed.data;
  const expectedName = `${front.id}.md`;
  if (!file.endsWith(expectedName))
    error('front matter: id', `id "${front.id}" does not match the file name (expected ${expectedName})`);

  const references = new Map<string, Source>();
  for (const [index, reference] of front.references.entries()) {
    if (references.has(reference.key)) {
      error(`front matter: references.${index}`, `duplicate reference key "${reference.key}"`);
      continue;
    }
    const source: Source = {
      id: referenceSourceId(reference),
      kind: reference.kind,
      origin: 'knowledge-base',
      title: reference.title.trim(),
      authors: reference.authors,
      journal: reference.journal,
      year: reference.year,
    };
    for (const field of ['volume', 'issue', 'pages', 'pmid', 'doi', 'url', 'revised'] as const) {
      const value = reference[field];
      if (value !== undefined) source[field] = value;
    }
    if (reference.verified) source.verified = reference.verified;
    references.set(reference.key, source);
  }

  const topicSource = topicSourceId(front.id);
  const used = new Set<string>();
  const passages: Passage[] = [];
  let section = '';
  const drugNames =
    front.kind === 'drug'
      ? [front.generic ?? '', ...(front.brands?.us ?? []), ...(front.brands?.uk ?? []), ...(front.drugClass ?? [])]
      : [];
  const keywords = [...new Set([front.title, ...front.synonyms, ...drugNames].filter(Boolean))].join('; ');
  for (const [offset, line] of body.split(/\r?\n/).entries()) {
    const where = `line ${bodyStartLine + offset}`;
    const trimmed = line.trim();
    if (trimmed === '') continue;
    const heading = /^##\s+(.+?)\s*$/.exec(trimmed);
    if (heading) {
      section = heading[1] ?? '';
      if (!isKnownSection(section))
        error(where, `unknown section heading "${section}" (see knowledge/README.md for the list)`);
      continue;
    }
    if (trimmed.startsWith('#')) continue;
    if (!trimmed.startsWith('- ')) {
      error(where, 'text outside a statement: every statement is a "- " bullet on one line');
      continue;
    }
    const statement = STATEMENT.exec(trimmed);
    if (!statement) {
      error(
        where,
        'statement without a reference: end it with [@key] (and an optional {strength: ...; evidence: ...})',
      );
      continue;
    }
    if (!section) error(where, 'statement before the first "## Section" heading');
    const text = (statement[1] ?? '').trim();
    const keys = [...(statement[2] ?? '').matchAll(/@([A-Za-z0-9][\w.-]*)/g)].map((m) => m[1] ?? '');
    const cited: string[] = [];
    for (const key of keys) {
      const reference = references.get(key);
      if (!reference) {
        error(where, `cites unknown reference "@${key}": add it to the front matter references`);
        continue;
      }
      used.add(key);
      if (!cited.includes(reference.id)) cited.push(reference.id);
    }
    if (DOSE_WITHOUT_UNIT.test(text) && !/\b\d+\s+times\b/i.test(text)) {
      error(
        where,
        `dose without a unit: "${DOSE_WITHOUT_UNIT.exec(text)?.[0]}" (write mg, mcg, g, units, mL, mg/kg...)`,
      );
    }
    const passage: Passage = {
      id: `${topicSource}:${passages.length + 1}`,
      sourceId: topicSource,
      section,
      text,
      ord: passages.length + 1,
      citations: cited,
      answers: sectionAnswers(section, front.questionTypes),
      title: front.title,
      keywords,
      topicId: front.id,
    };
    const grade = parseGrade(statement[3]);
    if (grade) passage.grade = grade;
    passages.push(passage);
  }
  for (const key of references.keys()) {
    if (!used.has(key)) error(`front matter: references`, `reference "${key}" is not cited by any statement`);
  }
  if (passages.length === 0) error('body', 'no statements');
  if (front.kind === 'drug') {
    const present = new Set(passages.map((passage) => passage.section));
    const missing = REQUIRED_DRUG_SECTIONS.filter((required) => !present.has(required));
    if (missing.length > 0) {
      problems.push({
        severity: 'warning',
        location: 'body',
        message: `drug monograph without ${missing.map((name) => `"## ${name}"`).join(', ')}: say what the sources say, even "no adjustment needed"`,
      });
    }
  }
  const patientText = passages
    .filter((passage) => passage.section === PATIENT_SECTION)
    .map((passage) => passage.text)
    .join(' ');
  if (!patientText) {
    problems.push({
      severity: 'warning',
      location: 'body',
      message: 'no "## Patient summary" section: patients will get clinician text',
    });
  } else if (readingGrade(patientText) > MAX_PATIENT_GRADE) {
    problems.push({
      severity: 'warning',
      location: 'Patient summary',
      message: `reading grade ${readingGrade(patientText).toFixed(1)} is above ${MAX_PATIENT_GRADE}: use shorter sentences and everyday words`,
    });
  }

  const topic: Topic = {
    id: front.id,
    kind: front.kind,
    title: front.title,
    specialty: front.specialty,
    synonyms: front.synonyms,
    questionTypes: front.questionTypes,
    reviewStatus: front.reviewStatus,
    updated: front.updated,
    file,
  };
  if (front.sourcesChecked) topic.sourcesChecked = front.sourcesChecked;
  if (front.kind === 'drug' && front.generic && front.brands && front.drugClass && front.otc !== undefined) {
    topic.drug = {
      generic: front.generic,
      brands: front.brands,
      drugClass: front.drugClass,
      otc: front.otc,
      ingredients: front.ingredients ?? [],
    };
  }
  const source: Source = {
    id: topicSource,
    kind: 'knowledge-base-topic',
    origin: 'knowledge-base',
    title: front.title,
    authors: ['Vesalius knowledge base'],
    journal: 'Vesalius knowledge base',
    year: Number(front.updated.slice(0, 4)),
  };
  const hasErrors = problems.some((problem) => problem.severity === 'error');
  return {
    unit: hasErrors ? null : { source, passages, citedSources: [...references.values()], topic },
    problems,
    statements: passages.length,
  };
}

function sectionAnswers(section: string, topicTypes: QuestionType[]): QuestionType[] {
  const answers = isKnownSection(section) ? SECTION_ANSWERS[section] : [];
  if (answers.length === 0) return [...topicTypes];
  return [...answers];
}

function parseGrade(text: string | undefined): Passage['grade'] | undefined {
  if (!text) return undefined;
  const grade: NonNullable<Passage['grade']> = {};
  for (const part of text.split(';')) {
    const [name, ...rest] = part.split(':');
    const value = rest.join(':').trim();
    const key = name?.trim().toLowerCase();
    if (!value) continue;
    if (key === 'strength') grade.strength = value;
    if (key === 'evidence') grade.evidence = value;
  }
  return grade.strength || grade.evidence ? grade : undefined;
}
