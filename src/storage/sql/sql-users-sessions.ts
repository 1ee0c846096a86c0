import type { Role, User } from '../../domain/editorial.js';
import { VesaliusError } from '../../domain/errors.js';
import type { ApiToken, AuditInput, NewUser, Session, UsersAndSessions } from '../editorial-repository.js';
import { mustExist } from '../must-exist.js';
import { toUser, type UserRow } from '../user-row.js';
import { appendAudit } from './sql-audit-log.js';
import type { SqlEngine } from './sql-engine.js';

/** The unique constraint on usernames, as each engine names it. */
const USERNAME_UNIQUE = { constraint: 'users_username_key', table: 'users', column: 'username' };

/** Accounts, roles, browser sessions and API tokens. */
export class SqlUsersAndSessions implements UsersAndSessions {
  constructor(private readonly engine: SqlEngine) {}

  async createUser(user: NewUser, audit: AuditInput): Promise<User> {
    const { notes } = this.engine;
    const duplicate = () =>
      new VesaliusError('CONFLICT', `A user named ${user.username} already exists.`, {
        details: { field: 'username' },
      });
    return this.engine.write(async (trx) => {
      if (await trx.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst())
        throw duplicate();
      let row: UserRow;
      try {
        // Two PostgreSQL instances can both pass the check above; the unique constraint decides.
        row = mustExist(
          await trx
            .insertInto('users')
            .values({
              id: user.id,
              username: user.username,
              display_name: user.displayName,
              credentials: user.credentials,
              role: user.role,
              password_hash: user.passwordHash,
              created_at: user.createdAt,
            })
            .returningAll()
            .executeTakeFirst(),
          'the new user',
        );
      } catch (error) {
        if (notes.isUniqueViolation(error, USERNAME_UNIQUE)) throw duplicate();
        throw error;
      }
      await appendAudit(trx, notes, audit, null, null, { userId: user.id, username: user.username, role: user.role });
      return toUser(row);
    });
  }

  async getUser(id: string): Promise<User | null> {
    const row = await this.engine.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findUserByUsername(username: string): Promise<(User & { passwordHash: string }) | null> {
    const row = await this.engine.db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(): Promise<User[]> {
    const rows = await this.engine.db
      .selectFrom('users')
      .selectAll()
      .orderBy(this.engine.notes.bytewise('username'))
      .execute();
    return rows.map(toUser);
  }

  async setRole(userId: string, role: Role, audit: AuditInput): Promise<User> {
    const { notes } = this.engine;
    return this.engine.write(async (trx) => {
      const row = await trx
        .selectFrom('users')
        .selectAll()
        .where('id', '=', userId)
        .$if(notes.lockRows, (query) => query.forUpdate())
        .executeTakeFirst();
      if (!row) throw new VesaliusError('NOT_FOUND', `No user ${userId}.`);
      await trx.updateTable('users').set({ role }).where('id', '=', userId).execute();
      await appendAudit(trx, notes, audit, null, null, { userId, from: row.role, to: role });
      return { ...toUser(row), role };
    });
  }

  async createSession(session: Session): Promise<void> {
    await this.engine.db
      .insertInto('sessions')
      .values({
        id_hash: session.idHash,
        user_id: session.userId,
        csrf_token: session.csrfToken,
        expires_at: session.expiresAt,
      })
      .execute();
  }

  async getSession(idHash: string): Promise<Session | null> {
    const row = await this.engine.db
      .selectFrom('sessions')
      .selectAll()
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    return row
      ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, expiresAt: row.expires_at }
      : null;
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.engine.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  async deleteExpiredSessions(now: string): Promise<number> {
    const result = await this.engine.db
      .deleteFrom('sessions')
      .where(this.engine.notes.bytewise('expires_at'), '<=', now)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  async createApiToken(token: ApiToken, audit: AuditInput): Promise<void> {
    await this.engine.write(async (trx) => {
      await trx
        .insertInto('api_tokens')
        .values({
          id: token.id,
          user_id: token.userId,
          name: token.name,
          token_hash: token.tokenHash,
          created_at: token.createdAt,
        })
        .execute();
      await appendAudit(trx, this.engine.notes, audit, null, null, {
        tokenId: token.id,
        userId: token.userId,
        name: token.name,
      });
    });
  }

  async findApiToken(tokenHash: string): Promise<ApiToken | null> {
    const row = await this.engine.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', tokenHash)
      .executeTakeFirst();
    return row
      ? { id: row.id, userId: row.user_id, name: row.name, tokenHash: row.token_hash, createdAt: row.created_at }
      : null;
  }

  async revokeApiToken(id: string, ownerId: string | null, audit: AuditInput): Promise<boolean> {
    return this.engine.write(async (trx) => {
      const result = await trx
        .deleteFrom('api_tokens')
        .where('id', '=', id)
        .$if(ownerId !== null, (query) => query.where('user_id', '=', ownerId ?? ''))
        .executeTakeFirst();
      const removed = Number(result.numDeletedRows) > 0;
      if (removed) await appendAudit(trx, this.engine.notes, audit, null, null, { tokenId: id });
      return removed;
    });
  }
}
