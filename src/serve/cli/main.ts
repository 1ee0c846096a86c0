import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command, CommanderError, Option } from 'commander';
import { loadConfig, type Config } from '../../config/load-config.js';
import { AUDIENCES, isAudience, type Audience } from '../../domain/audience.js';
import { isVesaliusError } from '../../domain/errors.js';
import { threadContextOf } from '../../answer-question.js';
import type { ThreadContext } from '../../domain/thread-context.js';
import { createPubmedLookup, createVesalius, type Vesalius } from '../../wiring.js';
import { verifyKnowledgeReferences } from './verify-knowledge-references.js';
import { registerEditorialCommands } from './editorial-commands.js';
import { checkKnowledgeBase } from './check-knowledge-base.js';
import { progressReporter } from './progress-reporter.js';
import { databaseUrlWarning } from './database-url-warning.js';
import { renderArticle } from './render-article.js';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  readStdin?: () => Promise<string>;
}

// A reader that stops early (`vesalius ask … | head`) closes the pipe: that is a normal end, not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const defaultIo: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    let text = '';
    for await (const chunk of process.stdin) text += String(chunk);
    return text;
  },
};

/** Runs the CLI and returns the exit code (0 ok, 1 failure, 2 bad usage or input). */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  let exitCode = 0;
  const open = (db: string | undefined): Vesalius => {
    const overrides: Partial<Config> = {};
    if (db) overrides.dbPath = db;
    const vesalius = createVesalius(loadConfig(overrides));
    const aside = vesalius.index.recoveredFrom;
    if (aside)
      io.err(
        `The index was damaged; it was moved to ${aside} and rebuilt from the knowledge base. Ingest your corpora again if you had added any.\n`,
      );
    return vesalius;
  };

  const program = new Command('vesalius')
    .description(
      'Evidence-based clinical answers with citations, from an embedded knowledge base (offline by default).',
    )
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride()
    .showHelpAfterError();

  program
    .command('ask')
    .description('Answer a clinical question with a structured, cited article.')
    .argument('[question...]', 'the question (quote it)')
    .option('--json', 'print the article as one JSON object')
    .addOption(new Option('--audience <who>', 'who is reading').choices([...AUDIENCES]))
    .option(
      '--batch <file>',
      'answer {question, audience?, thread?} JSON lines (lines sharing a thread are follow-ups, in order); print one JSON article per line',
    )
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (words: string[], options: { json?: boolean; audience?: Audience; batch?: string; db?: string }) => {
      const vesalius = open(options.db);
      try {
        const audience = options.audience ?? vesalius.config.defaultAudience;
        if (options.batch) {
          // Lines that share a `thread` value are asked in order as follow-ups of one thread.
          const threads = new Map<string, ThreadContext>();
          await eachJsonLine(
            options.batch,
            (record, line) => {
              const question = record['question'];
              const wanted = record['audience'] ?? audience;
              const thread = record['thread'];
              if (
                typeof question !== 'string' ||
                !isAudience(wanted) ||
                (thread !== undefined && typeof thread !== 'string')
              ) {
                return {
                  error: {
                    code: 'INVALID_INPUT',
                    message: `line ${line}: expected {"question": string, "audience"?: one of ${AUDIENCES.join('|')}, "thread"?: string}`,
                  },
                };
              }
              const article = vesalius.ask(question, wanted, thread ? (threads.get(thread) ?? null) : null);
              if (thread) threads.set(thread, threadContextOf(article));
              return article;
            },
            io,
          );
          return;
        }
        const question = words.join(' ').trim();
        if (!question)
          throw new UsageError(
            'ask needs a question, e.g. vesalius ask "How is community-acquired pneumonia treated?"',
          );
        const article = vesalius.ask(question, audience);
        if (options.json) io.out(`${JSON.stringify(article)}\n`);
        else
          io.out(
            `${renderArticle(article, { color: Boolean(process.stdout.isTTY) && !vesalius.config.noColor, width: process.stdout.columns ?? 100 })}\n`,
          );
      } finally {
        vesalius.close();
      }
    });

  program
    .command('search')
    .description('Show the ranked evidence passages for a query.')
    .argument('[query...]', 'the query')
    .option('--json', 'print a JSON array of {id, sourceId, score, title, text}')
    .option('--limit <k>', 'number of passages', (value) => positiveInt(value, '--limit'), 10)
    .option('--batch <file>', 'search {query} JSON lines; print one JSON array per line')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (words: string[], options: { json?: boolean; limit: number; batch?: string; db?: string }) => {
      const vesalius = open(options.db);
      try {
        if (options.batch) {
          await eachJsonLine(
            options.batch,
            (record, line) => {
              const query = record['query'];
              if (typeof query !== 'string')
                return { error: { code: 'INVALID_INPUT', message: `line ${line}: expected {"query": string}` } };
              return vesalius.search(query, options.limit);
            },
            io,
          );
          return;
        }
        const query = words.join(' ').trim();
        if (!query) throw new UsageError('search needs a query, e.g. vesalius search "NSIP mycophenolate"');
        const results = vesalius.search(query, options.limit);
        if (options.json) {
          io.out(`${JSON.stringify(results)}\n`);
          return;
        }
        results.forEach((result, position) => {
          io.out(
            `${position + 1}. ${result.title} (${result.id}, score ${result.score})\n   ${result.text.replace(/\s+/g, ' ').slice(0, 240)}\n`,
          );
        });
        if (results.length === 0) io.out('No passages found.\n');
      } finally {
        vesalius.close();
      }
    });

  program
    .command('ingest')
    .description(
      'Index files or folders: JSONL corpora (MedQuAD, PubMedQA, MedlinePlus), PubMed XML (.xml, .xml.gz), topic files (.md).',
    )
    .argument('<paths...>', 'files or folders')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (paths: string[], options: { db?: string }) => {
      const vesalius = open(options.db);
      try {
        const summary = await vesalius.ingest(paths, {
          progress: progressReporter(process.stderr),
          onIssue: (issue) => io.err(`skipped ${issue.file} ${issue.location}: ${issue.reason}\n`),
        });
        const rate = Math.round(summary.passages / Math.max(summary.ms / 1000, 0.001));
        io.out(
          `Ingested ${summary.passages} passages from ${summary.sources} sources in ${summary.files} files (${(summary.ms / 1000).toFixed(1)} s, ${rate} passages/s); ${summary.issues.length} skipped.\n`,
        );
        if (summary.files === 0) exitCode = 1;
      } finally {
        vesalius.close();
      }
    });

  program
    .command('sources')
    .description('List what is indexed.')
    .option('--origin <origin>', 'only one origin: knowledge-base, medquad, pubmedqa, medlineplus, pubmed')
    .option('--limit <n>', 'how many to list', (value) => positiveInt(value, '--limit'), 50)
    .option('--offset <n>', 'skip this many', (value) => positiveInt(value, '--offset', true), 0)
    .option('--json', 'print JSON')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action((options: { origin?: string; limit: number; offset: number; json?: boolean; db?: string }) => {
      const vesalius = open(options.db);
      try {
        const stats = vesalius.index.stats();
        const listing = vesalius.index.listSources({
          limit: options.limit,
          offset: options.offset,
          ...(options.origin ? { origin: options.origin } : {}),
        });
        if (options.json) {
          io.out(
            `${JSON.stringify({ stats, sources: listing.map((entry) => ({ ...entry.source, passages: entry.passages })) })}\n`,
          );
          return;
        }
        io.out(
          `${stats.sources} sources, ${stats.passages} passages, ${stats.topics} knowledge-base topics (${Object.entries(
            stats.byOrigin,
          )
            .map(([origin, n]) => `${origin}: ${n}`)
            .join(', ')})\n`,
        );
        for (const { source, passages } of listing) {
          io.out(
            `${source.id}\t${source.origin}\t${source.kind}\t${passages} passages\t${source.title}${source.year ? ` (${source.year})` : ''}\n`,
          );
        }
      } finally {
        vesalius.close();
      }
    });

  program
    .command('serve')
    .description('Start the web app and HTTP API (prints its URL).')
    .option(
      '--port <port>',
      'port (0 picks a free one)',
      (value) => {
        const port = positiveInt(value, '--port', true);
        if (port > 65_535) throw new UsageError(`--port must be at most 65535, got "${value}"`);
        return port;
      },
      8787,
    )
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--db <path>', 'index file (default: the user data directory)')
    .option(
      '--database <url>',
      'PostgreSQL URL of the editorial store, for several instances (or VESALIUS_DATABASE_URL)',
    )
    .option('--quiet', 'no request logs')
    .option(
      '--ask-rate <n>',
      'questions per minute per client, 0 for no limit (or VESALIUS_ASK_RATE; default 60)',
      (value) => positiveInt(value, '--ask-rate', true),
    )
    .option(
      '--daily-questions <n>',
      'questions one address may have stored in 24 hours, 0 for no cap (or VESALIUS_DAILY_QUESTIONS; default 2000)',
      (value) => positiveInt(value, '--daily-questions', true),
    )
    .action(
      async (options: {
        port: number;
        host: string;
        db?: string;
        database?: string;
        quiet?: boolean;
        askRate?: number;
        dailyQuestions?: number;
      }) => {
        const { startServer } = await import('../http/start-server.js');
        const overrides: Partial<Config> = {};
        if (options.askRate !== undefined) overrides.askRatePerMinute = options.askRate;
        if (options.dailyQuestions !== undefined) overrides.dailyQuestionsPerClient = options.dailyQuestions;
        if (options.db) overrides.dbPath = options.db;
        if (options.database) overrides.databaseUrl = options.database;
        const server = await startServer(loadConfig(overrides), {
          port: options.port,
          host: options.host,
          logger: !options.quiet,
        });
        io.out(`Vesalius is running at ${server.url}\n`);
        await server.closed;
      },
    );

  // Any command given a --database URL with a password says that the process list shows it.
  program.hook('preAction', (_root, action) => {
    const url = (action.opts() as { database?: string }).database;
    const warning = url ? databaseUrlWarning(url) : null;
    if (warning) io.err(warning);
  });
  registerEditorialCommands(program, { out: io.out, err: io.err, readStdin: io.readStdin ?? (async () => '') });

  const kb = program.command('kb').description('Knowledge-base tools.');
  kb.command('check')
    .description('Validate the knowledge base and print counts per specialty and topic.')
    .argument('[dir]', 'knowledge-base folder (default: the built-in one)')
    .option('--json', 'print the report as JSON')
    .option(
      '--files <paths...>',
      'report only these topic files (the whole folder is still read for cross-file checks)',
    )
    .action((dir: string | undefined, options: { json?: boolean; files?: string[] }) => {
      const root = dir ?? loadConfig().knowledgeDir;
      exitCode = checkKnowledgeBase(root, {
        json: Boolean(options.json),
        out: io.out,
        ...(options.files ? { files: options.files } : {}),
      });
    });

  kb.command('verify-references')
    .description(
      'Check PMIDs, DOIs and titles of knowledge-base references against PubMed E-utilities (needs network; set VESALIUS_EUTILS_URL, NCBI_API_KEY, NCBI_EMAIL).',
    )
    .argument('[dir]', 'knowledge-base folder (default: the built-in one)')
    .option('--limit <n>', 'check only the first n references', (value) => positiveInt(value, '--limit'))
    .option('--json', 'print the checks as JSON')
    .action(async (dir: string | undefined, options: { json?: boolean; limit?: number }) => {
      const config = loadConfig();
      exitCode = await verifyKnowledgeReferences(dir ?? config.knowledgeDir, createPubmedLookup(config), {
        json: Boolean(options.json),
        out: io.out,
        ...(options.limit ? { limit: options.limit } : {}),
      });
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) {
      io.err(`vesalius: ${error.message}\n`);
      return 2;
    }
    if (isVesaliusError(error)) {
      io.err(`vesalius: ${error.message}\n`);
      return error.code === 'INVALID_INPUT' || error.code === 'CONFLICT' ? 2 : 1;
    }
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      // A system error (a file, a port, a permission) is the user's to fix: say it, no stack trace.
      io.err(`vesalius: ${describeFileError(error as NodeJS.ErrnoException)}\n`);
      return 1;
    }
    io.err(`vesalius: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
  return exitCode;
}

class UsageError extends Error {}

/** A system error in words, with the path when there is one. */
function describeFileError(error: NodeJS.ErrnoException): string {
  const what: Record<string, string> = {
    ENOENT: 'no such file or folder',
    EISDIR: 'it is a folder, not a file',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    EADDRINUSE: 'the address is already in use (another server on that port? pick another with --port)',
    EADDRNOTAVAIL: 'that address is not available on this machine (check --host)',
  };
  const reason = (error.code && what[error.code]) ?? error.message;
  return error.path && !reason.includes(error.path) ? `${error.path}: ${reason}` : reason;
}

function positiveInt(value: string, name: string, allowZero = false): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < (allowZero ? 0 : 1))
    throw new UsageError(`${name} must be a ${allowZero ? 'non-negative' : 'positive'} integer, got "${value}"`);
  return parsed;
}

/** Reads JSON lines and prints one JSON result per input line, in order; a bad line gets an error object. */
async function eachJsonLine(
  file: string,
  handle: (record: Record<string, unknown>, line: number) => unknown,
  io: Io,
): Promise<void> {
  const input = createReadStream(file, { encoding: 'utf8' });
  // Open errors (missing file, a folder, no permission) become one clear message, not a stack trace.
  await new Promise<void>((resolve, reject) => {
    input.once('ready', () => resolve());
    input.once('error', (error: NodeJS.ErrnoException) =>
      reject(new UsageError(`cannot read the batch file ${file}: ${describeFileError(error)}`)),
    );
  });
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line += 1;
    if (text.trim() === '') continue;
    let result: unknown;
    try {
      const record = JSON.parse(text) as unknown;
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw new SyntaxError('expected a JSON object');
      result = handle(record as Record<string, unknown>, line);
    } catch (error) {
      const code = isVesaliusError(error) ? error.code : 'INVALID_INPUT';
      result = { error: { code, message: `line ${line}: ${(error as Error).message}` } };
    }
    io.out(`${JSON.stringify(result)}\n`);
  }
}
