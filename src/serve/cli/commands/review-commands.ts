import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { VesaliusError } from '../../../domain/errors.js';
import { VERSION_STATES, type VersionState } from '../../../domain/review-workflow.js';
import { importKnowledgeForReview } from '../../../editorial/import-knowledge.js';
import { RULE_FILES } from '../../../ingest/read-clinical-rules.js';
import { createVesalius, openArticleStore } from '../../../wiring.js';
import { actor, authenticated, type CliIo, type StoreOptions, storeOptions, withService } from './editorial-store.js';

/** `vesalius review list|submit|import-topics|approve|request-changes`; decisions are recorded under the reviewer named with --as, proven by password or token. */
export function registerReview(program: Command, io: CliIo): void {
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
        const { topics: added, rules } = await importKnowledgeForReview(
          service,
          {
            topics: vesalius.topicArticles().map((article) => ({
              topicId: article.topics[0] ?? '',
              article,
              specialty: vesalius.topics(article.topics)[0]?.specialty ?? null,
            })),
            // The clinical rules (knowledge/rules/*.yaml) are reviewed like topics.
            rules: RULE_FILES.map((file) => {
              const path = join(config.knowledgeDir, 'rules', file);
              return {
                file,
                text: readFileSync(path, 'utf8'),
                updated: statSync(path).mtime.toISOString().slice(0, 10),
              };
            }),
          },
          submitter,
        );
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
        await withService(options, async (service, repository, _config, auth) => {
          // A decision carries a name and credentials: it needs the reviewer's password or API token, not just a name.
          const reviewer = await authenticated(repository, auth, options, io);
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
