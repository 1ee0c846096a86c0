import type { Command } from 'commander';
import { type CliContext, eachJsonLine, positiveInt, UsageError } from '../cli-context.js';

/** `vesalius search`: the ranked evidence passages for a query. */
export function registerSearch(program: Command, context: CliContext): void {
  program
    .command('search')
    .description('Show the ranked evidence passages for a query.')
    .argument('[query...]', 'the query')
    .option('--json', 'print a JSON array of {id, sourceId, score, title, text}')
    .option('--limit <k>', 'number of passages', (value) => positiveInt(value, '--limit'), 10)
    .option('--batch <file>', 'search {query} JSON lines; print one JSON array per line')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (words: string[], options: { json?: boolean; limit: number; batch?: string; db?: string }) => {
      const vesalius = context.open(options.db);
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
            context.io,
          );
          return;
        }
        const query = words.join(' ').trim();
        if (!query) throw new UsageError('search needs a query, e.g. vesalius search "NSIP mycophenolate"');
        const results = vesalius.search(query, options.limit);
        if (options.json) {
          context.io.out(`${JSON.stringify(results)}\n`);
          return;
        }
        results.forEach((result, position) => {
          context.io.out(
            `${position + 1}. ${result.title} (${result.id}, score ${result.score})\n   ${result.text.replace(/\s+/g, ' ').slice(0, 240)}\n`,
          );
        });
        if (results.length === 0) context.io.out('No passages found.\n');
      } finally {
        vesalius.close();
      }
    });
}
