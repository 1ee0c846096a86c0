/**
 * The section headings a knowledge-base topic may use (condition topics and drug monographs
 * share one list), typed, so code names a section the way the knowledge base does.
 */
const SECTION_NAMES = [
  'Summary',
  'Definition',
  'What it does',
  'Indications',
  'Causes and risk factors',
  'Symptoms',
  'Diagnosis',
  'First-line therapy',
  'Alternatives',
  'Dosing',
  'Pediatric dosing',
  'Renal adjustment',
  'Hepatic adjustment',
  'Monitoring',
  'Special considerations',
  'Pregnancy',
  'Breastfeeding',
  'Interactions',
  'Adverse effects',
  'Contraindications and warnings',
  'Overdose',
  'Pitfalls',
  'Prevention',
  'Screening',
  'Prognosis',
  'Complications',
  'When to refer',
  'Emergency',
  'Patient summary',
] as const;
export type SectionName = (typeof SECTION_NAMES)[number];

/** The statements a specialist leads with. */
export const SUMMARY_SECTION: SectionName = 'Summary';
/** Plain-language statements for patients and caregivers. */
export const PATIENT_SECTION: SectionName = 'Patient summary';
