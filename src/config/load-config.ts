import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import envPaths from 'env-paths';
import { z } from 'zod';
import { AUDIENCES } from '../domain/audience.js';
import { VesaliusError } from '../domain/errors.js';
import { MAX_QUESTION_CHARS } from '../contract/question-limit.js';

/** Everything Vesalius can be configured with; defaults in one place. */
export interface Config {
  /** SQLite index file. */
  dbPath: string;
  /** SQLite file for generated articles and threads (user data, kept across index rebuilds). */
  storePath: string;
  /** SQLite file of the editorial store (users, reviews, versions, audit) when no PostgreSQL URL is set. */
  editorialPath: string;
  /** PostgreSQL connection string for the editorial store of a multi-instance deployment. */
  databaseUrl: string | null;
  /** Folder of the built-in knowledge base. */
  knowledgeDir: string;
  /** Folder of the built web app served by `vesalius serve`. */
  webRoot: string;
  defaultAudience: (typeof AUDIENCES)[number];
  /** Longest question accepted, in characters (longer ones are refused with a clear error). */
  maxQuestionChars: number;
  /** GET /api/articles lists recent questions to anyone (off by default: questions may hold patient details). */
  publicRecent: boolean;
  /** Questions (asks and follow-ups) one client may send per minute over HTTP; 0 for no limit. */
  askRatePerMinute: number;
  /** Served over HTTPS (directly or behind a TLS proxy): Secure cookies and HSTS. */
  secureCookies: boolean;
  /** Questions one client (address) may have stored in 24 hours over HTTP; 0 for no cap. */
  dailyQuestionsPerClient: number;
  /** Days an anonymous answer thread is kept after its last question; 0 keeps them for ever. */
  retentionDays: number;
  /** NO_COLOR convention: never colour terminal output. */
  noColor: boolean;
  /** PubMed E-utilities: base URL, and the optional API key and contact e-mail NCBI asks for. */
  eutils: { baseUrl: string; apiKey?: string; email?: string };
}

export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULTS = {
  knowledgeDir: join(PACKAGE_ROOT, 'knowledge'),
  defaultAudience: 'physician' as const,
  maxQuestionChars: MAX_QUESTION_CHARS,
  eutilsUrl: 'https://eutils.ncbi.nlm.nih.gov/entrez/eutils',
};

const environmentSchema = z.object({
  VESALIUS_DB: z.string().min(1).optional(),
  VESALIUS_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  VESALIUS_KNOWLEDGE_DIR: z.string().min(1).optional(),
  VESALIUS_AUDIENCE: z.enum(AUDIENCES).optional(),
  VESALIUS_EUTILS_URL: z.string().url().optional(),
  NCBI_API_KEY: z.string().min(1).optional(),
  NCBI_EMAIL: z.string().email().optional(),
  VESALIUS_PUBLIC_RECENT: z.enum(['true', 'false', '1', '0']).optional(),
  VESALIUS_ASK_RATE: z.coerce.number().int().min(0).optional(),
  VESALIUS_SECURE_COOKIES: z.enum(['true', 'false', '1', '0']).optional(),
  VESALIUS_RETENTION_DAYS: z.coerce.number().int().min(0).optional(),
  VESALIUS_DAILY_QUESTIONS: z.coerce.number().int().min(0).optional(),
});

/**
 * Settings come from explicit options first, then environment variables, then defaults.
 * This is the only module that reads the environment.
 */
export function loadConfig(overrides: Partial<Config> = {}, environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse({
    VESALIUS_DB: environment['VESALIUS_DB'] || undefined,
    VESALIUS_DATABASE_URL: environment['VESALIUS_DATABASE_URL'] || undefined,
    VESALIUS_KNOWLEDGE_DIR: environment['VESALIUS_KNOWLEDGE_DIR'] || undefined,
    VESALIUS_AUDIENCE: environment['VESALIUS_AUDIENCE'] || undefined,
    VESALIUS_EUTILS_URL: environment['VESALIUS_EUTILS_URL'] || undefined,
    NCBI_API_KEY: environment['NCBI_API_KEY'] || undefined,
    NCBI_EMAIL: environment['NCBI_EMAIL'] || undefined,
    VESALIUS_PUBLIC_RECENT: environment['VESALIUS_PUBLIC_RECENT'] || undefined,
    VESALIUS_ASK_RATE: environment['VESALIUS_ASK_RATE'] || undefined,
    VESALIUS_SECURE_COOKIES: environment['VESALIUS_SECURE_COOKIES'] || undefined,
    VESALIUS_RETENTION_DAYS: environment['VESALIUS_RETENTION_DAYS'] || undefined,
    VESALIUS_DAILY_QUESTIONS: environment['VESALIUS_DAILY_QUESTIONS'] || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VesaliusError(
      'CONFIG_INVALID',
      `Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message}. Fix or unset it.`,
    );
  }
  const env = parsed.data;
  const dbPath = resolve(
    overrides.dbPath ?? env.VESALIUS_DB ?? join(envPaths('vesalius', { suffix: '' }).data, 'index.sqlite'),
  );
  return {
    dbPath,
    storePath: resolve(overrides.storePath ?? `${dbPath.replace(/\.sqlite$/, '')}.store.sqlite`),
    editorialPath: resolve(overrides.editorialPath ?? `${dbPath.replace(/\.sqlite$/, '')}.editorial.sqlite`),
    databaseUrl: overrides.databaseUrl ?? env.VESALIUS_DATABASE_URL ?? null,
    knowledgeDir: resolve(overrides.knowledgeDir ?? env.VESALIUS_KNOWLEDGE_DIR ?? DEFAULTS.knowledgeDir),
    webRoot: overrides.webRoot ?? join(PACKAGE_ROOT, 'dist', 'web'),
    defaultAudience: overrides.defaultAudience ?? env.VESALIUS_AUDIENCE ?? DEFAULTS.defaultAudience,
    maxQuestionChars: overrides.maxQuestionChars ?? DEFAULTS.maxQuestionChars,
    askRatePerMinute: overrides.askRatePerMinute ?? env.VESALIUS_ASK_RATE ?? 60,
    retentionDays: overrides.retentionDays ?? env.VESALIUS_RETENTION_DAYS ?? 180,
    dailyQuestionsPerClient: overrides.dailyQuestionsPerClient ?? env.VESALIUS_DAILY_QUESTIONS ?? 2_000,
    secureCookies:
      overrides.secureCookies ?? (env.VESALIUS_SECURE_COOKIES === 'true' || env.VESALIUS_SECURE_COOKIES === '1'),
    publicRecent:
      overrides.publicRecent ?? (env.VESALIUS_PUBLIC_RECENT === 'true' || env.VESALIUS_PUBLIC_RECENT === '1'),
    noColor: overrides.noColor ?? Boolean(environment['NO_COLOR']),
    eutils: overrides.eutils ?? {
      baseUrl: env.VESALIUS_EUTILS_URL ?? DEFAULTS.eutilsUrl,
      ...(env.NCBI_API_KEY ? { apiKey: env.NCBI_API_KEY } : {}),
      ...(env.NCBI_EMAIL ? { email: env.NCBI_EMAIL } : {}),
    },
  };
}
