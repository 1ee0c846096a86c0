import type { Command } from 'commander';
import { type Config, loadConfig } from '../../../config/load-config.js';
import type { User } from '../../../domain/editorial.js';
import { VesaliusError } from '../../../domain/errors.js';
import type { AuthService } from '../../../editorial/auth-service.js';
import { verifyPassword } from '../../../editorial/hash-password.js';
import type { ReviewService } from '../../../editorial/review-service.js';
import type { EditorialRepository } from '../../../storage/editorial-repository.js';
import { openEditorial } from '../../../wiring.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** All of standard input, for --password-stdin. */
  readStdin: () => Promise<string>;
}

export interface StoreOptions {
  db?: string;
  database?: string;
}

export function configFrom(options: StoreOptions): Config {
  const overrides: Partial<Config> = {};
  if (options.db) overrides.dbPath = options.db;
  if (options.database) overrides.databaseUrl = options.database;
  return loadConfig(overrides);
}

export async function withService<T>(
  options: StoreOptions,
  run: (service: ReviewService, repository: EditorialRepository, config: Config, auth: AuthService) => Promise<T>,
): Promise<T> {
  const config = configFrom(options);
  const { repository, review, auth } = await openEditorial(config);
  try {
    return await run(review, repository, config, auth);
  } finally {
    await repository.close();
  }
}

export async function actor(repository: EditorialRepository, username: string): Promise<User> {
  const user = await repository.findUserByUsername(username);
  if (!user) throw new VesaliusError('NOT_FOUND', `No user ${username}: add one with vesalius users add.`);
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/** The named user, proven by their password or one of their API tokens read from standard input. */
export async function authenticated(
  repository: EditorialRepository,
  auth: AuthService,
  options: { as: string; passwordStdin?: boolean; tokenStdin?: boolean },
  io: CliIo,
): Promise<User> {
  if (!options.passwordStdin && !options.tokenStdin)
    throw new VesaliusError(
      'UNAUTHENTICATED',
      `Acting as ${options.as} needs their credentials: pipe the password with --password-stdin, or an API token (POST /api/auth/tokens) with --token-stdin.`,
    );
  const secret = ((await io.readStdin()).split('\n')[0] ?? '').trim();
  const found = await repository.findUserByUsername(options.as);
  if (options.tokenStdin) {
    const user = await auth.apiTokenUser(secret);
    if (found && user && user.id === found.id) return user;
  } else if (found && (await verifyPassword(secret, found.passwordHash))) {
    const { passwordHash: _hash, ...user } = found;
    return user;
  }
  throw new VesaliusError('UNAUTHENTICATED', `Wrong credentials for ${options.as}.`);
}

export const storeOptions = (command: Command) =>
  command
    .option('--db <path>', 'index file; the editorial store sits beside it')
    .option('--database <url>', 'PostgreSQL URL of the editorial store (or VESALIUS_DATABASE_URL)');
