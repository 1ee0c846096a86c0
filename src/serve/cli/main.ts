import { Command, CommanderError } from 'commander';
import { type Config, loadConfig } from '../../config/load-config.js';
import { isVesaliusError } from '../../domain/errors.js';
import { createVesalius, type Vesalius } from '../../wiring.js';
import { type CliContext, describeFileError, type Io, UsageError } from './cli-context.js';
import { registerAsk } from './commands/ask-command.js';
import { registerIngest } from './commands/ingest-command.js';
import { registerKnowledgeBase } from './commands/kb-commands.js';
import { registerReview } from './commands/review-commands.js';
import { registerSearch } from './commands/search-command.js';
import { registerServe } from './commands/serve-command.js';
import { registerSources } from './commands/sources-command.js';
import { registerStore } from './commands/store-commands.js';
import { registerUsers } from './commands/users-commands.js';
import { databaseUrlWarning } from './database-url-warning.js';

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
  const open = (db: string | undefined): Vesalius => {
    const overrides: Partial<Config> = {};
    if (db) overrides.dbPath = db;
    const vesalius = createVesalius(loadConfig(overrides));
    const aside = vesalius.recoveredFrom;
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

  const context: CliContext = { io, open, exitCode: 0 };
  registerAsk(program, context);
  registerSearch(program, context);
  registerIngest(program, context);
  registerSources(program, context);
  registerServe(program, context);
  // Any command given a --database URL with a password says that the process list shows it.
  program.hook('preAction', (_root, action) => {
    const url = (action.opts() as { database?: string }).database;
    const warning = url ? databaseUrlWarning(url) : null;
    if (warning) io.err(warning);
  });
  const editorialIo = { out: io.out, err: io.err, readStdin: io.readStdin ?? (async () => '') };
  registerUsers(program, editorialIo);
  registerStore(program, editorialIo);
  registerReview(program, editorialIo);

  registerKnowledgeBase(program, context);

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
  return context.exitCode;
}
