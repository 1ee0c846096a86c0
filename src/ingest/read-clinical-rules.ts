import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { type ClinicalRules, INTENTS, POPULATIONS } from '../domain/clinical-rules.js';
import { VesaliusError } from '../domain/errors.js';
import { QUESTION_TYPES } from '../domain/question-type.js';
import type { TopicProblem } from './parse-topic-file.js';
import { isKnownSection } from './topic-sections.js';

/** The rule files of a knowledge base, in `knowledge/rules/`. */
export const RULE_FILES = [
  'synonyms.yaml',
  'spelling.yaml',
  'triage.yaml',
  'intents.yaml',
  'section-plans.yaml',
  'currency.yaml',
] as const;

const pattern = z.string().superRefine((value, context) => {
  try {
    new RegExp(value, 'i');
  } catch (error) {
    context.addIssue({
      code: 'custom',
      message: `invalid regular expression ${JSON.stringify(value)}: ${(error as Error).message}`,
    });
  }
});
const patterns = z.array(pattern);
const term = z.union([z.string().min(1), z.number()]).transform(String);
const section = z.string().superRefine((value, context) => {
  if (!isKnownSection(value))
    context.addIssue({ code: 'custom', message: `unknown section "${value}" (see knowledge/README.md)` });
});

const synonymsSchema = z.object({
  groups: z.array(
    z.union([
      z
        .array(term)
        .min(2)
        .transform((terms) => ({ terms, members: [] as string[] })),
      z.object({
        terms: z.array(term).min(1),
        members: z.array(term).default([]),
        treats: z.array(term).optional(),
      }),
    ]),
  ),
  words: z.array(z.array(z.string().min(2)).min(2)).default([]),
});

const spellingSchema = z.object({
  variants: z.array(z.tuple([z.string().min(2), z.string().min(2)])),
  shorthand: z.record(z.string(), z.string()),
});

const triageSchema = z.object({
  emergencyNumbers: z.record(z.string().regex(/^[A-Z]{2}$/, 'country codes are two capital letters'), term),
  messages: z.object({
    emergency: z.string().min(20),
    crisis: z.string().min(20),
    outOfScope: z.string().min(20),
    manipulation: z.string().min(20),
    empty: z.string().min(5),
  }),
  crisis: patterns.min(1),
  redFlags: z
    .array(
      z.object({
        name: z.string().min(2),
        patterns: patterns.min(1),
        followUp: z.string().min(3),
        advice: z.string().min(10).optional(),
      }),
    )
    .min(1),
  personal: patterns.min(1),
  clinician: patterns.min(1),
  manipulation: patterns.min(1),
  notHealth: patterns,
  healthWords: patterns.min(1),
  notInEmergency: patterns.default([]),
  actNow: patterns.default([]),
});

const intentsSchema = z.object({
  intents: z.array(
    z.object({
      name: z.enum(INTENTS),
      questionType: z.enum(QUESTION_TYPES),
      cues: patterns.min(1),
      statementCues: patterns,
      sections: z.array(section).min(1),
      cueRequired: z.boolean().optional(),
      onlyWhenAsked: patterns.optional(),
    }),
  ),
  populations: z.array(
    z.object({
      name: z.enum(POPULATIONS),
      phrase: z.string().min(2),
      cues: patterns.min(1),
      statementCues: patterns.min(1),
      sections: z.array(section),
      excludes: z.array(z.enum(POPULATIONS)).optional(),
      wordingCredit: z.number().min(0).max(1).optional(),
    }),
  ),
  measurements: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9-]+$/),
      label: z.string().min(1),
      unit: z.string(),
      implies: z.enum(POPULATIONS).optional(),
      impliesBelow: z.number().positive().optional(),
      aliases: patterns.min(1),
      /** The usual adult reference range: a value outside it is read as a high or low result. */
      normal: z.object({ low: z.number(), high: z.number() }).optional(),
      plausible: z.object({ low: z.number(), high: z.number() }).optional(),
      means: z.object({ low: z.string().optional(), high: z.string().optional() }).optional(),
    }),
  ),
});

const sectionPlansSchema = z.object({
  headings: z.record(section, z.string().min(2)),
  audienceFirst: z.record(z.string(), z.array(section)),
  layAdviceForPatientsOnly: patterns,
  limits: z.object({
    bullets: z.number().int().min(1),
    broadBullets: z.number().int().min(1),
    patientBullets: z.number().int().min(1),
    related: z.number().int().min(0),
    perHeading: z.number().int().min(1),
    audienceExtra: z.number().int().min(0).default(0),
  }),
});

const currencySchema = z.object({
  maxGuidelineAgeYears: z.number().int().min(1),
  annualSeries: z.array(z.string().min(5)),
  superseded: z.array(
    z.object({ match: z.string().min(5), before: z.number().int().optional(), newer: z.string().min(5) }),
  ),
});

export interface RulesReport {
  rules: ClinicalRules | null;
  problems: Array<TopicProblem & { file: string }>;
}

/** Reads and validates `knowledge/rules/*.yaml`; every problem names its file and field. */
export function readClinicalRules(knowledgeDir: string): RulesReport {
  const dir = join(knowledgeDir, 'rules');
  const problems: RulesReport['problems'] = [];
  const load = <T>(file: string, schema: z.ZodType<T>): T | null => {
    const path = join(dir, file);
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push({
        file: path,
        severity: 'error',
        location: 'file',
        message: `cannot read the rules: ${(error as Error).message}`,
      });
      return null;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          file: path,
          severity: 'error',
          location: issue.path.join('.') || 'root',
          message: issue.message,
        });
      }
      return null;
    }
    return parsed.data;
  };
  const synonyms = load('synonyms.yaml', synonymsSchema);
  const spelling = load('spelling.yaml', spellingSchema);
  const triage = load('triage.yaml', triageSchema);
  const intents = load('intents.yaml', intentsSchema);
  const plans = load('section-plans.yaml', sectionPlansSchema);
  const currency = load('currency.yaml', currencySchema);
  if (intents) {
    const names = intents.intents.map((intent) => intent.name);
    for (const name of INTENTS) {
      if (!names.includes(name)) {
        problems.push({
          file: join(dir, 'intents.yaml'),
          severity: 'error',
          location: 'intents',
          message: `intent "${name}" has no rule`,
        });
      }
    }
  }
  if (!synonyms || !spelling || !triage || !intents || !plans || !currency) return { rules: null, problems };
  return {
    rules: {
      synonyms: synonyms.groups,
      equivalentWords: synonyms.words,
      spelling: { variants: spelling.variants, shorthand: spelling.shorthand },
      triage,
      intents: intents.intents,
      populations: intents.populations,
      measurements: intents.measurements,
      sectionPlans: plans,
      currency,
    },
    problems,
  };
}

/** A hash of the rule files' contents: the rules are re-read and re-validated when it changes. */
export function fingerprintRules(knowledgeDir: string): string {
  const hash = createHash('sha256');
  for (const file of RULE_FILES) {
    hash.update(file).update('\0');
    try {
      hash.update(readFileSync(join(knowledgeDir, 'rules', file)));
    } catch {
      hash.update('missing');
    }
  }
  return hash.digest('hex');
}

/** The rules, or an error that names every problem and how to find them. */
export function loadClinicalRules(knowledgeDir: string): ClinicalRules {
  const report = readClinicalRules(knowledgeDir);
  if (report.rules && report.problems.every((problem) => problem.severity !== 'error')) return report.rules;
  const list = report.problems.map((problem) => `${problem.file} ${problem.location}: ${problem.message}`).join('; ');
  throw new VesaliusError(
    'KNOWLEDGE_BASE_INVALID',
    `The clinical rules in ${join(knowledgeDir, 'rules')} do not validate: ${list}. Run \`vesalius kb check\` for the full report.`,
  );
}
