import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { User } from '../domain/editorial.js';
import { VesaliusError } from '../domain/errors.js';
import type { EditorialRepository } from '../storage/editorial-repository.js';
import { hashPassword, verifyPassword } from './hash-password.js';

const SESSION_HOURS = 12;
/** API tokens stop working this many days after they were made (make a new one). */
const TOKEN_DAYS = 90;
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
 * address in the shared store (so the limit holds across instances), and every failure gets the same message (no account enumeration).
 */
export class AuthService {
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly repository: EditorialRepository,
    private readonly clock: () => Date = () => new Date(),
    /** The delay step for repeated failures on one account (1 s; shorter in tests). */
    private readonly delayUnitMs = 1_000,
  ) {}

  async signIn(username: string, password: string, address: string): Promise<SignedIn> {
    // Locked per account *and* address: a stranger elsewhere cannot lock someone out.
    const pair = `pair:${username.toLowerCase()}|${address}`;
    const account = `user:${username.toLowerCase()}`;
    // The attempt is recorded in the shared store before the password is checked, and the
    // count comes back from the same atomic write: a burst sent at once (or spread over
    // several instances) is counted in full, and only the first MAX_FAILURES are checked.
    const attemptId = token().slice(0, 16);
    const now = this.clock().getTime();
    const [pairCount = 0, accountCount = 0] = await this.repository.recordSignInAttempt({
      id: attemptId,
      keys: [pair, account],
      at: new Date(now).toISOString(),
      since: new Date(now - FAILURE_WINDOW_MS).toISOString(),
    });
    if (pairCount > MAX_FAILURES) {
      throw new VesaliusError('RATE_LIMITED', 'Too many failed sign-ins. Wait 15 minutes and try again.', {
        retryable: true,
      });
    }
    // Guesses at one account from many addresses are slowed, not locked out: a second more per
    // recent attempt beyond the limit, up to five.
    const beyond = accountCount - 1 - MAX_FAILURES;
    if (beyond > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(5, beyond) * this.delayUnitMs));
    const found = await this.repository.findUserByUsername(username);
    // Verify against a dummy hash when the account does not exist, so timing does not tell.
    this.dummyHash ??= hashPassword(token());
    const valid = await verifyPassword(password, found?.passwordHash ?? (await this.dummyHash));
    if (!found || !valid) throw new VesaliusError('UNAUTHENTICATED', GENERIC_FAILURE);
    // Success: this attempt was not a failure, and this address's slate is clean.
    await this.repository.forgetSignInAttempts({ id: attemptId, clearKey: pair });
    // Expired sessions are cleared as new ones are made, so the table does not grow for ever.
    await this.repository.deleteExpiredSessions(this.clock().toISOString());
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
  async createApiToken(user: User, name: string): Promise<{ token: string; id: string; expiresAt: string }> {
    const plain = token('vsl_');
    const id = token().slice(0, 12);
    const createdAt = this.clock().toISOString();
    await this.repository.createApiToken(
      {
        id,
        userId: user.id,
        name,
        tokenHash: sha256(plain),
        createdAt,
      },
      { at: this.clock().toISOString(), actorId: user.id, action: 'token.create' },
    );
    return { token: plain, id, expiresAt: new Date(Date.parse(createdAt) + TOKEN_DAYS * 86_400_000).toISOString() };
  }

  /** The user of a live API token; tokens expire TOKEN_DAYS after they were made. */
  async apiTokenUser(plain: string | undefined): Promise<User | null> {
    if (!plain?.startsWith('vsl_')) return null;
    const found = await this.repository.findApiToken(sha256(plain));
    if (!found) return null;
    if (Date.parse(found.createdAt) + TOKEN_DAYS * 86_400_000 <= this.clock().getTime()) return null;
    return this.repository.getUser(found.userId);
  }

  /** Revokes one of the user's tokens (an admin may revoke anyone's); false when there was none. */
  async revokeApiToken(user: User, id: string): Promise<boolean> {
    return this.repository.revokeApiToken(id, user.role === 'admin' ? null : user.id, {
      at: this.clock().toISOString(),
      actorId: user.id,
      action: 'token.revoke',
    });
  }
}

/** Compares a presented secret with the expected one in constant time (no timing hint). */
export function sameSecret(presented: unknown, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}
