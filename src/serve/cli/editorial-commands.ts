import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Argument, Option } from 'commander';
import { loadConfig, type Config } from '../../config/load-config.js';
import { ROLES, type Role, type User } from '../../domain/editorial.js';
import { AuthService } from '../../editorial/auth-service.js';
import { verifyPassword } from '../../editorial/hash-password.js';
import { VesaliusError } from '../../domain/errors.js';
import { VERSION_STATES, type VersionState } from '../../domain/review-workflow.js';
import { ReviewService } from '../../editorial/review-service.js';
import { rulesAsArticle } from '../../editorial/rules-as-article.js';
import { RULE_FILES } from '../../ingest/read-clinical-rules.js';
import type { EditorialRepository } from '../../storage/editorial-repository.js';
import {
  backupEmbeddedStores,
  createVesalius,
  openArticleStore,
  openEditorialRepository,
  restoreEmbeddedStores,
} from '../../wiring.js';

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** All of standard input, for --password-stdin. */
  readStdin: () => Promise<string>;
}

interface StoreOptions {
  db?: string;
  database?: string;
}

function configFrom(options: StoreOptions): Config {
  const overrides: Partial<Config> = {};
  if (options.db) overrides.dbPath = options.db;
  if (options.database) overrides.databaseUrl = options.database;
  return loadConfig(overrides);
}

async function withService<T>(
  options: StoreOptions,
  run: (service: ReviewService, repository: EditorialRepository, config: Config) => Promise<T>,
): Promise<T> {
  const config = configFrom(options);
  const repository = await openEditorialRepository(config);
  try {
    return await run(new ReviewService(repository), repository, config);
  } finally {
    await repository.close();
  }
}

async function actor(repository: EditorialRepository, username: string): Promise<User> {
  const user = await repository.findUserByUsername(username);
  if (!user) throw new VesaliusError('NOT_FOUND', `No user ${username}: add one with vesalius users add.`);
  const { passwordHash: _hash, ...rest } = user;
  return rest;
}

/** The named user, proven by their password or one of their API tokens read from standard input. */
async function authenticated(
  repository: EditorialRepository,
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
    const user = await new AuthService(repository).apiTokenUser(secret);
    if (found && user && user.id === found.id) return user;
  } else if (found && (await verifyPassword(secret, found.passwordHash))) {
    const { passwordHash: _hash, ...user } = found;
    return user;
  }
  throw new VesaliusError('UNAUTHENTICATED', `Wrong credentials for ${options.as}.`);
}

const storeOptions = (command: Command) =>
  command
    .option('--db <path>', 'index file; the editorial store sits beside it')
    .option('--database <url>', 'PostgreSQL URL of the editorial store (or VESALIUS_DATABASE_URL)');

/**
 * `vesalius users add|list|set-role` and `vesalius review list|submit|approve|request-changes`:
 * local administration of the editorial store. These run with the operator's access to the
 * store; approvals are recorded under the reviewer named with --as.
 */
export function registerEditorialCommands(program: Command, io: CliIo): void {
  const users = program.command('users').description('Editorial accounts (admin, reviewer, editor, reader).');
  storeOptions(
    users
      .command('add')
      .description('Add an account; the password is read from standard input.')
      .argument('<username>')
      .addOption(new Option('--role <role>', 'role').choices([...ROLES]).makeOptionMandatory())
      .requiredOption('--name <name>', 'display name, e.g. "Dr Ada Lovelace"')
      .option('--credentials <text>', 'shown with approvals, e.g. "MD, FCCP"', '')
      .option('--password-stdin', 'read the password from standard input (required)'),
  ).action(
    async (
      username: string,
      options: StoreOptions & { role: Role; name: string; credentials: string; passwordStdin?: boolean },
    ) => {
      if (!options.passwordStdin)
        throw new VesaliusError(
          'INVALID_INPUT',
          'pass --password-stdin and pipe the password in, so it never appears in the process list or shell history.',
        );
      const password = (await io.readStdin()).split('\n')[0] ?? '';
      await withService(options, async (service) => {
        const user = await service.addUser(
          { username, displayName: options.name, credentials: options.credentials, role: options.role, password },
          null,
        );
        io.out(`Added ${user.username} (${user.role}).\n`);
      });
    },
  );

  storeOptions(users.command('list').description('List accounts.').option('--json', 'print JSON')).action(
    async (options: StoreOptions & { json?: boolean }) => {
      await withService(options, async (_service, repository) => {
        const list = await repository.listUsers();
        if (options.json) io.out(`${JSON.stringify(list)}\n`);
        else
          for (const user of list)
            io.out(
              `${user.username}\t${user.role}\t${user.displayName}${user.credentials ? `, ${user.credentials}` : ''}\n`,
            );
      });
    },
  );

  storeOptions(
    users
      .command('set-role')
      .description("Change an account's role.")
      .argument('<username>')
      .addArgument(new Argument('<role>').choices([...ROLES])),
  ).action(async (username: string, role: Role, options: StoreOptions) => {
    await withService(options, async (service) => {
      const user = await service.setRole(username, role, null);
      io.out(`${user.username} is now ${user.role}.\n`);
    });
  });

  const store = program.command('store').description('Back up and restore the embedded stores (answers, editorial).');
  storeOptions(
    store
      .command('backup')
      .description('Copy the stores into a folder (safe while the server runs).')
      .argument('<folder>'),
  ).action(async (folder: string, options: StoreOptions) => {
    const config = configFrom(options);
    const manifest = await backupEmbeddedStores(config, folder);
    io.out(
      `Backed up ${manifest.files.map((file) => file.name).join(', ') || 'nothing (no stores yet)'} to ${folder}.\n`,
    );
  });
  storeOptions(
    store
      .command('restore')
      .description('Restore the stores from a backup folder (stop the server first).')
      .argument('<folder>'),
  ).action(async (folder: string, options: StoreOptions) => {
    const config = configFrom(options);
    const restored = await restoreEmbeddedStores(config, folder);
    io.out(`Restored ${restored.length} store(s) from ${folder}.\n`);
  });

  const review = program.command('review').description('The review queue and review actions.');
  storeOptions(
    review
      .command('list')
      .description('The review queue, oldest first.')
      .addOption(new Option('--state <state>', 'only this state').choices([...VERSION_STATES]))
      .option('--specialty <specialty>', 'only this specialty')
      .option('--json', 'print JSON'),
  ).action(async (options: StoreOptions & { state?: VersionState; specialty?: string; json?: boolean }) => {
    await withService(options, async (_service, repository) => {
      const queue = await repository.listQueue({
        ...(options.state ? { states: [options.state] } : {}),
        ...(options.specialty ? { specialty: options.specialty } : {}),
      });
      if (options.json) {
        io.out(
          `${JSON.stringify(queue.map(({ document, version }) => ({ ...document, state: version.state, revision: version.revision, submittedAt: version.createdAt })))}\n`,
        );
        return;
      }
      for (const { document, version } of queue)
        io.out(
          `${document.id}\tv${version.number}\t${version.state}\t${document.specialty ?? '-'}\t${version.createdAt}\t${document.title}${document.needsRereview ? '\t(needs re-review)' : ''}\n`,
        );
      if (queue.length === 0) io.out('The review queue is empty.\n');
    });
  });

  storeOptions(
    review
      .command('submit')
      .description('Submit a stored answer (by its article id) for review.')
      .argument('<articleId>')
      .requiredOption('--as <username>', 'who submits')
      .option('--specialty <specialty>'),
  ).action(async (articleId: string, options: StoreOptions & { as: string; specialty?: string }) => {
    await withService(options, async (service, repository, config) => {
      const store = await openArticleStore(config);
      try {
        const stored = await store.get(articleId);
        if (!stored) throw new VesaliusError('NOT_FOUND', `No stored answer ${articleId}.`);
        const { document } = await service.submitAnswer(
          articleId,
          stored.article,
          options.specialty ?? null,
          await actor(repository, options.as),
        );
        io.out(`Submitted as document ${document.id} (version 1, submitted).\n`);
      } finally {
        await store.close();
      }
    });
  });

  storeOptions(
    review
      .command('import-topics')
      .description(
        'Submit every knowledge-base topic and clinical rules file not yet in review as a document (id topic:<topic id>, rules:<file>).',
      )
      .requiredOption('--as <username>', 'who submits'),
  ).action(async (options: StoreOptions & { as: string }) => {
    await withService(options, async (service, repository, config) => {
      const vesalius = createVesalius(config);
      try {
        const submitter = await actor(repository, options.as);
        let added = 0;
        for (const article of vesalius.topicArticles()) {
          const id = `topic:${article.topics[0]}`;
          if (await repository.getDocument(id)) continue;
          const [topic] = vesalius.index.getTopics(article.topics);
          await service.submit(article, { id, kind: 'topic', specialty: topic?.specialty ?? null }, submitter);
          added += 1;
        }
        // The clinical rules (knowledge/rules/*.yaml) are reviewed like topics.
        let rules = 0;
        for (const file of RULE_FILES) {
          const id = `rules:${file.replace(/\.yaml$/, '')}`;
          if (await repository.getDocument(id)) continue;
          const path = join(config.knowledgeDir, 'rules', file);
          const updated = statSync(path).mtime.toISOString().slice(0, 10);
          await service.submit(
            rulesAsArticle(file, readFileSync(path, 'utf8'), updated),
            { id, kind: 'rules', specialty: null },
            submitter,
          );
          rules += 1;
        }
        io.out(`Submitted ${added} knowledge-base topics and ${rules} clinical rules files for review.\n`);
      } finally {
        vesalius.close();
      }
    });
  });

  const decide = (name: 'approve' | 'request-changes', description: string) =>
    storeOptions(
      review
        .command(name)
        .description(description)
        .argument('<documentId>')
        .requiredOption('--as <username>', 'the reviewer')
        .option('--password-stdin', "read the reviewer's password from standard input")
        .option('--token-stdin', "read the reviewer's API token from standard input")
        .option('--version <n>', 'version number (default: the newest)')
        .option('--comment <text>', 'a note for the audit log'),
    ).action(
      async (
        documentId: string,
        options: StoreOptions & {
          as: string;
          version?: string;
          comment?: string;
          passwordStdin?: boolean;
          tokenStdin?: boolean;
        },
      ) => {
        await withService(options, async (service, repository) => {
          // A decision carries a name and credentials: it needs the reviewer's password or API token, not just a name.
          const reviewer = await authenticated(repository, options, io);
          const document = await repository.getDocument(documentId);
          if (!document) throw new VesaliusError('NOT_FOUND', `No document ${documentId}.`);
          const number = options.version ? Number(options.version) : document.currentVersion;
          let version = await repository.getVersion(documentId, number);
          if (!version) throw new VesaliusError('NOT_FOUND', `No version ${number} of ${documentId}.`);
          if (version.state === 'submitted')
            version = await service.act(documentId, number, version.revision, 'start_review', reviewer);
          const done = await service.act(
            documentId,
            number,
            version.revision,
            name === 'approve' ? 'approve' : 'request_changes',
            reviewer,
            options.comment,
          );
          io.out(
            `${document.title}: version ${done.number} is now ${done.state.replace('_', ' ')}${done.approval ? `, approved by ${done.approval.name} on ${done.approval.at.slice(0, 10)}` : ''}.\n`,
          );
        });
      },
    );
  decide('approve', 'Approve a version (starting the review if it is still submitted).');
  decide('request-changes', 'Request changes on a version.');
}
