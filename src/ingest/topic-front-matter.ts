import { z } from 'zod';
import { QUESTION_TYPES } from '../domain/question-type.js';
import { REVIEW_STATUSES } from '../domain/review-status.js';
import { TOPIC_KINDS } from '../domain/topic.js';

const SPECIALTIES = [
  'cardiology',
  'pulmonology',
  'infectious-diseases',
  'endocrinology',
  'nephrology',
  'gastroenterology',
  'rheumatology',
  'hematology',
  'neurology',
  'psychiatry',
  'emergency-medicine',
  'obstetrics-gynecology',
  'pediatrics',
  'oncology',
  'allergy-immunology',
  'dermatology',
  'preventive-care',
  'primary-care',
  'hospital-medicine',
  'urology',
  'ophthalmology',
  'otolaryngology',
  'toxicology',
  'palliative-care',
  'musculoskeletal',
  'surgery',
  'laboratory-medicine',
  'pain-medicine',
] as const;

const REFERENCE_KINDS = [
  'guideline',
  'systematic-review',
  'randomized-trial',
  'observational-study',
  'narrative-review',
  'patient-information',
  'drug-label',
  'drug-database',
  'other',
] as const;

const isoDate = z
  .union([z.string(), z.date()])
  .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
  .pipe(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD'));

const text = z.union([z.string(), z.number()]).transform(String);

const referenceSchema = z.object({
  key: z.string().regex(/^[A-Za-z0-9][\w.-]*$/, 'key must be letters, digits, ".", "_" or "-"'),
  /** Optional explicit identity shared by every file that cites the same publication. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]*$/, 'id must be lower-case letters, digits, "." or "-"')
    .optional(),
  kind: z.enum(REFERENCE_KINDS),
  title: z.string().min(5),
  authors: z.array(z.string().min(1)).min(1),
  journal: z.string().min(1),
  year: z.number().int().min(1900).max(2100),
  volume: text.optional(),
  issue: text.optional(),
  pages: text.optional(),
  revised: z
    .union([z.string(), z.date()])
    .transform((value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value))
    .pipe(z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, 'revised must be YYYY-MM or YYYY-MM-DD'))
    .optional(),
  pmid: text.pipe(z.string().regex(/^\d{1,9}$/, 'PMID must be digits only')).optional(),
  doi: z
    .string()
    .regex(/^10\.\d{4,9}\/\S+$/, 'DOI must look like 10.NNNN/suffix')
    .optional(),
  url: z.string().url().optional(),
  verified: z
    .object({ on: isoDate, against: z.string().min(3, 'say which public record was checked (its URL)') })
    .optional(),
});

const drugFields = {
  generic: z.string().min(2),
  brands: z.object({ us: z.array(text).default([]), uk: z.array(text).default([]) }),
  drugClass: z
    .union([z.string().min(2), z.array(z.string().min(2)).min(1)])
    .transform((value) => (Array.isArray(value) ? value : [value])),
  otc: z.boolean(),
  ingredients: z.array(z.string().min(2)).default([]),
};

export const frontMatterSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id must be lower-case kebab-case'),
    kind: z.enum(TOPIC_KINDS).default('condition'),
    title: z.string().min(3),
    specialty: z.enum(SPECIALTIES),
    synonyms: z.array(text),
    questionTypes: z.array(z.enum(QUESTION_TYPES)).min(1),
    reviewStatus: z.enum(REVIEW_STATUSES),
    updated: isoDate,
    sourcesChecked: isoDate.optional(),
    generic: drugFields.generic.optional(),
    brands: drugFields.brands.optional(),
    drugClass: drugFields.drugClass.optional(),
    otc: drugFields.otc.optional(),
    ingredients: drugFields.ingredients.optional(),
    references: z.array(referenceSchema).min(1, 'a topic needs at least one reference'),
  })
  .superRefine((front, context) => {
    if (front.kind !== 'drug') return;
    for (const field of ['generic', 'brands', 'drugClass', 'otc'] as const) {
      if (front[field] === undefined) {
        context.addIssue({ code: 'custom', path: [field], message: `a drug monograph (kind: drug) needs "${field}"` });
      }
    }
  });
