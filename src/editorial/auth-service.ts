import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '../domain/editorial.js';
import { VesaliusError } from '../domain/errors.js';
import type { EditorialRepository } from '../storage/editorial-repository.js';
import { hashPassword, verifyPassword } from './hash-password.js';

const SESSION_HOURS = 12;
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60 * 1000;
const GENERIC_FAILURE = 'Invalid username or password.';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const token = (prefix = '') => `${prefix}${randomBytes(32).toString('base64url')}`;

export interface SignedIn {
  user: User;
  /** Goes only into the HTTP-only cookie; the store keeps its hash. */
  sessionToken: string;
  csrfToken: string;
  expiresAt: string;
}

/**
 * Sign-in with sessions and API tokens. Failed sign-ins are rate-limited per account and
 * per address, and every failure gets the same message (no account enumeration).
 */
export class AuthService {
  private readonly failures = new Map<string, number[]>();
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly repository: EditorialRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async signIn(username: string, password: string, address: string): Promise<SignedIn> {
    const keys = [`user:${username.toLowerCase()}`, `address:${address}`];
    if (keys.some((key) => this.recentFailures(key) >= MAX_FAILURES)) {
      throw new VesaliusError('RATE_LIMITED', 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        retryable: true,
      });
    }
    const found = await this.repository.findUserByUsername(username);
    // Verify against a dummy hash when the account does not exist, so timing does not tell.
    const valid = await verifyPassword(
      password,
      found?.passwordHash ?? (await (this.dummyHash ??= hashPassword(token()))),
    );
    if (!found || !valid) {
      for (const key of keys) this.failures.set(key, [...(this.failures.get(key) ?? []), this.clock().getTime()]);
      throw new VesaliusError('UNAUTHENTICATED', GENERIC_FAILURE);
    }
    for (const key of keys) this.failures.delete(key);
    const sessionToken = token();
    const csrfToken = token();
    const expiresAt = new Date(this.clock().getTime() + SESSION_HOURS * 3_600_000).toISOString();
    await this.repository.createSession({ idHash: sha256(sessionToken), userId: found.id, csrfToken, expiresAt });
    const { passwordHash: _hash, ...user } = found;
    return { user, sessionToken, csrfToken, expiresAt };
  }

  /** The user and CSRF token of a live session, or null. */
  async session(sessionToken: string | undefined): Promise<{ user: User; csrfToken: string } | null> {
    if (!sessionToken) return null;
    const session = await this.repository.getSession(sha256(sessionToken));
    if (!session || session.expiresAt <= this.clock().toISOString()) return null;
    const user = await this.repository.getUser(session.userId);
    return user ? { user, csrfToken: session.csrfToken } : null;
  }

  async signOut(sessionToken: string | undefined): Promise<void> {
    if (sessionToken) await this.repository.deleteSession(sha256(sessionToken));
  }

  /** A new API token for scripts; the plain token is shown once and stored hashed. */
  async createApiToken(user: User, name: string): Promise<string> {
    const plain = token('vsl_');
    await this.repository.createApiToken(
      {
        id: token().slice(0, 12),
        userId: user.id,
        name,
        tokenHash: sha256(plain),
        createdAt: this.clock().toISOString(),
      },
      { at: this.clock().toISOString(), actorId: user.id, action: 'token.create' },
    );
    return plain;
  }

  async apiTokenUser(plain: string | undefined): Promise<User | null> {
    if (!plain?.startsWith('vsl_')) return null;
    const found = await this.repository.findApiToken(sha256(plain));
    return found ? this.repository.getUser(found.userId) : null;
  }

  private recentFailures(key: string): number {
    const since = this.clock().getTime() - FAILURE_WINDOW_MS;
    const recent = (this.failures.get(key) ?? []).filter((time) => time > since);
    this.failures.set(key, recent);
    return recent.length;
  }
}

/** Compares a presented secret with the expected one in constant time (no timing hint). */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
