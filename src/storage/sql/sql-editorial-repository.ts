import type { AuditLog, EditorialRepository, ReviewDocuments, UsersAndSessions } from '../editorial-repository.js';
import type { SignInAttempts } from '../sign-in-attempts.js';
import { SqlAuditLog } from './sql-audit-log.js';
import type { SqlEngine } from './sql-engine.js';
import { SqlReviewDocuments } from './sql-review-documents.js';
import { SqlSignInAttempts } from './sql-sign-in-attempts.js';
import { SqlUsersAndSessions } from './sql-users-sessions.js';

type Args<Part, Method extends keyof Part> = Part[Method] extends (...args: infer A) => unknown ? A : never;

/**
 * The editorial store on either engine: one object over the parts that hold each concern
 * (users and sessions, review documents, audit log, sign-in attempts), all on one engine.
 * Engine adapters (sqlite/, postgres/) open the engine and its migrations.
 */
export class SqlEditorialRepository implements EditorialRepository {
  private readonly users: UsersAndSessions;
  private readonly documents: ReviewDocuments;
  private readonly auditLog: AuditLog;
  private readonly attempts: SignInAttempts;

  constructor(private readonly engine: SqlEngine) {
    this.users = new SqlUsersAndSessions(engine);
    this.documents = new SqlReviewDocuments(engine);
    this.auditLog = new SqlAuditLog(engine);
    this.attempts = new SqlSignInAttempts(engine);
  }

  createUser(...args: Args<UsersAndSessions, 'createUser'>) {
    return this.users.createUser(...args);
  }
  getUser(...args: Args<UsersAndSessions, 'getUser'>) {
    return this.users.getUser(...args);
  }
  findUserByUsername(...args: Args<UsersAndSessions, 'findUserByUsername'>) {
    return this.users.findUserByUsername(...args);
  }
  listUsers() {
    return this.users.listUsers();
  }
  setRole(...args: Args<UsersAndSessions, 'setRole'>) {
    return this.users.setRole(...args);
  }
  createSession(...args: Args<UsersAndSessions, 'createSession'>) {
    return this.users.createSession(...args);
  }
  getSession(...args: Args<UsersAndSessions, 'getSession'>) {
    return this.users.getSession(...args);
  }
  deleteSession(...args: Args<UsersAndSessions, 'deleteSession'>) {
    return this.users.deleteSession(...args);
  }
  deleteExpiredSessions(...args: Args<UsersAndSessions, 'deleteExpiredSessions'>) {
    return this.users.deleteExpiredSessions(...args);
  }
  createApiToken(...args: Args<UsersAndSessions, 'createApiToken'>) {
    return this.users.createApiToken(...args);
  }
  findApiToken(...args: Args<UsersAndSessions, 'findApiToken'>) {
    return this.users.findApiToken(...args);
  }
  revokeApiToken(...args: Args<UsersAndSessions, 'revokeApiToken'>) {
    return this.users.revokeApiToken(...args);
  }

  createDocument(...args: Args<ReviewDocuments, 'createDocument'>) {
    return this.documents.createDocument(...args);
  }
  getDocument(...args: Args<ReviewDocuments, 'getDocument'>) {
    return this.documents.getDocument(...args);
  }
  getVersion(...args: Args<ReviewDocuments, 'getVersion'>) {
    return this.documents.getVersion(...args);
  }
  listVersions(...args: Args<ReviewDocuments, 'listVersions'>) {
    return this.documents.listVersions(...args);
  }
  addVersion(...args: Args<ReviewDocuments, 'addVersion'>) {
    return this.documents.addVersion(...args);
  }
  setVersionState(...args: Args<ReviewDocuments, 'setVersionState'>) {
    return this.documents.setVersionState(...args);
  }
  listQueue(...args: Args<ReviewDocuments, 'listQueue'>) {
    return this.documents.listQueue(...args);
  }
  flagDocumentsCiting(...args: Args<ReviewDocuments, 'flagDocumentsCiting'>) {
    return this.documents.flagDocumentsCiting(...args);
  }
  addComment(...args: Args<ReviewDocuments, 'addComment'>) {
    return this.documents.addComment(...args);
  }
  listComments(...args: Args<ReviewDocuments, 'listComments'>) {
    return this.documents.listComments(...args);
  }

  listAudit(...args: Args<AuditLog, 'listAudit'>) {
    return this.auditLog.listAudit(...args);
  }

  recordSignInAttempt(...args: Args<SignInAttempts, 'recordSignInAttempt'>) {
    return this.attempts.recordSignInAttempt(...args);
  }
  forgetSignInAttempts(...args: Args<SignInAttempts, 'forgetSignInAttempts'>) {
    return this.attempts.forgetSignInAttempts(...args);
  }

  ping(): Promise<void> {
    return this.engine.ping();
  }

  /** Closes the engine; safe to call more than once. */
  close(): Promise<void> {
    return this.engine.close();
  }
}
