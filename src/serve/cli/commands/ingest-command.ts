import type { Command } from 'commander';
import type { CliContext } from '../cli-context.js';
import { progressReporter } from '../progress-reporter.js';

/** `vesalius ingest`: index corpora, PubMed XML and topic files. */
export function registerIngest(program: Command, context: CliContext): void {
  program
    .command('ingest')
    .description(
      'Index files or folders: JSONL corpora (MedQuAD, PubMedQA, MedlinePlus), PubMed XML (.xml, .xml.gz), topic files (.md).',
    )
    .argument('<paths...>', 'files or folders')
    .option('--db <path>', 'index file (default: the user data directory)')
    .action(async (paths: string[], options: { db?: string }) => {
      const vesalius = context.open(options.db);
      try {
        const summary = await vesalius.ingest(paths, {
          progress: progressReporter(process.stderr),
          onIssue: (issue) => context.io.err(`skipped ${issue.file} ${issue.location}: ${issue.reason}\n`),
        });
        const rate = Math.round(summary.passages / Math.max(summary.ms / 1000, 0.001));
        context.io.out(
          `Ingested ${summary.passages} passages from ${summary.sources} sources in ${summary.files} files (${(summary.ms / 1000).toFixed(1)} s, ${rate} passages/s); ${summary.issues.length} skipped.\n`,
        );
        if (summary.files === 0) context.exitCode = 1;
      } finally {
        vesalius.close();
      }
    });
}
