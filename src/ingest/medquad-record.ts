import { z } from 'zod';
import type { Passage } from '../domain/passage.js';
import type { Source } from '../domain/source.js';
import type { IndexUnit } from '../indexing/search-index.js';
import { cleanText } from './clean-text.js';
import { inferAnswers, splitLeadingQuestion } from './infer-answers.js';

export const medquadPassageSchema = z.object({
  id: z.string().min(1),
  doc_id: z.string().min(1),
  source: z.string().nullable().optional(),
  url: z.string().nullable().optional(),
  focus: z.string().nullable().optional(),
  text: z.string().min(1, 'text is empty'),
});
export type MedquadPassage = z.infer<typeof medquadPassageSchema>;

const PUBLISHERS: Record<string, string> = {
  GHR: 'Genetics Home Reference, National Library of Medicine',
  GARD: 'Genetic and Rare Diseases Information Center, NIH',
  NINDS: 'National Institute of Neurological Disorders and Stroke',
  NIDDK: 'National Institute of Diabetes and Digestive and Kidney Diseases',
  NHLBI: 'National Heart, Lung, and Blood Institute',
  CancerGov: 'National Cancer Institute',
  CDC: 'Centers for Disease Control and Prevention',
  MPlusHealthTopics: 'MedlinePlus, National Library of Medicine',
  NIHSeniorHealth: 'NIHSeniorHealth, National Institutes of Health',
};

const TYPE_LABELS: Record<string, string> = {
  definition: 'Overview',
  frequency: 'Frequency',
  genetics: 'Genetic changes',
  inheritance: 'Inheritance',
  treatment: 'Treatment',
  symptoms: 'Symptoms',
  cause: 'Causes',
  diagnosis: 'Diagnosis',
  prognosis: 'Outlook',
  research: 'Research',
  prevention: 'Prevention',
  complications: 'Complications',
};

/** One MedQuAD answer passage (NIH consumer-health sites) as a source and passage. */
export function medquadUnit(record: MedquadPassage, synonyms: string[], ord: number): IndexUnit {
  const focus = record.focus?.trim() || record.doc_id;
  const site = record.source ?? record.doc_id.split('_')[0] ?? 'NIH';
  const publisher = PUBLISHERS[site] ?? site;
  const source: Source = {
    id: record.doc_id,
    kind: 'patient-information',
    origin: 'medquad',
    title: focus,
    authors: [publisher],
    journal: publisher,
    licence: 'CC BY 4.0 (MedQuAD)',
  };
  if (record.url) source.url = record.url;
  const { heading, body } = splitLeadingQuestion(cleanText(record.text));
  const answers = inferAnswers(heading, body);
  const passage: Passage = {
    id: record.id,
    sourceId: source.id,
    section: heading || TYPE_LABELS[answers[0] ?? 'definition'] || 'Overview',
    text: body,
    ord,
    citations: [source.id],
    answers,
    title: focus,
    keywords: synonyms.join('; '),
  };
  return { source, passages: [passage] };
}
