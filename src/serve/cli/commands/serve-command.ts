import type { Command } from 'commander';
import { type Config, loadConfig } from '../../../config/load-config.js';
import { type CliContext, positiveInt, UsageError } from '../cli-context.js';

/** `vesalius serve`: the web app and HTTP API. */
export function registerServe(program: Command, context: CliContext): void {
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
        const { startServer } = await import('../../http/start-server.js');
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
        context.io.out(`Vesalius is running at ${server.url}\n`);
        await server.closed;
      },
    );
}
