import type { Command } from 'commander';
import { type CliContext, positiveInt } from '../cli-context.js';

/** `vesalius sources`: what is indexed. */
export function registerSources(program: Command, context: CliContext): void {
  program
    .command('sources')
    .description('List what is indexed.')
    .option('--origin <origin>', 'only one origin: knowledge-base, medquad, pubmedqa, medlineplus, pubmed')
    .option('--limit <n>', 'how many to list', (value) => positiveInt(value, '--limit'), 50)
    .option('--offset <n>', 'skip this many', (value) => positiveInt(value, '--offset', true), 0)
    .option('--json', 'print JSON')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action((options: { origin?: string; limit: number; offset: number; json?: boolean; db?: string }) => {
      const vesalius = context.open(options.db);
      try {
        const stats = vesalius.stats();
        const listing = vesalius.listSources({
          limit: options.limit,
          offset: options.offset,
          ...(options.origin ? { origin: options.origin } : {}),
        });
        if (options.json) {
          context.io.out(
            `${JSON.stringify({ stats, sources: listing.map((entry) => ({ ...entry.source, passages: entry.passages })) })}\n`,
          );
          return;
        }
        context.io.out(
          `${stats.sources} sources, ${stats.passages} passages, ${stats.topics} knowledge-base topics (${Object.entries(
            stats.byOrigin,
          )
            .map(([origin, n]) => `${origin}: ${n}`)
            .join(', ')})\n`,
        );
        for (const { source, passages } of listing) {
          context.io.out(
            `${source.id}\t${source.origin}\t${source.kind}\t${passages} passages\t${source.title}${source.year ? ` (${source.year})` : ''}\n`,
          );
        }
      } finally {
        vesalius.close();
      }
    });
}
